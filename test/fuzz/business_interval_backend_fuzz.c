/*-------------------------------------------------------------------------
 *
 * business_interval_backend_fuzz.c
 *	  libFuzzer inside a PostgreSQL backend, for business_interval text
 *	  input and binary recv, which lean on the server's own date/time parser
 *	  and message buffers and so cannot run standalone.
 *
 * test/fuzz/run builds this file with src/business_interval*.c into a
 * test-only module (never installed), starts "postgres --single" on a
 * throwaway data directory with the AddressSanitizer runtime preloaded, and
 * calls sla_fuzz_run(target, libFuzzer arguments), which never returns:
 * libFuzzer exits the process when done.  Only this module is instrumented,
 * so libFuzzer's coverage feedback comes from our code and these checks,
 * not from PostgreSQL's parser; the dictionary makes up for part of that.
 *
 * Each input runs through the fmgr inside PG_TRY; an ERROR is caught,
 * copied and flushed, and the memory of each input is freed by resetting
 * one context.  A broken property aborts, so libFuzzer saves the input.
 *
 * IDENTIFICATION
 *	  test/fuzz/business_interval_backend_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include "sla.h"

#include "business_interval.h"
#include "business_interval_wire.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/timestamp.h"

PG_MODULE_MAGIC;

extern Datum sla_business_interval_in(PG_FUNCTION_ARGS);
extern Datum sla_business_interval_out(PG_FUNCTION_ARGS);
extern Datum sla_business_interval_recv(PG_FUNCTION_ARGS);
extern Datum sla_business_interval_send(PG_FUNCTION_ARGS);

#define FUZZ_GUARDED_SIZE 2048
#include "backend_fuzz.h"

/*
 * The documented range, written here rather than taken from the code under
 * test: anything but the most negative days and time.
 */
static bool
documented_in_range(int32 days, int64 time)
{
	return days != PG_INT32_MIN && time != PG_INT64_MIN;
}

/* Does interval_in's SQLSTATE say the text is out of range? */
static bool
is_core_range_error(int code)
{
	return code == ERRCODE_DATETIME_VALUE_OUT_OF_RANGE ||
		code == ERRCODE_INTERVAL_FIELD_OVERFLOW;
}

/* Is the SQLSTATE one of those business_interval_in documents? */
static bool
is_input_error(int code)
{
	return code == ERRCODE_INVALID_TEXT_REPRESENTATION ||
		code == ERRCODE_INVALID_PARAMETER_VALUE ||
		code == ERRCODE_DATETIME_VALUE_OUT_OF_RANGE;
}

/*
 * Check that an accepted value prints under every IntervalStyle and reads
 * back, under that style, to the same days and time.
 */
static void
check_round_trip(const BusinessInterval *value)
{
	int			saved = IntervalStyle;
	int			style;

	for (style = INTSTYLE_POSTGRES; style <= INTSTYLE_ISO_8601; style++)
	{
		CallResult	out;
		CallResult	back;
		BusinessInterval *again;

		IntervalStyle = style;
		out = call(sla_business_interval_out, 1,
				   PointerGetDatum(value), 0, 0);
		if (!out.ok)
			fail("output raised an error");
		back = call(sla_business_interval_in, 1, out.value, 0, 0);
		if (!back.ok)
			fail("output text does not read back");
		again = DatumGetBusinessIntervalP(back.value);
		if (again->days != value->days || again->time != value->time ||
			again->flags != 0)
			fail("output text reads back to another value");
	}
	IntervalStyle = saved;
}

/*
 * Text input.  The first byte picks the IntervalStyle to parse under (it
 * changes how signs apply); the rest is the text.  Properties: only the
 * documented SQLSTATEs; an accepted value is what interval_in reads, with no
 * months, and round-trips under every style; and, compared with
 * interval_in, a syntax error here is one there, an out-of-range there is
 * out of range (or has months) here, and out of range here where
 * interval_in sees bad syntax happens only for a signed time field.
 */
static int
fuzz_text_in(const uint8_t *data, size_t size)
{
	MemoryContext old;
	int			saved = IntervalStyle;
	char	   *text;
	CallResult	ours;
	CallResult	core;

	current_data = data;
	current_size = size;
	if (size == 0 || size > FUZZ_GUARDED_SIZE ||
		memchr(data + 1, '\0', size - 1) != NULL)
		return 0;
	old = MemoryContextSwitchTo(fuzz_context);
	/* the text and its NUL, with the bytes after them poisoned */
	text = guarded_copy(data, size);
	memmove(text, text + 1, size - 1);
	text[size - 1] = '\0';
	IntervalStyle = data[0] & 3;

	ours = call(sla_business_interval_in, 1, CStringGetDatum(text), 0, 0);
	core = call(interval_in, 3, CStringGetDatum(text),
				ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	IntervalStyle = saved;

	if (!ours.ok && !is_input_error(ours.sqlerrcode))
		fail("business_interval_in raised an undocumented SQLSTATE");
	if (ours.ok)
	{
		BusinessInterval *value = DatumGetBusinessIntervalP(ours.value);
		Interval   *span = DatumGetIntervalP(core.value);

		if (!core.ok)
			fail("accepted text that interval_in rejects");
		if (span->month != 0 || span->day != value->days ||
			span->time != value->time)
			fail("accepted text reads differently from interval_in");
		if (value->flags != 0 ||
			!documented_in_range(value->days, value->time))
			fail("accepted a value out of range");
		check_round_trip(value);
	}
	else if (core.ok)
	{
		Interval   *span = DatumGetIntervalP(core.value);

		if (span->month != 0 &&
			ours.sqlerrcode != ERRCODE_INVALID_PARAMETER_VALUE)
			fail("text with months not rejected as months");
		if (ours.sqlerrcode == ERRCODE_INVALID_TEXT_REPRESENTATION)
			fail("syntax error for text that interval_in reads");
		if (ours.sqlerrcode == ERRCODE_DATETIME_VALUE_OUT_OF_RANGE &&
			documented_in_range(span->day, span->time))
			fail("out of range for a value in range");
	}
	else if (is_core_range_error(core.sqlerrcode))
	{
		if (ours.sqlerrcode == ERRCODE_INVALID_TEXT_REPRESENTATION)
			fail("syntax error for text interval_in finds out of range");
	}
	else if (ours.sqlerrcode == ERRCODE_DATETIME_VALUE_OUT_OF_RANGE)
	{
		if (strchr(text, ':') == NULL ||
			(strchr(text, '-') == NULL && strchr(text, '+') == NULL))
			fail("out of range for text interval_in cannot read, without a signed time");
	}
	MemoryContextSwitchTo(old);
	MemoryContextReset(fuzz_context);
	return 0;
}

/*
 * Binary input.  Properties: recv accepts exactly the 16-byte messages with
 * zero flags and neither field the most negative value (decided here from
 * the bytes, not by the decoder), raises 22P03 otherwise, consumes the
 * message, and send writes back the same bytes.
 */
static int
fuzz_recv(const uint8_t *data, size_t size)
{
	MemoryContext old;
	StringInfoData buf;
	CallResult	got;
	bool		valid = false;

	current_data = data;
	current_size = size;
	if (size > FUZZ_GUARDED_SIZE)
		return 0;
	old = MemoryContextSwitchTo(fuzz_context);
	/* the message, with the bytes after it poisoned (so no trailing NUL) */
	buf.data = guarded_copy(data, size);
	buf.len = size;
	buf.maxlen = size;
	buf.cursor = 0;
	if (size == 16)
	{
		bool		min_time = (data[0] == 0x80);
		bool		min_days = (data[8] == 0x80);
		bool		zero_flags = true;
		int			i;

		for (i = 1; i < 8; i++)
			min_time = min_time && data[i] == 0;
		for (i = 9; i < 12; i++)
			min_days = min_days && data[i] == 0;
		for (i = 12; i < 16; i++)
			zero_flags = zero_flags && data[i] == 0;
		valid = zero_flags && !min_time && !min_days;
	}

	got = call(sla_business_interval_recv, 1, PointerGetDatum(&buf), 0, 0);
	if (got.ok != valid)
		fail(valid ? "recv rejected a valid message" :
			 "recv accepted an invalid message");
	if (!got.ok && got.sqlerrcode != ERRCODE_INVALID_BINARY_REPRESENTATION)
		fail("recv raised an SQLSTATE other than 22P03");
	if (got.ok)
	{
		CallResult	sent;
		bytea	   *bytes;

		if (buf.cursor != buf.len)
			fail("recv did not consume the message");
		sent = call(sla_business_interval_send, 1, got.value, 0, 0);
		if (!sent.ok)
			fail("send raised an error");
		bytes = DatumGetByteaPP(sent.value);
		if (VARSIZE_ANY_EXHDR(bytes) != size ||
			memcmp(VARDATA_ANY(bytes), data, size) != 0)
			fail("send(recv(x)) != x");
	}
	MemoryContextSwitchTo(old);
	MemoryContextReset(fuzz_context);
	return 0;
}

/* sla_fuzz_run(target, libFuzzer arguments): see backend_fuzz.h. */
PG_FUNCTION_INFO_V1(sla_fuzz_run);
Datum
sla_fuzz_run(PG_FUNCTION_ARGS)
{
	static const FuzzTarget targets[] = {
		{"business_interval_in", fuzz_text_in},
		{"business_interval_recv", fuzz_recv},
	};

	return fuzz_run(fcinfo, targets, lengthof(targets));
}

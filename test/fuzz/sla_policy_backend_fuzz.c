/*-------------------------------------------------------------------------
 *
 * sla_policy_backend_fuzz.c
 *	  libFuzzer inside a PostgreSQL backend, for sla_policy text input and
 *	  binary recv: the JSON tree (PostgreSQL's JSON parser behind it), the
 *	  policy checks, the canonical form and its output.
 *
 * Built by test/fuzz/run with src/sla_policy.c, policy_text.c, json_tree.c
 * and business_interval*.c into a test-only module and run inside
 * "postgres --single", as business_interval_backend_fuzz.c is (see there
 * for why inputs are copied into a buffer poisoned by hand and why the
 * stack is unpoisoned after an ERROR).
 *
 * Each input runs through the fmgr inside PG_TRY; an ERROR is caught,
 * copied and flushed, and the memory of each input is freed by resetting
 * one context.  A broken property aborts, so libFuzzer saves the input.
 *
 * IDENTIFICATION
 *	  test/fuzz/sla_policy_backend_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "sla_policy.h"

PG_MODULE_MAGIC;

extern Datum sla_policy_in(PG_FUNCTION_ARGS);
extern Datum sla_policy_out(PG_FUNCTION_ARGS);
extern Datum sla_policy_recv(PG_FUNCTION_ARGS);
extern Datum sla_policy_send(PG_FUNCTION_ARGS);
extern Datum sla_policy_to_jsonb(PG_FUNCTION_ARGS);
extern Datum sla_policy_from_jsonb(PG_FUNCTION_ARGS);
/*
 * Inputs are at most this long (libFuzzer's -max_len in test/fuzz/run);
 * a repeated document is built up to REPEAT_MAX bytes, past the 1 MB limit.
 */
#define FUZZ_GUARDED_SIZE 8192
#define REPEAT_MAX (2 * 1024 * 1024)
#include "backend_fuzz.h"

/* Is the SQLSTATE one that sla_policy text input documents? */
static bool
is_input_error(int code)
{
	return code == ERRCODE_INVALID_TEXT_REPRESENTATION ||
		code == ERRCODE_INVALID_PARAMETER_VALUE ||
		code == ERRCODE_DATETIME_VALUE_OUT_OF_RANGE ||
		code == ERRCODE_PROGRAM_LIMIT_EXCEEDED;
}

/*
 * Check the layout of an accepted value against the rules written in
 * sla_policy.h, read here from the bytes: sizes add up, every offset names
 * a NUL-terminated string inside the value, fractions and amounts are in
 * range, thresholds ascend, targets are sorted without repeats.
 */
static void
check_layout(const SlaPolicy *p)
{
	const int64 *esc;
	const SlaPolicyTarget *t;
	const char *strings;
	Size		expected;
	int			i;

	if (p->version != SLA_POLICY_VERSION || p->reserved != 0)
		fail("accepted value has a wrong version or reserved byte");
	if (p->ntargets < 0 || p->ntargets > SLA_POLICY_MAX_TARGETS ||
		p->nescalations > SLA_POLICY_MAX_ESCALATIONS || p->strings_len < 0)
		fail("accepted value has counts out of bounds");
	expected = sizeof(SlaPolicy) + sizeof(int64) * p->nescalations +
		sizeof(SlaPolicyTarget) * p->ntargets + p->strings_len;
	if (VARSIZE(p) != expected)
		fail("accepted value's size does not add up");
	esc = sla_policy_escalations(p);
	t = sla_policy_targets(p);
	strings = sla_policy_strings(p);
	if (p->strings_len > 0 && strings[p->strings_len - 1] != '\0')
		fail("accepted value's strings do not end in NUL");
	if (p->warn_at <= 0 || p->warn_at > SLA_FRACTION_SCALE)
		fail("accepted warn_at out of (0, 1]");
	for (i = 0; i < p->nescalations; i++)
		if (esc[i] <= 0 || esc[i] > SLA_FRACTION_MAX ||
			(i > 0 && esc[i] <= esc[i - 1]))
			fail("accepted escalations out of range or not ascending");
	if (p->calendar >= p->strings_len || p->calendar < -1)
		fail("accepted default calendar offset out of the strings");
	for (i = 0; i < p->ntargets; i++)
	{
		if (t[i].priority < 0 || t[i].priority >= p->strings_len ||
			t[i].calendar < -1 || t[i].calendar >= p->strings_len)
			fail("accepted target offset out of the strings");
		if (t[i].kind < 0 || t[i].kind >= SLA_KIND_COUNT)
			fail("accepted target of an unknown kind");
		if (t[i].days < 0 || t[i].time < 0 || (t[i].days == 0 && t[i].time == 0))
			fail("accepted a target that is not positive");
		if (t[i].calendar < 0 && p->calendar < 0)
			fail("accepted a target without a calendar");
		if (i > 0)
		{
			int			c = strcmp(strings + t[i - 1].priority, strings + t[i].priority);

			if (c > 0 || (c == 0 && t[i - 1].kind >= t[i].kind))
				fail("accepted targets not sorted or repeated");
		}
	}
}

/*
 * Everything an accepted value must survive: output that reads back to the
 * same bytes and prints the same again, send/recv and the jsonb casts to
 * the same bytes.
 */
static void
check_round_trips(SlaPolicy *p)
{
	CallResult	out,
				back,
				again,
				sent,
				received,
				jb,
				fromjb;
	StringInfoData buf;
	bytea	   *bytes;
	SlaPolicy  *q;

	check_layout(p);
	out = call(sla_policy_out, 1, PointerGetDatum(p), 0, 0);
	if (!out.ok)
		fail("output raised an error");
	back = call(sla_policy_in, 1, out.value, 0, 0);
	if (!back.ok)
		fail("output text does not read back");
	q = (SlaPolicy *) DatumGetPointer(back.value);
	if (VARSIZE(q) != VARSIZE(p) || memcmp(q, p, VARSIZE(p)) != 0)
		fail("output text reads back to another value");
	again = call(sla_policy_out, 1, back.value, 0, 0);
	if (!again.ok || strcmp(DatumGetCString(again.value), DatumGetCString(out.value)) != 0)
		fail("output is not stable");

	sent = call(sla_policy_send, 1, PointerGetDatum(p), 0, 0);
	if (!sent.ok)
		fail("send raised an error");
	bytes = DatumGetByteaPP(sent.value);
	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(bytes), VARSIZE_ANY_EXHDR(bytes));
	received = call(sla_policy_recv, 1, PointerGetDatum(&buf), 0, 0);
	if (!received.ok)
		fail("recv rejects what send wrote");
	q = (SlaPolicy *) DatumGetPointer(received.value);
	if (VARSIZE(q) != VARSIZE(p) || memcmp(q, p, VARSIZE(p)) != 0)
		fail("recv(send(x)) != x");

	jb = call(sla_policy_to_jsonb, 1, PointerGetDatum(p), 0, 0);
	if (!jb.ok)
		fail("cast to jsonb raised an error");
	fromjb = call(sla_policy_from_jsonb, 1, jb.value, 0, 0);
	if (!fromjb.ok)
		fail("cast back from jsonb raised an error");
	q = (SlaPolicy *) DatumGetPointer(fromjb.value);
	if (VARSIZE(q) != VARSIZE(p) || memcmp(q, p, VARSIZE(p)) != 0)
		fail("jsonb round trip gives another value");
}

/*
 * The document of an input for text input: the text itself, or, when it
 * has the form "prefix NUL middle NUL suffix" with the repeat flag, the
 * prefix, the middle repeated (b1 * 256 + b2) + 1 times, then the suffix,
 * capped at REPEAT_MAX bytes: how a small input becomes a huge or deeply
 * nested document.  NULL when the input has a NUL but not that form.
 */
static char *
document(const uint8_t *body, size_t size, bool repeat, int count)
{
	const uint8_t *nul1;
	const uint8_t *nul2;
	StringInfoData doc;
	int			i;

	if (memchr(body, '\0', size) == NULL)
	{
		char	   *text = guarded_copy(body, size);

		ASAN_UNPOISON_MEMORY_REGION(text + size, 1);
		text[size] = '\0';
		return text;
	}
	if (!repeat)
		return NULL;
	nul1 = memchr(body, '\0', size);
	nul2 = memchr(nul1 + 1, '\0', size - (nul1 + 1 - body));
	if (nul2 == NULL || memchr(nul2 + 1, '\0', size - (nul2 + 1 - body)) != NULL)
		return NULL;
	initStringInfo(&doc);
	appendBinaryStringInfo(&doc, (const char *) body, nul1 - body);
	for (i = 0; i <= count && doc.len < REPEAT_MAX; i++)
		appendBinaryStringInfo(&doc, (const char *) nul1 + 1, nul2 - nul1 - 1);
	appendBinaryStringInfo(&doc, (const char *) nul2 + 1, size - (nul2 + 1 - body));
	return doc.data;
}

/*
 * Text input.  Byte 0: IntervalStyle (bits 0-1, amounts are read under it)
 * and the repeat flag (bit 2); with the flag, bytes 1-2 are the repeat
 * count; the rest is the document (see document()).  Properties: only the
 * documented SQLSTATEs; an accepted document is JSON that jsonb_in reads,
 * at most 1 MB, and its value is well formed and survives every round
 * trip.
 */
static int
fuzz_text_in(const uint8_t *data, size_t size)
{
	MemoryContext old;
	int			saved = IntervalStyle;
	bool		repeat;
	int			skip;
	char	   *text;
	CallResult	ours;

	current_data = data;
	current_size = size;
	if (size < 1 || size > FUZZ_GUARDED_SIZE)
		return 0;
	repeat = (data[0] & 4) != 0;
	skip = repeat ? 3 : 1;
	if (size < skip)
		return 0;
	old = MemoryContextSwitchTo(fuzz_context);
	text = document(data + skip, size - skip, repeat,
					repeat ? data[1] * 256 + data[2] : 0);
	/* input functions get text in the database encoding, checked */
	if (text == NULL || !pg_verifymbstr(text, strlen(text), true))
	{
		MemoryContextSwitchTo(old);
		MemoryContextReset(fuzz_context);
		return 0;
	}
	IntervalStyle = data[0] & 3;
	ours = call(sla_policy_in, 1, CStringGetDatum(text), 0, 0);
	if (!ours.ok && !is_input_error(ours.sqlerrcode))
		fail(psprintf("sla_policy_in raised undocumented SQLSTATE %s",
					  unpack_sql_state(ours.sqlerrcode)));
	if (ours.ok)
	{
		CallResult	core;

		if (strlen(text) > 1024 * 1024)
			fail("accepted a document over 1 MB");
		core = call(jsonb_in, 1, CStringGetDatum(text), 0, 0);
		if (!core.ok)
			fail("accepted a document that jsonb_in rejects");
		check_round_trips((SlaPolicy *) DatumGetPointer(ours.value));
	}
	IntervalStyle = saved;
	MemoryContextSwitchTo(old);
	MemoryContextReset(fuzz_context);
	return 0;
}

/*
 * Binary input: the message as is.  Properties: a message is accepted
 * exactly when its first byte is 1 and the rest, as text, is accepted by
 * text input (to the same value); a rejected one has text input's SQLSTATE,
 * 22P03 for another version, or 08P01 when empty; an accepted message is
 * consumed.
 */
static int
fuzz_recv(const uint8_t *data, size_t size)
{
	MemoryContext old;
	StringInfoData buf;
	CallResult	got;
	CallResult	text_in = {false, 0, 0};
	bool		text_ok = false;
	bool		has_nul;

	current_data = data;
	current_size = size;
	if (size > FUZZ_GUARDED_SIZE)
		return 0;
	old = MemoryContextSwitchTo(fuzz_context);
	has_nul = size > 1 && memchr(data + 1, '\0', size - 1) != NULL;
	if (size >= 1 && data[0] == 1 && !has_nul)
	{
		char	   *text = palloc(size);

		memcpy(text, data + 1, size - 1);
		text[size - 1] = '\0';
		if (!pg_verifymbstr(text, size - 1, true))
		{
			MemoryContextSwitchTo(old);
			MemoryContextReset(fuzz_context);
			return 0;
		}
		text_in = call(sla_policy_in, 1, CStringGetDatum(text), 0, 0);
		text_ok = text_in.ok;
	}
	/* the message, with the bytes after it poisoned (so no trailing NUL) */
	buf.data = guarded_copy(data, size);
	buf.len = size;
	buf.maxlen = size;
	buf.cursor = 0;
	got = call(sla_policy_recv, 1, PointerGetDatum(&buf), 0, 0);

	if (got.ok != text_ok)
		fail(text_ok ? "recv rejected a message whose text input accepts" :
			 "recv accepted a message text input would not");
	if (got.ok)
	{
		SlaPolicy  *a = (SlaPolicy *) DatumGetPointer(got.value);
		SlaPolicy  *b = (SlaPolicy *) DatumGetPointer(text_in.value);

		if (buf.cursor != buf.len)
			fail("recv did not consume the message");
		if (VARSIZE(a) != VARSIZE(b) || memcmp(a, b, VARSIZE(a)) != 0)
			fail("recv and text input give different values");
		check_round_trips(a);
	}
	else if (size == 0)
	{
		if (got.sqlerrcode != ERRCODE_PROTOCOL_VIOLATION)
			fail("recv of an empty message raised other than 08P01");
	}
	else if (data[0] != 1)
	{
		if (got.sqlerrcode != ERRCODE_INVALID_BINARY_REPRESENTATION)
			fail(psprintf("recv of another version raised SQLSTATE %s",
						  unpack_sql_state(got.sqlerrcode)));
	}
	else if (has_nul)
	{
		/* the server's encoding check of message text rejects a NUL (22021) */
		if (got.sqlerrcode != ERRCODE_CHARACTER_NOT_IN_REPERTOIRE &&
			!is_input_error(got.sqlerrcode))
			fail(psprintf("recv of text with a NUL raised SQLSTATE %s",
						  unpack_sql_state(got.sqlerrcode)));
	}
	else if (got.sqlerrcode != text_in.sqlerrcode)
		fail(psprintf("recv rejects with SQLSTATE %s, text input with %s",
					  unpack_sql_state(got.sqlerrcode),
					  unpack_sql_state(text_in.sqlerrcode)));
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
		{"sla_policy_in", fuzz_text_in},
		{"sla_policy_recv", fuzz_recv},
	};

	return fuzz_run(fcinfo, targets, lengthof(targets));
}

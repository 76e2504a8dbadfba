/*-------------------------------------------------------------------------
 *
 * business_interval_wire_fuzz.c
 *	  libFuzzer harness for the binary form of business_interval: the
 *	  decoder's verdict and fields agree with a reference written another
 *	  way, encode(decode(x)) == x for every valid x, and
 *	  decode(encode(f)) == f for every f.
 *
 * IDENTIFICATION
 *	  test/fuzz/business_interval_wire_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "business_interval_wire.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Report a broken property and stop, so libFuzzer saves the input. */
static void
fail(const char *what)
{
	fprintf(stderr, "property failed: %s\n", what);
	abort();
}

/* Read 16 bytes as the three fields, through bswap rather than shifts. */
static void
reference_fields(const unsigned char *p, SlaWireFields *f)
{
	uint64_t	t;
	uint32_t	d;
	uint32_t	fl;

	memcpy(&t, p, 8);
	memcpy(&d, p + 8, 4);
	memcpy(&fl, p + 12, 4);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	t = __builtin_bswap64(t);
	d = __builtin_bswap32(d);
	fl = __builtin_bswap32(fl);
#endif
	memcpy(&f->time, &t, 8);
	memcpy(&f->days, &d, 4);
	memcpy(&f->flags, &fl, 4);
}

/* The documented verdict: 16 bytes, flags 0, neither field the minimum. */
static SlaWireStatus
reference_status(size_t size, const SlaWireFields *f)
{
	if (size != 16)
		return SLA_WIRE_SIZE;
	if (f->flags != 0)
		return SLA_WIRE_FLAGS;
	if (f->days == INT32_MIN || f->time == INT64_MIN)
		return SLA_WIRE_RANGE;
	return SLA_WIRE_OK;
}

/* Decode the input as sent; then encode its first 16 bytes as fields. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy, so AddressSanitizer sees any read past the end */
	unsigned char *copy = malloc(size > 0 ? size : 1);
	unsigned char out[SLA_BUSINESS_INTERVAL_WIRE_SIZE];
	SlaWireFields got;
	SlaWireFields want = {0};
	SlaWireStatus status;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	status = sla_business_interval_decode(copy, size, &got);
	if (size == 16)
		reference_fields(copy, &want);
	if (status != reference_status(size, &want))
		fail("decoder verdict differs from the documented rule");
	if (size == 16)
	{
		if (got.time != want.time || got.days != want.days ||
			got.flags != want.flags)
			fail("decoded fields differ from the reference");
		if (status == SLA_WIRE_OK)
		{
			sla_business_interval_encode(&got, out);
			if (memcmp(out, copy, 16) != 0)
				fail("encode(decode(x)) != x");
		}
	}
	if (size >= 16)
	{
		SlaWireFields again;

		memcpy(&want.time, data, 8);
		memcpy(&want.days, data + 8, 4);
		memcpy(&want.flags, data + 12, 4);
		sla_business_interval_encode(&want, out);
		if (sla_business_interval_decode(out, 16, &again) !=
			reference_status(16, &want))
			fail("verdict on encoded fields differs from the documented rule");
		if (again.time != want.time || again.days != want.days ||
			again.flags != want.flags)
			fail("decode(encode(f)) != f");
	}
	free(copy);
	return 0;
}

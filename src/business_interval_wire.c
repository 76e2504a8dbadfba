/*-------------------------------------------------------------------------
 *
 * business_interval_wire.c
 *	  Decode and encode the 16-byte binary form of sla.business_interval.
 *
 * Plain C with no backend calls: recv and send in business_interval.c are
 * thin glue over these two functions, and test/fuzz runs them standalone.
 *
 * IDENTIFICATION
 *	  src/business_interval_wire.c
 *
 *-------------------------------------------------------------------------
 */
#include "business_interval_wire.h"

/* Read n big-endian bytes as an unsigned number. */
static uint64_t
read_be(const unsigned char *p, int n)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < n; i++)
		v = (v << 8) | p[i];
	return v;
}

/* Write the low n bytes of v big-endian. */
static void
write_be(unsigned char *p, uint64_t v, int n)
{
	int			i;

	for (i = n - 1; i >= 0; i--)
	{
		p[i] = (unsigned char) (v & 0xff);
		v >>= 8;
	}
}

/*
 * Decode len bytes at data into *fields.
 *
 * Returns SLA_WIRE_SIZE (fields untouched) unless len is exactly 16;
 * otherwise fills *fields and returns SLA_WIRE_FLAGS for nonzero flags,
 * SLA_WIRE_RANGE for days or time out of range, or SLA_WIRE_OK.  Reads no
 * byte outside data[0 .. len - 1].
 */
SlaWireStatus
sla_business_interval_decode(const unsigned char *data, size_t len,
							 SlaWireFields *fields)
{
	if (len != SLA_BUSINESS_INTERVAL_WIRE_SIZE)
		return SLA_WIRE_SIZE;
	/* two's complement: converting back from unsigned keeps the bits */
	fields->time = (int64_t) read_be(data, 8);
	fields->days = (int32_t) (uint32_t) read_be(data + 8, 4);
	fields->flags = (int32_t) (uint32_t) read_be(data + 12, 4);
	if (fields->flags != 0)
		return SLA_WIRE_FLAGS;
	if (!sla_business_interval_fields_in_range(fields->days, fields->time))
		return SLA_WIRE_RANGE;
	return SLA_WIRE_OK;
}

/* Encode *fields as 16 bytes at out, the inverse of the decoder. */
void
sla_business_interval_encode(const SlaWireFields *fields, unsigned char *out)
{
	write_be(out, (uint64_t) fields->time, 8);
	write_be(out + 8, (uint32_t) fields->days, 4);
	write_be(out + 12, (uint32_t) fields->flags, 4);
}

/*-------------------------------------------------------------------------
 *
 * business_interval_wire.h
 *	  The binary (send/recv) form of sla.business_interval and the range of
 *	  its fields, as plain C with no backend dependencies.
 *
 * The wire form is 16 bytes, big-endian: time (int8, microseconds), days
 * (int4), flags (int4, always zero).  Decoding returns a status instead of
 * raising, so recv can report it and a fuzzer can run it outside the server.
 *
 * IDENTIFICATION
 *	  src/business_interval_wire.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef BUSINESS_INTERVAL_WIRE_H
#define BUSINESS_INTERVAL_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SLA_BUSINESS_INTERVAL_WIRE_SIZE 16

/* What decoding the wire form found wrong, if anything. */
typedef enum SlaWireStatus
{
	SLA_WIRE_OK,
	SLA_WIRE_SIZE,				/* not exactly 16 bytes */
	SLA_WIRE_FLAGS,				/* flags other than 0 */
	SLA_WIRE_RANGE				/* days or time out of range */
} SlaWireStatus;

/* The three fields of a business interval, in wire order. */
typedef struct SlaWireFields
{
	int64_t		time;			/* business time, microseconds */
	int32_t		days;			/* business days */
	int32_t		flags;			/* reserved, always zero */
} SlaWireFields;

/*
 * The most negative days and time are not valid values: the range is
 * symmetric, so negation cannot overflow, and every value's text reads back
 * (PostgreSQL 15 cannot read back the text of INT64_MIN microseconds).
 * PostgreSQL 17 reserves the same values for infinite intervals.
 */
static inline bool
sla_business_interval_fields_in_range(int32_t days, int64_t time)
{
	return days != INT32_MIN && time != INT64_MIN;
}

extern SlaWireStatus sla_business_interval_decode(const unsigned char *data,
												  size_t len,
												  SlaWireFields *fields);
extern void sla_business_interval_encode(const SlaWireFields *fields,
										 unsigned char *out);

#endif							/* BUSINESS_INTERVAL_WIRE_H */

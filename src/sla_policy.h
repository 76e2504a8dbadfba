/*-------------------------------------------------------------------------
 *
 * sla_policy.h
 *	  The sla.sla_policy type: SLA targets per priority and kind, each an
 *	  amount of business time on a calendar, with a warning threshold and
 *	  escalation thresholds.
 *
 * A policy is stored in one canonical binary form, so two policies are
 * equal exactly when their bytes are: targets sorted by priority (bytewise)
 * and kind, each string once, a target's calendar dropped when it is the
 * policy's default.  Fractions (warn_at, escalations) are exact decimals
 * kept as billionths, so "elapsed >= threshold" is decided without
 * rounding.
 *
 *	 SlaPolicy header | int64 escalations[] | SlaPolicyTarget targets[] |
 *	 NUL-terminated strings
 *
 * IDENTIFICATION
 *	  src/sla_policy.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef SLA_POLICY_H
#define SLA_POLICY_H

#include "fmgr.h"

#define SLA_POLICY_VERSION		1

/* Fractions are stored as multiples of 1/SLA_FRACTION_SCALE. */
#define SLA_FRACTION_SCALE		INT64CONST(1000000000)
#define SLA_FRACTION_DIGITS		9
/* Escalation thresholds stop at 1000 times the target. */
#define SLA_FRACTION_MAX		(INT64CONST(1000) * SLA_FRACTION_SCALE)
#define SLA_WARN_AT_DEFAULT		(SLA_FRACTION_SCALE * 3 / 4)

/* Bounds that keep a policy small and every loop over it short. */
#define SLA_POLICY_MAX_TARGETS		4096
#define SLA_POLICY_MAX_ESCALATIONS	64
#define SLA_POLICY_KEY_MAXLEN		127		/* priority and calendar names */

/* Kinds of target, in their canonical (alphabetical) order. */
typedef enum SlaPolicyKind
{
	SLA_KIND_FIRST_RESPONSE,
	SLA_KIND_NEXT_RESPONSE,
	SLA_KIND_PERIODIC_UPDATE,
	SLA_KIND_RESOLUTION,
	SLA_KIND_COUNT
} SlaPolicyKind;

#define SLA_POLICY_KIND_LIST "first_response, next_response, periodic_update, resolution"

typedef struct SlaPolicyTarget
{
	int64		time;			/* business time, microseconds */
	int32		days;			/* business days */
	int32		priority;		/* offset of the priority in the strings */
	int32		calendar;		/* offset of its calendar, -1: the default */
	int32		kind;			/* SlaPolicyKind */
} SlaPolicyTarget;

typedef struct SlaPolicy
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* SLA_POLICY_VERSION */
	uint8		reserved;		/* zero */
	uint16		nescalations;
	int32		ntargets;
	int32		calendar;		/* offset of the default calendar, -1: none */
	int32		strings_len;	/* bytes of strings, NULs included */
	int64		warn_at;		/* billionths of the target */
} SlaPolicy;

#define DatumGetSlaPolicyP(X)		((SlaPolicy *) PG_DETOAST_DATUM(X))
#define PG_GETARG_SLA_POLICY_P(n)	DatumGetSlaPolicyP(PG_GETARG_DATUM(n))

static inline const int64 *
sla_policy_escalations(const SlaPolicy *p)
{
	return (const int64 *) ((const char *) p + sizeof(SlaPolicy));
}

static inline const SlaPolicyTarget *
sla_policy_targets(const SlaPolicy *p)
{
	return (const SlaPolicyTarget *) (sla_policy_escalations(p) + p->nescalations);
}

static inline const char *
sla_policy_strings(const SlaPolicy *p)
{
	return (const char *) (sla_policy_targets(p) + p->ntargets);
}

/* A string of the policy by offset; NULL for -1. */
static inline const char *
sla_policy_string(const SlaPolicy *p, int32 offset)
{
	return offset < 0 ? NULL : sla_policy_strings(p) + offset;
}

/* The calendar a target runs on, or NULL when neither it nor the policy has one. */
static inline const char *
sla_policy_target_calendar(const SlaPolicy *p, const SlaPolicyTarget *t)
{
	return sla_policy_string(p, t->calendar >= 0 ? t->calendar : p->calendar);
}

extern const char *const sla_policy_kind_names[SLA_KIND_COUNT];

extern int	sla_policy_kind_from_name(const char *name, int len);
extern const SlaPolicyTarget *sla_policy_find(const SlaPolicy *p,
											  const char *priority, int len,
											  int kind);

#endif							/* SLA_POLICY_H */

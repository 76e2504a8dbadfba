/*-------------------------------------------------------------------------
 *
 * sla.h
 *	  Declarations shared by every part of the sla extension, and the few
 *	  differences between PostgreSQL versions.
 *
 * IDENTIFICATION
 *	  src/sla.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef SLA_H
#define SLA_H

#include "postgres.h"

#include "fmgr.h"

/* PG15 does not mark PG_FUNCTION_INFO_V1 symbols or _PG_init for export. */
PGDLLEXPORT void _PG_init(void);

/* The trigger data of a trigger function's call; 39P01 when not called as one. */
struct TriggerData;
extern struct TriggerData *sla_trigger_data(FunctionCallInfo fcinfo);

/* The aggregate memory context of an aggregate support function's call. */
extern MemoryContext sla_agg_context(FunctionCallInfo fcinfo, const char *fname);

/* make_range() takes an error context from PostgreSQL 16 on. */
#if PG_VERSION_NUM >= 160000
#define sla_make_range(typcache, lower, upper, empty) \
	make_range((typcache), (lower), (upper), (empty), NULL)
#else
#define sla_make_range(typcache, lower, upper, empty) \
	make_range((typcache), (lower), (upper), (empty))
#endif

#endif							/* SLA_H */

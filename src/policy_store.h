/*-------------------------------------------------------------------------
 *
 * policy_store.h
 *	  The only code that reads sla.policy: named policies with their
 *	  effective-dated versions, from the per-backend cache (store_cache.h).
 *
 * IDENTIFICATION
 *	  src/policy_store.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef POLICY_STORE_H
#define POLICY_STORE_H

#include "fmgr.h"
#include "datatype/timestamp.h"

#include "sla_policy.h"

/* Policy names longer than this (in bytes) cannot exist. */
#define SLA_POLICY_NAME_MAXLEN	127

/* A named policy's versions, by ascending valid_from. */
typedef struct SlaPolicyVersions
{
	char	   *name;
	int			nversions;		/* at least 1 */
	TimestampTz *valid_from;
	SlaPolicy **policies;
} SlaPolicyVersions;

extern void sla_policy_store_init(void);
extern SlaPolicyVersions *sla_policy_versions_for_call(FunctionCallInfo fcinfo,
													   void **slot, int argno);
extern SlaPolicyVersions *sla_policy_versions_for_name(FmgrInfo *flinfo, void **slot,
													  const char *name, int len);
extern const SlaPolicy *sla_policy_version_at(const SlaPolicyVersions *v,
											  TimestampTz at);

#endif							/* POLICY_STORE_H */

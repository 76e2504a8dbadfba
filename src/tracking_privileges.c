/*-------------------------------------------------------------------------
 *
 * tracking_privileges.c
 *	  Which tracked tables a role may sweep.
 *
 * sla.sweep() runs with the caller's rights and does nothing the caller
 * could not do with an UPDATE: it sweeps the tracked tables on which the
 * caller holds SELECT and UPDATE, through their row-level security, and
 * leaves the others to roles that may update them.  A caller that may
 * sweep none of several tracked tables is refused, so that a scheduled
 * sweep run by a role without the grants fails loudly instead of marking
 * nothing (docs/security.md).
 *
 * IDENTIFICATION
 *	  src/tracking_privileges.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_class.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/syscache.h"

#include "tracking.h"

/*
 * Whether the current user may sweep table relid: SELECT and UPDATE on
 * the table itself (grants on columns do not count).
 */
bool
sla_tracking_may_sweep(Oid relid)
{
	Oid			user = GetUserId();

	return pg_class_aclcheck(relid, user, ACL_SELECT) == ACLCHECK_OK &&
		pg_class_aclcheck(relid, user, ACL_UPDATE) == ACLCHECK_OK;
}

/* Refuse a sweep by a role that may sweep none of ntracked tables. */
void
sla_tracking_sweep_denied(uint64 ntracked)
{
	ereport(ERROR,
			(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
			 errmsg("permission denied to sweep the tracked tables"),
			 errdetail_plural("Role \"%s\" lacks SELECT or UPDATE on the " UINT64_FORMAT " tracked table.",
							  "Role \"%s\" lacks SELECT or UPDATE on each of the " UINT64_FORMAT " tracked tables.",
							  ntracked, GetUserNameFromId(GetUserId(), false), ntracked),
			 errhint("Grant SELECT and UPDATE on the tables to sweep, or run sla.sweep() as their owner.")));
}

/* The owner of relation relid (events and the recompute queue are written as their tables' owner). */
Oid
sla_relation_owner(Oid relid)
{
	HeapTuple	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	Oid			owner;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", relid);
	owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	ReleaseSysCache(tup);
	return owner;
}

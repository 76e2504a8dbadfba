/*-------------------------------------------------------------------------
 *
 * store_cache.h
 *	  A per-backend cache of values built from rows of the extension's
 *	  tables, shared by every "store": compiled calendars and holiday sets
 *	  today; policies can reuse it with a few lines.
 *
 * The contract, for a store's owner:
 *
 * - A store is a static SlaStore with its name (for memory contexts), its
 *   tables (bare names in schema SLA_SCHEMA_NAME) and two callbacks.  The
 *   owner registers it once, from _PG_init, with sla_store_register().
 * - Values are keyed by text of 1 to key_maxlen bytes without NUL bytes
 *   (a calendar's name).  Any other key is passed to missing(), which must
 *   raise the store's "does not exist" error.
 * - load(key, &mcxt) reads the key's rows with the active snapshot (SPI
 *   with read_only = true, so that no other snapshot is taken), builds the
 *   value in a new memory context that is a child of CurrentMemoryContext,
 *   returns the value and sets *mcxt to that context.  For a key without
 *   rows it calls missing().  A value must answer the same forever; it may
 *   grow inside its context (a calendar compiles more years on demand).
 * - Every table of the store must have an AFTER ... FOR EACH STATEMENT
 *   trigger that queues a relcache invalidation of the table
 *   (sla.calendar_invalidate_trigger() does; INSERT, UPDATE, DELETE and
 *   TRUNCATE).  An invalidation of any table of a store drops all its
 *   values; that is all the callback does.
 *
 * What the cache guarantees, for the store's callers:
 *
 * - sla_store_lookup_arg(store, fcinfo, argno) returns the value for the
 *   key in text argument argno; sla_store_lookup_key() for a key the caller
 *   has in hand (a calendar named inside a policy), with a slot per key.  Each call site (FmgrInfo) keeps the value
 *   it used last for the rest of the statement, so one statement sees one
 *   version of a value at each call site, and a repeated key costs a
 *   comparison (nothing at all when the argument is a constant).
 * - The first lookup of a call site in each statement accepts pending
 *   invalidation messages, so a committed change is seen by the next
 *   statement of every backend, also inside REPEATABLE READ and
 *   SERIALIZABLE transactions.  It also checks that the current user may
 *   SELECT every table of the store (42501 otherwise), so a cached value
 *   is never shown to a role that could not have loaded it.
 * - Rows are read like catalog rows, with the newest snapshot, taken after
 *   the tables' OIDs are known: a change that commits after the read sends
 *   an invalidation that is processed after it, and marks the cache stale.
 *   A value loaded while an invalidation arrived is used by its call site
 *   for that statement but not cached.
 * - In parallel mode no snapshot may be taken: the statement's snapshot is
 *   used (leader and workers share it) and the value is kept only until
 *   the transaction ends, outside the cache.
 * - A value dropped from the cache may still be in use by a running
 *   statement, so it is freed only at transaction end; call sites remember
 *   the transaction they looked up in and look again in a new one.  Values
 *   must therefore not be kept across transactions outside a call site.
 * - sla_store_epoch() changes at every transaction end, when retired
 *   values are freed: while it stays the same, a value's address names that
 *   value only (policy_functions.c keys a memo on it).
 * - The tables' OIDs are looked up again after every invalidation, so a
 *   DROP EXTENSION and CREATE EXTENSION in the same session is seen.
 *
 * IDENTIFICATION
 *	  src/store_cache.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef STORE_CACHE_H
#define STORE_CACHE_H

#include "fmgr.h"

/* At most this many tables feed one store. */
#define SLA_STORE_MAX_TABLES	8

typedef void *(*SlaStoreLoadFn) (const char *key, MemoryContext *mcxt);
typedef void (*SlaStoreMissingFn) (const char *key);

typedef struct SlaStoreState SlaStoreState;

typedef struct SlaStore
{
	const char *name;			/* e.g. "calendar", for memory contexts */
	int			ntables;
	const char *tables[SLA_STORE_MAX_TABLES];	/* in schema SLA_SCHEMA_NAME */
	int			key_maxlen;		/* longest key in bytes */
	SlaStoreLoadFn load;
	SlaStoreMissingFn missing;	/* must not return */
	SlaStoreState *state;		/* private to store_cache.c */
} SlaStore;

extern void sla_store_register(SlaStore *store);
extern void *sla_store_lookup_arg(SlaStore *store, FunctionCallInfo fcinfo,
								  int argno);
extern void *sla_store_lookup_at(SlaStore *store, void **site,
								 FunctionCallInfo fcinfo, int argno);
extern uint64 sla_store_epoch(void);
extern bool sla_arg_is_const(FmgrInfo *flinfo, int argno);
extern void *sla_store_lookup_key(SlaStore *store, void **site, FmgrInfo *flinfo,
								  const char *key, int keylen, bool const_key);

#endif							/* STORE_CACHE_H */

/*-------------------------------------------------------------------------
 *
 * store_cache.c
 *	  Per-backend caches of values built from the extension's tables:
 *	  invalidation, newest-snapshot loads, parallel mode, and values kept
 *	  alive until no statement can use them.  The contract is in
 *	  store_cache.h.
 *
 * Each registered store has a hash table of live values in its own
 * context, and a "retired" context for values that were dropped while a
 * statement may still use them (or were loaded in parallel mode, or while
 * an invalidation arrived); retired contexts are reset at transaction end.
 * One relcache callback marks a store stale when one of its tables
 * changes; the next lookup retires every value of that store.
 *
 * IDENTIFICATION
 *	  src/store_cache.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/namespace.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"

#include "sla_tables.h"
#include "store_cache.h"

/* At most this many stores can be registered. */
#define SLA_MAX_STORES	4

struct SlaStoreState
{
	HTAB	   *cache;			/* key -> StoreEntry */
	MemoryContext cache_context;	/* live values */
	MemoryContext retired_context;	/* dropped values, freed at xact end */
	bool		stale;			/* a table changed: drop every value */
	bool		have_relids;	/* relids are looked up */
	Oid			relids[SLA_STORE_MAX_TABLES];
};

/*
 * A hash entry is the key (key_maxlen + 1 bytes, as dynahash wants the key
 * first), then this, at KEY_SPACE(store).
 */
typedef struct StoreEntry
{
	void	   *value;
	MemoryContext mcxt;			/* owns the value */
} StoreEntry;

#define KEY_SPACE(store)	MAXALIGN((store)->key_maxlen + 1)
#define ENTRY_OF(store, hashentry) \
	((StoreEntry *) ((char *) (hashentry) + KEY_SPACE(store)))

/* What one call site remembers between calls. */
typedef struct StoreSite
{
	SlaStore   *store;
	uint64		xact_epoch;		/* store_xact_epoch when last checked */
	Snapshot	snap;			/* the statement snapshot last checked */
	TransactionId snap_xmin;
	CommandId	snap_cid;
	void	   *value;
	bool		const_arg;		/* the key is the same on every call */
	int			keylen;
	char		key[FLEXIBLE_ARRAY_MEMBER];	/* key_maxlen + 1 bytes */
} StoreSite;

static SlaStore *stores[SLA_MAX_STORES];
static int	nstores = 0;
static uint64 store_xact_epoch = 1;

/* Relcache callback: a change to one of a store's tables makes it stale. */
static void
store_relcache_callback(Datum arg, Oid relid)
{
	int			i,
				t;

	for (i = 0; i < nstores; i++)
	{
		SlaStoreState *st = stores[i]->state;

		if (relid == InvalidOid)
			st->stale = true;
		else if (st->have_relids)
			for (t = 0; t < stores[i]->ntables; t++)
				if (relid == st->relids[t])
					st->stale = true;
	}
}

/* Free retired values once no statement can use them any more. */
static void
store_xact_callback(XactEvent event, void *arg)
{
	int			i;

	switch (event)
	{
		case XACT_EVENT_COMMIT:
		case XACT_EVENT_PARALLEL_COMMIT:
		case XACT_EVENT_ABORT:
		case XACT_EVENT_PARALLEL_ABORT:
		case XACT_EVENT_PREPARE:
			store_xact_epoch++;
			for (i = 0; i < nstores; i++)
				if (stores[i]->state->retired_context)
					MemoryContextReset(stores[i]->state->retired_context);
			break;
		default:
			break;
	}
}

/*
 * Register a store; called once per store from _PG_init.  The first call
 * also registers the callbacks all stores share.
 */
void
sla_store_register(SlaStore *store)
{
	Assert(store->ntables >= 1 && store->ntables <= SLA_STORE_MAX_TABLES);
	Assert(store->key_maxlen >= 1 && store->load != NULL && store->missing != NULL);
	if (nstores >= SLA_MAX_STORES)
		elog(ERROR, "too many sla stores");
	store->state = MemoryContextAllocZero(TopMemoryContext, sizeof(SlaStoreState));
	if (nstores == 0)
	{
		CacheRegisterRelcacheCallback(store_relcache_callback, (Datum) 0);
		RegisterXactCallback(store_xact_callback, NULL);
	}
	stores[nstores++] = store;
}

/* Create a store's hash table and contexts on first use. */
static void
store_init(SlaStore *store)
{
	SlaStoreState *st = store->state;
	HASHCTL		ctl;

	if (st->cache)
		return;
	if (!CacheMemoryContext)
		CreateCacheMemoryContext();
	st->cache_context = AllocSetContextCreate(CacheMemoryContext, "sla store cache",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContextSetIdentifier(st->cache_context, store->name);
	st->retired_context = AllocSetContextCreate(CacheMemoryContext, "sla retired store values",
												ALLOCSET_SMALL_SIZES);
	MemoryContextSetIdentifier(st->retired_context, store->name);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = store->key_maxlen + 1;
	ctl.entrysize = KEY_SPACE(store) + sizeof(StoreEntry);
	ctl.hcxt = st->cache_context;
	st->cache = hash_create(psprintf("sla %s cache", store->name), 16, &ctl,
							HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
}

/*
 * Move every cached value to the retired context and empty the cache.  The
 * tables' OIDs are forgotten too: they may have been dropped and created
 * again (DROP EXTENSION, CREATE EXTENSION).
 */
static void
store_retire_all(SlaStore *store)
{
	SlaStoreState *st = store->state;
	HASH_SEQ_STATUS status;
	char	   *key;

	hash_seq_init(&status, st->cache);
	while ((key = hash_seq_search(&status)) != NULL)
	{
		MemoryContextSetParent(ENTRY_OF(store, key)->mcxt, st->retired_context);
		hash_search(st->cache, key, HASH_REMOVE, NULL);
	}
	st->stale = false;
	st->have_relids = false;
}

/*
 * Bring a store up to date before a lookup: drop stale values, and look up
 * the tables' OIDs (before any load takes its snapshot, so that an
 * invalidation processed after that snapshot is recognised).
 */
static void
store_prepare(SlaStore *store)
{
	SlaStoreState *st = store->state;
	int			t;

	store_init(store);
	if (st->stale)
		store_retire_all(store);
	if (st->have_relids)
		return;
	for (t = 0; t < store->ntables; t++)
	{
		Oid			nsp = get_namespace_oid(SLA_SCHEMA_NAME, false);

		st->relids[t] = get_relname_relid(store->tables[t], nsp);
		if (!OidIsValid(st->relids[t]))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_TABLE),
					 errmsg("relation \"%s.%s\" does not exist",
							SLA_SCHEMA_NAME, store->tables[t])));
	}
	st->have_relids = true;
}

/* Raise 42501 unless the current user may read every table of the store. */
static void
store_check_privileges(SlaStore *store)
{
	int			t;

	for (t = 0; t < store->ntables; t++)
	{
		AclResult	aclresult = pg_class_aclcheck(store->state->relids[t], GetUserId(),
												  ACL_SELECT);

		if (aclresult != ACLCHECK_OK)
			aclcheck_error(aclresult, OBJECT_TABLE, store->tables[t]);
	}
}

/*
 * The value for key, from the cache or freshly loaded.  The store must be
 * prepared.  In parallel mode, or when an invalidation arrived during the
 * load, the value is kept only until transaction end.
 */
static void *
store_lookup(SlaStore *store, const char *key)
{
	SlaStoreState *st = store->state;
	char	   *hashentry;
	StoreEntry *entry;
	bool		found;
	void	   *value;
	MemoryContext mcxt = NULL;

	hashentry = hash_search(st->cache, key, HASH_FIND, &found);
	if (found)
		return ENTRY_OF(store, hashentry)->value;

	Assert(!st->stale && st->have_relids);
	if (!IsInParallelMode())
		PushActiveSnapshot(GetLatestSnapshot());
	value = store->load(key, &mcxt);
	if (!IsInParallelMode())
		PopActiveSnapshot();
	Assert(mcxt != NULL);

	/* the load ran SQL, which may have processed invalidations */
	if (IsInParallelMode() || st->stale)
	{
		MemoryContextSetParent(mcxt, st->retired_context);
		return value;
	}
	MemoryContextSetParent(mcxt, st->cache_context);
	hashentry = hash_search(st->cache, key, HASH_ENTER, &found);
	entry = ENTRY_OF(store, hashentry);
	entry->value = value;
	entry->mcxt = mcxt;
	return value;
}

/*
 * Is argument argno of the call a constant?  (Not merely stable: a
 * PL/pgSQL variable is a Param that changes between evaluations that share
 * one snapshot.)
 */
bool
sla_arg_is_const(FmgrInfo *flinfo, int argno)
{
	Node	   *expr = flinfo->fn_expr;
	List	   *args;

	if (expr == NULL || !IsA(expr, FuncExpr))
		return false;
	args = ((FuncExpr *) expr)->args;
	return argno < list_length(args) && IsA(list_nth(args, argno), Const);
}

/*
 * The current transaction epoch: no value handed out by any store is freed
 * while it stays the same, so a caller may key memos on a value's address
 * together with it.
 */
uint64
sla_store_epoch(void)
{
	return store_xact_epoch;
}

/* Is the call site's last lookup from the statement snapshot snap? */
static bool
site_in_statement(StoreSite *site, Snapshot snap)
{
	return site != NULL && site->xact_epoch == store_xact_epoch &&
		site->snap == snap &&
		(snap == NULL || (site->snap_xmin == snap->xmin && site->snap_cid == snap->curcid));
}

/*
 * The value of store for key str (len bytes, not NUL-terminated), with the
 * call site's memory kept in *site_slot (a pointer in memory that lives as
 * long as flinfo, initially NULL).  Checks for changes and privileges once
 * per statement snapshot and once per transaction; otherwise costs a key
 * comparison.  const_key says the call site's key never changes.
 */
void *
sla_store_lookup_key(SlaStore *store, void **site_slot, FmgrInfo *flinfo,
					 const char *str, int len, bool const_key)
{
	StoreSite  *site = (StoreSite *) *site_slot;
	Snapshot	snap = ActiveSnapshotSet() ? GetActiveSnapshot() : NULL;
	bool		same_statement = site_in_statement(site, snap);

	Assert(site == NULL || site->store == store);
	if (same_statement && site->value &&
		site->keylen == len && memcmp(site->key, str, len) == 0)
		return site->value;

	if (site == NULL)
	{
		site = MemoryContextAllocZero(flinfo->fn_mcxt,
									  offsetof(StoreSite, key) + store->key_maxlen + 1);
		site->store = store;
		site->const_arg = const_key;
		*site_slot = site;
	}
	if (len > store->key_maxlen || len == 0 || memchr(str, '\0', len))
		store->missing(pnstrdup(str, len));

	site->value = NULL;
	if (!same_statement)
	{
		AcceptInvalidationMessages();
		store_prepare(store);
		store_check_privileges(store);
		site->xact_epoch = store_xact_epoch;
		site->snap = snap;
		site->snap_xmin = snap ? snap->xmin : InvalidTransactionId;
		site->snap_cid = snap ? snap->curcid : InvalidCommandId;
	}
	else
		store_prepare(store);
	memcpy(site->key, str, len);
	site->key[len] = '\0';
	site->keylen = len;
	site->value = store_lookup(store, site->key);
	return site->value;
}

/*
 * sla_store_lookup_key() for the key in text argument argno; a constant
 * argument already looked up in this statement costs nothing.
 */
void *
sla_store_lookup_at(SlaStore *store, void **site_slot,
					FunctionCallInfo fcinfo, int argno)
{
	StoreSite  *site = (StoreSite *) *site_slot;
	text	   *keytext;

	/* the common case: a constant key, already looked up in this statement */
	if (site != NULL && site->value && site->const_arg &&
		site_in_statement(site, ActiveSnapshotSet() ? GetActiveSnapshot() : NULL))
		return site->value;

	keytext = PG_GETARG_TEXT_PP(argno);
	return sla_store_lookup_key(store, site_slot, fcinfo->flinfo,
								VARDATA_ANY(keytext), VARSIZE_ANY_EXHDR(keytext),
								sla_arg_is_const(fcinfo->flinfo, argno));
}

/* sla_store_lookup_at() with the call site's memory in fn_extra. */
void *
sla_store_lookup_arg(SlaStore *store, FunctionCallInfo fcinfo, int argno)
{
	return sla_store_lookup_at(store, &fcinfo->flinfo->fn_extra, fcinfo, argno);
}

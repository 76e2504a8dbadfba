/*-------------------------------------------------------------------------
 *
 * sla.c
 *	  Module magic and initialisation of the sla extension.
 *
 * IDENTIFICATION
 *	  src/sla.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"

#include "calendar_store.h"
#include "holiday_store.h"
#include "policy_store.h"
#include "sla.h"

PG_MODULE_MAGIC;

/* Set up the stores' caches when the library is loaded. */
void
_PG_init(void)
{
	sla_calendar_store_init();
	sla_policy_store_init();
	sla_holiday_store_init();
}

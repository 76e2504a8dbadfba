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

/* PG15 does not mark PG_FUNCTION_INFO_V1 symbols or _PG_init for export. */
PGDLLEXPORT void _PG_init(void);

#endif							/* SLA_H */

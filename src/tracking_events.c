/*-------------------------------------------------------------------------
 *
 * tracking_events.c
 *	  Events of tracked tables: one row of sla.event per transition of a
 *	  target, and a notification on channel sla_events for each.
 *
 * Events are written by the tracking trigger only (the sweep writes
 * through it), so they are written as the owner of sla.event: an
 * application role that may write its tickets needs no privilege on the
 * table or its sequence, and cannot forge an event (no policy of
 * sla.event lets anyone but its owner write; readers see the events of
 * the rows they may see, docs/security.md).  The notification's payload is JSON;
 * with sla.notify_details off it carries neither the row's key nor the
 * details, so listeners read those from sla.event with their own
 * privileges.
 *
 * IDENTIFICATION
 *	  src/tracking_events.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "commands/async.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datetime.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "sla_tables.h"
#include "tracking.h"

#define SLA_EVENT_CHANNEL	"sla_events"
/* NOTIFY refuses payloads of 8000 bytes or more; keep clear of it. */
#define SLA_PAYLOAD_MAX		7900

/* sla.notify_details: put the row's key and the details into payloads. */
bool		sla_notify_details = true;

/* The insert of one event, planned once per backend. */
static SPIPlanPtr insert_plan = NULL;

/*
 * Append instant t to buf as a JSON string in UTC, ISO 8601 with offset
 * ("2026-12-07T08:00:00+00:00"), the same whatever DateStyle and TimeZone
 * say; "infinity" and "-infinity" as such.
 */
void
sla_tracking_append_instant(StringInfo buf, TimestampTz t)
{
	char		str[MAXDATELEN + 1];
	struct pg_tm tm;
	fsec_t		fsec;

	if (TIMESTAMP_NOT_FINITE(t))
	{
		appendStringInfoString(buf, TIMESTAMP_IS_NOBEGIN(t) ? "\"-infinity\"" : "\"infinity\"");
		return;
	}
	if (timestamp2tm(t, NULL, &tm, &fsec, NULL, NULL) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("timestamp out of range")));
	tm.tm_isdst = 0;			/* UTC: print the offset */
	EncodeDateTime(&tm, fsec, true, 0, NULL, USE_XSD_DATES, str);
	appendStringInfoChar(buf, '"');
	appendStringInfoString(buf, str);
	appendStringInfoChar(buf, '"');
}

/*
 * Insert the event as the owner of sla.event, in a security-restricted
 * operation (the statement is fixed and fully qualified; nothing the
 * caller controls runs with the owner's rights); its id.
 */
static int64
insert_event(Relation rel, const char *row_key, const char *kind,
			 const char *event, TimestampTz at, const char *detail)
{
	Oid			event_rel = get_relname_relid("event", get_namespace_oid(SLA_SCHEMA_NAME, false));
	Oid			save_userid;
	int			save_sec_context;
	Datum		values[6];
	bool		isnull;
	int64		id;
	int			ret;

	if (!OidIsValid(event_rel))
		elog(ERROR, "table %s.event does not exist", SLA_SCHEMA_NAME);
	values[0] = ObjectIdGetDatum(RelationGetRelid(rel));
	values[1] = CStringGetTextDatum(row_key);
	values[2] = CStringGetTextDatum(kind);
	values[3] = CStringGetTextDatum(event);
	values[4] = TimestampTzGetDatum(at);
	values[5] = CStringGetTextDatum(detail);

	GetUserIdAndSecContext(&save_userid, &save_sec_context);
	SetUserIdAndSecContext(sla_relation_owner(event_rel),
						   save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	if ((ret = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(ret));
	if (insert_plan == NULL)
	{
		Oid			types[6] = {OIDOID, TEXTOID, TEXTOID, TEXTOID, TIMESTAMPTZOID, TEXTOID};
		SPIPlanPtr	plan;

		plan = SPI_prepare("INSERT INTO " SLA_SCHEMA_NAME ".event (tbl, row_key, kind, event, at, detail)"
						   " VALUES ($1::pg_catalog.regclass, $2::pg_catalog.jsonb, $3,"
						   " $4::" SLA_SCHEMA_NAME ".sla_state, $5, $6::pg_catalog.jsonb)"
						   " RETURNING id", 6, types);
		if (plan == NULL || SPI_keepplan(plan) != 0)
			elog(ERROR, "could not plan the insert of an event: %s",
				 SPI_result_code_string(SPI_result));
		insert_plan = plan;
	}
	ret = SPI_execute_plan(insert_plan, values, NULL, false, 1);
	if (ret != SPI_OK_INSERT_RETURNING || SPI_processed != 1)
		elog(ERROR, "could not insert an event: %s", SPI_result_code_string(ret));
	id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	if ((ret = SPI_finish()) != SPI_OK_FINISH)
		elog(ERROR, "SPI_finish failed: %s", SPI_result_code_string(ret));
	SetUserIdAndSecContext(save_userid, save_sec_context);
	return id;
}

/*
 * Record that target kind of the row with key row_key (JSON) of rel
 * entered state event at instant at: a row of sla.event, and a
 * notification sent at commit.
 */
void
sla_tracking_event(Relation rel, const char *row_key, const char *kind,
				   const char *event, TimestampTz at, const char *detail)
{
	int64		id = insert_event(rel, row_key, kind, event, at, detail);
	StringInfoData head;
	StringInfoData payload;

	initStringInfo(&head);
	appendStringInfo(&head, "{\"id\": " INT64_FORMAT ", \"tbl\": ", id);
	escape_json(&head, quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
												  RelationGetRelationName(rel)));
	appendStringInfoString(&head, ", \"kind\": ");
	escape_json(&head, kind);
	appendStringInfoString(&head, ", \"event\": ");
	escape_json(&head, event);
	appendStringInfoString(&head, ", \"at\": ");
	sla_tracking_append_instant(&head, at);

	initStringInfo(&payload);
	appendBinaryStringInfo(&payload, head.data, head.len);
	if (sla_notify_details)
		appendStringInfo(&payload, ", \"row_key\": %s, \"detail\": %s", row_key, detail);
	appendStringInfoChar(&payload, '}');
	/* a key too long for a notification: the short form, as with details off */
	if (payload.len > SLA_PAYLOAD_MAX)
	{
		resetStringInfo(&payload);
		appendBinaryStringInfo(&payload, head.data, head.len);
		appendStringInfoChar(&payload, '}');
	}
	Async_Notify(SLA_EVENT_CHANNEL, payload.data);
}

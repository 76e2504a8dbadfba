/*-------------------------------------------------------------------------
 *
 * sla_tables.h
 *	  The names of the extension's schema and tables, spelled once for all
 *	  C code.
 *
 * The extension is not relocatable and its control file fixes the schema,
 * so C code may name it.  SQL text is built from these by string-literal
 * concatenation, e.g. "SELECT ... FROM " SLA_CALENDAR_QUALIFIED; table
 * OIDs are looked up by SLA_SCHEMA_NAME and the bare table name.
 *
 * IDENTIFICATION
 *	  src/sla_tables.h
 *
 *-------------------------------------------------------------------------
 */
#ifndef SLA_TABLES_H
#define SLA_TABLES_H

#define SLA_SCHEMA_NAME					"sla"

#define SLA_CALENDAR_TABLE				"calendar"
#define SLA_CALENDAR_EXCEPTION_TABLE	"calendar_exception"
#define SLA_POLICY_TABLE				"policy"

#define SLA_HOLIDAY_REGION_TABLE		"holiday_region"
#define SLA_HOLIDAY_RULE_TABLE			"holiday_rule"
#define SLA_HOLIDAY_DATE_TABLE			"holiday_date"
#define SLA_HOLIDAY_OVERRIDE_TABLE		"holiday_override"
#define SLA_LUNAR_CORRECTION_TABLE		"lunar_correction"

#define SLA_CALENDAR_QUALIFIED \
	SLA_SCHEMA_NAME "." SLA_CALENDAR_TABLE
#define SLA_CALENDAR_EXCEPTION_QUALIFIED \
	SLA_SCHEMA_NAME "." SLA_CALENDAR_EXCEPTION_TABLE
#define SLA_POLICY_QUALIFIED \
	SLA_SCHEMA_NAME "." SLA_POLICY_TABLE

#define SLA_HOLIDAY_REGION_QUALIFIED \
	SLA_SCHEMA_NAME "." SLA_HOLIDAY_REGION_TABLE
#define SLA_HOLIDAY_RULE_QUALIFIED \
	SLA_SCHEMA_NAME "." SLA_HOLIDAY_RULE_TABLE
#define SLA_HOLIDAY_DATE_QUALIFIED \
	SLA_SCHEMA_NAME "." SLA_HOLIDAY_DATE_TABLE
#define SLA_HOLIDAY_OVERRIDE_QUALIFIED \
	SLA_SCHEMA_NAME "." SLA_HOLIDAY_OVERRIDE_TABLE
#define SLA_LUNAR_CORRECTION_QUALIFIED \
	SLA_SCHEMA_NAME "." SLA_LUNAR_CORRECTION_TABLE

#endif							/* SLA_TABLES_H */

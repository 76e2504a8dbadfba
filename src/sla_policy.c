/*-------------------------------------------------------------------------
 *
 * sla_policy.c
 *	  The sla.sla_policy type's SQL surface: text and binary I/O, equality
 *	  and hashing, casts to and from jsonb, and the lookup of a target.
 *
 * The text form is JSON (policy_text.c); the binary form sent to clients
 * is a version byte and the canonical JSON text, as jsonb's is, so the
 * on-disk layout stays private and recv checks everything in checks.
 *
 * IDENTIFICATION
 *	  src/sla_policy.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "json_tree.h"
#include "policy_text.h"
#include "sla_policy.h"

/* The version byte of the binary form. */
#define SLA_POLICY_SEND_VERSION 1

const char *const sla_policy_kind_names[SLA_KIND_COUNT] = {
	"first_response",
	"next_response",
	"periodic_update",
	"resolution"
};

/*
 * The kind named by name (len bytes), or -1.  Called per row: the first
 * byte (distinct for every kind) picks the one name worth comparing.
 */
int
sla_policy_kind_from_name(const char *name, int len)
{
	int			k;

	if (len <= 0)
		return -1;
	for (k = 0; k < SLA_KIND_COUNT; k++)
	{
		const char *kn = sla_policy_kind_names[k];

		if (kn[0] == name[0] && strlen(kn) == len && memcmp(kn, name, len) == 0)
			return k;
	}
	return -1;
}

/*
 * Compare a priority of len bytes with the NUL-terminated key, as strcmp
 * orders them.  Inline byte by byte (keys are short): called a few times
 * per row.  A priority with a NUL byte never compares equal.
 */
static inline int
priority_cmp(const char *priority, int len, const char *key)
{
	int			i;

	for (i = 0; i < len; i++)
	{
		unsigned char k = (unsigned char) key[i];
		unsigned char c = (unsigned char) priority[i];

		if (k == '\0')
			return 1;
		if (c != k)
			return c < k ? -1 : 1;
	}
	return key[len] == '\0' ? 0 : -1;
}

/*
 * The target for priority (len bytes) and kind, or NULL: a binary search
 * over the canonically sorted targets.
 */
const SlaPolicyTarget *
sla_policy_find(const SlaPolicy *p, const char *priority, int len, int kind)
{
	const SlaPolicyTarget *targets = sla_policy_targets(p);
	int			lo = 0;
	int			hi = p->ntargets;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const SlaPolicyTarget *t = &targets[mid];
		int			c = priority_cmp(priority, len, sla_policy_string(p, t->priority));

		if (c == 0)
			c = kind - t->kind;
		if (c == 0)
			return t;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* " at \"path\"" for messages, or nothing at the top level. */
static const char *
where(const char *path)
{
	return *path ? psprintf(" at \"%s\"", path) : "";
}

/* Raise the error r describes; text is the input. */
static void
report_parse_error(const SlaPolicyParse *r)
{
	switch (r->error)
	{
		case SLA_POLICY_OK:
			break;
		case SLA_POLICY_SYNTAX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s", "sla_policy"),
					 errdetail("%s", r->detail)));
			break;
		case SLA_POLICY_TOO_DEEP:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("sla_policy nests too deeply"),
					 errdetail("At most %d levels of objects and arrays are allowed.",
							   SLA_JSON_MAX_DEPTH)));
			break;
		case SLA_POLICY_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("sla_policy text is too long"),
					 errdetail("At most %d bytes are allowed.", SLA_JSON_MAX_BYTES)));
			break;
		case SLA_POLICY_TOO_MANY:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("too many entries in sla_policy%s", where(r->path)),
					 errdetail("A policy has at most %d targets and %d escalation thresholds.",
							   SLA_POLICY_MAX_TARGETS, SLA_POLICY_MAX_ESCALATIONS)));
			break;
		case SLA_POLICY_WRONG_TYPE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("wrong type of value in sla_policy%s", where(r->path)),
					 errdetail("Expected %s, found %s.", r->expected, r->found)));
			break;
		case SLA_POLICY_UNKNOWN_KEY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown key \"%s\" in sla_policy", r->path),
					 errhint("The keys allowed there are: %s.", r->detail)));
			break;
		case SLA_POLICY_DUPLICATE_KEY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("duplicate key \"%s\" in sla_policy", r->path)));
			break;
		case SLA_POLICY_MISSING_KEY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("sla_policy is missing \"%s\"", r->path)));
			break;
		case SLA_POLICY_UNKNOWN_KIND:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown target kind \"%s\" in sla_policy", r->path),
					 errhint("The kinds are: %s.", SLA_POLICY_KIND_LIST)));
			break;
		case SLA_POLICY_AMOUNT_SYNTAX:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"business_interval", r->detail),
					 errcontext("sla_policy target \"%s\"", r->path)));
			break;
		case SLA_POLICY_AMOUNT_MONTHS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("target \"%s\" cannot contain months or years: \"%s\"",
							r->path, r->detail),
					 errhint("Give the amount in business days, for example \"20 days\".")));
			break;
		case SLA_POLICY_AMOUNT_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
					 errmsg("target \"%s\" out of range: \"%s\"", r->path, r->detail)));
			break;
		case SLA_POLICY_AMOUNT_NOT_POSITIVE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("target \"%s\" must be positive: \"%s\"", r->path, r->detail)));
			break;
		case SLA_POLICY_WARN_AT_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("warn_at must be greater than 0 and at most 1: %s", r->detail)));
			break;
		case SLA_POLICY_ESCALATION_RANGE:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("escalation threshold \"%s\" must be greater than 0 and at most 1000: %s",
							r->path, r->detail)));
			break;
		case SLA_POLICY_FRACTION_DIGITS:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("fraction \"%s\" has more than %d decimal places: %s",
							r->path, SLA_FRACTION_DIGITS, r->detail)));
			break;
		case SLA_POLICY_NOT_ASCENDING:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("escalation thresholds must be strictly ascending"),
					 errdetail("Threshold \"%s\" is not greater than the one before it.",
							   r->path)));
			break;
		case SLA_POLICY_NAME_LENGTH:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("name \"%s\" in sla_policy must be 1 to %d bytes long",
							r->path, SLA_POLICY_KEY_MAXLEN)));
			break;
		case SLA_POLICY_NO_CALENDAR:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("target \"%s\" has no calendar", r->path),
					 errhint("Give the policy a default \"calendar\", or the target the form {\"within\": \"4 hours\", \"calendar\": \"name\"}.")));
			break;
	}
}

/* Parse JSON text into a policy, or raise why it is not one. */
static SlaPolicy *
policy_from_text(const char *str, int len)
{
	SlaPolicyParse r;
	SlaPolicy  *p = sla_policy_parse(str, len, &r);

	if (p == NULL)
		report_parse_error(&r);
	return p;
}

/* The canonical JSON text of p. */
static char *
policy_to_cstring(const SlaPolicy *p)
{
	StringInfoData out;

	initStringInfo(&out);
	sla_policy_format(p, &out);
	return out.data;
}

PG_FUNCTION_INFO_V1(sla_policy_in);
Datum
sla_policy_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(policy_from_text(str, strlen(str)));
}

PG_FUNCTION_INFO_V1(sla_policy_out);
Datum
sla_policy_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(policy_to_cstring(PG_GETARG_SLA_POLICY_P(0)));
}

/* Binary input: a version byte, then the JSON text (checked like text input). */
PG_FUNCTION_INFO_V1(sla_policy_recv);
Datum
sla_policy_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgint(buf, 1);
	char	   *str;
	int			nbytes;

	if (version != SLA_POLICY_SEND_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported sla_policy binary version %d", version)));
	str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(policy_from_text(str, nbytes));
}

PG_FUNCTION_INFO_V1(sla_policy_send);
Datum
sla_policy_send(PG_FUNCTION_ARGS)
{
	char	   *str = policy_to_cstring(PG_GETARG_SLA_POLICY_P(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint8(&buf, SLA_POLICY_SEND_VERSION);
	pq_sendtext(&buf, str, strlen(str));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Canonical values are equal exactly when their bytes are. */
static bool
policy_equal(FunctionCallInfo fcinfo)
{
	SlaPolicy  *a = PG_GETARG_SLA_POLICY_P(0);
	SlaPolicy  *b = PG_GETARG_SLA_POLICY_P(1);

	return VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0;
}

PG_FUNCTION_INFO_V1(sla_policy_eq);
Datum
sla_policy_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(policy_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(sla_policy_ne);
Datum
sla_policy_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!policy_equal(fcinfo));
}

PG_FUNCTION_INFO_V1(sla_policy_hash);
Datum
sla_policy_hash(PG_FUNCTION_ARGS)
{
	SlaPolicy  *p = PG_GETARG_SLA_POLICY_P(0);

	return hash_any((unsigned char *) p + VARHDRSZ, VARSIZE(p) - VARHDRSZ);
}

PG_FUNCTION_INFO_V1(sla_policy_hash_extended);
Datum
sla_policy_hash_extended(PG_FUNCTION_ARGS)
{
	SlaPolicy  *p = PG_GETARG_SLA_POLICY_P(0);

	return hash_any_extended((unsigned char *) p + VARHDRSZ,
							 VARSIZE(p) - VARHDRSZ, PG_GETARG_INT64(1));
}

/* Cast to jsonb: the canonical text. */
PG_FUNCTION_INFO_V1(sla_policy_to_jsonb);
Datum
sla_policy_to_jsonb(PG_FUNCTION_ARGS)
{
	char	   *str = policy_to_cstring(PG_GETARG_SLA_POLICY_P(0));

	return DirectFunctionCall1(jsonb_in, CStringGetDatum(str));
}

/* Cast from jsonb: checked as text input is (jsonb has no duplicate keys). */
PG_FUNCTION_INFO_V1(sla_policy_from_jsonb);
Datum
sla_policy_from_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *j = PG_GETARG_JSONB_P(0);
	char	   *str = JsonbToCString(NULL, &j->root, VARSIZE(j));

	PG_RETURN_POINTER(policy_from_text(str, strlen(str)));
}

/*-------------------------------------------------------------------------
 *
 * policy_text.c
 *	  sla_policy's JSON text form: validate a document and build the
 *	  canonical binary value, and print a value in canonical JSON.
 *
 * Every fault is returned with the path of the value at fault; nothing here
 * raises an error (sla_policy.c does).
 *
 * IDENTIFICATION
 *	  src/policy_text.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "datatype/timestamp.h"
#include "utils/json.h"

#include "business_interval.h"
#include "json_tree.h"
#include "policy_text.h"

/* One target while parsing. */
typedef struct TargetBuild
{
	const char *priority;
	const char *calendar;		/* NULL: the policy's default */
	int			kind;
	int32		days;
	int64		time;
} TargetBuild;

typedef struct PolicyBuild
{
	const char *calendar;
	int64		warn_at;
	int64		escalations[SLA_POLICY_MAX_ESCALATIONS];
	int			nescalations;
	TargetBuild *targets;
	int			ntargets;
} PolicyBuild;

/* Record a fault at path; returns false so callers can "return fail(...)". */
static bool
fail(SlaPolicyParse *r, SlaPolicyError error, const char *path, const char *detail)
{
	r->error = error;
	r->path = pstrdup(path);
	r->detail = detail ? pstrdup(detail) : NULL;
	return false;
}

/* path + "." + key, or key at the top. */
static char *
child_path(const char *path, const char *key)
{
	return *path ? psprintf("%s.%s", path, key) : pstrdup(key);
}

/* path + "[" + i + "]". */
static char *
element_path(const char *path, int i)
{
	return psprintf("%s[%d]", path, i);
}

/* Is node of kind?  Else record what was expected. */
static bool
expect(SlaPolicyParse *r, const SlaJsonNode *node, SlaJsonKind kind,
	   const char *path)
{
	if (node->kind == kind)
		return true;
	r->expected = sla_json_kind_name(kind);
	r->found = sla_json_kind_name(node->kind);
	return fail(r, SLA_POLICY_WRONG_TYPE, path, NULL);
}

/* Order member indexes by name, then by position. */
static int
member_cmp(const void *a, const void *b, void *arg)
{
	const SlaJsonNode *obj = (const SlaJsonNode *) arg;
	int			x = *(const int *) a;
	int			y = *(const int *) b;
	int			c = strcmp(obj->children[x]->key, obj->children[y]->key);

	return c != 0 ? c : x - y;
}

/*
 * Reject the first member of obj (in document order) whose name was used
 * before it.  Sorts, so a huge object costs n log n, not n squared.
 */
static bool
check_duplicates(SlaPolicyParse *r, const SlaJsonNode *obj, const char *path)
{
	int		   *order;
	int			first = -1;
	int			i;

	if (obj->nchildren < 2)
		return true;
	order = palloc(sizeof(int) * obj->nchildren);
	for (i = 0; i < obj->nchildren; i++)
		order[i] = i;
	qsort_arg(order, obj->nchildren, sizeof(int), member_cmp, (void *) obj);
	for (i = 1; i < obj->nchildren; i++)
		if (strcmp(obj->children[order[i]]->key,
				   obj->children[order[i - 1]]->key) == 0 &&
			(first < 0 || order[i] < first))
			first = order[i];
	pfree(order);
	if (first >= 0)
		return fail(r, SLA_POLICY_DUPLICATE_KEY,
					child_path(path, obj->children[first]->key), NULL);
	return true;
}

/* A calendar or priority name: 1 to SLA_POLICY_KEY_MAXLEN bytes. */
static bool
check_name(SlaPolicyParse *r, const char *name, const char *path)
{
	size_t		len = strlen(name);

	if (len == 0 || len > SLA_POLICY_KEY_MAXLEN)
		return fail(r, SLA_POLICY_NAME_LENGTH, path, name);
	return true;
}

/*
 * A JSON number as an exact count of billionths, in (0, max].  Refuses
 * more than SLA_FRACTION_DIGITS decimals rather than rounding them.
 */
static bool
parse_fraction(SlaPolicyParse *r, const char *tok, int64 max,
			   SlaPolicyError range_error, const char *path, int64 *out)
{
	const char *c = tok;
	bool		negative = false;
	int64		mantissa = 0;
	int			ndigits = 0;	/* significant digits in mantissa */
	int			exponent = 0;	/* value = mantissa * 10^exponent */
	int			e = 0;
	bool		e_negative = false;
	bool		after_point = false;

	if (*c == '-')
	{
		negative = true;
		c++;
	}
	for (; *c && *c != 'e' && *c != 'E'; c++)
	{
		if (*c == '.')
		{
			after_point = true;
			continue;
		}
		if (after_point)
			exponent--;
		if (mantissa == 0 && *c == '0')
			continue;
		/* more than 18 significant digits cannot be exact within range */
		if (++ndigits > 18)
			return fail(r, SLA_POLICY_FRACTION_DIGITS, path, tok);
		mantissa = mantissa * 10 + (*c - '0');
	}
	if (*c)
	{
		c++;
		if (*c == '-' || *c == '+')
			e_negative = (*c++ == '-');
		for (; *c; c++)
			if (e < 10000)		/* bounded: far beyond any useful value */
				e = e * 10 + (*c - '0');
	}
	exponent += e_negative ? -e : e;
	if (mantissa == 0 || negative)
		return fail(r, range_error, path, tok);
	/* drop trailing zeros so that exponent says how many decimals remain */
	while (mantissa % 10 == 0)
	{
		mantissa /= 10;
		exponent++;
	}
	exponent += SLA_FRACTION_DIGITS;
	if (exponent < 0)
		return fail(r, SLA_POLICY_FRACTION_DIGITS, path, tok);
	while (exponent-- > 0)
	{
		if (mantissa > max / 10)
			return fail(r, range_error, path, tok);
		mantissa *= 10;
	}
	if (mantissa > max)
		return fail(r, range_error, path, tok);
	*out = mantissa;
	return true;
}

/* An amount: business_interval text, positive. */
static bool
parse_amount(SlaPolicyParse *r, const SlaJsonNode *node, const char *path,
			 TargetBuild *t)
{
	BusinessInterval amount;

	if (!expect(r, node, SLA_JSON_STRING, path))
		return false;
	switch (sla_business_interval_parse(node->text, &amount))
	{
		case BI_PARSE_OK:
			break;
		case BI_PARSE_SYNTAX:
			return fail(r, SLA_POLICY_AMOUNT_SYNTAX, path, node->text);
		case BI_PARSE_MONTHS:
			return fail(r, SLA_POLICY_AMOUNT_MONTHS, path, node->text);
		case BI_PARSE_RANGE:
			return fail(r, SLA_POLICY_AMOUNT_RANGE, path, node->text);
	}
	if (amount.days < 0 || amount.time < 0 ||
		(amount.days == 0 && amount.time == 0))
		return fail(r, SLA_POLICY_AMOUNT_NOT_POSITIVE, path, node->text);
	t->days = amount.days;
	t->time = amount.time;
	return true;
}

/* A target: an amount, or {"within": amount, "calendar": name}. */
static bool
parse_target(SlaPolicyParse *r, const SlaJsonNode *node, const char *path,
			 TargetBuild *t)
{
	const SlaJsonNode *within = NULL;
	int			i;

	if (node->kind == SLA_JSON_STRING)
		return parse_amount(r, node, path, t);
	if (node->kind != SLA_JSON_OBJECT)
	{
		r->expected = "a string or an object";
		r->found = sla_json_kind_name(node->kind);
		return fail(r, SLA_POLICY_WRONG_TYPE, path, NULL);
	}
	if (!check_duplicates(r, node, path))
		return false;
	for (i = 0; i < node->nchildren; i++)
	{
		const SlaJsonNode *m = node->children[i];
		char	   *mpath = child_path(path, m->key);

		if (strcmp(m->key, "within") == 0)
			within = m;
		else if (strcmp(m->key, "calendar") == 0)
		{
			if (!expect(r, m, SLA_JSON_STRING, mpath) ||
				!check_name(r, m->text, mpath))
				return false;
			t->calendar = m->text;
		}
		else
			return fail(r, SLA_POLICY_UNKNOWN_KEY, mpath, "calendar, within");
	}
	if (within == NULL)
		return fail(r, SLA_POLICY_MISSING_KEY, child_path(path, "within"), NULL);
	return parse_amount(r, within, child_path(path, "within"), t);
}

/* "targets": {priority: {kind: target, ...}, ...} */
static bool
parse_targets(SlaPolicyParse *r, const SlaJsonNode *node, const char *path,
			  PolicyBuild *b)
{
	int			total = 0;
	int			i,
				j;

	if (!expect(r, node, SLA_JSON_OBJECT, path) ||
		!check_duplicates(r, node, path))
		return false;
	for (i = 0; i < node->nchildren; i++)
	{
		const SlaJsonNode *prio = node->children[i];
		char	   *ppath = child_path(path, prio->key);

		if (!check_name(r, prio->key, ppath) ||
			!expect(r, prio, SLA_JSON_OBJECT, ppath) ||
			!check_duplicates(r, prio, ppath))
			return false;
		total += prio->nchildren;
		if (total > SLA_POLICY_MAX_TARGETS)
			return fail(r, SLA_POLICY_TOO_MANY, path, NULL);
	}
	b->targets = palloc0(sizeof(TargetBuild) * Max(total, 1));
	for (i = 0; i < node->nchildren; i++)
	{
		const SlaJsonNode *prio = node->children[i];
		char	   *ppath = child_path(path, prio->key);

		for (j = 0; j < prio->nchildren; j++)
		{
			const SlaJsonNode *m = prio->children[j];
			char	   *kpath = child_path(ppath, m->key);
			TargetBuild *t = &b->targets[b->ntargets];

			t->kind = sla_policy_kind_from_name(m->key, strlen(m->key));
			if (t->kind < 0)
				return fail(r, SLA_POLICY_UNKNOWN_KIND, kpath, m->key);
			t->priority = prio->key;
			if (!parse_target(r, m, kpath, t))
				return false;
			b->ntargets++;
		}
	}
	return true;
}

/* "escalations": [fraction, ...], strictly ascending. */
static bool
parse_escalations(SlaPolicyParse *r, const SlaJsonNode *node, const char *path,
				  PolicyBuild *b)
{
	int			i;

	if (!expect(r, node, SLA_JSON_ARRAY, path))
		return false;
	if (node->nchildren > SLA_POLICY_MAX_ESCALATIONS)
		return fail(r, SLA_POLICY_TOO_MANY, path, NULL);
	for (i = 0; i < node->nchildren; i++)
	{
		char	   *epath = element_path(path, i);

		if (!expect(r, node->children[i], SLA_JSON_NUMBER, epath) ||
			!parse_fraction(r, node->children[i]->text, SLA_FRACTION_MAX,
							SLA_POLICY_ESCALATION_RANGE, epath,
							&b->escalations[i]))
			return false;
		if (i > 0 && b->escalations[i] <= b->escalations[i - 1])
			return fail(r, SLA_POLICY_NOT_ASCENDING, epath, NULL);
	}
	b->nescalations = node->nchildren;
	return true;
}

/* Order targets by priority (bytewise) and kind. */
static int
target_cmp(const void *a, const void *b)
{
	const TargetBuild *x = (const TargetBuild *) a;
	const TargetBuild *y = (const TargetBuild *) b;
	int			c = strcmp(x->priority, y->priority);

	return c != 0 ? c : x->kind - y->kind;
}

/* Append s to the strings unless it is there; its offset. */
static int32
intern(StringInfo strings, const char *s)
{
	int			off = 0;

	while (off < strings->len)
	{
		if (strcmp(strings->data + off, s) == 0)
			return off;
		off += strlen(strings->data + off) + 1;
	}
	appendBinaryStringInfo(strings, s, strlen(s) + 1);
	return off;
}

/* The canonical binary value of b. */
static SlaPolicy *
build_value(PolicyBuild *b)
{
	StringInfoData strings;
	SlaPolicyTarget *targets = palloc0(sizeof(SlaPolicyTarget) * Max(b->ntargets, 1));
	SlaPolicy  *p;
	Size		size;
	int			i;

	initStringInfo(&strings);
	qsort(b->targets, b->ntargets, sizeof(TargetBuild), target_cmp);
	/* priorities first, in order, then calendars: one fixed layout */
	for (i = 0; i < b->ntargets; i++)
		targets[i].priority = intern(&strings, b->targets[i].priority);
	for (i = 0; i < b->ntargets; i++)
	{
		TargetBuild *t = &b->targets[i];

		targets[i].kind = t->kind;
		targets[i].days = t->days;
		targets[i].time = t->time;
		targets[i].calendar =
			(t->calendar == NULL ||
			 (b->calendar != NULL && strcmp(t->calendar, b->calendar) == 0))
			? -1 : intern(&strings, t->calendar);
	}
	size = sizeof(SlaPolicy) + sizeof(int64) * b->nescalations +
		sizeof(SlaPolicyTarget) * b->ntargets;
	p = palloc0(size + MAXALIGN(strings.len + (b->calendar ? strlen(b->calendar) + 1 : 0)));
	p->version = SLA_POLICY_VERSION;
	p->nescalations = b->nescalations;
	p->ntargets = b->ntargets;
	p->warn_at = b->warn_at;
	memcpy((char *) sla_policy_escalations(p), b->escalations,
		   sizeof(int64) * b->nescalations);
	memcpy((char *) sla_policy_targets(p), targets,
		   sizeof(SlaPolicyTarget) * b->ntargets);
	memcpy((char *) sla_policy_strings(p), strings.data, strings.len);
	p->strings_len = strings.len;
	p->calendar = -1;
	if (b->calendar)
	{
		/* the default calendar comes last, after the targets' strings */
		p->calendar = intern(&strings, b->calendar);
		memcpy((char *) sla_policy_strings(p), strings.data, strings.len);
		p->strings_len = strings.len;
	}
	SET_VARSIZE(p, size + p->strings_len);
	return p;
}

/*
 * Parse len bytes of JSON text into a policy value, or return NULL with
 * the fault in *r.
 */
SlaPolicy *
sla_policy_parse(const char *str, int len, SlaPolicyParse *r)
{
	SlaJsonNode *root;
	char	   *detail;
	PolicyBuild b;
	const SlaJsonNode *targets = NULL;
	int			i;

	memset(r, 0, sizeof(*r));
	memset(&b, 0, sizeof(b));
	b.warn_at = SLA_WARN_AT_DEFAULT;
	switch (sla_json_parse(str, len, &root, &detail))
	{
		case SLA_JSON_OK:
			break;
		case SLA_JSON_SYNTAX:
			fail(r, SLA_POLICY_SYNTAX, "", detail);
			return NULL;
		case SLA_JSON_TOO_DEEP:
			fail(r, SLA_POLICY_TOO_DEEP, "", NULL);
			return NULL;
		case SLA_JSON_TOO_LONG:
			fail(r, SLA_POLICY_TOO_LONG, "", NULL);
			return NULL;
	}
	if (!expect(r, root, SLA_JSON_OBJECT, ""))
		return NULL;
	if (!check_duplicates(r, root, ""))
		return NULL;
	for (i = 0; i < root->nchildren; i++)
	{
		const SlaJsonNode *m = root->children[i];
		const char *key = m->key;
		bool		ok = true;

		if (strcmp(key, "calendar") == 0)
		{
			ok = expect(r, m, SLA_JSON_STRING, key) && check_name(r, m->text, key);
			b.calendar = m->text;
		}
		else if (strcmp(key, "warn_at") == 0)
			ok = expect(r, m, SLA_JSON_NUMBER, key) &&
				parse_fraction(r, m->text, SLA_FRACTION_SCALE,
							   SLA_POLICY_WARN_AT_RANGE, key, &b.warn_at);
		else if (strcmp(key, "escalations") == 0)
			ok = parse_escalations(r, m, key, &b);
		else if (strcmp(key, "targets") == 0)
			targets = m;
		else
			ok = fail(r, SLA_POLICY_UNKNOWN_KEY, key,
					  "calendar, escalations, targets, warn_at");
		if (!ok)
			return NULL;
	}
	if (targets == NULL)
	{
		fail(r, SLA_POLICY_MISSING_KEY, "targets", NULL);
		return NULL;
	}
	if (!parse_targets(r, targets, "targets", &b))
		return NULL;
	/* every target needs a calendar: its own or the policy's */
	for (i = 0; i < b.ntargets; i++)
		if (b.targets[i].calendar == NULL && b.calendar == NULL)
		{
			fail(r, SLA_POLICY_NO_CALENDAR,
				 psprintf("targets.%s.%s", b.targets[i].priority,
						  sla_policy_kind_names[b.targets[i].kind]), NULL);
			return NULL;
		}
	return build_value(&b);
}

/* Append a fraction of billionths as the shortest exact decimal. */
static void
format_fraction(StringInfo out, int64 v)
{
	int64		whole = v / SLA_FRACTION_SCALE;
	int64		part = v % SLA_FRACTION_SCALE;
	int			digits = SLA_FRACTION_DIGITS;

	appendStringInfo(out, INT64_FORMAT, whole);
	if (part == 0)
		return;
	while (part % 10 == 0)
	{
		part /= 10;
		digits--;
	}
	appendStringInfo(out, ".%0*" INT64_MODIFIER "d", digits, part);
}

/*
 * Append an amount in one fixed form, whatever IntervalStyle says:
 * "N day(s)" and/or "HH:MM:SS[.ffffff]", as a JSON string.
 */
static void
format_amount(StringInfo out, int32 days, int64 time)
{
	appendStringInfoChar(out, '"');
	if (days != 0)
		appendStringInfo(out, "%d %s", days, days == 1 ? "day" : "days");
	if (time != 0 || days == 0)
	{
		int64		secs = time / USECS_PER_SEC;
		int64		usecs = time % USECS_PER_SEC;

		if (days != 0)
			appendStringInfoChar(out, ' ');
		appendStringInfo(out, "%02" INT64_MODIFIER "d:%02d:%02d",
						 secs / SECS_PER_HOUR, (int) (secs / SECS_PER_MINUTE % 60),
						 (int) (secs % 60));
		if (usecs != 0)
		{
			int			digits = 6;

			while (usecs % 10 == 0)
			{
				usecs /= 10;
				digits--;
			}
			appendStringInfo(out, ".%0*d", digits, (int) usecs);
		}
	}
	appendStringInfoChar(out, '"');
}

/*
 * Append p as canonical JSON: keys sorted, every key present but a missing
 * default calendar, amounts and fractions in one fixed form.  Text that
 * parses to p prints the same, so text -> policy -> text is stable.
 */
void
sla_policy_format(const SlaPolicy *p, StringInfo out)
{
	const SlaPolicyTarget *targets = sla_policy_targets(p);
	const int64 *esc = sla_policy_escalations(p);
	const char *calendar = sla_policy_string(p, p->calendar);
	int			i;

	appendStringInfoChar(out, '{');
	if (calendar)
	{
		appendStringInfoString(out, "\"calendar\":");
		escape_json(out, calendar);
		appendStringInfoChar(out, ',');
	}
	appendStringInfoString(out, "\"escalations\":[");
	for (i = 0; i < p->nescalations; i++)
	{
		if (i > 0)
			appendStringInfoChar(out, ',');
		format_fraction(out, esc[i]);
	}
	appendStringInfoString(out, "],\"targets\":{");
	for (i = 0; i < p->ntargets; i++)
	{
		const SlaPolicyTarget *t = &targets[i];
		bool		new_priority = (i == 0 || t->priority != targets[i - 1].priority);

		if (new_priority)
		{
			if (i > 0)
				appendStringInfoString(out, "},");
			escape_json(out, sla_policy_string(p, t->priority));
			appendStringInfoString(out, ":{");
		}
		else
			appendStringInfoChar(out, ',');
		appendStringInfo(out, "\"%s\":", sla_policy_kind_names[t->kind]);
		if (t->calendar >= 0)
		{
			appendStringInfoString(out, "{\"calendar\":");
			escape_json(out, sla_policy_string(p, t->calendar));
			appendStringInfoString(out, ",\"within\":");
			format_amount(out, t->days, t->time);
			appendStringInfoChar(out, '}');
		}
		else
			format_amount(out, t->days, t->time);
	}
	if (p->ntargets > 0)
		appendStringInfoChar(out, '}');
	appendStringInfoString(out, "},\"warn_at\":");
	format_fraction(out, p->warn_at);
	appendStringInfoChar(out, '}');
}

/*-------------------------------------------------------------------------
 *
 * hours_parse.c
 *	  Parse weekly opening hours and the time ranges of dated exceptions.
 *
 * Grammar (case-insensitive, whitespace anywhere between tokens):
 *
 *	  weekly   := "24/7" | "closed" | clause { ";" clause } [ ";" ]
 *	  clause   := days ranges
 *	  days     := dayspec { "," dayspec }
 *	  dayspec  := day [ "-" day ]			(a day range may wrap: sun-thu)
 *				| "weekdays"				(the days outside the locale's weekend)
 *	  ranges   := range { "," range }
 *	  range    := time "-" time				(end <= start: runs past midnight)
 *	  time     := H[H]:MM[:SS]				(24:00 only as an end)
 *	  exception:= "closed" | ranges
 *
 * IDENTIFICATION
 *	  src/hours_parse.c
 *
 *-------------------------------------------------------------------------
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hours_parse.h"

typedef enum TokenKind
{
	TOK_END,
	TOK_WORD,
	TOK_TIME,
	TOK_DASH,
	TOK_COMMA,
	TOK_SEMI,
	TOK_BAD
} TokenKind;

typedef struct Token
{
	TokenKind	kind;
	const char *start;			/* where the token starts in the input */
	int			len;
	int64_t		usecs;			/* TOK_TIME: microseconds after midnight */
	bool		is_24;			/* TOK_TIME: the token was 24:00 */
} Token;

typedef struct Lexer
{
	const char *input;
	const char *pos;
	Token		tok;			/* the current token */
} Lexer;

static const char *const weekday_names[7] = {
	"sun", "mon", "tue", "wed", "thu", "fri", "sat"
};
static const char *const weekday_long_names[7] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char
lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char) (c - 'A' + 'a') : c;
}

/* fail() takes a printf format: let the compiler check every call. */
#if defined(__GNUC__) || defined(__clang__)
#define HOURS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define HOURS_PRINTF(f, a)
#endif

/*
 * How much of the len bytes at a to quote in a message: at most 63, and
 * never half of a multibyte character.
 */
static int
quoted_len(const char *a, int len)
{
	int			n = len < 0 ? 0 : len;

	if (n > 63)
	{
		n = 63;
		while (n > 0 && (a[n] & 0xC0) == 0x80)
			n--;
	}
	return n;
}

/* Fill err with a formatted detail; always returns false for tail calls. */
static bool fail(SlaHoursError *err, SlaHoursErrorKind kind, const char *fmt,...) HOURS_PRINTF(3, 4);

static bool
fail(SlaHoursError *err, SlaHoursErrorKind kind, const char *fmt,...)
{
	va_list		args;

	err->kind = kind;
	va_start(args, fmt);
	vsnprintf(err->detail, sizeof(err->detail), fmt, args);
	va_end(args);
	return false;
}

/* Describe the current token for an error message. */
static bool
fail_at(Lexer *lx, SlaHoursError *err, const char *expected)
{
	if (lx->tok.kind == TOK_END)
		return fail(err, SLA_HOURS_SYNTAX, "Expected %s at the end of the text.",
					expected);
	return fail(err, SLA_HOURS_SYNTAX, "Expected %s but found \"%.*s\".", expected,
				quoted_len(lx->tok.start, lx->tok.len), lx->tok.start);
}

/* Read "H[H]:MM[:SS]" at p; returns false on a malformed clock time. */
static bool
lex_time(Lexer *lx, const char *p)
{
	int			fields[3] = {0, 0, 0};
	int			nfields = 0;
	int			ndigits;

	for (;;)
	{
		ndigits = 0;
		while (is_digit(*p) && ndigits < 3)
		{
			fields[nfields] = fields[nfields] * 10 + (*p - '0');
			p++;
			ndigits++;
		}
		if (ndigits == 0 || ndigits > 2 || (nfields > 0 && ndigits != 2))
			return false;
		nfields++;
		if (*p != ':' || nfields == 3)
			break;
		p++;
	}
	lx->tok.len = (int) (p - lx->tok.start);
	if (nfields < 2 || is_digit(*p) || is_alpha(*p) || *p == ':' || *p == '.')
		return false;
	if (fields[1] > 59 || fields[2] > 59)
		return false;
	if (fields[0] > 24 || (fields[0] == 24 && (fields[1] != 0 || fields[2] != 0)))
		return false;
	lx->tok.is_24 = (fields[0] == 24);
	lx->tok.usecs = fields[0] * SLA_USECS_PER_HOUR +
		fields[1] * SLA_USECS_PER_MINUTE + fields[2] * INT64_C(1000000);
	lx->pos = p;
	return true;
}

/* Advance to the next token. */
static void
lex_next(Lexer *lx)
{
	const char *p = lx->pos;

	while (is_space(*p))
		p++;
	lx->tok.start = p;
	lx->tok.len = 1;
	lx->tok.is_24 = false;
	lx->tok.usecs = 0;
	if (*p == '\0')
	{
		lx->tok.kind = TOK_END;
		lx->tok.len = 0;
		lx->pos = p;
		return;
	}
	if (is_alpha(*p))
	{
		const char *q = p;

		while (is_alpha(*q))
			q++;
		lx->tok.kind = TOK_WORD;
		lx->tok.len = (int) (q - p);
		lx->pos = q;
		return;
	}
	if (is_digit(*p))
	{
		lx->tok.kind = TOK_TIME;
		if (!lex_time(lx, p))
		{
			const char *q = p;

			/* report the whole malformed token */
			while (is_digit(*q) || *q == ':' || *q == '.' || is_alpha(*q))
				q++;
			lx->tok.kind = TOK_BAD;
			lx->tok.len = (int) (q - p);
			lx->pos = q;
		}
		return;
	}
	switch (*p)
	{
		case '-':
			lx->tok.kind = TOK_DASH;
			break;
		case ',':
			lx->tok.kind = TOK_COMMA;
			break;
		case ';':
			lx->tok.kind = TOK_SEMI;
			break;
		default:
			{
				const char *q = p + 1;

				/* a bad character: take all of it, and any that follow */
				while (*q && !is_space(*q) && !is_alpha(*q) && !is_digit(*q) &&
					   *q != '-' && *q != ',' && *q != ';')
					q++;
				lx->tok.kind = TOK_BAD;
				lx->tok.len = (int) (q - p);
				lx->pos = q;
				return;
			}
	}
	lx->pos = p + 1;
}

static void
lex_init(Lexer *lx, const char *text)
{
	lx->input = text;
	lx->pos = text;
	lex_next(lx);
}

/* Is the current token the word w (case-insensitive)? */
static bool
tok_is_word(const Lexer *lx, const char *w)
{
	size_t		n = strlen(w);
	int			i;

	if (lx->tok.kind != TOK_WORD || lx->tok.len != (int) n)
		return false;
	for (i = 0; i < lx->tok.len; i++)
		if (lower(lx->tok.start[i]) != w[i])
			return false;
	return true;
}

/* The weekday named by the current token, or -1. */
static int
tok_weekday(const Lexer *lx)
{
	int			d;

	for (d = 0; d < 7; d++)
		if (tok_is_word(lx, weekday_names[d]) || tok_is_word(lx, weekday_long_names[d]))
			return d;
	return -1;
}

/* Is the whole text the single word w, spaces aside? */
static bool
text_is_word(const char *text, const char *w)
{
	Lexer		lx;

	lex_init(&lx, text);
	if (!tok_is_word(&lx, w))
		return false;
	lex_next(&lx);
	return lx.tok.kind == TOK_END;
}

/* Append a range to a day's list, keeping the count bounded. */
static bool
add_range(SlaDayHours *day, int64_t start, int64_t end, SlaHoursError *err,
		  int dow)
{
	if (day->nranges >= SLA_MAX_RANGES_PER_DAY)
	{
		if (dow >= 0)
			return fail(err, SLA_HOURS_LIMIT,
						"A day may have at most %d open ranges (%s has more).",
						SLA_MAX_RANGES_PER_DAY, weekday_names[dow]);
		return fail(err, SLA_HOURS_LIMIT, "A day may have at most %d open ranges.",
					SLA_MAX_RANGES_PER_DAY);
	}
	day->ranges[day->nranges].start = start;
	day->ranges[day->nranges].end = end;
	day->nranges++;
	return true;
}

/*
 * Parse "range { , range }" into ranges[]; the caller adds them to days.
 * On return the current token is the one after the list.
 */
static bool
parse_ranges(Lexer *lx, SlaTimeRange *ranges, int *nranges, SlaHoursError *err)
{
	*nranges = 0;
	for (;;)
	{
		int64_t		start;
		int64_t		end;

		if (lx->tok.kind != TOK_TIME)
			return fail_at(lx, err, "a time such as \"09:00\"");
		if (lx->tok.is_24)
			return fail(err, SLA_HOURS_SYNTAX,
						"An open range cannot start at \"%.*s\".",
						quoted_len(lx->tok.start, lx->tok.len), lx->tok.start);
		start = lx->tok.usecs;
		lex_next(lx);
		if (lx->tok.kind != TOK_DASH)
			return fail_at(lx, err, "\"-\" between the start and end of a range");
		lex_next(lx);
		if (lx->tok.kind != TOK_TIME)
			return fail_at(lx, err, "an end time such as \"17:00\"");
		end = lx->tok.usecs;
		/* an end at or before the start runs past midnight */
		if (end <= start)
			end += SLA_USECS_PER_DAY;
		if (*nranges >= SLA_MAX_RANGES_PER_DAY)
			return fail(err, SLA_HOURS_LIMIT, "A day may have at most %d open ranges.",
						SLA_MAX_RANGES_PER_DAY);
		ranges[*nranges].start = start;
		ranges[*nranges].end = end;
		(*nranges)++;
		lex_next(lx);
		if (lx->tok.kind != TOK_COMMA)
			return true;
		lex_next(lx);
	}
}

/* Parse "dayspec { , dayspec }" into a membership array. */
static bool
parse_days(Lexer *lx, uint8_t weekdays, bool days[7], SlaHoursError *err)
{
	memset(days, 0, 7 * sizeof(bool));
	for (;;)
	{
		int			first;
		int			last;

		if (tok_is_word(lx, "weekdays"))
		{
			int			d;

			if (weekdays == 0)
				return fail(err, SLA_HOURS_SYNTAX,
							"\"weekdays\" needs a calendar locale with weekdays.");
			for (d = 0; d < 7; d++)
				if (weekdays & SLA_WEEKDAY_BIT(d))
					days[d] = true;
			lex_next(lx);
			if (lx->tok.kind == TOK_DASH)
				return fail(err, SLA_HOURS_SYNTAX,
							"\"weekdays\" cannot start or end a day range.");
			if (lx->tok.kind != TOK_COMMA)
				return true;
			lex_next(lx);
			continue;
		}
		first = tok_weekday(lx);
		if (first < 0)
			return fail_at(lx, err, "a day name (mon, tue, wed, thu, fri, sat, sun)");
		last = first;
		lex_next(lx);
		if (lx->tok.kind == TOK_DASH)
		{
			lex_next(lx);
			last = tok_weekday(lx);
			if (tok_is_word(lx, "weekdays"))
				return fail(err, SLA_HOURS_SYNTAX,
							"\"weekdays\" cannot start or end a day range.");
			if (last < 0)
				return fail_at(lx, err, "a day name after \"-\"");
			lex_next(lx);
		}
		/* walk forward from first to last, wrapping around the week */
		for (;;)
		{
			days[first] = true;
			if (first == last)
				break;
			first = (first + 1) % 7;
		}
		if (lx->tok.kind != TOK_COMMA)
			return true;
		lex_next(lx);
	}
}

/* Sort a day's ranges by start (insertion sort: at most a few dozen). */
static void
sort_ranges(SlaDayHours *day)
{
	int			i,
				j;

	for (i = 1; i < day->nranges; i++)
	{
		SlaTimeRange r = day->ranges[i];

		for (j = i; j > 0 && day->ranges[j - 1].start > r.start; j--)
			day->ranges[j] = day->ranges[j - 1];
		day->ranges[j] = r;
	}
}

/* Format microseconds after midnight as HH:MM[:SS] (may exceed 24). */
static void
format_clock(char *buf, size_t len, int64_t usecs)
{
	int64_t		secs = usecs / 1000000;

	if (secs % 60)
		snprintf(buf, len, "%02d:%02d:%02d", (int) (secs / 3600),
				 (int) (secs / 60 % 60), (int) (secs % 60));
	else
		snprintf(buf, len, "%02d:%02d", (int) (secs / 3600), (int) (secs / 60 % 60));
}

/* An end as written: past midnight it is the next day's clock time. */
static int64_t
clock_end(int64_t end)
{
	return end > SLA_USECS_PER_DAY ? end - SLA_USECS_PER_DAY : end;
}

/* Report two overlapping ranges of the named day. */
static bool
fail_overlap(SlaHoursError *err, const char *dayname, const SlaTimeRange *a,
			 const SlaTimeRange *b, bool b_next_day)
{
	char		a1[16],
				a2[16],
				b1[16],
				b2[16];

	format_clock(a1, sizeof(a1), a->start);
	format_clock(a2, sizeof(a2), clock_end(a->end));
	format_clock(b1, sizeof(b1), b->start);
	format_clock(b2, sizeof(b2), clock_end(b->end));
	err->kind = SLA_HOURS_OVERLAP;
	snprintf(err->detail, sizeof(err->detail),
			 "On %s, the range %s-%s overlaps %s%s-%s.",
			 dayname, a1, a2, b_next_day ? "the next day's range " : "the range ",
			 b1, b2);
	return false;
}

/* Sort a day's ranges and check that none overlap (touching is fine). */
static bool
check_day(SlaDayHours *day, const char *dayname, SlaHoursError *err)
{
	int			i;

	sort_ranges(day);
	for (i = 1; i < day->nranges; i++)
		if (day->ranges[i].start < day->ranges[i - 1].end)
			return fail_overlap(err, dayname, &day->ranges[i - 1], &day->ranges[i],
								false);
	return true;
}

/*
 * The one test of "a range of today that runs past midnight overlaps one of
 * tomorrow's" (touching is fine), for the week's days and for dates alike.
 * Both lists must be sorted.
 */
bool
sla_ranges_overlap_next(const SlaTimeRange *today, int ntoday,
						const SlaTimeRange *tomorrow, int ntomorrow)
{
	int64_t		reach = 0;
	int			i;

	for (i = 0; i < ntoday; i++)
		if (today[i].end - SLA_USECS_PER_DAY > reach)
			reach = today[i].end - SLA_USECS_PER_DAY;
	return ntomorrow > 0 && tomorrow[0].start < reach;
}

/*
 * Parse weekly hours; "weekdays" means the days in the weekdays mask (0:
 * the word is refused).  Returns false and fills err on malformed text
 * (SYNTAX), overlapping ranges within a day, across midnight or across the
 * week's wrap (OVERLAP), or too many ranges (LIMIT).
 */
bool
sla_parse_weekly_hours(const char *text, uint8_t weekdays, SlaWeeklyHours *out,
					   SlaHoursError *err)
{
	Lexer		lx;
	int			d;

	memset(out, 0, sizeof(*out));
	err->kind = SLA_HOURS_OK;
	err->detail[0] = '\0';

	if (text_is_word(text, "closed"))
		return true;
	{
		/* "24/7", spaces allowed around the tokens */
		const char *p = text;

		while (is_space(*p))
			p++;
		if (strncmp(p, "24/7", 4) == 0)
		{
			p += 4;
			while (is_space(*p))
				p++;
			if (*p == '\0')
			{
				for (d = 0; d < 7; d++)
				{
					out->day[d].nranges = 1;
					out->day[d].ranges[0].start = 0;
					out->day[d].ranges[0].end = SLA_USECS_PER_DAY;
				}
				return true;
			}
		}
	}

	lex_init(&lx, text);
	if (lx.tok.kind == TOK_END)
		return fail(err, SLA_HOURS_SYNTAX, "The hours are empty.");
	while (lx.tok.kind != TOK_END)
	{
		bool		days[7];
		SlaTimeRange ranges[SLA_MAX_RANGES_PER_DAY];
		int			nranges;
		int			i;

		if (!parse_days(&lx, weekdays, days, err))
			return false;
		if (!parse_ranges(&lx, ranges, &nranges, err))
			return false;
		for (d = 0; d < 7; d++)
			if (days[d])
				for (i = 0; i < nranges; i++)
					if (!add_range(&out->day[d], ranges[i].start, ranges[i].end, err, d))
						return false;
		if (lx.tok.kind == TOK_SEMI)
		{
			/* allow a trailing ";" and empty clauses */
			while (lx.tok.kind == TOK_SEMI)
				lex_next(&lx);
		}
		else if (lx.tok.kind != TOK_END)
			return fail_at(&lx, err, "\";\" or \",\" after a time range");
	}

	for (d = 0; d < 7; d++)
		if (!check_day(&out->day[d], weekday_names[d], err))
			return false;
	for (d = 0; d < 7; d++)
	{
		const SlaDayHours *today = &out->day[d];
		const SlaDayHours *tomorrow = &out->day[(d + 1) % 7];

		if (sla_ranges_overlap_next(today->ranges, today->nranges,
									tomorrow->ranges, tomorrow->nranges))
		{
			int			i;

			for (i = 0; i < today->nranges; i++)
				if (today->ranges[i].end - SLA_USECS_PER_DAY > tomorrow->ranges[0].start)
					return fail_overlap(err, weekday_names[d], &today->ranges[i],
										&tomorrow->ranges[0], true);
		}
	}
	return true;
}

/*
 * Parse the time ranges of a dated exception ("closed" for none).  Returns
 * false and fills err like sla_parse_weekly_hours.
 */
bool
sla_parse_day_hours(const char *text, SlaDayHours *out, SlaHoursError *err)
{
	Lexer		lx;
	SlaTimeRange ranges[SLA_MAX_RANGES_PER_DAY];
	int			nranges;
	int			i;

	memset(out, 0, sizeof(*out));
	err->kind = SLA_HOURS_OK;
	err->detail[0] = '\0';

	if (text_is_word(text, "closed"))
		return true;
	lex_init(&lx, text);
	if (tok_is_word(&lx, "weekdays"))
		return fail(err, SLA_HOURS_SYNTAX,
					"Exception hours apply to their own date only, so \"weekdays\" has no meaning there.");
	if (lx.tok.kind == TOK_WORD && tok_weekday(&lx) >= 0)
		return fail(err, SLA_HOURS_SYNTAX,
					"Exception hours are time ranges only, without day names such as \"%.*s\".",
					quoted_len(lx.tok.start, lx.tok.len), lx.tok.start);
	if (!parse_ranges(&lx, ranges, &nranges, err))
		return false;
	if (lx.tok.kind != TOK_END)
		return fail_at(&lx, err, "\",\" or the end of the text after a time range");
	for (i = 0; i < nranges; i++)
		if (!add_range(out, ranges[i].start, ranges[i].end, err, -1))
			return false;
	return check_day(out, "that date", err);
}

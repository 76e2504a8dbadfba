/*-------------------------------------------------------------------------
 *
 * engine_fuzz.c
 *	  libFuzzer harness for the engine: random compiled windows, every
 *	  question asked at instants in, around and far from them, each answer
 *	  checked against a brute-force walk over the window's intervals.
 *
 * The window is built from the input: sorted intervals that never overlap
 * (touching allowed), grouped into consecutive open days, each day's date
 * midnights anywhere near it (sla_window_derive keeps them inside the gaps
 * as the compiler's windows do), safe bounds, done flags, the end of the
 * supported years and the last exception's date.  The brute force reads
 * only the intervals, the days, the cuts and those bounds, with linear
 * scans and the rules of docs/semantics.md.
 *
 * What the engine may assume of a window, and so what the harness builds:
 * the window holds every open day it has whole; open time it does not
 * hold (unknown, compiled later) lies before its first interval and ends
 * at or before safe_lo, or after its last interval and starts at or after
 * safe_hi; an unknown earlier day's forward cut is at or before safe_lo
 * and an unknown later day's backward cut at or after safe_hi.  done_back
 * says no open time at all precedes safe_lo (so every interval starts at
 * or after it), done_fwd that none reaches safe_hi (every interval ends
 * before it).  With at_end nothing follows the window, and every interval
 * starts before end_instant.  [safe_lo, safe_hi) lies inside the supported
 * years.  The compiler's windows are meant to meet this through the
 * margins of whole days around the years they compile.
 *
 * Checks, each one aborting with the window, the question, the expected
 * and the actual answer:
 *	(a) an SLA_OK answer (or an error) is the brute force's;
 *	(b) business_elapsed of [t, add(t, x)) is x for a time amount x != 0;
 *	(c) an SLA_OK answer lies inside the window's bounds, or is infinity
 *		where the rules allow it;
 *	(d) SLA_NEED_WINDOW only when an asked instant lies outside
 *		[safe_lo, safe_hi) (then it asks to cover exactly those), or the
 *		answer lies beyond the window or outside those bounds (then it asks
 *		to grow the way the question looks, from t);
 *	(e) AddressSanitizer and UndefinedBehaviorSanitizer catch the rest: every
 *		array is allocated to its exact size.
 *
 * IDENTIFICATION
 *	  test/fuzz/engine_fuzz.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <stdio.h>
#include <stdlib.h>

#include "calendar_window.h"
#include "engine.h"

/* port.h maps stdio to PostgreSQL's printf; this program links plain libc */
#undef fprintf

#define MAX_DAYS		12
#define MAX_PER_DAY		4
#define MAX_IV			(MAX_DAYS * MAX_PER_DAY)
#define MAX_QUERIES		48
#define MAX_POINTS		(8 * MAX_IV + 8)

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The fuzz input, read a byte at a time; zeros once it runs out. */
typedef struct Input
{
	const uint8_t *p;
	size_t		n;
} Input;

/* One fuzzed window: the calendar the engine reads and what built it. */
typedef struct Fixture
{
	SlaCalendar cal;
	TimestampTz unit;			/* the grain of the window's instants */
	TimestampTz base;
	TimestampTz date_start[MAX_DAYS];
	TimestampTz date_end[MAX_DAYS];
	int			npoints;		/* instants worth asking about */
	TimestampTz points[MAX_POINTS];
} Fixture;

/* What the brute force expects of one question. */
typedef struct Expect
{
	bool		known;			/* the window decides the answer */
	SlaStatus	st;				/* if known: SLA_OK or the error */
	TimestampTz at;
	bool		open;
	int64		amount;
	bool		may_need;		/* known, but outside [safe_lo, safe_hi) */
	bool		cover;			/* unknown: an asked instant is outside */
	bool		forward;		/* unknown, not cover: the way to grow */
	bool		may_forever;	/* unknown, but "open for good" may answer */
} Expect;

/* Open periods reported by the engine. */
typedef struct Periods
{
	int			n;
	TimestampTz start[MAX_IV + 1];
	TimestampTz end[MAX_IV + 1];
} Periods;

static const Fixture *current;	/* for the failure report */

/* Next input byte, 0 when the input is used up. */
static unsigned
take(Input *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

/* Next two input bytes as one number. */
static unsigned
take16(Input *in)
{
	unsigned	hi = take(in);

	return (hi << 8) | take(in);
}

/* malloc n elements of sz, at least a byte, as the compiler's keep() does. */
static void *
alloc(int n, size_t sz)
{
	void	   *p = malloc(n > 0 ? (size_t) n * sz : 1);

	if (p == NULL)
		abort();
	return p;
}

/* Print an instant raw and in units from the base, for reports. */
static void
put_instant(const char *name, TimestampTz t)
{
	const Fixture *f = current;

	if (t == DT_NOBEGIN || t == DT_NOEND)
		fprintf(stderr, " %s=%s", name, t == DT_NOEND ? "+inf" : "-inf");
	else
		fprintf(stderr, " %s=%lld(%+.6gu)", name, (long long) t,
				(double) (t - f->base) / (double) f->unit);
}

/* Print the window, for a failure report. */
static void
dump_window(void)
{
	const SlaCalendar *c = &current->cal;
	int			i,
				k;

	fprintf(stderr, "window: unit=%lld base=%lld niv=%d nday=%d compiled=%d done_back=%d done_fwd=%d at_end=%d nexceptions=%d",
			(long long) current->unit, (long long) current->base, c->niv, c->nday,
			c->compiled, c->done_back, c->done_fwd, c->at_end, c->def.nexceptions);
	if (c->def.nexceptions > 0)
		fprintf(stderr, " last_exception_day=%d", c->def.exc_days[c->def.nexceptions - 1]);
	fprintf(stderr, " index_first=%d nindex=%d\n ", c->index_first, c->nindex);
	put_instant("safe_lo", c->safe_lo);
	put_instant("safe_hi", c->safe_hi);
	if (c->at_end)
		put_instant("end_instant", c->end_instant);
	fprintf(stderr, "\n");
	for (k = 0; k < c->nday; k++)
	{
		fprintf(stderr, " day %d:", k);
		put_instant("back_cut", c->day_back_cut[k]);
		put_instant("fwd_cut", c->day_fwd_cut[k]);
		fprintf(stderr, "\n");
		for (i = c->day_first_iv[k]; i < c->day_first_iv[k + 1]; i++)
		{
			fprintf(stderr, "   iv %d:", i);
			put_instant("start", c->iv_start[i]);
			put_instant("end", c->iv_end[i]);
			fprintf(stderr, " run_last=%d\n", c->iv_run_last[i]);
		}
	}
}

/* Report a disagreement and stop. */
static void
fail(const char *why, const SlaQuery *q, const Expect *e, SlaStatus st,
	 const SlaWindowNeed *need)
{
	static const char *const kinds[] = {"is_open", "next_open", "next_close",
	"elapsed", "add_days", "add_time"};

	fprintf(stderr, "\nENGINE FUZZ FAILURE: %s\n", why);
	dump_window();
	if (q)
	{
		fprintf(stderr, "question: %s", kinds[q->kind]);
		put_instant("t", q->t);
		if (q->kind == SLA_Q_ELAPSED)
			put_instant("t2", q->t2);
		if (q->kind == SLA_Q_ADD_DAYS)
			fprintf(stderr, " days=%d", q->days);
		fprintf(stderr, "\n");
	}
	if (e)
	{
		fprintf(stderr, "expected: known=%d status=%d open=%d amount=%lld may_need=%d cover=%d forward=%d may_forever=%d",
				e->known, e->st, e->open, (long long) e->amount, e->may_need,
				e->cover, e->forward, e->may_forever);
		put_instant("at", e->at);
		fprintf(stderr, "\n");
	}
	if (q)
	{
		fprintf(stderr, "actual: status=%d open=%d amount=%lld", st, q->open,
				(long long) q->amount);
		put_instant("at", q->at);
		fprintf(stderr, "\n");
	}
	if (need && st == SLA_NEED_WINDOW)
	{
		fprintf(stderr, "need: cover=%d forward=%d years=%lld", need->cover,
				need->forward, (long long) need->years);
		put_instant("lo", need->lo);
		put_instant("hi", need->hi);
		put_instant("from", need->from);
		fprintf(stderr, "\n");
	}
	abort();
}

/* ---------- the window ---------- */

/* An instant near the window: one of its points, moved a little. */
static TimestampTz
near_instant(Input *in, const Fixture *f)
{
	TimestampTz t = f->points[take(in) % f->npoints];
	unsigned	v = take(in);

	switch (v % 8)
	{
		case 0:
		case 1:
			return t;
		case 2:
			return t - 1;
		case 3:
			return t + 1;
		default:
			return t + ((int) (v / 8 % 17) - 8) * f->unit + (v & 1) * (f->unit / 2);
	}
}

/* An instant to ask about: mostly near the window, sometimes years away. */
static TimestampTz
instant(Input *in, const Fixture *f)
{
	unsigned	v = take(in);
	int64		days;
	TimestampTz t;

	if (v < 224)
		return near_instant(in, f);
	/* up to about 7000 years either way, kept a valid timestamp */
	days = (int64) take16(in) * 40 + take(in);
	t = f->base + ((v & 1) ? days : -days) * USECS_PER_DAY;
	return Max(MIN_TIMESTAMP, Min(t, END_TIMESTAMP - 1));
}

/* The first instant (UTC) of year y. */
static TimestampTz
year_start(int y)
{
	return (TimestampTz) sla_year_first_day(y) * USECS_PER_DAY;
}

/* Add an instant worth asking about. */
static void
add_point(Fixture *f, TimestampTz t)
{
	if (f->npoints < MAX_POINTS)
		f->points[f->npoints++] = t;
}

/*
 * Build a random window from the input (see the file comment for what it
 * holds).  The engine's arrays are malloc'ed to their exact sizes.
 */
static void
build_window(Input *in, Fixture *f)
{
	static const TimestampTz units[] = {1, USECS_PER_MINUTE, USECS_PER_HOUR, 5 * USECS_PER_HOUR};
	/*
	 * 2024-03-01; 1899-12-28 (instants before 2000 are negative); 0001-01-03
	 * and 9999-12-19, near the ends of the supported years
	 */
	static const int32 base_days[] = {8826, -36528, -730117, 2921927};
	SlaCalendar *c = &f->cal;
	TimestampTz start[MAX_IV];
	TimestampTz end[MAX_IV];
	int32		day_first[MAX_DAYS + 1];
	int32	   *exc_day;
	SlaWindowParts w;
	TimestampTz cursor;
	TimestampTz lo_pt,
				hi_pt;
	unsigned	v;
	int			niv = 0,
				nday,
				i,
				k;

	memset(f, 0, sizeof(*f));
	v = take(in);
	f->unit = units[v & 3];
	f->base = (TimestampTz) base_days[(v >> 2) & 3] * USECS_PER_DAY +
		(TimestampTz) take(in) * 7 * USECS_PER_MINUTE;
	nday = take(in) % (MAX_DAYS + 1);

	/* open days of 1 to 4 intervals; gaps of 0 touch */
	cursor = f->base;
	for (k = 0; k < nday; k++)
	{
		int			nin = 1 + take(in) % MAX_PER_DAY;

		v = take(in);
		if (k > 0)
			cursor += (TimestampTz) (v & 7) * ((v & 0x40) ? 24 : 1) * f->unit;
		day_first[k] = niv;
		for (i = 0; i < nin; i++)
		{
			TimestampTz len;

			v = take(in);
			if (i > 0)
				cursor += (TimestampTz) ((v >> 4) & 3) * f->unit;
			if (v & 8)
				len = (TimestampTz) (24 + take(in) % 200) * f->unit;	/* days on end */
			else
				len = (TimestampTz) (1 + (v & 7)) * f->unit;
			start[niv] = cursor;
			end[niv] = cursor + len;
			cursor += len;
			niv++;
		}
		/* the dates' midnights: anywhere near the day, often in its gaps */
		f->date_start[k] = start[day_first[k]] + ((int) (take(in) % 16) - 12) * f->unit;
		f->date_end[k] = end[niv - 1] + ((int) (take(in) % 16) - 4) * f->unit;
	}
	day_first[nday] = niv;

	/* the engine's arrays, and what sla_window_derive fills in */
	c->niv = niv;
	c->nday = nday;
	c->iv_start = alloc(niv, sizeof(TimestampTz));
	c->iv_end = alloc(niv, sizeof(TimestampTz));
	c->iv_cum = alloc(niv, sizeof(int64));
	c->iv_day = alloc(niv, sizeof(int32));
	c->iv_run_last = alloc(niv, sizeof(int32));
	c->day_first_iv = alloc(nday + 1, sizeof(int32));
	c->day_fwd_cut = alloc(nday, sizeof(TimestampTz));
	c->day_back_cut = alloc(nday, sizeof(TimestampTz));
	for (i = 0; i < niv; i++)
	{
		c->iv_start[i] = start[i];
		c->iv_end[i] = end[i];
	}
	for (k = 0; k <= nday; k++)
		c->day_first_iv[k] = day_first[k];
	for (k = 0; k < nday; k++)
		for (i = day_first[k]; i < day_first[k + 1]; i++)
			c->iv_day[i] = k;

	/* the day index covers some UTC days around the window, or none */
	v = take(in);
	c->index_first = sla_utc_day(f->base) + (int) (v % 7) - 3;
	c->nindex = take(in) % (sla_utc_day(niv > 0 ? end[niv - 1] : f->base) -
							c->index_first + 8);
	c->day_index = alloc(c->nindex, sizeof(int32));

	w.niv = niv;
	w.start = c->iv_start;
	w.end = c->iv_end;
	w.nday = nday;
	w.day_first = day_first;
	w.date_start = f->date_start;
	w.date_end = f->date_end;
	w.index_first = c->index_first;
	w.nindex = c->nindex;
	w.cum = c->iv_cum;
	w.run_last = c->iv_run_last;
	w.day_index = c->day_index;
	w.fwd_cut = c->day_fwd_cut;
	w.back_cut = c->day_back_cut;
	sla_window_derive(&w);

	/* instants worth asking about, and candidates for the safe bounds */
	add_point(f, f->base);
	for (i = 0; i < niv; i++)
	{
		add_point(f, start[i]);
		add_point(f, end[i]);
	}
	lo_pt = f->points[take(in) % f->npoints] + ((int) (take(in) % 9) - 4) * f->unit;
	hi_pt = f->points[take(in) % f->npoints] + ((int) (take(in) % 9) - 4) * f->unit;
	c->safe_lo = Min(lo_pt, hi_pt);
	c->safe_hi = Max(lo_pt, hi_pt);

	v = take(in);
	c->compiled = (v & 7) != 7;
	c->done_back = (v & 8) != 0;
	c->done_fwd = (v & 16) != 0;
	c->at_end = (v & 0xe0) == 0xe0;
	if (c->done_back && niv > 0)
		c->safe_lo = Min(c->safe_lo, start[0]);
	if (c->done_fwd && niv > 0)
		c->safe_hi = Max(c->safe_hi, end[niv - 1] + 1);
	/* the safe bounds never leave the supported years */
	c->safe_lo = Max(c->safe_lo, year_start(SLA_MIN_YEAR));
	c->safe_hi = Min(c->safe_hi, year_start(SLA_MAX_YEAR + 1));
	if (c->done_fwd && niv > 0 && end[niv - 1] >= c->safe_hi)
		c->done_fwd = false;
	if (c->at_end)
	{
		c->end_instant = (niv > 0 ? end[niv - 1] : f->base) +
			((int) (take(in) % 5) - 2) * f->unit;
		if (niv > 0)
			c->end_instant = Max(c->end_instant, start[niv - 1] + 1);
	}
	c->win_first = sla_utc_day(niv > 0 ? start[0] : f->base) - 1;
	c->win_last = sla_utc_day(niv > 0 ? end[niv - 1] : f->base) + 1;

	/* the last exception's date (next_close's "open for good" rule) */
	v = take(in);
	c->def.nexceptions = v & 1;
	exc_day = alloc(c->def.nexceptions, sizeof(int32));
	if (c->def.nexceptions > 0)
		exc_day[0] = sla_utc_day(f->base) + (int) (v / 2 % 24) - 4;
	c->def.exc_days = exc_day;

	for (k = 0; k < nday; k++)
	{
		add_point(f, c->day_fwd_cut[k]);
		add_point(f, c->day_back_cut[k]);
	}
	add_point(f, c->safe_lo);
	add_point(f, c->safe_hi);
	if (c->at_end)
		add_point(f, c->end_instant);
}

/* Free the window's arrays. */
static void
free_window(Fixture *f)
{
	SlaCalendar *c = &f->cal;

	free(c->iv_start);
	free(c->iv_end);
	free(c->iv_cum);
	free(c->iv_day);
	free(c->iv_run_last);
	free(c->day_first_iv);
	free(c->day_fwd_cut);
	free(c->day_back_cut);
	free(c->day_index);
	free(unconstify(int32 *, c->def.exc_days));
}

/* ---------- the brute force ---------- */

/* Open time in [a, b) (a <= b), interval by interval. */
static int64
bf_open(const SlaCalendar *c, TimestampTz a, TimestampTz b)
{
	int64		sum = 0;
	int			i;

	for (i = 0; i < c->niv; i++)
	{
		TimestampTz lo = Max(a, c->iv_start[i]);
		TimestampTz hi = Min(b, c->iv_end[i]);

		if (lo < hi)
			sum += hi - lo;
	}
	return sum;
}

/* Is t inside an interval? */
static bool
bf_is_open(const SlaCalendar *c, TimestampTz t)
{
	int			i;

	for (i = 0; i < c->niv; i++)
		if (c->iv_start[i] <= t && t < c->iv_end[i])
			return true;
	return false;
}

/* First opening and last close of open day k, and its open time. */
static TimestampTz
day_open(const SlaCalendar *c, int k)
{
	return c->iv_start[c->day_first_iv[k]];
}

static TimestampTz
day_close(const SlaCalendar *c, int k)
{
	return c->iv_end[c->day_first_iv[k + 1] - 1];
}

static int64
day_length(const SlaCalendar *c, int k)
{
	int64		sum = 0;
	int			i;

	for (i = c->day_first_iv[k]; i < c->day_first_iv[k + 1]; i++)
		sum += c->iv_end[i] - c->iv_start[i];
	return sum;
}

/* Is instant t inside [safe_lo, safe_hi)? */
static bool
in_safe(const SlaCalendar *c, TimestampTz t)
{
	return c->compiled && t >= c->safe_lo && t < c->safe_hi;
}

/* Expect the engine to ask to cover the asked instants. */
static void
expect_cover(Expect *e)
{
	e->known = false;
	e->cover = true;
}

/* Expect the engine to ask for more window one way, or else "done". */
static void
expect_more(const SlaCalendar *c, Expect *e, bool forward, SlaStatus done,
			TimestampTz done_at)
{
	if (forward ? c->done_fwd : c->done_back)
	{
		e->known = true;
		e->st = done;
		e->at = done_at;
		return;
	}
	e->known = false;
	e->forward = forward;
}

/* Expect answer "at" and nothing else: zero amounts return t anywhere. */
static void
expect_exact(Expect *e, TimestampTz at)
{
	e->known = true;
	e->st = SLA_OK;
	e->at = at;
}

/* Expect answer "at", which the engine may also ask more window for. */
static void
expect_at(const SlaCalendar *c, Expect *e, TimestampTz at)
{
	e->known = true;
	e->st = SLA_OK;
	e->at = at;
	e->may_need = !in_safe(c, at);
}

/*
 * The business position of t for counting days (docs/semantics.md, "The
 * open day an instant belongs to" and "Days follow time"): the open day *k
 * and the open time passed in it (forward) or left in it (backward).
 * Before the window's first day, forward is the start of day 0 (an unknown
 * earlier day's cut lies before safe_lo); after its last, backward is the
 * end of the last day (an unknown later day's cut lies after safe_hi).
 */
static void
bf_position(const SlaCalendar *c, TimestampTz t, bool forward, int *k, int64 *pos)
{
	int			prev = -1;
	int			next;
	int			j;

	for (j = 0; j < c->nday; j++)
	{
		if (day_open(c, j) <= t && t < day_close(c, j))
		{
			*k = j;
			*pos = forward ? bf_open(c, day_open(c, j), t) : bf_open(c, t, day_close(c, j));
			return;
		}
		if (day_close(c, j) <= t)
			prev = j;
	}
	next = prev + 1;
	if (forward)
	{
		if (prev >= 0 && t < c->day_fwd_cut[prev])
		{
			*k = prev;
			*pos = day_length(c, prev);
		}
		else
		{
			*k = next;
			*pos = 0;
		}
	}
	else
	{
		if (next < c->nday && t >= c->day_back_cut[next])
		{
			*k = next;
			*pos = day_length(c, next);
		}
		else
		{
			*k = prev;
			*pos = 0;
		}
	}
}

/* The documented error of instants lo <= hi, or SLA_OK. */
static SlaStatus
bf_span(TimestampTz lo, TimestampTz hi)
{
	if (lo < year_start(SLA_MIN_YEAR) || hi >= year_start(SLA_MAX_YEAR + 1))
		return SLA_ERR_OUT_OF_YEARS;
	if (sla_day_year(sla_utc_day(hi)) - sla_day_year(sla_utc_day(lo)) + 1 > SLA_MAX_WINDOW_YEARS)
		return SLA_ERR_SPAN_YEARS;
	return SLA_OK;
}

/* is_open: t inside an interval. */
static void
bf_is_open_q(const SlaCalendar *c, const SlaQuery *q, Expect *e)
{
	if (!in_safe(c, q->t))
	{
		expect_cover(e);
		return;
	}
	e->known = true;
	e->st = SLA_OK;
	e->open = bf_is_open(c, q->t);
}

/* next_open: t when open, else the first opening after it. */
static void
bf_next_open(const SlaCalendar *c, const SlaQuery *q, Expect *e)
{
	int			i;

	if (!in_safe(c, q->t))
	{
		expect_cover(e);
		return;
	}
	if (bf_is_open(c, q->t))
	{
		expect_at(c, e, q->t);
		return;
	}
	for (i = 0; i < c->niv; i++)
		if (c->iv_start[i] > q->t)
		{
			expect_at(c, e, c->iv_start[i]);
			return;
		}
	expect_more(c, e, true, SLA_OK, DT_NOEND);
}

/*
 * next_close: the end of the period (touching intervals merged) holding t,
 * or of the next one.  Infinity when nothing opens again, when the period
 * reaches the end of the supported years, or (allowed, not required) when
 * it runs past safe_hi for more than 8 days beyond both its start and the
 * last exception's date.
 */
static void
bf_next_close(const SlaCalendar *c, const SlaQuery *q, Expect *e)
{
	int			i,
				first,
				last;

	if (!in_safe(c, q->t))
	{
		expect_cover(e);
		return;
	}
	for (i = 0; i < c->niv && c->iv_end[i] <= q->t; i++)
		;
	if (i == c->niv)
	{
		expect_more(c, e, true, SLA_OK, DT_NOEND);
		return;
	}
	first = i;
	while (first > 0 && c->iv_end[first - 1] == c->iv_start[first])
		first--;
	last = i;
	while (last + 1 < c->niv && c->iv_start[last + 1] == c->iv_end[last])
		last++;
	if (c->at_end && c->iv_end[last] >= c->end_instant)
		expect_exact(e, DT_NOEND);	/* cut short by the end of the years */
	else if (last + 1 < c->niv || c->iv_end[last] < c->safe_hi)
		expect_at(c, e, c->iv_end[last]);
	else
	{
		TimestampTz horizon = c->iv_start[first];

		/* unknown open time after safe_hi may touch this end */
		expect_more(c, e, true, SLA_OK, DT_NOEND);
		if (c->def.nexceptions > 0)
			horizon = Max(horizon, (TimestampTz)
						  (c->def.exc_days[c->def.nexceptions - 1] + 2) * USECS_PER_DAY);
		e->may_forever = c->iv_end[last] - horizon > 8 * USECS_PER_DAY;
	}
	/* an answer in an interval starting past safe_hi may be asked for */
	if (c->iv_start[i] >= c->safe_hi)
		e->may_need = true;
}

/* elapsed: open time in [t, t2), negative when t2 < t. */
static void
bf_elapsed(const SlaCalendar *c, const SlaQuery *q, Expect *e)
{
	TimestampTz lo = Min(q->t, q->t2);
	TimestampTz hi = Max(q->t, q->t2);
	SlaStatus	span = bf_span(lo, hi);

	if (span != SLA_OK || !in_safe(c, lo) || !in_safe(c, hi))
	{
		expect_cover(e);
		/* the engine may report the span's error instead */
		e->st = span;
		return;
	}
	e->known = true;
	e->st = SLA_OK;
	e->amount = q->t <= q->t2 ? bf_open(c, q->t, q->t2) : -bf_open(c, q->t2, q->t);
}

/*
 * add_time: forward, the earliest t' with the amount open in [t, t');
 * backward, the latest t' with it open in [t', t).  Walks the intervals
 * from t.
 */
static void
bf_add_time(const SlaCalendar *c, const SlaQuery *q, Expect *e)
{
	int			i;

	if (q->amount == 0)
	{
		expect_exact(e, q->t);
		return;
	}
	if (q->amount == PG_INT64_MIN)
	{
		e->known = true;
		e->st = SLA_ERR_RESULT_RANGE;
		return;
	}
	if (!in_safe(c, q->t))
	{
		expect_cover(e);
		return;
	}
	if (q->amount > 0)
	{
		int64		left = q->amount;

		/* the engine counts from the window's start: a sum past int64 */
		if (left > PG_INT64_MAX - bf_open(c, DT_NOBEGIN, q->t))
		{
			e->known = true;
			e->st = SLA_ERR_RESULT_RANGE;
			return;
		}
		for (i = 0; i < c->niv; i++)
		{
			TimestampTz from = Max(c->iv_start[i], q->t);

			if (c->iv_end[i] <= q->t)
				continue;
			if (c->iv_end[i] - from >= left)
			{
				expect_at(c, e, from + left);
				return;
			}
			left -= c->iv_end[i] - from;
		}
		expect_more(c, e, true, SLA_ERR_NO_OPEN_AFTER, 0);
	}
	else
	{
		int64		left = -q->amount;

		for (i = c->niv - 1; i >= 0; i--)
		{
			TimestampTz to = Min(c->iv_end[i], q->t);

			if (c->iv_start[i] >= q->t)
				continue;
			if (to - c->iv_start[i] >= left)
			{
				expect_at(c, e, to - left);
				return;
			}
			left -= to - c->iv_start[i];
		}
		expect_more(c, e, false, SLA_ERR_NO_OPEN_BEFORE, 0);
	}
}

/*
 * add_days: forward, the earliest instant at offset min(p, length) in open
 * day k + n, offset 0 being the close of the day before; backward, the
 * latest instant with min(r, length) left in open day k - n, 0 left being
 * the opening of the day after.
 */
static void
bf_add_days(const SlaCalendar *c, const SlaQuery *q, Expect *e)
{
	bool		forward = q->days > 0;
	int			k,
				i;
	int64		pos,
				target_day,
				off;

	if (q->days == 0)
	{
		expect_exact(e, q->t);
		return;
	}
	if (q->days == PG_INT32_MIN)
	{
		e->known = true;
		e->st = SLA_ERR_RESULT_RANGE;
		return;
	}
	if (!in_safe(c, q->t))
	{
		expect_cover(e);
		return;
	}
	bf_position(c, q->t, forward, &k, &pos);
	target_day = (int64) k + q->days;
	if (target_day < 0 || target_day >= c->nday)
	{
		expect_more(c, e, forward,
					forward ? SLA_ERR_NO_OPEN_AFTER : SLA_ERR_NO_OPEN_BEFORE, 0);
		return;
	}
	k = (int) target_day;
	off = Min(pos, day_length(c, k));
	if (forward)
	{
		if (off == 0)
		{
			expect_at(c, e, day_close(c, k - 1));
			return;
		}
		for (i = c->day_first_iv[k];; i++)
		{
			if (c->iv_end[i] - c->iv_start[i] >= off)
			{
				expect_at(c, e, c->iv_start[i] + off);
				return;
			}
			off -= c->iv_end[i] - c->iv_start[i];
		}
	}
	else
	{
		if (off == 0)
		{
			expect_at(c, e, day_open(c, k + 1));
			return;
		}
		for (i = c->day_first_iv[k + 1] - 1;; i--)
		{
			if (c->iv_end[i] - c->iv_start[i] >= off)
			{
				expect_at(c, e, c->iv_end[i] - off);
				return;
			}
			off -= c->iv_end[i] - c->iv_start[i];
		}
	}
}

/* ---------- the checks ---------- */

/* Does a finite answer lie inside the window's bounds? */
static bool
in_bounds(const SlaCalendar *c, TimestampTz t)
{
	TimestampTz lo = c->safe_lo;
	TimestampTz hi = c->safe_hi;

	if (c->niv > 0)
	{
		lo = Min(lo, c->iv_start[0]);
		hi = Max(hi, c->iv_end[c->niv - 1]);
	}
	return t >= lo && t <= hi;
}

/* Compare one engine answer with the brute force's expectation. */
static void
check(const SlaCalendar *c, const SlaQuery *q, const Expect *e, SlaStatus st,
	  const SlaWindowNeed *need, TimestampTz lo, TimestampTz hi, bool forward)
{
	if (st == SLA_NEED_WINDOW)
	{
		if (e->known && !e->may_need)
			fail("asked for more window where the window decides", q, e, st, need);
		if (e->cover)
		{
			if (!need->cover || need->lo != lo || need->hi != hi)
				fail("did not ask to cover exactly the asked instants", q, e, st, need);
		}
		else if (need->cover || need->forward != forward || need->from != q->t)
			fail("asked to grow the wrong way or from the wrong instant", q, e, st, need);
		return;
	}
	if (!e->known)
	{
		if (e->cover && st != SLA_OK && st == e->st)
			return;				/* the span's own error */
		if (e->may_forever && st == SLA_OK && q->at == DT_NOEND)
			return;				/* "open for good" */
		fail("answered what the window does not decide", q, e, st, need);
	}
	if (st != e->st)
		fail("wrong status", q, e, st, need);
	if (st != SLA_OK)
		return;
	switch (q->kind)
	{
		case SLA_Q_IS_OPEN:
			if (q->open != e->open)
				fail("wrong is_open", q, e, st, need);
			break;
		case SLA_Q_ELAPSED:
			if (q->amount != e->amount)
				fail("wrong elapsed", q, e, st, need);
			break;
		default:
			if (q->at != e->at)
				fail("wrong instant", q, e, st, need);
			/* zero amounts return t wherever it is */
			if (q->at != DT_NOEND && q->at != q->t && !in_bounds(c, q->at))
				fail("answer outside the window's bounds", q, e, st, need);
			if (q->at == DT_NOEND && q->kind != SLA_Q_NEXT_OPEN && q->kind != SLA_Q_NEXT_CLOSE)
				fail("infinity where none is documented", q, e, st, need);
			break;
	}
}

/* Collect open periods from the engine. */
static void
collect_period(void *arg, TimestampTz start, TimestampTz end)
{
	Periods    *p = arg;

	if (p->n > MAX_IV)
		fail("more open periods than intervals", NULL, NULL, SLA_OK, NULL);
	p->start[p->n] = start;
	p->end[p->n] = end;
	p->n++;
}

/*
 * open_periods over [lo, hi]: every period (touching intervals merged) that
 * meets it (starts at or before hi, ends at or after lo), compared after
 * clipping to [lo, hi], since the window may not know a period's true
 * start or end outside the safe bounds.
 */
static void
check_periods(const SlaCalendar *c, TimestampTz lo, TimestampTz hi)
{
	Periods		got;
	SlaWindowNeed need;
	SlaStatus	st;
	SlaStatus	span = bf_span(lo, hi);
	int			i,
				n = 0;

	got.n = 0;
	st = sla_engine_open_periods(c, lo, hi, collect_period, &got, &need);
	if (span != SLA_OK || !in_safe(c, lo) || !in_safe(c, hi))
	{
		if (st == span && st != SLA_OK)
			return;
		if (st != SLA_NEED_WINDOW || !need.cover || need.lo != lo || need.hi != hi)
		{
			fprintf(stderr, "open_periods status=%d", st);
			put_instant("lo", lo);
			put_instant("hi", hi);
			fail("\nopen_periods: did not ask to cover exactly [lo, hi]", NULL, NULL, st, NULL);
		}
		return;
	}
	if (st != SLA_OK)
	{
		fprintf(stderr, "open_periods status=%d", st);
		put_instant("lo", lo);
		put_instant("hi", hi);
		fail("\nopen_periods: no answer inside the safe bounds", NULL, NULL, st, NULL);
	}
	for (i = 0; i < c->niv; i++)
	{
		TimestampTz s = c->iv_start[i];
		TimestampTz e = c->iv_end[i];

		while (i + 1 < c->niv && c->iv_start[i + 1] == e)
			e = c->iv_end[++i];
		if (s > hi || e < lo)
			continue;
		if (n >= got.n || Max(s, lo) != Max(got.start[n], lo) ||
			Min(e, hi) != Min(got.end[n], hi) || got.start[n] > got.end[n])
		{
			fprintf(stderr, "open_periods");
			put_instant("lo", lo);
			put_instant("hi", hi);
			fprintf(stderr, "\n period %d expected", n);
			put_instant("start", Max(s, lo));
			put_instant("end", Min(e, hi));
			if (n < got.n)
			{
				fprintf(stderr, " got");
				put_instant("start", Max(got.start[n], lo));
				put_instant("end", Min(got.end[n], hi));
			}
			fail("\nopen_periods: wrong period", NULL, NULL, st, NULL);
		}
		n++;
	}
	if (n != got.n)
	{
		fprintf(stderr, "open_periods: %d periods, expected %d", got.n, n);
		put_instant("lo", lo);
		put_instant("hi", hi);
		fail("\nopen_periods: extra periods", NULL, NULL, st, NULL);
	}
}

/* A time amount to add: a few units either way, or a special one. */
static int64
time_amount(Input *in, const Fixture *f)
{
	unsigned	v = take(in);
	int64		total = bf_open(&f->cal, DT_NOBEGIN, DT_NOEND);

	if (v < 224)
		return ((int) (take(in) % 41) - 20) * f->unit + (int) (v % 3) - 1;
	switch (v % 8)
	{
		case 0:
			return 0;
		case 1:
			return PG_INT64_MIN;
		case 2:
			return PG_INT64_MAX;
		case 3:
			return -PG_INT64_MAX;
		case 4:
			return total;
		case 5:
			return -total;
		case 6:
			return total + 1;
		default:
			return PG_INT64_MAX - total / 2;
	}
}

/* A day amount to add: a few days either way, or a special one. */
static int32
day_amount(Input *in, const Fixture *f)
{
	unsigned	v = take(in);

	if (v < 240)
		return (int) (v % 31) - 15;
	switch (v % 4)
	{
		case 0:
			return PG_INT32_MIN;
		case 1:
			return PG_INT32_MAX;
		case 2:
			return -PG_INT32_MAX;
		default:
			return f->cal.nday + 1;
	}
}

/* Ask one question, check the answer, and for time amounts (b). */
static void
ask(const Fixture *f, SlaQuery *q)
{
	const SlaCalendar *c = &f->cal;
	Expect		e;
	SlaWindowNeed need;
	SlaStatus	st;
	TimestampTz lo = q->t,
				hi = q->t;
	bool		forward = true;

	memset(&e, 0, sizeof(e));
	switch (q->kind)
	{
		case SLA_Q_IS_OPEN:
			bf_is_open_q(c, q, &e);
			break;
		case SLA_Q_NEXT_OPEN:
			bf_next_open(c, q, &e);
			break;
		case SLA_Q_NEXT_CLOSE:
			bf_next_close(c, q, &e);
			break;
		case SLA_Q_ELAPSED:
			lo = Min(q->t, q->t2);
			hi = Max(q->t, q->t2);
			bf_elapsed(c, q, &e);
			break;
		case SLA_Q_ADD_DAYS:
			forward = q->days > 0;
			bf_add_days(c, q, &e);
			break;
		case SLA_Q_ADD_TIME:
			forward = q->amount > 0;
			bf_add_time(c, q, &e);
			break;
	}
	memset(&need, 0x7f, sizeof(need));
	st = sla_engine_answer(c, q, &need);
	check(c, q, &e, st, &need, lo, hi, forward);

	/* (b): business_elapsed of [t, business_add(t, x)) is x */
	if (q->kind == SLA_Q_ADD_TIME && st == SLA_OK && q->amount != 0)
	{
		SlaQuery	el;
		int64		got = 0;

		memset(&el, 0, sizeof(el));
		el.kind = SLA_Q_ELAPSED;
		el.t = q->t;
		el.t2 = q->at;
		st = sla_engine_answer(c, &el, &need);
		if (st == SLA_OK)
			got = el.amount;
		else if (st == SLA_NEED_WINDOW)
			got = q->t <= q->at ? bf_open(c, q->t, q->at) : -bf_open(c, q->at, q->t);
		else
			fail("elapsed of [t, add(t, x)) failed", q, &e, st, &need);
		if (got != q->amount)
		{
			fprintf(stderr, "elapsed of [t, add(t, x)) = %lld\n", (long long) got);
			fail("elapsed of [t, add(t, x)) is not x", q, &e, SLA_OK, &need);
		}
	}
}

/* Build a window from the input, then ask what the rest of it says. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Input		in = {data, size};
	Fixture    *f = malloc(sizeof(Fixture));
	int			nq;

	if (f == NULL)
		abort();
	build_window(&in, f);
	current = f;
	for (nq = 0; nq < MAX_QUERIES && in.n > 0; nq++)
	{
		SlaQuery	q;
		unsigned	op = take(&in);

		memset(&q, 0, sizeof(q));
		q.t = instant(&in, f);
		if (op % 7 == 6)
		{
			TimestampTz t2 = instant(&in, f);

			check_periods(&f->cal, Min(q.t, t2), Max(q.t, t2));
			continue;
		}
		q.kind = (SlaQueryKind) (op % 7);
		if (q.kind == SLA_Q_ELAPSED)
			q.t2 = instant(&in, f);
		else if (q.kind == SLA_Q_ADD_DAYS)
			q.days = day_amount(&in, f);
		else if (q.kind == SLA_Q_ADD_TIME)
			q.amount = time_amount(&in, f);
		ask(f, &q);
	}
	free_window(f);
	free(f);
	return 0;
}

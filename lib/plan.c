/*
 * plan.c - service plans (issue 18): every Tuesday's cleaning, a quarterly
 * maintenance visit, the yearly pension check at home.  A plan is made
 * from its first order, which is registered and replied to like any
 * other (G5: within the deadline; G6: every document told at once).  That
 * reply is the standing agreement: later occurrences are registered and
 * accepted at their time by "svc-plan run", with the first order's
 * services and documents, so nothing is asked of the applicant twice.
 *
 * The recurrence is RFC 5545's RRULE, iterated by libical: --every is a
 * short form of it.  Times are the local wall clock (floating times), so
 * "09:00" stays 09:00 whatever the offset.  An occurrence on a day its
 * kind's calendar does not work is skipped, or moved to the next or the
 * previous working day at the same time, as the plan says; a move is
 * recorded with the occurrence and said, never silent.
 */
#include <ctype.h>
#include <string.h>

#include <libical/ical.h>

#include "svc.h"

const char *const svc_on_holidays[] = { "skip", "next", "prev", NULL };

static const char *const weekdays[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};
static const char *const byday[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static int
weekday_of(const char *s, size_t n)
{
	int i;

	for (i = 0; i < 7; i++)
		if (n == 3 && strncmp(s, weekdays[i], 3) == 0)
			return i;
	return -1;
}

/* "mon,thu": BYDAY=MO,TH into b; -1 when a name is not a weekday. */
static int
days_part(const char *s, struct svc_buf *b)
{
	const char *p, *q;
	int d;

	svc_buf_puts(b, ";BYDAY=");
	for (p = s; *p; p = *q ? q + 1 : q) {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		if ((d = weekday_of(p, (size_t)(q - p))) < 0)
			return -1;
		svc_buf_printf(b, "%s%s", p == s ? "" : ",", byday[d]);
	}
	return 0;
}

/* "2w", "mo", "3mo", "y": the FREQ and INTERVAL; -1 when it is not one. */
static int
interval_part(const char *s, struct svc_buf *b, int *weekly)
{
	static const struct {
		const char *unit, *freq;
	} units[] = {
		{ "d", "DAILY" }, { "w", "WEEKLY" }, { "mo", "MONTHLY" },
		{ "y", "YEARLY" },
	};
	long n = 1;
	size_t i;

	if (isdigit((unsigned char)*s)) {
		n = 0;
		while (isdigit((unsigned char)*s) && n < 1000)
			n = n * 10 + (*s++ - '0');
		if (n < 1 || n > 99)
			return -1;
	}
	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(s, units[i].unit) == 0) {
			svc_buf_printf(b, "FREQ=%s", units[i].freq);
			if (n > 1)
				svc_buf_printf(b, ";INTERVAL=%ld", n);
			*weekly = i == 1;
			return 0;
		}
	return -1;
}

/*
 * --every: [N(d|w|mo|y)] [DAY[,DAY...]] [HH:MM], in this order, at least
 * one of the first two.  Days alone are weekly.  The time of day, when
 * given, is kept apart: it belongs to the rule's start.
 */
int
svc_every_rrule(const char *every, struct svc_rrule *r, struct svc_err *e)
{
	struct svc_buf b = { 0 }, days = { 0 };
	char word[3][64], more;
	int n, i, weekly = 1, have_freq = 0, rc = 0;

	r->minute = -1;
	n = sscanf(every, "%63s %63s %63s %c", word[0], word[1], word[2],
	    &more);
	if (n < 1 || n > 3)
		goto bad;
	for (i = 0; i < n; i++) {
		if (i == n - 1 && strchr(word[i], ':')) {
			if (svc_hhmm_parse(word[i], &r->minute) || r->minute
			    >= 24 * 60)
				goto bad;
		} else if (i == 0 && interval_part(word[i], &b, &weekly) == 0) {
			have_freq = 1;
		} else if (days.len == 0 && days_part(word[i], &days) == 0) {
			continue;
		} else {
			goto bad;
		}
	}
	if (!have_freq && days.len == 0)
		goto bad;
	if (!have_freq)
		svc_buf_puts(&b, "FREQ=WEEKLY");
	if (days.len && !weekly)
		goto bad;
	if (days.len)
		svc_buf_puts(&b, days.s);
	if (b.len >= sizeof r->rrule)
		goto bad;
	memcpy(r->rrule, b.s, b.len + 1);
	goto out;
bad:
	rc = svc_seterr(e, SVC_EX_USAGE, "--every %s: want [N](d|w|mo|y), "
	    "days (mon,thu) and HH:MM, as in 'tue 09:00', '2w sat 14:00', "
	    "'3mo'", every);
out:
	svc_buf_free(&b);
	svc_buf_free(&days);
	return rc;
}

/*
 * A rule given as RFC 5545 text, made canonical.  A plan makes at most a
 * visit a day: HOURLY and finer are refused, as is a rule libical cannot
 * read.
 */
int
svc_rrule_check(const char *rrule, struct svc_rrule *r, struct svc_err *e)
{
	struct icalrecurrencetype rec;
	char *canon;
	int rc = 0;

	r->minute = -1;		/* the time of day is the start's */
	icalerror_set_errors_are_fatal(0);
	icalerrno = ICAL_NO_ERROR;
	rec = icalrecurrencetype_from_string(rrule);
	if (rec.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
		return svc_seterr(e, SVC_EX_USAGE, "--rrule %s: not an RFC "
		    "5545 rule (FREQ=WEEKLY;BYDAY=TU)", rrule);
	if (rec.freq == ICAL_SECONDLY_RECURRENCE ||
	    rec.freq == ICAL_MINUTELY_RECURRENCE ||
	    rec.freq == ICAL_HOURLY_RECURRENCE)
		return svc_seterr(e, SVC_EX_USAGE, "--rrule %s: a plan makes "
		    "at most a visit a day (FREQ=DAILY or longer)", rrule);
	if ((canon = icalrecurrencetype_as_string_r(&rec)) == NULL)
		return svc_seterr(e, SVC_EX_SOFTWARE, "libical: out of memory");
	if (strlen(canon) >= sizeof r->rrule)
		rc = svc_seterr(e, SVC_EX_USAGE, "--rrule: longer than %d "
		    "characters", SVC_RRULE_MAX - 1);
	else
		snprintf(r->rrule, sizeof r->rrule, "%s", canon);
	icalmemory_free_buffer(canon);
	return rc;
}

static struct icaltimetype
floating(time_t t)
{
	struct icaltimetype it = icaltime_null_time();
	struct tm tm;

	svc_local_tm(t, &tm);
	it.year = tm.tm_year + 1900;
	it.month = tm.tm_mon + 1;
	it.day = tm.tm_mday;
	it.hour = tm.tm_hour;
	it.minute = tm.tm_min;
	return it;
}

/*
 * fn for each occurrence of rrule from start in (after, upto], in order.
 * A rule that can never occur (February 30th) has none.
 */
int
svc_rrule_each(const char *rrule, time_t start, time_t after, time_t upto,
    svc_occ_fn fn, void *ctx, struct svc_err *e)
{
	struct icalrecurrencetype rec;
	struct icaltimetype it;
	icalrecur_iterator *ri;
	time_t t;
	int rc = 0;

	icalerror_set_errors_are_fatal(0);
	icalerrno = ICAL_NO_ERROR;
	rec = icalrecurrencetype_from_string(rrule);
	if (rec.freq == ICAL_NO_RECURRENCE)
		return svc_seterr(e, SVC_EX_DATA, "%s: not a rule", rrule);
	if ((ri = icalrecur_iterator_new(rec, floating(start))) == NULL)
		return 0;
	while (rc == 0) {
		it = icalrecur_iterator_next(ri);
		if (icaltime_is_null_time(it))
			break;
		t = svc_local_mktime(it.year, it.month, it.day,
		    it.hour * 60 + it.minute);
		if (t > upto)
			break;
		if (t > after)
			rc = fn(t, ctx);
	}
	icalrecur_iterator_free(ri);
	return rc;
}

/* The local day of t (days since 1970-01-01), and its minute of the day. */
static int
local_day(time_t t, int *minute)
{
	struct tm tm;

	svc_local_tm(t, &tm);
	if (minute)
		*minute = tm.tm_hour * 60 + tm.tm_min;
	return svc_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

static time_t
at_day(int day, int minute)
{
	int y, m, d;

	svc_civil_from_days(day, &y, &m, &d);
	return svc_local_mktime(y, m, d, minute);
}

/*
 * Where an occurrence at lands by the rule on_holiday: itself on a
 * working day of cal; else 0 (skip), or the same time of the next or the
 * previous working day.  *why names the day it left.
 */
time_t
svc_plan_move(const struct svc_cal *cal, time_t at, int on_holiday,
    const char **why)
{
	int minute, day = local_day(at, &minute), step, i;

	*why = NULL;
	if (svc_cal_is_working(cal, day))
		return at;
	if (svc_cal_day(cal, day, why) == SVC_DAY_WEEKEND || *why == NULL)
		*why = "not a working day";
	if (on_holiday == SVC_HOL_SKIP)
		return 0;
	step = on_holiday == SVC_HOL_NEXT ? 1 : -1;
	for (i = 1; i <= 60; i++)	/* no closure lasts two months */
		if (svc_cal_is_working(cal, day + step * i))
			return at_day(day + step * i, minute);
	return 0;
}

static int
plan_event(struct svc_db *db, int64_t id, const char *kind, struct svc_json *j,
    struct svc_err *e)
{
	char subject[32];

	snprintf(subject, sizeof subject, "plan:%lld", (long long)id);
	return svc_event_json(db, 0, subject, kind, j, e);
}

/* UNTIL (the whole last day) or COUNT, never both, never twice. */
static int
rule_bounds(const struct svc_plan_rule *in, struct svc_rrule *r,
    struct svc_err *e)
{
	size_t len = strlen(r->rrule);
	int y, m, d;

	if (in->until && in->count)
		return svc_seterr(e, SVC_EX_USAGE, "--until or --count, not "
		    "both");
	if ((in->until || in->count) && (strstr(r->rrule, "UNTIL=") ||
	    strstr(r->rrule, "COUNT=")))
		return svc_seterr(e, SVC_EX_USAGE, "the rule has its own end: "
		    "no --until or --count");
	if (in->until) {
		if (svc_date_parse(in->until, svc_now(), &y, &m, &d, e))
			return e->code;
		snprintf(r->rrule + len, sizeof r->rrule - len,
		    ";UNTIL=%04d%02d%02dT235959", y, m, d);
	} else if (in->count) {
		snprintf(r->rrule + len, sizeof r->rrule - len, ";COUNT=%d",
		    in->count);
	}
	return 0;
}

/*
 * The rule's start: the date of --from, else of base (the first order's
 * time), else today; the time of day of --every, else of --from, else
 * of tod.  A monthly --every from the 29th on (a yearly one from 29
 * February) would skip the months without the day (RFC 5545): refused,
 * with the rule that says what is meant.
 */
static int
rule_start(const struct svc_plan_rule *in, const struct svc_rrule *r,
    const struct svc_conf *c, time_t base, time_t tod, time_t *start,
    struct svc_err *e)
{
	int y, m, d, day, minute = r->minute, from_minute;
	time_t t;

	if (in->from == NULL) {
		day = local_day(base ? base : svc_now(), NULL);
	} else if (strchr(in->from, ':') == NULL) {
		if (svc_date_parse(in->from, svc_now(), &y, &m, &d, e))
			return e->code;
		day = svc_days_from_civil(y, m, d);
	} else {
		if (svc_time_parse(in->from, svc_now(), &c->cal, &t, e))
			return e->code;
		if (minute >= 0)
			return svc_seterr(e, SVC_EX_USAGE, "the time of day "
			    "is given twice: in --every and in --from");
		day = local_day(t, &from_minute);
		minute = from_minute;
	}
	if (minute < 0 && tod)
		local_day(tod, &minute);
	if (minute < 0)
		return svc_seterr(e, SVC_EX_USAGE, "no time of day: give it "
		    "in --every ('tue 09:00') or --from 'DATE HH:MM'");
	svc_civil_from_days(day, &y, &m, &d);
	if (in->every && ((d > 28 && strstr(r->rrule, "MONTHLY")) ||
	    (m == 2 && d == 29 && strstr(r->rrule, "YEARLY"))))
		return svc_seterr(e, SVC_EX_USAGE, "%04d-%02d-%02d: the rule "
		    "would skip the months without that day: start on the "
		    "1st-28th, or say --rrule 'FREQ=MONTHLY;BYMONTHDAY=-1'",
		    y, m, d);
	*start = at_day(day, minute);
	return 0;
}

static int
holiday_rule(const char *s, int dflt, struct svc_err *e)
{
	int i;

	if (s == NULL)
		return dflt;
	for (i = 0; svc_on_holidays[i]; i++)
		if (strcmp(s, svc_on_holidays[i]) == 0)
			return i;
	svc_seterr(e, SVC_EX_USAGE, "--on-holiday %s: skip, next or prev", s);
	return -1;
}

static int
ready_rule(const struct svc_plan_rule *in, struct svc_rrule *r,
    struct svc_err *e)
{
	if ((in->every == NULL) == (in->rrule == NULL))
		return svc_seterr(e, SVC_EX_USAGE, "--every or --rrule, one "
		    "of them");
	if (in->every ? svc_every_rrule(in->every, r, e) :
	    svc_rrule_check(in->rrule, r, e))
		return e->code;
	return rule_bounds(in, r, e);
}

struct first_ctx {
	time_t at;
};

static int
first_occ(time_t at, void *ctx)
{
	((struct first_ctx *)ctx)->at = at;
	return 1;
}

/*
 * G7 is checked once, when the plan is made: its next occurrence, moved
 * as the plan says, must be a slot the kind may be booked in; otherwise
 * every night's run would fail on it.
 */
static int
check_slot(const struct svc_conf *c, const char *kind, int minutes,
    const char *rrule, time_t start, int on_holiday, struct svc_err *e)
{
	struct first_ctx next = { 0 };
	const char *why;
	time_t at;
	int quiet;

	svc_clearerr(e);
	svc_rrule_each(rrule, start, svc_now(), svc_now() + 400 * 86400,
	    first_occ, &next, e);	/* first_occ stops it at the first */
	if (e->code)
		return e->code;
	if (next.at == 0)
		return svc_seterr(e, SVC_EX_DATA, "the rule has no occurrence "
		    "in the coming year");
	if ((at = svc_plan_move(svc_conf_cal(c, kind), next.at, on_holiday,
	    &why)) == 0)
		return 0;
	return svc_slot_check(c, kind, 0, at, at + 60 * (minutes > 0 ?
	    minutes : 60), 0, &quiet, e);
}

static int
insert_rule(struct svc_db *db, int64_t id, time_t from, time_t start,
    const struct svc_plan_rule *in, const struct svc_rrule *r,
    int on_holiday, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO plan_rule (plan_id, from_at,"
	    " start_at, every, rrule, on_holiday, at, actor) VALUES (?1, ?2,"
	    " ?3, ?4, ?5, ?6, ?7, ?8)";
	struct svc_json j;
	struct svc_stmt *st;
	char when[40];

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)from);
	svc_bind_int64(st, 3, (int64_t)start);
	svc_bind_text(st, 4, in->every);
	svc_bind_text(st, 5, r->rrule);
	svc_bind_text(st, 6, svc_on_holidays[on_holiday]);
	svc_bind_int64(st, 7, (int64_t)svc_now());
	svc_bind_text(st, 8, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_time_iso(start, when, sizeof when);
	svc_json_str(&j, "start", when);
	if (in->every)
		svc_json_str(&j, "every", in->every);
	svc_json_str(&j, "rrule", r->rrule);
	svc_json_str(&j, "on_holiday", svc_on_holidays[on_holiday]);
	if (in->note)
		svc_json_str(&j, "note", in->note);
	return plan_event(db, id, "plan.rule", &j, e);
}

/* One number a statement with ?1 = id answers; 0 when no row. */
static int
one_value(struct svc_db *db, const char *sql, int64_t id, int64_t *v,
    struct svc_err *e)
{
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	rc = svc_step(st);
	*v = rc == SVC_ROW ? svc_col_int64(st, 0) : 0;
	svc_reset(st);
	return rc == SVC_ROW || rc == SVC_DONE ? 0 :
	    svc_db_error(db, rc, e);
}

/* The first order's time: agreed, else wanted, else 0. */
static int
first_time(struct svc_db *db, int64_t first, time_t *at, struct svc_err *e)
{
	int64_t v;
	int rc = one_value(db, "SELECT coalesce(appt_at, want_at, 0)"
	    " FROM orders WHERE id = ?1", first, &v, e);

	*at = (time_t)v;
	return rc;
}

/* A plan from order first, which stands (not refused or cancelled). */
int
svc_plan_new(struct svc_db *db, const struct svc_conf *c, int64_t first,
    const struct svc_plan_rule *in, int64_t *id, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO plan (first_id, created_at,"
	    " actor) VALUES (?1, ?2, ?3)";
	struct svc_facts f;
	struct svc_rrule r;
	struct svc_stmt *st;
	time_t start, base;
	int64_t other;
	int hol;

	svc_clearerr(e);
	if (svc_text_ok("the note", in->note, SVC_TEXT_LINES, SVC_TEXT_LINE,
	    e) || ready_rule(in, &r, e) ||
	    (hol = holiday_rule(in->on_holiday, SVC_HOL_NEXT, e)) < 0 ||
	    svc_order_facts(db, first, &f, e))
		return e->code;
	if (strcmp(f.status, "refused") == 0 ||
	    strcmp(f.status, "cancelled") == 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: the order is %s: a "
		    "plan starts from an order that stands", (long long)first,
		    svc_label(f.status));
	/* whose first it is, or which plan made it */
	if (one_value(db, "SELECT id FROM plan WHERE first_id = ?1 UNION ALL"
	    " SELECT plan_id FROM plan_occ WHERE order_id = ?1", first, &other,
	    e))
		return e->code;
	if (other)
		return svc_seterr(e, SVC_EX_DATA, "%lld: the order is already "
		    "in plan %lld", (long long)first, (long long)other);
	if (first_time(db, first, &base, e))
		return e->code;
	if (rule_start(in, &r, c, base, base, &start, e) ||
	    check_slot(c, f.kind, f.minutes, r.rrule, start, hol, e) ||
	    svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, first);
	svc_bind_int64(st, 2, (int64_t)svc_now());
	svc_bind_text(st, 3, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	*id = svc_db_last_id(db);
	return insert_rule(db, *id, start, start, in, &r, hol, e);
}

/* Orders a plan has made for after t: they stand, and are counted. */
static int
made_after(struct svc_db *db, int64_t id, time_t t, int *n, struct svc_err *e)
{
	static const char sql[] = "SELECT count(*) FROM plan_occ WHERE"
	    " plan_id = ?1 AND order_id IS NOT NULL AND at > ?2";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)t);
	rc = svc_step(st);
	*n = rc == SVC_ROW ? svc_col_int(st, 0) : 0;
	svc_reset(st);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

static int
plan_state(struct svc_db *db, int64_t id, char *state, size_t n,
    struct svc_err *e)
{
	static const char sql[] = "SELECT state FROM plan WHERE id = ?1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW)
		snprintf(state, n, "%s", svc_col_text(st, 0));
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no such plan",
		    (long long)id);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

/*
 * From a date on, a new rule (the time of day, if not given, as before);
 * what the plan made before stays, and orders already made for after
 * the date are counted in *made for the caller to say.
 */
int
svc_plan_edit(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const struct svc_plan_rule *in, int *made, struct svc_err *e)
{
	static const char last[] = "SELECT from_at, start_at, on_holiday"
	    " FROM plan_rule WHERE plan_id = ?1 ORDER BY from_at DESC LIMIT 1";
	struct svc_facts f;
	struct svc_rrule r;
	struct svc_stmt *st;
	time_t was_from = 0, was_start = 0, start, from;
	char state[16], hol_was[8] = "next";
	int64_t first;
	int hol, day, rc;

	svc_clearerr(e);
	if (in->from == NULL)
		return svc_seterr(e, SVC_EX_USAGE, "edit: --from DATE, the "
		    "first day of the new rule, is required");
	if (svc_text_ok("the note", in->note, SVC_TEXT_LINES, SVC_TEXT_LINE,
	    e) || plan_state(db, id, state, sizeof state, e) ||
	    ready_rule(in, &r, e))
		return e->code;
	if (strcmp(state, "ended") == 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: the plan is ended",
		    (long long)id);
	if (svc_db_cached(db, last, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		was_from = (time_t)svc_col_int64(st, 0);
		was_start = (time_t)svc_col_int64(st, 1);
		snprintf(hol_was, sizeof hol_was, "%s", svc_col_text(st, 2));
	}
	svc_reset(st);
	if (rc != SVC_ROW)
		return svc_db_error(db, rc, e);
	if ((hol = holiday_rule(in->on_holiday, holiday_rule(hol_was, 1, e),
	    e)) < 0 || rule_start(in, &r, c, 0, was_start, &start, e))
		return e->code;
	day = local_day(start, NULL);
	if (day < local_day(svc_now(), NULL))
		return svc_seterr(e, SVC_EX_DATA, "%lld: --from is in the past: "
		    "a plan is edited from today on", (long long)id);
	if (day < local_day(was_from, NULL))
		return svc_seterr(e, SVC_EX_DATA, "%lld: the plan has a rule "
		    "from a later day: edit from then on", (long long)id);
	from = at_day(day, 0);
	if (from <= was_from)
		from = was_from + 1;	/* the same day again: this one wins */
	if (one_value(db, "SELECT first_id FROM plan WHERE id = ?1", id,
	    &first, e) || svc_order_facts(db, first, &f, e) ||
	    check_slot(c, f.kind, f.minutes, r.rrule, start, hol, e) ||
	    insert_rule(db, id, from, start, in, &r, hol, e))
		return e->code;
	return made_after(db, id, from, made, e);
}

/* pause (active), resume (paused), end (either): the next ones only. */
int
svc_plan_state(struct svc_db *db, int64_t id, const char *verb, const char *note,
    int *made, struct svc_err *e)
{
	static const struct {
		const char *verb, *from, *to;
	} moves[] = {
		{ "pause", "active", "paused" },
		{ "resume", "paused", "active" },
		{ "end", "active", "ended" },
		{ "end", "paused", "ended" },
	};
	static const char sql[] = "UPDATE plan SET state = ?2, changed_at = ?3"
	    " WHERE id = ?1";
	struct svc_json j;
	struct svc_stmt *st;
	char state[16], kind[24];
	size_t i;

	svc_clearerr(e);
	if (svc_text_ok("the note", note, SVC_TEXT_LINES, SVC_TEXT_LINE, e) ||
	    plan_state(db, id, state, sizeof state, e))
		return e->code;
	for (i = 0; i < sizeof moves / sizeof moves[0]; i++)
		if (strcmp(moves[i].verb, verb) == 0 &&
		    strcmp(moves[i].from, state) == 0)
			break;
	if (i == sizeof moves / sizeof moves[0])
		return svc_seterr(e, SVC_EX_DATA, "%lld: the plan is %s: "
		    "cannot %s it", (long long)id, svc_label(state), verb);
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, moves[i].to);
	svc_bind_int64(st, 3, (int64_t)svc_now());
	if (svc_db_done(db, st, e) || made_after(db, id, svc_now(), made, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "from", state);
	svc_json_str(&j, "to", moves[i].to);
	if (note)
		svc_json_str(&j, "note", note);
	snprintf(kind, sizeof kind, "plan.%s", verb);
	return plan_event(db, id, kind, &j, e);
}

/*
 * The plans a run considers: active ones, with whether their first order
 * has been accepted (the standing agreement) and its status.
 */
int
svc_plan_due(struct svc_db *db, struct svc_stmt **st, struct svc_err *e)
{
	static const char sql[] = "SELECT p.id, p.first_id,"
	    " o.replied_at IS NOT NULL AND o.status <> 'refused', o.status"
	    " FROM plan p JOIN orders o ON o.id = p.first_id"
	    " WHERE p.state = 'active' ORDER BY p.id";

	return svc_db_prepare(db, sql, st, e);
}

struct run {
	struct svc_db *db;
	const struct svc_conf *conf;
	const struct svc_plan_run *r;
	int64_t plan;
	struct svc_order_copy first;
	int on_holiday;
	struct svc_err *e;
};

static int
record_occ(struct run *run, time_t planned, time_t at, int64_t order,
    const char *note)
{
	static const char sql[] = "INSERT INTO plan_occ (plan_id, planned_at,"
	    " at, order_id, note, made_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct svc_stmt *st;

	if (svc_db_cached(run->db, sql, &st, run->e))
		return run->e->code;
	svc_bind_int64(st, 1, run->plan);
	svc_bind_int64(st, 2, (int64_t)planned);
	if (at)
		svc_bind_int64(st, 3, (int64_t)at);
	if (order)
		svc_bind_int64(st, 4, order);
	svc_bind_text(st, 5, note);
	svc_bind_int64(st, 6, (int64_t)svc_now());
	return svc_db_done(run->db, st, run->e);
}

static int
occ_made(struct run *run, time_t planned, int *made)
{
	static const char sql[] = "SELECT 1 FROM plan_occ"
	    " WHERE plan_id = ?1 AND planned_at = ?2";
	struct svc_stmt *st;

	if (svc_db_cached(run->db, sql, &st, run->e))
		return run->e->code;
	svc_bind_int64(st, 1, run->plan);
	svc_bind_int64(st, 2, (int64_t)planned);
	return svc_db_exists(run->db, st, made, run->e);
}

/* The order of one occurrence: registered and accepted at its time. */
static int
make_order(struct run *run, time_t planned, time_t at, int64_t *id)
{
	struct svc_reply reply = { 0 };
	struct svc_json j;
	char when[40];

	run->first.in.want_at = at;
	reply.at = at;
	reply.documents = run->first.documents;
	if (svc_order_new(run->db, run->conf, &run->first.in, id, run->e) ||
	    svc_order_accept(run->db, run->conf, *id, &reply, run->e))
		return run->e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "plan", run->plan);
	svc_time_iso(planned, when, sizeof when);
	svc_json_str(&j, "planned", when);
	return svc_event_json(run->db, *id, NULL, "plan.made", &j, run->e);
}

/* "2026-10-01 09:00 is 国庆节: moved to 2026-10-08 09:00" (at 0: skipped). */
static void
say_moved(struct run *run, time_t planned, time_t at, const char *why)
{
	char msg[256], from[32], to[32];

	if (run->r->said == NULL)
		return;
	svc_time_local(planned, from, sizeof from);
	if (at)
		svc_time_local(at, to, sizeof to);
	snprintf(msg, sizeof msg, "%s is %s: %s%s", from, why,
	    at ? "moved to " : "skipped", at ? to : "");
	run->r->said(run->plan, msg, run->r->ctx);
}

static int
occurrence(time_t planned, void *ctx)
{
	struct run *run = ctx;
	const struct svc_cal *cal = svc_conf_cal(run->conf, run->first.in.kind);
	const char *why;
	char note[200];
	int64_t order = 0;
	int made = 0;
	time_t at;

	if (occ_made(run, planned, &made))
		return -1;
	if (made)
		return 0;	/* by an earlier run: each occurrence once */
	at = svc_plan_move(cal, planned, run->on_holiday, &why);
	if (at && at <= svc_now())
		at = 0, why = "moved into the past";
	if (at == 0) {
		snprintf(note, sizeof note, "skipped: %s", why);
		say_moved(run, planned, 0, why);
		return record_occ(run, planned, 0, 0, note) ? -1 : 0;
	}
	if (make_order(run, planned, at, &order))
		return -1;
	if (run->r->made)
		run->r->made(run->plan, order, run->r->ctx);
	if (at == planned)
		return record_occ(run, planned, at, order, NULL) ? -1 : 0;
	snprintf(note, sizeof note, "moved: %s", why);
	say_moved(run, planned, at, why);
	return record_occ(run, planned, at, order, note) ? -1 : 0;
}

/*
 * Make plan id's occurrences after now, up to r->upto, not made yet.
 * Each rule holds from its from_at to the next one's; occurrences are
 * after the first order's time, which stands for the first of them.
 */
int
svc_plan_run(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const struct svc_plan_run *r, struct svc_err *e)
{
	static const char sql[] = "SELECT from_at, start_at, rrule, on_holiday,"
	    " (SELECT min(from_at) FROM plan_rule n WHERE n.plan_id = ?1"
	    "   AND n.from_at > p.from_at) FROM plan_rule p"
	    " WHERE plan_id = ?1 ORDER BY from_at";
	struct run run;
	struct svc_stmt *st;
	int64_t first;
	time_t after, upto;
	int rc;

	svc_clearerr(e);
	memset(&run, 0, sizeof run);
	run.db = db, run.conf = c, run.r = r, run.plan = id, run.e = e;
	if (one_value(db, "SELECT first_id FROM plan WHERE id = ?1", id,
	    &first, e) || svc_order_copy(db, first, &run.first, e) ||
	    svc_db_prepare(db, sql, &st, e))
		goto out;
	svc_bind_int64(st, 1, id);
	while ((rc = svc_step(st)) == SVC_ROW) {
		after = (time_t)svc_col_int64(st, 0) - 1;
		if (after < svc_now())
			after = svc_now();
		if (after < run.first.at)
			after = run.first.at;
		upto = r->upto;
		if (svc_col_type(st, 4) != SVC_T_NULL &&
		    (time_t)svc_col_int64(st, 4) - 1 < upto)
			upto = (time_t)svc_col_int64(st, 4) - 1;
		run.on_holiday = holiday_rule(svc_col_text(st, 3), 1, e);
		if (after < upto && svc_rrule_each(svc_col_text(st, 2),
		    (time_t)svc_col_int64(st, 1), after, upto,
		    occurrence, &run, e))
			break;
	}
	if (rc != SVC_ROW && rc != SVC_DONE)
		svc_db_error(db, rc, e);
	svc_finalize(st);
out:
	svc_order_copy_free(&run.first);
	return e->code;
}

/* id, state, kind, customer, first, every (or the rule), on_holiday,
 * made, last: the plans, of a state and a kind or all. */
int
svc_plan_query(struct svc_db *db, const char *state, const char *kind,
    struct svc_stmt **st, struct svc_err *e)
{
	static const char sql[] = "SELECT id, state, kind, customer, first_id,"
	    " coalesce(every, rrule), on_holiday, made, last_at FROM v_plan"
	    " WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR kind = ?2)"
	    " ORDER BY id";

	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_text(*st, 1, state);
	svc_bind_text(*st, 2, kind);
	return 0;
}

/*
 * plan, planned, at, order, status, note: the first order, then each
 * occurrence in time order, with why one moved or was skipped.  The
 * first order's place is said (rank), not left to where each engine
 * sorts its null planned time (SQLite first, PostgreSQL last).
 */
int
svc_plan_occs(struct svc_db *db, int64_t id, struct svc_stmt **st, struct svc_err *e)
{
	static const char sql[] = "SELECT id, planned, at, order_id, status,"
	    " note FROM (SELECT p.id, NULL AS planned,"
	    " coalesce(o.appt_at, o.want_at) AS at, p.first_id AS order_id,"
	    " o.status, 'the first order' AS note, 0 AS rank FROM plan p"
	    " JOIN orders o ON o.id = p.first_id WHERE p.id = ?1"
	    " UNION ALL SELECT x.plan_id, x.planned_at, x.at, x.order_id,"
	    " o.status, x.note, 1 FROM plan_occ x"
	    " LEFT JOIN orders o ON o.id = x.order_id WHERE x.plan_id = ?1)"
	    " AS u ORDER BY rank, planned";
	char state[16];

	if (plan_state(db, id, state, sizeof state, e) ||
	    svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_int64(*st, 1, id);
	return 0;
}

/*
 * cal.c - the working calendar (DESIGN section 5; G5 reply within working
 * days, G7 visits in working hours).
 *
 * A day is worked when its weekday is a working weekday and it is not a
 * holiday, or when it is a make-up working day (调休上班).  Working time is
 * the day's windows (09:00-12:00, 13:30-17:30): lunch is not working time.
 * "N working days" is N times one day's working time, counted from the
 * moment given, so a request at 16:00 on a Wednesday is due at 16:00 on the
 * next working day.  A year without official data is unknown, not free of
 * holidays: results are still computed, and the warn hook says which year.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/* Far enough for any deadline; a calendar with no working day ends here. */
#define SCAN_DAYS (366 * 40)

void
svc_cal_init(struct svc_cal *c)
{
	memset(c, 0, sizeof *c);
	c->weekdays = 0x1f;	/* Monday to Friday */
}

void
svc_cal_free(struct svc_cal *c)
{
	int i;

	for (i = 0; i < c->nsp; i++)
		free(c->sp[i].name);
	free(c->sp);
	free(c->win);
	free(c->years);
	memset(c, 0, sizeof *c);
}

int
svc_cal_add_window(struct svc_cal *c, int start, int end, struct svc_err *e)
{
	int i;

	if (start < 0 || end > 24 * 60 || start >= end)
		return svc_seterr(e, SVC_EX_CONFIG,
		    "working hours: a window must start before it ends");
	for (i = 0; i < c->nwin; i++)
		if (start < c->win[i].end && c->win[i].start < end)
			return svc_seterr(e, SVC_EX_CONFIG,
			    "working hours: windows overlap");
	c->win = svc_xrealloc(c->win, (size_t)(c->nwin + 1) * sizeof *c->win);
	for (i = c->nwin; i > 0 && c->win[i - 1].start > start; i--)
		c->win[i] = c->win[i - 1];
	c->win[i].start = start;
	c->win[i].end = end;
	c->nwin++;
	return 0;
}

void
svc_cal_add_special(struct svc_cal *c, int day, int working, const char *name)
{
	c->sp = svc_xrealloc(c->sp, (size_t)(c->nsp + 1) * sizeof *c->sp);
	c->sp[c->nsp].day = day;
	c->sp[c->nsp].working = working;
	c->sp[c->nsp].name = svc_strdup(name ? name : "");
	c->nsp++;
}

void
svc_cal_add_year(struct svc_cal *c, int year)
{
	c->years = svc_xrealloc(c->years, (size_t)(c->nyears + 1) *
	    sizeof *c->years);
	c->years[c->nyears++] = year;
}

/*
 * Sort the special days, keeping only the last entry given for a date, so
 * that a local closure listed after an official file overrides it.
 */
int
svc_cal_seal(struct svc_cal *c, struct svc_err *e)
{
	int i, j, out;
	struct svc_special t;

	/* Insertion sort: stable, and the lists are a few dozen entries. */
	for (i = 1; i < c->nsp; i++) {
		t = c->sp[i];
		for (j = i; j > 0 && c->sp[j - 1].day > t.day; j--)
			c->sp[j] = c->sp[j - 1];
		c->sp[j] = t;
	}
	for (i = 0, out = 0; i < c->nsp; i++) {
		if (i + 1 < c->nsp && c->sp[i + 1].day == c->sp[i].day) {
			free(c->sp[i].name);
			continue;
		}
		c->sp[out++] = c->sp[i];
	}
	c->nsp = out;
	if (c->nwin == 0)
		return svc_seterr(e, SVC_EX_CONFIG,
		    "calendar: no working hours");
	return 0;
}

static const struct svc_special *
special(const struct svc_cal *c, int day)
{
	int lo = 0, hi = c->nsp - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (c->sp[mid].day == day)
			return &c->sp[mid];
		if (c->sp[mid].day < day)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* Whether year y was warned of already; notes it.  An import counts on
 * two threads (ahead.c). */
static int
warned_before(int y)
{
	static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
	static int warned[64], nwarned;
	int i, before = 0;

	pthread_mutex_lock(&mu);
	for (i = 0; i < nwarned && !before; i++)
		before = warned[i] == y;
	if (!before && nwarned < (int)(sizeof warned / sizeof warned[0]))
		warned[nwarned++] = y;
	pthread_mutex_unlock(&mu);
	return before;
}

/* Warn once per process and year: a nightly job should say it once. */
static void
check_year(const struct svc_cal *c, int day)
{
	char msg[128];
	int y, m, d, i;

	if (c->warn == NULL)
		return;
	svc_civil_from_days(day, &y, &m, &d);
	for (i = 0; i < c->nyears; i++)
		if (c->years[i] == y)
			return;
	if (warned_before(y))
		return;
	snprintf(msg, sizeof msg, "warning: no holiday data for %d; "
	    "counting weekends only", y);
	c->warn(msg);
}

/* Say so when the year of t (local time) has no holiday data. */
void
svc_cal_warn_year(const struct svc_cal *c, time_t t)
{
	struct tm tm;

	svc_local_tm(t, &tm);
	check_year(c, svc_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday));
}

enum svc_daykind
svc_cal_day(const struct svc_cal *c, int day, const char **why)
{
	const struct svc_special *s;
	int weekday_works = (c->weekdays >> svc_weekday(day)) & 1;

	check_year(c, day);
	if ((s = special(c, day)) != NULL) {
		if (why)
			*why = s->name;
		if (!s->working)
			return SVC_DAY_HOLIDAY;
		return weekday_works ? SVC_DAY_WORKDAY : SVC_DAY_MAKEUP;
	}
	if (why)
		*why = "";
	return weekday_works ? SVC_DAY_WORKDAY : SVC_DAY_WEEKEND;
}

int
svc_cal_is_working(const struct svc_cal *c, int day)
{
	enum svc_daykind k = svc_cal_day(c, day, NULL);

	return k == SVC_DAY_WORKDAY || k == SVC_DAY_MAKEUP;
}

const char *
svc_daykind_name(enum svc_daykind k)
{
	static const char *const names[] = {
		"workday", "weekend", "holiday", "makeup"
	};

	return names[k];
}

int64_t
svc_cal_day_secs(const struct svc_cal *c)
{
	int64_t s = 0;
	int i;

	for (i = 0; i < c->nwin; i++)
		s += (int64_t)(c->win[i].end - c->win[i].start) * 60;
	return s;
}

static int
local_day(time_t t)
{
	struct tm tm;

	svc_local_tm(t, &tm);
	return svc_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

static void
window_bounds(int day, const struct svc_window *w, time_t *ws, time_t *we)
{
	int y, m, d;

	svc_civil_from_days(day, &y, &m, &d);
	*ws = svc_local_mktime(y, m, d, w->start);
	*we = svc_local_mktime(y, m, d, w->end);
}

/*
 * Walk the working windows from t on, taking up to work_secs of working
 * time.  With work_secs 0 this is "the next working moment".
 */
static int
walk(const struct svc_cal *c, time_t t, int64_t work_secs, time_t *out,
    struct svc_err *e)
{
	int day = local_day(t), last = day + SCAN_DAYS, i;
	time_t ws, we, from;

	for (; day < last; day++) {
		if (!svc_cal_is_working(c, day))
			continue;
		for (i = 0; i < c->nwin; i++) {
			window_bounds(day, &c->win[i], &ws, &we);
			if (we <= t)
				continue;
			from = t > ws ? t : ws;
			if (work_secs <= we - from) {
				*out = from + (time_t)work_secs;
				return 0;
			}
			work_secs -= we - from;
			t = we;
		}
	}
	return svc_seterr(e, SVC_EX_CONFIG,
	    "calendar: no working time within %d years", SCAN_DAYS / 366);
}

int
svc_cal_next(const struct svc_cal *c, time_t t, time_t *out,
    struct svc_err *e)
{
	return walk(c, t, 0, out, e);
}

int
svc_cal_add(const struct svc_cal *c, time_t t, int64_t work_secs,
    time_t *out, struct svc_err *e)
{
	if (work_secs < 0)
		return svc_seterr(e, SVC_EX_DATA,
		    "working time counts forward only");
	if (work_secs == 0) {
		*out = t;
		return 0;
	}
	return walk(c, t, work_secs, out, e);
}

int
svc_cal_add_dur(const struct svc_cal *c, time_t t, const struct svc_dur *d,
    time_t *out, struct svc_err *e)
{
	if (d->unit == SVC_DUR_CLOCK) {
		*out = t + (time_t)d->secs;
		return 0;
	}
	return svc_cal_add(c, t, (int64_t)d->n * svc_cal_day_secs(c), out, e);
}

/* Minutes since local midnight, and the local day. */
static int
local_minute(time_t t, int *day)
{
	struct tm tm;

	svc_local_tm(t, &tm);
	*day = svc_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	return tm.tm_hour * 60 + tm.tm_min;
}

/*
 * G7: does [from, to) fall inside one working window of a working day?
 * A visit that runs over lunch is not in working hours.
 */
int
svc_cal_in_hours(const struct svc_cal *c, time_t from, time_t to)
{
	int d1, d2, m1 = local_minute(from, &d1), m2, i;

	m2 = to > from ? local_minute(to - 1, &d2) + 1 : m1;
	if (to > from && d2 != d1)
		return 0;
	if (!svc_cal_is_working(c, d1))
		return 0;
	for (i = 0; i < c->nwin; i++)
		if (m1 >= c->win[i].start && m2 <= c->win[i].end)
			return 1;
	return 0;
}

/* A9: does [from, to) touch any of the windows (quiet hours)? */
int
svc_windows_touch(const struct svc_window *w, int n, time_t from, time_t to)
{
	int d1, d2, m1 = local_minute(from, &d1), m2, i;

	m2 = to > from ? local_minute(to - 1, &d2) + 1 : m1 + 1;
	if (to > from && d2 != d1)
		m2 = 24 * 60;	/* over midnight: the rest of the day at least */
	for (i = 0; i < n; i++)
		if (m1 < w[i].end && w[i].start < m2)
			return 1;
	return 0;
}

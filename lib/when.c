/*
 * when.c - the time forms of DESIGN section 3 and durations.
 *
 * Instants are Unix seconds.  Local dates are counted as days since
 * 1970-01-01 so that the calendar can index them without a struct tm.
 * Clock durations (30m, 8h, 1d) are plain elapsed time; working durations
 * (1wd) are counted on the working calendar (G5) and need one.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic). */
int
svc_days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
svc_civil_from_days(int z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* 1970-01-01 was a Thursday. */
int
svc_weekday(int days)
{
	int w = (days + 3) % 7;

	return w < 0 ? w + 7 : w;
}

static int
month_days(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/*
 * mktime() reads the zone rules on every call (glibc parses the zone's
 * POSIX footer for every date past its last transition), and the working
 * calendar asks for the same few window edges again and again: an import
 * of 100,000 requests asked 200,000 times for two values.  Remember recent
 * answers, keyed by the fields and forgotten when the zone changes.  The
 * zone changes only through svc_tz_set, which says so here: asking getenv
 * for TZ at every conversion was 2 % of an import and more of a listing.
 * Each thread keeps its own (an import converts a record's times on its
 * reader's thread, the deadlines on the writer's: ahead.c), and each
 * entry says which zone it was made in: the zone is set before any
 * thread starts, so the generation is only read while threads run.
 */
#define MEMO_SLOTS 64

static _Thread_local struct memo {
	int y, m, d, minute;
	unsigned gen;		/* 0: empty */
	time_t t;
} memo[MEMO_SLOTS];
static unsigned memo_gen = 1;	/* bumped when the zone changes */

void
svc_tz_changed(void)
{
	memo_gen++;
}

time_t
svc_local_mktime(int y, int m, int d, int minute)
{
	struct memo *slot;
	struct tm tm;

	slot = &memo[(unsigned)(y * 372 + m * 31 + d + minute * 7) %
	    MEMO_SLOTS];
	if (slot->gen == memo_gen && slot->y == y && slot->m == m &&
	    slot->d == d && slot->minute == minute)
		return slot->t;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = minute / 60;
	tm.tm_min = minute % 60;
	tm.tm_isdst = -1;
	*slot = (struct memo){ y, m, d, minute, memo_gen, mktime(&tm) };
	return slot->t;
}

/*
 * localtime_r, remembered for the UTC days last asked about: a listing
 * converts every time cell, and glibc re-reads the zone rule on each call
 * (a third of listing every order).  A day whose first and last second
 * share one UTC offset and DST flag holds no transition (no zone has two
 * within a day), so any instant in it is gmtime of itself plus that
 * offset, which reads no rule.  A day with a transition is converted as it
 * is, every time.  A row's times (made, due, booked) fall on a few days,
 * and listings go in time order, so a few days are kept: a listing of
 * 100,000 orders over three years converts about 3,000 times, not 300,000.
 */
#define DAY_SLOTS 16

/* gmtime_r's fields by arithmetic: glibc's takes the zone lock each call. */
static void
utc_tm(time_t t, struct tm *out)
{
	time_t secs = (t % 86400 + 86400) % 86400;
	int days = (int)((t - secs) / 86400), y, m, d;

	svc_civil_from_days(days, &y, &m, &d);
	memset(out, 0, sizeof *out);
	out->tm_year = y - 1900;
	out->tm_mon = m - 1;
	out->tm_mday = d;
	out->tm_hour = (int)(secs / 3600);
	out->tm_min = (int)(secs / 60 % 60);
	out->tm_sec = (int)(secs % 60);
	out->tm_wday = ((days % 7) + 11) % 7;	/* 1970-01-01 was a Thursday */
	out->tm_yday = days - svc_days_from_civil(y, 1, 1);
}

void
svc_local_tm(time_t t, struct tm *out)
{
	static _Thread_local struct day {
		time_t start;
		long off;
		int isdst, ok;
		const char *zone;
		unsigned gen;
	} days[DAY_SLOTS];
	static _Thread_local unsigned next;
	time_t start = t - (t % 86400 + 86400) % 86400, shifted, last;
	struct day *d;
	struct tm a, b;
	int i;

	for (i = 0; i < DAY_SLOTS; i++) {
		d = &days[i];
		if (d->ok && d->gen == memo_gen && d->start == start) {
			shifted = t + d->off;
			utc_tm(shifted, out);
			out->tm_isdst = d->isdst;
			out->tm_gmtoff = d->off;
			out->tm_zone = d->zone;
			return;
		}
	}
	localtime_r(&t, out);
	last = start + 86399;
	localtime_r(&start, &a);
	localtime_r(&last, &b);
	d = &days[next++ % DAY_SLOTS];
	d->start = start;
	d->off = out->tm_gmtoff;
	d->isdst = out->tm_isdst;
	d->zone = out->tm_zone;
	d->gen = memo_gen;
	d->ok = a.tm_gmtoff == d->off && b.tm_gmtoff == d->off &&
	    a.tm_isdst == d->isdst && b.tm_isdst == d->isdst;
}

/* n digits of v, zero-padded, at p; returns the end. */
static char *
put_digits(char *p, int v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

/* "YYYY-MM-DD?HH:MM", sep between date and time; the length, or 0. */
static size_t
put_minute(const struct tm *tm, char sep, char *buf, size_t n)
{
	char *p = buf;

	if (n < 17 || tm->tm_year + 1900 < 0 || tm->tm_year + 1900 > 9999)
		return 0;
	p = put_digits(p, tm->tm_year + 1900, 4);
	*p++ = '-';
	p = put_digits(p, tm->tm_mon + 1, 2);
	*p++ = '-';
	p = put_digits(p, tm->tm_mday, 2);
	*p++ = sep;
	p = put_digits(p, tm->tm_hour, 2);
	*p++ = ':';
	p = put_digits(p, tm->tm_min, 2);
	*p = '\0';
	return (size_t)(p - buf);
}

void
svc_time_local(time_t t, char *buf, size_t n)
{
	struct tm tm;

	svc_local_tm(t, &tm);
	if (put_minute(&tm, ' ', buf, n) == 0)
		strftime(buf, n, "%Y-%m-%d %H:%M", &tm);
}

void
svc_time_iso(time_t t, char *buf, size_t n)
{
	struct tm tm;
	long off;
	size_t len;
	char *p;

	svc_local_tm(t, &tm);
	off = tm.tm_gmtoff / 60;
	if ((len = put_minute(&tm, 'T', buf, n)) != 0 && n >= len + 10) {
		p = buf + len;
		*p++ = ':';
		p = put_digits(p, tm.tm_sec, 2);
		*p++ = off < 0 ? '-' : '+';
		p = put_digits(p, (int)(labs(off) / 60), 2);
		*p++ = ':';
		p = put_digits(p, (int)(labs(off) % 60), 2);
		*p = '\0';
		return;
	}
	len = strftime(buf, n, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + len, n - len, "%c%02ld:%02ld", off < 0 ? '-' : '+',
	    labs(off) / 60, labs(off) % 60);
}

/* Read exactly n digits. */
static int
digits(const char **sp, int n, int *v)
{
	const char *s = *sp;
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	*sp = s + n;
	return 0;
}

/* HH:MM, 24-hour; 24:00 is allowed as the end of a day's window. */
int
svc_hhmm_parse(const char *s, int *minute)
{
	int h, m;

	if (!isdigit((unsigned char)s[0]))
		return -1;
	h = s[0] - '0';
	s++;
	if (isdigit((unsigned char)*s))
		h = h * 10 + (*s++ - '0');
	if (*s++ != ':' || digits(&s, 2, &m) < 0 || *s != '\0')
		return -1;
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	*minute = h * 60 + m;
	return 0;
}

static int
ymd(const char **sp, int *y, int *m, int *d)
{
	const char *s = *sp;

	if (digits(&s, 4, y) < 0 || *s++ != '-' || digits(&s, 2, m) < 0 ||
	    *s++ != '-' || digits(&s, 2, d) < 0)
		return -1;
	if (*m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
		return -1;
	*sp = s;
	return 0;
}

static void
local_ymd(time_t now, int *y, int *m, int *d)
{
	struct tm tm;

	localtime_r(&now, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

static void
shift_days(int *y, int *m, int *d, int by)
{
	svc_civil_from_days(svc_days_from_civil(*y, *m, *d) + by, y, m, d);
}

/* today, tomorrow, yesterday; returns the rest of the string or NULL. */
static const char *
relative_day(const char *s, time_t now, int *y, int *m, int *d)
{
	static const struct {
		const char *word;
		int by;
	} w[] = { { "today", 0 }, { "tomorrow", 1 }, { "yesterday", -1 } };
	size_t i, n;

	for (i = 0; i < sizeof w / sizeof w[0]; i++) {
		n = strlen(w[i].word);
		if (strncmp(s, w[i].word, n) == 0 &&
		    (s[n] == '\0' || s[n] == ' ')) {
			local_ymd(now, y, m, d);
			shift_days(y, m, d, w[i].by);
			return s + n;
		}
	}
	return NULL;
}

int
svc_date_parse(const char *s, time_t now, int *y, int *m, int *d,
    struct svc_err *e)
{
	const char *p = s;
	const char *rest;

	struct svc_dur dur;

	if ((rest = relative_day(s, now, y, m, d)) != NULL && *rest == '\0')
		return 0;
	if (ymd(&p, y, m, d) == 0 && *p == '\0')
		return 0;
	/* +7d, -1d: whole days from today. */
	if ((s[0] == '+' || s[0] == '-') && svc_dur_parse(s + 1, &dur, NULL) == 0 &&
	    dur.unit == SVC_DUR_CLOCK && dur.secs % 86400 == 0 &&
	    strchr(s, 'd') != NULL) {
		local_ymd(now, y, m, d);
		shift_days(y, m, d, (int)(dur.secs / 86400) * (s[0] == '-' ? -1 : 1));
		return 0;
	}
	return svc_seterr(e, SVC_EX_DATA, "%s: bad date (want YYYY-MM-DD, "
	    "today, tomorrow, yesterday or +7d)", s);
}

/* "T10:00[:SS][Z|+08:00|+0800]" or " 10:00[:SS]" after a date. */
static int
clock_part(const char *s, int *sec, int *has_off, long *off)
{
	int h, mi, se = 0, oh, om;
	char sign;

	*has_off = 0;
	if (*s != 'T' && *s != ' ')
		return -1;
	s++;
	if (digits(&s, 2, &h) < 0 || *s++ != ':' || digits(&s, 2, &mi) < 0)
		return -1;
	if (*s == ':' && (s++, digits(&s, 2, &se) < 0))
		return -1;
	if (h > 23 || mi > 59 || se > 59)
		return -1;
	*sec = h * 3600 + mi * 60 + se;
	if (*s == 'Z' && s[1] == '\0') {
		*has_off = 1;
		*off = 0;
		return 0;
	}
	if (*s == '+' || *s == '-') {
		sign = *s++;
		if (digits(&s, 2, &oh) < 0)
			return -1;
		if (*s == ':')
			s++;
		if (digits(&s, 2, &om) < 0 || oh > 14 || om > 59)
			return -1;
		*has_off = 1;
		*off = (oh * 3600L + om * 60L) * (sign == '-' ? -1 : 1);
	}
	return *s == '\0' ? 0 : -1;
}

static int
absolute(const char *s, time_t *out)
{
	const char *p = s;
	int y, m, d, sec, has_off;
	long off;
	time_t t;

	if (ymd(&p, &y, &m, &d) < 0)
		return -1;
	if (*p == '\0') {
		*out = svc_local_mktime(y, m, d, 0);
		return 0;
	}
	if (clock_part(p, &sec, &has_off, &off) < 0)
		return -1;
	if (has_off) {
		/* An explicit offset names an instant, whatever the zone. */
		t = (time_t)svc_days_from_civil(y, m, d) * 86400 + sec - off;
	} else {
		t = svc_local_mktime(y, m, d, sec / 60) + sec % 60;
	}
	*out = t;
	return 0;
}

static int
epoch(const char *s, time_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno == ERANGE ||
	    v < 0 || v > 253402300799LL)
		return -1;
	*out = (time_t)v;
	return 0;
}

int
svc_time_parse(const char *s, time_t now, const struct svc_cal *cal,
    time_t *out, struct svc_err *e)
{
	struct svc_dur dur;
	const char *rest;
	int y, m, d, minute, sign;

	if (strcmp(s, "now") == 0) {
		*out = now;
		return 0;
	}
	if (s[0] == '@') {
		if (epoch(s + 1, out) == 0)
			return 0;
		goto bad;
	}
	if (s[0] == '+' || s[0] == '-') {
		sign = s[0] == '-' ? -1 : 1;
		if (svc_dur_parse(s + 1, &dur, NULL) != 0)
			goto bad;
		if (dur.unit == SVC_DUR_CLOCK) {
			*out = now + sign * (time_t)dur.secs;
			return 0;
		}
		if (sign < 0)
			return svc_seterr(e, SVC_EX_DATA,
			    "%s: working days count forward only", s);
		if (cal == NULL)
			return svc_seterr(e, SVC_EX_DATA,
			    "%s: no working calendar here", s);
		return svc_cal_add_dur(cal, now, &dur, out, e);
	}
	if ((rest = relative_day(s, now, &y, &m, &d)) != NULL) {
		minute = 0;
		if (*rest == ' ' && svc_hhmm_parse(rest + 1, &minute) < 0)
			goto bad;
		if (minute >= 24 * 60)
			goto bad;
		*out = svc_local_mktime(y, m, d, minute);
		return 0;
	}
	if (svc_hhmm_parse(s, &minute) == 0 && minute < 24 * 60) {
		local_ymd(now, &y, &m, &d);
		*out = svc_local_mktime(y, m, d, minute);
		return 0;
	}
	if (absolute(s, out) == 0)
		return 0;
bad:
	return svc_seterr(e, SVC_EX_DATA, "%s: bad time (want YYYY-MM-DD HH:MM, "
	    "ISO 8601, HH:MM, today, tomorrow 14:00, now, +30m, +1wd or @epoch)",
	    s);
}

/* 30m, 8h, 1d, 90s and sums like 1h30m; or Nwd, N working days. */
int
svc_dur_parse(const char *s, struct svc_dur *dur, struct svc_err *e)
{
	const char *p = s;
	int64_t total = 0, v, unit;
	int any = 0;

	memset(dur, 0, sizeof *dur);
	while (*p) {
		if (!isdigit((unsigned char)*p))
			goto bad;
		v = 0;
		while (isdigit((unsigned char)*p)) {
			v = v * 10 + (*p++ - '0');
			if (v > 100000000)
				goto bad;
		}
		if (p[0] == 'w' && p[1] == 'd') {
			if (any || p[2] != '\0' || v > 10000)
				goto bad;
			dur->unit = SVC_DUR_WORKDAYS;
			dur->n = (int)v;
			return 0;
		}
		switch (*p++) {
		case 's': unit = 1; break;
		case 'm': unit = 60; break;
		case 'h': unit = 3600; break;
		case 'd': unit = 86400; break;
		default: goto bad;
		}
		total += v * unit;
		if (total > (int64_t)100 * 365 * 86400)
			goto bad;
		any = 1;
	}
	if (!any)
		goto bad;
	dur->unit = SVC_DUR_CLOCK;
	dur->secs = total;
	return 0;
bad:
	return svc_seterr(e, SVC_EX_DATA,
	    "%s: bad duration (want e.g. 30m, 8h, 1d, 1h30m or 1wd)", s);
}

void
svc_dur_format(const struct svc_dur *dur, char *buf, size_t n)
{
	struct svc_buf b = { 0 };
	int64_t s = dur->secs;

	if (dur->unit == SVC_DUR_WORKDAYS) {
		snprintf(buf, n, "%dwd", dur->n);
		return;
	}
	if (s == 0)
		svc_buf_puts(&b, "0m");
	if (s >= 86400)
		svc_buf_printf(&b, "%lldd", (long long)(s / 86400));
	if (s % 86400 >= 3600)
		svc_buf_printf(&b, "%lldh", (long long)(s % 86400 / 3600));
	if (s % 3600 >= 60)
		svc_buf_printf(&b, "%lldm", (long long)(s % 3600 / 60));
	if (s % 60)
		svc_buf_printf(&b, "%llds", (long long)(s % 60));
	snprintf(buf, n, "%s", b.s);
	svc_buf_free(&b);
}

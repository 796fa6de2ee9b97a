/* test_when.c - time forms and durations of DESIGN section 3. */
#include <pthread.h>

#include "unit.h"

static void
civil_round_trip(void **state)
{
	int d, y, m, dd;

	(void)state;
	for (d = -800000; d < 800000; d += 7) {
		svc_civil_from_days(d, &y, &m, &dd);
		assert_int_equal(svc_days_from_civil(y, m, dd), d);
	}
	assert_int_equal(svc_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(svc_days_from_civil(2026, 12, 1), 20788);
	/* 2026-12-01 is a Tuesday: 0 = Monday. */
	assert_int_equal(svc_weekday(20788), 1);
	assert_int_equal(svc_weekday(0), 3);
}

static void
parses_absolute_forms(void **state)
{
	struct svc_err e = { 0 };
	time_t t;

	(void)state;
	/* 2026-12-01 10:00 in Beijing is 02:00 UTC. */
	assert_int_equal(svc_time_parse("2026-12-01 10:00", 0, NULL, &t, &e), 0);
	assert_int_equal(t, 1796090400);
	assert_int_equal(svc_time_parse("2026-12-01T10:00:00+08:00", 0, NULL,
	    &t, &e), 0);
	assert_int_equal(t, 1796090400);
	assert_int_equal(svc_time_parse("2026-12-01T02:00:00Z", 0, NULL, &t,
	    &e), 0);
	assert_int_equal(t, 1796090400);
	assert_int_equal(svc_time_parse("2026-12-01T03:00+0100", 0, NULL, &t,
	    &e), 0);
	assert_int_equal(t, 1796090400);
	assert_int_equal(svc_time_parse("@1796090400", 0, NULL, &t, &e), 0);
	assert_int_equal(t, 1796090400);
	assert_int_equal(svc_time_parse("2026-12-01", 0, NULL, &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-12-01 00:00");
}

static void
parses_relative_forms(void **state)
{
	time_t now = unit_at("2026-11-26 19:30"), t;
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_time_parse("now", now, NULL, &t, &e), 0);
	assert_int_equal(t, now);
	assert_int_equal(svc_time_parse("14:00", now, NULL, &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-11-26 14:00");
	assert_int_equal(svc_time_parse("tomorrow 14:00", now, NULL, &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-11-27 14:00");
	assert_int_equal(svc_time_parse("today", now, NULL, &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-11-26 00:00");
	assert_int_equal(svc_time_parse("+30m", now, NULL, &t, &e), 0);
	assert_int_equal(t, now + 1800);
	assert_int_equal(svc_time_parse("+2h", now, NULL, &t, &e), 0);
	assert_int_equal(t, now + 7200);
	assert_int_equal(svc_time_parse("+1d", now, NULL, &t, &e), 0);
	assert_int_equal(t, now + 86400);
	assert_int_equal(svc_time_parse("-30m", now, NULL, &t, &e), 0);
	assert_int_equal(t, now - 1800);
	/* +1wd needs a calendar. */
	assert_int_equal(svc_time_parse("+1wd", now, NULL, &t, &e), SVC_EX_DATA);
}

static void
refuses_bad_times(void **state)
{
	static const char *const bad[] = {
		"", "2026-13-01", "2026-02-29 10:00", "2026-12-01 24:00",
		"2026-12-01 10:60", "26-12-01", "10", "25:00", "tomorrow 9",
		"yesterday at noon", "+", "+5", "+1x", "@", "@-5", "@12ab",
		"2026-12-01T10:00+15:00", "2026-12-01 10:00 extra", "now!",
	};
	struct svc_err e = { 0 };
	time_t t;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		svc_clearerr(&e);
		if (svc_time_parse(bad[i], 0, NULL, &t, &e) != SVC_EX_DATA)
			fail_msg("accepted bad time '%s'", bad[i]);
		assert_non_null(strstr(e.msg, "bad time"));
	}
	/* 2028 is a leap year. */
	assert_int_equal(svc_time_parse("2028-02-29 10:00", 0, NULL, &t, &e), 0);
}

static void
durations(void **state)
{
	struct svc_dur d;
	struct svc_err e = { 0 };
	char buf[32];

	(void)state;
	assert_int_equal(svc_dur_parse("30m", &d, &e), 0);
	assert_int_equal(d.unit, SVC_DUR_CLOCK);
	assert_int_equal(d.secs, 1800);
	assert_int_equal(svc_dur_parse("1h30m", &d, &e), 0);
	assert_int_equal(d.secs, 5400);
	assert_int_equal(svc_dur_parse("8h", &d, &e), 0);
	assert_int_equal(d.secs, 28800);
	assert_int_equal(svc_dur_parse("1d", &d, &e), 0);
	assert_int_equal(d.secs, 86400);
	assert_int_equal(svc_dur_parse("2wd", &d, &e), 0);
	assert_int_equal(d.unit, SVC_DUR_WORKDAYS);
	assert_int_equal(d.n, 2);
	svc_dur_format(&d, buf, sizeof buf);
	assert_string_equal(buf, "2wd");
	assert_int_equal(svc_dur_parse("1d2h5m", &d, &e), 0);
	svc_dur_format(&d, buf, sizeof buf);
	assert_string_equal(buf, "1d2h5m");
	assert_int_equal(svc_dur_parse("", &d, &e), SVC_EX_DATA);
	assert_int_equal(svc_dur_parse("30", &d, &e), SVC_EX_DATA);
	assert_int_equal(svc_dur_parse("1h1wd", &d, &e), SVC_EX_DATA);
	assert_int_equal(svc_dur_parse("-1h", &d, &e), SVC_EX_DATA);
	assert_int_equal(svc_dur_parse("99999999999h", &d, &e), SVC_EX_DATA);
}

static void
formats_local_and_iso(void **state)
{
	char buf[40];

	(void)state;
	svc_time_local(1796090400, buf, sizeof buf);
	assert_string_equal(buf, "2026-12-01 10:00");
	svc_time_iso(1796090400, buf, sizeof buf);
	assert_string_equal(buf, "2026-12-01T10:00:00+08:00");
}

static void
dates(void **state)
{
	time_t now = unit_at("2026-11-26 19:30");
	struct svc_err e = { 0 };
	int y, m, d;

	(void)state;
	assert_int_equal(svc_date_parse("+7d", now, &y, &m, &d, &e), 0);
	assert_int_equal(svc_days_from_civil(y, m, d),
	    svc_days_from_civil(2026, 12, 3));
	assert_int_equal(svc_date_parse("-1d", now, &y, &m, &d, &e), 0);
	assert_int_equal(d, 25);
	assert_int_equal(svc_date_parse("tomorrow", now, &y, &m, &d, &e), 0);
	assert_int_equal(d, 27);
	assert_int_equal(svc_date_parse("+2h", now, &y, &m, &d, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_date_parse("+1wd", now, &y, &m, &d, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_date_parse("2026-11-31", now, &y, &m, &d, &e),
	    SVC_EX_DATA);
}

static void
hhmm(void **state)
{
	int m;

	(void)state;
	assert_int_equal(svc_hhmm_parse("9:05", &m), 0);
	assert_int_equal(m, 545);
	assert_int_equal(svc_hhmm_parse("24:00", &m), 0);
	assert_int_equal(m, 1440);
	assert_int_equal(svc_hhmm_parse("24:01", &m), -1);
	assert_int_equal(svc_hhmm_parse("12:5", &m), -1);
}

/* Local times are remembered, but never across a change of zone. */
static void
local_mktime_follows_the_zone(void **state)
{
	struct svc_err e = { 0 };
	time_t cn, utc, again;

	(void)state;
	cn = svc_local_mktime(2026, 10, 8, 16 * 60);
	assert_int_equal(svc_local_mktime(2026, 10, 8, 16 * 60), cn);
	assert_int_equal(cn, unit_at("2026-10-08 16:00"));
	assert_int_equal(svc_tz_set("UTC", &e), 0);
	utc = svc_local_mktime(2026, 10, 8, 16 * 60);
	unit_tz();
	again = svc_local_mktime(2026, 10, 8, 16 * 60);
	assert_int_equal(utc - cn, 8 * 3600);
	assert_int_equal(again, cn);
	/* a slot shared by two keys gives each its own answer */
	assert_int_equal(svc_local_mktime(2026, 10, 9, 16 * 60) - cn, 86400);
	assert_int_equal(svc_local_mktime(2026, 10, 8, 16 * 60), cn);
}

/* What a second thread makes of 2026-10-08 16:00 and of its moment. */
struct other {
	time_t made;
	char shown[32];
};

static void *
convert_elsewhere(void *arg)
{
	struct other *o = arg;

	o->made = svc_local_mktime(2026, 10, 8, 16 * 60);
	svc_time_local(o->made, o->shown, sizeof o->shown);
	return NULL;
}

static struct other
on_another_thread(void)
{
	struct other o = { 0 };
	pthread_t t;

	assert_int_equal(pthread_create(&t, NULL, convert_elsewhere, &o), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	return o;
}

/*
 * Each thread remembers its own times (an import converts on two: ahead.c),
 * and each forgets them when the zone changes, whichever thread asked
 * first: the memos of the thread that set the zone and of the others.
 */
static void
threads_remember_apart(void **state)
{
	struct svc_err e = { 0 };
	struct other cn, utc;
	char shown[32];
	time_t here;

	(void)state;
	here = svc_local_mktime(2026, 10, 8, 16 * 60);
	cn = on_another_thread();
	assert_int_equal(cn.made, here);
	assert_string_equal(cn.shown, "2026-10-08 16:00");
	assert_int_equal(svc_tz_set("UTC", &e), 0);
	utc = on_another_thread();
	assert_int_equal(utc.made - here, 8 * 3600);
	assert_string_equal(utc.shown, "2026-10-08 16:00");
	/* this thread's memo, filled in the other zone, is forgotten too */
	assert_int_equal(svc_local_mktime(2026, 10, 8, 16 * 60), utc.made);
	svc_time_local(here, shown, sizeof shown);
	assert_string_equal(shown, "2026-10-08 08:00");
	unit_tz();
	assert_int_equal(svc_local_mktime(2026, 10, 8, 16 * 60), here);
}

/*
 * The remembered day gives what strftime on localtime_r gives, at every
 * step across daylight-saving changes (a whole hour in New York, half an
 * hour on Lord Howe, China's of 1986), a zone 5:45 from UTC, a day skipped
 * (Samoa, 2011-12-30), and after TZ changes.
 */
static void
remembered_hours_match_localtime(void **state)
{
	static const struct {
		const char *zone;
		time_t from;
	} zones[] = {
		{ "America/New_York", 1772953200 },	/* 2026-03-08 */
		{ "America/New_York", 1793512800 },	/* 2026-11-01 */
		{ "Australia/Lord_Howe", 1775314800 },	/* 2026-04-05 */
		{ "Asia/Kathmandu", 1796090400 },
		{ "Asia/Shanghai", 1796090400 },
		{ "Asia/Shanghai", 516376800 },		/* 1986-05-13, DST */
		{ "Asia/Shanghai", 527018400 },		/* 1986-09-13 */
		{ "Europe/London", 1774746000 },	/* 2026-03-29 */
		{ "Pacific/Apia", 1325239200 },		/* the day Samoa skipped */
	};
	char got[40], want[60], off[24];
	struct tm tm, mine;
	time_t t;
	size_t i;
	long o;

	(void)state;
	for (i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		unit_zone(zones[i].zone);
		for (t = zones[i].from - 86400; t < zones[i].from + 86400;
		    t += 7 * 60 + 13) {
			localtime_r(&t, &tm);
			o = tm.tm_gmtoff / 60;
			snprintf(off, sizeof off, "%c%02ld:%02ld", o < 0 ? '-' :
			    '+', labs(o) / 60, labs(o) % 60);
			strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%S", &tm);
			strcat(want, off);
			svc_time_iso(t, got, sizeof got);
			if (strcmp(got, want) != 0)
				fail_msg("%s %lld: %s, want %s", zones[i].zone,
				    (long long)t, got, want);
			strftime(want, sizeof want, "%Y-%m-%d %H:%M", &tm);
			svc_time_local(t, got, sizeof got);
			assert_string_equal(got, want);
		}
	}
	/* scattered over years, back and forth: days come and go */
	unit_zone("America/New_York");
	for (i = 0; i < 20000; i++) {
		t = 1577836800 + (time_t)((i * 7919L) % 2500) * 86400 +
		    (time_t)(i * 4513L % 86400);
		localtime_r(&t, &tm);
		strftime(want, sizeof want, "%Y-%m-%d %H:%M", &tm);
		svc_time_local(t, got, sizeof got);
		if (strcmp(got, want) != 0)
			fail_msg("New York %lld: %s, want %s", (long long)t, got,
			    want);
		svc_local_tm(t, &mine);
		if (mine.tm_wday != tm.tm_wday || mine.tm_yday != tm.tm_yday ||
		    mine.tm_isdst != tm.tm_isdst ||
		    mine.tm_gmtoff != tm.tm_gmtoff)
			fail_msg("New York %lld: weekday, day of year, DST or "
			    "offset differ", (long long)t);
	}
	unit_tz();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(civil_round_trip),
		cmocka_unit_test(parses_absolute_forms),
		cmocka_unit_test(parses_relative_forms),
		cmocka_unit_test(refuses_bad_times),
		cmocka_unit_test(durations),
		cmocka_unit_test(formats_local_and_iso),
		cmocka_unit_test(dates),
		cmocka_unit_test(hhmm),
		cmocka_unit_test(local_mktime_follows_the_zone),
		cmocka_unit_test(threads_remember_apart),
		cmocka_unit_test(remembered_hours_match_localtime),
	};

	unit_tz();
	return cmocka_run_group_tests_name("when", tests, NULL, NULL);
}

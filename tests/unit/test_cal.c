/*
 * test_cal.c - the working calendar (G5, G7).  The expected 2025 and 2026
 * calendars are typed here again from the State Council notices
 * (CALENDAR-CN.md), independently of the shipped YAML files, and every one
 * of the 730 days is compared.
 */
#include "unit.h"

static struct svc_conf conf;

struct span {
	const char *from, *to;
	enum svc_daykind kind;
};

static const struct span official[] = {
	{ "2025-01-01", "2025-01-01", SVC_DAY_HOLIDAY },
	{ "2025-01-28", "2025-02-04", SVC_DAY_HOLIDAY },
	{ "2025-04-04", "2025-04-06", SVC_DAY_HOLIDAY },
	{ "2025-05-01", "2025-05-05", SVC_DAY_HOLIDAY },
	{ "2025-05-31", "2025-06-02", SVC_DAY_HOLIDAY },
	{ "2025-10-01", "2025-10-08", SVC_DAY_HOLIDAY },
	{ "2025-01-26", "2025-01-26", SVC_DAY_MAKEUP },
	{ "2025-02-08", "2025-02-08", SVC_DAY_MAKEUP },
	{ "2025-04-27", "2025-04-27", SVC_DAY_MAKEUP },
	{ "2025-09-28", "2025-09-28", SVC_DAY_MAKEUP },
	{ "2025-10-11", "2025-10-11", SVC_DAY_MAKEUP },
	{ "2026-01-01", "2026-01-03", SVC_DAY_HOLIDAY },
	{ "2026-02-15", "2026-02-23", SVC_DAY_HOLIDAY },
	{ "2026-04-04", "2026-04-06", SVC_DAY_HOLIDAY },
	{ "2026-05-01", "2026-05-05", SVC_DAY_HOLIDAY },
	{ "2026-06-19", "2026-06-21", SVC_DAY_HOLIDAY },
	{ "2026-09-25", "2026-09-27", SVC_DAY_HOLIDAY },
	{ "2026-10-01", "2026-10-07", SVC_DAY_HOLIDAY },
	{ "2026-01-04", "2026-01-04", SVC_DAY_MAKEUP },
	{ "2026-02-14", "2026-02-14", SVC_DAY_MAKEUP },
	{ "2026-02-28", "2026-02-28", SVC_DAY_MAKEUP },
	{ "2026-05-09", "2026-05-09", SVC_DAY_MAKEUP },
	{ "2026-09-20", "2026-09-20", SVC_DAY_MAKEUP },
	{ "2026-10-10", "2026-10-10", SVC_DAY_MAKEUP },
};

static int
day_of(const char *s)
{
	int y, m, d;
	struct svc_err e = { 0 };

	if (svc_date_parse(s, 0, &y, &m, &d, &e) != 0)
		fail_msg("%s", e.msg);
	return svc_days_from_civil(y, m, d);
}

static enum svc_daykind
expected(int day)
{
	size_t i;
	int wd = svc_weekday(day);

	for (i = 0; i < sizeof official / sizeof official[0]; i++)
		if (day >= day_of(official[i].from) &&
		    day <= day_of(official[i].to))
			return official[i].kind;
	return wd >= 5 ? SVC_DAY_WEEKEND : SVC_DAY_WORKDAY;
}

static int warnings;
static char last_warning[128];

static void
count_warning(const char *msg)
{
	warnings++;
	snprintf(last_warning, sizeof last_warning, "%s", msg);
}

static int
setup(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	if (svc_conf_load(&conf, "share/svc/config.yaml", &e) != 0)
		fail_msg("%s", e.msg);
	conf.cal.warn = count_warning;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	svc_conf_free(&conf);
	return 0;
}

/* G5: every date of 2025 and 2026 as the official notices say. */
static void
gov_all_730_days_match_the_notices(void **state)
{
	int first = day_of("2025-01-01"), last = day_of("2026-12-31"), d, n = 0;
	enum svc_daykind got;
	const char *why;

	(void)state;
	for (d = first; d <= last; d++, n++) {
		got = svc_cal_day(&conf.cal, d, &why);
		if (got != expected(d)) {
			int y, m, dd;

			svc_civil_from_days(d, &y, &m, &dd);
			fail_msg("%04d-%02d-%02d: got %s, want %s", y, m, dd,
			    svc_daykind_name(got), svc_daykind_name(expected(d)));
		}
		if (got == SVC_DAY_HOLIDAY || got == SVC_DAY_MAKEUP)
			assert_true(strlen(why) > 0);
	}
	assert_int_equal(n, 730);
	assert_int_equal(warnings, 0);
}

static void
add_wd(const char *from, const char *want)
{
	struct svc_dur one = { SVC_DUR_WORKDAYS, 0, 1 };
	struct svc_err e = { 0 };
	time_t t;

	assert_int_equal(svc_cal_add_dur(&conf.cal, unit_at(from), &one, &t,
	    &e), 0);
	assert_string_equal(unit_local(t), want);
}

/* G5: a request at 16:00 on a Wednesday is due 16:00 the next working day. */
static void
gov_reply_due_next_working_day(void **state)
{
	(void)state;
	add_wd("2026-11-25 16:00", "2026-11-26 16:00");
	/* Friday 16:00 -> Monday 16:00. */
	add_wd("2026-11-27 16:00", "2026-11-30 16:00");
}

/* G5: the National Day week is skipped. */
static void
gov_reply_due_skips_holiday(void **state)
{
	(void)state;
	add_wd("2026-09-30 16:00", "2026-10-08 16:00");
	/* The make-up Saturday 2026-10-10 counts as a working day. */
	add_wd("2026-10-09 16:00", "2026-10-10 16:00");
	/* Spring Festival 2026: Friday 13 Feb -> make-up Saturday 14 Feb. */
	add_wd("2026-02-13 10:00", "2026-02-14 10:00");
	/* From the make-up Saturday straight over the nine days off. */
	add_wd("2026-02-14 10:00", "2026-02-24 10:00");
}

/* G5: outside working hours counting starts at the next working period. */
static void
gov_reply_due_from_outside_hours(void **state)
{
	(void)state;
	add_wd("2026-11-25 20:00", "2026-11-26 17:30");
	add_wd("2026-11-26 07:00", "2026-11-26 17:30");
	add_wd("2026-11-28 11:00", "2026-11-30 17:30");	/* a Saturday */
	/* During lunch counting starts at 13:30: 4h that day, 3h the next. */
	add_wd("2026-11-26 12:30", "2026-11-27 12:00");
}

/* Lunch is not working time: 11:00 + 2h of working time is 14:30. */
static void
lunch_is_not_working_time(void **state)
{
	struct svc_err e = { 0 };
	time_t t;

	(void)state;
	assert_int_equal(svc_cal_add(&conf.cal, unit_at("2026-11-26 11:00"),
	    2 * 3600, &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-11-26 14:30");
	/* Ending exactly at the end of the morning window stays at 12:00. */
	assert_int_equal(svc_cal_add(&conf.cal, unit_at("2026-11-26 11:00"),
	    3600, &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-11-26 12:00");
	assert_int_equal(svc_cal_day_secs(&conf.cal), 7 * 3600);
}

static void
next_working_moment(void **state)
{
	struct svc_err e = { 0 };
	time_t t;

	(void)state;
	assert_int_equal(svc_cal_next(&conf.cal, unit_at("2026-10-01 08:00"),
	    &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-10-08 09:00");
	assert_int_equal(svc_cal_next(&conf.cal, unit_at("2026-11-26 12:00"),
	    &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-11-26 13:30");
	assert_int_equal(svc_cal_next(&conf.cal, unit_at("2026-11-26 10:15"),
	    &t, &e), 0);
	assert_string_equal(unit_local(t), "2026-11-26 10:15");
}

/* A year without data is unknown, not holiday-free: say so, once. */
static void
unknown_year_warns_once(void **state)
{
	time_t t;
	struct svc_err e = { 0 };

	(void)state;
	warnings = 0;
	assert_int_equal(svc_cal_next(&conf.cal, unit_at("2027-01-01 08:00"),
	    &t, &e), 0);
	/* Weekends only: 2027-01-01 is a Friday and counts as worked. */
	assert_string_equal(unit_local(t), "2027-01-01 09:00");
	assert_int_equal(warnings, 1);
	assert_non_null(strstr(last_warning, "2027"));
	svc_cal_is_working(&conf.cal, day_of("2027-05-01"));
	assert_int_equal(warnings, 1);
}

static void
windows_must_not_overlap(void **state)
{
	struct svc_cal c;
	struct svc_err e = { 0 };

	(void)state;
	svc_cal_init(&c);
	assert_int_equal(svc_cal_add_window(&c, 540, 720, &e), 0);
	assert_int_equal(svc_cal_add_window(&c, 700, 800, &e), SVC_EX_CONFIG);
	assert_int_equal(svc_cal_add_window(&c, 800, 700, &e), SVC_EX_CONFIG);
	assert_int_equal(svc_cal_add_window(&c, 480, 540, &e), 0);
	assert_int_equal(c.win[0].start, 480);	/* kept sorted */
	svc_cal_free(&c);
}

/* A calendar with no working day fails instead of looping forever. */
static void
no_working_day_is_an_error(void **state)
{
	struct svc_cal c;
	struct svc_err e = { 0 };
	time_t t;

	(void)state;
	svc_cal_init(&c);
	c.weekdays = 0;
	svc_cal_add_window(&c, 540, 720, &e);
	assert_int_equal(svc_cal_seal(&c, &e), 0);
	assert_int_equal(svc_cal_add(&c, unit_at("2026-11-26 10:00"), 60, &t,
	    &e), SVC_EX_CONFIG);
	svc_cal_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gov_all_730_days_match_the_notices),
		cmocka_unit_test(gov_reply_due_next_working_day),
		cmocka_unit_test(gov_reply_due_skips_holiday),
		cmocka_unit_test(gov_reply_due_from_outside_hours),
		cmocka_unit_test(lunch_is_not_working_time),
		cmocka_unit_test(next_working_moment),
		cmocka_unit_test(unknown_year_warns_once),
		cmocka_unit_test(windows_must_not_overlap),
		cmocka_unit_test(no_working_day_is_an_error),
	};

	unit_tz();
	return cmocka_run_group_tests_name("cal", tests, setup, teardown);
}

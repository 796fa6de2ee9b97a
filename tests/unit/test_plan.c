/*
 * test_plan.c - service plans (issue 18): --every made into an RFC 5545
 * rule, rules libical reads and the ones refused, the occurrences of a
 * rule over a span, and the move of an occurrence off a holiday.
 */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static const char *
every(const char *spec)
{
	static struct svc_rrule r;
	struct svc_err e = { 0 };

	if (svc_every_rrule(spec, &r, &e) != 0)
		return NULL;
	return r.rrule;
}

static void
every_forms(void **state)
{
	struct svc_rrule r;
	struct svc_err e = { 0 };

	(void)state;
	assert_string_equal(every("tue 09:00"), "FREQ=WEEKLY;BYDAY=TU");
	assert_string_equal(every("2w sat 14:00"),
	    "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA");
	assert_string_equal(every("mon,thu 08:30"), "FREQ=WEEKLY;BYDAY=MO,TH");
	assert_string_equal(every("3mo"), "FREQ=MONTHLY;INTERVAL=3");
	assert_string_equal(every("y"), "FREQ=YEARLY");
	assert_int_equal(svc_every_rrule("2w sat 14:00", &r, &e), 0);
	assert_int_equal(r.minute, 14 * 60);
}

static void
every_refuses(void **state)
{
	(void)state;
	assert_null(every(""));
	assert_null(every("09:00"));		/* no rule, only a time */
	assert_null(every("tue 25:00"));
	assert_null(every("3mo tue"));		/* days are weekly */
	assert_null(every("0w tue"));
	assert_null(every("tue 09:00 extra"));
	assert_null(every("tuesday"));
	assert_null(every("2w sat 14:00 x"));
}

static void
rrule_checked(void **state)
{
	struct svc_rrule r;
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_rrule_check("FREQ=WEEKLY;BYDAY=TU", &r, &e), 0);
	assert_string_equal(r.rrule, "FREQ=WEEKLY;BYDAY=TU");
	assert_int_equal(svc_rrule_check("FREQ=HOURLY", &r, &e), SVC_EX_USAGE);
	assert_int_equal(svc_rrule_check("FREQ=WEEKLY;BYDAY=XX", &r, &e),
	    SVC_EX_USAGE);
	assert_int_equal(svc_rrule_check("nonsense", &r, &e), SVC_EX_USAGE);
}

struct seen {
	time_t at[16];
	int n;
};

static int
collect(time_t at, void *ctx)
{
	struct seen *s = ctx;

	if (s->n < 16)
		s->at[s->n++] = at;
	return 0;
}

static void
each_in_span(void **state)
{
	struct svc_err e = { 0 };
	struct seen s = { { 0 }, 0 };

	(void)state;
	/* every second Saturday from 5 Dec, after 10 Dec up to 10 Jan */
	assert_int_equal(svc_rrule_each("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
	    unit_at("2026-12-05 14:00"), unit_at("2026-12-10 00:00"),
	    unit_at("2027-01-10 00:00"), collect, &s, &e), 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(unit_local(s.at[0]), "2026-12-19 14:00");
	assert_string_equal(unit_local(s.at[1]), "2027-01-02 14:00");
	/* February 30th never comes: no occurrence, no endless loop */
	s.n = 0;
	assert_int_equal(svc_rrule_each("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
	    unit_at("2026-01-01 09:00"), 0, unit_at("2030-01-01 00:00"),
	    collect, &s, &e), 0);
	assert_int_equal(s.n, 0);
}

static void
holiday_moves(void **state)
{
	const char *why;
	time_t t = unit_at("2026-10-01 09:00");	/* 国庆节 */

	(void)state;
	assert_string_equal(unit_local(svc_plan_move(&conf.cal, t,
	    SVC_HOL_NEXT, &why)), "2026-10-08 09:00");
	assert_string_equal(why, "国庆节");
	/* the working day before: 30 September */
	assert_string_equal(unit_local(svc_plan_move(&conf.cal, t,
	    SVC_HOL_PREV, &why)), "2026-09-30 09:00");
	assert_int_equal(svc_plan_move(&conf.cal, t, SVC_HOL_SKIP, &why), 0);
	/* a make-up Sunday is worked: no move */
	t = unit_at("2026-09-20 09:00");
	assert_int_equal(svc_plan_move(&conf.cal, t, SVC_HOL_NEXT, &why), t);
	assert_null(why);
}

/* The plan of a statement never scans the occurrences or the rules:
 * svc-plan list, show and run read them by plan. */
static void
no_scan(struct svc_stmt *st)
{
	struct svc_buf p = { 0 };

	unit_plan(db, svc_stmt_sql(st), &p);
	svc_finalize(st);
	if (strstr(p.s, "SCAN x") || strstr(p.s, "SCAN plan_occ") ||
	    strstr(p.s, "SCAN plan_rule") || strstr(p.s, "SCAN o"))
		fail_msg("%s", p.s);
	svc_buf_free(&p);
}

static void
count_made(int64_t plan, int64_t order, void *ctx)
{
	(void)plan;
	(void)order;
	++*(int *)ctx;
}

/* A weekly plan from an accepted order: run makes the two Fridays within
 * 16 days, once; a second run makes nothing. */
static void
run_makes_each_once(void **state)
{
	struct svc_plan_rule rule = { 0 };
	struct svc_plan_run r = { 0 };
	struct svc_err e = { 0 };
	int64_t first, plan;
	int made = 0;

	(void)state;
	first = unit_gov_order(db, &conf, "2026-11-27 10:00");
	rule.every = "fri 10:00";
	assert_int_equal(svc_plan_new(db, &conf, first, &rule, &plan, &e), 0);
	r.upto = svc_now() + 16 * 86400;	/* to 12 Dec 09:00 */
	r.made = count_made;
	r.ctx = &made;
	assert_int_equal(svc_plan_run(db, &conf, plan, &r, &e), 0);
	assert_int_equal(made, 2);
	assert_string_equal(unit_one(db, "SELECT group_concat(datetime(at,"
	    " 'unixepoch', '+8 hours'), ',') FROM plan_occ"),
	    "2026-12-04 10:00:00,2026-12-11 10:00:00");
	assert_int_equal(svc_plan_run(db, &conf, plan, &r, &e), 0);
	assert_int_equal(made, 2);
	/* one plan an order: the first, and the ones a plan made */
	assert_int_equal(svc_plan_new(db, &conf, first, &rule, &plan, &e),
	    SVC_EX_DATA);
}

static void
reads_are_indexed(void **state)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;

	(void)state;
	assert_int_equal(svc_plan_query(db, "active", NULL, &st, &e), 0);
	no_scan(st);
	assert_int_equal(svc_plan_due(db, &st, &e), 0);
	no_scan(st);
	assert_int_equal(svc_plan_occs(db, 1, &st, &e), 0);
	no_scan(st);
	assert_int_equal(svc_plan_occs(db, 99, &st, &e), SVC_EX_NOINPUT);
}

static int
setup(void **state)
{
	(void)state;
	unit_fixture(&conf, &db);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_forms),
		cmocka_unit_test(every_refuses),
		cmocka_unit_test(rrule_checked),
		cmocka_unit_test(each_in_span),
		cmocka_unit_test(holiday_moves),
		cmocka_unit_test(run_makes_each_once),
		cmocka_unit_test(reads_are_indexed),
	};

	return cmocka_run_group_tests_name("plan", tests, setup,
	    unit_teardown);
}

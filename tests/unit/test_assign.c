/* test_assign.c - dispatch (C2), clashes, the 8-hour notice (G9), auto. */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static void
person(const char *login, const char *dept, const char *roles)
{
	struct svc_staff s = { login, login, dept, NULL, NULL, roles };
	struct svc_err e = { 0 };

	if (svc_staff_add(db, &s, &e))
		fail_msg("%s", e.msg);
}

static int
setup(void **state)
{
	struct svc_err e = { 0 };
	struct svc_dept civil = { "civil", "民政窗口", "gov", NULL };
	struct svc_dept social = { "social", "社保窗口", "gov", NULL };

	(void)state;
	setenv("SVC_USER", "zhou", 1);
	unit_fixture(&conf, &db);
	if (svc_dept_add(db, &civil, &e) || svc_dept_add(db, &social, &e))
		fail_msg("%s", e.msg);
	person("li", "civil", "worker");
	person("wang", "civil", "worker");
	person("zhao", "social", "worker");
	person("zhou", "civil", "dispatcher");
	return 0;
}

/* An accepted gov order at the local time given, 45 minutes long. */
static int64_t
accepted_at(const char *at)
{
	return unit_gov_order(db, &conf, at);
}

static struct svc_worker
worker(const char *login)
{
	struct svc_worker w;
	struct svc_err e = { 0 };

	if (svc_worker(db, login, &w, &e))
		fail_msg("%s", e.msg);
	return w;
}

static void
only_active_workers(void **state)
{
	struct svc_worker w;
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_worker(db, "zhou", &w, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "not a worker"));
	assert_int_equal(svc_worker(db, "nobody", &w, &e), SVC_EX_NOINPUT);
	person("gone", "civil", "worker");
	svc_staff_set_active(db, "gone", 0, &e);
	assert_int_equal(svc_worker(db, "gone", &w, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "disabled"));
}

/* Overlapping visits clash; back-to-back ones do not. */
static void
clash_overlap_not_back_to_back(void **state)
{
	struct svc_worker li = worker("li");
	struct svc_err e = { 0 };
	int64_t a = accepted_at("2026-11-30 09:00");	/* 09:00-09:45 */
	int64_t b = accepted_at("2026-11-30 09:45");	/* back to back */
	int64_t c = accepted_at("2026-11-30 09:30");	/* overlaps both */

	(void)state;
	assert_int_equal(svc_assign(db, a, &li, NULL, 0, &e), 0);
	assert_int_equal(svc_assign(db, b, &li, NULL, 0, &e), 0);
	assert_int_equal(svc_assign(db, c, &li, NULL, 0, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "li is booked 2026-11-30 09:00-09:45"));
	/* --force double-books, and says so in the record. */
	assert_int_equal(svc_assign(db, c, &li, NULL, 1, &e), 0);
	/* Dropped, the place is free again. */
	assert_int_equal(svc_unassign(db, c, NULL, &e), 0);
	assert_int_equal(svc_unassign(db, c, NULL, &e), SVC_EX_DATA);
}

static void
department_and_helper(void **state)
{
	struct svc_worker zhao = worker("zhao"), wang = worker("wang");
	struct svc_err e = { 0 };
	int64_t id = accepted_at("2026-12-01 14:00");

	(void)state;
	assert_int_equal(svc_assign(db, id, &zhao, NULL, 0, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "zhao works in social"));
	assert_int_equal(svc_assign(db, id, &wang, &wang, 0, &e), SVC_EX_DATA);
	assert_int_equal(svc_assign(db, id, &wang, &zhao, 0, &e), 0);
	/* The helper is booked too. */
	id = accepted_at("2026-12-01 14:30");
	assert_int_equal(svc_assign(db, id, &zhao, NULL, 1, &e), 0);
	assert_int_equal(svc_assign(db, accepted_at("2026-12-01 14:15"), &zhao,
	    NULL, 0, &e), SVC_EX_DATA);
}

static struct svc_move
moved(int64_t id, const char *to, const char *told, int applicant, int *rc)
{
	struct svc_move m = { 0 };
	struct svc_err e = { 0 };

	m.at = unit_at(to);
	m.notified = unit_at(told);
	m.reason = "车辆故障";
	m.applicant = applicant;
	svc_clock_set(unit_at(told));	/* told now */
	*rc = svc_move(db, &conf, id, &m, &e);
	return m;
}

/* G9: exactly 8:00 before is in time; 7:59 before is short. */
static void
gov_notice_boundary_is_exact(void **state)
{
	int64_t a = accepted_at("2026-12-02 10:00");
	int64_t b = accepted_at("2026-12-02 11:00");
	int64_t c = accepted_at("2026-12-02 15:00");
	struct svc_move m;
	int rc;

	(void)state;
	m = moved(a, "2026-12-03 10:00", "2026-12-02 02:00", 0, &rc);
	assert_int_equal(rc, 0);
	assert_false(m.short_notice);
	assert_int_equal(m.notice, 8 * 3600);
	m = moved(b, "2026-12-03 11:00", "2026-12-02 03:01", 0, &rc);
	assert_int_equal(rc, 0);
	assert_true(m.short_notice);
	assert_int_equal(m.notice, 7 * 3600 + 59 * 60);
	/* The applicant's own move never counts against the provider. */
	m = moved(c, "2026-12-03 15:00", "2026-12-02 14:59", 1, &rc);
	assert_int_equal(rc, 0);
	assert_false(m.short_notice);
}

/*
 * G9: the time the applicant was told lies between the booking and now;
 * an earlier one would hide a short notice, a later one is not yet true.
 */
static void
notified_lies_between_booking_and_now(void **state)
{
	int64_t id = accepted_at("2026-12-02 10:00");	/* at 11-26 09:00 */
	struct svc_move m = { 0 };
	struct svc_err e = { 0 };

	(void)state;
	m.at = unit_at("2026-12-03 10:00");
	m.reason = "车辆故障";
	svc_clock_set(unit_at("2026-12-02 06:00"));
	m.notified = unit_at("2026-11-01 09:00");
	assert_int_equal(svc_move(db, &conf, id, &m, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "--notified must lie between "
	    "2026-11-26 09:00 (when the appointment was made) and "
	    "2026-12-02 06:00 (now)"));
	m.notified = unit_at("2026-12-02 06:01");
	assert_int_equal(svc_move(db, &conf, id, &m, &e), SVC_EX_DATA);
	m.notified = unit_at("2026-12-02 05:00");
	assert_int_equal(svc_move(db, &conf, id, &m, &e), 0);
	assert_true(m.short_notice);
	/* the next move is measured from this one */
	m.at = unit_at("2026-12-04 10:00");
	m.notified = unit_at("2026-12-02 04:00");
	assert_int_equal(svc_move(db, &conf, id, &m, &e), SVC_EX_DATA);
}

static void
move_is_recorded_and_checked(void **state)
{
	struct svc_stmt *st;
	int64_t id = accepted_at("2026-12-04 10:00");
	int rc;

	(void)state;
	moved(id, "2026-12-05 10:00", "2026-12-04 09:00", 0, &rc);
	assert_int_equal(rc, SVC_EX_DATA);	/* a Saturday: G7 */
	moved(id, "2026-12-07 16:00", "2026-12-04 09:00", 0, &rc);
	assert_int_equal(rc, 0);
	st = unit_prepare(db, "SELECT short, by, new_at - old_at, notice,"
	    " (SELECT appt_until - appt_at FROM orders WHERE id = ?1)"
	    " FROM move WHERE order_id = ?1");
	svc_bind_int64(st, 1, id);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), 1);
	assert_string_equal(svc_col_text(st, 1), "provider");
	assert_int_equal(svc_col_int(st, 2), 3 * 86400 + 6 * 3600);
	assert_int_equal(svc_col_int(st, 3), 3600);
	assert_int_equal(svc_col_int(st, 4), 45 * 60);	/* kept */
	assert_int_equal(svc_step(st), SVC_DONE);
	svc_finalize(st);
}

/* auto never double-books, also within one run; ties go by login. */
static void
auto_never_double_books(void **state)
{
	int64_t a = accepted_at("2026-12-08 10:00");
	int64_t b = accepted_at("2026-12-08 10:00");
	int64_t c = accepted_at("2026-12-08 10:15");
	struct svc_worker w;
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_auto_assign(db, &conf, a, &w, NULL, &e), 0);
	assert_string_equal(w.login, "li");
	assert_int_equal(svc_auto_assign(db, &conf, b, &w, NULL, &e), 0);
	assert_string_equal(w.login, "wang");
	assert_int_equal(svc_auto_assign(db, &conf, c, &w, NULL, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "nobody in civil is free"));
	/* Already assigned: auto leaves it alone. */
	assert_int_equal(svc_auto_assign(db, &conf, a, &w, NULL, &e), SVC_EX_DATA);
}

/* Least loaded first: wang has nothing else that day. */
static void
auto_prefers_the_least_loaded(void **state)
{
	struct svc_worker li = worker("li"), w;
	struct svc_err e = { 0 };
	int64_t busy = accepted_at("2026-12-09 09:00");
	int64_t id = accepted_at("2026-12-09 14:00");

	(void)state;
	assert_int_equal(svc_assign(db, busy, &li, NULL, 0, &e), 0);
	assert_int_equal(svc_auto_assign(db, &conf, id, &w, NULL, &e), 0);
	assert_string_equal(w.login, "wang");
}

/* Issue 18: leave is booked into by nobody, and cancelled, not deleted. */
static void
leave_keeps_the_day_free(void **state)
{
	struct svc_worker w = worker("li"), chosen;
	struct svc_leave l;
	struct svc_err e = { 0 };
	int64_t a, b, leave, other;
	int clashes;

	(void)state;
	svc_clock_set(unit_at("2026-12-01 09:00"));
	a = accepted_at("2026-12-22 10:00");
	b = accepted_at("2026-12-22 14:00");
	assert_int_equal(svc_assign(db, b, &w, NULL, 0, &e), 0);
	assert_int_equal(svc_leave_add(db, "li", unit_at("2026-12-22 08:00"),
	    unit_at("2026-12-22 18:00"), "年假", &leave, &clashes, &e), 0);
	assert_int_equal(clashes, 1);	/* b, booked before */
	assert_int_equal(svc_leave_add(db, "li", unit_at("2026-12-22 17:00"),
	    unit_at("2026-12-22 19:00"), "x", &other, &clashes, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_assign(db, a, &w, NULL, 0, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "li is on leave 2026-12-22 08:00-18:00"));
	assert_int_equal(svc_auto_assign(db, &conf, a, &chosen, NULL, &e), 0);
	assert_string_equal(chosen.login, "wang");
	/* back to back with the leave is no overlap */
	assert_int_equal(svc_on_leave(db, w.id, unit_at("2026-12-22 18:00"),
	    unit_at("2026-12-22 19:00"), &l, &e), 0);
	assert_int_equal(svc_leave_cancel(db, leave, "提前返岗", &e), 0);
	assert_int_equal(svc_leave_cancel(db, leave, "x", &e), SVC_EX_DATA);
	assert_int_equal(svc_on_leave(db, w.id, unit_at("2026-12-22 10:00"),
	    unit_at("2026-12-22 11:00"), &l, &e), 0);
	assert_string_equal(unit_one(db, "SELECT count(*) FROM leave"), "1");
}

/* svc-staff leave-list reads the leave to come from leave_to, cancelled
 * or not: no scan of every leave ever recorded. */
static void
leave_list_starts_from_leave_to(void **state)
{
	struct svc_buf p = { 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int all;

	(void)state;
	for (all = 0; all <= 1; all++) {
		assert_int_equal(svc_leave_query(db, NULL, unit_at("2026-12-01 "
		    "09:00"), all, &st, &e), 0);
		unit_plan(db, svc_stmt_sql(st), &p);
		svc_finalize(st);
		if (strstr(p.s, "USING INDEX leave_to") == NULL)
			fail_msg("--all %d:\n%s", all, p.s);
	}
	svc_buf_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_active_workers),
		cmocka_unit_test(clash_overlap_not_back_to_back),
		cmocka_unit_test(department_and_helper),
		cmocka_unit_test(gov_notice_boundary_is_exact),
		cmocka_unit_test(notified_lies_between_booking_and_now),
		cmocka_unit_test(move_is_recorded_and_checked),
		cmocka_unit_test(auto_never_double_books),
		cmocka_unit_test(auto_prefers_the_least_loaded),
		cmocka_unit_test(leave_keeps_the_day_free),
		cmocka_unit_test(leave_list_starts_from_leave_to),
	};

	return cmocka_run_group_tests_name("assign", tests, setup, unit_teardown);
}

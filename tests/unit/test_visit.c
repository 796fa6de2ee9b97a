/* test_visit.c - the visit at the door (A1-A12, G8, G10). */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static int
setup(void **state)
{
	struct svc_err e = { 0 };
	struct svc_dept civil = { "civil", "民政窗口", "gov", NULL };
	struct svc_staff li = { "li", "李娜", "civil", NULL, "G-017", "worker" };
	struct svc_product p = { "690", "BCD-216", "冰箱", "2025-11-27", 12 };

	(void)state;
	setenv("SVC_USER", "li", 1);
	unit_fixture(&conf, &db);
	if (svc_dept_add(db, &civil, &e) || svc_staff_add(db, &li, &e) ||
	    svc_product_add(db, &p, &e))
		fail_msg("%s", e.msg);
	return 0;
}

/* An order assigned to li at the local time given (clashes allowed). */
static int64_t
visit_at(const char *at)
{
	int64_t id = unit_gov_order(db, &conf, at);
	struct svc_err e = { 0 };
	struct svc_worker w;

	if (svc_worker(db, "li", &w, &e) || svc_assign(db, id, &w, NULL, 1, &e))
		fail_msg("%s", e.msg);
	return id;
}

static void
now(const char *at)
{
	svc_clock_set(unit_at(at));
}

static const char *
status(int64_t id)
{
	static char s[16];
	struct svc_stmt *st;

	st = unit_prepare(db, "SELECT status FROM orders WHERE id = ?1");
	svc_bind_int64(st, 1, id);
	svc_step(st);
	snprintf(s, sizeof s, "%s", svc_col_text(st, 0));
	svc_finalize(st);
	return s;
}

/* Invalid steps are refused with 65 and change nothing. */
static void
steps_in_order_only(void **state)
{
	struct svc_done d = { "李大爷", NULL, 5, NULL, 0, NULL };
	struct svc_err e = { 0 };
	int64_t id = visit_at("2026-11-30 10:00");
	int late;

	(void)state;
	now("2026-11-30 09:50");
	assert_int_equal(svc_visit_start(db, id, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "nobody has arrived yet"));
	assert_int_equal(svc_visit_done(db, &conf, id, &d, &e), SVC_EX_DATA);
	assert_string_equal(status(id), "assigned");
	assert_int_equal(svc_visit_arrive(db, id, &late, &e), 0);
	assert_int_equal(late, 0);	/* before the time: G8 kept */
	assert_int_equal(svc_visit_done(db, &conf, id, &d, &e), SVC_EX_DATA);
	assert_int_equal(svc_visit_start(db, id, &e), 0);
	assert_int_equal(svc_visit_arrive(db, id, &late, &e), SVC_EX_DATA);
	assert_int_equal(svc_visit_done(db, &conf, id, &d, &e), 0);
	assert_string_equal(status(id), "done");
}

/* G8: after the appointed time is late, in whole minutes. */
static void
late_arrival_minutes(void **state)
{
	struct svc_err e = { 0 };
	int64_t id = visit_at("2026-11-30 14:00");
	int late;

	(void)state;
	now("2026-11-30 13:00");
	assert_int_equal(svc_visit_late(db, id, unit_at("2026-11-30 14:20"),
	    "堵车", &e), 0);
	now("2026-11-30 14:17");
	assert_int_equal(svc_visit_arrive(db, id, &late, &e), 0);
	assert_int_equal(late, 17);
}

/* A6, A7: what the customer must sign, and what makes a visit paid. */
static void
checks_need_signatures(void **state)
{
	struct svc_check c = { -1, "690", NULL, "门封条破损", NULL, NULL, 0, 0,
		"" };
	struct svc_err e = { 0 };
	int64_t id = visit_at("2026-11-30 15:00");
	int late;

	(void)state;
	now("2026-11-30 15:00");
	assert_int_equal(svc_visit_arrive(db, id, &late, &e), 0);
	assert_int_equal(svc_visit_check(db, id, &c, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "signed by the customer at once"));
	c.signed_by = "李大爷";
	c.voucher = 0;
	/* Sold 2025-11-27 with 12 months: covered to 2026-11-26. */
	assert_int_equal(svc_visit_check(db, id, &c, &e), 0);
	assert_false(c.covered);
	assert_true(c.chargeable);
	assert_string_equal(c.covered_until, "2026-11-26");
	/* With the warranty card: covered, unless the fault is not ours. */
	c.voucher = 1;
	c.barcode = NULL;
	assert_int_equal(svc_visit_check(db, id, &c, &e), 0);
	assert_false(c.chargeable);
	c.not_ours = "用户自行拆修";
	assert_int_equal(svc_visit_check(db, id, &c, &e), 0);
	assert_true(c.chargeable);
}

static int flagged[16], nflagged, calls[16], ncalls;

static void
found(int64_t id, time_t at, int call_first, void *arg)
{
	(void)at;
	(void)arg;
	if (call_first)
		calls[ncalls++] = (int)id;
	else
		flagged[nflagged++] = (int)id;
}

static int
called(int64_t id)
{
	int i;

	for (i = 0; i < ncalls; i++)
		if (calls[i] == id)
			return 1;
	return 0;
}

static int
sweep(const char *at, int apply)
{
	struct svc_err e = { 0 };
	int n;

	now(at);
	nflagged = ncalls = 0;
	if (svc_noshow(db, &conf, apply, found, NULL, &n, &e))
		fail_msg("%s", e.msg);
	return n;
}

/*
 * G10: at appointment + 29:59 nothing is flagged, at + 30:00 it is; a
 * reached contact prevents it; a worker who never arrived is never the
 * applicant's no-show; nobody has called yet: call first.
 */
static void
gov_noshow_boundary_is_exact(void **state)
{
	struct svc_err e = { 0 };
	int64_t a = visit_at("2026-12-01 09:00");
	int64_t b = visit_at("2026-12-01 09:00");
	int64_t c = visit_at("2026-12-01 09:00");
	int64_t never = visit_at("2026-12-01 09:00");
	int late;

	(void)state;
	now("2026-12-01 08:55");
	svc_visit_arrive(db, a, &late, &e);
	svc_visit_arrive(db, b, &late, &e);
	svc_visit_arrive(db, c, &late, &e);
	now("2026-12-01 09:05");
	svc_visit_contact(db, a, 0, "无人接听", &e);
	svc_visit_contact(db, b, 0, "无人接听", &e);
	now("2026-12-01 09:10");
	svc_visit_contact(db, b, 1, "马上回来", &e);
	assert_int_equal(sweep("2026-12-01 09:29:59", 0), 0);
	assert_false(called(c));
	assert_int_equal(sweep("2026-12-01 09:30:00", 0), 1);
	assert_int_equal(flagged[0], a);
	assert_true(called(c));		/* waiting, nobody called yet */
	assert_false(called(b));	/* reached: no no-show */
	assert_false(called(never));	/* the worker never came */
	assert_string_equal(status(a), "arrived");	/* only listed */
	assert_int_equal(sweep("2026-12-01 09:31", 1), 1);
	assert_string_equal(status(a), "abandoned");
	assert_string_equal(status(never), "assigned");
	/* Twice: nothing flagged twice. */
	assert_int_equal(sweep("2026-12-01 09:32", 1), 0);
}

static int64_t
one(const char *sql, int64_t id)
{
	struct svc_stmt *st;
	int64_t v;

	st = unit_prepare(db, sql);
	svc_bind_int64(st, 1, id);
	v = svc_step(st) == SVC_ROW ? svc_col_int64(st, 0) : -1;
	svc_finalize(st);
	return v;
}

/*
 * A8, G8: a takeback ends visit 1; the move books the return (no G9
 * notice to give: the old time has passed), which arrives as visit 2
 * with its own lateness, and marks the product returned.
 */
static void
takeback_and_return_are_two_visits(void **state)
{
	struct svc_move m = { 0 };
	struct svc_err e = { 0 };
	int64_t id = visit_at("2026-12-07 10:00");
	int late;

	(void)state;
	now("2026-12-07 10:18");
	assert_int_equal(svc_visit_arrive(db, id, &late, &e), 0);
	assert_int_equal(late, 18);
	assert_int_equal(svc_visit_start(db, id, &e), 0);
	now("2026-12-07 10:40");
	assert_int_equal(svc_visit_takeback(db, id, "返厂", "2026-12-14", &e),
	    0);
	now("2026-12-08 09:00");
	m.at = unit_at("2026-12-08 14:00");
	m.notified = svc_now();
	m.reason = "修好送回";
	assert_int_equal(svc_move(db, &conf, id, &m, &e), 0);
	assert_false(m.short_notice);
	now("2026-12-08 14:05");
	assert_int_equal(svc_visit_arrive(db, id, &late, &e), 0);
	assert_int_equal(late, 5);
	assert_int_equal(one("SELECT count(*) FROM visit WHERE order_id = ?1",
	    id), 2);
	assert_int_equal(one("SELECT late_minutes FROM visit WHERE order_id"
	    " = ?1 AND no = 1 AND outcome = 'taken_back' AND returned_at"
	    " IS NOT NULL", id), 18);
	assert_int_equal(one("SELECT late_minutes FROM visit WHERE order_id"
	    " = ?1 AND no = 2 AND cause = 'return' AND outcome IS NULL", id),
	    5);
}

/*
 * An order closes when the last of its conditions is met, once: done is
 * not enough while the supervisor has not accepted the visit (C5).
 */
static void
closes_when_settled(void **state)
{
	struct svc_staff zhou = { "zhou", "周", "civil", NULL, NULL,
		"dispatcher" };
	struct svc_done d = { "李大爷", NULL, 5, NULL, 0, NULL };
	struct svc_err e = { 0 };
	int64_t id = visit_at("2026-12-09 10:00");
	int late;

	(void)state;
	assert_int_equal(svc_staff_add(db, &zhou, &e), 0);
	now("2026-12-09 10:00");
	assert_int_equal(svc_visit_arrive(db, id, &late, &e), 0);
	assert_int_equal(svc_visit_start(db, id, &e), 0);
	assert_int_equal(svc_visit_done(db, &conf, id, &d, &e), 0);
	assert_int_equal(one("SELECT closed_at IS NULL FROM orders"
	    " WHERE id = ?1", id), 1);
	assert_int_equal(svc_visit_review(db, id, 1, NULL, &e), SVC_EX_NOPERM);
	setenv("SVC_USER", "zhou", 1);
	assert_int_equal(svc_visit_review(db, id, 1, NULL, &e), 0);
	setenv("SVC_USER", "li", 1);
	assert_int_equal(one("SELECT closed_at FROM orders WHERE id = ?1", id),
	    unit_at("2026-12-09 10:00"));
	assert_int_equal(svc_order_settle(db, id, &e), 0);
	assert_int_equal(one("SELECT count(*) FROM event WHERE order_id = ?1"
	    " AND kind = 'order.close'", id), 1);
}

/* A13-A20: the customer's answers, checked whole, recorded once. */
static void
conduct_answers(void **state)
{
	struct svc_done d = { "李大爷", NULL, 0, NULL, 0,
		"A16.gifts=yes,A18.waste=no,A2.badge=是" };
	struct svc_answers a;
	struct svc_err e = { 0 };
	int64_t id = visit_at("2026-12-01 10:00");
	int late;

	(void)state;
	assert_int_equal(svc_conduct_parse(&conf, id, "gov", "A20.apology=no",
	    &a, &e), SVC_EX_DATA);	/* a repair's item */
	assert_non_null(strstr(e.msg, "A20.apology: no such conduct item "
	    "for gov"));
	assert_int_equal(svc_conduct_parse(&conf, id, "repair",
	    "A20.apology=否,A16.talk=y", &a, &e), 0);
	assert_int_equal(a.n, 2);
	assert_int_equal(a.yes[0], 0);
	assert_int_equal(a.item[1]->breach, 1);
	assert_int_equal(svc_conduct_parse(&conf, id, "gov", "A2.badge=ja",
	    &a, &e), SVC_EX_DATA);
	assert_int_equal(svc_conduct_parse(&conf, id, "gov", "A2.badge", &a,
	    &e), SVC_EX_DATA);
	assert_int_equal(svc_conduct_parse(&conf, id, "gov", "", &a, &e), 0);
	assert_int_equal(a.n, 0);
	now("2026-12-01 10:00");
	assert_int_equal(svc_visit_arrive(db, id, &late, &e), 0);
	assert_int_equal(svc_visit_start(db, id, &e), 0);
	now("2026-12-01 10:40");
	assert_int_equal(svc_visit_done(db, &conf, id, &d, &e), 0);
	assert_string_equal(unit_one(db, "SELECT group_concat(item || breach"
	    " || major, ' ') FROM (SELECT * FROM conduct ORDER BY id)"),
	    "A16.gifts11 A18.waste11 A2.badge01");
	/* asked again about the same visit: refused, the first stands */
	assert_int_equal(svc_conduct_parse(&conf, id, "gov", "A18.waste=yes",
	    &a, &e), 0);
	assert_int_equal(svc_conduct_record(db, id, &a, "followup", &e),
	    SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "A18.waste was answered already"));
}

/* The shipped config's checklist is the seed's, which svc falls back on. */
static void
conduct_shipped_is_the_seed(void **state)
{
	struct svc_conf shipped, seed;
	struct svc_err e = { 0 };
	int i;

	(void)state;
	svc_conf_defaults(&seed);
	if (svc_conf_load(&shipped, "share/svc/config.yaml", &e))
		fail_msg("%s", e.msg);
	assert_int_equal(shipped.nconduct, seed.nconduct);
	for (i = 0; i < seed.nconduct; i++) {
		assert_string_equal(shipped.conduct[i].id, seed.conduct[i].id);
		assert_string_equal(shipped.conduct[i].question,
		    seed.conduct[i].question);
		assert_int_equal(shipped.conduct[i].breach,
		    seed.conduct[i].breach);
		assert_int_equal(shipped.conduct[i].major,
		    seed.conduct[i].major);
		assert_int_equal(shipped.conduct[i].nkinds,
		    seed.conduct[i].nkinds);
	}
	svc_conf_free(&shipped);
	svc_conf_free(&seed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(conduct_answers),
		cmocka_unit_test(conduct_shipped_is_the_seed),
		cmocka_unit_test(steps_in_order_only),
		cmocka_unit_test(late_arrival_minutes),
		cmocka_unit_test(checks_need_signatures),
		cmocka_unit_test(gov_noshow_boundary_is_exact),
		cmocka_unit_test(takeback_and_return_are_two_visits),
		cmocka_unit_test(closes_when_settled),
	};

	return cmocka_run_group_tests_name("visit", tests, setup, unit_teardown);
}

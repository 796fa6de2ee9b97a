/* test_report.c - read-only queries and the evaluation's arithmetic (G12). */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static void
query_reads_only(void **state)
{
	static const char *const refused[] = {
		"DELETE FROM orders", "UPDATE orders SET status = 'done'",
		"INSERT INTO dept (code, name, kind, created_at)"
		" VALUES ('x', 'x', 'gov', 0)",
		"DROP TABLE orders", "CREATE TABLE x (a)",
		"ATTACH '/tmp/x.db' AS x", "PRAGMA journal_mode = DELETE",
		"PRAGMA user_version = 7", "SELECT 1; DELETE FROM orders",
		"WITH x AS (SELECT 1) DELETE FROM event",
		/* the raw tables, the schema, the signatures, extensions */
		"SELECT status FROM orders", "SELECT sql FROM sqlite_master",
		"SELECT signature FROM visit", "PRAGMA table_info(orders)",
		"SELECT load_extension('/tmp/x.so')",
		"SELECT fts3_tokenizer('simple')",
	};
	struct svc_query_limits lim = { 1000, 64 << 20 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		st = NULL;
		if (svc_query_readonly(db, refused[i], &lim, &st, &e) != SVC_EX_DATA)
			fail_msg("allowed: %s", refused[i]);
		assert_null(st);
	}
	assert_int_equal(svc_query_readonly(db, "SELECT count(*) FROM v_order",
	    &lim, &st, &e), 0);
	assert_int_equal(svc_step(st), SVC_ROW);
	svc_finalize(st);
	assert_int_equal(svc_query_readonly(db, "PRAGMA table_info(v_order)",
	    &lim, &st, &e), 0);
	svc_finalize(st);
}

static void
plan(const char *sql, struct svc_buf *out)
{
	unit_plan(db, sql, out);
}

/*
 * The checks whose answer stays small however long the history starts
 * from an index over exactly the open cases, never a scan of orders:
 * their time follows the answer, not the years behind it.
 */
static void
checks_start_from_their_index(void **state)
{
	static const char *const want[][2] = {
		{ "overdue", "USING INDEX orders_status (status=?)" },
		{ "unpaid", "USING INDEX orders_owing" },
		{ "held", "USING INDEX payment_held" },
		{ "complaints", "USING INDEX complaint_open" },
		{ "notice", "USING INDEX move_short" },
		/* late visits, then the visits due with nobody there yet */
		{ "late", "USING INDEX visit_late" },
		{ "late", "USING INDEX orders_status (status=?)" },
		{ "takeback", "USING INDEX visit_takeback" },
		{ "unsent", "USING INDEX outbox_open" },
		{ "unreviewed", "USING INDEX visit_review" },
		{ "followup", "USING INDEX orders_followup" },
		{ "conduct", "USING INDEX conduct_at" },
		{ "clashes", "USING INDEX leave_to" },
		{ "clashes", "USING INDEX orders_helper" },
	};
	const struct svc_report *r;
	struct svc_buf p = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_non_null(r = svc_report_find(svc_checks, want[i][0]));
		svc_buf_reset(&p);
		plan(r->sql, &p);
		if (strstr(p.s, want[i][1]) == NULL ||
		    strstr(p.s, "SCAN o\n") != NULL ||
		    strstr(p.s, "SCAN m\n") != NULL)
			fail_msg("%s:\n%s", want[i][0], p.s);
	}
	svc_buf_free(&p);
}

/*
 * A summary makes one pass over the rows it reports: no scan of a table
 * it does not report on inside that pass (the summary once scanned every
 * payment for every order through "LEFT JOIN payment p ON 0").
 */
static void
summaries_scan_only_what_they_report(void **state)
{
	static const char *const want[][2] = {	/* report, a scan it must
							   not make */
		{ "summary", "SCAN p" }, { "workload", "SCAN p" },
		{ "workload", "SEARCH o USING" },	/* only for --dept */
		{ "revenue", "SCAN o\n" }, { "rating", "SCAN p" },
	};
	const struct svc_report *r;
	struct svc_buf p = { 0 }, no = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_non_null(r = svc_report_find(svc_summaries, want[i][0]));
		svc_buf_reset(&p);
		svc_buf_reset(&no);
		plan(r->sql, &p);
		svc_buf_printf(&no, "%s", want[i][1]);
		if (strstr(p.s, no.s) != NULL)
			fail_msg("%s plans \"%s\":\n%s", want[i][0], want[i][1], p.s);
	}
	svc_buf_free(&p);
	svc_buf_free(&no);
}

/*
 * A summary of a period reads that period from an index (migration 18
 * gave payments and rated visits theirs); of everything, it scans in
 * table order.  Either way the same rows come out (1000-svc-report).
 */
static void
a_period_is_an_index_range(void **state)
{
	static const char *const want[][2] = {
		{ "summary", "SEARCH o USING INDEX orders_created" },
		{ "workload", "SEARCH v USING INDEX visit_arrived" },
		{ "revenue", "SEARCH p USING INDEX payment_at" },
		{ "revenue-service", "SEARCH p USING INDEX payment_at" },
		{ "rating", "SEARCH v USING INDEX visit_rated" },
	};
	struct svc_report_filter all = { 0 }, month = { 0 };
	const struct svc_report *r;
	struct svc_buf p = { 0 };
	size_t i;

	(void)state;
	month.since = unit_at("2026-11-01 00:00");
	for (i = 0; i < sizeof want / sizeof want[0]; i++) {
		assert_non_null(r = svc_report_find(svc_summaries, want[i][0]));
		assert_ptr_equal(svc_report_sql(r, &all), r->sql);
		svc_buf_reset(&p);
		plan(svc_report_sql(r, &month), &p);
		if (strstr(p.s, want[i][1]) == NULL)
			fail_msg("%s of a month:\n%s", want[i][0], p.s);
	}
	svc_buf_free(&p);
}

static struct svc_evaluation got;

static int
keep(const struct svc_evaluation *v, void *arg)
{
	(void)arg;
	if (strcmp(v->dept, "civil") == 0)
		got = *v;
	return 0;
}

/* Two requests, one replied late; one visit, on time, done, rated 4. */
static void
gov_evaluation_adds_up(void **state)
{
	struct svc_reply r = { 0 };
	struct svc_done d = { "李大爷", NULL, 4, NULL, 0, NULL };
	struct svc_followup call = { 1, 2, "还行", NULL };
	struct svc_err e = { 0 };
	struct svc_worker w;
	int64_t a, b;
	int late;

	(void)state;
	a = unit_gov_order(db, &conf, "2026-11-30 10:00");
	b = unit_gov_order(db, &conf, NULL);
	svc_clock_set(unit_at("2026-11-28 09:00"));	/* after b's deadline */
	r.at = unit_at("2026-12-01 10:00");
	assert_int_equal(svc_order_accept(db, &conf, b, &r, &e), 0);
	assert_int_equal(svc_worker(db, "li", &w, &e), 0);
	assert_int_equal(svc_assign(db, a, &w, NULL, 0, &e), 0);
	svc_clock_set(unit_at("2026-11-30 09:55"));
	assert_int_equal(svc_visit_arrive(db, a, &late, &e), 0);
	assert_int_equal(svc_visit_start(db, a, &e), 0);
	assert_int_equal(svc_visit_done(db, &conf, a, &d, &e), 0);
	assert_int_equal(svc_evaluate(db, &conf, 2026, keep, NULL, &e), 0);
	assert_int_equal(got.requests, 2);
	assert_int_equal(got.replied, 2);
	assert_int_equal(got.replied_on_time, 1);
	assert_int_equal(got.arrivals, 1);
	assert_int_equal(got.arrived_on_time, 1);
	assert_int_equal(got.completed, 1);
	/* 20 x 1/2 + 20 x 1/1 + 20 x 1/2 + 20 x 4/5 = 56 */
	assert_true(got.score > 55.999 && got.score < 56.001);
	assert_int_equal(svc_evaluate(db, &conf, 2025, keep, NULL, &e), 0);
	assert_int_equal(got.requests, 0);
	/*
	 * The return call's rating counts with the door's, one each: a 2
	 * given on the phone makes the average (4 + 2) / 2, and 3/5 of the
	 * rating weight: 10 + 20 + 10 + 12 = 52.
	 */
	assert_int_equal(unit_exec(db, "UPDATE orders SET followup_due = 1"
	    " WHERE status = 'done'"), 0);
	assert_int_equal(svc_followup(db, &conf, a, &call, &e), 0);
	assert_int_equal(svc_evaluate(db, &conf, 2026, keep, NULL, &e), 0);
	assert_true(got.rating > 2.999 && got.rating < 3.001);
	assert_true(got.score > 51.999 && got.score < 52.001);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(query_reads_only),
		cmocka_unit_test(checks_start_from_their_index),
		cmocka_unit_test(summaries_scan_only_what_they_report),
		cmocka_unit_test(a_period_is_an_index_range),
		cmocka_unit_test(gov_evaluation_adds_up),
	};
	struct svc_dept civil = { "civil", "民政窗口", "gov", NULL };
	struct svc_staff li = { "li", "李娜", "civil", NULL, NULL, "worker" };
	struct svc_err e = { 0 };

	setenv("SVC_USER", "li", 1);	/* the worker makes the visits */
	unit_fixture(&conf, &db);
	if (svc_dept_add(db, &civil, &e) || svc_staff_add(db, &li, &e))
		fail_msg("%s", e.msg);
	return cmocka_run_group_tests_name("report", tests, NULL, unit_teardown);
}

/* test_notify.c - the outbox (G5, G6, G9, A1; issue 17). */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static int
setup(void **state)
{
	(void)state;
	setenv("SVC_USER", "zhou", 1);
	unit_fixture(&conf, &db);
	return 0;
}

/* The first column of a query's first row on this file's database. */
static const char *
one(const char *sql)
{
	return unit_one(db, sql);
}

/* A reply makes its message in the same transaction, text and all. */
static void
reply_is_told(void **state)
{
	int64_t id;

	(void)state;
	id = unit_gov_order(db, &conf, "2026-11-30 10:00");
	assert_int_equal(id, 1);
	assert_string_equal(one("SELECT outbox.kind || ',' || recipient || ','"
	    " || (not_after = appt_at) FROM outbox JOIN orders"
	    " ON orders.id = outbox.order_id"), "reply,13900000001,1");
	assert_string_equal(one("SELECT instr(text, '一次性告知') > 0"
	    " AND instr(text, char(10)) = 0 FROM outbox"), "1");
}

/* Two sweeps, one reminder; a moved visit is reminded again. */
static void
sweep_reminds_once(void **state)
{
	struct svc_err e = { 0 };
	int made;

	(void)state;
	svc_clock_set(unit_at("2026-11-29 09:59"));
	assert_int_equal(svc_notify_sweep(db, &conf, &made, &e), 0);
	assert_int_equal(made, 0);
	svc_clock_set(unit_at("2026-11-29 10:00"));
	assert_int_equal(svc_notify_sweep(db, &conf, &made, &e), 0);
	assert_int_equal(made, 1);
	assert_int_equal(svc_notify_sweep(db, &conf, &made, &e), 0);
	assert_int_equal(made, 0);
	assert_string_equal(one("SELECT count(*) FROM outbox"
	    " WHERE kind = 'reminder'"), "1");
}

/* Sent once, not before it was made, and then never due. */
static void
sent_once(void **state)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;

	(void)state;
	svc_clock_set(unit_at("2026-11-29 11:00"));
	assert_int_equal(svc_notify_sent(db, 1, unit_at("2026-11-26 08:00"),
	    &e), SVC_EX_DATA);
	assert_int_equal(svc_notify_sent(db, 1, unit_at("2026-11-29 10:59"),
	    &e), 0);
	assert_int_equal(svc_notify_sent(db, 1, unit_at("2026-11-29 11:00"),
	    &e), SVC_EX_DATA);
	assert_string_equal(e.msg, "1: already sent");
	assert_int_equal(svc_notify_failed(db, 2, "busy", &e), 0);
	assert_int_equal(svc_notify_due_query(db, "email", &st, &e), 0);
	assert_int_equal(svc_step(st), SVC_DONE);	/* no address */
	svc_finalize(st);
	assert_int_equal(svc_notify_due_query(db, "fax", &st, &e),
	    SVC_EX_USAGE);
	assert_int_equal(svc_notify_due_query(db, NULL, &st, &e), 0);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int64(st, 0), 2);	/* still due */
	assert_int_equal(svc_step(st), SVC_DONE);
	svc_finalize(st);
	assert_int_equal(svc_notify_dismiss(db, 99, "x", &e), SVC_EX_NOINPUT);
}

/* due and check start from the index over open messages, never a scan. */
static int
due_by_sms(struct svc_db *d, struct svc_stmt **st, struct svc_err *e)
{
	return svc_notify_due_query(d, "sms", st, e);
}

static void
reads_start_from_outbox_open(void **state)
{
	int (*queries[])(struct svc_db *, struct svc_stmt **, struct svc_err *) = {
		due_by_sms, svc_notify_check_query
	};
	struct svc_buf p = { 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof queries / sizeof queries[0]; i++) {
		assert_int_equal(queries[i](db, &st, &e), 0);
		unit_plan(db, svc_stmt_sql(st), &p);
		svc_finalize(st);
		if (strstr(p.s, "USING INDEX outbox_open") == NULL)
			fail_msg("query %zu:\n%s", i, p.s);
	}
	svc_buf_free(&p);
}

/* The template engine: fields filled, braces doubled, holes refused. */
static void
templates_fill_their_fields(void **state)
{
	const struct svc_field f[] = {
		{ "customer", "李大爷" }, { "at", "12月02日 10:00" },
	};
	struct svc_buf b = { 0 };
	size_t at = 0;

	(void)state;
	svc_tmpl_render(&b, "{customer}：{at}见 {{ok}}", f, 2);
	assert_string_equal(b.s, "李大爷：12月02日 10:00见 {ok}");
	svc_buf_free(&b);
	assert_int_equal(svc_tmpl_check(SVC_MSG_REMINDER, "{at}{{", &at), 0);
	assert_int_equal(svc_tmpl_check(SVC_MSG_REMINDER, "ok {eta}", &at), -1);
	assert_int_equal(at, 3);
	assert_int_equal(svc_tmpl_check(SVC_MSG_LATE, "{eta", &at), -1);
	assert_int_equal(svc_tmpl_check(SVC_MSG_LATE, "x}", &at), -1);
	assert_int_equal(at, 1);
	assert_int_equal(svc_msg_index("cancel"), SVC_MSG_CANCEL);
	assert_int_equal(svc_msg_index("nope"), -1);
}

/* Every shipped text uses only its own fields. */
static void
shipped_templates_are_sound(void **state)
{
	size_t at;
	int i;

	(void)state;
	for (i = 0; i < SVC_NMSGS; i++)
		assert_int_equal(svc_tmpl_check(i, svc_msgs[i].text, &at), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reply_is_told),
		cmocka_unit_test(sweep_reminds_once),
		cmocka_unit_test(sent_once),
		cmocka_unit_test(reads_start_from_outbox_open),
		cmocka_unit_test(templates_fill_their_fields),
		cmocka_unit_test(shipped_templates_are_sound),
	};

	return cmocka_run_group_tests_name("notify", tests, setup,
	    unit_teardown);
}

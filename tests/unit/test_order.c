/*
 * test_order.c - registering requests and replying (C1, G1, G2, G4, G5,
 * G6, G7, A9).  Deadlines are checked on named dates of the 2026 calendar.
 */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static int
setup(void **state)
{
	struct svc_err e = { 0 };
	struct svc_dept civil = { "civil", "民政窗口", "gov", "010-6512 3401" };
	struct svc_dept clean = { "clean", "物业保洁部", "cleaning", NULL };

	(void)state;
	setenv("SVC_USER", "zhou", 1);
	unit_fixture(&conf, &db);
	if (svc_dept_add(db, &civil, &e) || svc_dept_add(db, &clean, &e))
		fail_msg("%s", e.msg);
	return 0;
}

static const char *
one(const char *sql, int64_t id)
{
	static char buf[1024];
	struct svc_stmt *st;

	buf[0] = '\0';
	st = unit_prepare(db, sql);
	svc_bind_int64(st, 1, id);
	if (svc_step(st) == SVC_ROW && svc_col_text(st, 0))
		snprintf(buf, sizeof buf, "%s", svc_col_text(st, 0));
	svc_finalize(st);
	return buf;
}

/* Register a gov request for the elderly at the local time given. */
static int64_t
gov_at(const char *when, const char *group)
{
	struct svc_line line = { "gov-pension", 1 };
	struct svc_order_in in = { 0 };
	struct svc_err e = { 0 };
	int64_t id;

	in.customer = "李大爷";
	in.phone = "13900000001";
	in.address = "朝阳区建国路88号3单元501";
	in.channel = "window";
	in.group = group;
	in.lines = &line;
	in.nlines = 1;
	svc_clock_set(unit_at(when));
	if (svc_order_new(db, &conf, &in, &id, &e) != 0)
		fail_msg("%s", e.msg);
	return id;
}

/*
 * A customer is one phone: found when they call again (renamed when the
 * name given differs), added when new, whichever the last request was.
 */
static void
customers_by_phone(void **state)
{
	static const char *const calls[][2] = {	/* name, phone */
		{ "甲", "13911110001" }, { "乙", "13911110002" },
		{ "甲", "13911110001" }, { "甲二", "13911110001" },
		{ "丙", "13911110003" }, { "乙", "13911110002" },
		{ "丙", "13911110003" },
	};
	struct svc_line line = { "gov-pension", 1 };
	struct svc_order_in in = { 0 };
	struct svc_err e = { 0 };
	int64_t id, first = 0;
	size_t i;

	(void)state;
	in.address = "某地";
	in.lines = &line;
	in.nlines = 1;
	for (i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		in.customer = calls[i][0];
		in.phone = calls[i][1];
		if (svc_order_new(db, &conf, &in, &id, &e) != 0)
			fail_msg("%s", e.msg);
		if (first == 0)
			first = id;
	}
	assert_string_equal(one("SELECT count(*) FROM customer WHERE phone"
	    " LIKE '1391111000_' AND id > ?1 - 1000000", first), "3");
	assert_string_equal(one("SELECT group_concat(name, ',') FROM (SELECT"
	    " c.name FROM orders o JOIN customer c ON c.id = o.customer_id"
	    " WHERE o.id >= ?1 ORDER BY o.id)", first),
	    "甲二,乙,甲二,甲二,丙,乙,丙");
	/* each order its phone's one customer */
	assert_string_equal(one("SELECT count(DISTINCT o.customer_id) FROM"
	    " orders o WHERE o.id >= ?1", first), "3");
}

static const char *
due_of(int64_t id)
{
	return unit_local((time_t)atoll(one("SELECT reply_due FROM orders"
	    " WHERE id = ?1", id)));
}

static void
transitions(void **state)
{
	(void)state;
	assert_true(svc_transition_ok("new", "accepted"));
	assert_true(svc_transition_ok("new", "refused"));
	assert_true(svc_transition_ok("new", "cancelled"));
	assert_true(svc_transition_ok("accepted", "cancelled"));
	assert_false(svc_transition_ok("refused", "accepted"));
	assert_false(svc_transition_ok("cancelled", "new"));
	assert_false(svc_transition_ok("accepted", "new"));
}

static void
service_lines(void **state)
{
	struct svc_line l;
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_line_parse("clean-glass:12", &l, &e), 0);
	assert_string_equal(l.code, "clean-glass");
	assert_int_equal(l.qty, 12);
	assert_int_equal(svc_line_parse("clean-daily", &l, &e), 0);
	assert_int_equal(l.qty, 1);
	assert_int_equal(svc_line_parse("x:0", &l, &e), SVC_EX_DATA);
	assert_int_equal(svc_line_parse("x:10000", &l, &e), SVC_EX_DATA);
	assert_int_equal(svc_line_parse(":2", &l, &e), SVC_EX_DATA);
}

/* G5: the reply is due one working day after the request. */
static void
gov_reply_due_dates(void **state)
{
	(void)state;
	/* Wednesday 16:00 -> Thursday 16:00. */
	assert_string_equal(due_of(gov_at("2026-11-25 16:00", "elderly")),
	    "2026-11-26 16:00");
	/* Friday 16:00 -> over the weekend to Monday 16:00. */
	assert_string_equal(due_of(gov_at("2026-11-27 16:00", "elderly")),
	    "2026-11-30 16:00");
	/* The eve of National Day -> after the holiday week. */
	assert_string_equal(due_of(gov_at("2026-09-30 16:00", "elderly")),
	    "2026-10-08 16:00");
	/* Saturday: the make-up Sunday 2026-09-20 is the next working day. */
	assert_string_equal(due_of(gov_at("2026-09-19 10:00", "elderly")),
	    "2026-09-20 17:30");
	/* At night: counting starts at 09:00 the next working day. */
	assert_string_equal(due_of(gov_at("2026-11-25 22:30", "elderly")),
	    "2026-11-26 17:30");
	/* In the lunch break: counting starts at 13:30. */
	assert_string_equal(due_of(gov_at("2026-11-25 12:45", "elderly")),
	    "2026-11-26 12:00");
	/* Spring Festival: Friday 13 Feb -> the make-up Saturday 14 Feb. */
	assert_string_equal(due_of(gov_at("2026-02-13 11:00", "elderly")),
	    "2026-02-14 11:00");
}

/* C3: prices are copied, so a later catalogue change alters nothing. */
static void
prices_are_copied(void **state)
{
	struct svc_line lines[2] = { { "clean-daily", 1 }, { "clean-glass", 12 } };
	struct svc_order_in in = { 0 };
	struct svc_err e = { 0 };
	struct svc_service *s;
	int64_t id, id2;

	(void)state;
	in.customer = "张阿姨";
	in.phone = "13900000002";
	in.address = "海淀区学院路5号";
	in.lines = lines;
	in.nlines = 2;
	svc_clock_set(unit_at("2026-11-26 10:00"));
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), 0);
	assert_string_equal(one("SELECT kind || ' ' || channel FROM orders"
	    " WHERE id = ?1", id), "cleaning phone");
	assert_string_equal(one("SELECT sum(unit_price * qty) FROM"
	    " order_service WHERE order_id = ?1", id), "21600");
	s = (struct svc_service *)svc_conf_service(&conf, "clean-daily");
	s->price = 99900;
	assert_string_equal(one("SELECT unit_price FROM order_service WHERE"
	    " order_id = ?1 AND line = 1", id), "12000");
	s->price = 12000;
	/*
	 * The same phone is the same customer, whatever the name says; the
	 * new name is the customer's now and the new order's, but the old
	 * order keeps the name it was registered under.
	 */
	in.customer = "张女士";
	assert_int_equal(svc_order_new(db, &conf, &in, &id2, &e), 0);
	assert_string_equal(one("SELECT count(DISTINCT customer_id) FROM"
	    " orders WHERE id IN (?1, ?1 - 1)", id2), "1");
	assert_string_equal(one("SELECT customer FROM v_order WHERE id = ?1",
	    id), "张阿姨");
	assert_string_equal(one("SELECT customer FROM v_order WHERE id = ?1",
	    id2), "张女士");
	assert_string_equal(one("SELECT c.name FROM customer c JOIN orders o"
	    " ON o.customer_id = c.id WHERE o.id = ?1", id), "张女士");
}

static void
registration_refusals(void **state)
{
	struct svc_line gov = { "gov-pension", 1 }, clean = { "clean-daily", 1 };
	struct svc_line both[2] = { { "gov-pension", 1 }, { "clean-daily", 1 } };
	struct svc_line nope = { "nope", 1 };
	struct svc_order_in in = { 0 };
	struct svc_err e = { 0 };
	int64_t id;

	(void)state;
	in.customer = "甲";
	in.phone = "123";
	in.address = "某地";
	in.lines = both;
	in.nlines = 2;
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "a cleaning service on a gov order"));
	in.lines = &nope;
	in.nlines = 1;
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), SVC_EX_DATA);
	in.lines = &gov;
	in.kind = "cleaning";
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), SVC_EX_DATA);
	in.kind = NULL;
	in.lines = &clean;
	in.phone = "call me";
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), SVC_EX_DATA);
	in.phone = "123";
	in.channel = "email";
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), SVC_EX_DATA);
	in.channel = NULL;
	in.dept = "nowhere";
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e),
	    SVC_EX_NOINPUT);
	in.dept = NULL;
	in.nlines = 0;
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "--kind"));
	in.address = "";
	in.kind = "gov";
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), SVC_EX_DATA);
}

static int
accept(int64_t id, const char *now, const char *at, struct svc_reply *r)
{
	struct svc_err e = { 0 };

	svc_clock_set(unit_at(now));
	r->at = unit_at(at);
	r->until = 0;	/* derived from the services each time */
	return svc_order_accept(db, &conf, id, r, &e);
}

/* G6: every document at once, each once; G5: a late reply is recorded. */
static void
accept_documents_and_lateness(void **state)
{
	struct svc_reply r = { 0 };
	int64_t id = gov_at("2026-11-25 16:00", "elderly");

	(void)state;
	r.documents = "户口簿; 授权委托书；老年人优待证";
	assert_int_equal(accept(id, "2026-11-27 09:00", "2026-12-01 10:00",
	    &r), 0);
	assert_true(r.late);
	assert_false(r.quiet);
	assert_string_equal(one("SELECT documents FROM orders WHERE id = ?1",
	    id), "[\"身份证原件\",\"户口簿\",\"近期免冠照片\",\"授权委托书\","
	    "\"老年人优待证\"]");
	assert_string_equal(one("SELECT reply_late || status || (appt_until -"
	    " appt_at) FROM orders WHERE id = ?1", id), "1accepted2700");
	assert_string_equal(one("SELECT json_extract(details, '$.late') FROM"
	    " event WHERE order_id = ?1 AND kind = 'order.accept'", id), "1");
}

/* G7 working hours, G2 eligibility, A9 quiet hours, and --force. */
static void
accept_rules(void **state)
{
	struct svc_reply r = { 0 };
	int64_t id = gov_at("2026-11-26 09:00", "elderly");
	int64_t nogroup = gov_at("2026-11-26 09:00", NULL);

	(void)state;
	/* Saturday, lunch, across lunch, after hours: not working hours. */
	assert_int_equal(accept(id, "2026-11-26 10:00", "2026-11-28 10:00", &r),
	    SVC_EX_DATA);
	assert_int_equal(accept(id, "2026-11-26 10:00", "2026-11-30 12:30", &r),
	    SVC_EX_DATA);
	assert_int_equal(accept(id, "2026-11-26 10:00", "2026-11-30 11:30", &r),
	    SVC_EX_DATA);
	assert_int_equal(accept(id, "2026-11-26 10:00", "2026-11-30 17:00", &r),
	    SVC_EX_DATA);
	/* In the past. */
	assert_int_equal(accept(id, "2026-11-26 10:00", "2026-11-26 09:30", &r),
	    SVC_EX_DATA);
	/* Forced needs a note, then it is recorded. */
	r.force = 1;
	assert_int_equal(accept(id, "2026-11-26 10:00", "2026-11-30 12:30", &r),
	    SVC_EX_USAGE);
	r.note = "老人只有中午在家";
	assert_int_equal(accept(id, "2026-11-26 10:00", "2026-11-30 12:30", &r),
	    0);
	assert_true(r.quiet);	/* 12:30 is the customer's lunch (A9) */
	assert_string_equal(one("SELECT forced FROM orders WHERE id = ?1", id),
	    "1");
	/* G2: no eligible group, no visit unless forced with a note. */
	memset(&r, 0, sizeof r);
	assert_int_equal(accept(nogroup, "2026-11-26 10:00",
	    "2026-11-30 10:00", &r), SVC_EX_DATA);
	r.force = 1;
	r.note = "重点项目，经主任同意";
	assert_int_equal(accept(nogroup, "2026-11-26 10:00",
	    "2026-11-30 10:00", &r), 0);
}

static void
refuse_cancel_and_forbidden_moves(void **state)
{
	struct svc_reply r = { 0 };
	struct svc_err e = { 0 };
	int64_t a = gov_at("2026-11-26 09:00", "elderly");
	int64_t b = gov_at("2026-11-26 09:00", "elderly");

	(void)state;
	svc_clock_set(unit_at("2026-11-26 10:00"));
	assert_int_equal(svc_order_refuse(db, a, &r, &e), SVC_EX_USAGE);
	r.reason = "不属于上门服务范围";
	assert_int_equal(svc_order_refuse(db, a, &r, &e), 0);
	assert_false(r.late);
	assert_string_equal(one("SELECT status || ':' || reason FROM orders"
	    " WHERE id = ?1", a), "refused:不属于上门服务范围");
	/* A refused order cannot be accepted or refused again. */
	assert_int_equal(svc_order_refuse(db, a, &r, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "cannot refuse: the order is refused"));
	memset(&r, 0, sizeof r);
	assert_int_equal(accept(a, "2026-11-26 10:00", "2026-11-30 10:00", &r),
	    SVC_EX_DATA);
	/* Accepted, then withdrawn by the applicant. */
	assert_int_equal(accept(b, "2026-11-26 10:00", "2026-11-30 10:00", &r),
	    0);
	r.reason = "申请人已自行前往窗口办理";
	assert_int_equal(svc_order_cancel(db, b, &r, &e), 0);
	assert_string_equal(one("SELECT status FROM orders WHERE id = ?1", b),
	    "cancelled");
	assert_int_equal(svc_order_cancel(db, 99999, &r, &e), SVC_EX_NOINPUT);
}

/* G4: an edit keeps the old and the new value. */
static void
edit_records_old_and_new(void **state)
{
	struct svc_line lines[1] = { { "gov-senior-card", 1 } };
	struct svc_order_in ch = { 0 };
	struct svc_err e = { 0 };
	int64_t id = gov_at("2026-11-26 09:00", "elderly");

	(void)state;
	ch.address = "朝阳区建国路90号";
	ch.phone = "13900000009";
	ch.lines = lines;
	ch.nlines = 1;
	assert_int_equal(svc_order_edit(db, &conf, id, &ch, &e), 0);
	assert_string_equal(one("SELECT json_extract(details, '$.address.old')"
	    " || '>' || json_extract(details, '$.address.new') FROM event"
	    " WHERE order_id = ?1 AND kind = 'order.edit'", id),
	    "朝阳区建国路88号3单元501>朝阳区建国路90号");
	assert_string_equal(one("SELECT json_extract(details, '$.services.new')"
	    " FROM event WHERE order_id = ?1 AND kind = 'order.edit'", id),
	    "gov-senior-card:1");
	assert_string_equal(one("SELECT phone FROM v_order WHERE id = ?1", id),
	    "13900000009");
	/* A clean-up service on a gov order is refused; nothing changes. */
	strcpy(lines[0].code, "clean-daily");
	assert_int_equal(svc_order_edit(db, &conf, id, &ch, &e), SVC_EX_DATA);
	assert_int_equal(svc_order_edit(db, &conf, 424242, &ch, &e),
	    SVC_EX_NOINPUT);
}

static void
notice_tells_everything_at_once(void **state)
{
	struct svc_reply r = { 0 };
	struct svc_buf b = { 0 };
	struct svc_err e = { 0 };
	int64_t id = gov_at("2026-11-26 09:00", "elderly");

	(void)state;
	assert_int_equal(svc_order_notice(db, id, &b, &e), SVC_EX_DATA);
	assert_int_equal(accept(id, "2026-11-26 10:00", "2026-12-01 10:00", &r),
	    0);
	assert_int_equal(svc_order_notice(db, id, &b, &e), 0);
	assert_non_null(strstr(b.s, "【民政窗口】李大爷，您好！"));
	assert_non_null(strstr(b.s, "上门时间：2026年12月01日 10:00—10:45"));
	assert_non_null(strstr(b.s, "1. 身份证原件\n2. 户口簿\n3. 近期免冠照片\n"));
	assert_non_null(strstr(b.s, "请致电 010-6512 3401"));
	svc_buf_free(&b);
}

static void
record_as_json(void **state)
{
	struct svc_buf b = { 0 };
	struct svc_err e = { 0 };
	int64_t id = gov_at("2026-11-26 09:00", "elderly");
	struct svc_stmt *st;

	(void)state;
	assert_int_equal(svc_order_json(db, id, &b, &e), 0);
	st = unit_prepare(db, "SELECT json_valid(?1), json_extract(?1,"
	    " '$.events[0].kind'), json_extract(?1, '$.services[0].code')");
	svc_bind_text(st, 1, b.s);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), 1);
	assert_string_equal(svc_col_text(st, 1), "order.new");
	assert_string_equal(svc_col_text(st, 2), "gov-pension");
	svc_finalize(st);
	assert_int_equal(svc_order_json(db, 987654, &b, &e), SVC_EX_NOINPUT);
	svc_buf_free(&b);
}

/*
 * Every listing with a selective filter starts from the index of that
 * filter, never from a scan of every order: the WHERE holds only the
 * terms given.  Listing every order, or only by kind (three values, no
 * index worth it), scans by design.
 */
static void
listings_use_the_filter_index(void **state)
{
	static const struct {
		const char *name;
		struct svc_order_filter f;
		const char *want;
	} cases[] = {
		{ "show", { .id = 7 }, "SEARCH o USING INTEGER PRIMARY KEY" },
		{ "--status", { .statuses = "new,accepted" },
		    "USING INDEX orders_status" },
		{ "--dept", { .dept = "civil" }, "USING INDEX orders_dept" },
		{ "--customer", { .customer = "139" },
		    "USING INDEX orders_customer" },
		{ "--since", { .since = 1 }, "USING INDEX orders_created" },
		{ "--on", { .on_from = 1, .on_to = 2 },
		    "USING INDEX orders_appt" },
		{ "--overdue", { .overdue = 1 }, "USING INDEX orders_status (status=?)" },
	};
	struct svc_err e = { 0 };
	struct svc_buf p = { 0 };
	struct svc_stmt *st;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(svc_order_query(db, &cases[i].f, &st, &e), 0);
		unit_plan(db, svc_stmt_sql(st), &p);
		svc_finalize(st);
		if (strstr(p.s, cases[i].want) == NULL ||
		    strstr(p.s, "SCAN o\n") != NULL)
			fail_msg("%s:\n%s", cases[i].name, p.s);
	}
	svc_buf_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(transitions),
		cmocka_unit_test(customers_by_phone),
		cmocka_unit_test(service_lines),
		cmocka_unit_test(gov_reply_due_dates),
		cmocka_unit_test(prices_are_copied),
		cmocka_unit_test(registration_refusals),
		cmocka_unit_test(accept_documents_and_lateness),
		cmocka_unit_test(accept_rules),
		cmocka_unit_test(refuse_cancel_and_forbidden_moves),
		cmocka_unit_test(edit_records_old_and_new),
		cmocka_unit_test(notice_tells_everything_at_once),
		cmocka_unit_test(record_as_json),
		cmocka_unit_test(listings_use_the_filter_index),
	};

	return cmocka_run_group_tests_name("order", tests, setup, unit_teardown);
}

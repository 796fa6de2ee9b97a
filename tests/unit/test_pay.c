/* test_pay.c - bills, receipts, handovers (C3, C4, A7, A11). */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static int
setup(void **state)
{
	struct svc_err e = { 0 };
	struct svc_staff wang = { "wang", "王师傅", NULL, NULL, NULL, "worker" };
	struct svc_staff qian = { "qian", "钱会计", NULL, NULL, NULL, "finance" };

	(void)state;
	setenv("SVC_USER", "qian", 1);
	unit_fixture(&conf, &db);
	if (svc_staff_add(db, &wang, &e) || svc_staff_add(db, &qian, &e))
		fail_msg("%s", e.msg);
	return 0;
}

static int64_t
cleaning(void)
{
	struct svc_line lines[2] = { { "clean-daily", 1 }, { "clean-glass", 12 } };
	struct svc_order_in in = { 0 };
	struct svc_err e = { 0 };
	int64_t id;

	in.customer = "张阿姨";
	in.phone = "13900000002";
	in.address = "海淀区学院路5号";
	in.lines = lines;
	in.nlines = 2;
	svc_clock_set(unit_at("2026-11-26 09:00"));
	if (svc_order_new(db, &conf, &in, &id, &e))
		fail_msg("%s", e.msg);
	return id;
}

static int
take(int64_t id, const char *amount, const char *by, char *receipt)
{
	struct svc_take t = { 0 };
	struct svc_err e = { 0 };
	int rc;

	svc_money_parse(amount, 0, &t.amount, &e);
	t.method = "cash";
	t.by = by;
	rc = svc_take(db, id, &t, &e);
	if (receipt)
		strcpy(receipt, t.receipt);
	return rc;
}

/* C3: a paid service; exact to the fen; overpaying is refused. */
static void
bill_and_overpay(void **state)
{
	struct svc_bill b;
	struct svc_err e = { 0 };
	char r1[24], r2[24];
	int64_t id = cleaning();

	(void)state;
	assert_int_equal(svc_charge(db, id, NULL, "清洁剂", 3, 1001, &e), 0);
	assert_int_equal(svc_bill(db, id, &b, &e), 0);
	assert_int_equal(b.services, 21600);
	assert_int_equal(b.extras, 3003);
	assert_int_equal(b.balance, 24603);
	assert_int_equal(take(id, "246.04", "wang", NULL), SVC_EX_DATA);
	assert_int_equal(take(id, "200", "wang", r1), 0);
	assert_int_equal(take(id, "46.03", "wang", r2), 0);
	assert_string_equal(r1, "R2026-000001");
	assert_string_equal(r2, "R2026-000002");
	assert_int_equal(svc_bill(db, id, &b, &e), 0);
	assert_int_equal(b.balance, 0);
	assert_int_equal(take(id, "0.01", "wang", NULL), SVC_EX_DATA);
}

/* A voided receipt keeps its number; the next one follows it. */
static void
void_keeps_the_number(void **state)
{
	struct svc_bill b;
	struct svc_err e = { 0 };
	char r[24];
	int64_t id = cleaning();

	(void)state;
	assert_int_equal(take(id, "100", "wang", r), 0);
	assert_int_equal(svc_void(db, r, "重复收款", &e), 0);
	assert_int_equal(svc_void(db, r, "again", &e), SVC_EX_DATA);
	assert_int_equal(svc_void(db, "R2026-999999", "x", &e), SVC_EX_NOINPUT);
	assert_int_equal(svc_bill(db, id, &b, &e), 0);
	assert_int_equal(b.paid, 0);
	assert_int_equal(take(id, "216", "wang", r), 0);
	assert_string_equal(r, "R2026-000004");
}

static void
refund_at_most_what_was_paid(void **state)
{
	struct svc_take t = { 0 };
	struct svc_bill b;
	struct svc_err e = { 0 };
	int64_t id = cleaning();

	(void)state;
	assert_int_equal(take(id, "216", "wang", NULL), 0);
	t.method = "cash";
	t.by = "qian";
	t.reason = "玻璃少擦两扇";
	t.amount = 21601;
	assert_int_equal(svc_refund(db, id, &t, &e), SVC_EX_DATA);
	t.amount = 1600;
	assert_int_equal(svc_refund(db, id, &t, &e), 0);
	assert_int_equal(svc_bill(db, id, &b, &e), 0);
	assert_int_equal(b.balance, 1600);
}

/* C4: a handover records a difference; held is empty right after. */
static void
handover_with_difference(void **state)
{
	struct svc_handover h;
	struct svc_err e = { 0 };
	struct svc_stmt *st;

	(void)state;
	assert_int_equal(svc_held_query(db, "wang", &st, &e), 0);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int64(st, 1), 20000 + 4603 + 21600 +
	    21600);
	svc_finalize(st);
	assert_int_equal(svc_handover(db, "wang", 67700, &h, &e), 0);
	assert_int_equal(h.expected, 67803);
	assert_int_equal(h.difference, -103);
	assert_int_equal(svc_held_query(db, "wang", &st, &e), 0);
	assert_int_equal(svc_step(st), SVC_DONE);
	svc_finalize(st);
	assert_int_equal(svc_handover(db, "wang", -1, &h, &e), SVC_EX_DATA);
}

static void
finance_only(void **state)
{
	struct svc_err e = { 0 };

	int boot;

	(void)state;
	setenv("SVC_USER", "wang", 1);
	assert_int_equal(svc_may_write(db, "svc-pay", "void", &boot, &e),
	    SVC_EX_NOPERM);
	assert_string_equal(e.msg, "void: wang is not finance");
	setenv("SVC_USER", "qian", 1);
	assert_int_equal(svc_may_write(db, "svc-pay", "void", &boot, &e), 0);
	assert_int_equal(boot, SVC_ADMINS_ANY);
}

/* A7: a covered repair whose fault is the company's costs nothing. */
static void
covered_repair_costs_nothing(void **state)
{
	struct svc_line line = { "repair-visit", 1 };
	struct svc_order_in in = { 0 };
	struct svc_stmt *st;
	struct svc_bill b;
	struct svc_err e = { 0 };
	int64_t id;

	(void)state;
	in.customer = "赵先生";
	in.phone = "13900000003";
	in.address = "西城区";
	in.lines = &line;
	in.nlines = 1;
	assert_int_equal(svc_order_new(db, &conf, &in, &id, &e), 0);
	st = unit_prepare(db, "INSERT INTO visit (order_id, no, cause,"
	    " covered, chargeable) VALUES (?1, 1, 'booking', 1, 0)");
	svc_bind_int64(st, 1, id);
	assert_int_equal(svc_step(st), SVC_DONE);
	svc_finalize(st);
	assert_int_equal(svc_bill(db, id, &b, &e), 0);
	assert_int_equal(b.total, 5000);
	assert_int_equal(b.covered, 5000);
	assert_int_equal(b.balance, 0);
}

/* The balance a done order keeps (migration 9); -1 for none. */
static int64_t
kept(int64_t id)
{
	struct svc_stmt *st;
	int64_t v = -1;

	st = unit_prepare(db, "SELECT balance FROM orders WHERE id = ?1");
	svc_bind_int64(st, 1, id);
	if (svc_step(st) == SVC_ROW &&
	    svc_col_type(st, 0) != SVC_T_NULL)
		v = svc_col_int64(st, 0);
	svc_finalize(st);
	return v;
}

/* The bill's parts add up to its balance, and the kept one agrees. */
static int64_t
agreed(int64_t id)
{
	struct svc_bill b;
	struct svc_err e = { 0 };

	if (svc_bill(db, id, &b, &e))
		fail_msg("%s", e.msg);
	assert_int_equal(b.balance, b.total - b.covered - b.paid + b.refunded);
	assert_int_equal(kept(id), b.balance);
	return b.balance;
}

/*
 * C3, C5: the balance a done order keeps follows every change of money
 * after it: an extra line, a payment, a void, a refund, a finding that
 * the repair is covered (A7).  Before done nothing is kept.
 */
static void
kept_balance_follows_the_money(void **state)
{
	struct svc_take t = { 0 };
	struct svc_err e = { 0 };
	char r[24];
	int64_t id = cleaning();

	(void)state;
	assert_int_equal(take(id, "16", "wang", NULL), 0);
	assert_int_equal(kept(id), -1);
	assert_int_equal(unit_exec(db, "CREATE TEMP TABLE one AS SELECT"
	    " max(id) AS id FROM orders; UPDATE orders SET status = 'done'"
	    " WHERE id = (SELECT id FROM one)"), 0);
	assert_int_equal(agreed(id), 20000);
	assert_int_equal(svc_charge(db, id, NULL, "配件", 2, 250, &e), 0);
	assert_int_equal(agreed(id), 20500);
	assert_int_equal(take(id, "205", "wang", r), 0);
	assert_int_equal(agreed(id), 0);
	assert_int_equal(svc_void(db, r, "收错了", &e), 0);
	assert_int_equal(agreed(id), 20500);
	assert_int_equal(take(id, "205", "wang", NULL), 0);
	t.method = "cash";
	t.by = "qian";
	t.reason = "少做一项";
	t.amount = 500;
	assert_int_equal(svc_refund(db, id, &t, &e), 0);
	assert_int_equal(agreed(id), 500);
	assert_int_equal(unit_exec(db, "INSERT INTO visit (order_id, no,"
	    " cause) SELECT id, 1, 'booking' FROM one; UPDATE visit SET covered = 1 WHERE"
	    " order_id = (SELECT id FROM one); DROP TABLE one"), 0);
	assert_int_equal(agreed(id), -21600);	/* 221 paid, 5 back */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bill_and_overpay),
		cmocka_unit_test(void_keeps_the_number),
		cmocka_unit_test(refund_at_most_what_was_paid),
		cmocka_unit_test(handover_with_difference),
		cmocka_unit_test(finance_only),
		cmocka_unit_test(covered_repair_costs_nothing),
		cmocka_unit_test(kept_balance_follows_the_money),
	};

	return cmocka_run_group_tests_name("pay", tests, setup, unit_teardown);
}

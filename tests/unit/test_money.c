/* test_money.c - amounts in fen, exact (C4, A11). */
#include "unit.h"

static void
parses_yuan_and_fen(void **state)
{
	static const struct {
		const char *s;
		int64_t fen;
	} ok[] = {
		{ "180", 18000 }, { "180.5", 18050 }, { "180.50", 18050 },
		{ "0", 0 }, { "0.01", 1 }, { "0.1", 10 }, { "007", 700 },
		{ "1000000000000", 100000000000000LL },
	};
	struct svc_err e = { 0 };
	int64_t fen;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		assert_int_equal(svc_money_parse(ok[i].s, 0, &fen, &e), 0);
		assert_int_equal(fen, ok[i].fen);
	}
	assert_int_equal(svc_money_parse("-12.30", 1, &fen, &e), 0);
	assert_int_equal(fen, -1230);
}

static void
refuses_bad_amounts(void **state)
{
	static const char *const bad[] = {
		"", "180.505", "1.2.3", "abc", "18 0", "1,000", ".5", "5.",
		"+5", "1e3", "10000000000000", "99999999999999999999", "¥5",
	};
	struct svc_err e = { 0 };
	int64_t fen = 42;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (svc_money_parse(bad[i], 0, &fen, &e) != SVC_EX_DATA)
			fail_msg("accepted '%s'", bad[i]);
	assert_int_equal(svc_money_parse("-5", 0, &fen, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "sign"));
	assert_int_equal(svc_money_parse("1.234", 0, &fen, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "two decimals"));
	assert_int_equal(fen, 42);	/* untouched on error */
}

static void
formats_exactly(void **state)
{
	char buf[32];

	(void)state;
	svc_money_format(18050, buf, sizeof buf);
	assert_string_equal(buf, "180.50");
	svc_money_format(1, buf, sizeof buf);
	assert_string_equal(buf, "0.01");
	svc_money_format(-1230, buf, sizeof buf);
	assert_string_equal(buf, "-12.30");
	svc_money_format(INT64_MIN, buf, sizeof buf);
	assert_string_equal(buf, "-92233720368547758.08");
}

/* A sum over many lines is exact: 0.10 a million times is 100000.00. */
static void
sums_are_exact(void **state)
{
	struct svc_err e = { 0 };
	int64_t fen, sum = 0;
	char buf[32];
	int i;

	(void)state;
	assert_int_equal(svc_money_parse("0.10", 0, &fen, &e), 0);
	for (i = 0; i < 1000000; i++)
		sum += fen;
	svc_money_format(sum, buf, sizeof buf);
	assert_string_equal(buf, "100000.00");
}

/* The ceiling of 10^12 yuan holds for the fen part and for totals. */
static void
ceiling_holds_for_fen_and_totals(void **state)
{
	struct svc_err e = { 0 };
	int64_t fen, total = 0;

	(void)state;
	assert_int_equal(svc_money_parse("1000000000000", 0, &fen, &e), 0);
	assert_int_equal(fen, SVC_MONEY_MAX);
	assert_int_equal(svc_money_parse("1000000000000.01", 0, &fen, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_money_parse("-1000000000000.01", 1, &fen, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_money_add(&total, 9999, SVC_MONEY_MAX / 9999), 0);
	assert_int_equal(svc_money_add(&total, 1, SVC_MONEY_MAX), -1);
	assert_int_equal(total, 9999 * (SVC_MONEY_MAX / 9999));
	total = 0;
	assert_int_equal(svc_money_add(&total, INT64_MAX, 2), -1);
	assert_int_equal(svc_money_add(&total, 2, INT64_MAX), -1);
	assert_int_equal(svc_money_add(&total, -1, 5), -1);
	assert_int_equal(total, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_yuan_and_fen),
		cmocka_unit_test(refuses_bad_amounts),
		cmocka_unit_test(formats_exactly),
		cmocka_unit_test(sums_are_exact),
		cmocka_unit_test(ceiling_holds_for_fen_and_totals),
	};

	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}

/* test_product.c - warranty by barcode (A5). */
#include "unit.h"

static struct svc_db *db;

static int
day(const char *s)
{
	int y, m, d;
	struct svc_err e = { 0 };

	if (svc_date_parse(s, 0, &y, &m, &d, &e))
		fail_msg("%s", e.msg);
	return svc_days_from_civil(y, m, d);
}

static void
months_are_clamped(void **state)
{
	(void)state;
	assert_int_equal(svc_add_months(day("2025-03-15"), 12),
	    day("2026-03-15"));
	assert_int_equal(svc_add_months(day("2025-01-31"), 1),
	    day("2025-02-28"));
	assert_int_equal(svc_add_months(day("2023-12-31"), 2),
	    day("2024-02-29"));
	assert_int_equal(svc_add_months(day("2025-11-30"), 3),
	    day("2026-02-28"));
	assert_int_equal(svc_covered_until(day("2025-03-15"), 12),
	    day("2026-03-14"));
}

/* A5: right on the last covered day and the day after. */
static void
last_covered_day_and_the_day_after(void **state)
{
	struct svc_product p = { "6901234567890", "BCD-216", "海尔冰箱",
		"2025-03-15", 12 };
	struct svc_warranty w;
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_product_add(db, &p, &e), 0);
	assert_int_equal(svc_warranty(db, p.barcode, day("2026-03-14"), &w, &e),
	    0);
	assert_true(w.covered);
	assert_int_equal(w.until, day("2026-03-14"));
	assert_string_equal(w.name, "海尔冰箱");
	assert_int_equal(svc_warranty(db, p.barcode, day("2026-03-15"), &w, &e),
	    0);
	assert_false(w.covered);
	assert_int_equal(svc_warranty(db, "000", day("2026-03-15"), &w, &e),
	    SVC_EX_NOINPUT);
}

static void
bad_products_are_refused(void **state)
{
	struct svc_product bad[] = {
		{ "", "m", "n", "2025-01-01", 12 },
		{ "1", "m", "n", "2025-02-30", 12 },
		{ "1", "m", "n", "yesterday", 12 },
		{ "1", "m", "n", "2025-01-01", -1 },
		{ "1", NULL, "n", "2025-01-01", 12 },
	};
	struct svc_err e = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (svc_product_add(db, &bad[i], &e) != SVC_EX_DATA)
			fail_msg("accepted product %zu", i);
}

static void
import_csv_with_quotes(void **state)
{
	char path[] = "/tmp/svc-prodXXXXXX";
	struct svc_warranty w;
	struct svc_err e = { 0 };
	FILE *f;
	int n;

	(void)state;
	f = fdopen(mkstemp(path), "w");
	fputs("name,barcode,warranty_months,model,made_on\n"
	    "\"格力空调, 1.5匹\",111,36,KFR-35,2023-01-01\n"
	    "\"说\"\"明\"\"\",222,0,X,2024-06-30\n", f);
	fclose(f);
	assert_int_equal(svc_product_import(db, path, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(svc_warranty(db, "111", day("2025-12-31"), &w, &e), 0);
	assert_string_equal(w.name, "格力空调, 1.5匹");
	assert_true(w.covered);
	assert_int_equal(svc_warranty(db, "222", day("2024-06-30"), &w, &e), 0);
	assert_string_equal(w.name, "说\"明\"");
	assert_false(w.covered);	/* no warranty at all */
	f = fopen(path, "w");
	fputs("barcode,model\n1,2\n", f);
	fclose(f);
	assert_int_equal(svc_product_import(db, path, &n, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, ":1: the header needs"));
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(months_are_clamped),
		cmocka_unit_test(last_covered_day_and_the_day_after),
		cmocka_unit_test(bad_products_are_refused),
		cmocka_unit_test(import_csv_with_quotes),
	};

	unit_tz();
	svc_clock_set(1796090400);
	db = unit_db();
	return cmocka_run_group_tests_name("product", tests, NULL, NULL);
}

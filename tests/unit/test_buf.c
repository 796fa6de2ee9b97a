/* test_buf.c - the growable string and JSON escaping. */
#include "unit.h"

/* Numbers in decimal without printf: the edges of an int64_t. */
static void
decimal_digits(void **state)
{
	char b[24];

	(void)state;
	assert_string_equal(svc_decimal(0, b), "0");
	assert_string_equal(svc_decimal(-1, b), "-1");
	assert_string_equal(svc_decimal(1234567890, b), "1234567890");
	assert_string_equal(svc_decimal(INT64_MAX, b), "9223372036854775807");
	assert_string_equal(svc_decimal(INT64_MIN, b), "-9223372036854775808");
}

static void
grows_and_formats(void **state)
{
	struct svc_buf b = { 0 };
	int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		svc_buf_printf(&b, "%d,", i % 10);
	assert_int_equal(b.len, 2000);
	assert_int_equal(strlen(b.s), 2000);
	svc_buf_reset(&b);
	assert_string_equal(b.s, "");
	svc_buf_free(&b);
}

/* Byte by byte across every doubling, from empty: terminated each time. */
static void
putc_grows_from_empty(void **state)
{
	struct svc_buf b = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		svc_buf_putc(&b, (char)('a' + i % 26));
		assert_int_equal(b.len, i + 1);
		assert_true(b.len < b.cap);
		assert_int_equal(b.s[b.len], '\0');
		assert_int_equal(b.s[i], 'a' + i % 26);
	}
	assert_int_equal(strlen(b.s), 1000);
	svc_buf_reset(&b);
	svc_buf_putc(&b, 'x');
	assert_string_equal(b.s, "x");
	svc_buf_free(&b);
}

static void
json_escapes_what_json_forbids(void **state)
{
	struct svc_buf b = { 0 };

	(void)state;
	svc_buf_json_str(&b, "a\"b\\c\nd\te\x01 王");
	assert_string_equal(b.s, "\"a\\\"b\\\\c\\nd\\te\\u0001 王\"");
	/* runs copied whole: escapes first and last, DEL, carriage
	 * return, nothing at all */
	svc_buf_reset(&b);
	svc_buf_json_str(&b, "\"王\x7f\r");
	svc_buf_json_str(&b, "");
	assert_string_equal(b.s, "\"\\\"王\\u007f\\r\"\"\"");
	svc_buf_free(&b);
}

static void
json_object(void **state)
{
	struct svc_json j;

	(void)state;
	svc_json_begin(&j);
	svc_json_str(&j, "login", "wang");
	svc_json_int(&j, "n", -3);
	svc_json_str(&j, "x", NULL);
	assert_string_equal(svc_json_end(&j),
	    "{\"login\":\"wang\",\"n\":-3,\"x\":null}");
	svc_buf_free(&j.b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decimal_digits),
		cmocka_unit_test(grows_and_formats),
		cmocka_unit_test(putc_grows_from_empty),
		cmocka_unit_test(json_escapes_what_json_forbids),
		cmocka_unit_test(json_object),
	};

	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}

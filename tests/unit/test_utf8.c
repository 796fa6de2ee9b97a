/* test_utf8.c - display width; never half a character. */
#include "unit.h"

static void
widths(void **state)
{
	(void)state;
	assert_int_equal(svc_utf8_width("wang"), 4);
	assert_int_equal(svc_utf8_width("王师傅"), 6);
	assert_int_equal(svc_utf8_width("朝阳区建国路 88号"), 17);
	assert_int_equal(svc_utf8_width("（全角）"), 8);
	assert_int_equal(svc_utf8_width("é"), 1);	/* precomposed */
	assert_int_equal(svc_utf8_width("e\xcc\x81"), 1);	/* combining */
	assert_int_equal(svc_utf8_width(""), 0);
	assert_int_equal(svc_utf8_width("\xff"), 1);	/* a stray byte */
}

static void
fit_never_cuts_a_character(void **state)
{
	int w;

	(void)state;
	/* 5 columns hold two wide characters, not two and a half. */
	assert_int_equal(svc_utf8_fit("王师傅", 5, &w), 6);
	assert_int_equal(w, 4);
	assert_int_equal(svc_utf8_fit("王师傅", 6, &w), 9);
	assert_int_equal(svc_utf8_fit("ab王", 3, &w), 2);
	assert_int_equal(svc_utf8_fit("ab王", 0, &w), 0);
}

static void
validity(void **state)
{
	(void)state;
	assert_true(svc_utf8_valid("李娜 Li Na"));
	assert_false(svc_utf8_valid("\xe6\x9d"));	/* truncated */
	assert_false(svc_utf8_valid("\xc0\xaf"));	/* overlong */
	assert_false(svc_utf8_valid("\xed\xa0\x80"));	/* surrogate */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths),
		cmocka_unit_test(fit_never_cuts_a_character),
		cmocka_unit_test(validity),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}

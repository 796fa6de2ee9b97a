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
	/* a message's cut: the item's bytes, or fewer whole characters */
	assert_int_equal(svc_utf8_cut("王师傅=yes", 9, 5), 6);
	assert_int_equal(svc_utf8_cut("王师傅=yes", 9, 40), 9);
	assert_int_equal(svc_utf8_cut("ab=yes", 2, 40), 2);
}

static void
validity(void **state)
{
	(void)state;
	assert_true(svc_utf8_valid("李娜 Li Na"));
	assert_false(svc_utf8_valid("\xe6\x9d"));	/* truncated */
	assert_false(svc_utf8_valid("\xc0\xaf"));	/* overlong */
	assert_false(svc_utf8_valid("\xed\xa0\x80"));	/* surrogate */
	/* the three-byte fast path: its edges, and what it must leave */
	assert_true(svc_utf8_valid("\xe1\x80\x80\xec\xbf\xbf\xef\xbf\xbd"));
	assert_true(svc_utf8_valid("\xe0\xa0\x80\xed\x9f\xbf"));
	assert_false(svc_utf8_valid("\xe0\x9f\xbf"));	/* overlong */
	assert_false(svc_utf8_valid("\xe4\xb8"));		/* cut at the end */
	assert_false(svc_utf8_valid("\xe4\xb8\x41"));	/* not continued */
	assert_false(svc_utf8_valid("\xe4\x41\x80"));
}

/* The one validator of a person's free text (issue 13). */
static void
text_validator(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_text_ok("x", "朝阳区 3单元", SVC_TEXT_REQUIRED, 100,
	    &e), 0);
	assert_int_equal(svc_text_ok("x", NULL, 0, 100, &e), 0);
	assert_int_equal(svc_text_ok("the reason", "   ", SVC_TEXT_REQUIRED,
	    100, &e), SVC_EX_DATA);
	assert_string_equal(e.msg, "the reason is required (it is blank)");
	assert_int_equal(svc_text_ok("x", "\xe3\x80\x80", SVC_TEXT_REQUIRED,
	    100, &e), SVC_EX_DATA);	/* U+3000 alone is blank too */
	assert_int_equal(svc_text_ok("the name", "a\tb", 0, 100, &e),
	    SVC_EX_DATA);
	assert_string_equal(e.msg, "the name: control character U+0009 not "
	    "allowed (one line)");
	assert_int_equal(svc_text_ok("x", "a\nb", 0, 100, &e), SVC_EX_DATA);
	assert_int_equal(svc_text_ok("x", "a\nb", SVC_TEXT_LINES, 100, &e), 0);
	assert_int_equal(svc_text_ok("x", "a\tb", SVC_TEXT_LINES, 100, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_text_ok("x", "\x1b[2J", SVC_TEXT_LINES, 100, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_text_ok("x", "\xc2\x9b" "2J", 0, 100, &e),
	    SVC_EX_DATA);	/* C1 CSI */
	assert_int_equal(svc_text_ok("x", "\x7f", 0, 100, &e), SVC_EX_DATA);
	assert_int_equal(svc_text_ok("x", "\xff", 0, 100, &e), SVC_EX_DATA);
	assert_int_equal(svc_text_ok("x", "abcd", 0, 3, &e), SVC_EX_DATA);
	assert_string_equal(e.msg, "x: longer than 3 bytes");
	assert_int_equal(svc_text_ok("x", "abc", 0, 3, &e), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths),
		cmocka_unit_test(fit_never_cuts_a_character),
		cmocka_unit_test(validity),
		cmocka_unit_test(text_validator),
	};

	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}

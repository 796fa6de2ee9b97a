/* test_ids.c - ids from argv or stdin (DESIGN section 2). */
#include "unit.h"

struct seen {
	char got[16][32];
	int n;
	const char *fail_on;
};

static int
collect(const char *id, void *ctx)
{
	struct seen *s = ctx;

	snprintf(s->got[s->n++], sizeof s->got[0], "%s", id);
	return s->fail_on && strcmp(id, s->fail_on) == 0 ? SVC_EX_NOINPUT : 0;
}

static FILE *
input(const char *text)
{
	FILE *f = tmpfile();

	fputs(text, f);
	rewind(f);
	return f;
}

static void
reads_first_fields_of_stdin(void **state)
{
	struct seen s = { .n = 0 };
	struct svc_err e = { 0 };
	FILE *in = input("# a comment\n42\tnew\t王\n\n7\tx y\n# 8\n1001\r\n");

	(void)state;
	assert_int_equal(svc_ids_each(NULL, 0, in, 1, collect, &s, &e), 0);
	assert_int_equal(s.n, 3);
	assert_string_equal(s.got[0], "42");
	assert_string_equal(s.got[1], "7");
	assert_string_equal(s.got[2], "1001");
	fclose(in);
}

static void
dash_means_stdin(void **state)
{
	struct seen s = { .n = 0 };
	struct svc_err e = { 0 };
	char *argv[] = { "-" };
	FILE *in = input("5\n");

	(void)state;
	assert_int_equal(svc_ids_each(argv, 1, in, 1, collect, &s, &e), 0);
	assert_int_equal(s.n, 1);
	fclose(in);
}

static void
bad_line_names_its_number(void **state)
{
	struct seen s = { .n = 0 };
	struct svc_err e = { 0 };
	FILE *in = input("1\n\nabc\t2\n3\n");

	(void)state;
	assert_int_equal(svc_ids_each(NULL, 0, in, 1, collect, &s, &e),
	    SVC_EX_DATA);
	assert_string_equal(e.msg, "stdin:3: 'abc' is not an order id (the "
	    "first field, up to a TAB)");
	fclose(in);
}

/* The first field is the id exactly: no space, no empty field, no NUL. */
static void
first_field_is_the_id_exactly(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		const char *msg;
	} bad[] = {
		{ "5 2\n", 4, "stdin:1: '5 2' is not" },
		{ "1\n\t6\n", 5, "stdin:2: '' is not" },
		{ " 4\n", 3, "stdin:1: ' 4' is not" },
		{ "7\0x\n", 4, "stdin:1: a NUL byte in the line" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct seen s = { .n = 0 };
		struct svc_err e = { 0 };
		FILE *in = tmpfile();

		fwrite(bad[i].text, 1, bad[i].len, in);
		rewind(in);
		assert_int_equal(svc_ids_each(NULL, 0, in, 1, collect, &s, &e),
		    SVC_EX_DATA);
		if (strstr(e.msg, bad[i].msg) != e.msg)
			fail_msg("%s: %s", bad[i].msg, e.msg);
		fclose(in);
	}
}

static void
arguments_are_checked_before_any_runs(void **state)
{
	struct seen s = { .n = 0 };
	struct svc_err e = { 0 };
	char *argv[] = { "1", "0", "3" };
	FILE *in = input("");

	(void)state;
	assert_int_equal(svc_ids_each(argv, 3, in, 1, collect, &s, &e),
	    SVC_EX_USAGE);
	assert_int_equal(s.n, 0);
	fclose(in);
}

/* The loop goes on after a failure and returns the first failure. */
static void
failures_do_not_stop_the_loop(void **state)
{
	struct seen s = { .n = 0, .fail_on = "wang" };
	struct svc_err e = { 0 };
	char *argv[] = { "li", "wang", "zhao" };

	(void)state;
	assert_int_equal(svc_ids_each(argv, 3, stdin, 0, collect, &s, &e),
	    SVC_EX_NOINPUT);
	assert_int_equal(s.n, 3);
}

static void
id_parse(void **state)
{
	int64_t id;

	(void)state;
	assert_int_equal(svc_id_parse("42", &id), 0);
	assert_int_equal(id, 42);
	assert_int_equal(svc_id_parse("0", &id), -1);
	assert_int_equal(svc_id_parse("-1", &id), -1);
	assert_int_equal(svc_id_parse("042", &id), -1);
	assert_int_equal(svc_id_parse("4x", &id), -1);
	assert_int_equal(svc_id_parse("99999999999999999999", &id), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_first_fields_of_stdin),
		cmocka_unit_test(dash_means_stdin),
		cmocka_unit_test(bad_line_names_its_number),
		cmocka_unit_test(first_field_is_the_id_exactly),
		cmocka_unit_test(arguments_are_checked_before_any_runs),
		cmocka_unit_test(failures_do_not_stop_the_loop),
		cmocka_unit_test(id_parse),
	};

	return cmocka_run_group_tests_name("ids", tests, NULL, NULL);
}

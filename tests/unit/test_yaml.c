/* test_yaml.c - the YAML tree: positions, duplicates, aliases, depth. */
#include "unit.h"

static struct svc_ynode *
load(const char *text, struct svc_err *e)
{
	svc_clearerr(e);
	return svc_yaml_load_string("t.yaml", text, e);
}

static void
builds_a_tree_with_positions(void **state)
{
	struct svc_err e = { 0 };
	struct svc_ynode *r = load("a: 1\nb:\n  - x\n  - \"y\"\n", &e), *b;

	(void)state;
	assert_non_null(r);
	assert_int_equal(r->type, SVC_Y_MAP);
	assert_int_equal(r->n, 2);
	b = svc_ymap_get(r, "b");
	assert_int_equal(b->type, SVC_Y_SEQ);
	assert_int_equal(b->n, 2);
	assert_string_equal(b->kids[1]->val, "y");
	assert_true(b->kids[1]->quoted);
	assert_false(b->kids[0]->quoted);
	assert_int_equal(b->kids[1]->line, 4);
	assert_int_equal(b->kids[1]->col, 5);
	assert_null(svc_ymap_get(r, "c"));
	svc_yaml_free(r);
}

/*
 * A tree larger than the arena's first block (4 KiB), and one scalar
 * larger than twice the block before it: everything still there, freed
 * in one go (the sanitizer build finds a leak or a stray pointer).
 */
static void
outgrows_its_first_block(void **state)
{
	struct svc_err e = { 0 };
	struct svc_buf t = { 0 };
	struct svc_ynode *r;
	char key[16];
	int i;

	(void)state;
	for (i = 0; i < 1000; i++)
		svc_buf_printf(&t, "k%d: [%d, 王%d]\n", i, i, i);
	svc_buf_puts(&t, "long: ");
	for (i = 0; i < 20000; i++)
		svc_buf_puts(&t, "长");
	svc_buf_putc(&t, '\n');
	r = load(t.s, &e);
	assert_non_null(r);
	assert_int_equal(r->n, 1001);
	for (i = 0; i < 1000; i += 111) {
		snprintf(key, sizeof key, "王%d", i);
		assert_string_equal(r->kids[i]->kids[1]->val, key);
		snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(atoi(svc_ymap_get(r, key)->kids[0]->val), i);
		assert_int_equal(svc_ymap_get(r, key)->kids[0]->line, i + 1);
	}
	assert_int_equal(strlen(svc_ymap_get(r, "long")->val), 60000);
	svc_yaml_free(r);
	svc_buf_free(&t);
}

static void
refuses_duplicate_keys(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	assert_null(load("a: 1\nb: 2\na: 3\n", &e));
	assert_string_equal(e.msg,
	    "t.yaml:3:1: duplicate key 'a' (first at line 1)");
	assert_null(load("m: {x: 1, x: 2}\n", &e));
	assert_non_null(strstr(e.msg, "duplicate key 'x'"));
}

static void
refuses_aliases(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	assert_null(load("a: &x 1\nb: *x\n", &e));
	assert_non_null(strstr(e.msg, "t.yaml:2:4: aliases"));
}

static void
bounds_depth(void **state)
{
	struct svc_err e = { 0 };
	char deep[200];
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		deep[i] = '[';
	deep[40] = '\0';
	assert_null(load(deep, &e));
	assert_non_null(strstr(e.msg, "deeper than"));
}

static void
reports_syntax_errors_with_position(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	assert_null(load("a: [1, 2\nb: 3\n", &e));
	assert_int_equal(e.code, SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "t.yaml:"));
	assert_null(load("a: 1\n---\nb: 2\n", &e));
	assert_non_null(strstr(e.msg, "one YAML document"));
	assert_null(load("? [a]\n: 1\n", &e));
	assert_non_null(strstr(e.msg, "plain text"));
}

static void
empty_document_is_an_empty_map(void **state)
{
	struct svc_err e = { 0 };
	struct svc_ynode *r = load("", &e);

	(void)state;
	assert_non_null(r);
	assert_int_equal(r->type, SVC_Y_MAP);
	assert_int_equal(r->n, 0);
	svc_yaml_free(r);
}

static void
checks_keys(void **state)
{
	static const char *const allowed[] = { "a", "b", NULL },
	    *const abc[] = { "a", "b", "c", NULL };
	struct svc_err e = { 0 };
	struct svc_ynode *r = load("a: 1\nc: 2\n", &e);

	(void)state;
	assert_int_equal(svc_ycheck_keys(r, allowed, "t.yaml", &e),
	    SVC_EX_DATA);
	assert_string_equal(e.msg, "t.yaml:2:1: unknown key 'c'");
	svc_yaml_free(r);
	/* each key looked for from the one before, round the list: any
	 * order passes, an unknown key after a wrap is still refused */
	r = load("c: 1\nb: 2\na: 3\n", &e);
	assert_int_equal(svc_ycheck_keys(r, abc, "t.yaml", &e), 0);
	svc_yaml_free(r);
	r = load("b: 1\nc: 2\na: 3\nd: 4\n", &e);
	assert_int_equal(svc_ycheck_keys(r, abc, "t.yaml", &e), SVC_EX_DATA);
	assert_string_equal(e.msg, "t.yaml:4:1: unknown key 'd'");
	svc_yaml_free(r);
}

static void
missing_file(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	assert_null(svc_yaml_load("/nonexistent/x.yaml", &e));
	assert_int_equal(e.code, SVC_EX_NOINPUT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builds_a_tree_with_positions),
		cmocka_unit_test(outgrows_its_first_block),
		cmocka_unit_test(refuses_duplicate_keys),
		cmocka_unit_test(refuses_aliases),
		cmocka_unit_test(bounds_depth),
		cmocka_unit_test(reports_syntax_errors_with_position),
		cmocka_unit_test(empty_document_is_an_empty_map),
		cmocka_unit_test(checks_keys),
		cmocka_unit_test(missing_file),
	};

	return cmocka_run_group_tests_name("yaml", tests, NULL, NULL);
}

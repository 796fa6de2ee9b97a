/*
 * test_jsonl.c - the JSON Lines reader: the tree yaml.c builds, strict
 * RFC 8259, positions in characters, and the values it need not build.
 */
#include "unit.h"

static struct svc_ynode *
parse(const char *text, const char *const *unread, struct svc_err *e)
{
	svc_clearerr(e);
	return svc_json_parse("t.jsonl", 7, text, unread, e);
}

/* The message of a refused line, for one assertion each. */
static const char *
refusal(const char *text)
{
	static struct svc_err e;

	assert_null(parse(text, NULL, &e));
	assert_int_equal(e.code, SVC_EX_DATA);
	return e.msg;
}

static void
builds_the_tree_yaml_builds(void **state)
{
	struct svc_err e = { 0 };
	struct svc_ynode *r, *s;

	(void)state;
	r = parse("{\"客户\": \"李大爷\", \"n\": -12.5e3, \"ok\": true,"
	    " \"x\": null, \"s\": [\"a:2\", {\"code\": \"b\"}]}\n", NULL, &e);
	assert_non_null(r);
	assert_int_equal(r->type, SVC_Y_MAP);
	assert_int_equal(r->n, 5);
	assert_string_equal(r->keys[0], "客户");
	assert_string_equal(svc_ymap_get(r, "客户")->val, "李大爷");
	assert_true(svc_ymap_get(r, "客户")->quoted);
	/* bare words are plain scalars, as YAML reads them */
	assert_string_equal(svc_ymap_get(r, "n")->val, "-12.5e3");
	assert_false(svc_ymap_get(r, "n")->quoted);
	assert_string_equal(svc_ymap_get(r, "ok")->val, "true");
	assert_string_equal(svc_ymap_get(r, "x")->val, "null");
	s = svc_ymap_get(r, "s");
	assert_int_equal(s->type, SVC_Y_SEQ);
	assert_int_equal(s->n, 2);
	assert_string_equal(svc_ymap_get(s->kids[1], "code")->val, "b");
	/* line from the caller, columns in characters: "李大爷" at 8 */
	assert_int_equal(svc_ymap_get(r, "客户")->line, 7);
	assert_int_equal(svc_ymap_get(r, "客户")->col, 8);
	assert_int_equal(r->kcol[1], 15);
	svc_yaml_free(r);
}

static void
decodes_escapes(void **state)
{
	struct svc_err e = { 0 };
	struct svc_ynode *r;

	(void)state;
	r = parse("[\"a\\\"b\\\\c\\/d\\n\\t\", \"\\u674e\\uD83D\\uDE00\","
	    " \"\\u0041\\u00e9\"]", NULL, &e);
	assert_non_null(r);
	assert_string_equal(r->kids[0]->val, "a\"b\\c/d\n\t");
	assert_string_equal(r->kids[1]->val, "李\xF0\x9F\x98\x80");
	/* one and two bytes too */
	assert_string_equal(r->kids[2]->val, "A\xC3\xA9");
	svc_yaml_free(r);
}

static void
leaves_unread_values_unbuilt(void **state)
{
	static const char *const unread[] = { "events", NULL };
	struct svc_err e = { 0 };
	struct svc_ynode *r, *v;

	(void)state;
	r = parse("{\"events\": [{\"at\": 1, \"d\": {\"k\": [1, 2]}}],"
	    " \"kept\": {\"events\": [1]}}", unread, &e);
	assert_non_null(r);
	/* the key stays, so a misspelt one is still found by its caller */
	assert_int_equal(r->n, 2);
	v = svc_ymap_get(r, "events");
	assert_int_equal(v->type, SVC_Y_SCALAR);
	assert_string_equal(v->val, "");
	/* only the record's own keys: a nested one of that name is built */
	v = svc_ymap_get(svc_ymap_get(r, "kept"), "events");
	assert_int_equal(v->type, SVC_Y_SEQ);
	svc_yaml_free(r);
	/* an unread value is still checked to be JSON */
	assert_null(parse("{\"events\": [1,]}", unread, &e));
	assert_string_equal(e.msg, "t.jsonl:7:15: expected a value");
	assert_null(parse("{\"events\": [\"\xE5\xAE\"]}", unread, &e));
	assert_string_equal(e.msg, "t.jsonl:7:14: not UTF-8");
	/* columns are counted past unread values, eight bytes at a time
	 * (words of Chinese and ASCII mixed): the key after nine Chinese
	 * characters at 27, its value at 34 */
	r = parse("{\"events\": [\"北京市朝阳区建国路\"], \"地址x\": \"某地\"}",
	    unread, &e);
	assert_non_null(r);
	assert_int_equal(r->kcol[1], 27);
	assert_int_equal(svc_ymap_get(r, "地址x")->col, 34);
	svc_yaml_free(r);
}

static void
refuses_what_is_not_json(void **state)
{
	(void)state;
	assert_string_equal(refusal("{\"a\": 1, \"a\": 2}"),
	    "t.jsonl:7:10: duplicate key 'a' (first at line 7)");
	assert_string_equal(refusal("{\"a\": 1,}"),
	    "t.jsonl:7:9: expected a key in quotes");
	assert_string_equal(refusal("{a: 1}"),
	    "t.jsonl:7:2: expected a key in quotes");
	assert_string_equal(refusal("{\"a\": yes}"),
	    "t.jsonl:7:7: expected a value");
	assert_string_equal(refusal("{\"a\": 01}"),
	    "t.jsonl:7:8: expected ',' or '}'");
	assert_string_equal(refusal("{\"a\": 1.}"),
	    "t.jsonl:7:7: expected a value");
	assert_string_equal(refusal("{\"a\" 1}"),
	    "t.jsonl:7:6: expected ':' after a key");
	assert_string_equal(refusal("{\"a\": \"x\ty\"}"),
	    "t.jsonl:7:9: a control character in a string");
	assert_string_equal(refusal("{\"a\": \"x\n"),
	    "t.jsonl:7:9: a string not closed on its line");
	assert_string_equal(refusal("{\"a\": \"\\x\"}"),
	    "t.jsonl:7:8: bad escape in a string");
	assert_string_equal(refusal("[\"\\uDE00\"]"),
	    "t.jsonl:7:3: a lone low surrogate");
	assert_string_equal(refusal("[\"\\uD83Dx\"]"),
	    "t.jsonl:7:3: a high surrogate without its low one");
	assert_string_equal(refusal("[\"\\u0000\"]"),
	    "t.jsonl:7:3: \\u0000 in a string");
	assert_string_equal(refusal("{} {}"),
	    "t.jsonl:7:4: more after the value");
	/* UTF-8 is checked where it may stand, in strings, at the bad
	 * byte: a cut sequence, one after an escape, a surrogate encoded */
	assert_string_equal(refusal("[\"\xC3\x28\"]"),
	    "t.jsonl:7:3: not UTF-8");
	assert_string_equal(refusal("[\"客\\n\xE5\xAE\"]"),
	    "t.jsonl:7:6: not UTF-8");
	assert_string_equal(refusal("{\"a\xED\xA0\x80\": 1}"),
	    "t.jsonl:7:4: not UTF-8");
	/* anywhere else a byte above ASCII is not JSON, valid or not */
	assert_string_equal(refusal("[客]"), "t.jsonl:7:2: expected a value");
	assert_string_equal(refusal("{\"a\": 1\xFF}"),
	    "t.jsonl:7:8: expected ',' or '}'");
	assert_string_equal(refusal("[1, 2"),
	    "t.jsonl:7:6: expected ',' or ']'");
}

static void
bounds_depth(void **state)
{
	char deep[200];

	(void)state;
	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	assert_non_null(strstr(refusal(deep), "nested too deep"));
}

/* A file of lines: blank lines skipped, each record handed on, a bad one
 * named by its line. */
static int
count(struct svc_ynode *item, void *arg)
{
	svc_yaml_free(item);	/* each record is the taker's */
	++*(int *)arg;
	return 0;
}

static void
reads_each_line(void **state)
{
	struct svc_err e = { 0 };
	FILE *f;
	int n = 0;

	(void)state;
	f = tmpfile();
	fputs("{\"a\": 1}\n\n{\"a\": 2}\n{\"a\": 3,}\n{\"a\": 4}\n", f);
	rewind(f);
	assert_int_equal(svc_jsonl_each(f, "t.jsonl", NULL, count, &n, &e),
	    SVC_EX_DATA);
	assert_int_equal(n, 2);
	assert_string_equal(e.msg, "t.jsonl:4:9: expected a key in quotes");
	fclose(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builds_the_tree_yaml_builds),
		cmocka_unit_test(decodes_escapes),
		cmocka_unit_test(leaves_unread_values_unbuilt),
		cmocka_unit_test(refuses_what_is_not_json),
		cmocka_unit_test(bounds_depth),
		cmocka_unit_test(reads_each_line),
	};

	return cmocka_run_group_tests_name("jsonl", tests, NULL, NULL);
}

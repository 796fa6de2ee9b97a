/* test_known.c - every filter value is checked against what exists. */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static void
edit_distance_counts_edits(void **state)
{
	(void)state;
	assert_int_equal(svc_edit_distance("civl", "civil"), 1);
	assert_int_equal(svc_edit_distance("wnag", "wang"), 2);
	assert_int_equal(svc_edit_distance("", "abc"), 3);
	assert_int_equal(svc_edit_distance("same", "same"), 0);
}

/* A typo'd --dept is a usage error naming the nearest department. */
static void
unknown_dept_names_the_nearest(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_known(db, &conf, SVC_K_DEPT, "--dept", "civil",
	    &e), 0);
	assert_int_equal(svc_known(db, &conf, SVC_K_DEPT, "--dept", "civl",
	    &e), SVC_EX_USAGE);
	assert_string_equal(e.msg, "--dept civl: no such department (did you "
	    "mean civil?)");
	svc_clearerr(&e);
	assert_int_equal(svc_known(db, &conf, SVC_K_DEPT, "--dept", "zzzzzz",
	    &e), SVC_EX_USAGE);
	assert_string_equal(e.msg, "--dept zzzzzz: no such department "
	    "(known: civil)");
}

/* A login given as an argument names a record: 66. */
static void
unknown_login_is_no_such_record(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_known(db, &conf, SVC_K_LOGIN, NULL, "wang", &e),
	    0);
	assert_int_equal(svc_known(db, &conf, SVC_K_WORKER, NULL, "wnag", &e),
	    SVC_EX_NOINPUT);
	assert_string_equal(e.msg, "wnag: no such worker (did you mean "
	    "wang?)");
	svc_clearerr(&e);
	/* zhou is staff but not a worker */
	assert_int_equal(svc_known(db, &conf, SVC_K_WORKER, NULL, "zhou", &e),
	    SVC_EX_NOINPUT);
}

/* Lists are checked item by item; fixed lists and the catalogue too. */
static void
every_kind_of_value_is_checked(void **state)
{
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_known(db, &conf, SVC_K_STATUS, "--status",
	    "new,accepted", &e), 0);
	assert_int_equal(svc_known(db, &conf, SVC_K_STATUS, "--status",
	    "new,acepted", &e), SVC_EX_USAGE);
	assert_non_null(strstr(e.msg, "acepted: no such status (did you mean "
	    "accepted?)"));
	svc_clearerr(&e);
	assert_int_equal(svc_known(db, &conf, SVC_K_KIND, "--kind", "gov", &e),
	    0);
	assert_int_equal(svc_known(db, &conf, SVC_K_KIND, "--kind", "nope",
	    &e), SVC_EX_USAGE);
	svc_clearerr(&e);
	assert_int_equal(svc_known(db, &conf, SVC_K_ROLE, "--role", "worker",
	    &e), 0);
	assert_int_equal(svc_known(db, &conf, SVC_K_ROLE, "--role", "wroker",
	    &e), SVC_EX_USAGE);
	svc_clearerr(&e);
	assert_int_equal(svc_known(db, &conf, SVC_K_METHOD, "--method", "cash",
	    &e), 0);
	assert_int_equal(svc_known(db, &conf, SVC_K_SERVICE, "--service",
	    "gov-pension", &e), 0);
	assert_int_equal(svc_known(db, &conf, SVC_K_SERVICE, "--service",
	    "gov-pensoin", &e), SVC_EX_USAGE);
	svc_clearerr(&e);
	assert_int_equal(svc_known(db, &conf, SVC_K_DEPT, "--dept", NULL, &e),
	    0);
}

static void
quiet(const char *kind, const char *key, void *ctx)
{
	(void)kind, (void)key, (void)ctx;
}

static int
setup(void **state)
{
	static const char roster[] =
	    "departments:\n"
	    "  - {code: civil, name: 民政, kind: gov, phone: 010-1}\n"
	    "staff:\n"
	    "  - {login: wang, name: 王, dept: civil, roles: [worker]}\n"
	    "  - {login: zhou, name: 周, dept: civil, roles: [dispatcher]}\n";
	struct svc_err e = { 0 };
	struct svc_ynode *r;

	(void)state;
	unit_fixture(&conf, &db);
	r = svc_yaml_load_string("r.yaml", roster, &e);
	if (r == NULL || svc_staff_import(db, r, "r.yaml", quiet, NULL, &e))
		fail_msg("%s", e.msg);
	svc_yaml_free(r);
	return 0;
}

/* The one "did you mean" rule: the nearest, and only a likely typo. */
static void
near_guesses_only_a_typo(void **state)
{
	static const char *const verbs[] = { "list", "show", "accept", NULL };
	struct svc_near n = { "lst", NULL, 0 };
	const char *const *v;

	(void)state;
	assert_null(svc_near_guess(&n));	/* nothing offered */
	for (v = verbs; *v; v++)
		svc_near_offer(&n, *v);
	assert_string_equal(svc_near_guess(&n), "list");
	n = (struct svc_near){ "frobnicate", NULL, 0 };
	for (v = verbs; *v; v++)
		svc_near_offer(&n, *v);
	assert_null(svc_near_guess(&n));
	n = (struct svc_near){ "acept", NULL, 0 };
	for (v = verbs; *v; v++)
		svc_near_offer(&n, *v);
	assert_string_equal(svc_near_guess(&n), "accept");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edit_distance_counts_edits),
		cmocka_unit_test(near_guesses_only_a_typo),
		cmocka_unit_test(unknown_dept_names_the_nearest),
		cmocka_unit_test(unknown_login_is_no_such_record),
		cmocka_unit_test(every_kind_of_value_is_checked),
	};

	return cmocka_run_group_tests_name("known", tests, setup,
	    unit_teardown);
}

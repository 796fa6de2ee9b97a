/* test_acting.c - who is acting and the roles table (G4, issue 15). */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

static int
setup(void **state)
{
	(void)state;
	setenv("SVC_USER", "zhou", 1);
	unit_fixture(&conf, &db);
	return 0;
}

/* Every role the table names is a role staff can hold. */
static void
table_names_known_roles(void **state)
{
	const struct svc_right *r;
	const char *p;
	size_t n;
	int i, known;

	(void)state;
	for (r = svc_rights; r->command; r++) {
		assert_non_null(r->what);
		if (r->roles == NULL)
			continue;
		for (p = r->roles; *p; p += n + (p[n] == ' ')) {
			n = strcspn(p, " ");
			for (known = 0, i = 0; i < SVC_NROLES; i++)
				known |= strlen(svc_roles[i]) == n &&
				    strncmp(svc_roles[i], p, n) == 0;
			if (!known)
				fail_msg("%s %s: unknown role %.*s", r->command,
				    r->verb, (int)n, p);
		}
	}
}

static void
right_allows_by_held_roles(void **state)
{
	const struct svc_right *r = svc_right_find("svc-order", "new");

	(void)state;
	assert_non_null(r);
	assert_true(svc_right_allows(r, "dispatcher"));
	assert_true(svc_right_allows(r, "admin,reception"));
	assert_false(svc_right_allows(r, "worker"));
	/* a word is a whole role, never a prefix of one */
	assert_false(svc_right_allows(r, "dispatch,receptionist"));
	assert_false(svc_right_allows(r, ""));
	assert_null(svc_right_find("svc-order", "list"));
	assert_false(svc_right_allows(svc_right_find("svc-db", "init"),
	    "admin"));
}

/* No admin: only the staff verbs that may create one get through. */
static void
bootstrap_then_roles(void **state)
{
	struct svc_staff zhou = { "zhou", "周主任", NULL, NULL, NULL,
	    "admin,dispatcher" };
	struct svc_staff li = { "li", "李娜", NULL, NULL, NULL, "worker" };
	struct svc_err e = { 0 };
	int boot;

	(void)state;
	assert_int_equal(svc_may_write(db, "svc-order", "new", &boot, &e),
	    SVC_EX_NOPERM);
	assert_string_equal(e.msg, "new: zhou is not active staff");
	assert_int_equal(svc_may_write(db, "svc-staff", "add", &boot, &e), 0);
	assert_int_equal(boot, SVC_ADMINS_FIRST);
	assert_int_equal(svc_admins_hold(db, boot, &e), SVC_EX_NOPERM);
	assert_int_equal(svc_staff_add(db, &zhou, &e), 0);
	assert_int_equal(svc_staff_add(db, &li, &e), 0);
	assert_int_equal(svc_admins_hold(db, boot, &e), 0);
	assert_int_equal(svc_may_write(db, "svc-staff", "add", &boot, &e), 0);
	assert_int_equal(boot, SVC_ADMINS_KEEP);
	assert_int_equal(svc_staff_set_active(db, "zhou", 0, &e), 0);
	assert_int_equal(svc_admins_hold(db, boot, &e), SVC_EX_NOPERM);
	assert_string_equal(e.msg, "no active admin would remain: make "
	    "another admin first");
	assert_int_equal(svc_staff_set_active(db, "zhou", 1, &e), 0);
	setenv("SVC_USER", "li", 1);
	assert_int_equal(svc_may_write(db, "svc-order", "new", &boot, &e),
	    SVC_EX_NOPERM);
	assert_string_equal(e.msg, "new: li is not reception or dispatcher");
	assert_int_equal(svc_may_write(db, "svc-visit", "arrive", &boot, &e),
	    0);
	assert_int_equal(svc_may_write(db, "svc-order", "list", &boot, &e),
	    SVC_EX_SOFTWARE);
	setenv("SVC_USER", "zhou", 1);
}

/* Root stands in for anyone: entered_by is the real login. */
static void
acting_for_another_is_recorded(void **state)
{
	(void)state;
	setenv("SVC_USER", "li", 1);
	assert_string_equal(svc_actor(), "li");
	if (getuid() == 0)
		assert_string_equal(svc_entered_by(), "root");
	setenv("SVC_USER", svc_login(), 1);
	assert_string_equal(svc_actor(), svc_login());
	assert_null(svc_entered_by());
	unsetenv("SVC_USER");
	assert_null(svc_entered_by());
	setenv("SVC_USER", "zhou", 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_names_known_roles),
		cmocka_unit_test(right_allows_by_held_roles),
		cmocka_unit_test(bootstrap_then_roles),
		cmocka_unit_test(acting_for_another_is_recorded),
	};

	return cmocka_run_group_tests_name("acting", tests, setup,
	    unit_teardown);
}

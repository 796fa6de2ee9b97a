/* test_event.c - the append-only history: who did what when (G4). */
#include "unit.h"

static void
actor_is_svc_user_else_login(void **state)
{
	(void)state;
	setenv("SVC_USER", "qian", 1);
	assert_string_equal(svc_actor(), "qian");
	unsetenv("SVC_USER");
	assert_true(strlen(svc_actor()) > 0);
	assert_string_not_equal(svc_actor(), "qian");
}

static void
event_row_has_time_actor_kind_details(void **state)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct svc_db *db;

	(void)state;
	db = unit_db();
	setenv("SVC_USER", "li", 1);
	svc_clock_set(1796090400);
	assert_int_equal(svc_event_add(db, 0, "staff:wang", "staff.disable",
	    NULL, &e), 0);
	assert_int_equal(svc_history_query(db, "staff:wang", &st, &e), 0);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int64(st, 0), 1796090400);
	assert_string_equal(svc_col_text(st, 1), "li");
	assert_string_equal(svc_col_text(st, 2), "staff.disable");
	assert_string_equal(svc_col_text(st, 3), "{}");
	assert_int_equal(svc_step(st), SVC_DONE);
	svc_finalize(st);
	svc_db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(actor_is_svc_user_else_login),
		cmocka_unit_test(event_row_has_time_actor_kind_details),
	};

	return cmocka_run_group_tests_name("event", tests, NULL, NULL);
}

/* test_staff.c - departments (G3), staff, roles and badges (A2, C2). */
#include "unit.h"

static struct svc_db *db;

static int
setup(void **state)
{
	struct svc_err e = { 0 };
	struct svc_dept d = { "civil", "民政窗口", "gov", "010-6512 3401" };

	(void)state;
	setenv("SVC_USER", "zhou", 1);
	svc_clock_set(1796090400);
	db = unit_db();
	if (svc_dept_add(db, &d, &e) != 0)
		fail_msg("%s", e.msg);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	svc_db_close(db);
	return 0;
}

static const char *
one(const char *sql, const char *arg)
{
	static char buf[256];
	struct svc_stmt *st;

	buf[0] = '\0';
	st = unit_prepare(db, sql);
	svc_bind_text(st, 1, arg);
	if (svc_step(st) == SVC_ROW && svc_col_text(st, 0))
		snprintf(buf, sizeof buf, "%s", svc_col_text(st, 0));
	svc_finalize(st);
	return buf;
}

static void
roles_are_normalized(void **state)
{
	struct svc_err e = { 0 };
	char out[80];

	(void)state;
	assert_int_equal(svc_roles_normalize("worker, finance,worker", out,
	    sizeof out, &e), 0);
	assert_string_equal(out, "finance,worker");
	assert_int_equal(svc_roles_normalize("", out, sizeof out, &e), 0);
	assert_string_equal(out, "");
	assert_int_equal(svc_roles_normalize("work", out, sizeof out, &e),
	    SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "work: unknown role"));
}

static void
logins(void **state)
{
	(void)state;
	assert_true(svc_login_valid("wang"));
	assert_true(svc_login_valid("li.na-2"));
	assert_false(svc_login_valid("Wang"));
	assert_false(svc_login_valid("2wang"));
	assert_false(svc_login_valid("wang li"));
	assert_false(svc_login_valid(""));
	assert_false(svc_login_valid("王"));
}

static void
add_then_edit_with_events(void **state)
{
	struct svc_staff s = { "wang", "王师傅", "civil", "13800000005",
		"P-011", "worker" };
	struct svc_staff ed = { "wang", NULL, NULL, "", NULL,
		"worker,dispatcher" };
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_staff_add(db, &s, &e), 0);
	assert_string_equal(one("SELECT roles FROM v_staff WHERE login = ?1",
	    "wang"), "worker");
	assert_int_equal(svc_staff_add(db, &s, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "already"));
	assert_int_equal(svc_staff_edit(db, &ed, &e), 0);
	assert_string_equal(one("SELECT roles FROM v_staff WHERE login = ?1",
	    "wang"), "dispatcher,worker");
	/* An empty phone clears it; the name stays. */
	assert_string_equal(one("SELECT coalesce(phone, '-') || name FROM"
	    " v_staff WHERE login = ?1", "wang"), "-王师傅");
	assert_string_equal(one("SELECT group_concat(kind) FROM event WHERE"
	    " subject = ?1", "staff:wang"), "staff.add,staff.edit");
}

static void
refusals(void **state)
{
	struct svc_staff nodept = { "li", "李娜", "nowhere", NULL, NULL, NULL };
	struct svc_staff noname = { "li", NULL, NULL, NULL, NULL, NULL };
	struct svc_staff badge = { "li", "李娜", NULL, NULL, "P-011", NULL };
	struct svc_staff phone = { "li", "李娜", NULL, "call me", NULL, NULL };
	struct svc_staff ghost = { "ghost", "x", NULL, NULL, NULL, NULL };
	struct svc_dept dup = { "civil", "x", "gov", NULL };
	struct svc_dept kind = { "x", "x", "plumbing", NULL };
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_staff_add(db, &nodept, &e), SVC_EX_NOINPUT);
	assert_int_equal(svc_staff_add(db, &noname, &e), SVC_EX_DATA);
	assert_int_equal(svc_staff_add(db, &badge, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "wang's"));
	assert_int_equal(svc_staff_add(db, &phone, &e), SVC_EX_DATA);
	assert_int_equal(svc_staff_edit(db, &ghost, &e), SVC_EX_NOINPUT);
	assert_int_equal(svc_dept_add(db, &dup, &e), SVC_EX_DATA);
	assert_int_equal(svc_dept_add(db, &kind, &e), SVC_EX_DATA);
	assert_string_equal(one("SELECT count(*) FROM staff WHERE login = ?1",
	    "li"), "0");
}

/* A disabled person stays, with history; nobody can be deleted. */
static void
disable_keeps_the_person(void **state)
{
	struct svc_staff_filter active = { NULL, NULL, NULL, 0 };
	struct svc_staff_filter all = { NULL, NULL, NULL, 1 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int n;

	(void)state;
	assert_int_equal(svc_staff_set_active(db, "wang", 0, &e), 0);
	assert_int_equal(svc_staff_set_active(db, "wang", 0, &e), 0);
	assert_string_equal(one("SELECT count(*) FROM event WHERE subject = ?1"
	    " AND kind = 'staff.disable'", "staff:wang"), "1");
	assert_int_equal(svc_staff_query(db, &active, &st, &e), 0);
	for (n = 0; svc_step(st) == SVC_ROW; n++)
		;
	svc_finalize(st);
	assert_int_equal(n, 0);
	assert_int_equal(svc_staff_query(db, &all, &st, &e), 0);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 6), 0);
	svc_finalize(st);
	assert_int_not_equal(unit_exec(db, "DELETE FROM staff"), 0);
	assert_int_equal(svc_staff_set_active(db, "nobody", 0, &e),
	    SVC_EX_NOINPUT);
}

static int nchanged;

static void
changed(const char *kind, const char *key, void *ctx)
{
	(void)kind;
	(void)key;
	(void)ctx;
	nchanged++;
}

static void
import_roster(void **state)
{
	static const char good[] =
	    "departments:\n"
	    "  - {code: clean, name: 保洁部, kind: cleaning, phone: 010-1}\n"
	    "staff:\n"
	    "  - {login: sun, name: 孙, dept: clean, roles: [worker]}\n"
	    "  - {login: wang, name: 王师傅, active: true, roles: worker}\n";
	static const char bad[] =
	    "staff:\n"
	    "  - {login: qian, name: 钱, roles: [finance]}\n"
	    "  - {login: zhao, name: 赵, dept: nowhere}\n";
	struct svc_err e = { 0 };
	struct svc_ynode *r;

	(void)state;
	r = svc_yaml_load_string("r.yaml", good, &e);
	assert_non_null(r);
	assert_int_equal(svc_staff_import(db, r, "r.yaml", changed, NULL, &e),
	    0);
	svc_yaml_free(r);
	assert_int_equal(nchanged, 3);
	assert_string_equal(one("SELECT active FROM staff WHERE login = ?1",
	    "wang"), "1");
	assert_string_equal(one("SELECT dept FROM v_staff WHERE login = ?1",
	    "sun"), "clean");
	r = svc_yaml_load_string("r.yaml", bad, &e);
	assert_int_equal(svc_staff_import(db, r, "r.yaml", changed, NULL, &e),
	    SVC_EX_NOINPUT);
	assert_string_equal(e.msg, "r.yaml:3:5: nowhere: no such department");
	svc_yaml_free(r);
	r = svc_yaml_load_string("r.yaml", "staff: [{login: x, nmae: y}]\n", &e);
	assert_int_equal(svc_staff_import(db, r, "r.yaml", changed, NULL, &e),
	    SVC_EX_DATA);
	assert_string_equal(e.msg, "r.yaml:1:20: unknown key 'nmae'");
	svc_yaml_free(r);
}

/* Issue 18: a shift's windows, in order, at most four. */
static void
hours_parse(void **state)
{
	struct svc_window w[4];
	struct svc_err e = { 0 };
	int n;

	(void)state;
	assert_int_equal(svc_hours_parse("08:00-12:00,14:00-20:00", w, &n, &e),
	    0);
	assert_int_equal(n, 2);
	assert_int_equal(w[1].start, 14 * 60);
	assert_int_equal(w[1].end, 20 * 60);
	assert_int_equal(svc_hours_parse("", w, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(svc_hours_parse("12:00-08:00", w, &n, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_hours_parse("08:00-12:00,11:00-13:00", w, &n, &e),
	    SVC_EX_DATA);
	assert_int_equal(svc_hours_parse("1:00-2:00,3:00-4:00,5:00-6:00,"
	    "7:00-8:00,9:00-10:00", w, &n, &e), SVC_EX_DATA);
	assert_int_equal(svc_hours_parse("08:00", w, &n, &e), SVC_EX_DATA);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roles_are_normalized),
		cmocka_unit_test(logins),
		cmocka_unit_test(add_then_edit_with_events),
		cmocka_unit_test(refusals),
		cmocka_unit_test(disable_keeps_the_person),
		cmocka_unit_test(import_roster),
		cmocka_unit_test(hours_parse),
	};

	return cmocka_run_group_tests_name("staff", tests, setup, teardown);
}

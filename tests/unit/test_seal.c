/*
 * test_seal.c - the sealed log (G4): the documented encoding, reproduced
 * here with Python's hashlib, and the chain svc-db verify walks.
 */
#include "unit.h"

static struct svc_conf conf;
static struct svc_db *db;

/* The first column of a query's first row on this file's database. */
static const char *
one(const char *sql)
{
	return unit_one(db, sql);
}

/*
 * hashlib.sha256(b"i1:1,n" b"i1:5,t4:zhou,t9:order.new,t2:{},"), then the
 * same chained after it: an auditor's few lines agree with svc.
 */
static void
encoding_is_the_documented_one(void **state)
{
	char five[65];

	(void)state;
	assert_string_equal(one("SELECT svc_seal(NULL, 1, NULL, 5, 'zhou',"
	    " 'order.new', '{}')"),
	    "6d705337a78626354a2f9f1b3593f64824c0fb1a01796d08c656648bc865fd94");
	assert_string_equal(one("SELECT svc_seal('6d705337a78626354a2f9f1b359"
	    "3f64824c0fb1a01796d08c656648bc865fd94', 2, NULL, 6, 'zhou',"
	    " 'order.new', '{}')"),
	    "3c9f4a7d724aa7c1a18cb70c429b07dacd5d4b05ffb2ed2efeb5639ed9b2a0d7");
	/* hashlib.sha256(b"i2:-5,"): a negative integer in decimal */
	assert_string_equal(one("SELECT svc_seal(NULL, -5)"),
	    "115b2bf1a6f8e3dd3f41be906fa681e3ceab7e41932e026c1e4a26a753583600");
	/* the type is part of the value: 5 and '5' differ */
	snprintf(five, sizeof five, "%s", one("SELECT svc_seal(NULL, 5)"));
	assert_string_not_equal(five, one("SELECT svc_seal(NULL, '5')"));
}

/* An event's later columns are sealed only when one is there (seal.c). */
static void
later_columns_only_when_there(void **state)
{
	const struct svc_sealed *s;
	struct svc_value v[8] = { { 0 } };
	const char *c;
	int i, n;

	(void)state;
	assert_string_equal(svc_sealed[0].table, "event");
	for (i = 0; i < 8; i++)
		v[i].type = i < 6 ? SVC_T_INT : SVC_T_NULL;
	assert_int_equal(svc_sealed_count(&svc_sealed[0], v, 8), 6);
	v[7].type = SVC_T_INT;		/* entered_at alone */
	assert_int_equal(svc_sealed_count(&svc_sealed[0], v, 8), 8);
	/* a table without later columns seals what it has */
	assert_string_equal(svc_sealed[1].table, "payment");
	assert_int_equal(svc_sealed_count(&svc_sealed[1], v, 8), 8);
	/* each table's count of columns is its list's */
	for (s = svc_sealed; s->table; s++) {
		for (n = 1, c = s->columns; *c; c++)
			n += *c == ',';
		assert_int_equal(s->ncolumns, n);
	}
}

/* Events written through svc verify; one changed behind its back not. */
static void
chain_follows_until_edited(void **state)
{
	struct svc_err e = { 0 };
	FILE *out = tmpfile();
	char line[200] = "";

	(void)state;
	svc_clock_set(unit_at("2026-11-26 09:00"));
	assert_int_equal(svc_db_begin(db, &e), 0);
	assert_int_equal(svc_event_add(db, 0, "x", "test.a", NULL, &e), 0);
	assert_int_equal(svc_event_add(db, 0, "x", "test.b", NULL, &e), 0);
	assert_int_equal(svc_event_add(db, 0, "x", "test.c", NULL, &e), 0);
	assert_int_equal(svc_db_commit(db, &e), 0);
	assert_int_equal(svc_seal_verify(db, out, &e), 0);
	assert_int_equal(svc_db_exec(db, "DROP TRIGGER event_no_update;"
	    " UPDATE event SET actor = 'mallory' WHERE kind = 'test.b'", &e), 0);
	assert_int_equal(svc_seal_verify(db, out, &e), 1);
	rewind(out);
	assert_non_null(fgets(line, sizeof line, out));
	assert_non_null(strstr(line, "seal\tevent\t"));
	fclose(out);
}

/*
 * Migration 14's columns: a row that has entered_by alone (acting for
 * another, on the real clock) seals it; a row with neither hashes as
 * before they existed.  Both follow.
 */
static void
acting_for_verifies(void **state)
{
	struct svc_err e = { 0 };
	FILE *out = tmpfile();
	char path[80];
	struct svc_db *mine;

	(void)state;
	snprintf(path, sizeof path, "%s/acting.db", unit_dir);
	if (svc_db_open(path, SVC_DB_RW | SVC_DB_INIT, &mine, &e) != 0)
		fail_msg("%s", e.msg);
	svc_clock_set(unit_at("2026-11-26 09:00"));
	assert_int_equal(svc_db_begin(mine, &e), 0);
	setenv("SVC_USER", "someone-else", 1);
	assert_int_equal(svc_event_add(mine, 0, "y", "test.for", NULL, &e), 0);
	unsetenv("SVC_USER");
	assert_int_equal(svc_event_add(mine, 0, "y", "test.self", NULL, &e),
	    0);
	assert_int_equal(svc_db_commit(mine, &e), 0);
	if (getuid() == 0)
		assert_string_equal(unit_one(mine, "SELECT entered_by || ','"
		    " || (entered_at IS NULL) FROM event WHERE kind ="
		    " 'test.for'"), "root,1");
	assert_int_equal(svc_seal_verify(mine, out, &e), 0);
	svc_db_close(mine);
	fclose(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(encoding_is_the_documented_one),
		cmocka_unit_test(later_columns_only_when_there),
		cmocka_unit_test(chain_follows_until_edited),
		cmocka_unit_test(acting_for_verifies),
	};

	unit_fixture(&conf, &db);
	return cmocka_run_group_tests_name("seal", tests, NULL,
	    unit_teardown);
}

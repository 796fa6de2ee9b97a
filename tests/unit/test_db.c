/* test_db.c - the database: schema, transactions, check, backup (G4). */
#include <sys/stat.h>

#include <sqlite3.h>	/* old files are made as an older svc made them */

#include "unit.h"

static char dir[] = "/tmp/svc-test-dbXXXXXX";
static char path[64];

static int
setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof path, "%s/t.db", dir);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd);
}

static int
count(struct svc_db *db, const char *sql)
{
	struct svc_stmt *st;
	int n = -1;

	st = unit_prepare(db, sql);
	if (svc_step(st) == SVC_ROW)
		n = svc_col_int(st, 0);
	svc_finalize(st);
	return n;
}

static void
creates_schema_in_wal_mode(void **state)
{
	struct svc_err e = { 0 };
	struct svc_db *db;
	int v;

	(void)state;
	assert_int_equal(svc_db_open(path, SVC_DB_RW | SVC_DB_INIT, &db, &e), 0);
	assert_int_equal(svc_db_version(db, &v, &e), 0);
	assert_int_equal(v, svc_db_schema_version());
	assert_int_equal(count(db, "SELECT count(*) FROM pragma_journal_mode"
	    " WHERE journal_mode = 'wal'"), 1);
	assert_int_equal(count(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_master WHERE"
	    " name IN ('v_staff', 'v_dept', 'v_event')"), 3);
	svc_db_close(db);
}

/*
 * A database made by an older svc is migrated, one step at a time, only by
 * svc-db init (SVC_DB_INIT); any other open refuses it untouched, and
 * svc-db check (SVC_DB_ANY) reads it as it is.
 */
static void
migrates_an_older_database(void **state)
{
	extern const char *const svc_migrations[];
	struct svc_err e = { 0 };
	char old[80];
	struct svc_db *db;
	sqlite3 *raw;
	int v;

	(void)state;
	snprintf(old, sizeof old, "%s/old.db", dir);
	assert_int_equal(sqlite3_open(old, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, svc_migrations[0], NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_exec(raw, "PRAGMA user_version = 1;"
	    " INSERT INTO dept (code, name, kind, created_at)"
	    " VALUES ('civil', 'x', 'gov', 0)", NULL, NULL, NULL);
	sqlite3_close(raw);
	assert_int_equal(svc_db_open(old, SVC_DB_RW, &db, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "schema 1, this svc wants"));
	assert_non_null(strstr(e.msg, "run svc-db init"));
	assert_int_equal(svc_db_open(old, SVC_DB_RO, &db, &e), SVC_EX_DATA);
	assert_int_equal(svc_db_open(old, SVC_DB_RO | SVC_DB_ANY, &db, &e), 0);
	assert_int_equal(svc_db_version(db, &v, &e), 0);
	assert_int_equal(v, 1);
	svc_db_close(db);
	assert_int_equal(svc_db_open(old, SVC_DB_RW | SVC_DB_INIT, &db, &e),
	    0);
	assert_int_equal(svc_db_version(db, &v, &e), 0);
	assert_int_equal(v, svc_db_schema_version());
	assert_true(v >= 2);
	assert_int_equal(count(db, "SELECT count(*) FROM dept"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM orders"), 0);
	svc_db_close(db);
}

/*
 * Migration 10 rebuilds move so that a provider's cancellation can be a
 * move to no new time (G9): every row of schema 9 is kept as it was; and
 * 12 seals the events already there.
 */
static void
migration_10_keeps_every_move(void **state)
{
	extern const char *const svc_migrations[];
	static const char row[] = "SELECT id || '|' || order_id || '|' || at"
	    " || '|' || old_at || '|' || new_at || '|' || by || '|' ||"
	    " notified_at || '|' || notice || '|' || short || '|' || reason"
	    " || '|' || actor FROM move";
	struct svc_err e = { 0 };
	char old[80], before[200];
	struct svc_stmt *st;
	sqlite3_stmt *rawst;
	struct svc_db *db;
	sqlite3 *raw;
	int i;

	(void)state;
	snprintf(old, sizeof old, "%s/nine.db", dir);
	assert_int_equal(sqlite3_open(old, &raw), SQLITE_OK);
	for (i = 0; i < 9; i++)
		assert_int_equal(sqlite3_exec(raw, svc_migrations[i], NULL, NULL,
		    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "PRAGMA user_version = 9;"
	    " INSERT INTO customer (id, phone, name, created_at)"
	    " VALUES (1, '1', 'a', 0);"
	    " INSERT INTO orders (id, kind, customer_id, address, channel, grp,"
	    " created_at, reply_due) VALUES (3, 'gov', 1, 'a', 'phone', NULL,"
	    " 0, 0);"
	    " INSERT INTO event (order_id, subject, at, actor, kind, details)"
	    " VALUES (3, NULL, 1, 'zhou', 'order.new', '{}'),"
	    " (3, NULL, 2, 'zhou', 'order.accept', '{\"at\":1}');"
	    " INSERT INTO move VALUES (7, 3, 100, 200, 300, 'provider', 90,"
	    " 110, 1, '车坏了', 'zhou')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_prepare_v2(raw, row, -1, &rawst, NULL);
	assert_int_equal(sqlite3_step(rawst), SQLITE_ROW);
	snprintf(before, sizeof before, "%s", sqlite3_column_text(rawst, 0));
	sqlite3_finalize(rawst);
	sqlite3_close(raw);
	if (svc_db_open(old, SVC_DB_RW | SVC_DB_INIT, &db, &e) != 0)
		fail_msg("%s", e.msg);
	st = unit_prepare(db, row);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_string_equal(svc_col_text(st, 0), before);
	svc_finalize(st);
	assert_int_equal(svc_db_exec(db, "INSERT INTO move (order_id, at,"
	    " old_at, new_at, by, notified_at, notice, short, reason, actor)"
	    " VALUES (3, 1, 2, NULL, 'provider', 1, 1, 1, 'x', 'zhou')", &e), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM v_move WHERE new_at"
	    " IS NULL"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_master WHERE"
	    " name IN ('move_order', 'move_short')"), 2);
	/* migration 12 sealed the events already there, in order */
	assert_int_equal(count(db, "SELECT count(*) FROM event WHERE"
	    " length(hash) = 64"), 2);
	assert_int_equal(svc_seal_verify(db, stderr, &e), 0);
	svc_db_close(db);
}

/* Temporary B-trees a statement's program builds. */
static int
ephemerals(struct svc_db *db, const char *sql)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	char explain[300];
	int n = 0;

	snprintf(explain, sizeof explain, "EXPLAIN %s", sql);
	if (svc_db_prepare(db, explain, &st, &e) != 0)
		return -1;
	while (svc_step(st) == SVC_ROW)
		n += strcmp(svc_col_text(st, 1),
		    "OpenEphemeral") == 0;
	svc_finalize(st);
	return n;
}

/* A migration that cannot run says which, and why, once; nothing changes. */
static void
failed_migration_says_why(void **state)
{
	struct svc_err e = { 0 };
	char bad[80];
	const char *p;
	struct svc_db *db;
	sqlite3 *raw;

	(void)state;
	snprintf(bad, sizeof bad, "%s/bad.db", dir);
	assert_int_equal(svc_db_open(bad, SVC_DB_RW | SVC_DB_INIT, &db, &e), 0);
	svc_db_close(db);
	assert_int_equal(sqlite3_open(bad, &raw), SQLITE_OK);
	sqlite3_exec(raw, "PRAGMA user_version = 8", NULL, NULL, NULL);
	sqlite3_close(raw);
	assert_int_not_equal(svc_db_open(bad, SVC_DB_RW | SVC_DB_INIT, &db, &e), 0);
	p = strstr(e.msg, "bad.db: cannot migrate to schema 9: ");
	if (p == NULL || strstr(p + 8, "cannot migrate") != p + 8 ||
	    strstr(p + 9, "cannot migrate") != NULL ||
	    strstr(e.msg, "v_balance already exists") == NULL)
		fail_msg("%s", e.msg);
	assert_int_equal(svc_db_open(bad, SVC_DB_RO | SVC_DB_ANY, &db, &e), 0);
	assert_int_equal(count(db, "PRAGMA user_version"), 8);
	svc_db_close(db);
}

static int
fails(struct svc_db *db, const char *sql)
{
	return unit_exec(db, sql) == SVC_EX_DATA;	/* a constraint */
}

/*
 * Migration 8 rewrote the orders CHECK lists as comparisons: an insert
 * builds no temporary B-tree, and the rules still refuse what they did.
 */
static void
orders_checks_are_comparisons(void **state)
{
	static const char ins[] = "INSERT INTO orders (kind, customer_id,"
	    " address, channel, grp, created_at, reply_due) VALUES";
	struct svc_err e = { 0 };
	char sql[256], own[80];
	struct svc_db *db;

	(void)state;
	snprintf(own, sizeof own, "%s/checks.db", dir);
	assert_int_equal(svc_db_open(own, SVC_DB_RW | SVC_DB_INIT, &db, &e), 0);
	snprintf(sql, sizeof sql, "%s ('gov', 1, 'a', 'phone', NULL, 0, 0)",
	    ins);
	assert_int_equal(ephemerals(db, sql), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'orders' AND sql LIKE '% IN (''cleaning''%'"), 0);
	unit_exec(db, "INSERT INTO customer (id, phone, name, created_at)"
	    " VALUES (1, '1', 'a', 0)");
	snprintf(sql, sizeof sql, "%s ('fax', 1, 'a', 'phone', NULL, 0, 0)",
	    ins);
	assert_true(fails(db, sql));
	snprintf(sql, sizeof sql, "%s ('gov', 1, 'a', 'fax', NULL, 0, 0)",
	    ins);
	assert_true(fails(db, sql));
	snprintf(sql, sizeof sql, "%s ('gov', 1, 'a', 'window', 'young', 0,"
	    " 0)", ins);
	assert_true(fails(db, sql));
	snprintf(sql, sizeof sql, "%s ('repair', 1, 'a', 'online',"
	    " 'key-project', 0, 0)", ins);
	assert_int_equal(unit_exec(db, sql), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM orders"), 1);
	assert_int_equal(count(db, "SELECT count(*) FROM"
	    " pragma_integrity_check WHERE integrity_check = 'ok'"), 1);
	svc_db_close(db);
}

static void
read_only_cannot_write(void **state)
{
	struct svc_err e = { 0 };
	struct svc_db *db;

	(void)state;
	assert_int_equal(svc_db_open(path, SVC_DB_RO, &db, &e), 0);
	assert_int_equal(svc_db_begin(db, &e), 0);	/* BEGIN itself is fine */
	assert_int_equal(svc_event_add(db, 0, "x", "test", NULL, &e),
	    SVC_EX_IOERR);
	svc_db_rollback(db);
	svc_db_close(db);
}

/* Only svc-db init creates: a typo'd path is 66 and stays absent. */
static void
missing_file_is_not_created(void **state)
{
	static const int modes[] = { SVC_DB_RO, SVC_DB_RW,
		SVC_DB_RO | SVC_DB_ANY, SVC_DB_RW | SVC_DB_ANY };
	struct svc_err e = { 0 };
	char other[80];
	struct svc_db *db;
	struct stat st;
	size_t i;

	(void)state;
	snprintf(other, sizeof other, "%s/none.db", dir);
	for (i = 0; i < sizeof modes / sizeof modes[0]; i++) {
		assert_int_equal(svc_db_open(other, modes[i], &db, &e),
		    SVC_EX_NOINPUT);
		assert_non_null(strstr(e.msg, "none.db: no database "
		    "(svc-db init creates one)"));
		assert_int_equal(stat(other, &st), -1);
	}
}

/* A new database and its WAL are the owner's only, less the umask. */
static void
new_database_is_private(void **state)
{
	struct svc_err e = { 0 };
	char other[80], wal[90];
	struct stat st;
	struct svc_db *db;
	mode_t old = umask(022);

	(void)state;
	snprintf(other, sizeof other, "%s/private.db", dir);
	snprintf(wal, sizeof wal, "%s-wal", other);
	assert_int_equal(svc_db_open(other, SVC_DB_RW | SVC_DB_INIT, &db, &e),
	    0);
	assert_int_equal(svc_db_exec(db, "CREATE TABLE t (x)", &e), 0);
	assert_int_equal(stat(other, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(wal, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	svc_db_close(db);
	umask(old);
}

static void
newer_schema_is_refused(void **state)
{
	struct svc_err e = { 0 };
	char other[80];
	struct svc_db *db;
	sqlite3 *raw;

	(void)state;
	snprintf(other, sizeof other, "%s/new.db", dir);
	assert_int_equal(sqlite3_open(other, &raw), SQLITE_OK);
	sqlite3_exec(raw, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(raw);
	assert_int_equal(svc_db_open(other, SVC_DB_RW, &db, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "newer"));
	assert_null(db);
}

/* G4: nothing is ever deleted from the archive. */
static void
events_are_append_only(void **state)
{
	struct svc_err e = { 0 };
	struct svc_db *db;

	(void)state;
	setenv("SVC_USER", "zhou", 1);
	svc_clock_set(1796090400);
	assert_int_equal(svc_db_open(path, SVC_DB_RW, &db, &e), 0);
	assert_int_equal(svc_db_begin(db, &e), 0);
	assert_int_equal(svc_event_add(db, 42, NULL, "order.new",
	    "{\"a\":1}", &e), 0);
	assert_int_equal(svc_db_commit(db, &e), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM event WHERE"
	    " order_id = 42 AND actor = 'zhou' AND at = 1796090400"
	    " AND kind = 'order.new'"), 1);
	assert_int_not_equal(unit_exec(db, "DELETE FROM event"), 0);
	assert_int_not_equal(unit_exec(db, "UPDATE event SET actor = 'x'"), 0);
	/* Bad JSON details are refused by the schema. */
	assert_int_equal(svc_event_add(db, 42, NULL, "x", "{oops", &e),
	    SVC_EX_DATA);
	assert_int_equal(count(db, "SELECT count(*) FROM event"), 1);
	svc_db_close(db);
}

static void
rollback_leaves_nothing(void **state)
{
	struct svc_err e = { 0 };
	struct svc_db *db;
	int before;

	(void)state;
	assert_int_equal(svc_db_open(path, SVC_DB_RW, &db, &e), 0);
	before = count(db, "SELECT count(*) FROM event");
	assert_int_equal(svc_db_begin(db, &e), 0);
	assert_int_equal(svc_event_add(db, 1, NULL, "x", NULL, &e), 0);
	assert_int_equal(svc_db_savepoint(db, "SAVEPOINT item", &e), 0);
	assert_int_equal(svc_event_add(db, 2, NULL, "x", NULL, &e), 0);
	assert_int_equal(svc_db_savepoint(db, "ROLLBACK TO item", &e), 0);
	assert_int_equal(svc_db_savepoint(db, "RELEASE item", &e), 0);
	assert_int_equal(count(db, "SELECT count(*) FROM event"), before + 1);
	svc_db_rollback(db);
	assert_int_equal(count(db, "SELECT count(*) FROM event"), before);
	assert_int_equal(svc_db_savepoint(db, "DROP TABLE event", &e),
	    SVC_EX_SOFTWARE);
	svc_db_close(db);
}

/* A second writer waits; past the timeout it is told to retry (75). */
static void
busy_past_timeout_is_tempfail(void **state)
{
	struct svc_err e = { 0 };
	struct svc_db *a, *b;

	(void)state;
	setenv("SVC_BUSY_MS", "50", 1);
	assert_int_equal(svc_db_open(path, SVC_DB_RW, &a, &e), 0);
	assert_int_equal(svc_db_open(path, SVC_DB_RW, &b, &e), 0);
	assert_int_equal(svc_db_begin(a, &e), 0);
	assert_int_equal(svc_db_begin(b, &e), SVC_EX_TEMPFAIL);
	svc_db_rollback(a);
	assert_int_equal(svc_db_begin(b, &e), 0);
	svc_db_rollback(b);
	svc_db_close(a);
	svc_db_close(b);
	unsetenv("SVC_BUSY_MS");
}

static void
check_and_backup(void **state)
{
	struct svc_err e = { 0 };
	char copy[80];
	struct svc_db *db, *db2;
	FILE *out = tmpfile();

	(void)state;
	snprintf(copy, sizeof copy, "%s/copy.db", dir);
	assert_int_equal(svc_db_open(path, SVC_DB_RO, &db, &e), 0);
	assert_int_equal(svc_db_check(db, out, &e), 0);
	assert_int_equal(ftell(out), 0);
	assert_int_equal(svc_db_backup(db, copy, &e), 0);
	svc_db_close(db);
	assert_int_equal(svc_db_open(copy, SVC_DB_RO, &db2, &e), 0);
	assert_int_equal(count(db2, "SELECT count(*) FROM event"), 1);
	assert_int_equal(svc_db_check(db2, out, &e), 0);
	svc_db_close(db2);
	fclose(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(creates_schema_in_wal_mode),
		cmocka_unit_test(migrates_an_older_database),
		cmocka_unit_test(migration_10_keeps_every_move),
		cmocka_unit_test(orders_checks_are_comparisons),
		cmocka_unit_test(failed_migration_says_why),
		cmocka_unit_test(read_only_cannot_write),
		cmocka_unit_test(missing_file_is_not_created),
		cmocka_unit_test(new_database_is_private),
		cmocka_unit_test(newer_schema_is_refused),
		cmocka_unit_test(events_are_append_only),
		cmocka_unit_test(rollback_leaves_nothing),
		cmocka_unit_test(busy_past_timeout_is_tempfail),
		cmocka_unit_test(check_and_backup),
	};

	unit_tz();
	return cmocka_run_group_tests_name("db", tests, setup, teardown);
}

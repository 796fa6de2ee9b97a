/*
 * test_sql.c - the SQL layer keeps one contract on both engines (issue
 * 20): every case runs on SQLite, and again on PostgreSQL when
 * SVC_TEST_PG names a server to use (.ci/run starts one); without it the
 * PostgreSQL cases are skipped, and the summary of make check says so.
 */
#include <sys/wait.h>
#include <unistd.h>

#include "engine.h"
#include "unit.h"

/* The table of the cases, in each engine's own words. */
static const char *const table[] = {
	"CREATE TEMP TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT,"
	" b BLOB)",
	"CREATE TEMP TABLE t (id bigint PRIMARY KEY, n bigint, s text,"
	" b bytea)"
};

static struct svc_db *lite, *pg;

static int
setup(void **state)
{
	struct svc_err e = { 0 };
	const char *conninfo = getenv("SVC_TEST_PG");

	(void)state;
	unit_tz();	/* as clock.c sets it */
	lite = unit_db();
	if (svc_db_exec(lite, table[0], &e) != 0)
		return -1;
	if (conninfo == NULL || *conninfo == '\0')
		return 0;
	if (svc_pg_connect(conninfo, conninfo, &pg, &e) != 0 ||
	    svc_db_exec(pg, table[1], &e) != 0) {
		fprintf(stderr, "SVC_TEST_PG: %s\n", e.msg);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	svc_db_close(lite);
	svc_db_close(pg);
	return 0;
}

/* The engine of a case: SQLite, or PostgreSQL when there is one. */
static struct svc_db *
engine(void **state)
{
	if (*state == NULL)
		return lite;
	if (pg == NULL)
		skip();
	return pg;
}

static void
stmt_ok(struct svc_db *db, const char *sql, struct svc_stmt **st)
{
	struct svc_err e = { 0 };

	if (svc_db_prepare(db, sql, st, &e) != 0)
		fail_msg("%s: %s", sql, e.msg);
}

/* Bound values come back as they went in, each with its type. */
static void
binds_and_reads_every_type(void **state)
{
	static const char blob[] = { 'a', 0, 'b', (char)0xff };
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	const void *got;
	int64_t big = ((int64_t)1 << 40) + 1;

	assert_int_equal(svc_db_exec(db, "DELETE FROM t", &e), 0);
	stmt_ok(db, "INSERT INTO t (id, n, s, b) VALUES (?1, ?2, ?3, ?4)", &st);
	assert_int_equal(svc_bind_count(st), 4);
	svc_bind_int(st, 1, 7);
	svc_bind_int64(st, 2, big);
	svc_bind_text(st, 3, "上门服务 '?' \"x\"");
	svc_bind_blob(st, 4, blob, sizeof blob);
	assert_int_equal(svc_step(st), SVC_DONE);
	assert_int_equal(svc_db_changes(db), 1);
	svc_finalize(st);

	stmt_ok(db, "SELECT id, n, s, b, NULL AS none_here FROM t WHERE id = ?1"
	    " OR n = ?1", &st);
	assert_int_equal(svc_col_count(st), 5);
	assert_string_equal(svc_col_name(st, 4), "none_here");
	svc_bind_int(st, 1, 7);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_type(st, 0), SVC_T_INT);
	assert_int_equal(svc_col_int(st, 0), 7);
	assert_true(svc_col_int64(st, 1) == big);
	assert_int_equal(svc_col_type(st, 2), SVC_T_TEXT);
	assert_string_equal(svc_col_text(st, 2), "上门服务 '?' \"x\"");
	assert_int_equal(svc_col_type(st, 3), SVC_T_BLOB);
	assert_int_equal(svc_col_bytes(st, 3), sizeof blob);
	assert_memory_equal(svc_col_blob(st, 3), blob, sizeof blob);
	/* a blob's pointer outlives the read of its length (visit.c) */
	got = svc_col_blob(st, 3);
	assert_int_equal(svc_col_bytes(st, 3), sizeof blob);
	assert_memory_equal(got, blob, sizeof blob);
	assert_int_equal(svc_col_type(st, 4), SVC_T_NULL);
	assert_null(svc_col_text(st, 4));
	assert_int_equal(svc_col_int64(st, 4), 0);
	assert_int_equal(svc_step(st), SVC_DONE);
	svc_finalize(st);
}

/*
 * A parameter that only its value types (?1 IS NULL) is typed by its
 * binding on PostgreSQL; a truth reads 1 or 0 on both engines.
 */
static void
parameters_typed_by_their_values(void **state)
{
	struct svc_db *db = engine(state);
	struct svc_stmt *st;

	stmt_ok(db, "SELECT ?1 IS NULL, ?2, ?3 IS NULL, 2 > 1", &st);
	svc_bind_int(st, 1, 5);
	svc_bind_text(st, 2, "二");
	svc_bind_null(st, 3);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_string_equal(svc_col_text(st, 0), "0");
	assert_int_equal(svc_col_type(st, 0), SVC_T_INT);
	assert_string_equal(svc_col_text(st, 1), "二");
	assert_int_equal(svc_col_int(st, 2), 1);
	assert_int_equal(svc_col_int(st, 3), 1);
	svc_finalize(st);
}

/*
 * An optional filter, ?1 IS NULL OR n >= ?1, with a null bound inside a
 * writer's transaction: the server cannot type ?1 from the test, is told
 * its type by the comparison, and the transaction lives on.
 */
static void
optional_filters_in_a_transaction(void **state)
{
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	struct svc_stmt *st;

	assert_int_equal(svc_db_begin(db, &e), 0);
	assert_int_equal(svc_db_exec(db, "DELETE FROM t;"
	    " INSERT INTO t (id, n, s) VALUES (1, 1, 'a'), (2, 7, NULL)", &e),
	    0);
	stmt_ok(db, "SELECT count(*) FROM t WHERE (?1 IS NULL OR n >= ?1)"
	    " AND (?2 IS NULL OR s = ?2)", &st);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), 2);
	svc_reset(st);
	svc_bind_int(st, 1, 5);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), 1);
	svc_reset(st);
	svc_bind_null(st, 1);
	svc_bind_text(st, 2, "a");
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), 1);
	svc_finalize(st);
	/* the transaction was not aborted by the first, untyped prepare */
	assert_int_equal(svc_db_exec(db, "INSERT INTO t (id, n) VALUES (3, 9)",
	    &e), 0);
	assert_int_equal(svc_db_commit(db, &e), 0);
	assert_int_equal(svc_db_exec(db, "DELETE FROM t", &e), 0);
}

/* A cached statement is the same one, cleared and run again. */
static void
cached_statements_run_again(void **state)
{
	static const char ins[] = "INSERT INTO t (id, n, s) VALUES (?1, ?2, ?3)";
	static const char sum[] = "SELECT count(*), sum(n) FROM t WHERE id >= ?1";
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	struct svc_stmt *st, *again;
	int i;

	assert_int_equal(svc_db_exec(db, "DELETE FROM t", &e), 0);
	for (i = 1; i <= 3; i++) {
		assert_int_equal(svc_db_cached(db, ins, &st, &e), 0);
		svc_bind_int(st, 1, 100 + i);
		svc_bind_int(st, 2, i);
		svc_bind_text(st, 3, i == 2 ? NULL : "x");
		assert_int_equal(svc_db_done(db, st, &e), 0);
	}
	assert_int_equal(svc_db_cached(db, ins, &again, &e), 0);
	assert_ptr_equal(st, again);
	assert_int_equal(svc_db_cached(db, sum, &st, &e), 0);
	svc_bind_int(st, 1, 102);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), 2);
	assert_int_equal(svc_col_int(st, 1), 5);
	svc_reset(st);
	svc_bind_int(st, 1, 0);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), 3);
	svc_reset(st);
	stmt_ok(db, "SELECT count(*) FROM t WHERE s IS NULL", &st);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), 1);
	svc_finalize(st);
}

/* Errors carry the exit statuses of DESIGN section 3 on both engines. */
static void
errors_map_to_exit_statuses(void **state)
{
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int rc;

	assert_int_equal(svc_db_exec(db, "DELETE FROM t", &e), 0);
	assert_int_equal(svc_db_exec(db, "INSERT INTO t (id) VALUES (1)", &e),
	    0);
	stmt_ok(db, "INSERT INTO t (id) VALUES (?1)", &st);
	svc_bind_int(st, 1, 1);
	rc = svc_step(st);
	assert_int_not_equal(rc, SVC_DONE);
	assert_int_equal(svc_db_error(db, rc, &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "database: "));
	svc_finalize(st);
	assert_int_equal(svc_db_prepare(db, "SELECT nothing FROM nowhere", &st,
	    &e), SVC_EX_SOFTWARE);
	assert_null(st);
}

/* One writer's turns: the next number, read then written, each a
 * transaction; the exit status says whether every turn was taken. */
#define WRITERS 8
#define TURNS 25

static void
write_turns(int on_pg)
{
	struct svc_err e = { 0 };
	struct svc_stmt *next, *put;
	struct svc_db *db;
	int i, ok = 1;

	if (on_pg ? svc_pg_connect(getenv("SVC_TEST_PG"), "SVC_TEST_PG", &db,
	    &e) != 0 :
	    (db = unit_db()) == NULL)
		_exit(2);
	for (i = 0; i < TURNS && ok; i++) {
		int64_t n;

		ok = svc_db_begin(db, &e) == 0 &&
		    svc_db_cached(db, "SELECT coalesce(max(n), 0) + 1 FROM"
		    " ledger", &next, &e) == 0 && svc_step(next) == SVC_ROW;
		if (!ok)
			break;
		n = svc_col_int64(next, 0);
		svc_reset(next);
		ok = svc_db_cached(db, "INSERT INTO ledger (n) VALUES (?1)",
		    &put, &e) == 0 && svc_bind_int64(put, 1, n) == 0 &&
		    svc_db_done(db, put, &e) == 0 && svc_db_commit(db, &e) == 0;
	}
	if (!ok)
		fprintf(stderr, "writer %d: %s\n", (int)getpid(), e.msg);
	svc_db_close(db);
	_exit(ok ? 0 : 1);
}

/*
 * Eight writers at once, each reading the highest number and writing the
 * next: a writer that read while another had read and not yet committed
 * would write a number twice (refused by the key) or leave a gap.  Holds
 * for receipts, no-show flags and bookings alike (svc_db_begin).
 */
static void
writers_take_turns(void **state)
{
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int i, status, failed = 0;

	assert_int_equal(svc_db_exec(db, "DROP TABLE IF EXISTS ledger;"
	    " CREATE TABLE ledger (n bigint PRIMARY KEY)", &e), 0);
	for (i = 0; i < WRITERS; i++) {
		pid_t pid = fork();

		assert_true(pid >= 0);
		if (pid == 0)
			write_turns(db->pg != NULL);
	}
	for (i = 0; i < WRITERS; i++) {
		assert_true(wait(&status) > 0);
		failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	assert_int_equal(failed, 0);
	stmt_ok(db, "SELECT count(*), max(n) FROM ledger", &st);
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_int_equal(svc_col_int(st, 0), WRITERS * TURNS);
	assert_int_equal(svc_col_int(st, 1), WRITERS * TURNS);
	svc_finalize(st);
}

/* A savepoint's work is undone alone; a failed commit is not a commit. */
static void
savepoints_and_failed_commits(void **state)
{
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };

	assert_int_equal(svc_db_exec(db, "DELETE FROM t", &e), 0);
	assert_int_equal(svc_db_begin(db, &e), 0);
	assert_int_equal(svc_db_exec(db, "INSERT INTO t (id) VALUES (1)", &e),
	    0);
	assert_int_equal(svc_db_savepoint(db, "SAVEPOINT item", &e), 0);
	assert_int_equal(svc_db_exec(db, "INSERT INTO t (id) VALUES (2)", &e),
	    0);
	assert_int_equal(svc_db_savepoint(db, "ROLLBACK TO item", &e), 0);
	assert_int_equal(svc_db_savepoint(db, "RELEASE item", &e), 0);
	assert_int_equal(svc_db_commit(db, &e), 0);
	assert_string_equal(unit_one(db, "SELECT count(*) || ':' || max(id)"
	    " FROM t"), "1:1");
	if (db->pg == NULL)
		return;	/* SQLite's COMMIT after a failed statement commits */
	assert_int_equal(svc_db_begin(db, &e), 0);
	assert_int_not_equal(svc_db_exec(db, "INSERT INTO t (id) VALUES (1)",
	    &e), 0);
	assert_int_not_equal(svc_db_commit(db, &e), 0);
	assert_non_null(strstr(e.msg, "rolled back"));
	assert_int_equal(svc_pg_in_transaction(db), 0);
}

/* Sends rows 1..n to t, row dup again; 0, or the first error's status. */
static int
send_rows(struct svc_db *db, int n, int dup, struct svc_err *e)
{
	struct svc_stmt *st;
	int i, rc = 0;

	stmt_ok(db, "INSERT INTO t (id, s) VALUES (?1, ?2)", &st);
	for (i = 1; i <= n && rc == 0; i++) {
		svc_bind_int64(st, 1, i == dup + 1 ? dup : i);
		svc_bind_text_copy(st, 2, "行");
		rc = svc_db_send(db, st, e);
	}
	svc_finalize(st);
	return rc;
}

/*
 * Writes sent without waiting for their answers (a copy's rows; on a
 * server, a pipeline answered every SVC_PG_QUEUE) all land, in order,
 * with a statement and a savepoint between them; one that fails fails
 * the command at the latest at its commit, and leaves nothing.
 */
static void
sent_writes_land_or_fail_the_commit(void **state)
{
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	int failed;

	assert_int_equal(svc_db_exec(db, "DELETE FROM t", &e), 0);
	assert_int_equal(svc_db_begin(db, &e), 0);
	assert_int_equal(svc_db_savepoint(db, "SAVEPOINT item", &e), 0);
	assert_int_equal(send_rows(db, 2500, 0, &e), 0);
	assert_string_equal(unit_one(db, "SELECT count(*) || ':' || max(id)"
	    " FROM t"), "2500:2500");
	assert_int_equal(svc_db_savepoint(db, "RELEASE item", &e), 0);
	assert_int_equal(svc_db_commit(db, &e), 0);
	assert_int_equal(svc_db_exec(db, "DELETE FROM t", &e), 0);
	/* row 1501 repeats 1500's key */
	assert_int_equal(svc_db_begin(db, &e), 0);
	failed = send_rows(db, 2500, 1500, &e) != 0;
	if (failed)
		svc_db_rollback(db);
	else
		failed = svc_db_commit(db, &e) != 0;
	assert_true(failed);
	assert_string_equal(unit_one(db, "SELECT count(*) FROM t"), "0");
}

/* The rows of a scan above id from, counted; cursors open at row 600. */
static int
scan_from(struct svc_stmt *st, int from, int *open)
{
	int n = 0;

	svc_reset(st);
	svc_bind_int(st, 1, from);
	while (svc_step(st) == SVC_ROW) {
		assert_int_equal(svc_col_int(st, 0), from + ++n);
		if (n == 600 && svc_stmt_db(st)->pg)	/* asked meanwhile */
			*open = atoi(unit_one(svc_stmt_db(st),
			    "SELECT count(*) FROM pg_cursors"
			    " WHERE name LIKE 'c\\_svc%'"));
	}
	return n;
}

/*
 * A scan reads every row, in order, through fetches of a few hundred on
 * a server (its cursor open while other statements run), and again from
 * the start when run anew.
 */
static void
scans_read_every_row(void **state)
{
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int open = 0;

	assert_int_equal(svc_db_exec(db, "DELETE FROM t", &e), 0);
	assert_int_equal(svc_db_begin(db, &e), 0);
	assert_int_equal(send_rows(db, 1201, 0, &e), 0);
	assert_int_equal(svc_db_commit(db, &e), 0);
	assert_int_equal(svc_db_snapshot(db, &e), 0);
	if (svc_db_scan(db, "SELECT id FROM t WHERE id > ?1 ORDER BY id",
	    &st, &e))
		fail_msg("%s", e.msg);
	assert_int_equal(scan_from(st, 100, &open), 1101);
	assert_int_equal(open, db->pg ? 1 : 0);
	assert_int_equal(scan_from(st, 1000, &open), 201);
	svc_finalize(st);
	svc_db_rollback(db);
}

/* Every row of a query, a line each, cells joined by '|'. */
static const char *
rows(struct svc_db *db, const char *sql)
{
	static struct svc_buf b;
	struct svc_stmt *st;
	int i, rc;

	svc_buf_reset(&b);
	svc_buf_puts(&b, "");
	stmt_ok(db, sql, &st);
	while ((rc = svc_step(st)) == SVC_ROW) {
		for (i = 0; i < svc_col_count(st); i++)
			svc_buf_printf(&b, "%s%s", i ? "|" : "",
			    svc_col_text(st, i) ? svc_col_text(st, i) : "");
		svc_buf_putc(&b, '\n');
	}
	assert_int_equal(rc, SVC_DONE);
	svc_finalize(st);
	return b.s;
}

/* What the schema names, asked of each engine in its words. */
static const char *const catalogue[][2] = {
	{ "SELECT m.name, group_concat(p.name, ',') FROM sqlite_master m,"
	  " pragma_table_info(m.name) p WHERE m.type IN ('table', 'view')"
	  " AND m.name NOT IN ('ledger') GROUP BY m.name ORDER BY m.name",
	  "SELECT table_name, string_agg(column_name, ',' ORDER BY"
	  " ordinal_position) FROM information_schema.columns"
	  " WHERE table_schema = 'svc' AND table_name NOT IN ('svc_schema',"
	  " 'ledger') GROUP BY table_name ORDER BY table_name::text"
	  " COLLATE \"C\"" },
	{ "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT"
	  " NULL ORDER BY name",
	  "SELECT indexname FROM pg_indexes WHERE schemaname = 'svc' AND"
	  " indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'"
	  " ORDER BY indexname::text COLLATE \"C\"" },
	{ "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
	  "SELECT DISTINCT trigger_name::text COLLATE \"C\" FROM"
	  " information_schema.triggers WHERE trigger_schema = 'svc'"
	  " ORDER BY 1" },
};

/*
 * The schema on PostgreSQL (schema_pg.c) names what SQLite's migrations
 * make, table for table, column for column, view, index and trigger, at
 * the same version: a migration without its PostgreSQL text fails here.
 */
static void
schema_matches_sqlite(void **state)
{
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	size_t i;
	char *want;

	/* the server's base and its own migrations reach SQLite's number */
	for (i = 0; svc_pg_migrations[i]; i++)
		;
	assert_int_equal(svc_pg_schema_version + (int)i,
	    svc_db_schema_version());
	if (svc_db_exec(db, "DROP SCHEMA IF EXISTS svc CASCADE;"
	    " CREATE SCHEMA svc; SET search_path = svc, public", &e) != 0 ||
	    svc_db_exec(db, svc_pg_schema, &e) != 0 ||
	    svc_db_exec(db, svc_pg_code, &e) != 0)
		fail_msg("%s", e.msg);
	assert_string_equal(unit_one(db, "SELECT version FROM svc_schema"),
	    "18");
	for (i = 0; i < sizeof catalogue / sizeof catalogue[0]; i++) {
		want = svc_strdup(rows(lite, catalogue[i][0]));
		assert_string_equal(rows(db, catalogue[i][1]), want);
		free(want);
	}
}

/*
 * The sealed log links the same on both engines, byte for byte: a copy
 * between them verifies, and an auditor's recomputation holds for either.
 * SQLite's functions that svc's statements call answer the same too.
 */
static void
seals_are_the_same(void **state)
{
	static const char *const same[] = {
		/* 2026-01-04 is a Sunday: week 00 ends, 01 starts Monday */
		"SELECT date(1767456000, 'unixepoch', 'localtime'),"
		" datetime(1767456000, 'unixepoch', 'localtime'),"
		" strftime('%Y-W%W', 1767456000, 'unixepoch', 'localtime'),"
		" strftime('%Y-W%W', 1767542400, 'unixepoch', 'localtime'),"
		" strftime('%Y-%m', 1767456000, 'unixepoch', 'localtime')",
		"SELECT printf('%.2f', 4.5), printf('%.0f', 1e14),"
		" instr('上门服务', '服务'), max(3, 7), min(3, 7)",
		"SELECT group_concat(v, '、') FROM (SELECT '甲' AS v UNION ALL"
		" SELECT NULL UNION ALL SELECT '乙') AS l",
	};
	static const char *const seal[] = {
		"SELECT svc_seal(NULL, 'x900@example.com', '您好，明天9点上门')",
		"SELECT svc_seal('ab', 900, NULL, 5, 'zhou', 'order.new', '{}')",
		"SELECT svc_seal('ab', 900, NULL, 5, 'zhou', 'order.new', '{}',"
		" 'li', 1700000000)",
		"SELECT svc_seal(NULL, 900, 'payment', 5000, 'cash', 'site',"
		" 'wang', 4, 'R2026-900', NULL)",
		"SELECT svc_seal('cd', 'wang', 4, 5000, 4990, -10, 'qian')",
	};
	struct svc_db *db = engine(state);
	struct svc_stmt *st;
	const char *plan;
	char *want;
	size_t i;

	if (db == lite)
		return;	/* the case is the comparison: PostgreSQL's */
	/* parameters typed by their bindings choose among the functions */
	stmt_ok(db, "SELECT svc_seal(?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st);
	svc_bind_text(st, 1, "cd");
	svc_bind_text(st, 2, "wang");
	for (i = 3; i <= 6; i++)
		svc_bind_int64(st, (int)i, i == 6 ? -10 : 4990 + (int64_t)i);
	svc_bind_text(st, 7, "qian");
	assert_int_equal(svc_step(st), SVC_ROW);
	assert_string_equal(svc_col_text(st, 0), unit_one(lite,
	    "SELECT svc_seal('cd', 'wang', 4993, 4994, 4995, -10, 'qian')"));
	svc_finalize(st);
	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		want = svc_strdup(rows(lite, same[i]));
		assert_string_equal(rows(db, same[i]), want);
		free(want);
	}
	for (i = 0; i < sizeof seal / sizeof seal[0]; i++) {
		want = svc_strdup(unit_one(lite, seal[i]));
		assert_int_equal(strlen(want), 64);
		assert_string_equal(unit_one(db, seal[i]), want);
		free(want);
	}
	/* inlined into the statement that calls them, as macros: a call
	 * parsed each one's body anew, a quarter of a registration */
	plan = rows(db, "EXPLAIN (VERBOSE, COSTS OFF) SELECT svc_seal(n::text,"
	    " n, NULL, 5::bigint, 'zhou', 'order.new', '{}') FROM"
	    " generate_series(1::bigint, 2) AS g (n)");
	assert_non_null(strstr(plan, "sha256"));
	assert_null(strstr(plan, "svc_"));
}

/* The same rows give the same answers, and the same refusals. */
static void
same_rows_same_answers(void **state)
{
	static const char *const put[] = {
		"INSERT INTO dept (id, code, name, kind, created_at)"
		" VALUES (900, 'x900', '民政', 'gov', 1)",
		"INSERT INTO staff (id, login, name, dept_id, created_at)"
		" VALUES (900, 'x900w', '王师傅', 900, 1)",
		"INSERT INTO staff_role VALUES (900, 'worker'), (900, 'admin')",
		"INSERT INTO customer (id, phone, name, created_at)"
		" VALUES (900, '13900000900', '张三', 1)",
		"INSERT INTO orders (id, kind, customer_id, address, channel,"
		" created_at, reply_due, customer_name) VALUES (900, 'repair',"
		" 900, '某路1号', 'phone', 1, 2, '张三')",
		"INSERT INTO order_service VALUES (900, 1, 'fix', '修理', 2,"
		" 3000, 60, '[]')",
		"INSERT INTO charge (order_id, what, qty, unit_price, at, actor)"
		" VALUES (900, '配件', 1, 250, 3, 'x900w')",
		"UPDATE orders SET status = 'done' WHERE id = 900",
		"INSERT INTO payment (order_id, kind, amount, method, place,"
		" collector, at, receipt_no) VALUES (900, 'payment', 5000,"
		" 'cash', 'site', 'x900w', 4, 'R2026-900')",
	};
	static const char answers[] = "SELECT o.balance, b.balance, s.roles,"
	    " s.dept FROM orders o JOIN v_balance b ON b.id = o.id"
	    " JOIN v_staff s ON s.login = 'x900w' WHERE o.id = 900";
	struct svc_db *db = engine(state);
	struct svc_err e = { 0 };
	size_t i;

	for (i = 0; i < sizeof put / sizeof put[0]; i++)
		if (svc_db_exec(db, put[i], &e) != 0)
			fail_msg("%s: %s", put[i], e.msg);
	assert_string_equal(rows(db, answers), "1250|1250|admin,worker|x900\n");
	assert_int_equal(svc_db_exec(db, "DELETE FROM orders WHERE id = 900",
	    &e), SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "orders are never deleted"));
	assert_int_equal(svc_db_exec(db, "UPDATE payment SET void = 1,"
	    " void_reason = 'x' WHERE order_id = 900", &e), 0);
	assert_string_equal(rows(db, answers), "6250|6250|admin,worker|x900\n");
	assert_int_equal(svc_db_exec(db, "UPDATE orders SET kind = 'fax'"
	    " WHERE id = 900", &e), SVC_EX_DATA);
	assert_int_equal(svc_db_exec(db, "DELETE FROM payment", &e),
	    SVC_EX_DATA);
}

/*
 * ?N becomes $N, a bare ? the next number; SQLite's hints go, its IS
 * between values is the server's DISTINCT, its group_concat the
 * server's string_agg; quotes and comments stay.
 */
static void
placeholders_for_the_server(void **state)
{
	struct svc_buf b = { 0 };

	(void)state;
	assert_int_equal(svc_pg_text("SELECT '?1', \"a?\", ?12 -- ?3\n, ?", &b),
	    12);
	assert_string_equal(b.s, "SELECT '?1', \"a?\", $12 -- ?3\n, $1");
	svc_buf_reset(&b);
	svc_pg_text("SELECT x FROM visit v NOT INDEXED CROSS JOIN outbox"
	    " INDEXED BY outbox_open ON 1 WHERE a IS NOT b AND c IS d AND"
	    " e IS NOT NULL AND f IS NULL AND g IS NOT DISTINCT FROM h AND"
	    " this_is = 'IS x' AND t.is IS TRUE", &b);
	assert_string_equal(b.s, "SELECT x FROM visit v  JOIN outbox"
	    "  ON 1 WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d AND"
	    " e IS NOT NULL AND f IS NULL AND g IS NOT DISTINCT FROM h AND"
	    " this_is = 'IS x' AND t.is IS TRUE");
	/* group_concat(x, sep) is the server's string_agg; group_concat(x),
	 * of svc-report query, stays svc's aggregate; nothing else changes */
	svc_buf_reset(&b);
	svc_pg_text("SELECT group_concat (a || f(b, c), ','),"
	    " my_group_concat(b, ','), x.group_concat(c, ','),"
	    " 'group_concat(d, e)', group_concat(g), group_concat(h(i, j)),"
	    " group_concat(')', ','), group_concat", &b);
	assert_string_equal(b.s, "SELECT string_agg (a || f(b, c), ','),"
	    " my_group_concat(b, ','), x.group_concat(c, ','),"
	    " 'group_concat(d, e)', group_concat(g), group_concat(h(i, j)),"
	    " string_agg(')', ','), group_concat");
	svc_buf_free(&b);
}

/* svc-db copy copies every table of the schema (copy.c's list). */
static void
copy_covers_every_table(void **state)
{
	struct svc_db *db = unit_db();
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int n = 0, listed, i;

	(void)state;
	assert_int_equal(svc_db_prepare(db, "SELECT name FROM sqlite_schema"
	    " WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
	    " AND name <> 'ledger'", &st, &e), 0);	/* writers_take_turns' */
	while (svc_step(st) == SVC_ROW) {
		for (listed = i = 0; svc_copy_tables[i]; i++)
			listed |= strcmp(svc_copy_tables[i],
			    svc_col_text(st, 0)) == 0;
		if (!listed)
			fail_msg("%s: not in svc_copy_tables", svc_col_text(st,
			    0));
		n++;
	}
	svc_finalize(st);
	for (i = 0; svc_copy_tables[i]; i++)
		;
	assert_int_equal(i, n);
	svc_db_close(db);
}

/* A database of the case's engine at this svc's schema, made anew. */
static struct svc_db *
fresh_schema(void **state)
{
	char path[96];
	struct svc_err e = { 0 };
	struct svc_db *db = engine(state);

	if (db->pg) {
		if (svc_db_exec(db, "DROP SCHEMA IF EXISTS svc CASCADE;"
		    " CREATE SCHEMA svc; SET search_path = svc, public", &e) ||
		    svc_db_exec(db, svc_pg_schema, &e) ||
		    svc_db_exec(db, svc_pg_code, &e))
			fail_msg("%s", e.msg);
		return db;
	}
	snprintf(path, sizeof path, "%s/migrate.db", unit_dir);
	unlink(path);
	if (svc_db_open(path, SVC_DB_RW | SVC_DB_INIT, &db, &e) != 0)
		fail_msg("%s", e.msg);
	return db;
}

static int
has_table(struct svc_db *db, const char *name)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int n;

	if (svc_db_prepare(db, db->pg ? "SELECT count(*) FROM pg_tables"
	    " WHERE schemaname = 'svc' AND tablename = ?1" :
	    "SELECT count(*) FROM sqlite_master WHERE name = ?1", &st, &e))
		fail_msg("%s", e.msg);
	svc_bind_text(st, 1, name);
	assert_int_equal(svc_step(st), SVC_ROW);
	n = (int)svc_col_int(st, 0);
	svc_finalize(st);
	return n;
}

/*
 * Migrations run whole or not at all, numbered alike on both engines
 * (the server's from its base, 18), each recording its number; a view a
 * migration makes on the server is granted to its readers.
 */
static void
migrations_run_whole_or_not_at_all(void **state)
{
	static const char *const steps[] = {
		"CREATE TABLE m_next (x INTEGER)",
		"CREATE VIEW v_m_next AS SELECT x FROM m_next",
		"CREATE TABLE m_half (x INTEGER);"
		" CREATE TABLE m_next (x INTEGER)",
		NULL
	};
	struct svc_db *db = fresh_schema(state);
	struct svc_migrations ms = *svc_db_migrations(db);
	struct svc_err e = { 0 };
	int now = svc_db_schema_version(), v;

	if (db->pg)	/* the server's schema begins at its base */
		now = svc_pg_schema_version;
	ms.steps = steps;
	ms.base = now;
	/* an older svc's function, which the migration makes anew */
	if (db->pg && svc_db_exec(db, "CREATE OR REPLACE FUNCTION"
	    " svc_link(prev text, canon text) RETURNS text LANGUAGE sql"
	    " AS 'SELECT ''old'''", &e))
		fail_msg("%s", e.msg);
	if (svc_db_migrate(db, "db", &ms, now + 2, &e) != 0)
		fail_msg("%s", e.msg);
	if (db->pg)	/* sha256("x"): svc_link as this svc makes it */
		assert_string_equal(unit_one(db, "SELECT svc_link(NULL, 'x')"),
		    "2d711642b726b04401627ca9fbac32f5"
		    "c8530fb1903cc4db02258717921a4881");
	assert_int_equal(svc_db_version(db, &v, &e), 0);
	assert_int_equal(v, now + 2);
	assert_string_equal(unit_one(db, "SELECT count(*) FROM v_m_next"),
	    "0");
	if (db->pg)
		assert_string_equal(unit_one(db, "SELECT CASE WHEN"
		    " has_table_privilege('svc_reader', 'svc.v_m_next',"
		    " 'SELECT') THEN 1 ELSE 0 END"), "1");
	/* at the version wanted: nothing to do */
	assert_int_equal(svc_db_migrate(db, "db", &ms, now + 2, &e), 0);
	/* the third step fails half-way: its first table goes too */
	assert_int_not_equal(svc_db_migrate(db, "db", &ms, now + 3, &e), 0);
	assert_non_null(strstr(e.msg, "db: cannot migrate to schema"));
	assert_int_equal(svc_db_version(db, &v, &e), 0);
	assert_int_equal(v, now + 2);
	assert_int_equal(has_table(db, "m_half"), 0);
	assert_int_equal(has_table(db, "m_next"), 1);
	/* a schema older than the steps begin */
	ms.base = now + 5;
	assert_int_equal(svc_db_migrate(db, "db", &ms, now + 6, &e),
	    SVC_EX_DATA);
	assert_non_null(strstr(e.msg, "no migration from schema"));
	if (db->pg)
		assert_int_equal(svc_db_exec(db, "DROP SCHEMA svc CASCADE",
		    &e), 0);
	else
		svc_db_close(db);
}

int
main(void)
{
	static int on_pg = 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(binds_and_reads_every_type),
		cmocka_unit_test_prestate(binds_and_reads_every_type, &on_pg),
		cmocka_unit_test(parameters_typed_by_their_values),
		cmocka_unit_test_prestate(parameters_typed_by_their_values,
		    &on_pg),
		cmocka_unit_test(optional_filters_in_a_transaction),
		cmocka_unit_test_prestate(optional_filters_in_a_transaction,
		    &on_pg),
		cmocka_unit_test(cached_statements_run_again),
		cmocka_unit_test_prestate(cached_statements_run_again, &on_pg),
		cmocka_unit_test(errors_map_to_exit_statuses),
		cmocka_unit_test_prestate(errors_map_to_exit_statuses, &on_pg),
		cmocka_unit_test(writers_take_turns),
		cmocka_unit_test_prestate(writers_take_turns, &on_pg),
		cmocka_unit_test(savepoints_and_failed_commits),
		cmocka_unit_test_prestate(savepoints_and_failed_commits,
		    &on_pg),
		cmocka_unit_test(sent_writes_land_or_fail_the_commit),
		cmocka_unit_test_prestate(sent_writes_land_or_fail_the_commit,
		    &on_pg),
		cmocka_unit_test(scans_read_every_row),
		cmocka_unit_test_prestate(scans_read_every_row, &on_pg),
		cmocka_unit_test_prestate(schema_matches_sqlite, &on_pg),
		cmocka_unit_test_prestate(seals_are_the_same, &on_pg),
		cmocka_unit_test(same_rows_same_answers),
		cmocka_unit_test_prestate(same_rows_same_answers, &on_pg),
		cmocka_unit_test(placeholders_for_the_server),
		cmocka_unit_test(copy_covers_every_table),
		cmocka_unit_test(migrations_run_whole_or_not_at_all),
		cmocka_unit_test_prestate(migrations_run_whole_or_not_at_all,
		    &on_pg),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

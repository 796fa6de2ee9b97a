/*
 * sql.c - the SQL layer: statements prepared, bound, stepped and read
 * (svc.h says the contract; issue 20 why it exists).
 *
 * Each function is one call into the engine, so the layer costs a call
 * and nothing else: a listing of every order reads thirty million cells.
 * The statement handle carries its connection, which the PostgreSQL
 * driver will need for its own state and which svc_stmt_db returns.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

struct svc_db *
svc_db_wrap(sqlite3 *lite)
{
	struct svc_db *db = svc_xmalloc(sizeof *db);

	memset(db, 0, sizeof *db);
	db->lite = lite;
	return db;
}

/* A statement of either engine, on its connection. */
struct svc_stmt *
svc_stmt_new(struct svc_db *db, sqlite3_stmt *lite, struct pgstmt *pg)
{
	struct svc_stmt *st = svc_xmalloc(sizeof *st);

	st->lite = lite;
	st->pg = pg;
	st->db = db;
	return st;
}

int
svc_stmt_wrap(struct svc_db *db, sqlite3_stmt *lite, struct svc_stmt **out,
    struct svc_err *e)
{
	*out = NULL;
	if (lite == NULL)	/* SQL of only comments and blanks */
		return svc_seterr(e, SVC_EX_SOFTWARE, "no statement");
	*out = svc_stmt_new(db, lite, NULL);
	return 0;
}

/* Map an SQLite result to the exit statuses of DESIGN section 3. */
int
svc_db_error(struct svc_db *db, int rc, struct svc_err *e)
{
	const char *msg;
	int code;

	if (db && db->pg)
		return svc_pg_error(db, e);
	msg = db ? sqlite3_errmsg(db->lite) : sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return svc_seterr(e, SVC_EX_TEMPFAIL,
		    "database busy past the timeout; try again");
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_PERM:
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		code = SVC_EX_IOERR;
		break;
	case SQLITE_CONSTRAINT:
		code = SVC_EX_DATA;
		break;
	default:
		code = SVC_EX_SOFTWARE;
	}
	return svc_seterr(e, code, "database: %s", msg);
}

int
svc_db_exec(struct svc_db *db, const char *sql, struct svc_err *e)
{
	int rc = db->pg ? svc_pg_exec(db, sql) :
	    sqlite3_exec(db->lite, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : svc_db_error(db, rc, e);
}

/* An integer bound on PostgreSQL: as text, the server casts it. */
static int
pg_bind_int(struct svc_stmt *st, int i, int64_t v)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%lld", (long long)v);

	return svc_pg_bind(st, i, b, (size_t)n, SVC_PG_INT8);
}

int
svc_bind_int(struct svc_stmt *st, int i, int v)
{
	if (st->pg)
		return pg_bind_int(st, i, v);
	return sqlite3_bind_int(st->lite, i, v);
}

int
svc_bind_int64(struct svc_stmt *st, int i, int64_t v)
{
	if (st->pg)
		return pg_bind_int(st, i, v);
	return sqlite3_bind_int64(st->lite, i, v);
}

/* A null pointer binds null, as SQLite's own binding does. */
int
svc_bind_text(struct svc_stmt *st, int i, const char *s)
{
	if (st->pg)
		return svc_pg_bind(st, i, s, s ? strlen(s) : 0,
		    s ? SVC_PG_TEXT : SVC_PG_UNKNOWN);
	return sqlite3_bind_text(st->lite, i, s, -1, SQLITE_STATIC);
}

/* PostgreSQL's driver copies whatever it binds. */
int
svc_bind_text_copy(struct svc_stmt *st, int i, const char *s)
{
	if (st->pg)
		return svc_bind_text(st, i, s);
	return sqlite3_bind_text(st->lite, i, s, -1, SQLITE_TRANSIENT);
}

int
svc_bind_blob(struct svc_stmt *st, int i, const void *p, size_t n)
{
	if (st->pg)
		return svc_pg_bind(st, i, p ? p : "", n, SVC_PG_BYTEA);
	return sqlite3_bind_blob64(st->lite, i, p, n, SQLITE_STATIC);
}

int
svc_bind_null(struct svc_stmt *st, int i)
{
	if (st->pg)
		return svc_pg_bind(st, i, NULL, 0, SVC_PG_UNKNOWN);
	return sqlite3_bind_null(st->lite, i);
}

int
svc_bind_count(struct svc_stmt *st)
{
	if (st->pg)
		return svc_pg_bind_count(st);
	return sqlite3_bind_parameter_count(st->lite);
}

int
svc_step(struct svc_stmt *st)
{
	if (st->pg)
		return svc_pg_step(st);
	return sqlite3_step(st->lite);
}

void
svc_reset(struct svc_stmt *st)
{
	if (st->pg)
		svc_pg_reset(st);
	else
		sqlite3_reset(st->lite);
}

void
svc_finalize(struct svc_stmt *st)
{
	if (st == NULL)
		return;
	if (st->pg)
		svc_pg_finalize(st);
	else
		sqlite3_finalize(st->lite);
	free(st);
}

int
svc_col_count(struct svc_stmt *st)
{
	if (st->pg)
		return svc_pg_col_count(st);
	return sqlite3_column_count(st->lite);
}

const char *
svc_col_name(struct svc_stmt *st, int col)
{
	if (st->pg)
		return svc_pg_col_name(st, col);
	return sqlite3_column_name(st->lite, col);
}

/* SVC_T_* are SQLite's own type numbers: nothing to translate. */
int
svc_col_type(struct svc_stmt *st, int col)
{
	if (st->pg)
		return svc_pg_col_type(st, col);
	return sqlite3_column_type(st->lite, col);
}

int
svc_col_int(struct svc_stmt *st, int col)
{
	if (st->pg)
		return (int)svc_col_int64(st, col);
	return sqlite3_column_int(st->lite, col);
}

/* On PostgreSQL a number comes as text; null reads as 0, as in SQLite. */
int64_t
svc_col_int64(struct svc_stmt *st, int col)
{
	const char *s;

	if (st->pg)
		return (s = svc_pg_col_text(st, col)) ? strtoll(s, NULL, 10) :
		    0;
	return sqlite3_column_int64(st->lite, col);
}

double
svc_col_double(struct svc_stmt *st, int col)
{
	const char *s;

	if (st->pg)
		return (s = svc_pg_col_text(st, col)) ? strtod(s, NULL) : 0;
	return sqlite3_column_double(st->lite, col);
}

const char *
svc_col_text(struct svc_stmt *st, int col)
{
	if (st->pg)
		return svc_pg_col_text(st, col);
	return (const char *)sqlite3_column_text(st->lite, col);
}

const void *
svc_col_blob(struct svc_stmt *st, int col)
{
	size_t n;

	if (st->pg)
		return svc_pg_col_blob(st, col, &n);
	return sqlite3_column_blob(st->lite, col);
}

size_t
svc_col_bytes(struct svc_stmt *st, int col)
{
	size_t n;

	if (st->pg) {
		svc_pg_col_blob(st, col, &n);
		return n;
	}
	return (size_t)sqlite3_column_bytes(st->lite, col);
}

/* A column as it is stored, for what hashes values by type (seal.c). */
void
svc_col_value(struct svc_stmt *st, int col, struct svc_value *v)
{
	if (st->pg == NULL) {
		svc_lite_value(sqlite3_column_value(st->lite, col), v);
		return;
	}
	memset(v, 0, sizeof *v);
	switch ((v->type = svc_pg_col_type(st, col))) {
	case SVC_T_INT:
		v->i = svc_col_int64(st, col);
		break;
	case SVC_T_FLOAT:
		v->r = svc_col_double(st, col);
		break;
	case SVC_T_TEXT:
	case SVC_T_BLOB:
		v->p = svc_pg_col_blob(st, col, &v->n);
		break;
	}
}

void
svc_lite_value(sqlite3_value *lv, struct svc_value *v)
{
	memset(v, 0, sizeof *v);
	switch ((v->type = sqlite3_value_type(lv))) {
	case SQLITE_INTEGER:
		v->i = sqlite3_value_int64(lv);
		break;
	case SQLITE_FLOAT:
		v->r = sqlite3_value_double(lv);
		break;
	case SQLITE_BLOB:
		v->p = sqlite3_value_blob(lv);
		v->n = (size_t)sqlite3_value_bytes(lv);
		break;
	case SQLITE_TEXT:
		v->p = sqlite3_value_text(lv);
		v->n = (size_t)sqlite3_value_bytes(lv);
		break;
	}
}

struct svc_db *
svc_stmt_db(struct svc_stmt *st)
{
	return st->db;
}

const char *
svc_stmt_sql(struct svc_stmt *st)
{
	return st->pg ? svc_pg_sql(st) : sqlite3_sql(st->lite);
}

int64_t
svc_db_changes(struct svc_db *db)
{
	return db->pg ? db->changes : sqlite3_changes(db->lite);
}

/*
 * The id of the last row inserted: SQLite's rowid, the one the INSERT
 * returned on PostgreSQL (pg.c).  RETURNING is no answer for both: on
 * SQLite it cost an import 25 % more instructions (40,000 an order),
 * where this costs none.
 */
int64_t
svc_db_last_id(struct svc_db *db)
{
	return db->pg ? svc_pg_last_id(db) :
	    sqlite3_last_insert_rowid(db->lite);
}

/*
 * SVC_EXPLAIN=1: the plan of every statement svc prepares, on stderr, as
 * "sql" and "plan" lines (svc(7)).  For an admin asking why a command is
 * slow, and for the test that holds every read verb to its indexes
 * (tests/cli/2800-plans.t): a statement's plan is SQLite's answer at
 * prepare time, the one the command then runs.
 */
static void
explain(sqlite3 *db, const char *sql)
{
	static int on = -1;
	struct svc_buf q = { 0 };
	sqlite3_stmt *st;
	const char *s;

	if (on < 0)
		on = (s = getenv("SVC_EXPLAIN")) != NULL && strcmp(s, "1") == 0;
	if (!on)
		return;
	svc_buf_printf(&q, "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(db, q.s, -1, &st, NULL) == SQLITE_OK) {
		fprintf(stderr, "sql\t%.*s\n", (int)strcspn(sql, "\n"), sql);
		while (sqlite3_step(st) == SQLITE_ROW)
			fprintf(stderr, "plan\t%s\n",
			    (const char *)sqlite3_column_text(st, 3));
		sqlite3_finalize(st);
	}
	svc_buf_free(&q);
}

/*
 * SVC_SQL_LOG=FILE: every statement prepared, appended to FILE a line
 * each (its newlines as blanks), for the port to PostgreSQL: run the
 * suite with it and mk/pg-dialect.sh says which statements the server
 * takes as they are.  Never in a setgid run (secure_getenv): a path
 * from the environment is not written with the svc group's rights.
 */
static void
log_sql(const char *sql)
{
	static FILE *log;
	static int tried;
	const char *path;

	if (!tried) {
		tried = 1;
		if ((path = secure_getenv("SVC_SQL_LOG")) != NULL && *path &&
		    (log = fopen(path, "a")) == NULL)	/* said, not hidden */
			fprintf(stderr, "svc: SVC_SQL_LOG: %s: %s\n", path,
			    strerror(errno));
	}
	if (log == NULL)
		return;
	for (; *sql; sql++)
		putc(*sql == '\n' || *sql == '\t' ? ' ' : *sql, log);
	putc('\n', log);
	fflush(log);
}

static int
prepare(struct svc_db *db, const char *sql, unsigned flags,
    struct svc_stmt **st, struct svc_err *e)
{
	sqlite3_stmt *lite;
	int rc;

	*st = NULL;
	log_sql(sql);
	if (db->pg)
		return svc_pg_prepare(db, sql, st, e);
	rc = sqlite3_prepare_v3(db->lite, sql, -1, flags, &lite, NULL);
	if (rc != SQLITE_OK)
		return svc_db_error(db, rc, e);
	explain(db->lite, sql);
	return svc_stmt_wrap(db, lite, st, e);
}

int
svc_db_prepare(struct svc_db *db, const char *sql, struct svc_stmt **st,
    struct svc_err *e)
{
	return prepare(db, sql, 0, st, e);
}

/* Step a statement that returns no row, and finalize it. */
int
svc_db_run(struct svc_db *db, struct svc_stmt *st, struct svc_err *e)
{
	int rc = svc_step(st);

	svc_finalize(st);
	return rc == SVC_DONE ? 0 : svc_db_error(db, rc, e);
}

/*
 * Statements run once per item of a batch are prepared once per run: an
 * import of 100,000 requests must not parse the same SQL 100,000 times.
 * The cache is the connection's, keyed by the address of the constant SQL
 * text.  It holds every cached statement of the library, with room: one
 * run that walks an order through its whole life (bench/gen) uses some
 * sixty.
 */
#define STMT_CACHE 128

struct cached {
	const char *sql;
	struct svc_stmt *st;
};

/* A cached statement as new: reset, every parameter null. */
static void
clear(struct svc_stmt *st)
{
	int i;

	if (st->pg == NULL) {
		sqlite3_reset(st->lite);
		sqlite3_clear_bindings(st->lite);
		return;
	}
	for (i = 1; i <= svc_pg_bind_count(st); i++)
		svc_pg_bind(st, i, NULL, 0, SVC_PG_UNKNOWN);
}

int
svc_db_cached(struct svc_db *db, const char *sql, struct svc_stmt **st,
    struct svc_err *e)
{
	int i;

	for (i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql) {
			*st = db->cache[i].st;
			clear(*st);
			return 0;
		}
	if (i == STMT_CACHE)
		return svc_seterr(e, SVC_EX_SOFTWARE, "statement cache full");
	if (db->cache == NULL)
		db->cache = svc_xmalloc(STMT_CACHE * sizeof *db->cache);
	if (prepare(db, sql, SQLITE_PREPARE_PERSISTENT, st, e))
		return e->code;
	db->cache[db->ncache++] = (struct cached){ sql, *st };
	return 0;
}

/* The connection's cached statements, finalized as it closes. */
void
svc_db_forget(struct svc_db *db)
{
	int i;

	for (i = 0; i < db->ncache; i++)
		svc_finalize(db->cache[i].st);
	free(db->cache);
	db->cache = NULL;
	db->ncache = 0;
}

/*
 * The first value of a statement's first row, as text ("" for a null or
 * no row): the one-row questions of opening, checking and copying a
 * database (the schema's version, the rows of a table, the server's
 * collation).
 */
int
svc_db_value(struct svc_db *db, const char *sql, char *buf, size_t n,
    struct svc_err *e)
{
	struct svc_stmt *st;
	int rc;

	*buf = '\0';
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	if ((rc = svc_step(st)) == SVC_ROW && svc_col_text(st, 0) != NULL)
		snprintf(buf, n, "%s", svc_col_text(st, 0));
	svc_finalize(st);
	return rc == SVC_ROW || rc == SVC_DONE ? 0 : svc_db_error(db, rc, e);
}

/* Whether a cached, bound statement has a row; it is reset. */
int
svc_db_exists(struct svc_db *db, struct svc_stmt *st, int *yes,
    struct svc_err *e)
{
	int rc = svc_step(st);

	svc_reset(st);
	if (rc != SVC_ROW && rc != SVC_DONE)
		return svc_db_error(db, rc, e);
	*yes = rc == SVC_ROW;
	return 0;
}

/* Step a cached statement that returns no row, and reset it. */
/*
 * A query whose rows may be many (a whole table, the sealed log): on a
 * server, inside a transaction or snapshot, its rows are read through a
 * cursor a few hundred at a time and never all held (pg.c); on a file,
 * SQLite steps through them anyway.
 */
int
svc_db_scan(struct svc_db *db, const char *sql, struct svc_stmt **st,
    struct svc_err *e)
{
	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	if (db->pg)
		svc_pg_scan(*st);
	return 0;
}

/*
 * A write whose answer the caller does not read (a copy's rows): on a
 * server it is sent without waiting (pg.c), and an error is reported by
 * the next statement or the commit, which then fails; on a file it is
 * svc_db_done.  Its bindings may be changed as soon as it returns.
 */
int
svc_db_send(struct svc_db *db, struct svc_stmt *st, struct svc_err *e)
{
	if (db->pg == NULL)
		return svc_db_done(db, st, e);
	return svc_pg_send(st) ? svc_db_error(db, SVC_PG_ERROR, e) : 0;
}

int
svc_db_done(struct svc_db *db, struct svc_stmt *st, struct svc_err *e)
{
	int rc = svc_step(st);

	svc_reset(st);
	return rc == SVC_DONE ? 0 : svc_db_error(db, rc, e);
}

/*
 * query.c - svc-report query: ad-hoc SQL over the documented views,
 * strictly read-only and bounded.
 *
 * One statement, prepared under an authorizer on a connection the caller
 * opened read-only.  It reads the documented views (v_*) and what they
 * read, JSON of event details through json_each and json_tree, and
 * nothing else: not the raw tables, not sqlite_master, not the signature
 * images.  It runs under a time limit, a memory limit and SQLite's length
 * limits; the rows are copied out and the statement finished before one
 * is printed, so a reader stuck on a full pipe never holds the WAL
 * snapshot (and so the checkpoints of other writers) past the time limit.
 */
#include <string.h>
#include <time.h>

#include "engine.h"

/* Reading pragmas that change nothing, on views only. */
static int
pragma_reads(const char *name, const char *arg)
{
	static const char *const on_views[] = {
		"table_info", "table_xinfo", NULL
	};
	int i;

	if (strcmp(name, "user_version") == 0)
		return arg == NULL;
	if (strcmp(name, "database_list") == 0)
		return 1;
	for (i = 0; on_views[i]; i++)
		if (strcmp(on_views[i], name) == 0)
			return arg && strncmp(arg, "v_", 2) == 0;
	return 0;
}

/* Functions that reach outside SQL: never, whatever the build allows. */
static int
function_ok(const char *name)
{
	return name == NULL || (strcmp(name, "load_extension") != 0 &&
	    strcmp(name, "fts3_tokenizer") != 0);
}

/*
 * A column read at the top level must be a view's (or json_each's); a
 * read from inside a view (trigger names the view) is the view's own
 * business.  An empty column name is a table named with no column read
 * (count(*)), which SQLite also reports for tables a view joins.
 */
static int
read_ok(const char *table, const char *column, const char *view)
{
	if (view != NULL || column == NULL || *column == '\0')
		return 1;
	if (strcmp(table, "sqlite_master") == 0)	/* see SQLITE_UPDATE */
		return strcmp(column, "ROWID") == 0;
	return strncmp(table, "v_", 2) == 0 || strcmp(table, "json_each") == 0
	    || strcmp(table, "json_tree") == 0;
}

/* Only reading is authorised: no write, ATTACH, or state-changing PRAGMA. */
static int
read_only(void *arg, int action, const char *a, const char *b, const char *db,
    const char *view)
{
	(void)arg;
	(void)db;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_READ:
		return read_ok(a, b, view) ? SQLITE_OK : SQLITE_DENY;
	case SQLITE_FUNCTION:
		return function_ok(b) ? SQLITE_OK : SQLITE_DENY;
	case SQLITE_PRAGMA:
		return pragma_reads(a, b) ? SQLITE_OK : SQLITE_DENY;
	case SQLITE_UPDATE:
		/*
		 * json_each's constructor declares its table, which SQLite
		 * authorises as an update of sqlite_master (and a read of its
		 * rowid) that never runs; a statement that would write is
		 * still refused below unless sqlite3_stmt_readonly() says it
		 * only reads, and the connection is read-only.
		 */
		return a && strcmp(a, "sqlite_master") == 0 ? SQLITE_OK :
		    SQLITE_DENY;
	default:
		return SQLITE_DENY;
	}
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t deadline_ms;

/* Called every few thousand VM steps: past the deadline, interrupt. */
static int
past_deadline(void *arg)
{
	(void)arg;
	return now_ms() > deadline_ms;
}

/* The limits, set on the connection before the statement is prepared. */
static void
bound(sqlite3 *db, const struct svc_query_limits *l)
{
	sqlite3_limit(db, SQLITE_LIMIT_LENGTH, SVC_QUERY_MAX_VALUE);
	sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, SVC_QUERY_MAX_SQL);
	sqlite3_limit(db, SQLITE_LIMIT_COLUMN, SVC_QUERY_MAX_COLUMNS);
	sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 200);
	sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 100);
	sqlite3_limit(db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
	sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_hard_heap_limit64(l->memory);
	deadline_ms = now_ms() + l->timeout_ms;
	sqlite3_progress_handler(db, 1000, past_deadline, NULL);
}

/* Say which limit stopped the statement; 65, as for any bad query. */
static int
query_error(sqlite3 *db, int rc, const struct svc_query_limits *l,
    struct svc_err *e)
{
	switch (rc & 0xff) {
	case SQLITE_INTERRUPT:
		return svc_seterr(e, SVC_EX_DATA, "query: stopped at the time "
		    "limit of %lld ms (--timeout)", (long long)l->timeout_ms);
	case SQLITE_NOMEM:
		return svc_seterr(e, SVC_EX_DATA, "query: stopped at the memory "
		    "limit of %lld MiB", (long long)(l->memory >> 20));
	case SQLITE_TOOBIG:
		return svc_seterr(e, SVC_EX_DATA, "query: a value or the "
		    "statement is past SQLite's length limit (%d bytes)",
		    SVC_QUERY_MAX_VALUE);
	case SQLITE_AUTH:
		return svc_seterr(e, SVC_EX_DATA, "not allowed: queries only "
		    "read the documented views (%s)", sqlite3_errmsg(db));
	default:
		return svc_seterr(e, SVC_EX_DATA, "query: %s",
		    sqlite3_errmsg(db));
	}
}

/*
 * On PostgreSQL the server draws the same lines: the statement runs in a
 * READ ONLY transaction, as the group role svc_reader (svc-db init
 * grants it the documented views and nothing else; a view reads its
 * tables with its owner's rights), under statement_timeout, read through
 * a cursor a few hundred rows at a time, so that the memory limit holds
 * before the rows are in memory (pg.c: svc_pg_cursor, which takes one
 * statement only, by the protocol's rule).
 */
static int
pg_error(struct svc_db *db, const struct svc_query_limits *l,
    struct svc_err *e)
{
	svc_db_rollback(db);
	if (strcmp(db->sqlstate, "57014") == 0)
		return query_error(NULL, SQLITE_INTERRUPT, l, e);
	if (strcmp(db->sqlstate, "42501") == 0)
		return svc_seterr(e, SVC_EX_DATA, "not allowed: queries only "
		    "read the documented views (%s)", db->pgmsg);
	if (strcmp(db->sqlstate, "25006") == 0)
		return svc_seterr(e, SVC_EX_DATA, "not allowed: queries only "
		    "read");
	/* the extended protocol's refusal of a second statement, in the
	 * words a file's query says it */
	if (strstr(db->pgmsg, "cannot insert multiple commands") != NULL)
		return svc_seterr(e, SVC_EX_DATA, "query: one statement only");
	return svc_seterr(e, SVC_EX_DATA, "query: %s", db->pgmsg);
}

static int
pg_query(struct svc_db *db, const char *sql, const struct svc_query_limits *l,
    struct svc_stmt **st, struct svc_err *e)
{
	char begin[160];

	snprintf(begin, sizeof begin, "BEGIN READ ONLY; SET LOCAL "
	    "statement_timeout = %lld; SET LOCAL ROLE svc_reader",
	    (long long)l->timeout_ms);
	if (svc_pg_exec(db, begin) != 0 || svc_pg_cursor(db, sql, st, e) != 0)
		return pg_error(db, l, e);
	return 0;
}

int
svc_query_readonly(struct svc_db *db, const char *sql,
    const struct svc_query_limits *l, struct svc_stmt **st,
    struct svc_err *e)
{
	sqlite3_stmt *lite;
	const char *tail;
	int rc;

	*st = NULL;
	if (strlen(sql) > SVC_QUERY_MAX_SQL)
		return query_error(db->lite, SQLITE_TOOBIG, l, e);
	if (db->pg)
		return pg_query(db, sql, l, st, e);
	bound(db->lite, l);
	sqlite3_set_authorizer(db->lite, read_only, NULL);
	rc = sqlite3_prepare_v2(db->lite, sql, -1, &lite, &tail);
	sqlite3_set_authorizer(db->lite, NULL, NULL);
	if (rc != SQLITE_OK)
		return query_error(db->lite, rc, l, e);
	if (lite == NULL)
		return svc_seterr(e, SVC_EX_DATA, "query: no statement");
	if (tail[strspn(tail, " \t\r\n;")] != '\0') {
		sqlite3_finalize(lite);
		return svc_seterr(e, SVC_EX_DATA, "query: one statement only");
	}
	if (!sqlite3_stmt_readonly(lite)) {
		sqlite3_finalize(lite);
		return svc_seterr(e, SVC_EX_DATA, "not allowed: queries only "
		    "read");
	}
	return svc_stmt_wrap(db, lite, st, e);
}

/*
 * Every row, copied out under the memory limit, then the statement is
 * finalized: the read transaction ends before anything is printed.
 * Cells are NUL-terminated texts one after another, with a type byte
 * before each ('i' integer, 't' text, 'n' null, 'b' blob).
 */
int
svc_query_rows(struct svc_db *db, struct svc_stmt *st,
    const struct svc_query_limits *l, struct svc_buf *cells, int64_t *nrows,
    struct svc_err *e)
{
	int rc, i, n = svc_col_count(st);

	*nrows = 0;
	while ((rc = svc_step(st)) == SVC_ROW) {
		for (i = 0; i < n; i++) {
			int t = svc_col_type(st, i);
			const char *s = svc_col_text(st, i);

			svc_buf_putc(cells, t == SVC_T_INT ? 'i' :
			    t == SVC_T_NULL ? 'n' : t == SVC_T_BLOB ? 'b' :
			    't');
			if (t != SVC_T_NULL && t != SVC_T_BLOB && s)
				svc_buf_puts(cells, s);
			svc_buf_add(cells, "", 1);
		}
		(*nrows)++;
		if ((int64_t)cells->len > l->memory) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	if (db->pg) {
		if (rc != SVC_DONE && rc != SQLITE_NOMEM)
			pg_error(db, l, e);
		else if (rc == SQLITE_NOMEM)
			query_error(NULL, rc, l, e);
		svc_finalize(st);
		svc_db_rollback(db);	/* it wrote nothing to keep */
		return e->code;
	}
	if (rc != SVC_DONE)
		query_error(db->lite, rc, l, e);
	svc_finalize(st);
	sqlite3_progress_handler(db->lite, 0, NULL, NULL);
	return e->code;
}

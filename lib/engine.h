/*
 * engine.h - what the SQL layer's handles hold: the engine's own.
 *
 * Private to the files that speak to an engine (sql.c, pg.c, db.c,
 * query.c);
 * every other module sees struct svc_db and struct svc_stmt as opaque
 * and includes only svc.h.  PostgreSQL's handle stands beside SQLite's
 * here, and sql.c branches to pg.c where a handle has it (issue 20).
 */
#ifndef SVC_ENGINE_H
#define SVC_ENGINE_H

#include <libpq-fe.h>
#include <sqlite3.h>

#include "svc.h"

struct cached;			/* sql.c: the run's prepared statements */

struct pgstmt;			/* pg.c: a statement on the server */

/* One of lite and pg is set: the engine of the connection. */
struct svc_db {
	sqlite3 *lite;
	PGconn *pg;
	struct cached *cache;
	int ncache;
	int nprepared;		/* pg: names given to statements */
	int64_t changes;	/* pg: rows the last statement touched */
	int64_t last_id;	/* pg: svc_pg_last_id's answer */
	int closing;		/* pg: its statements go with it */
#define SVC_PG_LATER 4
	const char *later[SVC_PG_LATER];	/* pg: savepoints put off */
	int nlater;		/* until the next statement (svc_pg_later) */
#define SVC_PG_QUEUE 1000
	int queued;		/* pg: writes sent, not yet answered */
	char sqlstate[6];	/* pg: of the last error */
	char pgmsg[400];
};

struct svc_stmt {
	sqlite3_stmt *lite;
	struct pgstmt *pg;
	struct svc_db *db;
};

/* The server's numbers of the types a value is bound as (pg_type.dat). */
enum { SVC_PG_UNKNOWN = 0, SVC_PG_BOOL = 16, SVC_PG_BYTEA = 17,
	SVC_PG_INT8 = 20, SVC_PG_TEXT = 25 };

/* What a PostgreSQL step returns on an error: none of SQLite's codes. */
#define SVC_PG_ERROR 1000

struct svc_db *svc_db_wrap(sqlite3 *);	/* takes the handle */
struct svc_stmt *svc_stmt_new(struct svc_db *, sqlite3_stmt *,
    struct pgstmt *);
int svc_stmt_wrap(struct svc_db *, sqlite3_stmt *, struct svc_stmt **,
    struct svc_err *);
void svc_db_forget(struct svc_db *);	/* finalizes the cached statements */
void svc_lite_value(sqlite3_value *, struct svc_value *);

/*
 * db.c: one engine's numbered migrations (schema.c, schema_pg.c): steps[i]
 * brings the schema from base + i to base + i + 1; stamp, a format of the
 * new number, records it.
 */
struct svc_migrations {
	const char *const *steps;
	int base;
	const char *stamp;
};
const struct svc_migrations *svc_db_migrations(struct svc_db *);
int svc_db_migrate(struct svc_db *, const char *path,
    const struct svc_migrations *, int want, struct svc_err *);

/* pg.c: the PostgreSQL driver, called by sql.c where a handle has pg. */
int svc_pg_text(const char *sql, struct svc_buf *out);	/* ?N -> $N */
int svc_pg_connect(const char *conninfo, const char *shown, struct svc_db **,
    struct svc_err *);	/* shown: conninfo without its password */
void svc_pg_close(struct svc_db *);
const char *svc_pg_sql(struct svc_stmt *);
int svc_pg_prepare(struct svc_db *, const char *sql, struct svc_stmt **,
    struct svc_err *);
int svc_pg_cursor(struct svc_db *, const char *sql, struct svc_stmt **,
    struct svc_err *);	/* a query read CURSOR_ROWS at a time */
int svc_pg_bind(struct svc_stmt *, int i, const void *v, size_t n,
    unsigned type);	/* SVC_PG_* */
int svc_pg_bind_count(struct svc_stmt *);
int svc_pg_step(struct svc_stmt *);
void svc_pg_reset(struct svc_stmt *);
void svc_pg_finalize(struct svc_stmt *);
int svc_pg_col_count(struct svc_stmt *);
const char *svc_pg_col_name(struct svc_stmt *, int col);
const char *svc_pg_col_text(struct svc_stmt *, int col);
int svc_pg_col_type(struct svc_stmt *, int col);
const void *svc_pg_col_blob(struct svc_stmt *, int col, size_t *n);
int svc_pg_error(struct svc_db *, struct svc_err *);
int svc_pg_exec(struct svc_db *, const char *sql);	/* COMMIT checked */
int svc_pg_later(struct svc_db *, const char *sql);	/* a savepoint's */
int svc_pg_send(struct svc_stmt *);	/* a write, answered later */
void svc_pg_scan(struct svc_stmt *);	/* rows by a cursor, in a transaction */
int svc_pg_in_transaction(struct svc_db *);
int64_t svc_pg_last_id(struct svc_db *);

#endif

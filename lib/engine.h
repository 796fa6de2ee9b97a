/*
 * engine.h - what the SQL layer's handles hold: the engine's own.
 *
 * Private to the files that speak to the engine (sql.c, db.c, query.c);
 * every other module sees struct svc_db and struct svc_stmt as opaque
 * and includes only svc.h.  A second engine adds its handle beside
 * SQLite's here and its branch in those files (issue 20).
 */
#ifndef SVC_ENGINE_H
#define SVC_ENGINE_H

#include <sqlite3.h>

#include "svc.h"

struct cached;			/* sql.c: the run's prepared statements */

struct svc_db {
	sqlite3 *lite;
	struct cached *cache;
	int ncache;
};

struct svc_stmt {
	sqlite3_stmt *lite;
	struct svc_db *db;
};

struct svc_db *svc_db_wrap(sqlite3 *);	/* takes the handle */
int svc_stmt_wrap(struct svc_db *, sqlite3_stmt *, struct svc_stmt **,
    struct svc_err *);
void svc_db_forget(struct svc_db *);	/* finalizes the cached statements */
void svc_lite_value(sqlite3_value *, struct svc_value *);

#endif

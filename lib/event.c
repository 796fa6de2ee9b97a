/*
 * event.c - the append-only history (G4).  Every change to an order, a
 * person or a department appends one row in the same transaction as the
 * change: who did what, when, with the details as JSON.  Triggers in the
 * schema refuse UPDATE and DELETE on it.
 */
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include "svc.h"

/* SVC_USER, else the login name of the effective user. */
const char *
svc_actor(void)
{
	static char name[64];
	const char *s = getenv("SVC_USER");
	struct passwd *pw;

	if (s != NULL && *s != '\0')
		return s;
	if (name[0] == '\0') {
		pw = getpwuid(geteuid());
		snprintf(name, sizeof name, "%s", pw ? pw->pw_name : "unknown");
	}
	return name;
}

int
svc_event_add(sqlite3 *db, int64_t order_id, const char *subject,
    const char *kind, const char *details, struct svc_err *e)
{
	static const char sql[] =
	    "INSERT INTO event (order_id, subject, at, actor, kind, details,"
	    " hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, svc_seal((SELECT hash"
	    " FROM event ORDER BY id DESC LIMIT 1), ?1, ?2, ?3, ?4, ?5, ?6))";
	sqlite3_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	if (order_id > 0)
		sqlite3_bind_int64(st, 1, order_id);
	sqlite3_bind_text(st, 2, subject, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)svc_now());
	sqlite3_bind_text(st, 4, svc_actor(), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, details ? details : "{}", -1, SQLITE_STATIC);
	return svc_db_done(db, st, e);
}

/* Append the event whose details j holds, and let j go. */
int
svc_event_json(sqlite3 *db, int64_t order_id, const char *subject,
    const char *kind, struct svc_json *j, struct svc_err *e)
{
	int rc = svc_event_add(db, order_id, subject, kind, svc_json_end(j), e);

	svc_buf_free(&j->b);
	return rc;
}

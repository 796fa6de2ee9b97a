/*
 * event.c - the append-only history (G4).  Every change to an order, a
 * person or a department appends one row in the same transaction as the
 * change: who did what, when, with the details as JSON.  Triggers in the
 * schema refuse UPDATE and DELETE on it.
 */
#include "svc.h"

int
svc_event_add(struct svc_db *db, int64_t order_id, const char *subject,
    const char *kind, const char *details, struct svc_err *e)
{
	/* entered_by and entered_at are sealed only when there (seal.c). */
	static const char sql[] =
	    "INSERT INTO event (order_id, subject, at, actor, kind, details,"
	    " entered_by, entered_at, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7, ?8, CASE WHEN ?7 IS NULL AND ?8 IS NULL"
	    " THEN svc_seal((SELECT hash FROM event ORDER BY id DESC LIMIT 1),"
	    " ?1, ?2, ?3, ?4, ?5, ?6)"
	    " ELSE svc_seal((SELECT hash FROM event ORDER BY id DESC LIMIT 1),"
	    " ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) END)";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	if (order_id > 0)
		svc_bind_int64(st, 1, order_id);
	svc_bind_text(st, 2, subject);
	svc_bind_int64(st, 3, (int64_t)svc_now());
	svc_bind_text(st, 4, svc_actor());
	svc_bind_text(st, 5, kind);
	svc_bind_text(st, 6, details ? details : "{}");
	/* The one at the keyboard when acting for another; the clock's
	 * time when the command claims another (issue 15). */
	svc_bind_text(st, 7, svc_entered_by());
	if (svc_clock_real() != 0)
		svc_bind_int64(st, 8, (int64_t)svc_clock_real());
	else
		svc_bind_null(st, 8);
	return svc_db_done(db, st, e);
}

/* Append the event whose details j holds, and let j go. */
int
svc_event_json(struct svc_db *db, int64_t order_id, const char *subject,
    const char *kind, struct svc_json *j, struct svc_err *e)
{
	int rc = svc_event_add(db, order_id, subject, kind, svc_json_end(j), e);

	svc_buf_free(&j->b);
	return rc;
}

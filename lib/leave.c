/*
 * leave.c - a worker away (issue 18): leave is recorded with its reason,
 * dispatch never books a visit into it (svc-assign to refuses, auto never
 * picks, a move into it is refused), and leave added after visits were
 * booked is a finding (svc-report clashes) until someone rebooks them.
 * Leave is cancelled, never deleted or rewritten.
 */
#include <string.h>

#include "svc.h"

/* The first leave of person overlapping [at, until); 0 when none. */
int64_t
svc_on_leave(struct svc_db *db, int64_t person, time_t at, time_t until,
    struct svc_leave *l, struct svc_err *e)
{
	static const char sql[] = "SELECT id, from_at, to_at, reason FROM leave"
	    " WHERE staff_id = ?1 AND cancelled_at IS NULL"
	    " AND from_at < ?3 AND to_at > ?2 ORDER BY from_at LIMIT 1";
	struct svc_stmt *st;
	int64_t id = 0;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return -1;
	svc_bind_int64(st, 1, person);
	svc_bind_int64(st, 2, (int64_t)at);
	svc_bind_int64(st, 3, (int64_t)until);
	if ((rc = svc_step(st)) == SVC_ROW) {
		id = svc_col_int64(st, 0);
		l->from = (time_t)svc_col_int64(st, 1);
		l->to = (time_t)svc_col_int64(st, 2);
		snprintf(l->reason, sizeof l->reason, "%s",
		    svc_col_text(st, 3));
	}
	svc_reset(st);
	if (rc != SVC_ROW && rc != SVC_DONE) {
		svc_db_error(db, rc, e);
		return -1;
	}
	return id;
}

/* "2026-12-03 09:00-18:00" or across days "2026-12-03 09:00-2026-12-05 18:00". */
void
svc_leave_span(const struct svc_leave *l, char *buf, size_t n)
{
	char a[32], b[32];

	svc_time_local(l->from, a, sizeof a);
	svc_time_local(l->to, b, sizeof b);
	snprintf(buf, n, "%s-%s", a, strncmp(a, b, 10) ? b : b + 11);
}

static int
leave_event(struct svc_db *db, const char *login, const char *kind,
    struct svc_json *j, struct svc_err *e)
{
	struct svc_buf subject = { 0 };
	int rc;

	svc_buf_printf(&subject, "staff:%s", login);
	rc = svc_event_json(db, 0, subject.s, kind, j, e);
	svc_buf_free(&subject);
	return rc;
}

/* Booked visits of person that [from, to) now overlaps. */
static int
clashing(struct svc_db *db, int64_t person, time_t from, time_t to, int *n,
    struct svc_err *e)
{
	/* the person's two index ranges, as worker and as helper: an OR
	 * would read every order */
	static const char sql[] = "SELECT (SELECT count(*) FROM orders"
	    "   WHERE worker_id = ?1 AND status = 'assigned' AND appt_at < ?3"
	    "   AND appt_at > ?2 - " SVC_LONGEST_VISIT " AND appt_until > ?2)"
	    " + (SELECT count(*) FROM orders"
	    "   WHERE helper_id = ?1 AND status = 'assigned' AND appt_at < ?3"
	    "   AND appt_at > ?2 - " SVC_LONGEST_VISIT " AND appt_until > ?2)";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, person);
	svc_bind_int64(st, 2, (int64_t)from);
	svc_bind_int64(st, 3, (int64_t)to);
	*n = svc_step(st) == SVC_ROW ? svc_col_int(st, 0) : 0;
	svc_reset(st);
	return 0;
}

/*
 * LOGIN away from from to to, for reason.  Leave that overlaps leave of
 * theirs already recorded is refused (cancel that one first); visits
 * already booked into it are kept, counted in *clashes, and are a
 * finding of svc-report clashes until rebooked.
 */
int
svc_leave_add(struct svc_db *db, const char *login, time_t from, time_t to,
    const char *reason, int64_t *id, int *clashes, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO leave (staff_id, from_at, to_at,"
	    " reason, at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct svc_leave other;
	struct svc_json j;
	struct svc_stmt *st;
	int64_t person;
	char span[80];

	svc_clearerr(e);
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e) || svc_staff_id(db, login, &person, e))
		return e->code;
	if (to <= from)
		return svc_seterr(e, SVC_EX_DATA, "%s: leave ends after it "
		    "begins", login);
	if (svc_on_leave(db, person, from, to, &other, e) != 0) {
		if (e->code)
			return e->code;
		svc_leave_span(&other, span, sizeof span);
		return svc_seterr(e, SVC_EX_DATA, "%s: already on leave %s "
		    "(%s)", login, span, other.reason);
	}
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, person);
	svc_bind_int64(st, 2, (int64_t)from);
	svc_bind_int64(st, 3, (int64_t)to);
	svc_bind_text(st, 4, reason);
	svc_bind_int64(st, 5, (int64_t)svc_now());
	svc_bind_text(st, 6, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	*id = svc_db_last_id(db);
	if (clashing(db, person, from, to, clashes, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "leave", *id);
	svc_time_iso(from, span, sizeof span);
	svc_json_str(&j, "from", span);
	svc_time_iso(to, span, sizeof span);
	svc_json_str(&j, "to", span);
	svc_json_str(&j, "reason", reason);
	if (*clashes)
		svc_json_int(&j, "clashes", *clashes);
	return leave_event(db, login, "staff.leave", &j, e);
}

/* The leave will not be taken: cancelled, with why, once. */
int
svc_leave_cancel(struct svc_db *db, int64_t id, const char *reason,
    struct svc_err *e)
{
	static const char find[] = "SELECT s.login, l.cancelled_at IS NOT NULL"
	    " FROM leave l JOIN staff s ON s.id = l.staff_id WHERE l.id = ?1";
	static const char sql[] = "UPDATE leave SET cancelled_at = ?2,"
	    " cancel_reason = ?3, cancelled_by = ?4 WHERE id = ?1";
	struct svc_json j;
	struct svc_stmt *st;
	char login[40] = "";
	int rc, gone = 0;

	svc_clearerr(e);
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e) || svc_db_cached(db, find, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		snprintf(login, sizeof login, "%s", svc_col_text(st, 0));
		gone = svc_col_int(st, 1);
	}
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no such leave",
		    (long long)id);
	if (rc != SVC_ROW)
		return svc_db_error(db, rc, e);
	if (gone)
		return svc_seterr(e, SVC_EX_DATA, "%lld: already cancelled",
		    (long long)id);
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)svc_now());
	svc_bind_text(st, 3, reason);
	svc_bind_text(st, 4, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "leave", id);
	svc_json_str(&j, "reason", reason);
	return leave_event(db, login, "staff.leave_cancel", &j, e);
}

/*
 * The leave not yet over at since (every one, with cancelled), of one
 * person or all, in time order: id, login, from, to, reason, cancelled.
 */
int
svc_leave_query(struct svc_db *db, const char *login, time_t since, int all,
    struct svc_stmt **st, struct svc_err *e)
{
	static const char sql[] = "SELECT l.id, s.login, l.from_at, l.to_at,"
	    " l.reason, l.cancelled_at FROM leave l JOIN staff s"
	    " ON s.id = l.staff_id WHERE l.to_at > ?2"
	    " AND (?1 IS NULL OR s.login = ?1)"
	    " AND (?3 <> 0 OR l.cancelled_at IS NULL)"
	    " ORDER BY l.from_at, l.id";

	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_text(*st, 1, login);
	svc_bind_int64(*st, 2, (int64_t)since);
	svc_bind_int(*st, 3, all);
	return 0;
}

/*
 * close.c - after the work: the return call (回访) and the order closed.
 *
 * An order is closed when all about it is settled: its work is over
 * (done, refused, cancelled, abandoned), nothing is owed, no cash it was
 * paid is still held by a worker (C4), the supervisor has accepted the
 * done visit (C5) and no return call is due.  The command that settles
 * the last of these stores closed_at, with an event; only an admin's
 * reopen, itself an event, takes an order back.
 */
#include <string.h>

#include "svc.h"

/* Close order id if it is settled now; nothing when it is not (yet). */
int
svc_order_settle(struct svc_db *db, int64_t id, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET closed_at = ?2"
	    " WHERE id = ?1 AND closed_at IS NULL"
	    " AND status IN ('done', 'refused', 'cancelled', 'abandoned')"
	    " AND (status <> 'done' OR balance <= 0)"
	    " AND followup_due IS NULL"
	    " AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.order_id = ?1"
	    "  AND v.outcome = 'done' AND v.review_due IS NOT NULL"
	    "  AND coalesce(v.review, '') <> 'ok')"
	    " AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.order_id = ?1"
	    "  AND p.method = 'cash' AND p.place = 'site' AND p.void = 0"
	    "  AND p.kind = 'payment' AND p.handover_id IS NULL)";
	struct svc_json j;
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)svc_now());
	if (svc_db_done(db, st, e) || svc_db_changes(db) == 0)
		return e->code;
	svc_json_begin(&j);
	return svc_event_json(db, id, NULL, "order.close", &j, e);
}

/* A done order of a kind with a return call is due for one. */
int
svc_followup_plan(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const char *kind, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET followup_due = ?2"
	    " WHERE id = ?1";
	const struct svc_rules *r = svc_conf_rules(c, kind);
	struct svc_stmt *st;
	time_t due;

	if (!r->return_visit)
		return 0;
	if (svc_cal_add_dur(svc_conf_cal(c, kind), svc_now(), &r->return_after,
	    &due, e) ||
	    svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)due);
	if (svc_db_done(db, st, e))
		return e->code;
	return svc_notify_followup(db, id, due, e);	/* told to expect it */
}

/*
 * The return call: reached, with the customer's rating and comment, ends
 * it; unreachable keeps it due, up to the kind's return_visit_tries,
 * after which it is given up (recorded, never silently dropped).
 */
int
svc_followup(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const struct svc_followup *f, struct svc_err *e)
{
	static const char add[] = "INSERT INTO followup (order_id, at, reached,"
	    " rating, comment, actor) VALUES (?1, ?2, ?3, nullif(?4, 0), ?5,"
	    " ?6)";
	static const char set[] = "UPDATE orders SET followup_tries ="
	    " followup_tries + 1, followup_due = CASE WHEN ?2 <> 0 THEN NULL"
	    " ELSE followup_due END, followup_rating = coalesce(nullif(?3, 0),"
	    " followup_rating) WHERE id = ?1";
	struct svc_answers answers = { .n = 0 };
	struct svc_json j;
	struct svc_stmt *st;
	struct svc_facts d;
	int over;

	svc_clearerr(e);
	if (svc_text_ok("the comment", f->comment, SVC_TEXT_LINES,
	    SVC_TEXT_LONG, e) || svc_order_facts(db, id, &d, e) ||
	    (f->conduct && svc_conduct_parse(c, id, d.kind, f->conduct,
	    &answers, e)))
		return e->code;
	if (d.followup_due == 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: no return call is due",
		    (long long)id);
	over = f->reached || d.followup_tries + 1 >= svc_conf_rules(c,
	    d.kind)->return_tries;
	if (svc_db_cached(db, add, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)svc_now());
	svc_bind_int(st, 3, f->reached);
	svc_bind_int(st, 4, f->rating);
	svc_bind_text(st, 5, f->comment);
	svc_bind_text(st, 6, svc_actor());
	if (svc_db_done(db, st, e) || svc_db_cached(db, set, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int(st, 2, over);
	svc_bind_int(st, 3, f->reached ? f->rating : 0);
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "reached", f->reached);
	if (f->rating)
		svc_json_int(&j, "rating", f->rating);
	if (f->comment)
		svc_json_str(&j, "comment", f->comment);
	svc_json_int(&j, "try", d.followup_tries + 1);
	if (over && !f->reached)
		svc_json_int(&j, "given_up", 1);
	if (svc_event_json(db, id, NULL, "order.followup", &j, e) ||
	    svc_conduct_record(db, id, &answers, "followup", e))	/* 回访 */
		return e->code;
	return svc_order_settle(db, id, e);
}

/* The only way back from closed: an admin's, with a reason, an event. */
int
svc_order_reopen(struct svc_db *db, int64_t id, const char *reason,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET closed_at = NULL"
	    " WHERE id = ?1 AND closed_at IS NOT NULL";
	struct svc_json j;
	struct svc_stmt *st;
	struct svc_facts d;

	svc_clearerr(e);
	if (reason == NULL || *reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e) || svc_order_facts(db, id, &d, e) ||
	    svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if (svc_db_done(db, st, e))
		return e->code;
	if (svc_db_changes(db) == 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot reopen: the "
		    "order is not closed", (long long)id);
	svc_json_begin(&j);
	svc_json_str(&j, "reason", reason);
	return svc_event_json(db, id, NULL, "order.reopen", &j, e);
}

/*
 * assign.c - dispatch (C2): who goes, and when.  A worker is never booked
 * for two visits at once; a move of an appointment records the notice
 * given, and a provider's move with less than the kind's notice (G9: 8
 * hours) is recorded as short, never refused.  Working hours (G7) and
 * quiet hours (A9) apply as when the reply was given.
 */
#include <string.h>

#include "svc.h"

/* The states in which an order holds a place in its worker's day. */
#define BOOKED "('assigned', 'arrived', 'started', 'suspended')"
#define LONGEST SVC_LONGEST_VISIT

/* An active person with the worker role; 66 when there is no such login. */
int
svc_worker(struct svc_db *db, const char *login, struct svc_worker *w,
    struct svc_err *e)
{
	static const char sql[] = "SELECT s.id, s.active, coalesce(d.code, ''),"
	    " EXISTS (SELECT 1 FROM staff_role r WHERE r.staff_id = s.id"
	    "   AND r.role = 'worker')"
	    " FROM staff s LEFT JOIN dept d ON d.id = s.dept_id"
	    " WHERE s.login = ?1";
	struct svc_stmt *st;
	int rc, active = 0, worker = 0;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	if ((rc = svc_step(st)) == SVC_ROW) {
		w->id = svc_col_int64(st, 0);
		active = svc_col_int(st, 1);
		snprintf(w->dept, sizeof w->dept, "%s", svc_col_text(st, 2));
		worker = svc_col_int(st, 3);
		snprintf(w->login, sizeof w->login, "%s", login);
	}
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%s: no such person on the "
		    "staff", login);
	if (rc != SVC_ROW)
		return svc_db_error(db, rc, e);
	if (!active)
		return svc_seterr(e, SVC_EX_DATA, "%s: disabled", login);
	if (!worker)
		return svc_seterr(e, SVC_EX_DATA, "%s: not a worker", login);
	return 0;
}

/*
 * The first booking of person that overlaps [at, until), other than the
 * order itself; 0 when there is none.  Back-to-back visits do not clash.
 */
int64_t
svc_clash(struct svc_db *db, int64_t person, int64_t id, time_t at, time_t until,
    time_t *cat, time_t *cuntil, struct svc_err *e)
{
	/*
	 * Two index ranges, as worker and as helper; an OR would scan every
	 * order.  A visit is taken to last less than LONGEST, which bounds
	 * the range from below.
	 */
	static const char sql[] = "SELECT id, appt_at, appt_until FROM orders"
	    " WHERE worker_id = ?1 AND id <> ?2 AND status IN " BOOKED
	    " AND appt_at < ?4 AND appt_at > ?3 - " LONGEST
	    " AND appt_until > ?3"
	    " UNION ALL SELECT id, appt_at, appt_until FROM orders"
	    " WHERE helper_id = ?1 AND id <> ?2 AND status IN " BOOKED
	    " AND appt_at < ?4 AND appt_at > ?3 - " LONGEST
	    " AND appt_until > ?3"
	    " ORDER BY 2 LIMIT 1";
	struct svc_stmt *st;
	int64_t other = 0;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return -1;
	svc_bind_int64(st, 1, person);
	svc_bind_int64(st, 2, id);
	svc_bind_int64(st, 3, (int64_t)at);
	svc_bind_int64(st, 4, (int64_t)until);
	if ((rc = svc_step(st)) == SVC_ROW) {
		other = svc_col_int64(st, 0);
		*cat = (time_t)svc_col_int64(st, 1);
		*cuntil = (time_t)svc_col_int64(st, 2);
	}
	svc_reset(st);
	if (rc != SVC_ROW && rc != SVC_DONE) {
		svc_db_error(db, rc, e);
		return -1;
	}
	return other;
}

/* Issue 18: nor outside their own working hours, when they have them. */
static int
off_shift(struct svc_db *db, const struct svc_worker *w, int64_t id, time_t at,
    time_t until, struct svc_err *e)
{
	char hours[80];
	int off;

	if ((off = svc_staff_off_shift(db, w->id, at, until, hours,
	    sizeof hours, e)) <= 0)
		return e->code;
	return svc_seterr(e, SVC_EX_DATA, "%lld: %s works %s (--force to "
	    "send them anyway)", (long long)id, w->login, hours);
}

/* Issue 18: nobody is booked into their own leave. */
static int
away(struct svc_db *db, const struct svc_worker *w, int64_t id, time_t at,
    time_t until, struct svc_err *e)
{
	struct svc_leave l;
	char span[80];
	int64_t leave;

	if ((leave = svc_on_leave(db, w->id, at, until, &l, e)) < 0)
		return e->code;
	if (leave == 0)
		return off_shift(db, w, id, at, until, e);
	svc_leave_span(&l, span, sizeof span);
	return svc_seterr(e, SVC_EX_DATA, "%lld: %s is on leave %s (%s) "
	    "(--force to send them anyway)", (long long)id, w->login, span,
	    l.reason);
}

static int
free_at(struct svc_db *db, const struct svc_worker *w, int64_t id, time_t at,
    time_t until, struct svc_err *e)
{
	time_t cat, cuntil;
	char a[32], b[32];
	int64_t other;

	if (w->id == 0)
		return 0;
	if ((other = svc_clash(db, w->id, id, at, until, &cat, &cuntil, e)) < 0)
		return e->code;
	if (other == 0)
		return away(db, w, id, at, until, e);
	svc_time_local(cat, a, sizeof a);
	svc_time_local(cuntil, b, sizeof b);
	return svc_seterr(e, SVC_EX_DATA, "%lld: %s is booked %s-%s for order "
	    "%lld (--force to double-book)", (long long)id, w->login, a, b + 11,
	    (long long)other);
}

/*
 * The order's worker and helper are both free for [at, until): a new
 * time for its appointment (a move, the resume of A9) double-books
 * nobody; 65, naming the other order, otherwise.
 */
int
svc_booked_free(struct svc_db *db, const struct svc_facts *b, int64_t id,
    time_t at, time_t until, struct svc_err *e)
{
	struct svc_worker w = { 0 }, h = { 0 };

	w.id = b->worker;
	h.id = b->helper;
	snprintf(w.login, sizeof w.login, "the worker");
	snprintf(h.login, sizeof h.login, "the helper");
	if (free_at(db, &w, id, at, until, e) || free_at(db, &h, id, at, until,
	    e))
		return e->code;
	return 0;
}

int
svc_assign(struct svc_db *db, int64_t id, const struct svc_worker *w,
    const struct svc_worker *helper, int force, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET status = 'assigned',"
	    " worker_id = ?2, helper_id = NULLIF(?3, 0),"
	    " forced = CASE WHEN forced <> 0 OR ?4 <> 0 THEN 1 ELSE 0 END"
	    " WHERE id = ?1";
	struct svc_json j;
	struct svc_facts b;
	struct svc_stmt *st;

	svc_clearerr(e);
	if (svc_order_facts(db, id, &b, e) ||
	    svc_order_may(id, &b, "assigned", "assign", e))
		return e->code;
	if (helper && helper->id == w->id)
		return svc_seterr(e, SVC_EX_DATA, "%lld: %s cannot be their own "
		    "helper", (long long)id, w->login);
	if (!force && b.dept[0] && strcmp(b.dept, w->dept) != 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: %s works in %s, the "
		    "order is for %s (--force to send them)", (long long)id,
		    w->login, w->dept[0] ? w->dept : "no department", b.dept);
	if (!force && (free_at(db, w, id, b.at, b.until, e) ||
	    (helper && free_at(db, helper, id, b.at, b.until, e))))
		return e->code;
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, w->id);
	svc_bind_int64(st, 3, helper ? helper->id : 0);
	svc_bind_int(st, 4, force);
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "worker", w->login);
	if (helper)
		svc_json_str(&j, "helper", helper->login);
	if (force)
		svc_json_int(&j, "forced", 1);
	return svc_event_json(db, id, NULL, strcmp(b.status, "assigned") == 0 ?
	    "order.reassign" : "order.assign", &j, e);
}

int
svc_unassign(struct svc_db *db, int64_t id, const char *reason, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET status = 'accepted',"
	    " worker_id = NULL, helper_id = NULL WHERE id = ?1";
	struct svc_json j;
	struct svc_facts b;
	struct svc_stmt *st;

	svc_clearerr(e);
	if (svc_text_ok("the reason", reason, 0, SVC_TEXT_LINE, e) ||
	    svc_order_facts(db, id, &b, e))
		return e->code;
	if (strcmp(b.status, "assigned") != 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot drop: the order "
		    "is %s", (long long)id, svc_label(b.status));
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	if (reason)
		svc_json_str(&j, "reason", reason);
	return svc_event_json(db, id, NULL, "order.drop", &j, e);
}

static int
record_move(struct svc_db *db, int64_t id, const struct svc_facts *b,
    const struct svc_move *m, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO move (order_id, at, old_at,"
	    " new_at, by, notified_at, notice, short, reason, actor, typed)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)svc_now());
	svc_bind_int64(st, 3, (int64_t)b->at);
	if (m->at)
		svc_bind_int64(st, 4, (int64_t)m->at);
	else
		svc_bind_null(st, 4);	/* cancelled: no new time */
	svc_bind_text(st, 5, m->applicant ? "applicant" : "provider");
	svc_bind_int64(st, 6, (int64_t)m->notified);
	svc_bind_int64(st, 7, (int64_t)(b->at - m->notified));
	svc_bind_int(st, 8, m->short_notice);
	svc_bind_text(st, 9, m->reason);
	svc_bind_text(st, 10, svc_actor());
	svc_bind_int(st, 11, m->typed);
	return svc_db_done(db, st, e);
}

static int
move_event(struct svc_db *db, int64_t id, const struct svc_facts *b,
    const struct svc_move *m, struct svc_err *e)
{
	struct svc_json j;
	char t[40];

	svc_json_begin(&j);
	svc_time_iso(b->at, t, sizeof t);
	svc_json_str(&j, "from", t);
	svc_time_iso(m->at, t, sizeof t);
	svc_json_str(&j, "to", t);
	svc_json_str(&j, "by", m->applicant ? "applicant" : "provider");
	svc_json_int(&j, "notice", (int64_t)(b->at - m->notified));
	svc_json_int(&j, "short", m->short_notice);
	svc_json_str(&j, "reason", m->reason);
	if (m->force)
		svc_json_int(&j, "forced", 1);
	return svc_event_json(db, id, NULL, "order.move", &j, e);
}

/* When the appointment now standing was made: its reply or last move. */
static int
booked_at(struct svc_db *db, int64_t id, time_t *at, struct svc_err *e)
{
	static const char sql[] = "SELECT max(coalesce(o.replied_at, 0),"
	    " coalesce((SELECT max(m.at) FROM move m WHERE m.order_id = o.id),"
	    " 0)) FROM orders o WHERE o.id = ?1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	rc = svc_step(st);
	*at = rc == SVC_ROW ? (time_t)svc_col_int64(st, 0) : 0;
	svc_reset(st);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

/*
 * G9 is measured from when the applicant was told, so that time must be
 * one that could be true: not before the appointment being moved was
 * made (that would hide any short notice), not in the future.
 */
static int
notified_ok(struct svc_db *db, int64_t id, time_t notified, struct svc_err *e)
{
	char from[32], to[32];
	time_t made;

	if (booked_at(db, id, &made, e))
		return e->code;
	if (notified >= made && notified <= svc_now())
		return 0;
	svc_time_local(made, from, sizeof from);
	svc_time_local(svc_now(), to, sizeof to);
	return svc_seterr(e, SVC_EX_DATA, "%lld: --notified must lie between "
	    "%s (when the appointment was made) and %s (now)", (long long)id,
	    from, to);
}

/* G9: the notice given before the old appointment, against the rule. */
static void
measure(const struct svc_rules *rules, const struct svc_facts *b,
    struct svc_move *m)
{
	m->notice = b->at - m->notified;
	m->rule = (time_t)rules->notice.secs;
	m->short_notice = !m->applicant && m->notice < rules->notice.secs;
}

/*
 * G9 for a cancellation: an agreed appointment the provider calls off is
 * measured like a move to no new time (m->at 0, recorded as NULL), with
 * the same bounds on when the applicant was told.  The applicant's own
 * cancellation, or an order with no appointment yet, records nothing.
 */
int
svc_cancel_notice(struct svc_db *db, const struct svc_conf *c, int64_t id,
    struct svc_move *m, struct svc_err *e)
{
	struct svc_facts b;

	svc_clearerr(e);
	if (svc_order_facts(db, id, &b, e))
		return e->code;
	if (b.at == 0 || m->applicant)
		return 0;
	if (notified_ok(db, id, m->notified, e))
		return e->code;
	m->at = 0;
	measure(svc_conf_rules(c, b.kind), &b, m);
	if (record_move(db, id, &b, m, e))
		return e->code;
	return svc_notify_move(db, id, b.at, 0, m->reason, e);	/* G9 */
}

/*
 * G9: when the provider cannot come as agreed, the applicant is told at
 * least the kind's notice before the old appointment.  Notified exactly
 * 8:00 before is in time; 7:59 is short.  A short notice is recorded, not
 * refused; a move the applicant asked for never counts against anyone.
 */
int
svc_move(struct svc_db *db, const struct svc_conf *c, int64_t id,
    struct svc_move *m, struct svc_err *e)
{
	/* A product back from the workshop needs a new visit (A8). */
	static const char sql[] = "UPDATE orders SET appt_at = ?2,"
	    " appt_until = ?3, forced = CASE WHEN forced <> 0 OR ?4 <> 0"
	    " THEN 1 ELSE 0 END, status = CASE status"
	    " WHEN 'taken_back' THEN 'assigned' ELSE status END WHERE id = ?1";
	const struct svc_rules *rules;
	struct svc_facts b;
	struct svc_stmt *st;
	time_t until;

	svc_clearerr(e);
	if (m->reason == NULL || *m->reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", m->reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e))
		return e->code;
	if (svc_order_facts(db, id, &b, e))
		return e->code;
	if (strcmp(b.status, "accepted") && strcmp(b.status, "assigned") &&
	    strcmp(b.status, "taken_back"))
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot move: the order "
		    "is %s", (long long)id, svc_label(b.status));
	if (notified_ok(db, id, m->notified, e))
		return e->code;
	rules = svc_conf_rules(c, b.kind);
	until = m->at + (b.until - b.at);
	if (svc_slot_check(c, b.kind, id, m->at, until, m->force, &m->quiet, e))
		return e->code;
	if (!m->force && svc_booked_free(db, &b, id, m->at, until, e))
		return e->code;
	measure(rules, &b, m);
	/*
	 * After a takeback (A8) the old time is the visit that ended: the
	 * move books the return visit, and there is no standing appointment
	 * for G9 to give notice of.
	 */
	if (strcmp(b.status, "taken_back") == 0)
		m->short_notice = 0;
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)m->at);
	svc_bind_int64(st, 3, (int64_t)until);
	svc_bind_int(st, 4, m->force);
	if (svc_db_done(db, st, e) || record_move(db, id, &b, m, e) ||
	    move_event(db, id, &b, m, e))
		return e->code;
	/* G9: the applicant is told, before the time that stood; a return
	 * visit after a takeback is a new booking, told at its reply. */
	if (strcmp(b.status, "taken_back") == 0)
		return 0;
	return svc_notify_move(db, id, b.at, m->at, m->reason, e);
}

/* A worker's day (or any span), in time order, as worker or as helper. */
int
svc_agenda_query(struct svc_db *db, int64_t person, time_t from, time_t to,
    struct svc_stmt **st, struct svc_err *e)
{
	static const char sql[] = "SELECT o.id, o.appt_at, o.appt_until,"
	    " o.customer_name, o.address, c.phone,"
	    " (SELECT group_concat(name || CASE WHEN qty > 1"
	    "   THEN ' x' || qty ELSE '' END, '、') FROM (SELECT name, qty"
	    "   FROM order_service WHERE order_id = o.id ORDER BY line) AS l),"
	    " (SELECT group_concat(value, ';') FROM json_each(o.documents)),"
	    " o.status, CASE WHEN o.helper_id = ?1 THEN 'helper'"
	    "   ELSE 'worker' END, o.note"
	    /* Driven by the person's two index ranges, not by status. */
	    " FROM (SELECT id FROM orders WHERE worker_id = ?1"
	    "   AND appt_at >= ?2 AND appt_at < ?3"
	    "   UNION ALL SELECT id FROM orders WHERE helper_id = ?1"
	    "   AND appt_at >= ?2 AND appt_at < ?3) AS mine"
	    " CROSS JOIN orders o ON o.id = mine.id"
	    " JOIN customer c ON c.id = o.customer_id"
	    " WHERE o.status IN " BOOKED
	    " ORDER BY o.appt_at, o.id";

	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_int64(*st, 1, person);
	svc_bind_int64(*st, 2, (int64_t)from);
	svc_bind_int64(*st, 3, (int64_t)to);
	return 0;
}

static void
day_bounds(time_t t, time_t *from, time_t *to)
{
	struct tm tm;

	svc_local_tm(t, &tm);
	*from = svc_local_mktime(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    0);
	*to = svc_local_mktime(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    24 * 60);
}

/* -v: the one chosen, their load and skills, and who was passed over. */
static void
explain(struct svc_buf *why, const struct svc_worker *w, int64_t load,
    char **need, int nneed, const struct svc_buf *over, int passed)
{
	int i;

	svc_buf_printf(why, "%s: the least booked that day (%lld min)",
	    w->login, (long long)(load / 60));
	for (i = 0; i < nneed; i++)
		svc_buf_printf(why, "%s%s", i ? ", " : ", has ", need[i]);
	if (passed) {
		/* over ends with the chosen one's ", ": cut it */
		svc_buf_printf(why, "; passed over: %.*s", (int)(over->len -
		    2), over->s);
	}
}

/* A skill the order's services need that person lacks, or NULL. */
const char *
svc_order_lacks(struct svc_db *db, const struct svc_conf *c, int64_t id,
    int64_t person, struct svc_err *e)
{
	char *need[16];
	int n;

	if ((n = svc_order_needs(db, c, id, SVC_NEED_SKILLS, need, 16,
	    e)) < 0)
		return NULL;
	return svc_staff_lacks(db, person, need, n, e);
}

/*
 * Why worker w cannot take the order then, into why (NULL: free, with
 * the skills): booked, on leave, or lacking a skill.  1 when passed over.
 */
static int
passed_over(struct svc_db *db, const struct svc_worker *w, const struct svc_facts *b,
    int64_t id, char **need, int nneed, struct svc_buf *why,
    struct svc_err *e)
{
	time_t cat, cuntil;
	struct svc_leave l;
	const char *lacks;
	int64_t other;
	char span[80];

	if ((other = svc_clash(db, w->id, id, b->at, b->until, &cat, &cuntil,
	    e)) < 0)
		return -1;
	if (other) {
		svc_buf_printf(why, "%s (booked for order %lld)", w->login,
		    (long long)other);
		return 1;
	}
	if ((other = svc_on_leave(db, w->id, b->at, b->until, &l, e)) < 0)
		return -1;
	if (other) {
		svc_leave_span(&l, span, sizeof span);
		svc_buf_printf(why, "%s (on leave %s)", w->login, span);
		return 1;
	}
	if ((other = svc_staff_off_shift(db, w->id, b->at, b->until, span,
	    sizeof span, e)) < 0)
		return -1;
	if (other) {
		svc_buf_printf(why, "%s (works %s)", w->login, span);
		return 1;
	}
	lacks = svc_staff_lacks(db, w->id, need, nneed, e);
	if (e->code)
		return -1;
	if (lacks) {
		svc_buf_printf(why, "%s (lacks %s)", w->login, lacks);
		return 1;
	}
	return 0;
}

/*
 * Give an accepted order to the least-loaded active worker of its
 * department who is free then, not on leave, and has the skills its
 * services need (issue 18); load is the time already booked that day,
 * ties broken by login, so the same database gives the same plan.  Each
 * assignment is written before the next order is placed, so one run never
 * double-books a worker.  why, when given, is told who was passed over
 * and for what (svc-assign auto -v).
 */
int
svc_auto_assign(struct svc_db *db, const struct svc_conf *c, int64_t id,
    struct svc_worker *chosen, struct svc_buf *why, struct svc_err *e)
{
	static const char sql[] = "SELECT s.id, s.login, coalesce(d.code, ''),"
	    " (SELECT coalesce(sum(o.appt_until - o.appt_at), 0) FROM orders o"
	    "   WHERE o.worker_id = s.id AND o.status IN " BOOKED
	    "   AND o.appt_at >= ?2 AND o.appt_at < ?3)"
	    " + (SELECT coalesce(sum(o.appt_until - o.appt_at), 0) FROM orders o"
	    "   WHERE o.helper_id = s.id AND o.status IN " BOOKED
	    "   AND o.appt_at >= ?2 AND o.appt_at < ?3) AS load"
	    " FROM staff s LEFT JOIN dept d ON d.id = s.dept_id"
	    " WHERE s.active = 1 AND EXISTS (SELECT 1 FROM staff_role r"
	    "   WHERE r.staff_id = s.id AND r.role = 'worker')"
	    " AND (?1 = '' OR d.code = ?1)"
	    " ORDER BY load, s.login";
	struct svc_buf over = { 0 };
	struct svc_worker w;
	struct svc_facts b;
	struct svc_stmt *st;
	time_t from, to;
	char at[32], until[32], *need[16];
	int rc, nneed, out = 1, n = 0;
	int64_t load = 0;

	svc_clearerr(e);
	if (svc_order_facts(db, id, &b, e))
		return e->code;
	if (strcmp(b.status, "accepted") != 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot assign: the "
		    "order is %s", (long long)id, svc_label(b.status));
	if ((nneed = svc_order_needs(db, c, id, SVC_NEED_SKILLS, need, 16,
	    e)) < 0)
		return e->code;
	day_bounds(b.at, &from, &to);
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, b.dept);
	svc_bind_int64(st, 2, (int64_t)from);
	svc_bind_int64(st, 3, (int64_t)to);
	while (out == 1 && (rc = svc_step(st)) == SVC_ROW) {
		memset(&w, 0, sizeof w);
		w.id = svc_col_int64(st, 0);
		snprintf(w.login, sizeof w.login, "%s", svc_col_text(st, 1));
		snprintf(w.dept, sizeof w.dept, "%s", svc_col_text(st, 2));
		load = svc_col_int64(st, 3);
		if (n++)
			svc_buf_puts(&over, ", ");
		out = passed_over(db, &w, &b, id, need, nneed, &over, e);
	}
	svc_reset(st);
	if (out == 0 && why)
		explain(why, &w, load, need, nneed, &over, n > 1);
	svc_buf_free(&over);
	if (e->code)
		return e->code;
	if (out) {
		svc_time_local(b.at, at, sizeof at);
		svc_time_local(b.until, until, sizeof until);
		return svc_seterr(e, SVC_EX_DATA, "%lld: nobody%s%s%s%s is free "
		    "%s-%s", (long long)id, b.dept[0] ? " in " : "", b.dept,
		    nneed ? " with " : "", nneed ? need[0] : "", at,
		    until + 11);
	}
	*chosen = w;
	return svc_assign(db, id, &w, NULL, 0, e);
}

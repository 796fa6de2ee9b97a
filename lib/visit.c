/*
 * visit.c - the visit at the door (A1-A12, C3, C5, G8, G10).  Each step is
 * a transition of the order, checked against the one table in order.c,
 * with its facts in the row of the order's current visit and an event in
 * the history.  An order has visits 1, 2, ...: a suspension (A9) or a
 * takeback (A8) ends one and the resumed work or the return is the next,
 * so no visit's facts are overwritten by another's.  A step is made by
 * the visit's worker or helper, or recorded by a dispatcher (--by).  A
 * rule broken by a person (arriving late, G8) is recorded; a step that
 * makes no sense (done before start) is refused with exit 65.
 */
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/*
 * The last visit of an order, open or ended; id 0 when it has none.  An
 * order's visits are numbered 1, 2, ...: a revisit is a new row (A8, A9).
 */
struct visit {
	int64_t id;
	int no, open;
	char outcome[16];
	int64_t worker, helper;
	time_t ended;
	char review[8];		/* "", ok or redo (C5) */
};

static int
last_visit(struct svc_db *db, int64_t order, struct visit *v, struct svc_err *e)
{
	static const char sql[] = "SELECT id, no, outcome IS NULL,"
	    " coalesce(outcome, ''), coalesce(worker_id, 0),"
	    " coalesce(helper_id, 0), coalesce(ended_at, 0),"
	    " coalesce(review, '') FROM visit"
	    " WHERE order_id = ?1 ORDER BY no DESC LIMIT 1";
	struct svc_stmt *st;
	int rc;

	memset(v, 0, sizeof *v);
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	if ((rc = svc_step(st)) == SVC_ROW) {
		v->id = svc_col_int64(st, 0);
		v->no = svc_col_int(st, 1);
		v->open = svc_col_int(st, 2);
		snprintf(v->outcome, sizeof v->outcome, "%s",
		    svc_col_text(st, 3));
		v->worker = svc_col_int64(st, 4);
		v->helper = svc_col_int64(st, 5);
		v->ended = (time_t)svc_col_int64(st, 6);
		snprintf(v->review, sizeof v->review, "%s",
		    svc_col_text(st, 7));
	}
	svc_reset(st);
	return rc == SVC_ROW || rc == SVC_DONE ? 0 :
	    svc_db_error(db, rc, e);
}

/*
 * The visit the order's next step at the door belongs to: the open one,
 * else a new one numbered after the last, booked as the order stands
 * (worker, helper, appointment), saying how it came to be: the first
 * booking, a moved appointment (the move that set it), a resume after a
 * suspension (A9) or a return after a takeback (A8).
 */
static int
open_visit(struct svc_db *db, int64_t order, const struct svc_facts *s,
    struct visit *v, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO visit (order_id, no, cause,"
	    " move_id, worker_id, helper_id, appt_at, appt_until)"
	    " SELECT ?1, ?2, coalesce(?3, CASE WHEN m IS NULL THEN 'booking'"
	    "  ELSE 'move' END), m, nullif(?5, 0), nullif(?6, 0),"
	    "  nullif(?7, 0), nullif(?8, 0)"
	    " FROM (SELECT (SELECT max(id) FROM move WHERE order_id = ?1"
	    "  AND new_at IS NOT NULL AND at >= ?4) AS m) AS last_move";
	const char *cause = NULL;
	struct svc_stmt *st;

	if (last_visit(db, order, v, e) || (v->id && v->open))
		return e->code;
	if (strcmp(v->outcome, "suspended") == 0)
		cause = "resume";
	else if (strcmp(v->outcome, "taken_back") == 0)
		cause = "return";
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	svc_bind_int(st, 2, v->no + 1);
	svc_bind_text(st, 3, cause);
	svc_bind_int64(st, 4, (int64_t)v->ended);
	svc_bind_int64(st, 5, s->worker);
	svc_bind_int64(st, 6, s->helper);
	svc_bind_int64(st, 7, (int64_t)s->at);
	svc_bind_int64(st, 8, (int64_t)s->until);
	if (svc_db_done(db, st, e))
		return e->code;
	v->id = svc_db_last_id(db);
	v->no++;
	v->open = 1;
	v->outcome[0] = '\0';
	v->worker = s->worker;
	v->helper = s->helper;
	return 0;
}

/* Whom a dispatcher records the steps for (--by LOGIN); NULL: the actor. */
static const char *by_login;

void
svc_visit_by(const char *login)
{
	by_login = login;
}

/* A person on the staff, active; id 0 when there is no such login. */
struct person {
	int64_t id;
	int dispatcher;		/* may record for others */
	char login[64];
};

static int
person(struct svc_db *db, const char *login, int64_t id, struct person *p,
    struct svc_err *e)
{
	static const char sql[] = "SELECT s.id, s.login, EXISTS (SELECT 1"
	    " FROM staff_role r WHERE r.staff_id = s.id"
	    "  AND r.role IN ('dispatcher', 'admin'))"
	    " FROM staff s WHERE s.active = 1 AND (s.login = ?1 OR s.id = ?2)";
	struct svc_stmt *st;
	int rc;

	memset(p, 0, sizeof *p);
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	svc_bind_int64(st, 2, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		p->id = svc_col_int64(st, 0);
		snprintf(p->login, sizeof p->login, "%s", svc_col_text(st, 1));
		p->dispatcher = svc_col_int(st, 2);
	}
	svc_reset(st);
	return rc == SVC_ROW || rc == SVC_DONE ? 0 :
	    svc_db_error(db, rc, e);
}

/*
 * Who does a step of visit v: the acting person, when they are its worker
 * or helper.  A dispatcher (or admin) records for its worker, or for
 * --by LOGIN.  Anyone else is refused (65): a visit is credited to those
 * who did it (G8, G12).  At the door (arriving) --by may name a worker
 * who came instead of the booked one; that worker becomes the visit's.
 */
static int
visit_person(struct svc_db *db, int64_t id, const struct visit *v, int arriving,
    struct person *who, struct svc_err *e)
{
	struct person actor, booked;
	struct svc_worker w;

	if (person(db, svc_actor(), -1, &actor, e) ||
	    person(db, NULL, v->worker, &booked, e))
		return e->code;
	if (by_login == NULL && actor.id &&
	    (actor.id == v->worker || actor.id == v->helper)) {
		*who = actor;
		return 0;
	}
	if (!actor.dispatcher)
		return svc_seterr(e, by_login ? SVC_EX_NOPERM : SVC_EX_DATA,
		    by_login ? "%lld: %s: --by is for a dispatcher" :
		    "%lld: %s is not on this visit (%s is): reassign it, or a "
		    "dispatcher records it with --by LOGIN", (long long)id,
		    svc_actor(), booked.login[0] ? booked.login : "nobody");
	if (by_login == NULL) {
		*who = booked;
		return 0;
	}
	if (svc_worker(db, by_login, &w, e) ||
	    person(db, by_login, -1, who, e))
		return e->code;
	if (who->id == v->worker || who->id == v->helper || arriving)
		return 0;
	return svc_seterr(e, SVC_EX_DATA, "%lld: %s is not on this visit "
	    "(%s is)", (long long)id, by_login, booked.login);
}

/* The event of a step, saying whom it was recorded for, if not the actor. */
static int
visit_event(struct svc_db *db, int64_t id, const struct visit *v,
    const struct person *who, const char *kind, struct svc_json *j,
    struct svc_err *e)
{
	svc_json_int(j, "visit", v->no);
	if (who->login[0] && strcmp(who->login, svc_actor()) != 0)
		svc_json_str(j, "by", who->login);
	return svc_event_json(db, id, NULL, kind, j, e);
}

/* The open visit of order id and who does this step of it. */
static int
step_visit(struct svc_db *db, int64_t id, const struct svc_facts *s, int arriving,
    struct visit *v, struct person *who, struct svc_err *e)
{
	if (open_visit(db, id, s, v, e))
		return e->code;
	return visit_person(db, id, v, arriving, who, e);
}

static int
set_status(struct svc_db *db, int64_t id, const char *to, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET status = ?2 WHERE id = ?1";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, to);
	return svc_db_done(db, st, e);
}

/* Run one UPDATE of visit v (?1, its row) with the values bound after. */
struct val {
	enum { V_NULL, V_INT, V_TEXT, V_BLOB } t;
	int64_t i;
	const char *s;
	size_t n;
};

static int
visit_set(struct svc_db *db, const char *sql, const struct visit *v,
    const struct val *val, int nv, struct svc_err *e)
{
	struct svc_stmt *st;
	int i;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, v->id);
	for (i = 0; i < nv; i++) {
		if (val[i].t == V_INT)
			svc_bind_int64(st, i + 2, val[i].i);
		else if (val[i].t == V_TEXT)
			svc_bind_text(st, i + 2, val[i].s);
		else if (val[i].t == V_BLOB)
			svc_bind_blob(st, i + 2, val[i].s, val[i].n);
	}
	return svc_db_done(db, st, e);
}

static struct val
vint(int64_t i)
{
	struct val v = { V_INT, i, NULL, 0 };

	return v;
}

static struct val
vtext(const char *s)
{
	struct val v = { s ? V_TEXT : V_NULL, 0, s, 0 };

	return v;
}

static void
json_time(struct svc_json *j, const char *key, time_t t)
{
	char buf[40];

	svc_time_iso(t, buf, sizeof buf);
	svc_json_str(j, key, buf);
}

/* A1: the worker tells the customer about a delay before the visit. */
int
svc_visit_late(struct svc_db *db, int64_t id, time_t eta, const char *reason,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET eta = ?2, late_reason = ?3,"
	    " announced_at = ?4 WHERE id = ?1";
	struct val val[3];
	struct svc_json j;
	struct svc_facts s;
	struct visit v;
	struct person who;

	svc_clearerr(e);
	if (svc_text_ok("the reason", reason, 0, SVC_TEXT_LINE, e) ||
	    svc_order_facts(db, id, &s, e))
		return e->code;
	if (strcmp(s.status, "assigned") != 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot announce a delay:"
		    " the order is %s", (long long)id, svc_label(s.status));
	if (eta <= s.at)
		return svc_seterr(e, SVC_EX_DATA, "%lld: the new arrival time is "
		    "not after the appointment", (long long)id);
	if (step_visit(db, id, &s, 0, &v, &who, e))
		return e->code;
	val[0] = vint(eta);
	val[1] = vtext(reason);
	val[2] = vint(svc_now());
	if (visit_set(db, sql, &v, val, 3, e))
		return e->code;
	svc_json_begin(&j);
	json_time(&j, "eta", eta);
	svc_json_int(&j, "in_advance", svc_now() <= s.at);
	if (reason)
		svc_json_str(&j, "reason", reason);
	if (visit_event(db, id, &v, &who, "visit.late", &j, e))
		return e->code;
	return svc_notify_late(db, id, eta, reason, e);	/* A1 */
}

/* A8: the product taken back on the visit before v is back at the door. */
static int
returned(struct svc_db *db, int64_t id, const struct visit *v, time_t now,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET returned_at = ?3"
	    " WHERE order_id = ?1 AND no = ?2 AND outcome = 'taken_back'"
	    " AND returned_at IS NULL";
	struct svc_stmt *st;

	if (v->no < 2 || svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int(st, 2, v->no - 1);
	svc_bind_int64(st, 3, (int64_t)now);
	return svc_db_done(db, st, e);
}

/*
 * G8: staff arrive before the appointed time; later is late, in minutes,
 * of this visit's appointment.  The visit is booked as the order stands
 * now (a move or a reassignment before arrival changes the booking, and
 * the move table keeps the old times), with the worker who came.
 */
static int
arrive(struct svc_db *db, int64_t id, const struct svc_facts *s, struct visit *v,
    struct person *who, int *late, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET worker_id = ?2,"
	    " helper_id = nullif(?3, 0), appt_at = ?4, appt_until = ?5,"
	    " arrived_at = ?6, late_minutes = ?7 WHERE id = ?1";
	time_t now = svc_now();
	struct val val[6];

	if (step_visit(db, id, s, 1, v, who, e))
		return e->code;
	*late = now > s->at ? (int)((now - s->at + 59) / 60) : 0;
	val[0] = vint(who->id == v->helper && v->helper ? v->worker : who->id);
	val[1] = vint(v->helper);
	val[2] = vint(s->at);
	val[3] = vint(s->until);
	val[4] = vint(now);
	val[5] = vint(*late);
	if (visit_set(db, sql, v, val, 6, e))
		return e->code;
	return returned(db, id, v, now, e);
}

int
svc_visit_arrive(struct svc_db *db, int64_t id, int *late_minutes,
    struct svc_err *e)
{
	struct svc_json j;
	struct svc_facts s;
	struct visit v;
	struct person who;

	svc_clearerr(e);
	if (svc_order_facts(db, id, &s, e) ||
	    svc_order_may(id, &s, "arrived", "arrive", e) ||
	    arrive(db, id, &s, &v, &who, late_minutes, e) ||
	    set_status(db, id, "arrived", e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "late_minutes", *late_minutes);
	return visit_event(db, id, &v, &who, "visit.arrive", &j, e);
}

/* A4: the applicant is there and agrees; the work begins. */
int
svc_visit_start(struct svc_db *db, int64_t id, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET started_at = coalesce("
	    "started_at, ?2) WHERE id = ?1";
	struct val val[1];
	struct svc_json j;
	struct svc_facts s;
	struct visit v;
	struct person who;

	svc_clearerr(e);
	if (svc_order_facts(db, id, &s, e) ||
	    svc_order_may(id, &s, "started", "start", e) ||
	    step_visit(db, id, &s, 0, &v, &who, e))
		return e->code;
	val[0] = vint(svc_now());
	if (visit_set(db, sql, &v, val, 1, e) ||
	    set_status(db, id, "started", e))
		return e->code;
	svc_json_begin(&j);
	return visit_event(db, id, &v, &who, "visit.start", &j, e);
}

/*
 * A9: the work goes on at the agreed time, as a new visit (the suspended
 * one has ended): at the door and started at once, late against the
 * resume time as any arrival is (G8).
 */
int
svc_visit_resume(struct svc_db *db, int64_t id, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET started_at = ?2"
	    " WHERE id = ?1";
	struct val val[1];
	struct svc_json j;
	struct svc_facts s;
	struct visit v;
	struct person who;
	int late;

	svc_clearerr(e);
	if (svc_order_facts(db, id, &s, e) ||
	    svc_order_may(id, &s, "started", "resume", e) ||
	    arrive(db, id, &s, &v, &who, &late, e))
		return e->code;
	val[0] = vint(svc_now());
	if (visit_set(db, sql, &v, val, 1, e) ||
	    set_status(db, id, "started", e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "late_minutes", late);
	return visit_event(db, id, &v, &who, "visit.resume", &j, e);
}

/* G10: a call or other attempt to reach the applicant. */
int
svc_visit_contact(struct svc_db *db, int64_t id, int reached, const char *note,
    struct svc_err *e)
{
	static const char sql[] = "INSERT INTO contact (order_id, at, reached,"
	    " note, actor) VALUES (?1, ?2, ?3, ?4, ?5)";
	static const char *const open[] = {
		"accepted", "assigned", "arrived", "started", "suspended", NULL
	};
	struct svc_json j;
	struct svc_stmt *st;
	struct svc_facts s;
	int i;

	svc_clearerr(e);
	if (svc_text_ok("the note", note, SVC_TEXT_LINES, SVC_TEXT_LINE, e) ||
	    svc_order_facts(db, id, &s, e))
		return e->code;
	for (i = 0; open[i] && strcmp(open[i], s.status); i++)
		;
	if (open[i] == NULL)
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot record a contact:"
		    " the order is %s", (long long)id, svc_label(s.status));
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)svc_now());
	svc_bind_int(st, 3, reached);
	svc_bind_text(st, 4, note);
	svc_bind_text(st, 5, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "reached", reached);
	if (note)
		svc_json_str(&j, "note", note);
	return svc_event_json(db, id, NULL, "visit.contact", &j, e);
}

static int
today(void)
{
	time_t now = svc_now();
	struct tm tm;

	localtime_r(&now, &tm);
	return svc_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

/*
 * A4-A7: the checks before working.  Without a voucher the barcode
 * decides coverage (A5).  Missing parts, damage and a fault not caused by
 * the company are signed by the customer at once (A6, A7).  Not covered,
 * or not ours, makes the visit chargeable (A7).
 */
int
svc_visit_check(struct svc_db *db, int64_t id, struct svc_check *c,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET voucher = ?2,"
	    " barcode = ?3, covered = ?4, covered_until = ?5,"
	    " parts_missing = ?6, damage = ?7, not_ours = ?8,"
	    " checks_signed_by = ?9, chargeable = ?10 WHERE id = ?1";
	struct svc_warranty w = { 0 };
	char until[16] = "";
	struct svc_json j;
	struct val v[9];
	struct svc_facts s;
	struct visit cur;
	struct person who;
	int y, m, d;

	svc_clearerr(e);
	if (svc_text_ok("the missing parts", c->parts_missing, 0,
	    SVC_TEXT_LINE, e) || svc_text_ok("the damage", c->damage, 0,
	    SVC_TEXT_LINE, e) || svc_text_ok("the fault not ours", c->not_ours,
	    0, SVC_TEXT_LINE, e) || svc_text_ok("the signer", c->signed_by, 0,
	    SVC_TEXT_SHORT, e) || svc_order_facts(db, id, &s, e))
		return e->code;
	if (strcmp(s.status, "arrived") && strcmp(s.status, "started"))
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot check: the order "
		    "is %s", (long long)id, svc_label(s.status));
	if (step_visit(db, id, &s, 0, &cur, &who, e))
		return e->code;
	if ((c->parts_missing || c->damage || c->not_ours) &&
	    (c->signed_by == NULL || *c->signed_by == '\0'))
		return svc_seterr(e, SVC_EX_DATA, "%lld: missing parts, damage "
		    "or a fault not ours must be signed by the customer at once "
		    "(A6, A7): --signed-by NAME", (long long)id);
	c->covered = c->voucher > 0;
	if (c->voucher <= 0 && c->barcode) {
		if (svc_warranty(db, c->barcode, today(), &w, e))
			return e->code;
		c->covered = w.covered;
		svc_civil_from_days(w.until, &y, &m, &d);
		snprintf(until, sizeof until, "%04d-%02d-%02d", y, m, d);
	}
	snprintf(c->covered_until, sizeof c->covered_until, "%s", until);
	c->chargeable = !c->covered || c->not_ours != NULL;
	v[0] = c->voucher < 0 ? vtext(NULL) : vint(c->voucher);
	v[1] = vtext(c->barcode);
	v[2] = vint(c->covered);
	v[3] = vtext(until[0] ? until : NULL);
	v[4] = vtext(c->parts_missing);
	v[5] = vtext(c->damage);
	v[6] = vtext(c->not_ours);
	v[7] = vtext(c->signed_by);
	v[8] = vint(c->chargeable);
	if (visit_set(db, sql, &cur, v, 9, e))
		return e->code;
	svc_json_begin(&j);
	if (c->voucher >= 0)
		svc_json_int(&j, "voucher", c->voucher);
	if (c->barcode)
		svc_json_str(&j, "barcode", c->barcode);
	svc_json_int(&j, "covered", c->covered);
	if (until[0])
		svc_json_str(&j, "covered_until", until);
	if (c->parts_missing)
		svc_json_str(&j, "parts_missing", c->parts_missing);
	if (c->damage)
		svc_json_str(&j, "damage", c->damage);
	if (c->not_ours)
		svc_json_str(&j, "not_ours", c->not_ours);
	if (c->signed_by)
		svc_json_str(&j, "signed_by", c->signed_by);
	svc_json_int(&j, "chargeable", c->chargeable);
	return visit_event(db, id, &cur, &who, "visit.check", &j, e);
}

/*
 * The end of the open visit v: its outcome, why, and when it was over.
 * The order's status moves with it.
 */
static int
visit_end(struct svc_db *db, const struct visit *v, const char *outcome,
    const char *reason, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET ended_at = ?2,"
	    " outcome = ?3, end_reason = ?4 WHERE id = ?1";
	struct val val[3];

	val[0] = vint(svc_now());
	val[1] = vtext(outcome);
	val[2] = vtext(reason);
	return visit_set(db, sql, v, val, 3, e);
}

/*
 * A visit that ends with its order (a cancellation, an abandonment,
 * G10): the open visit of order id, if there is one, gets its outcome.
 */
int
svc_visit_close(struct svc_db *db, int64_t id, const char *outcome,
    const char *reason, struct svc_err *e)
{
	struct visit v;

	if (last_visit(db, id, &v, e) || v.id == 0 || !v.open)
		return e->code;
	return visit_end(db, &v, outcome, reason, e);
}

/*
 * A9: the work is interrupted for the customer's rest or meal and goes on
 * when they are available.  This visit ends (suspended); the resume time
 * is the order's new appointment, kept by the next visit.
 */
int
svc_visit_suspend(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const char *reason, time_t resume_at, int force, int *quiet,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET status = 'suspended',"
	    " appt_at = ?2, appt_until = ?3 WHERE id = ?1";
	static const char resume_sql[] = "UPDATE visit SET resume_at = ?2"
	    " WHERE id = ?1";
	struct val val[1];
	struct svc_json j;
	struct svc_stmt *st;
	struct svc_facts s;
	struct visit v;
	struct person who;
	time_t until;

	svc_clearerr(e);
	if (reason == NULL || *reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e))
		return e->code;
	if (svc_order_facts(db, id, &s, e) ||
	    svc_order_may(id, &s, "suspended", "suspend", e))
		return e->code;
	until = resume_at + (s.until - s.at);
	if (resume_at <= svc_now())
		return svc_seterr(e, SVC_EX_DATA, "%lld: the work resumes later, "
		    "not before now", (long long)id);
	/* the resumed visit is booked as any: hours (G7), nobody twice */
	if (svc_slot_check(c, s.kind, id, resume_at, until, force, quiet, e) ||
	    (!force && svc_booked_free(db, &s, id, resume_at, until, e)) ||
	    step_visit(db, id, &s, 0, &v, &who, e))
		return e->code;
	val[0] = vint(resume_at);
	if (visit_end(db, &v, "suspended", reason, e) ||
	    visit_set(db, resume_sql, &v, val, 1, e) ||
	    svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)resume_at);
	svc_bind_int64(st, 3, (int64_t)until);
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "reason", reason);
	json_time(&j, "resume_at", resume_at);
	return visit_event(db, id, &v, &who, "visit.suspend", &j, e);
}

/*
 * A8: it cannot be fixed here; the product goes to the workshop, to come
 * back by return_by.  The visit ends (taken back); a move books the next.
 */
int
svc_visit_takeback(struct svc_db *db, int64_t id, const char *reason,
    const char *return_by, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET return_by = ?2"
	    " WHERE id = ?1";
	struct svc_json j;
	struct val val[1];
	struct svc_facts s;
	struct visit v;
	struct person who;

	svc_clearerr(e);
	if (reason == NULL || *reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e))
		return e->code;
	if (svc_order_facts(db, id, &s, e) ||
	    svc_order_may(id, &s, "taken_back", "take back", e) ||
	    step_visit(db, id, &s, 0, &v, &who, e))
		return e->code;
	val[0] = vtext(return_by);
	if (visit_set(db, sql, &v, val, 1, e) ||
	    visit_end(db, &v, "taken_back", reason, e) ||
	    set_status(db, id, "taken_back", e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "reason", reason);
	if (return_by)
		svc_json_str(&j, "return_by", return_by);
	return visit_event(db, id, &v, &who, "visit.takeback", &j, e);
}

/* C5: when the supervisor is to have reviewed visit v, from now. */
static int
review_due(struct svc_db *db, const struct svc_conf *c, const struct visit *v,
    const char *kind, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET review_due = ?2,"
	    " review = NULL WHERE id = ?1";
	const struct svc_rules *r = svc_conf_rules(c, kind);
	struct val val[1];
	time_t due;

	if (!r->review)
		return 0;
	if (svc_cal_add_dur(svc_conf_cal(c, kind), svc_now(), &r->review_within,
	    &due, e))
		return e->code;
	val[0] = vint(due);
	return visit_set(db, sql, v, val, 1, e);
}

/*
 * A10, C5: the service record is complete and signed by the customer,
 * with their feedback; this is the completion report to the supervisor.
 */
int
svc_visit_done(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const struct svc_done *d, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET signed_by = ?2,"
	    " rating = ?3, comment = ?4, signature = ?5 WHERE id = ?1";
	struct svc_answers answers = { .n = 0 };
	struct svc_json j;
	struct val val[4];
	struct svc_facts s;
	struct visit v;
	struct person who;

	svc_clearerr(e);
	if (d->signed_by == NULL || *d->signed_by == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "the customer signs: "
		    "--signed-by NAME (A10)");
	if (svc_text_ok("the signer", d->signed_by, SVC_TEXT_REQUIRED,
	    SVC_TEXT_SHORT, e) || svc_text_ok("the comment", d->comment,
	    SVC_TEXT_LINES, SVC_TEXT_LONG, e))
		return e->code;
	if (d->rating && (d->rating < 1 || d->rating > 5))
		return svc_seterr(e, SVC_EX_DATA, "%d: a rating is 1 to 5",
		    d->rating);
	if (svc_order_facts(db, id, &s, e) ||
	    (d->conduct && svc_conduct_parse(c, id, s.kind, d->conduct,
	    &answers, e)) ||
	    svc_order_may(id, &s, "done", "finish", e) ||
	    step_visit(db, id, &s, 0, &v, &who, e))
		return e->code;
	val[0] = vtext(d->signed_by);
	val[1] = d->rating ? vint(d->rating) : vtext(NULL);
	val[2] = vtext(d->comment);
	val[3] = (struct val){ d->signature ? V_BLOB : V_NULL, 0,
	    d->signature, d->signature_len };
	if (visit_set(db, sql, &v, val, 4, e) ||
	    visit_end(db, &v, "done", NULL, e) ||
	    review_due(db, c, &v, s.kind, e) ||
	    set_status(db, id, "done", e) ||
	    svc_followup_plan(db, c, id, s.kind, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "signed_by", d->signed_by);
	if (d->rating)
		svc_json_int(&j, "rating", d->rating);
	if (d->comment)
		svc_json_str(&j, "comment", d->comment);
	if (d->signature)
		svc_json_int(&j, "signature_bytes", (int64_t)d->signature_len);
	if (visit_event(db, id, &v, &who, "visit.done", &j, e) ||
	    svc_conduct_record(db, id, &answers, "done", e))	/* A13-A20 */
		return e->code;
	return svc_order_settle(db, id, e);
}

/*
 * C5: after a visit the worker reports the result to the supervisor:
 * what the customer asked, parts used, problems.  A report on a visit
 * sent back (redo) puts it up for review again.
 */
int
svc_visit_report(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const char *note, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET report = ?2,"
	    " reported_at = ?3 WHERE id = ?1";
	struct val val[2];
	struct svc_json j;
	struct svc_facts s;
	struct visit v;
	struct person who;

	svc_clearerr(e);
	if (svc_text_ok("the report", note, SVC_TEXT_REQUIRED | SVC_TEXT_LINES,
	    SVC_TEXT_LONG, e) || svc_order_facts(db, id, &s, e) ||
	    last_visit(db, id, &v, e))
		return e->code;
	if (v.id == 0 || v.open || strcmp(v.outcome, "cancelled") == 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: no visit has ended to "
		    "report on", (long long)id);
	if (strcmp(v.review, "ok") == 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: visit %d is reviewed "
		    "and accepted", (long long)id, v.no);
	if (visit_person(db, id, &v, 0, &who, e))
		return e->code;
	val[0] = vtext(note);
	val[1] = vint(svc_now());
	if (visit_set(db, sql, &v, val, 2, e) ||
	    (strcmp(v.review, "redo") == 0 &&
	    review_due(db, c, &v, s.kind, e)))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "note", note);
	return visit_event(db, id, &v, &who, "visit.report", &j, e);
}

/*
 * C5: the supervisor (a dispatcher) accepts the done visit, or sends it
 * back with a reason, for the worker to put right and report again.
 * Nobody reviews a visit of their own.
 */
int
svc_visit_review(struct svc_db *db, int64_t id, int ok, const char *reason,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET review = ?2,"
	    " review_reason = ?3, reviewed_at = ?4, reviewed_by = ?5"
	    " WHERE id = ?1";
	struct val val[4];
	struct svc_json j;
	struct visit v;
	struct person actor;

	svc_clearerr(e);
	if (!ok && (reason == NULL || *reason == '\0'))
		return svc_seterr(e, SVC_EX_USAGE, "--redo needs a --reason");
	if (svc_text_ok("the reason", reason, 0, SVC_TEXT_LINE, e) ||
	    last_visit(db, id, &v, e) || person(db, svc_actor(), -1, &actor,
	    e))
		return e->code;
	if (!actor.dispatcher)
		return svc_seterr(e, SVC_EX_NOPERM, "%s: not allowed: a "
		    "dispatcher reviews the work (C5)", svc_actor());
	if (v.id == 0 || strcmp(v.outcome, "done"))
		return svc_seterr(e, SVC_EX_DATA, "%lld: no done visit to "
		    "review", (long long)id);
	if (v.review[0])
		return svc_seterr(e, SVC_EX_DATA, "%lld: visit %d is %s; %s",
		    (long long)id, v.no, strcmp(v.review, "ok") ? "sent back" :
		    "accepted", strcmp(v.review, "ok") ? "the worker reports "
		    "again first" : "nothing to review");
	if (actor.id == v.worker || actor.id == v.helper)
		return svc_seterr(e, SVC_EX_NOPERM, "%lld: %s made this visit "
		    "and cannot review it", (long long)id, actor.login);
	val[0] = vtext(ok ? "ok" : "redo");
	val[1] = vtext(reason);
	val[2] = vint(svc_now());
	val[3] = vtext(actor.login);
	if (visit_set(db, sql, &v, val, 4, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "visit", v.no);
	svc_json_str(&j, "review", ok ? "ok" : "redo");
	if (reason)
		svc_json_str(&j, "reason", reason);
	if (svc_event_json(db, id, NULL, "visit.review", &j, e))
		return e->code;
	return ok ? svc_order_settle(db, id, e) : 0;
}

int
svc_visit_attach(struct svc_db *db, int64_t id, const char *kind, const char *name,
    const void *data, size_t len, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO attachment (order_id, kind,"
	    " name, data, at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct svc_json j;
	struct svc_stmt *st;
	struct svc_facts s;

	svc_clearerr(e);
	if (svc_text_ok("the file name", name, 0, SVC_TEXT_SHORT, e) ||
	    svc_order_facts(db, id, &s, e) || svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, kind);
	svc_bind_text(st, 3, name);
	svc_bind_blob(st, 4, data, len);
	svc_bind_int64(st, 5, (int64_t)svc_now());
	svc_bind_text(st, 6, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "kind", kind);
	svc_json_str(&j, "name", name);
	svc_json_int(&j, "bytes", (int64_t)len);
	return svc_event_json(db, id, NULL, "visit.attach", &j, e);
}

/* The stored signature image; 66 when there is none. */
int
svc_visit_signature(struct svc_db *db, int64_t id, struct svc_buf *out,
    struct svc_err *e)
{
	static const char sql[] = "SELECT signature FROM visit"
	    " WHERE order_id = ?1 AND signature IS NOT NULL"
	    " ORDER BY no DESC LIMIT 1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW)
		svc_buf_add(out, svc_col_blob(st, 0),
		    (size_t)svc_col_bytes(st, 0));
	svc_finalize(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no signature stored",
		    (long long)id);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

/*
 * G10: an applicant is deemed to have abandoned the appointment when,
 * noshow_after (30 minutes) past the appointed time, the worker is there
 * (arrived), the work never started, and a contact attempt after the
 * appointed time found them unreachable with none reached.  Orders where
 * nobody has tried to call yet are reported, not flagged.  With apply,
 * each is marked abandoned in the caller's transaction, so two sweeps at
 * once flag it once.
 */
int
svc_noshow(struct svc_db *db, const struct svc_conf *c, int apply,
    void (*found)(int64_t id, time_t at, int call_first, void *), void *arg,
    int *nflagged, struct svc_err *e)
{
	static const char sql[] = "SELECT o.id, o.kind, o.appt_at,"
	    " (SELECT count(*) FROM contact t WHERE t.order_id = o.id"
	    "   AND t.at >= o.appt_at AND t.reached = 0),"
	    " (SELECT count(*) FROM contact t WHERE t.order_id = o.id"
	    "   AND t.at >= o.appt_at AND t.reached = 1)"
	    " FROM orders o WHERE o.status = 'arrived' AND o.appt_at <= ?1"
	    " ORDER BY o.appt_at, o.id";
	const struct svc_rules *r;
	struct svc_buf flagged = { 0 };
	struct svc_json j;
	struct svc_stmt *st;
	time_t now = svc_now(), at;
	int64_t id;
	int rc, unreachable, reached, i;

	*nflagged = 0;
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, (int64_t)now);
	while ((rc = svc_step(st)) == SVC_ROW) {
		id = svc_col_int64(st, 0);
		r = svc_conf_rules(c, svc_col_text(st, 1));
		at = (time_t)svc_col_int64(st, 2);
		unreachable = svc_col_int(st, 3);
		reached = svc_col_int(st, 4);
		if (now < at + (time_t)r->noshow_after.secs || reached)
			continue;
		found(id, at, !unreachable, arg);
		if (unreachable)
			svc_buf_add(&flagged, (const char *)&id, sizeof id);
	}
	svc_finalize(st);
	if (rc != SVC_DONE) {
		svc_buf_free(&flagged);
		return svc_db_error(db, rc, e);
	}
	/* Marked after the scan: never change rows under an open cursor. */
	*nflagged = (int)(flagged.len / sizeof id);
	for (i = 0; apply && i < *nflagged; i++) {
		memcpy(&id, flagged.s + i * sizeof id, sizeof id);
		if (set_status(db, id, "abandoned", e) ||
		    svc_visit_close(db, id, "abandoned", NULL, e))
			break;
		svc_json_begin(&j);
		json_time(&j, "swept_at", now);
		if (svc_event_json(db, id, NULL, "order.noshow", &j, e) ||
		    svc_notify_abandoned(db, id, e) ||
		    svc_order_settle(db, id, e))
			break;
	}
	svc_buf_free(&flagged);
	return e->code;
}

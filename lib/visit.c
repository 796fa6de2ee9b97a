/*
 * visit.c - the visit at the door (A1-A12, C3, C5, G8, G10).  Each step is
 * a transition of the order, checked against the one table in order.c,
 * with its facts in the visit row and an event in the history.  A rule
 * broken by a person (arriving late, G8) is recorded; a step that makes no
 * sense (done before start) is refused with exit 65.
 */
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/* The visit row exists from the first step at the door on. */
static int
visit_row(sqlite3 *db, int64_t id, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO visit (order_id) VALUES (?1)"
	    " ON CONFLICT (order_id) DO NOTHING";
	sqlite3_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	return svc_db_done(db, st, e);
}

static int
set_status(sqlite3 *db, int64_t id, const char *to, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET status = ?2 WHERE id = ?1";
	sqlite3_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	return svc_db_done(db, st, e);
}

/* Run one UPDATE of the visit row with up to four bound values. */
struct val {
	enum { V_NULL, V_INT, V_TEXT, V_BLOB } t;
	int64_t i;
	const char *s;
	size_t n;
};

static int
visit_set(sqlite3 *db, const char *sql, int64_t id, const struct val *v,
    int nv, struct svc_err *e)
{
	sqlite3_stmt *st;
	int i;

	if (visit_row(db, id, e) || svc_db_cached(db, sql, &st, e))
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	for (i = 0; i < nv; i++) {
		if (v[i].t == V_INT)
			sqlite3_bind_int64(st, i + 2, v[i].i);
		else if (v[i].t == V_TEXT)
			sqlite3_bind_text(st, i + 2, v[i].s, -1, SQLITE_STATIC);
		else if (v[i].t == V_BLOB)
			sqlite3_bind_blob(st, i + 2, v[i].s, (int)v[i].n,
			    SQLITE_STATIC);
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
svc_visit_late(sqlite3 *db, int64_t id, time_t eta, const char *reason,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET eta = ?2, late_reason = ?3,"
	    " announced_at = ?4 WHERE order_id = ?1";
	struct val v[3];
	struct svc_json j;
	struct svc_facts s;

	svc_clearerr(e);
	if (svc_text_ok("the reason", reason, 0, SVC_TEXT_LINE, e) ||
	    svc_order_facts(db, id, &s, e))
		return e->code;
	if (strcmp(s.status, "assigned") != 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot announce a delay:"
		    " the order is %s", (long long)id, s.status);
	if (eta <= s.at)
		return svc_seterr(e, SVC_EX_DATA, "%lld: the new arrival time is "
		    "not after the appointment", (long long)id);
	v[0] = vint(eta);
	v[1] = vtext(reason);
	v[2] = vint(svc_now());
	if (visit_set(db, sql, id, v, 3, e))
		return e->code;
	svc_json_begin(&j);
	json_time(&j, "eta", eta);
	svc_json_int(&j, "in_advance", svc_now() <= s.at);
	if (reason)
		svc_json_str(&j, "reason", reason);
	return svc_event_json(db, id, NULL, "visit.late", &j, e);
}

/* G8: staff arrive before the appointed time; later is late, in minutes. */
int
svc_visit_arrive(sqlite3 *db, int64_t id, int *late_minutes,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET arrived_at = ?2,"
	    " late_minutes = ?3 WHERE order_id = ?1";
	time_t now = svc_now();
	struct val v[2];
	struct svc_json j;
	struct svc_facts s;

	svc_clearerr(e);
	if (svc_order_facts(db, id, &s, e) || svc_order_may(id, &s, "arrived", "arrive", e))
		return e->code;
	*late_minutes = now > s.at ? (int)((now - s.at + 59) / 60) : 0;
	v[0] = vint(now);
	v[1] = vint(*late_minutes);
	if (visit_set(db, sql, id, v, 2, e) || set_status(db, id, "arrived", e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "late_minutes", *late_minutes);
	return svc_event_json(db, id, NULL, "visit.arrive", &j, e);
}

/* A simple step: the transition, a time stamp, an event. */
static int
simple(sqlite3 *db, int64_t id, const char *to, const char *verb,
    const char *sql, const char *kind, const char *reason, struct svc_err *e)
{
	struct val v[1];
	struct svc_json j;
	struct svc_facts s;

	svc_clearerr(e);
	if (svc_order_facts(db, id, &s, e) || svc_order_may(id, &s, to, verb, e))
		return e->code;
	v[0] = vint(svc_now());
	if ((sql && visit_set(db, sql, id, v, 1, e)) ||
	    set_status(db, id, to, e))
		return e->code;
	svc_json_begin(&j);
	if (reason)
		svc_json_str(&j, "reason", reason);
	return svc_event_json(db, id, NULL, kind, &j, e);
}

/* A4: the applicant is there and agrees; the work begins. */
int
svc_visit_start(sqlite3 *db, int64_t id, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET started_at = coalesce("
	    "started_at, ?2) WHERE order_id = ?1";

	return simple(db, id, "started", "start", sql, "visit.start", NULL, e);
}

int
svc_visit_resume(sqlite3 *db, int64_t id, struct svc_err *e)
{
	return simple(db, id, "started", "resume", NULL, "visit.resume", NULL,
	    e);
}

/* G10: a call or other attempt to reach the applicant. */
int
svc_visit_contact(sqlite3 *db, int64_t id, int reached, const char *note,
    struct svc_err *e)
{
	static const char sql[] = "INSERT INTO contact (order_id, at, reached,"
	    " note, actor) VALUES (?1, ?2, ?3, ?4, ?5)";
	static const char *const open[] = {
		"accepted", "assigned", "arrived", "started", "suspended", NULL
	};
	struct svc_json j;
	sqlite3_stmt *st;
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
		    " the order is %s", (long long)id, s.status);
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)svc_now());
	sqlite3_bind_int(st, 3, reached);
	sqlite3_bind_text(st, 4, note, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, svc_actor(), -1, SQLITE_STATIC);
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
svc_visit_check(sqlite3 *db, int64_t id, struct svc_check *c,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET voucher = ?2,"
	    " barcode = ?3, covered = ?4, covered_until = ?5,"
	    " parts_missing = ?6, damage = ?7, not_ours = ?8,"
	    " checks_signed_by = ?9, chargeable = ?10 WHERE order_id = ?1";
	struct svc_warranty w = { 0 };
	char until[16] = "";
	struct svc_json j;
	struct val v[9];
	struct svc_facts s;
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
		    "is %s", (long long)id, s.status);
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
	if (visit_set(db, sql, id, v, 9, e))
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
	return svc_event_json(db, id, NULL, "visit.check", &j, e);
}

/*
 * A9: the work is interrupted for the customer's rest or meal and goes on
 * when they are available; the resume time is the new appointment.
 */
int
svc_visit_suspend(sqlite3 *db, const struct svc_conf *c, int64_t id,
    const char *reason, time_t resume_at, int *quiet, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET status = 'suspended',"
	    " appt_at = ?2, appt_until = ?3 WHERE id = ?1";
	struct svc_json j;
	sqlite3_stmt *st;
	struct svc_facts s;

	svc_clearerr(e);
	if (reason == NULL || *reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e))
		return e->code;
	if (svc_order_facts(db, id, &s, e) || svc_order_may(id, &s, "suspended", "suspend", e))
		return e->code;
	if (resume_at <= svc_now())
		return svc_seterr(e, SVC_EX_DATA, "%lld: the work resumes later, "
		    "not before now", (long long)id);
	*quiet = svc_windows_touch(c->quiet, c->nquiet, resume_at,
	    resume_at + (s.until - s.at));
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)resume_at);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)(resume_at + (s.until - s.at)));
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "reason", reason);
	json_time(&j, "resume_at", resume_at);
	return svc_event_json(db, id, NULL, "visit.suspend", &j, e);
}

/* A8: it cannot be fixed here; the product goes to the workshop. */
int
svc_visit_takeback(sqlite3 *db, int64_t id, const char *reason,
    const char *return_by, struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET return_by = ?2"
	    " WHERE order_id = ?1";
	struct svc_json j;
	struct val v[1];
	struct svc_facts s;

	svc_clearerr(e);
	if (reason == NULL || *reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e))
		return e->code;
	if (svc_order_facts(db, id, &s, e) ||
	    svc_order_may(id, &s, "taken_back", "take back", e))
		return e->code;
	v[0] = vtext(return_by);
	if (visit_set(db, sql, id, v, 1, e) ||
	    set_status(db, id, "taken_back", e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "reason", reason);
	if (return_by)
		svc_json_str(&j, "return_by", return_by);
	return svc_event_json(db, id, NULL, "visit.takeback", &j, e);
}

/*
 * A10, C5: the service record is complete and signed by the customer,
 * with their feedback; this is the completion report to the supervisor.
 */
int
svc_visit_done(sqlite3 *db, int64_t id, const struct svc_done *d,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE visit SET done_at = ?2,"
	    " signed_by = ?3, rating = ?4, comment = ?5, signature = ?6"
	    " WHERE order_id = ?1";
	struct svc_json j;
	struct val v[5];
	struct svc_facts s;

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
	if (svc_order_facts(db, id, &s, e) || svc_order_may(id, &s, "done", "finish", e))
		return e->code;
	v[0] = vint(svc_now());
	v[1] = vtext(d->signed_by);
	v[2] = d->rating ? vint(d->rating) : vtext(NULL);
	v[3] = vtext(d->comment);
	v[4] = (struct val){ d->signature ? V_BLOB : V_NULL, 0, d->signature,
	    d->signature_len };
	if (visit_set(db, sql, id, v, 5, e) || set_status(db, id, "done", e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "signed_by", d->signed_by);
	if (d->rating)
		svc_json_int(&j, "rating", d->rating);
	if (d->comment)
		svc_json_str(&j, "comment", d->comment);
	if (d->signature)
		svc_json_int(&j, "signature_bytes", (int64_t)d->signature_len);
	return svc_event_json(db, id, NULL, "visit.done", &j, e);
}

int
svc_visit_attach(sqlite3 *db, int64_t id, const char *kind, const char *name,
    const void *data, size_t len, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO attachment (order_id, kind,"
	    " name, data, at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct svc_json j;
	sqlite3_stmt *st;
	struct svc_facts s;

	svc_clearerr(e);
	if (svc_text_ok("the file name", name, 0, SVC_TEXT_SHORT, e) ||
	    svc_order_facts(db, id, &s, e) || svc_db_cached(db, sql, &st, e))
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 4, data, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)svc_now());
	sqlite3_bind_text(st, 6, svc_actor(), -1, SQLITE_STATIC);
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
svc_visit_signature(sqlite3 *db, int64_t id, struct svc_buf *out,
    struct svc_err *e)
{
	static const char sql[] = "SELECT signature FROM visit"
	    " WHERE order_id = ?1 AND signature IS NOT NULL";
	sqlite3_stmt *st;
	int rc;

	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		svc_buf_add(out, sqlite3_column_blob(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no signature stored",
		    (long long)id);
	return rc == SQLITE_ROW ? 0 : svc_db_error(db, rc, e);
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
svc_noshow(sqlite3 *db, const struct svc_conf *c, int apply,
    void (*found)(int64_t id, time_t at, int call_first, void *), void *arg,
    int *nflagged, struct svc_err *e)
{
	static const char sql[] = "SELECT o.id, o.kind, o.appt_at,"
	    " (SELECT count(*) FROM contact t WHERE t.order_id = o.id"
	    "   AND t.at >= o.appt_at AND NOT t.reached),"
	    " (SELECT count(*) FROM contact t WHERE t.order_id = o.id"
	    "   AND t.at >= o.appt_at AND t.reached)"
	    " FROM orders o WHERE o.status = 'arrived' AND o.appt_at <= ?1"
	    " ORDER BY o.appt_at, o.id";
	const struct svc_rules *r;
	struct svc_buf flagged = { 0 };
	struct svc_json j;
	sqlite3_stmt *st;
	time_t now = svc_now(), at;
	int64_t id;
	int rc, unreachable, reached, i;

	*nflagged = 0;
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		r = svc_conf_rules(c, svc_col_text(st, 1));
		at = (time_t)sqlite3_column_int64(st, 2);
		unreachable = sqlite3_column_int(st, 3);
		reached = sqlite3_column_int(st, 4);
		if (now < at + (time_t)r->noshow_after.secs || reached)
			continue;
		found(id, at, !unreachable, arg);
		if (unreachable)
			svc_buf_add(&flagged, (const char *)&id, sizeof id);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		svc_buf_free(&flagged);
		return svc_db_error(db, rc, e);
	}
	/* Marked after the scan: never change rows under an open cursor. */
	*nflagged = (int)(flagged.len / sizeof id);
	for (i = 0; apply && i < *nflagged; i++) {
		memcpy(&id, flagged.s + i * sizeof id, sizeof id);
		if (set_status(db, id, "abandoned", e))
			break;
		svc_json_begin(&j);
		json_time(&j, "swept_at", now);
		if (svc_event_json(db, id, NULL, "order.noshow", &j, e))
			break;
	}
	svc_buf_free(&flagged);
	return e->code;
}

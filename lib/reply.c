/*
 * reply.c - the window's reply to a request (G5): accept with an agreed
 * time and the complete list of documents (G6), or refuse with a reason;
 * and the applicant's withdrawal.  A reply after the deadline is recorded
 * as late, never refused: the work goes on and the reports show it.
 */
#include <string.h>

#include "svc.h"

/*
 * Add a document to the JSON array in b unless it is there already; seen
 * holds "\nNAME\n" for each, so a lookup is one strstr.
 */
static void
add_document(struct svc_buf *b, struct svc_buf *seen, const char *s,
    size_t n)
{
	struct svc_buf key = { 0 };

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return;
	if (seen->len == 0)
		svc_buf_putc(seen, '\n');
	svc_buf_putc(&key, '\n');
	svc_buf_add(&key, s, n);
	svc_buf_putc(&key, '\n');
	if (strstr(seen->s, key.s) == NULL) {
		svc_buf_add(seen, key.s + 1, key.len - 1);
		if (b->len > 1)
			svc_buf_putc(b, ',');
		key.s[key.len - 1] = '\0';
		svc_buf_json_str(b, key.s + 1);
	}
	svc_buf_free(&key);
}

/*
 * G6, one-time notification: every document the order's services require,
 * in catalogue order, then the extra ones given ("A;B", also with the
 * full-width ；), each once.
 */
static int
documents(struct svc_db *db, int64_t id, const char *extra, struct svc_buf *b,
    struct svc_err *e)
{
	static const char sql[] = "SELECT j.value FROM order_service s,"
	    " json_each(s.documents) j WHERE s.order_id = ?1"
	    " ORDER BY s.line, j.key";
	struct svc_buf seen = { 0 };
	struct svc_stmt *st;
	const char *p, *q;
	int rc;

	svc_buf_putc(b, '[');
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	while ((rc = svc_step(st)) == SVC_ROW)
		add_document(b, &seen, svc_col_text(st, 0),
		    strlen(svc_col_text(st, 0)));
	svc_reset(st);
	for (p = extra; p && *p; p = *q ? q + (*q == ';' ? 1 : 3) : q) {
		for (q = p; *q && *q != ';' && strncmp(q, "；", 3) != 0; q++)
			;
		add_document(b, &seen, p, (size_t)(q - p));
	}
	svc_buf_putc(b, ']');
	svc_buf_free(&seen);
	return rc == SVC_DONE ? 0 : svc_db_error(db, rc, e);
}

/*
 * Whether a visit may be booked for [at, until): it ends after it starts;
 * unless forced, it is not in the past and, for kinds with
 * working_hours_only (G7), lies in one working period of a working day.
 * Sets *quiet when it touches the customers' quiet hours (A9).
 */
int
svc_slot_check(const struct svc_conf *c, const char *kind, int64_t id,
    time_t at, time_t until, int force, int *quiet, struct svc_err *e)
{
	const struct svc_rules *rules = svc_conf_rules(c, kind);

	*quiet = svc_windows_touch(c->quiet, c->nquiet, at, until);
	if (until <= at)
		return svc_seterr(e, SVC_EX_DATA, "%lld: the appointment must "
		    "end after it starts", (long long)id);
	if (force)
		return 0;
	if (at < svc_now())
		return svc_seterr(e, SVC_EX_DATA, "%lld: the appointment is "
		    "in the past (--force to record it anyway)", (long long)id);
	if (rules->working_hours_only &&
	    !svc_cal_in_hours(svc_conf_cal(c, kind), at, until))
		return svc_seterr(e, SVC_EX_DATA, "%lld: a %s visit must be in "
		    "working hours (G7; --force to override)", (long long)id,
		    kind);
	return 0;
}

/* G2: a gov home visit is for the eligible groups only. */
static int
check_group(int64_t id, const struct svc_facts *f, int force, struct svc_err *e)
{
	if (force || strcmp(f->kind, "gov") != 0 || f->group[0] != '\0')
		return 0;
	return svc_seterr(e, SVC_EX_DATA, "%lld: the applicant is in no "
	    "eligible group (G2; --force with --note to override)",
	    (long long)id);
}

int
svc_order_accept(struct svc_db *db, const struct svc_conf *c, int64_t id,
    struct svc_reply *r, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET status = 'accepted',"
	    " replied_at = ?2, reply_late = ?3, appt_at = ?4, appt_until = ?5,"
	    " documents = ?6, forced = ?7 WHERE id = ?1";
	struct svc_buf docs = { 0 };
	time_t now = svc_now();
	struct svc_json j;
	struct svc_stmt *st;
	struct svc_facts f;
	char when[40];

	svc_clearerr(e);	/* the result below is read from e */
	if (svc_text_ok("the documents", r->documents, 0, SVC_TEXT_LINE, e) ||
	    svc_text_ok("the note", r->note, SVC_TEXT_LINES, SVC_TEXT_LINE,
	    e) || svc_order_facts(db, id, &f, e) ||
	    svc_order_may(id, &f, "accepted", "accept", e))
		return e->code;
	if (r->until == 0)
		r->until = r->at + 60 * (f.minutes > 0 ? f.minutes : 60);
	if (r->force && (r->note == NULL || *r->note == '\0'))
		return svc_seterr(e, SVC_EX_USAGE, "--force needs a --note "
		    "saying why");
	if (svc_slot_check(c, f.kind, id, r->at, r->until, r->force, &r->quiet,
	    e) || check_group(id, &f, r->force, e))
		return e->code;
	r->late = now > f.reply_due;
	if (documents(db, id, r->documents, &docs, e) ||
	    svc_db_cached(db, sql, &st, e))
		goto out;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)now);
	svc_bind_int(st, 3, r->late);
	svc_bind_int64(st, 4, (int64_t)r->at);
	svc_bind_int64(st, 5, (int64_t)r->until);
	svc_bind_text(st, 6, docs.s);
	svc_bind_int(st, 7, r->force);
	if (svc_db_done(db, st, e))
		goto out;
	svc_json_begin(&j);
	svc_time_iso(r->at, when, sizeof when);
	svc_json_str(&j, "at", when);
	svc_time_iso(r->until, when, sizeof when);
	svc_json_str(&j, "until", when);
	svc_buf_puts(&j.b, ",\"documents\":");
	svc_buf_puts(&j.b, docs.s);
	svc_json_int(&j, "late", r->late);
	if (r->force)
		svc_json_int(&j, "forced", 1);
	if (r->note)
		svc_json_str(&j, "note", r->note);
	if (svc_event_json(db, id, NULL, "order.accept", &j, e) == 0)
		svc_notify_reply(db, id, e);	/* G5, G6: told at once */
out:
	svc_buf_free(&docs);
	return e->code;
}

/* refuse and cancel: a reason is required, and kept. */
static int
close_order(struct svc_db *db, int64_t id, struct svc_reply *r, const char *to,
    const char *verb, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET status = ?2, reason = ?3,"
	    " replied_at = CASE WHEN ?4 <> 0 THEN ?5 ELSE replied_at END,"
	    " reply_late = CASE WHEN ?4 <> 0 THEN ?6 ELSE reply_late END"
	    " WHERE id = ?1";
	int is_reply = strcmp(to, "refused") == 0;
	char kind[24];
	struct svc_json j;
	struct svc_stmt *st;
	struct svc_facts f;

	svc_clearerr(e);	/* the result below is read from e */
	if (r->reason == NULL || *r->reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", r->reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e) || svc_text_ok("the note", r->note,
	    SVC_TEXT_LINES, SVC_TEXT_LINE, e))
		return e->code;
	if (svc_order_facts(db, id, &f, e) || svc_order_may(id, &f, to, verb, e) ||
	    svc_db_cached(db, sql, &st, e))
		return e->code;
	r->late = is_reply && svc_now() > f.reply_due;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, to);
	svc_bind_text(st, 3, r->reason);
	svc_bind_int(st, 4, is_reply);
	svc_bind_int64(st, 5, (int64_t)svc_now());
	svc_bind_int(st, 6, r->late);
	if (svc_db_done(db, st, e) || (!is_reply &&
	    svc_visit_close(db, id, "cancelled", r->reason, e)))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "reason", r->reason);
	if (is_reply)
		svc_json_int(&j, "late", r->late);
	if (r->note)
		svc_json_str(&j, "note", r->note);
	snprintf(kind, sizeof kind, "order.%s", verb);
	if (svc_event_json(db, id, NULL, kind, &j, e) == 0 &&
	    (!is_reply || svc_notify_reply(db, id, e) == 0))
		svc_order_settle(db, id, e);
	return e->code;
}

int
svc_order_refuse(struct svc_db *db, int64_t id, struct svc_reply *r,
    struct svc_err *e)
{
	return close_order(db, id, r, "refused", "refuse", e);
}

int
svc_order_cancel(struct svc_db *db, int64_t id, struct svc_reply *r,
    struct svc_err *e)
{
	return close_order(db, id, r, "cancelled", "cancel", e);
}

/*
 * notify.c - the outbox: what the applicant is to be told, and proof of
 * when (issue 17).  A message is made in the transaction of the event
 * that calls for it: the reply with the appointment and every document
 * at once (G5, G6), a refusal with its reason (G5), a move or a
 * cancellation with the new time and why (G9), a delay the worker
 * announces (A1), an abandoned visit (G10), and the reminder before a
 * visit, made by svc-notify sweep.  Sending is a gateway's job outside
 * svc (svc-notify due | gateway | svc-notify sent): svc keeps what was
 * due, what was sent when, what failed, and what can no longer be sent in
 * time (not_after), which is a finding, never a message sent late.
 *
 * Texts are Chinese, one SMS where they can be, signed with the
 * department and its published phone (G3).
 */
#include <string.h>

#include "svc.h"

/*
 * The config whose templates the messages are made from.  Messages are
 * made deep inside the events that call for them (a reply, a move, a
 * sweep), which do not carry the config; svc_cli_open sets it once.
 * Unset (the unit tests), the shipped texts are used.
 */
static const struct svc_conf *conf;

void
svc_notify_conf(const struct svc_conf *c)
{
	conf = c;
}

/* What every message of an order says: to whom, from which window. */
struct head {
	char order[24], kind[16], name[128], phone[64], dept[128];
	char dept_phone[64], services[256], address[256], reason[512];
	char greeting[320], signature[128], email[256];
	time_t at, until;
};

static void
copy(char *to, size_t n, struct svc_stmt *st, int i)
{
	const char *s = svc_col_text(st, i);

	snprintf(to, n, "%s", s ? s : "");
}

/* G3: signed with the department and its published phone. */
static void
sign(struct head *h)
{
	snprintf(h->greeting, sizeof h->greeting, "【%s】%s，您好！",
	    h->dept[0] ? h->dept : "上门服务", h->name);
	if (h->dept_phone[0])
		snprintf(h->signature, sizeof h->signature,
		    "如有疑问，请致电 %s。", h->dept_phone);
	else
		h->signature[0] = '\0';
}

static int
head_of(struct svc_db *db, int64_t id, struct head *h, struct svc_err *e)
{
	static const char sql[] = "SELECT o.customer_name, c.phone, d.name,"
	    " d.phone, o.address, o.appt_at, o.appt_until,"
	    " (SELECT group_concat(name, '、') FROM (SELECT name FROM"
	    "   order_service WHERE order_id = o.id ORDER BY line) AS l),"
	    " o.kind, o.reason, c.email"
	    " FROM orders o JOIN customer c ON c.id = o.customer_id"
	    " LEFT JOIN dept d ON d.id = o.dept_id WHERE o.id = ?1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		snprintf(h->order, sizeof h->order, "%lld", (long long)id);
		copy(h->name, sizeof h->name, st, 0);
		copy(h->phone, sizeof h->phone, st, 1);
		copy(h->dept, sizeof h->dept, st, 2);
		copy(h->dept_phone, sizeof h->dept_phone, st, 3);
		copy(h->address, sizeof h->address, st, 4);
		h->at = (time_t)svc_col_int64(st, 5);
		h->until = (time_t)svc_col_int64(st, 6);
		copy(h->services, sizeof h->services, st, 7);
		copy(h->kind, sizeof h->kind, st, 8);
		copy(h->reason, sizeof h->reason, st, 9);
		copy(h->email, sizeof h->email, st, 10);
		sign(h);
	}
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no such order",
		    (long long)id);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

/* A message's fields: the order's, then up to MAXOWN of its own. */
#define NCOMMON 8
#define MAXOWN 5
struct fields {
	struct svc_field f[NCOMMON + MAXOWN];
	int n, ntimes;
	char times[2][40], because[600];
};

static void
fields_of(const struct head *h, struct fields *f)
{
	const struct svc_field common[NCOMMON] = {
		{ "order", h->order }, { "customer", h->name },
		{ "dept", h->dept[0] ? h->dept : "上门服务" },
		{ "dept_phone", h->dept_phone }, { "services", h->services },
		{ "address", h->address }, { "greeting", h->greeting },
		{ "signature", h->signature },
	};

	memcpy(f->f, common, sizeof common);
	f->n = NCOMMON;
	f->ntimes = 0;
}

static void
field(struct fields *f, const char *name, const char *value)
{
	f->f[f->n].name = name;
	f->f[f->n++].value = value;
}

/* A time field, in the applicant's words (two at most a message). */
static void
time_field(struct fields *f, const char *name, time_t t)
{
	char *to = f->times[f->ntimes++];

	svc_time_cn(t, to, sizeof f->times[0]);
	field(f, name, to);
}

/* reason as given, and "because": its sentence, or nothing. */
static void
reason_fields(struct fields *f, const char *reason)
{
	snprintf(f->because, sizeof f->because, reason && *reason ?
	    "原因：%s。" : "%s", reason ? reason : "");
	field(f, "reason", reason ? reason : "");
	field(f, "because", f->because);
}

/*
 * The text of message msg for the order: its kind's template filled.  An
 * SMS, and a line of svc-notify due, is one run: a line break or tab a
 * template or a letter brings becomes a space.
 */
static void
render(const struct head *h, int msg, const struct fields *f,
    struct svc_buf *b)
{
	char *p;

	svc_tmpl_render(b, svc_tmpl_of(conf, h->kind, msg), f->f, f->n);
	for (p = b->s; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
}

/*
 * The message's recipient and text, hashed as the sealed log hashes a
 * row, into its event ("sealed"): the outbox row itself is not chained,
 * so svc-db check compares the two, and a text changed behind svc's back
 * is found.
 */
static int
sealed_text(struct svc_db *db, const char *to, const char *text,
    struct svc_json *j, struct svc_err *e)
{
	static const char sql[] = "SELECT svc_seal(NULL, ?1, ?2)";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, to);
	svc_bind_text(st, 2, text);
	if ((rc = svc_step(st)) == SVC_ROW)
		svc_json_str(j, "sealed", svc_col_text(st, 0));
	svc_reset(st);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

/*
 * Put a message in the outbox for one channel, and its event in the
 * sealed log; dedup, if given, makes a second one with the same key a
 * no-op (*made stays 0).
 */
static int
put_one(struct svc_db *db, int64_t order, const char *kind, const char *channel,
    const char *to, const char *text, time_t not_after, const char *dedup,
    int *made, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO outbox (order_id, kind,"
	    " recipient, text, made_at, not_before, not_after, dedup, move_id,"
	    " channel) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, CASE WHEN"
	    " ?2 = 'move' THEN (SELECT max(id) FROM move WHERE order_id = ?1)"
	    " END, ?8) ON CONFLICT (dedup) DO NOTHING";
	struct svc_json j;
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	svc_bind_text(st, 2, kind);
	svc_bind_text(st, 3, to);
	svc_bind_text(st, 4, text);
	svc_bind_int64(st, 5, (int64_t)svc_now());
	if (not_after)
		svc_bind_int64(st, 6, (int64_t)not_after);
	svc_bind_text(st, 7, dedup);
	svc_bind_text(st, 8, channel);
	if (svc_db_done(db, st, e) || svc_db_changes(db) == 0)
		return e->code;
	*made = 1;
	svc_json_begin(&j);
	svc_json_int(&j, "message", svc_db_last_id(db));
	svc_json_str(&j, "kind", kind);
	svc_json_str(&j, "channel", channel);
	if (sealed_text(db, to, text, &j, e)) {
		svc_buf_free(&j.b);
		return e->code;
	}
	return svc_event_json(db, order, NULL, "notify.make", &j, e);
}

/*
 * The message to the applicant's phone, and by mail too when they gave
 * an address; an order with neither makes none (the record says so).
 * A reminder's key is its channel's own: two sweeps, one of each.
 */
static int
put(struct svc_db *db, int64_t order, const char *kind, const struct head *h,
    const char *text, time_t not_after, const char *dedup, int *made,
    struct svc_err *e)
{
	char key[96];
	int one = 0;

	if (h->phone[0] && put_one(db, order, kind, "sms", h->phone, text,
	    not_after, dedup, &one, e))
		return e->code;
	if (dedup)
		snprintf(key, sizeof key, "%s:email", dedup);
	if (h->email[0] && put_one(db, order, kind, "email", h->email, text,
	    not_after, dedup ? key : NULL, &one, e))
		return e->code;
	if (made)
		*made = one;
	return 0;
}

/* G6: every document, numbered, on one run. */
static int
documents(struct svc_db *db, int64_t order, struct svc_buf *b, struct svc_err *e)
{
	static const char sql[] = "SELECT documents FROM orders WHERE id = ?1";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	if (svc_step(st) == SVC_ROW)
		svc_json_numbered(db, svc_col_text(st, 0), b);
	svc_reset(st);
	return 0;
}

/* G5, G6: the reply (accepted: time, place, every document) or refusal. */
int
svc_notify_reply(struct svc_db *db, int64_t order, struct svc_err *e)
{
	struct svc_buf notice = { 0 }, docs = { 0 }, text = { 0 };
	struct fields f;
	struct head h;
	int rc;

	if (head_of(db, order, &h, e) ||
	    svc_order_notice(db, order, &notice, e) ||
	    documents(db, order, &docs, e))
		goto out;
	fields_of(&h, &f);
	field(&f, "notice", notice.s);
	if (h.at) {
		time_field(&f, "at", h.at);
		time_field(&f, "until", h.until);
		field(&f, "documents", docs.s ? docs.s : "");
	} else {
		field(&f, "reason", h.reason);
	}
	render(&h, h.at ? SVC_MSG_REPLY : SVC_MSG_REFUSAL, &f, &text);
	put(db, order, h.at ? "reply" : "refusal", &h, text.s, h.at, NULL,
	    NULL, e);
out:
	rc = e->code;
	svc_buf_free(&notice);
	svc_buf_free(&docs);
	svc_buf_free(&text);
	return rc;
}

/*
 * G9: a move (new_at) or a cancellation (new_at 0), before the old time;
 * the message keeps the move it tells (the order's last, just recorded),
 * so that its sent time proves the notice (svc-report notice).
 */
/*
 * What the order's open messages say of its time no longer holds: its
 * unsent reply, reminders and moves are dismissed, never sent stale.
 * *reply: whether the reply was among them (the applicant has not heard
 * of the appointment at all).
 */
static int
supersede(struct svc_db *db, int64_t order, int *reply, struct svc_err *e)
{
	static const char has[] = "SELECT count(*) FROM outbox"
	    " WHERE order_id = ?1 AND kind = 'reply' AND sent_at IS NULL"
	    " AND dismissed_at IS NULL";
	static const char sql[] = "UPDATE outbox SET dismissed_at = ?2,"
	    " dismiss_reason = 'superseded: the appointment changed'"
	    " WHERE order_id = ?1 AND sent_at IS NULL AND dismissed_at IS NULL"
	    " AND kind IN ('reply', 'reminder', 'move')";
	struct svc_json j;
	struct svc_stmt *st;
	int n;

	*reply = 0;
	if (svc_db_cached(db, has, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	*reply = svc_step(st) == SVC_ROW && svc_col_int(st, 0);
	svc_reset(st);
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	svc_bind_int64(st, 2, (int64_t)svc_now());
	if (svc_db_done(db, st, e) || (n = svc_db_changes(db)) == 0)
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "superseded", n);
	return svc_event_json(db, order, NULL, "notify.dismiss", &j, e);
}

int
svc_notify_move(struct svc_db *db, int64_t order, time_t old_at, time_t new_at,
    const char *reason, struct svc_err *e)
{
	struct svc_buf b = { 0 };
	struct fields f;
	struct head h;
	int rc, reply = 0;

	if (supersede(db, order, &reply, e))
		return e->code;
	/* Never told the old time: the reply, with the new one, is news. */
	if (reply && new_at)
		return svc_notify_reply(db, order, e);
	if (head_of(db, order, &h, e))
		return e->code;
	fields_of(&h, &f);
	time_field(&f, "old_at", old_at);
	if (new_at)
		time_field(&f, "at", new_at);
	reason_fields(&f, reason);
	render(&h, new_at ? SVC_MSG_MOVE : SVC_MSG_CANCEL, &f, &b);
	rc = put(db, order, "move", &h, b.s, old_at, NULL, NULL, e);
	svc_buf_free(&b);
	return rc;
}

/* A1: the worker will be late; told before the time he was due. */
int
svc_notify_late(struct svc_db *db, int64_t order, time_t eta, const char *reason,
    struct svc_err *e)
{
	struct svc_buf b = { 0 };
	struct fields f;
	struct head h;
	int rc;

	if (head_of(db, order, &h, e))
		return e->code;
	fields_of(&h, &f);
	time_field(&f, "eta", eta);
	reason_fields(&f, reason);
	render(&h, SVC_MSG_LATE, &f, &b);
	rc = put(db, order, "late", &h, b.s, eta, NULL, NULL, e);
	svc_buf_free(&b);
	return rc;
}

/* G10: absent and unreachable: the request is deemed abandoned. */
int
svc_notify_abandoned(struct svc_db *db, int64_t order, struct svc_err *e)
{
	struct svc_buf b = { 0 };
	struct fields f;
	struct head h;
	int rc;

	if (head_of(db, order, &h, e))
		return e->code;
	fields_of(&h, &f);
	time_field(&f, "at", h.at);
	render(&h, SVC_MSG_ABANDONED, &f, &b);
	rc = put(db, order, "abandoned", &h, b.s, 0, NULL, NULL, e);
	svc_buf_free(&b);
	return rc;
}

/* After the work: the return call the kind's rules ask for, by due. */
int
svc_notify_followup(struct svc_db *db, int64_t order, time_t due,
    struct svc_err *e)
{
	struct svc_buf b = { 0 };
	struct fields f;
	struct head h;
	int rc;

	if (head_of(db, order, &h, e))
		return e->code;
	fields_of(&h, &f);
	time_field(&f, "at", due);
	render(&h, SVC_MSG_FOLLOWUP, &f, &b);
	rc = put(db, order, "followup", &h, b.s, due, NULL, NULL, e);
	svc_buf_free(&b);
	return rc;
}

static int
remind(struct svc_db *db, int64_t order, time_t at, int *made, struct svc_err *e)
{
	struct svc_buf b = { 0 }, key = { 0 }, docs = { 0 };
	struct fields f;
	struct head h;
	int rc;

	if (head_of(db, order, &h, e) || documents(db, order, &docs, e))
		goto out;
	fields_of(&h, &f);
	time_field(&f, "at", at);
	time_field(&f, "until", h.until);
	field(&f, "documents", docs.s ? docs.s : "");
	render(&h, SVC_MSG_REMINDER, &f, &b);
	/* one reminder an appointment: a moved visit is reminded again */
	svc_buf_printf(&key, "reminder:%lld:%lld", (long long)order,
	    (long long)at);
	put(db, order, "reminder", &h, b.s, at, key.s, made, e);
out:
	rc = e->code;
	svc_buf_free(&b);
	svc_buf_free(&key);
	svc_buf_free(&docs);
	return rc;
}

/*
 * The reminders that have come due: each booked visit whose kind asks
 * for one (remind_before) and whose time is less than that ahead.  Run as
 * often as cron likes: a reminder is made once (dedup), and the writes of
 * two sweeps at once are serialised by BEGIN IMMEDIATE.
 */
int
svc_notify_sweep(struct svc_db *db, const struct svc_conf *c, int *made,
    struct svc_err *e)
{
	static const char sql[] = "SELECT id, appt_at FROM orders"
	    " WHERE appt_at > ?1 AND appt_at <= ?1 + ?2 AND kind = ?3"
	    " AND status IN ('accepted', 'assigned') ORDER BY appt_at, id";
	struct svc_stmt *st;
	int i, rc = SVC_DONE, one;

	*made = 0;
	for (i = 0; i < SVC_NKINDS; i++) {
		const struct svc_rules *r = &c->rules[i];

		if (!r->remind)
			continue;
		if (svc_db_prepare(db, sql, &st, e))
			return e->code;
		svc_bind_int64(st, 1, (int64_t)svc_now());
		svc_bind_int64(st, 2, (int64_t)r->remind_before.secs);
		svc_bind_text(st, 3, r->kind);
		while ((rc = svc_step(st)) == SVC_ROW) {
			if (remind(db, svc_col_int64(st, 0),
			    (time_t)svc_col_int64(st, 1), &one, e))
				break;
			*made += one;
		}
		svc_finalize(st);
		if (e->code)
			return e->code;
		if (rc != SVC_DONE)
			return svc_db_error(db, rc, e);
	}
	return 0;
}

/* The message id is, and is still open: neither sent nor dismissed. */
static int
still_open(struct svc_db *db, int64_t id, int64_t *order, struct svc_err *e)
{
	static const char sql[] = "SELECT order_id, sent_at IS NOT NULL,"
	    " dismissed_at IS NOT NULL FROM outbox WHERE id = ?1";
	struct svc_stmt *st;
	int rc, sent = 0, gone = 0;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		*order = svc_col_int64(st, 0);
		sent = svc_col_int(st, 1);
		gone = svc_col_int(st, 2);
	}
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no such message",
		    (long long)id);
	if (rc != SVC_ROW)
		return svc_db_error(db, rc, e);
	if (sent || gone)
		return svc_seterr(e, SVC_EX_DATA, "%lld: already %s",
		    (long long)id, sent ? "sent" : "dismissed");
	return 0;
}

/* Run an UPDATE of message id (?1) and append its event. */
static int
record(struct svc_db *db, int64_t id, int64_t order, const char *sql,
    const char *reason, time_t at, const char *kind, struct svc_err *e)
{
	struct svc_json j;
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, (int64_t)at);
	svc_bind_text(st, 3, reason);
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_int(&j, "message", id);
	if (reason)
		svc_json_str(&j, "reason", reason);
	return svc_event_json(db, order, NULL, kind, &j, e);
}

/* The G9 notice of the order's kind: the config's, or the seeds' 8h. */
static int
notice_rule(struct svc_db *db, int64_t order, int64_t *rule,
    struct svc_err *e)
{
	static const char sql[] = "SELECT kind FROM orders WHERE id = ?1";
	const struct svc_rules *r = NULL;
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	if (svc_step(st) == SVC_ROW && conf)
		r = svc_conf_rules(conf, svc_col_text(st, 0));
	svc_reset(st);
	*rule = r ? (int64_t)r->notice.secs : 8 * 3600;
	return 0;
}

/*
 * G9: a move's message sent at at is the proof of its notice.  Unless a
 * clerk typed when the applicant was told (a call, which came first: the
 * message was made after it), the notice is from the sending, and short
 * if that is less than the kind's rule; the move's notified_at, when it
 * was recorded, stays.  The event says what the proof showed.
 */
static int
prove_notice(struct svc_db *db, int64_t msg, int64_t order, time_t at,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE move SET told_at = ?2,"
	    " notice = CASE WHEN typed <> 0 THEN notice ELSE old_at - ?2 END,"
	    " short = CASE WHEN typed <> 0 OR by = 'applicant' THEN short"
	    "   WHEN short <> 0 OR old_at - ?2 < ?3 THEN 1 ELSE 0 END"
	    " WHERE told_at IS NULL AND id = (SELECT move_id FROM outbox"
	    "   WHERE id = ?1)"
	    " RETURNING notice, short";
	int64_t rule, notice = 0;
	struct svc_json j;
	struct svc_stmt *st;
	int rc, isshort = 0;

	if (notice_rule(db, order, &rule, e) || svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, msg);
	svc_bind_int64(st, 2, (int64_t)at);
	svc_bind_int64(st, 3, rule);
	if ((rc = svc_step(st)) == SVC_ROW) {
		notice = svc_col_int64(st, 0);
		isshort = svc_col_int(st, 1);
	}
	while (rc == SVC_ROW)
		rc = svc_step(st);
	svc_reset(st);
	if (rc != SVC_DONE)
		return svc_db_error(db, rc, e);
	if (svc_db_changes(db) == 0)
		return 0;	/* not a move's, or already proven */
	svc_json_begin(&j);
	svc_json_int(&j, "message", msg);
	svc_json_int(&j, "notice", notice);
	svc_json_int(&j, "short", isshort);
	return svc_event_json(db, order, NULL, "move.told", &j, e);
}

/* Sent at at: the gateway's word, not before the message was made. */
int
svc_notify_sent(struct svc_db *db, int64_t id, time_t at, struct svc_err *e)
{
	static const char sql[] = "UPDATE outbox SET sent_at = ?2"
	    " WHERE id = ?1";
	static const char made[] = "SELECT made_at FROM outbox WHERE id = ?1";
	struct svc_stmt *st;
	int64_t order;
	time_t m = 0;

	svc_clearerr(e);
	if (still_open(db, id, &order, e) || svc_db_cached(db, made, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if (svc_step(st) == SVC_ROW)
		m = (time_t)svc_col_int64(st, 0);
	svc_reset(st);
	if (at < m || at > svc_now())
		return svc_seterr(e, SVC_EX_DATA, "%lld: sent before it was "
		    "made, or in the future", (long long)id);
	if (record(db, id, order, sql, NULL, at, "notify.sent", e))
		return e->code;
	return prove_notice(db, id, order, at, e);
}

/* failed and dismiss: a step of an open message, with its reason. */
static int
reasoned(struct svc_db *db, int64_t id, const char *reason, const char *sql,
    const char *kind, struct svc_err *e)
{
	int64_t order;

	svc_clearerr(e);
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e) || still_open(db, id, &order, e))
		return e->code;
	return record(db, id, order, sql, reason, svc_now(), kind, e);
}

/* A gateway could not send it: recorded, and it stays due. */
int
svc_notify_failed(struct svc_db *db, int64_t id, const char *reason,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE outbox SET failed_at = ?2,"
	    " fail_reason = ?3, tries = tries + 1 WHERE id = ?1";

	return reasoned(db, id, reason, sql, "notify.failed", e);
}

/* Told another way (by phone, at the window): it is no longer due. */
int
svc_notify_dismiss(struct svc_db *db, int64_t id, const char *reason,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE outbox SET dismissed_at = ?2,"
	    " dismiss_reason = ?3 WHERE id = ?1";

	return reasoned(db, id, reason, sql, "notify.dismiss", e);
}

/* What should go out now (outbox_open): made, not yet past its time. */
int
svc_notify_due_query(struct svc_db *db, const char *channel, struct svc_stmt **st,
    struct svc_err *e)
{
	static const char sql[] = "SELECT id, recipient, text FROM outbox"
	    " INDEXED BY outbox_open"
	    " WHERE sent_at IS NULL AND dismissed_at IS NULL"
	    " AND not_before <= ?1 AND (not_after IS NULL OR not_after > ?1)"
	    " AND (?2 IS NULL OR channel = ?2)"
	    " ORDER BY not_before, id";

	if (channel && strcmp(channel, "sms") && strcmp(channel, "email"))
		return svc_seterr(e, SVC_EX_USAGE, "%s: --channel is sms or "
		    "email", channel);
	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_int64(*st, 1, (int64_t)svc_now());
	if (channel)
		svc_bind_text(*st, 2, channel);
	return 0;
}

/*
 * What needs a person: open messages past their time (never sent, and
 * now never to be: tell the applicant another way) and ones a gateway
 * failed to send.
 */
int
svc_notify_check_query(struct svc_db *db, struct svc_stmt **st, struct svc_err *e)
{
	static const char sql[] = "SELECT id, order_id, kind, recipient,"
	    " not_after, tries, fail_reason,"
	    " CASE WHEN not_after IS NOT NULL AND not_after <= ?1"
	    "   THEN 'expired' ELSE 'failed' END"
	    " FROM outbox INDEXED BY outbox_open"
	    " WHERE sent_at IS NULL AND dismissed_at IS NULL"
	    " AND not_before <= ?1"
	    " AND ((not_after IS NOT NULL AND not_after <= ?1)"
	    "   OR failed_at IS NOT NULL)"
	    " ORDER BY not_before, id";

	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_int64(*st, 1, (int64_t)svc_now());
	return 0;
}

/*
 * history.c - an order's history as a person reads it (issue 19): each
 * event a line of its local time, who, what happened as a word (到达) and
 * its details as short phrases (迟到9分钟，第1次上门), times in local time
 * and codes as words.  A detail without a phrase reads "key value", so
 * nothing recorded is hidden; -o json keeps every detail whole.
 */
#include <stdio.h>
#include <string.h>

#include "svc.h"

/* The words of the events an order's history holds, for the catalogue. */
const char *const svc_event_words[] = {
	NC_("event", "order.new"), NC_("event", "order.accept"),
	NC_("event", "order.refuse"), NC_("event", "order.cancel"),
	NC_("event", "order.edit"), NC_("event", "order.assign"),
	NC_("event", "order.reassign"), NC_("event", "order.drop"),
	NC_("event", "order.move"), NC_("event", "order.noshow"),
	NC_("event", "order.followup"), NC_("event", "order.close"),
	NC_("event", "order.reopen"), NC_("event", "move.told"),
	NC_("event", "visit.late"), NC_("event", "visit.arrive"),
	NC_("event", "visit.start"), NC_("event", "visit.check"),
	NC_("event", "visit.suspend"), NC_("event", "visit.resume"),
	NC_("event", "visit.takeback"), NC_("event", "visit.done"),
	NC_("event", "visit.contact"), NC_("event", "visit.conduct"),
	NC_("event", "visit.attach"), NC_("event", "visit.report"),
	NC_("event", "visit.review"), NC_("event", "pay.charge"),
	NC_("event", "pay.collect"), NC_("event", "pay.receive"),
	NC_("event", "pay.refund"), NC_("event", "pay.void"),
	NC_("event", "pay.handover"), NC_("event", "notify.make"),
	NC_("event", "notify.sent"), NC_("event", "notify.failed"),
	NC_("event", "notify.dismiss"), NC_("event", "complaint.new"),
	NC_("event", "complaint.assign"), NC_("event", "complaint.resolve"),
	NC_("event", "plan.made"), NULL
};

/*
 * A detail's phrase, its value as %s.  A flag (yes, no) has a phrase for
 * each answer, or none for "no" where its absence says it; a code's value
 * is read as a word; a hash shows its first twelve digits, which tell
 * one from another (svc-notify keeps it whole).
 */
enum { PLAIN, FLAG, CODE, HASH };

static const struct phrase {
	const char *key;
	int type;
	const char *say, *no;
} phrases[] = {
	{ "late_minutes", PLAIN, NC_("detail", "%s min late"), NULL },
	{ "visit", PLAIN, NC_("detail", "visit %s"), NULL },
	{ "by", PLAIN, NC_("detail", "by %s"), NULL },
	{ "worker", PLAIN, NC_("detail", "worker %s"), NULL },
	{ "helper", PLAIN, NC_("detail", "helper %s"), NULL },
	{ "at", PLAIN, NC_("detail", "at %s"), NULL },
	{ "until", PLAIN, NC_("detail", "until %s"), NULL },
	{ "from", PLAIN, NC_("detail", "from %s"), NULL },
	{ "to", PLAIN, NC_("detail", "to %s"), NULL },
	{ "eta", PLAIN, NC_("detail", "expected %s"), NULL },
	{ "resume_at", PLAIN, NC_("detail", "resumes %s"), NULL },
	{ "return_by", PLAIN, NC_("detail", "back by %s"), NULL },
	{ "reason", PLAIN, NC_("detail", "reason: %s"), NULL },
	{ "note", PLAIN, NC_("detail", "note: %s"), NULL },
	{ "documents", PLAIN, NC_("detail", "documents: %s"), NULL },
	{ "customer", PLAIN, NC_("detail", "customer %s"), NULL },
	{ "phone", PLAIN, NC_("detail", "phone %s"), NULL },
	{ "address", PLAIN, NC_("detail", "address %s"), NULL },
	{ "services", PLAIN, NC_("detail", "services %s"), NULL },
	{ "signed_by", PLAIN, NC_("detail", "signed by %s"), NULL },
	{ "rating", PLAIN, NC_("detail", "rating %s"), NULL },
	{ "amount", PLAIN, NC_("detail", "amount %s"), NULL },
	{ "receipt", PLAIN, NC_("detail", "receipt %s"), NULL },
	{ "message", PLAIN, NC_("detail", "message %s"), NULL },
	{ "notice", PLAIN, NC_("detail", "%s min notice"), NULL },
	{ "text", PLAIN, NC_("detail", "%s"), NULL },
	{ "kind", CODE, NC_("detail", "%s"), NULL },
	{ "channel", CODE, NC_("detail", "channel %s"), NULL },
	{ "sealed", HASH, NC_("detail", "sealed %s"), NULL },
	{ "group", CODE, NC_("detail", "group %s"), NULL },
	{ "dept", PLAIN, NC_("detail", "department %s"), NULL },
	{ "method", CODE, NC_("detail", "paid by %s"), NULL },
	{ "review", CODE, NC_("detail", "review: %s"), NULL },
	{ "late", FLAG, NC_("detail", "late (G5)"), NULL },
	{ "forced", FLAG, NC_("detail", "forced"), NULL },
	{ "short", FLAG, NC_("detail", "short notice (G9)"), NULL },
	{ "reached", FLAG, NC_("detail", "reached"),
	    NC_("detail", "not reached") },
	{ "upheld", FLAG, NC_("detail", "upheld"), NC_("detail", "not upheld") },
	{ NULL, 0, NULL, NULL }
};

static const struct phrase *
phrase_of(const char *key)
{
	const struct phrase *p;

	for (p = phrases; p->key; p++)
		if (strcmp(p->key, key) == 0)
			return p;
	return NULL;
}

/* "2026-12-01T09:12:00+08:00" as the local "2026-12-01 09:12". */
static const char *
local_time(const char *v, char *buf, size_t n)
{
	struct svc_err e = { 0 };
	time_t t;

	if (strlen(v) < 19 || v[10] != 'T' ||
	    svc_time_parse(v, 0, NULL, &t, &e) != 0)
		return v;
	svc_time_local(t, buf, n);
	return buf;
}

/* One detail's phrase onto b; 0 when it says nothing (a flag not set). */
static int
phrase(struct svc_buf *b, const char *key, const char *value)
{
	const struct phrase *p = phrase_of(key);
	char when[32];
	int yes;

	if (p == NULL) {
		svc_buf_printf(b, "%s %s", key, value);
		return 1;
	}
	if (p->type == FLAG) {
		yes = strcmp(value, "0") && strcmp(value, "false");
		if (!yes && p->no == NULL)
			return 0;
		svc_buf_puts(b, svc_context("detail", yes ? p->say : p->no));
		return 1;
	}
	if (p->type == CODE) {
		value = svc_label(value);
	} else if (p->type == HASH && strlen(value) > 12) {
		snprintf(when, sizeof when, "%.12s…", value);
		value = when;
	} else {
		value = local_time(value, when, sizeof when);
	}
	svc_buf_printf(b, svc_context("detail", p->say), value);
	return 1;
}

/* The details (a JSON object) as phrases, in the order recorded. */
static int
details(struct svc_db *db, const char *json, struct svc_buf *b, struct svc_err *e)
{
	static const char sql[] = "SELECT j.key, CASE j.type WHEN 'array'"
	    " THEN (SELECT group_concat(a.value, '、') FROM json_each(j.value) a)"
	    " ELSE j.value END FROM json_each(?1) j ORDER BY j.id";
	const char *sep = svc_context("detail", NC_("detail", ", "));
	struct svc_stmt *st;
	int rc, n = 0;

	if (json == NULL)
		return 0;
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, json);
	while ((rc = svc_step(st)) == SVC_ROW) {
		size_t mark = b->len;

		if (n)
			svc_buf_puts(b, sep);
		if (phrase(b, svc_col_text(st, 0), svc_col_text(st, 1) ?
		    svc_col_text(st, 1) : "null"))
			n++;
		else
			svc_buf_truncate(b, mark);
	}
	svc_reset(st);
	return rc == SVC_DONE ? 0 : svc_db_error(db, rc, e);
}

int
svc_history_line(struct svc_db *db, time_t at, const char *actor,
    const char *kind, const char *json, FILE *f, struct svc_err *e)
{
	struct svc_buf b = { 0 };
	const char *word = svc_context("event", kind);
	char when[32];
	int pad = 14 - svc_utf8_width(word);

	svc_time_local(at, when, sizeof when);
	if (details(db, json, &b, e) == 0 && b.len)
		fprintf(f, "  %s  %-10s %s%*s %s\n", when, actor, word,
		    pad > 0 ? pad : 0, "", b.s);
	else if (e->code == 0)
		fprintf(f, "  %s  %-10s %s\n", when, actor, word);
	svc_buf_free(&b);
	return e->code;
}

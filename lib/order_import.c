/*
 * order_import.c - many requests from YAML (a list of mappings with the
 * fields of svc-order new), or from the JSON Lines that svc-order export
 * writes: what export writes, import reads back.  The caller holds one
 * transaction; a file with one bad record changes nothing, and every bad
 * record is reported at its file:line:column.
 */
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/* Written by export, not registration fields: read, ignored, not built. */
#define EXPORT_ONLY "id", "status", "reply_due", "replied_at", "reply_late", \
	"appointment", "until", "documents", "reason", "forced", "visits", \
	"events"

/* Each list in the order export writes its keys: svc_ycheck_keys looks
 * for each from where the one before it was found. */
static const char *const keys[] = {
	"kind", "dept", "customer", "phone", "email", "address", "channel",
	"group", "product", "fault", "note", "want", "registered", "services",
	EXPORT_ONLY, NULL
};
/* Most of an export line's bytes are these, the visits and events. */
static const char *const unread[] = { EXPORT_ONLY, NULL };

struct ix {
	struct svc_db *db;
	const struct svc_conf *conf;
	const char *file;
	void (*created)(int64_t id, void *);
	void (*bad)(const char *msg, void *);
	void *arg;
	struct svc_err *e;
	int nbad;
	struct svc_line *lines;
	int cap;
};

static void
report(struct ix *x, const struct svc_ynode *at, const char *msg)
{
	struct svc_err one = { 0 };

	x->nbad++;
	svc_yerr(&one, SVC_EX_DATA, x->file, at, "%s", msg);
	x->bad(one.msg, x->arg);
	if (x->e->code == 0)
		svc_yerr(x->e, SVC_EX_DATA, x->file, at, "%s", msg);
}

static const char *
scalar(struct ix *x, const struct svc_ynode *item, const char *key, int *bad)
{
	const struct svc_ynode *v = svc_ymap_get(item, key);
	char msg[64];

	if (v == NULL || *bad)
		return NULL;
	if (v->type != SVC_Y_SCALAR) {
		snprintf(msg, sizeof msg, "%s: expected a value", key);
		report(x, v, msg);
		*bad = 1;
		return NULL;
	}
	/* An export writes null for an empty field. */
	if (!v->quoted && (strcmp(v->val, "null") == 0 || v->val[0] == '\0'))
		return NULL;
	return v->val;
}

static time_t
when(struct ix *x, const struct svc_ynode *item, const char *key, int *bad)
{
	const char *s = scalar(x, item, key, bad);
	struct svc_err sub = { 0 };
	time_t t;

	if (s == NULL)
		return 0;
	if (svc_time_parse(s, svc_now(), &x->conf->cal, &t, &sub) != 0) {
		report(x, svc_ymap_get(item, key), sub.msg);
		*bad = 1;
		return 0;
	}
	return t;
}

static int
add_line(struct ix *x, int *n, const struct svc_ynode *at, const char *code,
    const char *qty)
{
	struct svc_err sub = { 0 };
	struct svc_buf b = { 0 };
	int rc;

	if (*n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 8;
		x->lines = svc_xrealloc(x->lines, (size_t)x->cap *
		    sizeof *x->lines);
	}
	svc_buf_puts(&b, code);
	if (qty) {
		svc_buf_putc(&b, ':');
		svc_buf_puts(&b, qty);
	}
	if ((rc = svc_line_parse(b.s, &x->lines[*n], &sub)) != 0)
		report(x, at, sub.msg);
	else
		(*n)++;
	svc_buf_free(&b);
	return rc;
}

/* ["a:2", "b"], "a:2,b", or the export's [{code: a, qty: 2, ...}]. */
static int
lines(struct ix *x, const struct svc_ynode *item, int *n)
{
	const struct svc_ynode *v = svc_ymap_get(item, "services"), *k, *q;
	char *copy, *p, *tok;
	int i, rc = 0;

	*n = 0;
	if (v == NULL)
		return 0;
	if (v->type == SVC_Y_SCALAR) {
		copy = svc_strdup(v->val);
		for (tok = strtok_r(copy, ",", &p); tok && rc == 0;
		    tok = strtok_r(NULL, ",", &p))
			rc = add_line(x, n, v, tok, NULL);
		free(copy);
		return rc;
	}
	if (v->type != SVC_Y_SEQ) {
		report(x, v, "services: expected a list");
		return SVC_EX_DATA;
	}
	for (i = 0; i < v->n && rc == 0; i++) {
		k = v->kids[i];
		if (k->type == SVC_Y_SCALAR) {
			rc = add_line(x, n, k, k->val, NULL);
		} else if (k->type == SVC_Y_MAP &&
		    (q = svc_ymap_get(k, "code")) && q->type == SVC_Y_SCALAR) {
			q = svc_ymap_get(k, "qty");
			rc = add_line(x, n, k, svc_ymap_get(k, "code")->val,
			    q && q->type == SVC_Y_SCALAR ? q->val : NULL);
		} else {
			report(x, k, "services: expected CODE[:QTY]");
			rc = SVC_EX_DATA;
		}
	}
	return rc;
}

static int
record(const struct svc_ynode *item, void *arg)
{
	struct ix *x = arg;
	struct svc_order_in in = { 0 };
	struct svc_err sub = { 0 };
	int64_t id;
	int bad = 0;

	if (item->type != SVC_Y_MAP) {
		report(x, item, "each record is a mapping");
		return 0;
	}
	if (svc_ycheck_keys(item, keys, x->file, &sub) != 0) {
		/* the message has the key's position already */
		x->nbad++;
		x->bad(sub.msg, x->arg);
		if (x->e->code == 0)
			*x->e = sub;
		return 0;
	}
	in.kind = scalar(x, item, "kind", &bad);
	in.customer = scalar(x, item, "customer", &bad);
	in.phone = scalar(x, item, "phone", &bad);
	in.email = scalar(x, item, "email", &bad);
	in.address = scalar(x, item, "address", &bad);
	in.channel = scalar(x, item, "channel", &bad);
	in.group = scalar(x, item, "group", &bad);
	in.dept = scalar(x, item, "dept", &bad);
	in.product = scalar(x, item, "product", &bad);
	in.fault = scalar(x, item, "fault", &bad);
	in.note = scalar(x, item, "note", &bad);
	in.want_at = when(x, item, "want", &bad);
	in.registered = when(x, item, "registered", &bad);
	if (bad || lines(x, item, &in.nlines))
		return 0;
	in.lines = x->lines;
	if (svc_order_new(x->db, x->conf, &in, &id, &sub) != 0) {
		if (sub.code != SVC_EX_DATA && sub.code != SVC_EX_NOINPUT) {
			*x->e = sub;	/* busy, I/O: not this record's fault */
			return sub.code;
		}
		report(x, item, sub.msg);
		if (x->e->code == SVC_EX_DATA)
			x->e->code = sub.code;
		return 0;
	}
	if (x->nbad == 0)
		x->created(id, x->arg);
	return 0;
}

/*
 * Where the file stops being JSON or YAML, reading stops: after bad
 * records, that place is the last of them, told with the others (it was
 * lost behind the first before, and found only on the next run).
 */
static void
unreadable(struct ix *x, const struct svc_err *rd)
{
	if (x->nbad > 0) {
		x->nbad++;
		x->bad(rd->msg, x->arg);
	}
	if (x->e->code == 0)
		*x->e = *rd;
}

/*
 * Returns 0 when every record was registered; otherwise the first error's
 * status, each bad record having been handed to bad() as it was found.
 */
int
svc_order_import(struct svc_db *db, const struct svc_conf *c, const char *path,
    void (*created)(int64_t, void *), void (*bad)(const char *, void *),
    void *arg, int *nbad, struct svc_err *e)
{
	struct ix x = { db, c, strcmp(path, "-") ? path : "<stdin>", created,
		bad, arg, e, 0, NULL, 0 };
	struct svc_err rd = { 0 };	/* the file's, apart from its records' */
	int rc;

	if ((rc = svc_yaml_each(path, unread, record, &x, &rd)) != 0 &&
	    rd.code != 0)
		unreadable(&x, &rd);
	free(x.lines);
	*nbad = x.nbad;
	return rc ? rc : e->code;
}

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
};

/*
 * A record as the reader's thread leaves it (ahead.c), in the record's
 * arena: either what is wrong with it, told at its place in the file, or
 * a registration checked, with its event's details written out.  Only
 * the database's part is left for the writer.
 */
struct ready {
	struct svc_err wrong;	/* the record's fields, at their place */
	struct svc_err refused;	/* the registration's: at the record */
	struct svc_order_in in;
	struct svc_order_ready order;
	const char *details;
	struct svc_line lines[];
};

/* The first of a record's faults is told; the rest are not looked for. */
static void
wrong(struct ready *r, const char *file, const struct svc_ynode *at,
    const char *msg)
{
	if (r->wrong.code == 0)
		svc_yerr(&r->wrong, SVC_EX_DATA, file, at, "%s", msg);
}

static const char *
scalar(struct ready *r, const char *file, const struct svc_ynode *item,
    const char *key)
{
	const struct svc_ynode *v = svc_ymap_get(item, key);
	char msg[64];

	if (v == NULL || r->wrong.code)
		return NULL;
	if (v->type != SVC_Y_SCALAR) {
		snprintf(msg, sizeof msg, "%s: expected a value", key);
		wrong(r, file, v, msg);
		return NULL;
	}
	/* An export writes null for an empty field. */
	if (!v->quoted && (strcmp(v->val, "null") == 0 || v->val[0] == '\0'))
		return NULL;
	return v->val;
}

static time_t
when(struct ready *r, const struct ix *x, const struct svc_ynode *item,
    const char *key)
{
	const char *s = scalar(r, x->file, item, key);
	struct svc_err sub = { 0 };
	time_t t;

	if (s == NULL)
		return 0;
	if (svc_time_parse(s, svc_now(), &x->conf->cal, &t, &sub) != 0) {
		wrong(r, x->file, svc_ymap_get(item, key), sub.msg);
		return 0;
	}
	return t;
}

static void
add_line(struct ready *r, const char *file, const struct svc_ynode *at,
    const char *code, const char *qty)
{
	struct svc_err sub = { 0 };
	struct svc_buf b = { 0 };

	svc_buf_puts(&b, code);
	if (qty) {
		svc_buf_putc(&b, ':');
		svc_buf_puts(&b, qty);
	}
	if (svc_line_parse(b.s, &r->lines[r->in.nlines], &sub) != 0)
		wrong(r, file, at, sub.msg);
	else
		r->in.nlines++;
	svc_buf_free(&b);
}

/* ["a:2", "b"], "a:2,b", or the export's [{code: a, qty: 2, ...}]. */
static void
lines(struct ready *r, const char *file, const struct svc_ynode *v)
{
	const struct svc_ynode *k, *q;
	char *copy, *p, *tok;
	int i;

	if (v->type == SVC_Y_SCALAR) {
		copy = svc_strdup(v->val);
		for (tok = strtok_r(copy, ",", &p); tok && !r->wrong.code;
		    tok = strtok_r(NULL, ",", &p))
			add_line(r, file, v, tok, NULL);
		free(copy);
		return;
	}
	if (v->type != SVC_Y_SEQ) {
		wrong(r, file, v, "services: expected a list");
		return;
	}
	for (i = 0; i < v->n && !r->wrong.code; i++) {
		k = v->kids[i];
		if (k->type == SVC_Y_SCALAR) {
			add_line(r, file, k, k->val, NULL);
		} else if (k->type == SVC_Y_MAP &&
		    (q = svc_ymap_get(k, "code")) && q->type == SVC_Y_SCALAR) {
			q = svc_ymap_get(k, "qty");
			add_line(r, file, k, svc_ymap_get(k, "code")->val,
			    q && q->type == SVC_Y_SCALAR ? q->val : NULL);
		} else {
			wrong(r, file, k, "services: expected CODE[:QTY]");
		}
	}
}

/* Room for a record's service lines: a list's items, or a text's parts. */
static int
room_for_lines(const struct svc_ynode *v)
{
	const char *p;
	int n = 1;

	if (v == NULL)
		return 0;
	if (v->type != SVC_Y_SCALAR)
		return v->n;
	for (p = v->val; (p = strchr(p, ',')) != NULL; p++)
		n++;
	return n;
}

static void
read_fields(struct ready *r, const struct ix *x, const struct svc_ynode *item)
{
	const char *f = x->file;

	r->in.kind = scalar(r, f, item, "kind");
	r->in.customer = scalar(r, f, item, "customer");
	r->in.phone = scalar(r, f, item, "phone");
	r->in.email = scalar(r, f, item, "email");
	r->in.address = scalar(r, f, item, "address");
	r->in.channel = scalar(r, f, item, "channel");
	r->in.group = scalar(r, f, item, "group");
	r->in.dept = scalar(r, f, item, "dept");
	r->in.product = scalar(r, f, item, "product");
	r->in.fault = scalar(r, f, item, "fault");
	r->in.note = scalar(r, f, item, "note");
	r->in.want_at = when(r, x, item, "want");
	r->in.registered = when(r, x, item, "registered");
}

/* The reader's part of a record (svc_yprep_fn): no database, no writes
 * to x, which the writer's thread owns. */
static void
prepare(struct svc_ynode *item, const void *arg)
{
	const struct ix *x = arg;
	const struct svc_ynode *services = item->type == SVC_Y_MAP ?
	    svc_ymap_get(item, "services") : NULL;
	int room = room_for_lines(services);
	struct ready *r = svc_yarena_alloc(item->arena, sizeof *r +
	    (size_t)room * sizeof r->lines[0]);
	struct svc_json j;

	memset(r, 0, sizeof *r);
	item->ready = r;
	r->in.lines = r->lines;
	if (item->type != SVC_Y_MAP) {
		wrong(r, x->file, item, "each record is a mapping");
		return;
	}
	/* the message has the key's position already */
	if (svc_ycheck_keys(item, keys, x->file, &r->wrong) != 0)
		return;
	read_fields(r, x, item);
	if (services && !r->wrong.code)
		lines(r, x->file, services);
	if (r->wrong.code ||
	    svc_order_check(x->conf, &r->in, &r->order, &r->refused) != 0)
		return;
	svc_order_details(&r->order, &j);
	r->details = svc_yarena_strdup(item->arena, svc_json_end(&j));
	svc_buf_free(&j.b);
}

/* A bad record told, and the first made the import's error. */
static void
tell(struct ix *x, const struct svc_err *what)
{
	x->nbad++;
	x->bad(what->msg, x->arg);
	if (x->e->code == 0)
		*x->e = *what;
}

/* The writer's part (svc_yitem_fn): the registration written, or why not. */
static int
record(const struct svc_ynode *item, void *arg)
{
	struct ix *x = arg;
	struct ready *r = item->ready;
	struct svc_err sub = { 0 }, told = { 0 };
	int64_t id;

	if (r->wrong.code) {
		tell(x, &r->wrong);
		return 0;
	}
	if (r->refused.code)
		sub = r->refused;
	else if (svc_order_write(x->db, x->conf, &r->order, r->details, &id,
	    &sub) == 0) {
		if (x->nbad == 0)
			x->created(id, x->arg);
		return 0;
	}
	if (sub.code != SVC_EX_DATA && sub.code != SVC_EX_NOINPUT) {
		*x->e = sub;	/* busy, I/O: not this record's fault */
		return sub.code;
	}
	svc_yerr(&told, SVC_EX_DATA, x->file, item, "%s", sub.msg);
	tell(x, &told);
	if (x->e->code == SVC_EX_DATA)
		x->e->code = sub.code;
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
		bad, arg, e, 0 };
	struct svc_err rd = { 0 };	/* the file's, apart from its records' */
	int rc;

	if ((rc = svc_yaml_each(path, unread, prepare, record, &x, &rd)) != 0 &&
	    rd.code != 0)
		unreadable(&x, &rd);
	*nbad = x.nbad;
	return rc ? rc : e->code;
}

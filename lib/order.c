/*
 * order.c - the order: a request for an on-site service, registered (C1,
 * G1, G4) and replied to (G5, G6).  The transition table lives here, in one
 * place; later parts of svc add their states to it.
 *
 * Deadlines are computed when the triggering event is written: the reply
 * due time is stored at registration, so the nightly overdue check is an
 * index lookup.  A rule broken by a person (a late reply) is recorded,
 * never refused; a change that makes no sense (accepting a refused order)
 * is refused with exit 65.
 */
#include <stdlib.h>
#include <string.h>

#include "svc.h"

const char *const svc_groups[SVC_NGROUPS + 1] = {
	"elderly", "frail", "sick", "disabled", "key-project", NULL
};
const char *const svc_channels[SVC_NCHANNELS + 1] = {
	"window", "phone", "office", "online", NULL
};

const char *const svc_statuses[SVC_NSTATUSES + 1] = {
	"new", "accepted", "refused", "cancelled", "assigned", "arrived",
	"started", "suspended", "taken_back", "done", "abandoned", "closed",
	NULL
};

static const struct {
	const char *from, *to;
} transitions[] = {
	{ "new", "accepted" },
	{ "new", "refused" },
	{ "new", "cancelled" },
	{ "accepted", "cancelled" },
	{ "accepted", "assigned" },	/* C2: the supervisor dispatches */
	{ "assigned", "assigned" },	/* to another worker */
	{ "assigned", "accepted" },	/* the worker is taken off */
	{ "assigned", "cancelled" },
	{ "assigned", "arrived" },	/* the worker is at the door (G8) */
	{ "arrived", "started" },	/* the applicant agrees (A4) */
	{ "arrived", "abandoned" },	/* absent, unreachable (G10) */
	{ "started", "suspended" },	/* rest or meal time (A9) */
	{ "suspended", "started" },
	{ "started", "taken_back" },	/* to the workshop (A8) */
	{ "taken_back", "assigned" },	/* a new appointment brings it back */
	{ "started", "done" },		/* signed by the customer (A10, C5) */
};

int
svc_transition_ok(const char *from, const char *to)
{
	size_t i;

	for (i = 0; i < sizeof transitions / sizeof transitions[0]; i++)
		if (strcmp(transitions[i].from, from) == 0 &&
		    strcmp(transitions[i].to, to) == 0)
			return 1;
	return 0;
}

static int
one_of(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

const struct svc_service *
svc_conf_service(const struct svc_conf *c, const char *code)
{
	int i;

	for (i = 0; i < c->nservices; i++)
		if (strcmp(c->services[i].code, code) == 0)
			return &c->services[i];
	return NULL;
}

/*
 * What the order's services name in the catalogue: their tools (A14) or
 * their skills (issue 18), each once, in the order of the lines; at most
 * max.  The count, or -1 with e set.
 */
int
svc_order_needs(struct svc_db *db, const struct svc_conf *c, int64_t id,
    enum svc_need what, char **out, int max, struct svc_err *e)
{
	static const char sql[] = "SELECT code FROM order_service"
	    " WHERE order_id = ?1 ORDER BY line";
	const struct svc_service *s;
	struct svc_stmt *st;
	char **list;
	int i, k, n = 0, len;

	if (svc_db_cached(db, sql, &st, e))
		return -1;
	svc_bind_int64(st, 1, id);
	while (svc_step(st) == SVC_ROW) {
		if ((s = svc_conf_service(c, svc_col_text(st, 0))) == NULL)
			continue;	/* a service since taken off the catalogue */
		list = what == SVC_NEED_TOOLS ? s->tools : s->skills;
		len = what == SVC_NEED_TOOLS ? s->ntools : s->nskills;
		for (i = 0; i < len && n < max; i++) {
			for (k = 0; k < n && strcmp(out[k], list[i]); k++)
				;
			if (k == n)
				out[n++] = list[i];
		}
	}
	svc_reset(st);
	return n;
}

/* CODE or CODE:QTY. */
int
svc_line_parse(const char *s, struct svc_line *l, struct svc_err *e)
{
	const char *colon = strchr(s, ':');
	size_t n = colon ? (size_t)(colon - s) : strlen(s);
	int64_t qty = 1;

	if (n == 0 || n >= sizeof l->code)
		return svc_seterr(e, SVC_EX_DATA, "%s: bad service (want "
		    "CODE or CODE:QTY)", s);
	if (colon && (svc_id_parse(colon + 1, &qty) != 0 || qty > 9999))
		return svc_seterr(e, SVC_EX_DATA, "%s: bad quantity (1 to "
		    "9999)", s);
	memcpy(l->code, s, n);
	l->code[n] = '\0';
	l->qty = (int)qty;
	return 0;
}

/*
 * After the step that looks an order up: 0 when it was found, 66 when
 * there is no such order, the database's error otherwise.
 */
int
svc_order_found(struct svc_db *db, int rc, int64_t id, struct svc_err *e)
{
	if (rc == SVC_ROW)
		return 0;
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no such order",
		    (long long)id);
	return svc_db_error(db, rc, e);
}

/* What the steps of an order need to know about it: one query. */
int
svc_order_facts(struct svc_db *db, int64_t id, struct svc_facts *f,
    struct svc_err *e)
{
	static const char sql[] = "SELECT o.status, o.kind, coalesce(o.grp, ''),"
	    " coalesce(d.code, ''), o.reply_due, coalesce(o.appt_at, 0),"
	    " coalesce(o.appt_until, 0), coalesce(o.worker_id, 0),"
	    " coalesce(o.helper_id, 0),"
	    " (SELECT coalesce(sum(minutes * qty), 0) FROM order_service"
	    "   WHERE order_id = o.id),"
	    " coalesce(o.followup_due, 0), o.followup_tries"
	    " FROM orders o LEFT JOIN dept d ON d.id = o.dept_id"
	    " WHERE o.id = ?1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		snprintf(f->status, sizeof f->status, "%s", svc_col_text(st, 0));
		snprintf(f->kind, sizeof f->kind, "%s", svc_col_text(st, 1));
		snprintf(f->group, sizeof f->group, "%s", svc_col_text(st, 2));
		snprintf(f->dept, sizeof f->dept, "%s", svc_col_text(st, 3));
		f->reply_due = (time_t)svc_col_int64(st, 4);
		f->at = (time_t)svc_col_int64(st, 5);
		f->until = (time_t)svc_col_int64(st, 6);
		f->worker = svc_col_int64(st, 7);
		f->helper = svc_col_int64(st, 8);
		f->minutes = svc_col_int(st, 9);
		f->followup_due = (time_t)svc_col_int64(st, 10);
		f->followup_tries = svc_col_int(st, 11);
	}
	svc_reset(st);
	return svc_order_found(db, rc, id, e);
}

/* The steps svc_order_may names, as words a person reads. */
const char *const svc_step_words[] = {
	NC_("step", "accept"), NC_("step", "refuse"), NC_("step", "cancel"),
	NC_("step", "assign"), NC_("step", "arrive"), NC_("step", "start"),
	NC_("step", "resume"), NC_("step", "suspend"),
	NC_("step", "take back"), NC_("step", "finish"), NULL
};

/*
 * The one check every state change passes: exit 65, saying why, when the
 * order's state does not allow the step; the step and the state are
 * words in the reader's language, the codes in the C locale.
 */
int
svc_order_may(int64_t id, const struct svc_facts *f, const char *to,
    const char *verb, struct svc_err *e)
{
	static const char *const why[][2] = {
		{ "started", N_("nobody has arrived yet") },
		{ "done", N_("the work has not started") },
		{ "abandoned", N_("nobody has arrived yet") },
	};
	const char *step;
	size_t i;

	if (svc_transition_ok(f->status, to))
		return 0;
	step = svc_context("step", verb);	/* only for the refusal */
	for (i = 0; i < sizeof why / sizeof why[0]; i++)
		if (strcmp(to, why[i][0]) == 0 &&
		    strcmp(f->status, "assigned") == 0)
			return svc_seterr(e, SVC_EX_DATA, "%lld: cannot %s: %s",
			    (long long)id, step, _(why[i][1]));
	return svc_seterr(e, SVC_EX_DATA, "%lld: cannot %s: the order is %s",
	    (long long)id, step, svc_label(f->status));
}

/* The person's texts of a registration, through the one validator. */
static int
order_texts(const struct svc_order_in *in, int editing, struct svc_err *e)
{
	return (!(editing && in->customer == NULL) &&
	    svc_text_ok("the customer's name", in->customer,
	    SVC_TEXT_REQUIRED, SVC_TEXT_SHORT, e)) ||
	    (!(editing && in->address == NULL) &&
	    svc_text_ok("the address", in->address, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e)) ||
	    svc_text_ok("the product", in->product, 0, SVC_TEXT_LINE, e) ||
	    svc_text_ok("the fault", in->fault, 0, SVC_TEXT_LINE, e) ||
	    svc_text_ok("the note", in->note, SVC_TEXT_LINES, SVC_TEXT_LINE,
	    e);
}

/*
 * The kind is given, or implied by the services; every service must be of
 * that kind.  The department is given, or the services' own when they
 * agree.
 */
static int
check_lines(const struct svc_conf *c, const struct svc_order_in *in,
    const char **kind, const char **dept, struct svc_err *e)
{
	const struct svc_service *s;
	int64_t total = 0;
	int i;

	*kind = in->kind;
	*dept = in->dept;
	if (*kind && !svc_kind_valid(*kind))
		return svc_seterr(e, SVC_EX_DATA, "%s: unknown kind (cleaning, "
		    "repair or gov)", *kind);
	for (i = 0; i < in->nlines; i++) {
		if ((s = svc_conf_service(c, in->lines[i].code)) == NULL)
			return svc_seterr(e, SVC_EX_DATA, "%s: no such service "
			    "in the catalogue", in->lines[i].code);
		if (*kind == NULL)
			*kind = s->kind;
		else if (strcmp(*kind, s->kind) != 0)
			return svc_seterr(e, SVC_EX_DATA, "%s: a %s service on "
			    "a %s order", s->code, s->kind, *kind);
		if (svc_money_add(&total, in->lines[i].qty, s->price))
			return svc_seterr(e, SVC_EX_DATA, "the order's total "
			    "would pass the ceiling of 10^12 yuan");
		if (in->dept == NULL && i == 0)
			*dept = s->dept;
		else if (in->dept == NULL && *dept && (!s->dept ||
		    strcmp(*dept, s->dept) != 0))
			*dept = NULL;
	}
	if (*kind == NULL)
		return svc_seterr(e, SVC_EX_DATA, "give --kind or at least one "
		    "--service");
	return 0;
}

/* An e-mail address for the applicant's messages, or "" for none. */
static int
email_ok(const char *email, struct svc_err *e)
{
	if (email == NULL || *email == '\0' || svc_email_valid(email))
		return 0;
	return svc_seterr(e, SVC_EX_DATA, "%s: not an e-mail address "
	    "(name@domain, no blanks)", email);
}

static int
check_new(const struct svc_order_in *in, struct svc_err *e)
{
	if (order_texts(in, 0, e))
		return e->code;
	if (in->phone == NULL || !svc_phone_valid(in->phone))
		return svc_seterr(e, SVC_EX_DATA, "%s: a phone number is "
		    "required (digits, blanks, + - ( ))", in->phone ? in->phone :
		    "(none)");
	if (in->channel && !one_of(svc_channels, in->channel))
		return svc_seterr(e, SVC_EX_DATA, "%s: unknown channel (window, "
		    "phone, office or online)", in->channel);
	if (in->group && !one_of(svc_groups, in->group))
		return svc_seterr(e, SVC_EX_DATA, "%s: unknown group (elderly, "
		    "frail, sick, disabled or key-project)", in->group);
	return email_ok(in->email, e);
}

/*
 * Customers are kept once per phone number; the latest name wins there.
 * Each order keeps its own name (orders.customer_name), so this never
 * rewrites what an old order, its form or its receipt shows.
 */
/* The customer's e-mail address as last given; "" takes it away. */
static int
customer_email(struct svc_db *db, int64_t id, const char *email,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE customer SET email = nullif(?2, '')"
	    " WHERE id = ?1 AND email IS NOT nullif(?2, '')";
	struct svc_stmt *st;

	if (email == NULL)
		return 0;
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, email);
	return svc_db_done(db, st, e);
}

/* A new customer: 1 when added, 0 when the phone is someone's already. */
static int
customer_add(struct svc_db *db, const char *name, const char *phone,
    time_t now, int64_t *id, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO customer (phone, name,"
	    " created_at) VALUES (?1, ?2, ?3) ON CONFLICT (phone) DO NOTHING";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return -1;
	svc_bind_text(st, 1, phone);
	svc_bind_text(st, 2, name);
	svc_bind_int64(st, 3, (int64_t)now);
	if (svc_db_done(db, st, e))
		return -1;
	if (svc_db_changes(db) != 1)
		return 0;
	*id = svc_db_last_id(db);
	return 1;
}

/* One who called before, by phone: 1, *same when the name is the same. */
static int
customer_find(struct svc_db *db, const char *name, const char *phone,
    int64_t *id, int *same, struct svc_err *e)
{
	static const char sql[] = "SELECT id, name = ?2 FROM customer"
	    " WHERE phone = ?1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return -1;
	svc_bind_text(st, 1, phone);
	svc_bind_text(st, 2, name);
	if ((rc = svc_step(st)) == SVC_ROW) {
		*id = svc_col_int64(st, 0);
		*same = svc_col_int(st, 1);
	}
	svc_reset(st);
	if (rc != SVC_ROW && rc != SVC_DONE) {
		svc_db_error(db, rc, e);
		return -1;
	}
	return rc == SVC_ROW;
}

/*
 * The customer of a request, by phone: one who called before is found
 * (and renamed when the name given differs), one new is added.  Which is
 * tried first follows the last request: an import's records come in runs
 * of new customers or of returning ones, and trying the other first costs
 * a statement each.  Only the speed depends on it, never the answer.
 */
static int
customer_id(struct svc_db *db, const char *name, const char *phone, time_t now,
    int64_t *id, struct svc_err *e)
{
	static const char rename[] = "UPDATE customer SET name = ?2"
	    " WHERE phone = ?1";
	static int last_new;
	struct svc_stmt *st;
	int rc, same = 1;

	if (last_new && (rc = customer_add(db, name, phone, now, id, e)) != 0)
		return rc < 0 ? e->code : 0;
	if ((rc = customer_find(db, name, phone, id, &same, e)) == 0) {
		if ((rc = customer_add(db, name, phone, now, id, e)) == 0)
			return svc_seterr(e, SVC_EX_SOFTWARE, "customer %s:"
			    " neither found nor added", phone);
		last_new = rc > 0;
		return rc < 0 ? e->code : 0;
	}
	last_new = 0;
	if (rc < 0)
		return e->code;
	if (same)
		return 0;
	if (svc_db_cached(db, rename, &st, e))
		return e->code;
	svc_bind_text(st, 1, phone);
	svc_bind_text(st, 2, name);
	return svc_db_done(db, st, e);
}

static void
json_strings(struct svc_buf *b, char *const *v, int n)
{
	int i;

	svc_buf_putc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			svc_buf_putc(b, ',');
		svc_buf_json_str(b, v[i]);
	}
	svc_buf_putc(b, ']');
}

/* Unit prices are copied now, so a later price change never alters it. */
static int
insert_lines(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const struct svc_order_in *in, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO order_service (order_id, line,"
	    " code, name, qty, unit_price, minutes, documents)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	const struct svc_service *s;
	struct svc_buf docs = { 0 };
	struct svc_stmt *st;
	int i;

	for (i = 0; i < in->nlines; i++) {
		s = svc_conf_service(c, in->lines[i].code);
		svc_buf_reset(&docs);
		json_strings(&docs, s->documents, s->ndocuments);
		if (svc_db_cached(db, sql, &st, e))
			break;
		svc_bind_int64(st, 1, id);
		svc_bind_int(st, 2, i + 1);
		svc_bind_text(st, 3, s->code);
		svc_bind_text(st, 4, s->name);
		svc_bind_int(st, 5, in->lines[i].qty);
		svc_bind_int64(st, 6, s->price);
		svc_bind_int(st, 7, s->minutes);
		svc_bind_text(st, 8, docs.s);
		if (svc_db_done(db, st, e))
			break;
	}
	svc_buf_free(&docs);
	return e->code;
}

/* A service line as the events name it, code:qty ("clean-glass:12"). */
static void
line_text(struct svc_buf *b, const struct svc_line *l)
{
	char d[24];

	svc_buf_puts(b, l->code);
	svc_buf_putc(b, ':');
	svc_buf_puts(b, svc_decimal(l->qty, d));
}

static void
lines_json(struct svc_json *j, const char *key, const struct svc_order_in *in)
{
	int i;

	if (in->nlines == 0)
		return;
	if (j->n++)
		svc_buf_putc(&j->b, ',');
	svc_buf_json_str(&j->b, key);
	svc_buf_puts(&j->b, ":[");
	for (i = 0; i < in->nlines; i++) {
		svc_buf_puts(&j->b, i ? ",\"" : "\"");
		line_text(&j->b, &in->lines[i]);
		svc_buf_putc(&j->b, '"');
	}
	svc_buf_putc(&j->b, ']');
}

/* The registration fields, as the event of G4 records them. */
void
svc_order_details(const struct svc_order_ready *r, struct svc_json *j)
{
	const struct svc_order_in *in = r->in;
	char when[40];

	svc_json_begin(j);
	svc_json_str(j, "kind", r->kind);
	svc_json_str(j, "customer", in->customer);
	svc_json_str(j, "phone", in->phone);
	if (in->email && *in->email)
		svc_json_str(j, "email", in->email);
	svc_json_str(j, "address", in->address);
	svc_json_str(j, "channel", in->channel ? in->channel : "phone");
	if (in->group)
		svc_json_str(j, "group", in->group);
	if (r->dept)
		svc_json_str(j, "dept", r->dept);
	if (in->want_at) {
		svc_time_iso(in->want_at, when, sizeof when);
		svc_json_str(j, "want", when);
	}
	if (in->product)
		svc_json_str(j, "product", in->product);
	if (in->fault)
		svc_json_str(j, "fault", in->fault);
	if (in->note)
		svc_json_str(j, "note", in->note);
	lines_json(j, "services", in);
}

/*
 * 1 and its id when department dept is set up; 0 when it is not, or none
 * is named; -1 when it was named by the user (given) and is not there.
 */
static int
dept_known(struct svc_db *db, const char *dept, int given, int64_t *id,
    struct svc_err *e)
{
	int have;

	if (dept == NULL)
		return 0;
	if ((have = svc_dept_id(db, dept, id, e)) < 0)
		return -1;
	if (!have && given) {
		svc_seterr(e, SVC_EX_NOINPUT, "%s: no such department", dept);
		return -1;
	}
	return have;
}

/*
 * The first half of a registration, which reads no database: the texts
 * and services checked, the kind and department they imply, the reply's
 * deadline (G5: reply_within after the request).
 */
int
svc_order_check(const struct svc_conf *c, const struct svc_order_in *in,
    struct svc_order_ready *r, struct svc_err *e)
{
	const struct svc_rules *rules;

	svc_clearerr(e);
	memset(r, 0, sizeof *r);
	r->in = in;
	r->at = in->registered ? in->registered : svc_now();
	if (check_new(in, e) || check_lines(c, in, &r->kind, &r->dept, e))
		return e->code;
	rules = svc_conf_rules(c, r->kind);
	return svc_cal_add_dur(svc_conf_cal(c, r->kind), r->at,
	    &rules->reply_within, &r->due, e);
}

/*
 * The second half: the order, its lines and its event written.  details
 * are svc_order_details' (NULL: made here); a department the catalogue
 * names and nobody has set up yet is left out of both.
 */
int
svc_order_write(struct svc_db *db, const struct svc_conf *c,
    const struct svc_order_ready *r, const char *details, int64_t *id,
    struct svc_err *e)
{
	static const char sql[] = "INSERT INTO orders (kind, customer_id,"
	    " address, channel, grp, dept_id, product, fault, note, want_at,"
	    " created_at, reply_due, customer_name) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
	const struct svc_order_in *in = r->in;
	struct svc_order_ready known;
	int64_t cust, dept_id = 0;
	struct svc_stmt *st;
	struct svc_json j;
	int have;

	svc_clearerr(e);
	if ((have = dept_known(db, r->dept, in->dept != NULL, &dept_id, e)) < 0)
		return e->code;
	if (customer_id(db, in->customer, in->phone, r->at, &cust, e) ||
	    customer_email(db, cust, in->email, e) ||
	    svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, r->kind);
	svc_bind_int64(st, 2, cust);
	svc_bind_text(st, 3, in->address);
	svc_bind_text(st, 4, in->channel ? in->channel : "phone");
	svc_bind_text(st, 5, in->group);
	if (have)
		svc_bind_int64(st, 6, dept_id);
	svc_bind_text(st, 7, in->product);
	svc_bind_text(st, 8, in->fault);
	svc_bind_text(st, 9, in->note);
	if (in->want_at)
		svc_bind_int64(st, 10, (int64_t)in->want_at);
	svc_bind_int64(st, 11, (int64_t)r->at);
	svc_bind_int64(st, 12, (int64_t)r->due);
	svc_bind_text(st, 13, in->customer);
	if (svc_db_done(db, st, e))
		return e->code;
	*id = svc_db_last_id(db);
	if (insert_lines(db, c, *id, in, e))
		return e->code;
	if (details != NULL && (have || r->dept == NULL))
		return svc_event_add(db, *id, NULL, "order.new", details, e);
	known = *r;
	if (!have)
		known.dept = NULL;	/* the catalogue names one not set up */
	svc_order_details(&known, &j);
	return svc_event_json(db, *id, NULL, "order.new", &j, e);
}

int
svc_order_new(struct svc_db *db, const struct svc_conf *c,
    const struct svc_order_in *in, int64_t *id, struct svc_err *e)
{
	struct svc_order_ready r;

	if (svc_order_check(c, in, &r, e))
		return e->code;
	return svc_order_write(db, c, &r, NULL, id, e);
}

/* The fields of an order as they stand, for an edit to compare with. */
struct current {
	char *customer, *phone, *address, *channel, *group, *dept;
	char *product, *fault, *note, *services, *kind, *email;
	char status[16];
};

static void
current_free(struct current *c)
{
	free(c->customer);
	free(c->phone);
	free(c->address);
	free(c->channel);
	free(c->group);
	free(c->dept);
	free(c->product);
	free(c->fault);
	free(c->note);
	free(c->services);
	free(c->kind);
	free(c->email);
}

static int
current(struct svc_db *db, int64_t id, struct current *cur, struct svc_err *e)
{
	static const char sql[] = "SELECT customer, phone, address, channel,"
	    " \"group\", dept, product, fault, note, kind, status,"
	    " (SELECT group_concat(code || ':' || qty, ',') FROM"
	    "   (SELECT code, qty FROM order_service WHERE order_id = ?1"
	    "    ORDER BY line) AS l),"
	    " (SELECT c.email FROM orders o JOIN customer c"
	    "   ON c.id = o.customer_id WHERE o.id = ?1)"
	    " FROM v_order WHERE id = ?1";
	char **f[] = { &cur->customer, &cur->phone, &cur->address,
		&cur->channel, &cur->group, &cur->dept, &cur->product,
		&cur->fault, &cur->note, &cur->kind };
	struct svc_stmt *st;
	size_t i;
	int rc;

	memset(cur, 0, sizeof *cur);
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		for (i = 0; i < sizeof f / sizeof f[0]; i++)
			*f[i] = svc_strdup(svc_col_text(st, (int)i));
		snprintf(cur->status, sizeof cur->status, "%s",
		    svc_col_text(st, 10));
		cur->services = svc_strdup(svc_col_text(st, 11));
		cur->email = svc_strdup(svc_col_text(st, 12));
	}
	svc_finalize(st);
	return svc_order_found(db, rc, id, e);
}

/* Record "field": {"old": ..., "new": ...} when the value changes. */
static void
diff(struct svc_json *j, const char *key, const char *old, const char *new)
{
	if (new == NULL)
		return;
	if (*new == '\0')
		new = NULL;	/* an empty value clears the field */
	if ((old == NULL && new == NULL) ||
	    (old && new && strcmp(old, new) == 0))
		return;
	if (j->n++)
		svc_buf_putc(&j->b, ',');
	svc_buf_json_str(&j->b, key);
	svc_buf_puts(&j->b, ":{\"old\":");
	if (old)
		svc_buf_json_str(&j->b, old);
	else
		svc_buf_puts(&j->b, "null");
	svc_buf_puts(&j->b, ",\"new\":");
	if (new)
		svc_buf_json_str(&j->b, new);
	else
		svc_buf_puts(&j->b, "null");
	svc_buf_putc(&j->b, '}');
}

static void
lines_text(struct svc_buf *b, const struct svc_order_in *in)
{
	int i;

	for (i = 0; i < in->nlines; i++) {
		if (i)
			svc_buf_putc(b, ',');
		line_text(b, &in->lines[i]);
	}
}

static int
update_fields(struct svc_db *db, int64_t id, int64_t cust,
    const struct svc_order_in *in, struct svc_err *e)
{
	static const char sql[] = "UPDATE orders SET customer_id = ?2,"
	    " customer_name = coalesce(?11, customer_name),"
	    " address = coalesce(?3, address),"
	    " channel = coalesce(?4, channel),"
	    " grp = CASE WHEN ?5 IS NULL THEN grp ELSE NULLIF(?5, '') END,"
	    " dept_id = CASE WHEN ?6 IS NULL THEN dept_id"
	    "   ELSE (SELECT id FROM dept WHERE code = ?6) END,"
	    " product = CASE WHEN ?7 IS NULL THEN product"
	    "   ELSE NULLIF(?7, '') END,"
	    " fault = CASE WHEN ?8 IS NULL THEN fault ELSE NULLIF(?8, '') END,"
	    " note = CASE WHEN ?9 IS NULL THEN note ELSE NULLIF(?9, '') END,"
	    " want_at = CASE WHEN ?10 IS NULL THEN want_at ELSE ?10 END"
	    " WHERE id = ?1";
	struct svc_stmt *st;

	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_int64(st, 2, cust);
	svc_bind_text(st, 3, in->address);
	svc_bind_text(st, 4, in->channel);
	svc_bind_text(st, 5, in->group);
	svc_bind_text(st, 6, in->dept);
	svc_bind_text(st, 7, in->product);
	svc_bind_text(st, 8, in->fault);
	svc_bind_text(st, 9, in->note);
	if (in->want_at)
		svc_bind_int64(st, 10, (int64_t)in->want_at);
	svc_bind_text(st, 11, in->customer);
	return svc_db_run(db, st, e);
}

static int
replace_lines(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const struct svc_order_in *in, const char *kind, struct svc_err *e)
{
	struct svc_order_in probe = *in;
	const char *k, *d;
	struct svc_stmt *st;

	probe.kind = kind;
	probe.dept = "";	/* keep the order's department */
	if (check_lines(c, &probe, &k, &d, e) ||
	    svc_db_prepare(db, "DELETE FROM order_service WHERE order_id = ?1",
	    &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if (svc_db_run(db, st, e))
		return e->code;
	return insert_lines(db, c, id, in, e);
}

/*
 * Correct contact details, address and services before any visit; every
 * edit is an event with the old and new values (G4).
 */
int
svc_order_edit(struct svc_db *db, const struct svc_conf *c, int64_t id,
    const struct svc_order_in *in, struct svc_err *e)
{
	struct svc_buf lines = { 0 };
	struct current cur;
	struct svc_json j;
	char want[40];
	int64_t cust, dept_id;	/* the edit's UPDATE looks the code up */

	svc_clearerr(e);	/* the result below is read from e */
	if (current(db, id, &cur, e))
		return e->code;
	if (strcmp(cur.status, "new") && strcmp(cur.status, "accepted")) {
		svc_seterr(e, SVC_EX_DATA, "%lld: cannot edit: the order is %s",
		    (long long)id, svc_label(cur.status));
		goto out;
	}
	if (order_texts(in, 1, e))
		goto out;
	if ((in->phone && !svc_phone_valid(in->phone)) ||
	    (in->channel && !one_of(svc_channels, in->channel)) ||
	    (in->group && *in->group && !one_of(svc_groups, in->group))) {
		svc_seterr(e, SVC_EX_DATA, "%lld: bad phone, channel or group",
		    (long long)id);
		goto out;
	}
	if (email_ok(in->email, e))
		goto out;
	if (in->dept && *in->dept && dept_known(db, in->dept, 1, &dept_id,
	    e) < 0)
		goto out;
	svc_json_begin(&j);
	diff(&j, "customer", cur.customer, in->customer);
	diff(&j, "phone", cur.phone, in->phone);
	diff(&j, "email", cur.email, in->email);
	diff(&j, "address", cur.address, in->address);
	diff(&j, "channel", cur.channel, in->channel);
	diff(&j, "group", cur.group, in->group);
	diff(&j, "dept", cur.dept, in->dept);
	diff(&j, "product", cur.product, in->product);
	diff(&j, "fault", cur.fault, in->fault);
	diff(&j, "note", cur.note, in->note);
	if (in->want_at) {
		svc_time_iso(in->want_at, want, sizeof want);
		diff(&j, "want", NULL, want);
	}
	if (in->nlines) {
		lines_text(&lines, in);
		diff(&j, "services", cur.services, lines.s);
	}
	if (customer_id(db, in->customer ? in->customer : cur.customer,
	    in->phone ? in->phone : cur.phone, svc_now(), &cust, e) == 0 &&
	    customer_email(db, cust, in->email, e) == 0 &&
	    update_fields(db, id, cust, in, e) == 0 &&
	    (in->nlines == 0 || replace_lines(db, c, id, in, cur.kind, e) == 0) &&
	    j.n > 0)
		svc_event_json(db, id, NULL, "order.edit", &j, e);
	svc_buf_free(&j.b);	/* no event when nothing changed */
out:
	svc_buf_free(&lines);
	current_free(&cur);
	return e->code;
}

/*
 * An order's registration as the input of another like it: what a plan
 * repeats (issue 18).  The customer, address, services and documents are
 * the first order's; the times are the new one's.
 */
int
svc_order_copy(struct svc_db *db, int64_t id, struct svc_order_copy *cp,
    struct svc_err *e)
{
	static const char sql[] = "SELECT coalesce(o.appt_at, o.want_at, 0),"
	    " (SELECT group_concat(j.value, ';') FROM json_each(o.documents) j)"
	    " FROM orders o WHERE o.id = ?1";
	struct current cur;
	struct svc_stmt *st;
	char *p, *comma;
	int rc;

	memset(cp, 0, sizeof *cp);
	if (current(db, id, &cur, e))
		return e->code;
	cp->held[0] = cur.kind, cp->held[1] = cur.customer;
	cp->held[2] = cur.phone, cp->held[3] = cur.address;
	cp->held[4] = cur.channel, cp->held[5] = cur.group;
	cp->held[6] = cur.dept, cp->held[7] = cur.product;
	cp->held[8] = cur.fault, cp->held[9] = cur.note;
	cp->held[10] = cur.services, cp->held[11] = cur.email;
	cp->in.kind = cur.kind, cp->in.customer = cur.customer;
	cp->in.phone = cur.phone, cp->in.address = cur.address;
	cp->in.channel = cur.channel, cp->in.group = cur.group;
	cp->in.dept = cur.dept, cp->in.product = cur.product;
	cp->in.fault = cur.fault, cp->in.note = cur.note;
	cp->in.lines = cp->lines;
	for (p = cur.services; p && *p && cp->in.nlines < SVC_MAX_LINES;
	    p = comma ? comma + 1 : NULL) {
		if ((comma = strchr(p, ',')) != NULL)
			*comma = '\0';
		if (svc_line_parse(p, &cp->lines[cp->in.nlines], e))
			return e->code;
		cp->in.nlines++;
	}
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		cp->at = (time_t)svc_col_int64(st, 0);
		cp->held[12] = svc_strdup(svc_col_text(st, 1));
		cp->documents = cp->held[12];
	}
	svc_finalize(st);
	return svc_order_found(db, rc, id, e);
}

void
svc_order_copy_free(struct svc_order_copy *cp)
{
	size_t i;

	for (i = 0; i < sizeof cp->held / sizeof cp->held[0]; i++)
		free(cp->held[i]);
	memset(cp, 0, sizeof *cp);
}

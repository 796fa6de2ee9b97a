/*
 * order_view.c - reading orders: the list of DESIGN section 2 (a stream,
 * id first), the whole record as JSON, the registration sheet a person
 * reads (G4), and the notice sent to the applicant (G3, G6).
 */
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/*
 * The tsv columns of svc-order list: a contract for scripts.  A narrow
 * table drops dept, registered, phone, services, kind, reply_due in that
 * order (svc-order(1)): a desk looks up whom and when first.
 */
const struct svc_col svc_order_cols[SVC_ORDER_NCOLS] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "status"), SVC_COL_CODE, 0, 0 },
	{ NC_("column", "kind"), SVC_COL_CODE, 0, 5 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
	{ NC_("column", "phone"), SVC_COL_TEXT, 0, 3 },
	{ NC_("column", "address"), SVC_COL_TEXT, 24, 0 },
	{ NC_("column", "registered"), SVC_COL_TIME, 0, 2 },
	{ NC_("column", "reply_due"), SVC_COL_TIME, 0, 6 },
	{ NC_("column", "appointment"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "services"), SVC_COL_TEXT, 30, 4 },
};

/* At most this many statuses in one --status (each is one of twelve). */
#define MAX_STATUSES 16

/*
 * The statuses --status names, each pointing into svc_statuses: their
 * number, or -1 with e set ("closed" stands alone: closed_only).
 */
static int
statuses(const char *list, const char **out, struct svc_err *e)
{
	const char *p, *q;
	char one[16];
	int i, n = 0;

	for (p = list; *p; p = *q ? q + 1 : q) {
		q = p + strcspn(p, ",");
		snprintf(one, sizeof one, "%.*s", (int)(q - p), p);
		for (i = 0; svc_statuses[i]; i++)
			if (strcmp(svc_statuses[i], one) == 0)
				break;
		if (svc_statuses[i] == NULL)
			svc_seterr(e, SVC_EX_USAGE, "%s: unknown status (new, "
			    "accepted, assigned, arrived, started, suspended, "
			    "taken_back, done, abandoned, refused, cancelled, "
			    "closed)", one);
		else if (strcmp(one, "closed") == 0)
			svc_seterr(e, SVC_EX_USAGE, "--status closed stands "
			    "alone: a closed order keeps the state it ended in");
		else if (n == MAX_STATUSES)
			svc_seterr(e, SVC_EX_USAGE, "--status: more than %d "
			    "statuses", MAX_STATUSES);
		else {
			out[n++] = svc_statuses[i];
			continue;
		}
		return -1;
	}
	return n;
}

#define ORDER_LIST \
	"SELECT o.id, o.status, o.kind, d.code, o.customer_name, c.phone, o.address," \
	" o.created_at, o.reply_due, o.appt_at," \
	" (SELECT group_concat(code || ':' || qty, ',') FROM" \
	"   (SELECT code, qty FROM order_service s WHERE s.order_id = o.id" \
	"    ORDER BY line) AS l)" \
	" FROM orders o JOIN customer c ON c.id = o.customer_id" \
	" LEFT JOIN dept d ON d.id = o.dept_id WHERE TRUE"

/*
 * The WHERE is built from the filters actually given, out of constant
 * terms whose values stay bound (never formatted in): a catch-all
 * "(?N IS NULL OR ...)" for every filter would hide each index from the
 * planner and make every listing a scan of every order.  Each term names
 * the index it is written for.
 */
static const struct term {
	int param;		/* the ?N it binds */
	const char *sql;
	int range;		/* a range of an index, not its key */
} terms[] = {
	{ 12, " AND o.id = ?12", 0 },				/* the key */
	{ 2, " AND o.kind = ?2", 0 },
	{ 3, " AND o.dept_id = (SELECT id FROM dept WHERE code = ?3)", 0 },
								/* orders_dept */
	{ 4, " AND o.customer_id IN (SELECT id FROM customer WHERE phone = ?4"
	    " OR instr(name, ?4) > 0 OR instr(phone, ?4) > 0)", 0 },	/* orders_customer */
	{ 5, " AND o.created_at >= ?5", 1 },			/* orders_created */
	{ 6, " AND o.created_at < ?6", 1 },
	{ 7, " AND o.appt_at >= ?7 AND o.appt_at < ?8", 1 },	/* orders_appt */
	{ 9, " AND o.replied_at IS NULL AND o.status = 'new'"
	    " AND o.reply_due < ?10", 1 },	/* orders_status, as the check */
	{ 13, " AND o.closed_at IS NOT NULL", 1 },		/* orders_closed */
};

/* --status closed: settled orders, whatever state they ended in. */
static int
closed_only(const struct svc_order_filter *f)
{
	return f->statuses && strcmp(f->statuses, "closed") == 0;
}

/* Whether the filter gives the value a term binds. */
static int
given(const struct svc_order_filter *f, int param)
{
	switch (param) {
	case 12: return f->id != 0;
	case 13: return closed_only(f);
	case 2: return f->kind != NULL;
	case 3: return f->dept != NULL;
	case 4: return f->customer != NULL;
	case 5: return f->since != 0;
	case 6: return f->until != 0;
	case 7: return f->on_from != 0;
	case 9: return f->overdue;
	}
	return 0;
}

int
svc_order_query(struct svc_db *db, const struct svc_order_filter *f,
    struct svc_stmt **st, struct svc_err *e)
{
	const char *sts[MAX_STATUSES];
	struct svc_buf sql = { 0 };
	int range = 0, nst = 0, k;
	size_t i;

	if (f->statuses && !closed_only(f) &&
	    (nst = statuses(f->statuses, sts, e)) < 0)
		return e->code;
	svc_buf_puts(&sql, ORDER_LIST);
	for (i = 0; i < sizeof terms / sizeof terms[0]; i++)
		if (given(f, terms[i].param)) {
			svc_buf_puts(&sql, terms[i].sql);
			range |= terms[i].range;
		}
	/*
	 * Each status a value of its own, ?14 on (orders_status): a planner
	 * can weigh it, where a JSON list hid them from a server's, which
	 * read every order of a million for a hundred new ones.
	 */
	for (k = 0; k < nst; k++)
		svc_buf_printf(&sql, "%s?%d", k ? ", " : " AND o.status IN (",
		    14 + k);
	if (nst > 0)
		svc_buf_putc(&sql, ')');
	/*
	 * Without statistics SQLite would rather walk every order in id
	 * order than sort a range; "+o.id" takes the order-by off the rowid
	 * so the range's index is used and its rows sorted.  Without a range
	 * the rows stream in id order, in constant memory.
	 */
	svc_buf_puts(&sql, range ? " ORDER BY +o.id LIMIT ?11" :
	    " ORDER BY o.id LIMIT ?11");
	/* every order, maybe: on a server, a few hundred rows at a time */
	if (svc_db_scan(db, sql.s, st, e)) {
		svc_buf_free(&sql);
		return e->code;
	}
	svc_buf_free(&sql);
	for (k = 0; k < nst; k++)	/* svc_statuses' own strings */
		svc_bind_text(*st, 14 + k, sts[k]);
	svc_bind_text(*st, 2, f->kind);
	svc_bind_text(*st, 3, f->dept);
	svc_bind_text(*st, 4, f->customer);
	svc_bind_int64(*st, 5, (int64_t)f->since);
	svc_bind_int64(*st, 6, (int64_t)f->until);
	svc_bind_int64(*st, 7, (int64_t)f->on_from);
	svc_bind_int64(*st, 8, (int64_t)f->on_to);
	svc_bind_int64(*st, 10, (int64_t)svc_now());
	/* no limit: the largest, which both engines read as none */
	svc_bind_int64(*st, 11, f->limit > 0 ? f->limit : INT64_MAX);
	svc_bind_int64(*st, 12, f->id);
	return 0;
}

/* How each column of the record turns into JSON. */
enum jt { J_TEXT, J_INT, J_TIME, J_MONEY, J_BOOL, J_RAW };

static void
json_value(struct svc_buf *b, struct svc_stmt *st, int i, enum jt t)
{
	char buf[40];

	if (svc_col_type(st, i) == SVC_T_NULL) {
		svc_buf_puts(b, "null");
		return;
	}
	switch (t) {
	case J_INT:
		svc_buf_puts(b, svc_decimal(svc_col_int64(st, i), buf));
		break;
	case J_TIME:
		svc_time_iso((time_t)svc_col_int64(st, i), buf,
		    sizeof buf);
		svc_buf_json_str(b, buf);
		break;
	case J_MONEY:
		svc_money_format(svc_col_int64(st, i), buf, sizeof buf);
		svc_buf_json_str(b, buf);
		break;
	case J_BOOL:
		svc_buf_puts(b, svc_col_int(st, i) ? "true" : "false");
		break;
	case J_RAW:
		svc_buf_puts(b, svc_col_text(st, i));
		break;
	default:
		svc_buf_json_str(b, svc_col_text(st, i));
	}
}

struct jcol {
	const char *key;
	enum jt type;
};

/* One row as an object, its keys in the order given (stable keys). */
static void
json_row(struct svc_buf *b, struct svc_stmt *st, const struct jcol *cols,
    int n)
{
	int i;

	svc_buf_putc(b, '{');
	for (i = 0; i < n; i++) {
		if (i)
			svc_buf_putc(b, ',');
		svc_buf_json_str(b, cols[i].key);
		svc_buf_putc(b, ':');
		json_value(b, st, i, cols[i].type);
	}
}

/*
 * The parts of a whole record, each read for many orders by one
 * statement ("... WHERE order_id IN (?1, ..., ?N)", sorted by order), the
 * order's id last.  One statement a part and an order made an export
 * four round trips an order on a server: 37 s for 100,000 orders there
 * (5 s so), against 1.3 s from a file (1.0 so).
 */
#define RECORD_OF "SELECT id, status, kind, dept, customer, phone," \
	" address, channel, \"group\", product, fault, note, want_at," \
	" created_at, reply_due, replied_at, reply_late, appt_at, appt_until," \
	" documents, reason, forced, id FROM v_order WHERE id "
#define SERVICES_OF "SELECT line, code, name, qty, unit_price, minutes," \
	" documents, order_id FROM order_service WHERE order_id "
#define VISITS_OF "SELECT no, cause, visit_worker, visit_helper, visit_at," \
	" arrived_at, late_minutes, started_at, ended_at, outcome," \
	" end_reason, signed_by, rating, order_id FROM v_visit" \
	" WHERE order_id "

/* The same parts of one order, for the sheet. */
static const char record_sql[] = RECORD_OF "= ?1";
static const char services_sql[] = SERVICES_OF "= ?1 ORDER BY line";
static const char visits_sql[] = VISITS_OF "= ?1 ORDER BY no";

static const struct jcol record_cols[] = {
	{ "id", J_INT }, { "status", J_TEXT }, { "kind", J_TEXT },
	{ "dept", J_TEXT }, { "customer", J_TEXT }, { "phone", J_TEXT },
	{ "address", J_TEXT }, { "channel", J_TEXT }, { "group", J_TEXT },
	{ "product", J_TEXT }, { "fault", J_TEXT }, { "note", J_TEXT },
	{ "want", J_TIME }, { "registered", J_TIME }, { "reply_due", J_TIME },
	{ "replied_at", J_TIME }, { "reply_late", J_BOOL },
	{ "appointment", J_TIME }, { "until", J_TIME },
	{ "documents", J_RAW }, { "reason", J_TEXT }, { "forced", J_BOOL },
};

static const struct jcol services_cols[] = {
	{ "line", J_INT }, { "code", J_TEXT }, { "name", J_TEXT },
	{ "qty", J_INT }, { "unit_price", J_MONEY }, { "minutes", J_INT },
	{ "documents", J_RAW },
};

/* Every visit of the order, in order (A8, A9: a revisit is its own). */
static const struct jcol visits_cols[] = {
	{ "no", J_INT }, { "cause", J_TEXT }, { "worker", J_TEXT },
	{ "helper", J_TEXT }, { "appointment", J_TIME }, { "arrived", J_TIME },
	{ "late_minutes", J_INT }, { "started", J_TIME }, { "ended", J_TIME },
	{ "outcome", J_TEXT }, { "reason", J_TEXT }, { "signed_by", J_TEXT },
	{ "rating", J_INT },
};

static const struct jcol events_cols[] = {
	{ "at", J_TIME }, { "actor", J_TEXT }, { "kind", J_TEXT },
	{ "details", J_RAW },
};

#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))

static const struct part {
	const char *open;	/* the part's list begins; NULL: the record */
	const char *head, *tail;
	const struct jcol *cols;
	int ncols;
} parts[] = {
	{ NULL, RECORD_OF "IN (", ") ORDER BY id", record_cols,
	    NCOLS(record_cols) },
	{ ",\"services\":[", SERVICES_OF "IN (", ") ORDER BY order_id, line",
	    services_cols, NCOLS(services_cols) },
	{ ",\"visits\":[", VISITS_OF "IN (", ") ORDER BY order_id, no", visits_cols,
	    NCOLS(visits_cols) },
	{ ",\"events\":[", "SELECT at, actor, kind, details, order_id FROM event"
	    " WHERE order_id IN (", ") ORDER BY order_id, at, id", events_cols,
	    NCOLS(events_cols) },
};
#define NPARTS NCOLS(parts)

/*
 * A part's statement for one order or for a batch, its text made once
 * and kept: the statement cache knows a statement by the address of its
 * text.  One order (show -o json) asks for one id: preparing the batch's
 * four statements of 64 was 15 % of showing it.
 */
static const char *
part_sql(int p, int width)
{
	static char *made[2][NPARTS];
	char **sql = &made[width > 1][p];
	struct svc_buf b = { 0 };
	int i;

	if (*sql == NULL) {
		svc_buf_puts(&b, parts[p].head);
		for (i = 1; i <= width; i++)
			svc_buf_printf(&b, i > 1 ? ", ?%d" : "?%d", i);
		svc_buf_puts(&b, parts[p].tail);
		*sql = b.s;
	}
	return *sql;
}

/* Part p's rows, each appended to the record of its order. */
static int
read_part(struct svc_db *db, int p, const int64_t *ids, int n,
    struct svc_buf *out, struct svc_err *e)
{
	const struct part *pt = &parts[p];
	int width = n > 1 ? SVC_RECORDS_AT_ONCE : 1;
	struct svc_stmt *st;
	int64_t of;
	int i, j = 0, rc;

	if (svc_db_cached(db, part_sql(p, width), &st, e))
		return e->code;
	for (i = 0; i < width; i++)
		if (i < n)
			svc_bind_int64(st, i + 1, ids[i]);
		else
			svc_bind_null(st, i + 1);
	while ((rc = svc_step(st)) == SVC_ROW) {
		of = svc_col_int64(st, pt->ncols);
		while (j < n && ids[j] < of)
			j++;
		if (j == n || ids[j] != of)
			continue;
		if (pt->open == NULL) {	/* the record, its lists to follow */
			json_row(&out[j], st, pt->cols, pt->ncols);
			continue;
		}
		if (out[j].s[out[j].len - 1] != '[')
			svc_buf_putc(&out[j], ',');
		json_row(&out[j], st, pt->cols, pt->ncols);
		svc_buf_putc(&out[j], '}');
	}
	svc_reset(st);
	return rc == SVC_DONE ? 0 : svc_db_error(db, rc, e);
}

/*
 * The whole records of n orders (at most SVC_RECORDS_AT_ONCE, ids
 * ascending and each once): the order, its services, its visits and its
 * history (G4), written over out[i] for ids[i].
 */
int
svc_order_json_many(struct svc_db *db, const int64_t *ids, int n,
    struct svc_buf *out, struct svc_err *e)
{
	int i, p;

	for (i = 0; i < n; i++)
		svc_buf_reset(&out[i]);
	if (read_part(db, 0, ids, n, out, e))
		return e->code;
	for (i = 0; i < n; i++)
		if (out[i].len == 0 &&
		    svc_order_found(db, SVC_DONE, ids[i], e))
			return e->code;
	for (p = 1; p < NPARTS; p++) {
		for (i = 0; i < n; i++)
			svc_buf_puts(&out[i], parts[p].open);
		if (read_part(db, p, ids, n, out, e))
			return e->code;
		for (i = 0; i < n; i++)
			svc_buf_putc(&out[i], ']');
	}
	for (i = 0; i < n; i++)
		svc_buf_putc(&out[i], '}');
	return 0;
}

/* The whole record of one order. */
int
svc_order_json(struct svc_db *db, int64_t id, struct svc_buf *b,
    struct svc_err *e)
{
	return svc_order_json_many(db, &id, 1, b, e);
}

static const char *
col(struct svc_stmt *st, int i)
{
	return svc_col_type(st, i) == SVC_T_NULL ? NULL :
	    svc_col_text(st, i);
}

/*
 * "label" in the reader's language, padded by display width to the
 * longest English label, then the value.
 */
static void
label_pad(FILE *f, const char *label)
{
	const char *t = *label ? _(label) : label;
	int pad = 13 - svc_utf8_width(t);

	fputs(t, f);
	fprintf(f, "%*s", pad > 1 ? pad : 1, "");
}

static void
line(FILE *f, const char *label, const char *value)
{
	if (value) {
		label_pad(f, label);
		fprintf(f, "%s\n", value);
	}
}

static void
line_time(FILE *f, const char *label, struct svc_stmt *st, int i)
{
	char buf[32];

	if (svc_col_type(st, i) == SVC_T_NULL)
		return;
	svc_time_local((time_t)svc_col_int64(st, i), buf, sizeof buf);
	line(f, label, buf);
}

/*
 * A JSON array of strings as numbered lines, "1. A\n2. B\n", appended to
 * out; returns how many.  The document lists of G6 are told this way.
 */
int
svc_json_numbered(struct svc_db *db, const char *json, struct svc_buf *out)
{
	static const char sql[] =
	    "SELECT value FROM json_each(?1) ORDER BY id";
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int n = 0;

	if (json == NULL || svc_db_cached(db, sql, &st, &e))
		return 0;
	svc_bind_text(st, 1, json);
	while (svc_step(st) == SVC_ROW)
		svc_buf_printf(out, "%d. %s\n", ++n, svc_col_text(st, 0));
	svc_reset(st);
	return n;
}

/* The numbered lines after a label, the later ones under the first. */
static void
numbered(struct svc_db *db, FILE *f, const char *label, const char *json)
{
	struct svc_buf b = { 0 };
	const char *p, *nl;

	if (svc_json_numbered(db, json, &b) == 0)
		return;
	for (p = b.s; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		label_pad(f, p == b.s ? label : "");
		fprintf(f, "%.*s\n", (int)(nl - p), p);
	}
	svc_buf_free(&b);
}

static void
sheet_head(struct svc_db *db, struct svc_stmt *st, FILE *f)
{
	struct svc_buf b = { 0 };
	char at[32], until[32];

	svc_buf_printf(&b, "%s (%s, %s%s%s)", col(st, 0),
	    svc_label(col(st, 1)), svc_label(col(st, 2)),
	    col(st, 3) ? ", " : "", col(st, 3) ? col(st, 3) : "");
	line(f, N_("order"), b.s);
	svc_buf_reset(&b);
	svc_buf_printf(&b, "%s, %s", col(st, 4), col(st, 5));
	line(f, N_("customer"), b.s);
	line(f, N_("address"), col(st, 6));
	line(f, N_("channel"), col(st, 7));
	line(f, N_("group"), col(st, 8));
	line(f, N_("product"), col(st, 9));
	line(f, N_("fault"), col(st, 10));
	line(f, N_("note"), col(st, 11));
	line_time(f, N_("wanted"), st, 12);
	line_time(f, N_("registered"), st, 13);
	line_time(f, N_("reply due"), st, 14);
	if (col(st, 15)) {
		svc_time_local((time_t)svc_col_int64(st, 15), at,
		    sizeof at);
		svc_buf_reset(&b);
		svc_buf_printf(&b, "%s, %s", at, svc_col_int(st, 16) ?
		    _("late (G5)") : _("on time"));
		line(f, N_("replied"), b.s);
	}
	if (col(st, 17)) {
		svc_time_local((time_t)svc_col_int64(st, 17), at,
		    sizeof at);
		svc_time_local((time_t)svc_col_int64(st, 18), until,
		    sizeof until);
		svc_buf_reset(&b);
		svc_buf_printf(&b, "%s - %s%s", at, until + 11,
		    svc_col_int(st, 21) ? _(" (forced)") : "");
		line(f, N_("appointment"), b.s);
	}
	numbered(db, f, N_("documents"), col(st, 19));
	line(f, N_("reason"), col(st, 20));
	svc_buf_free(&b);
}

/* A local time, or "-" for one not reached. */
static void
clock_of(struct svc_stmt *st, int i, char *buf, size_t n)
{
	char t[32];

	if (svc_col_type(st, i) == SVC_T_NULL) {
		snprintf(buf, n, "-");
		return;
	}
	svc_time_local((time_t)svc_col_int64(st, i), t, sizeof t);
	snprintf(buf, n, "%s", t);
}

/* "-" for a value not there. */
static const char *
or_dash(struct svc_stmt *st, int i)
{
	return col(st, i) ? col(st, i) : "-";
}

/*
 * One line a visit: number, how it came to be, who, appointment,
 * arrival (and lateness, G8), end and outcome with its reason.
 */
static void
visit_line(struct svc_stmt *st, FILE *f)
{
	char appt[32], arrived[32], ended[32];

	clock_of(st, 4, appt, sizeof appt);
	clock_of(st, 5, arrived, sizeof arrived);
	clock_of(st, 8, ended, sizeof ended);
	fprintf(f, _("  %d  %-8s %-8s appointment %s  arrived %s"),
	    svc_col_int(st, 0), col(st, 1), or_dash(st, 2), appt,
	    arrived);
	if (svc_col_int(st, 6) > 0)
		fprintf(f, _(" (%d min late)"), svc_col_int(st, 6));
	fprintf(f, _("  ended %s %s%s%s\n"), ended,
	    col(st, 9) ? svc_label(col(st, 9)) : _("(open)"),
	    col(st, 10) ? ": " : "", col(st, 10) ? col(st, 10) : "");
}

static void
service_line(struct svc_stmt *st, FILE *f)
{
	char price[32];

	svc_money_format(svc_col_int64(st, 4), price, sizeof price);
	fprintf(f, "  %d  %s  %s  %d x %s  %d min\n",
	    svc_col_int(st, 0), col(st, 1), col(st, 2),
	    svc_col_int(st, 3), price, svc_col_int(st, 5));
}

static const char receipts_sql[] =
    "SELECT receipt_no, kind, amount, method, collector, at, void"
    " FROM v_payment WHERE order_id = ?1 ORDER BY at, id";

static void
receipt_line(struct svc_stmt *st, FILE *f)
{
	char amount[32], when[32];

	svc_money_format(svc_col_int64(st, 2), amount, sizeof amount);
	clock_of(st, 5, when, sizeof when);
	fprintf(f, "  %s  %s  %s %s  %s  %s%s\n", col(st, 0), when, col(st, 1),
	    amount, col(st, 3), col(st, 4),
	    svc_col_int(st, 6) ? "  (void)" : "");
}

static const char complaints_sql[] =
    "SELECT id, status, assigned_to, at FROM v_complaint"
    " WHERE order_id = ?1 ORDER BY at, id";

static void
complaint_line(struct svc_stmt *st, FILE *f)
{
	char when[32];

	clock_of(st, 3, when, sizeof when);
	fprintf(f, "  %lld  %s  %s  %s\n",
	    (long long)svc_col_int64(st, 0), when, svc_label(col(st, 1)), or_dash(st, 2));
}

/* The history, a line an event as history.c words it; -o json keeps
 * the details whole for scripts. */
static const char events_read_sql[] =
    "SELECT e.at, e.actor, e.kind, e.details"
    " FROM event e WHERE e.order_id = ?1 ORDER BY e.at, e.id";

static void
event_line(struct svc_stmt *st, FILE *f)
{
	struct svc_err e = { 0 };

	if (svc_history_line(svc_stmt_db(st),
	    (time_t)svc_col_int64(st, 0), col(st, 1), col(st, 2),
	    col(st, 3), f, &e))
		fprintf(f, "  %s\n", e.msg);
}

/*
 * One section of the sheet: its title, then a line a row of sql for the
 * order; an empty section has no title unless always.
 */
static int
sheet_section(struct svc_db *db, const char *sql, int64_t id, const char *title,
    int always, void (*line_of)(struct svc_stmt *, FILE *), FILE *f,
    struct svc_err *e)
{
	struct svc_stmt *st;
	int rc, n = 0;

	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if (always)
		fprintf(f, "%s\n", _(title));
	while ((rc = svc_step(st)) == SVC_ROW) {
		if (n++ == 0 && !always)
			fprintf(f, "%s\n", _(title));
		line_of(st, f);
	}
	svc_finalize(st);
	return rc == SVC_DONE ? 0 : svc_db_error(db, rc, e);
}

/* Who goes, and the money: svc_bill's, the one svc-pay bill shows. */
static int
sheet_money(struct svc_db *db, int64_t id, FILE *f, struct svc_err *e)
{
	static const char sql[] =
	    "SELECT worker, helper FROM v_order WHERE id = ?1";
	char bal[32], paid[32], back[32];
	struct svc_bill b;
	struct svc_stmt *st;
	int rc;

	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		label_pad(f, N_("worker"));
		fprintf(f, "%s%s%s\n", or_dash(st, 0),
		    col(st, 1) ? _(", helper ") : "",
		    col(st, 1) ? col(st, 1) : "");
	}
	svc_finalize(st);
	if (rc != SVC_ROW && rc != SVC_DONE)
		return svc_db_error(db, rc, e);
	if (svc_bill(db, id, &b, e))
		return e->code;
	svc_money_format(b.balance, bal, sizeof bal);
	svc_money_format(b.paid, paid, sizeof paid);
	svc_money_format(b.refunded, back, sizeof back);
	label_pad(f, N_("balance"));
	fprintf(f, _("%s (paid %s, refunded %s)\n"), bal, paid, back);
	return 0;
}

/*
 * After the head: who goes and the money, then the services, visits,
 * receipts, complaints and the history, in that order.
 */
static int
sheet_lists(struct svc_db *db, int64_t id, FILE *f, struct svc_err *e)
{
	if (sheet_money(db, id, f, e) ||
	    sheet_section(db, services_sql, id, N_("services"), 1,
	    service_line, f, e) ||
	    sheet_section(db, visits_sql, id, N_("visits"), 0, visit_line,
	    f, e) ||
	    sheet_section(db, receipts_sql, id, N_("receipts"), 0,
	    receipt_line, f, e) ||
	    sheet_section(db, complaints_sql, id, N_("complaints"), 0,
	    complaint_line, f, e) ||
	    sheet_section(db, events_read_sql, id, N_("history"), 1,
	    event_line, f, e))
		return e->code;
	return 0;
}

/* The registration form of G4, for a person to read. */
int
svc_order_sheet(struct svc_db *db, int64_t id, FILE *f, struct svc_err *e)
{
	struct svc_stmt *st;
	int rc;

	if (svc_db_prepare(db, record_sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW)
		sheet_head(db, st, f);
	svc_finalize(st);
	if (svc_order_found(db, rc, id, e))
		return e->code;
	return sheet_lists(db, id, f, e);
}

/* "2026年12月01日 10:00": a time as a letter or an SMS writes it. */
void
svc_time_cn(time_t t, char *buf, size_t n)
{
	struct tm tm;

	svc_local_tm(t, &tm);
	strftime(buf, n, "%Y年%m月%d日 %H:%M", &tm);
}

static void
notice_documents(struct svc_db *db, const char *json, struct svc_buf *b)
{
	struct svc_buf list = { 0 };

	if (svc_json_numbered(db, json, &list) > 0) {
		svc_buf_puts(b, "请提前准备以下材料（一次性告知）：\n");
		svc_buf_puts(b, list.s);
	}
	svc_buf_free(&list);
}

/*
 * The text for the applicant, ready for an SMS or a letter: for an
 * accepted order the time, the address, every document at once (G6) and
 * the department's published phone (G3); for a refused one the reason (G5).
 */
int
svc_order_notice(struct svc_db *db, int64_t id, struct svc_buf *b,
    struct svc_err *e)
{
	static const char sql[] = "SELECT o.status, o.customer_name, o.address,"
	    " o.appt_at, o.appt_until, o.documents, o.reason, d.name, d.phone,"
	    " (SELECT group_concat(name, '、') FROM (SELECT name FROM"
	    "   order_service WHERE order_id = o.id ORDER BY line) AS l)"
	    " FROM orders o JOIN customer c ON c.id = o.customer_id"
	    " LEFT JOIN dept d ON d.id = o.dept_id WHERE o.id = ?1";
	struct svc_stmt *st;
	char at[40], until[40];
	const char *status;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) != SVC_ROW) {
		svc_reset(st);
		return svc_order_found(db, rc, id, e);
	}
	status = col(st, 0);
	/* assigned: accepted and dispatched, the reply as it stands */
	if (strcmp(status, "assigned") == 0)
		status = "accepted";
	if (strcmp(status, "accepted") && strcmp(status, "refused")) {
		svc_seterr(e, SVC_EX_DATA, "%lld: no reply to tell: the order "
		    "is %s", (long long)id, svc_label(status));
		svc_reset(st);
		return e->code;
	}
	svc_buf_printf(b, "【%s】%s，您好！\n", col(st, 7) ? col(st, 7) :
	    "上门服务", col(st, 1));
	if (strcmp(status, "accepted") == 0) {
		svc_time_cn((time_t)svc_col_int64(st, 3), at, sizeof at);
		svc_time_cn((time_t)svc_col_int64(st, 4), until,
		    sizeof until);
		svc_buf_printf(b, "您申请的上门服务（%s）已受理。\n"
		    "上门时间：%s—%s\n上门地址：%s\n", col(st, 9) ? col(st, 9) :
		    "上门服务", at, until + strlen(until) - 5, col(st, 2));
		notice_documents(db, col(st, 5), b);
	} else {
		svc_buf_printf(b, "很抱歉，您申请的上门服务（%s）未能受理。\n"
		    "原因：%s\n", col(st, 9) ? col(st, 9) : "上门服务",
		    col(st, 6));
	}
	if (col(st, 8))
		svc_buf_printf(b, "如有疑问，请致电 %s。\n", col(st, 8));
	svc_reset(st);
	return 0;
}

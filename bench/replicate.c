/*
 * replicate.c - the bench generator's history by copying: the orders of
 * one period, lived through libsvc (gen.c), are written again for each
 * later period, every row of theirs as it was with its times moved on by
 * whole periods, its ids by the rows there before it, and the sealed
 * tables' hashes chained anew, so that the copy is a history svc-db
 * verify and svc-db check hold as they hold a lived one.  Living an
 * order costs some 25 statements; a period's copy is one INSERT ...
 * SELECT per table, which makes a million orders in 50 s, not in eleven
 * minutes.
 *
 * Whatever the copy does not know how to move is refused, not copied
 * as it is: a table the period wrote that is not in the lists below, a
 * column named like a reference to a table it does not know, an event
 * kind whose details it has not been told about, a date in a text column
 * not known to hold one.  A schema that grows fails the bench's
 * generator loudly, never with a quietly wrong history.
 *
 * Rules per column (from the table's own declaration):
 *   id                         + the table's offset
 *   order_id, move_id, ...     + the offset of the table referred to
 *   INTEGER at, *_at, *_due, *_until, eta, not_before, not_after
 *                              + the shift in seconds
 *   TEXT that holds dates      every date in it (YYYY-MM-DD, YYYY年MM月DD日)
 *                              the shift in days later
 *   hash                       chained anew (seal.c's rule)
 *   receipt_no                 the year's next number (SVC_RECEIPT_FORM)
 *   anything else              as it is
 * An event's details that name rows (the message and its seal, the
 * receipt, the handover) and a complaint's subject are moved as those
 * rows were.  The shift is whole days in a zone whose offset never
 * changes (gen.c checks), so a time in a text and the same time as a
 * number agree.
 */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "svc.h"
#include "engine.h"
#include "gen.h"

/* What a period writes, in the order it is copied: a row's references
 * are copied before it, an event last (it names messages and receipts). */
static const char *const copied[] = {
	"orders", "order_service", "move", "visit", "contact", "charge",
	"attachment", "complaint", "followup", "conduct", "outbox",
	"handover", "payment", "event", NULL
};
/* Written by a period and not copied: customers come back (a copied
 * order is the same customer's next one); receipt_seq is kept here. */
static const char *const kept[] = { "customer", "receipt_seq", NULL };

/* A reference column and the table it names. */
static const struct { const char *col, *table; } refs[] = {
	{ "order_id", "orders" }, { "move_id", "move" },
	{ "visit_id", "visit" }, { "handover_id", "handover" },
};
/* References to what a period does not write (staff, departments, the
 * customers it comes back to): copied as they are. */
static const char *const fixed_refs[] = {
	"customer_id", "worker_id", "helper_id", "dept_id", "staff_id", NULL
};
/* The text columns that hold dates, moved with the times; any other is
 * checked to hold none (unknowns). */
static const struct { const char *table, *col; } dated[] = {
	{ "event", "details" }, { "outbox", "text" },
	{ "visit", "return_by" }, { "visit", "covered_until" },
};
/* Event kinds whose details name no row by id or number. */
static const char *const plain_kinds[] = {
	"order.new", "order.accept", "order.assign", "order.refuse",
	"order.close", "order.followup", "order.move", "visit.arrive",
	"visit.start", "visit.done", "visit.review", "visit.conduct",
	"visit.takeback", "visit.suspend", "visit.resume", "visit.contact",
	"complaint.new", "complaint.resolve", NULL
};

#define NTAB 14
_Static_assert(sizeof copied / sizeof copied[0] == NTAB + 1, "NTAB");
#define NSEALED 3		/* svc_sealed's tables; start() checks */
struct rep {
	sqlite3 *db;
	long long lo[NTAB], hi[NTAB];	/* the period's ids of each table */
	char prev[NSEALED][65];		/* each sealed table's last hash */
	int receipt[3000];		/* each year's last receipt number */
	char err[300];
};

static int
table_no(const char *t)
{
	int i;

	for (i = 0; copied[i]; i++)
		if (strcmp(copied[i], t) == 0)
			return i;
	return -1;
}

static int
among(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static int fail(struct rep *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* The first failure is the one told; -1. */
static int
fail(struct rep *r, const char *fmt, ...)
{
	va_list ap;

	if (r->err[0] == '\0') {
		va_start(ap, fmt);
		vsnprintf(r->err, sizeof r->err, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int
run(struct rep *r, const char *sql)
{
	if (sqlite3_exec(r->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fail(r, "%s: %s", sql, sqlite3_errmsg(r->db));
	return 0;
}

/* One integer a statement answers (0 when none). */
static int
value(struct rep *r, const char *sql, long long *v)
{
	sqlite3_stmt *st;
	int rc;

	*v = 0;
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(r, "%s: %s", sql, sqlite3_errmsg(r->db));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(r, "%s: %s", sql, sqlite3_errmsg(r->db));
	return 0;
}

/* ---- dates in text --------------------------------------------------- */

static int
digits(const char *p, int n, long *v)
{
	*v = 0;
	for (; n > 0; n--, p++) {
		if (*p < '0' || *p > '9')
			return 0;
		*v = *v * 10 + (*p - '0');
	}
	return 1;
}

static void
put_digits(char *p, int n, long v)
{
	for (p += n; n > 0; n--, v /= 10)
		*--p = (char)('0' + v % 10);
}

/*
 * The date at p, if one starts there: YYYY-MM-DD or YYYY年MM月DD日
 * (年, 月 and 日 are three bytes each); where its month and day are.
 */
static int
date_at(const char *p, const char *end, int *mon, int *day)
{
	static const char nian[] = "\xe5\xb9\xb4", yue[] = "\xe6\x9c\x88",
	    ri[] = "\xe6\x97\xa5";
	long v;

	if (end - p >= 10 && p[4] == '-' && p[7] == '-') {
		*mon = 5;
		*day = 8;
	} else if (end - p >= 17 && memcmp(p + 4, nian, 3) == 0 &&
	    memcmp(p + 9, yue, 3) == 0 && memcmp(p + 14, ri, 3) == 0) {
		*mon = 7;
		*day = 12;
	} else {
		return 0;
	}
	return digits(p, 4, &v) && digits(p + *mon, 2, &v) &&
	    digits(p + *day, 2, &v);
}

/* gen_days(text, n): the text with every date in it n days later. */
static void
days_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int n = sqlite3_value_bytes(argv[0]), shift = sqlite3_value_int(argv[1]);
	int mon, day, i, y, m, d;
	long v[3];
	char *t;

	(void)argc;
	if (s == NULL) {
		sqlite3_result_null(cx);
		return;
	}
	for (i = 0; i + 10 <= n; i++)
		if ((i == 0 || s[i - 1] < '0' || s[i - 1] > '9') &&
		    date_at(s + i, s + n, &mon, &day))
			break;
	if (i + 10 > n) {	/* most texts: no date, no copy */
		sqlite3_result_value(cx, argv[0]);
		return;
	}
	if ((t = sqlite3_malloc(n + 1)) == NULL) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	memcpy(t, s, (size_t)n + 1);
	for (; i + 10 <= n; i++) {
		if ((i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') ||
		    !date_at(t + i, t + n, &mon, &day))
			continue;
		digits(t + i, 4, &v[0]);
		digits(t + i + mon, 2, &v[1]);
		digits(t + i + day, 2, &v[2]);
		if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
			continue;
		svc_civil_from_days(svc_days_from_civil((int)v[0], (int)v[1],
		    (int)v[2]) + shift, &y, &m, &d);
		put_digits(t + i, 4, y);
		put_digits(t + i + mon, 2, m);
		put_digits(t + i + day, 2, d);
		i += day + 1;
	}
	sqlite3_result_text(cx, t, n, sqlite3_free);
}

/* ---- seals and receipts ---------------------------------------------- */

static int
sealed_no(const char *table)
{
	int i;

	for (i = 0; svc_sealed[i].table; i++)
		if (strcmp(svc_sealed[i].table, table) == 0)
			return i;
	return -1;
}

/*
 * gen_seal(k, col...): the hash of the next row of sealed table k,
 * chained to the last one made; rows are made in the order they are
 * asked for.  The later columns are sealed only when one is there, as
 * seal.c seals them.
 */
static void
seal_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct rep *r = sqlite3_user_data(cx);
	int k = sqlite3_value_int(argv[0]), n = argc - 1, i;
	struct svc_value v[16];
	char hex[65];

	if (k < 0 || k >= NSEALED || n > 16) {
		sqlite3_result_error(cx, "gen_seal: table or columns", -1);
		return;
	}
	for (i = 0; i < n; i++)
		svc_lite_value(argv[i + 1], &v[i]);
	n = svc_sealed_count(&svc_sealed[k], v, n);
	if (svc_seal_hash(r->prev[k][0] ? r->prev[k] : NULL, v, n, hex)) {
		sqlite3_result_error(cx, "gen_seal: SHA-256 failed", -1);
		return;
	}
	memcpy(r->prev[k], hex, sizeof hex);
	sqlite3_result_text(cx, hex, 64, SQLITE_TRANSIENT);
}

/* gen_receipt(at): the next receipt number of at's year. */
static void
receipt_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct rep *r = sqlite3_user_data(cx);
	time_t at = (time_t)sqlite3_value_int64(argv[0]);
	char no[24];
	struct tm tm;

	(void)argc;
	svc_local_tm(at, &tm);
	if (tm.tm_year < 0 || tm.tm_year + 1900 >= 3000) {
		sqlite3_result_error(cx, "gen_receipt: year out of range", -1);
		return;
	}
	snprintf(no, sizeof no, SVC_RECEIPT_FORM, tm.tm_year + 1900,
	    ++r->receipt[tm.tm_year + 1900]);
	sqlite3_result_text(cx, no, -1, SQLITE_TRANSIENT);
}

/* ---- the statements -------------------------------------------------- */

static int
is_time(const char *col)
{
	size_t n = strlen(col);

	return strcmp(col, "at") == 0 || strcmp(col, "eta") == 0 ||
	    strcmp(col, "not_before") == 0 || strcmp(col, "not_after") == 0 ||
	    (n > 3 && strcmp(col + n - 3, "_at") == 0) ||
	    (n > 4 && strcmp(col + n - 4, "_due") == 0) ||
	    (n > 6 && strcmp(col + n - 6, "_until") == 0);
}

/*
 * An event's details, moved: the message it made (notify.make) and its
 * seal of that message's text, the receipt it gave (pay.collect), the
 * handover it recorded.  The copies of those rows are made already.
 */
static const char details[] = "CASE kind"
    " WHEN 'notify.make' THEN json_set(gen_days(details, :days),"
    "  '$.message', (details ->> '$.message') + :o_outbox, '$.sealed',"
    "  (SELECT svc_seal(NULL, x.recipient, x.text) FROM outbox x"
    "   WHERE x.id = (details ->> '$.message') + :o_outbox))"
    " WHEN 'pay.collect' THEN json_set(gen_days(details, :days),"
    "  '$.receipt', (SELECT n.receipt_no FROM payment p"
    "   JOIN payment n ON n.id = p.id + :o_payment"
    "   WHERE p.receipt_no = details ->> '$.receipt'))"
    " WHEN 'pay.handover' THEN json_set(gen_days(details, :days),"
    "  '$.handover', (details ->> '$.handover') + :o_handover)"
    " ELSE gen_days(details, :days) END";

static int
is_dated(const char *t, const char *col)
{
	size_t i;

	for (i = 0; i < sizeof dated / sizeof dated[0]; i++)
		if (strcmp(dated[i].table, t) == 0 &&
		    strcmp(dated[i].col, col) == 0)
			return 1;
	return 0;
}

/* The new value of one column of table t, onto b; -1 when unknown. */
static int
column(struct rep *r, const char *t, const char *col, const char *type,
    struct svc_buf *b)
{
	size_t i, n = strlen(col);

	if (strcmp(col, "id") == 0) {
		svc_buf_printf(b, "id + :o_%s", t);
		return 0;
	}
	for (i = 0; i < sizeof refs / sizeof refs[0]; i++)
		if (strcmp(col, refs[i].col) == 0) {
			svc_buf_printf(b, "%s + :o_%s", col, refs[i].table);
			return 0;
		}
	if (strcmp(t, "event") == 0 && strcmp(col, "details") == 0)
		svc_buf_puts(b, details);
	else if (strcmp(t, "event") == 0 && strcmp(col, "subject") == 0)
		svc_buf_puts(b, "CASE WHEN subject LIKE 'complaint:%'"
		    " THEN 'complaint:' || (CAST(substr(subject, 11) AS INTEGER)"
		    " + :o_complaint) ELSE subject END");
	else if (strcmp(col, "receipt_no") == 0)
		svc_buf_puts(b, "gen_receipt(at + :secs)");
	else if (strcmp(col, "hash") == 0)
		svc_buf_puts(b, "NULL");	/* chained as it is inserted */
	else if (n > 3 && strcmp(col + n - 3, "_id") == 0 &&
	    !among(fixed_refs, col))
		return fail(r, "gen: %s.%s: a reference the copy does not know",
		    t, col);
	else if (strcmp(type, "INTEGER") == 0 && is_time(col))
		svc_buf_printf(b, "%s + :secs", col);
	else if (strcmp(type, "TEXT") == 0 && is_dated(t, col))
		svc_buf_printf(b, "gen_days(%s, :days)", col);
	else
		svc_buf_puts(b, col);
	return 0;
}

/*
 * Table t's columns: their names (for INSERT), their new values named
 * as the columns (for the SELECT that copies the period's rows) and, of
 * a sealed table (s >= 0), the names again with the hash chained in.
 */
static int
columns(struct rep *r, const char *t, int s, struct svc_buf *cols,
    struct svc_buf *vals, struct svc_buf *chained)
{
	sqlite3_stmt *st;
	char sql[80];
	int rc, n = 0;

	snprintf(sql, sizeof sql, "SELECT name, type FROM"
	    " pragma_table_info('%s')", t);
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(r, "%s: %s", t, sqlite3_errmsg(r->db));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		const char *sep = n++ ? ", " : "";

		svc_buf_printf(cols, "%s%s", sep, col);
		svc_buf_puts(vals, sep);
		if (column(r, t, col, type, vals)) {
			rc = SQLITE_ERROR;
			break;
		}
		svc_buf_printf(vals, " AS %s", col);
		if (s >= 0 && strcmp(col, "hash") == 0)
			svc_buf_printf(chained, "%sgen_seal(%d, %s%s%s)", sep,
			    s, svc_sealed[s].columns,
			    svc_sealed[s].later ? ", " : "",
			    svc_sealed[s].later ? svc_sealed[s].later : "");
		else
			svc_buf_printf(chained, "%s%s", sep, col);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	return fail(r, "%s: %s", t, sqlite3_errmsg(r->db));
}

/* The period's rows of table k: by id, or an order's lines by order. */
static void
period_rows(struct rep *r, int k, struct svc_buf *b)
{
	int o = table_no("orders");

	if (strcmp(copied[k], "order_service") == 0)
		svc_buf_printf(b, " FROM main.order_service WHERE order_id"
		    " BETWEEN %lld AND %lld ORDER BY order_id, line", r->lo[o],
		    r->hi[o]);
	else
		svc_buf_printf(b, " FROM main.%s WHERE id BETWEEN %lld AND %lld"
		    " ORDER BY id", copied[k], r->lo[k], r->hi[k]);
}

/*
 * The statement that copies table k for one period, from the period's
 * rows kept aside (sources: reading the table written would make SQLite
 * put the rows aside anyway, at every copy).  A sealed table's rows are
 * chained in the order they are read: its new values come from a
 * subquery that is neither flattened (the OFFSET) nor sorted after the
 * hashes are made, so each hash follows the one made before it.
 */
static int
copy_sql(struct rep *r, int k, struct svc_buf *out)
{
	struct svc_buf cols = { 0 }, vals = { 0 }, chained = { 0 };
	const char *t = copied[k];
	int s = sealed_no(t), rc;

	if ((rc = columns(r, t, s, &cols, &vals, &chained)) == 0) {
		if (s < 0)
			svc_buf_printf(out, "INSERT INTO main.%s (%s) SELECT %s"
			    " FROM temp.src_%s ORDER BY rowid", t, cols.s,
			    vals.s, t);
		else
			svc_buf_printf(out, "INSERT INTO main.%s (%s) SELECT %s"
			    " FROM (SELECT %s FROM temp.src_%s ORDER BY rowid"
			    " LIMIT -1 OFFSET 0)", t, cols.s, chained.s,
			    vals.s, t);
	}
	svc_buf_free(&cols);
	svc_buf_free(&vals);
	svc_buf_free(&chained);
	return rc;
}

/* The period's rows of each table, set aside in id order (their rowid). */
static int
sources(struct rep *r)
{
	struct svc_buf sql = { 0 };
	int k, rc = 0;

	for (k = 0; copied[k] && rc == 0; k++) {
		if (r->hi[k] < r->lo[k])
			continue;
		svc_buf_reset(&sql);
		svc_buf_printf(&sql, "CREATE TEMP TABLE src_%s AS SELECT *",
		    copied[k]);
		period_rows(r, k, &sql);
		rc = run(r, sql.s);
	}
	svc_buf_free(&sql);
	return rc;
}

/* Each statement of sql, its :names bound (offsets, the shift). */
static int
run_bound(struct rep *r, const char *sql, const long long *off, long secs)
{
	const char *tail = sql;
	sqlite3_stmt *st;
	int i, k, rc;

	while (*tail) {
		if (sqlite3_prepare_v2(r->db, tail, -1, &st, &tail) != SQLITE_OK)
			return fail(r, "%s: %s", sql, sqlite3_errmsg(r->db));
		if (st == NULL)
			break;
		for (i = 1; i <= sqlite3_bind_parameter_count(st); i++) {
			const char *name = sqlite3_bind_parameter_name(st, i);

			if (strcmp(name, ":secs") == 0)
				sqlite3_bind_int64(st, i, secs);
			else if (strcmp(name, ":days") == 0)
				sqlite3_bind_int64(st, i, secs / 86400);
			else if ((k = table_no(name + 3)) >= 0)
				sqlite3_bind_int64(st, i, off[k]);
		}
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return fail(r, "%s: %s", sql, sqlite3_errmsg(r->db));
	}
	return 0;
}

/*
 * The copies written so far put on disk and out of the OS's cache, after
 * each copy.  A million orders are 3.4 GB of new pages in the cache, and
 * on a virtual machine that hands memory back to its host a page the OS
 * has not used lately costs some 28 us to touch first (appending 1 GB to
 * a tmpfs file took 7.1 s, again at once 0.6 s): the kernel copying into
 * such pages was 23-34 s of a 65-83 s generator.  Dropped, the pages
 * written are the ones the next copy is written into: 48.6 s, the kernel
 * 6 s of it (every second or fourth copy: 58.9 s, 50.9 s).
 */
static void
let_go(int fd)
{
	if (fd < 0)
		return;
	/* both are advice: a failure costs speed only */
	(void)fdatasync(fd);
	(void)posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
}

/* ---- the period, and its copies -------------------------------------- */

int
gen_mark(struct svc_db *db, struct gen_mark *m, char *err, size_t n)
{
	struct rep r = { .db = db->lite };
	sqlite3_stmt *st;
	long long v;
	char sql[120];
	int rc;

	m->n = 0;
	if (sqlite3_prepare_v2(r.db, "SELECT name, sql NOT LIKE"
	    " '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table'"
	    " AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &st, NULL) !=
	    SQLITE_OK) {
		snprintf(err, n, "gen: %s", sqlite3_errmsg(r.db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && m->n < GEN_TABLES) {
		snprintf(m->t[m->n].name, sizeof m->t[m->n].name, "%s",
		    (const char *)sqlite3_column_text(st, 0));
		snprintf(sql, sizeof sql, "SELECT count(*) FROM main.\"%s\"",
		    m->t[m->n].name);
		if (value(&r, sql, &m->t[m->n].rows))
			break;
		m->t[m->n].last = 0;
		snprintf(sql, sizeof sql, "SELECT max(rowid) FROM main.\"%s\"",
		    m->t[m->n].name);
		if (sqlite3_column_int(st, 1) && value(&r, sql, &v) == 0)
			m->t[m->n].last = v;
		m->n++;
	}
	sqlite3_finalize(st);
	if (r.err[0] == '\0' && (rc != SQLITE_DONE || m->n == GEN_TABLES))
		snprintf(r.err, sizeof r.err, "gen: the tables: %s",
		    rc != SQLITE_DONE ? sqlite3_errmsg(r.db) : "too many");
	snprintf(err, n, "%s", r.err);
	return r.err[0] ? -1 : 0;
}

/* The first answer of a statement as text into buf ("" when none). */
static int
text(struct rep *r, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *st;
	int rc;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(r, "%s: %s", sql, sqlite3_errmsg(r->db));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(r, "%s: %s", sql, sqlite3_errmsg(r->db));
	return 0;
}

/*
 * Which rows the period wrote: a run of ids in each table copied, none
 * in a table that is neither copied nor kept.
 */
static int
period_of(struct rep *r, const struct gen_mark *a, const struct gen_mark *b)
{
	long long grew;
	int i, j, k;

	for (i = 0; i < b->n; i++) {
		for (j = 0; j < a->n; j++)
			if (strcmp(a->t[j].name, b->t[i].name) == 0)
				break;
		if (j == a->n)
			return fail(r, "gen: %s: a table made by the period",
			    b->t[i].name);
		if ((grew = b->t[i].rows - a->t[j].rows) == 0)
			continue;
		if ((k = table_no(b->t[i].name)) < 0) {
			if (among(kept, b->t[i].name))
				continue;
			return fail(r, "gen: %s: written by the period and not"
			    " copied", b->t[i].name);
		}
		r->lo[k] = a->t[j].last + 1;
		r->hi[k] = b->t[i].last ? b->t[i].last : grew;
		if (b->t[i].last == 0)		/* order_service: by order */
			r->lo[k] = 1;
		else if (r->hi[k] - r->lo[k] + 1 != grew)
			return fail(r, "gen: %s: the period's rows are not one"
			    " run of ids", b->t[i].name);
	}
	return 0;
}

/*
 * No date in a text column the copy leaves as it is: a new column that
 * holds one fails here, until it is added to the dated ones.
 */
static void
undated(struct rep *r, int k)
{
	struct svc_buf sql = { 0 };
	sqlite3_stmt *st;
	char what[200];
	int rc;

	snprintf(what, sizeof what, "SELECT name FROM pragma_table_info('%s')"
	    " WHERE type = 'TEXT'", copied[k]);
	if (sqlite3_prepare_v2(r->db, what, -1, &st, NULL) != SQLITE_OK) {
		fail(r, "%s: %s", what, sqlite3_errmsg(r->db));
		return;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);

		if (is_dated(copied[k], col) || strcmp(col, "hash") == 0 ||
		    strcmp(col, "receipt_no") == 0)
			continue;
		svc_buf_reset(&sql);
		/* a subquery: period_rows ends with its ORDER BY */
		svc_buf_printf(&sql, "SELECT v FROM (SELECT %s AS v", col);
		period_rows(r, k, &sql);
		svc_buf_printf(&sql, " LIMIT -1) WHERE v GLOB"
		    " '*[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' OR v GLOB"
		    " '*[0-9][0-9][0-9][0-9]年*'");
		if (text(r, sql.s, what, sizeof what) == 0 && what[0])
			fail(r, "gen: %s.%s holds a date (%s): move it with the"
			    " times (dated in replicate.c)", copied[k], col,
			    what);
	}
	sqlite3_finalize(st);
	svc_buf_free(&sql);
}

/* What the copy would move wrongly, refused before a row is copied. */
static int
unknowns(struct rep *r)
{
	struct svc_buf sql = { 0 };
	const char *const *p;
	int e = table_no("event"), x = table_no("outbox"), k;
	char what[200];

	svc_buf_printf(&sql, "SELECT kind FROM main.event WHERE id BETWEEN"
	    " %lld AND %lld AND kind NOT IN ('notify.make', 'pay.collect',"
	    " 'pay.handover'", r->lo[e], r->hi[e]);
	for (p = plain_kinds; *p; p++)
		svc_buf_printf(&sql, ", '%s'", *p);
	svc_buf_puts(&sql, ")");
	if (text(r, sql.s, what, sizeof what) == 0 && what[0])
		fail(r, "gen: event kind %s: which of its details name rows is"
		    " not known here", what);
	svc_buf_reset(&sql);
	svc_buf_printf(&sql, "SELECT subject FROM main.event WHERE id BETWEEN"
	    " %lld AND %lld AND subject NOT LIKE 'complaint:%%'"
	    " AND subject NOT LIKE 'staff:%%'", r->lo[e], r->hi[e]);
	if (text(r, sql.s, what, sizeof what) == 0 && what[0])
		fail(r, "gen: event subject %s: not known here", what);
	svc_buf_reset(&sql);
	svc_buf_printf(&sql, "SELECT id FROM main.outbox WHERE id BETWEEN"
	    " %lld AND %lld AND dedup IS NOT NULL", r->lo[x], r->hi[x]);
	if (text(r, sql.s, what, sizeof what) == 0 && what[0])
		fail(r, "gen: message %s has a dedup key, which a copy would"
		    " repeat", what);
	for (k = 0; copied[k] && r->err[0] == '\0'; k++)
		if (r->hi[k] >= r->lo[k])
			undated(r, k);
	svc_buf_free(&sql);
	return r->err[0] ? -1 : 0;
}

/* Each copied table's offset: its ids so far, past the period's first. */
static int
offsets(struct rep *r, long long *off)
{
	char sql[80];
	int k;

	for (k = 0; copied[k]; k++) {
		off[k] = 0;
		if (r->hi[k] < r->lo[k] || strcmp(copied[k], "order_service") == 0)
			continue;
		snprintf(sql, sizeof sql, "SELECT max(id) FROM main.%s",
		    copied[k]);
		if (value(r, sql, &off[k]))
			return -1;
		off[k] -= r->lo[k] - 1;
	}
	return 0;
}

/* The functions the copy calls, the chains' heads and the receipts so far. */
static int
start(struct rep *r)
{
	char sql[120];
	long long y, last;
	sqlite3_stmt *st;
	int s;

	if (sqlite3_create_function(r->db, "gen_days", 2, SQLITE_UTF8, r,
	    days_fn, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(r->db, "gen_seal", -1, SQLITE_UTF8, r,
	    seal_fn, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(r->db, "gen_receipt", 1, SQLITE_UTF8, r,
	    receipt_fn, NULL, NULL) != SQLITE_OK)
		return fail(r, "gen: functions: %s", sqlite3_errmsg(r->db));
	for (s = 0; svc_sealed[s].table; s++) {
		if (s == NSEALED)
			return fail(r, "gen: more sealed tables than %d",
			    NSEALED);
		snprintf(sql, sizeof sql, "SELECT hash FROM main.%s ORDER BY id"
		    " DESC LIMIT 1", svc_sealed[s].table);
		if (text(r, sql, r->prev[s], sizeof r->prev[s]))
			return -1;
	}
	if (sqlite3_prepare_v2(r->db, "SELECT year, last FROM receipt_seq",
	    -1, &st, NULL) != SQLITE_OK)
		return fail(r, "gen: receipt_seq: %s", sqlite3_errmsg(r->db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		y = sqlite3_column_int64(st, 0);
		last = sqlite3_column_int64(st, 1);
		if (y > 0 && y < 3000)
			r->receipt[y] = (int)last;
	}
	return sqlite3_finalize(st) == SQLITE_OK ? 0 :
	    fail(r, "gen: receipt_seq: %s", sqlite3_errmsg(r->db));
}

/* The years' receipt counters as the copies left them; the functions go. */
static int
finish(struct rep *r)
{
	sqlite3_stmt *st;
	int y, rc = SQLITE_DONE;

	if (sqlite3_prepare_v2(r->db, "INSERT INTO receipt_seq (year, last)"
	    " VALUES (?1, ?2) ON CONFLICT (year) DO UPDATE SET last ="
	    " excluded.last", -1, &st, NULL) != SQLITE_OK)
		return fail(r, "gen: receipt_seq: %s", sqlite3_errmsg(r->db));
	for (y = 0; y < 3000 && rc == SQLITE_DONE; y++) {
		if (r->receipt[y] == 0)
			continue;
		sqlite3_bind_int(st, 1, y);
		sqlite3_bind_int(st, 2, r->receipt[y]);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(r, "gen: receipt_seq: %s", sqlite3_errmsg(r->db));
	for (y = 0; copied[y] && rc == SQLITE_DONE; y++) {
		char sql[80];

		snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.src_%s",
		    copied[y]);
		rc = run(r, sql) ? SQLITE_ERROR : SQLITE_DONE;
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

static void
forget_functions(sqlite3 *db)
{
	sqlite3_create_function(db, "gen_days", 2, SQLITE_UTF8, NULL, NULL,
	    NULL, NULL);
	sqlite3_create_function(db, "gen_seal", -1, SQLITE_UTF8, NULL, NULL,
	    NULL, NULL);
	sqlite3_create_function(db, "gen_receipt", 1, SQLITE_UTF8, NULL, NULL,
	    NULL, NULL);
}

int
gen_replicate(struct svc_db *db, const struct gen_mark *before, int copies,
    long period, char *err, size_t n)
{
	static struct rep r;	/* its receipts are 12 KB */
	struct svc_buf sql[NTAB] = { { 0 } };
	struct gen_mark after;
	long long off[NTAB];
	int k, c, fd;

	memset(&r, 0, sizeof r);
	r.db = db->lite;
	fd = open(sqlite3_db_filename(r.db, "main"), O_RDONLY);
	if (gen_mark(db, &after, err, n))
		return -1;
	/*
	 * A copied order keeps the balance its payments left it: the
	 * triggers that would work it out again, payment by payment, are
	 * off while copying (svc-db check compares the two afterwards).
	 */
	sqlite3_db_config(r.db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
	if (period_of(&r, before, &after) || unknowns(&r) || start(&r) ||
	    sources(&r))
		goto done;
	for (k = 0; copied[k]; k++)
		if (r.hi[k] >= r.lo[k] && copy_sql(&r, k, &sql[k]))
			goto done;
	for (c = 1; c <= copies; c++) {
		if (offsets(&r, off))
			goto done;
		for (k = 0; copied[k]; k++)
			if (sql[k].s && run_bound(&r, sql[k].s, off,
			    c * period))
				goto done;
		let_go(fd);
	}
	finish(&r);
done:
	sqlite3_db_config(r.db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, NULL);
	forget_functions(r.db);
	for (k = 0; k < NTAB; k++)
		svc_buf_free(&sql[k]);
	if (fd >= 0)
		close(fd);
	snprintf(err, n, "%s", r.err);
	return r.err[0] ? -1 : 0;
}

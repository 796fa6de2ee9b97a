/*
 * pay.c - the money of an order (C3, C4, A7, A11), in fen end to end.
 *
 * A bill is the order's service lines (prices as copied at registration)
 * and its extra lines; a repair found covered and not caused by the
 * customer costs nothing (A7).  Every payment and refund has a receipt
 * (A11) numbered per year without gaps: the counter is a row updated in
 * the writer's BEGIN IMMEDIATE transaction, so two people taking money at
 * the same moment get consecutive numbers and a rolled-back payment takes
 * none.  Cash a worker collects is theirs to hand over to finance (C4).
 */
#include <string.h>

#include "svc.h"

const char *const svc_methods[] = {
	"cash", "card", "transfer", "wechat", "alipay", NULL
};

int
svc_method_valid(const char *m)
{
	int i;

	for (i = 0; svc_methods[i]; i++)
		if (strcmp(svc_methods[i], m) == 0)
			return 1;
	return 0;
}

int
svc_bill(struct svc_db *db, int64_t id, struct svc_bill *b, struct svc_err *e)
{
	static const char sql[] = "SELECT"
	    " (SELECT coalesce(sum(qty * unit_price), 0) FROM order_service"
	    "   WHERE order_id = o.id),"
	    " (SELECT coalesce(sum(qty * unit_price), 0) FROM charge"
	    "   WHERE order_id = o.id),"
	    /* the last visit that made the checks decides, as in v_balance */
	    " coalesce((SELECT CASE WHEN covered <> 0 AND chargeable = 0"
	    "   THEN 1 ELSE 0 END FROM visit"
	    "   WHERE order_id = o.id AND covered IS NOT NULL"
	    "   ORDER BY no DESC LIMIT 1), 0),"
	    " (SELECT coalesce(sum(amount), 0) FROM payment WHERE order_id = o.id"
	    "   AND kind = 'payment' AND void = 0),"
	    " (SELECT coalesce(sum(amount), 0) FROM payment WHERE order_id = o.id"
	    "   AND kind = 'refund' AND void = 0),"
	    " o.status, b.balance, o.closed_at IS NOT NULL"
	    " FROM orders o JOIN v_balance b ON b.id = o.id WHERE o.id = ?1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		b->services = svc_col_int64(st, 0);
		b->extras = svc_col_int64(st, 1);
		b->total = b->services + b->extras;
		/* A7: covered, and the fault the company's: nothing to pay. */
		b->covered = svc_col_int(st, 2) ? b->total : 0;
		b->paid = svc_col_int64(st, 3);
		b->refunded = svc_col_int64(st, 4);
		/* v_balance is the one definition; the parts above add up to it */
		b->balance = svc_col_int64(st, 6);
		snprintf(b->status, sizeof b->status, "%s", svc_col_text(st, 5));
		b->closed = svc_col_int(st, 7);
	}
	svc_reset(st);
	return svc_order_found(db, rc, id, e);
}

/* The money of a closed order is settled: it changes after a reopen. */
static int
closed(int64_t id, struct svc_err *e)
{
	return svc_seterr(e, SVC_EX_DATA, "%lld: the order is closed "
	    "(svc-order reopen first)", (long long)id);
}

/* An extra line: parts, materials, extra work. */
int
svc_charge(struct svc_db *db, int64_t id, const char *code, const char *what,
    int qty, int64_t unit_price, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO charge (order_id, code, what,"
	    " qty, unit_price, at, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	struct svc_bill b;
	struct svc_json j;
	struct svc_stmt *st;
	char price[32];
	int64_t total;

	svc_clearerr(e);
	if (svc_bill(db, id, &b, e))
		return e->code;
	if (b.closed)
		return closed(id, e);
	total = b.services + b.extras;
	if (qty < 1 || svc_money_add(&total, qty, unit_price))
		return svc_seterr(e, SVC_EX_DATA, "%lld: the order's total "
		    "would pass the ceiling of 10^12 yuan", (long long)id);
	if (!strcmp(b.status, "cancelled") || !strcmp(b.status, "refused"))
		return svc_seterr(e, SVC_EX_DATA, "%lld: cannot charge: the "
		    "order is %s", (long long)id, svc_label(b.status));
	if (what == NULL || *what == '\0')
		return svc_seterr(e, SVC_EX_DATA, "%lld: say what the charge "
		    "is for", (long long)id);
	if (svc_text_ok("what the charge is for", what, SVC_TEXT_REQUIRED,
	    SVC_TEXT_SHORT, e))
		return e->code;
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, code);
	svc_bind_text(st, 3, what);
	svc_bind_int(st, 4, qty);
	svc_bind_int64(st, 5, unit_price);
	svc_bind_int64(st, 6, (int64_t)svc_now());
	svc_bind_text(st, 7, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	if (code)
		svc_json_str(&j, "code", code);
	svc_json_str(&j, "what", what);
	svc_json_int(&j, "qty", qty);
	svc_money_format(unit_price, price, sizeof price);
	svc_json_str(&j, "unit_price", price);
	return svc_event_json(db, id, NULL, "pay.charge", &j, e);
}

/* The next receipt number of this year: gap-free inside the transaction. */
static int
next_receipt(struct svc_db *db, char *no, size_t n, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO receipt_seq (year, last)"
	    " VALUES (?1, 1) ON CONFLICT (year)"
	    " DO UPDATE SET last = receipt_seq.last + 1 RETURNING last";
	time_t now = svc_now();
	struct svc_stmt *st;
	struct tm tm;
	int rc, last = 0;

	localtime_r(&now, &tm);
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int(st, 1, tm.tm_year + 1900);
	if ((rc = svc_step(st)) == SVC_ROW)
		last = svc_col_int(st, 0);
	while (rc == SVC_ROW)
		rc = svc_step(st);
	svc_finalize(st);
	if (rc != SVC_DONE)
		return svc_db_error(db, rc, e);
	snprintf(no, n, SVC_RECEIPT_FORM, tm.tm_year + 1900, last);
	return 0;
}

static int
insert_payment(struct svc_db *db, int64_t id, const struct svc_take *t,
    const char *kind, const char *place, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO payment (order_id, kind, amount,"
	    " method, place, collector, at, receipt_no, reason, hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, svc_seal((SELECT hash"
	    " FROM payment ORDER BY id DESC LIMIT 1), ?1, ?2, ?3, ?4, ?5, ?6,"
	    " ?7, ?8, ?9))";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, kind);
	svc_bind_int64(st, 3, t->amount);
	svc_bind_text(st, 4, t->method);
	svc_bind_text(st, 5, place);
	svc_bind_text(st, 6, t->by);
	svc_bind_int64(st, 7, (int64_t)svc_now());
	svc_bind_text(st, 8, t->receipt);
	svc_bind_text(st, 9, t->reason);
	return svc_db_done(db, st, e);
}

static int
money_event(struct svc_db *db, int64_t id, const char *kind,
    const struct svc_take *t, const char *place, struct svc_err *e)
{
	struct svc_json j;
	char amount[32];

	svc_json_begin(&j);
	svc_json_str(&j, "receipt", t->receipt);
	svc_money_format(t->amount, amount, sizeof amount);
	svc_json_str(&j, "amount", amount);
	svc_json_str(&j, "method", t->method);
	svc_json_str(&j, "place", place);
	svc_json_str(&j, "by", t->by);
	if (t->reason)
		svc_json_str(&j, "reason", t->reason);
	return svc_event_json(db, id, NULL, kind, &j, e);
}

/*
 * C4: the worker collects on site, or the customer pays at finance; a
 * receipt is issued either way (A11).  Overpaying is refused, and so is
 * taking money for a service that will not happen.
 */
int
svc_take(struct svc_db *db, int64_t id, struct svc_take *t, struct svc_err *e)
{
	static const char *const over[] = {
		"cancelled", "refused", "abandoned", NULL
	};
	const char *place = t->at_finance ? "finance" : "site";
	struct svc_bill b;
	char left[32];
	int i;

	svc_clearerr(e);
	if (t->amount <= 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: the amount must be more "
		    "than 0", (long long)id);
	if (!svc_method_valid(t->method))
		return svc_seterr(e, SVC_EX_DATA, "%s: unknown method (cash, "
		    "card, transfer, wechat, alipay)", t->method);
	if (svc_bill(db, id, &b, e))
		return e->code;
	if (b.closed)
		return closed(id, e);
	for (i = 0; over[i]; i++)
		if (strcmp(b.status, over[i]) == 0)
			return svc_seterr(e, SVC_EX_DATA, "%lld: cannot take money:"
			    " the order is %s", (long long)id, svc_label(b.status));
	if (t->amount > b.balance) {
		svc_money_format(b.balance, left, sizeof left);
		return svc_seterr(e, SVC_EX_DATA, "%lld: that overpays: %s is "
		    "owed", (long long)id, left);
	}
	if (next_receipt(db, t->receipt, sizeof t->receipt, e) ||
	    insert_payment(db, id, t, "payment", place, e))
		return e->code;
	if (money_event(db, id, t->at_finance ? "pay.receive" :
	    "pay.collect", t, place, e))
		return e->code;
	return svc_order_settle(db, id, e);
}

/* Money paid back, with its own receipt; never more than was paid. */
int
svc_refund(struct svc_db *db, int64_t id, struct svc_take *t, struct svc_err *e)
{
	struct svc_bill b;
	char paid[32];

	svc_clearerr(e);
	if (t->reason == NULL || *t->reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", t->reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e))
		return e->code;
	if (t->amount <= 0 || !svc_method_valid(t->method))
		return svc_seterr(e, SVC_EX_DATA, "%lld: a refund needs an amount"
		    " and a method", (long long)id);
	if (svc_bill(db, id, &b, e))
		return e->code;
	if (b.closed)
		return closed(id, e);
	if (t->amount > b.paid - b.refunded) {
		svc_money_format(b.paid - b.refunded, paid, sizeof paid);
		return svc_seterr(e, SVC_EX_DATA, "%lld: only %s was paid",
		    (long long)id, paid);
	}
	if (next_receipt(db, t->receipt, sizeof t->receipt, e) ||
	    insert_payment(db, id, t, "refund", "finance", e))
		return e->code;
	if (money_event(db, id, "pay.refund", t, "finance", e))
		return e->code;
	return svc_order_settle(db, id, e);
}

/* The number stays, marked void; the money stops counting. */
int
svc_void(struct svc_db *db, const char *receipt, const char *reason,
    struct svc_err *e)
{
	static const char find[] = "SELECT order_id, void, (SELECT closed_at"
	    " IS NOT NULL FROM orders o WHERE o.id = order_id) FROM payment"
	    " WHERE receipt_no = ?1";
	static const char sql[] = "UPDATE payment SET void = 1,"
	    " void_reason = ?2, voided_at = ?3 WHERE receipt_no = ?1";
	struct svc_json j;
	struct svc_stmt *st;
	int64_t id = 0;
	int rc, was = 0, shut = 0;

	svc_clearerr(e);
	if (reason == NULL || *reason == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --reason is required");
	if (svc_text_ok("the reason", reason, SVC_TEXT_REQUIRED,
	    SVC_TEXT_LINE, e))
		return e->code;
	if (svc_db_cached(db, find, &st, e))
		return e->code;
	svc_bind_text(st, 1, receipt);
	if ((rc = svc_step(st)) == SVC_ROW) {
		id = svc_col_int64(st, 0);
		was = svc_col_int(st, 1);
		shut = svc_col_int(st, 2);
	}
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%s: no such receipt",
		    receipt);
	if (rc != SVC_ROW)
		return svc_db_error(db, rc, e);
	if (was)
		return svc_seterr(e, SVC_EX_DATA, "%s: already void", receipt);
	if (shut)
		return closed(id, e);
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, receipt);
	svc_bind_text(st, 2, reason);
	svc_bind_int64(st, 3, (int64_t)svc_now());
	if (svc_db_done(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "receipt", receipt);
	svc_json_str(&j, "reason", reason);
	return svc_event_json(db, id, NULL, "pay.void", &j, e);
}

/* The orders whose cash was handed over in handover hid may be settled. */
static int
settle_handed(struct svc_db *db, int64_t hid, struct svc_err *e)
{
	static const char sql[] = "SELECT DISTINCT order_id FROM payment"
	    " WHERE handover_id = ?1 ORDER BY order_id";	/* events in order */
	struct svc_buf ids = { 0 };
	struct svc_stmt *st;
	int64_t id;
	size_t i;
	int rc;

	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, hid);
	while ((rc = svc_step(st)) == SVC_ROW) {
		id = svc_col_int64(st, 0);
		svc_buf_add(&ids, (const char *)&id, sizeof id);
	}
	svc_finalize(st);
	if (rc != SVC_DONE)
		svc_db_error(db, rc, e);
	/* Closed after the scan: never change rows under an open cursor. */
	for (i = 0; e->code == 0 && i < ids.len / sizeof id; i++) {
		memcpy(&id, ids.s + i * sizeof id, sizeof id);
		svc_order_settle(db, id, e);
	}
	svc_buf_free(&ids);
	return e->code;
}

/* C4: the handover is in the archive too, under the worker's name. */
static int
handover_event(struct svc_db *db, const char *worker, const struct svc_handover *h,
    int collections, struct svc_err *e)
{
	struct svc_buf subject = { 0 };
	struct svc_json j;
	char a[32];
	int rc;

	svc_buf_printf(&subject, "staff:%s", worker);
	svc_json_begin(&j);
	svc_json_int(&j, "handover", h->id);
	svc_json_int(&j, "collections", collections);
	svc_money_format(h->expected, a, sizeof a);
	svc_json_str(&j, "expected", a);
	svc_money_format(h->counted, a, sizeof a);
	svc_json_str(&j, "counted", a);
	svc_money_format(h->difference, a, sizeof a);
	svc_json_str(&j, "difference", a);
	rc = svc_event_json(db, 0, subject.s, "pay.handover", &j, e);
	svc_buf_free(&subject);
	return rc;
}

/*
 * C4: the worker hands the cash they collected to finance: every cash
 * collection of theirs not handed over yet.  The expected total, the
 * counted amount and the difference are kept.
 */
int
svc_handover(struct svc_db *db, const char *worker, int64_t counted,
    struct svc_handover *h, struct svc_err *e)
{
	static const char sum[] = "SELECT coalesce(sum(amount), 0), count(*)"
	    " FROM payment WHERE collector = ?1 AND method = 'cash'"
	    " AND place = 'site' AND handover_id IS NULL AND void = 0"
	    " AND kind = 'payment'";
	static const char add[] = "INSERT INTO handover (worker, at, expected,"
	    " counted, difference, actor, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	    " svc_seal((SELECT hash FROM handover ORDER BY id DESC LIMIT 1),"
	    " ?1, ?2, ?3, ?4, ?5, ?6))";
	static const char mark[] = "UPDATE payment SET handover_id = ?2"
	    " WHERE collector = ?1 AND method = 'cash' AND place = 'site'"
	    " AND handover_id IS NULL";
	struct svc_stmt *st;
	int rc, n = 0;

	svc_clearerr(e);
	if (svc_db_cached(db, sum, &st, e))
		return e->code;
	svc_bind_text(st, 1, worker);
	if ((rc = svc_step(st)) == SVC_ROW) {
		h->expected = svc_col_int64(st, 0);
		n = svc_col_int(st, 1);
	}
	svc_reset(st);
	if (rc != SVC_ROW)
		return svc_db_error(db, rc, e);
	if (n == 0)
		return svc_seterr(e, SVC_EX_DATA, "%s: no cash held to hand "
		    "over", worker);
	h->counted = counted < 0 ? h->expected : counted;
	h->difference = h->counted - h->expected;
	if (svc_db_cached(db, add, &st, e))
		return e->code;
	svc_bind_text(st, 1, worker);
	svc_bind_int64(st, 2, (int64_t)svc_now());
	svc_bind_int64(st, 3, h->expected);
	svc_bind_int64(st, 4, h->counted);
	svc_bind_int64(st, 5, h->difference);
	svc_bind_text(st, 6, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	h->id = svc_db_last_id(db);
	if (svc_db_cached(db, mark, &st, e))
		return e->code;
	svc_bind_text(st, 1, worker);
	svc_bind_int64(st, 2, h->id);
	if (svc_db_done(db, st, e) || handover_event(db, worker, h, n, e))
		return e->code;
	return settle_handed(db, h->id, e);
}

int
svc_held_query(struct svc_db *db, const char *worker, struct svc_stmt **st,
    struct svc_err *e)
{
	static const char sql[] = "SELECT collector, sum(amount), count(*),"
	    " min(at) FROM payment WHERE method = 'cash' AND place = 'site'"
	    " AND handover_id IS NULL AND void = 0 AND kind = 'payment'"
	    " AND (?1 IS NULL OR collector = ?1)"
	    " GROUP BY collector ORDER BY min(at)";

	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_text(*st, 1, worker);
	return 0;
}

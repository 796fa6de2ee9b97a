/*
 * sheet.c - texts a person reads: the brief before going (A3), and the
 * service form printed for the customer's copy (A10, A12), which must fit
 * a 58 mm (32 columns) or 80 mm (48 columns) receipt printer.  Widths are
 * display widths: a Chinese character takes two columns, and a line is
 * broken between characters, never inside one, nor inside a number or a
 * model written in ASCII.
 */
#include <string.h>

#include "svc.h"

static const char *
col(struct svc_stmt *st, int i)
{
	return svc_col_type(st, i) == SVC_T_NULL ? NULL :
	    svc_col_text(st, i);
}

/* A byte of a word not to be cut: ASCII letters, digits, and the marks
 * inside numbers, models and addresses (BCD-216WD, 400-820, 88#, 10:00). */
static int
word_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z') || (c != '\0' && strchr(".,-:/#+", c));
}

/*
 * Where a line that could hold n bytes of s ends: before a word that would
 * not fit whole, unless the word alone is wider than the line.  Chinese
 * text breaks between any two characters.
 */
static size_t
line_end(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[n] == '\0' || !word_byte(s[n]) || !word_byte(s[n - 1]))
		return n;
	for (i = n; i > 0 && word_byte(s[i - 1]); i--)
		;
	return i > 0 ? i : n;
}

/* "label: value", the value wrapped at width under itself. */
static void
field(struct svc_buf *b, int width, const char *label, const char *value)
{
	int lw, w, room;
	size_t n, end;

	if (value == NULL || *value == '\0')
		return;
	lw = svc_utf8_width(label);
	svc_buf_puts(b, label);
	room = width - lw;
	if (room < 8) {		/* a narrow form: the value on its own lines */
		svc_buf_putc(b, '\n');
		lw = 0;
		room = width;
	}
	for (;;) {
		n = svc_utf8_fit(value, room, &w);
		if (n == 0 && *value)
			n = strlen(value);	/* never loop on a wide glyph */
		n = line_end(value, n);
		for (end = n; end > 0 && value[end - 1] == ' '; end--)
			;
		svc_buf_add(b, value, end);
		svc_buf_putc(b, '\n');
		for (value += n; *value == ' '; value++)
			;
		if (*value == '\0')
			break;
		for (w = 0; w < lw; w++)
			svc_buf_putc(b, ' ');
	}
}

static void
rule(struct svc_buf *b, int width, char c)
{
	int i;

	for (i = 0; i < width; i++)
		svc_buf_putc(b, c);
	svc_buf_putc(b, '\n');
}

static void
centred(struct svc_buf *b, int width, const char *s)
{
	int pad = (width - svc_utf8_width(s)) / 2;

	for (; pad > 0; pad--)
		svc_buf_putc(b, ' ');
	svc_buf_puts(b, s);
	svc_buf_putc(b, '\n');
}

static const char *
when(struct svc_stmt *st, int i, char *buf, size_t n)
{
	if (svc_col_type(st, i) == SVC_T_NULL)
		return NULL;
	svc_time_local((time_t)svc_col_int64(st, i), buf, n);
	return buf;
}

static void
documents(struct svc_db *db, struct svc_buf *b, int width, const char *json)
{
	struct svc_buf list = { 0 };
	char *p, *nl;

	svc_json_numbered(db, json, &list);
	for (p = list.s; p && *p; p = nl + 1) {
		nl = strchr(p, '\n');
		*nl = '\0';
		field(b, width, p == list.s ? "documents    " : "             ",
		    p);
	}
	svc_buf_free(&list);
}

static const char order_sql[] =
    "SELECT o.id, o.status, o.kind, d.code, o.customer_name, c.phone, o.address,"
    " o.fault, o.product, o.note, o.appt_at, o.appt_until, o.documents,"
    " o.customer_id, d.name, d.phone, w.name, w.badge, w.phone,"
    " k.voucher, k.barcode, k.covered, k.covered_until, k.parts_missing,"
    " k.damage, k.not_ours, k.checks_signed_by, k.chargeable,"
    " v.arrived_at, v.late_minutes,"
    " CASE WHEN v.outcome = 'done' THEN v.ended_at END, v.signed_by,"
    " v.rating, v.comment, k.return_by"
    /* The last visit, and the last that made the checks (A4-A8). */
    " FROM orders o JOIN customer c ON c.id = o.customer_id"
    " LEFT JOIN dept d ON d.id = o.dept_id"
    " LEFT JOIN visit v ON v.id = (SELECT id FROM visit"
    "  WHERE order_id = o.id ORDER BY no DESC LIMIT 1)"
    " LEFT JOIN visit k ON k.id = (SELECT id FROM visit"
    "  WHERE order_id = o.id AND (covered IS NOT NULL"
    "  OR return_by IS NOT NULL) ORDER BY no DESC LIMIT 1)"
    " LEFT JOIN staff w ON w.id = coalesce(v.worker_id, o.worker_id)"
    " WHERE o.id = ?1";

static int
open_order(struct svc_db *db, int64_t id, struct svc_stmt **st, struct svc_err *e)
{
	int rc;

	if (svc_db_prepare(db, order_sql, st, e))
		return e->code;
	svc_bind_int64(*st, 1, id);
	if ((rc = svc_step(*st)) != SVC_ROW) {
		svc_finalize(*st);
		return svc_order_found(db, rc, id, e);
	}
	return 0;
}

static void
warranty_line(struct svc_db *db, struct svc_buf *b, int width, const char *code)
{
	struct svc_warranty w;
	struct svc_err e = { 0 };
	struct svc_buf t = { 0 };
	int y, m, d;
	time_t now = svc_now();
	struct tm tm;

	if (code == NULL)
		return;
	localtime_r(&now, &tm);
	if (svc_warranty(db, code, svc_days_from_civil(tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday), &w, &e) != 0) {
		svc_buf_printf(&t, "%s (not in the registry: ask for the "
		    "warranty card)", code);
	} else {
		svc_civil_from_days(w.until, &y, &m, &d);
		svc_buf_printf(&t, "%s %s %s, %s %04d-%02d-%02d", code, w.model,
		    w.name, w.covered ? "covered until" : "NOT covered: warranty ended",
		    y, m, d);
	}
	field(b, width, "product      ", t.s);
	svc_buf_free(&t);
}

/*
 * A section of the sheet is printed from its own statement; one that
 * cannot be prepared (the schema was checked as the database opened)
 * leaves that section out rather than the whole sheet.
 */
static struct svc_stmt *
section(struct svc_db *db, const char *sql)
{
	struct svc_err unused;
	struct svc_stmt *st;

	return svc_db_prepare(db, sql, &st, &unused) ? NULL : st;
}

static void
history(struct svc_db *db, struct svc_buf *b, int64_t customer, int64_t id)
{
	static const char sql[] = "SELECT o.id, o.created_at, o.status, o.kind,"
	    " (SELECT group_concat(name, '、') FROM order_service s"
	    "   WHERE s.order_id = o.id), v.rating"
	    " FROM orders o LEFT JOIN visit v ON v.order_id = o.id"
	    "  AND v.outcome = 'done'"
	    " WHERE o.customer_id = ?1 AND o.id <> ?2"
	    " ORDER BY o.created_at DESC LIMIT 10";
	struct svc_stmt *st;
	char day[32];
	int n = 0;

	if ((st = section(db, sql)) == NULL)
		return;
	svc_bind_int64(st, 1, customer);
	svc_bind_int64(st, 2, id);
	while (svc_step(st) == SVC_ROW) {
		if (n++ == 0)
			svc_buf_puts(b, "earlier orders of this customer\n");
		svc_time_local((time_t)svc_col_int64(st, 1), day,
		    sizeof day);
		svc_buf_printf(b, "  %lld  %.10s  %-10s %-8s %s", (long long)
		    svc_col_int64(st, 0), day, col(st, 2), col(st, 3),
		    col(st, 4) ? col(st, 4) : "");
		if (col(st, 5))
			svc_buf_printf(b, "  rating %s", col(st, 5));
		svc_buf_putc(b, '\n');
	}
	if (n == 0)
		svc_buf_puts(b, "earlier orders of this customer: none\n");
	svc_finalize(st);
}

/* A14: the tools the order's services need, each named once. */
static void
tools(struct svc_db *db, const struct svc_conf *c, struct svc_buf *b, int64_t id)
{
	struct svc_err e = { 0 };
	struct svc_buf t = { 0 };
	char *need[64];
	int i, n;

	n = svc_order_needs(db, c, id, SVC_NEED_TOOLS, need, 64, &e);
	for (i = 0; i < n; i++)
		svc_buf_printf(&t, "%s%s", i ? "、" : "", need[i]);
	field(b, 80, "tools        ", t.s);
	svc_buf_free(&t);
}

/* A13-A20: what the worker keeps in mind at the door, of the kind. */
static void
reminders(const struct svc_conf *c, struct svc_buf *b, const char *kind)
{
	const char *label = "conduct      ";
	int i;

	for (i = 0; i < c->nconduct; i++) {
		const struct svc_conduct *k = &c->conduct[i];

		if (!svc_conduct_asks(k, kind))
			continue;
		field(b, 80, label, k->reminder ? k->reminder : k->question);
		label = "             ";
	}
}

/* A3: know the customer and the fault before going. */
int
svc_visit_brief(struct svc_db *db, const struct svc_conf *c, int64_t id,
    struct svc_buf *b, struct svc_err *e)
{
	struct svc_stmt *st;
	char at[32], until[32];
	struct svc_buf t = { 0 };

	if (open_order(db, id, &st, e))
		return e->code;
	svc_buf_printf(&t, "%lld (%s, %s%s%s)", (long long)id, col(st, 1),
	    col(st, 2), col(st, 3) ? ", " : "", col(st, 3) ? col(st, 3) : "");
	field(b, 80, "order        ", t.s);
	if (when(st, 10, at, sizeof at)) {
		when(st, 11, until, sizeof until);
		svc_buf_reset(&t);
		svc_buf_printf(&t, "%s - %s", at, until + 11);
		field(b, 80, "appointment  ", t.s);
	}
	svc_buf_reset(&t);
	svc_buf_printf(&t, "%s, %s", col(st, 4), col(st, 5));
	field(b, 80, "customer     ", t.s);
	field(b, 80, "address      ", col(st, 6));
	field(b, 80, "fault        ", col(st, 7));
	warranty_line(db, b, 80, col(st, 8));
	documents(db, b, 80, col(st, 12));
	field(b, 80, "note         ", col(st, 9));
	tools(db, c, b, id);
	reminders(c, b, col(st, 2));
	history(db, b, svc_col_int64(st, 13), id);
	svc_finalize(st);
	svc_buf_free(&t);
	return 0;
}

static void
form_head(struct svc_buf *b, int width, struct svc_stmt *st)
{
	struct svc_buf t = { 0 };
	char at[32];

	centred(b, width, col(st, 14) ? col(st, 14) : "上门服务");
	centred(b, width, "上门服务单（客户联）");
	rule(b, width, '=');
	svc_buf_printf(&t, "%lld", (long long)svc_col_int64(st, 0));
	field(b, width, "单号：", t.s);
	field(b, width, "上门：", when(st, 28, at, sizeof at));
	field(b, width, "客户：", col(st, 4));
	field(b, width, "电话：", col(st, 5));
	field(b, width, "地址：", col(st, 6));
	field(b, width, "故障：", col(st, 7));
	field(b, width, "产品：", col(st, 8));
	svc_buf_free(&t);
}

static void
form_checks(struct svc_buf *b, int width, struct svc_stmt *st)
{
	if (svc_col_type(st, 19) == SVC_T_NULL &&
	    svc_col_type(st, 21) == SVC_T_NULL)
		return;
	rule(b, width, '-');
	if (svc_col_type(st, 19) != SVC_T_NULL)
		field(b, width, "保修卡：", svc_col_int(st, 19) ? "有" :
		    "无");
	field(b, width, "保修：", svc_col_int(st, 21) ? "保修期内" :
	    "不在保修范围");
	field(b, width, "保修至：", col(st, 22));
	field(b, width, "缺少部件：", col(st, 23));
	field(b, width, "人为损坏：", col(st, 24));
	field(b, width, "非本公司原因：", col(st, 25));
	field(b, width, "客户确认：", col(st, 26));
	field(b, width, "收费：", svc_col_int(st, 27) ? "是" : "否");
}

/*
 * An order's lines, its services then its extra charges, each in the
 * order entered: said, not left to the order each engine keeps its rows
 * in (a server's changes where rows were updated).
 */
static const char work_lines[] = "SELECT name, qty, unit_price FROM"
    " (SELECT name, qty, unit_price, 0 AS part, line AS n FROM order_service"
    " WHERE order_id = ?1 UNION ALL SELECT what, qty, unit_price, 1, id"
    " FROM charge WHERE order_id = ?1) AS w ORDER BY part, n";

/* The work and its money: services, extra lines, receipts (A11). */
static void
form_work(struct svc_db *db, struct svc_buf *b, int width, int64_t id)
{
	static const char paid[] = "SELECT receipt_no, kind, amount FROM payment"
	    " WHERE order_id = ?1 AND void = 0 ORDER BY id";
	struct svc_buf t = { 0 };
	struct svc_bill bill;
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	char price[32], sum[32];
	int64_t line;

	if ((st = section(db, work_lines)) == NULL)
		return;
	rule(b, width, '-');
	svc_bind_int64(st, 1, id);
	while (svc_step(st) == SVC_ROW) {
		line = svc_col_int64(st, 1) * svc_col_int64(st, 2);
		svc_money_format(svc_col_int64(st, 2), price,
		    sizeof price);
		svc_money_format(line, sum, sizeof sum);
		svc_buf_reset(&t);
		svc_buf_printf(&t, "%s x%d %s = %s", svc_col_text(st, 0),
		    svc_col_int(st, 1), price, sum);
		field(b, width, "", t.s);
	}
	svc_finalize(st);
	if (svc_bill(db, id, &bill, &e) == 0) {
		svc_money_format(bill.total, sum, sizeof sum);
		field(b, width, "合计：", sum);
		if (bill.covered) {
			svc_money_format(bill.covered, sum, sizeof sum);
			field(b, width, "保修减免：", sum);
		}
		svc_money_format(bill.balance, sum, sizeof sum);
		field(b, width, "未付：", sum);
	}
	if ((st = section(db, paid)) == NULL)
		return;
	svc_bind_int64(st, 1, id);
	while (svc_step(st) == SVC_ROW) {
		svc_money_format(svc_col_int64(st, 2), sum, sizeof sum);
		svc_buf_reset(&t);
		svc_buf_printf(&t, "%s %s%s", svc_col_text(st, 0),
		    strcmp(svc_col_text(st, 1), "refund") ? "" : "-", sum);
		field(b, width, "收费凭证：", t.s);
	}
	svc_finalize(st);
	svc_buf_free(&t);
}

/*
 * A13-A20: the checklist the customer ticks and signs, its items' ids
 * beside them so the answers can be typed back (svc-visit done
 * --conduct).
 */
static void
form_conduct(const struct svc_conf *c, struct svc_buf *b, int width,
    const char *kind)
{
	struct svc_buf t = { 0 };
	int i, n = 0;

	for (i = 0; i < c->nconduct; i++) {
		const struct svc_conduct *k = &c->conduct[i];

		if (!svc_conduct_asks(k, kind))
			continue;
		if (n++ == 0) {
			rule(b, width, '-');
			field(b, width, "", "服务规范（请客户勾选）");
		}
		field(b, width, "", k->question);
		svc_buf_reset(&t);
		svc_buf_printf(&t, "  □是  □否  [%s]", k->id);
		field(b, width, "", t.s);
	}
	svc_buf_free(&t);
}

static void
form_tail(struct svc_buf *b, int width, struct svc_stmt *st)
{
	struct svc_buf t = { 0 };

	rule(b, width, '-');
	field(b, width, "评价：", col(st, 32));
	field(b, width, "意见：", col(st, 33));
	field(b, width, "客户签字：", col(st, 31) ? col(st, 31) :
	    "________");
	field(b, width, "返修送回：", col(st, 34));
	rule(b, width, '=');
	/* A12: a card with the contact for later problems. */
	if (col(st, 16)) {
		svc_buf_printf(&t, "%s", col(st, 16));
		if (col(st, 17))
			svc_buf_printf(&t, "（工号 %s）", col(st, 17));
		field(b, width, "服务人员：", t.s);
		field(b, width, "人员电话：", col(st, 18));
	}
	field(b, width, "服务电话：", col(st, 15));
	svc_buf_free(&t);
}

/* A10, A12: the customer's copy of the service form. */
int
svc_visit_form(struct svc_db *db, const struct svc_conf *c, int64_t id, int width,
    struct svc_buf *b, struct svc_err *e)
{
	struct svc_stmt *st;

	if (width != 32 && width != 48 && width != 80)
		return svc_seterr(e, SVC_EX_USAGE, "%d: the width is 32, 48 or "
		    "80", width);
	if (open_order(db, id, &st, e))
		return e->code;
	form_head(b, width, st);
	form_checks(b, width, st);
	form_work(db, b, width, id);
	form_conduct(c, b, width, col(st, 2));
	form_tail(b, width, st);
	svc_finalize(st);
	return 0;
}

static const char *const method_names[][2] = {
	{ "cash", "现金" }, { "card", "银行卡" }, { "transfer", "转账" },
	{ "wechat", "微信" }, { "alipay", "支付宝" },
};

static const char *
method_name(const char *m)
{
	size_t i;

	for (i = 0; i < sizeof method_names / sizeof method_names[0]; i++)
		if (strcmp(method_names[i][0], m) == 0)
			return method_names[i][1];
	return m;
}

static void
receipt_lines(struct svc_db *db, struct svc_buf *b, int width, int64_t id)
{
	struct svc_buf t = { 0 };
	struct svc_stmt *st;
	char sum[32];

	if ((st = section(db, work_lines)) == NULL)
		return;
	svc_bind_int64(st, 1, id);
	while (svc_step(st) == SVC_ROW) {
		svc_money_format(svc_col_int64(st, 1) *
		    svc_col_int64(st, 2), sum, sizeof sum);
		svc_buf_reset(&t);
		svc_buf_printf(&t, "%s x%d %s", svc_col_text(st, 0),
		    svc_col_int(st, 1), sum);
		field(b, width, "", t.s);
	}
	svc_finalize(st);
	svc_buf_free(&t);
}

/* A11: the receipt (收费凭证), for the customer; 32 or 48 for a printer. */
int
svc_receipt_text(struct svc_db *db, const char *receipt, int width,
    struct svc_buf *b, struct svc_err *e)
{
	static const char sql[] = "SELECT p.order_id, p.kind, p.amount,"
	    " p.method, p.place, p.at, p.void, p.void_reason, p.reason,"
	    " o.customer_name, d.name, d.phone, coalesce(s.name, p.collector)"
	    " FROM payment p JOIN orders o ON o.id = p.order_id"
	    " JOIN customer c ON c.id = o.customer_id"
	    " LEFT JOIN dept d ON d.id = o.dept_id"
	    " LEFT JOIN staff s ON s.login = p.collector"
	    " WHERE p.receipt_no = ?1";
	struct svc_stmt *st;
	char at[32], amount[32], id[24];
	int rc, refund;

	if (width != 32 && width != 48 && width != 80)
		return svc_seterr(e, SVC_EX_USAGE, "%d: the width is 32, 48 or "
		    "80", width);
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, receipt);
	if ((rc = svc_step(st)) != SVC_ROW) {
		svc_finalize(st);
		return rc == SVC_DONE ? svc_seterr(e, SVC_EX_NOINPUT,
		    "%s: no such receipt", receipt) : svc_db_error(db, rc, e);
	}
	refund = strcmp(col(st, 1), "refund") == 0;
	centred(b, width, col(st, 10) ? col(st, 10) : "上门服务");
	centred(b, width, refund ? "退 款 凭 证" : "收 费 凭 证");
	rule(b, width, '=');
	field(b, width, "凭证号：", receipt);
	if (svc_col_int(st, 6)) {
		field(b, width, "状态：", "已作废");
		field(b, width, "作废原因：", col(st, 7));
	}
	snprintf(id, sizeof id, "%lld", (long long)svc_col_int64(st, 0));
	field(b, width, "单号：", id);
	field(b, width, "日期：", when(st, 5, at, sizeof at));
	field(b, width, "客户：", col(st, 9));
	if (!refund) {
		rule(b, width, '-');
		receipt_lines(db, b, width, svc_col_int64(st, 0));
	}
	rule(b, width, '-');
	svc_money_format(svc_col_int64(st, 2), amount, sizeof amount);
	field(b, width, refund ? "退款金额：" : "实收金额：", amount);
	field(b, width, "方式：", method_name(col(st, 3)));
	field(b, width, "原因：", col(st, 8));
	field(b, width, strcmp(col(st, 4), "site") == 0 ? "收款人：" :
	    "经办：", col(st, 12));
	field(b, width, "服务电话：", col(st, 11));
	rule(b, width, '=');
	svc_finalize(st);
	return 0;
}

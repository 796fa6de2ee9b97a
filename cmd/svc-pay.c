/*
 * svc-pay - bills, collection on site or at finance, gap-free receipts,
 * voids, refunds and the cash handover (C3, C4, A7, A11).
 * See svc-pay(1).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum {
	O_ITEM = 0x200, O_AMOUNT, O_WHAT, O_METHOD, O_BY, O_WIDTH, O_REASON,
	O_COUNTED
};

static const struct option long_opts[] = {
	SVC_COMMON_LONG, SVC_WRITE_LONG,
	{ "item", required_argument, NULL, O_ITEM },
	{ "amount", required_argument, NULL, O_AMOUNT },
	{ "what", required_argument, NULL, O_WHAT },
	{ "method", required_argument, NULL, O_METHOD },
	{ "by", required_argument, NULL, O_BY },
	{ "width", required_argument, NULL, O_WIDTH },
	{ "reason", required_argument, NULL, O_REASON },
	{ "counted", required_argument, NULL, O_COUNTED },
	{ NULL, 0, NULL, 0 }
};

#define MAX_ITEMS 32

struct opts {
	struct svc_line items[MAX_ITEMS];
	int nitems, width;
	const char *amount, *what, *reason, *counted;
	struct svc_take take;
};

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct svc_err e = { 0 };
	struct opts *o = ctx;
	char *end;

	switch (c) {
	case O_ITEM:
		if (o->nitems == MAX_ITEMS)
			svc_die(SVC_EX_USAGE, "at most %d items", MAX_ITEMS);
		if (svc_line_parse(arg, &o->items[o->nitems], &e))
			svc_cli_fail(cli, &e);
		o->nitems++;
		break;
	case O_AMOUNT: o->amount = arg; break;
	case O_WHAT: o->what = arg; break;
	case O_METHOD: o->take.method = arg; break;
	case O_BY: o->take.by = arg; break;
	case O_REASON: o->reason = o->take.reason = arg; break;
	case O_COUNTED: o->counted = arg; break;
	case O_WIDTH:
		o->width = (int)strtol(arg, &end, 10);
		if (*end || (o->width != 32 && o->width != 48 && o->width != 80))
			svc_die(SVC_EX_USAGE, "%s: the width is 32, 48 or 80",
			    arg);
		break;
	}
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	o->width = 48;
	o->take.method = "cash";
	svc_cli_options(cli, argc, argv, long_opts, NULL, allowed, option, o);
}

static int64_t
amount(struct svc_cli *cli, const char *s)
{
	struct svc_err e = { 0 };
	int64_t fen;

	if (s == NULL) {
		svc_warnx("%s: --amount is required", cli->verb->name);
		svc_cli_usage(cli);
	}
	if (svc_money_parse(s, 0, &fen, &e))
		svc_cli_fail(cli, &e);
	return fen;
}

static const struct svc_col bill_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "services"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "extras"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "total"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "covered"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "paid"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "refunded"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "balance"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "status"), SVC_COL_CODE, 0, 0 },
};

struct billing {
	struct svc_cli *cli;
	struct svc_out *out;
};

static int
bill_one(const char *key, void *arg)
{
	struct billing *bl = arg;
	struct svc_err e = { 0 };
	struct svc_bill b;

	if (svc_bill(bl->cli->db, svc_cli_id(key), &b, &e)) {
		svc_warnx("%s", e.msg);
		return e.code;
	}
	svc_out_int(bl->out, svc_cli_id(key));
	svc_out_money(bl->out, b.services);
	svc_out_money(bl->out, b.extras);
	svc_out_money(bl->out, b.total);
	svc_out_money(bl->out, b.covered);
	svc_out_money(bl->out, b.paid);
	svc_out_money(bl->out, b.refunded);
	svc_out_money(bl->out, b.balance);
	svc_out_text(bl->out, b.status);
	svc_out_row(bl->out);
	return 0;
}

/* C3, A7: what each order owes; exact to the fen. */
static int
cmd_bill(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { 0 };
	struct billing bl = { cli, NULL };
	struct svc_err e = { 0 };
	struct opts o;
	int rc;

	options(cli, argc, argv, ok, &o);
	svc_cli_open(cli, SVC_DB_RO);
	bl.out = svc_cli_out(cli, bill_cols, 9);
	rc = svc_ids_each(argv + optind, argc - optind, stdin, 1, bill_one, &bl,
	    &e);
	svc_cli_out_end(cli, bl.out);
	if (e.code)
		svc_cli_fail(cli, &e);
	svc_db_close(cli->db);
	return rc;
}

static int
charge_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;
	const struct svc_service *s;
	int64_t id = svc_cli_id(key), fen;
	int i;

	if (svc_own_order(cli->db, id, "charge", e))
		return e->code;
	for (i = 0; i < o->nitems; i++) {
		if ((s = svc_conf_service(&cli->conf, o->items[i].code)) == NULL)
			return svc_seterr(e, SVC_EX_DATA, "%s: no such service "
			    "in the catalogue", o->items[i].code);
		if (svc_charge(cli->db, id, s->code, s->name, o->items[i].qty,
		    s->price, e))
			return e->code;
	}
	if (o->amount) {
		if (svc_money_parse(o->amount, 0, &fen, e) ||
		    svc_charge(cli->db, id, NULL, o->what, 1, fen, e))
			return e->code;
	}
	return 0;
}

static int
cmd_charge(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_ITEM, O_AMOUNT, O_WHAT, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.nitems == 0 && o.amount == NULL) {
		svc_warnx("charge: give --item, or --amount with --what");
		svc_cli_usage(cli);
	}
	if (o.amount && o.what == NULL) {
		svc_warnx("charge: --amount needs --what");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1, charge_one, &o);
}

/* collect, receive, refund: each prints the order and its receipt. */
/*
 * Money collected at the door is the collector's (C4): a worker collects
 * as himself; a dispatcher enters what a worker collected with --by.
 */
static int
collector_ok(struct svc_cli *cli, const char *by, struct svc_err *e)
{
	int self = strcmp(by, svc_actor()) == 0, yes;

	if (svc_actor_is(cli->db, self ? "worker" : "dispatcher", &yes, e))
		return e->code;
	if (yes)
		return 0;
	if (self)
		return svc_seterr(e, SVC_EX_NOPERM, "collect: %s is not worker "
		    "(a dispatcher names the worker with --by)", by);
	return svc_seterr(e, SVC_EX_NOPERM, "collect: --by %s: %s collects "
	    "only as himself (a dispatcher records for another)", by,
	    svc_actor());
}

static int
take_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;
	struct svc_take t = o->take;
	const char *verb = cli->verb->name;
	int64_t staff;

	if (strcmp(verb, "refund") == 0) {
		if (svc_refund(cli->db, svc_cli_id(key), &t, e))
			return e->code;
	} else {
		t.at_finance = strcmp(verb, "receive") == 0;
		if (t.by == NULL)
			t.by = svc_actor();
		if ((!t.at_finance && (collector_ok(cli, t.by, e) ||
		    svc_own_order(cli->db, svc_cli_id(key), verb, e))) ||
		    svc_staff_id(cli->db, t.by, &staff, e) ||
		    svc_take(cli->db, svc_cli_id(key), &t, e))
			return e->code;
	}
	snprintf(cli->detail, sizeof cli->detail, "%s", t.receipt);
	return 0;
}

static int
cmd_take(struct svc_cli *cli, int argc, char **argv)
{
	static const int collect_ok[] = { O_AMOUNT, O_METHOD, O_BY, 'n', 0 };
	static const int receive_ok[] = { O_AMOUNT, O_METHOD, 'n', 0 };
	static const int refund_ok[] = { O_AMOUNT, O_METHOD, O_REASON, 'n', 0 };
	const char *verb = cli->verb->name;
	struct opts o;

	options(cli, argc, argv, !strcmp(verb, "collect") ? collect_ok :
	    !strcmp(verb, "receive") ? receive_ok : refund_ok, &o);
	svc_cli_need(cli, argc - optind, 1, 1);
	o.take.amount = amount(cli, o.amount);
	if (!strcmp(verb, "refund") && (o.reason == NULL || !*o.reason)) {
		svc_warnx("refund: --reason is required");
		svc_cli_usage(cli);
	}
	if (!strcmp(verb, "refund") || !strcmp(verb, "receive"))
		o.take.by = svc_actor();
	svc_cli_batch(cli, 1, argv + optind, 1, take_one, &o);
}

static int
void_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_void(cli->db, key, o->reason, e);
}

static int
cmd_void(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_REASON, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.reason == NULL || *o.reason == '\0') {
		svc_warnx("void: --reason is required");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 0, void_one, &o);
}

/* C4: one handover; prints its id, expected, counted and difference. */
static int
cmd_handover(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_COUNTED, 'n', 0 };
	static const struct svc_col cols[] = {
		{ NC_("column", "handover"), SVC_COL_INT, 0, 0 },
		{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "expected"), SVC_COL_MONEY, 0, 0 },
		{ NC_("column", "counted"), SVC_COL_MONEY, 0, 0 },
		{ NC_("column", "difference"), SVC_COL_MONEY, 0, 0 },
	};
	struct svc_err e = { 0 };
	struct svc_handover h;
	struct svc_out *out;
	struct opts o;
	char diff[32];
	int64_t counted = -1, staff;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 1, 1);
	if (o.counted)
		counted = amount(cli, o.counted);
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);
	if (svc_staff_id(cli->db, argv[optind], &staff, &e) ||
	    svc_handover(cli->db, argv[optind], counted, &h, &e)) {
		svc_db_rollback(cli->db);
		svc_cli_fail(cli, &e);
	}
	if (cli->dry_run)
		svc_db_rollback(cli->db);
	else if (svc_db_commit(cli->db, &e))
		svc_cli_fail(cli, &e);
	if (h.difference && !cli->quiet) {
		svc_money_format(h.difference, diff, sizeof diff);
		svc_warnx("%s: the cash counted differs from the expected by "
		    "%s%s: recorded", argv[optind], h.difference > 0 ? "+" : "",
		    diff);
	}
	out = svc_cli_out(cli, cols, 5);
	svc_out_int(out, h.id);
	svc_out_text(out, argv[optind]);
	svc_out_money(out, h.expected);
	svc_out_money(out, h.counted);
	svc_out_money(out, h.difference);
	svc_out_row(out);
	svc_cli_out_end(cli, out);
	svc_db_close(cli->db);
	return 0;
}

static int
cmd_held(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { 0 };
	static const struct svc_col cols[] = {
		{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "amount"), SVC_COL_MONEY, 0, 0 },
		{ NC_("column", "collections"), SVC_COL_INT, 0, 0 },
		{ NC_("column", "oldest"), SVC_COL_TIME, 0, 0 },
	};
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 1);
	svc_cli_open(cli, SVC_DB_RO);
	svc_cli_known(cli, SVC_K_LOGIN, NULL, argv[optind]);
	if (svc_held_query(cli->db, optind < argc ? argv[optind] : NULL, &st,
	    &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, cols, 4);
	svc_db_close(cli->db);
	return 0;
}

/* The same list as svc-report unpaid: one definition of "owing". */
static int
cmd_due(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { 0 };
	const struct svc_report *r = svc_report_find(svc_checks, "unpaid");
	struct svc_report_filter f = { 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_open(cli, SVC_DB_RO);
	if (svc_report_prepare(cli->db, r, &f, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, r->cols, r->ncols);
	svc_db_close(cli->db);
	return 0;
}

struct printing {
	struct svc_cli *cli;
	int width, n;
};

static int
print_receipt(struct printing *p, const char *no)
{
	struct svc_buf b = { 0 };
	struct svc_err e = { 0 };
	int rc;

	if ((rc = svc_receipt_text(p->cli->db, no, p->width, &b, &e)) == 0) {
		/* a receipt printer obeys escape sequences: none from data */
		svc_text_defang(b.s, b.len, 1);
		printf("%s%s", p->n++ ? "\n" : "", b.s);
	}
	else
		svc_warnx("%s", e.msg);
	svc_buf_free(&b);
	return rc;
}

/* A receipt number, or an order id: every receipt of that order. */
static int
receipt_one(const char *key, void *arg)
{
	struct printing *p = arg;
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int64_t id;
	int rc = 0, found = 0;

	if (svc_id_parse(key, &id) != 0)
		return print_receipt(p, key);
	if (svc_db_prepare(p->cli->db, "SELECT receipt_no FROM payment"
	    " WHERE order_id = ?1 ORDER BY id", &st, &e))
		svc_cli_fail(p->cli, &e);
	svc_bind_int64(st, 1, id);
	while (svc_step(st) == SVC_ROW) {
		found = 1;
		rc |= print_receipt(p, svc_col_text(st, 0));
	}
	svc_finalize(st);
	if (!found) {
		svc_warnx("%s: no receipts", key);
		return SVC_EX_NOINPUT;
	}
	return rc;
}

static int
cmd_receipt(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_WIDTH, 0 };
	struct printing p = { cli, 48, 0 };
	struct svc_err e = { 0 };
	struct opts o;
	int rc;

	options(cli, argc, argv, ok, &o);
	p.width = o.width;
	svc_cli_open(cli, SVC_DB_RO);
	rc = svc_ids_each(argv + optind, argc - optind, stdin, 0, receipt_one,
	    &p, &e);
	if (e.code)
		svc_cli_fail(cli, &e);
	svc_db_close(cli->db);
	return rc;
}

static const struct svc_verb verbs[] = {
	{ "bill", cmd_bill, "bill [ID...]",
	    N_("What each order owes: services, extra lines, what warranty covers\n"
	    "(A7), payments, refunds and the balance.\n") },
	{ "charge", cmd_charge, "charge [ID...] [--item CODE[:QTY]]... "
	    "[--amount X --what TEXT] [-n] [-k]",
	    N_("Add lines: catalogue items, or an amount for parts or extra work.\n") },
	{ "collect", cmd_take, "collect ID --amount X [--method M] "
	    "[--by LOGIN] [-n]",
	    N_("The worker collects on site (C4); a receipt is issued (A11).\n"
	    "Methods: cash (default), card, transfer, wechat, alipay.\n") },
	{ "receive", cmd_take, "receive ID --amount X [--method M] [-n]",
	    N_("The customer pays at the finance department (C4); a receipt.\n") },
	{ "receipt", cmd_receipt, "receipt [NO|ID...] [--width 32|48|80]",
	    N_("Print receipts by number, or every receipt of an order.\n") },
	{ "void", cmd_void, "void NO... --reason TEXT [-n] [-k]",
	    N_("Void a receipt (finance): the number stays, the money stops\n"
	    "counting.\n") },
	{ "refund", cmd_take, "refund ID --amount X --reason TEXT "
	    "[--method M] [-n]",
	    N_("Pay money back (finance), with its own receipt.\n") },
	{ "handover", cmd_handover, "handover LOGIN [--counted X] [-n]",
	    N_("The worker hands the cash they collected to finance (C4):\n"
	    "prints the handover, expected, counted and the difference.\n") },
	{ "held", cmd_held, "held [LOGIN]",
	    N_("Cash held by workers, not yet handed over, oldest first.\n") },
	{ "due", cmd_due, "due",
	    N_("Orders done and still owing money.\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-pay", verbs);
}

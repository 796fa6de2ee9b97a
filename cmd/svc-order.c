/*
 * svc-order - register every request, reply within the working-day
 * deadline, keep the registration archive (C1, G1, G2, G4, G5, G6).
 * See svc-order(1).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum {
	O_KIND = 0x200, O_SERVICE, O_CUSTOMER, O_PHONE, O_ADDRESS, O_CHANNEL,
	O_GROUP, O_WANT, O_DEPT, O_PRODUCT, O_FAULT, O_NOTE, O_AT, O_UNTIL,
	O_DOCUMENTS, O_FORCE, O_REASON, O_BY, O_NOTIFIED, O_STATUS, O_SINCE, O_ON, O_OVERDUE,
	O_LIMIT, O_YAML, O_EMAIL
};

static const struct option long_opts[] = {
	SVC_COMMON_LONG, SVC_WRITE_LONG,
	{ "kind", required_argument, NULL, O_KIND },
	{ "service", required_argument, NULL, O_SERVICE },
	{ "customer", required_argument, NULL, O_CUSTOMER },
	{ "phone", required_argument, NULL, O_PHONE },
	{ "email", required_argument, NULL, O_EMAIL },
	{ "address", required_argument, NULL, O_ADDRESS },
	{ "channel", required_argument, NULL, O_CHANNEL },
	{ "group", required_argument, NULL, O_GROUP },
	{ "want", required_argument, NULL, O_WANT },
	{ "dept", required_argument, NULL, O_DEPT },
	{ "product", required_argument, NULL, O_PRODUCT },
	{ "fault", required_argument, NULL, O_FAULT },
	{ "note", required_argument, NULL, O_NOTE },
	{ "at", required_argument, NULL, O_AT },
	{ "until", required_argument, NULL, O_UNTIL },
	{ "documents", required_argument, NULL, O_DOCUMENTS },
	{ "force", no_argument, NULL, O_FORCE },
	{ "reason", required_argument, NULL, O_REASON },
	{ "by", required_argument, NULL, O_BY },
	{ "notified", required_argument, NULL, O_NOTIFIED },
	{ "status", required_argument, NULL, O_STATUS },
	{ "since", required_argument, NULL, O_SINCE },
	{ "on", required_argument, NULL, O_ON },
	{ "overdue", no_argument, NULL, O_OVERDUE },
	{ "limit", required_argument, NULL, O_LIMIT },
	{ "yaml", no_argument, NULL, O_YAML },
	{ NULL, 0, NULL, 0 }
};

#define MAX_LINES 64

/* Everything any verb may be given; each verb takes some of it. */
struct opts {
	struct svc_order_in in;
	struct svc_line lines[MAX_LINES];
	struct svc_reply reply;
	struct svc_move move;	/* cancel: the notice given (G9) */
	struct svc_order_filter filter;
	const char *want, *at, *until, *since, *on, *by, *notified;
	int yaml;
};

static const int person_opts[] = {
	O_KIND, O_SERVICE, O_CUSTOMER, O_PHONE, O_EMAIL, O_ADDRESS, O_CHANNEL,
	O_GROUP, O_WANT, O_DEPT, O_PRODUCT, O_FAULT, O_NOTE, 'n', 'k', 0
};
static const int accept_opts[] = {
	O_AT, O_UNTIL, O_DOCUMENTS, O_NOTE, O_FORCE, 'n', 'k', 0
};
static const int close_opts[] = { O_REASON, O_NOTE, 'n', 'k', 0 };
static const int cancel_opts[] = { O_REASON, O_NOTE, O_BY, O_NOTIFIED, 'n',
	'k', 0 };
static const int list_opts[] = {
	O_STATUS, O_KIND, O_DEPT, O_CUSTOMER, O_SINCE, O_UNTIL, O_ON,
	O_OVERDUE, O_LIMIT, 0
};
static const int export_opts[] = {
	O_STATUS, O_KIND, O_DEPT, O_CUSTOMER, O_SINCE, O_UNTIL, O_ON,
	O_OVERDUE, O_LIMIT, O_YAML, 0
};
static const int import_opts[] = { 'n', 0 };
static const int no_opts[] = { 0 };

static int64_t
number(struct svc_cli *cli, const char *s)
{
	int64_t v;

	if (svc_id_parse(s, &v) != 0) {
		svc_warnx("%s: not a positive number", s);
		svc_cli_usage(cli);
	}
	return v;
}

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct svc_err e = { 0 };
	struct opts *o = ctx;

	switch (c) {
	case O_KIND: o->in.kind = o->filter.kind = arg; break;
	case O_SERVICE:
		if (o->in.nlines == MAX_LINES)
			svc_die(SVC_EX_USAGE, "at most %d services", MAX_LINES);
		if (svc_line_parse(arg, &o->lines[o->in.nlines], &e))
			svc_cli_fail(cli, &e);
		o->in.nlines++;
		break;
	case O_CUSTOMER: o->in.customer = o->filter.customer = arg; break;
	case O_PHONE: o->in.phone = arg; break;
	case O_EMAIL: o->in.email = arg; break;
	case O_ADDRESS: o->in.address = arg; break;
	case O_CHANNEL: o->in.channel = arg; break;
	case O_GROUP: o->in.group = arg; break;
	case O_WANT: o->want = arg; break;
	case O_DEPT: o->in.dept = o->filter.dept = arg; break;
	case O_PRODUCT: o->in.product = arg; break;
	case O_FAULT: o->in.fault = arg; break;
	case O_NOTE: o->in.note = o->reply.note = arg; break;
	case O_AT: o->at = arg; break;
	case O_UNTIL: o->until = arg; break;
	case O_DOCUMENTS: o->reply.documents = arg; break;
	case O_FORCE: o->reply.force = 1; break;
	case O_REASON: o->reply.reason = arg; break;
	case O_BY: o->by = arg; break;
	case O_NOTIFIED: o->notified = arg; break;
	case O_STATUS: o->filter.statuses = arg; break;
	case O_SINCE: o->since = arg; break;
	case O_ON: o->on = arg; break;
	case O_OVERDUE: o->filter.overdue = 1; break;
	case O_LIMIT: o->filter.limit = number(cli, arg); break;
	case O_YAML: o->yaml = 1; break;
	}
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	o->in.lines = o->lines;
	svc_cli_options(cli, argc, argv, long_opts, NULL, allowed, option, o);
}

/* One batch over ids from the arguments or stdin (DESIGN section 2). */
static int
cmd_new(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct opts o;
	int64_t id;
	char key[24];

	options(cli, argc, argv, person_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	if (o.want)
		o.in.want_at = svc_cli_time(cli, o.want);
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);
	if (svc_order_new(cli->db, &cli->conf, &o.in, &id, &e) != 0) {
		svc_db_rollback(cli->db);
		svc_cli_fail(cli, &e);
	}
	snprintf(key, sizeof key, "%lld", (long long)id);
	svc_buf_printf(&cli->changed, "%s\n", key);
	cli->nok++;
	svc_batch_end(cli);
}

static int
edit_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_order_edit(cli->db, &cli->conf, svc_cli_id(key), &o->in, e);
}

static int
cmd_edit(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, person_opts, &o);
	if (o.want)
		o.in.want_at = svc_cli_time(cli, o.want);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, edit_one, &o);
}

/* A rule broken by a person is recorded, and said (DESIGN section 6). */
static void
warn_late(struct svc_cli *cli, const char *key, const struct svc_reply *r)
{
	if (r->late && !cli->quiet)
		svc_warnx("%s: replied after the deadline (G5): recorded as "
		    "late", key);
}

static int
accept_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;
	struct svc_reply r = o->reply;

	if (svc_order_accept(cli->db, &cli->conf, svc_cli_id(key), &r, e))
		return e->code;
	warn_late(cli, key, &r);
	svc_cli_warn_quiet(cli, key, r.quiet, r.at);
	return 0;
}

static int
cmd_accept(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, accept_opts, &o);
	if (o.at == NULL) {
		svc_warnx("accept: --at is required");
		svc_cli_usage(cli);
	}
	o.reply.at = svc_cli_time(cli, o.at);
	if (o.until)
		o.reply.until = svc_cli_time(cli, o.until);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, accept_one, &o);
}

/*
 * G9: the provider calling off an agreed appointment is measured like a
 * move; "--by applicant" records the applicant's own withdrawal.
 */
static int
cancel_one(struct svc_cli *cli, const char *key, const struct opts *o,
    struct svc_reply *r, struct svc_err *e)
{
	struct svc_move m = o->move;

	if (svc_cancel_notice(cli->db, &cli->conf, svc_cli_id(key), &m, e) ||
	    svc_order_cancel(cli->db, svc_cli_id(key), r, e))
		return e->code;
	svc_cli_warn_notice(cli, key, &m);
	return 0;
}

static int
close_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;
	struct svc_reply r = o->reply;
	int rc;

	if (strcmp(cli->verb->name, "refuse") == 0)
		rc = svc_order_refuse(cli->db, svc_cli_id(key), &r, e);
	else
		rc = cancel_one(cli, key, o, &r, e);
	if (rc == 0)
		warn_late(cli, key, &r);
	return rc;
}

static int
reopen_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_order_reopen(cli->db, svc_cli_id(key), o->reply.reason, e);
}

/* The only way back from closed: an admin, with a reason. */
static int
cmd_reopen(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_REASON, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.reply.reason == NULL || *o.reply.reason == '\0') {
		svc_warnx("reopen: --reason is required");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1, reopen_one, &o);
}

/* refuse (G5: the reason is required) and cancel (the applicant's). */
static int
cmd_close(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, strcmp(cli->verb->name, "cancel") ? close_opts :
	    cancel_opts, &o);
	if (o.reply.reason == NULL || *o.reply.reason == '\0') {
		svc_warnx("%s: --reason is required", cli->verb->name);
		svc_cli_usage(cli);
	}
	if (o.by && strcmp(o.by, "provider") && strcmp(o.by, "applicant")) {
		svc_warnx("%s: --by is provider or applicant", o.by);
		svc_cli_usage(cli);
	}
	o.move.applicant = o.by && strcmp(o.by, "applicant") == 0;
	o.move.reason = o.reply.reason;
	svc_cli_config(cli);	/* the clock: SVC_NOW */
	o.move.notified = o.notified ? svc_cli_time(cli, o.notified) :
	    svc_now();
	o.move.typed = o.notified != NULL;	/* else its message proves it */
	svc_cli_batch(cli, argc - optind, argv + optind, 1, close_one, &o);
}

static void
filter_times(struct svc_cli *cli, struct opts *o)
{
	struct svc_err e = { 0 };
	int y, m, d;

	if (o->since)
		o->filter.since = svc_cli_time(cli, o->since);
	if (o->until)
		o->filter.until = svc_cli_time(cli, o->until);
	if (o->on) {
		svc_cli_config(cli);
		if (svc_date_parse(o->on, svc_now(), &y, &m, &d, &e))
			svc_cli_fail(cli, &e);
		o->filter.on_from = svc_local_mktime(y, m, d, 0);
		o->filter.on_to = svc_local_mktime(y, m, d, 24 * 60);
	}
}

/* Open to read; a --status, --kind or --dept that does not exist is 64. */
static void
open_filtered(struct svc_cli *cli, const struct opts *o)
{
	struct svc_err e = { 0 };

	svc_cli_open(cli, SVC_DB_RO);
	/* the orders as of one moment, each record whole with them (on a
	 * server, read a few hundred at a time: svc_order_query) */
	if (svc_db_snapshot(cli->db, &e))
		svc_cli_fail(cli, &e);
	svc_cli_known(cli, SVC_K_STATUS, "--status", o->filter.statuses);
	svc_cli_known(cli, SVC_K_KIND, "--kind", o->filter.kind);
	svc_cli_known(cli, SVC_K_DEPT, "--dept", o->filter.dept);
}

/*
 * A row of the list behind its rules: past its reply deadline without a
 * reply (G5), or past its appointment with nobody arrived (G8).
 */
static int
behind(struct svc_stmt *st)
{
	const char *status = svc_col_text(st, 1);
	int due = strcmp(status, "new") == 0 ? 8 :
	    strcmp(status, "assigned") == 0 ? 9 : -1;

	return due >= 0 && svc_col_type(st, due) == SVC_T_INT &&
	    svc_col_int64(st, due) < (int64_t)svc_now();
}

static int
cmd_list(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;

	options(cli, argc, argv, list_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	filter_times(cli, &o);
	open_filtered(cli, &o);
	if (svc_order_query(cli->db, &o.filter, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_marked(cli, st, svc_order_cols, SVC_ORDER_NCOLS, behind);
	svc_db_close(cli->db);
	return 0;
}

struct show {
	struct svc_cli *cli;
	struct svc_out *out;	/* tsv, csv: the list's columns */
	int n;
};

/* The record for a terminal: no escape sequence from stored text. */
static int
sheet(struct svc_cli *cli, int64_t id, struct svc_err *e)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int rc;

	if (f == NULL)
		return svc_seterr(e, SVC_EX_SOFTWARE, "out of memory");
	rc = svc_order_sheet(cli->db, id, f, e);
	fclose(f);
	len = svc_text_defang(text, len, 1);
	fwrite(text, 1, len, stdout);
	free(text);
	return rc;
}

static int
show_one(const char *key, void *arg)
{
	struct show *sh = arg;
	struct svc_cli *cli = sh->cli;
	struct svc_order_filter f = { 0 };
	struct svc_buf b = { 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int i, rc = 0;

	if (cli->fmt == SVC_FMT_TABLE) {
		if (sh->n++)
			putchar('\n');
		rc = sheet(cli, svc_cli_id(key), &e);
	} else if (cli->fmt == SVC_FMT_JSON) {
		if ((rc = svc_order_json(cli->db, svc_cli_id(key), &b, &e)) == 0)
			printf("%s\n", b.s);
	} else {
		f.id = svc_cli_id(key);
		if ((rc = svc_order_query(cli->db, &f, &st, &e)) == 0) {
			if (svc_step(st) == SVC_ROW) {
				for (i = 0; i < SVC_ORDER_NCOLS; i++)
					svc_out_column(sh->out, st, i);
				svc_out_row(sh->out);
			} else {
				rc = svc_seterr(&e, SVC_EX_NOINPUT,
				    "%s: no such order", key);
			}
			svc_finalize(st);
		}
	}
	svc_buf_free(&b);
	if (rc)
		svc_warnx("%s", e.msg);
	return rc;
}

/* Read-only verbs over ids: show, notice. */
static int
each_id(struct svc_cli *cli, int argc, char **argv, svc_id_fn fn,
    struct show *sh)
{
	struct svc_err e = { 0 };
	int rc;

	svc_cli_open(cli, SVC_DB_RO);
	rc = svc_ids_each(argv, argc, stdin, 1, fn, sh, &e);
	if (sh->out)
		svc_cli_out_end(cli, sh->out);
	if (e.code)
		svc_cli_fail(cli, &e);
	svc_db_close(cli->db);
	return rc;
}

static int
cmd_show(struct svc_cli *cli, int argc, char **argv)
{
	struct show sh = { cli, NULL, 0 };
	struct opts o;

	options(cli, argc, argv, no_opts, &o);
	if (cli->fmt == SVC_FMT_TSV || cli->fmt == SVC_FMT_CSV)
		sh.out = svc_cli_out(cli, svc_order_cols, SVC_ORDER_NCOLS);
	return each_id(cli, argc - optind, argv + optind, show_one, &sh);
}

static int
notice_one(const char *key, void *arg)
{
	struct show *sh = arg;
	struct svc_buf b = { 0 };
	struct svc_err e = { 0 };
	int rc;

	if ((rc = svc_order_notice(sh->cli->db, svc_cli_id(key), &b, &e)) == 0) {
		svc_text_defang(b.s, b.len, 1);
		printf("%s%s", sh->n++ ? "\n" : "", b.s);
	}
	else
		svc_warnx("%s", e.msg);
	svc_buf_free(&b);
	return rc;
}

static int
cmd_notice(struct svc_cli *cli, int argc, char **argv)
{
	struct show sh = { cli, NULL, 0 };
	struct opts o;

	options(cli, argc, argv, no_opts, &o);
	return each_id(cli, argc - optind, argv + optind, notice_one, &sh);
}

/* Full records for the archive: JSON Lines, or a YAML list (--yaml). */
static int
cmd_export(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct svc_buf b[SVC_RECORDS_AT_ONCE] = { { 0 } };
	int64_t ids[SVC_RECORDS_AT_ONCE];
	struct svc_stmt *st;
	struct opts o;
	int rc, n, i;

	options(cli, argc, argv, export_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	filter_times(cli, &o);
	open_filtered(cli, &o);
	if (svc_order_query(cli->db, &o.filter, &st, &e))
		svc_cli_fail(cli, &e);
	/* the ids in order, their records read a few dozen at a time */
	do {
		for (n = 0; n < SVC_RECORDS_AT_ONCE &&
		    (rc = svc_step(st)) == SVC_ROW; n++)
			ids[n] = svc_col_int64(st, 0);
		if (n > 0 && svc_order_json_many(cli->db, ids, n, b, &e))
			svc_cli_fail(cli, &e);
		for (i = 0; i < n; i++)
			printf("%s%s\n", o.yaml ? "- " : "", b[i].s);
	} while (n == SVC_RECORDS_AT_ONCE);
	svc_finalize(st);
	for (i = 0; i < SVC_RECORDS_AT_ONCE; i++)
		svc_buf_free(&b[i]);
	if (rc != SVC_DONE) {
		svc_db_error(cli->db, rc, &e);
		svc_cli_fail(cli, &e);
	}
	svc_db_close(cli->db);
	return 0;
}

/* The service catalogue of the configuration (C3, G6). */
static int
cmd_catalogue(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ NC_("column", "code"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "kind"), SVC_COL_CODE, 0, 0 },
		{ NC_("column", "name"), SVC_COL_TEXT, 20, 0 },
		{ NC_("column", "price"), SVC_COL_MONEY, 0, 0 },
		{ NC_("column", "minutes"), SVC_COL_INT, 0, 0 },
		{ NC_("column", "dept"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "documents"), SVC_COL_TEXT, 40, 0 },
	};
	const struct svc_service *sv;
	struct svc_buf docs = { 0 };
	struct svc_out *out;
	struct opts o;
	int i, j;

	options(cli, argc, argv, (const int[]){ O_KIND, 0 }, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_config(cli);
	svc_cli_known(cli, SVC_K_KIND, "--kind", o.in.kind);
	out = svc_cli_out(cli, cols, 7);
	for (i = 0; i < cli->conf.nservices; i++) {
		sv = &cli->conf.services[i];
		if (o.in.kind && strcmp(o.in.kind, sv->kind) != 0)
			continue;
		svc_buf_reset(&docs);
		for (j = 0; j < sv->ndocuments; j++)
			svc_buf_printf(&docs, "%s%s", j ? ";" : "",
			    sv->documents[j]);
		svc_out_text(out, sv->code);
		svc_out_text(out, sv->kind);
		svc_out_text(out, sv->name);
		svc_out_money(out, sv->price);
		svc_out_int(out, sv->minutes);
		svc_out_text(out, sv->dept);
		svc_out_text(out, docs.s ? docs.s : "");
		svc_out_row(out);
	}
	svc_buf_free(&docs);
	svc_cli_out_end(cli, out);
	return 0;
}

static void
imported(int64_t id, void *arg)
{
	struct svc_cli *cli = arg;

	svc_cli_made(cli, id);
	cli->nok++;
}

/* Every bad record is a line on stderr, up to a score: the first ones tell. */
#define MAX_REPORTED 20

static void
rejected(const char *msg, void *arg)
{
	static int n;

	(void)arg;
	if (n++ < MAX_REPORTED)
		svc_warnx("%s", msg);
}

static int
cmd_import(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct opts o;
	int nbad;

	options(cli, argc, argv, import_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 1);
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);
	if (svc_order_import(cli->db, &cli->conf, optind < argc ?
	    argv[optind] : "-", imported, rejected, cli, &nbad, &e) != 0) {
		svc_db_rollback(cli->db);
		/* Bad records were reported one by one; say the outcome. */
		if (nbad)
			svc_die(e.code, "nothing imported: %d bad record%s%s",
			    nbad, nbad == 1 ? "" : "s", nbad > MAX_REPORTED ?
			    " (the first ones shown)" : "");
		svc_cli_fail(cli, &e);
	}
	if (!cli->quiet && !cli->dry_run)
		svc_warnx("%d orders imported", cli->nok);
	svc_batch_end(cli);
}

static const struct svc_verb verbs[] = {
	{ "new", cmd_new, "new --customer NAME --phone PHONE --address TEXT "
	    "[--email ADDR] [--kind KIND] [--service CODE[:QTY]]... [--channel CH] "
	    "[--group GROUP] [--want TIME] [--dept CODE] [--product BARCODE] "
	    "[--fault TEXT] [--note TEXT] [-n]",
	    N_("Register one request and print its id.  The reply is due\n"
	    "reply_within after now, on the working calendar (G5).\n\n"
	    "  --kind KIND          cleaning, repair or gov (or implied by the services)\n"
	    "  --service CODE[:QTY] a service from the catalogue; repeat for more\n"
	    "  --customer NAME      the applicant\n"
	    "  --phone PHONE        the applicant's phone (customers are kept by phone)\n"
	    "  --email ADDR         the applicant's e-mail, for messages besides SMS\n"
	    "  --address TEXT       where the visit is\n"
	    "  --channel CH         window, phone, office or online (default phone)\n"
	    "  --group GROUP        elderly, frail, sick, disabled or key-project (G2)\n"
	    "  --want TIME          the time the applicant asked for\n"
	    "  --dept CODE          the department (default the services')\n"
	    "  --product BARCODE    the product, for repairs\n"
	    "  --fault TEXT         the fault as the customer reports it (A3)\n"
	    "  --note TEXT          anything else\n"
	    "  -n, --dry-run        check and print, write nothing\n") },
	{ "import", cmd_import, "import [FILE] [-n]",
	    N_("Register many requests from YAML (a list of mappings with the\n"
	    "fields of new) or from the JSON Lines of export; one transaction.\n") },
	{ "list", cmd_list, "list [--status S[,S...]] [--kind KIND] "
	    "[--dept CODE] [--customer TEXT] [--since TIME] [--until TIME] "
	    "[--on DAY] [--overdue] [--limit N]",
	    N_("  --status S[,S...]    new, accepted, refused, cancelled; or closed\n"
	    "                       alone: settled, whatever state it ended in\n"
	    "  --kind KIND          cleaning, repair or gov\n"
	    "  --dept CODE          one department\n"
	    "  --customer TEXT      part of the name or phone\n"
	    "  --since TIME         registered at or after\n"
	    "  --until TIME         registered before\n"
	    "  --on DAY             with an appointment that day\n"
	    "  --overdue            no reply yet and past the deadline (G5)\n"
	    "  --limit N            at most N orders\n") },
	{ "show", cmd_show, "show [ID...]",
	    N_("The whole record with its history (G4): a sheet on a terminal,\n"
	    "one JSON object per order with -o json.\n") },
	{ "accept", cmd_accept, "accept [ID...] --at TIME [--until TIME] "
	    "[--documents \"A;B\"] [--note TEXT] [--force] [-n] [-k]",
	    N_("  --at TIME            the agreed time\n"
	    "  --until TIME         its end (default: the services' minutes)\n"
	    "  --documents \"A;B\"    documents beyond the catalogue's (G6)\n"
	    "  --force              outside working hours (G7), in the past or\n"
	    "                       without an eligible group (G2); needs --note\n"
	    "  -n, --dry-run        check and print, write nothing\n"
	    "  -k, --keep-going     apply the good ones, exit 1\n") },
	{ "refuse", cmd_close, "refuse [ID...] --reason TEXT [--note TEXT] "
	    "[-n] [-k]",
	    N_("The reply \"no\"; the reason is required (G5).\n") },
	{ "cancel", cmd_close, "cancel [ID...] --reason TEXT [--note TEXT] "
	    "[--by provider|applicant] [--notified TIME] [-n] [-k]",
	    N_("Call the order off.  An agreed appointment the provider cancels is\n"
	    "measured like a move (G9): the notice the applicant was given is\n"
	    "recorded, and a short one shows in svc-report notice.\n"
	    "  --by WHO         provider (default) or applicant: the applicant's\n"
	    "                   own withdrawal never counts against anyone\n"
	    "  --notified TIME  when the applicant was told (default now)\n") },
	{ "reopen", cmd_reopen, "reopen [ID...] --reason TEXT [-n] [-k]",
	    N_("Take a closed order back (an admin only), to correct its money,\n"
	    "review or return call; an event.  The next command that settles\n"
	    "it closes it again.\n") },
	{ "notice", cmd_notice, "notice [ID...]",
	    N_("The text for the applicant: time, address, every document and\n"
	    "the department's phone (G3, G6); or the reason of a refusal.\n") },
	{ "edit", cmd_edit, "edit [ID...] [--customer NAME] [--phone PHONE] "
	    "[--email ADDR] [--address TEXT] [--service CODE[:QTY]]... [--channel CH] "
	    "[--group GROUP] [--want TIME] [--dept CODE] [--product BARCODE] "
	    "[--fault TEXT] [--note TEXT] [-n] [-k]",
	    N_("Correct an order before any visit; --service replaces the\n"
	    "services; an empty value clears group, dept, product, fault, note.\n"
	    "Each edit is an event with the old and new values.\n") },
	{ "export", cmd_export, "export [--yaml] [--status S[,S...]] "
	    "[--kind KIND] [--dept CODE] [--customer TEXT] [--since TIME] "
	    "[--until TIME] [--on DAY] [--overdue] [--limit N]",
	    N_("Full records with services and history as JSON Lines, or a YAML\n"
	    "list with --yaml; import reads either back.  The filters are\n"
	    "those of list (svc-order list --help).\n") },
	{ "catalogue", cmd_catalogue, "catalogue [--kind KIND]",
	    N_("The services of the configuration: code, kind, name, price,\n"
	    "minutes, department and the documents each requires (G6).\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-order", verbs);
}

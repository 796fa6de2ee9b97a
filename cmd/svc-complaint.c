/*
 * svc-complaint - the complaints office (G11): register, assign, resolve.
 * Upheld complaints count in the year-end evaluation (G12).
 * See svc-complaint(1).
 */
#include <string.h>

#include "cli.h"

enum {
	O_ORDER = 0x200, O_CUSTOMER, O_PHONE, O_TEXT, O_OPEN, O_TO,
	O_RESOLUTION, O_UPHELD, O_REJECTED
};

static const struct option long_opts[] = {
	SVC_COMMON_LONG, SVC_WRITE_LONG,
	{ "order", required_argument, NULL, O_ORDER },
	{ "customer", required_argument, NULL, O_CUSTOMER },
	{ "phone", required_argument, NULL, O_PHONE },
	{ "text", required_argument, NULL, O_TEXT },
	{ "open", no_argument, NULL, O_OPEN },
	{ "to", required_argument, NULL, O_TO },
	{ "resolution", required_argument, NULL, O_RESOLUTION },
	{ "upheld", no_argument, NULL, O_UPHELD },
	{ "rejected", no_argument, NULL, O_REJECTED },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	const char *order, *customer, *phone, *text, *to, *resolution;
	int open, verdict;	/* verdict: 1 upheld, 2 rejected */
	const char *said_verdict;	/* --upheld or --rejected, once */
};

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct opts *o = ctx;

	(void)cli;
	switch (c) {
	case O_ORDER: o->order = arg; break;
	case O_CUSTOMER: o->customer = arg; break;
	case O_PHONE: o->phone = arg; break;
	case O_TEXT: o->text = arg; break;
	case O_OPEN: o->open = 1; break;
	case O_TO: o->to = arg; break;
	case O_RESOLUTION: o->resolution = arg; break;
	case O_UPHELD:
		svc_cli_exclusive(&o->said_verdict, "--upheld");
		o->verdict = 1;
		break;
	case O_REJECTED:
		svc_cli_exclusive(&o->said_verdict, "--rejected");
		o->verdict = 2;
		break;
	}
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	svc_cli_options(cli, argc, argv, long_opts, NULL, allowed, option, o);
}

/* Prints the new complaint's id. */
static int
cmd_new(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_ORDER, O_CUSTOMER, O_PHONE, O_TEXT, 'n', 0 };
	struct svc_err e = { 0 };
	int64_t order = 0, id;
	struct opts o;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	if (o.order && svc_id_parse(o.order, &order) != 0) {
		svc_warnx("%s: not an order id", o.order);
		svc_cli_usage(cli);
	}
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);
	if (svc_complaint_new(cli->db, order, o.customer, o.phone, o.text, &id,
	    &e)) {
		svc_db_rollback(cli->db);
		svc_cli_fail(cli, &e);
	}
	svc_cli_made(cli, id);
	cli->nok++;
	svc_batch_end(cli);
}

static int
assign_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_complaint_assign(cli->db, svc_cli_id(key), o->to, e);
}

static int
cmd_assign(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_TO, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.to == NULL) {
		svc_warnx("assign: --to LOGIN is required");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1, assign_one, &o);
}

static int
resolve_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_complaint_resolve(cli->db, svc_cli_id(key), o->resolution,
	    o->verdict == 1, e);
}

static int
cmd_resolve(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_RESOLUTION, O_UPHELD, O_REJECTED, 'n', 'k',
		0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.resolution == NULL || o.verdict == 0) {
		svc_warnx("resolve: --resolution and --upheld or --rejected "
		    "are required");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1, resolve_one, &o);
}

/* A narrow table drops dept, phone, upheld, resolution in that order:
 * the office reads the complaint and who has it. */
static const struct svc_col cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "status"), SVC_COL_CODE, 0, 0 },
	{ NC_("column", "order"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
	{ NC_("column", "phone"), SVC_COL_TEXT, 0, 2 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "at"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "assigned_to"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "text"), SVC_COL_TEXT, 30, 0 },
	{ NC_("column", "upheld"), SVC_COL_BOOL, 0, 3 },
	{ NC_("column", "resolution"), SVC_COL_TEXT, 30, 4 },
};

static int
cmd_list(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_OPEN, 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_open(cli, SVC_DB_RO);
	if (svc_complaint_query(cli->db, o.open, 0, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, cols, 11);
	svc_db_close(cli->db);
	return 0;
}

static int
cmd_show(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;
	int64_t id;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 1, 1);
	if (svc_id_parse(argv[optind], &id) != 0)
		svc_cli_usage(cli);
	svc_cli_open(cli, SVC_DB_RO);
	if (svc_complaint_query(cli->db, 0, id, &st, &e))
		svc_cli_fail(cli, &e);
	if (svc_cli_stmt_out(cli, st, cols, 11) == 0)
		svc_die(SVC_EX_NOINPUT, "%s: no such complaint", argv[optind]);
	svc_db_close(cli->db);
	return 0;
}

static const struct svc_verb verbs[] = {
	{ "new", cmd_new, "new [--order ID] [--customer NAME --phone PHONE] "
	    "--text TEXT [-n]",
	    N_("Register a complaint (G11) and print its id: about an order, or\n"
	    "from a customer known by phone.\n") },
	{ "list", cmd_list, "list [--open]",
	    N_("Complaints, oldest first; --open only those not resolved.\n") },
	{ "show", cmd_show, "show ID",
	    N_("One complaint.\n") },
	{ "assign", cmd_assign, "assign [ID...] --to LOGIN [-n] [-k]",
	    N_("Give complaints to a person of the office.\n") },
	{ "resolve", cmd_resolve, "resolve [ID...] --resolution TEXT "
	    "--upheld|--rejected [-n] [-k]",
	    N_("Close complaints; upheld ones count in the evaluation (G12).\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-complaint", verbs);
}

/*
 * svc-product - the product registry for warranty by barcode (A5).
 * See svc-product(1).
 */
#include <string.h>

#include "cli.h"

static void
options(struct svc_cli *cli, int argc, char **argv, int writes)
{
	static const struct option lo[] = { SVC_COMMON_LONG, SVC_WRITE_LONG,
		{ NULL, 0, NULL, 0 } };
	int c;

	while ((c = getopt_long(argc, argv, SVC_COMMON_SHORT SVC_WRITE_SHORT,
	    lo, NULL)) != -1) {
		if (!writes && (c == 'n' || c == 'k'))
			svc_cli_usage(cli);
		svc_cli_option(cli, c, optarg);
	}
}

static int
cmd_import(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	int n;

	options(cli, argc, argv, 1);
	svc_cli_need(cli, argc - optind, 0, 1);
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);
	if (svc_product_import(cli->db, optind < argc ? argv[optind] : "-", &n,
	    &e)) {
		svc_db_rollback(cli->db);
		svc_cli_fail(cli, &e);
	}
	if (!cli->quiet)
		svc_warnx("%d products %s", n, cli->dry_run ? "checked, nothing "
		    "written" : "imported");
	cli->nok = n;
	svc_batch_end(cli);
}

static const struct svc_col show_cols[] = {
	{ NC_("column", "barcode"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "model"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "name"), SVC_COL_TEXT, 24, 0 },
	{ NC_("column", "sold_on"), SVC_COL_DATE, 0, 0 },
	{ NC_("column", "warranty_months"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "covered_until"), SVC_COL_DATE, 0, 0 },
	{ NC_("column", "covered"), SVC_COL_BOOL, 0, 0 },
};

/* Exit 0 when covered today, 1 when not, 66 for an unknown barcode. */
static int
cmd_show(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct svc_warranty w;
	struct svc_out *o;
	time_t now;
	struct tm tm;

	options(cli, argc, argv, 0);
	svc_cli_need(cli, argc - optind, 1, 1);
	svc_cli_open(cli, SVC_DB_RO);
	now = svc_now();
	localtime_r(&now, &tm);
	if (svc_warranty(cli->db, argv[optind], svc_days_from_civil(
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), &w, &e))
		svc_cli_fail(cli, &e);
	if (!cli->quiet) {	/* like test(1): -q answers by the status */
		o = svc_cli_out(cli, show_cols, 7);
		svc_out_text(o, argv[optind]);
		svc_out_text(o, w.model);
		svc_out_text(o, w.name);
		svc_out_date(o, w.sold);
		svc_out_int(o, w.months);
		svc_out_date(o, w.until);
		svc_out_bool(o, w.covered);
		svc_out_row(o);
		svc_cli_out_end(cli, o);
	}
	svc_db_close(cli->db);
	return w.covered ? 0 : SVC_EX_FOUND;
}

static int
cmd_list(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;

	options(cli, argc, argv, 0);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_open(cli, SVC_DB_RO);
	if (svc_product_query(cli->db, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, show_cols, 5);
	svc_db_close(cli->db);
	return 0;
}

static const struct svc_verb verbs[] = {
	{ "import", cmd_import, "import [FILE] [-n]",
	    N_("Add or update products from CSV with a header (barcode, model,\n"
	    "name, sold_on or made_on, warranty_months) or a YAML list (.yaml);\n"
	    "all or nothing.\n") },
	{ "show", cmd_show, "show BARCODE",
	    N_("The product, its warranty and whether it is covered today (A5):\n"
	    "exit 0 covered, 1 not covered, 66 unknown.\n") },
	{ "list", cmd_list, "list",
	    N_("Every product in the registry.\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-product", verbs);
}

/*
 * svc-db - create, migrate, check and back up the database (G4: the
 * registration archive must survive).  See svc-db(1).
 */
#include <stdlib.h>

#include "cli.h"

static void
options(struct svc_cli *cli, int argc, char **argv)
{
	static const struct option lo[] = { SVC_COMMON_LONG,
		{ NULL, 0, NULL, 0 } };
	int c;

	while ((c = getopt_long(argc, argv, SVC_COMMON_SHORT, lo, NULL)) != -1)
		svc_cli_option(cli, c, optarg);
}

static int
cmd_init(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ "path", SVC_COL_TEXT, 0 },
		{ "schema", SVC_COL_INT, 0 },
	};
	struct svc_err e = { 0 };
	struct svc_out *o;
	int v;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_open(cli, SVC_DB_RW | SVC_DB_INIT);
	if (svc_db_version(cli->db, &v, &e))
		svc_cli_fail(cli, &e);
	o = svc_cli_out(cli, cols, 2);
	svc_out_text(o, cli->db_path);
	svc_out_int(o, v);
	svc_out_row(o);
	svc_cli_out_end(cli, o);
	svc_db_close(cli->db);
	return 0;
}

/* Problems go to stdout, one a line; exit 1 when there is any. */
static int
cmd_check(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	int n;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 0, 0);
	/* never migrates what it checks: an older schema is a finding */
	svc_cli_open(cli, SVC_DB_RO | SVC_DB_ANY);
	if ((n = svc_db_check(cli->db, stdout, &e)) < 0)
		svc_cli_fail(cli, &e);
	if (!cli->quiet)
		svc_warnx("%s: %s", cli->db_path, n ? "problems found" :
		    "ok");
	svc_db_close(cli->db);
	return n ? SVC_EX_FOUND : 0;
}

static int
cmd_backup(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 1, 1);
	svc_cli_open(cli, SVC_DB_RO | SVC_DB_ANY);
	if (svc_db_backup(cli->db, argv[optind], &e))
		svc_cli_fail(cli, &e);
	if (!cli->quiet)
		svc_warnx("%s: backed up to %s", cli->db_path, argv[optind]);
	svc_db_close(cli->db);
	return 0;
}

static const struct svc_verb verbs[] = {
	{ "init", cmd_init, "init [options]",
	    "Create the database, or migrate it to this version's schema;\n"
	    "print its path and schema version.  The only verb of svc that\n"
	    "creates or migrates a database.\n" },
	{ "check", cmd_check, "check [options]",
	    "Run the integrity and foreign-key checks and compare the schema\n"
	    "version; print each problem, exit 1 when there is any.  Never\n"
	    "changes the file it checks.\n" },
	{ "backup", cmd_backup, "backup FILE [options]",
	    "Copy a consistent snapshot to FILE, also while others write.\n" },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-db", verbs);
}

/*
 * svc-db - create, migrate, check and back up the database (G4: the
 * registration archive must survive).  See svc-db(1).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

enum { O_DAY = 0x200, O_SEAL };

static const char *opt_day, *opt_seal;	/* seal and verify */

static void
options(struct svc_cli *cli, int argc, char **argv)
{
	static const struct option lo[] = { SVC_COMMON_LONG,
		{ "day", required_argument, NULL, O_DAY },
		{ "seal", required_argument, NULL, O_SEAL },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 } };
	int verify = strcmp(cli->verb->name, "verify") == 0;
	int sealing = verify || strcmp(cli->verb->name, "seal") == 0;
	int copying = strcmp(cli->verb->name, "copy") == 0;
	int c;

	while ((c = getopt_long(argc, argv, SVC_COMMON_SHORT "n", lo,
	    NULL)) != -1)
		if (c == O_DAY && sealing)
			opt_day = optarg;
		else if (c == O_SEAL && verify)
			opt_seal = optarg;
		else if (c == 'n' && copying)
			cli->dry_run = 1;
		else if (c == O_DAY || c == O_SEAL || c == 'n') {
			svc_warnx("%s: option not taken by %s", argv[optind - 1],
			    cli->verb->name);
			svc_cli_usage(cli);
		} else
			svc_cli_option(cli, c, optarg);
}

static int
cmd_init(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ NC_("column", "path"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "schema"), SVC_COL_INT, 0, 0 },
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

/*
 * A copy of the whole shared database, written where the caller says, is
 * an admin's (or root's nightly job): the commands' group reads it all.
 */
static void
shared_admin_only(struct svc_cli *cli)
{
	struct svc_err e = { 0 };
	int yes;

	if (!svc_shared())
		return;
	if (svc_privileged(cli->db, &yes, &e))
		svc_cli_fail(cli, &e);
	if (!yes)
		svc_die(SVC_EX_NOPERM, "%s: installed for several users, only "
		    "an admin backs the database up", cli->verb->name);
}

static int
cmd_backup(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 1, 1);
	svc_cli_open(cli, SVC_DB_RO | SVC_DB_ANY);
	shared_admin_only(cli);
	if (svc_db_backup(cli->db, argv[optind], &e))
		svc_cli_fail(cli, &e);
	if (!cli->quiet)
		svc_warnx("%s: backed up to %s", cli->db_path, argv[optind]);
	svc_db_close(cli->db);
	return 0;
}

/* A SQLite file this run made, removed with what WAL left beside it. */
static void
unmake(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", NULL };
	char name[4096];
	int i;

	for (i = 0; ext[i]; i++) {
		snprintf(name, sizeof name, "%s%s", path, ext[i]);
		unlink(name);
	}
}

/*
 * FROM into TO, a new database of either engine (issue 20); TO is made
 * as svc-db init makes one.  All or nothing: a copy that fails, or with
 * -n one that succeeds, leaves TO as it was, and a file this run made is
 * removed.
 */
static int
cmd_copy(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ NC_("column", "table"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "rows"), SVC_COL_INT, 0, 0 },
	};
	int64_t *rows;
	struct svc_err e = { 0 };
	struct svc_db *from, *to;
	struct svc_out *o;
	const char *src, *dst;
	char *from_shown, *to_shown;	/* without a server's password */
	int i, made;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 2, 2);
	src = argv[optind];
	dst = argv[optind + 1];
	if (strcmp(src, dst) == 0)
		svc_die(SVC_EX_USAGE, "%s: a database is not copied onto "
		    "itself", src);
	svc_cli_config(cli);
	for (i = 0; svc_copy_tables[i]; i++)
		;
	rows = svc_xmalloc((size_t)i * sizeof *rows);	/* one a table */
	from_shown = svc_db_shown(src);
	to_shown = svc_db_shown(dst);
	if (svc_db_open(src, SVC_DB_RO, &from, &e))
		svc_cli_fail(cli, &e);
	made = !svc_db_is_pg(dst) && access(dst, F_OK) != 0;
	if (svc_db_open(dst, SVC_DB_RW | SVC_DB_INIT, &to, &e) == 0 &&
	    svc_db_copy(from, to, to_shown, rows, stdout, cli->dry_run,
	    &e) == 0)
		made = made && cli->dry_run;
	svc_db_close(to);
	svc_db_close(from);
	if (made)
		unmake(dst);
	if (e.code)
		svc_cli_fail(cli, &e);
	o = svc_cli_out(cli, cols, 2);
	for (i = 0; svc_copy_tables[i]; i++) {
		svc_out_text(o, svc_copy_tables[i]);
		svc_out_int(o, rows[i]);
		svc_out_row(o);
	}
	svc_cli_out_end(cli, o);
	if (cli->quiet)
		return 0;
	if (cli->dry_run)
		svc_warnx("dry run: %s copied into %s and proved, nothing kept",
		    from_shown, to_shown);
	else
		svc_warnx("%s copied into %s: every table and sealed chain "
		    "proved", from_shown, to_shown);
	free(from_shown);
	free(to_shown);
	free(rows);
	return 0;
}

/* The day --day names (default today), and the instant it ends. */
static void
seal_day(struct svc_cli *cli, char *name, size_t n, time_t *end)
{
	struct svc_err e = { 0 };
	int y, m, d;

	svc_cli_config(cli);
	if (svc_date_parse(opt_day ? opt_day : "today", svc_now(), &y, &m, &d,
	    &e))
		svc_cli_fail(cli, &e);
	snprintf(name, n, "%04d-%02d-%02d", y, m, d);
	*end = svc_local_mktime(y, m, d, 24 * 60);
}

/* G4: the day's seal, to be printed, signed or published. */
static int
cmd_seal(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ NC_("column", "day"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "seal"), SVC_COL_TEXT, 0, 0 },
	};
	struct svc_err e = { 0 };
	struct svc_out *o;
	char day[16], hash[65];
	time_t end;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 0, 0);
	seal_day(cli, day, sizeof day, &end);
	svc_cli_open(cli, SVC_DB_RO);
	if (svc_seal_day(cli->db, end, hash, &e))
		svc_cli_fail(cli, &e);
	o = svc_cli_out(cli, cols, 2);
	svc_out_text(o, day);
	svc_out_text(o, hash);
	svc_out_row(o);
	svc_cli_out_end(cli, o);
	svc_db_close(cli->db);
	return 0;
}

/*
 * G4: walk every chain; with --seal, also prove the day unchanged since
 * that seal was taken.  Problems on stdout, one a line; exit 1 if any.
 */
static int
cmd_verify(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	char day[16], hash[65];
	time_t end;
	int n;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 0, 0);
	seal_day(cli, day, sizeof day, &end);
	svc_cli_open(cli, SVC_DB_RO);
	/* every chain and the day's seal as of one moment (on a server,
	 * the log read a few hundred rows at a time: pg.c) */
	if (svc_db_snapshot(cli->db, &e) ||
	    (n = svc_seal_verify(cli->db, stdout, &e)) < 0)
		svc_cli_fail(cli, &e);
	if (opt_seal) {
		if (svc_seal_day(cli->db, end, hash, &e))
			svc_cli_fail(cli, &e);
		if (strcmp(hash, opt_seal) != 0) {
			printf("seal\t%s\tthe day's seal is now %s: changed "
			    "since\n", day, hash);
			n++;
		}
	}
	if (!cli->quiet)
		svc_warnx("%s: %s", cli->db_path, n ? "the log does not prove "
		    "itself" : "every chain follows");
	svc_db_close(cli->db);
	return n ? SVC_EX_FOUND : 0;
}

static const struct svc_verb verbs[] = {
	{ "init", cmd_init, "init [options]",
	    N_("Create the database, or migrate it to this version's schema;\n"
	    "print its path and schema version.  The only verb of svc that\n"
	    "creates or migrates a database.\n") },
	{ "check", cmd_check, "check [options]",
	    N_("Run the integrity and foreign-key checks and compare the schema\n"
	    "version; print each problem, exit 1 when there is any.  Never\n"
	    "changes the file it checks.\n") },
	{ "backup", cmd_backup, "backup FILE [options]",
	    N_("Copy a consistent snapshot to FILE, also while others write.\n") },
	{ "copy", cmd_copy, "copy FROM TO [-n] [options]",
	    N_("Copy the whole database FROM into TO, a new database of either\n"
	    "engine (a file, or a PostgreSQL connection string), in one\n"
	    "transaction; prove it (rows of every table, the sealed chains)\n"
	    "before it is kept.  -n proves and keeps nothing.\n") },
	{ "verify", cmd_verify, "verify [--seal HASH [--day DATE]] [options]",
	    N_("Walk the hash chains of events, payments and handovers; print\n"
	    "the first row of each whose hash does not follow, exit 1.\n"
	    "  --seal HASH  also prove the day unchanged since its seal\n"
	    "  --day DATE   the day of --seal (default today)\n") },
	{ "seal", cmd_seal, "seal [--day DATE] [options]",
	    N_("Print the day's seal: one hash over the head of every chain at\n"
	    "the end of DATE (default today), to print, sign or publish.\n"
	    "  --day DATE   the day (default today)\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-db", verbs);
}

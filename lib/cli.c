/*
 * cli.c - the shared command-line layer (see cli.h).
 */
#include <errno.h>
#include <libgen.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef SVC_SHAREDIR
#define SVC_SHAREDIR "/usr/local/share/svc"
#endif
/* The shared install's state and configuration (make install-server). */
#ifndef SVC_STATEDIR
#define SVC_STATEDIR "/var/lib/svc"
#endif
#ifndef SVC_SYSCONFDIR
#define SVC_SYSCONFDIR "/etc/svc"
#endif

static int stdout_failed;	/* reported already: say it once */

/* sbase fshut: data lost on a full disk must not pass as success. */
static void
close_stdout(void)
{
	if (stdout_failed)
		return;
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "%s: write error: %s\n", svc_progname,
		    errno ? strerror(errno) : "stdout");
		_exit(SVC_EX_IOERR);
	}
}

/* "usage:" in the reader's language, the later lines under the first. */
static void
print_verbs(struct svc_cli *cli, FILE *f)
{
	const struct svc_verb *v;
	const char *pre = _("usage:");
	int w = svc_utf8_width(pre);

	for (v = cli->verbs; v->name; v++)
		fprintf(f, "%*s %s %s\n", v == cli->verbs ? 0 : w,
		    v == cli->verbs ? pre : "", svc_progname, v->usage);
}

static const char *const common_help = N_(
    "  -d, --db FILE        the database (default $SVC_DB, the config, "
    "$XDG_DATA_HOME/svc/svc.db)\n"
    "  -c, --config FILE    the configuration (default $SVC_CONFIG, "
    "$XDG_CONFIG_HOME/svc/config.yaml)\n"
    "  -o, --format FMT     table, tsv, csv or json (default: table on a "
    "terminal, else tsv)\n"
    "  -H, --header         a header line in tsv too\n"
    "  -F, --fields LIST    these columns, in this order (a,b,c)\n"
    "  -w, --wide           a table in full: nothing cut or dropped\n"
    "      --excel          csv with a byte order mark, for Excel\n"
    "  -q, --quiet          no counts or notes on stderr\n"
    "  -h, --help           this help; --version the version\n");

static _Noreturn void
help(struct svc_cli *cli)
{
	const struct svc_verb *v = cli->verb;

	if (v == NULL) {
		print_verbs(cli, stdout);
	} else {
		printf("%s %s %s\n", _("usage:"), svc_progname, v->usage);
		if (v->help && *v->help)
			printf("\n%s", _(v->help));
	}
	printf(_("\nCommon options:\n%s\nSee %s(1).\n"), _(common_help),
	    svc_progname);
	exit(0);
}

void
svc_cli_usage(struct svc_cli *cli)
{
	if (cli->verb)
		fprintf(stderr, "%s %s %s\n", _("usage:"), svc_progname,
		    cli->verb->usage);
	else
		print_verbs(cli, stderr);
	exit(SVC_EX_USAGE);
}

void
svc_cli_fail(struct svc_cli *cli, const struct svc_err *e)
{
	if (e->code == SVC_EX_USAGE && e->msg[0] == '\0')
		svc_cli_usage(cli);
	svc_warnx("%s", e->msg);
	exit(e->code ? e->code : SVC_EX_SOFTWARE);
}

void
svc_cli_option(struct svc_cli *cli, int c, const char *arg)
{
	switch (c) {
	case 'h':
		help(cli);
	case SVC_OPT_VERSION:
		printf("%s %s\n", svc_progname, SVC_VERSION);
		exit(0);
	case 'd':
		cli->db_path = arg;
		break;
	case 'c':
		cli->conf_path = arg;
		break;
	case 'o':
		if (svc_fmt_parse(arg, &cli->fmt) != 0)
			svc_die(SVC_EX_USAGE, "%s: unknown format (table, tsv, "
			    "csv or json)", arg);
		break;
	case 'H':
		cli->header = 1;
		break;
	case 'F':
		cli->fields = arg;
		break;
	case 'w':
		cli->wide = 1;
		break;
	case SVC_OPT_EXCEL:
		cli->excel = 1;
		break;
	case 'q':
		cli->quiet = 1;
		break;
	case 'n':
		cli->dry_run = 1;
		break;
	case 'k':
		cli->keep_going = 1;
		break;
	default:
		svc_cli_usage(cli);
	}
}

static int
is_common(int c, const char *letters)
{
	return c == SVC_OPT_VERSION || c == SVC_OPT_EXCEL || (c > 0 && c < 128 &&
	    strchr(letters, c) != NULL);
}

static int
taken(const int *allowed, int c)
{
	for (; *allowed; allowed++)
		if (*allowed == c)
			return 1;
	return 0;
}

/*
 * The options of a verb: the common ones are handled here, the verb's own
 * go to fn.  Each verb names the options it takes (its own, and n and k
 * when it writes); any other is a usage error, not silently ignored.
 */
void
svc_cli_options(struct svc_cli *cli, int argc, char **argv,
    const struct option *longopts, const char *shortopts, const int *allowed,
    svc_opt_fn fn, void *ctx)
{
	struct svc_buf opts = { 0 };
	int c;

	svc_buf_puts(&opts, SVC_COMMON_SHORT SVC_WRITE_SHORT);
	svc_buf_puts(&opts, shortopts ? shortopts : "");
	while ((c = getopt_long(argc, argv, opts.s, longopts, NULL)) != -1) {
		if (!is_common(c, "hdcoHqFw?") && !taken(allowed, c)) {
			svc_warnx("%s: option not taken by %s", argv[optind - 1],
			    cli->verb->name);
			svc_cli_usage(cli);
		}
		if (is_common(c, "hdcoHqFwnk?"))
			svc_cli_option(cli, c, optarg);
		else
			fn(cli, c, optarg, ctx);
	}
	svc_buf_free(&opts);
}

/* Written without printf: an import of 100,000 records makes as many. */
void
svc_cli_made(struct svc_cli *cli, int64_t id)
{
	char d[24];

	svc_buf_puts(&cli->changed, svc_decimal(id, d));
	svc_buf_putc(&cli->changed, '\n');
}

int64_t
svc_cli_id(const char *key)
{
	int64_t id = 0;

	svc_id_parse(key, &id);
	return id;
}

/* A writing verb over keys from the arguments or stdin, as one batch. */
_Noreturn void
svc_cli_batch(struct svc_cli *cli, int argc, char **argv, int numeric,
    svc_item_fn fn, void *ctx)
{
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_ids(cli, argv, argc, numeric, fn, ctx);
	svc_batch_end(cli);
}

/* A9: a visit set in the customer's rest or meal time is worth a word. */
void
svc_cli_warn_quiet(struct svc_cli *cli, const char *key, int quiet, time_t at)
{
	char when[32];

	if (!quiet || cli->quiet)
		return;
	svc_time_local(at, when, sizeof when);
	svc_warnx("%s: %s is in the customer's quiet hours (A9)", key, when);
}

/* G9: a short notice is recorded, not refused; the person is told. */
void
svc_cli_warn_notice(struct svc_cli *cli, const char *key,
    const struct svc_move *m)
{
	struct svc_dur told = { SVC_DUR_CLOCK, 0, 0 };
	struct svc_dur rule = { SVC_DUR_CLOCK, 0, 0 };
	char a[32], b[32];

	if (!m->short_notice || cli->quiet)
		return;
	told.secs = m->notice > 0 ? m->notice : 0;
	rule.secs = m->rule;
	svc_dur_format(&told, a, sizeof a);
	svc_dur_format(&rule, b, sizeof b);
	svc_warnx("%s: short notice: told %s before, the rule is %s (G9): "
	    "recorded", key, a, b);
}

void
svc_cli_need(struct svc_cli *cli, int have, int lo, int hi)
{
	if (have < lo || (hi >= 0 && have > hi))
		svc_cli_usage(cli);
}

static void
warn_hook(const char *msg)
{
	svc_warnx("%s", msg);
}

static int
readable(const char *path)
{
	return access(path, R_OK) == 0;
}

/*
 * The value of -c or SVC_CONFIG that asks for the built-in defaults (a
 * calendar without holidays): a name no file has, so that it is never
 * what a typo or a missing file gives.
 */
#define BUILTIN_CONFIG ":builtin"

/*
 * The first config that exists, in the order of DESIGN section 3.  None at
 * all is an error naming the places looked at: running on defaults
 * without a holiday calendar is asked for explicitly, never fallen into.
 */
/*
 * In a shared install, whether the caller is root or an admin of the
 * system's database: only they name another database or configuration.
 */
static int
shared_admin(void)
{
	struct svc_err e = { 0 };
	struct svc_db *db;
	int yes = getuid() == 0;

	if (!yes && svc_db_open(SVC_STATEDIR "/svc.db", SVC_DB_RO, &db,
	    &e) == 0) {
		if (svc_privileged(db, &yes, &e))
			yes = 0;
		svc_db_close(db);
	}
	return yes;
}

/*
 * A shared install honours a path the caller names (what, e.g. "-d
 * FILE") only for an admin, who then runs on with their own group: the
 * command's group reaches svc's own state and nothing else.
 */
static void
shared_named(const char *what, const char *path, const char *own)
{
	struct svc_err e = { 0 };

	if (!svc_shared())
		return;
	if (!shared_admin())
		svc_die(SVC_EX_NOPERM, "%s%s%s: installed for several users, "
		    "only an admin names another than %s", what,
		    what[strlen(what) - 1] == '=' ? "" : " ", path, own);
	if (svc_shared_leave(&e))
		svc_die(e.code, "%s", e.msg);
}

static char *
find_config(struct svc_cli *cli, int *must)
{
	struct svc_buf b = { 0 }, tried = { 0 };
	const char *s = getenv("SVC_CONFIG");

	*must = 1;
	if (svc_shared()) {
		if (cli->conf_path || (s && *s))
			shared_named(cli->conf_path ? "-c" : "SVC_CONFIG=",
			    cli->conf_path ? cli->conf_path : s,
			    SVC_SYSCONFDIR "/config.yaml");
		else
			return svc_strdup(SVC_SYSCONFDIR "/config.yaml");
	}
	if (cli->conf_path)
		return svc_strdup(cli->conf_path);
	if (s != NULL && *s)
		return svc_strdup(s);
	*must = 0;
	if ((s = getenv("XDG_CONFIG_HOME")) != NULL && *s)
		svc_buf_printf(&b, "%s/svc/config.yaml", s);
	else if ((s = getenv("HOME")) != NULL && *s)
		svc_buf_printf(&b, "%s/.config/svc/config.yaml", s);
	if (b.s && readable(b.s))
		return b.s;
	if (readable("/etc/svc/config.yaml"))
		return svc_strdup("/etc/svc/config.yaml");
	if (readable(SVC_SHAREDIR "/config.yaml"))
		return svc_strdup(SVC_SHAREDIR "/config.yaml");
	svc_buf_printf(&tried, "no configuration: none of -c, $SVC_CONFIG, "
	    "%s%s/etc/svc/config.yaml, " SVC_SHAREDIR "/config.yaml (-c "
	    BUILTIN_CONFIG " runs on built-in defaults)", b.s ? b.s : "",
	    b.s ? ", " : "");
	svc_buf_free(&b);
	svc_die(SVC_EX_CONFIG, "%s", tried.s);
}

void
svc_cli_config(struct svc_cli *cli)
{
	struct svc_err e = { 0 };
	char *path;
	int must, i;

	if (cli->conf_loaded)
		return;
	path = find_config(cli, &must);
	if (strcmp(path, BUILTIN_CONFIG) == 0) {
		if (svc_conf_load_string(&cli->conf, "(built-in)", "", &e))
			svc_cli_fail(cli, &e);
	} else {
		if (!readable(path) && must)
			svc_die(SVC_EX_CONFIG, "%s: %s", path,
			    strerror(errno));
		if (svc_conf_load(&cli->conf, path, &e))
			svc_cli_fail(cli, &e);
	}
	free(path);
	/* A --check whose answer rests on a year without holiday data
	 * says so even under -q: the exit status alone would hide it. */
	cli->conf.cal.warn = cli->quiet && !cli->check ? NULL : warn_hook;
	for (i = 0; i < cli->conf.ncals; i++)
		cli->conf.cals[i].cal.warn = cli->conf.cal.warn;
	if (svc_tz_set(cli->conf.timezone, &e) || svc_clock_init(&e))
		svc_cli_fail(cli, &e);
	svc_notify_conf(&cli->conf);	/* the messages' texts */
	cli->conf_loaded = 1;
}

static void
mkdirs(const char *dir)
{
	char *p, *copy = svc_strdup(dir);

	for (p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(copy, 0700);
		*p = '/';
	}
	mkdir(copy, 0700);
	free(copy);
}

/* Whether path names a file right in the shared state directory. */
static int
in_statedir(const char *path)
{
	char *copy = svc_strdup(path), *dir, *real;
	int in;

	dir = dirname(copy);
	real = realpath(dir, NULL);
	in = real && strcmp(real, SVC_STATEDIR) == 0 &&
	    strchr(path, '/') != NULL;
	free(real);
	free(copy);
	return in;
}

/*
 * The shared install's database: the system's, or another in its state
 * directory; one elsewhere only for an admin (shared_named).
 */
static char *
shared_db(struct svc_cli *cli)
{
	const char *s = cli->db_path, *what = "-d";

	if (s == NULL && (s = getenv("SVC_DB")) != NULL && *s)
		what = "SVC_DB=";
	else if (s == NULL)
		return svc_strdup(cli->conf.database &&
		    cli->conf.database[0] == '/' ? cli->conf.database :
		    SVC_STATEDIR "/svc.db");
	if (!in_statedir(s))
		shared_named(what, s, "those in " SVC_STATEDIR);
	return svc_strdup(s);
}

/* Only svc-db init makes the default directory: nothing else creates. */
static char *
find_db(struct svc_cli *cli, int mode)
{
	struct svc_buf b = { 0 };
	const char *s;

	if (svc_shared())
		return shared_db(cli);
	if (cli->db_path)
		return svc_strdup(cli->db_path);
	if ((s = getenv("SVC_DB")) != NULL && *s)
		return svc_strdup(s);
	if (cli->conf.database) {
		if (cli->conf.database[0] == '/' || cli->conf.dir == NULL ||
		    svc_db_is_pg(cli->conf.database))
			return svc_strdup(cli->conf.database);
		svc_buf_printf(&b, "%s/%s", cli->conf.dir, cli->conf.database);
		return b.s;
	}
	if ((s = getenv("XDG_DATA_HOME")) != NULL && *s)
		svc_buf_printf(&b, "%s/svc", s);
	else if ((s = getenv("HOME")) != NULL && *s)
		svc_buf_printf(&b, "%s/.local/share/svc", s);
	else
		svc_die(SVC_EX_CONFIG, "no database: set SVC_DB or use -d");
	if (mode & SVC_DB_INIT)
		mkdirs(b.s);
	svc_buf_puts(&b, "/svc.db");
	return b.s;
}

void
svc_cli_open(struct svc_cli *cli, int mode)
{
	struct svc_err e = { 0 };
	char *path;

	svc_cli_config(cli);
	/* Creating or migrating the shared database is root's, as is
	 * installing it (the migration runs before any staff is read). */
	if ((mode & SVC_DB_INIT) && svc_shared() && getuid() != 0)
		svc_die(SVC_EX_NOPERM, "%s: installed for several users, only "
		    "root creates or migrates the database", cli->verb->name);
	path = find_db(cli, mode);
	if (svc_db_open(path, mode, &cli->db, &e))
		svc_cli_fail(cli, &e);
	/* kept for messages, a server's password left out; freed at exit */
	cli->db_path = svc_db_shown(path);
	free(path);
	/* The one gate of every write: roles, SVC_USER, SVC_NOW. */
	if (!(mode & SVC_DB_RO) && svc_may_write(cli->db, svc_progname,
	    cli->verb->name, &cli->admins, &e))
		svc_cli_fail(cli, &e);
}

/*
 * Options that exclude each other (--reached and --unreachable): the
 * second of a group is a usage error, never "the last one wins".  *seen
 * holds the first given of the group.
 */
void
svc_cli_exclusive(const char **seen, const char *opt)
{
	if (*seen && strcmp(*seen, opt) != 0)
		svc_die(SVC_EX_USAGE, "%s contradicts %s", opt, *seen);
	*seen = opt;
}

/* A filter or named value that does not exist ends the run (64 or 66). */
void
svc_cli_known(struct svc_cli *cli, enum svc_kwhat w, const char *opt,
    const char *value)
{
	struct svc_err e = { 0 };

	if (svc_known(cli->db, &cli->conf, w, opt, value, &e))
		svc_cli_fail(cli, &e);
}

/* Escapes only for a terminal that takes them (no-color.org). */
int
svc_cli_color(void)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	return isatty(STDOUT_FILENO) && !(no && *no) &&
	    !(term && strcmp(term, "dumb") == 0);
}

struct svc_out *
svc_cli_out(struct svc_cli *cli, const struct svc_col *cols, int ncols)
{
	struct svc_view v = { 0 };
	struct svc_out *o;
	struct svc_err e = { 0 };

	if (cli->excel && cli->fmt != SVC_FMT_CSV)
		svc_die(SVC_EX_USAGE, "--excel: only with -o csv");
	v.fmt = cli->fmt;
	v.header = cli->header;
	v.wide = cli->wide;
	v.excel = cli->excel;
	v.fields = cli->fields;
	if (v.fmt == SVC_FMT_TABLE) {
		v.width = svc_view_width();
		v.color = svc_cli_color();
	}
	if ((o = svc_out_new(stdout, &v, cols, ncols, &e)) == NULL)
		svc_cli_fail(cli, &e);
	return o;
}

/* What an empty listing says on stderr, by the command that lists. */
static const char *
nothing(void)
{
	static const struct { const char *prog, *msg; } said[] = {
		{ "svc-order", N_("no orders") },
		{ "svc-visit", N_("no visits") },
		{ "svc-pay", N_("no payments") },
		{ "svc-complaint", N_("no complaints") },
		{ "svc-staff", N_("no staff") },
		{ "svc-plan", N_("no plans") },
		{ "svc-notify", N_("no messages") },
		{ "svc-product", N_("no services") },
		{ "svc-assign", N_("no orders") },
	};
	size_t i;

	for (i = 0; i < sizeof said / sizeof said[0]; i++)
		if (strcmp(said[i].prog, svc_progname) == 0)
			return said[i].msg;
	return N_("no rows");
}

void
svc_cli_out_end(struct svc_cli *cli, struct svc_out *o)
{
	int empty = svc_out_count(o) == 0;

	if (svc_out_finish(o) != 0) {
		stdout_failed = 1;
		svc_die(SVC_EX_IOERR, "write error: %s", strerror(errno));
	}
	/* A table's reader sees that nothing matched; a script sees no
	 * lines (DESIGN 2). */
	if (empty && cli->fmt == SVC_FMT_TABLE && !cli->quiet)
		svc_warnx("%s", _(nothing()));
}

/* Every row of a query, each column typed by cols; returns the count. */
int
svc_cli_stmt_out(struct svc_cli *cli, struct svc_stmt *st,
    const struct svc_col *cols, int ncols)
{
	return svc_cli_stmt_marked(cli, st, cols, ncols, NULL);
}

/* The same, a row marked (overdue, late) when marked(st) says so. */
int
svc_cli_stmt_marked(struct svc_cli *cli, struct svc_stmt *st,
    const struct svc_col *cols, int ncols, int (*marked)(struct svc_stmt *))
{
	struct svc_out *o = svc_cli_out(cli, cols, ncols);
	struct svc_err e = { 0 };
	int rc, i, n = 0;

	while ((rc = svc_step(st)) == SVC_ROW) {
		for (i = 0; i < ncols; i++)
			svc_out_column(o, st, i);
		/* Only a table shows a mark: no test of each row for a script. */
		if (marked && cli->fmt == SVC_FMT_TABLE && marked(st))
			svc_out_mark(o);
		svc_out_row(o);
		n++;
	}
	svc_finalize(st);
	svc_cli_out_end(cli, o);
	if (rc != SVC_DONE) {
		svc_db_error(cli->db, rc, &e);
		svc_cli_fail(cli, &e);
	}
	return n;
}

time_t
svc_cli_time(struct svc_cli *cli, const char *arg)
{
	struct svc_err e = { 0 };
	time_t t;

	svc_cli_config(cli);
	if (svc_time_parse(arg, svc_now(), &cli->conf.cal, &t, &e))
		svc_cli_fail(cli, &e);
	return t;
}

void
svc_batch_begin(struct svc_cli *cli)
{
	struct svc_err e = { 0 };

	if (svc_db_begin(cli->db, &e))
		svc_cli_fail(cli, &e);
}

/*
 * Each item runs under a savepoint, so that a failing item leaves no trace
 * and the loop can go on to report every failure of the batch.
 */
int
svc_batch_item(struct svc_cli *cli, const char *key, svc_item_fn fn, void *ctx)
{
	struct svc_err e = { 0 }, e2 = { 0 };

	cli->detail[0] = '\0';
	if (svc_db_savepoint(cli->db, "SAVEPOINT item", &e))
		svc_cli_fail(cli, &e);
	if (fn(cli, key, ctx, &e) != 0) {
		cli->own_out.len = 0;
		if (svc_db_savepoint(cli->db, "ROLLBACK TO item", &e2) ||
		    svc_db_savepoint(cli->db, "RELEASE item", &e2))
			svc_cli_fail(cli, &e2);
		svc_warnx("%s", e.msg);
		if (cli->nfail++ == 0)
			cli->first_code = e.code ? e.code : SVC_EX_SOFTWARE;
		/* Busy or I/O trouble is not one item's fault: stop now. */
		if (e.code == SVC_EX_TEMPFAIL || e.code == SVC_EX_IOERR) {
			svc_db_rollback(cli->db);
			exit(e.code);
		}
		return e.code;
	}
	if (svc_db_savepoint(cli->db, "RELEASE item", &e))
		svc_cli_fail(cli, &e);
	cli->nok++;
	if (cli->own_lines) {
		if (cli->own_out.len)
			svc_buf_add(&cli->changed, cli->own_out.s,
			    cli->own_out.len);
		cli->own_out.len = 0;
		return 0;
	}
	svc_buf_puts(&cli->changed, key);
	if (cli->detail[0])
		svc_buf_printf(&cli->changed, "\t%s", cli->detail);
	svc_buf_putc(&cli->changed, '\n');
	cli->detail[0] = '\0';
	return 0;
}

static int
collect(const char *key, void *arg)
{
	struct svc_buf *keys = arg;

	svc_buf_add(keys, key, strlen(key) + 1);
	return 0;
}

/*
 * The ids of DESIGN section 2, each an item of one transaction.  All of
 * stdin is read before the transaction begins: in "svc-order new |
 * svc-order accept" the first command must be able to commit while the
 * second waits for its output.
 */
void
svc_batch_ids(struct svc_cli *cli, char **argv, int argc, int numeric,
    svc_item_fn fn, void *ctx)
{
	struct svc_buf keys = { 0 };
	struct svc_err e = { 0 };

	if (svc_ids_each(argv, argc, stdin, numeric, collect, &keys, &e) != 0)
		svc_cli_fail(cli, &e);
	svc_batch_run(cli, &keys, fn, ctx);
	svc_buf_free(&keys);
}

/* keys: NUL-terminated keys one after another, each an item. */
void
svc_batch_run(struct svc_cli *cli, const struct svc_buf *keys,
    svc_item_fn fn, void *ctx)
{
	svc_batch_begin(cli);
	svc_batch_items(cli, keys, fn, ctx);
}

/* The same in a transaction begun, when the keys are read in it. */
void
svc_batch_items(struct svc_cli *cli, const struct svc_buf *keys,
    svc_item_fn fn, void *ctx)
{
	size_t at;

	for (at = 0; at < keys->len; at += strlen(keys->s + at) + 1)
		svc_batch_item(cli, keys->s + at, fn, ctx);
}

/*
 * All or nothing: with any failure and no -k, roll back and exit with the
 * first failure's status.  What changed is printed only once it is
 * committed, so the next command in a pipe never sees a phantom id.
 */
void
svc_batch_end(struct svc_cli *cli)
{
	struct svc_err e = { 0 };

	if (cli->nfail && !cli->keep_going) {
		svc_db_rollback(cli->db);
		exit(cli->first_code);
	}
	if (svc_admins_hold(cli->db, cli->admins, &e)) {
		svc_db_rollback(cli->db);
		svc_cli_fail(cli, &e);
	}
	if (cli->dry_run) {
		svc_db_rollback(cli->db);
		if (!cli->quiet)
			svc_warnx("dry run: %d would change, nothing written",
			    cli->nok);
	} else if (svc_db_commit(cli->db, &e)) {
		svc_cli_fail(cli, &e);
	}
	if (cli->changed.len)
		fwrite(cli->changed.s, 1, cli->changed.len, stdout);
	svc_db_close(cli->db);
	exit(cli->nfail ? SVC_EX_FOUND : 0);
}

static const struct svc_verb *
find_verb(const struct svc_verb *verbs, const char *name)
{
	const struct svc_verb *v;

	for (v = verbs; v->name; v++)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

/* A typo'd verb: the nearest one, as git says it, then the usage. */
static _Noreturn void
unknown_verb(struct svc_cli *cli, const char *name)
{
	struct svc_near near = { name, NULL, 0 };
	const struct svc_verb *v;

	for (v = cli->verbs; v->name; v++)
		svc_near_offer(&near, v->name);
	if (svc_near_guess(&near))
		svc_warnx("%s: unknown verb (did you mean %s?)", name,
		    svc_near_guess(&near));
	else
		svc_warnx("%s: unknown verb", name);
	svc_cli_usage(cli);
}

int
svc_cli_main(int argc, char **argv, const char *prog,
    const struct svc_verb *verbs)
{
	static const struct option common[] = { SVC_COMMON_LONG,
		{ NULL, 0, NULL, 0 } };
	static struct svc_cli cli;
	int c;

	svc_progname = prog;
	svc_i18n_init();
	svc_shared_init();
	atexit(close_stdout);
#ifdef M_TRIM_THRESHOLD
	/*
	 * SQLite frees a statement journal after every statement of a batch;
	 * giving that memory back to the kernel each time and faulting it in
	 * again cost a third of an import's time.  Keep up to 64 MiB.
	 */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
	cli.verbs = verbs;
	cli.fmt = isatty(STDOUT_FILENO) ? SVC_FMT_TABLE : SVC_FMT_TSV;
	/* Common options may stand before the verb: svc-cal -o json days. */
	while ((c = getopt_long(argc, argv, "+" SVC_COMMON_SHORT, common,
	    NULL)) != -1)
		svc_cli_option(&cli, c, optarg);
	if (optind >= argc)
		svc_cli_usage(&cli);
	if ((cli.verb = find_verb(verbs, argv[optind])) == NULL)
		unknown_verb(&cli, argv[optind]);
	argv += optind;
	argc -= optind;
	optind = 0;	/* glibc: start the verb's getopt afresh */
	return cli.verb->run(&cli, argc, argv);
}

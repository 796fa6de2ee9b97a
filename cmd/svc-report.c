/*
 * svc-report - the checks admins script (G5, G8, G9, G10, G11, C4, C5),
 * the summaries they read, the year-end evaluation (G12), and read-only
 * ad-hoc SQL.  Reports open the database read-only.  See svc-report(1).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

enum {
	O_SINCE = 0x200, O_UNTIL, O_DEPT, O_KIND, O_CHECK, O_SOON, O_OLDER,
	O_BY, O_YEAR, O_EXPLAIN, O_TIMEOUT, O_WORKER
};

static const struct option long_opts[] = {
	SVC_COMMON_LONG,
	{ "since", required_argument, NULL, O_SINCE },
	{ "until", required_argument, NULL, O_UNTIL },
	{ "dept", required_argument, NULL, O_DEPT },
	{ "kind", required_argument, NULL, O_KIND },
	{ "check", no_argument, NULL, O_CHECK },
	{ "soon", required_argument, NULL, O_SOON },
	{ "older", required_argument, NULL, O_OLDER },
	{ "by", required_argument, NULL, O_BY },
	{ "year", required_argument, NULL, O_YEAR },
	{ "explain", no_argument, NULL, O_EXPLAIN },
	{ "timeout", required_argument, NULL, O_TIMEOUT },
	{ "worker", required_argument, NULL, O_WORKER },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	struct svc_report_filter f;
	const char *since, *until, *soon, *older, *year, *timeout;
	int check, explain;
};

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct opts *o = ctx;

	(void)cli;
	switch (c) {
	case O_SINCE: o->since = arg; break;
	case O_UNTIL: o->until = arg; break;
	case O_DEPT: o->f.dept = arg; break;
	case O_KIND: o->f.kind = arg; break;
	case O_CHECK: o->check = 1; break;
	case O_SOON: o->soon = arg; break;
	case O_OLDER: o->older = arg; break;
	case O_BY: o->f.by = arg; break;
	case O_YEAR: o->year = arg; break;
	case O_EXPLAIN: o->explain = 1; break;
	case O_TIMEOUT: o->timeout = arg; break;
	case O_WORKER: o->f.worker = arg; break;
	}
}

static int64_t
duration(struct svc_cli *cli, const char *s)
{
	struct svc_err e = { 0 };
	struct svc_dur d;

	if (svc_dur_parse(s, &d, &e))
		svc_cli_fail(cli, &e);
	if (d.unit != SVC_DUR_CLOCK) {
		svc_warnx("%s: a clock duration here (30m, 8h, 1d)", s);
		svc_cli_usage(cli);
	}
	return d.secs;
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	svc_cli_options(cli, argc, argv, long_opts, NULL, allowed, option, o);
	if (o->since)
		o->f.since = svc_cli_time(cli, o->since);
	if (o->until)
		o->f.until = svc_cli_time(cli, o->until);
}

/* Open the database; a --dept or --kind that does not exist is 64. */
static void
open_known(struct svc_cli *cli, const struct opts *o)
{
	svc_cli_open(cli, SVC_DB_RO);
	svc_cli_known(cli, SVC_K_DEPT, "--dept", o->f.dept);
	svc_cli_known(cli, SVC_K_KIND, "--kind", o->f.kind);
}

/* A check: one line per problem; with --check, exit 1 when any. */
static int
cmd_check(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_SINCE, O_UNTIL, O_DEPT, O_KIND, O_CHECK,
		O_SOON, O_OLDER, O_WORKER, 0 };
	const struct svc_report *r = svc_report_find(svc_checks,
	    cli->verb->name);
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;
	int n;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	if ((o.soon && strcmp(r->name, "overdue")) ||
	    (o.older && strcmp(r->name, "held")) ||
	    (o.f.worker && strcmp(r->name, "conduct"))) {
		svc_warnx("--soon is for overdue, --older for held, --worker "
		    "for conduct");
		svc_cli_usage(cli);
	}
	o.f.findings = o.check;	/* conduct: the major breaches only */
	o.f.secs = o.soon ? duration(cli, o.soon) :
	    strcmp(r->name, "held") == 0 ? (o.older ? duration(cli, o.older) :
	    86400) : 0;
	cli->check = o.check;
	open_known(cli, &o);
	svc_cli_known(cli, SVC_K_WORKER, "--worker", o.f.worker);
	/*
	 * The deadlines compared with now were counted on the calendar of
	 * their year: a year without holiday data makes the answer doubtful,
	 * and a cron job running -q must still be told.
	 */
	if (o.check)
		svc_cal_warn_year(&cli->conf.cal, svc_now() + o.f.secs);
	if (svc_report_prepare(cli->db, r, &o.f, &st, &e))
		svc_cli_fail(cli, &e);
	/* With --check -q the exit status says it all. */
	if (o.check && cli->quiet && freopen("/dev/null", "w", stdout) == NULL)
		svc_die(SVC_EX_IOERR, "/dev/null: cannot open");
	n = svc_cli_stmt_out(cli, st, r->cols, r->ncols);
	svc_db_close(cli->db);
	return o.check && n ? SVC_EX_FOUND : 0;
}

/* Unicode blocks in eighths, so that small differences still show. */
static void
bar(struct svc_buf *b, int64_t v, int64_t max, int width)
{
	static const char *const eighths[] = {
		"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"
	};
	int64_t n = max > 0 && v > 0 ? v * width * 8 / max : 0;

	svc_buf_reset(b);
	svc_buf_puts(b, "");
	for (; n >= 8; n -= 8)
		svc_buf_puts(b, "█");
	svc_buf_puts(b, eighths[n]);
}

/*
 * A summary.  On a terminal each row gets a bar for the report's main
 * column: the rows are read twice, once for the largest value.
 */
static int
cmd_summary(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_SINCE, O_UNTIL, O_DEPT, O_KIND, O_BY, 0 };
	static const char *const keys[] = {
		"day", "week", "month", "dept", "kind", "worker", NULL
	};
	static const char *const money_keys[] = {
		"day", "month", "dept", "method", "worker", "service", NULL
	};
	const char *const *by;
	const struct svc_report *r = svc_report_find(svc_summaries,
	    cli->verb->name);
	struct svc_col cols[16];
	struct svc_err e = { 0 };
	struct svc_buf b = { 0 };
	struct svc_out *out;
	struct svc_stmt *st;
	int64_t max = 0;
	struct opts o;
	int i, bars;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	by = strcmp(r->name, "revenue") == 0 ? money_keys : keys;
	if (o.f.by && (!strcmp(r->name, "workload") ||
	    !strcmp(r->name, "rating"))) {
		svc_warnx("%s takes no --by", r->name);
		svc_cli_usage(cli);
	}
	for (i = 0; o.f.by && by[i] && strcmp(by[i], o.f.by); i++)
		;
	if (o.f.by && by[i] == NULL) {
		svc_warnx("%s: not a --by of %s", o.f.by, r->name);
		svc_cli_usage(cli);
	}
	if (o.f.by && strcmp(o.f.by, "service") == 0)
		r = svc_report_find(svc_summaries, "revenue-service");
	open_known(cli, &o);
	if (svc_report_prepare(cli->db, r, &o.f, &st, &e))
		svc_cli_fail(cli, &e);
	bars = cli->fmt == SVC_FMT_TABLE && isatty(STDOUT_FILENO);
	while (bars && svc_step(st) == SVC_ROW)
		if (svc_col_int64(st, r->bar) > max)
			max = svc_col_int64(st, r->bar);
	svc_reset(st);
	memcpy(cols, r->cols, (size_t)r->ncols * sizeof *cols);
	cols[r->ncols] = (struct svc_col){ "", SVC_COL_TEXT, 0, 1 };
	out = svc_cli_out(cli, cols, r->ncols + bars);
	while (svc_step(st) == SVC_ROW) {
		for (i = 0; i < r->ncols; i++)
			svc_out_column(out, st, i);
		if (bars) {
			bar(&b, svc_col_int64(st, r->bar), max, 20);
			svc_out_text(out, b.s);
		}
		svc_out_row(out);
	}
	svc_finalize(st);
	svc_buf_free(&b);
	svc_cli_out_end(cli, out);
	svc_db_close(cli->db);
	return 0;
}

/*
 * A narrow table keeps the department, its rating and score, and drops
 * the counts behind them, the least telling first (--explain has each
 * line of the sum): appointments, arrivals, replied, requests, noshows,
 * short_notice, conduct_breaches, completed, complaints_upheld,
 * arrived_on_time, replied_on_time.
 */
static const struct svc_col eval_cols[] = {
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "requests"), SVC_COL_INT, 0, 4 },
	{ NC_("column", "replied"), SVC_COL_INT, 0, 3 },
	{ NC_("column", "replied_on_time"), SVC_COL_INT, 0, 11 },
	{ NC_("column", "appointments"), SVC_COL_INT, 0, 1 },
	{ NC_("column", "arrivals"), SVC_COL_INT, 0, 2 },
	{ NC_("column", "arrived_on_time"), SVC_COL_INT, 0, 10 },
	{ NC_("column", "completed"), SVC_COL_INT, 0, 8 },
	{ NC_("column", "noshows"), SVC_COL_INT, 0, 5 },
	{ NC_("column", "short_notice"), SVC_COL_INT, 0, 6 },
	{ NC_("column", "complaints_upheld"), SVC_COL_INT, 0, 9 },
	{ NC_("column", "conduct_breaches"), SVC_COL_INT, 0, 7 },
	{ NC_("column", "rating"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "score"), SVC_COL_TEXT, 0, 0 },
};

struct eval {
	struct svc_cli *cli;
	struct svc_out *out;
	int explain;
};

static int
eval_row(const struct svc_evaluation *v, void *arg)
{
	static const char *const rate[] = {
		"replied_on_time / replied", "arrived_on_time / arrivals",
		"completed / appointments", "rating / 5", "noshows / arrivals",
		"short_notice / appointments", "complaints_upheld / requests",
		"conduct_breaches / completed"
	};
	struct eval *ev = arg;
	double *w = ev->cli->conf.weights;
	char num[32];
	int i;

	if (ev->explain) {
		printf("%s: score %.2f =\n", v->dept, v->score);
		for (i = 0; i < SVC_NWEIGHTS; i++)
			printf("  %+7.2f x %-29s = %+7.2f x %.4f = %+.2f\n",
			    w[i], rate[i], w[i], v->part[i], w[i] * v->part[i]);
		return 0;
	}
	svc_out_text(ev->out, v->dept);
	svc_out_int(ev->out, v->requests);
	svc_out_int(ev->out, v->replied);
	svc_out_int(ev->out, v->replied_on_time);
	svc_out_int(ev->out, v->appointments);
	svc_out_int(ev->out, v->arrivals);
	svc_out_int(ev->out, v->arrived_on_time);
	svc_out_int(ev->out, v->completed);
	svc_out_int(ev->out, v->noshows);
	svc_out_int(ev->out, v->short_notice);
	svc_out_int(ev->out, v->upheld);
	svc_out_int(ev->out, v->breaches);
	snprintf(num, sizeof num, "%.2f", v->rating);
	svc_out_text(ev->out, num);
	snprintf(num, sizeof num, "%.2f", v->score);
	svc_out_text(ev->out, num);
	svc_out_row(ev->out);
	return 0;
}

/* G12: the year-end evaluation of every department. */
static int
cmd_evaluation(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_YEAR, O_EXPLAIN, 0 };
	struct svc_err e = { 0 };
	struct eval ev = { cli, NULL, 0 };
	struct opts o;
	char *end;
	long year;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	if (o.year == NULL || (year = strtol(o.year, &end, 10), *end) ||
	    year < 1970 || year > 9999) {
		svc_warnx("evaluation: --year YYYY is required");
		svc_cli_usage(cli);
	}
	ev.explain = o.explain;
	svc_cli_open(cli, SVC_DB_RO);
	if (!ev.explain)
		ev.out = svc_cli_out(cli, eval_cols, 14);
	if (svc_evaluate(cli->db, &cli->conf, (int)year, eval_row, &ev, &e))
		svc_cli_fail(cli, &e);
	if (ev.out)
		svc_cli_out_end(cli, ev.out);
	svc_db_close(cli->db);
	return 0;
}

/* One cell of what svc_query_rows copied out; returns the next. */
static const char *
query_cell(struct svc_out *out, const char *p)
{
	const char *s = p + 1;

	switch (*p) {
	case 'i': svc_out_int(out, strtoll(s, NULL, 10)); break;
	case 'n': svc_out_null(out); break;
	case 'b': svc_out_text(out, "(blob)"); break;
	default: svc_out_text(out, s); break;
	}
	return s + strlen(s) + 1;
}

/*
 * Ad-hoc SQL over the documented views, read-only and bounded (time,
 * memory, length); the rows are read to the end before one is printed.
 */
static int
cmd_query(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_TIMEOUT, 0 };
	struct svc_query_limits lim = { SVC_QUERY_TIMEOUT_MS,
		SVC_QUERY_MEMORY };
	struct svc_col cols[SVC_QUERY_MAX_COLUMNS];
	struct svc_buf cells = { 0 };
	struct svc_err e = { 0 };
	struct svc_out *out;
	struct svc_stmt *st;
	const char *p;
	struct opts o;
	int64_t rows, r;
	int i, n;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 1, 1);
	if (o.timeout)
		lim.timeout_ms = duration(cli, o.timeout) * 1000;
	svc_cli_open(cli, SVC_DB_RO);
	if (svc_query_readonly(cli->db, argv[optind], &lim, &st, &e))
		svc_cli_fail(cli, &e);
	n = svc_col_count(st);
	for (i = 0; i < n; i++)
		cols[i] = (struct svc_col){ svc_strdup(svc_col_name(st,
		    i)), SVC_COL_TEXT, 40, 0 };
	if (svc_query_rows(cli->db, st, &lim, &cells, &rows, &e))
		svc_cli_fail(cli, &e);
	out = svc_cli_out(cli, cols, n);
	for (r = 0, p = cells.s; r < rows; r++) {
		for (i = 0; i < n; i++)
			p = query_cell(out, p);
		svc_out_row(out);
	}
	svc_cli_out_end(cli, out);
	svc_buf_free(&cells);
	for (i = 0; i < n; i++)
		free((char *)cols[i].name);
	svc_db_close(cli->db);
	return 0;
}

#define CHECK_USAGE "[--since TIME] [--until TIME] [--dept CODE] " \
	"[--kind KIND] [--check]"
#define SUMMARY_USAGE "[--since TIME] [--until TIME] [--dept CODE] " \
	"[--kind KIND]"

static const struct svc_verb verbs[] = {
	{ "overdue", cmd_check, "overdue [--soon DURATION] " CHECK_USAGE,
	    N_("Requests with no reply past their deadline (G5); --soon also\n"
	    "those due within DURATION.\n") },
	{ "late", cmd_check, "late " CHECK_USAGE,
	    N_("Arrivals after the appointed start (G8, A1), and appointments\n"
	    "begun with nobody there.\n") },
	{ "notice", cmd_check, "notice " CHECK_USAGE,
	    N_("Appointments the provider moved with short notice (G9).\n") },
	{ "noshow", cmd_check, "noshow " CHECK_USAGE,
	    N_("Orders abandoned by the applicant (G10).\n") },
	{ "held", cmd_check, "held [--older DURATION] " CHECK_USAGE,
	    N_("Cash a worker has held longer than --older (default 1d) (C4).\n") },
	{ "unpaid", cmd_check, "unpaid " CHECK_USAGE,
	    N_("Orders done and still owing.\n") },
	{ "takeback", cmd_check, "takeback " CHECK_USAGE,
	    N_("Products taken to the workshop (A8) and not back at the\n"
	    "customer's by the day promised (--return-by).\n") },
	{ "unsent", cmd_check, "unsent " CHECK_USAGE,
	    N_("Messages for applicants past their time and never sent, and\n"
	    "ones a gateway failed to send (svc-notify).\n") },
	{ "clashes", cmd_check, "clashes " CHECK_USAGE,
	    N_("Visits booked for a worker or helper who is on leave then\n"
	    "(svc-staff leave): rebook them.\n") },
	{ "conduct", cmd_check, "conduct [--worker LOGIN] " CHECK_USAGE,
	    N_("Per worker and item of the conduct checklist (A13-A20): how often\n"
	    "the customers were asked and answered a breach; --check lists\n"
	    "only the major breaches, and exits 1 when there is any.\n") },
	{ "unreviewed", cmd_check, "unreviewed " CHECK_USAGE,
	    N_("Done visits the supervisor has not reviewed within the kind's\n"
	    "review_within (C5).\n") },
	{ "followup", cmd_check, "followup " CHECK_USAGE,
	    N_("Orders due for their return call after the work (回访).\n") },
	{ "complaints", cmd_check, "complaints " CHECK_USAGE,
	    N_("Open complaints, oldest first (G11).\n") },
	{ "summary", cmd_summary, "summary [--by day|week|month|dept|kind|"
	    "worker] " SUMMARY_USAGE,
	    N_("Orders by state, registered in the period.\n") },
	{ "workload", cmd_summary, "workload " SUMMARY_USAGE,
	    N_("Per worker: visits, done, minutes on site, late arrivals.\n") },
	{ "revenue", cmd_summary, "revenue [--by day|month|dept|method|worker|"
	    "service] "
	    SUMMARY_USAGE,
	    N_("Collected, refunded and net.\n") },
	{ "rating", cmd_summary, "rating " SUMMARY_USAGE,
	    N_("Customer ratings by worker and department.\n") },
	{ "evaluation", cmd_evaluation, "evaluation --year YYYY [--explain]",
	    N_("The year-end evaluation of every department (G12).\n") },
	{ "query", cmd_query, "query SQL [--timeout DURATION]",
	    N_("Read-only SQL over the documented views, in every format.\n"
	    "  --timeout DURATION  stop the statement after this long (default\n"
	    "                      5s); past it, or past 256 MiB or SQLite's\n"
	    "                      length limits, exit 65 saying which\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-report", verbs);
}

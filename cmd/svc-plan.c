/*
 * svc-plan - service plans (issue 18): an order repeated by a rule, each
 * occurrence made once by "svc-plan run" as an order already accepted;
 * the first goes through the normal reply (G5, G6).  See svc-plan(1).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum {
	O_EVERY = 0x200, O_RRULE, O_FROM, O_UNTIL, O_COUNT, O_ON_HOLIDAY,
	O_NOTE, O_AHEAD, O_STATE, O_KIND
};

static const struct option long_opts[] = {
	SVC_COMMON_LONG, SVC_WRITE_LONG,
	{ "every", required_argument, NULL, O_EVERY },
	{ "rrule", required_argument, NULL, O_RRULE },
	{ "from", required_argument, NULL, O_FROM },
	{ "until", required_argument, NULL, O_UNTIL },
	{ "count", required_argument, NULL, O_COUNT },
	{ "on-holiday", required_argument, NULL, O_ON_HOLIDAY },
	{ "note", required_argument, NULL, O_NOTE },
	{ "ahead", required_argument, NULL, O_AHEAD },
	{ "state", required_argument, NULL, O_STATE },
	{ "kind", required_argument, NULL, O_KIND },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	struct svc_plan_rule rule;
	const char *ahead, *state, *kind;
};

static const int rule_opts[] = {
	O_EVERY, O_RRULE, O_FROM, O_UNTIL, O_COUNT, O_ON_HOLIDAY, O_NOTE,
	'n', 'k', 0
};
static const int state_opts[] = { O_NOTE, 'n', 'k', 0 };
static const int run_opts[] = { O_AHEAD, 'n', 'k', 0 };
static const int list_opts[] = { O_STATE, O_KIND, 0 };
static const int no_opts[] = { 0 };

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct opts *o = ctx;
	int64_t n;

	switch (c) {
	case O_EVERY: o->rule.every = arg; break;
	case O_RRULE: o->rule.rrule = arg; break;
	case O_FROM: o->rule.from = arg; break;
	case O_UNTIL: o->rule.until = arg; break;
	case O_COUNT:
		if (svc_id_parse(arg, &n) != 0 || n > 10000) {
			svc_warnx("--count %s: a number of occurrences, "
			    "1-10000", arg);
			svc_cli_usage(cli);
		}
		o->rule.count = (int)n;
		break;
	case O_ON_HOLIDAY: o->rule.on_holiday = arg; break;
	case O_NOTE: o->rule.note = arg; break;
	case O_AHEAD: o->ahead = arg; break;
	case O_STATE: o->state = arg; break;
	case O_KIND: o->kind = arg; break;
	}
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	svc_cli_options(cli, argc, argv, long_opts, NULL, allowed, option, o);
	svc_cli_config(cli);	/* the zone and calendars of the times */
}

static int
new_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;
	int64_t id;

	if (svc_plan_new(cli->db, &cli->conf, svc_cli_id(key), &o->rule, &id,
	    e))
		return e->code;
	svc_buf_printf(&cli->own_out, "%lld\n", (long long)id);
	return 0;
}

/* One plan an order, ids from the arguments or stdin; prints the plans. */
static int
cmd_new(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, rule_opts, &o);
	cli->own_lines = 1;
	svc_cli_batch(cli, argc - optind, argv + optind, 1, new_one, &o);
}

static void
say_made(struct svc_cli *cli, const char *key, int made)
{
	if (made && !cli->quiet)
		svc_warnx("plan %s: %d order%s already made for after this "
		    "stand%s: cancel with svc-order cancel if need be", key,
		    made, made == 1 ? "" : "s", made == 1 ? "s" : "");
}

static int
edit_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;
	int made = 0;

	if (svc_plan_edit(cli->db, &cli->conf, svc_cli_id(key), &o->rule,
	    &made, e))
		return e->code;
	say_made(cli, key, made);
	return 0;
}

static int
cmd_edit(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, rule_opts, &o);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, edit_one, &o);
}

static int
state_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;
	int made = 0;

	if (svc_plan_state(cli->db, svc_cli_id(key), cli->verb->name,
	    o->rule.note, &made, e))
		return e->code;
	if (strcmp(cli->verb->name, "resume") != 0)
		say_made(cli, key, made);
	return 0;
}

static int
cmd_state(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, state_opts, &o);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, state_one, &o);
}

static void
made(int64_t plan, int64_t order, void *ctx)
{
	struct svc_cli *cli = ctx;

	(void)plan;
	svc_buf_printf(&cli->own_out, "%lld\n", (long long)order);
}

static void
said(int64_t plan, const char *msg, void *ctx)
{
	struct svc_cli *cli = ctx;

	if (!cli->quiet)
		svc_warnx("plan %lld: %s", (long long)plan, msg);
}

static int
run_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	const struct svc_plan_run *r = ctx;

	return svc_plan_run(cli->db, &cli->conf, svc_cli_id(key), r, e);
}

/* The plans to run, each an item; those still waiting are said. */
static void
due_plans(struct svc_cli *cli, struct svc_buf *keys)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	char key[24];

	if (svc_plan_due(cli->db, &st, &e))
		svc_cli_fail(cli, &e);
	while (svc_step(st) == SVC_ROW) {
		snprintf(key, sizeof key, "%lld",
		    (long long)svc_col_int64(st, 0));
		if (svc_col_int(st, 2))
			svc_buf_add(keys, key, strlen(key) + 1);
		else if (!cli->quiet)
			svc_warnx("plan %s: its first order %lld is %s, not "
			    "accepted: nothing made (G5)", key,
			    (long long)svc_col_int64(st, 1),
			    svc_col_text(st, 3));
	}
	svc_finalize(st);
}

/*
 * The orders every active plan has due up to --ahead (14 days), made
 * once; prints their ids.  One plan's failure rolls back that plan only
 * with -k, else everything.
 */
static int
cmd_run(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_plan_run r = { 0 };
	struct svc_buf keys = { 0 };
	struct svc_err e = { 0 };
	struct svc_dur ahead = { SVC_DUR_CLOCK, 14 * 86400, 0 };
	struct opts o;

	options(cli, argc, argv, run_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	if (o.ahead && (svc_dur_parse(o.ahead, &ahead, &e) ||
	    ahead.unit != SVC_DUR_CLOCK || ahead.secs <= 0 ||
	    ahead.secs > 366 * 86400)) {
		svc_warnx("--ahead %s: a span of clock time up to a year "
		    "(14d, 36h)", o.ahead);
		svc_cli_usage(cli);
	}
	r.upto = svc_now() + (time_t)ahead.secs;
	r.made = made;
	r.said = said;
	r.ctx = cli;
	cli->own_lines = 1;
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);	/* before reading: two runs wait in turn */
	due_plans(cli, &keys);
	svc_batch_items(cli, &keys, run_one, &r);
	svc_buf_free(&keys);
	svc_batch_end(cli);
}

static int
cmd_list(struct svc_cli *cli, int argc, char **argv)
{
	/* A narrow table drops on_holiday, first, made, kind in that order. */
	static const struct svc_col cols[] = {
		{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
		{ NC_("column", "state"), SVC_COL_CODE, 0, 0 },
		{ NC_("column", "kind"), SVC_COL_CODE, 0, 4 },
		{ NC_("column", "customer"), SVC_COL_TEXT, 16, 0 },
		{ NC_("column", "first"), SVC_COL_INT, 0, 2 },
		{ NC_("column", "every"), SVC_COL_TEXT, 24, 0 },
		{ NC_("column", "on_holiday"), SVC_COL_CODE, 0, 1 },
		{ NC_("column", "made"), SVC_COL_INT, 0, 3 },
		{ NC_("column", "last"), SVC_COL_TIME, 0, 0 },
	};
	static const char *const states[] = { "active", "paused", "ended",
		NULL };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;
	int i;

	options(cli, argc, argv, list_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	for (i = 0; o.state && states[i] && strcmp(states[i], o.state); i++)
		;
	if (o.state && states[i] == NULL) {
		svc_warnx("--state %s: active, paused or ended", o.state);
		svc_cli_usage(cli);
	}
	svc_cli_open(cli, SVC_DB_RO);
	svc_cli_known(cli, SVC_K_KIND, "--kind", o.kind);
	if (svc_plan_query(cli->db, o.state, o.kind, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, cols, 9);
	svc_db_close(cli->db);
	return 0;
}

static const struct svc_col occ_cols[] = {
	{ NC_("column", "plan"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "planned"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "at"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "order"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "status"), SVC_COL_CODE, 0, 0 },
	{ NC_("column", "note"), SVC_COL_TEXT, 40, 0 },
};

struct show {
	struct svc_cli *cli;
	struct svc_out *out;
};

static int
show_one(const char *key, void *arg)
{
	struct show *s = arg;
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int i;

	if (svc_plan_occs(s->cli->db, svc_cli_id(key), &st, &e))
		svc_cli_fail(s->cli, &e);
	while (svc_step(st) == SVC_ROW) {
		for (i = 0; i < 6; i++)
			svc_out_column(s->out, st, i);
		svc_out_row(s->out);
	}
	svc_finalize(st);
	return 0;
}

/* Every occurrence of the plans: made, moved (and why) or skipped. */
static int
cmd_show(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct show s = { cli, NULL };
	struct opts o;

	options(cli, argc, argv, no_opts, &o);
	svc_cli_open(cli, SVC_DB_RO);
	s.out = svc_cli_out(cli, occ_cols, 6);
	if (svc_ids_each(argv + optind, argc - optind, stdin, 1, show_one, &s,
	    &e))
		svc_cli_fail(cli, &e);
	svc_cli_out_end(cli, s.out);
	svc_db_close(cli->db);
	return 0;
}

static const struct svc_verb verbs[] = {
	{ "new", cmd_new, "new [ORDER...] (--every SPEC | --rrule RULE) "
	    "[--from DATE] [--until DATE | --count N] [--on-holiday RULE] "
	    "[--note TEXT] [-n] [-k]",
	    N_("A plan from each order (ids from stdin without arguments);\n"
	    "prints the plans' ids.  The order is the first visit and gets\n"
	    "the normal reply (G5, G6); svc-plan run makes the others.\n\n"
	    "  --every SPEC     [N](d|w|mo|y) [DAYS] [HH:MM]: 'tue 09:00',\n"
	    "                   '2w sat 14:00', 'mon,thu 08:30', '3mo'\n"
	    "  --rrule RULE     an RFC 5545 rule: FREQ=WEEKLY;BYDAY=TU\n"
	    "  --from DATE      the first day (and 'DATE HH:MM'); default\n"
	    "                   the first order's time\n"
	    "  --until DATE     the last day\n"
	    "  --count N        this many occurrences\n"
	    "  --on-holiday RULE  skip, next (default) or prev working day\n"
	    "  --note TEXT      why, kept with the rule\n") },
	{ "edit", cmd_edit, "edit [PLAN...] --from DATE (--every SPEC | "
	    "--rrule RULE) [--until DATE | --count N] [--on-holiday RULE] "
	    "[--note TEXT] [-n] [-k]",
	    N_("A new rule from --from on (today or later); what was made\n"
	    "before stays, and orders already made after it are counted.\n") },
	{ "pause", cmd_state, "pause [PLAN...] [--note TEXT] [-n] [-k]",
	    N_("Make nothing until resumed; what falls in the pause is not\n"
	    "made later.\n") },
	{ "resume", cmd_state, "resume [PLAN...] [--note TEXT] [-n] [-k]",
	    N_("Make the next occurrences again.\n") },
	{ "end", cmd_state, "end [PLAN...] [--note TEXT] [-n] [-k]",
	    N_("Make nothing more, for good.\n") },
	{ "run", cmd_run, "run [--ahead DUR] [-n] [-k]",
	    N_("Make the orders every active plan has due within --ahead\n"
	    "(default 14d), accepted at their time; each occurrence once,\n"
	    "however often and in parallel it runs.  Prints their ids; a\n"
	    "moved or skipped occurrence is said on stderr.\n\n"
	    "  --ahead DUR      the horizon: 14d, 36h\n") },
	{ "list", cmd_list, "list [--state STATE] [--kind KIND]",
	    N_("id, state, kind, customer, first, every, on_holiday, made, last.\n"
	    "\n"
	    "  --state STATE    active, paused or ended\n"
	    "  --kind KIND      cleaning, repair or gov\n") },
	{ "show", cmd_show, "show [PLAN...]",
	    N_("plan, planned, at, order, status, note: the first order, then\n"
	    "every occurrence, moved (and why) or skipped.\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-plan", verbs);
}

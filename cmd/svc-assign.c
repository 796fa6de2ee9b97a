/*
 * svc-assign - dispatch: who goes, when (C2); moving an appointment with
 * the notice rule (G9); a worker's agenda; automatic dispatch.
 * See svc-assign(1).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum {
	O_HELPER = 0x200, O_FORCE, O_AT, O_REASON, O_BY, O_NOTIFIED, O_ON,
	O_DEPT, O_VERBOSE
};

static const struct option long_opts[] = {
	SVC_COMMON_LONG, SVC_WRITE_LONG,
	{ "helper", required_argument, NULL, O_HELPER },
	{ "force", no_argument, NULL, O_FORCE },
	{ "at", required_argument, NULL, O_AT },
	{ "reason", required_argument, NULL, O_REASON },
	{ "by", required_argument, NULL, O_BY },
	{ "notified", required_argument, NULL, O_NOTIFIED },
	{ "on", required_argument, NULL, O_ON },
	{ "dept", required_argument, NULL, O_DEPT },
	{ "verbose", no_argument, NULL, O_VERBOSE },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	const char *helper, *at, *reason, *by, *notified, *on, *dept;
	int force, verbose;
	struct svc_worker worker, helper_w;
	struct svc_move move;
};

static const int to_opts[] = { O_HELPER, O_FORCE, 'n', 'k', 0 };
static const int drop_opts[] = { O_REASON, 'n', 'k', 0 };
static const int move_opts[] = {
	O_AT, O_REASON, O_BY, O_NOTIFIED, O_FORCE, 'n', 'k', 0
};
static const int agenda_opts[] = { O_ON, 0 };
static const int auto_opts[] = { O_DEPT, O_ON, O_VERBOSE, 'v', 'n', 0 };

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct opts *o = ctx;

	(void)cli;
	switch (c) {
	case O_HELPER: o->helper = arg; break;
	case O_FORCE: o->force = 1; break;
	case O_VERBOSE: case 'v': o->verbose = 1; break;
	case O_AT: o->at = arg; break;
	case O_REASON: o->reason = arg; break;
	case O_BY: o->by = arg; break;
	case O_NOTIFIED: o->notified = arg; break;
	case O_ON: o->on = arg; break;
	case O_DEPT: o->dept = arg; break;
	}
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	svc_cli_options(cli, argc, argv, long_opts, "v", allowed, option, o);
}

static int
assign_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;

	const char *lacks;

	if (svc_assign(cli->db, svc_cli_id(key), &o->worker,
	    o->helper ? &o->helper_w : NULL, o->force, e))
		return e->code;
	/* Issue 18: a skill missing is said, not refused: the dispatcher
	 * may know better (auto only chooses those who have them). */
	lacks = svc_order_lacks(cli->db, &cli->conf, svc_cli_id(key),
	    o->worker.id, e);
	if (lacks && !cli->quiet)
		svc_warnx("%s: %s lacks %s, which its services need", key,
		    o->worker.login, lacks);
	return e->code;
}

/* C2: the supervisor arranges who goes. */
static int
cmd_to(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct opts o;

	options(cli, argc, argv, to_opts, &o);
	svc_cli_need(cli, argc - optind, 1, -1);
	svc_cli_open(cli, SVC_DB_RW);
	if (svc_worker(cli->db, argv[optind], &o.worker, &e) ||
	    (o.helper && svc_worker(cli->db, o.helper, &o.helper_w, &e)))
		svc_cli_fail(cli, &e);
	svc_batch_ids(cli, argv + optind + 1, argc - optind - 1, 1, assign_one,
	    &o);
	svc_batch_end(cli);
}

static int
drop_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_unassign(cli->db, svc_cli_id(key), o->reason, e);
}

static int
cmd_drop(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, drop_opts, &o);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, drop_one, &o);
}

static int
move_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;
	struct svc_move m = o->move;

	if (svc_move(cli->db, &cli->conf, svc_cli_id(key), &m, e))
		return e->code;
	svc_cli_warn_notice(cli, key, &m);
	svc_cli_warn_quiet(cli, key, m.quiet, m.at);
	return 0;
}

/* G9: a change of appointment, with the notice the applicant was given. */
static int
cmd_move(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, move_opts, &o);
	if (o.at == NULL || o.reason == NULL || *o.reason == '\0') {
		svc_warnx("move: --at and --reason are required");
		svc_cli_usage(cli);
	}
	if (o.by && strcmp(o.by, "provider") && strcmp(o.by, "applicant")) {
		svc_warnx("%s: --by is provider or applicant", o.by);
		svc_cli_usage(cli);
	}
	o.move.at = svc_cli_time(cli, o.at);
	o.move.notified = o.notified ? svc_cli_time(cli, o.notified) :
	    svc_now();
	o.move.typed = o.notified != NULL;	/* else its message proves it */
	o.move.reason = o.reason;
	o.move.applicant = o.by && strcmp(o.by, "applicant") == 0;
	o.move.force = o.force;
	svc_cli_batch(cli, argc - optind, argv + optind, 1, move_one, &o);
}

static void
day(struct svc_cli *cli, const char *s, time_t *from, time_t *to)
{
	struct svc_err e = { 0 };
	int y, m, d;

	svc_cli_config(cli);
	if (svc_date_parse(s ? s : "today", svc_now(), &y, &m, &d, &e))
		svc_cli_fail(cli, &e);
	*from = svc_local_mktime(y, m, d, 0);
	*to = svc_local_mktime(y, m, d, 24 * 60);
}

/* Issue 18: the day's leave, said beside the visits (stderr: not a row). */
static void
on_leave_note(struct svc_cli *cli, const char *login, int64_t person,
    time_t from, time_t to)
{
	struct svc_err e = { 0 };
	struct svc_leave l;
	char span[80];

	if (cli->quiet || svc_on_leave(cli->db, person, from, to, &l, &e) <= 0)
		return;
	svc_leave_span(&l, span, sizeof span);
	svc_warnx("%s is on leave %s (%s)", login, span, l.reason);
}

/* A visit of the agenda whose time has come with nobody there (G8). */
static int
late_arrival(struct svc_stmt *st)
{
	return strcmp(svc_col_text(st, 8), "assigned") == 0 &&
	    svc_col_int64(st, 1) < (int64_t)svc_now();
}

static int
cmd_agenda(struct svc_cli *cli, int argc, char **argv)
{
	/* A narrow table drops role, status, until, documents, services
	 * in that order: the worker at the door needs where, who, the
	 * phone and the note (a dog in the house) most. */
	static const struct svc_col cols[] = {
		{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
		{ NC_("column", "at"), SVC_COL_TIME, 0, 0 },
		{ NC_("column", "until"), SVC_COL_TIME, 0, 3 },
		{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
		{ NC_("column", "address"), SVC_COL_TEXT, 28, 0 },
		{ NC_("column", "phone"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "services"), SVC_COL_TEXT, 24, 5 },
		{ NC_("column", "documents"), SVC_COL_TEXT, 30, 4 },
		{ NC_("column", "status"), SVC_COL_CODE, 0, 2 },
		{ NC_("column", "role"), SVC_COL_CODE, 0, 1 },
		{ NC_("column", "note"), SVC_COL_TEXT, 30, 0 },
	};
	struct svc_err e = { 0 };
	const char *login;
	struct svc_stmt *st;
	time_t from, to;
	struct opts o;
	int64_t person;

	options(cli, argc, argv, agenda_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 1);
	login = optind < argc ? argv[optind] : svc_actor();
	day(cli, o.on, &from, &to);
	svc_cli_open(cli, SVC_DB_RO);
	if (svc_staff_id(cli->db, login, &person, &e) ||
	    svc_agenda_query(cli->db, person, from, to, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_marked(cli, st, cols, (int)(sizeof cols / sizeof cols[0]),
	    late_arrival);
	on_leave_note(cli, login, person, from, to);
	svc_db_close(cli->db);
	return 0;
}

static int
auto_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	const struct opts *o = ctx;
	struct svc_buf why = { 0 };
	struct svc_worker w;

	if (svc_auto_assign(cli->db, &cli->conf, svc_cli_id(key), &w,
	    o->verbose ? &why : NULL, e) == 0 && why.s)
		svc_warnx("%s: %s", key, why.s);	/* -v: why this one */
	svc_buf_free(&why);
	if (e->code)
		return e->code;
	snprintf(cli->detail, sizeof cli->detail, "%s", w.login);
	return 0;
}

/* With --dept or --on and no ids: every accepted order they select. */
static void
select_orders(struct svc_cli *cli, struct opts *o, struct svc_buf *ids)
{
	struct svc_order_filter f = { 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int rc;

	f.statuses = "accepted";
	f.dept = o->dept;
	if (o->on)
		day(cli, o->on, &f.on_from, &f.on_to);
	if (svc_order_query(cli->db, &f, &st, &e))
		svc_cli_fail(cli, &e);
	while ((rc = svc_step(st)) == SVC_ROW) {
		svc_buf_printf(ids, "%lld", (long long)svc_col_int64(st, 0));
		svc_buf_add(ids, "", 1);	/* keys are NUL-separated */
	}
	svc_finalize(st);
	if (rc != SVC_DONE) {
		svc_db_error(cli->db, rc, &e);
		svc_cli_fail(cli, &e);
	}
}

static int
cmd_auto(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_buf ids = { 0 };
	struct opts o;

	options(cli, argc, argv, auto_opts, &o);
	/* An order nobody can take is reported; the others still go. */
	cli->keep_going = 1;
	svc_cli_open(cli, SVC_DB_RW);
	svc_cli_known(cli, SVC_K_DEPT, "--dept", o.dept);
	if (optind == argc && (o.dept || o.on)) {
		select_orders(cli, &o, &ids);
		svc_batch_run(cli, &ids, auto_one, &o);
	} else {
		svc_batch_ids(cli, argv + optind, argc - optind, 1, auto_one,
		    &o);
	}
	svc_buf_free(&ids);
	svc_batch_end(cli);
}

static const struct svc_verb verbs[] = {
	{ "to", cmd_to, "to LOGIN [ID...] [--helper LOGIN] [--force] [-n] [-k]",
	    N_("Send LOGIN, an active worker, to each order (C2).  A worker of\n"
	    "another department, or one already booked then, needs --force.\n"
	    "  --helper LOGIN   a second person for the visit\n") },
	{ "drop", cmd_drop, "drop [ID...] [--reason TEXT] [-n] [-k]",
	    N_("Take the worker off; the order is accepted again.\n") },
	{ "move", cmd_move, "move [ID...] --at TIME --reason TEXT "
	    "[--by provider|applicant] [--notified TIME] [--force] [-n] [-k]",
	    N_("Change an appointment.  A provider's move told less than the\n"
	    "kind's notice before the old time (G9: 8h) is recorded as short.\n"
	    "  --by WHO         provider (default) or applicant\n"
	    "  --notified TIME  when the applicant was told (default now)\n"
	    "  --force          outside working hours (G7), in the past, or\n"
	    "                   double-booking the worker\n") },
	{ "agenda", cmd_agenda, "agenda [LOGIN] [--on DAY]",
	    N_("A worker's visits of a day (default: yours, today) in time order.\n") },
	{ "auto", cmd_auto, "auto [ID...] [--dept CODE] [--on DAY] [-v] [-n]",
	    N_("Give each accepted order to the least-loaded free worker of its\n"
	    "department; print id and login.  With --dept or --on and no ids,\n"
	    "every accepted order they select.  Orders nobody can take are\n"
	    "reported and the exit status is 1.  Only workers with the skills\n"
	    "the services need, not on leave.\n\n"
	    "  -v, --verbose  why each one: their load, skills, who was passed over\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-assign", verbs);
}

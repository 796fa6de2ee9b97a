/*
 * svc-notify - the outbox: what the applicant is to be told (G5, G6, G9,
 * A1, G10), handed to a gateway and recorded as sent or failed:
 *
 *   svc-notify due | gateway | svc-notify sent
 *
 * See svc-notify(1).
 */
#include <string.h>

#include "cli.h"

enum { O_AT = 0x200, O_REASON, O_CHECK, O_CHANNEL };

static const struct option long_opts[] = {
	SVC_COMMON_LONG, SVC_WRITE_LONG,
	{ "at", required_argument, NULL, O_AT },
	{ "reason", required_argument, NULL, O_REASON },
	{ "check", no_argument, NULL, O_CHECK },
	{ "channel", required_argument, NULL, O_CHANNEL },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	const char *at, *reason, *channel;
	time_t when;
	int check;
};

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct opts *o = ctx;

	(void)cli;
	switch (c) {
	case O_AT: o->at = arg; break;
	case O_REASON: o->reason = arg; break;
	case O_CHECK: o->check = 1; break;
	case O_CHANNEL: o->channel = arg; break;
	}
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	svc_cli_options(cli, argc, argv, long_opts, NULL, allowed, option, o);
}

/*
 * What should go out now, one a line: ID, recipient, text.  Nothing in
 * the customers' quiet hours (A9, the night among them): the messages
 * wait for the next run after them, and their time (not_after) still
 * holds.
 */
static int
cmd_due(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_CHANNEL, 0 };
	static const struct svc_col cols[] = {
		{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
		{ NC_("column", "recipient"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "text"), SVC_COL_TEXT, 60, 0 },
	};
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;
	time_t now;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_open(cli, SVC_DB_RO);
	now = svc_now();
	if (svc_windows_touch(cli->conf.quiet, cli->conf.nquiet, now,
	    now + 1)) {
		if (!cli->quiet)
			svc_warnx("quiet hours (A9): nothing goes out now");
		svc_db_close(cli->db);
		return 0;
	}
	if (svc_notify_due_query(cli->db, o.channel, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, cols, 3);
	svc_db_close(cli->db);
	return 0;
}

static int
sent_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_notify_sent(cli->db, svc_cli_id(key), o->when, e);
}

static int
cmd_sent(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_AT, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	svc_cli_config(cli);	/* the clock, SVC_NOW's or the real one */
	o.when = o.at ? svc_cli_time(cli, o.at) : svc_now();
	svc_cli_batch(cli, argc - optind, argv + optind, 1, sent_one, &o);
}

static int
failed_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_notify_failed(cli->db, svc_cli_id(key), o->reason, e);
}

static int
dismiss_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_notify_dismiss(cli->db, svc_cli_id(key), o->reason, e);
}

/* failed and dismiss: a reason is required, and kept. */
static int
cmd_reasoned(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_REASON, 'n', 'k', 0 };
	int failed = strcmp(cli->verb->name, "failed") == 0;
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.reason == NULL || *o.reason == '\0') {
		svc_warnx("%s: --reason is required", cli->verb->name);
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1,
	    failed ? failed_one : dismiss_one, &o);
}

/* What needs a person: expired (never sent in time) and failed messages. */
static int
cmd_check(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_CHECK, 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;
	int n;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	cli->check = o.check;
	svc_cli_open(cli, SVC_DB_RO);
	if (svc_notify_check_query(cli->db, &st, &e))
		svc_cli_fail(cli, &e);
	n = svc_cli_stmt_out(cli, st, svc_unsent_cols, SVC_OUTBOX_NCOLS);
	svc_db_close(cli->db);
	return o.check && n > 0 ? SVC_EX_FOUND : 0;
}

/* The reminders that have come due; prints how many it made. */
static int
cmd_sweep(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { 'n', 0 };
	struct svc_err e = { 0 };
	struct opts o;
	int made;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);
	if (svc_notify_sweep(cli->db, &cli->conf, &made, &e)) {
		svc_db_rollback(cli->db);
		svc_cli_fail(cli, &e);
	}
	cli->nok = made;
	if (!cli->quiet && !cli->dry_run)
		svc_warnx("%d reminders made", made);
	svc_batch_end(cli);
}

static const struct svc_verb verbs[] = {
	{ "due", cmd_due, "due [--channel sms|email]",
	    N_("What should go out now, one a line: ID, recipient, text\n"
	    "(nothing in the customers' quiet hours, A9).  Pipe it to a\n"
	    "gateway, and the gateway's ids to svc-notify sent.\n\n"
	    "  --channel CH  only the SMS (to phones) or the mail (to addresses)\n") },
	{ "sent", cmd_sent, "sent [ID...] [--at TIME] [-n] [-k]",
	    N_("Record messages as sent (default now); ids from stdin, the\n"
	    "first field of each line, without arguments.\n"
	    "  --at TIME     when the gateway sent it\n") },
	{ "failed", cmd_reasoned, "failed [ID...] --reason TEXT [-n] [-k]",
	    N_("Record a failed attempt; the message stays due.\n") },
	{ "dismiss", cmd_reasoned, "dismiss [ID...] --reason TEXT [-n] [-k]",
	    N_("The applicant was told another way: no longer due.\n") },
	{ "check", cmd_check, "check [--check]",
	    N_("Messages past their time unsent, and failed ones.\n"
	    "  --check       exit 1 when there is any\n") },
	{ "sweep", cmd_sweep, "sweep [-n]",
	    N_("Make the reminders that have come due (remind_before); run\n"
	    "from cron every few minutes: each is made once.\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-notify", verbs);
}

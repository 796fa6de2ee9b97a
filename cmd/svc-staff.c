/*
 * svc-staff - departments with their published service phone (G3), and
 * staff with roles and work badges (A2, C2).  Nobody is deleted: a person
 * who leaves is disabled and still shows in history.  See svc-staff(1).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct opts {
	const char *name, *dept, *role, *phone, *badge, *kind;
	const char *from, *to, *reason, *since, *skill, *hours;
	int all;
};

enum {
	O_NAME = 0x200, O_DEPT, O_ROLE, O_PHONE, O_BADGE, O_KIND, O_ALL,
	O_FROM, O_TO, O_REASON, O_SINCE, O_SKILL, O_HOURS
};

static const struct option long_opts[] = {
	SVC_COMMON_LONG, SVC_WRITE_LONG,
	{ "name", required_argument, NULL, O_NAME },
	{ "dept", required_argument, NULL, O_DEPT },
	{ "role", required_argument, NULL, O_ROLE },
	{ "phone", required_argument, NULL, O_PHONE },
	{ "badge", required_argument, NULL, O_BADGE },
	{ "kind", required_argument, NULL, O_KIND },
	{ "all", no_argument, NULL, O_ALL },
	{ "from", required_argument, NULL, O_FROM },
	{ "to", required_argument, NULL, O_TO },
	{ "reason", required_argument, NULL, O_REASON },
	{ "since", required_argument, NULL, O_SINCE },
	{ "skill", required_argument, NULL, O_SKILL },
	{ "hours", required_argument, NULL, O_HOURS },
	{ NULL, 0, NULL, 0 }
};

static const int person_opts[] = {
	O_NAME, O_DEPT, O_ROLE, O_PHONE, O_BADGE, O_SKILL, O_HOURS, 'n', 'k', 0
};
static const int dept_opts[] = { O_NAME, O_KIND, O_PHONE, 'n', 'k', 0 };
static const int batch_opts[] = { 'n', 'k', 0 };
static const int list_opts[] = { O_DEPT, O_ROLE, O_ALL, 'a', 0 };
static const int import_opts[] = { 'n', 0 };
static const int no_opts[] = { 0 };
static const int leave_opts[] = { O_FROM, O_TO, O_REASON, 'n', 0 };
static const int cancel_opts[] = { O_REASON, 'n', 'k', 0 };
static const int leaves_opts[] = { O_SINCE, O_ALL, 'a', 0 };

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct opts *o = ctx;

	(void)cli;
	switch (c) {
	case O_NAME: o->name = arg; break;
	case O_DEPT: o->dept = arg; break;
	case O_ROLE: o->role = arg; break;
	case O_PHONE: o->phone = arg; break;
	case O_BADGE: o->badge = arg; break;
	case O_KIND: o->kind = arg; break;
	case O_ALL: case 'a': o->all = 1; break;
	case O_FROM: o->from = arg; break;
	case O_TO: o->to = arg; break;
	case O_REASON: o->reason = arg; break;
	case O_SINCE: o->since = arg; break;
	case O_SKILL: o->skill = arg; break;
	case O_HOURS: o->hours = arg; break;
	}
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	svc_cli_options(cli, argc, argv, long_opts, "a", allowed, option, o);
}

static struct svc_staff
person(const char *login, const struct opts *o)
{
	struct svc_staff s = {
		login, o->name, o->dept, o->phone, o->badge, o->role
	};

	return s;
}

/* Issue 18: --skill and --hours, kept beside the person's fields. */
static int
shift_and_skills(struct svc_cli *cli, const char *login,
    const struct opts *o, struct svc_err *e)
{
	if (o->skill && svc_staff_set_skills(cli->db, login, o->skill, e))
		return e->code;
	if (o->hours && svc_staff_set_hours(cli->db, login, o->hours, e))
		return e->code;
	return 0;
}

static int
add_person(struct svc_cli *cli, const char *login, void *ctx,
    struct svc_err *e)
{
	const struct opts *o = ctx;
	struct svc_staff s = person(login, o);

	if (svc_staff_add(cli->db, &s, e))
		return e->code;
	return shift_and_skills(cli, login, o, e);
}

static int
edit_person(struct svc_cli *cli, const char *login, void *ctx,
    struct svc_err *e)
{
	const struct opts *o = ctx;
	struct svc_staff s = person(login, o);

	if (svc_staff_edit(cli->db, &s, e))
		return e->code;
	return shift_and_skills(cli, login, o, e);
}

static int
set_active(struct svc_cli *cli, const char *login, void *ctx,
    struct svc_err *e)
{
	return svc_staff_set_active(cli->db, login, *(int *)ctx, e);
}

static int
add_dept(struct svc_cli *cli, const char *code, void *ctx, struct svc_err *e)
{
	const struct opts *o = ctx;
	struct svc_dept d = { code, o->name, o->kind, o->phone };

	return svc_dept_add(cli->db, &d, e);
}

static int
edit_dept(struct svc_cli *cli, const char *code, void *ctx,
    struct svc_err *e)
{
	const struct opts *o = ctx;
	struct svc_dept d = { code, o->name, o->kind, o->phone };

	return svc_dept_edit(cli->db, &d, e);
}

static int
cmd_add(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, person_opts, &o);
	svc_cli_need(cli, argc - optind, 1, 1);
	if (o.name == NULL) {
		svc_warnx("add: --name is required");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 0, add_person, &o);
}

static int
cmd_edit(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, person_opts, &o);
	if (!o.name && !o.dept && !o.role && !o.phone && !o.badge &&
	    !o.skill && !o.hours) {
		svc_warnx("edit: nothing to change");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 0, edit_person, &o);
}

/* disable and enable: the verb says which. */
static int
cmd_active(struct svc_cli *cli, int argc, char **argv)
{
	static int active;
	struct opts o;

	active = strcmp(cli->verb->name, "enable") == 0;
	options(cli, argc, argv, batch_opts, &o);
	svc_cli_batch(cli, argc - optind, argv + optind, 0, set_active, &active);
}

static int
cmd_add_dept(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, dept_opts, &o);
	svc_cli_need(cli, argc - optind, 1, 1);
	if (o.name == NULL || o.kind == NULL) {
		svc_warnx("add-dept: --name and --kind are required");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 0, add_dept, &o);
}

static int
cmd_edit_dept(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, dept_opts, &o);
	if (!o.name && !o.kind && !o.phone) {
		svc_warnx("edit-dept: nothing to change");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 0, edit_dept, &o);
}

/* A narrow table drops hours, skills, badge, phone, active in that order. */
static const struct svc_col staff_cols[] = {
	{ NC_("column", "login"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "name"), SVC_COL_TEXT, 24, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "roles"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "phone"), SVC_COL_TEXT, 0, 4 },
	{ NC_("column", "badge"), SVC_COL_TEXT, 0, 3 },
	{ NC_("column", "active"), SVC_COL_BOOL, 0, 5 },
	{ NC_("column", "skills"), SVC_COL_TEXT, 0, 2 },
	{ NC_("column", "hours"), SVC_COL_TEXT, 0, 1 },
};
#define NSTAFF_COLS ((int)(sizeof staff_cols / sizeof staff_cols[0]))

static int
cmd_list(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_staff_filter f = { NULL, NULL, NULL, 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;

	options(cli, argc, argv, list_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	f.dept = o.dept;
	f.role = o.role;
	f.all = o.all;
	svc_cli_open(cli, SVC_DB_RO);
	svc_cli_known(cli, SVC_K_DEPT, "--dept", f.dept);
	svc_cli_known(cli, SVC_K_ROLE, "--role", f.role);
	if (svc_staff_query(cli->db, &f, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, staff_cols, NSTAFF_COLS);
	svc_db_close(cli->db);
	return 0;
}

/* The sheet a person reads on a terminal: fields, then the history. */
static void
sheet(struct svc_cli *cli, struct svc_stmt *st, const char *login)
{
	struct svc_buf subject = { 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *h;
	char when[32];
	const char *v;
	int i;

	for (i = 0; i < NSTAFF_COLS; i++)
		printf("%-8s %s\n", staff_cols[i].name, i == 6 ?
		    (svc_col_int(st, 6) ? "yes" : "no") :
		    (v = svc_col_text(st, i)) ? v : "");
	svc_buf_printf(&subject, "staff:%s", login);
	if (svc_history_query(cli->db, subject.s, &h, &e))
		svc_cli_fail(cli, &e);
	printf("history\n");
	while (svc_step(h) == SVC_ROW) {
		svc_time_local((time_t)svc_col_int64(h, 0), when,
		    sizeof when);
		printf("  %s  %-10s %-14s %s\n", when, svc_col_text(h, 1),
		    svc_col_text(h, 2), svc_col_text(h, 3));
	}
	svc_finalize(h);
	svc_buf_free(&subject);
}

struct show {
	struct svc_cli *cli;
	struct svc_out *out;	/* NULL on a terminal: the sheet instead */
	int n;
};

static int
show_one(const char *login, void *ctx)
{
	struct show *sh = ctx;
	struct svc_staff_filter f = { login, NULL, NULL, 1 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	int i, found;

	if (svc_staff_query(sh->cli->db, &f, &st, &e))
		svc_cli_fail(sh->cli, &e);
	if ((found = svc_step(st) == SVC_ROW)) {
		if (sh->out == NULL) {
			if (sh->n++)
				printf("\n");
			sheet(sh->cli, st, login);
		} else {
			for (i = 0; i < NSTAFF_COLS; i++)
				svc_out_column(sh->out, st, i);
			svc_out_row(sh->out);
		}
	}
	svc_finalize(st);
	if (found)
		return 0;
	svc_warnx("%s: no such person on the staff", login);
	return SVC_EX_NOINPUT;
}

static int
cmd_show(struct svc_cli *cli, int argc, char **argv)
{
	struct show sh = { cli, NULL, 0 };
	struct svc_err e = { 0 };
	struct opts o;
	int rc;

	options(cli, argc, argv, no_opts, &o);
	svc_cli_open(cli, SVC_DB_RO);
	if (cli->fmt != SVC_FMT_TABLE)
		sh.out = svc_cli_out(cli, staff_cols, NSTAFF_COLS);
	rc = svc_ids_each(argv + optind, argc - optind, stdin, 0, show_one,
	    &sh, &e);
	if (sh.out)
		svc_cli_out_end(cli, sh.out);
	if (e.code)
		svc_cli_fail(cli, &e);
	svc_db_close(cli->db);
	return rc;
}

/* The roles of an active person (none for one disabled); 66 if unknown. */
static void
person_roles(struct svc_cli *cli, const char *login, char *held, size_t n)
{
	struct svc_staff_filter f = { 0 };
	struct svc_err e = { 0 };
	struct svc_stmt *st;

	svc_cli_open(cli, SVC_DB_RO);
	svc_cli_known(cli, SVC_K_LOGIN, "LOGIN", login);
	f.login = login;
	if (svc_staff_query(cli->db, &f, &st, &e))
		svc_cli_fail(cli, &e);
	if (svc_step(st) == SVC_ROW && svc_col_text(st, 3))
		snprintf(held, n, "%s", svc_col_text(st, 3));
	svc_finalize(st);
}

/* A listing with no options of its own: one query, every row. */
static int
listing(struct svc_cli *cli, int argc, char **argv,
    int (*query)(struct svc_db *, struct svc_stmt **, struct svc_err *),
    const struct svc_col *cols, int ncols)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;
	struct opts o;

	options(cli, argc, argv, no_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_open(cli, SVC_DB_RO);
	if (query(cli->db, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, cols, ncols);
	svc_db_close(cli->db);
	return 0;
}

static int
cmd_depts(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ NC_("column", "code"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "name"), SVC_COL_TEXT, 30, 0 },
		{ NC_("column", "kind"), SVC_COL_CODE, 0, 0 },
		{ NC_("column", "phone"), SVC_COL_TEXT, 0, 0 },
	};

	return listing(cli, argc, argv, svc_dept_query, cols, 4);
}

/*
 * Which role may run which writing verb: the library's one table
 * (acting.c); with LOGIN, only what that person's roles let them write.
 */
static int
cmd_roles(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ NC_("column", "command"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "verb"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "roles"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "what"), SVC_COL_TEXT, 0, 0 },
	};
	const struct svc_right *r;
	struct svc_out *out;
	struct opts o;
	char held[80] = "", roles[64], *p;
	const char *login = NULL;

	options(cli, argc, argv, no_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 1);
	if (optind < argc) {
		login = argv[optind];
		person_roles(cli, login, held, sizeof held);
	}
	out = svc_cli_out(cli, cols, 4);
	for (r = svc_rights; r->command; r++) {
		if (login && !svc_right_allows(r, held))
			continue;
		svc_out_text(out, r->command);
		svc_out_text(out, r->verb);
		if (r->roles) {
			snprintf(roles, sizeof roles, "%s", r->roles);
			for (p = roles; (p = strchr(p, ' ')) != NULL; )
				*p = ',';
			svc_out_text(out, roles);
		} else {
			svc_out_null(out);
		}
		svc_out_text(out, r->what);
		svc_out_row(out);
	}
	svc_cli_out_end(cli, out);
	if (cli->db)
		svc_db_close(cli->db);
	return 0;
}

/* G3: every window's service phone is published. */
static int
cmd_directory(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ NC_("column", "code"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "name"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "phone"), SVC_COL_TEXT, 0, 0 },
	};

	return listing(cli, argc, argv, svc_directory_query, cols, 3);
}

static void
imported(const char *kind, const char *key, void *ctx)
{
	struct svc_cli *cli = ctx;

	if (strcmp(kind, "staff") == 0) {
		svc_buf_puts(&cli->changed, key);
		svc_buf_putc(&cli->changed, '\n');
	}
	cli->nok++;
}

static int
cmd_import(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct svc_ynode *root;
	const char *file;
	struct opts o;

	options(cli, argc, argv, import_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 1);
	file = optind < argc ? argv[optind] : "-";
	if ((root = svc_yaml_load(file, &e)) == NULL)
		svc_cli_fail(cli, &e);
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);
	if (svc_staff_import(cli->db, root, strcmp(file, "-") ? file :
	    "<stdin>", imported, cli, &e)) {
		svc_db_rollback(cli->db);
		svc_yaml_free(root);
		svc_cli_fail(cli, &e);
	}
	svc_yaml_free(root);
	if (!cli->quiet && !cli->dry_run)
		svc_warnx("%d entries imported", cli->nok);
	svc_batch_end(cli);
}

/* Issue 18: LOGIN away; prints the leave's id, for leave-cancel. */
static int
cmd_leave(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct opts o;
	time_t from, to;
	int64_t id;
	int clashes = 0;

	options(cli, argc, argv, leave_opts, &o);
	svc_cli_need(cli, argc - optind, 1, 1);
	if (o.from == NULL || o.to == NULL || o.reason == NULL) {
		svc_warnx("leave: --from, --to and --reason are required");
		svc_cli_usage(cli);
	}
	svc_cli_config(cli);	/* the clock and the zone of the times */
	from = svc_cli_time(cli, o.from);
	to = svc_cli_time(cli, o.to);
	svc_cli_open(cli, SVC_DB_RW);
	svc_batch_begin(cli);
	if (svc_leave_add(cli->db, argv[optind], from, to, o.reason, &id,
	    &clashes, &e)) {
		svc_db_rollback(cli->db);
		svc_cli_fail(cli, &e);
	}
	if (clashes && !cli->quiet)
		svc_warnx("%s: %d booked visit%s in this leave: svc-report "
		    "clashes lists them", argv[optind], clashes,
		    clashes == 1 ? " is" : "s are");
	svc_cli_made(cli, id);
	cli->nok++;
	svc_batch_end(cli);
}

static int
cancel_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	const struct opts *o = ctx;

	return svc_leave_cancel(cli->db, svc_cli_id(key), o->reason, e);
}

static int
cmd_leave_cancel(struct svc_cli *cli, int argc, char **argv)
{
	struct opts o;

	options(cli, argc, argv, cancel_opts, &o);
	if (o.reason == NULL) {
		svc_warnx("leave-cancel: --reason is required");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1, cancel_one, &o);
}

static int
cmd_leave_list(struct svc_cli *cli, int argc, char **argv)
{
	static const struct svc_col cols[] = {
		{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
		{ NC_("column", "login"), SVC_COL_TEXT, 0, 0 },
		{ NC_("column", "from"), SVC_COL_TIME, 0, 0 },
		{ NC_("column", "to"), SVC_COL_TIME, 0, 0 },
		{ NC_("column", "reason"), SVC_COL_TEXT, 24, 0 },
		{ NC_("column", "cancelled"), SVC_COL_TIME, 0, 0 },
	};
	struct svc_err e = { 0 };
	const char *login;
	struct svc_stmt *st;
	struct opts o;
	time_t since;

	options(cli, argc, argv, leaves_opts, &o);
	svc_cli_need(cli, argc - optind, 0, 1);
	login = optind < argc ? argv[optind] : NULL;
	svc_cli_config(cli);
	since = o.since ? svc_cli_time(cli, o.since) : svc_now();
	svc_cli_open(cli, SVC_DB_RO);
	svc_cli_known(cli, SVC_K_LOGIN, "LOGIN", login);
	if (svc_leave_query(cli->db, login, since, o.all, &st, &e))
		svc_cli_fail(cli, &e);
	svc_cli_stmt_out(cli, st, cols, 6);
	svc_db_close(cli->db);
	return 0;
}

static const struct svc_verb verbs[] = {
	{ "add", cmd_add, "add LOGIN --name NAME [--dept CODE] [--role ROLES] "
	    "[--phone PHONE] [--badge NO] [--skill LIST] [--hours LIST] [-n]",
	    N_("  --name NAME      the full name, as on the badge\n"
	    "  --dept CODE      the department\n"
	    "  --role ROLES     admin, complaints, dispatcher, finance,\n"
	    "                   reception, worker;\n"
	    "                   comma separated\n"
	    "  --phone PHONE    the person's phone\n"
	    "  --badge NO       the work badge number, shown at the door (A2)\n"
	    "  --skill LIST     what the person can do (fridge,aircon); the\n"
	    "                   catalogue's services name what they need\n"
	    "  --hours LIST     their own hours, 08:00-14:00[,...], when not\n"
	    "                   the calendar's (a shift)\n"
	    "  -n, --dry-run    check and print, write nothing\n") },
	{ "edit", cmd_edit, "edit [LOGIN...] [--name NAME] [--dept CODE] "
	    "[--role ROLES] [--phone PHONE] [--badge NO] [--skill LIST] "
	    "[--hours LIST] [-n] [-k]",
	    N_("Change the given fields; an empty value clears dept, phone,\n"
	    "badge, skills or hours.  --role and --skill replace.  Logins from\n"
	    "stdin without arguments.  -k applies the good ones, exits 1.\n") },
	{ "disable", cmd_active, "disable [LOGIN...] [-n] [-k]",
	    N_("Take people off duty; they stay in every record.\n") },
	{ "enable", cmd_active, "enable [LOGIN...] [-n] [-k]",
	    N_("Put disabled people back on duty.\n") },
	{ "list", cmd_list, "list [--dept CODE] [--role ROLE] [--all]",
	    N_("  --dept CODE      only this department\n"
	    "  --role ROLE      only people with this role\n"
	    "  -a, --all        disabled people too\n") },
	{ "show", cmd_show, "show [LOGIN...]",
	    N_("The whole record with its history.\n") },
	{ "directory", cmd_directory, "directory",
	    N_("The published service phone of every department (G3).\n") },
	{ "import", cmd_import, "import [FILE] [-n]",
	    N_("Add or update departments and staff from a YAML roster;\n"
	    "all or nothing.  FILE - or none reads stdin.\n") },
	{ "add-dept", cmd_add_dept, "add-dept CODE --name NAME --kind KIND "
	    "[--phone PHONE] [-n]",
	    N_("  --name NAME      the department's name\n"
	    "  --kind KIND      cleaning, repair or gov\n"
	    "  --phone PHONE    the published service phone (G3)\n") },
	{ "edit-dept", cmd_edit_dept, "edit-dept [CODE...] [--name NAME] "
	    "[--kind KIND] [--phone PHONE] [-n] [-k]",
	    N_("Change the given fields of departments.\n") },
	{ "depts", cmd_depts, "depts",
	    N_("List the departments.\n") },
	{ "leave", cmd_leave, "leave LOGIN --from TIME --to TIME --reason TEXT "
	    "[-n]",
	    N_("LOGIN is away from --from to --to (issue 18): no visit is booked\n"
	    "into it.  Prints the leave's id.  Visits booked before are kept\n"
	    "and listed by svc-report clashes.\n") },
	{ "leave-cancel", cmd_leave_cancel, "leave-cancel [ID...] --reason TEXT "
	    "[-n] [-k]",
	    N_("The leave will not be taken; kept, with why.\n") },
	{ "leave-list", cmd_leave_list, "leave-list [LOGIN] [--since TIME] "
	    "[--all]",
	    N_("Leave not over by --since (default now), in time order:\n"
	    "id, login, from, to, reason, cancelled.\n\n"
	    "  -a, --all        cancelled leave too\n") },
	{ "roles", cmd_roles, "roles [LOGIN]",
	    N_("Which roles may run which writing verb (reading needs none);\n"
	    "with LOGIN, only the verbs that person's roles allow.\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-staff", verbs);
}

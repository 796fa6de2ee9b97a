/*
 * svc - the front door (issue 19): `svc order list ...` runs `svc-order
 * list ...`, `svc help [COMMAND]` lists the commands or shows one's help,
 * as git and other toolsets with many commands do.  The small commands
 * stay the real interface; this one only finds them.  See svc(1).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "svc.h"

static const struct {
	const char *name, *what;
} commands[] = {
	{ "assign", N_("dispatch workers, move appointments, a worker's agenda") },
	{ "cal", N_("the working calendar: holidays, working time") },
	{ "complaint", N_("the complaints office (G10)") },
	{ "db", N_("create, migrate, check, back up and seal the database") },
	{ "notify", N_("the outbox: messages to applicants") },
	{ "order", N_("register, reply, list, show and export orders") },
	{ "pay", N_("bills, payments, receipts, handovers") },
	{ "plan", N_("service plans: recurring visits") },
	{ "product", N_("products and their warranty, by barcode") },
	{ "report", N_("checks, summaries, evaluation, read-only query") },
	{ "staff", N_("departments, staff, roles, leave") },
	{ "visit", N_("the visit at the door, the form, no-shows") },
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

static int
find(const char *name)
{
	int i;

	if (strncmp(name, "svc-", 4) == 0)
		name += 4;
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return i;
	return -1;
}

static void
list(FILE *f)
{
	int i;

	fprintf(f, "%s svc COMMAND [ARGS...]\n       svc help [COMMAND]\n\n",
	    _("usage:"));
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name,
		    _(commands[i].what));
	fprintf(f, _("\nsvc COMMAND --help, or svc(1), for more.\n"));
}

/* A typo'd command: the nearest, as for a typo'd verb (cli.c). */
static _Noreturn void
unknown(const char *name)
{
	struct svc_near near = { name, NULL, 0 };
	int i;

	for (i = 0; i < NCOMMANDS; i++)
		svc_near_offer(&near, commands[i].name);
	if (svc_near_guess(&near))
		svc_warnx("%s: unknown command (did you mean %s?)", name,
		    svc_near_guess(&near));
	else
		svc_warnx("%s: unknown command", name);
	list(stderr);
	exit(SVC_EX_USAGE);
}

/*
 * The command beside this one first (an installed svc runs its own set,
 * not another on PATH), else PATH's.
 */
static _Noreturn void
run(int i, char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + 32], prog[32];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char *slash;

	snprintf(prog, sizeof prog, "svc-%s", commands[i].name);
	argv[0] = prog;
	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(path, sizeof path, "%s/%s", self, prog);
			if (access(path, X_OK) == 0)
				execv(path, argv);
		}
	}
	execvp(prog, argv);
	/* Not there, or not runnable: an installation to mend. */
	svc_die(SVC_EX_SOFTWARE, "%s: %s", prog, strerror(errno));
}

int
main(int argc, char **argv)
{
	static char help[] = "--help";
	char *one[3];
	int i;

	svc_progname = "svc";
	/* Never lend a group to whatever PATH finds (svc is not setgid;
	 * if someone made it so, the commands are setgid themselves). */
	if (getegid() != getgid() && setgid(getgid()) != 0)
		svc_die(SVC_EX_SOFTWARE, "cannot drop group: %s",
		    strerror(errno));
	svc_i18n_init();
	if (argc < 2) {
		list(stderr);
		return SVC_EX_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("svc %s\n", SVC_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		if (argc < 3) {
			list(stdout);
			return 0;
		}
		if ((i = find(argv[2])) < 0)
			unknown(argv[2]);
		one[0] = argv[2];
		one[1] = help;
		one[2] = NULL;
		run(i, one);
	}
	if (argv[1][0] == '-') {
		svc_warnx("%s: options go after the command (svc order -o "
		    "json list)", argv[1]);
		list(stderr);
		return SVC_EX_USAGE;
	}
	if ((i = find(argv[1])) < 0)
		unknown(argv[1]);
	run(i, argv + 1);
}

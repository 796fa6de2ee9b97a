/*
 * svc-cal - the working calendar: is a day worked, add working time, list
 * days, the next working moment (G5, G7).  See svc-cal(1).
 */
#include <stdlib.h>

#include "cli.h"

static const char *const weekday_names[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

static const struct svc_col day_cols[] = {
	{ NC_("column", "date"), SVC_COL_DATE, 0, 0 },
	{ NC_("column", "weekday"), SVC_COL_CODE, 0, 0 },
	{ NC_("column", "kind"), SVC_COL_CODE, 0, 0 },
	{ NC_("column", "name"), SVC_COL_TEXT, 0, 0 },
};

static const struct svc_col at_cols[] = {
	{ NC_("column", "at"), SVC_COL_TIME, 0, 0 },
};

enum { O_CALENDAR = 0x200 };

/* The calendar the verb reads: calendar:, or --calendar NAME's. */
static const struct svc_cal *cal;

/* Parse the verb's options: the common ones and --calendar. */
static void
options(struct svc_cli *cli, int argc, char **argv)
{
	static const struct option lo[] = { SVC_COMMON_LONG,
		{ "calendar", required_argument, NULL, O_CALENDAR },
		{ NULL, 0, NULL, 0 } };
	const char *name = NULL;
	int c;

	while ((c = getopt_long(argc, argv, SVC_COMMON_SHORT, lo, NULL)) != -1)
		if (c == O_CALENDAR)
			name = optarg;
		else
			svc_cli_option(cli, c, optarg);
	svc_cli_config(cli);
	cal = name ? svc_conf_cal_named(&cli->conf, name) : &cli->conf.cal;
	if (cal == NULL)
		svc_die(SVC_EX_USAGE, "%s: no such calendar (default, or one "
		    "of the config's calendars:)", name);
}

static int
day_arg(struct svc_cli *cli, const char *s)
{
	struct svc_err e = { 0 };
	int y, m, d;

	if (svc_date_parse(s, svc_now(), &y, &m, &d, &e))
		svc_cli_fail(cli, &e);
	return svc_days_from_civil(y, m, d);
}

static void
day_row(struct svc_cli *cli, struct svc_out *o, int day)
{
	const char *why;
	enum svc_daykind k = svc_cal_day(cal, day, &why);

	svc_out_date(o, day);
	svc_out_text(o, weekday_names[svc_weekday(day)]);
	svc_out_text(o, svc_daykind_name(k));
	svc_out_text(o, *why ? why : NULL);
	svc_out_row(o);
}

static void
print_at(struct svc_cli *cli, time_t t)
{
	struct svc_out *o = svc_cli_out(cli, at_cols, 1);

	svc_out_time(o, t);
	svc_out_row(o);
	svc_cli_out_end(cli, o);
}

/* Exit 0 on a working day, 1 otherwise, like test(1). */
static int
cmd_is(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_out *o;
	int day;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 0, 1);
	day = day_arg(cli, optind < argc ? argv[optind] : "today");
	if (!cli->quiet) {
		o = svc_cli_out(cli, day_cols, 4);
		day_row(cli, o, day);
		svc_cli_out_end(cli, o);
	}
	return svc_cal_is_working(cal, day) ? 0 : SVC_EX_FOUND;
}

static int
cmd_add(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct svc_dur d;
	time_t t, out;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 2, 2);
	t = svc_cli_time(cli, argv[optind]);
	if (svc_dur_parse(argv[optind + 1], &d, &e) ||
	    svc_cal_add_dur(cal, t, &d, &out, &e))
		svc_cli_fail(cli, &e);
	print_at(cli, out);
	return 0;
}

#define MAX_DAYS (366 * 20)

static int
cmd_days(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	struct svc_out *o;
	int from, to, day;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 2, 2);
	from = day_arg(cli, argv[optind]);
	to = day_arg(cli, argv[optind + 1]);
	if (to < from || to - from >= MAX_DAYS) {
		svc_seterr(&e, SVC_EX_USAGE, "%s %s: want FROM no later than "
		    "TO, at most %d days apart", argv[optind], argv[optind + 1],
		    MAX_DAYS);
		svc_cli_fail(cli, &e);
	}
	o = svc_cli_out(cli, day_cols, 4);
	for (day = from; day <= to; day++)
		day_row(cli, o, day);
	svc_cli_out_end(cli, o);
	return 0;
}

static int
cmd_next(struct svc_cli *cli, int argc, char **argv)
{
	struct svc_err e = { 0 };
	time_t t, out;

	options(cli, argc, argv);
	svc_cli_need(cli, argc - optind, 0, 1);
	t = optind < argc ? svc_cli_time(cli, argv[optind]) : svc_now();
	if (svc_cal_next(cal, t, &out, &e))
		svc_cli_fail(cli, &e);
	print_at(cli, out);
	return 0;
}

static const struct svc_verb verbs[] = {
	{ "is", cmd_is, "is [DATE] [--calendar NAME] [options]",
	    N_("Exit 0 when DATE (default today) is a working day, 1 when not;\n"
	    "print the date, weekday, kind and the holiday's name.\n") },
	{ "add", cmd_add, "add TIME DURATION [--calendar NAME] [options]",
	    N_("Print TIME plus DURATION: 30m, 8h, 1d are clock time;\n"
	    "1wd is one working day of working time (G5).\n") },
	{ "days", cmd_days, "days FROM TO [--calendar NAME] [options]",
	    N_("List each date from FROM to TO with its weekday and kind:\n"
	    "workday, weekend, holiday or makeup.\n") },
	{ "next", cmd_next, "next [TIME] [--calendar NAME] [options]",
	    N_("Print the next working moment at or after TIME (default now).\n\n"
	    "  --calendar NAME  one of the config's calendars: (default: calendar:)\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-cal", verbs);
}

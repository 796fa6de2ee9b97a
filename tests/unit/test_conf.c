/* test_conf.c - svc-config(5): every key known, every error positioned. */
#include "unit.h"

static int
load(struct svc_conf *c, const char *text, struct svc_err *e)
{
	svc_clearerr(e);
	return svc_conf_load_string(c, "c.yaml", text, e);
}

static void
defaults_are_the_seeds(void **state)
{
	struct svc_conf c;
	struct svc_err e = { 0 };
	const struct svc_rules *gov;

	(void)state;
	assert_int_equal(load(&c, "", &e), 0);
	gov = svc_conf_rules(&c, "gov");
	assert_non_null(gov);
	assert_int_equal(gov->reply_within.unit, SVC_DUR_WORKDAYS);	/* G5 */
	assert_int_equal(gov->reply_within.n, 1);
	assert_int_equal(gov->notice.secs, 8 * 3600);	/* G9 */
	assert_int_equal(gov->noshow_after.secs, 30 * 60);	/* G10 */
	assert_true(gov->working_hours_only);	/* G7 */
	assert_int_equal(c.cal.nwin, 2);
	assert_int_equal(svc_cal_day_secs(&c.cal), 7 * 3600);
	assert_string_equal(c.timezone, "Asia/Shanghai");
	assert_null(svc_conf_rules(&c, "plumbing"));
	svc_conf_free(&c);
}

static void
shipped_config_loads(void **state)
{
	struct svc_conf c;
	struct svc_err e = { 0 };

	(void)state;
	if (svc_conf_load(&c, "share/svc/config.yaml", &e) != 0)
		fail_msg("%s", e.msg);
	assert_int_equal(c.cal.nyears, 2);
	assert_true(c.nservices >= 8);
	assert_string_equal(c.services[0].code, "clean-daily");
	assert_int_equal(c.services[0].price, 12000);
	assert_int_equal(c.nquiet, 3);	/* 21:00-08:00 is split in two */
	assert_true(c.weights[0] > 0);
	svc_conf_free(&c);
}

static void
reads_every_section(void **state)
{
	struct svc_conf c;
	struct svc_err e = { 0 };
	static const char text[] =
	    "timezone: UTC\n"
	    "database: my.db\n"
	    "calendar:\n"
	    "  weekdays: [mon, tue, wed, thu, fri, sat]\n"
	    "  hours: ['08:00-12:00']\n"
	    "  holidays: [{date: 2026-12-24, name: 停电}]\n"
	    "  workdays: [{from: 2026-12-27, to: 2026-12-27, name: 加班}]\n"
	    "rules:\n"
	    "  repair: {reply_within: 2h, notice: 4h, working_hours_only: yes}\n"
	    "quiet_hours: ['12:00-14:00']\n"
	    "services:\n"
	    "  - {code: x, kind: repair, name: 修, price: 9.9, minutes: 30,"
	    " documents: [发票]}\n"
	    "evaluation: {noshow: -2.5}\n";
	const struct svc_rules *r;

	(void)state;
	if (load(&c, text, &e) != 0)
		fail_msg("%s", e.msg);
	assert_string_equal(c.timezone, "UTC");
	assert_string_equal(c.database, "my.db");
	assert_int_equal(c.cal.weekdays, 0x3f);
	assert_int_equal(svc_cal_day_secs(&c.cal), 4 * 3600);
	r = svc_conf_rules(&c, "repair");
	assert_int_equal(r->reply_within.secs, 7200);
	assert_int_equal(r->notice.secs, 4 * 3600);
	assert_true(r->working_hours_only);
	assert_int_equal(c.services[0].price, 990);
	assert_int_equal(c.services[0].minutes, 30);
	assert_string_equal(c.services[0].documents[0], "发票");
	assert_true(c.weights[4] == -2.5);
	assert_int_equal(svc_cal_day(&c.cal,
	    svc_days_from_civil(2026, 12, 24), NULL), SVC_DAY_HOLIDAY);
	assert_int_equal(svc_cal_day(&c.cal,
	    svc_days_from_civil(2026, 12, 27), NULL), SVC_DAY_MAKEUP);
	svc_conf_free(&c);
}

static void
expect_error(const char *text, const char *msg)
{
	struct svc_conf c;
	struct svc_err e = { 0 };

	if (load(&c, text, &e) != SVC_EX_CONFIG)
		fail_msg("accepted: %s", text);
	if (strstr(e.msg, msg) == NULL)
		fail_msg("for %s: got '%s', want '%s'", text, e.msg, msg);
	svc_conf_free(&c);
}

/* A typo must not fall back to a default deadline. */
static void
errors_are_positioned(void **state)
{
	(void)state;
	expect_error("timezone: UTC\ncalender: {}\n",
	    "c.yaml:2:1: unknown key 'calender'");
	expect_error("rules:\n  gov: {reply_witin: 1wd}\n",
	    "c.yaml:2:9: unknown key 'reply_witin'");
	expect_error("rules:\n  gov: {notice: 8h, notice: 4h}\n",
	    "duplicate key 'notice'");
	expect_error("rules:\n  plumbing: {notice: 8h}\n",
	    "c.yaml:2:3: rules: unknown kind 'plumbing'");
	expect_error("rules:\n  gov: {notice: 8 hours}\n",
	    "c.yaml:2:17: notice:");
	expect_error("rules:\n  gov: {notice: 1wd}\n", "clock hours");
	expect_error("rules:\n  gov: {working_hours_only: maybe}\n",
	    "true or false");
	expect_error("calendar: {hours: ['09:00-08:00']}\n", "bad window");
	expect_error("calendar: {hours: ['09:00-12:00', '11:00-13:00']}\n",
	    "overlap");
	expect_error("calendar: {hours: []}\n", "at least one");
	expect_error("calendar: {weekdays: [monday]}\n", "'monday'");
	expect_error("calendar: {holidays: [{date: 2026-02-30, name: x}]}\n",
	    "bad date");
	expect_error("calendar: {holidays: [{date: 2026-02-03}]}\n",
	    "needs a name");
	expect_error("calendar: {include: [nope.yaml]}\n", "nope.yaml");
	expect_error("services: [{code: a, kind: gov, name: n, price: 1.234}]\n",
	    "two decimals");
	expect_error("services: [{code: a b, kind: gov, name: n}]\n", "code:");
	expect_error("services: [{code: a, kind: gov, name: n},"
	    " {code: a, kind: gov, name: m}]\n", "listed twice");
	expect_error("services: [{code: a, kind: gov, name: n, minutes: 0}]\n",
	    "minutes");
	expect_error("evaluation: {score: 1}\n", "unknown key 'score'");
	expect_error("timezone: [a]\n", "expected a value");
	expect_error("- a\n", "mapping at the top");
	expect_error("a: [\n", "c.yaml:");
}

static void
holiday_file_speaks_for_its_year(void **state)
{
	struct svc_conf c;
	struct svc_err e = { 0 };
	char path[] = "/tmp/svc-test-holXXXXXX";
	char text[256];
	FILE *f;
	int fd;

	(void)state;
	fd = mkstemp(path);
	f = fdopen(fd, "w");
	fputs("year: 2026\nholidays: [{date: 2027-01-01, name: x}]\n", f);
	fclose(f);
	snprintf(text, sizeof text, "calendar: {include: [%s]}\n", path);
	assert_int_equal(load(&c, text, &e), SVC_EX_CONFIG);
	assert_non_null(strstr(e.msg, "not in 2026"));
	svc_conf_free(&c);
	unlink(path);
}

/* Issue 18: a kind keeps its own calendar; the others calendar:. */
static void
calendars_per_kind(void **state)
{
	struct svc_conf c;
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(load(&c, "calendars:\n  clean:\n"
	    "    weekdays: [mon, tue, wed, thu, fri, sat]\n"
	    "    hours: [\"08:00-19:00\"]\n"
	    "rules:\n  cleaning: {calendar: clean}\n", &e), 0);
	assert_int_equal(svc_conf_cal(&c, "cleaning")->weekdays, 0x3f);
	assert_int_equal(svc_cal_day_secs(svc_conf_cal(&c, "cleaning")),
	    11 * 3600);
	assert_ptr_equal(svc_conf_cal(&c, "gov"), &c.cal);
	assert_ptr_equal(svc_conf_cal_named(&c, "default"), &c.cal);
	assert_null(svc_conf_cal_named(&c, "nosuch"));
	svc_conf_free(&c);
	assert_int_equal(load(&c, "rules:\n  cleaning: {calendar: clean}\n",
	    &e), SVC_EX_CONFIG);
	assert_non_null(strstr(e.msg, "c.yaml:2:24: calendar: 'clean' is not"));
	svc_conf_free(&c);
	assert_int_equal(load(&c, "calendars: {default: {}}\n", &e),
	    SVC_EX_CONFIG);
	svc_conf_free(&c);
}

/* Issue 17: a template's field is checked where it stands. */
static void
message_templates(void **state)
{
	struct svc_conf c;
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(load(&c, "messages:\n  reminder: \"{customer}\"\n"
	    "rules:\n  repair:\n    messages: {reminder: '{at} {{x}}'}\n",
	    &e), 0);
	assert_string_equal(svc_tmpl_of(&c, "repair", SVC_MSG_REMINDER),
	    "{at} {{x}}");
	assert_string_equal(svc_tmpl_of(&c, "gov", SVC_MSG_REMINDER),
	    "{customer}");
	assert_string_equal(svc_tmpl_of(&c, "gov", SVC_MSG_LATE),
	    svc_msgs[SVC_MSG_LATE].text);
	svc_conf_free(&c);
	/* "{eta}" is the late message's, not the reminder's: column 17 */
	assert_int_equal(load(&c, "messages:\n  reminder: \"您好，{eta}\"\n",
	    &e), SVC_EX_CONFIG);
	assert_non_null(strstr(e.msg, "c.yaml:2:17: messages: reminder: "
	    "unknown field '{eta}'"));
	svc_conf_free(&c);
	assert_int_equal(load(&c, "messages: {remind: x}\n", &e),
	    SVC_EX_CONFIG);
	assert_non_null(strstr(e.msg, "c.yaml:1:12: messages: unknown "
	    "message 'remind'"));
	svc_conf_free(&c);
	assert_int_equal(load(&c, "messages: {late: 'a } b'}\n", &e),
	    SVC_EX_CONFIG);
	assert_non_null(strstr(e.msg, "c.yaml:1:21: messages: late: a stray"));
	svc_conf_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_are_the_seeds),
		cmocka_unit_test(shipped_config_loads),
		cmocka_unit_test(reads_every_section),
		cmocka_unit_test(errors_are_positioned),
		cmocka_unit_test(holiday_file_speaks_for_its_year),
		cmocka_unit_test(message_templates),
		cmocka_unit_test(calendars_per_kind),
	};

	unit_tz();
	return cmocka_run_group_tests_name("conf", tests, NULL, NULL);
}

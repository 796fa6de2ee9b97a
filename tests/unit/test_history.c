/*
 * test_history.c - an order's history as a person reads it: the event as
 * a word, its details as phrases, local times, flags, codes and hashes;
 * what has no phrase still shows as "key value".
 */
#include "unit.h"

/* The line svc_history_line writes for one event. */
static const char *
line_of(const char *kind, const char *details)
{
	static char out[512];
	struct svc_err e = { 0 };
	struct svc_db *db;
	FILE *f = fmemopen(out, sizeof out, "w");

	db = unit_db();
	assert_int_equal(svc_history_line(db, unit_at("2026-12-01 09:12"),
	    "wang", kind, details, f, &e), 0);
	fclose(f);
	svc_db_close(db);
	return out;
}

static void
words_the_details(void **state)
{
	(void)state;
	assert_string_equal(line_of("visit.arrive",
	    "{\"late_minutes\":18,\"visit\":2,\"by\":\"wang\"}"),
	    "  2026-12-01 09:12  wang       visit.arrive   18 min late, "
	    "visit 2, by wang\n");
	/* ISO times in local time; arrays joined; a false flag not said */
	assert_string_equal(line_of("order.accept",
	    "{\"at\":\"2026-12-03T01:00:00Z\",\"documents\":[\"甲\",\"乙\"],"
	    "\"late\":0,\"forced\":1}"),
	    "  2026-12-01 09:12  wang       order.accept   at 2026-12-03 09:00,"
	    " documents: 甲、乙, forced\n");
}

static void
says_both_answers_where_both_matter(void **state)
{
	(void)state;
	assert_string_equal(line_of("visit.contact",
	    "{\"reached\":0,\"note\":\"无人接听\"}"),
	    "  2026-12-01 09:12  wang       visit.contact  not reached, "
	    "note: 无人接听\n");
}

static void
hides_nothing_it_has_no_phrase_for(void **state)
{
	(void)state;
	assert_string_equal(line_of("pay.handover",
	    "{\"expected\":15000,\"counted\":14000}"),
	    "  2026-12-01 09:12  wang       pay.handover   expected 15000, "
	    "counted 14000\n");
	assert_string_equal(line_of("notify.make",
	    "{\"sealed\":\"83ad7876cb7047b85a081ce1\"}"),
	    "  2026-12-01 09:12  wang       notify.make    sealed "
	    "83ad7876cb70…\n");
	assert_string_equal(line_of("order.close", "{}"),
	    "  2026-12-01 09:12  wang       order.close\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_the_details),
		cmocka_unit_test(says_both_answers_where_both_matter),
		cmocka_unit_test(hides_nothing_it_has_no_phrase_for),
	};

	unit_tz();
	return cmocka_run_group_tests_name("history", tests, NULL, NULL);
}

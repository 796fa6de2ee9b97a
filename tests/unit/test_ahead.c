/*
 * test_ahead.c - records read on a thread of their own: the writer sees
 * every one in order, a reading error after the records before it, and
 * a writer that stops stops the reader (the sanitizer build finds a tree
 * left behind).
 */
#include "unit.h"

/* A reader of n records numbered from 1, failing at record bad (0: never). */
struct src {
	int n, bad;
};

static int
read_numbers(void *arg, svc_ytake_fn take, void *targ, struct svc_err *e)
{
	struct src *s = arg;
	struct svc_yarena *a;
	char num[16];
	int i, rc;

	for (i = 1; i <= s->n; i++) {
		if (i == s->bad)
			return svc_seterr(e, SVC_EX_DATA, "t:%d: unreadable", i);
		a = svc_yarena_new();
		snprintf(num, sizeof num, "%d", i);
		if ((rc = take(svc_yscalar_new(a, i, 1, num, strlen(num)),
		    targ)) != 0)
			return rc;
	}
	return 0;
}

/* A writer that checks the order, and stops at record stop (0: never). */
struct sink {
	int seen, stop;
};

static int
write_number(const struct svc_ynode *item, void *arg)
{
	struct sink *k = arg;

	assert_int_equal(atoi(item->val), ++k->seen);
	assert_int_equal(item->line, k->seen);
	return k->seen == k->stop ? SVC_EX_IOERR : 0;
}

static void
writes_every_record_in_order(void **state)
{
	struct src s = { 10000, 0 };
	struct sink k = { 0, 0 };
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_yread_ahead(read_numbers, &s, write_number, &k,
	    &e), 0);
	assert_int_equal(k.seen, 10000);
	assert_int_equal(e.code, 0);
	/* nothing to read is nothing written */
	s.n = 0;
	k.seen = 0;
	assert_int_equal(svc_yread_ahead(read_numbers, &s, write_number, &k,
	    &e), 0);
	assert_int_equal(k.seen, 0);
}

static void
tells_a_reading_error_after_the_records_before_it(void **state)
{
	struct src s = { 10000, 700 };
	struct sink k = { 0, 0 };
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_yread_ahead(read_numbers, &s, write_number, &k,
	    &e), SVC_EX_DATA);
	assert_int_equal(k.seen, 699);
	assert_string_equal(e.msg, "t:700: unreadable");
	/* an error the writer set first stays the one told */
	svc_clearerr(&e);
	svc_seterr(&e, SVC_EX_DATA, "t:3: a bad record");
	k.seen = 0;
	assert_int_equal(svc_yread_ahead(read_numbers, &s, write_number, &k,
	    &e), SVC_EX_DATA);
	assert_string_equal(e.msg, "t:3: a bad record");
}

static void
a_writer_that_stops_stops_the_reader(void **state)
{
	struct src s = { 100000, 0 };
	struct sink k = { 0, 10 };
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(svc_yread_ahead(read_numbers, &s, write_number, &k,
	    &e), SVC_EX_IOERR);
	assert_int_equal(k.seen, 10);
	/* the writer's return, never a reading error it did not see */
	assert_int_equal(e.code, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_every_record_in_order),
		cmocka_unit_test(tells_a_reading_error_after_the_records_before_it),
		cmocka_unit_test(a_writer_that_stops_stops_the_reader),
	};

	return cmocka_run_group_tests_name("ahead", tests, NULL, NULL);
}

/*
 * test_ahead.c - records read on a thread of their own: the writer sees
 * every one in order, a reading error after the records before it, and
 * a writer that stops returns at once, though the reader be blocked (the
 * sanitizer build finds a tree or a source left behind).
 */
#include <pthread.h>
#include <time.h>

#include "unit.h"

/* A reader of n records numbered from 1, failing at record bad (0:
 * never); after record block, it waits on fd for a byte.  Its source is
 * the reader's till released. */
struct src {
	int n, bad, block, fd;
};

static pthread_mutex_t released_mu = PTHREAD_MUTEX_INITIALIZER;
static int released;

static void
release(void *src)
{
	free(src);
	pthread_mutex_lock(&released_mu);
	released++;
	pthread_mutex_unlock(&released_mu);
}

/* The sources released so far, waiting up to five seconds for want. */
static int
released_by_now(int want)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	int i, n = 0;

	for (i = 0; i < 500; i++) {
		pthread_mutex_lock(&released_mu);
		n = released;
		pthread_mutex_unlock(&released_mu);
		if (n >= want)
			break;
		nanosleep(&tick, NULL);
	}
	return n;
}

static struct src *
source(int n, int bad)
{
	struct src *s = calloc(1, sizeof *s);

	s->n = n;
	s->bad = bad;
	return s;
}

static int
read_numbers(void *arg, svc_ytake_fn take, void *targ, struct svc_err *e)
{
	struct src *s = arg;
	struct svc_yarena *a;
	char num[16], byte;
	int i, rc;

	for (i = 1; i <= s->n; i++) {
		if (i == s->bad)
			return svc_seterr(e, SVC_EX_DATA, "t:%d: unreadable", i);
		if (i == s->block + 1 && s->block > 0 &&
		    read(s->fd, &byte, 1) != 1)
			return svc_seterr(e, SVC_EX_IOERR, "t: pipe closed");
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

/* What prep made of a record: its number doubled, and on which thread. */
struct made {
	int twice;
	pthread_t by;
};

static void
prep_number(struct svc_ynode *item, const void *arg)
{
	struct made *m = svc_yarena_alloc(item->arena, sizeof *m);

	(void)arg;
	m->twice = 2 * atoi(item->val);
	m->by = pthread_self();
	item->ready = m;
}

static int
write_number(const struct svc_ynode *item, void *arg)
{
	struct sink *k = arg;
	const struct made *m = item->ready;

	assert_int_equal(atoi(item->val), ++k->seen);
	assert_int_equal(item->line, k->seen);
	/* prepared before it came, on the reader's thread */
	assert_non_null(m);
	assert_int_equal(m->twice, 2 * k->seen);
	assert_false(pthread_equal(m->by, pthread_self()));
	return k->seen == k->stop ? SVC_EX_IOERR : 0;
}

static int
ahead(struct src *s, struct sink *k, struct svc_err *e)
{
	return svc_yread_ahead(read_numbers, s, release, prep_number,
	    write_number, k, e);
}

static void
writes_every_record_in_order(void **state)
{
	struct sink k = { 0, 0 };
	struct svc_err e = { 0 };
	int was = released;

	(void)state;
	assert_int_equal(ahead(source(10000, 0), &k, &e), 0);
	assert_int_equal(k.seen, 10000);
	assert_int_equal(e.code, 0);
	/* released before the call returns, once */
	assert_int_equal(released, was + 1);
	/* nothing to read is nothing written */
	k.seen = 0;
	assert_int_equal(ahead(source(0, 0), &k, &e), 0);
	assert_int_equal(k.seen, 0);
}

static void
tells_a_reading_error_after_the_records_before_it(void **state)
{
	struct sink k = { 0, 0 };
	struct svc_err e = { 0 };

	(void)state;
	assert_int_equal(ahead(source(10000, 700), &k, &e), SVC_EX_DATA);
	assert_int_equal(k.seen, 699);
	assert_string_equal(e.msg, "t:700: unreadable");
	/* an error the writer set first stays the one told */
	svc_clearerr(&e);
	svc_seterr(&e, SVC_EX_DATA, "t:3: a bad record");
	k.seen = 0;
	assert_int_equal(ahead(source(10000, 700), &k, &e), SVC_EX_DATA);
	assert_string_equal(e.msg, "t:3: a bad record");
}

static void
a_writer_that_stops_stops_the_reader(void **state)
{
	struct sink k = { 0, 10 };
	struct svc_err e = { 0 };
	int was = released;

	(void)state;
	assert_int_equal(ahead(source(100000, 0), &k, &e), SVC_EX_IOERR);
	assert_int_equal(k.seen, 10);
	/* the writer's return, never a reading error it did not see */
	assert_int_equal(e.code, 0);
	assert_int_equal(released_by_now(was + 1), was + 1);
}

/*
 * A reader blocked on a pipe that stalls (tail -f | svc-order import -):
 * the writer that stops returns without waiting for it; the reader,
 * woken, stops and releases its source itself.
 */
static void
a_writer_that_stops_does_not_wait_for_a_blocked_reader(void **state)
{
	struct src *s = source(100, 0);
	struct sink k = { 0, 1 };
	struct svc_err e = { 0 };
	int fd[2], was = released;

	(void)state;
	assert_int_equal(pipe(fd), 0);
	s->block = 40;	/* past a batch, so the writer is woken */
	s->fd = fd[0];
	alarm(10);	/* a wait would hang the test: fail it instead */
	assert_int_equal(ahead(s, &k, &e), SVC_EX_IOERR);
	alarm(0);
	assert_int_equal(k.seen, 1);
	assert_int_equal(released, was);	/* the reader still reads */
	assert_int_equal(write(fd[1], "x", 1), 1);
	assert_int_equal(released_by_now(was + 1), was + 1);
	close(fd[0]);
	close(fd[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_every_record_in_order),
		cmocka_unit_test(tells_a_reading_error_after_the_records_before_it),
		cmocka_unit_test(a_writer_that_stops_stops_the_reader),
		cmocka_unit_test(
		    a_writer_that_stops_does_not_wait_for_a_blocked_reader),
	};

	return cmocka_run_group_tests_name("ahead", tests, NULL, NULL);
}

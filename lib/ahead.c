/*
 * ahead.c - the records of a file read on a thread of their own, a few
 * dozen ahead of the one the caller is writing.
 *
 * Reading a record (its JSON or YAML parsed, checked, its tree built) was
 * a third of an import of export lines, and writing it the rest; on two
 * cores the two overlap.  The caller sees what it saw before: the records
 * in the file's order, one at a time, on its own thread, and a reading
 * error only after every record before it.  When the caller stops (the
 * disk full), it returns at once: the reader, perhaps blocked on a pipe
 * that stalls, stops at its next record and cleans up after itself, its
 * source released then (or never, if the process ends first).  Only the
 * trees and the reader's error cross between the threads; the database
 * stays the caller's.  What of a record needs no database (an order's
 * fields checked, its event's details written out) the caller's prep
 * does on the reader's thread, where there is time to spare: the writer
 * is the slower of the two.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/*
 * Records read and not yet written, at most; and the batches a waiting
 * side is woken for.  Woken for every record, the two threads took turns
 * in the kernel a hundred thousand times an import (a third more system
 * time than the import without a thread).  The reader is the faster side
 * and waits for room most of the time: woken for half the ring, not for
 * a few records, it is woken 800 times in an import of 100,000, not
 * 3,000 (waking it was 1.6 % of the writer's time).  yaml.c keeps as
 * many spent trees' blocks as the reader takes at a wake.
 */
#define AHEAD 256
#define BATCH 32
#define REFILL (AHEAD / 2)

struct ahead {
	pthread_mutex_t mu;
	pthread_cond_t moved;	/* records put or taken, the reader ended,
				 * or the writer stopped: one side waits at
				 * most, the reader on a full ring, the writer
				 * on an empty one */
	int reader_waits, writer_waits;
	struct svc_ynode *ring[AHEAD];
	int first, n;
	int reading;		/* the reader has not ended */
	int stopped;		/* the writer wants no more */
	int left;		/* and has returned: the reader frees all */
	svc_yread_fn read;
	svc_yprep_fn prep;
	const void *prep_arg;
	void *src;
	void (*release)(void *src);
	struct svc_err err;	/* the reader's */
};

/* The records read and never written, the source, the rest. */
static void
finish(struct ahead *a)
{
	for (; a->n > 0; a->n--) {
		svc_yaml_free(a->ring[a->first]);
		a->first = (a->first + 1) % AHEAD;
	}
	a->release(a->src);
	pthread_cond_destroy(&a->moved);
	pthread_mutex_destroy(&a->mu);
	free(a);
}

/* The reader's hand: a record into the ring, waiting for room. */
static int
put(struct svc_ynode *item, void *arg)
{
	struct ahead *a = arg;
	int stopped;

	if (a->prep)
		a->prep(item, a->prep_arg);
	pthread_mutex_lock(&a->mu);
	while (a->n == AHEAD && !a->stopped) {
		a->reader_waits = 1;
		pthread_cond_wait(&a->moved, &a->mu);
	}
	a->reader_waits = 0;
	if (!(stopped = a->stopped)) {
		a->ring[(a->first + a->n++) % AHEAD] = item;
		if (a->writer_waits && a->n >= BATCH)
			pthread_cond_signal(&a->moved);
	}
	pthread_mutex_unlock(&a->mu);
	if (stopped)
		svc_yaml_free(item);
	return stopped;
}

static void *
reader(void *arg)
{
	struct ahead *a = arg;
	int left;

	/* its return says no more than err, or that the writer stopped */
	a->read(a->src, put, a, &a->err);
	pthread_mutex_lock(&a->mu);
	a->reading = 0;
	left = a->left;
	pthread_cond_signal(&a->moved);
	pthread_mutex_unlock(&a->mu);
	if (left)
		finish(a);
	return NULL;
}

/* The next record in the file's order, or NULL once the reader ended. */
static struct svc_ynode *
take(struct ahead *a)
{
	struct svc_ynode *item = NULL;

	pthread_mutex_lock(&a->mu);
	while (a->n == 0 && a->reading) {
		a->writer_waits = 1;
		pthread_cond_wait(&a->moved, &a->mu);
	}
	a->writer_waits = 0;
	if (a->n > 0) {
		item = a->ring[a->first];
		a->first = (a->first + 1) % AHEAD;
		a->n--;
		if (a->reader_waits && a->n <= AHEAD - REFILL)
			pthread_cond_signal(&a->moved);
	}
	pthread_mutex_unlock(&a->mu);
	return item;
}

/* Whether the reader is still reading, and is left to finish alone. */
static int
stop(struct ahead *a)
{
	int left;

	pthread_mutex_lock(&a->mu);
	a->stopped = 1;
	left = a->left = a->reading;
	pthread_cond_signal(&a->moved);
	pthread_mutex_unlock(&a->mu);
	return left;
}

/* Without a second thread: each record written as it is read. */
struct now {
	svc_yprep_fn prep;
	svc_yitem_fn fn;
	void *arg;
};

static int
write_now(struct svc_ynode *item, void *arg)
{
	struct now *w = arg;
	int rc;

	if (w->prep)
		w->prep(item, w->arg);
	rc = w->fn(item, w->arg);

	svc_yaml_free(item);
	return rc;
}

int
svc_yread_ahead(svc_yread_fn read, void *src, void (*release)(void *),
    svc_yprep_fn prep, svc_yitem_fn fn, void *arg, struct svc_err *e)
{
	struct ahead *a = svc_xmalloc(sizeof *a);
	struct now w = { prep, fn, arg };
	struct svc_ynode *item;
	pthread_t t;
	int rc = 0;

	memset(a, 0, sizeof *a);
	a->reading = 1;
	a->read = read;
	a->prep = prep;
	a->prep_arg = arg;
	a->src = src;
	a->release = release;
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->moved, NULL);
	if (pthread_create(&t, NULL, reader, a) != 0) {
		rc = read(src, write_now, &w, &a->err);
		if (a->err.code)
			rc = 0;		/* not fn's: told below */
	} else {
		while (rc == 0 && (item = take(a)) != NULL) {
			rc = fn(item, arg);
			svc_yaml_free(item);
		}
		if (rc != 0 && stop(a)) {
			pthread_detach(t);
			return rc;	/* the reader finishes alone */
		}
		pthread_join(t, NULL);
	}
	/* the first error is the one told, as when one thread did both */
	if (rc == 0 && a->err.code != 0 && e->code == 0)
		*e = a->err;
	if (rc == 0)
		rc = a->err.code;
	finish(a);
	return rc;
}

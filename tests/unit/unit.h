/* unit.h - what every cmocka test of libsvc includes. */
#ifndef UNIT_H
#define UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <unistd.h>

#include "svc.h"

/* A zone set as svc_tz_set sets it, without its look for the file. */
static inline void
unit_zone(const char *zone)
{
	setenv("TZ", zone, 1);
	tzset();
	svc_tz_changed();
}

/* Tests run in the zone the shipped config names, never the host's. */
static inline void
unit_tz(void)
{
	unit_zone("Asia/Shanghai");
}

/* An instant written as local time, for readable expectations. */
static inline time_t
unit_at(const char *local)
{
	struct svc_err e = { 0 };
	time_t t = 0;

	if (svc_time_parse(local, 0, NULL, &t, &e) != 0)
		fail_msg("bad test time %s: %s", local, e.msg);
	return t;
}

static inline const char *
unit_local(time_t t)
{
	static char buf[32];

	svc_time_local(t, buf, sizeof buf);
	return buf;
}

/* A fresh database file in a directory removed at exit. */
static char unit_dir[] = "/tmp/svc-unitXXXXXX";

static inline void
unit_cleanup(void)
{
	char cmd[64];

	snprintf(cmd, sizeof cmd, "rm -rf %s", unit_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", unit_dir);
}

static inline struct svc_db *
unit_db(void)
{
	static char path[64];
	struct svc_err e = { 0 };
	struct svc_db *db;

	if (path[0] == '\0') {
		if (mkdtemp(unit_dir) == NULL)
			fail_msg("mkdtemp");
		atexit(unit_cleanup);
		snprintf(path, sizeof path, "%s/unit.db", unit_dir);
	}
	if (svc_db_open(path, SVC_DB_RW | SVC_DB_INIT, &db, &e) != 0)
		fail_msg("%s", e.msg);
	return db;
}

/*
 * A gov home visit for an elderly applicant, registered at 2026-11-26
 * 09:00 and, when at is given, accepted for that local time (45 minutes).
 */
static inline int64_t
unit_gov_order(struct svc_db *db, const struct svc_conf *conf, const char *at)
{
	struct svc_line line = { "gov-pension", 1 };
	struct svc_order_in in = { 0 };
	struct svc_reply r = { 0 };
	struct svc_err e = { 0 };
	int64_t id;

	in.customer = "李大爷";
	in.phone = "13900000001";
	in.address = "朝阳区建国路88号3单元501";
	in.channel = "window";
	in.group = "elderly";
	in.lines = &line;
	in.nlines = 1;
	svc_clock_set(unit_at("2026-11-26 09:00"));
	if (svc_order_new(db, conf, &in, &id, &e) != 0)
		fail_msg("%s", e.msg);
	r.at = at ? unit_at(at) : 0;
	if (at && svc_order_accept(db, conf, id, &r, &e) != 0)
		fail_msg("%s", e.msg);
	return id;
}

/* A statement, or the test fails saying why. */
static inline struct svc_stmt *
unit_prepare(struct svc_db *db, const char *sql)
{
	struct svc_err e = { 0 };
	struct svc_stmt *st;

	if (svc_db_prepare(db, sql, &st, &e) != 0)
		fail_msg("%s: %s", sql, e.msg);
	return st;
}

/* SQL run as an edit behind svc's back would: 0, or the exit status. */
static inline int
unit_exec(struct svc_db *db, const char *sql)
{
	struct svc_err e = { 0 };

	return svc_db_exec(db, sql, &e);
}

/* The first column of a query's first row, as text ("" for none). */
static inline const char *
unit_one(struct svc_db *db, const char *sql)
{
	static char buf[256];
	struct svc_stmt *st;

	buf[0] = '\0';
	st = unit_prepare(db, sql);
	if (svc_step(st) == SVC_ROW && svc_col_text(st, 0))
		snprintf(buf, sizeof buf, "%s", svc_col_text(st, 0));
	svc_finalize(st);
	return buf;
}

/* The steps of sql's query plan, a line each, into out (reset first). */
static inline void
unit_plan(struct svc_db *db, const char *sql, struct svc_buf *out)
{
	struct svc_buf q = { 0 };
	struct svc_stmt *st;

	svc_buf_reset(out);
	svc_buf_puts(out, "");
	svc_buf_printf(&q, "EXPLAIN QUERY PLAN %s", sql);
	st = unit_prepare(db, q.s);
	while (svc_step(st) == SVC_ROW)
		svc_buf_printf(out, "%s\n", svc_col_text(st, 3));
	svc_finalize(st);
	svc_buf_free(&q);
}

/* What unit_fixture opened, for unit_teardown to close. */
static struct svc_conf *unit_conf;
static struct svc_db *unit_opened;

/* The common fixture: the shipped config and a fresh database. */
static inline void
unit_fixture(struct svc_conf *conf, struct svc_db **db)
{
	struct svc_err e = { 0 };

	unit_tz();
	if (svc_conf_load(conf, "share/svc/config.yaml", &e) != 0)
		fail_msg("%s", e.msg);
	*db = unit_db();
	unit_conf = conf;
	unit_opened = *db;
}

/* The group teardown of a file set up by unit_fixture. */
static inline int
unit_teardown(void **state)
{
	(void)state;
	svc_db_close(unit_opened);
	svc_conf_free(unit_conf);
	return 0;
}

#endif

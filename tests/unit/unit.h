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

/* Tests run in the zone the shipped config names, never the host's. */
static inline void
unit_tz(void)
{
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
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

static inline sqlite3 *
unit_db(void)
{
	static char path[64];
	struct svc_err e = { 0 };
	sqlite3 *db;

	if (path[0] == '\0') {
		if (mkdtemp(unit_dir) == NULL)
			fail_msg("mkdtemp");
		atexit(unit_cleanup);
		snprintf(path, sizeof path, "%s/unit.db", unit_dir);
	}
	if (svc_db_open(path, SVC_DB_RW, &db, &e) != 0)
		fail_msg("%s", e.msg);
	return db;
}

#endif

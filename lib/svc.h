/*
 * svc.h - the one public header of libsvc, grouped by module.
 *
 * Two layers live behind it.  The domain layer (db, conf, when, cal, money,
 * out, event, staff, ...) returns an exit status and fills a struct svc_err;
 * it never exits and never prints diagnostics, so cmocka can drive it.  The
 * CLI layer (cli.c) parses the shared options, prints diagnostics and exits.
 * Rule ids (C1, A5, G10, ...) refer to MISSION.md.
 */
#ifndef SVC_H
#define SVC_H

#include <libintl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define SVC_VERSION "0.1.0"

struct svc_db;		/* sql.c: a connection */
struct svc_stmt;	/* sql.c: a prepared statement */

/* err.c: exit statuses of DESIGN section 3 and the error carried upward. */
enum {
	SVC_EX_OK = 0,
	SVC_EX_FOUND = 1,	/* a --check found something, or -k had failures */
	SVC_EX_USAGE = 64,
	SVC_EX_DATA = 65,	/* bad data, or a transition the rules forbid */
	SVC_EX_NOINPUT = 66,	/* no such order, staff, receipt */
	SVC_EX_SOFTWARE = 70,
	SVC_EX_IOERR = 74,
	SVC_EX_TEMPFAIL = 75,	/* database busy past the timeout */
	SVC_EX_NOPERM = 77,	/* not allowed for this user */
	SVC_EX_CONFIG = 78
};

struct svc_err {
	int code;		/* one of SVC_EX_*, 0 when no error */
	char msg[512];
};

int svc_seterr(struct svc_err *, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void svc_clearerr(struct svc_err *);
extern const char *svc_progname;
void svc_warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void svc_vwarnx(const char *fmt, va_list);
_Noreturn void svc_die(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* buf.c: a growable string, and JSON text escaping written once. */
struct svc_buf {
	char *s;
	size_t len, cap;
};
char *svc_decimal(int64_t, char buf[24]);	/* the text's start in buf */
void svc_buf_add(struct svc_buf *, const char *s, size_t n);
void svc_buf_puts(struct svc_buf *, const char *s);
void svc_buf_putc(struct svc_buf *, char c);
void svc_buf_printf(struct svc_buf *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void svc_buf_json_str(struct svc_buf *, const char *s);	/* quoted */
void svc_buf_reset(struct svc_buf *);
void svc_buf_truncate(struct svc_buf *, size_t len);	/* back to len */
void svc_buf_free(struct svc_buf *);
char *svc_strdup(const char *);
void *svc_xmalloc(size_t);
void *svc_xrealloc(void *, size_t);

/* JSON object builder for event details: {"k":"v","n":1}. */
struct svc_json {
	struct svc_buf b;
	int n;
};
void svc_json_begin(struct svc_json *);
void svc_json_str(struct svc_json *, const char *key, const char *val);
void svc_json_int(struct svc_json *, const char *key, int64_t val);
const char *svc_json_end(struct svc_json *);

/* when.c: instants are Unix seconds; shown in the local (configured) zone. */
enum { SVC_DUR_CLOCK, SVC_DUR_WORKDAYS };
struct svc_dur {
	int unit;		/* SVC_DUR_CLOCK: secs; SVC_DUR_WORKDAYS: n */
	int64_t secs;
	int n;
};
struct svc_cal;
int svc_dur_parse(const char *s, struct svc_dur *, struct svc_err *);
void svc_dur_format(const struct svc_dur *, char *buf, size_t n);
int svc_time_parse(const char *s, time_t now, const struct svc_cal *,
    time_t *out, struct svc_err *);
int svc_date_parse(const char *s, time_t now, int *y, int *m, int *d,
    struct svc_err *);
void svc_time_local(time_t, char *buf, size_t n);	/* 2026-12-01 10:00 */
void svc_time_iso(time_t, char *buf, size_t n);	/* ...T10:00:00+08:00 */
void svc_local_tm(time_t, struct tm *);	/* localtime_r, remembered */
time_t svc_local_mktime(int y, int m, int d, int minute_of_day);
void svc_tz_changed(void);	/* TZ was set: forget what was remembered */
int svc_days_from_civil(int y, int m, int d);
void svc_civil_from_days(int days, int *y, int *m, int *d);
int svc_weekday(int days);	/* 0 = Monday ... 6 = Sunday */
int svc_hhmm_parse(const char *s, int *minute_of_day);

/* clock.c: one "now" for the whole program; SVC_NOW replaces it. */
int svc_clock_init(struct svc_err *);
time_t svc_now(void);
void svc_clock_set(time_t);	/* tests */
int svc_clock_claimed(void);	/* SVC_NOW is in force */
time_t svc_clock_real(void);	/* the clock's time under SVC_NOW, else 0 */
int svc_tz_set(const char *zone, struct svc_err *);

/* cal.c: the working calendar of DESIGN section 5 (G5, G7). */
enum svc_daykind {
	SVC_DAY_WORKDAY,	/* Monday-Friday, not a holiday */
	SVC_DAY_WEEKEND,
	SVC_DAY_HOLIDAY,
	SVC_DAY_MAKEUP		/* a weekend day that is worked (调休上班) */
};
struct svc_window {
	int start, end;		/* minutes of the day, start < end */
};
struct svc_special {
	int day;		/* days since 1970-01-01 */
	int working;
	char *name;
};
struct svc_cal {
	unsigned weekdays;	/* bit 0 = Monday ... bit 6 = Sunday */
	struct svc_window *win;
	int nwin;
	struct svc_special *sp;	/* sorted by day after svc_cal_seal() */
	int nsp;
	int *years;		/* years whose official data is loaded */
	int nyears;
	void (*warn)(const char *msg);
};
void svc_cal_init(struct svc_cal *);
void svc_cal_free(struct svc_cal *);
int svc_cal_add_window(struct svc_cal *, int start, int end, struct svc_err *);
void svc_cal_add_special(struct svc_cal *, int day, int working,
    const char *name);
void svc_cal_add_year(struct svc_cal *, int year);
int svc_cal_seal(struct svc_cal *, struct svc_err *);
enum svc_daykind svc_cal_day(const struct svc_cal *, int day,
    const char **why);
int svc_cal_is_working(const struct svc_cal *, int day);
void svc_cal_warn_year(const struct svc_cal *, time_t);
int64_t svc_cal_day_secs(const struct svc_cal *);
int svc_cal_next(const struct svc_cal *, time_t t, time_t *out,
    struct svc_err *);
int svc_cal_add(const struct svc_cal *, time_t t, int64_t work_secs,
    time_t *out, struct svc_err *);
int svc_cal_add_dur(const struct svc_cal *, time_t t, const struct svc_dur *,
    time_t *out, struct svc_err *);
const char *svc_daykind_name(enum svc_daykind);
int svc_cal_in_hours(const struct svc_cal *, time_t from, time_t to);
int svc_windows_touch(const struct svc_window *, int n, time_t from,
    time_t to);

/*
 * money.c: amounts are int64 fen, never a double.  No amount, and no
 * order's total, is above SVC_MONEY_MAX (10^12 yuan): checked at write
 * time, so no bill, view or sum can overflow 64 bits.
 */
#define SVC_MONEY_MAX (1000000000000LL * 100)
int svc_money_add(int64_t *total, int64_t qty, int64_t unit);
int svc_money_parse(const char *s, int allow_negative, int64_t *fen,
    struct svc_err *);
void svc_money_format(int64_t fen, char *buf, size_t n);

/* yaml.c: a small tree over libyaml, with positions, duplicate keys and
 * aliases refused and depth bounded. */
enum svc_ytype { SVC_Y_SCALAR, SVC_Y_SEQ, SVC_Y_MAP };
struct svc_ynode {
	enum svc_ytype type;
	int line, col;		/* 1-based */
	int quoted;		/* scalar written in quotes (or a block) */
	int block;		/* scalar written as a | or > block */
	char *val;		/* scalar */
	char **keys;		/* map */
	int *kline, *kcol;	/* map: where each key stands */
	struct svc_ynode **kids;	/* map values or sequence items */
	int n, cap;		/* kids (and keys) used, and allocated */
	struct svc_yarena *arena;	/* the tree's, where all of it is */
	void *ready;		/* a record: what prep made of it, in arena */
};
#define SVC_YAML_MAXDEPTH 32
/*
 * Whether two map keys are the same.  A record's keys are looked up,
 * checked against the allowed and for repeats some forty times each, and
 * mostly differ at their first byte: the call to strcmp is skipped then
 * (it was a seventh of an import of export lines).
 */
static inline int
svc_key_eq(const char *a, const char *b)
{
	return a[0] == b[0] && strcmp(a, b) == 0;
}
struct svc_ynode *svc_yaml_load(const char *path, struct svc_err *);
struct svc_ynode *svc_yaml_load_string(const char *name, const char *text,
    struct svc_err *);
void svc_yaml_free(struct svc_ynode *root);	/* the whole tree */
typedef int (*svc_yitem_fn)(const struct svc_ynode *item, void *arg);
/* Work on a record that needs no database, done on the reader's thread
 * before the record is handed over: it may hang its result on
 * item->ready, in the record's arena, and must only read arg. */
typedef void (*svc_yprep_fn)(struct svc_ynode *item, const void *arg);
/* A reader hands each record to a take function, which owns it from then
 * (svc_yaml_free); svc_yread_ahead runs a reader on a thread of its own
 * and fn on the caller's, one record at a time in the file's order, and
 * calls release(src) once the reader is done with it (on the reader's
 * thread when fn stopped it early: the call returns without waiting).
 * prep (NULL: none) runs on the reader's thread, on each record. */
typedef int (*svc_ytake_fn)(struct svc_ynode *item, void *arg);
typedef int (*svc_yread_fn)(void *src, svc_ytake_fn, void *arg,
    struct svc_err *);
int svc_yread_ahead(svc_yread_fn, void *src, void (*release)(void *src),
    svc_yprep_fn prep, svc_yitem_fn fn, void *arg, struct svc_err *);
/* Each record of a YAML list, or of JSON Lines (a file starting with {):
 * the values of the keys in unread (NULL: none) are not built. */
int svc_yaml_each(const char *path, const char *const *unread, svc_yprep_fn,
    svc_yitem_fn, void *arg, struct svc_err *);
/* The tree's nodes, for the readers that build it (yaml.c, jsonl.c), in
 * an arena that svc_yaml_free(root) frees whole. */
struct svc_yarena *svc_yarena_new(void);
void *svc_yarena_alloc(struct svc_yarena *, size_t);
char *svc_yarena_strdup(struct svc_yarena *, const char *);
void svc_yarena_free(struct svc_yarena *);
struct svc_ynode *svc_ynode_new(struct svc_yarena *, enum svc_ytype, int line,
    int col);
struct svc_ynode *svc_yscalar_new(struct svc_yarena *, int line, int col,
    const char *s, size_t len);
void svc_ynode_add(struct svc_ynode *, struct svc_ynode *kid);
int svc_ynode_key(struct svc_ynode *map, const char *key, int line, int col,
    const char *file, struct svc_err *);
/* jsonl.c: one JSON text of a line, and each line of a JSON Lines file. */
struct svc_ynode *svc_json_parse(const char *file, int line, const char *text,
    const char *const *unread, struct svc_err *);
int svc_jsonl_each(FILE *, const char *file, const char *const *unread,
    svc_ytake_fn, void *arg, struct svc_err *);
struct svc_ynode *svc_ymap_get(const struct svc_ynode *, const char *key);
int svc_yerr(struct svc_err *, int code, const char *file,
    const struct svc_ynode *, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
int svc_ycheck_keys(const struct svc_ynode *, const char *const *allowed,
    const char *file, struct svc_err *);

/* tmpl.c: the messages' texts, shipped or from the config (issue 17). */
enum {
	SVC_MSG_REPLY, SVC_MSG_REFUSAL, SVC_MSG_MOVE, SVC_MSG_CANCEL,
	SVC_MSG_LATE, SVC_MSG_ABANDONED, SVC_MSG_REMINDER, SVC_MSG_FOLLOWUP,
	SVC_NMSGS
};
struct svc_msg {
	const char *name;		/* its key in the config */
	const char *const *fields;	/* the {names} it may use */
	const char *text;		/* the shipped template */
};
struct svc_field {
	const char *name, *value;
};
extern const struct svc_msg svc_msgs[SVC_NMSGS];
int svc_msg_index(const char *name);
int svc_tmpl_check(int msg, const char *tmpl, size_t *at);
void svc_tmpl_render(struct svc_buf *, const char *tmpl,
    const struct svc_field *, int n);

/* conf.c: the YAML configuration (svc-config(5)). */
struct svc_rules {
	char kind[16];
	struct svc_dur reply_within;
	struct svc_dur notice;
	struct svc_dur noshow_after;
	int working_hours_only;
	struct svc_dur review_within;	/* C5: review of a done visit */
	int review;			/* 0: "none", no review asked */
	struct svc_dur return_after;	/* the return call after the work */
	int return_visit;		/* 0: "none" (the default) */
	int return_tries;		/* unreachable calls before giving up */
	struct svc_dur remind_before;	/* the reminder before a visit */
	int remind;			/* 0: "none", no reminder */
	char *msg[SVC_NMSGS];		/* the kind's own texts, or NULL */
	int cal;			/* 0: calendar:, else calendars[cal-1] */
};
struct svc_service {
	char *code, *kind, *name, *dept;
	int64_t price;		/* fen */
	int minutes;
	char **documents;
	int ndocuments;
	char **tools;		/* A14: what the worker brings */
	int ntools;
	char **skills;		/* issue 18: what the worker must know */
	int nskills;
};
/* An item of the conduct checklist (A13-A20), asked of the customer. */
struct svc_conduct {
	char *id;		/* A16.gifts */
	char *question;		/* for the customer, on the form */
	char *reminder;		/* for the worker, in the brief */
	char **kinds;		/* the kinds it is asked for; none: all */
	int nkinds;
	int breach;		/* the answer that is a breach: 1 yes, 0 no */
	int major;		/* a breach svc-report conduct --check finds */
};
#define SVC_NKINDS 3
#define SVC_NWEIGHTS 8
struct svc_conf {
	char *path;		/* the file read, NULL for built-in defaults */
	char *dir;		/* its directory, for relative includes */
	char *timezone;
	char *database;
	struct svc_cal cal;		/* calendar:, the default */
	struct svc_named_cal {
		char *name;
		struct svc_cal cal;
	} *cals;			/* calendars: */
	int ncals;
	struct svc_rules rules[SVC_NKINDS];
	struct svc_window *quiet;
	int nquiet;
	struct svc_service *services;
	int nservices;
	double weights[SVC_NWEIGHTS];
	char *msg[SVC_NMSGS];		/* texts for every kind, or NULL */
	struct svc_conduct *conduct;	/* the checklist, the seed's default */
	int nconduct;
};
extern const char *const svc_kinds[SVC_NKINDS];
extern const char *const svc_weight_names[SVC_NWEIGHTS + 1];
void svc_conf_defaults(struct svc_conf *);
int svc_conf_load(struct svc_conf *, const char *path, struct svc_err *);
int svc_conf_load_string(struct svc_conf *, const char *name,
    const char *text, struct svc_err *);
void svc_conf_free(struct svc_conf *);
const struct svc_rules *svc_conf_rules(const struct svc_conf *,
    const char *kind);
int svc_kind_valid(const char *);

/* conduct.c: the checklist asked of the customer (A13-A20, issue 21). */
#define SVC_MAXANSWERS 64
struct svc_answers {
	const struct svc_conduct *item[SVC_MAXANSWERS];
	int yes[SVC_MAXANSWERS];
	int n;
};
void svc_conduct_defaults(struct svc_conf *);
void svc_conduct_free(struct svc_conf *);
int svc_conduct_asks(const struct svc_conduct *, const char *kind);
const struct svc_conduct *svc_conduct_find(const struct svc_conf *,
    const char *id);
int svc_conduct_parse(const struct svc_conf *, int64_t order,
    const char *kind, const char *list, struct svc_answers *,
    struct svc_err *);
int svc_conduct_record(struct svc_db *, int64_t order, const struct svc_answers *,
    const char *source, struct svc_err *);
const char *svc_tmpl_of(const struct svc_conf *, const char *kind, int msg);
const struct svc_cal *svc_conf_cal(const struct svc_conf *, const char *kind);
const struct svc_cal *svc_conf_cal_named(const struct svc_conf *,
    const char *name);

/*
 * sql.c: the SQL layer (issue 20).  Every module reads and writes through
 * these functions, never through an engine's own API: a connection
 * (struct svc_db) and its prepared statements (struct svc_stmt), with the
 * engine behind them: SQLite, or PostgreSQL (pg.c).  sql.c, pg.c, db.c and query.c are the only files that
 * know an engine (engine.h); mk/seam-check.sh holds the rest to it.
 *
 * svc_step returns SVC_ROW, SVC_DONE, or the engine's own error code, which
 * only svc_db_error reads.  Text bound by svc_bind_text and blobs bound by
 * svc_bind_blob must live until the statement is reset (every caller binds
 * its own variables); svc_bind_text_copy copies.  Column text and blobs
 * live until the next step or reset.
 */
enum { SVC_ROW = 100, SVC_DONE = 101 };
enum { SVC_T_INT = 1, SVC_T_FLOAT, SVC_T_TEXT, SVC_T_BLOB, SVC_T_NULL };
struct svc_value {		/* one column or argument, any type */
	int type;		/* SVC_T_* */
	int64_t i;
	double r;
	const void *p;		/* text or blob, n bytes */
	size_t n;
};
int svc_bind_int(struct svc_stmt *, int i, int v);
int svc_bind_int64(struct svc_stmt *, int i, int64_t v);
int svc_bind_text(struct svc_stmt *, int i, const char *s);
int svc_bind_text_copy(struct svc_stmt *, int i, const char *s);
int svc_bind_blob(struct svc_stmt *, int i, const void *p, size_t n);
int svc_bind_null(struct svc_stmt *, int i);
int svc_bind_count(struct svc_stmt *);
int svc_step(struct svc_stmt *);
void svc_reset(struct svc_stmt *);
void svc_finalize(struct svc_stmt *);
int svc_col_count(struct svc_stmt *);
const char *svc_col_name(struct svc_stmt *, int col);
int svc_col_type(struct svc_stmt *, int col);	/* SVC_T_* */
int svc_col_int(struct svc_stmt *, int col);
int64_t svc_col_int64(struct svc_stmt *, int col);
double svc_col_double(struct svc_stmt *, int col);
const char *svc_col_text(struct svc_stmt *, int col);	/* NULL: null */
const void *svc_col_blob(struct svc_stmt *, int col);
size_t svc_col_bytes(struct svc_stmt *, int col);
void svc_col_value(struct svc_stmt *, int col, struct svc_value *);
struct svc_db *svc_stmt_db(struct svc_stmt *);
const char *svc_stmt_sql(struct svc_stmt *);	/* as prepared */
int64_t svc_db_changes(struct svc_db *);	/* rows the last write touched */
int64_t svc_db_last_id(struct svc_db *);	/* id the last insert made */

/* db.c: the database (DESIGN section 4). */
/*
 * Modes: read-write or read-only; INIT creates a missing database and
 * migrates an older one (svc-db init only); ANY opens an older schema
 * unmigrated (svc-db check).  Otherwise a missing file is 66 and an older
 * schema 65.
 */
enum { SVC_DB_RW = 0, SVC_DB_RO = 1, SVC_DB_INIT = 2, SVC_DB_ANY = 4 };
int svc_db_open(const char *path, int mode, struct svc_db **, struct svc_err *);
int svc_db_is_pg(const char *path);	/* a PostgreSQL connection string */
char *svc_db_shown(const char *path);	/* without a password; free it */
void svc_db_close(struct svc_db *);
int svc_db_schema_version(void);
int svc_db_version(struct svc_db *, int *version, struct svc_err *);
int svc_db_begin(struct svc_db *, struct svc_err *);	/* BEGIN IMMEDIATE */
int svc_db_commit(struct svc_db *, struct svc_err *);
void svc_db_rollback(struct svc_db *);
int svc_db_savepoint(struct svc_db *, const char *verb, struct svc_err *);
int svc_db_exec(struct svc_db *, const char *sql, struct svc_err *);
int svc_db_prepare(struct svc_db *, const char *sql, struct svc_stmt **,
    struct svc_err *);
int svc_db_error(struct svc_db *, int rc, struct svc_err *);
int svc_db_check(struct svc_db *, FILE *report, struct svc_err *);
int svc_db_backup(struct svc_db *, const char *dest, struct svc_err *);
int svc_db_snapshot(struct svc_db *, struct svc_err *);	/* a read's */
/* copy.c: svc-db copy, into a new database of either engine (issue 20) */
extern const char *const svc_copy_tables[];	/* parents first */
int svc_db_copy(struct svc_db *from, struct svc_db *to, const char *to_name,
    int64_t *rows, FILE *findings, int dry_run, struct svc_err *);
int svc_db_run(struct svc_db *, struct svc_stmt *, struct svc_err *);	/* finalizes */
int svc_db_cached(struct svc_db *, const char *sql, struct svc_stmt **,
    struct svc_err *);	/* prepared once per run; do not finalize */
int svc_db_done(struct svc_db *, struct svc_stmt *, struct svc_err *);	/* resets */
int svc_db_scan(struct svc_db *, const char *sql, struct svc_stmt **,
    struct svc_err *);	/* a query of many rows, not all held at once */
int svc_db_send(struct svc_db *, struct svc_stmt *, struct svc_err *);	/* a write
				   answered later on a server (a copy's rows) */
int svc_db_value(struct svc_db *, const char *sql, char *buf, size_t n,
    struct svc_err *);	/* the first row's first value, as text */
int svc_db_exists(struct svc_db *, struct svc_stmt *, int *yes,
    struct svc_err *);	/* has a row; resets */
int svc_code_valid(const char *);

/* acting.c: who is acting, and the roles table (G4). */
struct svc_right {
	const char *command, *verb;
	const char *roles;	/* space separated; NULL: file permissions */
	const char *what;
};
extern const struct svc_right svc_rights[];
const struct svc_right *svc_right_find(const char *command,
    const char *verb);
int svc_right_allows(const struct svc_right *, const char *held_roles);
int svc_list_has(const char *list, const char *word, size_t n);
const char *svc_login(void);		/* the real user's login */
const char *svc_actor(void);		/* the person acting */
const char *svc_entered_by(void);	/* the real login acting for them */
int svc_actor_is(struct svc_db *, const char *role, int *yes, struct svc_err *);
int svc_worked_on(struct svc_db *, int64_t order, const char *login, int *yes,
    struct svc_err *);
int svc_own_order(struct svc_db *, int64_t order, const char *verb,
    struct svc_err *);
int svc_admin_exists(struct svc_db *, int *yes, struct svc_err *);
void svc_login_is(const char *user, int superuser);	/* the server's */
int svc_privileged(struct svc_db *, int *yes, struct svc_err *);
enum { SVC_ADMINS_ANY, SVC_ADMINS_FIRST, SVC_ADMINS_KEEP };
int svc_may_write(struct svc_db *, const char *command, const char *verb,
    int *admins, struct svc_err *);
int svc_admins_hold(struct svc_db *, int admins, struct svc_err *);
void svc_shared_init(void);	/* setgid: installed for several users */
int svc_shared(void);
int svc_shared_leave(struct svc_err *);
FILE *svc_user_fopen(const char *path, const char *mode);

/* event.c: the append-only history (G4). */
int svc_event_add(struct svc_db *, int64_t order_id, const char *subject,
    const char *kind, const char *details_json, struct svc_err *);
int svc_event_json(struct svc_db *, int64_t order_id, const char *subject,
    const char *kind, struct svc_json *, struct svc_err *);

/* staff.c: departments (G3) and staff with roles and badges (A2, C2). */
#define SVC_NROLES 6
extern const char *const svc_roles[SVC_NROLES];
struct svc_dept {
	const char *code, *name, *kind, *phone;
};
struct svc_staff {
	const char *login, *name, *dept, *phone, *badge;
	const char *roles;	/* comma separated, or NULL when unchanged */
};
int svc_dept_add(struct svc_db *, const struct svc_dept *, struct svc_err *);
int svc_dept_edit(struct svc_db *, const struct svc_dept *, struct svc_err *);
int svc_staff_add(struct svc_db *, const struct svc_staff *, struct svc_err *);
int svc_staff_edit(struct svc_db *, const struct svc_staff *, struct svc_err *);
int svc_staff_set_active(struct svc_db *, const char *login, int active,
    struct svc_err *);
int svc_staff_set_skills(struct svc_db *, const char *login, const char *list,
    struct svc_err *);
const char *svc_staff_lacks(struct svc_db *, int64_t person, char *const *skills,
    int n, struct svc_err *);
int svc_hours_parse(const char *, struct svc_window *w, int *n,
    struct svc_err *);
int svc_staff_set_hours(struct svc_db *, const char *login, const char *hours,
    struct svc_err *);
int svc_staff_off_shift(struct svc_db *, int64_t person, time_t at, time_t until,
    char *buf, size_t n, struct svc_err *);
int svc_staff_exists(struct svc_db *, const char *login, struct svc_err *);
int svc_dept_exists(struct svc_db *, const char *code, struct svc_err *);
int svc_dept_id(struct svc_db *, const char *code, int64_t *id, struct svc_err *);
int svc_staff_id(struct svc_db *, const char *login, int64_t *id,
    struct svc_err *);
struct svc_staff_filter {
	const char *login, *dept, *role;
	int all;		/* disabled people too */
};
int svc_staff_query(struct svc_db *, const struct svc_staff_filter *,
    struct svc_stmt **, struct svc_err *);
int svc_dept_query(struct svc_db *, struct svc_stmt **, struct svc_err *);
int svc_directory_query(struct svc_db *, struct svc_stmt **, struct svc_err *);
int svc_history_query(struct svc_db *, const char *subject, struct svc_stmt **,
    struct svc_err *);
int svc_roles_normalize(const char *in, char *out, size_t n,
    struct svc_err *);
int svc_login_valid(const char *);
int svc_phone_valid(const char *);
int svc_email_valid(const char *);
int svc_staff_import(struct svc_db *, const struct svc_ynode *root,
    const char *file, void (*changed)(const char *kind, const char *key,
    void *), void *ctx,
    struct svc_err *);

/* order.c: registering requests and replying to them (C1, G1-G6). */
#define SVC_NGROUPS 5
#define SVC_NCHANNELS 4
extern const char *const svc_groups[SVC_NGROUPS + 1];
extern const char *const svc_channels[SVC_NCHANNELS + 1];
struct svc_line {
	char code[40];
	int qty;
};
struct svc_order_in {
	const char *kind, *customer, *phone, *address, *channel, *group;
	const char *dept, *product, *fault, *note;
	const char *email;	/* NULL: as it was; "": none */
	time_t want_at;		/* 0: none */
	time_t registered;	/* 0: now; set by imports of old records */
	struct svc_line *lines;
	int nlines;
};
struct svc_reply {
	time_t at, until;	/* accept: the agreed time; until 0: derived */
	const char *documents;	/* accept: extra documents, "A;B" */
	const char *reason;	/* refuse, cancel */
	const char *note;
	int force;		/* accept outside the rules, recorded */
	int late, quiet;	/* out: replied after the deadline; A9 */
};
#define SVC_NSTATUSES 12	/* the last, closed, is settled, not a state */
extern const char *const svc_statuses[SVC_NSTATUSES + 1];
int svc_line_parse(const char *s, struct svc_line *, struct svc_err *);
enum svc_need { SVC_NEED_TOOLS, SVC_NEED_SKILLS };
int svc_order_needs(struct svc_db *, const struct svc_conf *, int64_t id,
    enum svc_need, char **out, int max, struct svc_err *);
const struct svc_service *svc_conf_service(const struct svc_conf *,
    const char *code);
int svc_transition_ok(const char *from, const char *to);
int svc_order_found(struct svc_db *, int rc, int64_t id, struct svc_err *);
struct svc_facts {
	char status[16], kind[16], group[16], dept[40];
	time_t reply_due, at, until;	/* at, until: 0 before a reply */
	int64_t worker, helper;		/* 0: none */
	int minutes;			/* of all its services */
	time_t followup_due;		/* the return call; 0: none due */
	int followup_tries;
};
int svc_order_facts(struct svc_db *, int64_t id, struct svc_facts *,
    struct svc_err *);
void svc_time_cn(time_t, char *buf, size_t n);
int svc_order_may(int64_t id, const struct svc_facts *, const char *to,
    const char *verb, struct svc_err *);
int svc_order_new(struct svc_db *, const struct svc_conf *,
    const struct svc_order_in *, int64_t *id, struct svc_err *);
/* svc_order_new in two halves: what needs no database (the checks, the
 * reply's deadline, the event's details), which an import does on its
 * reader's thread, and the writing. */
struct svc_order_ready {
	const struct svc_order_in *in;
	const char *kind, *dept;	/* dept: given or the services', or NULL */
	time_t at, due;			/* registered; the reply due (G5) */
};
int svc_order_check(const struct svc_conf *, const struct svc_order_in *,
    struct svc_order_ready *, struct svc_err *);
void svc_order_details(const struct svc_order_ready *, struct svc_json *);
int svc_order_write(struct svc_db *, const struct svc_conf *,
    const struct svc_order_ready *, const char *details, int64_t *id,
    struct svc_err *);
#define SVC_MAX_LINES 64
struct svc_order_copy {		/* an order's registration, to make another */
	struct svc_order_in in;
	struct svc_line lines[SVC_MAX_LINES];
	char *held[13];			/* what in points to */
	const char *documents;		/* as "A;B", for the reply */
	time_t at;			/* its agreed time, else wanted, else 0 */
};
int svc_order_copy(struct svc_db *, int64_t id, struct svc_order_copy *,
    struct svc_err *);
void svc_order_copy_free(struct svc_order_copy *);
int svc_order_edit(struct svc_db *, const struct svc_conf *, int64_t id,
    const struct svc_order_in *, struct svc_err *);
int svc_order_accept(struct svc_db *, const struct svc_conf *, int64_t id,
    struct svc_reply *, struct svc_err *);
int svc_order_refuse(struct svc_db *, int64_t id, struct svc_reply *,
    struct svc_err *);
int svc_order_cancel(struct svc_db *, int64_t id, struct svc_reply *,
    struct svc_err *);
int svc_slot_check(const struct svc_conf *, const char *kind, int64_t id,
    time_t at, time_t until, int force, int *quiet, struct svc_err *);
int svc_order_import(struct svc_db *, const struct svc_conf *, const char *path,
    void (*created)(int64_t id, void *), void (*bad)(const char *msg, void *),
    void *arg, int *nbad, struct svc_err *);

/* utf8.c: display width of UTF-8 text (CJK is two columns wide). */
int svc_utf8_width(const char *s);
size_t svc_utf8_fit(const char *s, int maxw, int *width);
int svc_utf8_cut(const char *s, size_t len, int maxw);
void svc_utf8_put(struct svc_buf *, long c);	/* encode */
int svc_utf8_valid(const char *s);
/* The first byte in s..end that starts no valid sequence, or NULL;
 * end at an ASCII byte or the NUL. */
const char *svc_utf8_invalid(const char *s, const char *end);
/* The one validator of a person's free text; flags and limits below. */
enum { SVC_TEXT_REQUIRED = 1, SVC_TEXT_LINES = 2 };
#define SVC_TEXT_SHORT 200	/* names, phones, logins, badges */
#define SVC_TEXT_LINE 1000	/* addresses, reasons, notes */
#define SVC_TEXT_LONG 4000	/* comments, complaints, resolutions */
int svc_text_ok(const char *what, const char *s, int flags, size_t max,
    struct svc_err *);
size_t svc_text_defang(char *s, size_t len, int keep_lines);

/*
 * i18n.c: the language people read (LC_MESSAGES); machine formats never
 * change with it.  _() marks a message, N_() a word translated later.
 */
#define _(s) gettext(s)
#define N_(s) (s)
#define NC_(ctx, s) (s)		/* a word in a context: "column", "code" */
void svc_i18n_init(void);
const char *svc_heading(const char *column);	/* a table's heading */
const char *svc_label(const char *code);	/* a code in a table */
const char *svc_context(const char *ctx, const char *word);	/* NC_ */

/* history.c: an order's events as lines a person reads (svc-order show). */
int svc_history_line(struct svc_db *, time_t at, const char *actor,
    const char *kind, const char *details, FILE *, struct svc_err *);

/* out.c: one writer driven by a format table (DESIGN section 2). */
enum svc_fmt { SVC_FMT_TABLE, SVC_FMT_TSV, SVC_FMT_CSV, SVC_FMT_JSON };
enum svc_coltype {
	SVC_COL_TEXT, SVC_COL_INT, SVC_COL_TIME, SVC_COL_DATE,
	SVC_COL_MONEY, SVC_COL_BOOL,
	SVC_COL_MINUTES,	/* an integer; "16h10m" in a table */
	SVC_COL_CODE		/* a status or kind: localised in a table
				   (svc_out_text, svc_out_int follow the
				   declared type) */
};
struct svc_col {
	const char *name;
	enum svc_coltype type;
	int maxw;		/* free text: a table may cut it, at maxw
				   when the screen's width is unknown */
	int drop;		/* a narrow screen drops it: 1 first, then 2..;
				   0 never */
};
/* How a command's rows are shown: the common options -o -H -F -w --excel. */
struct svc_view {
	enum svc_fmt fmt;
	int header;
	int wide;		/* -w: nothing cut, nothing dropped */
	int excel;		/* csv: a UTF-8 byte order mark first */
	int width;		/* table: the screen's columns; 0 unknown */
	int color;		/* table: escapes allowed */
	const char *fields;	/* -F: the columns chosen, in order */
};
struct svc_out;
int svc_fmt_parse(const char *, enum svc_fmt *);
struct svc_out *svc_out_new(FILE *, const struct svc_view *,
    const struct svc_col *, int ncols, struct svc_err *);
size_t svc_out_count(const struct svc_out *);
void svc_out_mark(struct svc_out *);	/* the row being built needs a look */
int svc_view_width(void);
void svc_minutes_text(int64_t minutes, char *buf, size_t len);
void svc_out_text(struct svc_out *, const char *);	/* NULL: null */
void svc_out_int(struct svc_out *, int64_t);
void svc_out_time(struct svc_out *, time_t);
void svc_out_date(struct svc_out *, int days);
void svc_out_money(struct svc_out *, int64_t fen);
void svc_out_bool(struct svc_out *, int);
void svc_out_null(struct svc_out *);
void svc_out_column(struct svc_out *, struct svc_stmt *, int i);
void svc_out_row(struct svc_out *);
int svc_out_finish(struct svc_out *);	/* flushes a table, frees */

/* No visit lasts two days: the bound that keeps clash checks indexed. */
#define SVC_LONGEST_VISIT "172800"

/* leave.c: a worker away (issue 18). */
struct svc_leave {
	time_t from, to;
	char reason[256];
};
int64_t svc_on_leave(struct svc_db *, int64_t person, time_t at, time_t until,
    struct svc_leave *, struct svc_err *);
void svc_leave_span(const struct svc_leave *, char *buf, size_t n);
int svc_leave_add(struct svc_db *, const char *login, time_t from, time_t to,
    const char *reason, int64_t *id, int *clashes, struct svc_err *);
int svc_leave_cancel(struct svc_db *, int64_t id, const char *reason,
    struct svc_err *);
int svc_leave_query(struct svc_db *, const char *login, time_t since, int all,
    struct svc_stmt **, struct svc_err *);

/*
 * plan.c: service plans (issue 18), a standing agreement repeated by an
 * RFC 5545 rule (libical), each occurrence made once as an order already
 * accepted; one on a day its calendar does not work moves by the plan's
 * on_holiday, and says so.
 */
#define SVC_RRULE_MAX 256
struct svc_plan_rule {
	const char *every;	/* 'tue 09:00', '2w sat 14:00', '3mo'; or NULL */
	const char *rrule;	/* FREQ=WEEKLY;BYDAY=TU; or NULL */
	const char *from;	/* DATE or 'DATE HH:MM'; NULL: the first order's */
	const char *until;	/* DATE, the last day; NULL: none */
	int count;		/* occurrences; 0: no limit */
	const char *on_holiday;	/* skip, next, prev; NULL: next, or as it was */
	const char *note;
};
struct svc_rrule {		/* a rule made ready: what the table keeps */
	char rrule[SVC_RRULE_MAX];
	int minute;		/* the time of day from every, -1: none */
};
int svc_every_rrule(const char *every, struct svc_rrule *, struct svc_err *);
int svc_rrule_check(const char *rrule, struct svc_rrule *, struct svc_err *);
typedef int (*svc_occ_fn)(time_t at, void *ctx);
int svc_rrule_each(const char *rrule, time_t start, time_t after,
    time_t upto, svc_occ_fn, void *ctx, struct svc_err *);
enum svc_on_holiday { SVC_HOL_SKIP, SVC_HOL_NEXT, SVC_HOL_PREV };
extern const char *const svc_on_holidays[];
time_t svc_plan_move(const struct svc_cal *, time_t at, int on_holiday,
    const char **why);
int svc_plan_new(struct svc_db *, const struct svc_conf *, int64_t first,
    const struct svc_plan_rule *, int64_t *id, struct svc_err *);
int svc_plan_edit(struct svc_db *, const struct svc_conf *, int64_t id,
    const struct svc_plan_rule *, int *made_after, struct svc_err *);
int svc_plan_state(struct svc_db *, int64_t id, const char *verb,
    const char *note, int *made_after, struct svc_err *);
struct svc_plan_run {
	time_t upto;		/* the horizon: occurrences up to it */
	void (*made)(int64_t plan, int64_t order, void *ctx);
	void (*said)(int64_t plan, const char *msg, void *ctx);
	void *ctx;
};
int svc_plan_due(struct svc_db *, struct svc_stmt **, struct svc_err *);
int svc_plan_run(struct svc_db *, const struct svc_conf *, int64_t id,
    const struct svc_plan_run *, struct svc_err *);
int svc_plan_query(struct svc_db *, const char *state, const char *kind,
    struct svc_stmt **, struct svc_err *);
int svc_plan_occs(struct svc_db *, int64_t id, struct svc_stmt **, struct svc_err *);

/* assign.c: dispatch (C2), moves and the notice rule (G9). */
struct svc_worker {
	int64_t id;
	char login[40], dept[40];
};
struct svc_move {
	time_t at;		/* the new time */
	time_t notified;	/* when the applicant was told */
	int typed;		/* notified typed (a call), not just now */
	const char *reason;
	int applicant;		/* asked for by the applicant */
	int force;
	time_t notice;		/* out: old time - notified */
	time_t rule;		/* out: the kind's notice */
	int short_notice, quiet;	/* out: G9, A9 */
};
int svc_worker(struct svc_db *, const char *login, struct svc_worker *,
    struct svc_err *);
int svc_booked_free(struct svc_db *, const struct svc_facts *, int64_t id,
    time_t at, time_t until, struct svc_err *);
int64_t svc_clash(struct svc_db *, int64_t person, int64_t id, time_t at,
    time_t until, time_t *cat, time_t *cuntil, struct svc_err *);
int svc_assign(struct svc_db *, int64_t id, const struct svc_worker *,
    const struct svc_worker *helper, int force, struct svc_err *);
int svc_unassign(struct svc_db *, int64_t id, const char *reason,
    struct svc_err *);
int svc_move(struct svc_db *, const struct svc_conf *, int64_t id,
    struct svc_move *, struct svc_err *);
int svc_cancel_notice(struct svc_db *, const struct svc_conf *, int64_t id,
    struct svc_move *, struct svc_err *);
int svc_agenda_query(struct svc_db *, int64_t person, time_t from, time_t to,
    struct svc_stmt **, struct svc_err *);
const char *svc_order_lacks(struct svc_db *, const struct svc_conf *, int64_t id,
    int64_t person, struct svc_err *);
int svc_auto_assign(struct svc_db *, const struct svc_conf *, int64_t id,
    struct svc_worker *chosen, struct svc_buf *why, struct svc_err *);

/* product.c: the product registry, warranty by barcode (A5). */
struct svc_product {
	const char *barcode, *model, *name, *sold_on;
	int warranty_months;
};
struct svc_warranty {
	char model[80], name[160];
	int sold, months, until;	/* days since 1970; until is covered */
	int covered;
};
int svc_add_months(int day, int months);
int svc_covered_until(int sold, int months);
int svc_product_add(struct svc_db *, const struct svc_product *,
    struct svc_err *);
int svc_warranty(struct svc_db *, const char *barcode, int day,
    struct svc_warranty *, struct svc_err *);
int svc_product_import(struct svc_db *, const char *path, int *n,
    struct svc_err *);
int svc_product_query(struct svc_db *, struct svc_stmt **, struct svc_err *);

/* close.c: the return call after the work, and the order closed. */
struct svc_followup {
	int reached;
	int rating;		/* 0: none */
	const char *comment;
	const char *conduct;	/* the customer's answers, "ID=yes,..." */
};
int svc_order_settle(struct svc_db *, int64_t id, struct svc_err *);
int svc_followup_plan(struct svc_db *, const struct svc_conf *, int64_t id,
    const char *kind, struct svc_err *);
int svc_followup(struct svc_db *, const struct svc_conf *, int64_t id,
    const struct svc_followup *, struct svc_err *);
int svc_order_reopen(struct svc_db *, int64_t id, const char *reason,
    struct svc_err *);

/* visit.c: the visit at the door (A1-A12, C3, C5, G8, G10). */
struct svc_check {
	int voucher;		/* 1 shown, 0 not found, -1 not asked */
	const char *barcode, *parts_missing, *damage, *not_ours;
	const char *signed_by;
	int covered, chargeable;	/* out */
	char covered_until[16];		/* out, when the barcode decided */
};
struct svc_done {
	const char *signed_by, *comment;
	int rating;		/* 0: none */
	const char *signature;	/* the image, or NULL */
	size_t signature_len;
	const char *conduct;	/* the customer's answers, "ID=yes,..." */
};
int svc_visit_late(struct svc_db *, int64_t id, time_t eta, const char *reason,
    struct svc_err *);
int svc_visit_arrive(struct svc_db *, int64_t id, int *late_minutes,
    struct svc_err *);
int svc_visit_start(struct svc_db *, int64_t id, struct svc_err *);
int svc_visit_resume(struct svc_db *, int64_t id, struct svc_err *);
int svc_visit_contact(struct svc_db *, int64_t id, int reached, const char *note,
    struct svc_err *);
int svc_visit_check(struct svc_db *, int64_t id, struct svc_check *,
    struct svc_err *);
int svc_visit_suspend(struct svc_db *, const struct svc_conf *, int64_t id,
    const char *reason, time_t resume_at, int force, int *quiet,
    struct svc_err *);
int svc_visit_takeback(struct svc_db *, int64_t id, const char *reason,
    const char *return_by, struct svc_err *);
int svc_visit_done(struct svc_db *, const struct svc_conf *, int64_t id,
    const struct svc_done *, struct svc_err *);
void svc_visit_by(const char *login);
int svc_visit_report(struct svc_db *, const struct svc_conf *, int64_t id,
    const char *note, struct svc_err *);
int svc_visit_review(struct svc_db *, int64_t id, int ok, const char *reason,
    struct svc_err *);
int svc_visit_close(struct svc_db *, int64_t id, const char *outcome,
    const char *reason, struct svc_err *);
int svc_visit_attach(struct svc_db *, int64_t id, const char *kind,
    const char *name, const void *data, size_t len, struct svc_err *);
int svc_visit_signature(struct svc_db *, int64_t id, struct svc_buf *,
    struct svc_err *);
int svc_visit_brief(struct svc_db *, const struct svc_conf *, int64_t id,
    struct svc_buf *, struct svc_err *);
int svc_visit_form(struct svc_db *, const struct svc_conf *, int64_t id,
    int width, struct svc_buf *, struct svc_err *);
int svc_noshow(struct svc_db *, const struct svc_conf *, int apply,
    void (*found)(int64_t id, time_t at, int call_first, void *), void *arg,
    int *nflagged, struct svc_err *);

/* pay.c: bills, receipts, cash handovers (C3, C4, A7, A11); fen. */
extern const char *const svc_methods[];
struct svc_bill {
	int64_t services, extras, total, covered, paid, refunded, balance;
	char status[16];
	int closed;		/* settled and closed: money no longer moves */
};
struct svc_take {
	int64_t amount;
	const char *method, *by, *reason;
	int at_finance;		/* received at finance, not collected on site */
	char receipt[24];	/* out */
};
struct svc_handover {
	int64_t id, expected, counted, difference;
};
int svc_method_valid(const char *);
int svc_bill(struct svc_db *, int64_t id, struct svc_bill *, struct svc_err *);
int svc_charge(struct svc_db *, int64_t id, const char *code, const char *what,
    int qty, int64_t unit_price, struct svc_err *);
int svc_take(struct svc_db *, int64_t id, struct svc_take *, struct svc_err *);
int svc_refund(struct svc_db *, int64_t id, struct svc_take *, struct svc_err *);
int svc_void(struct svc_db *, const char *receipt, const char *reason,
    struct svc_err *);
int svc_handover(struct svc_db *, const char *worker, int64_t counted,
    struct svc_handover *, struct svc_err *);
int svc_held_query(struct svc_db *, const char *worker, struct svc_stmt **,
    struct svc_err *);
int svc_receipt_text(struct svc_db *, const char *receipt, int width,
    struct svc_buf *, struct svc_err *);

/* complaint.c: the complaints office (G11). */
int svc_complaint_new(struct svc_db *, int64_t order, const char *customer,
    const char *phone, const char *text, int64_t *id, struct svc_err *);
int svc_complaint_assign(struct svc_db *, int64_t id, const char *login,
    struct svc_err *);
int svc_complaint_resolve(struct svc_db *, int64_t id, const char *resolution,
    int upheld, struct svc_err *);
int svc_complaint_query(struct svc_db *, int open_only, int64_t id,
    struct svc_stmt **, struct svc_err *);

/* order_view.c: reading orders - list, the record, the notice (G4, G6). */
struct svc_order_filter {
	const char *statuses;	/* "new,accepted" */
	const char *kind, *dept, *customer;
	time_t since, until;	/* registration; 0: open */
	time_t on_from, on_to;	/* appointment day; 0: any */
	int overdue;		/* no reply and past the deadline now */
	int64_t limit;		/* 0: no limit */
	int64_t id;		/* 0: any */
};
#define SVC_ORDER_NCOLS 11
extern const struct svc_col svc_order_cols[SVC_ORDER_NCOLS];
int svc_order_query(struct svc_db *, const struct svc_order_filter *,
    struct svc_stmt **, struct svc_err *);
int svc_order_json(struct svc_db *, int64_t id, struct svc_buf *,
    struct svc_err *);
/* Whole records read together (export): at most this many a call. */
#define SVC_RECORDS_AT_ONCE 64
int svc_order_json_many(struct svc_db *, const int64_t *ids, int n,
    struct svc_buf *out, struct svc_err *);
int svc_order_sheet(struct svc_db *, int64_t id, FILE *, struct svc_err *);
int svc_order_notice(struct svc_db *, int64_t id, struct svc_buf *,
    struct svc_err *);
int svc_json_numbered(struct svc_db *, const char *json, struct svc_buf *);

/* report.c: the checks and summaries (G5, G8-G12, C4). */
#define SVC_CHECK_WINDOW "2592000"	/* late, notice, noshow, conduct:
					   30 days back, by default */
struct svc_report {
	const char *name, *sql;
	const struct svc_col *cols;
	int ncols;
	int bar;		/* summaries: the column a bar is drawn for */
	const char *period;	/* summaries: the statement of a period */
};
struct svc_report_filter {
	time_t since, until;
	const char *dept, *kind, *by;
	int64_t secs;		/* --soon, --older */
	const char *worker;	/* conduct: one worker's login */
	int findings;		/* conduct: --check, the major breaches only */
};
extern const struct svc_report svc_checks[];
/* svc-report unsent's columns; svc-notify check shows the first ones. */
#define SVC_OUTBOX_NCOLS 8
extern const struct svc_col svc_unsent_cols[SVC_OUTBOX_NCOLS + 2];
extern const struct svc_report svc_summaries[];
const struct svc_report *svc_report_find(const struct svc_report *,
    const char *name);
const char *svc_report_sql(const struct svc_report *,
    const struct svc_report_filter *);
int svc_report_prepare(struct svc_db *, const struct svc_report *,
    const struct svc_report_filter *, struct svc_stmt **, struct svc_err *);
struct svc_evaluation {
	char dept[40];
	int64_t requests, replied, replied_on_time, appointments, arrivals;
	int64_t arrived_on_time, completed, noshows, short_notice, upheld;
	int64_t breaches;	/* major conduct breaches (A13-A20) */
	double rating, score, part[SVC_NWEIGHTS];
};
int svc_evaluate(struct svc_db *, const struct svc_conf *, int year,
    int (*fn)(const struct svc_evaluation *, void *), void *arg,
    struct svc_err *);

/* query.c: svc-report query, read-only over the views, and bounded. */
struct svc_query_limits {
	int64_t timeout_ms;	/* --timeout; default SVC_QUERY_TIMEOUT_MS */
	int64_t memory;		/* bytes, for SQLite and for the rows */
};
#define SVC_QUERY_TIMEOUT_MS 5000
#define SVC_QUERY_MEMORY (256LL << 20)
#define SVC_QUERY_MAX_VALUE 1000000	/* bytes of one value */
#define SVC_QUERY_MAX_SQL 100000	/* bytes of the statement */
#define SVC_QUERY_MAX_COLUMNS 100
int svc_query_readonly(struct svc_db *, const char *sql,
    const struct svc_query_limits *, struct svc_stmt **, struct svc_err *);
int svc_query_rows(struct svc_db *, struct svc_stmt *, const struct svc_query_limits *,
    struct svc_buf *cells, int64_t *nrows, struct svc_err *);

/* known.c: every filter value is checked against what exists. */
enum svc_kwhat {
	SVC_K_DEPT, SVC_K_LOGIN, SVC_K_WORKER, SVC_K_ROLE, SVC_K_KIND,
	SVC_K_STATUS, SVC_K_METHOD, SVC_K_SERVICE
};
int svc_known(struct svc_db *, const struct svc_conf *, enum svc_kwhat,
    const char *opt, const char *value, struct svc_err *);
int svc_edit_distance(const char *, const char *);
/* "did you mean": offer each name, then guess (NULL: no near one). */
struct svc_near {
	const char *typed, *best;
	int d;
};
void svc_near_offer(struct svc_near *, const char *candidate);
const char *svc_near_guess(const struct svc_near *);

/* seal.c: the sealed log - event, payment and handover rows hash-chained. */
/* A receipt's number (A11): R<year>-<n>, n from 1 in each year. */
#define SVC_RECEIPT_FORM "R%04d-%06d"
struct svc_sealed {
	const char *table, *columns;	/* the sealed columns, in order */
	const char *later;	/* columns added since; trailing NULLs of
				   these are not sealed (NULL: none) */
	int ncolumns;		/* how many columns names (test_seal holds it) */
};
extern const struct svc_sealed svc_sealed[];
int svc_sha256_hex(const void *, size_t, char out[65]);
/* sha256.c: SHA-256, by the processor's SHA instructions or libsodium. */
int svc_sha256(const void *, size_t, unsigned char md[32]);
const char *svc_sha256_impl(void);	/* "sha-ni" or "libsodium" */
/* schema_pg.c: the schema on PostgreSQL, at this version (issue 20). */
extern const char svc_pg_schema[];
extern const char svc_pg_roles[];	/* the group roles and grants */
extern const char svc_pg_code[];	/* svc_seal's functions, made anew */
#define SVC_PG_SCHEMA_BASE 18	/* the version svc_pg_schema makes */
extern const int svc_pg_schema_version;	/* the same, for the tests */
extern const char *const svc_pg_migrations[];	/* then these, to NULL */
int svc_sealed_count(const struct svc_sealed *, const struct svc_value *,
    int n);	/* of a row's values, how many the table seals */
int svc_seal_hash(const char *prev, const struct svc_value *, int n,
    char out[65]);	/* the chain's next link; the svc_seal() of SQL */
int svc_seal_verify(struct svc_db *, FILE *out, struct svc_err *);
int svc_seal_day(struct svc_db *, time_t day_end, char out[65], struct svc_err *);

/* ids.c: the "ids from argv or stdin" loop of DESIGN section 2. */
typedef int (*svc_id_fn)(const char *id, void *ctx);
int svc_ids_each(char **argv, int argc, FILE *in, int numeric,
    svc_id_fn, void *ctx, struct svc_err *);
int svc_id_parse(const char *s, int64_t *id);

/* notify.c: the outbox, what the applicant is told (G5, G6, G9, A1, G10). */
void svc_notify_conf(const struct svc_conf *);
int svc_notify_reply(struct svc_db *, int64_t order, struct svc_err *);
int svc_notify_move(struct svc_db *, int64_t order, time_t old_at, time_t new_at,
    const char *reason, struct svc_err *);
int svc_notify_late(struct svc_db *, int64_t order, time_t eta,
    const char *reason, struct svc_err *);
int svc_notify_abandoned(struct svc_db *, int64_t order, struct svc_err *);
int svc_notify_followup(struct svc_db *, int64_t order, time_t due,
    struct svc_err *);
int svc_notify_sweep(struct svc_db *, const struct svc_conf *, int *made,
    struct svc_err *);
int svc_notify_sent(struct svc_db *, int64_t id, time_t at, struct svc_err *);
int svc_notify_failed(struct svc_db *, int64_t id, const char *reason,
    struct svc_err *);
int svc_notify_dismiss(struct svc_db *, int64_t id, const char *reason,
    struct svc_err *);
int svc_notify_due_query(struct svc_db *, const char *channel, struct svc_stmt **,
    struct svc_err *);
int svc_notify_check_query(struct svc_db *, struct svc_stmt **, struct svc_err *);

#endif

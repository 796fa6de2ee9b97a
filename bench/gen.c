/*
 * gen.c - a realistic database for the benchmarks, made through libsvc
 * (never by formatting SQL): N orders over three years across the three
 * kinds, their replies, dispatch, visits, payments and complaints.
 *
 *   gen [--live] DB N
 *
 * The history is three years of periods of a week, the same number
 * of orders in each, the last OPEN_TAIL orders left open.  The first
 * period is lived, order by order, through the library; the whole
 * periods after it, up to the open tail, are its copies (replicate.c):
 * each row moved on by whole periods, the sealed chains made anew.  The
 * rest and the open tail are lived again.  A million orders take 50 s,
 * where living each took eleven minutes.  --live lives every order; the
 * copies are held to what svc-db verify and svc-db check hold a lived
 * history to by tests/cli/3100-gen.t.
 *
 * Deterministic: the same N gives the same database.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "svc.h"
#include "gen.h"

static unsigned long long rng = 88172645463325252ULL;

static unsigned
next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void
die(const struct svc_err *e)
{
	fprintf(stderr, "gen: %s\n", e->msg);
	exit(1);
}

static const char *const codes[] = {
	"clean-daily", "clean-kitchen", "repair-visit", "gov-pension",
	"gov-medical", "gov-senior-card",
};

static void
roster(struct svc_db *db, struct svc_err *e)
{
	static const struct svc_dept depts[] = {
		{ "civil", "民政窗口", "gov", "010-6512 3401" },
		{ "social", "社保窗口", "gov", "010-6512 3402" },
		{ "clean", "物业保洁部", "cleaning", "010-8456 7700" },
		{ "aftersales", "售后服务部", "repair", "400-820 1234" },
	};
	char login[16], name[32];
	struct svc_staff s = { 0 };
	size_t i;

	for (i = 0; i < 4; i++)
		if (svc_dept_add(db, &depts[i], e))
			die(e);
	for (i = 0; i < 40; i++) {
		snprintf(login, sizeof login, "w%02zu", i);
		snprintf(name, sizeof name, "工人%02zu", i);
		s.login = login;
		s.name = name;
		s.dept = depts[i % 4].code;
		s.roles = "worker";
		if (svc_staff_add(db, &s, e))
			die(e);
	}
	s.login = "fin";
	s.name = "财务";
	s.dept = "clean";
	s.roles = "finance";
	if (svc_staff_add(db, &s, e))
		die(e);
	/* SVC_USER of the generator: a dispatcher records the visits. */
	s.login = "gen";
	s.name = "调度";
	s.roles = "dispatcher";
	if (svc_staff_add(db, &s, e))
		die(e);
}

/*
 * Work left open is recent: the last OPEN_TAIL orders keep whatever state
 * the dice gave them, older ones were seen through, as an organisation
 * that runs its nightly checks sees them through.  So the answers of the
 * checks (overdue, no-show, unpaid, held, open complaints) stay about the
 * same size however long the history, and the benchmark can show whether
 * their time follows the answer or the history.
 */
#define OPEN_TAIL 2000

/* Old cash reaches finance: every worker hands over what they hold. */
static void
hand_over_all(struct svc_db *db, struct svc_err *e)
{
	struct svc_handover h;
	char login[8];
	int i;

	for (i = 0; i < 40; i++) {
		snprintf(login, sizeof login, "w%02d", i);
		if (svc_handover(db, login, -1, &h, e) == SVC_EX_DATA)
			svc_clearerr(e);	/* nothing held */
		else if (e->code)
			die(e);
	}
}

/*
 * Old messages went out: the organisation's gateway sent each a minute
 * after it was made (svc-notify sent, in bulk), so that only the open
 * tail's are due, as on a real outbox that is drained every few minutes.
 */
static void
gateway_sent(struct svc_db *db, struct svc_err *e)
{
	if (svc_db_exec(db, "UPDATE outbox SET sent_at = made_at + 60"
	    " WHERE sent_at IS NULL AND dismissed_at IS NULL", e))
		die(e);
}

/*
 * A9: twenty minutes in, the customer rests; the work goes on, as a
 * second visit, three hours after the appointment, which it returns.
 */
static time_t
rest(struct svc_db *db, const struct svc_conf *c, int64_t id, time_t at,
    struct svc_err *e)
{
	int quiet;

	svc_clock_set(at + 1200);
	if (svc_visit_suspend(db, c, id, "客户午休", at + 3 * 3600, 1,
	    &quiet, e))
		die(e);
	svc_clock_set(at + 3 * 3600);
	if (svc_visit_resume(db, id, e))
		die(e);
	return at + 3 * 3600;
}

/*
 * A8: the product goes to the workshop, promised back in a week.  Seen
 * through, it comes back two days later on a second visit, whose
 * appointment is returned; left open, it is still out (0).
 */
static time_t
workshop(struct svc_db *db, const struct svc_conf *c, int64_t id, time_t at,
    int open, struct svc_err *e)
{
	struct svc_move m = { 0 };
	char day[40];
	struct tm tm;
	time_t week = at + 7 * 86400;
	int late;

	svc_local_tm(week, &tm);
	snprintf(day, sizeof day, "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
	svc_clock_set(at + 1800);
	if (svc_visit_takeback(db, id, "返厂维修", day, e))
		die(e);
	if (open)
		return 0;
	m.at = at + 2 * 86400;
	m.notified = m.at - 86400;
	m.reason = "修好送回";
	m.applicant = 1;
	m.force = 1;
	svc_clock_set(m.notified);
	if (svc_move(db, c, id, &m, e))
		die(e);
	svc_clock_set(m.at + (time_t)next(900) - 300);
	if (svc_visit_arrive(db, id, &late, e) || svc_visit_start(db, id, e))
		die(e);
	return m.at;
}

/*
 * C5 and the return call, seen through: the supervisor accepts the work
 * the next hour, and the customer is reached three days on, where the
 * kind has a return call.
 */
static void
review_and_call(struct svc_db *db, const struct svc_conf *c, int64_t id,
    time_t at, struct svc_err *e)
{
	struct svc_followup f = { 1, 5, NULL, NULL };

	svc_clock_set(at + 7200);
	if (svc_visit_review(db, id, 1, NULL, e))
		die(e);
	svc_clock_set(at + 3 * 86400);
	if (svc_followup(db, c, id, &f, e) == SVC_EX_DATA)
		svc_clearerr(e);	/* none due for this kind */
	else if (e->code)
		die(e);
}

/*
 * The history's periods of PERIOD seconds (a week: a copy keeps its
 * weekdays and its hours), `per` orders in each, spread evenly.
 */
#define PERIOD (7 * 86400L)
static long per;
static time_t t0;

/* How long after the first order the i-th comes. */
static time_t
after_first(long i)
{
	return (time_t)(i / per) * PERIOD + (time_t)((i % per) * PERIOD / per);
}

static time_t
order_time(long i)
{
	return t0 + after_first(i);
}

/* One order, taken as far along its life as the dice say; k names it. */
static void
order(struct svc_db *db, const struct svc_conf *c, long i, long k, int open,
    struct svc_err *e)
{
	struct svc_line line;
	struct svc_order_in in = { 0 };
	struct svc_reply r = { 0 };
	struct svc_done d = { "客户", NULL, 0, NULL, 0, NULL };
	struct svc_take pay = { 0 };
	struct svc_worker w;
	struct svc_bill b;
	char cust[32], phone[24], addr[64], login[8];
	time_t at = order_time(i) + next(3600);
	int64_t id;
	int late, fate = (int)next(100);

	/* seen through: neither new, stuck at the door, unpaid nor unassigned */
	if (!open && (fate < 5 || (fate >= 10 && fate < 32) ||
	    (fate >= 90 && fate < 99)))
		fate = 50;

	snprintf(line.code, sizeof line.code, "%s", codes[next(6)]);
	line.qty = 1;
	snprintf(cust, sizeof cust, "客户%ld", k % 50000);
	snprintf(phone, sizeof phone, "139%08ld", k % 50000);
	snprintf(addr, sizeof addr, "朝阳区建国路%ld号", k % 997);
	in.customer = cust;
	in.phone = phone;
	in.address = addr;
	in.group = "elderly";
	in.lines = &line;
	in.nlines = 1;
	in.registered = at;
	svc_clock_set(at);
	if (svc_order_new(db, c, &in, &id, e))
		die(e);
	if (fate < 5)		/* still new: some of them overdue */
		return;
	svc_clock_set(at + 3600 + (fate < 8 ? 3 * 86400 : 0));
	if (fate < 10) {
		r.reason = "不在服务范围";
		if (svc_order_refuse(db, id, &r, e))
			die(e);
		return;
	}
	r.at = at + 2 * 86400;
	r.force = 1;
	r.note = "bench";
	if (svc_order_accept(db, c, id, &r, e))
		die(e);
	if (fate < 20)
		return;
	if (svc_auto_assign(db, c, id, &w, NULL, e)) {
		svc_clearerr(e);
		snprintf(login, sizeof login, "w%02u", next(40));
		if (svc_worker(db, login, &w, e) ||
		    svc_assign(db, id, &w, NULL, 1, e))
			die(e);
	}
	if (fate < 30)
		return;
	svc_clock_set(r.at + (time_t)next(900) - 300);
	if (svc_visit_arrive(db, id, &late, e))
		die(e);
	if (fate < 32) {
		svc_clock_set(r.at + 600);
		svc_visit_contact(db, id, 0, "无人接听", e);
		return;
	}
	if (svc_visit_start(db, id, e))
		die(e);
	if (fate >= 32 && fate < 36)
		r.at = rest(db, c, id, r.at, e);
	if (fate >= 36 && fate < 38 && (r.at = workshop(db, c, id, r.at, open,
	    e)) == 0)
		return;
	svc_clock_set(r.at + 3600);
	d.rating = 1 + (int)next(5);
	/* A13-A20: most customers answer the checklist; a few breaches */
	d.conduct = fate == 97 ? "A2.badge=yes,A16.gifts=yes,A18.waste=no" :
	    fate % 2 ? "A2.badge=yes,A16.gifts=no,A18.waste=yes" : NULL;
	if (svc_visit_done(db, c, id, &d, e) || svc_bill(db, id, &b, e))
		die(e);
	if (!open)
		review_and_call(db, c, id, r.at, e);
	if (b.balance > 0 && (fate < 90 || !open)) {
		pay.amount = b.balance;
		pay.method = fate < 60 ? "cash" : "wechat";
		pay.by = w.login;
		if (svc_take(db, id, &pay, e))
			die(e);
	}
	if (fate == 99 && svc_complaint_new(db, id, NULL, NULL, "态度不好",
	    &id, e))
		die(e);
	if (fate == 99 && !open && svc_complaint_resolve(db, id, "已道歉",
	    (int)next(2), e))
		die(e);
}

/*
 * gen --sql REPORT [period]: the statement svc-report runs, of everything
 * or of a period, for the bench to give the sqlite3 shell the very same
 * one (its parameters filled in there).
 */
static int
print_sql(const char *name, int period)
{
	const struct svc_report *r = svc_report_find(svc_checks, name);
	struct svc_report_filter f = { 0 };

	if (r == NULL && (r = svc_report_find(svc_summaries, name)) == NULL) {
		fprintf(stderr, "gen: %s: no such report\n", name);
		return 64;
	}
	f.since = period;
	puts(svc_report_sql(r, &f));
	return 0;
}

/*
 * Issue 18: a week of leave for every fourth worker over the open tail's
 * days, recorded after its visits were booked, as svc-report clashes
 * finds them in life.
 */
static void
leave(struct svc_db *db, struct svc_err *e)
{
	char login[8];
	int64_t id;
	int i, clashes;
	time_t from = svc_now() - 3 * 86400;

	for (i = 0; i < 40; i += 4) {
		snprintf(login, sizeof login, "w%02d", i);
		if (svc_leave_add(db, login, from, from + 7 * 86400, "年假", &id,
		    &clashes, e))
			die(e);
	}
}

/*
 * Three years of orders, `per` in each period, ending where the bench's
 * now is; how many whole periods come before the open tail.
 */
static long
periods(long n)
{
	time_t end = svc_local_mktime(2024, 1, 1, 9 * 60) + 3 * 365 * 86400L;

	per = (long)((double)n * PERIOD / (3 * 365 * 86400.0));
	if (per < 1)
		per = 1;
	t0 = end - after_first(n);
	return n > OPEN_TAIL ? (n - OPEN_TAIL) / per : 0;
}

/*
 * A copy moves times by whole days and dates in texts by as many: only
 * where no day of the history has another offset from UTC than the first.
 */
static void
one_offset(long n)
{
	struct tm first, tm;
	time_t t;

	svc_local_tm(t0, &first);
	for (t = t0; t <= order_time(n); t += 86400) {
		svc_local_tm(t, &tm);
		if (tm.tm_gmtoff != first.tm_gmtoff) {
			fprintf(stderr, "gen: the zone's offset changes in the"
			    " history: copies would move its hours; use --live\n");
			exit(1);
		}
	}
}

/* Seconds since *t, which becomes now. */
static double
lap(struct timespec *t)
{
	struct timespec now;
	double s;

	clock_gettime(CLOCK_MONOTONIC, &now);
	s = (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
	*t = now;
	return s;
}

/*
 * The connection's settings while copying and while living.  The copies
 * are written once, into the file, not into the WAL and then the file: a
 * generator that fails half-way leaves a file to remove, not a history
 * to keep.  They append: a small cache serves (a larger one only costs
 * the pages' first touch).  Their rows are the lived period's, checked
 * when it wrote them, moved in time and number: CHECK constraints and
 * references are not checked again row by row (a fifth of the copying),
 * but once, whole, by svc-db check (integrity and foreign_key_check) in
 * tests/cli/3100-gen.t.
 */
static const struct { const char *name, *copying, *living; } settings[] = {
	{ "journal_mode", "OFF", "WAL" },
	{ "synchronous", "OFF", "FULL" },
	{ "ignore_check_constraints", "ON", "OFF" },
	{ "foreign_keys", "OFF", "ON" },
	{ "cache_size", "-65536", "-4194304" },
};

/* The transaction committed, the settings for copying or living taken. */
static void
settle(struct svc_db *db, int copying, struct svc_err *e)
{
	char sql[80];
	size_t i;

	if (svc_db_commit(db, e))
		die(e);
	for (i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		snprintf(sql, sizeof sql, "PRAGMA %s = %s", settings[i].name,
		    copying ? settings[i].copying : settings[i].living);
		if (svc_db_exec(db, sql, e))
			die(e);
	}
	if (svc_db_begin(db, e))
		die(e);
}

/* The first period, lived, ended and copied into the whole ones after. */
static void
copy_period(struct svc_db *db, const struct gen_mark *before, long whole,
    struct svc_err *e)
{
	struct timespec t;
	char err[400];

	hand_over_all(db, e);
	gateway_sent(db, e);
	clock_gettime(CLOCK_MONOTONIC, &t);
	settle(db, 1, e);
	if (gen_replicate(db, before, (int)whole - 1, PERIOD, err,
	    sizeof err)) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	settle(db, 0, e);
	fprintf(stderr, "gen: %ld periods of %ld orders copied in %.1f s\n",
	    whole - 1, per, lap(&t));
}

int
main(int argc, char **argv)
{
	struct svc_conf conf;
	struct svc_err e = { 0 };
	struct gen_mark before;
	struct svc_db *db;
	struct timespec start, t;
	double total;
	long n, i, whole, lived = 0;
	int live = argc > 1 && strcmp(argv[1], "--live") == 0, copy;
	char err[400];

	if ((argc == 3 || argc == 4) && strcmp(argv[1], "--sql") == 0)
		return print_sql(argv[2], argc == 4);
	argv += live;
	argc -= live;
	if (argc != 3 || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: gen [--live] DB N |"
		    " gen --sql REPORT [period]\n");
		return 64;
	}
	mallopt(M_TRIM_THRESHOLD, 64 << 20);	/* as the commands do */
	setenv("SVC_USER", "gen", 1);
	if (svc_conf_load(&conf, getenv("SVC_CONFIG") ? getenv("SVC_CONFIG") :
	    "share/svc/config.yaml", &e) || svc_tz_set(conf.timezone, &e))
		die(&e);
	whole = periods(n);
	copy = !live && whole >= 2;
	if (copy)
		one_offset(n);
	if (svc_db_open(argv[1], SVC_DB_RW | SVC_DB_INIT, &db, &e) ||
	    svc_db_begin(db, &e))
		die(&e);
	/*
	 * The history's indexes are written at random places: at a million
	 * orders (3 GB) svc's 64 MB cache re-reads pages from the OS on most
	 * inserts, and the generator slowed fourfold from 100,000 orders on.
	 * The copies' statements keep their temporary tables in memory.
	 */
	if (svc_db_exec(db, "PRAGMA cache_size = -4194304", &e) ||
	    svc_db_exec(db, "PRAGMA temp_store = MEMORY", &e))
		die(&e);
	conf.cal.warn = NULL;
	clock_gettime(CLOCK_MONOTONIC, &start);
	t = start;
	svc_clock_set(t0 - 86400);	/* set up the day before: deterministic */
	roster(db, &e);
	if (copy && gen_mark(db, &before, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (copy && i == per) {
			fprintf(stderr, "gen: the first period, %ld orders,"
			    " lived in %.1f s\n", per, lap(&t));
			copy_period(db, &before, whole, &e);
			i = per * whole;
		}
		/* customers and addresses as a million orders name them */
		order(db, &conf, i, n <= 1000000 ? i * (1000000L / n) : i,
		    n - i <= OPEN_TAIL, &e);
		lived++;
		if (n - i > OPEN_TAIL && (i % 1000 == 999 ||
		    n - i == OPEN_TAIL + 1)) {
			hand_over_all(db, &e);
			gateway_sent(db, &e);
		}
		if (i % 20000 == 0 && i && (svc_db_commit(db, &e) ||
		    svc_db_begin(db, &e)))
			die(&e);
	}
	leave(db, &e);
	if (svc_db_commit(db, &e))
		die(&e);
	total = lap(&start);
	fprintf(stderr, "gen: %ld orders (%ld lived, %ld copied) in %.1f s"
	    " (%.0f/s)\n", n, lived, n - lived, total, (double)n / total);
	svc_db_close(db);
	svc_conf_free(&conf);
	return 0;
}

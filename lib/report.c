/*
 * report.c - the checks that hold an organisation to its own rules, and
 * the summaries it reads (G5, G8, G9, G10, G11, G12, C4, C5).
 *
 * Every report is one constant SQL statement over the same numbered
 * parameters, described by a table: the command binds the filters once
 * and prints the rows.  Reports open the database read-only.
 *
 *   ?1 since, ?2 until (the report's own time; NULL: open)
 *   ?3 dept, ?4 kind (NULL: all), ?5 now, ?6 a duration in seconds
 *   ?7 the --by key of a summary, ?8 a worker's login (NULL: all),
 *   ?9 1: findings only (--check)
 */
#include <string.h>

#include "svc.h"

#define FILTERS(t, d, k) FILTERS_IF(t, d " = ?3", k " = ?4")
/* The same, told whether a row is of the department, of the kind. */
#define FILTERS_IF(t, in_dept, of_kind) \
	" AND (?1 IS NULL OR " t " >= ?1) AND (?2 IS NULL OR " t " < ?2)" \
	WHO_IF(in_dept, of_kind)

/* The department and kind filters alone, for reports with their own range. */
#define WHO(d, k) WHO_IF(d " = ?3", k " = ?4")
#define WHO_IF(in_dept, of_kind) \
	" AND (?3 IS NULL OR " in_dept ") AND (?4 IS NULL OR " of_kind ")"

/*
 * A check whose findings stay findings (a late arrival, a short notice, a
 * no-show, a breach: facts of the past) looks at the last 30 days unless
 * --since says otherwise, an index range, so that its answer and its
 * time do not grow with the years behind it (issue 16).
 */
#define RECENT(t, d, k) \
	" AND " t " >= coalesce(?1, ?5 - " SVC_CHECK_WINDOW ")" \
	" AND (?2 IS NULL OR " t " < ?2)" WHO(d, k)

/*
 * The department code and the kind of a row's order, looked up row by row
 * through the order's key, for checks that start from a few visits or
 * payments and name the order only for these.  Joined instead, the
 * orders let PostgreSQL's planner, which guesses the rows of a partial
 * index from each condition alone (held: 10,700 guessed, 226 there),
 * read and hash all of them: late took 233 ms at a million orders, 97 so,
 * conduct 264, 57.  A subquery in the select list or in a filter is asked
 * per row on both engines, and not at all when the filter is not given.
 */
#define DEPT_OF(id) "(SELECT od.code FROM orders oo JOIN dept od" \
	" ON od.id = oo.dept_id WHERE oo.id = " id ")"
#define KIND_OF(id) "(SELECT oo.kind FROM orders oo WHERE oo.id = " id ")"
/*
 * Whether a row's order is of the department ?3, of the kind ?4: the
 * orders that are, found once (only when the filter is given), and each
 * row looked up among them.  For a summary over every visit, where
 * DEPT_OF asked per row was 5 times slower than a join on the server
 * (255 against 49 ms at 100,000 orders; this, 74) and slower than this
 * in SQLite (584 against 454 ms at a million).
 */
#define ORDER_IN_DEPT(id) id " IN (SELECT oo.id FROM orders oo JOIN dept od" \
	" ON od.id = oo.dept_id WHERE od.code = ?3)"
#define ORDER_OF_KIND(id) id " IN (SELECT oo.id FROM orders oo" \
	" WHERE oo.kind = ?4)"

/* A sum of truths that may be null, cast to 1 and 0 as SQLite has them:
 * the server's sum(boolean) is svc's aggregate in SQL (schema_pg.c), a
 * function call a row, 3.9 s of workload at a million orders, 0.8 cast. */
#define TRUTHS(cond) " sum(CAST(" cond " AS INTEGER))"

#define ORDER_JOINS \
	" FROM orders o JOIN customer c ON c.id = o.customer_id" \
	" LEFT JOIN dept d ON d.id = o.dept_id"

/*
 * The checks' columns.  A narrow screen drops the department first, then
 * the kind: a check is mostly read by the department it concerns, and
 * its filters (--dept, --kind) say which.
 */
static const struct svc_col overdue_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "reply_due"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "overdue_minutes"), SVC_COL_MINUTES, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "kind"), SVC_COL_CODE, 0, 2 },
	{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
};
static const struct svc_col late_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "appointment"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "arrived"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "late_minutes"), SVC_COL_MINUTES, 0, 0 },
	{ NC_("column", "told_in_advance"), SVC_COL_BOOL, 0, 0 },
	{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "visit"), SVC_COL_INT, 0, 0 },
};
static const struct svc_col notice_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "old"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "new"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "notified"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "notice_minutes"), SVC_COL_MINUTES, 0, 0 },
	{ NC_("column", "reason"), SVC_COL_TEXT, 20, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "kind"), SVC_COL_CODE, 0, 2 },
	{ NC_("column", "told"), SVC_COL_TIME, 0, 0 },
};
static const struct svc_col noshow_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "appointment"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "kind"), SVC_COL_CODE, 0, 2 },
	{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
	{ NC_("column", "attempts"), SVC_COL_INT, 0, 0 },
};
static const struct svc_col held_cols[] = {
	{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "amount"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "collections"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "oldest"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "hours"), SVC_COL_INT, 0, 0 },
};
static const struct svc_col unpaid_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "done"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
	{ NC_("column", "phone"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "balance"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
};
static const struct svc_col takeback_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "return_by"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "taken"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "days_over"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
};
/* The first SVC_OUTBOX_NCOLS are svc-notify check's columns too. */
const struct svc_col svc_unsent_cols[SVC_OUTBOX_NCOLS + 2] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "order"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "kind"), SVC_COL_CODE, 0, 2 },
	{ NC_("column", "recipient"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "not_after"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "tries"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "fail_reason"), SVC_COL_TEXT, 30, 0 },
	{ NC_("column", "state"), SVC_COL_CODE, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
};
static const struct svc_col unreviewed_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "visit"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "done"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "review_due"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "overdue_minutes"), SVC_COL_MINUTES, 0, 0 },
	{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "reported"), SVC_COL_BOOL, 0, 0 },
};
static const struct svc_col followup_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "due"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "tries"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
	{ NC_("column", "phone"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "kind"), SVC_COL_CODE, 0, 2 },
};
static const struct svc_col complaint_cols[] = {
	{ NC_("column", "complaint"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "at"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "order"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
	{ NC_("column", "customer"), SVC_COL_TEXT, 12, 0 },
	{ NC_("column", "assigned_to"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "text"), SVC_COL_TEXT, 30, 0 },
};

static const struct svc_col clash_cols[] = {
	{ NC_("column", "id"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "appointment"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "login"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "as"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "leave_from"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "leave_to"), SVC_COL_TIME, 0, 0 },
	{ NC_("column", "reason"), SVC_COL_TEXT, 20, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 1 },
};
static const struct svc_col conduct_cols[] = {
	{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "item"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "asked"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "breached"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "major"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "last_breach"), SVC_COL_TIME, 0, 0 },
};

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* The booked visits of the leave not over yet, as who (worker, helper). */
#define ON_LEAVE(who) \
	"SELECT o.id, o.appt_at, s.login, '" who "', l.from_at, l.to_at," \
	" l.reason, d.code FROM leave l INDEXED BY leave_to" \
	" JOIN orders o ON o." who "_id = l.staff_id AND o.appt_at < l.to_at" \
	"  AND o.appt_at > l.from_at - " SVC_LONGEST_VISIT \
	"  AND o.appt_until > l.from_at" \
	" JOIN staff s ON s.id = l.staff_id" \
	" LEFT JOIN dept d ON d.id = o.dept_id" \
	" WHERE l.to_at > ?5 AND l.cancelled_at IS NULL" \
	" AND o.status = 'assigned'" FILTERS("o.appt_at", "d.code", "o.kind")

const struct svc_report svc_checks[] = {
	/* G5: no reply past the deadline; with ?6, due within ?6 too. */
	{ "overdue", "SELECT o.id, o.reply_due, (?5 - o.reply_due) / 60,"
	    " d.code, o.kind, o.customer_name" ORDER_JOINS
	    " WHERE o.replied_at IS NULL AND o.status = 'new'"
	    " AND o.reply_due < ?5 + ?6"
	    FILTERS("o.created_at", "d.code", "o.kind")
	    " ORDER BY o.reply_due, o.id", overdue_cols, N(overdue_cols), 0, NULL },
	/*
	 * G8, A1: one row per late visit (a revisit has its own lateness),
	 * and the visits due whose worker is not there yet.  Every late
	 * arrival ever would grow with the years: by default the
	 * appointments of the last 30 days (SVC_CHECK_WINDOW), index ranges of
	 * visit_late and orders_appt; --since and --until widen or move them.
	 */
	{ "late", "SELECT v.order_id, v.appt_at, v.arrived_at, v.late_minutes,"
	    " CASE WHEN v.announced_at <= v.appt_at THEN 1 ELSE 0 END, w.login,"
	    " " DEPT_OF("v.order_id") ", v.no"
	    " FROM visit v LEFT JOIN staff w ON w.id = v.worker_id"
	    " WHERE v.late_minutes > 0"
	    " AND v.appt_at >= coalesce(?1, ?5 - " SVC_CHECK_WINDOW ")"
	    " AND v.appt_at < coalesce(?2, ?5 + 1)"
	    WHO(DEPT_OF("v.order_id"), KIND_OF("v.order_id"))
	    " UNION ALL SELECT o.id, o.appt_at, NULL, (?5 - o.appt_at + 59) / 60,"
	    " CASE WHEN n.announced_at <= o.appt_at THEN 1 ELSE 0 END, w.login,"
	    " d.code,"
	    " coalesce(n.no, (SELECT coalesce(max(no), 0) + 1 FROM visit"
	    "  WHERE order_id = o.id))"
	    " FROM orders o LEFT JOIN dept d ON d.id = o.dept_id"
	    " LEFT JOIN staff w ON w.id = o.worker_id"
	    " LEFT JOIN visit n ON n.order_id = o.id AND n.outcome IS NULL"
	    " WHERE o.status = 'assigned' AND o.appt_at < ?5"
	    " AND o.appt_at >= coalesce(?1, ?5 - " SVC_CHECK_WINDOW ")"
	    " AND o.appt_at < coalesce(?2, ?5 + 1)" WHO("d.code", "o.kind")
	    " ORDER BY 2, 1, 8", late_cols, N(late_cols), 0, NULL },
	/*
	 * G9: moved by the provider with less than the kind's notice.
	 * "short = 1", as the partial index move_short is written: SQLite
	 * uses a partial index only for the very term it names.
	 */
	{ "notice", "SELECT m.order_id, m.old_at, m.new_at, m.notified_at,"
	    " m.notice / 60, m.reason, d.code, o.kind,"
	    /* proof of notice: when a gateway sent the move's message */
	    " m.told_at FROM move m JOIN orders o ON o.id = m.order_id"
	    " LEFT JOIN dept d ON d.id = o.dept_id WHERE m.short = 1"
	    RECENT("m.at", "d.code", "o.kind")
	    " ORDER BY m.at, m.id", notice_cols, N(notice_cols), 0, NULL },
	/* G10: abandoned by the applicant. */
	{ "noshow", "SELECT o.id, o.appt_at, d.code, o.kind, o.customer_name,"
	    " (SELECT count(*) FROM contact t WHERE t.order_id = o.id)"
	    ORDER_JOINS " WHERE o.status = 'abandoned'"
	    RECENT("o.appt_at", "d.code", "o.kind")
	    " ORDER BY o.appt_at, o.id", noshow_cols, N(noshow_cols), 0, NULL },
	/* C4: cash held longer than ?6 seconds. */
	{ "held", "SELECT p.collector, sum(p.amount), count(*), min(p.at),"
	    " (?5 - min(p.at)) / 3600 FROM payment p"
	    " WHERE p.method = 'cash' AND p.place = 'site' AND p.void = 0"
	    " AND p.kind = 'payment' AND p.handover_id IS NULL"
	    " AND p.at < ?5 - ?6"
	    FILTERS("p.at", DEPT_OF("p.order_id"), KIND_OF("p.order_id"))
	    " GROUP BY p.collector ORDER BY min(p.at)",
	    held_cols, N(held_cols), 0, NULL },
	/*
	 * C3, C5: done and still owing.  The kept balance (migration 9) and
	 * its partial index hold exactly these orders; the plan is pinned to
	 * that index, because without statistics SQLite prefers the status
	 * index, which holds every order ever done.
	 */
	{ "unpaid", "SELECT o.id, v.ended_at, o.customer_name, c.phone,"
	    " o.balance,"
	    " d.code FROM orders o INDEXED BY orders_owing"
	    " JOIN customer c ON c.id = o.customer_id"
	    " LEFT JOIN dept d ON d.id = o.dept_id"
	    " LEFT JOIN visit v ON v.order_id = o.id AND v.outcome = 'done'"
	    " WHERE o.status = 'done' AND o.balance > 0"
	    FILTERS("v.ended_at", "d.code", "o.kind")
	    " ORDER BY o.id", unpaid_cols, N(unpaid_cols), 0, NULL },
	/*
	 * A8: products taken back and not at the customer's again by the
	 * day promised (--return-by), from the taken-back visits still out
	 * (visit_takeback); a takeback without a date promised none.
	 */
	{ "takeback", "SELECT v.order_id, v.return_by, v.ended_at,"
	    " CAST(julianday(date(?5, 'unixepoch', 'localtime'))"
	    "  - julianday(v.return_by) AS INTEGER), w.login, d.code,"
	    " o.customer_name"
	    " FROM visit v JOIN orders o ON o.id = v.order_id"
	    " LEFT JOIN dept d ON d.id = o.dept_id"
	    " LEFT JOIN staff w ON w.id = v.worker_id"
	    " WHERE v.outcome = 'taken_back' AND v.returned_at IS NULL"
	    " AND v.return_by < date(?5, 'unixepoch', 'localtime')"
	    FILTERS("v.ended_at", "d.code", "o.kind")
	    " ORDER BY v.return_by, v.order_id", takeback_cols,
	    N(takeback_cols), 0, NULL },
	/*
	 * G5, G6, G9, A1: what the applicant was to be told and was not:
	 * messages past their time never sent, and ones a gateway failed to
	 * send (svc-notify check, with the filters), from outbox_open.
	 */
	{ "unsent", "SELECT x.id, x.order_id, x.kind, x.recipient,"
	    " x.not_after, x.tries, x.fail_reason,"
	    " CASE WHEN x.not_after IS NOT NULL AND x.not_after <= ?5"
	    "   THEN 'expired' ELSE 'failed' END, " DEPT_OF("x.order_id")
	    " FROM outbox x INDEXED BY outbox_open"
	    " WHERE x.sent_at IS NULL AND x.dismissed_at IS NULL"
	    " AND x.not_before <= ?5"
	    " AND ((x.not_after IS NOT NULL AND x.not_after <= ?5)"
	    "   OR x.failed_at IS NOT NULL)"
	    FILTERS("x.made_at", DEPT_OF("x.order_id"), KIND_OF("x.order_id"))
	    " ORDER BY x.not_before, x.id", svc_unsent_cols,
	    N(svc_unsent_cols), 0, NULL },
	/*
	 * C5: done visits the supervisor has not reviewed by review_due
	 * (the kind's review_within after completion), from visit_review,
	 * which holds only the visits waiting for a review.
	 */
	{ "unreviewed", "SELECT v.order_id, v.no, v.ended_at, v.review_due,"
	    " (?5 - v.review_due) / 60, w.login, " DEPT_OF("v.order_id") ","
	    " v.reported_at IS NOT NULL"
	    " FROM visit v LEFT JOIN staff w ON w.id = v.worker_id"
	    " WHERE v.review IS NULL AND v.review_due IS NOT NULL"
	    " AND v.review_due < ?5"
	    FILTERS("v.ended_at", DEPT_OF("v.order_id"), KIND_OF("v.order_id"))
	    " ORDER BY v.review_due, v.order_id", unreviewed_cols,
	    N(unreviewed_cols), 0, NULL },
	/* The return calls due (回访), from orders_followup. */
	{ "followup", "SELECT o.id, o.followup_due, o.followup_tries,"
	    " o.customer_name, c.phone, d.code, o.kind" ORDER_JOINS
	    " WHERE o.followup_due IS NOT NULL AND o.followup_due <= ?5"
	    FILTERS("o.followup_due", "d.code", "o.kind")
	    " ORDER BY o.followup_due, o.id", followup_cols,
	    N(followup_cols), 0, NULL },
	/* G11: open complaints, oldest first. */
	/*
	 * Issue 18: visits booked for a worker or helper who is on leave
	 * then (leave recorded after the booking, or a --force).  Driven by
	 * the leave not over yet (leave_to), each through the person's
	 * index range, as worker and as helper.
	 */
	{ "clashes", ON_LEAVE("worker") " UNION ALL " ON_LEAVE("helper")
	    " ORDER BY 2, 1", clash_cols, N(clash_cols), 0, NULL },
	/*
	 * A13-A20: per worker and item, how often the customers were asked
	 * and answered a breach; with --check only the major breaches.  The
	 * answers of the period, a range of conduct_at.
	 */
	{ "conduct", "SELECT w.login, k.item, count(*), sum(k.breach),"
	    TRUTHS("k.breach <> 0 AND k.major <> 0") ","
	    " max(CASE WHEN k.breach <> 0 THEN k.at END)"
	    " FROM conduct k LEFT JOIN staff w ON w.id = k.worker_id"
	    " WHERE k.at >= coalesce(?1, ?5 - " SVC_CHECK_WINDOW ")"
	    " AND k.at < coalesce(?2, ?5 + 1)"
	    WHO(DEPT_OF("k.order_id"), KIND_OF("k.order_id"))
	    " AND (?8 IS NULL OR w.login = ?8)"
	    " GROUP BY k.worker_id, w.login, k.item"
	    " HAVING ?9 = 0 OR" TRUTHS("k.breach <> 0 AND k.major <> 0") " > 0"
	    /* an answer with no worker first on either engine */
	    " ORDER BY w.login IS NOT NULL, 1, 2", conduct_cols,
	    N(conduct_cols), 0, NULL },
	{ "complaints", "SELECT k.id, k.at, k.order_id, d.code, c.name,"
	    " k.assigned_to, k.text FROM complaint k"
	    " LEFT JOIN customer c ON c.id = k.customer_id"
	    " LEFT JOIN dept d ON d.id = k.dept_id"
	    " LEFT JOIN orders o ON o.id = k.order_id"
	    " WHERE k.status = 'open'"
	    FILTERS("k.at", "d.code", "o.kind")
	    " ORDER BY k.at, k.id", complaint_cols, N(complaint_cols), 0, NULL },
	{ NULL, NULL, NULL, 0, 0, NULL }
};

/*
 * A --by key, chosen by ?7 inside one constant statement; method is the
 * payment's method where the report has one.  (The summary once named
 * p.method through a "LEFT JOIN payment p ON 0" that SQLite ran as a
 * scan of every payment for every order: 210 s at 100,000 orders.)
 */
#define KEY(t, method) \
	" CASE ?7 WHEN 'day' THEN date(" t ", 'unixepoch', 'localtime')" \
	"  WHEN 'week' THEN strftime('%Y-W%W', " t ", 'unixepoch', 'localtime')" \
	"  WHEN 'month' THEN strftime('%Y-%m', " t ", 'unixepoch', 'localtime')" \
	"  WHEN 'dept' THEN coalesce(d.code, '-')" \
	"  WHEN 'kind' THEN o.kind" \
	"  WHEN 'worker' THEN coalesce(w.login, '-')" \
	"  WHEN 'method' THEN " method " END"

static const struct svc_col summary_cols[] = {
	{ NC_("column", "key"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "total"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "new"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "replied"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "visiting"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "done"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "abandoned"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "refused"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "cancelled"), SVC_COL_INT, 0, 0 },
};
static const struct svc_col workload_cols[] = {
	{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "visits"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "done"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "minutes_on_site"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "late_arrivals"), SVC_COL_INT, 0, 0 },
};
static const struct svc_col revenue_cols[] = {
	{ NC_("column", "key"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "collected"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "refunded"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "net"), SVC_COL_MONEY, 0, 0 },
	{ NC_("column", "receipts"), SVC_COL_INT, 0, 0 },
};
static const struct svc_col rating_cols[] = {
	{ NC_("column", "worker"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "dept"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "ratings"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "average"), SVC_COL_TEXT, 0, 0 },
	{ NC_("column", "lowest"), SVC_COL_INT, 0, 0 },
	{ NC_("column", "highest"), SVC_COL_INT, 0, 0 },
};

/*
 * The summaries' statements, each written once over F, its filter: the
 * summary of everything scans in table order (FILTERS), the summary of a
 * period reads the period only (PERIOD).
 */
/* A status is never null and a group never empty: a count, not a sum of
 * truths, which the server's planner counts natively. */
#define COUNT_IF(cond) " count(CASE WHEN " cond " THEN 1 END)"
#define SQL_SUMMARY(F) "SELECT" KEY("o.created_at", "NULL") " AS k, count(*)," \
	COUNT_IF("o.status = 'new'") "," \
	COUNT_IF("o.status IN ('accepted', 'assigned')") "," \
	COUNT_IF("o.status IN ('arrived', 'started', 'suspended'," \
	"  'taken_back')") "," COUNT_IF("o.status = 'done'") "," \
	COUNT_IF("o.status = 'abandoned'") "," \
	COUNT_IF("o.status = 'refused'") "," \
	COUNT_IF("o.status = 'cancelled'") \
	ORDER_JOINS " LEFT JOIN staff w ON w.id = o.worker_id" \
	" WHERE TRUE" F("o.created_at", "d.code", "o.kind") \
	" GROUP BY k ORDER BY k"
/*
 * A visit's order is looked up only for --dept or --kind: joined, every
 * visit read its order's row, 855 of 1,078 ms at a million orders.  Of
 * everything, the visits are read in table order (NOT INDEXED, as rating
 * reads them) and looked up among the orders of the department or kind
 * (ORDER_IN_DEPT), 485 ms so; of a period, each visit's order is asked
 * for (DEPT_OF): for a month's visits, 43 ms at a million orders, where
 * finding every order of the department first took 88.
 */
#define SQL_WORKLOAD(F, visits, d, k) "SELECT w.login, count(*)," \
	TRUTHS("v.outcome = 'done'") "," \
	" coalesce(sum(v.ended_at - v.arrived_at), 0) / 60," \
	TRUTHS("v.late_minutes > 0") \
	" FROM " visits " JOIN staff w ON w.id = v.worker_id" \
	" WHERE v.arrived_at IS NOT NULL" F("v.arrived_at", d, k) \
	" GROUP BY w.login ORDER BY w.login"
#define SQL_REVENUE(F) "SELECT" KEY("p.at", "p.method") " AS k," \
	" sum(CASE p.kind WHEN 'payment' THEN p.amount ELSE 0 END)," \
	" sum(CASE p.kind WHEN 'refund' THEN p.amount ELSE 0 END)," \
	" sum(CASE p.kind WHEN 'payment' THEN p.amount ELSE -p.amount END)," \
	" count(*) FROM payment p JOIN orders o ON o.id = p.order_id" \
	" LEFT JOIN dept d ON d.id = o.dept_id" \
	" LEFT JOIN staff w ON w.login = p.collector" \
	" WHERE p.void = 0" F("p.at", "d.code", "o.kind") \
	" GROUP BY k ORDER BY k"
/*
 * Revenue by service: each payment is shared among its order's lines in
 * proportion to their amounts, rounded down to the fen (the lines may add
 * up to a few fen less than the total).  Driven by the payments, each
 * finding its order's lines and total by the order's key: a join to a
 * union of every line ever charged was built whole for any period.
 */
#define ORDER_TOTAL \
	"(SELECT coalesce(sum(qty * unit_price), 0) FROM order_service" \
	"  WHERE order_id = p.order_id) + (SELECT coalesce(sum(qty *" \
	"  unit_price), 0) FROM charge WHERE order_id = p.order_id)"
#define SHARES_OF(F, code, table) \
	" SELECT " code " AS k, p.id AS pid, p.kind, p.amount," \
	"  l.qty * l.unit_price AS line, " ORDER_TOTAL " AS total" \
	" FROM payment p JOIN orders o ON o.id = p.order_id" \
	" LEFT JOIN dept d ON d.id = o.dept_id" \
	" JOIN " table " l ON l.order_id = p.order_id" \
	" WHERE p.void = 0" F("p.at", "d.code", "o.kind")
#define SQL_REVENUE_SERVICE(F) "SELECT k," \
	" sum(CASE kind WHEN 'payment' THEN amount * line / total ELSE 0 END)," \
	" sum(CASE kind WHEN 'refund' THEN amount * line / total ELSE 0 END)," \
	" sum(CASE kind WHEN 'payment' THEN 1 ELSE -1 END" \
	"  * amount * line / total)," \
	" count(DISTINCT pid) FROM (" \
	SHARES_OF(F, "l.code", "order_service") " UNION ALL" \
	SHARES_OF(F, "coalesce(l.code, 'extra')", "charge") \
	") AS shares WHERE total > 0 GROUP BY k ORDER BY k"
/* Every rating is read in table order (visit_rated, which only a period
 * needs, would be a slower way to all of them: NOT INDEXED). */
#define SQL_RATING(F, visits) "SELECT coalesce(w.login, '-')," \
	" coalesce(d.code, '-')," \
	" count(*), printf('%.2f', avg(v.rating)), min(v.rating)," \
	" max(v.rating)" \
	" FROM " visits " JOIN orders o ON o.id = v.order_id" \
	" LEFT JOIN dept d ON d.id = o.dept_id" \
	" LEFT JOIN staff w ON w.id = v.worker_id" \
	" WHERE v.rating IS NOT NULL" \
	F("v.ended_at", "d.code", "o.kind") \
	" GROUP BY 1, 2 ORDER BY 1, 2"

/*
 * A summary of a period (--since, --until) reads the period only: the
 * same statements with the bounds written as SQLite takes an index range
 * (orders_created, visit_arrived, payment_at, visit_rated), where
 * FILTERS' "(?1 IS NULL OR t >= ?1)" reads every row there is.  Their
 * time columns are never NULL in the rows they count, so the open ends
 * (the widest integers) lose none.
 */
#define PERIOD(t, d, k) \
	" AND " t " >= coalesce(?1, -9223372036854775807)" \
	" AND " t " < coalesce(?2, 9223372036854775807)" WHO(d, k)

/* bar: the column a terminal draws a bar for; period: the statement of a
 * summary given --since or --until. */
const struct svc_report svc_summaries[] = {
	{ "summary", SQL_SUMMARY(FILTERS), summary_cols, N(summary_cols), 1,
	    SQL_SUMMARY(PERIOD) },
	/*
	 * Visits, credited to the worker who made each; time on site is from
	 * arrival to the visit's end, so a suspension (A9), which ends one
	 * visit before the next begins, is not counted.
	 */
	{ "workload", SQL_WORKLOAD(FILTERS_IF, "visit v NOT INDEXED",
	    ORDER_IN_DEPT("v.order_id"), ORDER_OF_KIND("v.order_id")),
	    workload_cols, N(workload_cols), 1,
	    SQL_WORKLOAD(PERIOD, "visit v", DEPT_OF("v.order_id"),
	    KIND_OF("v.order_id")) },
	{ "revenue", SQL_REVENUE(FILTERS), revenue_cols, N(revenue_cols), 3,
	    SQL_REVENUE(PERIOD) },
	{ "revenue-service", SQL_REVENUE_SERVICE(FILTERS), revenue_cols,
	    N(revenue_cols), 3, SQL_REVENUE_SERVICE(PERIOD) },
	{ "rating", SQL_RATING(FILTERS, "visit v NOT INDEXED"), rating_cols,
	    N(rating_cols), 2, SQL_RATING(PERIOD, "visit v") },
	{ NULL, NULL, NULL, 0, 0, NULL }
};

/* The statement a report runs: a summary's own for a period. */
const char *
svc_report_sql(const struct svc_report *r, const struct svc_report_filter *f)
{
	return (f->since || f->until) && r->period ? r->period : r->sql;
}

const struct svc_report *
svc_report_find(const struct svc_report *list, const char *name)
{
	for (; list->name; list++)
		if (strcmp(list->name, name) == 0)
			return list;
	return NULL;
}

int
svc_report_prepare(struct svc_db *db, const struct svc_report *r,
    const struct svc_report_filter *f, struct svc_stmt **st, struct svc_err *e)
{
	if (svc_db_prepare(db, svc_report_sql(r, f), st, e))
		return e->code;
	if (f->since)
		svc_bind_int64(*st, 1, (int64_t)f->since);
	if (f->until)
		svc_bind_int64(*st, 2, (int64_t)f->until);
	svc_bind_text(*st, 3, f->dept);
	svc_bind_text(*st, 4, f->kind);
	svc_bind_int64(*st, 5, (int64_t)svc_now());
	svc_bind_int64(*st, 6, f->secs);
	if (svc_bind_count(*st) >= 7)
		svc_bind_text(*st, 7, f->by ? f->by : "dept");
	if (svc_bind_count(*st) >= 9) {
		svc_bind_text(*st, 8, f->worker);
		svc_bind_int(*st, 9, f->findings);
	}
	return 0;
}

#define IN_YEAR(t) " AND " t " >= ?1 AND " t " < ?2"
/* An order counts once, at its first visit (or with none). */
#define FIRST "coalesce(v.no, 1) = 1"
/* The customer's rating in the return call (回访), once an order. */
#define RETURN_RATING "CASE WHEN " FIRST " THEN o.followup_rating END"

/*
 * One pass over each department's orders of the year (the orders_dept
 * range) with their visits: orders count once, arrivals and ratings per
 * visit (G12); moves and complaints count by their own date, the moves
 * from the year's short ones (move_short), not from every order the
 * department ever had.
 */
static const char evaluation_sql[] = "SELECT d.code,"
    COUNT_IF(FIRST " AND o.id IS NOT NULL") ","
    COUNT_IF(FIRST " AND o.replied_at IS NOT NULL") ","
    COUNT_IF(FIRST " AND o.replied_at IS NOT NULL AND o.reply_late = 0") ","
    COUNT_IF(FIRST " AND o.appt_at IS NOT NULL") ","
    " count(v.arrived_at),"
    COUNT_IF("v.arrived_at IS NOT NULL AND v.late_minutes = 0") ","
    COUNT_IF(FIRST " AND o.status = 'done'") ","
    COUNT_IF(FIRST " AND o.status = 'abandoned'") ","
    " (SELECT count(*) FROM move m WHERE m.short = 1" IN_YEAR("m.at")
    "   AND (SELECT dept_id FROM orders WHERE id = m.order_id) = d.id),"
    " (SELECT count(*) FROM complaint k WHERE k.dept_id = d.id"
    "   AND k.upheld <> 0" IN_YEAR("k.at") "),"
    /* A16, A18...: the major breaches the customers answered */
    " (SELECT count(*) FROM conduct b WHERE b.breach <> 0"
    " AND b.major <> 0"
    IN_YEAR("b.at")
    "   AND (SELECT dept_id FROM orders WHERE id = b.order_id) = d.id),"
    /* the ratings' mean: integer sums, not total(), which the server
     * has as an aggregate in SQL, a function call a row */
    " coalesce(CAST(coalesce(sum(v.rating), 0)"
    "  + coalesce(sum(" RETURN_RATING "), 0) AS DOUBLE PRECISION)"
    "  / nullif(count(v.rating) + count(" RETURN_RATING "), 0), 0)"
    " FROM dept d LEFT JOIN orders o ON o.dept_id = d.id"
    IN_YEAR("o.created_at")
    " LEFT JOIN visit v ON v.order_id = o.id"
    " GROUP BY d.id ORDER BY d.code";

static double
rate(int64_t part, int64_t whole)
{
	return whole ? (double)part / (double)whole : 0.0;
}

/*
 * G12: each department's year.  The score is the sum of the config's
 * evaluation weights times these rates: replies on time per reply,
 * arrivals on time per arrival, completed per appointment, the average
 * rating over 5 (the ratings of the visits and of the return calls
 * together, each counting one), no-shows per arrival, short-notice moves per
 * appointment, complaints upheld per request, major conduct breaches the
 * customers answered (A16, A18...) per completed order.  Counts are of
 * the orders registered in the year, arrivals and ratings of each of their visits
 * (a revisit arrives, and is rated, again); moves and complaints by
 * their own date.
 */
int
svc_evaluate(struct svc_db *db, const struct svc_conf *c, int year,
    int (*fn)(const struct svc_evaluation *, void *), void *arg,
    struct svc_err *e)
{
	struct svc_evaluation v;
	struct svc_stmt *st;
	int rc, i;

	if (svc_db_prepare(db, evaluation_sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, (int64_t)svc_local_mktime(year, 1, 1,
	    0));
	svc_bind_int64(st, 2, (int64_t)svc_local_mktime(year + 1, 1,
	    1, 0));
	while ((rc = svc_step(st)) == SVC_ROW) {
		memset(&v, 0, sizeof v);
		snprintf(v.dept, sizeof v.dept, "%s", svc_col_text(st, 0));
		v.requests = svc_col_int64(st, 1);
		v.replied = svc_col_int64(st, 2);
		v.replied_on_time = svc_col_int64(st, 3);
		v.appointments = svc_col_int64(st, 4);
		v.arrivals = svc_col_int64(st, 5);
		v.arrived_on_time = svc_col_int64(st, 6);
		v.completed = svc_col_int64(st, 7);
		v.noshows = svc_col_int64(st, 8);
		v.short_notice = svc_col_int64(st, 9);
		v.upheld = svc_col_int64(st, 10);
		v.breaches = svc_col_int64(st, 11);
		v.rating = svc_col_double(st, 12);
		v.part[0] = rate(v.replied_on_time, v.replied);
		v.part[1] = rate(v.arrived_on_time, v.arrivals);
		v.part[2] = rate(v.completed, v.appointments);
		v.part[3] = v.rating / 5.0;
		v.part[4] = rate(v.noshows, v.arrivals);
		v.part[5] = rate(v.short_notice, v.appointments);
		v.part[6] = rate(v.upheld, v.requests);
		v.part[7] = rate(v.breaches, v.completed);
		for (i = 0; i < SVC_NWEIGHTS; i++)
			v.score += c->weights[i] * v.part[i];
		if (fn(&v, arg))
			break;
	}
	svc_finalize(st);
	return rc == SVC_ROW || rc == SVC_DONE ? 0 :
	    svc_db_error(db, rc, e);
}

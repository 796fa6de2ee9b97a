/*
 * complaint.c - the complaints office (G11): an applicant who is not
 * satisfied complains; the office assigns and resolves it, upheld or
 * rejected.  Upheld complaints count in the year-end evaluation (G12).
 */
#include <string.h>

#include "svc.h"

static int
complaint_event(struct svc_db *db, int64_t id, int64_t order, const char *kind,
    struct svc_json *j, struct svc_err *e)
{
	char subject[32];

	snprintf(subject, sizeof subject, "complaint:%lld", (long long)id);
	return svc_event_json(db, order, subject, kind, j, e);
}

int
svc_complaint_new(struct svc_db *db, int64_t order, const char *customer,
    const char *phone, const char *text, int64_t *id, struct svc_err *e)
{
	static const char by_order[] = "INSERT INTO complaint (order_id,"
	    " customer_id, dept_id, text, at) SELECT id, customer_id, dept_id,"
	    " ?2, ?3 FROM orders WHERE id = ?1";
	static const char by_phone[] = "INSERT INTO complaint (customer_id,"
	    " text, at) VALUES ((SELECT id FROM customer WHERE phone = ?1), ?2,"
	    " ?3)";
	struct svc_json j;
	struct svc_stmt *st;

	svc_clearerr(e);
	if (text == NULL || *text == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "the complaint's --text is "
		    "required");
	if (svc_text_ok("the complaint", text, SVC_TEXT_REQUIRED |
	    SVC_TEXT_LINES, SVC_TEXT_LONG, e) || svc_text_ok("the customer",
	    customer, 0, SVC_TEXT_SHORT, e))
		return e->code;
	if (order == 0 && (phone == NULL || !svc_phone_valid(phone)))
		return svc_seterr(e, SVC_EX_USAGE, "give --order, or the "
		    "customer's --phone");
	if (svc_db_prepare(db, order ? by_order : by_phone, &st, e))
		return e->code;
	if (order)
		svc_bind_int64(st, 1, order);
	else
		svc_bind_text(st, 1, phone);
	svc_bind_text(st, 2, text);
	svc_bind_int64(st, 3, (int64_t)svc_now());
	if (svc_db_run(db, st, e))
		return e->code;
	if (svc_db_changes(db) == 0)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no such order",
		    (long long)order);
	*id = svc_db_last_id(db);
	svc_json_begin(&j);
	svc_json_str(&j, "text", text);
	if (customer)
		svc_json_str(&j, "customer", customer);
	if (phone)
		svc_json_str(&j, "phone", phone);
	return complaint_event(db, *id, order, "complaint.new", &j, e);
}

static int
open_complaint(struct svc_db *db, int64_t id, int64_t *order, struct svc_err *e)
{
	static const char sql[] = "SELECT status, coalesce(order_id, 0)"
	    " FROM complaint WHERE id = ?1";
	struct svc_stmt *st;
	int rc, open = 0;

	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if ((rc = svc_step(st)) == SVC_ROW) {
		open = strcmp(svc_col_text(st, 0), "open") == 0;
		*order = svc_col_int64(st, 1);
	}
	svc_finalize(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%lld: no such complaint",
		    (long long)id);
	if (rc != SVC_ROW)
		return svc_db_error(db, rc, e);
	if (!open)
		return svc_seterr(e, SVC_EX_DATA, "%lld: already resolved",
		    (long long)id);
	return 0;
}

/* G10: a complaint is never handled by one whose work it is about (77). */
static int
not_own_work(struct svc_db *db, int64_t id, int64_t order, const char *login,
    struct svc_err *e)
{
	int worked = 0;

	if (order != 0 && svc_worked_on(db, order, login, &worked, e))
		return e->code;
	return !worked ? 0 : svc_seterr(e, SVC_EX_NOPERM, "%lld: %s worked "
	    "on order %lld: a complaint is never handled by the one it is "
	    "about (G10)", (long long)id, login, (long long)order);
}

int
svc_complaint_assign(struct svc_db *db, int64_t id, const char *login,
    struct svc_err *e)
{
	struct svc_json j;
	struct svc_stmt *st;
	int64_t order, staff;

	svc_clearerr(e);
	if (open_complaint(db, id, &order, e) ||
	    svc_staff_id(db, login, &staff, e) ||
	    not_own_work(db, id, order, login, e) ||
	    svc_db_prepare(db, "UPDATE complaint SET assigned_to = ?2"
	    " WHERE id = ?1", &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, login);
	if (svc_db_run(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "to", login);
	return complaint_event(db, id, order, "complaint.assign", &j, e);
}

int
svc_complaint_resolve(struct svc_db *db, int64_t id, const char *resolution,
    int upheld, struct svc_err *e)
{
	struct svc_json j;
	struct svc_stmt *st;
	int64_t order;

	svc_clearerr(e);
	if (resolution == NULL || *resolution == '\0')
		return svc_seterr(e, SVC_EX_USAGE, "a --resolution is required");
	if (svc_text_ok("the resolution", resolution, SVC_TEXT_REQUIRED |
	    SVC_TEXT_LINES, SVC_TEXT_LONG, e))
		return e->code;
	if (open_complaint(db, id, &order, e) ||
	    not_own_work(db, id, order, svc_actor(), e) ||
	    svc_db_prepare(db, "UPDATE complaint SET status = 'resolved',"
	    " resolution = ?2, upheld = ?3, resolved_at = ?4 WHERE id = ?1",
	    &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, resolution);
	svc_bind_int(st, 3, upheld);
	svc_bind_int64(st, 4, (int64_t)svc_now());
	if (svc_db_run(db, st, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "resolution", resolution);
	svc_json_int(&j, "upheld", upheld);
	return complaint_event(db, id, order, "complaint.resolve", &j, e);
}

/*
 * One statement a question, each with its index: one complaint by its
 * key, the open ones from complaint_open, every one in time order (a
 * catch-all "(?2 = 0 OR id = ?2)" made even a show read every complaint).
 */
int
svc_complaint_query(struct svc_db *db, int open_only, int64_t id,
    struct svc_stmt **st, struct svc_err *e)
{
#define COMPLAINT_COLS "SELECT id, status, order_id, customer, phone, dept," \
	" at, assigned_to, text, upheld, resolution FROM v_complaint"
	static const char one[] = COMPLAINT_COLS " WHERE id = ?1";
	static const char open[] = COMPLAINT_COLS
	    " WHERE status = 'open' ORDER BY at, id";
	static const char all[] = COMPLAINT_COLS " ORDER BY at, id";
#undef COMPLAINT_COLS

	if (svc_db_prepare(db, id ? one : open_only ? open : all, st, e))
		return e->code;
	if (id)
		svc_bind_int64(*st, 1, id);
	return 0;
}

/*
 * acting.c - who is acting, and what their roles let them write (G4: the
 * record says who did what; issue 15).
 *
 * The person is the login name of the real user id, matched to a staff
 * login: not the effective id (a setgid install changes that), not an
 * environment variable.  SVC_USER lets root or an admin act for someone
 * else (what a worker reported by phone); both are recorded, the person
 * as the event's actor and the one at the keyboard as entered_by.
 *
 * Which role may run which writing verb is the one table below, checked
 * in one place (svc_may_write, from svc_cli_open) before anything is
 * written.  Reading needs no role: whoever may open the database may read
 * it.  Finer rules stay with the step they guard: a worker steps only
 * through their own visits (visit.c), a complaint is never resolved by the
 * one whose work it is about (complaint.c), nobody changes their own roles
 * (staff.c).
 *
 * Installed for several users (make install-server), the commands are
 * setgid svc and the database is writable by that group only, the way
 * crontab guards its spool: staff change it only through the commands.
 * Then nothing a caller sets may redirect them (cli.c: -d, -c, SVC_DB,
 * SVC_CONFIG only for admins), and files a caller names are opened with
 * the caller's own group (svc_user_fopen).
 */
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "svc.h"

/*
 * The roles table.  roles: who may run the verb, space separated; NULL
 * for a verb gated by the file's permissions alone (svc-db init, which
 * runs before there is any staff).  Printed by svc-staff roles and
 * documented in svc(7); a writing verb missing here is refused (70).
 */
const struct svc_right svc_rights[] = {
	{ "svc-assign", "to", "dispatcher", "dispatch a worker (C2)" },
	{ "svc-assign", "drop", "dispatcher", "take a worker off an order" },
	{ "svc-assign", "move", "dispatcher", "move an appointment (G9)" },
	{ "svc-assign", "auto", "dispatcher", "dispatch by the roster" },
	{ "svc-complaint", "new", "reception dispatcher complaints",
	    "take a complaint (G10)" },
	{ "svc-complaint", "assign", "complaints", "give it to a handler" },
	{ "svc-complaint", "resolve", "complaints",
	    "answer it; never about one's own work (G10)" },
	{ "svc-db", "init", NULL, "create or migrate the database" },
	{ "svc-db", "copy", NULL, "copy it whole into a new one, either engine" },
	{ "svc-notify", "sent", "reception dispatcher",
	    "a gateway sent a message" },
	{ "svc-notify", "failed", "reception dispatcher",
	    "a gateway could not send it" },
	{ "svc-notify", "dismiss", "reception dispatcher",
	    "told another way, no longer due" },
	{ "svc-notify", "sweep", "reception dispatcher",
	    "make the reminders due (A1)" },
	{ "svc-order", "new", "reception dispatcher", "register (C1)" },
	{ "svc-order", "import", "reception dispatcher", "register many" },
	{ "svc-order", "accept", "reception dispatcher", "reply (G5)" },
	{ "svc-order", "refuse", "reception dispatcher", "reply: refuse" },
	{ "svc-order", "cancel", "reception dispatcher",
	    "the applicant cancels" },
	{ "svc-order", "edit", "reception dispatcher", "correct an order" },
	{ "svc-order", "reopen", "admin", "reopen a closed order" },
	{ "svc-plan", "new", "reception dispatcher", "a plan from an order" },
	{ "svc-plan", "edit", "reception dispatcher", "a new rule from a date" },
	{ "svc-plan", "pause", "reception dispatcher", "make nothing for now" },
	{ "svc-plan", "resume", "reception dispatcher", "make them again" },
	{ "svc-plan", "end", "reception dispatcher", "make nothing more" },
	{ "svc-plan", "run", "reception dispatcher",
	    "make the orders due (cron)" },
	{ "svc-pay", "charge", "worker dispatcher", "extra lines (C3)" },
	{ "svc-pay", "collect", "worker dispatcher",
	    "paid at the door (A11); --by for a dispatcher" },
	{ "svc-pay", "receive", "finance", "paid at the finance window" },
	{ "svc-pay", "void", "finance", "void a receipt" },
	{ "svc-pay", "refund", "finance", "pay money back" },
	{ "svc-pay", "handover", "finance", "a worker's cash handed in" },
	{ "svc-product", "import", "admin dispatcher",
	    "products and warranties (A5)" },
	{ "svc-staff", "add", "admin", "add a person" },
	{ "svc-staff", "edit", "admin", "change a person, their roles" },
	{ "svc-staff", "disable", "admin", "take a person off duty" },
	{ "svc-staff", "enable", "admin", "put a person back on duty" },
	{ "svc-staff", "import", "admin", "departments and staff" },
	{ "svc-staff", "add-dept", "admin", "add a department (G3)" },
	{ "svc-staff", "edit-dept", "admin", "change a department" },
	{ "svc-staff", "leave", "admin dispatcher", "a worker away (issue 18)" },
	{ "svc-staff", "leave-cancel", "admin dispatcher",
	    "leave not taken after all" },
	{ "svc-visit", "late", "worker dispatcher", "announce a delay (A3)" },
	{ "svc-visit", "arrive", "worker dispatcher", "at the door (A2)" },
	{ "svc-visit", "start", "worker dispatcher", "work begins" },
	{ "svc-visit", "contact", "worker dispatcher",
	    "the absent applicant called (A4)" },
	{ "svc-visit", "check", "worker dispatcher",
	    "voucher and product (A5-A7)" },
	{ "svc-visit", "suspend", "worker dispatcher", "stop, come back" },
	{ "svc-visit", "resume", "worker dispatcher", "come back (A8)" },
	{ "svc-visit", "takeback", "worker dispatcher",
	    "take the product to the workshop (A8)" },
	{ "svc-visit", "done", "worker dispatcher", "finished, signed (A10)" },
	{ "svc-visit", "report", "worker dispatcher", "the worker's report" },
	{ "svc-visit", "attach", "worker dispatcher", "a photo or document" },
	{ "svc-visit", "review", "dispatcher", "review the work (C5)" },
	{ "svc-visit", "followup", "reception dispatcher",
	    "the return call (G12)" },
	{ "svc-visit", "noshow", "dispatcher", "abandon no-shows (A4)" },
	{ NULL, NULL, NULL, NULL }
};

/* The verbs that may create the first admin of a database. */
static int
bootstraps(const struct svc_right *r)
{
	return strcmp(r->command, "svc-staff") == 0 &&
	    (strcmp(r->verb, "add") == 0 || strcmp(r->verb, "import") == 0);
}

const struct svc_right *
svc_right_find(const char *command, const char *verb)
{
	const struct svc_right *r;

	for (r = svc_rights; r->command; r++)
		if (strcmp(r->command, command) == 0 &&
		    strcmp(r->verb, verb) == 0)
			return r;
	return NULL;
}

/* Whether a person holding held (comma separated) may run r. */
int
svc_right_allows(const struct svc_right *r, const char *held)
{
	const char *p;
	size_t n;

	if (r->roles == NULL || held == NULL)
		return 0;
	for (p = r->roles; *p; p += n + (p[n] == ' ')) {
		n = strcspn(p, " ");
		if (svc_list_has(held, p, n))
			return 1;
	}
	return 0;
}

/* Whether the comma separated list holds the word of n bytes at w. */
int
svc_list_has(const char *list, const char *w, size_t n)
{
	const char *p;
	size_t len;

	for (p = list; *p; p += len + (p[len] == ',')) {
		len = strcspn(p, ",");
		if (len == n && strncmp(p, w, n) == 0)
			return 1;
	}
	return 0;
}

static char name[64];		/* the login; set by the server, or first use */
static int on_server, server_super;

/*
 * On PostgreSQL the person is whom the server authenticated (db.c: the
 * session's user, by peer or password), not the client's Unix login, and
 * the server's superuser stands where root stands for a file.
 */
void
svc_login_is(const char *user, int superuser)
{
	snprintf(name, sizeof name, "%s", user);
	on_server = 1;
	server_super = superuser;
}

/* The login name of the real user id; "#UID" for one without a name. */
const char *
svc_login(void)
{
	struct passwd *pw;

	if (name[0] == '\0') {
		if ((pw = getpwuid(getuid())) != NULL)
			snprintf(name, sizeof name, "%s", pw->pw_name);
		else
			snprintf(name, sizeof name, "#%lu",
			    (unsigned long)getuid());
	}
	return name;
}

/* SVC_USER when it names someone else; NULL when the person is oneself. */
static const char *
acting_for(void)
{
	const char *s = getenv("SVC_USER");

	return s != NULL && *s != '\0' && strcmp(s, svc_login()) != 0 ?
	    s : NULL;
}

const char *
svc_actor(void)
{
	const char *s = acting_for();

	return s ? s : svc_login();
}

const char *
svc_entered_by(void)
{
	return acting_for() ? svc_login() : NULL;
}

/* Whether login is active staff with role (NULL: any role, or none). */
static int
staff_has(struct svc_db *db, const char *login, const char *role, int *yes,
    struct svc_err *e)
{
	static const char sql[] = "SELECT 1 FROM staff s WHERE s.login = ?1"
	    " AND s.active = 1 AND (?2 IS NULL OR EXISTS (SELECT 1 FROM"
	    " staff_role r WHERE r.staff_id = s.id AND r.role = ?2))";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	svc_bind_text(st, 2, role);
	return svc_db_exists(db, st, yes, e);
}

int
svc_actor_is(struct svc_db *db, const char *role, int *yes, struct svc_err *e)
{
	return staff_has(db, svc_actor(), role, yes, e);
}

int
svc_admin_exists(struct svc_db *db, int *yes, struct svc_err *e)
{
	static const char sql[] = "SELECT 1 FROM staff s JOIN staff_role r"
	    " ON r.staff_id = s.id WHERE s.active = 1 AND r.role = 'admin'";
	struct svc_stmt *st;

	return svc_db_cached(db, sql, &st, e) ? e->code :
	    svc_db_exists(db, st, yes, e);
}

/*
 * Whether login works or worked on order id: the worker or helper booked
 * for it, or of any of its visits.
 */
int
svc_worked_on(struct svc_db *db, int64_t id, const char *login, int *yes,
    struct svc_err *e)
{
	static const char sql[] = "SELECT 1 FROM staff s WHERE s.login = ?2"
	    " AND (EXISTS (SELECT 1 FROM visit v WHERE v.order_id = ?1"
	    "   AND s.id IN (v.worker_id, v.helper_id))"
	    " OR EXISTS (SELECT 1 FROM orders o WHERE o.id = ?1"
	    "   AND s.id IN (o.worker_id, o.helper_id)))";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	svc_bind_text(st, 2, login);
	return svc_db_exists(db, st, yes, e);
}

/*
 * A worker's money steps (charge, collect) are on their own orders; a
 * dispatcher enters them for any (77).
 */
int
svc_own_order(struct svc_db *db, int64_t id, const char *verb, struct svc_err *e)
{
	static const char sql[] = "SELECT 1 FROM orders WHERE id = ?1";
	struct svc_stmt *st;
	int yes;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, id);
	if (svc_db_exists(db, st, &yes, e) || !yes)
		return e->code;	/* none: the step says there is no such order */
	if (svc_actor_is(db, "dispatcher", &yes, e) || yes ||
	    svc_worked_on(db, id, svc_actor(), &yes, e) || yes)
		return e->code;
	return svc_seterr(e, SVC_EX_NOPERM, "%lld: %s: %s is not on this "
	    "order (a dispatcher enters it)", (long long)id, verb,
	    svc_actor());
}

/* Root, or the real user is an active admin: may act for others, at
 * another time, on another database. */
int
svc_privileged(struct svc_db *db, int *yes, struct svc_err *e)
{
	*yes = on_server ? server_super : getuid() == 0;
	return *yes ? 0 : staff_has(db, svc_login(), "admin", yes, e);
}

/* Whether the actor has one of roles (space separated). */
static int
has_one_of(struct svc_db *db, const char *roles, int *yes, struct svc_err *e)
{
	char role[16];
	const char *p;
	size_t n;

	*yes = 0;
	for (p = roles; *p && !*yes; p += n + (p[n] == ' ')) {
		n = strcspn(p, " ");
		snprintf(role, sizeof role, "%.*s", (int)n, p);
		if (staff_has(db, svc_actor(), role, yes, e))
			return e->code;
	}
	return 0;
}

/* "finance", "reception or dispatcher": the roles in a message. */
static void
roles_words(const char *roles, char *out, size_t n)
{
	const char *p, *last = strrchr(roles, ' ');
	size_t len;

	*out = '\0';
	for (p = roles; *p; p += len + (p[len] == ' ')) {
		len = strcspn(p, " ");
		if (p != roles)
			strncat(out, p == last + 1 ? " or " : ", ",
			    n - strlen(out) - 1);
		strncat(out, p, len < n - strlen(out) - 1 ? len :
		    n - strlen(out) - 1);
	}
}

/* The person and the time: who may be claimed to act, and when. */
static int
check_claims(struct svc_db *db, const char *verb, struct svc_err *e)
{
	int priv;

	if ((acting_for() || svc_clock_claimed()) &&
	    svc_privileged(db, &priv, e))
		return e->code;
	if (acting_for() && !priv)
		return svc_seterr(e, SVC_EX_NOPERM, "%s: SVC_USER=%s: %s may "
		    "not act for someone else (root or an admin may)", verb,
		    acting_for(), svc_login());
	if (svc_clock_claimed() && !priv)
		return svc_seterr(e, SVC_EX_NOPERM, "%s: SVC_NOW: %s may not "
		    "write at another time (root or an admin may)", verb,
		    svc_login());
	return 0;
}

/*
 * The one gate before a write: the verb's roles, the person claimed
 * (SVC_USER) and the time claimed (SVC_NOW).  *admins says what must
 * hold of admins when the batch ends (svc_admins_hold): the first one
 * made by a run on a database that has none (the bootstrap), or, for any
 * change of staff, one still there (the last admin neither disabled nor
 * stripped of the role, which would open the bootstrap to anyone).
 */
int
svc_may_write(struct svc_db *db, const char *command, const char *verb,
    int *admins, struct svc_err *e)
{
	const struct svc_right *r = svc_right_find(command, verb);
	char words[64];
	int yes, admin;

	*admins = SVC_ADMINS_ANY;
	if (r == NULL)
		return svc_seterr(e, SVC_EX_SOFTWARE, "%s: a writing verb "
		    "missing from the roles table", verb);
	if (r->roles == NULL || check_claims(db, verb, e))
		return e->code;
	if (bootstraps(r)) {
		if (svc_admin_exists(db, &admin, e))
			return e->code;
		/* Shared, the first admin is root's to make: anyone could
		 * otherwise crown himself before root gets there. */
		if (!admin && svc_shared() && getuid() != 0)
			return svc_seterr(e, SVC_EX_NOPERM, "%s: no admin yet: "
			    "installed for several users, root adds the first",
			    verb);
		if (!admin && on_server && !server_super)
			return svc_seterr(e, SVC_EX_NOPERM, "%s: no admin yet: "
			    "on a server, a superuser adds the first", verb);
		if (!admin) {
			*admins = SVC_ADMINS_FIRST;
			return 0;
		}
	}
	if (strcmp(command, "svc-staff") == 0)
		*admins = SVC_ADMINS_KEEP;
	if (staff_has(db, svc_actor(), NULL, &yes, e))
		return e->code;
	if (!yes)
		return svc_seterr(e, SVC_EX_NOPERM, "%s: %s is not active "
		    "staff", verb, svc_actor());
	if (has_one_of(db, r->roles, &yes, e))
		return e->code;
	roles_words(r->roles, words, sizeof words);
	return yes ? 0 : svc_seterr(e, SVC_EX_NOPERM, "%s: %s is not %s",
	    verb, svc_actor(), words);
}

/* At the end of a batch: what svc_may_write said must hold of admins. */
int
svc_admins_hold(struct svc_db *db, int admins, struct svc_err *e)
{
	int admin;

	if (admins == SVC_ADMINS_ANY || svc_admin_exists(db, &admin, e))
		return e->code;
	if (admin)
		return 0;
	if (admins == SVC_ADMINS_FIRST)
		return svc_seterr(e, SVC_EX_NOPERM, "no admin yet: the first "
		    "staff written must include an active admin");
	return svc_seterr(e, SVC_EX_NOPERM, "no active admin would remain: "
	    "make another admin first");
}

/* The shared install: the group the commands run with, or -1. */
static gid_t shared_gid = (gid_t)-1;

/* At start: setgid means a shared install; its files stay group-only. */
void
svc_shared_init(void)
{
	if (getegid() != getgid()) {
		shared_gid = getegid();
		umask(007);
	}
}

int
svc_shared(void)
{
	return shared_gid != (gid_t)-1;
}

/*
 * For good: run on with the caller's own group, as though not installed
 * setgid (an admin naming a database of their own).
 */
int
svc_shared_leave(struct svc_err *e)
{
	gid_t g = getgid();

	if (!svc_shared())
		return 0;
	if (setresgid(g, g, g) != 0)
		return svc_seterr(e, SVC_EX_SOFTWARE, "cannot drop group: %s",
		    strerror(errno));
	shared_gid = (gid_t)-1;
	return 0;
}

/*
 * A file the caller names (an import, an attachment), opened with the
 * caller's own group: the command's group opens only svc's own state.
 */
FILE *
svc_user_fopen(const char *path, const char *mode)
{
	FILE *f;
	int err;

	if (!svc_shared())
		return fopen(path, mode);
	if (setegid(getgid()) != 0)
		return NULL;
	f = fopen(path, mode);
	err = errno;
	if (setegid(shared_gid) != 0) {
		if (f)
			fclose(f);
		errno = EPERM;
		return NULL;
	}
	errno = err;
	return f;
}

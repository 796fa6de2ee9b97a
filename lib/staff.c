/*
 * staff.c - departments with their published service phone (G3), and staff
 * with roles, phone and work badge (A2: the badge is shown at the door; C2:
 * a dispatcher arranges, a worker goes).
 *
 * Nobody is ever deleted: history refers to people, so a person who leaves
 * is disabled and still shows in every old record.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

const char *const svc_roles[SVC_NROLES] = {
	"admin", "complaints", "dispatcher", "finance", "reception", "worker"
};

/* Logins are what people type in a shell: lower case, short, plain. */
int
svc_login_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 32 || !islower((unsigned char)s[0]))
		return 0;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) &&
		    !strchr("._-", *s))
			return 0;
	return 1;
}

/* Phones as people write them: digits, blanks, + - ( ). */
int
svc_phone_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 32)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s) && !strchr(" +-()", *s))
			return 0;
	return 1;
}

/*
 * An address a mail can go to: one @, a name before it and a domain with
 * a dot after it, printable ASCII without blanks (what sendmail -t takes
 * on a To: line), at most 254 bytes (RFC 5321).
 */
int
svc_email_valid(const char *s)
{
	const char *at = strchr(s, '@'), *p;
	size_t n = strlen(s);

	if (n == 0 || n > 254 || at == NULL || at == s ||
	    strchr(at + 1, '@') || strchr(at + 1, '.') == NULL ||
	    at[1] == '.' || s[n - 1] == '.')
		return 0;
	for (p = s; *p; p++)
		if (*p <= ' ' || *p >= 127 || strchr("<>,;:\"()[]\\", *p))
			return 0;
	return 1;
}

/*
 * Issue 18: "fridge, aircon" -> "aircon,fridge": codes only, each once,
 * sorted, so that the event and the view say the same.
 */
static int
skills_normalize(const char *in, char *out, size_t n, struct svc_err *e)
{
	char words[16][33], t[33];
	const char *p, *q;
	size_t len;
	int i, j, k = 0;

	out[0] = '\0';
	for (p = in; *p; p = *q ? q + 1 : q) {
		while (*p == ' ')
			p++;
		q = p + strcspn(p, ",");
		for (len = (size_t)(q - p); len && p[len - 1] == ' '; len--)
			;
		if (len == 0)
			continue;
		snprintf(t, sizeof t, "%.*s", (int)len, p);
		if (len >= sizeof t || !svc_code_valid(t))
			return svc_seterr(e, SVC_EX_DATA, "%.*s: not a skill "
			    "(letters, digits, '-_.'; at most 32)",
			    svc_utf8_cut(p, len, 32), p);
		for (i = 0; i < k && strcmp(words[i], t); i++)
			;
		if (i < k)
			continue;
		if (k == 16)
			return svc_seterr(e, SVC_EX_DATA, "more than 16 skills");
		memcpy(words[k++], t, sizeof t);
	}
	for (i = 1; i < k; i++)	/* a handful: insertion sort */
		for (j = i; j > 0 && strcmp(words[j - 1], words[j]) > 0; j--) {
			memcpy(t, words[j], sizeof t);
			memcpy(words[j], words[j - 1], sizeof t);
			memcpy(words[j - 1], t, sizeof t);
		}
	for (i = 0; i < k; i++)
		if (strlen(out) + strlen(words[i]) + 2 <= n)
			snprintf(out + strlen(out), n - strlen(out), "%s%s",
			    i ? "," : "", words[i]);
	return 0;
}

/*
 * A person's set of words (roles, skills) is now list, comma separated
 * and checked: del empties it, ins (?1 login, ?2 word) adds each word.
 */
static int
replace_words(struct svc_db *db, const char *del, const char *ins,
    const char *login, const char *list, struct svc_err *e)
{
	struct svc_stmt *st;
	char word[40];
	const char *p, *q;

	if (svc_db_cached(db, del, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	if (svc_db_done(db, st, e))
		return e->code;
	for (p = list; *p; p = *q ? q + 1 : q) {
		q = p + strcspn(p, ",");
		snprintf(word, sizeof word, "%.*s", (int)(q - p), p);
		if (svc_db_cached(db, ins, &st, e))
			return e->code;
		svc_bind_text(st, 1, login);
		svc_bind_text_copy(st, 2, word);
		if (svc_db_done(db, st, e))
			return e->code;
	}
	return 0;
}

/* LOGIN's skills are now list ("" none); an event when they change. */
int
svc_staff_set_skills(struct svc_db *db, const char *login, const char *list,
    struct svc_err *e)
{
	static const char cur[] = "SELECT coalesce(skills, '') FROM v_staff"
	    " WHERE login = ?1";
	static const char del[] = "DELETE FROM staff_skill WHERE staff_id ="
	    " (SELECT id FROM staff WHERE login = ?1)";
	static const char ins[] = "INSERT INTO staff_skill (staff_id, skill)"
	    " SELECT id, ?2 FROM staff WHERE login = ?1";
	struct svc_buf subject = { 0 };
	struct svc_json j;
	struct svc_stmt *st;
	char skills[600];
	int rc, same = 0;

	if (skills_normalize(list, skills, sizeof skills, e) ||
	    svc_db_cached(db, cur, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	if ((rc = svc_step(st)) == SVC_ROW)
		same = strcmp(svc_col_text(st, 0), skills) == 0;
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%s: no such person on the "
		    "staff", login);
	if (same)
		return 0;
	if (replace_words(db, del, ins, login, skills, e))
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "skills", skills);
	svc_buf_printf(&subject, "staff:%s", login);
	rc = svc_event_json(db, 0, subject.s, "staff.skills", &j, e);
	svc_buf_free(&subject);
	return rc;
}

/*
 * Issue 18: a person's own working hours, "08:00-14:00,15:00-20:00": up
 * to 4 windows of a day, in order, not overlapping; into w.
 */
int
svc_hours_parse(const char *s, struct svc_window *w, int *n,
    struct svc_err *e)
{
	char one[16], a[8];
	const char *p, *q, *dash;
	int start, end;

	*n = 0;
	for (p = s; *p; p = *q ? q + 1 : q) {
		q = p + strcspn(p, ",");
		snprintf(one, sizeof one, "%.*s", (int)(q - p), p);
		dash = strchr(one, '-');
		if (q - p >= (long)sizeof one || dash == NULL ||
		    dash - one >= (long)sizeof a)
			goto bad;
		snprintf(a, sizeof a, "%.*s", (int)(dash - one), one);
		if (svc_hhmm_parse(a, &start) < 0 ||
		    svc_hhmm_parse(dash + 1, &end) < 0 || start >= end ||
		    *n == 4 || (*n && w[*n - 1].end > start))
			goto bad;
		w[(*n)++] = (struct svc_window){ start, end };
	}
	return 0;
bad:
	return svc_seterr(e, SVC_EX_DATA, "%.40s: hours are HH:MM-HH:MM, "
	    "comma separated, in order, at most 4", s);
}

/* LOGIN works these hours ("" : the calendar's again); an event. */
int
svc_staff_set_hours(struct svc_db *db, const char *login, const char *hours,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE staff SET hours = nullif(?2, '')"
	    " WHERE login = ?1 AND hours IS NOT nullif(?2, '')";
	struct svc_window w[4];
	struct svc_buf subject = { 0 };
	struct svc_json j;
	struct svc_stmt *st;
	int n, rc;

	if (svc_hours_parse(hours, w, &n, e) || svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	svc_bind_text(st, 2, hours);
	if (svc_db_done(db, st, e) || svc_db_changes(db) == 0)
		return e->code;
	svc_json_begin(&j);
	svc_json_str(&j, "hours", *hours ? hours : NULL);
	svc_buf_printf(&subject, "staff:%s", login);
	rc = svc_event_json(db, 0, subject.s, "staff.hours", &j, e);
	svc_buf_free(&subject);
	return rc;
}

/*
 * Whether [at, until) lies outside person's own hours (1, the hours in
 * buf), or inside them, or they keep the calendar's (0); -1 on error.
 */
int
svc_staff_off_shift(struct svc_db *db, int64_t person, time_t at, time_t until,
    char *buf, size_t n, struct svc_err *e)
{
	static const char sql[] = "SELECT hours FROM staff WHERE id = ?1"
	    " AND hours IS NOT NULL";
	struct svc_window w[4];
	struct tm a, b;
	struct svc_stmt *st;
	int i, nw = 0, from, to;

	if (svc_db_cached(db, sql, &st, e))
		return -1;
	svc_bind_int64(st, 1, person);
	if (svc_step(st) == SVC_ROW) {
		snprintf(buf, n, "%s", svc_col_text(st, 0));
		svc_hours_parse(buf, w, &nw, e);
	}
	svc_reset(st);
	if (nw == 0)
		return 0;
	svc_local_tm(at, &a);
	svc_local_tm(until - 1, &b);
	from = a.tm_hour * 60 + a.tm_min;
	to = b.tm_hour * 60 + b.tm_min + 1;
	if (a.tm_yday != b.tm_yday || a.tm_year != b.tm_year)
		return 1;	/* across midnight: no shift holds it */
	for (i = 0; i < nw; i++)
		if (w[i].start <= from && to <= w[i].end)
			return 0;
	return 1;
}

/* The first of n skills person lacks, or NULL when they have them all. */
const char *
svc_staff_lacks(struct svc_db *db, int64_t person, char *const *skills, int n,
    struct svc_err *e)
{
	static const char sql[] = "SELECT 1 FROM staff_skill"
	    " WHERE staff_id = ?1 AND skill = ?2";
	struct svc_stmt *st;
	int i, rc;

	for (i = 0; i < n; i++) {
		if (svc_db_cached(db, sql, &st, e))
			return NULL;
		svc_bind_int64(st, 1, person);
		svc_bind_text(st, 2, skills[i]);
		rc = svc_step(st);
		svc_reset(st);
		if (rc == SVC_DONE)
			return skills[i];
		if (rc != SVC_ROW) {
			svc_db_error(db, rc, e);
			return NULL;
		}
	}
	return NULL;
}

/*
 * "worker, finance" -> "finance,worker": known roles only, each once, in
 * the one order used everywhere (the view sorts the same way).
 */
int
svc_roles_normalize(const char *in, char *out, size_t n, struct svc_err *e)
{
	int have[SVC_NROLES] = { 0 }, i, found;
	const char *p = in, *q;
	size_t len;

	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		for (q = p; *q && *q != ',' && *q != ' '; q++)
			;
		len = (size_t)(q - p);
		for (i = 0, found = 0; i < SVC_NROLES; i++)
			if (strlen(svc_roles[i]) == len &&
			    strncmp(svc_roles[i], p, len) == 0)
				have[i] = found = 1;
		if (!found)
			return svc_seterr(e, SVC_EX_DATA, "%.*s: unknown role "
			    "(admin, complaints, dispatcher, finance, reception, worker)",
			    (int)len, p);
		p = q;
	}
	out[0] = '\0';
	for (i = 0; i < SVC_NROLES; i++)
		if (have[i]) {
			if (out[0])
				strncat(out, ",", n - strlen(out) - 1);
			strncat(out, svc_roles[i], n - strlen(out) - 1);
		}
	return 0;
}

/* A name or badge: one line; given as empty, it is left to the caller. */
static int
text_valid(const char *field, const char *s, struct svc_err *e)
{
	return svc_text_ok(field, s, s && *s ? SVC_TEXT_REQUIRED : 0,
	    SVC_TEXT_SHORT, e);
}

/* 1 and the row's id when key is there, 0 when not, -1 on error. */
static int
lookup(struct svc_db *db, const char *sql, const char *key, int64_t *id,
    struct svc_err *e)
{
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return -1;
	svc_bind_text(st, 1, key);
	if ((rc = svc_step(st)) == SVC_ROW)
		*id = svc_col_int64(st, 0);
	svc_reset(st);
	if (rc == SVC_ROW)
		return 1;
	if (rc == SVC_DONE)
		return 0;
	svc_db_error(db, rc, e);
	return -1;
}

int
svc_dept_id(struct svc_db *db, const char *code, int64_t *id, struct svc_err *e)
{
	static const char sql[] = "SELECT id FROM dept WHERE code = ?1";

	return lookup(db, sql, code, id, e);
}

int
svc_dept_exists(struct svc_db *db, const char *code, struct svc_err *e)
{
	int64_t id;

	return svc_dept_id(db, code, &id, e);
}

int
svc_staff_exists(struct svc_db *db, const char *login, struct svc_err *e)
{
	static const char sql[] = "SELECT id FROM staff WHERE login = ?1";
	int64_t id;

	return lookup(db, sql, login, &id, e);
}

static int
check_dept(const struct svc_dept *d, int adding, struct svc_err *e)
{
	if (!svc_code_valid(d->code))
		return svc_seterr(e, SVC_EX_DATA, "%s: bad department code "
		    "(letters, digits, '-', '_', '.'; at most 32)", d->code);
	if (adding && (d->name == NULL || *d->name == '\0'))
		return svc_seterr(e, SVC_EX_DATA, "%s: a department needs a "
		    "name", d->code);
	if (adding && d->kind == NULL)
		return svc_seterr(e, SVC_EX_DATA, "%s: a department needs a "
		    "kind (cleaning, repair or gov)", d->code);
	if (d->kind && !svc_kind_valid(d->kind))
		return svc_seterr(e, SVC_EX_DATA, "%s: unknown kind (cleaning, "
		    "repair or gov)", d->kind);
	if (d->phone && *d->phone && !svc_phone_valid(d->phone))
		return svc_seterr(e, SVC_EX_DATA, "%s: bad phone number",
		    d->phone);
	return text_valid("name", d->name, e);
}

static void
dept_details(struct svc_json *j, const struct svc_dept *d)
{
	svc_json_begin(j);
	svc_json_str(j, "code", d->code);
	if (d->name)
		svc_json_str(j, "name", d->name);
	if (d->kind)
		svc_json_str(j, "kind", d->kind);
	if (d->phone)
		svc_json_str(j, "phone", d->phone);
}

static int
dept_event(struct svc_db *db, const struct svc_dept *d, const char *kind,
    struct svc_err *e)
{
	struct svc_buf subject = { 0 };
	struct svc_json j;
	int rc;

	svc_buf_printf(&subject, "dept:%s", d->code);
	dept_details(&j, d);
	rc = svc_event_json(db, 0, subject.s, kind, &j, e);
	svc_buf_free(&subject);
	return rc;
}

static void
bind_dept(struct svc_stmt *st, const struct svc_dept *d)
{
	svc_bind_text(st, 1, d->code);
	svc_bind_text(st, 2, d->name);
	svc_bind_text(st, 3, d->kind);
	svc_bind_text(st, 4, d->phone);
}

int
svc_dept_add(struct svc_db *db, const struct svc_dept *d, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO dept (code, name, kind, phone,"
	    " created_at) VALUES (?1, ?2, ?3, NULLIF(?4, ''), ?5)";
	struct svc_stmt *st;
	int have;

	if (check_dept(d, 1, e))
		return e->code;
	if ((have = svc_dept_exists(db, d->code, e)) != 0)
		return have < 0 ? e->code : svc_seterr(e, SVC_EX_DATA,
		    "%s: department already exists", d->code);
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	bind_dept(st, d);
	svc_bind_int64(st, 5, (int64_t)svc_now());
	if (svc_db_run(db, st, e))
		return e->code;
	return dept_event(db, d, "dept.add", e);
}

/* NULL fields stay as they are; an empty phone clears it. */
int
svc_dept_edit(struct svc_db *db, const struct svc_dept *d, struct svc_err *e)
{
	static const char sql[] = "UPDATE dept SET"
	    " name = coalesce(?2, name), kind = coalesce(?3, kind),"
	    " phone = CASE WHEN ?4 IS NULL THEN phone ELSE NULLIF(?4, '') END"
	    " WHERE code = ?1";
	struct svc_stmt *st;
	int have;

	if (check_dept(d, 0, e))
		return e->code;
	if ((have = svc_dept_exists(db, d->code, e)) != 1)
		return have < 0 ? e->code : svc_seterr(e, SVC_EX_NOINPUT,
		    "%s: no such department", d->code);
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	bind_dept(st, d);
	if (svc_db_run(db, st, e))
		return e->code;
	return dept_event(db, d, "dept.edit", e);
}

static int
check_staff(struct svc_db *db, const struct svc_staff *s, int adding, char *roles,
    size_t nroles, struct svc_err *e)
{
	int have;

	if (!svc_login_valid(s->login))
		return svc_seterr(e, SVC_EX_DATA, "%s: bad login (lower-case "
		    "letter first, then letters, digits, '.', '_', '-'; at "
		    "most 32)", s->login);
	if (adding && (s->name == NULL || *s->name == '\0'))
		return svc_seterr(e, SVC_EX_DATA, "%s: a person needs a name",
		    s->login);
	if (text_valid("name", s->name, e) || text_valid("badge", s->badge, e))
		return e->code;
	if (s->phone && *s->phone && !svc_phone_valid(s->phone))
		return svc_seterr(e, SVC_EX_DATA, "%s: bad phone number",
		    s->phone);
	if (s->roles && svc_roles_normalize(s->roles, roles, nroles, e))
		return e->code;
	if (s->dept && *s->dept &&
	    (have = svc_dept_exists(db, s->dept, e)) != 1)
		return have < 0 ? e->code : svc_seterr(e, SVC_EX_NOINPUT,
		    "%s: no such department", s->dept);
	return 0;
}

static int
badge_taken(struct svc_db *db, const struct svc_staff *s, struct svc_err *e)
{
	static const char sql[] =
	    "SELECT login FROM staff WHERE badge = ?1 AND login <> ?2";
	struct svc_stmt *st;
	int rc;

	if (s->badge == NULL || *s->badge == '\0')
		return 0;
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, s->badge);
	svc_bind_text(st, 2, s->login);
	rc = svc_step(st);
	if (rc == SVC_ROW)
		svc_seterr(e, SVC_EX_DATA, "%s: badge %s is already %s's",
		    s->login, s->badge, svc_col_text(st, 0));
	else if (rc != SVC_DONE)
		svc_db_error(db, rc, e);
	svc_finalize(st);
	return e->code;
}

/* Nobody changes their own roles, an admin neither (77): another does. */
static int
own_roles_kept(struct svc_db *db, const char *login, const char *roles,
    struct svc_err *e)
{
	static const char sql[] = "SELECT coalesce(roles, '') FROM v_staff"
	    " WHERE login = ?1";
	struct svc_stmt *st;
	int rc, same;

	if (strcmp(login, svc_actor()) != 0)
		return 0;
	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	rc = svc_step(st);
	same = rc == SVC_ROW && strcmp(svc_col_text(st, 0), roles) == 0;
	svc_reset(st);
	if (rc != SVC_ROW && rc != SVC_DONE)
		return svc_db_error(db, rc, e);
	return same ? 0 : svc_seterr(e, SVC_EX_NOPERM, "%s: nobody changes "
	    "their own roles (another admin does)", login);
}

static int
set_roles(struct svc_db *db, const char *login, const char *roles,
    struct svc_err *e)
{
	static const char del[] = "DELETE FROM staff_role WHERE staff_id ="
	    " (SELECT id FROM staff WHERE login = ?1)";
	static const char ins[] = "INSERT INTO staff_role (staff_id, role)"
	    " SELECT id, ?2 FROM staff WHERE login = ?1";

	return replace_words(db, del, ins, login, roles, e);
}

static int
staff_event(struct svc_db *db, const struct svc_staff *s, const char *roles,
    const char *kind, struct svc_err *e)
{
	struct svc_buf subject = { 0 };
	struct svc_json j;
	int rc;

	svc_buf_printf(&subject, "staff:%s", s->login);
	svc_json_begin(&j);
	svc_json_str(&j, "login", s->login);
	if (s->name)
		svc_json_str(&j, "name", s->name);
	if (s->dept)
		svc_json_str(&j, "dept", s->dept);
	if (roles)
		svc_json_str(&j, "roles", roles);
	if (s->phone)
		svc_json_str(&j, "phone", s->phone);
	if (s->badge)
		svc_json_str(&j, "badge", s->badge);
	rc = svc_event_json(db, 0, subject.s, kind, &j, e);
	svc_buf_free(&subject);
	return rc;
}

/* Parameters ?1 to ?5 of the insert and the update alike. */
static void
bind_person(struct svc_stmt *st, const struct svc_staff *s)
{
	svc_bind_text(st, 1, s->login);
	svc_bind_text(st, 2, s->name);
	svc_bind_text(st, 3, s->dept);
	svc_bind_text(st, 4, s->phone);
	svc_bind_text(st, 5, s->badge);
}

int
svc_staff_add(struct svc_db *db, const struct svc_staff *s, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO staff (login, name, dept_id,"
	    " phone, badge, created_at) VALUES (?1, ?2,"
	    " (SELECT id FROM dept WHERE code = ?3), NULLIF(?4, ''),"
	    " NULLIF(?5, ''), ?6)";
	char roles[80] = "";
	struct svc_stmt *st;
	int have;

	if (check_staff(db, s, 1, roles, sizeof roles, e))
		return e->code;
	if ((have = svc_staff_exists(db, s->login, e)) != 0)
		return have < 0 ? e->code : svc_seterr(e, SVC_EX_DATA,
		    "%s: already on the staff", s->login);
	if (badge_taken(db, s, e) || svc_db_prepare(db, sql, &st, e))
		return e->code;
	bind_person(st, s);
	svc_bind_int64(st, 6, (int64_t)svc_now());
	if (svc_db_run(db, st, e) || set_roles(db, s->login, roles, e))
		return e->code;
	return staff_event(db, s, roles, "staff.add", e);
}

/* NULL fields stay; an empty dept, phone or badge clears it. */
int
svc_staff_edit(struct svc_db *db, const struct svc_staff *s, struct svc_err *e)
{
	static const char sql[] = "UPDATE staff SET"
	    " name = coalesce(?2, name),"
	    " dept_id = CASE WHEN ?3 IS NULL THEN dept_id"
	    "   ELSE (SELECT id FROM dept WHERE code = ?3) END,"
	    " phone = CASE WHEN ?4 IS NULL THEN phone ELSE NULLIF(?4, '') END,"
	    " badge = CASE WHEN ?5 IS NULL THEN badge ELSE NULLIF(?5, '') END"
	    " WHERE login = ?1";
	char roles[80] = "";
	struct svc_stmt *st;
	int have;

	if (check_staff(db, s, 0, roles, sizeof roles, e))
		return e->code;
	if ((have = svc_staff_exists(db, s->login, e)) != 1)
		return have < 0 ? e->code : svc_seterr(e, SVC_EX_NOINPUT,
		    "%s: no such person on the staff", s->login);
	if (badge_taken(db, s, e) || svc_db_prepare(db, sql, &st, e))
		return e->code;
	bind_person(st, s);
	if (svc_db_run(db, st, e))
		return e->code;
	if (s->roles && (own_roles_kept(db, s->login, roles, e) ||
	    set_roles(db, s->login, roles, e)))
		return e->code;
	return staff_event(db, s, s->roles ? roles : NULL, "staff.edit", e);
}

/* Disabling twice is not an error: the person is in the state asked for. */
int
svc_staff_set_active(struct svc_db *db, const char *login, int active,
    struct svc_err *e)
{
	static const char sql[] = "UPDATE staff SET active = ?2"
	    " WHERE login = ?1 AND active <> ?2";
	struct svc_buf subject = { 0 };
	struct svc_stmt *st;
	int have, rc;

	if ((have = svc_staff_exists(db, login, e)) != 1)
		return have < 0 ? e->code : svc_seterr(e, SVC_EX_NOINPUT,
		    "%s: no such person on the staff", login);
	if (svc_db_prepare(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	svc_bind_int(st, 2, active);
	if (svc_db_run(db, st, e))
		return e->code;
	if (svc_db_changes(db) == 0)
		return 0;
	svc_buf_printf(&subject, "staff:%s", login);
	rc = svc_event_add(db, 0, subject.s, active ? "staff.enable" :
	    "staff.disable", NULL, e);
	svc_buf_free(&subject);
	return rc;
}

int
svc_staff_query(struct svc_db *db, const struct svc_staff_filter *f,
    struct svc_stmt **st, struct svc_err *e)
{
	static const char sql[] = "SELECT login, name, dept, roles, phone,"
	    " badge, active, skills, hours FROM v_staff"
	    " WHERE (?1 IS NULL OR dept = ?1)"
	    " AND (?2 IS NULL OR ',' || roles || ',' LIKE '%,' || ?2 || ',%')"
	    " AND (?3 = 1 OR active = 1)"
	    " AND (?4 IS NULL OR login = ?4)"
	    " ORDER BY login";

	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_text(*st, 1, f->dept);
	svc_bind_text(*st, 2, f->role);
	svc_bind_int(*st, 3, f->all);
	svc_bind_text(*st, 4, f->login);
	return 0;
}

int
svc_dept_query(struct svc_db *db, struct svc_stmt **st, struct svc_err *e)
{
	return svc_db_prepare(db, "SELECT code, name, kind, phone FROM v_dept"
	    " ORDER BY code", st, e);
}

/* G3: the published phones, grouped by kind of service. */
int
svc_directory_query(struct svc_db *db, struct svc_stmt **st, struct svc_err *e)
{
	return svc_db_prepare(db, "SELECT code, name, phone FROM v_dept"
	    " ORDER BY kind, code", st, e);
}

int
svc_history_query(struct svc_db *db, const char *subject, struct svc_stmt **st,
    struct svc_err *e)
{
	static const char sql[] = "SELECT at, actor, kind, details FROM event"
	    " WHERE subject = ?1 ORDER BY at, id";

	if (svc_db_prepare(db, sql, st, e))
		return e->code;
	svc_bind_text_copy(*st, 1, subject);
	return 0;
}

/* The row id of a person, active or not; 66 when there is none. */
int
svc_staff_id(struct svc_db *db, const char *login, int64_t *id, struct svc_err *e)
{
	static const char sql[] = "SELECT id FROM staff WHERE login = ?1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, login);
	if ((rc = svc_step(st)) == SVC_ROW)
		*id = svc_col_int64(st, 0);
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%s: no such person on the "
		    "staff", login);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

/*
 * known.c - every filter value is checked against what exists.
 *
 * A typo'd department, kind or login that matched nothing used to make a
 * check pass (exit 0) forever.  One function answers for every command:
 * the value exists, or the error names the nearest known value, or the
 * known values when there are few.
 */
#include <stdlib.h>
#include <string.h>

#include "svc.h"

struct known {
	const char *what;	/* "department", for the message */
	const char *sql;	/* the known values from the database, or */
	const char *const *list;	/* a fixed list of nlist */
	int nlist;		/* (-1: up to a NULL) */
};

static const struct known knowns[] = {
	[SVC_K_DEPT] = { "department", "SELECT code FROM dept ORDER BY code",
	    NULL, 0 },
	[SVC_K_LOGIN] = { "person on the staff",
	    "SELECT login FROM staff ORDER BY login", NULL, 0 },
	[SVC_K_WORKER] = { "worker", "SELECT s.login FROM staff s"
	    " JOIN staff_role r ON r.staff_id = s.id AND r.role = 'worker'"
	    " ORDER BY s.login", NULL, 0 },
	[SVC_K_ROLE] = { "role", NULL, svc_roles, SVC_NROLES },
	[SVC_K_KIND] = { "kind", NULL, svc_kinds, SVC_NKINDS },
	[SVC_K_STATUS] = { "status", NULL, svc_statuses, SVC_NSTATUSES },
	[SVC_K_METHOD] = { "method", NULL, svc_methods, -1 },
	[SVC_K_SERVICE] = { "service", NULL, NULL, 0 },	/* the config's */
};

/* Edit distance of two short words (insert, delete, substitute). */
int
svc_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int *row, d, best;

	if (la > 64 || lb > 64)
		return 99;
	row = svc_xmalloc((lb + 1) * sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		int diag = row[0];

		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			int up = row[j];

			best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/* Gather the known values: from the database, the config or a list. */
static int
candidates(struct svc_db *db, const struct svc_conf *conf, enum svc_kwhat w,
    struct svc_buf *names, int *n, struct svc_err *e)
{
	const struct known *k = &knowns[w];
	struct svc_stmt *st;
	int i, rc;

	*n = 0;
	if (w == SVC_K_SERVICE) {
		for (i = 0; conf && i < conf->nservices; i++, (*n)++)
			svc_buf_add(names, conf->services[i].code,
			    strlen(conf->services[i].code) + 1);
		return 0;
	}
	if (k->sql == NULL) {
		for (i = 0; k->nlist < 0 ? k->list[i] != NULL : i < k->nlist;
		    i++, (*n)++)
			svc_buf_add(names, k->list[i], strlen(k->list[i]) + 1);
		return 0;
	}
	if (svc_db_prepare(db, k->sql, &st, e))
		return e->code;
	while ((rc = svc_step(st)) == SVC_ROW) {
		const char *s = svc_col_text(st, 0);

		svc_buf_add(names, s ? s : "", strlen(s ? s : "") + 1);
		(*n)++;
	}
	svc_finalize(st);
	return rc == SVC_DONE ? 0 : svc_db_error(db, rc, e);
}

/* Offer a name to the guess: the nearest so far is kept. */
void
svc_near_offer(struct svc_near *n, const char *candidate)
{
	int d = svc_edit_distance(n->typed, candidate);

	if (n->best == NULL || d < n->d) {
		n->best = candidate;
		n->d = d;
	}
}

/* The nearest name when near enough to be a typo of it, else NULL. */
const char *
svc_near_guess(const struct svc_near *n)
{
	return n->best && n->d <= 1 + (int)strlen(n->typed) / 4 ? n->best :
	    NULL;
}

/* One value (len bytes of s) against the known names. */
static int
check_one(const char *opt, const struct known *k, const char *s, size_t len,
    const struct svc_buf *names, int n, int code, struct svc_err *e)
{
	char value[80];
	struct svc_near near = { value, NULL, 0 };
	const char *p;
	int i;

	if (len >= sizeof value)
		len = sizeof value - 1;
	memcpy(value, s, len);
	value[len] = '\0';
	for (i = 0, p = names->s; i < n; i++, p += strlen(p) + 1) {
		if (strcmp(p, value) == 0)
			return 0;
		svc_near_offer(&near, p);
	}
	if (svc_near_guess(&near))
		return svc_seterr(e, code, "%s%s%s: no such %s (did you mean "
		    "%s?)", opt ? opt : "", opt ? " " : "", value, k->what,
		    svc_near_guess(&near));
	if (n > 0 && n <= 12) {
		struct svc_buf all = { 0 };

		for (i = 0, p = names->s; i < n; i++, p += strlen(p) + 1)
			svc_buf_printf(&all, "%s%s", i ? ", " : "", p);
		svc_seterr(e, code, "%s%s%s: no such %s (known: %.300s)",
		    opt ? opt : "", opt ? " " : "", value, k->what, all.s);
		svc_buf_free(&all);
		return code;
	}
	return svc_seterr(e, code, "%s%s%s: no such %s", opt ? opt : "",
	    opt ? " " : "", value, k->what);
}

/*
 * value is checked as a comma-separated list (--status new,accepted).  opt
 * names the option ("--dept"): a filter value that does not exist is a
 * usage error (64); with opt NULL the value names a record (a login given
 * as an argument), and one that does not exist is 66.
 */
int
svc_known(struct svc_db *db, const struct svc_conf *conf, enum svc_kwhat w,
    const char *opt, const char *value, struct svc_err *e)
{
	struct svc_buf names = { 0 };
	int n, code = opt ? SVC_EX_USAGE : SVC_EX_NOINPUT;
	const char *p, *q;

	if (value == NULL)
		return 0;
	if (candidates(db, conf, w, &names, &n, e) == 0)
		for (p = value;; p = q + 1) {
			q = strchr(p, ',');
			if (check_one(opt, &knowns[w], p, q ? (size_t)(q - p) :
			    strlen(p), &names, n, code, e) || q == NULL)
				break;
		}
	svc_buf_free(&names);
	return e->code;
}

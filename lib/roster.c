/*
 * roster.c - the YAML roster read by svc-staff import: departments and
 * staff, added when new and updated when known, so that the same file can
 * be imported again after an edit.  The caller holds one transaction, so a
 * roster with one bad entry changes nothing.
 */
#include <string.h>

#include "svc.h"

struct rx {
	struct svc_db *db;
	const char *file;
	void (*changed)(const char *, const char *, void *);
	void *ctx;
	struct svc_err *e;
};

/* Put the entry's position in front of an error from the domain layer. */
static int
at(struct rx *x, const struct svc_ynode *n)
{
	char msg[sizeof x->e->msg];

	snprintf(msg, sizeof msg, "%s", x->e->msg);
	return svc_yerr(x->e, x->e->code ? x->e->code : SVC_EX_DATA, x->file,
	    n, "%s", msg);
}

/* A scalar field, or NULL when absent; anything else is an error. */
static int
field(struct rx *x, const struct svc_ynode *item, const char *key,
    const char **out)
{
	const struct svc_ynode *v = svc_ymap_get(item, key);

	*out = NULL;
	if (v == NULL)
		return 0;
	if (v->type != SVC_Y_SCALAR)
		return svc_yerr(x->e, SVC_EX_DATA, x->file, v,
		    "%s: expected a value", key);
	*out = v->val;
	return 0;
}

static int
entry(struct rx *x, const struct svc_ynode *item, const char *const *keys,
    const char *what)
{
	if (item->type != SVC_Y_MAP)
		return svc_yerr(x->e, SVC_EX_DATA, x->file, item,
		    "%s: each entry is a mapping", what);
	return svc_ycheck_keys(item, keys, x->file, x->e);
}

static int
dept(struct rx *x, const struct svc_ynode *item)
{
	static const char *const keys[] = {
		"code", "name", "kind", "phone", NULL
	};
	struct svc_dept d;
	int have;

	if (entry(x, item, keys, "departments") ||
	    field(x, item, "code", &d.code) || field(x, item, "name", &d.name) ||
	    field(x, item, "kind", &d.kind) || field(x, item, "phone", &d.phone))
		return x->e->code;
	if (d.code == NULL)
		return svc_yerr(x->e, SVC_EX_DATA, x->file, item,
		    "a department needs a code");
	if ((have = svc_dept_exists(x->db, d.code, x->e)) < 0)
		return x->e->code;
	if ((have ? svc_dept_edit : svc_dept_add)(x->db, &d, x->e))
		return at(x, item);
	x->changed("dept", d.code, x->ctx);
	return 0;
}

/* key: [worker, finance] or "worker,finance" (roles:, skills:). */
static int
joined(struct rx *x, const struct svc_ynode *item, const char *key,
    struct svc_buf *out, const char **list)
{
	const struct svc_ynode *v = svc_ymap_get(item, key);
	int i;

	*list = NULL;
	if (v == NULL)
		return 0;
	svc_buf_reset(out);
	svc_buf_puts(out, "");
	if (v->type == SVC_Y_SCALAR) {
		svc_buf_puts(out, v->val);
	} else if (v->type == SVC_Y_SEQ) {
		for (i = 0; i < v->n; i++) {
			if (v->kids[i]->type != SVC_Y_SCALAR)
				return svc_yerr(x->e, SVC_EX_DATA, x->file,
				    v->kids[i], "%s: expected a word", key);
			svc_buf_printf(out, "%s%s", i ? "," : "",
			    v->kids[i]->val);
		}
	} else {
		return svc_yerr(x->e, SVC_EX_DATA, x->file, v,
		    "%s: expected a list", key);
	}
	*list = out->s;
	return 0;
}

static int person_apply(struct rx *, const struct svc_ynode *,
    const struct svc_staff *, const char *active, const char *skills);

static int
person(struct rx *x, const struct svc_ynode *item, struct svc_buf *rb)
{
	static const char *const keys[] = {
		"login", "name", "dept", "roles", "phone", "badge", "active",
		"skills", NULL
	};
	struct svc_buf sk = { 0 };
	struct svc_staff s;
	const char *active, *skills;
	int rc;

	if (entry(x, item, keys, "staff") ||
	    field(x, item, "login", &s.login) ||
	    field(x, item, "name", &s.name) || field(x, item, "dept", &s.dept) ||
	    field(x, item, "phone", &s.phone) ||
	    field(x, item, "badge", &s.badge) ||
	    field(x, item, "active", &active) ||
	    joined(x, item, "roles", rb, &s.roles) ||
	    joined(x, item, "skills", &sk, &skills)) {
		svc_buf_free(&sk);
		return x->e->code;
	}
	rc = person_apply(x, item, &s, active, skills);
	svc_buf_free(&sk);
	return rc;
}

/* Add or change the person of item, then their state and skills. */
static int
person_apply(struct rx *x, const struct svc_ynode *item,
    const struct svc_staff *sp, const char *active, const char *skills)
{
	struct svc_staff s = *sp;
	int have;

	if (s.login == NULL)
		return svc_yerr(x->e, SVC_EX_DATA, x->file, item,
		    "a person needs a login");
	if (active && strcmp(active, "true") && strcmp(active, "false"))
		return svc_yerr(x->e, SVC_EX_DATA, x->file,
		    svc_ymap_get(item, "active"), "active: true or false");
	if ((have = svc_staff_exists(x->db, s.login, x->e)) < 0)
		return x->e->code;
	if ((have ? svc_staff_edit : svc_staff_add)(x->db, &s, x->e))
		return at(x, item);
	if (active && svc_staff_set_active(x->db, s.login,
	    strcmp(active, "true") == 0, x->e))
		return at(x, item);
	if (skills && svc_staff_set_skills(x->db, s.login, skills, x->e))
		return at(x, item);
	x->changed("staff", s.login, x->ctx);
	return 0;
}

static int
each(struct rx *x, const struct svc_ynode *root, const char *key,
    int (*fn)(struct rx *, const struct svc_ynode *, struct svc_buf *),
    struct svc_buf *rb)
{
	const struct svc_ynode *list = svc_ymap_get(root, key);
	int i;

	if (list == NULL)
		return 0;
	if (list->type != SVC_Y_SEQ)
		return svc_yerr(x->e, SVC_EX_DATA, x->file, list,
		    "%s: expected a list", key);
	for (i = 0; i < list->n; i++)
		if (fn(x, list->kids[i], rb))
			return x->e->code;
	return 0;
}

static int
dept_entry(struct rx *x, const struct svc_ynode *item, struct svc_buf *rb)
{
	(void)rb;
	return dept(x, item);
}

int
svc_staff_import(struct svc_db *db, const struct svc_ynode *root, const char *file,
    void (*changed)(const char *, const char *, void *), void *ctx,
    struct svc_err *e)
{
	static const char *const keys[] = { "departments", "staff", NULL };
	struct rx x = { db, file, changed, ctx, e };
	struct svc_buf rb = { 0 };
	int rc;

	if (root->type != SVC_Y_MAP)
		return svc_yerr(e, SVC_EX_DATA, file, root, "expected a "
		    "mapping with departments and staff");
	if (svc_ycheck_keys(root, keys, file, e))
		return e->code;
	/* Departments first: staff entries name them. */
	rc = each(&x, root, "departments", dept_entry, &rb);
	if (rc == 0)
		rc = each(&x, root, "staff", person, &rb);
	svc_buf_free(&rb);
	return rc;
}

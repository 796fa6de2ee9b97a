/*
 * conf.c - the configuration file, svc-config(5).
 *
 * Every key is known: an unknown or repeated key is an error at its
 * file:line:column, because a typo in "reply_within" must not quietly fall
 * back to a default deadline.  Rules with numbers live here per kind of
 * service, with the seed documents' values as defaults (G5 1 working day,
 * G9 8 hours' notice, G10 30 minutes).
 */
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "svc.h"

#ifndef SVC_SHAREDIR
#define SVC_SHAREDIR "/usr/local/share/svc"
#endif

const char *const svc_kinds[SVC_NKINDS] = { "cleaning", "repair", "gov" };
const char *const svc_weight_names[SVC_NWEIGHTS + 1] = {
	"replied_on_time", "arrived_on_time", "completed", "rating",
	"noshow", "short_notice", "complaints_upheld", "conduct_breaches", NULL
};

struct cx {
	struct svc_conf *c;
	const char *file;
	struct svc_err *e;
	int depth;		/* of includes */
	struct svc_cal *cal;	/* the calendar being read: calendar: or one
				   of calendars: */
};

int
svc_kind_valid(const char *k)
{
	int i;

	for (i = 0; i < SVC_NKINDS; i++)
		if (strcmp(svc_kinds[i], k) == 0)
			return 1;
	return 0;
}

void
svc_conf_defaults(struct svc_conf *c)
{
	int i;

	memset(c, 0, sizeof *c);
	c->timezone = svc_strdup("Asia/Shanghai");
	svc_cal_init(&c->cal);
	for (i = 0; i < SVC_NKINDS; i++) {
		struct svc_rules *r = &c->rules[i];

		snprintf(r->kind, sizeof r->kind, "%s", svc_kinds[i]);
		r->reply_within.unit = SVC_DUR_WORKDAYS;
		r->reply_within.n = 1;
		r->notice.secs = 8 * 3600;
		r->noshow_after.secs = 30 * 60;
		r->working_hours_only = strcmp(svc_kinds[i], "gov") == 0;
		r->review_within.unit = SVC_DUR_WORKDAYS;
		r->review_within.n = 1;
		r->review = 1;
		r->return_tries = 3;
		r->remind_before.secs = 86400;
		r->remind = 1;
	}
	svc_conduct_defaults(c);
}

void
svc_conf_free(struct svc_conf *c)
{
	int i, j;

	for (i = 0; i < c->nservices; i++) {
		struct svc_service *s = &c->services[i];

		free(s->code);
		free(s->kind);
		free(s->name);
		free(s->dept);
		for (j = 0; j < s->ndocuments; j++)
			free(s->documents[j]);
		free(s->documents);
		for (j = 0; j < s->ntools; j++)
			free(s->tools[j]);
		free(s->tools);
		for (j = 0; j < s->nskills; j++)
			free(s->skills[j]);
		free(s->skills);
	}
	for (j = 0; j < SVC_NMSGS; j++) {
		free(c->msg[j]);
		for (i = 0; i < SVC_NKINDS; i++)
			free(c->rules[i].msg[j]);
	}
	svc_conduct_free(c);
	free(c->services);
	free(c->quiet);
	free(c->path);
	free(c->dir);
	free(c->timezone);
	free(c->database);
	svc_cal_free(&c->cal);
	for (i = 0; i < c->ncals; i++) {
		free(c->cals[i].name);
		svc_cal_free(&c->cals[i].cal);
	}
	free(c->cals);
	memset(c, 0, sizeof *c);
}

/* The working calendar of a kind of service (G5, G7): its own, or calendar:. */
const struct svc_cal *
svc_conf_cal(const struct svc_conf *c, const char *kind)
{
	const struct svc_rules *r = kind ? svc_conf_rules(c, kind) : NULL;

	return r && r->cal ? &c->cals[r->cal - 1].cal : &c->cal;
}

/* A calendar by name (svc-cal --calendar); NULL when there is none. */
const struct svc_cal *
svc_conf_cal_named(const struct svc_conf *c, const char *name)
{
	int i;

	if (strcmp(name, "default") == 0)
		return &c->cal;
	for (i = 0; i < c->ncals; i++)
		if (strcmp(c->cals[i].name, name) == 0)
			return &c->cals[i].cal;
	return NULL;
}

const struct svc_rules *
svc_conf_rules(const struct svc_conf *c, const char *kind)
{
	int i;

	for (i = 0; i < SVC_NKINDS; i++)
		if (strcmp(c->rules[i].kind, kind) == 0)
			return &c->rules[i];
	return NULL;
}

static int
bad(struct cx *x, const struct svc_ynode *n, const char *what)
{
	return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n, "%s", what);
}

static int
want(struct cx *x, const struct svc_ynode *n, enum svc_ytype t,
    const char *key)
{
	static const char *const names[] = { "a value", "a list", "a mapping" };

	if (n->type == t)
		return 0;
	return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n, "%s: expected %s",
	    key, names[t]);
}

static int
check_keys(struct cx *x, const struct svc_ynode *n, const char *const *keys)
{
	if (svc_ycheck_keys(n, keys, x->file, x->e) == 0)
		return 0;
	return x->e->code = SVC_EX_CONFIG;
}

static int
get_bool(struct cx *x, const struct svc_ynode *n, const char *key, int *v)
{
	if (want(x, n, SVC_Y_SCALAR, key))
		return x->e->code;
	if (strcmp(n->val, "true") == 0 || strcmp(n->val, "yes") == 0)
		*v = 1;
	else if (strcmp(n->val, "false") == 0 || strcmp(n->val, "no") == 0)
		*v = 0;
	else
		return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n,
		    "%s: expected true or false", key);
	return 0;
}

static int
get_dur(struct cx *x, const struct svc_ynode *n, const char *key,
    struct svc_dur *d)
{
	struct svc_err sub = { 0 };

	if (want(x, n, SVC_Y_SCALAR, key))
		return x->e->code;
	if (svc_dur_parse(n->val, d, &sub) != 0)
		return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n, "%s: %s", key,
		    sub.msg);
	return 0;
}

/* A duration, or "none": *on says which. */
static int
get_dur_or_none(struct cx *x, const struct svc_ynode *n, const char *key,
    struct svc_dur *d, int *on)
{
	if (n->type == SVC_Y_SCALAR && strcmp(n->val, "none") == 0) {
		*on = 0;
		return 0;
	}
	*on = 1;
	return get_dur(x, n, key, d);
}

static int
get_str(struct cx *x, const struct svc_ynode *n, const char *key, char **v)
{
	if (want(x, n, SVC_Y_SCALAR, key))
		return x->e->code;
	if (!svc_utf8_valid(n->val))
		return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n,
		    "%s: not valid UTF-8", key);
	free(*v);
	*v = svc_strdup(n->val);
	return 0;
}

/* A list of strings: documents, tools, kinds. */
static int
get_list(struct cx *x, const struct svc_ynode *n, const char *key,
    char ***list, int *len)
{
	int i;

	if (want(x, n, SVC_Y_SEQ, key))
		return x->e->code;
	*list = svc_xmalloc((size_t)(n->n ? n->n : 1) * sizeof(char *));
	for (i = 0; i < n->n; i++) {
		(*list)[i] = NULL;
		(*len)++;
		if (get_str(x, n->kids[i], key, &(*list)[i]))
			return x->e->code;
	}
	return 0;
}

static int
get_int(struct cx *x, const struct svc_ynode *n, const char *key, long lo,
    long hi, long *v)
{
	char *end;

	if (want(x, n, SVC_Y_SCALAR, key))
		return x->e->code;
	errno = 0;
	*v = strtol(n->val, &end, 10);
	if (n->val[0] == '\0' || *end != '\0' || errno || *v < lo || *v > hi)
		return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n,
		    "%s: expected a whole number from %ld to %ld", key, lo, hi);
	return 0;
}

/* "09:00-12:00"; wrap != 0 allows "22:00-07:00" across midnight. */
static int
get_window(struct cx *x, const struct svc_ynode *n, const char *key,
    int *start, int *end, int wrap)
{
	char a[16], *dash;

	if (want(x, n, SVC_Y_SCALAR, key))
		return x->e->code;
	snprintf(a, sizeof a, "%s", n->val);
	if ((dash = strchr(a, '-')) == NULL)
		goto bad;
	*dash = '\0';
	if (svc_hhmm_parse(a, start) < 0 || svc_hhmm_parse(dash + 1, end) < 0)
		goto bad;
	if (*start == *end || (!wrap && *start > *end))
		goto bad;
	return 0;
bad:
	return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n,
	    "%s: bad window '%s' (want HH:MM-HH:MM)", key, n->val);
}

static int
get_day(struct cx *x, const struct svc_ynode *n, const char *key, int *day)
{
	struct svc_err sub = { 0 };
	int y, m, d;

	if (want(x, n, SVC_Y_SCALAR, key))
		return x->e->code;
	if (svc_date_parse(n->val, 0, &y, &m, &d, &sub) != 0 ||
	    strchr(n->val, '-') == NULL)
		return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n,
		    "%s: bad date '%s' (want YYYY-MM-DD)", key, n->val);
	*day = svc_days_from_civil(y, m, d);
	return 0;
}

static int
weekdays(struct cx *x, const struct svc_ynode *n)
{
	static const char *const names[] = {
		"mon", "tue", "wed", "thu", "fri", "sat", "sun"
	};
	int i, j;

	if (want(x, n, SVC_Y_SEQ, "weekdays"))
		return x->e->code;
	x->cal->weekdays = 0;
	for (i = 0; i < n->n; i++) {
		if (want(x, n->kids[i], SVC_Y_SCALAR, "weekdays"))
			return x->e->code;
		for (j = 0; j < 7; j++)
			if (strcmp(n->kids[i]->val, names[j]) == 0)
				break;
		if (j == 7)
			return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n->kids[i],
			    "weekdays: '%s' is not one of mon tue wed thu fri "
			    "sat sun", n->kids[i]->val);
		x->cal->weekdays |= 1u << j;
	}
	return 0;
}

static int
hours(struct cx *x, const struct svc_ynode *n)
{
	struct svc_err sub = { 0 };
	int i, s, e;

	if (want(x, n, SVC_Y_SEQ, "hours"))
		return x->e->code;
	if (n->n == 0)
		return bad(x, n, "hours: at least one working window");
	for (i = 0; i < n->n; i++) {
		if (get_window(x, n->kids[i], "hours", &s, &e, 0))
			return x->e->code;
		if (svc_cal_add_window(x->cal, s, e, &sub) != 0)
			return svc_yerr(x->e, SVC_EX_CONFIG, x->file,
			    n->kids[i], "%s", sub.msg);
	}
	return 0;
}

/*
 * A list of {date, name} or {from, to, name}; year, when not 0, bounds the
 * dates (an official file speaks for its own year only).
 */
static int
special_days(struct cx *x, const struct svc_ynode *n, const char *key,
    int working, int year)
{
	static const char *const keys[] = { "date", "from", "to", "name", NULL };
	const struct svc_ynode *it, *date, *from, *to, *name;
	int i, a, b, d, y, m, dd;

	if (want(x, n, SVC_Y_SEQ, key))
		return x->e->code;
	for (i = 0; i < n->n; i++) {
		it = n->kids[i];
		if (want(x, it, SVC_Y_MAP, key) ||
		    check_keys(x, it, keys))
			return x->e->code;
		date = svc_ymap_get(it, "date");
		from = svc_ymap_get(it, "from");
		to = svc_ymap_get(it, "to");
		name = svc_ymap_get(it, "name");
		if (name == NULL || want(x, name, SVC_Y_SCALAR, "name"))
			return x->e->code ? x->e->code :
			    bad(x, it, "each day needs a name");
		if (date && !from && !to) {
			if (get_day(x, date, "date", &a))
				return x->e->code;
			b = a;
		} else if (!date && from && to) {
			if (get_day(x, from, "from", &a) ||
			    get_day(x, to, "to", &b))
				return x->e->code;
			if (b < a)
				return bad(x, to, "to: before from");
		} else {
			return bad(x, it, "give either date, or from and to");
		}
		for (d = a; d <= b; d++) {
			svc_civil_from_days(d, &y, &m, &dd);
			if (year && y != year)
				return svc_yerr(x->e, SVC_EX_CONFIG, x->file,
				    it, "%04d-%02d-%02d is not in %d", y, m, dd,
				    year);
			svc_cal_add_special(x->cal, d, working, name->val);
		}
	}
	return 0;
}

static int load_file(struct cx *, const char *path, int holidays);

/* Relative includes are found beside the file that names them. */
static int
include(struct cx *x, const struct svc_ynode *n)
{
	struct svc_buf path = { 0 };
	char *copy, *dir;
	int i, rc = 0;

	if (want(x, n, SVC_Y_SEQ, "include"))
		return x->e->code;
	for (i = 0; i < n->n && rc == 0; i++) {
		if (want(x, n->kids[i], SVC_Y_SCALAR, "include"))
			return x->e->code;
		svc_buf_reset(&path);
		if (n->kids[i]->val[0] == '/') {
			svc_buf_puts(&path, n->kids[i]->val);
		} else {
			copy = svc_strdup(x->file);
			dir = dirname(copy);
			svc_buf_printf(&path, "%s/%s", dir, n->kids[i]->val);
			free(copy);
		}
		/*
		 * A config copied from the installed one still finds the
		 * official calendars: a relative include not beside the file
		 * is looked for in the installed share directory.
		 */
		if (access(path.s, R_OK) != 0 && n->kids[i]->val[0] != '/') {
			svc_buf_reset(&path);
			svc_buf_printf(&path, "%s/%s", SVC_SHAREDIR,
			    n->kids[i]->val);
		}
		if (access(path.s, R_OK) != 0)
			rc = svc_yerr(x->e, SVC_EX_CONFIG, x->file, n->kids[i],
			    "include: %s: %s", n->kids[i]->val, strerror(errno));
		else
			rc = load_file(x, path.s, 1);
	}
	svc_buf_free(&path);
	return rc;
}

static int
calendar(struct cx *x, const struct svc_ynode *n)
{
	static const char *const keys[] = {
		"weekdays", "hours", "include", "holidays", "workdays", NULL
	};
	const struct svc_ynode *v;

	if (want(x, n, SVC_Y_MAP, "calendar") ||
	    check_keys(x, n, keys))
		return SVC_EX_CONFIG;
	if ((v = svc_ymap_get(n, "weekdays")) && weekdays(x, v))
		return x->e->code;
	if ((v = svc_ymap_get(n, "hours")) != NULL) {
		x->cal->nwin = 0;
		if (hours(x, v))
			return x->e->code;
	}
	/* Official files first, so that local days listed here override. */
	if ((v = svc_ymap_get(n, "include")) && include(x, v))
		return x->e->code;
	if ((v = svc_ymap_get(n, "holidays")) &&
	    special_days(x, v, "holidays", 0, 0))
		return x->e->code;
	if ((v = svc_ymap_get(n, "workdays")) &&
	    special_days(x, v, "workdays", 1, 0))
		return x->e->code;
	return 0;
}

/*
 * Where in the file the field at byte off of scalar n stands: libyaml
 * counts columns in characters, past the opening quote; a value over
 * several lines, a block or one with escapes is named where it starts.
 */
static int
field_col(const struct svc_ynode *n, size_t off)
{
	size_t i;
	int col = n->col + (n->quoted ? 1 : 0);

	if (n->block)
		return n->col;
	for (i = 0; i < off; i++) {
		if (n->val[i] == '\n' || n->val[i] == '\\')
			return n->col;
		if (((unsigned char)n->val[i] & 0xC0) != 0x80)
			col++;
	}
	return col;
}

/* What is wrong at byte off of template v, named whole. */
static int
template_error(struct cx *x, const struct svc_ynode *v, const char *msg,
    size_t off)
{
	const char *p = v->val + off, *end = strchr(p, '}');
	char what[160];

	if (*p == '}')
		snprintf(what, sizeof what, "a stray '}' (write }} for a brace)");
	else if (end == NULL)
		snprintf(what, sizeof what, "a '{' never closed (write {{ for "
		    "a brace)");
	else
		snprintf(what, sizeof what, "unknown field '%.*s' (svc-config(5) "
		    "lists the fields of each message)",
		    svc_utf8_cut(p, (size_t)(end - p + 1), 40), p);
	return svc_seterr(x->e, SVC_EX_CONFIG, "%s:%d:%d: messages: %s: %s",
	    x->file, v->line, field_col(v, off), msg, what);
}

/* messages: NAME: TEXT, each text checked against its message's fields. */
static int
messages(struct cx *x, const struct svc_ynode *n, char **msg)
{
	const struct svc_ynode *v;
	size_t off;
	int i, m;

	if (want(x, n, SVC_Y_MAP, "messages"))
		return x->e->code;
	for (i = 0; i < n->n; i++) {
		v = n->kids[i];
		if ((m = svc_msg_index(n->keys[i])) < 0)
			return svc_seterr(x->e, SVC_EX_CONFIG, "%s:%d:%d: "
			    "messages: unknown message '%s' (reply, refusal, "
			    "move, cancel, late, abandoned, reminder or "
			    "followup)",
			    x->file, n->kline[i], n->kcol[i], n->keys[i]);
		if (get_str(x, v, n->keys[i], &msg[m]))
			return x->e->code;
		if (svc_tmpl_check(m, v->val, &off) == 0)
			continue;
		return template_error(x, v, n->keys[i], off);
	}
	return 0;
}

/* rules: KIND: calendar: NAME, one of calendars: (or default). */
static int
rule_calendar(struct cx *x, const struct svc_ynode *v, struct svc_rules *r)
{
	int i;

	if (want(x, v, SVC_Y_SCALAR, "calendar"))
		return x->e->code;
	r->cal = 0;
	if (strcmp(v->val, "default") == 0)
		return 0;
	for (i = 0; i < x->c->ncals; i++)
		if (strcmp(x->c->cals[i].name, v->val) == 0) {
			r->cal = i + 1;
			return 0;
		}
	return svc_yerr(x->e, SVC_EX_CONFIG, x->file, v, "calendar: '%s' "
	    "is not one of calendars: (nor default)", v->val);
}

/*
 * calendars: NAME: {the keys of calendar:}, each complete on its own
 * (its weekdays, hours, includes); a kind of service names one in its
 * rules (calendar: NAME), the others keep calendar:.
 */
static int
calendars(struct cx *x, const struct svc_ynode *n)
{
	struct svc_conf *c = x->c;
	struct svc_named_cal *k;
	int i, rc;

	if (want(x, n, SVC_Y_MAP, "calendars"))
		return x->e->code;
	c->cals = svc_xrealloc(c->cals, (size_t)(n->n ? n->n : 1) *
	    sizeof *c->cals);
	for (i = 0; i < n->n; i++) {
		if (!svc_code_valid(n->keys[i]) ||
		    strcmp(n->keys[i], "default") == 0)
			return svc_seterr(x->e, SVC_EX_CONFIG, "%s:%d:%d: "
			    "calendars: '%s' is not a name (letters, digits, "
			    "'-_.'; 'default' is calendar:'s)", x->file,
			    n->kline[i], n->kcol[i], n->keys[i]);
		k = &c->cals[c->ncals++];
		k->name = svc_strdup(n->keys[i]);
		svc_cal_init(&k->cal);
		x->cal = &k->cal;
		rc = calendar(x, n->kids[i]);
		x->cal = &c->cal;
		if (rc)
			return rc;
	}
	return 0;
}

static int
rules(struct cx *x, const struct svc_ynode *n)
{
	static const char *const keys[] = {
		"reply_within", "notice", "noshow_after", "working_hours_only",
		"review_within", "return_visit_after", "return_visit_tries",
		"remind_before", "messages", "calendar", NULL
	};
	struct svc_rules *r;
	const struct svc_ynode *k, *v;
	long tries;
	int i;

	if (want(x, n, SVC_Y_MAP, "rules"))
		return x->e->code;
	for (i = 0; i < n->n; i++) {
		k = n->kids[i];
		r = (struct svc_rules *)svc_conf_rules(x->c, n->keys[i]);
		if (r == NULL)
			return svc_seterr(x->e, SVC_EX_CONFIG, "%s:%d:%d: "
			    "rules: unknown kind '%s' (cleaning, repair or "
			    "gov)", x->file, n->kline[i], n->kcol[i],
			    n->keys[i]);
		if (want(x, k, SVC_Y_MAP, n->keys[i]) ||
		    check_keys(x, k, keys))
			return SVC_EX_CONFIG;
		if ((v = svc_ymap_get(k, "reply_within")) &&
		    get_dur(x, v, "reply_within", &r->reply_within))
			return x->e->code;
		if ((v = svc_ymap_get(k, "notice")) &&
		    get_dur(x, v, "notice", &r->notice))
			return x->e->code;
		if ((v = svc_ymap_get(k, "noshow_after")) &&
		    get_dur(x, v, "noshow_after", &r->noshow_after))
			return x->e->code;
		if ((v = svc_ymap_get(k, "working_hours_only")) &&
		    get_bool(x, v, "working_hours_only", &r->working_hours_only))
			return x->e->code;
		if ((v = svc_ymap_get(k, "review_within")) &&
		    get_dur_or_none(x, v, "review_within", &r->review_within,
		    &r->review))
			return x->e->code;
		if ((v = svc_ymap_get(k, "return_visit_after")) &&
		    get_dur_or_none(x, v, "return_visit_after", &r->return_after,
		    &r->return_visit))
			return x->e->code;
		if ((v = svc_ymap_get(k, "return_visit_tries"))) {
			if (get_int(x, v, "return_visit_tries", 1, 20, &tries))
				return x->e->code;
			r->return_tries = (int)tries;
		}
		if ((v = svc_ymap_get(k, "remind_before")) &&
		    get_dur_or_none(x, v, "remind_before", &r->remind_before,
		    &r->remind))
			return x->e->code;
		if ((v = svc_ymap_get(k, "messages")) &&
		    messages(x, v, r->msg))
			return x->e->code;
		if ((v = svc_ymap_get(k, "calendar")) && rule_calendar(x, v, r))
			return x->e->code;
		if (r->notice.unit != SVC_DUR_CLOCK ||
		    r->noshow_after.unit != SVC_DUR_CLOCK ||
		    r->remind_before.unit != SVC_DUR_CLOCK)
			return bad(x, k, "notice, noshow_after and remind_before "
			    "are clock hours, not working days");
	}
	return 0;
}

/* Quiet hours may cross midnight: 21:00-08:00 becomes two windows. */
static int
quiet_hours(struct cx *x, const struct svc_ynode *n)
{
	struct svc_conf *c = x->c;
	int i, s, e;

	if (want(x, n, SVC_Y_SEQ, "quiet_hours"))
		return x->e->code;
	c->nquiet = 0;
	c->quiet = svc_xrealloc(c->quiet, (size_t)(2 * n->n) *
	    sizeof *c->quiet);
	for (i = 0; i < n->n; i++) {
		if (get_window(x, n->kids[i], "quiet_hours", &s, &e, 1))
			return x->e->code;
		if (s < e) {
			c->quiet[c->nquiet++] = (struct svc_window){ s, e };
		} else {
			c->quiet[c->nquiet++] = (struct svc_window){ s, 24 * 60 };
			if (e > 0)
				c->quiet[c->nquiet++] = (struct svc_window){ 0, e };
		}
	}
	return 0;
}

/* Codes of services and departments: short, plain, safe in a shell. */
int
svc_code_valid(const char *s)
{
	if (!*s || strlen(s) > 32)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("-_.", *s))
			return 0;
	return 1;
}

static int
service(struct cx *x, const struct svc_ynode *n, struct svc_service *s)
{
	static const char *const keys[] = {
		"code", "kind", "name", "price", "minutes", "documents",
		"dept", "tools", "skills", NULL
	};
	const struct svc_ynode *v;
	struct svc_err sub = { 0 };
	long minutes;
	int i;

	if (want(x, n, SVC_Y_MAP, "services") ||
	    check_keys(x, n, keys))
		return SVC_EX_CONFIG;
	if (!(v = svc_ymap_get(n, "code")) || get_str(x, v, "code", &s->code))
		return x->e->code ? x->e->code :
		    bad(x, n, "services: each service needs a code");
	if (!svc_code_valid(s->code))
		return bad(x, v, "code: letters, digits, '-', '_' and '.' "
		    "only, at most 32");
	if (!(v = svc_ymap_get(n, "kind")) || get_str(x, v, "kind", &s->kind))
		return x->e->code ? x->e->code :
		    bad(x, n, "services: each service needs a kind");
	if (!svc_kind_valid(s->kind))
		return bad(x, v, "kind: cleaning, repair or gov");
	if (!(v = svc_ymap_get(n, "name")) || get_str(x, v, "name", &s->name))
		return x->e->code ? x->e->code :
		    bad(x, n, "services: each service needs a name");
	if ((v = svc_ymap_get(n, "price")) != NULL) {
		if (want(x, v, SVC_Y_SCALAR, "price"))
			return x->e->code;
		if (svc_money_parse(v->val, 0, &s->price, &sub) != 0)
			return svc_yerr(x->e, SVC_EX_CONFIG, x->file, v,
			    "price: %s", sub.msg);
	}
	s->minutes = 60;
	if ((v = svc_ymap_get(n, "minutes")) != NULL) {
		if (get_int(x, v, "minutes", 1, 24 * 60, &minutes))
			return x->e->code;
		s->minutes = (int)minutes;
	}
	if ((v = svc_ymap_get(n, "dept")) && get_str(x, v, "dept", &s->dept))
		return x->e->code;
	if ((v = svc_ymap_get(n, "documents")) && get_list(x, v,
	    "documents", &s->documents, &s->ndocuments))
		return x->e->code;
	if ((v = svc_ymap_get(n, "tools")) && get_list(x, v, "tools",
	    &s->tools, &s->ntools))
		return x->e->code;
	if ((v = svc_ymap_get(n, "skills")) && get_list(x, v, "skills",
	    &s->skills, &s->nskills))
		return x->e->code;
	for (i = 0; i < s->nskills; i++)
		if (!svc_code_valid(s->skills[i]))
			return bad(x, v->kids[i], "skills: letters, digits, "
			    "'-', '_' and '.' only, at most 32");
	return 0;
}

static int
services(struct cx *x, const struct svc_ynode *n)
{
	struct svc_conf *c = x->c;
	int i, j;

	if (want(x, n, SVC_Y_SEQ, "services"))
		return x->e->code;
	c->services = svc_xrealloc(c->services, (size_t)n->n *
	    sizeof *c->services);
	for (i = 0; i < n->n; i++) {
		memset(&c->services[i], 0, sizeof c->services[i]);
		c->nservices++;
		if (service(x, n->kids[i], &c->services[i]))
			return x->e->code;
		for (j = 0; j < i; j++)
			if (strcmp(c->services[j].code,
			    c->services[i].code) == 0)
				return bad(x, n->kids[i], "services: code "
				    "listed twice");
	}
	return 0;
}

/* A text printed on the form or the brief: one line, nothing hidden. */
static int
printed_line(struct cx *x, const struct svc_ynode *n, const char *s)
{
	struct svc_err sub = { 0 };

	if (s == NULL || svc_text_ok("the text", s, 0, SVC_TEXT_LINE,
	    &sub) == 0)
		return 0;
	return svc_yerr(x->e, SVC_EX_CONFIG, x->file, n, "%s", sub.msg);
}

/* The answer that is a breach, and how grave: each item says. */
static int
conduct_item(struct cx *x, const struct svc_ynode *n, struct svc_conduct *k)
{
	static const char *const keys[] = {
		"id", "question", "reminder", "breach", "severity", "kinds", NULL
	};
	const struct svc_ynode *v;
	int i;

	if (want(x, n, SVC_Y_MAP, "conduct") || check_keys(x, n, keys))
		return SVC_EX_CONFIG;
	if (!(v = svc_ymap_get(n, "id")) || get_str(x, v, "id", &k->id))
		return x->e->code ? x->e->code :
		    bad(x, n, "conduct: each item needs an id (A16.gifts)");
	if (!svc_code_valid(k->id))	/* A16.gifts: safe in a shell */
		return bad(x, v, "id: letters, digits, '-', '_' and '.' only, "
		    "at most 32");
	if (!(v = svc_ymap_get(n, "question")) ||
	    get_str(x, v, "question", &k->question))
		return x->e->code ? x->e->code :
		    bad(x, n, "conduct: each item needs the customer's question");
	if ((v = svc_ymap_get(n, "reminder")) &&
	    get_str(x, v, "reminder", &k->reminder))
		return x->e->code;
	if (printed_line(x, svc_ymap_get(n, "question"), k->question) ||
	    printed_line(x, v, k->reminder))
		return x->e->code;
	if (!(v = svc_ymap_get(n, "breach")) || v->type != SVC_Y_SCALAR ||
	    (strcmp(v->val, "yes") && strcmp(v->val, "no")))
		return bad(x, v ? v : n, "breach: the answer that is a breach, "
		    "yes or no");
	k->breach = strcmp(v->val, "yes") == 0;
	k->major = 1;
	if ((v = svc_ymap_get(n, "severity"))) {
		if (v->type != SVC_Y_SCALAR || (strcmp(v->val, "major") &&
		    strcmp(v->val, "minor")))
			return bad(x, v, "severity: major or minor");
		k->major = strcmp(v->val, "major") == 0;
	}
	if ((v = svc_ymap_get(n, "kinds")) &&
	    get_list(x, v, "kinds", &k->kinds, &k->nkinds))
		return x->e->code;
	for (i = 0; i < k->nkinds; i++)
		if (!svc_kind_valid(k->kinds[i]))
			return bad(x, v->kids[i], "kinds: cleaning, repair or "
			    "gov");
	return 0;
}

/* conduct: the whole checklist, in place of the seed's. */
static int
conduct(struct cx *x, const struct svc_ynode *n)
{
	struct svc_conf *c = x->c;
	int i, j;

	if (want(x, n, SVC_Y_SEQ, "conduct"))
		return x->e->code;
	svc_conduct_free(c);
	c->conduct = svc_xmalloc((size_t)(n->n ? n->n : 1) *
	    sizeof *c->conduct);
	for (i = 0; i < n->n; i++) {
		memset(&c->conduct[i], 0, sizeof c->conduct[i]);
		c->nconduct++;
		if (conduct_item(x, n->kids[i], &c->conduct[i]))
			return x->e->code;
		for (j = 0; j < i; j++)
			if (strcmp(c->conduct[j].id, c->conduct[i].id) == 0)
				return bad(x, n->kids[i], "conduct: id listed "
				    "twice");
	}
	return 0;
}

static int
evaluation(struct cx *x, const struct svc_ynode *n)
{
	const struct svc_ynode *v;
	char *end;
	int i;

	if (want(x, n, SVC_Y_MAP, "evaluation") ||
	    check_keys(x, n, svc_weight_names))
		return SVC_EX_CONFIG;
	for (i = 0; i < SVC_NWEIGHTS; i++) {
		if ((v = svc_ymap_get(n, svc_weight_names[i])) == NULL)
			continue;
		if (want(x, v, SVC_Y_SCALAR, svc_weight_names[i]))
			return x->e->code;
		errno = 0;
		x->c->weights[i] = strtod(v->val, &end);
		if (v->val[0] == '\0' || *end != '\0' || errno)
			return svc_yerr(x->e, SVC_EX_CONFIG, x->file, v,
			    "%s: expected a number", svc_weight_names[i]);
	}
	return 0;
}

static int
holiday_file(struct cx *x, const struct svc_ynode *root)
{
	static const char *const keys[] = {
		"year", "source", "holidays", "workdays", NULL
	};
	const struct svc_ynode *v;
	long year;

	if (check_keys(x, root, keys))
		return SVC_EX_CONFIG;
	if ((v = svc_ymap_get(root, "year")) == NULL)
		return bad(x, root, "a holiday file needs its year");
	if (get_int(x, v, "year", 1970, 9999, &year))
		return x->e->code;
	if ((v = svc_ymap_get(root, "holidays")) &&
	    special_days(x, v, "holidays", 0, (int)year))
		return x->e->code;
	if ((v = svc_ymap_get(root, "workdays")) &&
	    special_days(x, v, "workdays", 1, (int)year))
		return x->e->code;
	svc_cal_add_year(x->cal, (int)year);
	return 0;
}

static int
main_file(struct cx *x, const struct svc_ynode *root)
{
	static const char *const keys[] = {
		"timezone", "database", "calendar", "calendars", "rules",
		"quiet_hours",
		"services", "evaluation", "messages", "conduct", NULL
	};
	const struct svc_ynode *v;

	if (check_keys(x, root, keys))
		return SVC_EX_CONFIG;
	if ((v = svc_ymap_get(root, "timezone")) &&
	    get_str(x, v, "timezone", &x->c->timezone))
		return x->e->code;
	if ((v = svc_ymap_get(root, "database")) &&
	    get_str(x, v, "database", &x->c->database))
		return x->e->code;
	if ((v = svc_ymap_get(root, "calendar")) && calendar(x, v))
		return x->e->code;
	/* before rules:, which name them */
	if ((v = svc_ymap_get(root, "calendars")) && calendars(x, v))
		return x->e->code;
	if ((v = svc_ymap_get(root, "rules")) && rules(x, v))
		return x->e->code;
	if ((v = svc_ymap_get(root, "quiet_hours")) && quiet_hours(x, v))
		return x->e->code;
	if ((v = svc_ymap_get(root, "services")) && services(x, v))
		return x->e->code;
	if ((v = svc_ymap_get(root, "evaluation")) && evaluation(x, v))
		return x->e->code;
	if ((v = svc_ymap_get(root, "messages")) && messages(x, v, x->c->msg))
		return x->e->code;
	if ((v = svc_ymap_get(root, "conduct")) && conduct(x, v))
		return x->e->code;
	return 0;
}

static int
load_tree(struct cx *x, const struct svc_ynode *root, int holidays)
{
	if (root->type != SVC_Y_MAP)
		return bad(x, root, "expected a mapping at the top");
	return holidays ? holiday_file(x, root) : main_file(x, root);
}

static int
load_file(struct cx *x, const char *path, int holidays)
{
	struct cx sub = *x;
	struct svc_ynode *root;
	int rc;

	if (x->depth > 4)
		return svc_seterr(x->e, SVC_EX_CONFIG, "%s: includes nested "
		    "too deep", path);
	sub.file = path;
	sub.depth = x->depth + 1;
	if ((root = svc_yaml_load(path, x->e)) == NULL) {
		x->e->code = SVC_EX_CONFIG;
		return SVC_EX_CONFIG;
	}
	rc = load_tree(&sub, root, holidays);
	svc_yaml_free(root);
	return rc;
}

/* Windows and holidays were added; sort them and check what needs both. */
/* A calendar without hours has the seed's: 09:00-12:00, 13:30-17:30. */
static int
seal_one(struct svc_cal *cal, const char *name, const char *file,
    struct svc_err *e)
{
	struct svc_err sub = { 0 };

	if (cal->nwin == 0) {
		svc_cal_add_window(cal, 9 * 60, 12 * 60, NULL);
		svc_cal_add_window(cal, 13 * 60 + 30, 17 * 60 + 30, NULL);
	}
	if (svc_cal_seal(cal, &sub) != 0)
		return svc_seterr(e, SVC_EX_CONFIG, "%s: %s: %s", file, name,
		    sub.msg);
	return 0;
}

static int
finish(struct svc_conf *c, const char *file, struct svc_err *e)
{
	int i;

	if (seal_one(&c->cal, "calendar", file, e))
		return e->code;
	for (i = 0; i < c->ncals; i++)
		if (seal_one(&c->cals[i].cal, c->cals[i].name, file, e))
			return e->code;
	return 0;
}

int
svc_conf_load(struct svc_conf *c, const char *path, struct svc_err *e)
{
	struct cx x = { .c = c, .file = path, .e = e, .cal = &c->cal };
	char *copy;
	int rc;

	svc_conf_defaults(c);
	c->path = svc_strdup(path);
	copy = svc_strdup(path);
	c->dir = svc_strdup(dirname(copy));
	free(copy);
	if ((rc = load_file(&x, path, 0)) != 0)
		return rc;
	return finish(c, path, e);
}

int
svc_conf_load_string(struct svc_conf *c, const char *name, const char *text,
    struct svc_err *e)
{
	struct cx x = { .c = c, .file = name, .e = e, .cal = &c->cal };
	struct svc_ynode *root;
	int rc;

	svc_conf_defaults(c);
	if ((root = svc_yaml_load_string(name, text, e)) == NULL) {
		e->code = SVC_EX_CONFIG;
		return SVC_EX_CONFIG;
	}
	rc = load_tree(&x, root, 0);
	svc_yaml_free(root);
	if (rc != 0)
		return rc;
	return finish(c, name, e);
}

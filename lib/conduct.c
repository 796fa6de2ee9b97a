/*
 * conduct.c - conduct at the door (A13-A20, issue 21): the checklist the
 * customer is asked, item by item, when the work is done or in the
 * return call (回访: 是否出示证件、有无吃拿卡要、是否清理现场…).
 *
 * The items are the config's (conduct:), the seed's by default.  An
 * answer is a fact of the visit it is about, recorded once, with what it
 * meant when it was given (a breach, and whether a major one): a later
 * change of the config never rewrites an old answer.
 */
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/*
 * The seed's articles as questions.  breach: the answer that is one;
 * major: what svc-report conduct --check and the evaluation (G12) weigh.
 */
static const struct {
	const char *id, *question, *reminder, *kind;
	int breach, major;
} seed[] = {
	{ "A2.badge", "工作人员是否出示了工作证件？", "出示工作证件，自我介绍",
	    NULL, 0, 1 },
	{ "A15.greet", "工作人员是否主动问候、说明来意？", "微笑问候，只在客户"
	    "指定的地方工作", NULL, 0, 0 },
	{ "A16.gifts", "工作人员是否接受了您的吃喝、礼品或财物？", "不吃喝、不收"
	    "礼、不索要", NULL, 1, 1 },
	{ "A16.touch", "工作人员是否未经同意动用您的物品？", "不乱动客户物品",
	    NULL, 1, 1 },
	{ "A16.talk", "工作人员是否有与服务无关的议论？", "不议论与服务无关的事",
	    NULL, 1, 0 },
	{ "A17.explain", "工作人员是否讲清了做了什么、为什么？", "讲清所做工作，"
	    "不说行话", NULL, 0, 0 },
	{ "A18.waste", "工作人员是否清理了现场、带走了垃圾？", "轻拿轻放，清理"
	    "现场，带走垃圾", NULL, 0, 1 },
	{ "A19.ask", "离开前是否询问您还有无其他问题？", "离开前询问还有无其他"
	    "问题", NULL, 0, 0 },
	{ "A20.apology", "工作人员是否为产品故障给您带来的不便致歉？", "为产品"
	    "故障带来的不便致歉", "repair", 0, 0 },
};

/* The seed's checklist, for a config that does not give its own. */
void
svc_conduct_defaults(struct svc_conf *c)
{
	size_t i;

	c->nconduct = (int)(sizeof seed / sizeof seed[0]);
	c->conduct = svc_xmalloc(sizeof seed / sizeof seed[0] *
	    sizeof *c->conduct);
	for (i = 0; i < sizeof seed / sizeof seed[0]; i++) {
		struct svc_conduct *k = &c->conduct[i];

		memset(k, 0, sizeof *k);
		k->id = svc_strdup(seed[i].id);
		k->question = svc_strdup(seed[i].question);
		k->reminder = svc_strdup(seed[i].reminder);
		if (seed[i].kind) {
			k->kinds = svc_xmalloc(sizeof *k->kinds);
			k->kinds[k->nkinds++] = svc_strdup(seed[i].kind);
		}
		k->breach = seed[i].breach;
		k->major = seed[i].major;
	}
}

void
svc_conduct_free(struct svc_conf *c)
{
	int i, j;

	for (i = 0; i < c->nconduct; i++) {
		struct svc_conduct *k = &c->conduct[i];

		free(k->id);
		free(k->question);
		free(k->reminder);
		for (j = 0; j < k->nkinds; j++)
			free(k->kinds[j]);
		free(k->kinds);
	}
	free(c->conduct);
	c->conduct = NULL;
	c->nconduct = 0;
}

/* Whether item k is asked on an order of kind. */
int
svc_conduct_asks(const struct svc_conduct *k, const char *kind)
{
	int i;

	if (k->nkinds == 0)
		return 1;
	for (i = 0; i < k->nkinds; i++)
		if (strcmp(k->kinds[i], kind) == 0)
			return 1;
	return 0;
}

const struct svc_conduct *
svc_conduct_find(const struct svc_conf *c, const char *id)
{
	int i;

	for (i = 0; i < c->nconduct; i++)
		if (strcmp(c->conduct[i].id, id) == 0)
			return &c->conduct[i];
	return NULL;
}

/* yes/no, as a person types them: yes no y n 是 否. */
static int
answer_of(const char *s, int *yes)
{
	if (!strcmp(s, "yes") || !strcmp(s, "y") || !strcmp(s, "是"))
		*yes = 1;
	else if (!strcmp(s, "no") || !strcmp(s, "n") || !strcmp(s, "否"))
		*yes = 0;
	else
		return -1;
	return 0;
}

/* One "item=answer" (or "item<TAB>answer") of an order of kind. */
static int
add_answer(const struct svc_conf *c, const char *kind, const char *item,
    size_t n, const char *answer, struct svc_answers *a, struct svc_err *e)
{
	const struct svc_conduct *k;
	char id[40];
	int yes, i;

	if (n == 0 || n >= sizeof id)
		return svc_seterr(e, SVC_EX_DATA, "%.*s: not a conduct item "
		    "(ID=yes or ID=no)", svc_utf8_cut(item, n, 40), item);
	memcpy(id, item, n);
	id[n] = '\0';
	if ((k = svc_conduct_find(c, id)) == NULL || !svc_conduct_asks(k, kind))
		return svc_seterr(e, SVC_EX_DATA, "%s: no such conduct item "
		    "for %s (svc-visit form lists them)", id, kind);
	if (answer_of(answer, &yes))
		return svc_seterr(e, SVC_EX_DATA, "%s: '%s' is not an answer "
		    "(yes or no)", id, answer);
	for (i = 0; i < a->n; i++)
		if (a->item[i] == k)
			return svc_seterr(e, SVC_EX_DATA, "%s: answered twice",
			    id);
	if (a->n == SVC_MAXANSWERS)
		return svc_seterr(e, SVC_EX_DATA, "more than %d answers",
		    SVC_MAXANSWERS);
	a->item[a->n] = k;
	a->yes[a->n++] = yes;
	return 0;
}

/*
 * "A16.gifts=no,A18.waste=yes": every item one of the kind's, every
 * answer yes or no, none twice; on any error nothing is taken.
 */
static int
parse_list(const struct svc_conf *c, const char *kind, const char *list,
    struct svc_answers *a, struct svc_err *e)
{
	const char *p = list, *end, *eq;
	char answer[16];
	size_t n;

	a->n = 0;
	while (*p) {
		end = p + strcspn(p, ",");
		eq = memchr(p, '=', (size_t)(end - p));
		n = eq ? (size_t)(end - eq - 1) : 0;
		if (eq == NULL || n >= sizeof answer)
			return svc_seterr(e, SVC_EX_DATA, "%.*s: expected "
			    "ID=yes or ID=no", svc_utf8_cut(p,
			    (size_t)(end - p), 60), p);
		memcpy(answer, eq + 1, n);
		answer[n] = '\0';
		if (add_answer(c, kind, p, (size_t)(eq - p), answer, a, e))
			return e->code;
		p = *end ? end + 1 : end;
	}
	return 0;
}

int
svc_conduct_parse(const struct svc_conf *c, int64_t order, const char *kind,
    const char *list, struct svc_answers *a, struct svc_err *e)
{
	char msg[sizeof e->msg];

	if (parse_list(c, kind, list, a, e) == 0)
		return 0;
	snprintf(msg, sizeof msg, "%s", e->msg);
	return svc_seterr(e, e->code, "%lld: %s", (long long)order, msg);
}

/* The visit the answers are about: the order's last done one. */
static int
done_visit(struct svc_db *db, int64_t order, int64_t *visit, int64_t *worker,
    struct svc_err *e)
{
	static const char sql[] = "SELECT id, worker_id FROM visit"
	    " WHERE order_id = ?1 AND outcome = 'done' ORDER BY no DESC LIMIT 1";
	struct svc_stmt *st;
	int rc;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	if ((rc = svc_step(st)) == SVC_ROW) {
		*visit = svc_col_int64(st, 0);
		*worker = svc_col_int64(st, 1);
	}
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_DATA, "%lld: no visit done to ask "
		    "about", (long long)order);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

static int
record_one(struct svc_db *db, int64_t order, int64_t visit, int64_t worker,
    const struct svc_conduct *k, int yes, const char *source,
    struct svc_err *e)
{
	static const char sql[] = "INSERT INTO conduct (order_id, visit_id,"
	    " worker_id, item, answer, breach, major, at, source, actor)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
	    " ON CONFLICT (visit_id, item) DO NOTHING";
	struct svc_stmt *st;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_int64(st, 1, order);
	svc_bind_int64(st, 2, visit);
	if (worker)
		svc_bind_int64(st, 3, worker);
	svc_bind_text(st, 4, k->id);
	svc_bind_text(st, 5, yes ? "yes" : "no");
	svc_bind_int(st, 6, yes == k->breach);
	svc_bind_int(st, 7, k->major);
	svc_bind_int64(st, 8, (int64_t)svc_now());
	svc_bind_text(st, 9, source);
	svc_bind_text(st, 10, svc_actor());
	if (svc_db_done(db, st, e))
		return e->code;
	if (svc_db_changes(db) == 0)
		return svc_seterr(e, SVC_EX_DATA, "%lld: %s was answered "
		    "already for this visit", (long long)order, k->id);
	return 0;
}

/*
 * The customer's answers about the order's last done visit, each once,
 * and their event; source is "done" (at the door) or "followup" (the
 * return call).
 */
int
svc_conduct_record(struct svc_db *db, int64_t order, const struct svc_answers *a,
    const char *source, struct svc_err *e)
{
	struct svc_json j;
	int64_t visit = 0, worker = 0;
	int i, breaches = 0;

	if (a->n == 0)
		return 0;
	if (done_visit(db, order, &visit, &worker, e))
		return e->code;
	for (i = 0; i < a->n; i++) {
		if (record_one(db, order, visit, worker, a->item[i], a->yes[i],
		    source, e))
			return e->code;
		breaches += a->yes[i] == a->item[i]->breach;
	}
	svc_json_begin(&j);
	svc_json_str(&j, "source", source);
	svc_buf_puts(&j.b, ",\"answers\":{");
	for (i = 0; i < a->n; i++) {
		if (i)
			svc_buf_putc(&j.b, ',');
		svc_buf_json_str(&j.b, a->item[i]->id);
		svc_buf_puts(&j.b, a->yes[i] ? ":\"yes\"" : ":\"no\"");
	}
	svc_buf_putc(&j.b, '}');
	j.n++;
	svc_json_int(&j, "breaches", breaches);
	return svc_event_json(db, order, NULL, "visit.conduct", &j, e);
}

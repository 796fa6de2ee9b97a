/*
 * yaml.c - a small document tree over libyaml's event parser.
 *
 * libyaml accepts a mapping with the same key twice and keeps both; a typo'd
 * or repeated key in a config or an import must not pass silently, so the
 * tree refuses duplicates.  Aliases are refused too (nothing here needs
 * them, and they are the classic way to blow a tree up), and nesting depth
 * is bounded.  Every node keeps its position for file:line:column errors.
 *
 * A tree lives in an arena of its own, freed in one go: an import builds
 * a tree for every record, some hundred small allocations each, and
 * their malloc and free were an eighth of reading export lines.
 */
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "svc.h"

struct ctx {
	yaml_parser_t p;
	const char *file;
	struct svc_yarena *a;	/* the tree being built */
	struct svc_err *e;
};

/*
 * An arena: blocks, each twice the last, taken from in order and never
 * given back one piece at a time.  The arena's handle is the first thing
 * in its first block.
 */
#define ALIGN _Alignof(max_align_t)
#define ROUND(n) (((n) + ALIGN - 1) / ALIGN * ALIGN)
struct block {
	struct block *prev;
	size_t used, cap;	/* bytes after the header */
};
struct svc_yarena {
	struct block *cur;
};

static struct block *
new_block(struct block *prev, size_t cap)
{
	struct block *b = svc_xmalloc(ROUND(sizeof *b) + cap);

	b->prev = prev;
	b->used = 0;
	b->cap = cap;
	return b;
}

void *
svc_yarena_alloc(struct svc_yarena *a, size_t n)
{
	struct block *b = a->cur;
	char *p;

	n = ROUND(n);
	if (b->cap - b->used < n)
		b = a->cur = new_block(b, n > 2 * b->cap ? n : 2 * b->cap);
	p = (char *)b + ROUND(sizeof *b) + b->used;
	b->used += n;
	return p;
}

/*
 * Spent arenas, kept for the next trees.  An import reads on one thread
 * and writes on another (ahead.c): freed by the writer, each tree's
 * blocks went back to the reader's heap under that heap's lock, against
 * the reader's own mallocs (a quarter more CPU for a YAML import).  A
 * spent arena keeps its first block, where a record fits.
 */
#define FIRST_BLOCK 16384
#define SPARE 160	/* more than ahead.c's REFILL */
static struct block *spare[SPARE];	/* first blocks, their arenas in them */
static int nspare;
static pthread_mutex_t spare_mu = PTHREAD_MUTEX_INITIALIZER;

struct svc_yarena *
svc_yarena_new(void)
{
	struct svc_yarena tmp = { NULL }, *a;

	pthread_mutex_lock(&spare_mu);
	if (nspare > 0)
		tmp.cur = spare[--nspare];
	pthread_mutex_unlock(&spare_mu);
	if (tmp.cur == NULL)
		tmp.cur = new_block(NULL, FIRST_BLOCK);
	tmp.cur->used = 0;
	a = svc_yarena_alloc(&tmp, sizeof *a);
	*a = tmp;
	return a;
}

void
svc_yarena_free(struct svc_yarena *a)
{
	struct block *b, *prev;

	if (a == NULL)
		return;
	for (b = a->cur; b->prev; b = prev) {	/* all but the first */
		prev = b->prev;
		free(b);
	}
	pthread_mutex_lock(&spare_mu);
	if (nspare < SPARE) {
		spare[nspare++] = b;
		b = NULL;
	}
	pthread_mutex_unlock(&spare_mu);
	free(b);
}

/* A copy of s in the arena, freed with the tree. */
char *
svc_yarena_strdup(struct svc_yarena *a, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(svc_yarena_alloc(a, n), s, n);
}

/* A node at line:col (1-based); the JSON Lines reader builds these too. */
struct svc_ynode *
svc_ynode_new(struct svc_yarena *a, enum svc_ytype t, int line, int col)
{
	struct svc_ynode *n = svc_yarena_alloc(a, sizeof *n);

	memset(n, 0, sizeof *n);
	n->type = t;
	n->line = line;
	n->col = col;
	n->arena = a;
	return n;
}

static struct svc_ynode *
new_node(struct ctx *c, enum svc_ytype t, const yaml_mark_t *m)
{
	return svc_ynode_new(c->a, t, (int)m->line + 1, (int)m->column + 1);
}

/* A scalar with its text in the same allocation. */
struct svc_ynode *
svc_yscalar_new(struct svc_yarena *a, int line, int col, const char *s,
    size_t len)
{
	struct svc_ynode *n = svc_yarena_alloc(a, sizeof *n + len + 1);

	memset(n, 0, sizeof *n);
	n->type = SVC_Y_SCALAR;
	n->line = line;
	n->col = col;
	n->arena = a;
	n->val = (char *)(n + 1);
	memcpy(n->val, s, len);
	n->val[len] = '\0';
	return n;
}

/* The whole tree n is in: call it with the root. */
void
svc_yaml_free(struct svc_ynode *n)
{
	if (n != NULL)
		svc_yarena_free(n->arena);
}

static int
parse_error(struct ctx *c)
{
	const yaml_mark_t *m = &c->p.problem_mark;

	if (c->p.error == YAML_MEMORY_ERROR)
		return svc_seterr(c->e, SVC_EX_SOFTWARE, "%s: out of memory",
		    c->file);
	if (c->p.error == YAML_READER_ERROR)
		return svc_seterr(c->e, SVC_EX_DATA, "%s: %s at byte %zu",
		    c->file, c->p.problem ? c->p.problem : "unreadable",
		    c->p.problem_offset);
	return svc_seterr(c->e, SVC_EX_DATA, "%s:%zu:%zu: %s%s%s", c->file,
	    m->line + 1, m->column + 1, c->p.problem ? c->p.problem : "error",
	    c->p.context ? " " : "", c->p.context ? c->p.context : "");
}

static int
next(struct ctx *c, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&c->p, ev))
		return parse_error(c);
	return 0;
}

/*
 * Room for one more kid (and, in a map, its key): arrays grow by doubling
 * (the arrays outgrown stay in the arena till the tree goes).  A map's
 * kids, keys and the keys' lines and columns share one allocation.
 */
static void
make_room(struct svc_ynode *n)
{
	struct svc_ynode **kids;
	size_t was = (size_t)n->n, each = sizeof *kids;
	int map = n->type == SVC_Y_MAP, cap;

	if (n->n < n->cap)
		return;
	cap = n->cap ? 2 * n->cap : map ? 16 : 4;
	if (map)
		each += sizeof *n->keys + 2 * sizeof *n->kline;
	kids = svc_yarena_alloc(n->arena, (size_t)cap * each);
	if (was)
		memcpy(kids, n->kids, was * sizeof *kids);
	if (map) {
		char **keys = (char **)(kids + cap);
		int *kline = (int *)(keys + cap), *kcol = kline + cap;

		if (was) {
			memcpy(keys, n->keys, was * sizeof *keys);
			memcpy(kline, n->kline, was * sizeof *kline);
			memcpy(kcol, n->kcol, was * sizeof *kcol);
		}
		n->keys = keys;
		n->kline = kline;
		n->kcol = kcol;
	}
	n->kids = kids;
	n->cap = cap;
}

void
svc_ynode_add(struct svc_ynode *n, struct svc_ynode *kid)
{
	make_room(n);
	n->kids[n->n++] = kid;
}

static struct svc_ynode *parse_node(struct ctx *, yaml_event_t *, int depth);

static struct svc_ynode *
parse_seq(struct ctx *c, const yaml_mark_t *start, int depth)
{
	struct svc_ynode *n = new_node(c, SVC_Y_SEQ, start), *kid;
	yaml_event_t ev;

	/* a failure leaves what was built to the arena, freed at the top */
	for (;;) {
		if (next(c, &ev) != 0)
			return NULL;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			return n;
		}
		if ((kid = parse_node(c, &ev, depth + 1)) == NULL)
			return NULL;
		svc_ynode_add(n, kid);
	}
}

/*
 * A map's next key, refused when the map has it already; stored but not
 * counted until its value is added (svc_ynode_add).
 */
int
svc_ynode_key(struct svc_ynode *n, const char *key, int line, int col,
    const char *file, struct svc_err *e)
{
	int i;

	for (i = 0; i < n->n; i++)
		if (svc_key_eq(n->keys[i], key))
			return svc_seterr(e, SVC_EX_DATA, "%s:%d:%d: "
			    "duplicate key '%s' (first at line %d)", file,
			    line, col, key, n->kline[i]);
	make_room(n);
	n->keys[n->n] = svc_yarena_strdup(n->arena, key);
	n->kline[n->n] = line;
	n->kcol[n->n] = col;
	return 0;
}

static struct svc_ynode *
parse_map(struct ctx *c, const yaml_mark_t *start, int depth)
{
	struct svc_ynode *n = new_node(c, SVC_Y_MAP, start), *kid;
	yaml_event_t ev;
	int rc;

	for (;;) {		/* a failure: as in parse_seq */
		if (next(c, &ev) != 0)
			return NULL;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return n;
		}
		if (ev.type != YAML_SCALAR_EVENT) {
			svc_seterr(c->e, SVC_EX_DATA, "%s:%zu:%zu: a key must "
			    "be plain text", c->file, ev.start_mark.line + 1,
			    ev.start_mark.column + 1);
			yaml_event_delete(&ev);
			return NULL;
		}
		rc = svc_ynode_key(n, (const char *)ev.data.scalar.value,
		    (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
		    c->file, c->e);
		yaml_event_delete(&ev);
		if (rc != 0 || next(c, &ev) != 0 ||
		    (kid = parse_node(c, &ev, depth + 1)) == NULL)
			return NULL;
		svc_ynode_add(n, kid);
	}
}

/* Consumes ev. */
static struct svc_ynode *
parse_node(struct ctx *c, yaml_event_t *ev, int depth)
{
	struct svc_ynode *n = NULL;
	yaml_mark_t m = ev->start_mark;

	if (depth > SVC_YAML_MAXDEPTH) {
		svc_seterr(c->e, SVC_EX_DATA, "%s:%zu:%zu: nested deeper than "
		    "%d levels", c->file, m.line + 1, m.column + 1,
		    SVC_YAML_MAXDEPTH);
		yaml_event_delete(ev);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = svc_yscalar_new(c->a, (int)m.line + 1, (int)m.column + 1,
		    (const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		n->block = ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
		    ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
		yaml_event_delete(ev);
		return n;
	case YAML_SEQUENCE_START_EVENT:
		yaml_event_delete(ev);
		return parse_seq(c, &m, depth);
	case YAML_MAPPING_START_EVENT:
		yaml_event_delete(ev);
		return parse_map(c, &m, depth);
	case YAML_ALIAS_EVENT:
		svc_seterr(c->e, SVC_EX_DATA, "%s:%zu:%zu: aliases are not "
		    "supported", c->file, m.line + 1, m.column + 1);
		break;
	default:
		svc_seterr(c->e, SVC_EX_DATA, "%s:%zu:%zu: unexpected YAML "
		    "event", c->file, m.line + 1, m.column + 1);
		break;
	}
	yaml_event_delete(ev);
	return n;
}

/* One document; an empty one is an empty mapping. */
static struct svc_ynode *
parse_stream(struct ctx *c)
{
	struct svc_ynode *root = NULL;
	yaml_event_t ev;
	yaml_mark_t m;

	if (next(c, &ev) != 0)
		return NULL;
	yaml_event_delete(&ev);	/* stream start */
	if (next(c, &ev) != 0)
		return NULL;
	m = ev.start_mark;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		return new_node(c, SVC_Y_MAP, &m);
	}
	yaml_event_delete(&ev);	/* document start */
	if (next(c, &ev) != 0 || (root = parse_node(c, &ev, 0)) == NULL)
		return NULL;
	if (next(c, &ev) != 0)	/* document end */
		return NULL;
	yaml_event_delete(&ev);
	if (next(c, &ev) != 0)
		return NULL;
	if (ev.type != YAML_STREAM_END_EVENT) {
		svc_seterr(c->e, SVC_EX_DATA, "%s:%zu:%zu: only one YAML "
		    "document is allowed", c->file, ev.start_mark.line + 1,
		    ev.start_mark.column + 1);
		yaml_event_delete(&ev);
		return NULL;
	}
	yaml_event_delete(&ev);
	return root;
}

/* The document in its own arena, or NULL (and no arena). */
static struct svc_ynode *
load(struct ctx *c)
{
	struct svc_ynode *root;

	c->a = svc_yarena_new();
	if ((root = parse_stream(c)) == NULL)
		svc_yarena_free(c->a);
	return root;
}

struct svc_ynode *
svc_yaml_load(const char *path, struct svc_err *e)
{
	struct ctx c = { .file = path, .e = e };
	struct svc_ynode *root;
	FILE *f;

	if (strcmp(path, "-") == 0) {
		f = stdin;
		c.file = "<stdin>";
	} else if ((f = svc_user_fopen(path, "rb")) == NULL) {
		svc_seterr(e, SVC_EX_NOINPUT, "%s: %s", path, strerror(errno));
		return NULL;
	}
	yaml_parser_initialize(&c.p);
	yaml_parser_set_input_file(&c.p, f);
	root = load(&c);
	yaml_parser_delete(&c.p);
	if (f != stdin)
		fclose(f);
	return root;
}

struct svc_ynode *
svc_yaml_load_string(const char *name, const char *text, struct svc_err *e)
{
	struct ctx c = { .file = name, .e = e };
	struct svc_ynode *root;

	yaml_parser_initialize(&c.p);
	yaml_parser_set_input_string(&c.p, (const unsigned char *)text,
	    strlen(text));
	root = load(&c);
	yaml_parser_delete(&c.p);
	return root;
}

struct svc_ynode *
svc_ymap_get(const struct svc_ynode *n, const char *key)
{
	int i;

	if (n == NULL || n->type != SVC_Y_MAP)
		return NULL;
	for (i = 0; i < n->n; i++)
		if (svc_key_eq(n->keys[i], key))
			return n->kids[i];
	return NULL;
}

int
svc_yerr(struct svc_err *e, int code, const char *file,
    const struct svc_ynode *n, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return svc_seterr(e, code, "%s:%d:%d: %s", file, n ? n->line : 0,
	    n ? n->col : 0, msg);
}

/*
 * Each key is looked for from where the one before it was found, round
 * the list: a file that writes its keys in the list's order (svc-order
 * export and import's own list) finds each at the first try.
 */
int
svc_ycheck_keys(const struct svc_ynode *n, const char *const *allowed,
    const char *file, struct svc_err *e)
{
	int i, k, nallowed, from = 0;

	for (nallowed = 0; allowed[nallowed]; nallowed++)
		;
	for (i = 0; i < n->n; i++) {
		for (k = 0; k < nallowed; k++)
			if (svc_key_eq(allowed[(from + k) % nallowed],
			    n->keys[i]))
				break;
		if (k == nallowed)
			return svc_seterr(e, SVC_EX_DATA, "%s:%d:%d: unknown "
			    "key '%s'", file, n->kline[i], n->kcol[i],
			    n->keys[i]);
		from = (from + k + 1) % nallowed;
	}
	return 0;
}

/*
 * A long list, one item at a time: an import of 100,000 records keeps one
 * record's tree in memory, not the whole file's.  fn returns non-zero to
 * stop.  An empty document is an empty list.
 */
static int
each_in_seq(struct ctx *c, svc_ytake_fn take, void *arg)
{
	struct svc_ynode *item;
	yaml_event_t ev;
	int rc;

	for (;;) {
		if (next(c, &ev) != 0)
			return c->e->code;
		if (ev.type == YAML_SEQUENCE_END_EVENT) {
			yaml_event_delete(&ev);
			return 0;
		}
		c->a = svc_yarena_new();
		if ((item = parse_node(c, &ev, 1)) == NULL) {
			svc_yarena_free(c->a);
			return c->e->code;
		}
		if ((rc = take(item, arg)) != 0)
			return rc;
	}
}

static int
each_stream(struct ctx *c, svc_ytake_fn take, void *arg)
{
	yaml_event_t ev;
	int rc;

	if (next(c, &ev) != 0)
		return c->e->code;
	yaml_event_delete(&ev);	/* stream start */
	if (next(c, &ev) != 0)
		return c->e->code;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		return 0;
	}
	yaml_event_delete(&ev);	/* document start */
	if (next(c, &ev) != 0)
		return c->e->code;
	if (ev.type != YAML_SEQUENCE_START_EVENT) {
		svc_seterr(c->e, SVC_EX_DATA, "%s:%zu:%zu: expected a list of "
		    "records", c->file, ev.start_mark.line + 1,
		    ev.start_mark.column + 1);
		yaml_event_delete(&ev);
		return c->e->code;
	}
	yaml_event_delete(&ev);
	if ((rc = each_in_seq(c, take, arg)) != 0)
		return rc;
	if (next(c, &ev) != 0)	/* document end */
		return c->e->code;
	yaml_event_delete(&ev);
	if (next(c, &ev) != 0)
		return c->e->code;
	if (ev.type != YAML_STREAM_END_EVENT)
		svc_seterr(c->e, SVC_EX_DATA, "%s:%zu:%zu: only one YAML "
		    "document is allowed", c->file, ev.start_mark.line + 1,
		    ev.start_mark.column + 1);
	yaml_event_delete(&ev);
	return c->e->code;
}

/* An open file of records, JSON Lines or a YAML list. */
struct source {
	FILE *f;
	char *file;
	const char *const *unread;
};

static int
read_source(void *src, svc_ytake_fn take, void *arg, struct svc_err *e)
{
	struct source *s = src;
	struct ctx c = { .file = s->file, .e = e };
	int ch, rc;

	/* Only a peek: skipping anything would shift libyaml's lines. */
	if ((ch = getc(s->f)) != EOF)
		ungetc(ch, s->f);
	if (ch == '{')
		return svc_jsonl_each(s->f, s->file, s->unread, take, arg, e);
	yaml_parser_initialize(&c.p);
	yaml_parser_set_input_file(&c.p, s->f);
	rc = each_stream(&c, take, arg);
	yaml_parser_delete(&c.p);
	return rc;
}

static void
release_source(void *src)
{
	struct source *s = src;

	if (s->f != stdin)
		fclose(s->f);
	free(s->file);
	free(s);
}

int
svc_yaml_each(const char *path, const char *const *unread, svc_yprep_fn prep,
    svc_yitem_fn fn, void *arg, struct svc_err *e)
{
	struct source *s;
	FILE *f = stdin;
	int rc;

	if (strcmp(path, "-") != 0 && (f = svc_user_fopen(path, "rb")) == NULL)
		return svc_seterr(e, SVC_EX_NOINPUT, "%s: %s", path,
		    strerror(errno));
	/* the reader's for as long as it reads (ahead.c) */
	s = svc_xmalloc(sizeof *s);
	*s = (struct source){ f, svc_strdup(f == stdin ? "<stdin>" : path),
	    unread };
	rc = svc_yread_ahead(read_source, s, release_source, prep, fn, arg,
	    e);
	return rc ? rc : e->code;
}

/*
 * jsonl.c - JSON Lines, as svc-order export writes them, read into the
 * tree yaml.c builds (struct svc_ynode), so that an import takes a YAML
 * list and an export's lines through the same record function.
 *
 * libyaml read these lines before, as flow mappings: correct, but an
 * export line is mostly its visits and events, which an import ignores,
 * and libyaml tokenised and the tree allocated every one of them (87 % of
 * an import's time, 7,800 orders/s against 50,000 from YAML).  This reader
 * is strict RFC 8259 (no comments, no trailing commas, no bare words but
 * true, false and null, UTF-8 only, control characters refused) with the
 * tree's own rules (a repeated key is refused, depth is bounded, every
 * node keeps its line and column, counted in characters as libyaml counts
 * them).  UTF-8 is checked in the strings, the one place a byte above
 * ASCII may stand (anywhere else the grammar refuses it), and only in
 * the runs that hold one.  The values of a record's keys named in
 * `unread` are checked to be JSON but not built: the key stays, with an
 * empty plain scalar for its value, so a misspelt key is still refused
 * by the caller.
 *
 * A JSON string is a quoted scalar; numbers, true, false and null are
 * plain ones, as a YAML reader sees them in a flow mapping.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

struct jp {
	const char *p;		/* next byte */
	const char *end;	/* the text's NUL */
	const char *file;
	int line;
	const char *colp;	/* where col was counted to */
	int col;		/* the column (characters) of colp, 1-based */
	const char *const *unread;
	struct svc_buf str;	/* the string being decoded */
	struct svc_yarena *a;	/* the tree's */
	struct svc_err *e;
};

#define ONES 0x0101010101010101ULL

/*
 * The column of p; positions are asked for in increasing order.  A
 * character is a byte that is not a continuation (10xxxxxx), counted
 * eight bytes at a time: the columns of a record's last keys lie past
 * most of its bytes.  A word's continuations, one in the low bit of each
 * of its bytes, are summed into the top byte by a multiplication (a
 * popcount is a library call in a build for any x86-64).
 */
static int
column(struct jp *j, const char *p)
{
	uint64_t w;

	for (; p - j->colp >= 8; j->colp += 8) {
		memcpy(&w, j->colp, sizeof w);
		j->col += 8 - (int)((((w & ~(w << 1)) >> 7) & ONES) * ONES >>
		    56);
	}
	for (; j->colp < p; j->colp++)
		if ((*(const unsigned char *)j->colp & 0xC0) != 0x80)
			j->col++;
	return j->col;
}

static int
fail(struct jp *j, const char *what)
{
	if (j->e->code == 0)
		svc_seterr(j->e, SVC_EX_DATA, "%s:%d:%d: %s", j->file, j->line,
		    column(j, j->p), _(what));
	return -1;
}

static void
blanks(struct jp *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n')
		j->p++;
}

static int
hex4(const char *p, long *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		*v <<= 4;
		if (p[i] >= '0' && p[i] <= '9')
			*v |= p[i] - '0';
		else if (p[i] >= 'a' && p[i] <= 'f')
			*v |= p[i] - 'a' + 10;
		else if (p[i] >= 'A' && p[i] <= 'F')
			*v |= p[i] - 'A' + 10;
		else
			return -1;
	}
	return 0;
}

/*
 * \uXXXX, a surrogate pair as one character; p is at the backslash, and
 * stays there when the escape is refused.
 */
static int
unicode(struct jp *j, struct svc_buf *b)
{
	long c, lo;
	const char *q = j->p + 6;

	if (hex4(j->p + 2, &c))
		return fail(j, N_("bad \\u escape"));
	if (c >= 0xDC00 && c <= 0xDFFF)
		return fail(j, N_("a lone low surrogate"));
	if (c == 0)
		return fail(j, N_("\\u0000 in a string"));
	if (c >= 0xD800 && c <= 0xDBFF) {
		if (q[0] != '\\' || q[1] != 'u' || hex4(q + 2, &lo) ||
		    lo < 0xDC00 || lo > 0xDFFF)
			return fail(j,
			    N_("a high surrogate without its low one"));
		c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
		q += 6;
	}
	svc_utf8_put(b, c);
	j->p = q;
	return 0;
}

/* The bytes that end a run of a string's plain bytes. */
static const unsigned char special[256] = {
	[0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x10] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
};

/*
 * The top bits of a word of 8 bytes where it holds a '"', a '\\' or a
 * control character: each test sets a byte's top bit where it finds one
 * (and may set more above it, never one where there is none), so the
 * lowest bit set is the first special byte's.
 */
static uint64_t
specials(uint64_t w)
{
	uint64_t q = w ^ ONES * '"', b = w ^ ONES * '\\';

	return (((q - ONES) & ~q) | ((b - ONES) & ~b) |
	    ((w - ONES * 0x20) & ~w)) & ONES * 0x80;
}

/*
 * The first special byte from p: eight at a time while the text lasts.
 * Most of an export line is strings (the events' Chinese), and a byte
 * at a time was a sixth of an import's time.  *wide is set when the run
 * holds a byte above ASCII, which only then needs its UTF-8 checked.
 */
static const char *
plain(const char *p, const char *end, int *wide)
{
	uint64_t w, m, any = 0;

	for (; end - p >= 8; p += 8) {
		memcpy(&w, p, sizeof w);
		if ((m = specials(w)) == 0) {
			any |= w;
			continue;
		}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* the first byte in memory is the word's lowest: the
		 * special one is found without a byte loop (most strings
		 * are short, a time or a key, and end in the word read) */
		*wide = ((any | (w & ((m & -m) - 1))) & ONES * 0x80) != 0;
		return p + __builtin_ctzll(m) / 8;
#else
		break;
#endif
	}
	for (; !special[(unsigned char)*p]; p++)
		any |= (unsigned char)*p;
	*wide = (any & ONES * 0x80) != 0;
	return p;
}

/* A string at its opening quote into j->str (or only checked). */
static int
string(struct jp *j, int keep)
{
	static const char plain_esc[] = "\"\\/bfnrt", as[] = "\"\\/\b\f\n\r\t";
	const char *run, *esc, *bad;
	int wide;

	if (keep)
		svc_buf_reset(&j->str);
	for (run = ++j->p;; run = j->p) {
		j->p = plain(j->p, j->end, &wide);
		if (wide && (bad = svc_utf8_invalid(run, j->p)) != NULL) {
			j->p = bad;
			return fail(j, N_("not UTF-8"));
		}
		if (keep)
			svc_buf_add(&j->str, run, (size_t)(j->p - run));
		if (*j->p == '"') {
			j->p++;
			return 0;
		}
		if (*j->p == '\0' || *j->p == '\n')
			return fail(j, N_("a string not closed on its line"));
		if (*j->p != '\\')
			return fail(j, N_("a control character in a string"));
		if (j->p[1] == 'u') {
			if (unicode(j, &j->str))
				return -1;
		} else if (j->p[1] && (esc = strchr(plain_esc, j->p[1]))) {
			if (keep)
				svc_buf_putc(&j->str, as[esc - plain_esc]);
			j->p += 2;
		} else {
			return fail(j, N_("bad escape in a string"));
		}
	}
}

static const char *
digits(const char *p)
{
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

/* A number, true, false or null: its end, or NULL. */
static const char *
bare(const char *p)
{
	const char *q;

	if ((*p == 't' && strncmp(p, "true", 4) == 0) ||
	    (*p == 'n' && strncmp(p, "null", 4) == 0))
		return p + 4;
	if (*p == 'f' && strncmp(p, "false", 5) == 0)
		return p + 5;
	q = p + (*p == '-');
	if (*q == '0')
		q++;
	else if (*q >= '1' && *q <= '9')
		q = digits(q);
	else
		return NULL;
	if (*q == '.' && (q[1] < '0' || q[1] > '9'))
		return NULL;
	if (*q == '.')
		q = digits(q + 1);
	if (*q == 'e' || *q == 'E') {
		q += q[1] == '+' || q[1] == '-' ? 2 : 1;
		if (*q < '0' || *q > '9')
			return NULL;
		q = digits(q);
	}
	return q;
}

static int value(struct jp *, int depth, int keep, struct svc_ynode **);

static struct svc_ynode *
node(struct jp *j, enum svc_ytype t, int keep)
{
	return keep ? svc_ynode_new(j->a, t, j->line, column(j, j->p)) : NULL;
}

/* Whether a key of the record (the outermost map) is one never read. */
static int
unread(const struct jp *j, int depth, const char *key)
{
	const char *const *k;

	if (depth != 0 || j->unread == NULL)
		return 0;
	for (k = j->unread; *k; k++)
		if (svc_key_eq(*k, key))
			return 1;
	return 0;
}

/* What stands for a value not built: an empty plain scalar, as null. */
static struct svc_ynode *
unread_value(struct jp *j, int line, int col)
{
	return svc_yscalar_new(j->a, line, col, "", 0);
}

/* The members or items of an object or array, p at its first byte. */
static int
members(struct jp *j, struct svc_ynode *n, int map, int depth, int keep)
{
	struct svc_ynode *kid;
	char close = map ? '}' : ']';
	int line = j->line, col = 0, skip = 0;

	j->p++;
	blanks(j);
	if (*j->p == close) {
		j->p++;
		return 0;
	}
	for (;;) {
		if (map) {
			if (*j->p != '"')
				return fail(j, N_("expected a key in quotes"));
			/* counted only where a node is made: counting
			 * every byte of the unread was a third of a scan */
			if (keep)
				col = column(j, j->p);
			if (string(j, keep))
				return -1;
			skip = keep && unread(j, depth, j->str.s ? j->str.s :
			    "");
			if (keep && svc_ynode_key(n, j->str.s ? j->str.s : "",
			    line, col, j->file, j->e))
				return -1;
			blanks(j);
			if (*j->p != ':')
				return fail(j, N_("expected ':' after a key"));
			j->p++;
			blanks(j);
		}
		if (value(j, depth + 1, keep && !skip, &kid))
			return -1;
		if (keep)
			svc_ynode_add(n, kid ? kid : unread_value(j, line,
			    col));
		blanks(j);
		if (*j->p == close) {
			j->p++;
			return 0;
		}
		if (*j->p != ',')
			return fail(j, map ? N_("expected ',' or '}'") :
			    N_("expected ',' or ']'"));
		j->p++;
		blanks(j);
	}
}

/* One value; *out is its node, or NULL when not kept. */
static int
value(struct jp *j, int depth, int keep, struct svc_ynode **out)
{
	struct svc_ynode *n;
	const char *end;
	int col;

	*out = NULL;
	if (depth > SVC_YAML_MAXDEPTH)
		return fail(j, N_("nested too deep"));
	if (*j->p == '{' || *j->p == '[') {
		n = node(j, *j->p == '{' ? SVC_Y_MAP : SVC_Y_SEQ, keep);
		/* a failure leaves n to the arena, freed at the top */
		if (members(j, n, *j->p == '{', depth, keep))
			return -1;
		*out = n;
		return 0;
	}
	col = keep ? column(j, j->p) : 0;
	if (*j->p == '"') {
		if (string(j, keep))
			return -1;
		if (keep) {
			*out = svc_yscalar_new(j->a, j->line, col,
			    j->str.s ? j->str.s : "", j->str.len);
			(*out)->quoted = 1;
		}
	} else if ((end = bare(j->p)) != NULL) {
		if (keep)
			*out = svc_yscalar_new(j->a, j->line, col, j->p,
			    (size_t)(end - j->p));
		j->p = end;
	} else {
		return fail(j, N_("expected a value"));
	}
	return 0;
}

struct svc_ynode *
svc_json_parse(const char *file, int line, const char *text,
    const char *const *unread, struct svc_err *e)
{
	struct jp j = { text, text + strlen(text), file, line, text, 1, unread,
	    { 0 }, svc_yarena_new(), e };
	struct svc_ynode *root = NULL;
	int rc;

	blanks(&j);
	if ((rc = value(&j, 0, 1, &root)) == 0) {
		blanks(&j);
		if (*j.p != '\0')
			rc = fail(&j, N_("more after the value"));
	}
	if (rc != 0) {
		svc_yarena_free(j.a);	/* with what was built */
		root = NULL;
	}
	svc_buf_free(&j.str);
	return root;
}

int
svc_jsonl_each(FILE *f, const char *file, const char *const *unread,
    svc_ytake_fn take, void *arg, struct svc_err *e)
{
	struct svc_ynode *item;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	int line = 0, rc = 0;

	while (rc == 0 && (len = getline(&buf, &cap, f)) != -1) {
		line++;
		if (strlen(buf) != (size_t)len) {
			rc = svc_seterr(e, SVC_EX_DATA, "%s:%d: a NUL byte",
			    file, line);
			break;
		}
		if (buf[strspn(buf, " \t\r\n")] == '\0')
			continue;
		if ((item = svc_json_parse(file, line, buf, unread, e)) ==
		    NULL) {
			rc = e->code;
			break;
		}
		rc = take(item, arg);
	}
	free(buf);
	if (rc == 0 && ferror(f))
		rc = svc_seterr(e, SVC_EX_IOERR, "%s: %s", file,
		    strerror(errno));
	return rc;
}

/*
 * buf.c - a growable string, the allocation helpers, and JSON escaping.
 * Escaping is written once here and used by the JSON writer and the event
 * details alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

void *
svc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		svc_die(SVC_EX_SOFTWARE, "out of memory");
	return p;
}

void *
svc_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		svc_die(SVC_EX_SOFTWARE, "out of memory");
	return p;
}

char *
svc_strdup(const char *s)
{
	size_t n;
	char *p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	p = svc_xmalloc(n);
	memcpy(p, s, n);
	return p;
}

/*
 * v in decimal into the end of buf[24]; returns where its text starts.
 * Written out, not printf'd: a listing prints an id on every row and the
 * sealed log hashes a number in every row, where snprintf cost some 800
 * instructions a number (a tenth of an import, a fifth of a long output).
 */
char *
svc_decimal(int64_t v, char buf[24])
{
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	char *p = buf + 23;

	*p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	return p;
}

static void
grow(struct svc_buf *b, size_t need)
{
	if (b->len + need + 1 <= b->cap)
		return;
	while (b->len + need + 1 > b->cap)
		b->cap = b->cap ? b->cap * 2 : 64;
	b->s = svc_xrealloc(b->s, b->cap);
}

void
svc_buf_add(struct svc_buf *b, const char *s, size_t n)
{
	grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
svc_buf_puts(struct svc_buf *b, const char *s)
{
	svc_buf_add(b, s, strlen(s));
}

/* A byte at a time is how JSON and tables are punctuated: no memcpy. */
void
svc_buf_putc(struct svc_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

void
svc_buf_printf(struct svc_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* A byte JSON takes as it is in a string (UTF-8's bytes among them). */
static int
json_plain(unsigned char c)
{
	return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f;
}

/*
 * UTF-8 passes through untouched; only what JSON forbids is escaped.  The
 * plain runs between are copied whole: a byte at a time was most of
 * writing an event's details and an export's lines.
 */
void
svc_buf_json_str(struct svc_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *run;

	svc_buf_putc(b, '"');
	for (;;) {
		for (run = p; json_plain(*p); p++)
			;
		svc_buf_add(b, (const char *)run, (size_t)(p - run));
		switch (*p) {
		case '\0': svc_buf_putc(b, '"'); return;
		case '"':  svc_buf_puts(b, "\\\""); break;
		case '\\': svc_buf_puts(b, "\\\\"); break;
		case '\n': svc_buf_puts(b, "\\n"); break;
		case '\r': svc_buf_puts(b, "\\r"); break;
		case '\t': svc_buf_puts(b, "\\t"); break;
		default:   svc_buf_printf(b, "\\u%04x", *p);
		}
		p++;
	}
}

void
svc_buf_reset(struct svc_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
svc_buf_truncate(struct svc_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->s[len] = '\0';
	}
}

void
svc_buf_free(struct svc_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void
svc_json_begin(struct svc_json *j)
{
	memset(j, 0, sizeof *j);
	svc_buf_putc(&j->b, '{');
}

static void
json_key(struct svc_json *j, const char *key)
{
	if (j->n++)
		svc_buf_putc(&j->b, ',');
	svc_buf_json_str(&j->b, key);
	svc_buf_putc(&j->b, ':');
}

void
svc_json_str(struct svc_json *j, const char *key, const char *val)
{
	json_key(j, key);
	if (val == NULL)
		svc_buf_puts(&j->b, "null");
	else
		svc_buf_json_str(&j->b, val);
}

void
svc_json_int(struct svc_json *j, const char *key, int64_t val)
{
	char d[24];

	json_key(j, key);
	svc_buf_puts(&j->b, svc_decimal(val, d));
}

/* The text stays owned by the builder: free it with svc_buf_free(&j->b). */
const char *
svc_json_end(struct svc_json *j)
{
	svc_buf_putc(&j->b, '}');
	return j->b.s;
}

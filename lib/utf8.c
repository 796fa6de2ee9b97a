/*
 * utf8.c - display width of UTF-8 text.  Chinese names and addresses are two
 * columns wide on a terminal; tables align by this width and abbreviate only
 * between characters.  Our own small table, so that the result does not
 * depend on the locale a cron job happens to run under.
 */
#include <string.h>

#include "svc.h"

struct range {
	unsigned lo, hi;
};

/* East Asian Wide and Fullwidth blocks that occur in names and addresses. */
static const struct range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff },
	{ 0xa000, 0xa4cf }, { 0xa960, 0xa97f }, { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfaff }, { 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
	{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

/* Combining marks and invisible format characters take no column. */
static const struct range zero[] = {
	{ 0x0300, 0x036f }, { 0x200b, 0x200f }, { 0x2028, 0x202e },
	{ 0x2060, 0x2064 }, { 0xfe00, 0xfe0f }, { 0xfeff, 0xfeff },
};

static int
in(const struct range *r, size_t n, unsigned c)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c >= r[i].lo && c <= r[i].hi)
			return 1;
	return 0;
}

/*
 * Decode one character at s; return its length in bytes (at least 1) and
 * store the code point, or -1 for a byte that starts no valid sequence.
 */
static int
decode(const unsigned char *s, long *cp)
{
	int len, i;
	long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff)) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return len;
}

static int
char_width(long c)
{
	if (c < 0)
		return 1;	/* a stray byte still occupies a cell */
	if (c < 0x20 || c == 0x7f)
		return 0;
	if (in(zero, sizeof zero / sizeof zero[0], (unsigned)c))
		return 0;
	if (in(wide, sizeof wide / sizeof wide[0], (unsigned)c))
		return 2;
	return 1;
}

int
svc_utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;
	long c;

	while (*p) {
		p += decode(p, &c);
		w += char_width(c);
	}
	return w;
}

/* The longest prefix of s that fits in maxw columns, never half a character. */
size_t
svc_utf8_fit(const char *s, int maxw, int *width)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0, cw, len;
	long c;

	while (*p) {
		len = decode(p, &c);
		cw = char_width(c);
		if (w + cw > maxw)
			break;
		w += cw;
		p += len;
	}
	if (width)
		*width = w;
	return (size_t)(p - (const unsigned char *)s);
}

/*
 * How many of the first len bytes of s to show in a message: at most
 * maxw columns, cut at a character, never inside one (len itself ends at
 * a delimiter the caller found).  An int, for "%.*s".
 */
int
svc_utf8_cut(const char *s, size_t len, int maxw)
{
	size_t n = svc_utf8_fit(s, maxw, NULL);

	return (int)(n < len ? n : len);
}

/*
 * The first byte of s..end that does not start a valid UTF-8 sequence, or
 * NULL.  end lies at an ASCII byte or the NUL, so a sequence cut by it
 * fails on that byte: the JSON reader checks each run of a string this
 * way, between its quotes and escapes, and reads the rest as ASCII.
 */
const char *
svc_utf8_invalid(const char *s, const char *end)
{
	const unsigned char *p = (const unsigned char *)s;
	long c;

	while (p < (const unsigned char *)end) {
		if (*p < 0x80) {	/* most bytes: the import reads them all */
			p++;
			continue;
		}
		/* Most of the rest are Chinese: three bytes whose lead takes
		 * any continuation (not E0's overlongs, not ED's surrogates) */
		if (*p >= 0xE1 && *p <= 0xEF && *p != 0xED &&
		    (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
			p += 3;
			continue;
		}
		p += decode(p, &c);
		if (c < 0)
			return (const char *)p - 1;
	}
	return NULL;
}

int
svc_utf8_valid(const char *s)
{
	return svc_utf8_invalid(s, s + strlen(s)) == NULL;
}

/* Code point c (at most U+10FFFF, no surrogate) as UTF-8 onto b. */
void
svc_utf8_put(struct svc_buf *b, long c)
{
	char u[4];
	int n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4, i;
	static const unsigned char lead[] = { 0, 0, 0xC0, 0xE0, 0xF0 };

	for (i = n - 1; i > 0; i--, c >>= 6)
		u[i] = (char)(0x80 | (c & 0x3F));
	u[0] = (char)(lead[n] | c);
	svc_buf_add(b, u, (size_t)n);
}

/* Spaces that make a text look filled when it is not: ASCII, U+3000. */
static int
blank(const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			continue;
		if (strncmp(s, "\xe3\x80\x80", 3) == 0) {
			s += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

/*
 * The one validator of free text from a person (issue "Checks a cron job
 * can trust"): valid UTF-8; no control character, C0, DEL or C1 (an
 * escape stored now is an escape printed on a terminal or a receipt
 * printer later); one-line fields refuse TAB and newline too, a multi-line
 * field keeps newlines; at most max bytes; and, when required, not blank
 * (three spaces are not a reason, G5).  NULL is "not given".
 */
int
svc_text_ok(const char *what, const char *s, int flags, size_t max,
    struct svc_err *e)
{
	const unsigned char *p = (const unsigned char *)s;
	long c;
	int n;

	if (s == NULL || *s == '\0' || ((flags & SVC_TEXT_REQUIRED) &&
	    blank(s)))
		return (flags & SVC_TEXT_REQUIRED) ? svc_seterr(e, SVC_EX_DATA,
		    "%s is required%s", what, s && *s ? " (it is blank)" :
		    "") : 0;
	for (; *p; p += n) {
		n = decode(p, &c);
		if (c < 0)
			return svc_seterr(e, SVC_EX_DATA, "%s: not valid UTF-8",
			    what);
		if (c == '\n' && (flags & SVC_TEXT_LINES))
			continue;
		if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
			return svc_seterr(e, SVC_EX_DATA, "%s: control "
			    "character U+%04lX not allowed%s", what, c,
			    (flags & SVC_TEXT_LINES) ? "" : " (one line)");
	}
	if (strlen(s) > max)
		return svc_seterr(e, SVC_EX_DATA, "%s: longer than %zu bytes",
		    what, max);
	return 0;
}

/*
 * Make stored text safe to print on a terminal or a receipt printer: a
 * control character (C0, DEL, or C1 such as the one-byte CSI) becomes a
 * space, so no escape sequence from the database reaches the device.
 * Rows stored before the validator existed may hold them.  Newlines (and
 * TABs) stay when keep_lines is set, for multi-line texts.  In place;
 * returns the new length.
 */
size_t
svc_text_defang(char *s, size_t len, int keep_lines)
{
	size_t i, j;

	for (i = j = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] < 0xa0) {
			s[j++] = ' ';
			i++;
		} else if ((c < 0x20 || c == 0x7f) &&
		    !(keep_lines && (c == '\n' || c == '\t')))
			s[j++] = ' ';
		else
			s[j++] = (char)c;
	}
	if (j < len)
		s[j] = '\0';
	return j;
}

/*
 * out.c - the writers of DESIGN section 2, driven by a table of modes
 * rather than a switch in every command (the sqlite shell's aModeInfo).
 *
 * tsv, csv and json stream a row as soon as it is complete, so memory does
 * not grow with the number of rows; only the table keeps rows, because it
 * must know the widest cell before it prints the first line.  Tables align
 * by display width (a Chinese character is two columns) and are the only
 * format allowed to abbreviate.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "svc.h"

/* CELL_OWN: text svc formatted itself (times, money), never a person's. */
enum cellkind { CELL_NULL, CELL_TEXT, CELL_OWN, CELL_NUMBER, CELL_BOOL };

struct cell {
	char *s;
	enum cellkind kind;
};

struct mode {
	const char *name;
	const char *sep, *eol;
	int header_default;	/* header unless asked (-H adds it to tsv) */
	void (*encode)(struct svc_buf *, const struct cell *);
	int iso_times;		/* ISO 8601 with offset, not local text */
};

struct svc_out {
	FILE *f;
	const struct mode *m;
	struct svc_view v;
	const struct svc_col *cols;
	int ncols, header;
	int *shown, nshown;	/* -F: the columns shown, in order */
	int direct;		/* streamed as it comes: no -F to reorder */
	struct cell *row;	/* the row being built */
	int ncell;
	struct cell *kept;	/* table: every row */
	size_t nkept, capkept, nrows;
	unsigned char *marks;	/* table: a row marked overdue or late */
	int mark, nmarked;	/* the row being built; how many */
	struct svc_buf line;
};

/* Tabs and newlines inside a value would break the one-line record. */
static void
enc_tsv(struct svc_buf *b, const struct cell *c)
{
	const char *p;
	size_t n;

	if (c->kind == CELL_NULL)
		return;
	/* Copy the runs between escapes whole: most fields have none. */
	for (p = c->s; *p; p++) {
		n = strcspn(p, "\t\n\r\\");
		svc_buf_add(b, p, n);
		p += n;
		switch (*p) {
		case '\0': return;
		case '\t': svc_buf_puts(b, "\\t"); break;
		case '\n': svc_buf_puts(b, "\\n"); break;
		case '\r': svc_buf_puts(b, "\\r"); break;
		case '\\': svc_buf_puts(b, "\\\\"); break;
		}
	}
}

/*
 * A text a spreadsheet would take for a formula (=, +, -, @, or a TAB or
 * CR before one): OWASP's advice for CSV injection is a leading
 * apostrophe inside a quoted field.  Numbers and money are svc's own
 * digits ("-12.00" stays a number); only stored text is neutralised.
 */
static int
formula_like(const struct cell *c)
{
	return c->kind == CELL_TEXT && c->s[0] != '\0' &&
	    strchr("=+-@\t\r", c->s[0]) != NULL;
}

/* RFC 4180: quote a field holding a comma, quote or line break. */
static void
enc_csv(struct svc_buf *b, const struct cell *c)
{
	const char *p;
	int formula;

	if (c->kind == CELL_NULL)
		return;
	formula = formula_like(c);
	if (!formula && strpbrk(c->s, ",\"\r\n") == NULL && c->s[0] != ' ') {
		svc_buf_puts(b, c->s);
		return;
	}
	svc_buf_putc(b, '"');
	if (formula)
		svc_buf_putc(b, '\'');
	for (p = c->s; *p; p++) {
		if (*p == '"')
			svc_buf_putc(b, '"');
		svc_buf_putc(b, *p);
	}
	svc_buf_putc(b, '"');
}

static void
enc_json(struct svc_buf *b, const struct cell *c)
{
	switch (c->kind) {
	case CELL_NULL: svc_buf_puts(b, "null"); break;
	case CELL_NUMBER: svc_buf_puts(b, c->s); break;
	case CELL_BOOL: svc_buf_puts(b, c->s[0] == 'y' ? "true" : "false");
		break;
	default: svc_buf_json_str(b, c->s);
	}
}

static void
enc_table(struct svc_buf *b, const struct cell *c)
{
	if (c->kind != CELL_NULL)
		svc_buf_puts(b, c->s);
}

static const struct mode modes[] = {
	[SVC_FMT_TABLE] = { "table", "  ", "\n", 1, enc_table, 0 },
	[SVC_FMT_TSV] = { "tsv", "\t", "\n", 0, enc_tsv, 1 },
	[SVC_FMT_CSV] = { "csv", ",", "\r\n", 1, enc_csv, 1 },
	[SVC_FMT_JSON] = { "json", ",", "}\n", 0, enc_json, 1 },
};

int
svc_fmt_parse(const char *s, enum svc_fmt *f)
{
	size_t i;

	for (i = 0; i < sizeof modes / sizeof modes[0]; i++)
		if (strcmp(modes[i].name, s) == 0) {
			*f = (enum svc_fmt)i;
			return 0;
		}
	return -1;
}

/* -F a,b,c: each name a column of this listing, none twice. */
static int
choose_fields(struct svc_out *o, const char *list, struct svc_err *e)
{
	const char *p = list;
	size_t n;
	int i, k;

	o->shown = svc_xmalloc((size_t)o->ncols * sizeof *o->shown);
	for (o->nshown = 0; list == NULL && o->nshown < o->ncols; o->nshown++)
		o->shown[o->nshown] = o->nshown;
	for (; list != NULL; p += n + (p[n] == ',')) {
		n = strcspn(p, ",");
		for (i = 0; i < o->ncols; i++)
			if (strlen(o->cols[i].name) == n &&
			    strncmp(o->cols[i].name, p, n) == 0)
				break;
		for (k = 0; k < o->nshown && i < o->ncols; k++)
			if (o->shown[k] == i)
				return svc_seterr(e, SVC_EX_USAGE,
				    "-F: %.*s: named twice", (int)n, p);
		if (i == o->ncols || o->nshown == o->ncols) {
			struct svc_buf all = { 0 };

			for (i = 0; i < o->ncols; i++)
				svc_buf_printf(&all, "%s%s", i ? ", " : "",
				    o->cols[i].name);
			svc_seterr(e, SVC_EX_USAGE, "-F: %.*s: no such field "
			    "(%s)", (int)n, p, all.s);
			svc_buf_free(&all);
			return SVC_EX_USAGE;
		}
		o->shown[o->nshown++] = i;
		if (p[n] == '\0')
			break;
	}
	return 0;
}

static void
put_header(struct svc_out *o)
{
	struct cell c;
	int k;

	for (k = 0; k < o->nshown; k++) {
		c.s = (char *)o->cols[o->shown[k]].name;
		c.kind = CELL_TEXT;
		if (k)
			svc_buf_puts(&o->line, o->m->sep);
		o->m->encode(&o->line, &c);
	}
	svc_buf_puts(&o->line, o->m->eol);
	fwrite(o->line.s, 1, o->line.len, o->f);
}

/* NULL and e filled when -F names a column this listing has not. */
struct svc_out *
svc_out_new(FILE *f, const struct svc_view *v, const struct svc_col *cols,
    int ncols, struct svc_err *e)
{
	struct svc_out *o = svc_xmalloc(sizeof *o);

	memset(o, 0, sizeof *o);
	o->f = f;
	o->v = *v;
	o->m = &modes[v->fmt];
	o->cols = cols;
	o->ncols = ncols;
	o->header = v->header || o->m->header_default;
	o->row = svc_xmalloc((size_t)ncols * sizeof *o->row);
	if (choose_fields(o, v->fields, e) != 0) {
		free(o->shown);
		free(o->row);
		free(o);
		return NULL;
	}
	o->direct = v->fmt != SVC_FMT_TABLE && v->fields == NULL;
	/* Excel reads a CSV without a mark as the Windows code page. */
	if (v->fmt == SVC_FMT_CSV && v->excel)
		fputs("\xef\xbb\xbf", f);
	if (o->header && v->fmt != SVC_FMT_TABLE && v->fmt != SVC_FMT_JSON)
		put_header(o);
	return o;
}

/*
 * The width a table fits: COLUMNS when set (as ps and ls take it, so a
 * script can ask for a width), else the terminal's; 0 when neither.
 */
int
svc_view_width(void)
{
	const char *c = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;

	if (c && *c) {
		n = strtol(c, &end, 10);
		if (*end == '\0' && n > 0 && n < 100000)
			return (int)n;
	}
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
		return ws.ws_col;
	return 0;
}

/* Only a table shows the mark: tsv and json keep their columns. */
void
svc_out_mark(struct svc_out *o)
{
	o->mark = 1;
}

size_t
svc_out_count(const struct svc_out *o)
{
	return o->nrows;
}

/*
 * A streamed format (tsv, csv, json) encodes each cell into the row's
 * line as it comes, from the caller's own buffer: nothing is copied or
 * kept, and the line is written when the row ends.  With -F the row is
 * kept until it ends and then streamed in the chosen order.
 */
static void
stream_cell(struct svc_out *o, int first, int col, const struct cell *c)
{
	if (first) {
		svc_buf_reset(&o->line);
		if (o->v.fmt == SVC_FMT_JSON)
			svc_buf_putc(&o->line, '{');
	} else {
		svc_buf_puts(&o->line, o->m->sep);
	}
	if (o->v.fmt == SVC_FMT_JSON) {
		svc_buf_json_str(&o->line, o->cols[col].name);
		svc_buf_putc(&o->line, ':');
	}
	o->m->encode(&o->line, c);
}

static void
put(struct svc_out *o, const char *s, enum cellkind kind)
{
	struct cell c;
	char *p;

	if (o->ncell >= o->ncols)
		return;	/* a programming error; never write past the row */
	if (o->direct) {
		c.s = (char *)s;
		c.kind = kind;
		stream_cell(o, o->ncell == 0, o->ncell, &c);
		o->ncell++;
		return;
	}
	o->row[o->ncell].s = p = kind == CELL_NULL ? NULL : svc_strdup(s);
	/* A table is for a terminal: a tab or newline would break its
	 * alignment, an escape sequence would reach the terminal. */
	if (o->v.fmt == SVC_FMT_TABLE && p)
		svc_text_defang(p, strlen(p), 0);
	o->row[o->ncell].kind = kind;
	o->ncell++;
}

/* The type the listing declared for the cell being written. */
static enum svc_coltype
declared(const struct svc_out *o)
{
	return o->ncell < o->ncols ? o->cols[o->ncell].type : SVC_COL_TEXT;
}

void
svc_out_text(struct svc_out *o, const char *s)
{
	if (s && declared(o) == SVC_COL_CODE && o->v.fmt == SVC_FMT_TABLE)
		s = svc_label(s);
	put(o, s, s ? CELL_TEXT : CELL_NULL);
}

void
svc_out_null(struct svc_out *o)
{
	put(o, NULL, CELL_NULL);
}

void
svc_out_int(struct svc_out *o, int64_t v)
{
	char buf[32];

	if (declared(o) == SVC_COL_MINUTES && o->v.fmt == SVC_FMT_TABLE) {
		svc_minutes_text(v, buf, sizeof buf);
		put(o, buf, CELL_OWN);
		return;
	}
	put(o, svc_decimal(v, buf), CELL_NUMBER);
}

void
svc_out_time(struct svc_out *o, time_t t)
{
	char buf[40];

	if (o->m->iso_times)
		svc_time_iso(t, buf, sizeof buf);
	else
		svc_time_local(t, buf, sizeof buf);
	put(o, buf, CELL_OWN);
}

void
svc_out_date(struct svc_out *o, int days)
{
	char buf[16];
	int y, m, d;

	svc_civil_from_days(days, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
	put(o, buf, CELL_OWN);
}

/* 970 minutes read "16h10m"; -5 "-5m". */
void
svc_minutes_text(int64_t minutes, char *buf, size_t len)
{
	const char *sign = minutes < 0 ? "-" : "";
	long long m = minutes < 0 ? -(long long)minutes : (long long)minutes;

	if (m >= 60 && m % 60)
		snprintf(buf, len, "%s%lldh%lldm", sign, m / 60, m % 60);
	else if (m >= 60)
		snprintf(buf, len, "%s%lldh", sign, m / 60);
	else
		snprintf(buf, len, "%s%lldm", sign, m);
}

/* Money is a decimal string in every format, never a float (DESIGN 2). */
void
svc_out_money(struct svc_out *o, int64_t fen)
{
	char buf[32];

	svc_money_format(fen, buf, sizeof buf);
	put(o, buf, CELL_OWN);
}

void
svc_out_bool(struct svc_out *o, int v)
{
	put(o, v ? "yes" : "no", CELL_BOOL);
}

/* A result column, typed by the column the command declared. */
void
svc_out_column(struct svc_out *o, struct svc_stmt *st, int i)
{
	int col = o->ncell;

	if (svc_col_type(st, i) == SVC_T_NULL) {
		svc_out_null(o);
		return;
	}
	switch (col < o->ncols ? o->cols[col].type : SVC_COL_TEXT) {
	case SVC_COL_INT:
	case SVC_COL_MINUTES:	/* svc_out_int reads it for a table */
		svc_out_int(o, svc_col_int64(st, i));
		break;
	case SVC_COL_TIME:
		svc_out_time(o, (time_t)svc_col_int64(st, i));
		break;
	case SVC_COL_MONEY:
		svc_out_money(o, svc_col_int64(st, i));
		break;
	case SVC_COL_BOOL:
		svc_out_bool(o, svc_col_int(st, i));
		break;
	default:
		svc_out_text(o, svc_col_text(st, i));
	}
}

static void
free_cells(struct cell *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(c[i].s);
}

static void
stream_shown(struct svc_out *o)
{
	int k;

	for (k = 0; k < o->nshown; k++)
		stream_cell(o, k == 0, o->shown[k], &o->row[o->shown[k]]);
	free_cells(o->row, o->ncols);
}

void
svc_out_row(struct svc_out *o)
{
	while (o->ncell < o->ncols)
		svc_out_null(o);
	o->nrows++;
	if (o->v.fmt != SVC_FMT_TABLE) {
		if (!o->direct)
			stream_shown(o);
		svc_buf_puts(&o->line, o->m->eol);
		fwrite(o->line.s, 1, o->line.len, o->f);
	} else {
		if (o->nkept + 1 > o->capkept) {
			o->capkept = o->capkept ? o->capkept * 2 : 64;
			o->kept = svc_xrealloc(o->kept, o->capkept *
			    (size_t)o->ncols * sizeof *o->kept);
			o->marks = svc_xrealloc(o->marks, o->capkept);
		}
		memcpy(o->kept + o->nkept * (size_t)o->ncols, o->row,
		    (size_t)o->ncols * sizeof *o->row);
		o->marks[o->nkept] = (unsigned char)o->mark;
		o->nmarked += o->mark;
		o->nkept++;
	}
	o->mark = 0;
	o->ncell = 0;
}

static int
numeric(const struct svc_col *c)
{
	return c->type == SVC_COL_INT || c->type == SVC_COL_MONEY ||
	    c->type == SVC_COL_MINUTES;
}

/*
 * A table's column as laid out: its width, the width past which its
 * cells are cut (0: never), and whether the screen had room for it.
 */
struct layout {
	int w, cut, shown;
	int floor;		/* free text is cut no narrower */
};

/* One cell padded to w columns; cut with an ellipsis past cut. */
static void
table_cell(struct svc_buf *b, const struct svc_col *col,
    const struct layout *l, const char *s, int last)
{
	int cw = svc_utf8_width(s), pad;
	size_t n;

	if (l->cut > 0 && cw > l->cut) {
		n = svc_utf8_fit(s, l->cut - 1, &cw);
		svc_buf_add(b, s, n);
		svc_buf_puts(b, "…");
		cw++;
		s = "";
	}
	pad = l->w - cw;
	if (numeric(col))
		for (; pad > 0; pad--)
			svc_buf_putc(b, ' ');
	svc_buf_puts(b, s);
	if (!last)
		for (; pad > 0; pad--)
			svc_buf_putc(b, ' ');
}

static int
cell_width(const struct layout *l, const char *s)
{
	int w = svc_utf8_width(s ? s : "");

	return l->cut > 0 && w > l->cut ? l->cut : w;
}

static int
line_width(const struct svc_out *o, const struct layout *l)
{
	int k, total = 0, n = 0;

	for (k = 0; k < o->nshown; k++)
		if (l[k].shown) {
			total += l[k].w;
			n++;
		}
	return total + (n > 1 ? 2 * (n - 1) : 0);
}

/* The next column a narrow screen gives up, or -1: -F chose them all. */
static int
next_dropped(const struct svc_out *o, const struct layout *l)
{
	int k, best = -1, d;

	if (o->v.fields)
		return -1;
	for (k = 0; k < o->nshown; k++) {
		d = o->cols[o->shown[k]].drop;
		if (l[k].shown && d > 0 &&
		    (best < 0 || d < o->cols[o->shown[best]].drop))
			best = k;
	}
	return best;
}

/* The widest free text still wider than its title and a few characters. */
static int
widest_text(const struct svc_out *o, const struct layout *l)
{
	int k, best = -1;

	for (k = 0; k < o->nshown; k++)
		if (l[k].shown && o->cols[o->shown[k]].maxw > 0 &&
		    l[k].w > l[k].floor && (best < 0 || l[k].w > l[best].w))
			best = k;
	return best;
}

/*
 * Fit the screen: drop the columns of least use first, in the order the
 * listing gave them, then cut the widest free text a column at a time.
 * Keys, times and amounts are never cut; a line may still be too wide
 * when they alone are.
 */
static void
fit(const struct svc_out *o, struct layout *l, int width)
{
	int k;

	while (line_width(o, l) > width && (k = next_dropped(o, l)) >= 0)
		l[k].shown = 0;
	while (line_width(o, l) > width && (k = widest_text(o, l)) >= 0)
		l[k].cut = --l[k].w;
}

static void
table_line(struct svc_out *o, const struct layout *l, const char **cells)
{
	int k, last, first = 1;

	for (last = o->nshown - 1; last > 0 && !l[last].shown; last--)
		;
	for (k = 0; k <= last; k++) {
		if (!l[k].shown)
			continue;
		if (!first)
			svc_buf_puts(&o->line, o->m->sep);
		first = 0;
		table_cell(&o->line, &o->cols[o->shown[k]], &l[k],
		    cells[k] ? cells[k] : "", k == last);
	}
}

/* The columns' widths; width is the room a line has, 0 unknown. */
static void
lay_out(struct svc_out *o, struct layout *l, int width)
{
	struct cell *r;
	size_t n;
	int k, w;

	for (k = 0; k < o->nshown; k++) {
		const struct svc_col *c = &o->cols[o->shown[k]];

		l[k].shown = 1;
		/* Without a screen's width the listing's own limit holds. */
		l[k].cut = o->v.wide || width > 0 ? 0 : c->maxw;
		l[k].floor = svc_utf8_width(svc_heading(c->name));
		if (l[k].floor < 6)
			l[k].floor = 6;
		l[k].w = o->header ? cell_width(&l[k], svc_heading(c->name)) : 0;
		for (n = 0; n < o->nkept; n++) {
			r = o->kept + n * (size_t)o->ncols;
			if ((w = cell_width(&l[k], r[o->shown[k]].s)) > l[k].w)
				l[k].w = w;
		}
	}
	if (width > 0 && !o->v.wide)
		fit(o, l, width);
}

static void
emit_table(struct svc_out *o)
{
	struct layout *l = svc_xmalloc((size_t)o->nshown * sizeof *l);
	const char **cells = svc_xmalloc((size_t)o->nshown * sizeof *cells);
	struct cell *r;
	size_t n;
	int k, bang;

	/* Without colour a mark is a column of its own: "!" or blank. */
	bang = o->nmarked > 0 && !o->v.color;
	lay_out(o, l, bang && o->v.width > 3 ? o->v.width - 3 : o->v.width);
	if (o->header) {
		svc_buf_reset(&o->line);
		if (bang)
			svc_buf_puts(&o->line, "   ");
		if (o->v.color)
			svc_buf_puts(&o->line, "\033[1m");
		for (k = 0; k < o->nshown; k++)
			cells[k] = svc_heading(o->cols[o->shown[k]].name);
		table_line(o, l, cells);
		if (o->v.color)
			svc_buf_puts(&o->line, "\033[0m");
		svc_buf_putc(&o->line, '\n');
		fwrite(o->line.s, 1, o->line.len, o->f);
	}
	for (n = 0; n < o->nkept; n++) {
		r = o->kept + n * (size_t)o->ncols;
		for (k = 0; k < o->nshown; k++)
			cells[k] = r[o->shown[k]].s;
		svc_buf_reset(&o->line);
		if (bang)
			svc_buf_puts(&o->line, o->marks[n] ? "!  " : "   ");
		else if (o->marks[n])
			svc_buf_puts(&o->line, "\033[31m");
		table_line(o, l, cells);
		if (o->marks[n] && !bang)
			svc_buf_puts(&o->line, "\033[0m");
		/* No trailing blanks when the last cells are empty. */
		while (o->line.len && o->line.s[o->line.len - 1] == ' ')
			o->line.s[--o->line.len] = '\0';
		svc_buf_putc(&o->line, '\n');
		fwrite(o->line.s, 1, o->line.len, o->f);
		free_cells(r, o->ncols);
	}
	free(cells);
	free(l);
}

int
svc_out_finish(struct svc_out *o)
{
	int rc;

	if (o->ncell > 0)
		svc_out_row(o);
	if (o->v.fmt == SVC_FMT_TABLE)
		emit_table(o);
	rc = fflush(o->f) != 0 || ferror(o->f) ? SVC_EX_IOERR : 0;
	free(o->kept);
	free(o->marks);
	free(o->row);
	free(o->shown);
	svc_buf_free(&o->line);
	free(o);
	return rc;
}

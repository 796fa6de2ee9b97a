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
	enum svc_fmt fmt;
	const struct svc_col *cols;
	int ncols, header;
	struct cell *row;	/* the row being built */
	int ncell;
	struct cell *kept;	/* table: every row */
	size_t nkept, capkept;
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

struct svc_out *
svc_out_new(FILE *f, enum svc_fmt fmt, const struct svc_col *cols, int ncols,
    int header)
{
	struct svc_out *o = svc_xmalloc(sizeof *o);

	memset(o, 0, sizeof *o);
	o->f = f;
	o->fmt = fmt;
	o->m = &modes[fmt];
	o->cols = cols;
	o->ncols = ncols;
	o->header = header || o->m->header_default;
	o->row = svc_xmalloc((size_t)ncols * sizeof *o->row);
	if (o->header && fmt != SVC_FMT_TABLE && fmt != SVC_FMT_JSON) {
		int i;
		struct cell c;

		for (i = 0; i < ncols; i++) {
			c.s = (char *)cols[i].name;
			c.kind = CELL_TEXT;
			if (i)
				svc_buf_puts(&o->line, o->m->sep);
			o->m->encode(&o->line, &c);
		}
		svc_buf_puts(&o->line, o->m->eol);
		fwrite(o->line.s, 1, o->line.len, f);
	}
	return o;
}

/*
 * A streamed format (tsv, csv, json) encodes each cell into the row's
 * line as it comes, from the caller's own buffer: nothing is copied or
 * kept, and the line is written when the row ends.
 */
static void
stream_cell(struct svc_out *o, const char *s, enum cellkind kind)
{
	struct cell c;

	c.s = (char *)s;
	c.kind = kind;
	if (o->ncell == 0) {
		svc_buf_reset(&o->line);
		if (o->fmt == SVC_FMT_JSON)
			svc_buf_putc(&o->line, '{');
	} else {
		svc_buf_puts(&o->line, o->m->sep);
	}
	if (o->fmt == SVC_FMT_JSON) {
		svc_buf_json_str(&o->line, o->cols[o->ncell].name);
		svc_buf_putc(&o->line, ':');
	}
	o->m->encode(&o->line, &c);
	o->ncell++;
}

static void
put(struct svc_out *o, const char *s, enum cellkind kind)
{
	char *p;

	if (o->ncell >= o->ncols)
		return;	/* a programming error; never write past the row */
	if (o->fmt != SVC_FMT_TABLE) {
		stream_cell(o, s, kind);
		return;
	}
	o->row[o->ncell].s = p = kind == CELL_NULL ? NULL : svc_strdup(s);
	/* A table is for a terminal: a tab or newline would break its
	 * alignment, an escape sequence would reach the terminal. */
	if (o->fmt == SVC_FMT_TABLE && p)
		svc_text_defang(p, strlen(p), 0);
	o->row[o->ncell].kind = kind;
	o->ncell++;
}

void
svc_out_text(struct svc_out *o, const char *s)
{
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

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	put(o, buf, CELL_NUMBER);
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
svc_out_column(struct svc_out *o, sqlite3_stmt *st, int i)
{
	int col = o->ncell;

	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		svc_out_null(o);
		return;
	}
	switch (col < o->ncols ? o->cols[col].type : SVC_COL_TEXT) {
	case SVC_COL_INT:
		svc_out_int(o, sqlite3_column_int64(st, i));
		break;
	case SVC_COL_TIME:
		svc_out_time(o, (time_t)sqlite3_column_int64(st, i));
		break;
	case SVC_COL_MONEY:
		svc_out_money(o, sqlite3_column_int64(st, i));
		break;
	case SVC_COL_BOOL:
		svc_out_bool(o, sqlite3_column_int(st, i));
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

void
svc_out_row(struct svc_out *o)
{
	while (o->ncell < o->ncols)
		svc_out_null(o);
	if (o->fmt != SVC_FMT_TABLE) {
		svc_buf_puts(&o->line, o->m->eol);
		fwrite(o->line.s, 1, o->line.len, o->f);
	} else {
		if (o->nkept + 1 > o->capkept) {
			o->capkept = o->capkept ? o->capkept * 2 : 64;
			o->kept = svc_xrealloc(o->kept, o->capkept *
			    (size_t)o->ncols * sizeof *o->kept);
		}
		memcpy(o->kept + o->nkept * (size_t)o->ncols, o->row,
		    (size_t)o->ncols * sizeof *o->row);
		o->nkept++;
	}
	o->ncell = 0;
}

static int
numeric(const struct svc_col *c)
{
	return c->type == SVC_COL_INT || c->type == SVC_COL_MONEY;
}

/* One cell padded to w columns; abbreviated with an ellipsis past maxw. */
static void
table_cell(struct svc_buf *b, const struct svc_col *col, const char *s,
    int w, int last)
{
	int cw = svc_utf8_width(s), pad;
	size_t n;

	if (col->maxw > 0 && cw > col->maxw) {
		n = svc_utf8_fit(s, col->maxw - 1, &cw);
		svc_buf_add(b, s, n);
		svc_buf_puts(b, "…");
		cw++;
		s = "";
	}
	pad = w - cw;
	if (numeric(col))
		for (; pad > 0; pad--)
			svc_buf_putc(b, ' ');
	svc_buf_puts(b, s);
	if (!last)
		for (; pad > 0; pad--)
			svc_buf_putc(b, ' ');
}

static int
cell_width(const struct svc_col *col, const char *s)
{
	int w = svc_utf8_width(s ? s : "");

	return col->maxw > 0 && w > col->maxw ? col->maxw : w;
}

static void
emit_table(struct svc_out *o)
{
	int *w = svc_xmalloc((size_t)o->ncols * sizeof *w);
	int i, bold = isatty(fileno(o->f)) && getenv("NO_COLOR") == NULL;
	struct cell *r;
	size_t k;

	for (i = 0; i < o->ncols; i++)
		w[i] = o->header ? cell_width(&o->cols[i], o->cols[i].name) : 0;
	for (k = 0; k < o->nkept; k++)
		for (i = 0, r = o->kept + k * (size_t)o->ncols; i < o->ncols; i++)
			if (cell_width(&o->cols[i], r[i].s) > w[i])
				w[i] = cell_width(&o->cols[i], r[i].s);
	if (o->header && o->nkept > 0) {
		svc_buf_reset(&o->line);
		if (bold)
			svc_buf_puts(&o->line, "\033[1m");
		for (i = 0; i < o->ncols; i++) {
			if (i)
				svc_buf_puts(&o->line, o->m->sep);
			table_cell(&o->line, &o->cols[i], o->cols[i].name, w[i],
			    i == o->ncols - 1);
		}
		if (bold)
			svc_buf_puts(&o->line, "\033[0m");
		svc_buf_putc(&o->line, '\n');
		fwrite(o->line.s, 1, o->line.len, o->f);
	}
	for (k = 0; k < o->nkept; k++) {
		r = o->kept + k * (size_t)o->ncols;
		svc_buf_reset(&o->line);
		for (i = 0; i < o->ncols; i++) {
			if (i)
				svc_buf_puts(&o->line, o->m->sep);
			table_cell(&o->line, &o->cols[i], r[i].s ? r[i].s : "",
			    w[i], i == o->ncols - 1);
		}
		/* No trailing blanks when the last cells are empty. */
		while (o->line.len && o->line.s[o->line.len - 1] == ' ')
			o->line.s[--o->line.len] = '\0';
		svc_buf_putc(&o->line, '\n');
		fwrite(o->line.s, 1, o->line.len, o->f);
		free_cells(r, o->ncols);
	}
	free(w);
}

int
svc_out_finish(struct svc_out *o)
{
	int rc;

	if (o->ncell > 0)
		svc_out_row(o);
	if (o->fmt == SVC_FMT_TABLE)
		emit_table(o);
	rc = fflush(o->f) != 0 || ferror(o->f) ? SVC_EX_IOERR : 0;
	free(o->kept);
	free(o->row);
	svc_buf_free(&o->line);
	free(o);
	return rc;
}

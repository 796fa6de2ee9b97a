/*
 * product.c - the product registry behind A5: when the customer cannot
 * find the warranty card, the barcode of the product's part says whether
 * it is covered and until when.  A product sold on 2025-03-15 with 12
 * months is covered to 2026-03-14 inclusive; a date that does not exist
 * in the end month is clamped to its last day.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

int
svc_add_months(int day, int months)
{
	static const int mdays[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int y, m, d, last;

	svc_civil_from_days(day, &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	last = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0));
	return svc_days_from_civil(y, m, d > last ? last : d);
}

/* The last covered day of a product sold on sold with months' warranty. */
int
svc_covered_until(int sold, int months)
{
	return svc_add_months(sold, months) - 1;
}

/*
 * A5: what decides a warranty is history too.  A new product, or a change
 * to a known one (a re-import with another sale date), appends an event
 * with the values it had; the same values again append nothing.
 */
static int
product_event(struct svc_db *db, const struct svc_product *p, const char *sold_on,
    struct svc_err *e)
{
	static const char sql[] = "SELECT model, name, sold_on, warranty_months"
	    " FROM product WHERE barcode = ?1";
	struct svc_buf subject = { 0 };
	struct svc_json j;
	struct svc_stmt *st;
	int rc, same = 0;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, p->barcode);
	svc_json_begin(&j);
	if ((rc = svc_step(st)) == SVC_ROW) {
		same = strcmp(svc_col_text(st, 0), p->model) == 0 &&
		    strcmp(svc_col_text(st, 1), p->name) == 0 &&
		    strcmp(svc_col_text(st, 2), sold_on) == 0 &&
		    svc_col_int(st, 3) == p->warranty_months;
		svc_json_str(&j, "old_model", svc_col_text(st, 0));
		svc_json_str(&j, "old_name", svc_col_text(st, 1));
		svc_json_str(&j, "old_sold_on", svc_col_text(st, 2));
		svc_json_int(&j, "old_warranty_months",
		    svc_col_int(st, 3));
	}
	svc_reset(st);
	if (rc != SVC_ROW && rc != SVC_DONE) {
		svc_buf_free(&j.b);
		return svc_db_error(db, rc, e);
	}
	if (same) {
		svc_buf_free(&j.b);
		return 0;
	}
	svc_json_str(&j, "model", p->model);
	svc_json_str(&j, "name", p->name);
	svc_json_str(&j, "sold_on", sold_on);
	svc_json_int(&j, "warranty_months", p->warranty_months);
	svc_buf_printf(&subject, "product:%s", p->barcode);
	rc = svc_event_json(db, 0, subject.s, rc == SVC_ROW ?
	    "product.edit" : "product.add", &j, e);
	svc_buf_free(&subject);
	return rc;
}

int
svc_product_add(struct svc_db *db, const struct svc_product *p, struct svc_err *e)
{
	static const char sql[] = "INSERT INTO product (barcode, model, name,"
	    " sold_on, warranty_months, created_at) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6) ON CONFLICT (barcode) DO UPDATE SET model = excluded.model,"
	    " name = excluded.name, sold_on = excluded.sold_on,"
	    " warranty_months = excluded.warranty_months";
	struct svc_err sub = { 0 };
	struct svc_stmt *st;
	int y, m, d;
	char date[16];

	if (p->barcode == NULL || *p->barcode == '\0' ||
	    strlen(p->barcode) > 64)
		return svc_seterr(e, SVC_EX_DATA, "a barcode is required (at "
		    "most 64 characters)");
	if (p->model == NULL || p->name == NULL)
		return svc_seterr(e, SVC_EX_DATA, "%s: model and name are "
		    "required", p->barcode);
	if (svc_text_ok("the model", p->model, SVC_TEXT_REQUIRED,
	    SVC_TEXT_SHORT, e) || svc_text_ok("the name", p->name,
	    SVC_TEXT_REQUIRED, SVC_TEXT_SHORT, e))
		return e->code;
	if (p->sold_on == NULL || svc_date_parse(p->sold_on, 0, &y, &m, &d,
	    &sub) || strchr(p->sold_on, '-') == NULL)
		return svc_seterr(e, SVC_EX_DATA, "%s: bad sold date '%s' (want "
		    "YYYY-MM-DD)", p->barcode, p->sold_on ? p->sold_on : "");
	if (p->warranty_months < 0 || p->warranty_months > 600)
		return svc_seterr(e, SVC_EX_DATA, "%s: warranty months from 0 "
		    "to 600", p->barcode);
	snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
	if (product_event(db, p, date, e) || svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, p->barcode);
	svc_bind_text(st, 2, p->model);
	svc_bind_text(st, 3, p->name);
	svc_bind_text_copy(st, 4, date);
	svc_bind_int(st, 5, p->warranty_months);
	svc_bind_int64(st, 6, (int64_t)svc_now());
	return svc_db_done(db, st, e);
}

/*
 * A5: is the product covered on day?  0 and the facts, or 66 for a barcode
 * the registry does not know.
 */
int
svc_warranty(struct svc_db *db, const char *barcode, int day, struct svc_warranty *w,
    struct svc_err *e)
{
	static const char sql[] = "SELECT model, name, sold_on, warranty_months"
	    " FROM product WHERE barcode = ?1";
	struct svc_stmt *st;
	int rc, y, m, d;

	if (svc_db_cached(db, sql, &st, e))
		return e->code;
	svc_bind_text(st, 1, barcode);
	if ((rc = svc_step(st)) == SVC_ROW) {
		snprintf(w->model, sizeof w->model, "%s", svc_col_text(st, 0));
		snprintf(w->name, sizeof w->name, "%s", svc_col_text(st, 1));
		sscanf(svc_col_text(st, 2), "%d-%d-%d", &y, &m, &d);
		w->sold = svc_days_from_civil(y, m, d);
		w->months = svc_col_int(st, 3);
		w->until = svc_covered_until(w->sold, w->months);
		w->covered = day <= w->until;
	}
	svc_reset(st);
	if (rc == SVC_DONE)
		return svc_seterr(e, SVC_EX_NOINPUT, "%s: no such product",
		    barcode);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

/* One CSV field (RFC 4180); returns the position after it, or NULL. */
static const char *
csv_field(const char *p, struct svc_buf *out)
{
	svc_buf_reset(out);
	svc_buf_puts(out, "");
	if (*p != '"') {
		while (*p && *p != ',' && *p != '\n' && *p != '\r')
			svc_buf_putc(out, *p++);
		return p;
	}
	for (p++;; p++) {
		if (*p == '\0')
			return NULL;
		if (*p == '"' && p[1] == '"')
			svc_buf_putc(out, *p++);
		else if (*p == '"')
			return p + 1;
		else
			svc_buf_putc(out, *p);
	}
}

static const char *const csv_columns[] = {
	"barcode", "model", "name", "sold_on", "warranty_months", NULL
};

/* Map the header's columns to ours: made_on stands for sold_on too. */
static int
csv_header(const char *line, int *map, const char *file, struct svc_err *e)
{
	struct svc_buf f = { 0 };
	const char *p = line;
	int n = 0, i, seen = 0;

	while (p && *p && *p != '\n' && *p != '\r') {
		p = csv_field(p, &f);
		for (i = 0; csv_columns[i]; i++)
			if (strcmp(f.s, csv_columns[i]) == 0 ||
			    (i == 3 && strcmp(f.s, "made_on") == 0))
				break;
		map[n++] = csv_columns[i] ? i : -1;
		if (csv_columns[i])
			seen |= 1 << i;
		if (p && *p == ',')
			p++;
		if (n == 16)
			break;
	}
	svc_buf_free(&f);
	if (seen != 0x1f)
		return svc_seterr(e, SVC_EX_DATA, "%s:1: the header needs "
		    "barcode, model, name, sold_on (or made_on) and "
		    "warranty_months", file);
	return n;
}

/* Put file:line in front of the message already in e. */
static int
at_line(struct svc_err *e, const char *file, long lineno)
{
	char msg[sizeof e->msg];

	snprintf(msg, sizeof msg, "%s", e->msg);
	return svc_seterr(e, e->code, "%s:%ld: %.400s", file, lineno, msg);
}

static int
csv_row(struct svc_db *db, const char *line, const int *map, int ncols,
    const char *file, long lineno, struct svc_err *e)
{
	struct svc_buf f[5] = { { 0 } }, skip = { 0 };
	struct svc_product prod;
	const char *p = line;
	char *end;
	int i, rc;

	for (i = 0; i < ncols && p; i++) {
		p = csv_field(p, map[i] >= 0 ? &f[map[i]] : &skip);
		if (p && *p == ',')
			p++;
	}
	prod.barcode = f[0].s;
	prod.model = f[1].s;
	prod.name = f[2].s;
	prod.sold_on = f[3].s;
	prod.warranty_months = f[4].s ? (int)strtol(f[4].s, &end, 10) : -1;
	if (p == NULL || f[4].s == NULL || *f[4].s == '\0' || *end != '\0')
		rc = svc_seterr(e, SVC_EX_DATA, "%s:%ld: bad row (want %d "
		    "fields, warranty_months a number)", file, lineno, ncols);
	else if ((rc = svc_product_add(db, &prod, e)) != 0)
		rc = at_line(e, file, lineno);
	for (i = 0; i < 5; i++)
		svc_buf_free(&f[i]);
	svc_buf_free(&skip);
	return rc;
}

static int
import_csv(struct svc_db *db, FILE *in, const char *file, int *n,
    struct svc_err *e)
{
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	int map[16], ncols = 0, rc = 0;

	while (rc == 0 && getline(&line, &cap, in) != -1) {
		if (++lineno == 1) {
			if ((ncols = csv_header(line, map, file, e)) < 0 ||
			    e->code)
				rc = e->code;
			continue;
		}
		if (line[strspn(line, " \t\r\n")] == '\0')
			continue;
		if ((rc = csv_row(db, line, map, ncols, file, lineno, e)) == 0)
			(*n)++;
	}
	free(line);
	return rc;
}

struct yx {
	struct svc_db *db;
	const char *file;
	int *n;
	struct svc_err *e;
};

static int
yaml_product(const struct svc_ynode *item, void *arg)
{
	static const char *const keys[] = {
		"barcode", "model", "name", "sold_on", "made_on",
		"warranty_months", NULL
	};
	struct yx *x = arg;
	const struct svc_ynode *v;
	struct svc_product p = { 0 };
	const char **f[] = { &p.barcode, &p.model, &p.name, &p.sold_on,
		&p.sold_on };
	char *end;
	int i;

	if (item->type != SVC_Y_MAP)
		return svc_yerr(x->e, SVC_EX_DATA, x->file, item,
		    "each product is a mapping");
	if (svc_ycheck_keys(item, keys, x->file, x->e))
		return x->e->code;
	for (i = 0; i < 5; i++)
		if ((v = svc_ymap_get(item, keys[i])) && v->type == SVC_Y_SCALAR)
			*f[i] = v->val;
	p.warranty_months = -1;
	if ((v = svc_ymap_get(item, "warranty_months")) &&
	    v->type == SVC_Y_SCALAR) {
		p.warranty_months = (int)strtol(v->val, &end, 10);
		if (*end || !*v->val)
			p.warranty_months = -1;
	}
	if (svc_product_add(x->db, &p, x->e))
		return at_line(x->e, x->file, item->line);
	(*x->n)++;
	return 0;
}

/* CSV with a header, or a YAML list; the caller holds the transaction. */
int
svc_product_import(struct svc_db *db, const char *path, int *n, struct svc_err *e)
{
	struct yx x = { db, strcmp(path, "-") ? path : "<stdin>", n, e };
	const char *dot = strrchr(path, '.');
	FILE *in;
	int rc;

	*n = 0;
	if (dot && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0))
		return svc_yaml_each(path, NULL, NULL, yaml_product, &x, e);
	if (strcmp(path, "-") == 0)
		in = stdin;
	else if ((in = svc_user_fopen(path, "r")) == NULL)
		return svc_seterr(e, SVC_EX_NOINPUT, "%s: %s", path,
		    strerror(errno));
	rc = import_csv(db, in, x.file, n, e);
	if (in != stdin)
		fclose(in);
	return rc;
}

int
svc_product_query(struct svc_db *db, struct svc_stmt **st, struct svc_err *e)
{
	return svc_db_prepare(db, "SELECT barcode, model, name, sold_on,"
	    " warranty_months FROM v_product ORDER BY barcode", st, e);
}

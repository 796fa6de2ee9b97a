/*
 * copy.c - svc-db copy: a whole database into a new one, on either engine
 * (issue 20: an office moving from its SQLite file to a server, or back).
 *
 * All or nothing: the source is read in one snapshot, the copy written in
 * one transaction, and committed only once it is proved: every table
 * holds as many rows as the source's, each sealed chain ends on the same
 * hash, and every chain of the copy verifies (seal.c recomputes each
 * row's hash from what the copy holds).  Rows keep their ids, hashes and
 * kept balances; nothing is computed again but by the proof.
 */
#include <stdlib.h>
#include <string.h>

#include "svc.h"

/*
 * Every table svc keeps, each after the tables it refers to; the schema's
 * version is the new database's own.  test_sql holds this list to the
 * schema: a table added without its line here fails the suite.
 */
const char *const svc_copy_tables[] = {
	"dept", "staff", "staff_role", "staff_skill", "customer", "orders",
	"order_service", "product", "contact", "attachment", "charge",
	"handover", "payment", "receipt_seq", "complaint", "move", "visit",
	"followup", "outbox", "conduct", "leave", "plan", "plan_rule",
	"plan_occ", "event", NULL
};

/* The rows of a table (a name of the list above, never input). */
static int
count_rows(struct svc_db *db, const char *table, int64_t *n,
    struct svc_err *e)
{
	char sql[80], buf[32];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	if (svc_db_value(db, sql, buf, sizeof buf, e))
		return e->code;
	*n = strtoll(buf, NULL, 10);
	return 0;
}

/* One value of the source's row, bound as it was read. */
static int
bind_as_read(struct svc_stmt *to, int i, struct svc_stmt *from, int col,
    const char *table, struct svc_err *e)
{
	const void *blob;

	switch (svc_col_type(from, col)) {
	case SVC_T_INT:
		return svc_bind_int64(to, i, svc_col_int64(from, col));
	case SVC_T_TEXT:
		return svc_bind_text(to, i, svc_col_text(from, col));
	case SVC_T_BLOB:
		blob = svc_col_blob(from, col);
		return svc_bind_blob(to, i, blob, svc_col_bytes(from, col));
	case SVC_T_NULL:
		return svc_bind_null(to, i);
	default:	/* svc keeps no real numbers: one is not svc's */
		return svc_seterr(e, SVC_EX_DATA, "%s.%s: a real number, "
		    "which svc never writes", table, svc_col_name(from, col));
	}
}

/* INSERT INTO table (the source's columns) VALUES (?1, ...). */
static void
insert_sql(struct svc_stmt *src, const char *table, struct svc_buf *sql)
{
	int i, n = svc_col_count(src);

	svc_buf_printf(sql, "INSERT INTO %s (", table);
	for (i = 0; i < n; i++)
		svc_buf_printf(sql, "%s%s", i ? ", " : "",
		    svc_col_name(src, i));
	svc_buf_puts(sql, ") VALUES (");
	for (i = 0; i < n; i++)
		svc_buf_printf(sql, "%s?%d", i ? ", " : "", i + 1);
	svc_buf_putc(sql, ')');
}

/* Every row of one table, in the order of its first column (its id). */
static int
copy_table(struct svc_db *from, struct svc_db *to, const char *table,
    int64_t *rows, struct svc_err *e)
{
	struct svc_buf sql = { 0 };
	struct svc_stmt *src = NULL, *dst = NULL;
	int i, rc = SVC_DONE;

	*rows = 0;
	svc_buf_printf(&sql, "SELECT * FROM %s ORDER BY 1", table);
	if (svc_db_scan(from, sql.s, &src, e))
		goto out;
	svc_buf_reset(&sql);
	insert_sql(src, table, &sql);
	if (svc_db_prepare(to, sql.s, &dst, e))
		goto out;
	while (e->code == 0 && (rc = svc_step(src)) == SVC_ROW) {
		for (i = 0; i < svc_col_count(src) && e->code == 0; i++)
			bind_as_read(dst, i + 1, src, i, table, e);
		if (e->code == 0 && svc_db_send(to, dst, e) == 0)
			(*rows)++;
	}
	if (e->code == 0 && rc != SVC_DONE)
		svc_db_error(from, rc, e);
out:
	svc_finalize(src);
	svc_finalize(dst);
	svc_buf_free(&sql);
	return e->code;
}

/*
 * A done order keeps its balance (C3).  The copy's balance triggers
 * recompute it as the payments come in, before the visits that cover a
 * part are there: the source's kept value is put back, as it was.
 */
static int
keep_balances(struct svc_db *from, struct svc_db *to, struct svc_err *e)
{
	struct svc_stmt *src, *dst = NULL;
	int rc = SVC_DONE;

	if (svc_db_scan(from, "SELECT id, balance FROM orders"
	    " WHERE status = 'done' ORDER BY id", &src, e))
		return e->code;
	if (svc_db_prepare(to, "UPDATE orders SET balance = ?2 WHERE id = ?1"
	    " AND balance IS NOT ?2", &dst, e) == 0)
		while (e->code == 0 && (rc = svc_step(src)) == SVC_ROW) {
			svc_bind_int64(dst, 1, svc_col_int64(src, 0));
			if (svc_col_type(src, 1) == SVC_T_NULL)
				svc_bind_null(dst, 2);
			else
				svc_bind_int64(dst, 2, svc_col_int64(src, 1));
			svc_db_send(to, dst, e);
		}
	if (e->code == 0 && rc != SVC_DONE)
		svc_db_error(from, rc, e);
	svc_finalize(src);
	svc_finalize(dst);
	return e->code;
}

/* The proof: the same rows in each table, each chain on the same head. */
static int
prove(struct svc_db *from, struct svc_db *to, const int64_t *rows,
    struct svc_err *e)
{
	const struct svc_sealed *s;
	char sql[96], a[80], b[80];
	int64_t n = 0;
	int i;

	for (i = 0; svc_copy_tables[i]; i++) {
		if (count_rows(to, svc_copy_tables[i], &n, e))
			return e->code;
		if (n != rows[i])
			return svc_seterr(e, SVC_EX_SOFTWARE, "copy: %s has "
			    "%lld rows, the source %lld", svc_copy_tables[i],
			    (long long)n, (long long)rows[i]);
	}
	for (s = svc_sealed; s->table; s++) {
		snprintf(sql, sizeof sql, "SELECT hash FROM %s ORDER BY id DESC"
		    " LIMIT 1", s->table);
		if (svc_db_value(from, sql, a, sizeof a, e) ||
		    svc_db_value(to, sql, b, sizeof b, e))
			return e->code;
		if (strcmp(a, b) != 0)
			return svc_seterr(e, SVC_EX_SOFTWARE, "copy: the %s "
			    "chain ends on %s, the source's on %s", s->table,
			    b, a);
	}
	return 0;
}

/* A copy goes into a database of its own: one with rows is refused. */
static int
empty(struct svc_db *to, const char *name, struct svc_err *e)
{
	int64_t n = 0;
	int i;

	for (i = 0; svc_copy_tables[i]; i++) {
		if (count_rows(to, svc_copy_tables[i], &n, e))
			return e->code;
		if (n > 0)
			return svc_seterr(e, SVC_EX_DATA, "%s: not empty (%lld "
			    "rows in %s); a copy goes into a new database",
			    name, (long long)n, svc_copy_tables[i]);
	}
	return 0;
}

int
svc_db_copy(struct svc_db *from, struct svc_db *to, const char *to_name,
    int64_t *rows, FILE *findings, int dry_run, struct svc_err *e)
{
	int i, broken;

	if (empty(to, to_name, e) || svc_db_snapshot(from, e))
		return e->code;
	if (svc_db_begin(to, e))
		goto out;
	for (i = 0; svc_copy_tables[i]; i++)
		if (copy_table(from, to, svc_copy_tables[i], &rows[i], e))
			goto out;
	if (keep_balances(from, to, e) || prove(from, to, rows, e))
		goto out;
	if ((broken = svc_seal_verify(to, findings, e)) != 0) {
		if (broken > 0)
			svc_seterr(e, SVC_EX_DATA, "copy: %d sealed chain(s) "
			    "of the copy do not verify", broken);
		goto out;
	}
	if (!dry_run)
		svc_db_commit(to, e);
out:
	if (e->code || dry_run)
		svc_db_rollback(to);
	svc_db_rollback(from);	/* the snapshot: it wrote nothing */
	return e->code;
}

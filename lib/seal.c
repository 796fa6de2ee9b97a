/*
 * seal.c - the sealed log (G4: an archive for inspection that proves
 * itself).  Every row of event, payment and handover carries a hash
 * chained to the row before it in the same table:
 *
 *   hash = hex(SHA-256(previous hash in hex, "" for the first row ||
 *                      each sealed column, typed and length-prefixed))
 *
 * A value is "n" for NULL, or a type letter (i integer, r real, t text,
 * b blob) and a netstring of its bytes: "<length>:<bytes>,", an integer
 * in decimal.  Columns added to a table after it was first sealed (the
 * event's entered_by and entered_at, migration 14) are sealed after the
 * others, and left out when all of them are NULL: a row that has none of
 * them hashes as it did when it was written, so old chains still follow.  Netstrings are unambiguous without escaping and take a few
 * lines in any language, so an auditor can recompute a chain without svc.
 * SHA-256 is sha256.c's: the processor's SHA instructions where it has
 * them, else libsodium (crypto_hash_sha256): well kept, in Debian,
 * and a seventh of OpenSSL's libcrypto to load, which every command of
 * svc would pay at start (2.5 ms against 0.35 ms here).
 *
 * The hash is computed by the SQL function svc_seal(prev, col...), which
 * svc registers on its connections: an insert passes the table's last
 * hash and its own values, and svc-db verify recomputes the same.  A row
 * changed, deleted, inserted or moved behind svc's back breaks the chain
 * at that row; removing the newest rows leaves a shorter chain that still
 * follows, which is what the day's seal (svc-db seal, printed or signed
 * elsewhere) catches.
 */
#include <string.h>

#include "svc.h"

/* The sealed columns of each table, in the order svc_seal takes them. */
const struct svc_sealed svc_sealed[] = {
	{ "event", "order_id, subject, at, actor, kind, details",
	    "entered_by, entered_at", 6 },
	{ "payment", "order_id, kind, amount, method, place, collector, at,"
	    " receipt_no, reason", NULL, 9 },
	{ "handover", "worker, at, expected, counted, difference, actor",
	    NULL, 6 },
	{ NULL, NULL, NULL, 0 }
};

static void
netstring(struct svc_buf *b, char type, const void *p, size_t n)
{
	char len[24];

	svc_buf_putc(b, type);
	svc_buf_puts(b, svc_decimal((int64_t)n, len));
	svc_buf_putc(b, ':');
	svc_buf_add(b, p, n);
	svc_buf_putc(b, ',');
}

/* The canonical bytes of one value, as the header comment says. */
static void
canonical(struct svc_buf *b, const struct svc_value *v)
{
	char num[40], *d;

	switch (v->type) {
	case SVC_T_NULL:
		svc_buf_putc(b, 'n');
		break;
	case SVC_T_INT:
		d = svc_decimal(v->i, num);
		netstring(b, 'i', d, strlen(d));
		break;
	case SVC_T_FLOAT:
		snprintf(num, sizeof num, "%.17g", v->r);
		netstring(b, 'r', num, strlen(num));
		break;
	case SVC_T_BLOB:
		netstring(b, 'b', v->p, v->n);
		break;
	default:
		netstring(b, 't', v->p, v->n);
	}
}

/* hex(SHA-256(data)) into out[65]; 0, or -1 if libsodium failed. */
int
svc_sha256_hex(const void *data, size_t n, char out[65])
{
	unsigned char md[32];
	size_t i;

	if (svc_sha256(data, n, md) != 0)
		return -1;
	for (i = 0; i < sizeof md; i++) {
		out[2 * i] = "0123456789abcdef"[md[i] >> 4];
		out[2 * i + 1] = "0123456789abcdef"[md[i] & 15];
	}
	out[2 * sizeof md] = '\0';
	return 0;
}

/*
 * The hash of a row's n values chained to prev (hex, or NULL: none).  One
 * buffer serves every row, kept between calls: a row is sealed at every
 * event written and verified, and growing a new buffer four times for
 * each was a third of sealing it.
 */
int
svc_seal_hash(const char *prev, const struct svc_value *v, int n,
    char out[65])
{
	static struct svc_buf b;
	int i;

	svc_buf_reset(&b);
	if (prev)
		svc_buf_puts(&b, prev);
	for (i = 0; i < n; i++)
		canonical(&b, &v[i]);
	return svc_sha256_hex(b.s ? b.s : "", b.len, out);
}

/*
 * How many of a row's n values (its sealed columns, in order) table s
 * seals: the later columns only when one of them is there.
 */
int
svc_sealed_count(const struct svc_sealed *s, const struct svc_value *v, int n)
{
	int i;

	if (s->later == NULL || n <= s->ncolumns)
		return n < s->ncolumns ? n : s->ncolumns;
	for (i = s->ncolumns; i < n; i++)
		if (v[i].type != SVC_T_NULL)
			return n;
	return s->ncolumns;
}

/*
 * Walk each chain in id order; print the first row of each table whose
 * hash does not follow ("seal<TAB>table<TAB>id") and return how many
 * chains are broken, or -1 with e set.
 */
int
svc_seal_verify(struct svc_db *db, FILE *out, struct svc_err *e)
{
	const struct svc_sealed *s;
	struct svc_buf sql = { 0 };
	int broken = 0, rc;

	for (s = svc_sealed; s->table; s++) {
		struct svc_stmt *st;
		char prev[65] = "";

		svc_buf_reset(&sql);
		svc_buf_printf(&sql, "SELECT id, hash, %s%s%s FROM %s ORDER BY"
		    " id", s->columns, s->later ? ", " : "",
		    s->later ? s->later : "", s->table);
		if (svc_db_scan(db, sql.s, &st, e)) {
			svc_buf_free(&sql);
			return -1;
		}
		while ((rc = svc_step(st)) == SVC_ROW) {
			struct svc_value v[16];
			const char *have = svc_col_text(st, 1);
			char want[65];
			int i, n = svc_col_count(st) - 2;

			for (i = 0; i < n && i < 16; i++)
				svc_col_value(st, i + 2, &v[i]);
			n = svc_sealed_count(s, v, i);
			if (svc_seal_hash(prev, v, n, want) != 0) {
				rc = -1;
				break;
			}
			if (have == NULL || strcmp(have, want) != 0) {
				fprintf(out, "seal\t%s\t%lld\tthe hash does not "
				    "follow\n", s->table,
				    (long long)svc_col_int64(st, 0));
				broken++;
				rc = SVC_DONE;
				break;
			}
			snprintf(prev, sizeof prev, "%s", have);
		}
		svc_finalize(st);
		if (rc != SVC_DONE) {
			svc_buf_free(&sql);
			svc_db_error(db, rc, e);
			return -1;
		}
	}
	svc_buf_free(&sql);
	return broken;
}

/*
 * The seal of a day: SHA-256 over each table's name and the hash of its
 * last row (by id) whose time is before the end of that day.  Printed,
 * signed or published each evening, it proves later that nothing up to
 * then was changed, removed or added.
 */
int
svc_seal_day(struct svc_db *db, time_t day_end, char out[65], struct svc_err *e)
{
	const struct svc_sealed *s;
	struct svc_buf sql = { 0 }, heads = { 0 };
	int rc = 0;

	for (s = svc_sealed; s->table && rc == 0; s++) {
		struct svc_stmt *st;

		svc_buf_reset(&sql);
		/* Back from the newest row by id: +at keeps an index on the
		 * time (payment_at) from sorting every row before the day. */
		svc_buf_printf(&sql, "SELECT hash FROM %s WHERE +at < ?1"
		    " ORDER BY id DESC LIMIT 1", s->table);
		if (svc_db_prepare(db, sql.s, &st, e)) {
			rc = e->code;
			break;
		}
		svc_bind_int64(st, 1, (int64_t)day_end);
		rc = svc_step(st);
		svc_buf_printf(&heads, "%s:%s;", s->table, rc == SVC_ROW &&
		    svc_col_text(st, 0) ? svc_col_text(st, 0) : "");
		svc_finalize(st);
		rc = rc == SVC_ROW || rc == SVC_DONE ? 0 :
		    svc_db_error(db, rc, e);
	}
	if (rc == 0 && svc_sha256_hex(heads.s, heads.len, out) != 0)
		rc = svc_seterr(e, SVC_EX_SOFTWARE, "SHA-256 failed");
	svc_buf_free(&sql);
	svc_buf_free(&heads);
	return rc;
}

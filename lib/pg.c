/*
 * pg.c - the SQL layer's PostgreSQL driver, through libpq (issue 20).
 *
 * What the layer promises (svc.h), kept on a server: a statement (its
 * ?N placeholders made $N) is bound as text, run at its first step and
 * read row by row from the result; a reset or a new binding runs it
 * again.  Column text lives until the next reset, as SQLite's does.
 * Errors keep the server's SQLSTATE on the connection, for svc_db_error
 * to map to an exit status.
 *
 * Round trips are what a write costs on a server (one a statement, where
 * SQLite's costs are instructions), so none is spent that the answer does
 * not need: a statement's first run parses, binds and runs in one
 * (PQexecParams), and only one run again is prepared by name, once a
 * connection (a statement run once never was, and is not deallocated);
 * an INSERT brings back the id it gave (gives_id), not asked after; the
 * statements left at the end of a command go with the connection.
 *
 * libpq is loaded when a connection is first asked for, not linked: its
 * thirty-odd libraries (TLS, Kerberos, LDAP) took 5.8 ms to load, more than
 * a whole check on SQLite, which must not pay for an engine it does not
 * use.  The header gives the functions' types.
 *
 * The layer's own test (tests/unit/test_sql.c) runs every case on both
 * drivers.
 */
#include <ctype.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine.h"

struct pgstmt {
	char name[24];		/* the prepared statement's, on the server */
	char *sql;		/* as the caller wrote it */
	char *text;		/* as the server reads it, $N for ?N */
	int prepared;		/* on the server yet */
	int runs;		/* how often run: the first, unprepared */
	int gives_id;		/* an INSERT that returns the id it gave */
	int nparams;
	Oid *types;		/* of the values bound, for a late prepare */
	char **vals;		/* bound values as text; NULL: null */
	int *lens, *formats;	/* a blob is bound in binary */
	PGresult *res;		/* NULL until the first step */
	PGresult *desc;		/* the columns, before any step */
	int row;		/* the current row of res */
	unsigned char *blob;	/* a bytea column, unescaped: */
	int blob_row, blob_col;	/* which, so that a read of its bytes */
	size_t blob_n;		/* after its pointer keeps the pointer */
	int cursor;		/* rows come by FETCH (svc_pg_cursor, a scan) */
	char *fetch;		/* the FETCH */
	int scan;		/* read through a cursor of its own, */
	int declared;		/* declared at its first step (svc_pg_scan) */
};

static int flush(struct svc_db *);
static int drain(struct svc_db *);

/* libpq's functions, found at the first connection. */
static struct {
	__typeof__(PQclear) *PQclear;
	__typeof__(PQcmdStatus) *PQcmdStatus;
	__typeof__(PQtransactionStatus) *PQtransactionStatus;
	__typeof__(PQcmdTuples) *PQcmdTuples;
	__typeof__(PQconnectdb) *PQconnectdb;
	__typeof__(PQdescribePrepared) *PQdescribePrepared;
	__typeof__(PQerrorMessage) *PQerrorMessage;
	__typeof__(PQexec) *PQexec;
	__typeof__(PQexecParams) *PQexecParams;
	__typeof__(PQexecPrepared) *PQexecPrepared;
	__typeof__(PQfinish) *PQfinish;
	__typeof__(PQfname) *PQfname;
	__typeof__(PQfreemem) *PQfreemem;
	__typeof__(PQftype) *PQftype;
	__typeof__(PQgetisnull) *PQgetisnull;
	__typeof__(PQgetvalue) *PQgetvalue;
	__typeof__(PQnfields) *PQnfields;
	__typeof__(PQntuples) *PQntuples;
	__typeof__(PQparamtype) *PQparamtype;
	__typeof__(PQprepare) *PQprepare;
	__typeof__(PQresultErrorField) *PQresultErrorField;
	__typeof__(PQresultErrorMessage) *PQresultErrorMessage;
	__typeof__(PQresultStatus) *PQresultStatus;
	__typeof__(PQstatus) *PQstatus;
	__typeof__(PQunescapeBytea) *PQunescapeBytea;
	/* libpq 14's pipeline: used where the library has it */
	__typeof__(PQenterPipelineMode) *PQenterPipelineMode;
	__typeof__(PQexitPipelineMode) *PQexitPipelineMode;
	__typeof__(PQgetResult) *PQgetResult;
	__typeof__(PQpipelineSync) *PQpipelineSync;
	__typeof__(PQsendQueryParams) *PQsendQueryParams;
	__typeof__(PQsendQueryPrepared) *PQsendQueryPrepared;
} pq;

static int
load_libpq(struct svc_err *e)
{
#define SYM(f) { #f, (void **)&pq.f }
	static const struct {
		const char *name;
		void **slot;
	} sym[] = {
		SYM(PQclear),
		SYM(PQcmdStatus),
		SYM(PQtransactionStatus),
		SYM(PQcmdTuples),
		SYM(PQconnectdb),
		SYM(PQdescribePrepared),
		SYM(PQerrorMessage),
		SYM(PQexec),
		SYM(PQexecParams),
		SYM(PQexecPrepared),
		SYM(PQfinish),
		SYM(PQfname),
		SYM(PQfreemem),
		SYM(PQftype),
		SYM(PQgetisnull),
		SYM(PQgetvalue),
		SYM(PQnfields),
		SYM(PQntuples),
		SYM(PQparamtype),
		SYM(PQprepare),
		SYM(PQresultErrorField),
		SYM(PQresultErrorMessage),
		SYM(PQresultStatus),
		SYM(PQstatus),
		SYM(PQunescapeBytea),
	}, opt[] = {
		SYM(PQenterPipelineMode),
		SYM(PQexitPipelineMode),
		SYM(PQgetResult),
		SYM(PQpipelineSync),
		SYM(PQsendQueryParams),
		SYM(PQsendQueryPrepared),
	};
#undef SYM
	static void *lib;
	size_t i;

	if (lib)
		return 0;
	if ((lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL)) == NULL)
		return svc_seterr(e, SVC_EX_CONFIG, "PostgreSQL: cannot load "
		    "libpq (Debian: apt install libpq5): %s", dlerror());
	for (i = 0; i < sizeof sym / sizeof sym[0]; i++)
		if ((*sym[i].slot = dlsym(lib, sym[i].name)) == NULL) {
			dlclose(lib);
			lib = NULL;
			return svc_seterr(e, SVC_EX_CONFIG, "PostgreSQL: libpq "
			    "lacks %s", sym[i].name);
		}
	for (i = 0; i < sizeof opt / sizeof opt[0]; i++)
		*opt[i].slot = dlsym(lib, opt[i].name);
	return 0;
}

/* Whether the libpq loaded has the pipeline (14 and later). */
static int
has_pipeline(void)
{
	return pq.PQenterPipelineMode && pq.PQexitPipelineMode &&
	    pq.PQgetResult && pq.PQpipelineSync && pq.PQsendQueryParams &&
	    pq.PQsendQueryPrepared;
}

/* The server's message and SQLSTATE, kept for svc_db_error. */
static int
failed(struct svc_db *db, const PGresult *res)
{
	const char *state = res ? pq.PQresultErrorField(res,
	    PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? pq.PQresultErrorMessage(res) : "";

	if (msg == NULL || *msg == '\0')
		msg = pq.PQerrorMessage(db->pg);
	snprintf(db->sqlstate, sizeof db->sqlstate, "%s",
	    state ? state : "08006");	/* no result: the connection */
	snprintf(db->pgmsg, sizeof db->pgmsg, "%.*s",
	    (int)strcspn(msg, "\n"), msg);
	return SVC_PG_ERROR;
}

/* The length of keyword w at p, as a whole word (any case); else 0. */
static size_t
word(const char *p, const char *w)
{
	size_t n = strlen(w);

	if (strncasecmp(p, w, n) != 0 || isalnum((unsigned char)p[n]) ||
	    p[n] == '_')
		return 0;
	return n;
}

static const char *
blanks(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	return p;
}

/* A value's keyword after IS: what the server also reads after IS. */
static int
is_operand(const char *p)
{
	return word(p, "NULL") || word(p, "TRUE") || word(p, "FALSE") ||
	    word(p, "DISTINCT") || word(p, "NOT");
}

/* Whether the parenthesis at p holds two values or more at its top. */
static int
several(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (*p == '\'' || *p == '"') {
			if ((p = strchr(p + 1, *p)) == NULL)
				return 0;	/* unclosed: left as it is */
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')' && --depth == 0) {
			return 0;
		} else if (*p == ',' && depth == 1) {
			return 1;
		}
	}
	return 0;
}

/*
 * SQLite's words where the server's differ, at a keyword p (after a
 * blank): the planner's hints (INDEXED BY name, NOT INDEXED) are
 * SQLite's advice and dropped; CROSS JOIN ... ON, SQLite's join in a
 * fixed order, is a JOIN; IS and IS NOT between two values are IS NOT
 * DISTINCT FROM and IS DISTINCT FROM; group_concat(x, sep) is the
 * server's own string_agg (the aggregate of that name in schema_pg.c,
 * which also takes group_concat(x) of svc-report query, calls a function
 * in SQL a row: listing every order took a third longer).  Returns how
 * much of the text was read, 0 for none.
 */
static size_t
dialect(const char *p, struct svc_buf *out)
{
	const char *q;
	size_t n;

	if ((n = word(p, "group_concat")) && *(q = blanks(p + n)) == '(' &&
	    several(q)) {
		svc_buf_puts(out, "string_agg");
		return n;
	}

	if ((n = word(p, "INDEXED")) && (q = blanks(p + n)) &&
	    (n = word(q, "BY"))) {
		q = blanks(q + n);
		while (isalnum((unsigned char)*q) || *q == '_')
			q++;
		return (size_t)(q - p);
	}
	if ((n = word(p, "NOT")) && (q = blanks(p + n)) &&
	    (n = word(q, "INDEXED")))
		return (size_t)(q + n - p);
	if ((n = word(p, "CROSS")) && (q = blanks(p + n)) &&
	    (n = word(q, "JOIN"))) {
		svc_buf_puts(out, "JOIN");
		return (size_t)(q + n - p);
	}
	if ((n = word(p, "IS")) == 0)
		return 0;
	q = blanks(p + n);
	if (!is_operand(q)) {
		svc_buf_puts(out, "IS NOT DISTINCT FROM");
		return n;
	}
	if ((n = word(q, "NOT")) && !is_operand(blanks(q + n))) {
		svc_buf_puts(out, "IS DISTINCT FROM");
		return (size_t)(q + n - p);
	}
	return 0;
}

/*
 * The statement's text for the server: ?N becomes $N, a bare ? the next
 * number, SQLite's own words the server's (dialect); quoted literals,
 * quoted names and comments are copied as they are.  Returns the number
 * of parameters.
 */
int
svc_pg_text(const char *sql, struct svc_buf *out)
{
	const char *p;
	int n = 0, seq = 0;
	size_t skip;

	for (p = sql; *p; p++) {
		if (*p == '\'' || *p == '"') {
			const char *end = strchr(p + 1, *p);

			end = end ? end : p + strlen(p) - 1;
			svc_buf_add(out, p, (size_t)(end - p) + 1);
			p = end;
		} else if (p[0] == '-' && p[1] == '-') {
			size_t len = strcspn(p, "\n");

			svc_buf_add(out, p, len);
			p += len - 1;
		} else if (*p == '?') {
			char *end;
			long v = strtol(p + 1, &end, 10);

			if (end == p + 1)
				v = ++seq;
			else
				p = end - 1;
			svc_buf_printf(out, "$%ld", v);
			n = v > n ? (int)v : n;
		} else if ((p == sql || !(isalnum((unsigned char)p[-1]) ||
		    p[-1] == '_' || p[-1] == '.')) &&
		    (skip = dialect(p, out)) != 0) {
			p += skip - 1;
		} else {
			svc_buf_putc(out, *p);
		}
	}
	return n;
}

int
svc_pg_connect(const char *conninfo, const char *shown, struct svc_db **out,
    struct svc_err *e)
{
	struct svc_db *db;
	const char *tz;
	PGconn *c;

	*out = NULL;
	if (load_libpq(e))
		return e->code;
	/* the session's zone is svc's (clock.c sets TZ from the config):
	 * a day on the server is the day svc prints */
	if ((tz = getenv("TZ")) != NULL && *tz)
		setenv("PGTZ", tz, 1);
	c = pq.PQconnectdb(conninfo);
	if (pq.PQstatus(c) != CONNECTION_OK) {
		svc_seterr(e, SVC_EX_IOERR, "%s: cannot connect: %.*s",
		    shown, (int)strcspn(pq.PQerrorMessage(c), "\n"),
		    pq.PQerrorMessage(c));
		pq.PQfinish(c);
		return e->code;
	}
	db = svc_db_wrap(NULL);
	db->pg = c;
	/* the server's notices ("does not exist, skipping") are not the
	 * one line on stderr a command may print; a commit is on disk
	 * before the command prints it (a receipt), whatever the server's
	 * default for synchronous_commit; and no statement is compiled by
	 * JIT, which took half a second to save milliseconds on a listing; a
	 * cursor is planned for all its rows, as svc reads them all, not for
	 * the first tenth (a listing by cursor took 60 % longer) */
	if (svc_pg_exec(db, "SET client_min_messages = warning;"
	    " SET synchronous_commit = on; SET jit = off;"
	    " SET cursor_tuple_fraction = 1") != 0) {
		svc_db_error(db, SVC_PG_ERROR, e);
		svc_db_close(db);
		return e->code;
	}
	*out = db;
	return 0;
}

void
svc_pg_close(struct svc_db *db)
{
	pq.PQfinish(db->pg);
}

const char *
svc_pg_sql(struct svc_stmt *st)
{
	return st->pg->sql;
}

/*
 * Whether the server refused a statement for want of its parameters'
 * types: one it cannot infer (42P18, or 42P08 where ?2 IS NULL and
 * r.role = ?2 leave it in two minds), or a function it cannot choose
 * among its kind (42725: svc_seal of an event or of a handover).
 */
static int
untyped(const struct svc_db *db)
{
	return strcmp(db->sqlstate, "42P18") == 0 ||
	    strcmp(db->sqlstate, "42P08") == 0 ||
	    strcmp(db->sqlstate, "42725") == 0;
}

/* n items of size bytes, all zero (one at least: none is still a table). */
static void *
cleared(int n, size_t size)
{
	void *p = svc_xmalloc((size_t)(n + 1) * size);

	return memset(p, 0, (size_t)(n + 1) * size);
}

static int
prepare_once(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	PGresult *res;
	int rc;

	if (flush(st->db) != 0)
		return SVC_PG_ERROR;
	res = pq.PQprepare(st->db->pg, p->name, p->text, p->nparams,
	    p->types);
	rc = pq.PQresultStatus(res) == PGRES_COMMAND_OK ? 0 :
	    failed(st->db, res);
	pq.PQclear(res);
	if (rc == 0)
		p->prepared = 1;
	return rc;
}

/* Whether a parameter is still of no type (a null bound, or none yet). */
static int
has_untyped(const struct pgstmt *p)
{
	int i;

	for (i = 0; i < p->nparams; i++)
		if (p->types[i] == SVC_PG_UNKNOWN)
			return 1;
	return 0;
}

/* "IS NULL" or "IS NOT NULL" at p, as whole words: its length, or 0. */
static size_t
is_null_test(const char *p)
{
	const char *q = blanks(p);
	size_t n;

	if ((n = word(q, "is")) == 0)
		return 0;
	q = blanks(q + n);
	if ((n = word(q, "not")) != 0)
		q = blanks(q + n);
	if ((n = word(q, "null")) == 0)
		return 0;
	return (size_t)(q + n - p);
}

/*
 * The server's text with each "$N IS [NOT] NULL" made "NULL::text IS
 * [NOT] NULL": the test that leaves the server unable to type $N, while
 * every other use of $N (o.created_at >= $N) types it.  uses[i] counts
 * those other uses of $i+1, of the nparams the statement has.
 */
static void
probe_text(const char *text, int *uses, int nparams, struct svc_buf *out)
{
	const char *p, *end;
	long n;

	for (p = text; *p; p++) {
		if (*p == '\'') {	/* a literal, copied whole */
			end = strchr(p + 1, '\'');
			end = end ? end : p + strlen(p) - 1;
			svc_buf_add(out, p, (size_t)(end - p + 1));
			p = end;
			continue;
		}
		if (*p != '$' || !isdigit((unsigned char)p[1])) {
			svc_buf_putc(out, *p);
			continue;
		}
		n = strtol(p + 1, (char **)&end, 10);
		if (n < 1 || n > nparams)	/* not one of ours: as it is */
			svc_buf_add(out, p, (size_t)(end - p));
		else if (is_null_test(end) != 0)
			svc_buf_puts(out, "NULL::text");
		else {
			svc_buf_add(out, p, (size_t)(end - p));
			uses[n - 1]++;
		}
		p = end - 1;
	}
}

/*
 * The types the server gives the parameters of no type, learnt from the
 * probe text prepared unnamed: a parameter used only in IS NULL tests is
 * text, as SQLite would take any value there.
 */
static int
infer_types(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	struct svc_buf text = { 0 };
	int *uses = cleared(p->nparams, sizeof *uses);
	Oid *types = cleared(p->nparams, sizeof *types);
	PGresult *res;
	int i, rc;

	probe_text(p->text, uses, p->nparams, &text);
	for (i = 0; i < p->nparams; i++)
		types[i] = p->types[i] == SVC_PG_UNKNOWN && uses[i] == 0 ?
		    SVC_PG_TEXT : p->types[i];
	res = pq.PQprepare(st->db->pg, "", text.s, p->nparams, types);
	rc = pq.PQresultStatus(res) == PGRES_COMMAND_OK ? 0 :
	    failed(st->db, res);
	pq.PQclear(res);
	if (rc == 0) {
		res = pq.PQdescribePrepared(st->db->pg, "");
		if (pq.PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = failed(st->db, res);
		for (i = 0; rc == 0 && i < p->nparams; i++)
			if (p->types[i] == SVC_PG_UNKNOWN)
				p->types[i] = pq.PQparamtype(res, i);
		pq.PQclear(res);
	}
	svc_buf_free(&text);
	free(uses);
	free(types);
	return rc;
}

/* Back to the savepoint a failed prepare aborted, if there is one. */
static int
undo(struct svc_db *db, int guard)
{
	return guard ? svc_pg_exec(db, "ROLLBACK TO svc_typing") : 0;
}

/*
 * Prepared on the server, with the types its bindings give: an integer
 * is bigint, a text text, a blob bytea, and a null of no type, for the
 * server to infer from where it stands (order_id = ?1).  Where it cannot
 * (?1 IS NULL OR o.created_at >= ?1), infer_types asks it what the other
 * uses say; failing that, text.  A failed prepare aborts the transaction
 * it is in, so the first try is made under a savepoint, and only when
 * there is a null to type.
 */
static int
server_prepare(struct svc_stmt *st)
{
	struct svc_db *db = st->db;
	struct pgstmt *p = st->pg;
	int i, rc, guard;

	if (!has_untyped(p))
		return prepare_once(st);
	guard = svc_pg_in_transaction(db);
	if (guard && svc_pg_exec(db, "SAVEPOINT svc_typing") != 0)
		return SVC_PG_ERROR;
	if ((rc = prepare_once(st)) != 0 && untyped(db) &&
	    undo(db, guard) == 0) {
		if (infer_types(st) != 0) {
			if (undo(db, guard) != 0)
				return SVC_PG_ERROR;
			for (i = 0; i < p->nparams; i++)
				if (p->types[i] == SVC_PG_UNKNOWN)
					p->types[i] = SVC_PG_TEXT;
		}
		rc = prepare_once(st);
	}
	if (rc != 0)
		return rc;
	return guard ? svc_pg_exec(db, "RELEASE svc_typing") : 0;
}

/*
 * An INSERT that returns nothing of its own is made to return the id its
 * row's default gave (schema_pg.c keeps it in svc.last_id): the same
 * round trip brings svc_db_last_id's answer.  A table without an id
 * leaves the last one given, as SQLite's last_insert_rowid does for a
 * table without a rowid.
 */
static int
gives_id(struct svc_buf *text)
{
	size_t n;

	if (text->s == NULL || !word(blanks(text->s), "INSERT") ||
	    strstr(text->s, "RETURNING"))
		return 0;
	for (n = text->len; n > 0 && (isspace((unsigned char)text->s[n - 1]) ||
	    text->s[n - 1] == ';'); n--)
		;
	text->len = n;
	text->s[n] = '\0';
	/* a new line: the text may end in a comment */
	svc_buf_puts(text, "\nRETURNING current_setting('svc.last_id', true)");
	return 1;
}

int
svc_pg_prepare(struct svc_db *db, const char *sql, struct svc_stmt **out,
    struct svc_err *e)
{
	struct svc_buf text = { 0 };
	struct pgstmt *p = svc_xmalloc(sizeof *p);
	struct svc_stmt *st;

	memset(p, 0, sizeof *p);
	p->nparams = svc_pg_text(sql, &text);
	p->gives_id = gives_id(&text);
	p->text = svc_strdup(text.s ? text.s : "");
	svc_buf_free(&text);
	snprintf(p->name, sizeof p->name, "svc%d", ++db->nprepared);
	p->sql = svc_strdup(sql);
	p->types = cleared(p->nparams, sizeof *p->types);
	p->vals = cleared(p->nparams, sizeof *p->vals);
	p->lens = cleared(p->nparams, sizeof *p->lens);
	p->formats = cleared(p->nparams, sizeof *p->formats);
	p->row = -1;
	*out = st = svc_stmt_new(db, NULL, p);
	/* a statement with parameters waits for the first step, when its
	 * bindings give their types (server_prepare) */
	if (p->nparams > 0 || server_prepare(st) == 0)
		return 0;
	svc_finalize(st);
	*out = NULL;
	return svc_db_error(db, SVC_PG_ERROR, e);
}

/* A value bound as n bytes of text (or of a blob); NULL binds null. */
int
svc_pg_bind(struct svc_stmt *st, int i, const void *v, size_t n,
    unsigned type)
{
	struct pgstmt *p = st->pg;

	if (i < 1 || i > p->nparams)
		return SVC_PG_ERROR;
	svc_pg_reset(st);
	free(p->vals[i - 1]);
	p->vals[i - 1] = NULL;
	if (v != NULL) {
		p->vals[i - 1] = svc_xmalloc(n + 1);
		memcpy(p->vals[i - 1], v, n);
		p->vals[i - 1][n] = '\0';
	}
	p->lens[i - 1] = (int)n;
	p->formats[i - 1] = type == SVC_PG_BYTEA;
	if (type != 0)
		p->types[i - 1] = type;
	return 0;
}

int
svc_pg_bind_count(struct svc_stmt *st)
{
	return st->pg->nparams;
}

/*
 * A cursor's next rows, CURSOR_ROWS at a time: a reader holds no more
 * than that in memory (svc-report query bounds what it copies out).
 */
#define CURSOR_ROWS 500
#define CURSOR_FETCH "FETCH 500 FROM svc_query"	/* CURSOR_ROWS */

/* A result let go, as svc_pg_reset does, the cursor kept open. */
static void
clear(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;

	pq.PQclear(p->res);
	p->res = NULL;
	p->row = -1;
	pq.PQfreemem(p->blob);
	p->blob = NULL;
}

static int
fetch(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;

	clear(st);
	if (flush(st->db) != 0)
		return SVC_PG_ERROR;
	p->res = pq.PQexec(st->db->pg, p->fetch);
	if (pq.PQresultStatus(p->res) != PGRES_TUPLES_OK) {
		failed(st->db, p->res);
		pq.PQclear(p->res);
		p->res = NULL;
		return SVC_PG_ERROR;
	}
	return 0;
}

/*
 * Whether the server takes a statement of cleaning up now: not in a
 * transaction a statement failed in (it would refuse, and its refusal
 * take the place of the error the caller is yet to read), nor at close.
 */
static int
tidy(struct svc_db *db)
{
	PGTransactionStatusType t = pq.PQtransactionStatus(db->pg);

	return !db->closing && (t == PQTRANS_IDLE || t == PQTRANS_INTRANS);
}

/*
 * A scan's cursor, declared with the statement's bindings at its first
 * step (a parameter of no type typed first, as for a prepare), and its
 * first rows fetched.
 */
static int
declare(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	struct svc_buf sql = { 0 };
	PGresult *res;
	int rc;

	if (flush(st->db) != 0 ||
	    (has_untyped(p) && !p->prepared && server_prepare(st) != 0))
		return SVC_PG_ERROR;
	/* the name is ours, svc<digits>: nothing to quote */
	svc_buf_printf(&sql, "DECLARE c_%s NO SCROLL CURSOR FOR %s", p->name,
	    p->text);
	res = pq.PQexecParams(st->db->pg, sql.s, p->nparams, p->types,
	    (const char *const *)p->vals, p->lens, p->formats, 0);
	rc = pq.PQresultStatus(res) == PGRES_COMMAND_OK ? 0 :
	    failed(st->db, res);
	pq.PQclear(res);
	svc_buf_free(&sql);
	if (rc != 0)
		return rc;
	p->declared = p->cursor = 1;
	return fetch(st);
}

/*
 * A query whose rows may be many (a whole table): inside a transaction,
 * read through a cursor CURSOR_ROWS at a time, so that they are never
 * all in memory (libpq holds a statement's whole result); outside one a
 * server has no cursor, and it runs as any statement.
 */
void
svc_pg_scan(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	struct svc_buf sql = { 0 };

	p->scan = 1;
	svc_buf_printf(&sql, "FETCH %d FROM c_%s", CURSOR_ROWS, p->name);
	free(p->fetch);
	p->fetch = svc_strdup(sql.s);
	svc_buf_free(&sql);
}

static int
cursor_step(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	int n = pq.PQntuples(p->res);

	if (++p->row < n)
		return SVC_ROW;
	if (n < CURSOR_ROWS) {
		p->row = n;
		return SVC_DONE;
	}
	if (fetch(st) != 0)
		return SVC_PG_ERROR;
	p->row = 0;
	return pq.PQntuples(p->res) > 0 ? SVC_ROW : SVC_DONE;
}

/*
 * A query of one statement and no parameter, read through a cursor in
 * the transaction the caller began: DECLARE is sent by the extended
 * protocol, which takes one statement only, and its first rows are
 * fetched here, so that the columns are known before the first step.
 */
int
svc_pg_cursor(struct svc_db *db, const char *sql, struct svc_stmt **out,
    struct svc_err *e)
{
	struct svc_buf text = { 0 };
	struct pgstmt *p;
	PGresult *res;
	int rc;

	*out = NULL;
	svc_buf_puts(&text, "DECLARE svc_query NO SCROLL CURSOR FOR ");
	if (svc_pg_text(sql, &text) != 0) {
		svc_buf_free(&text);
		return svc_seterr(e, SVC_EX_DATA, "query: no parameters");
	}
	res = flush(db) ? NULL :
	    pq.PQexecParams(db->pg, text.s, 0, NULL, NULL, NULL, NULL, 0);
	rc = pq.PQresultStatus(res) == PGRES_COMMAND_OK ? 0 : failed(db, res);
	pq.PQclear(res);
	svc_buf_free(&text);
	if (rc != 0)
		return svc_pg_error(db, e);
	p = svc_xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	p->sql = svc_strdup(sql);
	p->text = svc_strdup(CURSOR_FETCH);
	p->fetch = svc_strdup(CURSOR_FETCH);
	p->cursor = 1;
	p->types = cleared(0, sizeof *p->types);
	p->vals = cleared(0, sizeof *p->vals);
	p->lens = cleared(0, sizeof *p->lens);
	p->formats = cleared(0, sizeof *p->formats);
	*out = svc_stmt_new(db, NULL, p);
	if (fetch(*out) == 0)
		return 0;
	svc_finalize(*out);	/* the statement and its handle */
	*out = NULL;
	return svc_pg_error(db, e);
}

/*
 * A savepoint's SAVEPOINT or RELEASE is put off to go with the next
 * statement, in its round trip: of the six round trips an item of a
 * batch took (savepoint, four statements, release), two were these.
 * Nothing runs between, so what the savepoint guards is the same; a
 * COMMIT or ROLLBACK makes them moot (svc_pg_exec).
 */
int
svc_pg_later(struct svc_db *db, const char *sql)
{
	if (db->nlater == SVC_PG_LATER && flush(db) != 0)
		return SVC_PG_ERROR;
	db->later[db->nlater++] = sql;
	return 0;
}

/* Whether r is an error the caller must see. */
static int
is_error(const PGresult *r)
{
	ExecStatusType s = pq.PQresultStatus(r);

	return s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK &&
	    s != PGRES_PIPELINE_ABORTED;
}

/* The writes sent and the savepoints put off, answered now. */
static int
flush(struct svc_db *db)
{
	if (drain(db) != 0)
		return SVC_PG_ERROR;
	return db->nlater > 0 ? svc_pg_exec(db, "") : 0;
}

/*
 * The answers of what the pipeline holds (writes sent by svc_pg_send, a
 * statement run after savepoints put off), read at last: the first error
 * is kept as the connection's (the server then skips the rest, and the
 * command's commit fails too).  With keep, the last statement's result is
 * handed back, or the first error's.
 */
static int
collect(struct svc_db *db, PGresult **keep)
{
	PGconn *c = db->pg;
	PGresult *r, *res = NULL;
	int i, n = db->queued, rc = 0;

	db->queued = 0;
	if (!pq.PQpipelineSync(c)) {
		pq.PQexitPipelineMode(c);
		return failed(db, NULL);	/* the connection's trouble */
	}
	/* every answer is read, those skipped after an error too */
	for (i = 0; i < n; i++)
		while ((r = pq.PQgetResult(c)) != NULL) {
			if (rc == 0 && is_error(r))
				rc = failed(db, r);
			if (keep && (res == NULL || (!is_error(res) &&
			    (is_error(r) || i == n - 1)))) {
				pq.PQclear(res);
				res = r;
			} else
				pq.PQclear(r);
		}
	pq.PQclear(pq.PQgetResult(c));	/* the sync */
	pq.PQexitPipelineMode(c);
	if (keep)
		*keep = res;
	return rc;
}

static int
drain(struct svc_db *db)
{
	return db->queued > 0 ? collect(db, NULL) : 0;
}

/*
 * Into the pipeline, entered if need be: the savepoints put off, then
 * the statement, unprepared on its first run.  Its bound values are
 * copied out as it is sent.
 */
static int
enqueue(struct svc_stmt *st, int first)
{
	struct pgstmt *p = st->pg;
	struct svc_db *db = st->db;
	PGconn *c = db->pg;
	int i, n = db->nlater;

	if (db->queued == 0 && !pq.PQenterPipelineMode(c))
		return failed(db, NULL);
	db->nlater = 0;
	for (i = 0; i < n; i++, db->queued++)
		if (!pq.PQsendQueryParams(c, db->later[i], 0, NULL, NULL, NULL,
		    NULL, 0))
			return failed(db, NULL);
	if (!(first ? pq.PQsendQueryParams(c, p->text, p->nparams, p->types,
	    (const char *const *)p->vals, p->lens, p->formats, 0) :
	    pq.PQsendQueryPrepared(c, p->name, p->nparams,
	    (const char *const *)p->vals, p->lens, p->formats, 0)))
		return failed(db, NULL);
	db->queued++;
	return 0;
}

/* A write run and answered at once, where libpq has no pipeline. */
static int
step_once(struct svc_stmt *st)
{
	int rc = svc_pg_step(st);

	svc_pg_reset(st);
	return rc == SVC_DONE || rc == SVC_ROW ? 0 : SVC_PG_ERROR;
}

/*
 * A write whose answer its caller does not read, sent without waiting
 * for it, SVC_PG_QUEUE at most before they are all answered: a copy of a
 * table is one round trip every SVC_PG_QUEUE rows, not one a row.  Its
 * bound values are copied out as it is sent.
 */
int
svc_pg_send(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;

	if (!has_pipeline())
		return step_once(st);
	if ((!p->prepared && (flush(st->db) != 0 || server_prepare(st) != 0))
	    || enqueue(st, 0) != 0)
		return SVC_PG_ERROR;
	return st->db->queued < SVC_PG_QUEUE ? 0 : drain(st->db);
}

/*
 * The statement run after what the pipeline holds (savepoints put off,
 * writes sent), in the one round trip that answers them all: its result,
 * or the first error.  In a transaction a pipeline's sync ends nothing.
 */
static PGresult *
pipelined(struct svc_stmt *st, int first)
{
	PGresult *res = NULL;

	if (enqueue(st, first) != 0) {
		drain(st->db);
		return NULL;
	}
	collect(st->db, &res);
	return res;
}

/*
 * A statement's first run in one round trip, unprepared; a second run
 * prepares it by name for every run after.  A null bound to a parameter
 * the server cannot type goes through server_prepare, which types it.
 */
static PGresult *
run(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	PGconn *c = st->db->pg;
	int first = !p->prepared && p->runs++ == 0 && !has_untyped(p);

	if (!first && !p->prepared && server_prepare(st) != 0)
		return NULL;
	if ((st->db->nlater > 0 || st->db->queued > 0) && has_pipeline())
		return pipelined(st, first);
	if (flush(st->db) != 0)
		return NULL;
	if (first)
		return pq.PQexecParams(c, p->text, p->nparams, p->types,
		    (const char *const *)p->vals, p->lens, p->formats, 0);
	return pq.PQexecPrepared(c, p->name, p->nparams,
	    (const char *const *)p->vals, p->lens, p->formats, 0);
}

/* The id an INSERT's rows were given, the last of them; none: as was. */
static void
take_id(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	int n = pq.PQntuples(p->res);

	if (n > 0 && !pq.PQgetisnull(p->res, n - 1, 0))
		st->db->last_id = strtoll(pq.PQgetvalue(p->res, n - 1, 0),
		    NULL, 10);
	p->row = n;	/* the caller's INSERT has no rows */
}

/* Run at the first step; then one row a step. */
int
svc_pg_step(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	struct svc_db *db = st->db;
	ExecStatusType s;

	if (p->scan && !p->declared && svc_pg_in_transaction(db)) {
		if (declare(st) != 0)
			return SVC_PG_ERROR;
	}
	if (p->cursor)
		return cursor_step(st);
	if (p->res == NULL) {
		if ((p->res = run(st)) == NULL)
			return SVC_PG_ERROR;
		s = pq.PQresultStatus(p->res);
		if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
			failed(db, p->res);
			pq.PQclear(p->res);
			p->res = NULL;
			return SVC_PG_ERROR;
		}
		db->changes = strtoll(pq.PQcmdTuples(p->res), NULL, 10);
		if (p->gives_id)
			take_id(st);
	}
	if (++p->row < pq.PQntuples(p->res))
		return SVC_ROW;
	p->row = pq.PQntuples(p->res);
	return SVC_DONE;
}

/* The id the last INSERT that inserted a row gave it (gives_id). */
int64_t
svc_pg_last_id(struct svc_db *db)
{
	return db->last_id;
}

void
svc_pg_reset(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	struct svc_buf sql = { 0 };

	clear(st);
	if (!p->declared)
		return;
	/* a scan runs again from a cursor declared anew; a cursor ends with
	 * its transaction, and is closed only while that lasts */
	if (tidy(st->db) &&
	    pq.PQtransactionStatus(st->db->pg) == PQTRANS_INTRANS) {
		svc_buf_printf(&sql, "CLOSE c_%s", p->name);
		svc_pg_exec(st->db, sql.s);
		svc_buf_free(&sql);
	}
	p->declared = p->cursor = 0;
}

void
svc_pg_finalize(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;
	struct svc_buf sql = { 0 };
	int i;

	svc_pg_reset(st);
	pq.PQclear(p->desc);
	/* what is left at the end goes with the connection */
	if (p->prepared && tidy(st->db) &&
	    pq.PQstatus(st->db->pg) == CONNECTION_OK) {
		/* the name is ours, svc<digits>: nothing to quote */
		svc_buf_printf(&sql, "DEALLOCATE %s", p->name);
		svc_pg_exec(st->db, sql.s);
		svc_buf_free(&sql);
	}
	for (i = 0; i < p->nparams; i++)
		free(p->vals[i]);
	free(p->vals);
	free(p->lens);
	free(p->formats);
	free(p->types);
	free(p->text);
	free(p->fetch);
	free(p->sql);
	free(p);
}

/* The result that names the columns: the rows, or the description. */
static const PGresult *
columns(struct svc_stmt *st)
{
	struct pgstmt *p = st->pg;

	if (p->res)
		return p->res;
	if (!p->prepared)
		server_prepare(st);
	if (p->desc == NULL && flush(st->db) == 0)
		p->desc = pq.PQdescribePrepared(st->db->pg, p->name);
	return p->desc;
}

int
svc_pg_col_count(struct svc_stmt *st)
{
	return pq.PQnfields(columns(st));
}

const char *
svc_pg_col_name(struct svc_stmt *st, int col)
{
	return pq.PQfname(columns(st), col);
}

/*
 * Text of the current row's column; NULL for null or no row.  A boolean
 * reads as SQLite gives a truth, 1 or 0 (EXISTS, a comparison): the
 * outputs are the same on both engines.
 */
const char *
svc_pg_col_text(struct svc_stmt *st, int col)
{
	struct pgstmt *p = st->pg;

	if (p->res == NULL || p->row < 0 || p->row >= pq.PQntuples(p->res) ||
	    col < 0 || col >= pq.PQnfields(p->res) ||
	    pq.PQgetisnull(p->res, p->row, col))
		return NULL;
	if (pq.PQftype(p->res, col) == SVC_PG_BOOL)
		return *pq.PQgetvalue(p->res, p->row, col) == 't' ? "1" : "0";
	return pq.PQgetvalue(p->res, p->row, col);
}

/* The built-in types' numbers (pg_type.dat); any other is text. */
enum { INT2 = 21, INT4 = 23, FLOAT4 = 700, FLOAT8 = 701, NUMERIC = 1700 };

int
svc_pg_col_type(struct svc_stmt *st, int col)
{
	if (svc_pg_col_text(st, col) == NULL)
		return SVC_T_NULL;
	switch (pq.PQftype(st->pg->res, col)) {
	case INT2: case INT4: case SVC_PG_INT8: case SVC_PG_BOOL:
		return SVC_T_INT;
	case FLOAT4: case FLOAT8: case NUMERIC:
		return SVC_T_FLOAT;
	case SVC_PG_BYTEA:
		return SVC_T_BLOB;
	default:
		return SVC_T_TEXT;
	}
}

const void *
svc_pg_col_blob(struct svc_stmt *st, int col, size_t *n)
{
	const char *s = svc_pg_col_text(st, col);
	struct pgstmt *p = st->pg;

	*n = 0;
	if (s == NULL)
		return NULL;
	if (pq.PQftype(p->res, col) != SVC_PG_BYTEA) {
		*n = strlen(s);
		return s;
	}
	if (p->blob == NULL || p->blob_row != p->row || p->blob_col != col) {
		pq.PQfreemem(p->blob);
		p->blob = pq.PQunescapeBytea((const unsigned char *)s,
		    &p->blob_n);
		p->blob_row = p->row;
		p->blob_col = col;
	}
	*n = p->blob_n;
	return p->blob;
}

/*
 * SQLSTATE classes to the exit statuses of DESIGN section 3: a
 * serialization failure, a deadlock or a lock not granted is "try again"
 * (75), as SQLite's busy is; a constraint is bad data (65); a lost
 * connection or a full disk an I/O error (74).
 */
int
svc_pg_error(struct svc_db *db, struct svc_err *e)
{
	const char *s = db->sqlstate;
	int code = SVC_EX_SOFTWARE;

	if (strcmp(s, "40001") == 0 || strcmp(s, "40P01") == 0 ||
	    strcmp(s, "55P03") == 0)
		return svc_seterr(e, SVC_EX_TEMPFAIL,
		    "database busy past the timeout; try again");
	if (strncmp(s, "23", 2) == 0)
		code = SVC_EX_DATA;
	else if (strncmp(s, "08", 2) == 0 || strncmp(s, "53", 2) == 0 ||
	    strncmp(s, "58", 2) == 0 || strcmp(s, "25006") == 0)
		code = SVC_EX_IOERR;
	return svc_seterr(e, code, "database: %s", db->pgmsg);
}

/* Whether a transaction is open (or failed and not yet rolled back). */
int
svc_pg_in_transaction(struct svc_db *db)
{
	return pq.PQtransactionStatus(db->pg) != PQTRANS_IDLE;
}

/*
 * SQL run whole (several statements may follow one another), after the
 * statements put off (svc_pg_later), in one round trip; 0, or
 * SVC_PG_ERROR with the server's word kept.  A COMMIT of a transaction a
 * statement failed in is answered ROLLBACK, without an error: it is one
 * here, or a failed write would be reported as made.
 */
int
svc_pg_exec(struct svc_db *db, const char *sql)
{
	struct svc_buf all = { 0 };
	PGresult *res;
	ExecStatusType s;
	int i, rc = 0;

	if (drain(db) != 0 && strcmp(sql, "ROLLBACK") != 0)
		return SVC_PG_ERROR;
	if (strcmp(sql, "COMMIT") == 0 || strcmp(sql, "ROLLBACK") == 0)
		db->nlater = 0;
	for (i = 0; i < db->nlater; i++)
		svc_buf_printf(&all, "%s; ", db->later[i]);
	db->nlater = 0;
	svc_buf_puts(&all, sql);
	res = pq.PQexec(db->pg, all.s);
	svc_buf_free(&all);
	s = pq.PQresultStatus(res);
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK &&
	    !(s == PGRES_EMPTY_QUERY && *sql == '\0'))
		rc = failed(db, res);
	else if (strcmp(sql, "COMMIT") == 0 &&
	    strcmp(pq.PQcmdStatus(res), "COMMIT") != 0) {
		snprintf(db->sqlstate, sizeof db->sqlstate, "40000");
		snprintf(db->pgmsg, sizeof db->pgmsg, "the transaction was "
		    "rolled back");
		rc = SVC_PG_ERROR;
	}
	pq.PQclear(res);
	return rc;
}

/*
 * db.c - opening the database, transactions, migrations, check and backup
 * (DESIGN section 4).
 *
 * Every write runs in BEGIN IMMEDIATE: a DEFERRED transaction that reads and
 * then writes fails at once with SQLITE_BUSY_SNAPSHOT however long the busy
 * timeout, which would lose a write when eight people work at once.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"

extern const char *const svc_migrations[];
extern const int svc_nmigrations;

#define BUSY_TRIES 3

int
svc_db_schema_version(void)
{
	return svc_nmigrations;
}

/*
 * The schema's version: SQLite's user_version, a row of svc_schema on
 * PostgreSQL (0 when svc-db init has not made the schema there).
 */
int
svc_db_version(struct svc_db *db, int *version, struct svc_err *e)
{
	char v[16];

	*version = 0;
	if (svc_db_value(db, db->pg ? "SELECT coalesce((SELECT max(version)"
	    " FROM svc_schema), 0)" : "PRAGMA user_version", v, sizeof v, e))
		return e->code;
	*version = atoi(v);
	return 0;
}

static int
busy_ms(void)
{
	const char *s = getenv("SVC_BUSY_MS");
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return 5000;
	v = strtol(s, &end, 10);
	if (*end != '\0' || v < 0 || v > 3600000)
		return 5000;
	return (int)v;
}

/*
 * The busy timeout already waits; a statement that still finds the
 * database busy is tried a few more times before the caller is told to
 * retry later (75).
 */
static int
exec_retrying(struct svc_db *db, const char *sql)
{
	int rc = SQLITE_BUSY, i;

	for (i = 0; i < BUSY_TRIES && (rc == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED); i++)
		rc = sqlite3_exec(db->lite, sql, NULL, NULL, NULL);
	return rc;
}

/*
 * One writer at a time, on either engine (issue 20).  SQLite's BEGIN
 * IMMEDIATE takes the database's write lock.  On PostgreSQL the same
 * guarantee is an advisory lock of the database's, held to the end of
 * the transaction: writers queue as they do on SQLite, and since no
 * other writer commits while one holds it, READ COMMITTED gives each the
 * state it would see alone.  Receipts stay gap-free, a no-show is flagged
 * once and auto-assign books no worker twice, without retrying a
 * command's work after a serialization failure (which SERIALIZABLE would
 * ask of every verb).  Readers take no lock on either engine.  The wait
 * is SVC_BUSY_MS on both; past it, 75.
 */
#define PG_WRITER_LOCK 7566947	/* "svc" in ASCII */

int
svc_db_begin(struct svc_db *db, struct svc_err *e)
{
	char sql[160];
	int rc;

	if (db->pg == NULL) {
		rc = exec_retrying(db, "BEGIN IMMEDIATE");
		return rc == SQLITE_OK ? 0 : svc_db_error(db, rc, e);
	}
	snprintf(sql, sizeof sql, "BEGIN ISOLATION LEVEL READ COMMITTED;"
	    " SET LOCAL lock_timeout = %d; SELECT pg_advisory_xact_lock(%d)",
	    busy_ms(), PG_WRITER_LOCK);
	if ((rc = svc_pg_exec(db, sql)) == 0)
		return 0;
	svc_db_error(db, rc, e);
	svc_db_rollback(db);
	return e->code;
}

int
svc_db_commit(struct svc_db *db, struct svc_err *e)
{
	int rc = db->pg ? svc_pg_exec(db, "COMMIT") :
	    exec_retrying(db, "COMMIT");

	if (rc == SQLITE_OK)
		return 0;
	svc_db_error(db, rc, e);
	svc_db_rollback(db);
	return e->code;
}

void
svc_db_rollback(struct svc_db *db)
{
	if (db->pg) {
		if (svc_pg_in_transaction(db))
			svc_pg_exec(db, "ROLLBACK");
	} else if (!sqlite3_get_autocommit(db->lite))
		sqlite3_exec(db->lite, "ROLLBACK", NULL, NULL, NULL);
}

/*
 * A reader's snapshot held across statements (svc-db copy reads every
 * table as of one moment), ended by svc_db_rollback.  SQLite's deferred
 * transaction takes it at the first read.
 */
int
svc_db_snapshot(struct svc_db *db, struct svc_err *e)
{
	int rc = db->pg ? svc_pg_exec(db, "BEGIN ISOLATION LEVEL REPEATABLE"
	    " READ READ ONLY") : sqlite3_exec(db->lite, "BEGIN", NULL, NULL,
	    NULL);

	return rc == 0 ? 0 : svc_db_error(db, rc, e);
}

/* verb: "SAVEPOINT item", "RELEASE item" or "ROLLBACK TO item". */
int
svc_db_savepoint(struct svc_db *db, const char *verb, struct svc_err *e)
{
	static const char *const ok[] = {
		"SAVEPOINT item", "RELEASE item", "ROLLBACK TO item"
	};
	struct svc_stmt *st;
	size_t i;

	/* Prepared once a run, not parsed again for each item of a batch:
	 * parsing was a tenth of piping 10,000 ids through a verb.  On a
	 * server, a savepoint is made and let go with the next statement
	 * (pg.c: a round trip each was a third of an item's). */
	for (i = 0; i < 3 && strcmp(ok[i], verb) != 0; i++)
		;
	if (i == 3)
		return svc_seterr(e, SVC_EX_SOFTWARE, "bad savepoint verb");
	if (db->pg && i < 2)
		return svc_pg_later(db, ok[i]) ?
		    svc_db_error(db, SVC_PG_ERROR, e) : 0;
	return svc_db_cached(db, ok[i], &st, e) || svc_db_done(db, st, e) ?
	    e->code : 0;
}

/*
 * One engine's migrations: step i brings the schema from base + i to
 * base + i + 1, and stamp (a format taking the new number) records it.
 * SQLite's begin at an empty file; the server's at the schema that
 * svc-db init makes there whole (schema_pg.c, version 18), each later
 * step written beside SQLite's under the same number.
 */
static const struct svc_migrations lite_steps = {
	svc_migrations, 0, ";\nPRAGMA user_version = %d;"
};
static const struct svc_migrations pg_steps = {
	svc_pg_migrations, SVC_PG_SCHEMA_BASE,
	";\nUPDATE svc_schema SET version = %d;"
};

const struct svc_migrations *
svc_db_migrations(struct svc_db *db)
{
	return db->pg ? &pg_steps : &lite_steps;
}

/*
 * Brings the schema from where it is to version want by the steps of
 * ms, all in one transaction under the writers' lock, or leaves it as it
 * was.  On a server, svc's functions are made anew (pg_refresh) and the
 * new tables and views get the group roles' grants in the same
 * transaction: a schema is never migrated with an older svc's functions.
 */
int
svc_db_migrate(struct svc_db *db, const char *path,
    const struct svc_migrations *ms, int want, struct svc_err *e)
{
	struct svc_buf sql = { 0 };
	char why[sizeof e->msg];
	int v, rc = 0;

	if (svc_db_begin(db, e))
		return e->code;
	/* Read again inside the lock: another process may have migrated. */
	if (svc_db_version(db, &v, e))
		goto fail;
	if (v < ms->base && v < want) {
		svc_seterr(e, SVC_EX_DATA, "no migration from schema %d", v);
		goto fail;
	}
	for (; v < want; v++) {
		svc_buf_reset(&sql);
		/* the version is our own int, not a person's text */
		svc_buf_printf(&sql, "%s", ms->steps[v - ms->base]);
		svc_buf_printf(&sql, ms->stamp, v + 1);
		if ((rc = svc_db_exec(db, sql.s, e)) != 0)
			break;
	}
	svc_buf_free(&sql);
	if (rc != 0 || (db->pg && (svc_db_exec(db, svc_pg_code, e) ||
	    svc_db_exec(db, svc_pg_roles, e))))
		goto fail;
	return svc_db_commit(db, e);
fail:
	svc_db_rollback(db);
	/* the message is formatted into e->msg: read it from a copy */
	snprintf(why, sizeof why, "%s", e->msg);
	return svc_seterr(e, e->code, "%s: cannot migrate to schema %d: %.400s",
	    path, v + 1, why);
}

static int
migrate(struct svc_db *db, const char *path, struct svc_err *e)
{
	return svc_db_migrate(db, path, svc_db_migrations(db), svc_nmigrations,
	    e);
}

/*
 * svc_time(x): Unix seconds as svc shows them, "2026-12-01 09:12" in the
 * configured zone, so that svc-report query needs no datetime(x,
 * 'unixepoch', '+8 hours') (issue 19).  Not an integer: NULL.
 */
static void
time_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char buf[40];

	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER) {
		sqlite3_result_null(ctx);
		return;
	}
	svc_time_local((time_t)sqlite3_value_int64(argv[0]), buf, sizeof buf);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

/* svc_seal(prev, col...): the hash of a row chained to prev (seal.c). */
static void
seal_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct svc_value v[16];
	char hex[65];
	int i;

	if (argc < 1 || argc > 17) {
		sqlite3_result_error(cx, "svc_seal: 0 to 16 values", -1);
		return;
	}
	for (i = 1; i < argc; i++)
		svc_lite_value(argv[i], &v[i - 1]);
	if (svc_seal_hash(sqlite3_value_type(argv[0]) == SQLITE_TEXT ?
	    (const char *)sqlite3_value_text(argv[0]) : NULL, v, argc - 1,
	    hex) != 0) {
		sqlite3_result_error(cx, "svc_seal: SHA-256 failed", -1);
		return;
	}
	sqlite3_result_text(cx, hex, 64, SQLITE_TRANSIENT);
}

/* The functions the schema's triggers and views call. */
static int
functions(sqlite3 *db)
{
	int rc = sqlite3_create_function(db, "svc_seal", -1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    seal_fn, NULL, NULL);

	return rc != SQLITE_OK ? rc : sqlite3_create_function(db, "svc_time",
	    1, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, time_fn, NULL, NULL);
}

static int
open_raw(const char *path, int flags, struct svc_db **out, struct svc_err *e)
{
	sqlite3 *db = NULL;
	int rc;

	/*
	 * SQLite is used from one thread of a process (an import's reader,
	 * ahead.c, never touches it): its own mutexes are pure cost here,
	 * and so is its count of memory in use, which takes a global mutex
	 * on every malloc and free.  The setting must precede SQLite's
	 * initialisation; later calls are refused harmlessly.
	 */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		svc_seterr(e, SVC_EX_IOERR, "%s: cannot open: %s", path,
		    db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return e->code;
	}
	sqlite3_extended_result_codes(db, 0);
	sqlite3_busy_timeout(db, busy_ms());
	if (functions(db) != SQLITE_OK) {
		svc_seterr(e, SVC_EX_SOFTWARE, "%s: cannot register svc_seal "
		    "and svc_time", path);
		sqlite3_close(db);
		return e->code;
	}
	*out = svc_db_wrap(db);
	return 0;
}

static int
pragmas(struct svc_db *db, int mode, const char *path, struct svc_err *e)
{
	struct svc_stmt *st;
	int wal;

	if (svc_db_exec(db, "PRAGMA foreign_keys = ON", e))
		return e->code;
	if (mode == SVC_DB_RO)
		return 0;
	if (svc_db_prepare(db, "PRAGMA journal_mode = WAL", &st, e))
		return e->code;
	wal = svc_step(st) == SVC_ROW &&
	    strcmp(svc_col_text(st, 0), "wal") == 0;
	svc_finalize(st);
	if (!wal)
		return svc_seterr(e, SVC_EX_IOERR, "%s: cannot switch to WAL "
		    "mode", path);
	/*
	 * A batch is one transaction; a page cache too small for it spills
	 * dirty pages mid-transaction and churns the heap.  64 MiB at most,
	 * taken only as a batch needs it.
	 */
	if (svc_db_exec(db, "PRAGMA cache_size = -65536", e))
		return e->code;
	/*
	 * Every commit is synced before the command prints what it changed:
	 * a receipt handed to a customer must survive a power cut.  In WAL,
	 * NORMAL syncs only at checkpoints.  FULL costs one fdatasync a
	 * command (one transaction a run): within the noise of a single write
	 * and of a 100,000-record import on this machine, so it is for every
	 * write, not only for money.
	 */
	return svc_db_exec(db, "PRAGMA synchronous = FULL", e);
}

/*
 * A new database is readable by its owner only, or by its group too when
 * the directory is group-shared (setgid, as /var/lib/svc is): SQLite's own
 * default is 0644 less the umask, and the -wal and -shm files copy the
 * database's mode.  The umask still narrows it.
 */
static int
create_file(const char *path, struct svc_err *e)
{
	char *copy = svc_strdup(path);
	struct stat dst;
	mode_t mode = 0600;
	int fd;

	if (stat(dirname(copy), &dst) == 0 && (dst.st_mode & S_ISGID))
		mode = 0660;
	free(copy);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode)) < 0)
		return svc_seterr(e, SVC_EX_IOERR, "%s: cannot create: %s",
		    path, strerror(errno));
	close(fd);
	return 0;
}

/* Create or migrate with a writable handle, then let it go. */
static int
prepare_file(const char *path, struct svc_err *e)
{
	struct svc_db *db;
	int v;

	if (open_raw(path, SQLITE_OPEN_READWRITE, &db, e))
		return e->code;
	if (pragmas(db, SVC_DB_RW, path, e) == 0 &&
	    svc_db_version(db, &v, e) == 0 && v < svc_nmigrations)
		migrate(db, path, e);
	svc_db_close(db);
	return e->code;
}

/*
 * A writer needs the file and its directory: WAL keeps PATH-wal and
 * PATH-shm beside it.  Say so plainly rather than SQLite's "unable to open
 * database file".
 */
static int
writable(const char *path, struct svc_err *e)
{
	char *copy = svc_strdup(path), *dir = dirname(copy);
	int rc = 0;

	if (eaccess(path, W_OK) != 0 && errno != ENOENT)
		rc = svc_seterr(e, SVC_EX_IOERR, "%s: cannot write: %s", path,
		    strerror(errno));
	else if (eaccess(dir, W_OK) != 0)
		rc = svc_seterr(e, SVC_EX_IOERR, "%s: cannot write in %s (the "
		    "database keeps its -wal and -shm files there): %s", path,
		    dir, strerror(errno));
	free(copy);
	return rc;
}

/*
 * A reader in a directory it cannot write (a read-only mount, a backup
 * on a CD) cannot create the WAL index; nobody can be writing there, so
 * the file is opened as immutable.
 */
static int
open_immutable(const char *path, struct svc_db **db, struct svc_err *e)
{
	struct svc_buf uri = { 0 };
	const char *p;
	int rc;

	svc_buf_puts(&uri, "file:");
	for (p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			svc_buf_printf(&uri, "%%%02X", (unsigned char)*p);
		else
			svc_buf_putc(&uri, *p);
	}
	svc_buf_puts(&uri, "?immutable=1");
	svc_clearerr(e);
	rc = open_raw(uri.s, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, db, e);
	svc_buf_free(&uri);
	return rc;
}

/*
 * A PostgreSQL connection string: a postgresql:// URI, or libpq's keyword
 * form ("host=... dbname=..."); anything else names a SQLite file.
 */
int
svc_db_is_pg(const char *path)
{
	static const char *const keys[] = { "host=", "hostaddr=", "port=",
		"dbname=", "user=", "service=", "sslmode=", NULL };
	int i;

	if (strncmp(path, "postgresql://", 13) == 0 ||
	    strncmp(path, "postgres://", 11) == 0)
		return 1;
	for (i = 0; keys[i]; i++)
		if (strncmp(path, keys[i], strlen(keys[i])) == 0)
			return 1;
	return 0;
}

/*
 * A schema older than this svc's: svc-db init migrates it (a file opened
 * read-only, by a writable handle of its own); anything else is refused,
 * for an upgrade of the schema is a step an admin takes.
 */
static int
older(struct svc_db *db, const char *path, int v, int mode,
    struct svc_err *e)
{
	if (!(mode & SVC_DB_INIT))
		return svc_seterr(e, SVC_EX_DATA, "%s: schema %d, this svc "
		    "wants %d: run svc-db init", path, v, svc_nmigrations);
	if (db->lite && (mode & SVC_DB_RO))
		return prepare_file(path, e);
	return migrate(db, path, e);
}

/* A schema this svc does not know: an older svc on a newer database. */
static int
newer(const char *path, int v, struct svc_err *e)
{
	if (v <= svc_nmigrations)
		return 0;
	return svc_seterr(e, SVC_EX_DATA, "%s: schema %d is newer than this "
	    "svc knows (%d); upgrade svc", path, v, svc_nmigrations);
}

/* The value at p, quoted '...' (libpq's keyword form) or up to a blank,
 * '&' or '#'; returns where it ends. */
static const char *
value_end(const char *p)
{
	if (*p == '\'') {
		for (p++; *p && *p != '\''; p++)
			if (*p == '\\' && p[1])
				p++;
		return *p ? p + 1 : p;
	}
	return p + strcspn(p, " \t&#");
}

/*
 * A connection string as messages show it: a password, in a URI's user
 * part or as a password= parameter of either form, is "***".  libpq's
 * own messages never carry it; svc's, which name the database, do not
 * either.
 */
char *
svc_db_shown(const char *path)
{
	struct svc_buf b = { 0 };
	const char *p = path, *at, *colon, *end;

	if (!svc_db_is_pg(path))
		return svc_strdup(path);
	if ((p = strstr(path, "://")) != NULL) {
		p += 3;
		end = p + strcspn(p, "/?#");
		at = memchr(p, '@', (size_t)(end - p));
		colon = at ? memchr(p, ':', (size_t)(at - p)) : NULL;
		if (colon) {
			svc_buf_add(&b, path, (size_t)(colon + 1 - path));
			svc_buf_puts(&b, "***");
			p = at;
		} else
			p = path;
	} else
		p = path;
	while ((at = strstr(p, "password")) != NULL) {
		colon = at + 8;
		while (*colon == ' ')
			colon++;
		if (*colon != '=') {
			svc_buf_add(&b, p, (size_t)(colon - p));
			p = colon;
			continue;
		}
		colon++;
		while (*colon == ' ')
			colon++;
		svc_buf_add(&b, p, (size_t)(colon - p));
		svc_buf_puts(&b, "***");
		p = value_end(colon);
	}
	svc_buf_puts(&b, p);
	return b.s ? b.s : svc_strdup("");
}

/*
 * svc's tables on a server live in the schema "svc", found by the
 * session's search_path, so the database may hold others' schemas too.
 * Whether the schema exists is asked of the catalogue: a version query
 * against a missing table would be an error, not a 0.
 */
static int
pg_has_schema(struct svc_db *db, int *yes, struct svc_err *e)
{
	char v[4];

	*yes = 0;
	if (svc_db_value(db, "SELECT to_regclass('svc.svc_schema') IS NOT"
	    " NULL", v, sizeof v, e))
		return e->code;
	*yes = strcmp(v, "1") == 0;
	return 0;
}

/*
 * Who the server authenticated is the person acting (acting.c); asked
 * with whether svc's schema is there and whether the server is a replica
 * (a hot standby, which takes no writes), to start in one round trip.
 */
static int
pg_session_user(struct svc_db *db, int *has_schema, int *standby,
    struct svc_err *e)
{
	struct svc_stmt *st;
	int rc;

	*has_schema = *standby = 0;
	if (svc_db_prepare(db, "SELECT session_user, rolsuper,"
	    " to_regclass('svc.svc_schema') IS NOT NULL, pg_is_in_recovery()"
	    " FROM pg_roles WHERE rolname = session_user", &st, e))
		return e->code;
	if ((rc = svc_step(st)) == SVC_ROW) {
		svc_login_is(svc_col_text(st, 0), svc_col_int(st, 1));
		*has_schema = svc_col_int(st, 2);
		*standby = svc_col_int(st, 3);
	}
	svc_finalize(st);
	return rc == SVC_ROW ? 0 : svc_db_error(db, rc, e);
}

/*
 * Text sorts by its bytes on a file (SQLite's BINARY); on a server by the
 * database's collation, which in a zh_CN or en_US locale puts logins and
 * names in another order than svc prints them from a file.  svc-db init
 * makes its schema only in a database that sorts as a file does.
 */
static int
pg_bytewise(struct svc_db *db, const char *path, struct svc_err *e)
{
	char coll[64];

	/* ICU's collation (PostgreSQL 15) is named apart from datcollate */
	if (svc_db_value(db, "SELECT CASE WHEN to_jsonb(d) ->> "
	    "'datlocprovider' = 'i' THEN 'ICU ' || (to_jsonb(d) ->> "
	    "'daticulocale') ELSE datcollate END FROM pg_database d"
	    " WHERE datname = current_database()", coll, sizeof coll, e))
		return e->code;
	if (strcmp(coll, "C") == 0 || strcmp(coll, "POSIX") == 0 ||
	    strcasecmp(coll, "C.UTF-8") == 0 ||
	    strcasecmp(coll, "C.utf8") == 0)
		return 0;
	return svc_seterr(e, SVC_EX_CONFIG, "%s: the database sorts text by "
	    "%s, svc by its bytes: create it with createdb --locale=C.UTF-8 "
	    "--template=template0", path, coll);
}

/*
 * svc-db init on a server: the schema made whole in one transaction,
 * under the writers' lock, so two inits at once make it once.
 */
static int
pg_create(struct svc_db *db, const char *path, struct svc_err *e)
{
	char why[sizeof e->msg];
	int yes;

	if (pg_bytewise(db, path, e) || svc_db_begin(db, e))
		return e->code;
	if (pg_has_schema(db, &yes, e) == 0 && !yes &&
	    svc_db_exec(db, "CREATE SCHEMA IF NOT EXISTS svc", e) == 0 &&
	    svc_db_exec(db, svc_pg_schema, e) == 0 &&
	    svc_db_exec(db, svc_pg_code, e) == 0)
		svc_db_exec(db, svc_pg_roles, e);
	if (e->code == 0)
		return svc_db_commit(db, e);
	svc_db_rollback(db);
	snprintf(why, sizeof why, "%s", e->msg);
	return svc_seterr(e, e->code, "%s: cannot create the schema: %.400s",
	    path, why);
}

/*
 * svc-db init on a server that has the schema: svc's functions there made
 * anew (schema_pg.c: they compute, hold nothing), so that one made by an
 * older svc computes as this one does.
 */
static int
pg_refresh(struct svc_db *db, const char *path, struct svc_err *e)
{
	char why[sizeof e->msg];

	if (svc_db_begin(db, e))
		return e->code;
	if (svc_db_exec(db, svc_pg_code, e) == 0)
		return svc_db_commit(db, e);
	svc_db_rollback(db);
	snprintf(why, sizeof why, "%s", e->msg);
	return svc_seterr(e, e->code, "%s: cannot make svc's functions: "
	    "%.400s", path, why);
}

/*
 * A database on PostgreSQL (issue 20).  A read-only open makes every
 * transaction of the session read-only on the server, as SQLite's
 * read-only handle refuses a write.
 */
static int
open_pg(const char *conninfo, int mode, struct svc_db **out,
    struct svc_err *e)
{
	char *path = svc_db_shown(conninfo);	/* for messages */
	struct svc_db *db;
	int yes, standby, v = 0;

	if (svc_pg_connect(conninfo, path, &db, e)) {
		free(path);
		return e->code;
	}
	/* the settings in one round trip, the person and whether the schema
	 * is there in another, its version in a third */
	if (svc_db_exec(db, mode & SVC_DB_RO ? "SET search_path = svc;"
	    " SET default_transaction_read_only = on" :
	    "SET search_path = svc", e) ||
	    pg_session_user(db, &yes, &standby, e))
		goto fail;
	/* said before a write is tried, in svc's words, not the server's */
	if (standby && !(mode & SVC_DB_RO)) {
		svc_seterr(e, SVC_EX_IOERR, "%s: a replica, which takes no "
		    "writes: point SVC_DB at the primary server", path);
		goto fail;
	}
	if (!yes && !(mode & SVC_DB_INIT)) {
		svc_seterr(e, SVC_EX_NOINPUT, "%s: no svc database there "
		    "(svc-db init creates one)", path);
		goto fail;
	}
	if ((!yes && pg_create(db, path, e)) || svc_db_version(db, &v, e))
		goto fail;
	if (newer(path, v, e))
		goto fail;
	if (v < svc_nmigrations && !(mode & SVC_DB_ANY) &&
	    older(db, path, v, mode, e))
		goto fail;
	/* a schema migrated just now has them made in its transaction */
	if (yes && (mode & SVC_DB_INIT) && v == svc_nmigrations &&
	    pg_refresh(db, path, e))
		goto fail;
	*out = db;
	free(path);
	return 0;
fail:
	svc_db_close(db);
	free(path);
	return e->code;
}

/*
 * Only svc-db init (SVC_DB_INIT) creates a database or migrates an older
 * one: a typo'd path must not become an empty database that every check
 * passes on, and an upgrade of the schema is a step an admin takes.
 * SVC_DB_ANY opens an older schema as it is, for svc-db check to report.
 */
int
svc_db_open(const char *path, int mode, struct svc_db **out,
    struct svc_err *e)
{
	struct stat st;
	struct svc_db *db;
	int v, ro = mode & SVC_DB_RO;

	*out = NULL;
	if (svc_db_is_pg(path))
		return open_pg(path, mode, out, e);
	/* Migration 8 relies on PRAGMA writable_schema=RESET. */
	if (sqlite3_libversion_number() < 3035000)
		return svc_seterr(e, SVC_EX_SOFTWARE, "SQLite %s is too old: "
		    "svc needs 3.35 or later", sqlite3_libversion());
	if (!ro && writable(path, e))
		return e->code;
	if (stat(path, &st) != 0) {
		if (errno != ENOENT)
			return svc_seterr(e, SVC_EX_IOERR, "%s: %s", path,
			    strerror(errno));
		if (!(mode & SVC_DB_INIT))
			return svc_seterr(e, SVC_EX_NOINPUT, "%s: no database "
			    "(svc-db init creates one)", path);
		if (create_file(path, e) || prepare_file(path, e))
			return e->code;
	} else if (!S_ISREG(st.st_mode))
		return svc_seterr(e, SVC_EX_NOINPUT, "%s: not a database "
		    "file", path);
	if (open_raw(path, ro ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
	    &db, e))
		return e->code;
	if (pragmas(db, ro, path, e) || svc_db_version(db, &v, e)) {
		if (!ro || eaccess(path, R_OK) != 0)
			goto fail;
		svc_db_close(db);
		if (open_immutable(path, &db, e) ||
		    pragmas(db, ro, path, e) || svc_db_version(db, &v, e))
			goto fail;
	}
	if (newer(path, v, e))
		goto fail;
	if (v < svc_nmigrations && !(mode & SVC_DB_ANY) &&
	    older(db, path, v, mode, e))
		goto fail;
	*out = db;
	return 0;
fail:
	svc_db_close(db);
	return e->code;
}

void
svc_db_close(struct svc_db *db)
{
	if (db == NULL)
		return;
	db->closing = 1;
	svc_db_forget(db);
	if (db->pg)
		svc_pg_close(db);
	else
		sqlite3_close(db->lite);
	free(db);
}

static int
report_rows(struct svc_db *db, const char *sql, const char *what, FILE *out,
    struct svc_err *e)
{
	struct svc_stmt *st;
	int n = 0, i, rc;

	if (svc_db_prepare(db, sql, &st, e))
		return -1;
	while ((rc = svc_step(st)) == SVC_ROW) {
		if (svc_col_count(st) == 1 &&
		    strcmp(svc_col_text(st, 0) ? svc_col_text(st, 0) : "",
		    "ok") == 0)
			continue;
		fprintf(out, "%s", what);
		for (i = 0; i < svc_col_count(st); i++)
			fprintf(out, "\t%s", svc_col_text(st, i) ?
			    svc_col_text(st, i) : "");
		fputc('\n', out);
		n++;
	}
	svc_finalize(st);
	if (rc != SVC_DONE) {
		svc_db_error(db, rc, e);
		return -1;
	}
	return n;
}

/* Returns the number of problems written to out, or -1 with e set. */
int
svc_db_check(struct svc_db *db, FILE *out, struct svc_err *e)
{
	/* What a done order keeps (migration 9) against what it owes. */
	static const char kept[] = "SELECT o.id, o.balance, b.balance"
	    " FROM orders o JOIN v_balance b ON b.id = o.id"
	    " WHERE o.status = 'done' AND o.balance IS NOT b.balance"
	    " ORDER BY o.id";
	/*
	 * No order's total passes the money ceiling (SVC_MONEY_MAX), summed
	 * as REAL by total() so that rows put in behind svc's back cannot
	 * make the check itself overflow.
	 */
	static const char out_of_range[] = "SELECT id, printf('%.0f', fen)"
	    " FROM (SELECT o.id, (SELECT total(qty * unit_price)"
	    "   FROM order_service s WHERE s.order_id = o.id)"
	    "   + (SELECT total(qty * unit_price) FROM charge c"
	    "   WHERE c.order_id = o.id) AS fen FROM orders o) AS t"
	    " WHERE fen > 1e14 ORDER BY id";
	/*
	 * A11: receipts are numbered without gaps, R<year>-<n> from 1 to the
	 * year's counter.  A counter behind the highest number issued (reset
	 * behind svc's back: the next receipt would repeat a number), or
	 * fewer receipts than numbers (one deleted), is a problem.
	 */
	static const char receipts[] = "SELECT y.year, coalesce(s.last, 0),"
	    " coalesce(max(r.n), 0), count(r.n) FROM"
	    " (SELECT year FROM receipt_seq UNION SELECT"
	    "   CAST(substr(receipt_no, 2, 4) AS INTEGER) FROM payment) y"
	    " LEFT JOIN receipt_seq s ON s.year = y.year"
	    " LEFT JOIN (SELECT CAST(substr(receipt_no, 2, 4) AS INTEGER)"
	    "   AS year, CAST(substr(receipt_no, 7) AS INTEGER) AS n"
	    "   FROM payment) r ON r.year = y.year"
	    " GROUP BY y.year, s.last HAVING coalesce(max(r.n), 0) > coalesce(s.last, 0)"
	    " OR count(r.n) <> coalesce(s.last, 0) ORDER BY y.year";
	/*
	 * A visit is a record (A8, A9): an order at the door has exactly one
	 * open visit, and one that has left it (or never came) has none.
	 */
	static const char visits[] = "SELECT id, status, open FROM"
	    " (SELECT o.id, o.status, (SELECT count(*) FROM visit v"
	    "   WHERE v.order_id = o.id AND v.outcome IS NULL) AS open,"
	    "   (SELECT count(*) FROM visit v WHERE v.order_id = o.id) AS n,"
	    "   (SELECT coalesce(max(no), 0) FROM visit v"
	    "   WHERE v.order_id = o.id) AS last FROM orders o) AS t"
	    " WHERE (status IN ('arrived', 'started') AND open <> 1)"
	    " OR (status IN ('new', 'refused', 'cancelled', 'done',"
	    "  'abandoned', 'taken_back', 'suspended') AND open > 0)"
	    " OR n <> last ORDER BY id";
	/* Only an order whose work is over is closed. */
	static const char closed[] = "SELECT id, status FROM orders"
	    " WHERE closed_at IS NOT NULL AND status NOT IN ('done', 'refused',"
	    " 'cancelled', 'abandoned') ORDER BY id";
	/*
	 * A message's recipient and text against the hash its sealed event
	 * keeps (notify.c): the outbox row is not chained itself.
	 */
	static const char outbox[] = "SELECT x.id, CASE WHEN ev.id IS NULL"
	    " THEN 'no sealed event made it' ELSE 'its recipient or text"
	    " differs from its sealed event' END FROM outbox x"
	    " LEFT JOIN event ev ON ev.order_id = x.order_id"
	    " AND ev.kind = 'notify.make'"
	    " AND CAST(json_extract(ev.details, '$.message') AS INTEGER) = x.id"
	    " WHERE ev.id IS NULL OR json_extract(ev.details, '$.sealed')"
	    " IS NOT svc_seal(NULL, x.recipient, x.text) ORDER BY x.id";
	int v, a = 0, b = 0, c = 0, d = 0, f = 0, g = 0, h = 0, m = 0;

	if (svc_db_version(db, &v, e))
		return -1;
	/* The server keeps its own pages; a SQLite file is checked. */
	if (db->lite && (a = report_rows(db, "PRAGMA integrity_check",
	    "integrity", out, e)) < 0)
		return -1;
	if ((b = report_rows(db, db->pg ? "SELECT * FROM"
	    " svc_foreign_key_check()" : "PRAGMA foreign_key_check",
	    "foreign_key", out, e)) < 0)
		return -1;
	if (v != svc_nmigrations) {
		fprintf(out, "schema\tschema %d, this svc wants %d: run "
		    "svc-db init\n", v, svc_nmigrations);
		a++;
	} else if ((c = report_rows(db, kept, "balance", out, e)) < 0 ||
	    (d = report_rows(db, out_of_range, "total", out, e)) < 0 ||
	    (f = report_rows(db, receipts, "receipts", out, e)) < 0 ||
	    (g = report_rows(db, visits, "visits", out, e)) < 0 ||
	    (h = report_rows(db, closed, "closed", out, e)) < 0 ||
	    (m = report_rows(db, outbox, "outbox", out, e)) < 0)
		return -1;
	return a + b + c + d + f + g + h + m;
}

/*
 * A backup killed midway leaves DEST.tmpPID behind; the next backup to
 * DEST removes those whose process is gone, so they cannot pile up.
 */
static void
remove_stale_tmps(const char *dest)
{
	char *copy = svc_strdup(dest), *dir = dirname(copy);
	const char *base = strrchr(dest, '/') ? strrchr(dest, '/') + 1 : dest;
	size_t blen = strlen(base);
	struct dirent *de;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		free(copy);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		const char *p = de->d_name;
		struct svc_buf stale = { 0 };
		char *end;
		long pid;

		if (strncmp(p, base, blen) != 0 || strncmp(p + blen, ".tmp",
		    4) != 0 || !isdigit((unsigned char)p[blen + 4]))
			continue;
		pid = strtol(p + blen + 4, &end, 10);
		if (*end != '\0' || pid <= 0 || pid == (long)getpid() ||
		    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		svc_buf_printf(&stale, "%s/%s", dir, p);
		unlink(stale.s);
		svc_buf_free(&stale);
	}
	closedir(d);
	free(copy);
}

/*
 * The copy is made with the source's permission bits, so a backup of a
 * private database is not readable by everyone whatever the umask.
 */
static int
create_like(const char *path, const char *source, struct svc_err *e)
{
	struct stat st;
	mode_t mode = 0600;
	int fd;

	if (stat(source, &st) == 0)
		mode = st.st_mode & 0777;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0)
		return svc_seterr(e, SVC_EX_IOERR, "%s: cannot create: %s",
		    path, strerror(errno));
	if (fchmod(fd, mode) != 0) {
		svc_seterr(e, SVC_EX_IOERR, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(path);
		return e->code;
	}
	close(fd);
	return 0;
}

/*
 * The online backup API copies a consistent snapshot while others write.
 * It goes to a temporary file renamed into place, so a failed backup never
 * destroys the previous one.
 */
int
svc_db_backup(struct svc_db *db, const char *dest, struct svc_err *e)
{
	struct svc_buf tmp = { 0 };
	const char *source;
	struct svc_db *to = NULL;
	sqlite3_backup *bk;
	int rc;

	if (db->pg)
		return svc_seterr(e, SVC_EX_CONFIG, "a PostgreSQL database is "
		    "backed up by the server's tools: pg_dump -Fc, or "
		    "pg_basebackup for point-in-time recovery "
		    "(svc-postgresql(7))");
	source = sqlite3_db_filename(db->lite, "main");
	svc_clearerr(e);	/* the result below is read from e */
	remove_stale_tmps(dest);
	svc_buf_printf(&tmp, "%s.tmp%ld", dest, (long)getpid());
	unlink(tmp.s);
	if (create_like(tmp.s, source, e)) {
		svc_buf_free(&tmp);
		return e->code;
	}
	if (open_raw(tmp.s, SQLITE_OPEN_READWRITE, &to, e))
		goto out;
	if ((bk = sqlite3_backup_init(to->lite, "main", db->lite, "main")) ==
	    NULL) {
		svc_db_error(to, sqlite3_errcode(to->lite), e);
		goto out;
	}
	do {
		rc = sqlite3_backup_step(bk, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE) {
		svc_db_error(to, rc, e);
		goto out;
	}
	svc_db_close(to);
	to = NULL;
	if (rename(tmp.s, dest) != 0)
		svc_seterr(e, SVC_EX_IOERR, "%s: %s", dest, strerror(errno));
out:
	svc_db_close(to);
	if (e->code)
		unlink(tmp.s);
	svc_buf_free(&tmp);
	return e->code;
}

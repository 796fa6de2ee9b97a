/*
 * svc-visit - the visit at the door: brief, late, arrive, start, contact,
 * checks, suspend and resume, take back, done with signature and feedback,
 * the service form, and the 30-minute no-show sweep (A1-A12, C3, C5, G8,
 * G10).  See svc-visit(1).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum {
	O_ETA = 0x200, O_REASON, O_REACHED, O_UNREACHABLE, O_NOTE, O_VOUCHER,
	O_NO_VOUCHER, O_BARCODE, O_PARTS_OK, O_PARTS_MISSING, O_DAMAGE,
	O_NOT_OURS, O_SIGNED_BY, O_RESUME_AT, O_RETURN_BY, O_RATING,
	O_COMMENT, O_SIGNATURE, O_KIND, O_WIDTH, O_APPLY, O_CHECK, O_BY, O_OK,
	O_REDO, O_FORCE, O_CONDUCT
};

static const struct option long_opts[] = {
	SVC_COMMON_LONG, SVC_WRITE_LONG,
	{ "eta", required_argument, NULL, O_ETA },
	{ "reason", required_argument, NULL, O_REASON },
	{ "reached", no_argument, NULL, O_REACHED },
	{ "unreachable", no_argument, NULL, O_UNREACHABLE },
	{ "note", required_argument, NULL, O_NOTE },
	{ "voucher", no_argument, NULL, O_VOUCHER },
	{ "no-voucher", no_argument, NULL, O_NO_VOUCHER },
	{ "barcode", required_argument, NULL, O_BARCODE },
	{ "parts-ok", no_argument, NULL, O_PARTS_OK },
	{ "parts-missing", required_argument, NULL, O_PARTS_MISSING },
	{ "damage", required_argument, NULL, O_DAMAGE },
	{ "not-ours", required_argument, NULL, O_NOT_OURS },
	{ "signed-by", required_argument, NULL, O_SIGNED_BY },
	{ "resume-at", required_argument, NULL, O_RESUME_AT },
	{ "return-by", required_argument, NULL, O_RETURN_BY },
	{ "rating", required_argument, NULL, O_RATING },
	{ "comment", required_argument, NULL, O_COMMENT },
	{ "signature", required_argument, NULL, O_SIGNATURE },
	{ "kind", required_argument, NULL, O_KIND },
	{ "width", required_argument, NULL, O_WIDTH },
	{ "apply", no_argument, NULL, O_APPLY },
	{ "check", no_argument, NULL, O_CHECK },
	{ "by", required_argument, NULL, O_BY },
	{ "ok", no_argument, NULL, O_OK },
	{ "redo", no_argument, NULL, O_REDO },
	{ "force", no_argument, NULL, O_FORCE },
	{ "conduct", required_argument, NULL, O_CONDUCT },
	{ NULL, 0, NULL, 0 }
};

struct opts {
	const char *eta, *reason, *note, *resume_at, *return_by, *comment;
	const char *signature_file, *kind;
	int contact, apply, check, width, rating, force;
	/* the first given of each group of options that exclude each other */
	const char *said_contact, *said_voucher, *said_parts, *said_review;
	int review;		/* 1 --ok, 2 --redo */
	struct svc_check chk;
	struct svc_done done;
	struct svc_buf sig, conduct;
	time_t when;
};

static int
number(struct svc_cli *cli, const char *s, int lo, int hi)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < lo || v > hi) {
		svc_warnx("%s: want a number from %d to %d", s, lo, hi);
		svc_cli_usage(cli);
	}
	return (int)v;
}

static void
option(struct svc_cli *cli, int c, char *arg, void *ctx)
{
	struct opts *o = ctx;

	switch (c) {
	case O_ETA: o->eta = arg; break;
	case O_REASON: o->reason = arg; break;
	case O_REACHED:
		svc_cli_exclusive(&o->said_contact, "--reached");
		o->contact = 1;
		break;
	case O_UNREACHABLE:
		svc_cli_exclusive(&o->said_contact, "--unreachable");
		o->contact = 2;
		break;
	case O_NOTE: o->note = arg; break;
	case O_VOUCHER:
		svc_cli_exclusive(&o->said_voucher, "--voucher");
		o->chk.voucher = 1;
		break;
	case O_NO_VOUCHER:
		svc_cli_exclusive(&o->said_voucher, "--no-voucher");
		o->chk.voucher = 0;
		break;
	case O_BARCODE: o->chk.barcode = arg; break;
	case O_PARTS_OK:
		svc_cli_exclusive(&o->said_parts, "--parts-ok");
		o->chk.parts_missing = NULL;
		break;
	case O_PARTS_MISSING:
		svc_cli_exclusive(&o->said_parts, "--parts-missing");
		o->chk.parts_missing = arg;
		break;
	case O_DAMAGE: o->chk.damage = arg; break;
	case O_NOT_OURS: o->chk.not_ours = arg; break;
	case O_SIGNED_BY: o->chk.signed_by = o->done.signed_by = arg; break;
	case O_RESUME_AT: o->resume_at = arg; break;
	case O_RETURN_BY: o->return_by = arg; break;
	case O_RATING: o->done.rating = number(cli, arg, 1, 5); break;
	case O_COMMENT: o->done.comment = arg; break;
	case O_SIGNATURE: o->signature_file = arg; break;
	case O_KIND: o->kind = arg; break;
	case O_WIDTH: o->width = number(cli, arg, 32, 80); break;
	case O_APPLY: o->apply = 1; break;
	case O_CHECK: o->check = 1; break;
	case O_FORCE: o->force = 1; break;
	case O_CONDUCT: o->done.conduct = arg; break;
	/* A dispatcher records the visit's steps for LOGIN. */
	case O_BY: svc_visit_by(arg); break;
	case O_OK:
		svc_cli_exclusive(&o->said_review, "--ok");
		o->review = 1;
		break;
	case O_REDO:
		svc_cli_exclusive(&o->said_review, "--redo");
		o->review = 2;
		break;
	}
}

static void
options(struct svc_cli *cli, int argc, char **argv, const int *allowed,
    struct opts *o)
{
	memset(o, 0, sizeof *o);
	o->chk.voucher = -1;
	o->width = 48;
	svc_cli_options(cli, argc, argv, long_opts, NULL, allowed, option, o);
}

static void
need(struct svc_cli *cli, const char *what, const void *have)
{
	if (have == NULL) {
		svc_warnx("%s: %s is required", cli->verb->name, what);
		svc_cli_usage(cli);
	}
}

static int
late_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_visit_late(cli->db, svc_cli_id(key), o->when, o->reason, e);
}

static int
cmd_late(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_ETA, O_REASON, O_BY, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	need(cli, "--eta", o.eta);
	o.when = svc_cli_time(cli, o.eta);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, late_one, &o);
}

static int
arrive_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	int late;

	(void)ctx;
	if (svc_visit_arrive(cli->db, svc_cli_id(key), &late, e))
		return e->code;
	if (late && !cli->quiet)
		svc_warnx("%s: arrived %d minute%s after the appointed time "
		    "(G8): recorded", key, late, late == 1 ? "" : "s");
	return 0;
}

static int
start_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	(void)ctx;
	return strcmp(cli->verb->name, "start") == 0 ?
	    svc_visit_start(cli->db, svc_cli_id(key), e) :
	    svc_visit_resume(cli->db, svc_cli_id(key), e);
}

static int
cmd_arrive(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_BY, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	svc_cli_batch(cli, argc - optind, argv + optind, 1,
	    strcmp(cli->verb->name, "arrive") == 0 ? arrive_one : start_one,
	    &o);
}

static int
contact_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_visit_contact(cli->db, svc_cli_id(key), o->contact == 1, o->note,
	    e);
}

static int
cmd_contact(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_REACHED, O_UNREACHABLE, O_NOTE, 'n', 'k',
		0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.contact == 0) {
		svc_warnx("contact: --reached or --unreachable is required");
		svc_cli_usage(cli);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1, contact_one, &o);
}

static int
check_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;
	struct svc_check c = o->chk;

	if (svc_visit_check(cli->db, svc_cli_id(key), &c, e))
		return e->code;
	if (!cli->quiet && c.chargeable)
		svc_warnx("%s: chargeable (A7): %s", key, c.not_ours ?
		    "the fault is not the company's" : "not covered");
	return 0;
}

static int
cmd_check(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_VOUCHER, O_NO_VOUCHER, O_BARCODE,
		O_PARTS_OK, O_PARTS_MISSING, O_DAMAGE, O_NOT_OURS, O_SIGNED_BY,
		O_BY, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, check_one, &o);
}

static int
suspend_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;
	int quiet;

	if (svc_visit_suspend(cli->db, &cli->conf, svc_cli_id(key), o->reason,
	    o->when, o->force, &quiet, e))
		return e->code;
	svc_cli_warn_quiet(cli, key, quiet, o->when);
	return 0;
}

static int
cmd_suspend(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_REASON, O_RESUME_AT, O_BY, O_FORCE, 'n',
		'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	need(cli, "--reason", o.reason);
	need(cli, "--resume-at", o.resume_at);
	o.when = svc_cli_time(cli, o.resume_at);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, suspend_one, &o);
}

static int
takeback_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_visit_takeback(cli->db, svc_cli_id(key), o->reason, o->return_by,
	    e);
}

static int
cmd_takeback(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_REASON, O_RETURN_BY, O_BY, 'n', 'k', 0 };
	struct svc_err e = { 0 };
	struct opts o;
	int y, m, d;

	options(cli, argc, argv, ok, &o);
	need(cli, "--reason", o.reason);
	if (o.return_by) {
		svc_cli_config(cli);
		if (svc_date_parse(o.return_by, svc_now(), &y, &m, &d, &e))
			svc_cli_fail(cli, &e);
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1, takeback_one, &o);
}

static int
done_one(struct svc_cli *cli, const char *key, void *ctx, struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_visit_done(cli->db, &cli->conf, svc_cli_id(key), &o->done, e);
}

/* Read a whole file: signatures and photos are kept in the database. */
static void
slurp(struct svc_cli *cli, const char *path, struct svc_buf *b)
{
	char chunk[65536];
	size_t n;
	FILE *f;

	if ((f = strcmp(path, "-") ? svc_user_fopen(path, "rb") : stdin) == NULL)
		svc_die(SVC_EX_NOINPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		svc_buf_add(b, chunk, n);
		if (b->len > 16 << 20)
			svc_die(SVC_EX_DATA, "%s: larger than 16 MiB", path);
	}
	if (ferror(f))
		svc_die(SVC_EX_IOERR, "%s: %s", path, strerror(errno));
	if (f != stdin)
		fclose(f);
	(void)cli;
}

/*
 * A13-A20: --conduct - reads the customer's answers from stdin, one
 * "ID<TAB>yes" a line, into the "ID=yes,..." the library takes; the ids
 * are then the arguments, as stdin is the answers'.
 */
static void
conduct_stdin(struct svc_cli *cli, struct opts *o, int nargs)
{
	char line[256];
	size_t n;
	char *tab;

	if (o->done.conduct == NULL || strcmp(o->done.conduct, "-"))
		return;
	if (nargs == 0 || (o->signature_file &&
	    strcmp(o->signature_file, "-") == 0)) {
		svc_warnx("--conduct -: the answers are on stdin, so the "
		    "ids are arguments and the signature a file");
		svc_cli_usage(cli);
	}
	while (fgets(line, sizeof line, stdin)) {
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n == 0)
			continue;
		tab = strchr(line, '\t');
		if (tab == NULL || strpbrk(line, ",=") || strchr(tab + 1, '\t'))
			svc_die(SVC_EX_DATA, "%s: expected ID<TAB>yes or no",
			    line);
		*tab = '=';
		svc_buf_printf(&o->conduct, "%s%s", o->conduct.len ? "," : "",
		    line);
	}
	o->done.conduct = o->conduct.s ? o->conduct.s : "";
}

static int
cmd_done(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_SIGNED_BY, O_RATING, O_COMMENT,
		O_SIGNATURE, O_BY, O_CONDUCT, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	need(cli, "--signed-by", o.done.signed_by);
	conduct_stdin(cli, &o, argc - optind);
	if (o.signature_file) {
		slurp(cli, o.signature_file, &o.sig);
		o.done.signature = o.sig.s ? o.sig.s : "";
		o.done.signature_len = o.sig.len;
	}
	svc_cli_batch(cli, argc - optind, argv + optind, 1, done_one, &o);
}

static int
report_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_visit_report(cli->db, &cli->conf, svc_cli_id(key), o->note,
	    e);
}

static int
cmd_report(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_NOTE, O_BY, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	need(cli, "--note", o.note);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, report_one, &o);
}

static int
review_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;

	return svc_visit_review(cli->db, svc_cli_id(key), o->review == 1,
	    o->reason, e);
}

static int
cmd_review(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_OK, O_REDO, O_REASON, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.review == 0) {
		svc_warnx("review: --ok or --redo is required");
		svc_cli_usage(cli);
	}
	if (o.review == 2)
		need(cli, "--reason", o.reason);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, review_one, &o);
}

static int
followup_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;
	struct svc_followup f = { o->contact == 1, o->done.rating,
		o->done.comment, o->done.conduct };

	return svc_followup(cli->db, &cli->conf, svc_cli_id(key), &f, e);
}

static int
cmd_followup(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_REACHED, O_UNREACHABLE, O_RATING,
		O_COMMENT, O_CONDUCT, 'n', 'k', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	if (o.contact == 0) {
		svc_warnx("followup: --reached or --unreachable is required");
		svc_cli_usage(cli);
	}
	if (o.contact == 2 && (o.done.rating || o.done.conduct)) {
		svc_warnx("followup: a customer not reached gives no --rating "
		    "nor --conduct");
		svc_cli_usage(cli);
	}
	conduct_stdin(cli, &o, argc - optind);
	svc_cli_batch(cli, argc - optind, argv + optind, 1, followup_one, &o);
}

static int
attach_one(struct svc_cli *cli, const char *key, void *ctx,
    struct svc_err *e)
{
	struct opts *o = ctx;
	const char *name = strrchr(o->note, '/');

	return svc_visit_attach(cli->db, svc_cli_id(key), o->kind ? o->kind :
	    "other", name ? name + 1 : o->note, o->sig.s ? o->sig.s : "",
	    o->sig.len, e);
}

static int
cmd_attach(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_KIND, 'n', 0 };
	struct opts o;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 2, 2);
	if (o.kind && strcmp(o.kind, "photo-before") &&
	    strcmp(o.kind, "photo-after") && strcmp(o.kind, "other")) {
		svc_warnx("%s: the kind is photo-before, photo-after or other",
		    o.kind);
		svc_cli_usage(cli);
	}
	o.note = argv[optind + 1];	/* the file's name */
	slurp(cli, o.note, &o.sig);
	svc_cli_batch(cli, 1, argv + optind, 1, attach_one, &o);
}

/* Read-only texts over ids: brief, form, signature. */
struct text {
	struct svc_cli *cli;
	struct opts *o;
	int n;
};

static int
text_one(const char *key, void *arg)
{
	struct text *t = arg;
	struct svc_buf b = { 0 };
	struct svc_err e = { 0 };
	const char *verb = t->cli->verb->name;
	int rc;

	if (strcmp(verb, "brief") == 0)
		rc = svc_visit_brief(t->cli->db, &t->cli->conf, svc_cli_id(key),
		    &b, &e);
	else if (strcmp(verb, "form") == 0)
		rc = svc_visit_form(t->cli->db, &t->cli->conf, svc_cli_id(key),
		    t->o->width, &b, &e);
	else
		rc = svc_visit_signature(t->cli->db, svc_cli_id(key), &b, &e);
	if (rc == 0) {
		if (t->n++ && strcmp(verb, "signature") != 0)
			putchar('\n');
		if (strcmp(verb, "signature") != 0)	/* an image: as is */
			b.len = svc_text_defang(b.s, b.len, 1);
		fwrite(b.s ? b.s : "", 1, b.len, stdout);
	} else {
		svc_warnx("%s", e.msg);
	}
	svc_buf_free(&b);
	return rc;
}

static int
cmd_text(struct svc_cli *cli, int argc, char **argv)
{
	static const int brief_ok[] = { 0 }, form_ok[] = { O_WIDTH, 0 };
	struct svc_err e = { 0 };
	struct opts o;
	struct text t = { cli, &o, 0 };
	int rc;

	options(cli, argc, argv, strcmp(cli->verb->name, "form") ? brief_ok :
	    form_ok, &o);
	if (o.width != 32 && o.width != 48 && o.width != 80) {
		svc_warnx("%d: the width is 32, 48 or 80", o.width);
		svc_cli_usage(cli);
	}
	if (strcmp(cli->verb->name, "signature") == 0)
		svc_cli_need(cli, argc - optind, 1, 1);
	svc_cli_open(cli, SVC_DB_RO);
	rc = svc_ids_each(argv + optind, argc - optind, stdin, 1, text_one, &t,
	    &e);
	if (e.code)
		svc_cli_fail(cli, &e);
	svc_db_close(cli->db);
	return rc;
}

static void
swept(int64_t id, time_t at, int call_first, void *arg)
{
	struct svc_cli *cli = arg;
	char when[32];

	if (call_first) {
		if (!cli->quiet) {
			svc_time_local(at, when, sizeof when);
			svc_warnx("%lld: waiting since %s: call the applicant "
			    "first (G10 needs 'cannot be reached')",
			    (long long)id, when);
		}
		return;
	}
	svc_cli_made(cli, id);
}

/*
 * G10, the sweep cron runs every few minutes.  Without --apply it lists;
 * with it, it marks them abandoned in one transaction.
 */
static int
cmd_noshow(struct svc_cli *cli, int argc, char **argv)
{
	static const int ok[] = { O_APPLY, O_CHECK, 'n', 0 };
	struct svc_err e = { 0 };
	struct opts o;
	int n;

	options(cli, argc, argv, ok, &o);
	svc_cli_need(cli, argc - optind, 0, 0);
	svc_cli_open(cli, o.apply ? SVC_DB_RW : SVC_DB_RO);
	if (o.apply)
		svc_batch_begin(cli);
	if (svc_noshow(cli->db, &cli->conf, o.apply && !cli->dry_run, swept,
	    cli, &n, &e)) {
		svc_db_rollback(cli->db);
		svc_cli_fail(cli, &e);
	}
	if (o.apply && svc_db_commit(cli->db, &e))
		svc_cli_fail(cli, &e);
	if (cli->changed.len)
		fwrite(cli->changed.s, 1, cli->changed.len, stdout);
	svc_db_close(cli->db);
	return o.check && n ? SVC_EX_FOUND : 0;
}

static const struct svc_verb verbs[] = {
	{ "brief", cmd_text, "brief [ID...]",
	    N_("What to know before going (A3): the customer and their earlier\n"
	    "orders, the fault, the product and its warranty, the documents.\n") },
	{ "late", cmd_late, "late [ID...] --eta TIME [--reason TEXT] "
	    "[--by LOGIN] [-n] [-k]",
	    N_("The worker told the customer about a delay in advance (A1).\n") },
	{ "arrive", cmd_arrive, "arrive [ID...] [--by LOGIN] [-n] [-k]",
	    N_("The worker is at the door; after the appointed time is late (G8).\n"
	    "Each arrival begins a visit of the order, credited to who came:\n"
	    "the visit's worker or helper, or, recorded by a dispatcher, --by\n"
	    "LOGIN.  Anyone else is refused (exit 65).\n") },
	{ "start", cmd_arrive, "start [ID...] [--by LOGIN] [-n] [-k]",
	    N_("The applicant is there and agrees; the work begins (A4).\n") },
	{ "contact", cmd_contact, "contact [ID...] --reached|--unreachable "
	    "[--note TEXT] [-n] [-k]",
	    N_("A call or other attempt to reach the applicant (G10).\n") },
	{ "check", cmd_check, "check [ID...] [--voucher|--no-voucher] "
	    "[--barcode CODE] [--parts-ok|--parts-missing TEXT] "
	    "[--damage TEXT] [--not-ours TEXT] [--signed-by NAME] [--by LOGIN] "
	    "[-n] [-k]",
	    N_("The checks before working (A4-A7).  Without a voucher the barcode\n"
	    "decides the warranty (A5).  Missing parts, damage and a fault not\n"
	    "ours need the customer's --signed-by at once (A6, A7).\n") },
	{ "suspend", cmd_suspend, "suspend [ID...] --reason TEXT "
	    "--resume-at TIME [--by LOGIN] [--force] [-n] [-k]",
	    N_("Interrupt the work for the customer's rest or meal (A9): the visit\n"
	    "ends, and the resume time is the appointment of the next, booked\n"
	    "as any: in working hours where the kind asks (G7), double-booking\n"
	    "nobody; --force records it anyway.\n") },
	{ "resume", cmd_arrive, "resume [ID...] [--by LOGIN] [-n] [-k]",
	    N_("Continue suspended work: a new visit, at the door and started.\n") },
	{ "takeback", cmd_takeback, "takeback [ID...] --reason TEXT "
	    "[--return-by DATE] [--by LOGIN] [-n] [-k]",
	    N_("The product goes to the workshop by agreement (A8): the visit ends;\n"
	    "svc-assign move books the return visit.\n") },
	{ "done", cmd_done, "done [ID...] --signed-by NAME [--rating 1-5] "
	    "[--comment TEXT] [--signature FILE] [--conduct ID=yes|no,...|-] "
	    "[--by LOGIN] [-n] [-k]",
	    N_("The service record is complete and signed (A10, C5).\n\n"
	    "  --conduct LIST  the customer's answers to the form's checklist\n"
	    "                  (A13-A20), or - for ID<TAB>yes|no lines on stdin\n") },
	{ "report", cmd_report, "report [ID...] --note TEXT [--by LOGIN] "
	    "[-n] [-k]",
	    N_("The worker's report of the visit just ended to the supervisor\n"
	    "(C5): what the customer asked, parts used, problems.\n") },
	{ "review", cmd_review, "review [ID...] --ok|--redo [--reason TEXT] "
	    "[-n] [-k]",
	    N_("The supervisor (a dispatcher) accepts the done visit, or sends it\n"
	    "back with a --reason to be put right and reported again (C5).\n") },
	{ "followup", cmd_followup, "followup [ID...] --reached|--unreachable "
	    "[--rating 1-5] [--comment TEXT] [--conduct ID=yes|no,...|-] "
	    "[-n] [-k]",
	    N_("The return call (回访) after the work: reached, with the customer's\n"
	    "rating, comment and answers to the conduct checklist (A13-A20);\n"
	    "unreachable keeps it due, up to the kind's return_visit_tries.\n") },
	{ "signature", cmd_text, "signature ID",
	    N_("Write the stored signature image to stdout.\n") },
	{ "attach", cmd_attach, "attach ID FILE [--kind photo-before|"
	    "photo-after|other] [-n]",
	    N_("Keep a photo or other file with the order.\n") },
	{ "form", cmd_text, "form [ID...] [--width 32|48|80]",
	    N_("The service form, customer's copy (A10, A12); 32 and 48 fit 58 mm\n"
	    "and 80 mm receipt printers.\n") },
	{ "noshow", cmd_noshow, "noshow [--apply] [--check] [-n]",
	    N_("The no-show sweep (G10): list, or with --apply mark abandoned,\n"
	    "the orders whose applicant is absent and unreachable 30 minutes\n"
	    "after the appointed time.  --check exits 1 when there is any.\n") },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	return svc_cli_main(argc, argv, "svc-visit", verbs);
}

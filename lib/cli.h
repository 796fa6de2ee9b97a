/*
 * cli.h - the thin CLI layer shared by the commands: the common options of
 * DESIGN section 3, finding the config and database, verbs, the batch
 * (one transaction, all or nothing, -k, -n) and the checked stdout.  Unlike
 * the domain layer, this layer prints diagnostics and exits.
 */
#ifndef SVC_CLI_H
#define SVC_CLI_H

#include <getopt.h>

#include "svc.h"

struct svc_cli;

struct svc_verb {
	const char *name;
	int (*run)(struct svc_cli *, int argc, char **argv);
	const char *usage;	/* "VERB ARGS [options]", as in SYNOPSIS */
	const char *help;	/* the verb's options, one a line */
};

struct svc_cli {
	const struct svc_verb *verbs;
	const struct svc_verb *verb;	/* the one running */
	const char *db_path, *conf_path;
	enum svc_fmt fmt;
	int header, quiet, dry_run, keep_going;
	int wide, excel;	/* -w, --excel */
	const char *fields;	/* -F */
	int check;		/* a --check run: warnings that bear on the
				   answer are printed even under -q */
	struct svc_conf conf;
	int conf_loaded;
	int admins;		/* what must hold of admins at the end:
				   SVC_ADMINS_* (acting.c) */
	struct svc_db *db;
	/* the batch */
	int nok, nfail, first_code;
	struct svc_buf changed;
	char detail[80];	/* an item may add "\tDETAIL" to its line */
	int own_lines;		/* items print own_out, not their key */
	struct svc_buf own_out;
};

/*
 * The long options every verb takes.  Short letters: h d c o H q F w, and
 * n k for verbs that write.  --version has no short form.
 */
#define SVC_OPT_VERSION 0x100
#define SVC_OPT_EXCEL 0x101
#define SVC_COMMON_SHORT "hd:c:o:HqF:w"
#define SVC_COMMON_LONG \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, SVC_OPT_VERSION }, \
	{ "fields", required_argument, NULL, 'F' }, \
	{ "wide", no_argument, NULL, 'w' }, \
	{ "excel", no_argument, NULL, SVC_OPT_EXCEL }, \
	{ "db", required_argument, NULL, 'd' }, \
	{ "config", required_argument, NULL, 'c' }, \
	{ "format", required_argument, NULL, 'o' }, \
	{ "header", no_argument, NULL, 'H' }, \
	{ "quiet", no_argument, NULL, 'q' }
#define SVC_WRITE_SHORT "nk"
#define SVC_WRITE_LONG \
	{ "dry-run", no_argument, NULL, 'n' }, \
	{ "keep-going", no_argument, NULL, 'k' }

int svc_cli_main(int argc, char **argv, const char *prog,
    const struct svc_verb *verbs);
typedef void (*svc_opt_fn)(struct svc_cli *, int c, char *arg, void *ctx);
void svc_cli_options(struct svc_cli *, int argc, char **argv,
    const struct option *longopts, const char *shortopts, const int *allowed,
    svc_opt_fn, void *ctx);
int64_t svc_cli_id(const char *key);
/* The id of a row the command made, printed once it commits. */
void svc_cli_made(struct svc_cli *, int64_t id);
void svc_cli_option(struct svc_cli *, int c, const char *arg);
_Noreturn void svc_cli_usage(struct svc_cli *);
_Noreturn void svc_cli_fail(struct svc_cli *, const struct svc_err *);
void svc_cli_config(struct svc_cli *);
void svc_cli_open(struct svc_cli *, int mode);
void svc_cli_warn_notice(struct svc_cli *, const char *key,
    const struct svc_move *);
void svc_cli_exclusive(const char **seen, const char *opt);
void svc_cli_known(struct svc_cli *, enum svc_kwhat, const char *opt,
    const char *value);
int svc_cli_color(void);
struct svc_out *svc_cli_out(struct svc_cli *, const struct svc_col *,
    int ncols);
void svc_cli_out_end(struct svc_cli *, struct svc_out *);
int svc_cli_stmt_marked(struct svc_cli *, struct svc_stmt *,
    const struct svc_col *, int ncols, int (*marked)(struct svc_stmt *));
int svc_cli_stmt_out(struct svc_cli *, struct svc_stmt *,
    const struct svc_col *, int ncols);
time_t svc_cli_time(struct svc_cli *, const char *arg);
void svc_cli_need(struct svc_cli *, int have, int want_min, int want_max);
void svc_cli_warn_quiet(struct svc_cli *, const char *key, int quiet,
    time_t at);

/* The batch: one transaction for the whole run (DESIGN section 2). */
typedef int (*svc_item_fn)(struct svc_cli *, const char *key, void *ctx,
    struct svc_err *);
void svc_batch_begin(struct svc_cli *);
int svc_batch_item(struct svc_cli *, const char *key, svc_item_fn, void *);
_Noreturn void svc_batch_end(struct svc_cli *);
_Noreturn void svc_cli_batch(struct svc_cli *, int argc, char **argv,
    int numeric, svc_item_fn, void *ctx);	/* open, run, end */
void svc_batch_ids(struct svc_cli *, char **argv, int argc, int numeric,
    svc_item_fn, void *ctx);	/* begins the transaction itself */
void svc_batch_run(struct svc_cli *, const struct svc_buf *keys,
    svc_item_fn, void *ctx);
void svc_batch_items(struct svc_cli *, const struct svc_buf *keys,
    svc_item_fn, void *ctx);

#endif

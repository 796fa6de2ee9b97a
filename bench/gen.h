/*
 * gen.h - the bench generator's two halves: gen.c lives one period of
 * orders through libsvc, replicate.c copies it into the periods after.
 */
#define GEN_TABLES 48
struct gen_mark {		/* what each table holds at one moment */
	int n;
	struct {
		char name[32];
		long long rows, last;	/* count(*), max(rowid) (0: none) */
	} t[GEN_TABLES];
};
/* The tables' sizes now, so that a period's rows can be told later. */
int gen_mark(struct svc_db *, struct gen_mark *, char *err, size_t);
/*
 * The rows written since before, copied `copies` times, the c-th with
 * its times `period` × c seconds later (a whole number of days); in the
 * caller's transaction.
 */
int gen_replicate(struct svc_db *, const struct gen_mark *before, int copies,
    long period, char *err, size_t);

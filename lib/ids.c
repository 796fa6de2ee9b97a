/*
 * ids.c - the one "ids from argv or stdin" loop of DESIGN section 2, used
 * by every command that acts on records (mblaze's blaze822_loop).
 *
 * Ids come from the arguments; with none (or "-") from stdin, where the
 * first field of each line is the id, so the output of one command is the
 * input of the next.  Empty lines and #-comments are skipped.  The first
 * field ends at a TAB and is the id exactly: " 4", "5 2", "\t6" and a
 * line with a NUL byte are errors naming the line, not guesses.  With no
 * arguments and a terminal on stdin the caller prints usage rather than
 * wait: this returns SVC_EX_USAGE with an empty message.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "svc.h"

int
svc_id_parse(const char *s, int64_t *id)
{
	char *end;
	long long v;

	if (*s < '1' || *s > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || errno == ERANGE)
		return -1;
	*id = v;
	return 0;
}

static int
valid(const char *s, int numeric)
{
	int64_t id;

	if (numeric)
		return svc_id_parse(s, &id) == 0;
	return *s != '\0';
}

/* The loop goes on after a failing item; the first failure is returned. */
static void
remember(int *first, int rc)
{
	if (rc != 0 && *first == 0)
		*first = rc;
}

static int
from_stdin(FILE *in, int numeric, svc_id_fn fn, void *ctx, int *first,
    struct svc_err *e)
{
	char *line = NULL, *p, *end;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;

	while ((n = getline(&line, &cap, in)) != -1) {
		lineno++;
		if ((size_t)n != strlen(line)) {
			svc_seterr(e, SVC_EX_DATA, "stdin:%ld: a NUL byte in the "
			    "line", lineno);
			break;
		}
		p = line;
		if (n > 0 && p[n - 1] == '\n')
			p[--n] = '\0';
		if (n > 0 && p[n - 1] == '\r')	/* a file made on Windows */
			p[--n] = '\0';
		if (*p == '\0' || *p == '#')
			continue;
		end = p + strcspn(p, "\t");
		*end = '\0';
		if (!valid(p, numeric)) {
			svc_seterr(e, SVC_EX_DATA, "stdin:%ld: '%.60s' is not %s"
			    " (the first field, up to a TAB)", lineno, p,
			    numeric ? "an order id" : "a key");
			break;
		}
		remember(first, fn(p, ctx));
	}
	if (e->code == 0 && ferror(in))
		svc_seterr(e, SVC_EX_IOERR, "stdin: %s", strerror(errno));
	free(line);
	return e->code;
}

int
svc_ids_each(char **argv, int argc, FILE *in, int numeric, svc_id_fn fn,
    void *ctx, struct svc_err *e)
{
	int first = 0, i;

	if (argc == 0 || (argc == 1 && strcmp(argv[0], "-") == 0)) {
		if (argc == 0 && isatty(fileno(in)))
			return svc_seterr(e, SVC_EX_USAGE, "%s", "");
		if (from_stdin(in, numeric, fn, ctx, &first, e))
			return e->code;
		return first;
	}
	for (i = 0; i < argc; i++)
		if (!valid(argv[i], numeric))
			return svc_seterr(e, SVC_EX_USAGE, "%s: not %s",
			    argv[i], numeric ? "an order id" : "a key");
	for (i = 0; i < argc; i++)
		remember(&first, fn(argv[i], ctx));
	return first;
}

/*
 * pg-text - each line of stdin, a statement of svc's, as the PostgreSQL
 * driver sends it to the server (svc_pg_text: $N, SQLite's words made
 * the server's).  For mk/pg-dialect.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

int
main(void)
{
	struct svc_buf out = { 0 };
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, stdin)) > 0) {
		line[strcspn(line, "\n")] = '\0';
		svc_buf_reset(&out);
		svc_buf_puts(&out, "");
		svc_pg_text(line, &out);
		puts(out.s);
	}
	free(line);
	svc_buf_free(&out);
	return ferror(stdout) ? 1 : 0;
}

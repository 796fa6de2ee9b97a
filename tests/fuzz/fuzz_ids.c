/* fuzz_ids.c - the ids loop reads any stdin: ids, or a line-numbered error. */
#include <stdio.h>

#include "fuzz.h"

static int
seen(const char *id, void *arg)
{
	int64_t v;

	(void)arg;
	if (svc_id_parse(id, &v) != 0 || v <= 0)
		abort();	/* only valid ids reach the callback */
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct svc_err e = { 0 };
	FILE *in = fmemopen((void *)data, size, "r");

	if (in == NULL)
		return 0;
	svc_ids_each(NULL, 0, in, 1, seen, NULL, &e);
	fclose(in);
	return 0;
}

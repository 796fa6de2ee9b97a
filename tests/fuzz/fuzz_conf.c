/* fuzz_conf.c - any text as a config: loaded or refused, never a crash. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct svc_conf c;
	struct svc_err e = { 0 };
	char *s = fuzz_string(data, size);

	fuzz_tz();
	svc_conf_load_string(&c, "fuzz.yaml", s, &e);
	svc_conf_free(&c);
	free(s);
	return 0;
}

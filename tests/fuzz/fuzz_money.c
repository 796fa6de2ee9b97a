/* fuzz_money.c - amounts parse exactly or are refused; they round-trip. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct svc_err e = { 0 };
	char *s = fuzz_string(data, size), buf[40];
	int64_t fen, again;

	if (svc_money_parse(s, 1, &fen, &e) == 0) {
		svc_money_format(fen, buf, sizeof buf);
		if (svc_money_parse(buf, 1, &again, &e) != 0 || again != fen)
			abort();	/* what we print, we read back */
	}
	free(s);
	return 0;
}

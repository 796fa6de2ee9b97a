/*
 * replay.c - runs a fuzz target over its corpus files without libFuzzer,
 * so `make check` replays every input that ever found a problem.
 *   replay FILE...
 */
#include <stdio.h>

#include "fuzz.h"

int
main(int argc, char **argv)
{
	static uint8_t buf[1 << 20];
	size_t n;
	FILE *f;
	int i;

	for (i = 1; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			return 1;
		}
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);
	}
	printf("[  PASSED  ] %d test(s).\n", argc - 1);
	return 0;
}

/* fuzz.h - what the fuzz targets share: input as a C string. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input with a NUL added; the parsers take C strings. */
static inline char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static inline void
fuzz_tz(void)
{
	static int done;

	if (!done) {
		setenv("TZ", "Asia/Shanghai", 1);
		tzset();
		svc_tz_changed();
		done = 1;
	}
}

#endif

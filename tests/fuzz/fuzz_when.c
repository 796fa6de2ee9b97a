/* fuzz_when.c - the time, date and duration parsers never crash. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct svc_err e = { 0 };
	struct svc_dur d;
	char *s = fuzz_string(data, size), buf[64];
	time_t t;
	int y, m, dd;

	fuzz_tz();
	if (svc_time_parse(s, 1796090400, NULL, &t, &e) == 0)
		svc_time_iso(t, buf, sizeof buf);
	if (svc_dur_parse(s, &d, &e) == 0)
		svc_dur_format(&d, buf, sizeof buf);
	svc_date_parse(s, 1796090400, &y, &m, &dd, &e);
	svc_hhmm_parse(s, &y);
	free(s);
	return 0;
}

/*
 * clock.c - one "now" for the whole run, so every deadline a command computes
 * uses the same instant.  SVC_NOW replaces the clock for tests, what-if runs
 * and back-filling; the real clock is read nowhere else.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "svc.h"

static time_t now_t, real_t;
static int now_set, claimed;

int
svc_clock_init(struct svc_err *e)
{
	const char *s = getenv("SVC_NOW");

	real_t = time(NULL);
	if (s == NULL || *s == '\0') {
		now_t = real_t;
		now_set = 1;
		return 0;
	}
	/* Only absolute forms: a relative SVC_NOW would have nothing to hang on. */
	if ((s[0] < '0' || s[0] > '9') && s[0] != '@')
		return svc_seterr(e, SVC_EX_USAGE, "SVC_NOW=%s: want "
		    "YYYY-MM-DD HH:MM, ISO 8601 or @epoch", s);
	if (svc_time_parse(s, 0, NULL, &now_t, e) != 0)
		return svc_seterr(e, SVC_EX_USAGE, "SVC_NOW=%s: want "
		    "YYYY-MM-DD HH:MM, ISO 8601 or @epoch", s);
	now_set = claimed = 1;
	return 0;
}

/* Whether "now" is claimed (SVC_NOW), not read off the clock. */
int
svc_clock_claimed(void)
{
	return claimed;
}

/*
 * The real time of the run, kept beside a claimed one in the record
 * (entered_at); 0 when nothing is claimed, so that the record holds one
 * time where there is one.
 */
time_t
svc_clock_real(void)
{
	return claimed ? real_t : 0;
}

time_t
svc_now(void)
{
	if (!now_set) {
		now_t = time(NULL);
		now_set = 1;
	}
	return now_t;
}

void
svc_clock_set(time_t t)
{
	now_t = t;
	now_set = 1;
}

/*
 * A zone name the system does not know silently becomes UTC in the C
 * library; times eight hours off are worse than a refusal, so look first.
 */
int
svc_tz_set(const char *zone, struct svc_err *e)
{
	const char *dir = secure_getenv("TZDIR");
	struct svc_buf path = { 0 };
	struct stat st;
	int ok;

	if (zone == NULL || *zone == '\0')
		return 0;
	if (strpbrk(zone, "0123456789") == NULL || strchr(zone, '/') != NULL) {
		if (strstr(zone, "..") != NULL)
			return svc_seterr(e, SVC_EX_CONFIG,
			    "timezone %s: bad name", zone);
		svc_buf_printf(&path, "%s/%s", dir && *dir ? dir :
		    "/usr/share/zoneinfo", zone);
		ok = stat(path.s, &st) == 0 && S_ISREG(st.st_mode);
		svc_buf_free(&path);
		if (!ok && strcmp(zone, "UTC") != 0)
			return svc_seterr(e, SVC_EX_CONFIG, "timezone %s: "
			    "unknown to this system (is tzdata installed?)",
			    zone);
	}
	setenv("TZ", zone, 1);
	tzset();
	svc_tz_changed();
	return 0;
}

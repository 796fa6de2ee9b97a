/*
 * err.c - the error a domain function hands upward, and the diagnostics the
 * CLI layer prints: "prog: message", lower case, one line (sbase eprintf).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

const char *svc_progname = "svc";

int
svc_seterr(struct svc_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	fmt = gettext(fmt);	/* translated where it is made: i18n.c */
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

void
svc_clearerr(struct svc_err *e)
{
	e->code = 0;
	e->msg[0] = '\0';
}

void
svc_vwarnx(const char *fmt, va_list ap)
{
	fflush(stdout);
	flockfile(stderr);	/* one line, though an import's reader warn */
	fprintf(stderr, "%s: ", svc_progname);
	vfprintf(stderr, gettext(fmt), ap);
	fputc('\n', stderr);
	funlockfile(stderr);
}

void
svc_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	svc_vwarnx(fmt, ap);
	va_end(ap);
}

void
svc_die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	svc_vwarnx(fmt, ap);
	va_end(ap);
	exit(code);
}

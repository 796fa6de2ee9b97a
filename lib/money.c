/*
 * money.c - amounts in fen (1/100 yuan), INTEGER end to end.  Parsing is
 * exact decimal text to integer; there is no floating point anywhere, so a
 * sum over a million lines is right to the fen.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>

#include "svc.h"

/* A bound far above any bill, and far below int64 overflow when summed. */
#define MONEY_MAX_YUAN 1000000000000LL	/* 10^12 yuan */

int
svc_money_parse(const char *s, int allow_negative, int64_t *fen,
    struct svc_err *e)
{
	const char *p = s;
	int64_t yuan = 0, cents = 0;
	int neg = 0, ndec = 0;

	if (*p == '-') {
		if (!allow_negative)
			return svc_seterr(e, SVC_EX_DATA,
			    "%s: bad amount: no sign allowed here", s);
		neg = 1;
		p++;
	}
	if (!isdigit((unsigned char)*p))
		goto bad;
	while (isdigit((unsigned char)*p)) {
		yuan = yuan * 10 + (*p++ - '0');
		if (yuan > MONEY_MAX_YUAN)
			return svc_seterr(e, SVC_EX_DATA,
			    "%s: bad amount: too large", s);
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (++ndec > 2)
				return svc_seterr(e, SVC_EX_DATA, "%s: bad "
				    "amount: more than two decimals", s);
			cents = cents * 10 + (*p++ - '0');
		}
		if (ndec == 0)
			goto bad;
		if (ndec == 1)
			cents *= 10;
	}
	if (*p != '\0')
		goto bad;
	*fen = (yuan * 100 + cents) * (neg ? -1 : 1);
	return 0;
bad:
	return svc_seterr(e, SVC_EX_DATA,
	    "%s: bad amount (want e.g. 180, 180.5 or 180.50)", s);
}

void
svc_money_format(int64_t fen, char *buf, size_t n)
{
	uint64_t a = fen < 0 ? (uint64_t)0 - (uint64_t)fen : (uint64_t)fen;

	snprintf(buf, n, "%s%" PRIu64 ".%02" PRIu64, fen < 0 ? "-" : "",
	    a / 100, a % 100);
}

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
#define MONEY_MAX_YUAN (SVC_MONEY_MAX / 100)

/*
 * total += qty * unit, refused (-1, total unchanged) past the ceiling:
 * the one check that keeps every order's total, and so every sum of
 * totals over a realistic number of orders, inside 64 bits.
 */
int
svc_money_add(int64_t *total, int64_t qty, int64_t unit)
{
	if (qty < 0 || unit < 0 || (qty > 0 && unit > SVC_MONEY_MAX / qty) ||
	    qty * unit > SVC_MONEY_MAX - *total)
		return -1;
	*total += qty * unit;
	return 0;
}

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
	if (yuan * 100 + cents > SVC_MONEY_MAX)	/* 10^12 yuan and no fen more */
		return svc_seterr(e, SVC_EX_DATA, "%s: bad amount: too large",
		    s);
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

/*
 * i18n.c - the language a person reads (issue 19): GNU gettext, the
 * convention of the Unix world.  Messages, usage, table headings and the
 * status words in a table follow LC_MESSAGES; the C locale is English.
 * Machine formats (tsv, csv, json) never pass through here: their keys,
 * codes and times are a contract for scripts, the same in every locale.
 */
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "svc.h"

#ifndef SVC_LOCALEDIR
#define SVC_LOCALEDIR "/usr/local/share/locale"
#endif

/*
 * Only the categories svc means: LC_NUMERIC would turn a decimal point
 * into a comma in some locales, LC_TIME and LC_COLLATE would make output
 * depend on where it ran.  svc's text is UTF-8 whatever LC_CTYPE says.
 * TEXTDOMAINDIR (gettext's own variable) points an uninstalled build at
 * its catalogues.
 */
void
svc_i18n_init(void)
{
	const char *dir = getenv("TEXTDOMAINDIR");

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	bindtextdomain("svc", dir && *dir ? dir : SVC_LOCALEDIR);
	bind_textdomain_codeset("svc", "UTF-8");
	textdomain("svc");
}

/*
 * A word in a context: gettext keeps "ctx\004word", as msgctxt does.
 * Without a translation the word itself comes back.
 */
const char *
svc_context(const char *ctx, const char *word)
{
	static char key[160];	/* gettext's answer outlives the key */
	size_t nc = strlen(ctx), nw = strlen(word);
	const char *t;

	if (nc + 1 + nw + 1 > sizeof key)
		return word;
	memcpy(key, ctx, nc);
	key[nc] = '\004';
	memcpy(key + nc + 1, word, nw + 1);
	t = gettext(key);
	return t == key ? word : t;
}

/* A column's heading in a table: "status" reads 状态 under zh_CN. */
const char *
svc_heading(const char *column)
{
	return svc_context("column", column);
}

/* A code in a table's cell: "taken_back" reads 已撤回 under zh_CN. */
const char *
svc_label(const char *code)
{
	return svc_context("code", code);
}

/*
 * The codes a table may show, for the catalogue: xgettext finds them
 * here.  The database keeps the codes; only a table's cell reads them.
 */
const char *const svc_code_words[] = {
	/* an order's status (svc_statuses) */
	NC_("code", "new"), NC_("code", "accepted"), NC_("code", "refused"),
	NC_("code", "cancelled"), NC_("code", "assigned"),
	NC_("code", "arrived"), NC_("code", "started"),
	NC_("code", "suspended"), NC_("code", "taken_back"),
	NC_("code", "done"), NC_("code", "abandoned"), NC_("code", "closed"),
	/* kinds of order, department, day and message */
	NC_("code", "cleaning"), NC_("code", "repair"), NC_("code", "gov"),
	NC_("code", "site"), NC_("code", "finance"),
	NC_("code", "workday"), NC_("code", "weekend"),
	NC_("code", "holiday"), NC_("code", "makeup"),
	NC_("code", "reply"), NC_("code", "refusal"), NC_("code", "move"),
	NC_("code", "late"), NC_("code", "reminder"),
	NC_("code", "followup"), NC_("code", "expired"),
	NC_("code", "failed"),
	/* who, on an agenda */
	NC_("code", "worker"), NC_("code", "helper"),
	/* a plan's state and its holiday rule; a complaint's state */
	NC_("code", "active"), NC_("code", "paused"), NC_("code", "ended"),
	NC_("code", "skip"), NC_("code", "next"), NC_("code", "prev"),
	NC_("code", "open"), NC_("code", "resolved"),
	/* how a request came and how a message goes; the groups of G2 */
	NC_("code", "window"), NC_("code", "phone"), NC_("code", "office"),
	NC_("code", "online"), NC_("code", "sms"), NC_("code", "email"),
	NC_("code", "elderly"), NC_("code", "frail"), NC_("code", "sick"),
	NC_("code", "disabled"), NC_("code", "key-project"),
	/* a review (C5) and a payment's method */
	NC_("code", "ok"), NC_("code", "redo"), NC_("code", "cash"),
	NC_("code", "card"), NC_("code", "transfer"), NC_("code", "wechat"),
	NC_("code", "alipay"),
	/* weekdays (svc-cal days) */
	NC_("code", "mon"), NC_("code", "tue"), NC_("code", "wed"),
	NC_("code", "thu"), NC_("code", "fri"), NC_("code", "sat"),
	NC_("code", "sun"),
	NULL
};

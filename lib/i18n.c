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
static const char *
in_context(const char *key, const char *word)
{
	const char *t = gettext(key);

	return t == key ? word : t;
}

static const char *
contextual(const char *ctx, const char *word)
{
	static char key[160];	/* gettext's answer outlives the key */
	size_t nc = strlen(ctx), nw = strlen(word);

	if (nc + 1 + nw + 1 > sizeof key)
		return word;
	memcpy(key, ctx, nc);
	key[nc] = '\004';
	memcpy(key + nc + 1, word, nw + 1);
	return in_context(key, word);
}

/* A column's heading in a table: "status" reads 状态 under zh_CN. */
const char *
svc_heading(const char *column)
{
	return contextual("column", column);
}

/* A code in a table's cell: "taken_back" reads 已撤回 under zh_CN. */
const char *
svc_label(const char *code)
{
	return contextual("code", code);
}

#!/bin/sh
# mk/po-check.sh - the catalogue agrees with the sources (issue 19): every
# message the sources mark has its Chinese, none is fuzzy, and the
# catalogue holds none the sources no longer have.  `make po` mends a
# stale catalogue; the translations are a person's work.
# Prints one line per check, "ok" or "not ok", for tests/run.sh.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh mk/pot.sh "$tmp/svc.pot" || { echo "not ok xgettext"; exit 1; }
verdict() {	# verdict STATUS DESC
	if [ "$1" -eq 0 ]; then echo "ok $2"; else
		echo "not ok $2"
		sed 's/^/#   /' "$tmp/err"
	fi
}
msgcmp po/zh_CN.po "$tmp/svc.pot" >"$tmp/err" 2>&1
verdict $? "every marked message is translated in po/zh_CN.po"
msgcmp --use-untranslated "$tmp/svc.pot" po/zh_CN.po >"$tmp/err" 2>&1
verdict $? "po/zh_CN.po holds no message the sources no longer have (make po)"
msgfmt -c --statistics -o /dev/null po/zh_CN.po >"$tmp/err" 2>&1 &&
    ! grep -q 'fuzzy\|untranslated' "$tmp/err"
verdict $? "po/zh_CN.po: formats agree, nothing fuzzy"

#!/bin/sh
# tests/install.sh - make install into a temporary PREFIX gives a working
# set, and make uninstall removes exactly what it installed.  Run by
# `make installcheck` (it rebuilds with that PREFIX compiled in).
set -u
top=$(pwd)
t=$(mktemp -d "${TMPDIR:-/tmp}/svc-install.XXXXXX")
trap 'rm -rf "$t"' EXIT
pass=0
fail=0
check() {	# check DESC CMD...
	d=$1
	shift
	if "$@" >/dev/null 2>&1; then pass=$((pass + 1)); echo "ok - $d"
	else fail=$((fail + 1)); echo "not ok - $d"; fi
}

make -s install PREFIX="$t/usr" >/dev/null || exit 1
export HOME="$t/home" SVC_DB="$t/svc.db" PATH="$t/usr/bin:$PATH"
unset SVC_CONFIG XDG_CONFIG_HOME XDG_DATA_HOME
mkdir -p "$HOME"
# The installed commands find the installed config and holiday files.
check "installed svc-cal knows 2026-10-01 is a holiday" \
    sh -c '! svc-cal is 2026-10-01 -q && svc-cal is 2026-10-01 2>&1 | grep -q 国庆节'
mkdir -p "$HOME/.config/svc"
cp "$t/usr/share/svc/config.yaml" "$HOME/.config/svc/config.yaml"
check "a config copied to ~/.config still finds the holiday files" \
    sh -c 'svc-cal is 2026-10-01 2>&1 | grep -q 国庆节'
rm -r "$HOME/.config/svc"
check "installed svc-order reads the catalogue" \
    sh -c 'svc-order catalogue | grep -q gov-pension'
if command -v man >/dev/null 2>&1; then
	check "man finds the pages" man -M "$t/usr/share/man" -w svc-order
fi
check "the bash completion loads" bash -c \
    ". '$t/usr/share/bash-completion/completions/svc-order'; complete -p svc-order"
check "the demo runs from the installed share" \
    sh "$t/usr/share/svc/demo.sh" "$t/usr/bin"
make -s uninstall PREFIX="$t/usr" >/dev/null
left=$(find "$t/usr" -type f | head -3)
check "uninstall removes every installed file" test -z "$left"
echo "$pass passed, $fail failed"
# Put the build back to the default PREFIX for whatever runs next.
make -s all >/dev/null
[ "$fail" -eq 0 ]

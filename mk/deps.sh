#!/bin/sh
# Install the Debian packages the build and the tests need.
#   mk/deps.sh               install what is missing
#   mk/deps.sh --if-missing  the same, silent when nothing is missing
# As root it runs apt-get; otherwise sudo when there is one; otherwise it
# prints the exact command and fails.
# DEPS_EXTRA adds packages: CI adds the shells whose completions it tests.
PKGS="gcc make libc6-dev pkg-config libsqlite3-dev libyaml-dev libcmocka-dev libsodium-dev libical-dev
sqlite3 mandoc tzdata gettext locales ${DEPS_EXTRA:-}"

# The tests read svc in Chinese: the zh_CN.UTF-8 locale must exist.
make_locale() {
	locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$' && return 0
	[ "$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 || {
		echo "deps: as root, run: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8" >&2
		return 1
	}
	echo "deps: making the zh_CN.UTF-8 locale" >&2
	if [ "$(id -u)" = 0 ]; then localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
	else sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8; fi
}

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	make_locale || exit 1
	[ "${1:-}" = --if-missing ] || echo "deps: all installed"
	exit 0
fi
echo "deps: installing:$missing" >&2
cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && $cmd || exit 1
elif command -v sudo >/dev/null 2>&1; then
	sudo apt-get update -qq &&
	    sudo DEBIAN_FRONTEND=noninteractive $cmd || exit 1
else
	echo "deps: as root, run: apt-get update && $cmd" >&2
	exit 1
fi
make_locale

#!/bin/sh
# Install the Debian packages the build and the tests need.
#   mk/deps.sh               install what is missing
#   mk/deps.sh --if-missing  the same, silent when nothing is missing
# As root it runs apt-get; otherwise sudo when there is one; otherwise it
# prints the exact command and fails.
# DEPS_EXTRA adds packages: CI adds the shells whose completions it tests.
PKGS="gcc make libc6-dev pkg-config libsqlite3-dev libyaml-dev libcmocka-dev libsodium-dev libical-dev libpq-dev
sqlite3 mandoc tzdata gettext locales ${DEPS_EXTRA:-}"

# as_root CMD...: as root, by sudo when there is one; else say the command.
as_root() {
	if [ "$(id -u)" = 0 ]; then
		env DEBIAN_FRONTEND=noninteractive "$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo env DEBIAN_FRONTEND=noninteractive "$@"
	else
		echo "deps: as root, run: $*" >&2
		return 1
	fi
}

# The tests read svc in Chinese: the zh_CN.UTF-8 locale must exist.
make_locale() {
	locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$' && return 0
	echo "deps: making the zh_CN.UTF-8 locale" >&2
	as_root localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
}

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "deps: installing:$missing" >&2
	as_root apt-get update -qq || exit 1
	as_root apt-get install -y --no-install-recommends $missing || exit 1
elif [ "${1:-}" != --if-missing ]; then
	echo "deps: all installed"
fi
make_locale

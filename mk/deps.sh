#!/bin/sh
# Install the Debian packages the build and the tests need.
#   mk/deps.sh               install what is missing
#   mk/deps.sh --if-missing  the same, silent when nothing is missing
# As root it runs apt-get; otherwise sudo when there is one; otherwise it
# prints the exact command and fails.
# DEPS_EXTRA adds packages: CI adds the shells whose completions it tests.
PKGS="gcc make libc6-dev pkg-config libsqlite3-dev libyaml-dev libcmocka-dev libsodium-dev libical-dev
sqlite3 mandoc tzdata ${DEPS_EXTRA:-}"

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -z "$missing" ]; then
	[ "$1" = --if-missing ] || echo "deps: all installed"
	exit 0
fi
echo "deps: installing:$missing" >&2
cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" = 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && $cmd
elif command -v sudo >/dev/null 2>&1; then
	sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive $cmd
else
	echo "deps: as root, run: apt-get update && $cmd" >&2
	exit 1
fi

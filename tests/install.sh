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
check "the installed front door runs its own commands" \
    sh -c 'svc order catalogue | grep -q gov-pension && svc help | grep -q "^  visit"'
check "the installed catalogue speaks Chinese under zh_CN" \
    sh -c 'env -u TEXTDOMAINDIR LANG=zh_CN.UTF-8 svc-order lst 2>&1 | grep -q 是不是'
check "and English in the C locale" \
    sh -c 'env -u TEXTDOMAINDIR LANG=C svc-order lst 2>&1 | grep -q "did you mean"'
check "the demo runs from the installed share" \
    sh "$t/usr/share/svc/demo.sh" "$t/usr/bin"
make -s uninstall PREFIX="$t/usr" >/dev/null
left=$(find "$t/usr" -type f | head -3)
check "uninstall removes every installed file" test -z "$left"

# The shared install (make install-server), tried with real users: an
# admin (svcta), a worker (svctw) and a login that is no staff (svctx).
# Needs root and useradd; elsewhere it is skipped, and says so.
shared() {
	srv="$t/srv"
	state="$t/var/lib/svc"
	etc="$t/etc/svc"
	chmod 755 "$t"
	for u in svcta svctw svctx; do
		id "$u" >/dev/null 2>&1 || useradd -M -N -s /bin/sh "$u" ||
		    return 1
	done
	make -s install-server PREFIX="$srv" STATEDIR="$state" \
	    SYSCONFDIR="$etc" >/dev/null || return 1
	db="$state/svc.db"
	# as USER CMD...: a real user's command, nothing of ours inherited
	as() {
		u=$1
		shift
		(cd / && runuser -u "$u" -- env -i PATH="$srv/bin:/usr/bin:/bin" \
		    HOME=/ LC_ALL=C.UTF-8 "$@")
	}
	dump() { sqlite3 "$db" .dump | md5sum; }
	printf 'departments:\n  - {code: d1, name: 一部, kind: repair}\n' >"$t/staff.yaml"
	printf 'staff:\n  - {login: svcta, name: 甲, dept: d1, roles: [admin, dispatcher]}\n' >>"$t/staff.yaml"
	printf '  - {login: svctw, name: 乙, dept: d1, roles: [worker]}\n' >>"$t/staff.yaml"
	chmod 644 "$t/staff.yaml"
	check "shared: the state directory is 2770 root:svc" sh -c \
	    "stat -c '%a %U %G' '$state' | grep -qx '2770 root svc'"
	check "shared: the database is 0660, group svc" sh -c \
	    "stat -c '%a %G' '$db' | grep -qx '660 svc'"
	check "shared: the commands are setgid svc" sh -c \
	    "stat -c '%a %G' '$srv/bin/svc-order' | grep -qx '2755 svc'"
	check "shared: the front door is not setgid" \
	    sh -c "stat -c '%a' '$srv/bin/svc' | grep -qx 755"
	before=$(dump)
	as svctx svc-staff add svctx --name 丁 --role admin >/dev/null 2>&1
	check "shared: before root's bootstrap nobody else crowns himself" \
	    test "$?" -eq 77 -a "$(dump)" = "$before"
	check "shared: the first admin by bootstrap (root, acting for svcta)" \
	    env -u SVC_DB SVC_USER=svcta "$srv/bin/svc-staff" import -q "$t/staff.yaml"
	check "shared: a worker cannot write the file itself" sh -c \
	    "! runuser -u svctw -- sqlite3 '$db' 'DELETE FROM event' 2>/dev/null"
	before=$(dump)
	check "shared: a worker reads through the commands" \
	    as svctw svc-staff list
	refuse() {	# refuse DESC USER CMD...: exit 77, nothing written
		what=$1
		shift
		as "$@" >/dev/null 2>&1
		rc=$?
		check "shared: $what: exit 77 ($rc)" test "$rc" -eq 77
		check "shared: $what: nothing written" test "$(dump)" = "$before"
	}
	refuse "a worker does not register" svctw svc-order new \
	    --customer 丙 --phone 13900000001 --address x --service repair-visit
	refuse "a worker grants himself finance" svctw svc-staff edit svctw \
	    --role worker,finance
	refuse "a worker acts as the admin" svctw env SVC_USER=svcta \
	    svc-staff edit svctw --role worker,finance
	refuse "a worker writes at another time" svctw env \
	    SVC_NOW="2026-03-01 10:00" svc-order new --customer 丙 \
	    --phone 13900000001 --address x --service repair-visit
	refuse "no staff at all writes nothing" svctx svc-staff add svctx \
	    --name 丁 --role admin
	refuse "a worker names another database" svctw svc-order list \
	    -d /tmp/elsewhere.db
	refuse "a worker names another configuration" svctw env \
	    SVC_CONFIG=/tmp/cheap.yaml svc-order catalogue
	refuse "a worker backs the database up" svctw svc-db backup \
	    /tmp/svc-copy.db
	refuse "a worker migrates the database" svctw svc-db init
	refuse "the admin changes his own roles" svcta svc-staff edit svcta \
	    --role admin,dispatcher,finance
	id=$(as svcta svc-order new --customer 丙 --phone 13900000001 \
	    --address x --service repair-visit --fault 不制冷 -q 2>/dev/null)
	check "shared: the admin registers" test -n "$id"
	# a time that is ahead whatever the clock says: nothing rests on it
	check "shared: the admin replies" \
	    as svcta svc-order accept "$id" --at "2030-06-04 10:00" -q
	check "shared: and dispatches the worker" \
	    as svcta svc-assign to svctw "$id" -q
	check "shared: the worker does his own visit" \
	    as svctw svc-visit arrive "$id" -q
	check "shared: the record says who, and nobody entered it for him" \
	    sh -c "sqlite3 '$db' \"SELECT actor, coalesce(entered_by, '-') \
	    FROM event WHERE kind = 'visit.arrive'\" | grep -qx 'svctw|-'"
	check "shared: the database's files stay group svc" sh -c \
	    "! find '$state' -type f ! -group svc | grep -q ."
	for u in svcta svctw svctx; do userdel "$u" 2>/dev/null; done
	make -s uninstall PREFIX="$srv" >/dev/null
	return 0
}
if [ "$(id -u)" = 0 ] && command -v useradd >/dev/null 2>&1 &&
    command -v runuser >/dev/null 2>&1 && command -v sqlite3 >/dev/null; then
	shared || { fail=$((fail + 1)); echo "not ok - the shared install"; }
else
	echo "ok - # SKIP the shared install needs root, useradd and runuser"
fi

echo "$pass passed, $fail failed"
# Put the build back to the default PREFIX for whatever runs next.
make -s all >/dev/null
[ "$fail" -eq 0 ]

#!/bin/sh
# mk/pg-cluster.sh start DIR | replica DIR PRIMARY | stop DIR - a throwaway
# PostgreSQL cluster for the tests (issue 20): initdb into DIR, a server on
# a Unix socket in DIR only (no TCP port), trust for the local user; or a
# streaming replica (a hot standby) of the one started in PRIMARY; stop
# removes it all.  start and replica print the libpq connection string.
# The server will not run as root: as root, DIR is given to the
# "postgres" user that Debian's postgresql package makes.
set -eu
usage="usage: mk/pg-cluster.sh start DIR | replica DIR PRIMARY | stop DIR"
cmd=${1:?$usage}
dir=${2:?$usage}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "pg-cluster: no PostgreSQL server (Debian: apt install postgresql)" >&2; exit 1; }

as_owner() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
start)
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	as_owner "$bin/initdb" -D "$dir/data" -A trust -E UTF8 \
	    --locale=C.UTF-8 -U svc >"$dir/initdb.log" 2>&1 ||
	    { cat "$dir/initdb.log" >&2; exit 1; }
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	    -o "-c listen_addresses='' -c unix_socket_directories='$dir'" \
	    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	as_owner "$bin/createdb" -h "$dir" -U svc svc_test
	echo "host=$dir user=svc dbname=svc_test"
	;;
replica)
	primary=${3:?$usage}
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	# -c fast: a checkpoint now, not one spread over minutes
	as_owner "$bin/pg_basebackup" -h "$primary" -U svc -D "$dir/data" \
	    -R -c fast -X stream >"$dir/basebackup.log" 2>&1 ||
	    { cat "$dir/basebackup.log" >&2; exit 1; }
	as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	    -o "-c listen_addresses='' -c unix_socket_directories='$dir'" \
	    -o "-c hot_standby=on" start >/dev/null ||
	    { cat "$dir/server.log" >&2; exit 1; }
	echo "host=$dir user=svc dbname=svc_test"
	;;
stop)
	[ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast \
	    -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "$usage" >&2
	exit 64
	;;
esac

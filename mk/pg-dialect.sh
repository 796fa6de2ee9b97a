#!/bin/sh
# mk/pg-dialect.sh LOG CONNINFO - how much of svc's SQL PostgreSQL takes as
# it is (issue 20).  LOG holds the statements a run prepared (SVC_SQL_LOG,
# a line each); the CLI suite's are svc's own, without the unit tests'
# fixtures: `SVC_SQL_LOG=/tmp/sql.log sh tests/run.sh build/std`.  CONNINFO names a
# server whose schema "svc" is svc's (test_sql makes it, given
# SVC_TEST_PG: mk/pg-cluster.sh starts a throwaway one).  Each distinct
# statement is prepared there as the driver sends it (pg-text) (one whose parameter only its
# value can type is counted apart: the driver prepares it at its first
# step, with the bindings' types); the engine's own statements
# (PRAGMA, BEGIN, SAVEPOINT, ...) are the driver's and counted apart.
# Prints the totals, then why the rest were refused, most often first:
# the work list of the port.  Figures, not a test.
set -eu
log=${1:?usage: mk/pg-dialect.sh LOG CONNINFO}
conn=${2:?usage: mk/pg-dialect.sh LOG CONNINFO}
pgtext=${B:-build/std}/pg-text
make -s "$pgtext" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sort -u "$log" >"$tmp/all"
ok=0 typed=0 refused=0 engine=0
while IFS= read -r sql; do
	case $sql in
	PRAGMA*|BEGIN*|COMMIT*|ROLLBACK*|SAVEPOINT*|RELEASE*|EXPLAIN*|SELECT\ 1)
		engine=$((engine + 1)); continue ;;
	esac
	pg=$(printf '%s\n' "$sql" | "$pgtext")
	if err=$(psql -X -q -v ON_ERROR_STOP=1 "$conn" -c "SET search_path = svc" \
	    -c "PREPARE s AS $pg" 2>&1 >/dev/null); then
		ok=$((ok + 1))
	elif printf '%s' "$err" |
	    grep -q 'could not determine data type\|is not unique'; then
		typed=$((typed + 1))	# pg.c prepares it with its bindings
	else
		refused=$((refused + 1))
		printf '%s\n' "$err" | sed -n '1s/^.*ERROR: *//p' |
		    sed 's/"[^"]*"/"…"/g; s/\$[0-9][0-9]*/$N/g' >>"$tmp/why"
		printf '%s\n\t%s\n' "$sql" "$(printf '%s\n' "$err" | head -1)" \
		    >>"$tmp/refused"
	fi
done <"$tmp/all"
echo "$(wc -l <"$tmp/all") distinct statements: $ok prepare on PostgreSQL as they are, $typed once their bindings type a parameter (pg.c does so at the first step), $refused refused, $engine the engine's own"
[ -s "$tmp/why" ] && sort "$tmp/why" | uniq -c | sort -rn
[ -n "${PG_DIALECT_ALL:-}" ] && [ -s "$tmp/refused" ] && cat "$tmp/refused"
exit 0

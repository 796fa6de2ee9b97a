#!/bin/sh
# bench/pg.sh BUILDDIR N - make bench DB=pg: the same commands on the
# bench's SQLite file and on a PostgreSQL copy of it (svc-db copy), side by
# side, with psql running svc's SQL as the server's yardstick where the
# statement is the same on both engines; then an import, the 10,000-id
# pipeline and eight writers at once on each engine.  Figures, not a
# test.  The server is SVC_TEST_PG's, or a throwaway one started here.
set -eu
B=$1
N=$2
top=$(pwd)
db="$top/build/bench-$N.db"
export SVC_CONFIG="$top/share/svc/config.yaml" SVC_USER=gen
export PATH="$top/$B/bin:$PATH"
export SVC_NOW="2026-12-31 12:00"
[ -s "$db" ] || { echo "bench/pg.sh: no $db: run make bench N=$N first" >&2; exit 66; }
svc-db init -q -d "$db" >/dev/null

pgdir=
tmp=$(mktemp -d)
trap '[ -z "$pgdir" ] || sh mk/pg-cluster.sh stop "$pgdir"; rm -rf "$tmp"' EXIT
if [ -z "${SVC_TEST_PG:-}" ]; then
	pgdir=$(mktemp -d /tmp/svc-bench-pg.XXXXXX)
	SVC_TEST_PG=$(sh mk/pg-cluster.sh start "$pgdir")
fi
newdb() {	# newdb NAME: an empty database on the server; prints its SVC_DB
	psql -X -q "$SVC_TEST_PG" -c "SET client_min_messages = warning" \
	    -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
	echo "$SVC_TEST_PG dbname=$1"
}
pg=$(newdb svc_bench_$N)

. "$top/bench/ms.sh"
median() {	# median CMD...: of 5 runs
	for i in 1 2 3 4 5; do ms "$@"; done | sort -n | sed -n 3p
}

echo "machine: $(nproc) cores, $(psql -X -At "$SVC_TEST_PG" -c 'SHOW server_version'), a Unix socket"
s=$(date +%s%N)
svc-db copy -q "$db" "$pg" >"$tmp/copied"
e=$(date +%s%N)
awk -v ns=$((e - s)) '{ n += $2 } END { printf "svc-db copy of %d rows into the server: %.1f s, %.0f rows/s\n", n, ns / 1e9, n / (ns / 1e9) }' "$tmp/copied"
psql -X -q -d "$pg" -c "ANALYZE" >/dev/null

. "$top/bench/sql.sh"
pgsql() {	# pgsql SQL: svc's SQLite words as the driver gives them
	printf '%s' "$1" | "$top/$B/pg-text"
}
row() {	# row NAME SQL CMD...: svc on the file, svc on the server, psql
	name=$1 sql=$2
	shift 2
	a=$(SVC_DB=$db median "$@")
	b=$(SVC_DB=$pg median "$@")
	c=-
	[ -z "$sql" ] || c=$(median psql -X -q -At -v ON_ERROR_STOP=1 \
	    -d "$pg options=-csearch_path=svc" -c "$(pgsql "$sql")")
	printf '%-34s %9s ms %9s ms %9s ms %7s\n' "$name" "$a" "$b" "$c" \
	    "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2fx", a ? b / a : 0 }')"
}
printf '%-34s %12s %12s %12s %7s\n' operation "svc, SQLite" "svc, server" psql "server/SQLite"
row "svc-order show ID" "$LIST WHERE o.id = $id ORDER BY o.id" svc-order show $id
row "svc-order show ID (json)" "SELECT * FROM v_order WHERE id = $id" svc-order show $id -o json
row "svc-order list --status new" "$LIST WHERE o.status = 'new' ORDER BY o.id" svc-order list --status new
row "svc-report overdue" "$OVERDUE" svc-report overdue
row "svc-report overdue --check" "$OVERDUE" svc-report overdue --check
row "svc-visit noshow" "$NOSHOW" svc-visit noshow
row "svc-report unpaid" "$UNPAID" svc-report unpaid
row "svc-report held" "$HELD" svc-report held
row "svc-report late" "$LATE" svc-report late
row "svc-report takeback" "$TAKEBACK" svc-report takeback
row "svc-report unreviewed" "$UNREVIEWED" svc-report unreviewed
row "svc-report followup" "$FOLLOWUP" svc-report followup
row "svc-report clashes" "$CLASHES" svc-report clashes
row "svc-report unsent" "$UNSENT" svc-report unsent
row "svc-notify check" "$CHECK" svc-notify check
row "svc-assign agenda WORKER --on DAY" "$AGENDA" svc-assign agenda "$worker" --on "$day"
row "svc-report summary" "$(report_sql summary dept)" svc-report summary
row "svc-report revenue" "$(report_sql revenue dept)" svc-report revenue
row "svc-db verify" "" svc-db verify -q

# Import: 20,000 requests into an empty database of each engine.
awk 'BEGIN { for (i = 0; i < 20000; i++)
    printf "- {customer: 客%d, phone: \"15%09d\", address: 某地, services: [clean-daily]}\n", i, i }' >"$tmp/import.yaml"
empty() {	# empty ENGINE: a new database with the staff; prints its SVC_DB
	if [ "$1" = pg ]; then
		e=$(newdb svc_bench_import)
	else
		rm -f "$tmp/empty.db"*
		e="$tmp/empty.db"
	fi
	SVC_DB=$e svc-db init -q >/dev/null
	SVC_DB=$e SVC_USER=zhou svc-staff import "$top/share/svc/staff.yaml" -q >/dev/null 2>&1
	echo "$e"
}
for engine in sqlite pg; do
	e=$(empty $engine)
	t=$(ms env SVC_DB="$e" SVC_USER=zhou svc-order import "$tmp/import.yaml" -q)
	awk -v t="$t" -v g="$engine" 'BEGIN { printf "svc-order import of 20,000 (%s): %.0f ms, %.0f orders/s\n", g, t, 2e7 / t }'
	# the pipeline: 10,000 ids accepted, then piped through svc-assign to
	SVC_DB=$e svc-order list --status new --limit 10000 | cut -f1 |
	    SVC_DB=$e SVC_USER=zhou SVC_NOW="2026-12-31 09:00" svc-order accept \
	    --at "2027-01-04 09:00" --force --note bench >"$tmp/acc" 2>/dev/null
	t=$(ms sh -c "SVC_DB='$e' SVC_USER=zhou svc-assign to wang --force <'$tmp/acc'")
	echo "$(wc -l <"$tmp/acc") ids through svc-assign to ($engine): $t ms"
	# eight writers at once, 25 registrations each
	: >"$tmp/writers.err"
	s=$(date +%s%N)
	for w in 1 2 3 4 5 6 7 8; do
		(i=0; while [ $i -lt 25 ]; do
			SVC_DB=$e SVC_USER=zhou svc-order new --customer 并$w \
			    --phone 1390000000$w --address 某地 --service clean-daily -q \
			    >/dev/null 2>>"$tmp/writers.err" || echo fail >>"$tmp/writers.err"
			i=$((i + 1))
		done) &
	done
	wait
	e2=$(date +%s%N)
	awk -v ns=$((e2 - s)) -v g="$engine" -v f="$(grep -c fail <"$tmp/writers.err")" \
	    'BEGIN { printf "8 writers x 25 registrations (%s): %.2f s, %.0f writes/s, %d failed\n", g, ns / 1e9, 200 / (ns / 1e9), f }'
	rm -f "$tmp/writers.err"
done

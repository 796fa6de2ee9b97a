#!/bin/sh
# bench/run.sh BUILDDIR N - speed and memory of svc against the sqlite3
# shell running the same query on the same file.  Prints, for each
# operation, the median of 9 runs, the shell's median, the ratio and svc's
# peak memory.  Times are in ms to a tenth; a run of a few ms is mostly the
# start of a process, so a ratio near 1 there says little more than "as fast".  Figures, not a test: nothing here fails on a number.
set -eu
B=$1
N=$2
top=$(pwd)
db="$top/build/bench-$N.db"
# gen, the generator's dispatcher: it may register and dispatch (the roles
# table); reading needs no role.
export SVC_DB="$db" SVC_CONFIG="$top/share/svc/config.yaml" SVC_USER=gen
export PATH="$top/$B/bin:$PATH"
export SVC_NOW="2026-12-31 12:00"

if [ ! -s "$db" ]; then
	echo "generating $N orders into $db"
	rm -f "$db" "$db-wal" "$db-shm"
	"$top/$B/gen" "$db" "$N"
fi
# A database kept from an older build is migrated first: every other
# command refuses an older schema, and a refusal must not be timed.
svc-db init -q >/dev/null

. "$top/bench/ms.sh"

median() {	# median CMD...: of 9 runs
	for i in 1 2 3 4 5 6 7 8 9; do ms "$@"; done | sort -n | sed -n 5p
}

peak() {	# peak CMD...: maximum resident set, KiB
	/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
}

# Each row's time is kept in build/bench-N.ms, so that a run at one scale
# can say how each operation grew from the other (the 1M / 100k column).
times="$top/build/bench-$N.ms"
: >"$times.new"

# svc and the shell in turn, nine times each: run one after the other, a
# host whose speed drifts over a minute (a shared machine's does) moved
# the ratio by a third between two runs of the bench.
in_turn() {	# in_turn SQL CMD...: a and b, the medians of CMD and the shell
	sql=$1 as= bs=
	shift
	for i in 1 2 3 4 5 6 7 8 9; do
		as="$as $(ms "$@")"
		bs="$bs $(ms sqlite3 -readonly "$db" "$sql")"
	done
	a=$(printf '%s\n' $as | sort -n | sed -n 5p)
	b=$(printf '%s\n' $bs | sort -n | sed -n 5p)
}

row() {	# row NAME SQL CMD...
	name=$1
	shift
	in_turn "$@"
	shift
	m=$(peak "$@")
	r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b ? a / b : 0 }')
	printf '%-40s %8s ms %8s ms %7sx %8s KiB\n' "$name" "$a" "$b" "$r" "$m"
	# the day and the worker a row names differ between the scales
	printf '%s\t%s\n' "$name" "$a" |
	    sed 's/ [0-9][0-9-]*\t/\t/; s/ w[0-9][0-9]* / WORKER /' >>"$times.new"
}

# The shell sees the instant svc sees: SVC_NOW, in the configured zone.
# svc's SQL of each read, as the shells run it (shared with bench/pg.sh)
. "$top/bench/sql.sh"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { print int($2 / 1048576) " GiB" }' /proc/meminfo), $(sqlite3 --version | cut -d' ' -f1)"
echo "database: $N orders, $(du -h "$db" | cut -f1)"
printf '%-40s %11s %11s %8s %12s\n' operation svc sqlite3 ratio "svc peak"
row "svc-order show ID (json)" "SELECT * FROM v_order WHERE id = $id" \
    svc-order show $id -o json
row "svc-order show ID (tsv)" "$LIST WHERE o.id = $id ORDER BY o.id" \
    svc-order show $id
row "svc-order list --status new" "$LIST WHERE o.status = 'new' ORDER BY o.id" \
    svc-order list --status new
row "svc-order list (every order)" "$LIST ORDER BY o.id" svc-order list
row "svc-order list --overdue" "$LIST WHERE o.replied_at IS NULL AND o.status = 'new' AND o.reply_due < $now ORDER BY +o.id" \
    svc-order list --overdue
row "svc-order list --on $day" "$LIST WHERE o.appt_at >= $from AND o.appt_at < $to ORDER BY +o.id" \
    svc-order list --on "$day"
row "svc-order list --customer 客户123" "$LIST WHERE o.customer_id IN (SELECT id FROM customer WHERE phone = '客户123' OR instr(name, '客户123') OR instr(phone, '客户123')) ORDER BY o.id" \
    svc-order list --customer 客户123
row "svc-report overdue" "$OVERDUE" svc-report overdue
row "svc-visit noshow" "$NOSHOW" svc-visit noshow
row "svc-report unpaid" "$UNPAID" svc-report unpaid
row "svc-report held" "$HELD" svc-report held
row "svc-report late (last 30 days)" "$LATE" svc-report late
row "svc-report takeback" "$TAKEBACK" svc-report takeback
row "svc-report unsent" "$UNSENT" svc-report unsent
row "svc-report unreviewed" "$UNREVIEWED" svc-report unreviewed
row "svc-report followup" "$FOLLOWUP" svc-report followup
row "svc-report clashes" "$CLASHES" svc-report clashes
row "svc-staff leave-list" "SELECT l.id, s.login, l.from_at, l.to_at, l.reason, l.cancelled_at FROM leave l JOIN staff s ON s.id = l.staff_id WHERE l.to_at > $now AND l.cancelled_at IS NULL ORDER BY l.from_at, l.id" \
    svc-staff leave-list
row "svc-report conduct (last 30 days)" "$CONDUCT" \
    svc-report conduct --since "$(TZ=Asia/Shanghai date -d "@$((now - 2592000))" '+%F %R')"
row "svc-assign agenda $worker --on $day" "$AGENDA" \
    svc-assign agenda "$worker" --on "$day"
row "svc-report evaluation --year 2025" "$EVAL" \
    svc-report evaluation --year 2025
row "svc-report summary" "$(report_sql summary dept)" svc-report summary
row "svc-report workload" "$(report_sql workload dept)" svc-report workload
row "svc-report revenue" "$(report_sql revenue dept)" svc-report revenue
row "svc-report rating" "$(report_sql rating dept)" svc-report rating
for r in summary workload revenue rating; do
	row "svc-report $r --since 2026-12-01" "$(report_sql $r dept "$month")" \
	    svc-report $r --since 2026-12-01
done
row "svc-notify due (at 10:00)" "$DUE" env SVC_NOW="2026-12-31 10:00" svc-notify due
row "svc-notify check" "$CHECK" svc-notify check
row "svc-staff roles w01" "SELECT roles FROM v_staff WHERE login = 'w01' AND active" \
    svc-staff roles w01

# What a command costs before its query (its configuration, the schema,
# the role): a check whose answer is a few rows against the shell doing
# nothing, and against the shell reading the schema as any query must.
in_turn "SELECT 1" svc-report held
held=$a one=$b
in_turn "SELECT 1 FROM sqlite_master WHERE 0" svc-report held
echo "start: svc-report held $held ms; sqlite3 'SELECT 1' $one ms ($(awk -v a="$held" -v b="$one" 'BEGIN { printf "%+.1f", a - b }') ms), reading the schema $b ms"

# The answers' sizes, and the plans that find them: the checks start from
# an index over the open cases, so their time follows the answer.
echo "rows: due $(SVC_NOW="2026-12-31 10:00" svc-notify due -q | wc -l) of $(sqlite3 "$db" 'SELECT count(*) FROM outbox') messages, overdue $(svc-report overdue -q | wc -l), noshow $(svc-visit noshow -q | wc -l), unpaid $(svc-report unpaid -q | wc -l), held $(svc-report held -q | wc -l), takeback $(svc-report takeback -q | wc -l), unreviewed $(svc-report unreviewed -q | wc -l), followup $(svc-report followup -q | wc -l), agenda $(svc-assign agenda "$worker" --on "$day" -q | wc -l)"
for q in OVERDUE NOSHOW UNPAID HELD LATE TAKEBACK UNSENT UNREVIEWED FOLLOWUP AGENDA DUE EVAL; do
	eval "sql=\$$q"
	echo "plan of $q:"
	sqlite3 -readonly "$db" "EXPLAIN QUERY PLAN $sql" | sed -n 's/^[|`-]*/  /p'
done

# Import 100,000 requests, and 10,000 ids through svc-assign to.
tmp=$(mktemp -d)
awk 'BEGIN { for (i = 0; i < 100000; i++)
    printf "- {customer: 客%d, phone: \"15%09d\", address: 某地, services: [clean-daily]}\n", i, i }' >"$tmp/import.yaml"
for i in 1 2 3; do	# each into a fresh copy; copying and flushing not timed
	cp "$db" "$tmp/copy.db"
	sync
	ms env SVC_DB="$tmp/copy.db" svc-order import "$tmp/import.yaml" -q
done | sort -n | sed -n 2p >"$tmp/ms"
awk '{ printf "svc-order import of 100,000 (median of 3): %.0f ms, %.0f orders/s\n", $1, 1e8 / $1 }' "$tmp/ms"
# The reader alone, into an empty database (median of 3 each): the same
# YAML, and svc's own JSON Lines export of 100,000 orders of the bench,
# their visits and events included, which import reads past.
svc-order export --limit 100000 >"$tmp/export.jsonl"
for f in import.yaml export.jsonl; do
	for i in 1 2 3; do
		rm -f "$tmp/empty.db"*
		SVC_DB="$tmp/empty.db" svc-db init -q >/dev/null
		SVC_DB="$tmp/empty.db" SVC_USER=zhou svc-staff import "$top/share/svc/staff.yaml" -q >/dev/null 2>&1
		ms env SVC_DB="$tmp/empty.db" SVC_USER=zhou svc-order import "$tmp/$f" -q
	done | sort -n | sed -n 2p |
	    awk -v f="$f" -v n="$(grep -c . "$tmp/$f")" '{ printf "svc-order import %s into an empty database: %d records in %.0f ms, %.0f orders/s\n", f, n, $1, n * 1000 / $1 }'
done
SVC_DB="$tmp/copy.db" SVC_NOW="2026-12-31 09:00" svc-order list --status new --limit 10000 | cut -f1 >"$tmp/new"
SVC_DB="$tmp/copy.db" SVC_NOW="2026-12-31 09:00" svc-order accept --at "2027-01-04 09:00" --force --note bench <"$tmp/new" >"$tmp/acc" 2>"$tmp/acc.err" ||
    echo "bench: accept: $(head -1 "$tmp/acc.err")" >&2
s=$(date +%s%N)
SVC_DB="$tmp/copy.db" svc-assign to w00 --force <"$tmp/acc" >/dev/null 2>"$tmp/to.err" ||
    echo "bench: assign: $(head -1 "$tmp/to.err")" >&2
e=$(date +%s%N)
echo "$(wc -l <"$tmp/acc") ids piped through svc-assign to: $(((e - s) / 1000000)) ms"
# Plans (issue 18): the 10,000 accepted orders each made a plan (Mondays
# and Thursdays at 09:00), then the nightly run over 14 days.
SVC_DB="$tmp/copy.db" svc-plan new --every 'mon,thu 09:00' <"$tmp/acc" >"$tmp/plans" 2>"$tmp/plan.err" ||
    echo "bench: plan new: $(head -1 "$tmp/plan.err")" >&2
s=$(date +%s%N)
SVC_DB="$tmp/copy.db" svc-plan run --ahead 14d -q >"$tmp/made" 2>"$tmp/run.err" ||
    echo "bench: plan run: $(head -1 "$tmp/run.err")" >&2
e=$(date +%s%N)
awk -v p="$(wc -l <"$tmp/plans")" -v o="$(wc -l <"$tmp/made")" -v ns=$((e - s)) \
    'BEGIN { printf "svc-plan run --ahead 14d: %d plans, %d orders in %.2f s, %.0f orders/s\n", p, o, ns / 1e9, ns ? o / (ns / 1e9) : 0 }'
a=$(SVC_DB="$tmp/copy.db" median svc-plan list)
b=$(median sqlite3 -readonly "$tmp/copy.db" "SELECT id, state, kind, customer, first_id, coalesce(every, rrule), on_holiday, made, last_at FROM v_plan ORDER BY id")
echo "svc-plan list ($(wc -l <"$tmp/plans") plans): $a ms, the shell $b ms"
p=$(head -1 "$tmp/plans")
a=$(SVC_DB="$tmp/copy.db" median svc-plan show "$p")
b=$(median sqlite3 -readonly "$tmp/copy.db" "SELECT p.id, NULL, coalesce(o.appt_at, o.want_at), p.first_id, o.status, 'the first order' FROM plan p JOIN orders o ON o.id = p.first_id WHERE p.id = $p UNION ALL SELECT x.plan_id, x.planned_at, x.at, x.order_id, o.status, x.note FROM plan_occ x LEFT JOIN orders o ON o.id = x.order_id WHERE x.plan_id = $p ORDER BY 2")
echo "svc-plan show $p: $a ms, the shell $b ms"
# One write, as a window registers a request: one transaction, its event
# sealed, synced (synchronous=FULL) before the id is printed.
for i in 1 2 3 4 5 6 7 8 9; do
	ms env SVC_DB="$tmp/copy.db" svc-order new --customer 单 --phone 13900000000 \
	    --address 某地 --service clean-daily -q
done | sort -n | sed -n 5p | awk '{ print "svc-order new, one write (median of 9): " $1 " ms" }'
# The sealed log: the whole walk of every chain, and the day's seal.
echo "svc-db verify (every chain, $(sqlite3 "$db" 'SELECT count(*) FROM event') events): $(ms svc-db verify -q) ms"
echo "svc-db seal: $(median svc-db seal) ms"
rm -rf "$tmp"
mv "$times.new" "$times"

# How each read grew from 100,000 to 1,000,000 orders, when both were run.
small="$top/build/bench-100000.ms" large="$top/build/bench-1000000.ms"
if [ -s "$small" ] && [ -s "$large" ]; then
	echo "growth from 100,000 to 1,000,000 orders (svc's medians):"
	awk -F '\t' 'NR == FNR { s[$1] = $2; next }
	    ($1 in s) && s[$1] > 0 {
		printf "  %-40s %8s ms %8s ms %6.2fx\n", $1, s[$1], $2, $2 / s[$1] }' \
	    "$small" "$large"
fi

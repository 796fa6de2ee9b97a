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

row() {	# row NAME SQL CMD...
	name=$1 sql=$2
	shift 2
	a=$(median "$@")
	b=$(median sqlite3 -readonly "$db" "$sql")
	m=$(peak "$@")
	r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b ? a / b : 0 }')
	printf '%-40s %8s ms %8s ms %7sx %8s KiB\n' "$name" "$a" "$b" "$r" "$m"
	# the day and the worker a row names differ between the scales
	printf '%s\t%s\n' "$name" "$a" |
	    sed 's/ [0-9][0-9-]*\t/\t/; s/ w[0-9][0-9]* / WORKER /' >>"$times.new"
}

# The shell sees the instant svc sees: SVC_NOW, in the configured zone.
now=$(TZ=Asia/Shanghai date -d "$SVC_NOW" +%s)
id=$((N / 2))
# A worker with a visit booked (the open tail has them), and its local day
# (+8 h: Asia/Shanghai, the zone of share/svc/config.yaml).
set -- $(sqlite3 -separator ' ' "$db" "SELECT w.login, w.id, date(o.appt_at + 28800, 'unixepoch') FROM orders o JOIN staff w ON w.id = o.worker_id WHERE o.status = 'assigned' ORDER BY o.id DESC LIMIT 1")
worker=$1 wid=$2 day=$3
from=$(TZ=Asia/Shanghai date -d "$day 00:00" +%s)
to=$((from + 86400))
LIST="SELECT o.id, o.status, o.kind, d.code, o.customer_name, c.phone, o.address, o.created_at, o.reply_due, o.appt_at, (SELECT group_concat(code || ':' || qty, ',') FROM (SELECT code, qty FROM order_service s WHERE s.order_id = o.id ORDER BY line)) FROM orders o JOIN customer c ON c.id = o.customer_id LEFT JOIN dept d ON d.id = o.dept_id"
OVERDUE="SELECT o.id, o.reply_due, ($now - o.reply_due) / 60, d.code, o.kind, c.name FROM orders o JOIN customer c ON c.id = o.customer_id LEFT JOIN dept d ON d.id = o.dept_id WHERE o.replied_at IS NULL AND o.status = 'new' AND o.reply_due < $now ORDER BY o.reply_due, o.id"
NOSHOW="SELECT o.id, o.kind, o.appt_at, (SELECT count(*) FROM contact t WHERE t.order_id = o.id AND t.at >= o.appt_at AND NOT t.reached), (SELECT count(*) FROM contact t WHERE t.order_id = o.id AND t.at >= o.appt_at AND t.reached) FROM orders o WHERE o.status = 'arrived' AND o.appt_at <= $now ORDER BY o.appt_at, o.id"
UNPAID="SELECT o.id, v.ended_at, c.name, c.phone, o.balance, d.code FROM orders o INDEXED BY orders_owing JOIN customer c ON c.id = o.customer_id LEFT JOIN dept d ON d.id = o.dept_id LEFT JOIN visit v ON v.order_id = o.id AND v.outcome = 'done' WHERE o.status = 'done' AND o.balance > 0 ORDER BY o.id"
HELD="SELECT p.collector, sum(p.amount), count(*), min(p.at), ($now - min(p.at)) / 3600 FROM payment p JOIN orders o ON o.id = p.order_id LEFT JOIN dept d ON d.id = o.dept_id WHERE p.method = 'cash' AND p.place = 'site' AND NOT p.void AND p.kind = 'payment' AND p.handover_id IS NULL AND p.at < $now - 86400 GROUP BY p.collector ORDER BY min(p.at)"
AGENDA="SELECT o.id, o.appt_at, o.appt_until, c.name, o.address, c.phone, (SELECT group_concat(name || CASE WHEN qty > 1 THEN ' x' || qty ELSE '' END, '、') FROM (SELECT name, qty FROM order_service WHERE order_id = o.id ORDER BY line)), (SELECT group_concat(value, ';') FROM json_each(o.documents)), o.status, CASE WHEN o.helper_id = $wid THEN 'helper' ELSE 'worker' END FROM (SELECT id FROM orders WHERE worker_id = $wid AND appt_at >= $from AND appt_at < $to UNION ALL SELECT id FROM orders WHERE helper_id = $wid AND appt_at >= $from AND appt_at < $to) AS mine CROSS JOIN orders o ON o.id = mine.id JOIN customer c ON c.id = o.customer_id WHERE o.status IN ('assigned', 'arrived', 'started', 'suspended') ORDER BY o.appt_at, o.id"
LATE="SELECT v.order_id, v.appt_at, v.arrived_at, v.late_minutes, coalesce(v.announced_at <= v.appt_at, 0), w.login, d.code, v.no FROM visit v JOIN orders o ON o.id = v.order_id LEFT JOIN dept d ON d.id = o.dept_id LEFT JOIN staff w ON w.id = v.worker_id WHERE v.late_minutes > 0 AND v.appt_at >= $now - 2592000 AND v.appt_at < $now + 1 UNION ALL SELECT o.id, o.appt_at, NULL, ($now - o.appt_at + 59) / 60, coalesce(n.announced_at <= o.appt_at, 0), w.login, d.code, coalesce(n.no, (SELECT coalesce(max(no), 0) + 1 FROM visit WHERE order_id = o.id)) FROM orders o LEFT JOIN dept d ON d.id = o.dept_id LEFT JOIN staff w ON w.id = o.worker_id LEFT JOIN visit n ON n.order_id = o.id AND n.outcome IS NULL WHERE o.status = 'assigned' AND o.appt_at < $now AND o.appt_at >= $now - 2592000 AND o.appt_at < $now + 1 ORDER BY 2, 1, 8"
TAKEBACK="SELECT v.order_id, v.return_by, v.ended_at, CAST(julianday(date($now, 'unixepoch', 'localtime')) - julianday(v.return_by) AS INTEGER), w.login, d.code, o.customer_name FROM visit v JOIN orders o ON o.id = v.order_id LEFT JOIN dept d ON d.id = o.dept_id LEFT JOIN staff w ON w.id = v.worker_id WHERE v.outcome = 'taken_back' AND v.returned_at IS NULL AND v.return_by < date($now, 'unixepoch', 'localtime') ORDER BY v.return_by, v.order_id"
UNREVIEWED="SELECT v.order_id, v.no, v.ended_at, v.review_due, ($now - v.review_due) / 60, w.login, d.code, v.reported_at IS NOT NULL FROM visit v JOIN orders o ON o.id = v.order_id LEFT JOIN dept d ON d.id = o.dept_id LEFT JOIN staff w ON w.id = v.worker_id WHERE v.review IS NULL AND v.review_due IS NOT NULL AND v.review_due < $now ORDER BY v.review_due, v.order_id"
CLASHES="SELECT o.id, o.appt_at, s.login, 'worker', l.from_at, l.to_at, l.reason, d.code FROM leave l JOIN orders o ON o.worker_id = l.staff_id AND o.appt_at < l.to_at AND o.appt_at > l.from_at - 172800 AND o.appt_until > l.from_at JOIN staff s ON s.id = l.staff_id LEFT JOIN dept d ON d.id = o.dept_id WHERE l.cancelled_at IS NULL AND l.to_at > $now AND o.status = 'assigned' UNION ALL SELECT o.id, o.appt_at, s.login, 'helper', l.from_at, l.to_at, l.reason, d.code FROM leave l JOIN orders o ON o.helper_id = l.staff_id AND o.appt_at < l.to_at AND o.appt_at > l.from_at - 172800 AND o.appt_until > l.from_at JOIN staff s ON s.id = l.staff_id LEFT JOIN dept d ON d.id = o.dept_id WHERE l.cancelled_at IS NULL AND l.to_at > $now AND o.status = 'assigned' ORDER BY 2, 1"
CONDUCT="SELECT w.login, k.item, count(*), sum(k.breach), sum(k.breach AND k.major), max(CASE WHEN k.breach THEN k.at END) FROM conduct k JOIN orders o ON o.id = k.order_id LEFT JOIN dept d ON d.id = o.dept_id LEFT JOIN staff w ON w.id = k.worker_id WHERE k.at >= $((now - 2592000)) AND k.at < $((now + 1)) GROUP BY k.worker_id, k.item ORDER BY 1, 2"
FOLLOWUP="SELECT o.id, o.followup_due, o.followup_tries, o.customer_name, c.phone, d.code, o.kind FROM orders o JOIN customer c ON c.id = o.customer_id LEFT JOIN dept d ON d.id = o.dept_id WHERE o.followup_due IS NOT NULL AND o.followup_due <= $now ORDER BY o.followup_due, o.id"
# svc-notify due at 10:00 (at 12:00 the quiet hours hold every message)
now10=$(TZ=Asia/Shanghai date -d "2026-12-31 10:00" +%s)
DUE="SELECT id, recipient, text FROM outbox INDEXED BY outbox_open WHERE sent_at IS NULL AND dismissed_at IS NULL AND not_before <= $now10 AND (not_after IS NULL OR not_after > $now10) ORDER BY not_before, id"
UNSENT="SELECT x.id, x.order_id, x.kind, x.recipient, x.not_after, x.tries, x.fail_reason, CASE WHEN x.not_after IS NOT NULL AND x.not_after <= $now THEN 'expired' ELSE 'failed' END, d.code FROM outbox x INDEXED BY outbox_open JOIN orders o ON o.id = x.order_id LEFT JOIN dept d ON d.id = o.dept_id WHERE x.sent_at IS NULL AND x.dismissed_at IS NULL AND x.not_before <= $now AND ((x.not_after IS NOT NULL AND x.not_after <= $now) OR x.failed_at IS NOT NULL) ORDER BY x.not_before, x.id"
CHECK="SELECT id, order_id, kind, recipient, not_after, tries, fail_reason, CASE WHEN not_after IS NOT NULL AND not_after <= $now THEN 'expired' ELSE 'failed' END FROM outbox INDEXED BY outbox_open WHERE sent_at IS NULL AND dismissed_at IS NULL AND not_before <= $now AND ((not_after IS NOT NULL AND not_after <= $now) OR failed_at IS NOT NULL) ORDER BY not_before, id"
Y="AND %s >= 1735660800 AND %s < 1767196800"	# 2025, local time
EVAL="SELECT d.code, count(CASE WHEN coalesce(v.no, 1) = 1 AND o.id IS NOT NULL THEN 1 END), count(CASE WHEN coalesce(v.no, 1) = 1 AND o.replied_at IS NOT NULL THEN 1 END), count(CASE WHEN coalesce(v.no, 1) = 1 AND o.replied_at IS NOT NULL AND NOT o.reply_late THEN 1 END), count(CASE WHEN coalesce(v.no, 1) = 1 AND o.appt_at IS NOT NULL THEN 1 END), count(v.arrived_at), count(CASE WHEN v.arrived_at IS NOT NULL AND v.late_minutes = 0 THEN 1 END), count(CASE WHEN coalesce(v.no, 1) = 1 AND o.status = 'done' THEN 1 END), count(CASE WHEN coalesce(v.no, 1) = 1 AND o.status = 'abandoned' THEN 1 END), (SELECT count(*) FROM move m WHERE m.short = 1 $(printf "$Y" m.at m.at) AND (SELECT dept_id FROM orders WHERE id = m.order_id) = d.id), (SELECT count(*) FROM complaint k WHERE k.dept_id = d.id AND k.upheld $(printf "$Y" k.at k.at)), (SELECT count(*) FROM conduct b WHERE b.breach AND b.major $(printf "$Y" b.at b.at) AND (SELECT dept_id FROM orders WHERE id = b.order_id) = d.id), coalesce((total(v.rating) + total(CASE WHEN coalesce(v.no, 1) = 1 THEN o.followup_rating END)) / nullif(count(v.rating) + count(CASE WHEN coalesce(v.no, 1) = 1 THEN o.followup_rating END), 0), 0) FROM dept d LEFT JOIN orders o ON o.dept_id = d.id $(printf "$Y" o.created_at o.created_at) LEFT JOIN visit v ON v.order_id = o.id GROUP BY d.id ORDER BY d.code"
# A summary's own statement (gen --sql), its parameters filled in as svc
# binds them: no period, every department and kind, now, by KEY.
report_sql() {	# report_sql NAME KEY [SINCE]: of everything, or since SINCE
	"$top/$B/gen" --sql "$1" ${3:+period} |
	    sed -e "s/?1\b/${3:-NULL}/g" -e 's/?[2-4]\b/NULL/g' \
	    -e "s/?5\b/$now/g" -e 's/?6\b/0/g' -e "s/?7\b/'$2'/g"
}
# A summary's month: the last one of the bench's history.
month=$(TZ=Asia/Shanghai date -d "2026-12-01 00:00" +%s)
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

# Reliability, bounded in time: eight writers at once lose nothing and keep
# receipts gap-free; an import killed with -9 is all or nothing.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-26 09:00" SVC_BUSY_MS=20000
svc-db init >/dev/null

# writer N: 15 rounds of register, reply, assign, arrive, collect.
writer() {
	i=0
	while [ $i -lt 15 ]; do
		id=$(svc-order new --customer "客$1" --phone "1390000$1$i" --address x \
		    --service clean-daily -q) || return 1
		svc-order accept "$id" --at "2026-11-27 09:00" -q >/dev/null || return 1
		svc-assign to wang "$id" --force -q >/dev/null || return 1
		SVC_NOW="2026-11-27 09:00" svc-visit arrive "$id" -q >/dev/null || return 1
		svc-pay collect "$id" --amount 120 --by wang -q >/dev/null || return 1
		i=$((i + 1))
	done
}

pids=
for w in 1 2 3 4 5 6 7 8; do
	writer $w >"$T/w$w" 2>&1 &
	pids="$pids $!"
done
failed=0
for p in $pids; do
	wait "$p" || failed=$((failed + 1))
done
check_same "$failed" 0 "eight writers at once: every command succeeded"
check_same "$(cat "$T"/w* | head -3)" "" "none lost to 'database is locked'"
run sqlite3 "$SVC_DB" "SELECT count(*), sum(status = 'arrived') FROM orders"
check_out "120|120" "the counts are exact: 8 x 15 orders, all arrived"
run sqlite3 "$SVC_DB" "SELECT count(*), count(DISTINCT receipt_no), max(receipt_no) FROM payment"
check_out "120|120|R2026-000120" "receipts 1 to 120, none twice, no gap"
run sqlite3 "$SVC_DB" "SELECT count(*) FROM event WHERE kind LIKE 'order.%' OR kind LIKE 'visit.%' OR kind LIKE 'pay.%'"
check_out 600 "an event for every change"
run svc-db check
check_rc 0 "svc-db check is clean"

# kill -9 in the middle of a large import: all or nothing.
awk 'BEGIN { for (i = 0; i < 30000; i++)
    printf "- {customer: 客%d, phone: \"15%09d\", address: 某地, services: [clean-daily]}\n", i, i }' >"$T/big.yaml"
before=$(sqlite3 "$SVC_DB" "SELECT count(*) FROM orders")
for delay in 0.2 0.6 1.2; do
	svc-order import "$T/big.yaml" -q >/dev/null 2>&1 &
	p=$!
	sleep $delay
	kill -9 $p 2>/dev/null
	wait $p 2>/dev/null
	now=$(sqlite3 "$SVC_DB" "SELECT count(*) FROM orders")
	if [ "$now" -eq "$before" ] || [ "$now" -eq $((before + 30000)) ]; then
		ok "killed after ${delay}s: all or nothing ($((now - before)) new)"
	else
		not_ok "killed after ${delay}s: all or nothing" "$((now - before)) new"
	fi
	before=$now
	run svc-db check
	check_rc 0 "and the database is intact"
done
done_testing

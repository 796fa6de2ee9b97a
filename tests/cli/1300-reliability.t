# Reliability, bounded in time: eight writers at once lose nothing and keep
# receipts gap-free; an import killed with -9 is all or nothing.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-26 09:00" SVC_BUSY_MS=20000
svc-db init >/dev/null

# writer N: 40 rounds of register, reply, assign, arrive, collect; that
# is 200 writes each, 1,600 in all, eight at a time.
ROUNDS=40
writer() {
	i=0
	while [ $i -lt $ROUNDS ]; do
		id=$(as zhou svc-order new --customer "客$1" --phone "139000$1$((100 + i))" --address x \
		    --service clean-daily -q) || return 1
		as zhou svc-order accept "$id" --at "2026-11-27 09:00" -q >/dev/null || return 1
		as zhou svc-assign to wang "$id" --force -q >/dev/null || return 1
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
total=$((8 * ROUNDS))
run q "SELECT count(*), sum(status = 'arrived') FROM orders"
check_out "$total|$total" "the counts are exact: 8 x $ROUNDS orders, all arrived"
run q "SELECT count(*), count(DISTINCT receipt_no), max(receipt_no) FROM payment"
check_out "$total|$total|R2026-000$total" "receipts 1 to $total, none twice, no gap"
run q "SELECT count(*) FROM event WHERE kind LIKE 'order.%' OR kind LIKE 'visit.%' OR kind LIKE 'pay.%'"
check_out $((5 * total)) "an event for every change"
run svc-db check
check_rc 0 "svc-db check is clean"

# kill -9 in the middle of a large import: all or nothing.  100,000
# records take about a second here, so the first kills land inside it.
# An import killed before its commit (status 137) wrote nothing; one
# that committed first wrote all.
awk 'BEGIN { for (i = 0; i < 100000; i++)
    printf "- {customer: 客%d, phone: \"15%09d\", address: 某地, services: [clean-daily]}\n", i, i }' >"$T/big.yaml"
before=$(q "SELECT count(*) FROM orders")
inside=0
for delay in 0.2 0.6 1.2; do
	# exec: the kill must reach the import itself, not a shell around
	# it that leaves the import running to commit behind the test's back
	(SVC_USER=zhou exec svc-order import "$T/big.yaml" -q >/dev/null 2>&1) &
	p=$!
	sleep $delay
	kill -9 $p 2>/dev/null
	wait $p 2>/dev/null
	rc=$?
	now=$(q "SELECT count(*) FROM orders")
	if [ $rc -eq 137 ] && [ "$now" -eq "$before" ]; then
		inside=$((inside + 1))
		ok "killed after ${delay}s: all or nothing (killed, 0 new)"
	elif [ "$now" -eq $((before + 100000)) ]; then	# killed after its commit, or not
		ok "killed after ${delay}s: all or nothing (committed first, 100000 new)"
	else
		not_ok "killed after ${delay}s: all or nothing" "exit $rc, $((now - before)) new"
	fi
	before=$now
	run svc-db check
	check_rc 0 "and the database is intact"
done
[ $inside -gt 0 ] && ok "$inside of 3 kills landed inside the import" ||
    not_ok "a kill landed inside the import" "every import had finished"
done_testing

# The bench's generator (issue 16): most of its history is copied from
# one lived period (bench/replicate.c), which makes a million orders in
# about a minute.  A copy must be a history svc holds as it holds a lived
# one (G4: every chain follows; svc-db check finds nothing wrong with
# receipts, balances, visits or messages), each copied order its period's
# order moved on by whole periods with the dates in its texts, and the
# same N must give the same database.  What it cannot copy faithfully it
# refuses.
. "$TOP/tests/cli/lib.sh"

gen="$B/gen"
db="$T/gen.db"
week=604800	# a period

run "$gen" "$db" 5000
check_rc 0 "5,000 orders generated"
check_same "$(printf '%s\n' "$err" | grep -o '[0-9]* lived, [0-9]* copied')" \
    "2055 lived, 2945 copied" "most of them copies of the first period"
per=$(printf '%s\n' "$err" | sed -n 's/.* periods of \([0-9]*\) orders copied.*/\1/p')
whole=$(printf '%s\n' "$err" | sed -n 's/gen: \([0-9]*\) periods of.*/\1/p')
whole=$((whole + 1))
check_same "$per $whole" "31 96" "96 whole periods (weeks) of 31 orders before the open tail"

run env SVC_DB="$db" svc-db verify
check_rc 0 "G4: every sealed chain of the copies follows"
run env SVC_DB="$db" svc-db check
check_rc 0 "svc-db check: receipts without gaps, balances, visits and messages hold"
check_same "$(sqlite3 "$db" 'SELECT count(*) FROM orders')" 5000 "5,000 orders"

# Each copied order is the first period's order, moved on by c periods.
sql="SELECT count(*), sum(c.kind IS o.kind AND c.status IS o.status
    AND c.customer_id IS o.customer_id AND c.address IS o.address
    AND c.worker_id IS o.worker_id AND c.balance IS o.balance
    AND c.created_at - o.created_at = ((c.id - 1) / $per) * $week
    AND c.appt_at IS o.appt_at + ((c.id - 1) / $per) * $week
    AND c.closed_at IS o.closed_at + ((c.id - 1) / $per) * $week
    AND (SELECT count(*) FROM event WHERE order_id = c.id)
      = (SELECT count(*) FROM event WHERE order_id = o.id)
    AND (SELECT group_concat(no || cause || coalesce(outcome, ''))
      FROM visit WHERE order_id = c.id) IS (SELECT group_concat(no ||
      cause || coalesce(outcome, '')) FROM visit WHERE order_id = o.id))
  FROM orders c JOIN orders o ON o.id = (c.id - 1) % $per + 1
  WHERE c.id > $per AND c.id <= $per * $whole"
check_same "$(sqlite3 "$db" "$sql" 2>&1)" "2945|2945" \
    "each copy is its period's order moved on by whole periods"

# The dates in texts moved with the times: a reply names the day of the
# first visit, the accept's event its date (orders never moved).
unmoved="NOT EXISTS (SELECT 1 FROM move m WHERE m.order_id = v.order_id)"
day="strftime('%Y-%m-%d', v.appt_at + 28800, 'unixepoch')"
check_same "$(sqlite3 "$db" "SELECT count(*), sum(instr(x.text,
    strftime('%Y年%m月%d日', v.appt_at + 28800, 'unixepoch')) > 0)
    FROM outbox x JOIN visit v ON v.order_id = x.order_id AND v.no = 1
    WHERE x.kind = 'reply' AND $unmoved" | awk -F'|' '{ print ($1 > 4000), $1 - $2 }')" \
    "1 0" "every reply names its visit's day, copied or lived"
check_same "$(sqlite3 "$db" "SELECT count(*), sum(substr(e.details ->> '\$.at',
    1, 10) = $day) FROM event e JOIN visit v ON v.order_id = e.order_id
    AND v.no = 1 WHERE e.kind = 'order.accept' AND $unmoved" |
    awk -F'|' '{ print ($1 > 4000), $1 - $2 }')" \
    "1 0" "every acceptance's event names its visit's day"
check_same "$(sqlite3 "$db" "SELECT count(*) FROM event e JOIN payment p
    ON p.receipt_no = e.details ->> '\$.receipt' AND p.order_id = e.order_id
    WHERE e.kind = 'pay.collect'")" \
    "$(sqlite3 "$db" "SELECT count(*) FROM payment")" \
    "every collection's event names its own receipt"

run "$gen" "$T/again.db" 5000
check_same "$(sqlite3 "$T/again.db" .dump | cksum)" "$(sqlite3 "$db" .dump | cksum)" \
    "the same N, the same database"

run "$gen" --live "$T/live.db" 3000
check_rc 0 "--live lives every order"
check_same "$(printf '%s\n' "$err" | grep -o '[0-9]* lived, [0-9]* copied')" \
    "3000 lived, 0 copied" "and copies none"
run env SVC_DB="$T/live.db" svc-db check
check_rc 0 "a lived history passes the same check"

# A zone whose offset changes cannot be copied by whole days: refused
# before a file is made.
cp -R "$TOP/share/svc" "$T/ny"
sed -i 's|^timezone:.*|timezone: America/New_York|' "$T/ny/config.yaml"
run env SVC_CONFIG="$T/ny/config.yaml" "$gen" "$T/ny.db" 5000
check_rc 1 "a zone with daylight saving is refused"
check_err "the zone's offset changes in the history" "and says why"
check_same "$(ls "$T"/ny.db* 2>/dev/null)" "" "no file is left"

echo "1..$n"

# The archive proves itself (G4): every event, payment and handover is
# hash-chained; svc-db verify names the first row that does not follow,
# and the day's seal catches what a chain alone cannot (its newest rows
# removed).  Each edit is made behind svc's back with the engine's shell
# (behind), on its own copy of the database.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
for i in 1 2 3; do
	id=$(as zhou svc-order new --customer 甲$i --phone 1390000000$i --address x --service clean-daily)
	svc-pay collect "$id" --amount 60 --by wang >/dev/null
done
SVC_USER=qian svc-pay handover wang >/dev/null 2>&1
run svc-db verify
check_rc 0 "a database written by svc verifies"
check_err "every chain follows" "and says so"
check_same "$(q "SELECT count(*) FROM event WHERE hash IS NULL OR length(hash) <> 64")" 0 \
    "every event carries its hash"
run svc-db seal
check_rc 0 "the day's seal"
seal=$(printf '%s\n' "$out" | cut -f2)
check_same "$(printf '%s\n' "$out" | cut -f1)" "2026-11-26" "is of today (SVC_NOW)"
check_same "${#seal}" 64 "and is one SHA-256 in hex"
run svc-db verify --seal "$seal"
check_rc 0 "verify --seal: the day is unchanged since"

# tamper NAME SQL: on a copy, SQL behind svc's back, then verify.
tamper() {
	t=$(copy_db t)
	behind "$t" "$2" >/dev/null
	SVC_DB=$t run svc-db verify --seal "$seal"
}
tamper amount "UPDATE payment SET amount = 1 WHERE id = 2"
check_rc 1 "a payment's amount changed: found"
check_out "seal	payment	2	the hash does not follow" "naming the row"
tamper delete "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = 5"
check_rc 1 "an event deleted (its trigger dropped first): found"
check_same "$(printf '%s\n' "$out" | head -1)" "seal	event	6	the hash does not follow" \
    "at the row after the gap"
tamper reorder "DROP TRIGGER event_no_update; UPDATE event SET kind = CASE id WHEN 3 THEN (SELECT kind FROM event WHERE id = 4) ELSE (SELECT kind FROM event WHERE id = 3) END, details = CASE id WHEN 3 THEN (SELECT details FROM event WHERE id = 4) ELSE (SELECT details FROM event WHERE id = 3) END WHERE id IN (3, 4)"
check_rc 1 "two events swapped: found"
tamper insert "INSERT INTO event (order_id, subject, at, actor, kind, details) VALUES (1, NULL, 0, 'mallory', 'order.edit', '{}')"
check_rc 1 "an event inserted behind svc's back: found"
check_same "$(printf '%s\n' "$out" | head -1 | cut -f1-2)" "seal	event" "in the event chain"
tamper payment "DROP TRIGGER payment_no_delete; DELETE FROM payment WHERE id = 3"
check_rc 1 "the newest payment deleted: the chain still follows, the seal does not"
check_same "$(printf '%s\n' "$out" | grep -c '^seal	payment')" 0 "no payment row is named"
check_same "$(printf '%s\n' "$out" | grep -c 'changed since')" 1 "the day's seal says the day changed"
SVC_DB=$t run svc-db check
check_rc 1 "and svc-db check finds the receipt gap too"
tamper handover "UPDATE handover SET counted = 0"
check_rc 1 "a handover's counted cash changed: found"
check_same "$(printf '%s\n' "$out" | head -1)" "seal	handover	1	the hash does not follow" "naming the handover"

# A seal taken today still proves the day after more work tomorrow.
SVC_NOW="2026-11-27 10:00" as zhou svc-order new --customer 乙 --phone 13900000009 --address x --service clean-daily >/dev/null
run svc-db verify --seal "$seal" --day 2026-11-26
check_rc 0 "later work does not change an earlier day's seal"
SVC_NOW="2026-11-27 12:00" run svc-db verify --seal "$seal"
check_rc 1 "but the next day's seal is a different one"
run svc-db seal --seal x
check_rc 64 "--seal is verify's, not seal's"
done_testing

# Service plans (issue 18): a weekly cleaning over the National Day
# holiday (2026-10-01..07).  The first order gets the normal reply (G5,
# G6); svc-plan run makes the others once, accepted at their time, the
# holiday one moved as the plan says and said; twice or in parallel it
# makes nothing twice; pause and end stop the next ones only.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-09-20 10:00"
c=$(as zhou svc-order new --customer 钱 --phone 13900000001 --address 东城区 --service clean-daily)

run as zhou svc-plan run
check_out "" "no plan, nothing made"

p=$(as zhou svc-plan new $c --every 'thu 09:00')
check_same "$p" 1 "svc-plan new prints the plan's id"
run as zhou svc-plan run --ahead 21d
check_out "" "G5: nothing is made before the first order is accepted"
check_err "plan 1: its first order $c is new, not accepted" "and that is said"

as zhou svc-order accept $c --at "2026-09-24 09:00" >/dev/null
run as zhou svc-plan run --ahead 21d
check_rc 0 "svc-plan run"
check_same "$(printf '%s\n' "$out" | wc -l)" 2 "two orders due within 21 days (1 Oct, 8 Oct)"
check_err "plan 1: 2026-10-01 09:00 is 国庆节: moved to 2026-10-08 09:00" "the holiday one's move is said, never silent"
check_same "$(q "SELECT status, datetime(appt_at, 'unixepoch', '+8 hours'), reply_late FROM orders WHERE id > $c ORDER BY id")" \
"accepted|2026-10-08 09:00:00|0
accepted|2026-10-08 09:00:00|0" "accepted at their time, never late (G5)"
check_same "$(q "SELECT note FROM plan_occ WHERE planned_at = strftime('%s', '2026-10-01 01:00')")" "moved: 国庆节" \
    "the move is recorded with the occurrence"

run as zhou svc-plan run --ahead 21d
check_out "" "a second run makes nothing"
# Two in parallel: the next Thursday (15 Oct) once.
as zhou svc-plan run --ahead 28d >"$T/a" 2>/dev/null &
as zhou svc-plan run --ahead 28d >"$T/b" 2>/dev/null
wait
check_same "$(cat "$T/a" "$T/b" | wc -l)" 1 "two runs at once make the occurrence once"
check_same "$(q "SELECT count(*) FROM orders")" 4 "four orders in all"

run as zhou svc-plan show $p
check_same "$(printf '%s\n' "$out" | wc -l)" 4 "show: the first order and three occurrences"
check_same "$(printf '%s\n' "$out" | head -1 | cut -f2,6)" "	the first order" \
    "the first order first, its planned time empty (on either engine)"

# Skip: a second plan skips the holiday instead.
d=$(as zhou svc-order new --customer 孙 --phone 13900000002 --address 西城区 --service clean-daily)
as zhou svc-order accept $d --at "2026-09-24 10:00" >/dev/null
p2=$(as zhou svc-plan new $d --every 'thu 10:00' --on-holiday skip)
run as zhou svc-plan run --ahead 14d
check_out "" "skip: no order for the holiday"
check_err "plan $p2: 2026-10-01 10:00 is 国庆节: skipped" "the skip is said"

# Pause and end stop the next ones only.
run as zhou svc-plan pause $p --note "away in October"
check_rc 0 "pause"
check_err "plan 1: 3 orders already made for after this stand" "what was made stays, and is counted"
run as zhou svc-plan run --ahead 35d
check_same "$(q "SELECT count(*) FROM plan_occ WHERE plan_id = $p")" 3 "a paused plan makes nothing"
as zhou svc-plan resume $p >/dev/null
run as zhou svc-plan run --ahead 35d
check_same "$(q "SELECT count(*) FROM plan_occ WHERE plan_id = $p")" 4 "resumed, the next one is made"
as zhou svc-plan end $p -q >/dev/null
run as zhou svc-plan run --ahead 60d
check_same "$(q "SELECT count(*) FROM plan_occ WHERE plan_id = $p")" 4 "an ended plan makes nothing"
unchanged "resume an ended plan" as zhou svc-plan resume $p
check_rc 65 "an ended plan stays ended"

# --rrule, --count, edit.
e2=$(as zhou svc-order new --customer 周 --phone 13900000003 --address 海淀区 --service clean-daily)
as zhou svc-order accept $e2 --at "2026-09-21 09:00" >/dev/null
p3=$(as zhou svc-plan new $e2 --rrule 'FREQ=WEEKLY;BYDAY=MO' --count 3)
run as zhou svc-plan run --ahead 60d
check_same "$(q "SELECT count(*) FROM plan_occ WHERE plan_id = $p3")" 2 "--count 3: the first order and two more"
run as zhou svc-plan list --state ended
check_same "$(printf '%s\n' "$out" | cut -f1,2)" "1	ended" "list --state"

# Edit from a date on: what was made before stays (and is counted).
run as zhou svc-plan edit $p2 --from 2026-11-17 --every 'tue 10:00' --note "the customer asked"
check_rc 0 "edit"
check_err "plan $p2: 1 order already made for after this stands" "the Thursday already made is said"
as zhou svc-plan run --ahead 75d >/dev/null 2>&1
after="planned_at >= strftime('%s', '2026-11-16 16:00')"
check_same "$(q "SELECT strftime('%w', planned_at + 28800, 'unixepoch'), count(*) FROM plan_occ WHERE plan_id = $p2 AND $after GROUP BY 1")" \
"2|3
4|1" "the new rule's Tuesdays from 17 Nov; of the old Thursdays only the one made before"
check_same "$(q "SELECT count(*) FROM plan_rule WHERE plan_id = $p2")" 2 "the old rule is kept, not rewritten"

# Bad input: one line, the documented status, nothing written.
unchanged "a bad --every" as zhou svc-plan new $d --every 'thu 25:00'
check_rc 64 "--every 'thu 25:00' is a usage error"
unchanged "no such order" as zhou svc-plan new 9999 --every 'thu 09:00'
check_rc 66 "an order that does not exist"
unchanged "an order in a plan already" as zhou svc-plan new $d --every 'fri 09:00'
check_rc 65 "one plan an order"
check_err "already in plan $p2" "says which"
unchanged "a bad --on-holiday" as zhou svc-plan new $e2 --every 'mon 09:00' --on-holiday later
check_rc 64 "--on-holiday later"
unchanged "a bad --rrule" as zhou svc-plan new $e2 --rrule 'FREQ=HOURLY'
check_rc 64 "a plan makes at most a visit a day"
unchanged "a bad --ahead" as zhou svc-plan run --ahead soon
check_rc 64 "--ahead soon"
g=$(as zhou svc-order new --customer 李 --phone 13900000004 --address 朝阳区 --service gov-pension --group elderly)
as zhou svc-order accept $g --at "2026-09-22 10:00" >/dev/null
unchanged "G7 at plan time" as zhou svc-plan new $g --every 'tue 22:00'
check_rc 65 "a rule outside working hours is refused when made, not every night"
unchanged "list --state typo" as zhou svc-plan list --state activ
check_rc 64 "an unknown --state is refused, not an empty list"
run as zhou svc-plan run -n --ahead 90d
check_rc 0 "run -n"
unchanged "run -n writes nothing" as zhou svc-plan run -n --ahead 90d
done_testing

# Leave and skills (issue 18): a worker away is booked for nothing then: svc-assign
# to refuses (--force records the exception), auto never picks them, a
# move into it is refused, the agenda says so, and leave recorded after
# visits were booked is a finding of svc-report clashes.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-12-01 09:00"
book() {	# book TIME: a cleaning accepted at TIME, its id
	as zhou svc-order new --customer 钱 --phone 1390000000$2 --address 东城区 \
	    --service clean-daily | as zhou svc-order accept --at "$1"
}

run as zhou svc-staff leave wang --from "2026-12-03 08:00" --to "2026-12-03 18:00" --reason 年假
check_rc 0 "a dispatcher records a worker's leave"
check_out 1 "and gets its id"
check_same "$(q "SELECT login, datetime(from_at, 'unixepoch'), datetime(to_at, 'unixepoch'), reason, actor FROM v_leave")" \
    "wang|2026-12-03 00:00:00|2026-12-03 10:00:00|年假|zhou" "kept with who recorded it"

a=$(book "2026-12-03 10:00" 1)
unchanged "a visit in the leave" as zhou svc-assign to wang $a
check_rc 65 "is refused (exit 65)"
check_err "svc-assign: $a: wang is on leave 2026-12-03 08:00-18:00 (年假) (--force to send them anyway)" \
    "naming the leave"
run as zhou svc-assign auto $a
check_out "$a	sun" "auto never picks the worker on leave: the other cleaner"
b=$(book "2026-12-03 14:00" 2)
run as zhou svc-assign auto $b
check_out "$b	sun" "not even when the one free is busier"
run as zhou svc-assign to wang $b --force
check_rc 0 "--force sends them anyway"
check_same "$(q "SELECT json_extract(details, '\$.forced') FROM event WHERE kind = 'order.reassign' AND order_id = $b")" 1 \
    "and the event records the exception"

# A visit booked before the leave: kept, and a finding until rebooked.
c=$(book "2026-12-04 10:00" 3 | as zhou svc-assign to wang)
run as zhou svc-staff leave wang --from "2026-12-04 09:00" --to "2026-12-05 18:00" --reason 病假
check_rc 0 "leave over a visit already booked"
check_err "svc-staff: wang: 1 booked visit is in this leave: svc-report clashes lists them" "says so"
l2=$out
run svc-report clashes --check
check_rc 1 "svc-report clashes --check exits 1"
check_same "$(printf '%s\n' "$out" | cut -f1,3,4,7)" "$b	wang	worker	年假
$c	wang	worker	病假" "listing each visit, whose, which leave"
run as wang svc-assign agenda --on 2026-12-04
check_err "svc-assign: wang is on leave 2026-12-04 09:00-2026-12-05 18:00 (病假)" "the agenda says the day's leave"
d=$(book "2026-12-07 10:00" 4 | as zhou svc-assign to wang)
unchanged "a move into the leave" as zhou svc-assign move $d --at "2026-12-05 10:00" --reason 客户要求 --by applicant
check_rc 65 "is refused like a booking"

# Cancelled: the visit is no longer a finding; the leave is kept.
run as zhou svc-staff leave-cancel $l2 --reason 提前返岗
check_rc 0 "leave cancelled, with why"
run svc-report clashes
check_same "$(printf '%s\n' "$out" | cut -f1)" "$b" "the cancelled leave clashes with nothing"
run svc-staff leave-list wang
check_same "$(printf '%s\n' "$out" | cut -f1,5)" "1	年假" "leave-list: the leave to come"
run svc-staff leave-list wang --all
check_same "$(printf '%s\n' "$out" | cut -f1,5 | tr '\n' ' ')" "1	年假 $l2	病假 " "--all: the cancelled too"
run svc-staff leave-list nobody
check_rc 64 "an unknown login is a usage error, not an empty list"

# Bad input changes nothing.
unchanged "leave overlapping leave" as zhou svc-staff leave wang --from "2026-12-03 17:00" --to "2026-12-03 19:00" --reason x
check_rc 65 "is refused"
unchanged "leave that ends before it begins" as zhou svc-staff leave wang --from "2026-12-10 18:00" --to "2026-12-10 08:00" --reason x
check_rc 65 "is refused"
unchanged "leave of nobody" as zhou svc-staff leave nobody --from "2026-12-10 08:00" --to "2026-12-10 18:00" --reason x
check_rc 66 "is no such person"
unchanged "leave without a reason" as zhou svc-staff leave wang --from "2026-12-10 08:00" --to "2026-12-10 18:00"
check_rc 64 "is a usage error"
unchanged "cancelled twice" as zhou svc-staff leave-cancel $l2 --reason x
check_rc 65 "is refused"
unchanged "leave -n" as zhou svc-staff leave wang --from "2026-12-10 08:00" --to "2026-12-10 18:00" --reason 调休 -n
check_rc 0 "-n checks and records nothing"
unchanged "a worker recording leave" as wang svc-staff leave wang --from "2026-12-10 08:00" --to "2026-12-10 18:00" --reason 想休息
check_rc 77 "is refused: it is a dispatcher's"
unchanged "leave rewritten behind svc's back" q "UPDATE leave SET to_at = to_at + 1 WHERE id = 1"
check_rc 19 "refused by the schema"
unchanged "leave deleted" q "DELETE FROM leave"
check_rc 19 "refused by the schema"

# Skills (issue 18): auto chooses only a worker who has what the service
# needs, says why with -v; to warns.
sed -e "s|holidays/|$TOP/share/svc/holidays/|g" \
    -e 's/^    tools: \[维修工具箱/    skills: [fridge]\n&/' "$SVC_CONFIG" >"$T/skills.yaml"
grep -q 'skills: \[fridge\]' "$T/skills.yaml" || not_ok "the test's config" "no skills line"
as zhou svc-staff add ma --name 马工 --dept aftersales --role worker --skill "fridge, aircon" >/dev/null
check_same "$(q "SELECT skills FROM v_staff WHERE login = 'ma'")" "aircon,fridge" "skills kept once each, sorted"
r=$(SVC_CONFIG="$T/skills.yaml" as zhou svc-order new --customer 赵 --phone 13900000009 --address 西城区 \
    --service repair-visit | SVC_CONFIG="$T/skills.yaml" as zhou svc-order accept --at "2026-12-09 10:00")
SVC_CONFIG="$T/skills.yaml" run as zhou svc-assign auto $r -v
check_out "$r	ma" "auto: the one who knows fridges, though chen is as free"
check_err "svc-assign: $r: ma: the least booked that day (0 min), has fridge; passed over: chen (lacks fridge)" \
    "-v says why, and who was passed over"
r2=$(SVC_CONFIG="$T/skills.yaml" as zhou svc-order new --customer 孙 --phone 13900000008 --address 西城区 \
    --service repair-visit | SVC_CONFIG="$T/skills.yaml" as zhou svc-order accept --at "2026-12-10 10:00")
SVC_CONFIG="$T/skills.yaml" run as zhou svc-assign to chen $r2
check_rc 0 "to: a worker without the skill is sent, the dispatcher may know better"
check_err "svc-assign: $r2: chen lacks fridge, which its services need" "but it is said"
unchanged "a skill that is not a code" as zhou svc-staff edit ma --skill "冰箱 维修"
check_rc 65 "is refused"
as zhou svc-staff edit ma --skill "" >/dev/null
check_same "$(q "SELECT skills IS NULL FROM v_staff WHERE login = 'ma'")" 1 "--skill '' clears them"
check_same "$(q "SELECT count(*) FROM event WHERE kind = 'staff.skills' AND subject = 'staff:ma'")" 2 "each change an event"

# A person's own hours (a shift): no visit outside them.
as zhou svc-staff edit sun --hours "07:00-12:00" >/dev/null
check_same "$(q "SELECT hours FROM v_staff WHERE login = 'sun'")" "07:00-12:00" "sun works mornings"
s1=$(book "2026-12-14 14:00" 5)
unchanged "an afternoon visit for the morning shift" as zhou svc-assign to sun $s1
check_rc 65 "is refused"
check_err "svc-assign: $s1: sun works 07:00-12:00 (--force to send them anyway)" "naming the hours"
run as zhou svc-assign auto $s1 -v
check_out "$s1	wang" "auto sends the other cleaner"
case "$err" in *"passed over: sun (works 07:00-12:00)"*) ok "-v: sun was passed over for the shift" ;;
*) not_ok "-v and the shift" "$err" ;; esac
s2=$(book "2026-12-14 09:00" 6)
run as zhou svc-assign to sun $s2
check_rc 0 "a morning visit is in the shift"
unchanged "hours that end before they begin" as zhou svc-staff edit sun --hours "14:00-12:00"
check_rc 65 "are refused"
unchanged "hours that overlap" as zhou svc-staff edit sun --hours "08:00-12:00,11:00-13:00"
check_rc 65 "are refused"
as zhou svc-staff edit sun --hours "" >/dev/null
check_same "$(q "SELECT hours IS NULL FROM v_staff WHERE login = 'sun'")" 1 "--hours '': the calendar's again"

run svc-db verify
check_rc 0 "the leave, skill and hours events are in the sealed chain"
done_testing

# svc-assign: dispatch (C2), the 8-hour notice (G9), agenda, auto.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
svc-staff add ma --name 马兰 --dept civil --role worker >/dev/null 2>&1
export SVC_NOW="2026-11-26 09:00"
book() {	# book TIME: an accepted gov order at TIME, prints its id
	svc-order new --customer 李大爷 --phone 13900000001 --address 朝阳区建国路88号 \
	    --service gov-pension --group elderly | svc-order accept --at "$1"
}
a=$(book "2026-11-30 09:00")	# 09:00-09:45
b=$(book "2026-11-30 09:45")	# back to back
c=$(book "2026-11-30 09:30")	# overlaps both

run svc-assign to li $a $b
check_rc 0 "C2: back-to-back visits for one worker"
check_out "$a
$b" "to prints the ids"
unchanged "an overlapping visit" svc-assign to li $c
check_rc 65 "an overlap is refused: exit 65"
check_err "$c: li is booked 2026-11-30 09:00-09:45 for order $a" "naming the clash"
unchanged "a worker of another department" svc-assign to zhao $c
check_rc 65 "another department needs --force"
unchanged "a person who is not a worker" svc-assign to zhou $c
check_rc 65 "a dispatcher is not sent"
unchanged "an unknown login" svc-assign to nobody $c
check_rc 66 "an unknown login: exit 66"
unchanged "an unknown order in the batch" svc-assign to ma $c 999
check_rc 66 "one unknown id and nothing is assigned"
run svc-order list --status accepted
check_same "$(printf '%s\n' "$out" | cut -f1)" "$c" "the third is still only accepted"

run svc-assign agenda li --on 2026-11-30
check_same "$(printf '%s\n' "$out" | cut -f1,2,3 | tr '\t\n' '| ')" \
    "$a|2026-11-30T09:00:00+08:00|2026-11-30T09:45:00+08:00 $b|2026-11-30T09:45:00+08:00|2026-11-30T10:30:00+08:00 " \
    "agenda: li's day in time order"
run svc-assign agenda li --on 2026-11-30 -o table
case "$out" in
*"李大爷    朝阳区建国路88号"*"身份证原件;户口簿;近期免冠照片"*) ok "agenda table: customer, address, documents" ;;
*) not_ok "agenda table: customer, address, documents" "$out" ;;
esac
SVC_USER=li run svc-assign agenda --on 2026-11-30
check_same "$(printf '%s\n' "$out" | wc -l)" 2 "agenda without a login: your own"

# G9: the notice boundary is exact.
SVC_NOW="2026-11-30 10:00" run svc-assign move $a --at "2026-12-01 09:00" --reason 车辆故障 --notified "2026-11-30 01:00"
check_rc 0 "a move told exactly 8:00 before"
check_same "$err" "" "is in time: no warning"
SVC_NOW="2026-11-30 10:00" run svc-assign move $b --at "2026-12-01 10:00" --reason 车辆故障 --notified "2026-11-30 01:46"
check_rc 0 "a move told 7:59 before is made"
check_err "$b: short notice: told 7h59m before, the rule is 8h (G9): recorded" "but recorded as short"
SVC_NOW="2026-11-30 10:00" run svc-assign move $c --at "2026-12-01 14:00" --reason 申请人要求 --by applicant --notified "2026-11-30 09:00"
check_same "$err" "" "the applicant's own move never counts"
run q "SELECT order_id || ':' || short || ':' || by FROM move ORDER BY id"
check_out "$a:0:provider
$b:1:provider
$c:0:applicant" "each move is recorded with its notice"
unchanged "a move onto a Saturday" svc-assign move $c --at "2026-12-05 10:00" --reason x
check_rc 65 "G7: a gov visit moves only into working hours"
SVC_NOW="2026-11-30 10:00" run svc-assign move $c --at "2026-12-01 14:00"
check_rc 64 "move without --reason: usage"
SVC_NOW="2026-11-30 10:00" run svc-assign move $c --at "2026-12-01 14:00" --reason x --by nobody
check_rc 64 "--by is provider or applicant"

# auto: least loaded, deterministic, never double-booking.
d=$(book "2026-12-02 10:00")
e=$(book "2026-12-02 10:00")
f=$(book "2026-12-02 10:00")
g=$(book "2026-12-02 10:00")
run svc-assign auto --on 2026-12-02 -n
check_rc 1 "a dry run: one order nobody can take, exit 1"
check_out "$d	li
$e	ma" "the plan: li, then ma (zhao is not in civil)"
case "$err" in *"$f: nobody in civil is free"*"$g: nobody in civil is free"*) ok "the others are listed on stderr" ;;
*) not_ok "the others are listed on stderr" "$err" ;; esac
run svc-order list --status assigned --on 2026-12-02
check_out "" "the dry run wrote nothing"
run sh -c "printf '%s\n' $d $e | svc-assign auto"
check_rc 0 "auto over piped ids"
check_out "$d	li
$e	ma" "prints id and login"
run svc-assign drop $e
check_out "$e" "drop takes the worker off"
run svc-order list --status accepted --on 2026-12-02
check_same "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "$e $f $g " "and the order is accepted again"
done_testing

# svc-pay: bills, receipts, handovers (C3, C4, A7, A11).
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-26 09:00" SVC_USER=sun
id=$(as zhou svc-order new --customer 张阿姨 --phone 13900000002 --address 海淀区学院路5号 \
    --service clean-daily --service clean-glass:12 --channel office)

run svc-pay bill $id -H
check_out "id	services	extras	total	covered	paid	refunded	balance	status
$id	216.00	0.00	216.00	0.00	0.00	0.00	216.00	new" "C3: the bill from the prices copied at registration"
run svc-pay charge $id --amount 30 --what 清洁剂
check_out "$id" "charge an extra line"
unchanged "an amount with three decimals" svc-pay charge $id --amount 1.005 --what x
check_rc 65 "three decimals: exit 65"
check_err "more than two decimals" "one clear line"
unchanged "a signed amount" svc-pay collect $id --amount -5 --by wang
check_rc 65 "a sign: exit 65"
unchanged "an overpayment" svc-pay collect $id --amount 246.01 --by wang
check_rc 65 "overpaying: exit 65"
check_err "$id: that overpays: 246.00 is owed" "says what is owed"

run svc-pay collect $id --amount 200 --by wang
check_out "$id	R2026-000001" "A11: a collection prints its receipt number"
run as qian svc-pay receive $id --amount 46 --method wechat
check_out "$id	R2026-000002" "a payment at finance has the next number"
run svc-pay bill $id
check_same "$(printf '%s\n' "$out" | cut -f8)" "0.00" "paid in full"

# Two people taking payments at the same moment: consecutive, no gaps.
for i in 1 2 3 4 5 6; do
	as zhou svc-order new --customer 客$i --phone 1390000010$i --address x --service clean-daily >/dev/null
done
for i in 2 3 4 5 6 7; do
	svc-pay collect $i --amount 120 --by wang >"$T/p$i" 2>&1 &
done
wait
run q "SELECT count(*), count(DISTINCT receipt_no), min(receipt_no), max(receipt_no) FROM payment"
check_out "8|8|R2026-000001|R2026-000008" "six collections at once: numbers 3 to 8, none twice, no gap"
check_same "$(cat "$T"/p* | cut -f2 | sort | tr "\n" " ")" "R2026-000003 R2026-000004 R2026-000005 R2026-000006 R2026-000007 R2026-000008 " "each process printed its own number"

# Cancelled orders take no money.
c=$(as zhou svc-order new --customer 钱 --phone 139 --address x --service clean-daily)
as zhou svc-order cancel $c --reason 不需要了 >/dev/null
unchanged "money for a cancelled order" svc-pay collect $c --amount 1 --by wang
check_rc 65 "a cancelled order takes no money"

# Finance only.
unchanged "a handover by a worker" svc-pay handover wang
check_rc 77 "handover by someone not in finance: exit 77"
check_err "svc-pay: handover: sun is not finance" "says who and why"
unchanged "a void by a worker" svc-pay void R2026-000001 --reason x
check_rc 77 "void by someone not in finance: exit 77"

export SVC_USER=qian
run svc-pay held
check_out "wang	920.00	7	2026-11-26T09:00:00+08:00" "C4: wang holds his cash collections"
run as qian svc-pay void R2026-000003 --reason 收错订单
check_out "R2026-000003" "void prints the number"
run svc-pay held wang
check_same "$(printf '%s\n' "$out" | cut -f2)" "800.00" "a voided collection is no longer held"
run as qian svc-pay handover wang --counted 799.5
check_out "1	wang	800.00	799.50	-0.50" "C4: the handover records the difference"
check_err "differs from the expected by -0.50: recorded" "and says so"
run svc-pay held
check_out "" "held is empty right after a complete handover"
run as qian svc-pay refund $id --amount 16 --reason 少擦两扇玻璃
check_out "$id	R2026-000009" "a refund has its own receipt"
run svc-pay receipt R2026-000009 --width 32
case "$out" in *"退 款 凭 证"*"退款金额：16.00"*) ok "the refund receipt";; *) not_ok "the refund receipt" "$out";; esac
run svc-pay receipt R2026-000003
case "$out" in *"状态：已作废"*"作废原因：收错订单"*) ok "a void receipt says so";; *) not_ok "void receipt" "$out";; esac
run svc-pay receipt 999
check_rc 66 "no receipts for an unknown order: exit 66"

as zhou svc-assign to wang $id --force >/dev/null 2>&1
run svc-pay due
check_out "" "nothing done is owing yet"
done_testing

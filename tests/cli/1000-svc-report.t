# svc-report and svc-complaint: the checks at their boundaries, the
# summaries, the evaluation, the read-only query (G5, G8-G12, C4).
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-25 16:00" SVC_USER=zhou
a=$(as zhou svc-order new --customer 李大爷 --phone 13900000001 --address 朝阳区 --service gov-pension --group elderly)

# G5: due at 16:00 the next day; silent until then.
SVC_NOW="2026-11-26 16:00:00" run svc-report overdue --check
check_rc 0 "G5: at the deadline nothing is overdue"
check_out "" "and nothing is said"
SVC_NOW="2026-11-26 16:00:01" run svc-report overdue --check
check_rc 1 "one second later it is: --check exits 1"
check_out "$a	2026-11-26T16:00:00+08:00	0	civil	gov	李大爷" "the line: id, due, minutes, dept, kind, customer"
SVC_NOW="2026-11-26 17:00" run svc-report overdue --check -q
check_rc 1 "--check -q: the status alone"
check_out "" "-q prints nothing"
SVC_NOW="2026-11-26 15:00" run svc-report overdue --soon 2h
check_same "$(printf '%s\n' "$out" | cut -f1,3)" "$a	-60" "--soon lists one due within 2h, 60 minutes ahead"
SVC_NOW="2026-11-26 17:00" run svc-report overdue --dept clean
check_out "" "--dept filters"

# G8: arriving at the appointed time is on time; a minute later is late.
export SVC_NOW="2026-11-26 09:00"
as zhou svc-order accept $a --at "2026-11-30 10:00" >/dev/null 2>&1
b=$(as zhou svc-order new --customer 乙 --phone 2 --address x --service gov-pension --group elderly |
    as zhou svc-order accept --at "2026-11-30 14:00")
as zhou svc-assign to li $a $b >/dev/null
SVC_NOW="2026-11-30 10:00:00" svc-visit arrive $a >/dev/null 2>&1
SVC_NOW="2026-11-30 13:00" svc-visit late $b --eta 14:10 >/dev/null
SVC_NOW="2026-11-30 14:00:30" svc-visit arrive $b >/dev/null 2>&1
SVC_NOW="2026-11-30 18:00" run svc-report late
check_out "$b	2026-11-30T14:00:00+08:00	2026-11-30T14:00:30+08:00	1	yes	li	civil	1" \
    "G8: only the late one, told in advance (A1)"
# the order's department and kind, looked up for each late visit
SVC_NOW="2026-11-30 18:00" run svc-report late --dept civil --kind gov
check_same "$(printf '%s\n' "$out" | cut -f1)" "$b" "late --dept --kind: the order's"
SVC_NOW="2026-11-30 18:00" run svc-report late --dept clean
check_out "" "late --dept: another department's has none"
SVC_NOW="2026-11-30 18:00" run svc-report late --kind repair
check_out "" "late --kind: another kind has none"
SVC_NOW="2027-01-15 10:00" run svc-report late
check_same "$(printf '%s\n' "$out" | grep -c "^$b	")" 0 "late looks 30 days back by default: the answer does not grow with history"
SVC_NOW="2027-01-15 10:00" run svc-report late --since 2026-11-01
check_same "$(printf '%s\n' "$out" | cut -f1)" "$b" "--since reaches further back"

# G9: a short-notice move is reported; a timely one is not.
c=$(as zhou svc-order new --customer 丙 --phone 3 --address x --service gov-pension --group elderly |
    as zhou svc-order accept --at "2026-12-02 10:00")
d=$(as zhou svc-order new --customer 丁 --phone 4 --address x --service gov-pension --group elderly |
    as zhou svc-order accept --at "2026-12-02 14:00")
SVC_NOW="2026-12-02 07:00" as zhou svc-assign move $c --at "2026-12-03 10:00" --reason 车坏了 --notified "2026-12-02 02:00" >/dev/null 2>&1
SVC_NOW="2026-12-02 07:00" as zhou svc-assign move $d --at "2026-12-03 14:00" --reason 车坏了 --notified "2026-12-02 06:01" >/dev/null 2>&1
run svc-report notice --check
check_rc 1 "G9: a short notice is found"
check_same "$(printf '%s\n' "$out" | cut -f1,5)" "$d	479" "only the 7h59m one"

# C4: cash held longer than a day.
e=$(as zhou svc-order new --customer 钱 --phone 5 --address x --service clean-daily)
SVC_NOW="2026-11-26 09:00" svc-pay collect $e --amount 120 --by wang >/dev/null
SVC_NOW="2026-11-27 09:00:00" run svc-report held --check
check_rc 0 "C4: held exactly a day is not longer than a day"
SVC_NOW="2026-11-27 09:00:01" run svc-report held --check
check_rc 1 "a second more is"
check_same "$(printf '%s\n' "$out" | cut -f1,2)" "wang	120.00" "who and how much"
SVC_NOW="2026-11-26 12:00" run svc-report held --older 2h
check_same "$(printf '%s\n' "$out" | cut -f1)" "wang" "--older"
SVC_NOW="2026-11-27 10:00" run svc-report held --dept clean --kind cleaning
check_same "$(printf '%s\n' "$out" | cut -f1,2)" "wang	120.00" "held --dept --kind: the order's"
SVC_NOW="2026-11-27 10:00" run svc-report held --check --dept civil
check_rc 0 "held --dept: none held for another department"
SVC_NOW="2026-11-27 10:00" run svc-report held --check --kind gov
check_rc 0 "held --kind: none held for another kind"

# G11: the complaints office.
run svc-complaint new --order $a --text 工作人员态度不好
check_out 1 "a complaint about an order prints its id"
run svc-complaint new --phone 13900000001 --text 电话打不通
check_out 2 "or from a customer known by phone"
run svc-complaint new --text 无名
check_rc 64 "a complaint needs an order or a phone"
run svc-report complaints
check_same "$(printf '%s\n' "$out" | cut -f1,3,4 | tr '\t\n' ': ')" "1:$a:civil 2:: " "open complaints, oldest first"
run as wu svc-complaint assign 1 --to wu
check_out 1 "assign"
run as wu svc-complaint resolve 1 --resolution 已批评教育 --upheld
check_out 1 "resolve, upheld"
run as wu svc-complaint resolve 1 --resolution again --rejected
check_rc 65 "a resolved complaint is not resolved again"
run svc-complaint list --open
check_same "$(printf '%s\n' "$out" | cut -f1)" "2" "list --open"

# Summaries.
run svc-report summary --by kind
check_out "cleaning	1	1	0	0	0	0	0	0
gov	4	0	2	2	0	0	0	0" "summary by kind: orders by state"
run svc-report revenue --by worker -o csv
out=$(printf '%s\n' "$out" | tr -d '\r')
check_out "key,collected,refunded,net,receipts
wang,120.00,0.00,120.00,1" "revenue by worker, csv"
run svc-report revenue --by service
check_out "clean-daily	120.00	0.00	120.00	1" "revenue by service"
run svc-report summary --by method
check_rc 64 "summary has no --by method"

# G12: the evaluation adds up with what the checks give.
run svc-report evaluation --year 2026
check_same "$(printf '%s\n' "$out" | grep '^civil' | cut -f1-11)" \
    "civil	4	4	4	4	2	1	0	0	1	1" \
    "civil: 4 requests, all replied on time, 2 arrivals, 1 on time, 1 short notice, 1 upheld"
check_same "$(svc-order list --dept civil --since 2026-01-01 --until 2027-01-01 | wc -l)" 4 \
    "requests: the same count as svc-order list"
check_same "$(svc-report notice --dept civil | wc -l)" 1 "short notice: the same as svc-report notice"
run svc-report evaluation --year 2026 --explain
case "$out" in *"civil: score"*"short_notice / appointments"*) ok "--explain prints the formula" ;;
*) not_ok "--explain" "$out" ;; esac

# Read-only query.
unchanged "a DELETE through query" svc-report query "DELETE FROM orders"
check_rc 65 "a write is refused: exit 65"
unchanged "an ATTACH through query" svc-report query "ATTACH 'x.db' AS x"
check_rc 65 "ATTACH is refused"
unchanged "a pragma write through query" svc-report query "PRAGMA user_version = 9"
check_rc 65 "a state-changing PRAGMA is refused"
unchanged "a read and a write in one query" svc-report query "SELECT 1; DELETE FROM v_order"
check_rc 65 "two statements are refused"
check_err "query: one statement only" "in the same words on both engines"
run svc-report query "SELECT kind, count(*) AS n FROM v_order GROUP BY kind ORDER BY kind" -o json
check_out '{"kind":"cleaning","n":1}
{"kind":"gov","n":4}' "query in json, numbers as numbers"
# SQLite's group_concat, with its separator and without, on both engines
run svc-report query "SELECT group_concat(customer, '|'), group_concat(kind) FROM (SELECT customer, kind FROM v_order WHERE kind = 'gov' ORDER BY id LIMIT 2) AS o"
check_out "李大爷|乙	gov,gov" "query: group_concat(x, sep) and group_concat(x)"
done_testing

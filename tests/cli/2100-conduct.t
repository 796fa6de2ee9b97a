# Conduct at the door (A13-A20; issue 21): the brief's tools (A14) and
# reminders, the form's checklist, the customer's answers at completion
# and in the return call, svc-report conduct and the evaluation (G12).
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-12-01 09:00"

r=$(as zhou svc-order new --customer 赵先生 --phone 13900000003 --address 西城区 \
    --service repair-visit --fault 不制冷 |
    as zhou svc-order accept --at "2026-12-01 14:00" | as zhou svc-assign to chen)

# A3, A14: the brief names the tools and the kind's reminders.
SVC_NOW="2026-12-01 13:00" as chen run svc-visit brief $r
case "$out" in *"tools        维修工具箱、万用表、检测仪表、鞋套、垫布、垃圾袋"*) ok "A14: the brief lists the service's tools" ;;
*) not_ok "A14: the tools" "$out" ;; esac
case "$out" in *"conduct      出示工作证件"*"不吃喝、不收礼、不索要"*"带走垃圾"*"致歉"*) ok "A16, A18, A20: and the conduct reminders of a repair" ;;
*) not_ok "the reminders" "$out" ;; esac

SVC_NOW="2026-12-01 14:00" as chen svc-visit arrive $r >/dev/null
SVC_NOW="2026-12-01 14:00" as chen svc-visit start $r >/dev/null

# A10, A12: the form's checklist, every line within the receipt's width.
SVC_NOW="2026-12-01 14:50" as chen run svc-visit form $r --width 32
case "$out" in *"服务规范（请客户勾选）"*"接受了您的吃喝、礼品"*"[A16.gifts]"*"[A18.waste]"*"[A20.apology]"*) ok "the form asks every item, with its id" ;;
*) not_ok "the form's checklist" "$out" ;; esac
case "$out" in *"服务人员：陈工（工号 S-102）"*"服务电话：400-820 1234"*) ok "A2, A12: and the worker's card: name, badge, the department's phone" ;;
*) not_ok "the card" "$out" ;; esac
wide=$(printf '%s\n' "$out" | while IFS= read -r l; do
	w=$(printf '%s' "$l" | python3 -c 'import sys,unicodedata; print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in sys.stdin.read()))')
	[ "$w" -gt 32 ] && echo "$l"; done)
check_same "$wide" "" "no line of the 58 mm form is wider than 32 columns"

# Bad answers change nothing: an unknown item, an answer, an item twice.
SVC_NOW="2026-12-01 15:00" unchanged "an unknown item" as chen svc-visit done $r --signed-by 赵先生 --conduct A16.gift=no
check_rc 65 "is exit 65"
check_err "svc-visit: $r: A16.gift: no such conduct item for repair (svc-visit form lists them)" "naming it"
SVC_NOW="2026-12-01 15:00" unchanged "an answer that is not yes or no" as chen svc-visit done $r --signed-by 赵先生 --conduct A16.gifts=maybe
check_rc 65 "is exit 65"
SVC_NOW="2026-12-01 15:00" unchanged "an item answered twice" as chen svc-visit done $r --signed-by 赵先生 --conduct A16.gifts=no,A16.gifts=yes
check_rc 65 "is exit 65"
SVC_NOW="2026-12-01 15:00" unchanged "a malformed list" as chen svc-visit done $r --signed-by 赵先生 --conduct A16.gifts
check_rc 65 "is exit 65"
SVC_NOW="2026-12-01 15:00" unchanged "done -n with answers" as chen svc-visit done $r --signed-by 赵先生 --conduct A16.gifts=yes -n
check_rc 0 "-n checks and records nothing"

# A16, A18: the customer says the worker took a gift and left the waste.
printf 'A16.gifts\t是\nA18.waste\tno\nA2.badge\tyes\n' >"$T/answers"
SVC_NOW="2026-12-01 15:00" as chen run svc-visit done $r --signed-by 赵先生 --rating 4 --conduct - <"$T/answers"
check_rc 0 "the answers read from stdin, ID<TAB>answer"
check_same "$(q "SELECT item, answer, breach, major, source, visit, worker FROM v_conduct ORDER BY item")" \
"A16.gifts|yes|1|1|done|1|chen
A18.waste|no|1|1|done|1|chen
A2.badge|yes|0|1|done|1|chen" "each answer a fact of the visit, with what it meant"
check_same "$(q "SELECT json_extract(details, '\$.breaches') FROM event WHERE kind = 'visit.conduct'")" 2 "and an event in the sealed log"

SVC_NOW="2026-12-02 08:00" run svc-report conduct --since 2026-12-01 --check
check_rc 1 "A16, A18: svc-report conduct --check exits 1"
check_out "chen	A16.gifts	1	1	1	2026-12-01T15:00:00+08:00
chen	A18.waste	1	1	1	2026-12-01T15:00:00+08:00" "naming the worker and both items, and nothing in order"
SVC_NOW="2026-12-02 08:00" run svc-report conduct --since 2026-12-01 --worker chen
check_same "$(printf '%s\n' "$out" | cut -f2,3,4 | tr '\n' ' ')" "A16.gifts	1	1 A18.waste	1	1 A2.badge	1	0 " "without --check: every item asked, how often breached"
SVC_NOW="2026-12-02 08:00" run svc-report conduct --since 2026-12-01 --worker wang --check
check_rc 0 "another worker: nothing"
SVC_NOW="2026-12-02 08:00" run svc-report conduct --worker nobody
check_rc 64 "an unknown --worker is a usage error, never an empty answer"
SVC_NOW="2026-12-02 08:00" run svc-report overdue --worker chen
check_rc 64 "--worker is conduct's"

# G12: the evaluation weighs the major breaches, and says how.
SVC_NOW="2026-12-02 08:00" run svc-report evaluation --year 2026 --explain
case "$out" in *"aftersales: score"*"-20.00 x conduct_breaches / completed  =  -20.00 x 2.0000 = -40.00"*) ok "G12: --explain shows the deduction" ;;
*) not_ok "the deduction" "$out" ;; esac
SVC_NOW="2026-12-02 08:00" run svc-report evaluation --year 2026 -H
check_same "$(printf '%s\n' "$out" | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "conduct_breaches") c = i } $1 == "aftersales" { print $c }')" 2 "and counts them per department"

# The return call (回访) asks too; an item is answered once a visit.
SVC_NOW="2026-12-04 10:00" unchanged "an item answered again in the return call" \
    as zhou svc-visit followup $r --reached --conduct A16.gifts=no
check_rc 65 "is refused: the answer given stands"
SVC_NOW="2026-12-04 10:00" as zhou run svc-visit followup $r --reached --rating 3 --conduct A19.ask=no,A17.explain=yes
check_rc 0 "the return call's answers"
check_same "$(q "SELECT group_concat(item || ':' || breach, ' ') FROM conduct WHERE source = 'followup'")" "A19.ask:1 A17.explain:0" \
    "recorded as the return call's"
SVC_NOW="2026-12-04 10:00" run svc-report conduct --since 2026-12-01 --check
check_same "$(printf '%s\n' "$out" | cut -f2 | tr '\n' ' ')" "A16.gifts A18.waste " "a minor breach (A19) is counted, not a --check finding"

# An office's own item: on the form, accepted in answers, counted.
sed -e "s|holidays/|$TOP/share/svc/holidays/|g" \
    -e 's/^conduct:$/conduct:\n  - {id: X1.shoes, question: 工作人员进门是否穿了鞋套？, reminder: 进门穿鞋套, breach: no}/' \
    "$SVC_CONFIG" >"$T/own.yaml"
c=$(as zhou svc-order new --customer 钱女士 --phone 13900000007 --address 东城区 \
    --service clean-daily | as zhou svc-order accept --at "2026-12-03 10:00" | as zhou svc-assign to wang)
SVC_NOW="2026-12-03 10:00" as wang svc-visit arrive $c >/dev/null
SVC_NOW="2026-12-03 10:00" as wang svc-visit start $c >/dev/null
SVC_CONFIG="$T/own.yaml" SVC_NOW="2026-12-03 12:00" as wang run svc-visit form $c
case "$out" in *"工作人员进门是否穿了鞋套？"*"[X1.shoes]"*) ok "the office's item is on the form" ;;
*) not_ok "the office's item on the form" "$out" ;; esac
case "$out" in *A20.apology*) not_ok "a repair's item on a cleaning form" "$out" ;; *) ok "and a repair's own item (A20) is not on a cleaning's" ;; esac
SVC_CONFIG="$T/own.yaml" SVC_NOW="2026-12-03 12:00" unchanged "a repair's item on a cleaning" \
    as wang svc-visit done $c --signed-by 钱女士 --conduct A20.apology=no
check_rc 65 "is not one of its items"
SVC_CONFIG="$T/own.yaml" SVC_NOW="2026-12-03 12:00" as wang run svc-visit done $c --signed-by 钱女士 --conduct X1.shoes=no
check_rc 0 "is accepted in the answers"
SVC_CONFIG="$T/own.yaml" SVC_NOW="2026-12-04 12:00" run svc-report conduct --since 2026-12-01 --worker wang --check
check_out "wang	X1.shoes	1	1	1	2026-12-03T12:00:00+08:00" "and counted: a major breach by default"
sed 's/breach: no}/breach: maybe}/' "$T/own.yaml" >"$T/bad.yaml"
SVC_CONFIG="$T/bad.yaml" run svc-report conduct
check_rc 78 "an item whose breach is neither yes nor no is a config error"
case "$err" in *"bad.yaml:"*":"*": breach: the answer that is a breach, yes or no"*) ok "named at file:line:column" ;;
*) not_ok "the config error" "$err" ;; esac

# The record holds.
unchanged "an answer rewritten behind svc's back" q "UPDATE conduct SET answer = 'no' WHERE item = 'A16.gifts'"
check_rc 19 "refused by the schema"
unchanged "an answer deleted" q "DELETE FROM conduct"
check_rc 19 "refused by the schema"
run svc-db verify
check_rc 0 "the conduct events are in the sealed chain"
done_testing

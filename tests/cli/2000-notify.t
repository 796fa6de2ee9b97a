# svc-notify: the outbox (G5, G6, G9, A1, A9, G10; issue 17).  A
# government day: the reply with every document once, the reminder the
# day before outside the quiet hours, a provider's move, sent, a failure
# that shows in the check; two sweeps at once make one reminder.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-30 09:00"

id=$(svc-order new --customer 李大爷 --phone 13900000001 --address 朝阳区幸福里3号 \
    --service gov-pension --group elderly)
run svc-notify due
check_out "" "nothing to tell before the reply"
svc-order accept $id --at "2026-12-02 10:00" >/dev/null
run svc-notify due
check_same "$(printf '%s\n' "$out" | cut -f1,2)" "1	13900000001" "G5: the reply is due at once, to the applicant's phone"
case "$out" in
*"2026年12月02日 10:00"*"朝阳区幸福里3号"*"一次性告知"*"1. 身份证原件"*"3. 近期免冠照片"*"010-6512 3401"*)
	ok "G6: the time, the place, every document, the window's phone (G3)" ;;
*) not_ok "G6: the reply's text" "$out" ;;
esac
check_same "$(printf '%s\n' "$out" | grep -o '身份证原件' | wc -l)" 1 "G6: each document exactly once"
check_same "$(printf '%s\n' "$out" | wc -l)" 1 "one message a line"
check_same "$(q "SELECT kind, actor FROM event WHERE kind = 'notify.make'")" "notify.make|zhou" \
    "the message is made by the reply's own transaction, and is in the sealed log"

# The reminder: made by the sweep a day before (remind_before: 1d).
SVC_NOW="2026-12-01 09:59" run svc-notify sweep
check_err "0 reminders made" "before remind_before: none"
SVC_NOW="2026-12-01 10:00" svc-notify sweep >"$T/s1" 2>&1 &
SVC_NOW="2026-12-01 10:00" svc-notify sweep >"$T/s2" 2>&1 &
wait
check_same "$(q "SELECT count(*) FROM outbox WHERE kind = 'reminder'")" 1 "two sweeps at the same instant make one reminder"
check_same "$(cat "$T/s1" "$T/s2" | sort | tr '\n' ' ')" "svc-notify: 0 reminders made svc-notify: 1 reminders made " "one of them made it"
SVC_NOW="2026-12-01 12:30" run svc-notify due
check_out "" "A9: nothing goes out in the quiet hours (12:00-13:30)"
check_err "quiet hours (A9): nothing goes out now" "and says why"
SVC_NOW="2026-12-01 22:00" run svc-notify due
check_out "" "nor at night"
SVC_NOW="2026-12-01 14:00" run svc-notify due
check_same "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "1 2 " "after the quiet hours: the reply and the reminder"
case "$out" in *"提醒"*"2026年12月02日 10:00"*) ok "the reminder names the time" ;;
*) not_ok "the reminder's text" "$out" ;; esac
case "$out" in *"上门办理"*"备好：1. 身份证原件 2."*) ok "G6: the window's own reminder (rules: gov: messages:) names the documents" ;;
*) not_ok "the gov reminder template" "$out" ;; esac

# Sent: by the gateway's word, never printed again.
printf '%s\n' "$out" >"$T/due"
unchanged "sent in the future" svc-notify sent 1 --at "2026-12-01 15:00"
check_rc 65 "a message is not sent after now"
SVC_NOW="2026-12-01 14:01" run svc-notify sent <"$T/due"
check_out "1
2" "svc-notify due | gateway | svc-notify sent: the ids from stdin"
SVC_NOW="2026-12-01 14:02" run svc-notify due
check_out "" "a message recorded sent is never due again"
unchanged "sent twice" svc-notify sent 1
check_rc 65 "sent once"
check_err "1: already sent" "says so"
unchanged "an unknown message" svc-notify sent 99
check_rc 66 "no such message"

# G9: a provider's move is told before the time that stood.
SVC_NOW="2026-12-01 15:00" svc-assign move $id --at "2026-12-03 10:00" --reason 车辆故障 >/dev/null 2>&1
SVC_NOW="2026-12-01 15:01" run svc-notify due -o json
case "$out" in *'"id":3'*"由2026年12月02日 10:00改为2026年12月03日 10:00"*"原因：车辆故障"*) ok "G9: the move's message, old time, new time, reason" ;;
*) not_ok "the move's message" "$out" ;; esac
# The gateway fails: recorded, still due, and a finding.
SVC_NOW="2026-12-01 15:02" run svc-notify failed 3 --reason "SMS gateway: 502"
check_rc 0 "a failure is recorded"
SVC_NOW="2026-12-01 15:03" run svc-notify check --check
check_rc 1 "a failed message is a finding: --check exits 1"
check_same "$(printf '%s\n' "$out" | cut -f1,3,6,7,8)" "3	move	1	SMS gateway: 502	failed" "which, how often, why"
SVC_NOW="2026-12-01 15:03" run svc-report unsent --check --dept civil
check_same "$(printf '%s\n' "$out" | cut -f1,8,9)" "3	failed	civil" "svc-report unsent says the same, by department"
SVC_NOW="2026-12-01 15:03" run svc-report unsent --check --dept clean
check_rc 0 "and nothing for another department"
SVC_NOW="2026-12-01 15:04" run svc-notify due
check_same "$(printf '%s\n' "$out" | cut -f1)" 3 "a failed message stays due: the gateway tries again"
# Past its time it is never sent late: expired, until someone tells them.
SVC_NOW="2026-12-02 10:00" run svc-notify due
check_out "" "past the time that stood: never sent late"
SVC_NOW="2026-12-02 10:00" run svc-notify check
check_same "$(printf '%s\n' "$out" | cut -f1,8)" "3	expired" "but a finding"
SVC_NOW="2026-12-01 15:20" unchanged "sent with -n" svc-notify sent 3 -n
check_rc 0 "-n checks and records nothing"
SVC_NOW="2026-12-02 10:05" run svc-notify dismiss 3 --reason 已电话告知
check_rc 0 "told by phone: dismissed"
SVC_NOW="2026-12-02 10:06" run svc-notify check --check
check_rc 0 "nothing left to do"
unchanged "dismiss without a reason" svc-notify dismiss 3
check_rc 64 "a dismissal says why"

# Proven: a provider's move told by a message the gateway sent.
p=$(svc-order new --customer 赵 --phone 13900000004 --address 某地 --service gov-pension --group elderly |
    svc-order accept --at "2026-12-04 10:00")
SVC_NOW="2026-12-02 14:00" svc-notify sent "$(q "SELECT id FROM outbox WHERE order_id = $p")" -q >/dev/null
SVC_NOW="2026-12-04 06:00" svc-assign move $p --at "2026-12-08 10:00" --reason 人手不足 >/dev/null 2>&1
m=$(q "SELECT id FROM outbox WHERE order_id = $p AND kind = 'move'")
SVC_NOW="2026-12-04 08:10" svc-notify sent $m -q >/dev/null
SVC_NOW="2026-12-04 08:11" run svc-report notice --since 2026-12-04
check_same "$(printf '%s\n' "$out" | grep "^$p	" | cut -f9)" "2026-12-04T08:10:00+08:00" "G9: svc-report notice shows when the move's message went out: the proof"
check_same "$(printf '%s\n' "$out" | grep "^$p	" | cut -f5)" 110 "G9: the notice is counted to the sending (1 h 50 before), not to when the move was typed"
# In time when recorded, short when sent: the proof is what counts.
g=$(svc-order new --customer 钱 --phone 13900000007 --address 某地 --service gov-pension --group elderly |
    svc-order accept --at "2026-12-09 10:00")
svc-notify sent "$(q "SELECT id FROM outbox WHERE order_id = $g")" -q >/dev/null
SVC_NOW="2026-12-08 09:00" svc-assign move $g --at "2026-12-10 10:00" --reason 人手不足 >/dev/null 2>&1
check_same "$(q "SELECT short FROM move WHERE order_id = $g")" 0 "recorded 25 hours ahead: not short yet"
mg=$(q "SELECT id FROM outbox WHERE order_id = $g AND kind = 'move'")
SVC_NOW="2026-12-09 07:00" svc-notify sent $mg -q >/dev/null
check_same "$(q "SELECT short, notice, told_at - notified_at FROM move WHERE order_id = $g")" "1|10800|79200" \
    "G9: the message went out 3 hours before: short, and notified_at (the recording) kept"
SVC_NOW="2026-12-09 08:00" run svc-report notice --since 2026-12-08 --check
check_rc 1 "svc-report notice --check finds it"
check_same "$(q "SELECT json_extract(details, '\$.short') FROM event WHERE kind = 'move.told' AND order_id = $g")" 1 \
    "the proof is an event in the sealed log"
# A call the clerk typed came first: the message later proves nothing shorter.
c=$(svc-order new --customer 吴 --phone 13900000008 --address 某地 --service gov-pension --group elderly |
    svc-order accept --at "2026-12-11 10:00")
svc-notify sent "$(q "SELECT id FROM outbox WHERE order_id = $c")" -q >/dev/null
SVC_NOW="2026-12-10 09:00" svc-assign move $c --at "2026-12-14 10:00" --reason 人手不足 --notified "2026-12-10 08:30" >/dev/null 2>&1
mc=$(q "SELECT id FROM outbox WHERE order_id = $c AND kind = 'move'")
SVC_NOW="2026-12-11 09:00" svc-notify sent $mc -q >/dev/null
check_same "$(q "SELECT typed, short, notice, told_at IS NOT NULL FROM move WHERE order_id = $c")" "1|0|91800|1" \
    "a typed --notified (a call) stands: 25 h 30 before, not short; the message's time is kept beside it"
unchanged "a move's facts edited behind svc's back" q "UPDATE move SET reason = 'x' WHERE order_id = $c"
check_rc 19 "refused by the schema (move_once)"
unchanged "a proof rewritten" q "UPDATE move SET told_at = 1, short = 0 WHERE order_id = $g"
check_rc 19 "a notice's proof is added once"
# A provider's cancellation is told too.
k=$(svc-order new --customer 孙 --phone 13900000005 --address 某地 --service gov-pension --group elderly |
    svc-order accept --at "2026-12-07 10:00")
SVC_NOW="2026-12-05 09:00" svc-order cancel $k --reason 系统维护 --by provider >/dev/null 2>&1
check_same "$(q "SELECT kind, instr(text, '已取消') > 0, instr(text, '系统维护') > 0 FROM outbox WHERE order_id = $k AND kind = 'move'")" \
    "move|1|1" "G9: a provider's cancellation, told with its reason"
check_same "$(q "SELECT kind, dismiss_reason FROM outbox WHERE order_id = $k AND kind = 'reply'")" \
    "reply|superseded: the appointment changed" "and the reply it makes stale is never sent"
# A reply not yet sent when the visit moves: the reply, with the new time.
u=$(svc-order new --customer 周 --phone 13900000006 --address 某地 --service gov-pension --group elderly |
    svc-order accept --at "2026-12-09 10:00")
SVC_NOW="2026-12-05 09:00" svc-assign move $u --at "2026-12-10 10:00" --reason 人手不足 >/dev/null 2>&1
check_same "$(q "SELECT group_concat(kind || ':' || CASE WHEN dismissed_at IS NULL THEN 1 ELSE 0 END || ':' || CASE WHEN instr(text, '12月10日') > 0 THEN 1 ELSE 0 END, ' ') FROM outbox WHERE order_id = $u")" \
    "reply:0:0 reply:1:1" "an unsent reply is replaced by one with the new time, documents and all"

# A refusal, a delay (A1), an abandonment (G10): each told.
r=$(svc-order new --customer 张 --phone 13900000002 --address 某地 --service gov-pension --group elderly)
svc-order refuse $r --reason 不在服务范围 >/dev/null
check_same "$(q "SELECT kind, instr(text, '不在服务范围') > 0 FROM outbox WHERE order_id = $r")" "refusal|1" "G5: the refusal with its reason"
a=$(svc-order new --customer 王 --phone 13900000003 --address 某地 --service gov-pension --group elderly |
    svc-order accept --at "2026-12-02 14:00" | svc-assign to li)
SVC_NOW="2026-12-02 13:30" SVC_USER=li svc-visit late $a --eta 14:20 --reason 堵车 >/dev/null
check_same "$(q "SELECT kind, datetime(not_after, 'unixepoch', '+8 hours') FROM outbox WHERE order_id = $a AND kind = 'late'")" \
    "late|2026-12-02 14:20:00" "A1: the delay is told, by the time given"
SVC_NOW="2026-12-02 14:20" SVC_USER=li svc-visit arrive $a >/dev/null 2>&1
SVC_NOW="2026-12-02 14:25" SVC_USER=li svc-visit contact $a --unreachable --note 无人接听 >/dev/null
SVC_NOW="2026-12-02 14:31" svc-visit noshow --apply -q >/dev/null
check_same "$(q "SELECT kind FROM outbox WHERE order_id = $a ORDER BY id DESC LIMIT 1")" "abandoned" "G10: the abandonment is told"

# The shipped gammu gateway, the whole cron line: a stub modem that
# takes one number and refuses another.
mkdir -p "$T/stub"
cat >"$T/stub/gammu-smsd-inject" <<'EOS'
#!/bin/sh
[ "$2" = 13900000002 ] && { echo "Error: modem busy" >&2; exit 2; }
printf '%s\n' "$@" >>"$STUB_LOG"
EOS
chmod +x "$T/stub/gammu-smsd-inject"
export STUB_LOG="$T/sms.log"
SVC_NOW="2026-12-02 15:00" PATH="$T/stub:$PATH" sh -c \
    "svc-notify due | sh '$TOP/share/svc/gateway-gammu.sh' | svc-notify sent -q" >"$T/gw.out" 2>&1
check_same "$(q "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM outbox WHERE sent_at = strftime('%s', '2026-12-02 07:00') ORDER BY id) AS s")" \
    "abandoned" "the gateway's ids are recorded sent, through the pipe"
check_same "$(q "SELECT kind, fail_reason FROM outbox WHERE recipient = '13900000002'")" \
    "refusal|gammu: Error: modem busy" "the one the modem refused is recorded failed, with the modem's word"
check_same "$(grep -c 不在服务范围 "$T/sms.log")" 0 "and was not sent"
grep -q 'TEXT' "$T/sms.log" && ok "gammu-smsd-inject TEXT RECIPIENT -unicode -text TEXT" ||
    not_ok "the modem's arguments" "$(cat "$T/sms.log")"

# The record holds: a message's text never changes, nothing is deleted.
unchanged "a message rewritten behind svc's back" q "UPDATE outbox SET text = 'x' WHERE id = 1"
check_rc 19 "refused by the schema (SQLITE_CONSTRAINT)"
unchanged "a message deleted" q "DELETE FROM outbox WHERE id = 1"
check_rc 19 "refused by the schema (SQLITE_CONSTRAINT)"
run svc-db verify
check_rc 0 "every notify event in the sealed log follows"
run svc-db check
check_rc 0 "every message matches the hash its sealed event keeps"
t=$(copy_db tamper)
behind "$t" "DROP TRIGGER outbox_once; UPDATE outbox SET text = '请到银行转账' WHERE id = 4"
run svc-db check -d "$t"
check_rc 1 "a message's text changed behind svc's back is found"
check_same "$out" "outbox	4	its recipient or text differs from its sealed event" "naming the message"
unchanged "a worker recording a message sent" as wang svc-notify sent 4
check_rc 77 "sent is the desk's (roles table)"

# Templates: an office's text for one kind, and a field that does not
# exist is the config's error where it stands, before anything changes.
sed -e 's/^  repair:$/  repair:\n    messages:\n      late: "{customer}：师傅{eta}到，{because}单号{order}"/' \
    -e "s|holidays/|$TOP/share/svc/holidays/|g" "$SVC_CONFIG" >"$T/own.yaml"
r=$(SVC_NOW="2026-12-02 09:00" svc-order new --customer 王女士 --phone 13900000009 \
    --address 海淀区1号 --service repair-visit)
SVC_NOW="2026-12-02 09:00" svc-order accept $r --at "2026-12-04 10:00" >/dev/null
SVC_NOW="2026-12-02 09:00" svc-assign to chen $r >/dev/null
SVC_CONFIG="$T/own.yaml" SVC_NOW="2026-12-04 09:50" as chen svc-visit late $r \
    --eta "2026-12-04 10:40" --reason 堵车 >/dev/null
check_same "$(q "SELECT text FROM outbox WHERE order_id = $r AND kind = 'late'")" \
    "王女士：师傅2026年12月04日 10:40到，原因：堵车。单号$r" "A1: the repair kind's own late text, every field filled"
sed 's/到，{because}/到，{beacuse}/' "$T/own.yaml" >"$T/typo.yaml"
SVC_CONFIG="$T/typo.yaml" SVC_NOW="2026-12-04 09:55" unchanged "a template with a typo'd field" \
    as chen svc-visit late $r --eta "2026-12-04 10:50"
check_rc 78 "is a config error (EX_CONFIG)"
line=$(grep -n beacuse "$T/typo.yaml" | cut -d: -f1)
check_err "$T/typo.yaml:$line:34: messages: late: unknown field '{beacuse}' (svc-config(5) lists the fields of each message)" \
    "named at file:line:column"

# E-mail besides SMS: an applicant who gave an address is written to
# twice, each channel drained by its own gateway (--channel).
SVC_NOW="2026-12-04 10:45" as chen svc-visit arrive $r >/dev/null 2>&1
SVC_NOW="2026-12-04 10:45" as chen svc-visit start $r >/dev/null 2>&1
SVC_NOW="2026-12-04 11:30" as chen svc-visit done $r --signed-by 王女士 --rating 5 >/dev/null 2>&1
check_same "$(q "SELECT kind, not_after = (SELECT followup_due FROM orders WHERE id = $r), instr(text, '回访') > 0 FROM outbox WHERE order_id = $r AND kind = 'followup'")" \
    "followup|1|1" "the return call (回访) the repair rules ask for is announced, until it is due"
em=$(SVC_NOW="2026-12-04 09:00" svc-order new --customer 郑 --phone 13900000010 --email zheng@example.cn \
    --address 某地 --service gov-pension --group elderly | SVC_NOW="2026-12-04 09:00" svc-order accept --at "2026-12-08 10:00")
check_same "$(q "SELECT group_concat(channel || ':' || recipient, ' ') FROM (SELECT * FROM outbox WHERE order_id = $em ORDER BY id) AS x")" \
    "sms:13900000010 email:zheng@example.cn" "G6: the reply goes to the phone and to the address"
SVC_NOW="2026-12-04 09:01" run svc-notify due --channel email
check_same "$(printf '%s\n' "$out" | cut -f2 | sort -u)" "zheng@example.cn" "due --channel email: only the mail"
SVC_NOW="2026-12-04 09:01" run svc-notify due --channel sms
case "$out" in *zheng@*) not_ok "due --channel sms: no mail" "$out" ;; *) ok "due --channel sms: no mail" ;; esac
SVC_NOW="2026-12-04 09:05" svc-order edit $em --email "" >/dev/null
check_same "$(q "SELECT count(*) FROM customer WHERE phone = '13900000010' AND email IS NULL")" 1 "--email '' takes the address away"
check_same "$(q "SELECT json_extract(details, '\$.email.old') FROM event WHERE kind = 'order.edit' AND order_id = $em")" \
    "zheng@example.cn" "and the log keeps what it was"
SVC_NOW="2026-12-04 09:06" unchanged "a mail header smuggled into an address" \
    svc-order edit $em --email "$(printf 'a@b.cn\nBcc: all@b.cn')"
check_rc 65 "is refused"
done_testing

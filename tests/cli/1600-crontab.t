# Every line of share/svc/crontab.example runs as cron would run it, under
# SVC_NOW of a weekday evening, a Saturday and a holiday, and prints (so
# cron mails) only what is true then: nothing stale, no fixed file name.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
# date is cron's and the real clock's; here it tells SVC_NOW's day.
mkdir -p "$T/stub" "$T/backups" "$T/tmp"
printf '#!/bin/sh\n[ "$1" = +%%F ] || exit 9\necho "${SVC_NOW%%%% *}"\n' >"$T/stub/date"
chmod +x "$T/stub/date"

# The example's lines: NAME=value lines are the environment, the others
# lose their five time fields and cron's \% escape.
ex="$TOP/share/svc/crontab.example"
grep -E '^[A-Z_]+=' "$ex" >"$T/env"
line() {	# line PATTERN: the command of the line that runs PATTERN
	grep -v '^#' "$ex" | grep -- "$1" |
	    sed -E 's/^([^ ]+ +){5}//; s/\\%/%/g; s|/var/backups|'"$T/backups"'|' |
	    sed "s|/usr/local/share/svc|$TOP/share/svc|"
}
# cron NOW PATTERN: run that line at NOW as cron would, with sh -c.
cron() {
	(set -a; . "$T/env"; SVC_NOW=$1; TMPDIR="$T/tmp"
	    PATH="$T/stub:$PATH" sh -c "$(line "$2")") >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}
check_lines() {
	check_same "$(grep -cEv '^(#| *$)' "$ex")" 11 "the example has the lines this test knows"
}
check_lines

# G5: an order registered Monday morning is overdue on Tuesday evening.
a=$(SVC_NOW="2026-11-30 09:00" as zhou svc-order new --customer 甲 --phone 13900000001 \
    --address x --service gov-pension --group elderly)
cron "2026-12-01 18:00" "overdue"
check_same "$(printf '%s\n' "$out" | cut -f1)" "$a" "G5, Tuesday evening: the overdue request is printed"
check_same "$err" "" "with nothing on stderr"
cron "2026-12-05 18:00" "overdue"
check_same "$out$err" "" "Saturday (not a working day): nothing at all, not Friday's list"
SVC_NOW="2026-09-29 09:00" as zhou svc-order new --customer 乙 --phone 13900000002 \
    --address x --service gov-pension --group elderly >/dev/null
cron "2026-10-01 18:00" "overdue"
check_same "$out$err" "" "National Day (a holiday): nothing"
e=$(SVC_NOW="2026-10-09 09:00" as zhou svc-order new --customer 戊 --phone 13900000005 \
    --address x --service gov-pension --group elderly)
cron "2026-10-10 18:00" "overdue"
case " $(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" in
*" $e "*) ok "a make-up Saturday (2026-10-10) is worked: its overdue request is printed" ;;
*) not_ok "a make-up Saturday is worked" "$out" "$err" ;;
esac
as zhou svc-order accept "$a" --at "2026-12-03 10:00" >/dev/null 2>&1
SVC_NOW="2026-12-02 18:00" svc-order list --overdue | cut -f1 | as zhou svc-order refuse --reason 材料不全 >/dev/null 2>&1
cron "2026-12-02 18:00" "overdue"
check_same "$out$err" "" "once every request has its reply: nothing"
ls "$T/tmp" /tmp 2>/dev/null | grep -q '^svc-overdue' &&
    not_ok "no fixed file name is written" || ok "no fixed file name is written"

# C4: cash held for more than a day, every morning, weekend too.
c=$(SVC_NOW="2026-11-30 08:00" as zhou svc-order new --customer 丙 --phone 13900000003 \
    --address x --service clean-daily)
SVC_NOW="2026-11-30 08:00" svc-pay collect "$c" --amount 120 --by wang >/dev/null 2>&1
cron "2026-11-30 08:30" "held"
check_same "$out$err" "" "C4: held for 30 minutes: nothing"
cron "2026-12-01 08:30" "held"
check_same "$(printf '%s\n' "$out" | cut -f1,2)" "wang	120.00" "held for a day and more: printed"
SVC_NOW="2026-12-01 09:00" SVC_USER=qian svc-pay handover wang --counted 120 >/dev/null 2>&1
cron "2026-12-05 08:30" "held"
check_same "$out$err" "" "after the handover: nothing, Saturday or not"

# G10: the no-show sweep prints the ids it marks, and nothing twice.
d=$(SVC_NOW="2026-12-01 09:00" as zhou svc-order new --customer 丁 --phone 13900000004 \
    --address x --service gov-pension --group elderly |
    SVC_NOW="2026-12-01 09:00" as zhou svc-order accept --at "2026-12-03 10:00" |
    SVC_NOW="2026-12-01 09:00" as zhou svc-assign to li)
SVC_NOW="2026-12-03 09:55" SVC_USER=li svc-visit arrive "$d" >/dev/null 2>&1
SVC_NOW="2026-12-03 10:05" SVC_USER=li svc-visit contact "$d" --unreachable >/dev/null 2>&1
cron "2026-12-03 10:25" "noshow"
check_same "$out$err" "" "G10: before 30 minutes: nothing"
cron "2026-12-03 10:30" "noshow"
check_same "$out" "$d" "at 30 minutes: the id it marked"
cron "2026-12-03 10:35" "noshow"
check_same "$out$err" "" "the next sweep: nothing twice"

# The outbox: reminders, the gateway, the morning check (svc-notify).
mkdir -p "$T/stub"
cat >"$T/stub/gammu-smsd-inject" <<'EOS'
#!/bin/sh
[ "$2" = 13900000009 ] && { echo "Error: no network" >&2; exit 2; }
exit 0
EOS
chmod +x "$T/stub/gammu-smsd-inject"
cat >"$T/stub/sendmail" <<'EOS'
#!/bin/sh
[ "$*" = "-t -oi" ] || exit 9
cat >>"$STUB_MAIL"
EOS
chmod +x "$T/stub/sendmail"
export STUB_MAIL="$T/mail"
g=$(SVC_NOW="2026-12-07 09:00" as zhou svc-order new --customer 庚 --phone 13900000009 \
    --email geng@example.cn --address x --service gov-pension --group elderly |
    SVC_NOW="2026-12-07 09:00" as zhou svc-order accept --at "2026-12-09 10:00")
cron "2026-12-08 10:00" "notify sweep"
check_same "$out$err" "" "the sweep is silent"
check_same "$(q "SELECT count(*) FROM outbox WHERE order_id = $g AND kind = 'reminder'")" 2 "and made the reminder, by SMS and by mail"
cron "2026-12-08 10:05" "channel sms"
check_same "$out$err" "" "the gateway line is silent"
cron "2026-12-08 10:05" "channel email"
check_same "$out$err" "" "the mail line is silent"
check_same "$(q "SELECT group_concat(kind, ' ') FROM outbox WHERE channel = 'email' AND sent_at IS NOT NULL")" "reply reminder" \
    "the reply and the reminder went by mail too, recorded sent"
check_same "$(grep -c '^To: geng@example.cn$' "$T/mail")" 2 "sendmail -t was given each, to the applicant's address"
grep -q '^Subject: =?UTF-8?B?' "$T/mail" && grep -q '一次性告知' "$T/mail" &&
    ok "an encoded subject, the text as it is (UTF-8)" || not_ok "the mail" "$(cat "$T/mail")"
check_same "$(q "SELECT CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM outbox WHERE sent_at IS NOT NULL AND recipient <> '13900000009'")" "1" "what the modem took is recorded sent"
check_same "$(q "SELECT count(*) FROM outbox WHERE recipient = '13900000009' AND channel = 'sms' AND failed_at IS NOT NULL AND sent_at IS NULL")" 2 \
    "what it refused is recorded failed (the reply and the reminder)"
cron "2026-12-09 08:00" "notify check"
case " $(printf '%s\n' "$out" | cut -f2 | tr '\n' ' ')" in
*" $g "*) ok "the morning check prints the order to call" ;;
*) not_ok "the morning check prints the order to call" "$out" ;;
esac
check_same "$err" "" "with nothing on stderr"

# G9, G11: the weekly lines run.
cron "2026-12-07 09:00" "notice"
check_rc 0 "G9, G11: the weekly report runs"
check_same "$err" "" "and says nothing on stderr"

# G4: the nightly backup, named by the day.  A server's backup is
# pg_dump's, which svc-postgresql(7) shows in its crontab.
if pg; then
	skip 3 "the example's backup line is for a SQLite file"
else
	cron "2026-12-02 02:15" "backup"
	check_rc 0 "G4: the nightly backup runs"
	[ -s "$T/backups/svc-2026-12-02.db" ] && ok "and is named by its day" ||
	    not_ok "and is named by its day" "$(ls "$T/backups")"
	check_same "$out$err" "" "silently"
fi

# Issue 18: the nightly plan run makes the week's orders, silently.
pl=$(SVC_NOW="2026-12-07 09:00" as zhou svc-order new --customer 己 --phone 13900000009 \
    --address x --service clean-daily | SVC_NOW="2026-12-07 09:00" as zhou svc-order accept --at "2026-12-08 10:00")
SVC_NOW="2026-12-07 09:00" as zhou svc-plan new "$pl" --every 'tue 10:00' >/dev/null
before=$(q "SELECT count(*) FROM plan_occ")
cron "2026-12-08 01:00" "svc-plan run"
check_same "$out$err" "" "the plan run says nothing when all is well"
check_same "$(q "SELECT count(*) - $before FROM plan_occ")" 1 "and made the Tuesday within 14 days after the first (15 Dec; 22 Dec 10:00 is past the horizon)"
done_testing

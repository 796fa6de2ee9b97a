# svc-cal: the working calendar (G5, G7).
. "$TOP/tests/cli/lib.sh"

# G5: 16:00 on a Wednesday is due 16:00 the next working day.
run svc-cal add "2026-11-25 16:00" 1wd
check_out "2026-11-26T16:00:00+08:00" "G5: Wednesday 16:00 + 1wd"
run svc-cal add "2026-09-30 16:00" 1wd -o table
check_out "at
2026-10-08 16:00" "G5: over the National Day week (table)"
run svc-cal add "2026-11-25 20:00" 1wd
check_out "2026-11-26T17:30:00+08:00" "G5: after hours counts from the next period"
run svc-cal add "2026-11-26 10:00" 30m
check_out "2026-11-26T10:30:00+08:00" "clock durations are plain time"
SVC_NOW="2026-11-25 16:00" run svc-cal add now 1wd
check_out "2026-11-26T16:00:00+08:00" "now is SVC_NOW"

run svc-cal is 2026-10-10
check_rc 0 "a make-up Saturday is a working day"
check_out "2026-10-10	sat	makeup	国庆节调休" "and says why"
run svc-cal is 2026-10-01 -o json
check_rc 1 "a holiday is not: exit 1"
check_out '{"date":"2026-10-01","weekday":"thu","kind":"holiday","name":"国庆节"}' "json says the holiday"
run svc-cal is 2026-11-28 -q
check_rc 1 "a Saturday is not; -q prints nothing"
check_out "" "-q: no output"
run svc-cal is
check_rc 0 "is with no date: today (2026-11-26, a Thursday)"

run svc-cal days 2026-02-13 2026-02-16 -o csv
case "$out" in
*"$(printf '\r')"*) ok "csv lines end in CR LF (RFC 4180)" ;;
*) not_ok "csv lines end in CR LF (RFC 4180)" ;;
esac
out=$(printf '%s\n' "$out" | tr -d '\r')
check_out "date,weekday,kind,name
2026-02-13,fri,workday,
2026-02-14,sat,makeup,春节调休
2026-02-15,sun,holiday,春节
2026-02-16,mon,holiday,春节" "days in csv with a header"
run svc-cal days 2026-01-01 2026-12-31
check_same "$(printf '%s\n' "$out" | grep -c '	workday	\|	makeup	')" 248 \
    "2026 has 248 working days, as the notice gives"
run svc-cal days 2025-01-01 2025-12-31
check_same "$(printf '%s\n' "$out" | grep -c '	workday	\|	makeup	')" 248 \
    "2025 has 248 working days, as the notice gives"

run svc-cal next "2026-10-01 08:00"
check_out "2026-10-08T09:00:00+08:00" "next working moment after a holiday"
run svc-cal next 12:15 -o table
check_out "at
2026-11-26 13:30" "lunch is not working time"

# A year without data is unknown, not holiday-free.
run svc-cal is 2027-10-01
check_rc 0 "2027-10-01 counts as a working day without data"
check_err "no holiday data for 2027" "and a warning names the year"

run svc-cal add "2026-13-01" 1wd
check_rc 65 "a bad time: exit 65"
check_err "2026-13-01: bad time" "one clear line"
run svc-cal add now 3 
check_rc 65 "a bad duration: exit 65"
check_err "bad duration" "one clear line"
run svc-cal days 2026-12-01 2026-11-01
check_rc 64 "days backwards: usage"
run svc-cal add now
check_rc 64 "add with one argument: usage"
check_err "usage: svc-cal add TIME DURATION" "usage names the verb"
run svc-cal is -o xml
check_rc 64 "unknown format: exit 64"
SVC_NOW="yesterday" run svc-cal is
check_rc 64 "a relative SVC_NOW is refused"
check_err "SVC_NOW" "naming the variable"
done_testing

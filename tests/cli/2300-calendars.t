# Calendars per kind of service (issue 18): the cleaning team works
# Saturdays until 19:00, the government window keeps the State Council
# calendar; each order's deadlines (G5) and working hours (G7) follow its
# own.  A config with one calendar keeps working unchanged.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
h="$TOP/share/svc/holidays"
sed -e "s|holidays/|$h/|g" \
    -e 's/^rules:$/calendars:\n  cleaning:\n    weekdays: [mon, tue, wed, thu, fri, sat]\n    hours: ["08:00-19:00"]\n    include: [HOL\/cn-2025.yaml, HOL\/cn-2026.yaml]\nrules:/' \
    -e "s|HOL|$h|g" \
    -e 's/^  cleaning:$/  cleaning:\n    calendar: cleaning/' "$SVC_CONFIG" >"$T/cal.yaml"
# The second "  cleaning:" (under rules:) is the one that names it.
grep -q 'calendar: cleaning' "$T/cal.yaml" || not_ok "the test's config" "$(cat "$T/cal.yaml")"
export SVC_CONFIG="$T/cal.yaml"

run svc-cal is 2026-12-05 --calendar cleaning
check_rc 0 "svc-cal --calendar cleaning: Saturday is worked"
run svc-cal is 2026-12-05
check_rc 1 "the default calendar: it is not"
run svc-cal add "2026-12-05 10:00" 1wd --calendar cleaning
check_out "2026-12-07T10:00:00+08:00" "one working day of the cleaning calendar: 9 hours on Saturday, 2 on Monday"
run svc-cal is 2026-12-05 --calendar nosuch
check_rc 64 "an unknown calendar is a usage error, not the default"

# The same Saturday minute, two kinds, two deadlines.
export SVC_NOW="2026-12-05 10:00"
c=$(as zhou svc-order new --customer 钱 --phone 13900000001 --address 东城区 --service clean-daily)
g=$(as zhou svc-order new --customer 李 --phone 13900000002 --address 朝阳区 --service gov-pension --group elderly)
check_same "$(q "SELECT datetime(reply_due, 'unixepoch', '+8 hours') FROM orders WHERE id = $c")" "2026-12-07 10:00:00" \
    "G5: the cleaning's reply is due on its own calendar (Saturday counts)"
check_same "$(q "SELECT datetime(reply_due, 'unixepoch', '+8 hours') FROM orders WHERE id = $g")" "2026-12-07 17:30:00" \
    "G5: the government order's on the State Council's (Saturday does not)"
# A make-up Saturday (国庆节调休) is worked by the window too.
export SVC_NOW="2026-10-10 10:00"
m=$(as zhou svc-order new --customer 王 --phone 13900000003 --address 朝阳区 --service gov-pension --group elderly)
check_same "$(q "SELECT datetime(reply_due, 'unixepoch', '+8 hours') FROM orders WHERE id = $m")" "2026-10-12 10:00:00" \
    "unless it is a make-up working day"

# G7: a cleaning at 18:00 is in its hours; a gov visit then is not.
export SVC_NOW="2026-12-05 11:00"
run as zhou svc-order accept $c --at "2026-12-07 18:00"
check_rc 0 "the cleaning team's hours run to 19:00"
unchanged "a gov visit at 18:00" as zhou svc-order accept $g --at "2026-12-07 18:00"
check_rc 65 "G7: outside the window's working hours"

# A kind naming a calendar that does not exist is the config's error.
sed 's/calendar: cleaning/calendar: cleening/' "$T/cal.yaml" >"$T/typo.yaml"
run env SVC_CONFIG="$T/typo.yaml" svc-cal is 2026-12-05
check_rc 78 "a typo'd calendar name stops every command"
case "$err" in *"typo.yaml:"*": calendar: 'cleening' is not one of calendars: (nor default)"*) ok "at file:line:column" ;;
*) not_ok "the config error" "$err" ;; esac
done_testing

# Tables for people, formats for scripts (issue 19): -F, -w, the screen's
# width, an empty table, durations, --excel, NO_COLOR, and a real pty.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-26 09:00"
long=北京市朝阳区建国路八十八号院三号楼二单元一千二百零三室
a=$(svc-order new --customer 李大爷 --phone 13900000001 --address "$long" \
    --service gov-pension --group elderly --note 家里有狗 |
    svc-order accept --at "2026-11-30 09:00")
svc-assign to li "$a" >/dev/null
b=$(svc-order new --customer 王芳 --phone 13900000002 --address 朝阳区建国路1号 \
    --service gov-pension --group elderly)

# -F: chosen and ordered in every format; the same words as the header.
run svc-order list -F customer,id
check_out "李大爷	$a
王芳	$b" "-F customer,id: tsv in that order"
run svc-order list -F id,status -o json
check_out "{\"id\":$a,\"status\":\"assigned\"}
{\"id\":$b,\"status\":\"new\"}" "-F in json: only those keys, in order"
run svc-order list -F id,status -o csv
check_out "$(printf 'id,status\r\n%s,assigned\r\n%s,new\r' "$a" "$b")" "-F in csv"
unchanged "an unknown field" svc-order list -F id,stauts
check_rc 64 "an unknown field is a usage error: exit 64"
check_err "-F: stauts: no such field (id, status, kind, dept, customer, phone, address, registered, reply_due, appointment, services)" \
    "naming the fields there are"
run svc-order list -F id,id
check_rc 64 "a field named twice: exit 64"

# The screen's width: COLUMNS as ps takes it.
max_width() {	# the widest line of $out in display columns: CJK is 2
	printf '%s\n' "$out" | LC_ALL=C sed 's/\x1b\[[0-9;]*m//g; s/…/./g
	    s/[\xe0-\xef][\x80-\xbf][\x80-\xbf]/../g' |
	    LC_ALL=C awk '{ if (length($0) > w) w = length($0) } END { print w + 0 }'
}
COLUMNS=80 run svc-order list -o table
check_same "$(max_width)" 80 "80 columns: the widest line is exactly 80 columns"
check_same "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "id status customer address appointment" \
    "80 columns: dept, registered, phone, services, kind, reply_due dropped"
case "$out" in
*" $a  assigned  李大爷    北京市朝阳区建"*"…"*" 2026-11-30 09:00"*) ok "80 columns: the address cut, the time whole" ;;
*) not_ok "80 columns: the address cut, the time whole" "$out" ;;
esac
COLUMNS=250 run svc-order list -o table
case "$out" in
*"$long"*) ok "250 columns: the address whole" ;;
*) not_ok "250 columns: the address whole" "$out" ;;
esac
check_same "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" \
    "id status kind dept customer phone address registered reply_due appointment services" \
    "250 columns: every column"
COLUMNS=40 run svc-order list -o table -w
case "$out" in
*"13900000001"*"$long"*) ok "-w: everything, whatever the width" ;;
*) not_ok "-w: everything, whatever the width" "$out" ;;
esac
COLUMNS=30 run svc-order list -o table -F id,registered,appointment
check_same "$(printf '%s\n' "$out" | sed -n 2p)" \
    " $a  2026-11-26 09:00  2026-11-30 09:00" "keys and times are never cut, even past the width"
# Without a width (a pipe, no COLUMNS) the listing's own limits hold.
run svc-order list -o table
case "$out" in
*"北京市朝阳区建国路八十…  "*) ok "no width known: cut at the listing's limit" ;;
*) not_ok "no width known: cut at the listing's limit" "$out" ;;
esac

# The agenda: the note the desk wrote for the door.
run svc-assign agenda li --on 2026-11-30
check_same "$(printf '%s\n' "$out" | cut -f11)" "家里有狗" "agenda: the note is its last column"
COLUMNS=100 run svc-assign agenda li --on 2026-11-30 -o table
case "$out" in
*"家里有狗"*) ok "a 100-column agenda keeps the note" ;;
*) not_ok "a 100-column agenda keeps the note" "$out" ;;
esac

# An empty table says so; tsv stays silent.
run svc-order list --status refused -o table
check_same "$(printf '%s\n' "$out" | tr -s ' ')" \
    "id status kind dept customer phone address registered reply_due appointment services" \
    "an empty table prints its header"
check_err "no orders" "and says so on stderr"
run svc-order list --status refused
check_same "$out|$err" "|" "an empty tsv: nothing on stdout or stderr"
run svc-order list --status refused -o table -q
check_same "$err" "" "-q: not even the note"

# Durations: 16h10m in a table, minutes for scripts.
SVC_NOW="2026-11-28 10:00" run svc-report overdue -F id,overdue_minutes
tsvmin=$(printf '%s\n' "$out" | cut -f2)
SVC_NOW="2026-11-28 10:00" run svc-report overdue -F id,overdue_minutes -o table
case "$tsvmin" in
''|*[!0-9]*) not_ok "tsv: overdue minutes an integer" "$tsvmin" ;;
*) ok "tsv: overdue minutes an integer ($tsvmin)" ;;
esac
case "$(printf '%s\n' "$out" | sed -n 2p)" in
*"$b"*[0-9]h*) ok "a table reads them as hours and minutes" ;;
*) not_ok "a table reads them as hours and minutes" "$out" ;;
esac

onpty() {	# onpty COLS CMD: run CMD on a pty COLS wide
	_c=$1
	shift
	script -qec "stty cols $_c rows 50; $*" /dev/null </dev/null | tr -d '\r'
}

# An order past its reply deadline (G5) is marked in a table only.
SVC_NOW="2026-11-28 10:00" run svc-order list -o table -F id,status
check_same "$out" "   id  status
    $a  assigned
!   $b  new" "without colour: a ! column marks the overdue reply"
SVC_NOW="2026-11-28 10:00" run svc-order list -F id,status
check_same "$out" "$a	assigned
$b	new" "tsv: no mark, the same columns"
if command -v script >/dev/null 2>&1; then
	out=$(SVC_NOW="2026-11-28 10:00" COLUMNS= TERM=xterm onpty 80 svc-order list -F id,status)
	case "$out" in
	*"$(printf '\033[31m') $b  new$(printf '\033[0m')"*) ok "on a terminal: the overdue row in red" ;;
	*) not_ok "on a terminal: the overdue row in red" "$out" ;;
	esac
else
	ok "# SKIP no script(1) for a pty"
fi

# An appointment passed with nobody arrived (G8) is marked too, in the
# list and in the worker's agenda; before its time, it is not.
SVC_NOW="2026-11-30 09:20" run svc-order list -o table -F id,status
check_same "$out" "   id  status
!   $a  assigned
!   $b  new" "the late arrival marked beside the overdue reply"
SVC_NOW="2026-11-30 09:20" run svc-assign agenda li --on 2026-11-30 -o table -F id,status
check_same "$out" "   id  status
!   $a  assigned" "the agenda marks the visit nobody has arrived at"
SVC_NOW="2026-11-30 08:50" run svc-assign agenda li --on 2026-11-30 -o table -F id,status
check_same "$out" "id  status
 $a  assigned" "not before its time: no mark, no mark column"

# A check's table on a narrow screen drops dept, then kind, before it
# cuts a name.
SVC_NOW="2026-11-28 10:00" COLUMNS=56 run svc-report overdue -o table
check_same "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "id reply_due overdue_minutes kind customer" \
    "56 columns: the check drops dept first"
SVC_NOW="2026-11-28 10:00" COLUMNS=52 run svc-report overdue -o table
check_same "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "id reply_due overdue_minutes customer" \
    "52 columns: then kind"

# The staff list drops hours, skills, badge, phone, then active.
COLUMNS=60 run svc-staff list -o table
check_same "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "login name dept roles active" \
    "60 columns: the staff list keeps who, where and what"

# The evaluation, 170 columns in full, keeps dept, rating and score.
COLUMNS=80 run svc-report evaluation --year 2026 -o table
[ "$(max_width)" -le 80 ] && ok "the evaluation fits 80 columns" ||
    not_ok "the evaluation fits 80 columns" "$(max_width) wide"
case "$(printf '%s\n' "$out" | head -1)" in
dept*rating*score) ok "and keeps dept, rating and score" ;;
*) not_ok "the evaluation keeps dept, rating and score" "$out" ;;
esac

# show on a terminal: a record a clerk reads, the history as lines.
run svc-order show "$a" -o table
case "$out" in
*"worker       li"*"balance      0.00 (paid 0.00, refunded 0.00)"*) ok "show: the worker and the balance" ;;
*) not_ok "show: the worker and the balance" "$out" ;;
esac
hist=$(printf '%s\n' "$out" | sed -n '/^history$/,$p')
case "$hist" in
*"order.assign   worker li"*) ok "show: the history as lines" ;;
*) not_ok "show: the history as lines" "$hist" ;;
esac
case "$hist" in *"{"*) not_ok "show: no JSON in the history" "$hist" ;; *) ok "show: no JSON in the history" ;; esac
run svc-order show "$a" -o json
case "$out" in *'"events":[{'*'"details":{'*) ok "show -o json keeps the details whole" ;;
*) not_ok "show -o json keeps the details whole" "$(printf '%s' "$out" | head -c 300)" ;; esac

# svc_time(x) in a query: the local text svc shows, without datetime().
run svc-report query "SELECT id, svc_time(appt_at), svc_time('x') FROM v_order WHERE id = $a"
check_out "$a	2026-11-30 09:00	" "svc_time: local time text; not an integer: NULL"

# --excel: a byte order mark for Excel, only with csv.
svc-order list -F id -o csv --excel >"$T/x.csv"
check_same "$(head -c 3 "$T/x.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "--excel: the byte order mark first"
svc-order list -F id -o csv >"$T/plain.csv"
check_same "$(head -c 2 "$T/plain.csv")" "id" "plain csv: no mark"
unchanged "--excel without csv" svc-order list --excel
check_rc 64 "--excel with tsv is a usage error"

# A real terminal (script(1) gives a pty): the width is the terminal's,
# bold only when NO_COLOR is empty or unset and TERM is not dumb.
if command -v script >/dev/null 2>&1; then
	out=$(COLUMNS= TERM=xterm onpty 80 svc-order list)
	check_same "$(max_width)" "$(( $(max_width) <= 80 ? $(max_width) : 0 ))" "pty 80: no line wider than the terminal"
	case "$out" in
	*"$(printf '\033[1m')"*) ok "pty: a bold header" ;;
	*) not_ok "pty: a bold header" "$out" ;;
	esac
	out=$(COLUMNS= TERM=xterm onpty 160 svc-order list)
	check_same "$(max_width)" "$(( $(max_width) <= 160 ? $(max_width) : 0 ))" "pty 160: no line wider than the terminal"
	case "$out" in
	*"phone"*"$long"*) ok "pty 160: more columns, the address whole" ;;
	*) not_ok "pty 160: more columns, the address whole" "$out" ;;
	esac
	out=$(COLUMNS= NO_COLOR=1 TERM=xterm onpty 80 svc-order list)
	case "$out" in
	*"$(printf '\033')"*) not_ok "NO_COLOR=1: no escapes" "$out" ;;
	*) ok "NO_COLOR=1: no escapes" ;;
	esac
	out=$(COLUMNS= NO_COLOR= TERM=xterm onpty 80 svc-order list)
	case "$out" in
	*"$(printf '\033[1m')"*) ok "an empty NO_COLOR does not count (no-color.org)" ;;
	*) not_ok "an empty NO_COLOR does not count (no-color.org)" "$out" ;;
	esac
	out=$(COLUMNS= TERM=dumb onpty 80 svc-order list)
	case "$out" in
	*"$(printf '\033')"*) not_ok "TERM=dumb: no escapes" "$out" ;;
	*) ok "TERM=dumb: no escapes" ;;
	esac
else
	ok "# SKIP no script(1) for a pty"
fi
done_testing

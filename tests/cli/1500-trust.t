# Checks a cron job can trust: nothing passes by accident (issue 13).
# Each section names the bullet of the issue it holds to.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1

# --- Every filter value is checked: one line, the nearest value. ---
run svc-report overdue --dept civl --check
check_rc 64 "a typo'd --dept fails the check: exit 64, not 0"
check_err "svc-report: --dept civl: no such department (did you mean civil?)" \
    "and names the nearest department"
run svc-pay held wnag
check_rc 66 "an unknown login given as a record: exit 66"
check_err "wnag: no such person on the staff (did you mean wang?)" "with the nearest login"
run svc-staff list --role nope
check_err "--role nope: no such role (known: admin, complaints, dispatcher, finance, reception, worker)" \
    "few known values are listed"
run svc-order list --status new,acepted
check_err "--status acepted: no such status (did you mean accepted?)" \
    "each value of a list is checked"
run svc-report overdue --dept civil --check
check_rc 0 "a department that exists still passes when nothing is overdue"

# --- Configuration: none found is 78 naming the places; defaults are asked
# for with -c :builtin; a --check in a year without holidays says so. ---
if [ -e /etc/svc/config.yaml ] || [ -e /usr/local/share/svc/config.yaml ]; then
	for d in "no config: exit 78" "names the places" "nothing written"; do
		ok "$d # SKIP a system-wide config is installed on this machine"
	done
else
	before=$(dump)
	env -u SVC_CONFIG svc-report overdue --check >/dev/null 2>"$T/err"
	rc=$?
	check_same "$rc" 78 "no configuration anywhere: exit 78, not a check on a calendar without holidays"
	case "$(cat "$T/err")" in
	*"no configuration: none of -c, \$SVC_CONFIG, $HOME/.config/svc/config.yaml, /etc/svc/config.yaml,"*"-c :builtin"*)
		ok "the message names every place looked at and how to ask for defaults" ;;
	*) not_ok "the message names every place looked at" "$(cat "$T/err")" ;;
	esac
	env -u SVC_CONFIG svc-order new --customer 甲 --phone 13900000001 \
	    --address x --kind gov >/dev/null 2>&1
	check_same "$(dump)" "$before" "and a write without a config writes nothing"
fi
SVC_CONFIG="$T/nope.yaml" run svc-report overdue --check
check_rc 78 "a named config that does not exist: exit 78"
run svc-cal add '2026-09-30 16:00' 1wd -c :builtin
check_out "2026-10-01T16:00:00+08:00" "-c :builtin runs on defaults, as asked (no holidays)"
check_err "warning: no holiday data for 2026" "and says the calendar has no holidays"
SVC_NOW="2027-03-01 10:00" run svc-report overdue --check -q
check_rc 0 "a --check in 2027 (no holiday data shipped) still answers"
check_err "warning: no holiday data for 2027" "and says so on stderr even with -q"
SVC_NOW="2026-03-02 10:00" run svc-report overdue --check -q
check_same "$err" "" "a year with data: -q is silent"

# --- Notice (G9): --notified lies between the booking and now. ---
id=$(as zhou svc-order new --customer 李大爷 --phone 13900000001 --address 朝阳区 \
    --service gov-pension --group elderly | as zhou svc-order accept --at "2026-12-02 10:00")
before=$(dump)
SVC_NOW="2026-12-02 06:00" run as zhou svc-assign move "$id" --at "2026-12-03 10:00" \
    --reason 车辆故障 --notified "2026-11-01 09:00"
check_rc 65 "G9: told before the appointment was even made: exit 65"
check_err "$id: --notified must lie between 2026-11-26 10:00 (when the appointment was made) and 2026-12-02 06:00 (now)" \
    "with the allowed range"
SVC_NOW="2026-12-02 06:00" run as zhou svc-assign move "$id" --at "2026-12-03 10:00" \
    --reason 车辆故障 --notified "2026-12-02 07:00"
check_rc 65 "G9: told in the future: exit 65"
check_same "$(dump)" "$before" "neither refused move wrote anything"
SVC_NOW="2026-12-02 06:00" run as zhou svc-assign move "$id" --at "2026-12-03 10:00" \
    --reason 车辆故障 --notified "2026-12-02 05:00"
check_rc 0 "told within the range: the move is made"
check_err "$id: short notice: told 5h before, the rule is 8h (G9): recorded" "and its short notice shows"

# --- The read-only query: bounded, and over the views only. ---
run svc-report query "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c" --timeout 1s
check_rc 65 "a query past its --timeout: exit 65"
check_err "query: stopped at the time limit of 1000 ms (--timeout)" "and says which limit"
# 300 MB of rows, in each engine's words
if pg; then
	big="SELECT repeat('x', 100000) FROM generate_series(1, 3000)"
else
	big="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3000) SELECT printf('%.*c', 100000, 'x') FROM c"
fi
run svc-report query "$big"
check_rc 65 "a result past the memory limit: exit 65"
check_err "query: stopped at the memory limit of 256 MiB" "and says which limit"
if pg; then
	skip 1 "the length limit of a value is SQLite's; the memory limit holds on both"
else
	run svc-report query "SELECT zeroblob(2000000)"
	check_err "past SQLite's length limit" "a value past the length limit says so"
fi
run svc-report query "SELECT load_extension('/tmp/evil.so')"
check_rc 65 "load_extension: exit 65 (not 70)"
run svc-report query "SELECT status FROM orders"
check_err "not allowed: queries only read the documented views" "the raw tables are not reachable"
run svc-report query "SELECT e.kind, j.key FROM v_event e, json_each(e.details) j WHERE e.kind = 'dept.add' LIMIT 1"
check_out "dept.add	code" "json_each over event details works"
# A reader stuck on a full pipe does not pin the WAL: its rows were read
# and its statement finished before the first is printed, so a writer's
# checkpoint can go all the way while the reader still waits.
if pg; then
	skip 1 "the WAL and its checkpoints are SQLite's"
	svc-staff add ma --name 马 -q >/dev/null 2>&1
else
	sqlite3 "$SVC_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	svc-report query "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 20000) SELECT x, printf('%.*c', 50, 'x') FROM c" |
	    { sleep 3; cat >/dev/null; } &
	sleep 1
	svc-staff add ma --name 马 -q >/dev/null 2>&1
	busy=$(sqlite3 "$SVC_DB" "PRAGMA wal_checkpoint(TRUNCATE)" | cut -d'|' -f1)
	wait
	check_same "$busy" 0 "a checkpoint is not blocked by a query whose reader is slow"
fi

# G9: a provider's cancellation of an agreed appointment is measured like a
# move; an hour before the visit is short notice, reported.
g=$(as zhou svc-order new --customer 王 --phone 13900000006 --address 朝阳区 \
    --service gov-pension --group elderly | as zhou svc-order accept --at "2026-12-02 10:00")
SVC_NOW="2026-12-02 09:00" run as zhou svc-order cancel "$g" --reason 人手不足 --notified "2026-11-01 09:00"
check_rc 65 "G9: a cancellation told before the booking: exit 65"
SVC_NOW="2026-12-02 09:00" run as zhou svc-order cancel "$g" --reason 人手不足
check_out "$g" "the provider cancels an hour before the visit"
check_err "$g: short notice: told 1h before, the rule is 8h (G9): recorded" "and it is short notice"
SVC_NOW="2026-12-02 12:00" run svc-report notice --check --since 2026-12-02
check_rc 1 "svc-report notice finds the short cancellation"
check_same "$(printf '%s\n' "$out" | grep "^$g	" | cut -f1,3,5)" "$g		60" \
    "with no new time and 60 minutes of notice"
h=$(as zhou svc-order new --customer 赵 --phone 13900000007 --address 朝阳区 \
    --service gov-pension --group elderly | as zhou svc-order accept --at "2026-12-03 10:00")
SVC_NOW="2026-12-02 09:00" run as zhou svc-order cancel "$h" --reason 家里有事 --by applicant
check_same "$err" "" "the applicant's own cancellation never counts"

# --- Output that cannot hurt: CSV formulas neutralised (OWASP), no
# escape sequence from stored data on a terminal or a receipt. ---
f=$(as zhou svc-order new --customer "=HYPERLINK(\"x\")" --phone 13900000003 --address "@A1" \
    --service gov-pension --group elderly | as zhou svc-order accept --at "2026-12-02 10:00")
run svc-order list -o csv
case "$out" in
*"\"'=HYPERLINK(\"\"x\"\")\""*"\"'@A1\""*) ok "CSV: a formula-like text gets a leading apostrophe, quoted" ;;
*) not_ok "CSV: a formula-like text gets a leading apostrophe" "$out" ;;
esac
run svc-order list -o tsv
case "$out" in
*"	=HYPERLINK(\"x\")	"*) ok "tsv keeps the text as it is (a machine format)" ;;
*) not_ok "tsv keeps the text as it is" "$out" ;;
esac
# A row stored before the validator, with escapes in it, behind svc's back.
behind "$SVC_DB" "UPDATE customer SET name = '甲' || char(27) || '[2J' || char(155) || '31m' WHERE phone = '13900000003'"
for v in "list -o table" "show $f -o table" "notice $f"; do
	svc-order $v >"$T/o" 2>&1 || not_ok "svc-order $v runs" "$(cat "$T/o")"
	if grep -q "$(printf '\033')" "$T/o" || grep -q "$(printf '\302\233')" "$T/o"; then
		not_ok "svc-order $v prints no escape from stored data"
	else
		ok "svc-order $v prints no escape from stored data"
	fi
done

# --- Durable money: the commit that issues a receipt is synced, not left
# to a later checkpoint.  Another connection stays open, so the command
# is not the last to close and no checkpoint syncs for it at exit: every
# sync seen is the commit's own (synchronous=NORMAL shows none here). ---
r=$(as zhou svc-order new --customer 甲 --phone 13900000008 --address x --service clean-daily)
if pg; then
	# the server syncs its log at each commit: svc's session asks for
	# synchronous_commit = on whatever the server's default (pg.c)
	skip 1 "the commit is synced by the server, not by svc's process"
	svc-pay collect "$r" --amount 10 --by wang >/dev/null 2>&1
elif command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
	(echo "SELECT count(*) FROM staff;"; sleep 3) | sqlite3 "$SVC_DB" >/dev/null &
	sleep 1
	strace -f -e trace=fsync,fdatasync -o "$T/strace" \
	    svc-pay collect "$r" --amount 10 --by wang >"$T/receipt" 2>/dev/null
	wait
	if [ "$(grep -c 'sync(' "$T/strace")" -ge 1 ] && [ -s "$T/receipt" ]; then
		ok "a receipt's commit is synced before the command ends"
	else
		not_ok "a receipt's commit is synced before the command ends" "$(cat "$T/strace")"
	fi
else
	ok "durable money # SKIP strace is not usable here"
	svc-pay collect "$r" --amount 10 --by wang >/dev/null 2>&1
fi

# --- Immutable facts: a handover and a product change are events; the
# receipt counter agrees with the receipts issued. ---
SVC_USER=qian svc-pay handover wang -q >/dev/null 2>&1
run svc-report query "SELECT kind, subject FROM v_event WHERE kind = 'pay.handover'"
check_same "$(printf '%s\n' "$out" | head -1)" "pay.handover	staff:wang" "C4: a handover appends an event under the worker"
printf 'barcode,model,name,sold_on,warranty_months\n690,BCD-1,冰箱,2026-03-02,12\n' >"$T/p.csv"
as zhou svc-product import "$T/p.csv" -q
as zhou svc-product import "$T/p.csv" -q
printf 'barcode,model,name,sold_on,warranty_months\n690,BCD-1,冰箱,2026-05-02,12\n' >"$T/p2.csv"
as zhou svc-product import "$T/p2.csv" -q
run svc-report query "SELECT kind, json_extract(details, '$.old_sold_on') FROM v_event WHERE subject = 'product:690' ORDER BY id"
check_same "$(printf '%s\n' "$out" | tr '\t' ' ' | tr '\n' ';')" "product.add ;product.edit 2026-03-02;" \
    "A5: a product added, the same again nothing, a changed sale date an event with the old one"
# A receipt prints the name of its order as registered: a new order under
# the same phone with another name does not rewrite it.
rn=$(svc-pay receipt "$r" | grep -c 甲)
as zhou svc-order new --customer 甲乙丙 --phone 13900000008 --address x --service clean-daily >/dev/null
check_same "$(svc-pay receipt "$r" | grep -c 甲乙丙)" 0 "an old receipt is not renamed by a new order's name"
check_same "$(svc-pay receipt "$r" | grep -c 甲)" "$rn" "it still shows the name it was issued to"
run svc-db check
check_rc 0 "the receipt counter agrees with the receipts"
t=$(copy_db tamper)
behind "$t" "UPDATE receipt_seq SET last = 0"
SVC_DB=$t run svc-db check
check_rc 1 "a receipt counter reset behind svc's back is found"
case "$out" in receipts"	2026	0	"*) ok "naming the year, the counter and the highest number" ;;
*) not_ok "naming the year and the counter" "$out" ;; esac

# --- Money: 10^12 yuan is the ceiling of an amount and of an order's
# total; svc-db check finds a total put past it behind svc's back. ---
m=$(as zhou svc-order new --customer 甲 --phone 13900000002 --address x --service clean-daily)
run svc-pay charge "$m" --amount 1000000000000.01 --what 零件
check_rc 65 "an amount past 10^12 yuan by one fen is refused"
run svc-pay charge "$m" --amount 999999999880 --what 零件
check_rc 0 "up to the ceiling is taken (120 of the service + 999999999880)"
before=$(dump)
run svc-pay charge "$m" --amount 0.01 --what 零件
check_rc 65 "one fen more on the order's total is refused"
check_err "$m: the order's total would pass the ceiling of 10^12 yuan" "and says why"
check_same "$(dump)" "$before" "nothing written"
run svc-pay bill "$m"
check_same "$(printf '%s\n' "$out" | cut -f4)" "1000000000000.00" "the bill is exact at the ceiling"
behind "$SVC_DB" "INSERT INTO charge (order_id, code, what, qty, unit_price, at, actor) VALUES ($m, NULL, 'x', 9000, 1000000000000000, 0, 'sqlite3')"
run svc-db check
check_rc 1 "svc-db check: an order's total out of range is a problem"
check_out "total	$m	9000100000000000000" "it names the order and its total in fen"
done_testing

# An order has many visits (A8, A9, G8, G10, G12): a revisit is its own
# row with its own worker, lateness and signature; reports read visits;
# the worker who acts is the visit's; migration 13 keeps every fact.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1

# --- A repair taken back and revisited (A8): two visits, both kept. ---
export SVC_NOW="2026-11-26 09:00"
r=$(as zhou svc-order new --customer 赵先生 --phone 13900000003 --address 西城区 \
    --service repair-visit --fault 不制冷 |
    as zhou svc-order accept --at "2026-11-26 14:00" | as zhou svc-assign to chen)
SVC_NOW="2026-11-26 14:18" SVC_USER=chen run svc-visit arrive $r
check_rc 0 "G8: the first visit arrives 18 minutes late"
SVC_NOW="2026-11-26 14:18" SVC_USER=chen svc-visit start $r >/dev/null
SVC_NOW="2026-11-26 14:20" SVC_USER=chen svc-visit check $r --voucher \
    --damage 外壳划痕 --signed-by 赵先生 >/dev/null 2>&1
SVC_NOW="2026-11-26 14:40" SVC_USER=chen run svc-visit takeback $r \
    --reason 压缩机返厂 --return-by 2026-11-30
check_rc 0 "A8: taken back"
SVC_NOW="2026-11-27 08:00" as zhou svc-assign move $r --at "2026-11-27 15:00" \
    --reason 修好送回 --by applicant >/dev/null
SVC_NOW="2026-11-27 08:01" as zhou svc-assign to wang $r --force >/dev/null 2>&1
SVC_NOW="2026-11-27 15:07" SVC_USER=wang run svc-visit arrive $r
check_rc 0 "the return visit, by another worker, 7 minutes late"
SVC_NOW="2026-11-27 15:07" SVC_USER=wang svc-visit start $r >/dev/null
SVC_NOW="2026-11-27 15:37" SVC_USER=wang svc-visit done $r \
    --signed-by 赵太太 --rating 4 >/dev/null
check_same "$(q "SELECT no, cause, visit_worker, datetime(visit_at, 'unixepoch'),
    late_minutes, checks_signed_by, signed_by, outcome, end_reason,
    returned_at IS NOT NULL FROM v_visit WHERE order_id = $r ORDER BY no")" \
"1|booking|chen|2026-11-26 06:00:00|18|赵先生||taken_back|压缩机返厂|1
2|return|wang|2026-11-27 07:00:00|7||赵太太|done||0" \
    "A8: both visits keep their worker, appointment, lateness and signature"
SVC_NOW="2026-11-28 09:00" run svc-report late --since 2026-11-01
check_out "$r	2026-11-26T14:00:00+08:00	2026-11-26T14:18:00+08:00	18	no	chen	aftersales	1
$r	2026-11-27T15:00:00+08:00	2026-11-27T15:07:00+08:00	7	no	wang	aftersales	2" \
    "G8: late lists the first visit's lateness and the second's"
run svc-report workload --since 2026-11-01 --kind repair
check_out "chen	1	0	22	1
wang	1	1	30	1" "workload credits each worker with their own visit: 14:18-14:40, 15:07-15:37"
# Of everything, each visit's order is found among the department's or
# the kind's orders (report.c, ORDER_IN_DEPT); of a period, asked for.
for f in "--kind repair" "--dept aftersales" "--dept aftersales --kind repair"; do
	run svc-report workload $f
	check_out "chen	1	0	22	1
wang	1	1	30	1" "workload $f of everything: the same two visits"
done
run svc-report workload --dept civil
check_out "" "and none of a department that had none"
run svc-order show $r -o json
check_same "$(printf '%s' "$out" | grep -o '"no":[0-9]*' | tr '\n' ' ')" \
    '"no":1 "no":2 ' "show -o json lists every visit"
run svc-order show $r -o table
case "$out" in
*"visits"*"  1  booking  chen"*"taken_back: 压缩机返厂"*"  2  return   wang"*"(7 min late)"*"done"*)
	ok "show -o table lists every visit, its lateness and outcome" ;;
*) not_ok "show -o table lists the visits" "$out" ;;
esac
run svc-order show $r
check_rc 0 "show in the pipe format still answers"

# --- A suspension (A9): the customer's nap is not time on site. ---
c=$(as zhou svc-order new --customer 张阿姨 --phone 13900000002 --address 海淀区 \
    --service clean-daily --channel office |
    as zhou svc-order accept --at "2026-11-26 13:00" 2>/dev/null | as zhou svc-assign to wang)
SVC_USER=wang
export SVC_USER
SVC_NOW="2026-11-26 13:00" svc-visit arrive $c >/dev/null
SVC_NOW="2026-11-26 13:00" svc-visit start $c >/dev/null
SVC_NOW="2026-11-26 13:30" svc-visit suspend $c --reason 客户午休 \
    --resume-at 15:35 >/dev/null 2>&1
SVC_NOW="2026-11-26 15:35" unchanged "resume -n" svc-visit resume -n $c
check_rc 0 "resume -n: exit 0"
echo $c >"$T/ids"
SVC_NOW="2026-11-26 15:35" run svc-visit resume <"$T/ids"
check_rc 0 "A9: resume, the id read from stdin"
check_out "$c" "resume echoes the id"
SVC_NOW="2026-11-26 16:05" svc-visit done $c --signed-by 张阿姨 >/dev/null
SVC_USER=zhou
check_same "$(q "SELECT no, cause, datetime(resume_at, 'unixepoch'),
    outcome, ended_at - arrived_at FROM v_visit WHERE order_id = $c
    ORDER BY no")" "1|booking|2026-11-26 07:35:00|suspended|1800
2|resume||done|1800" "A9: the suspended visit ends; the resumed work is visit 2"
run svc-report workload --since 2026-11-01 --kind cleaning
check_out "wang	2	1	60	0" "A9: 30 + 30 minutes on site, the 125-minute nap excluded"

# A9: the resumed visit is booked as any other: it double-books nobody.
SVC_USER=zhou
y1=$(as zhou svc-order new --customer 甲 --phone 13900000021 --address 海淀区 \
    --service clean-daily --channel office |
    as zhou svc-order accept --at "2026-12-03 14:00" | as zhou svc-assign to wang)
y2=$(as zhou svc-order new --customer 乙 --phone 13900000022 --address 海淀区 \
    --service clean-daily --channel office |
    as zhou svc-order accept --at "2026-12-03 09:00" | as zhou svc-assign to wang)
SVC_USER=wang SVC_NOW="2026-12-03 09:00" svc-visit arrive $y2 >/dev/null
SVC_USER=wang SVC_NOW="2026-12-03 09:00" svc-visit start $y2 >/dev/null
SVC_USER=wang SVC_NOW="2026-12-03 09:30" unchanged "a resume that double-books" \
    svc-visit suspend $y2 --reason 客户外出 --resume-at 13:30
check_rc 65 "A9: resuming into wang's 14:00 booking is refused: exit 65"
check_err "the worker is booked" "and says with what"
SVC_USER=wang SVC_NOW="2026-12-03 09:30" run svc-visit suspend $y2 \
    --reason 客户外出 --resume-at 16:30
check_rc 0 "a free time is taken"
SVC_USER=wang SVC_NOW="2026-12-03 09:30" run svc-visit suspend $y1 \
    --reason x --resume-at 17:00
check_rc 65 "suspending what has not started: exit 65"

# --- C5: the worker's report, the supervisor's review. ---
due=$(q "SELECT datetime(review_due, 'unixepoch') FROM visit
    WHERE order_id = $c AND no = 2")
check_same "$due" "2026-11-27 08:05:00" "C5: review due one working day after the work (review_within: 1wd)"
SVC_NOW="2026-11-27 16:05" run svc-report unreviewed --check --kind cleaning
check_rc 0 "not overdue at the due time itself"
SVC_NOW="2026-11-27 16:06" run svc-report unreviewed --check --kind cleaning
check_rc 1 "a minute later: --check exits 1"
check_out "$c	2	2026-11-26T16:05:00+08:00	2026-11-27T16:05:00+08:00	1	wang	clean	no" \
    "unreviewed lists the done visit, unreported yet"
SVC_USER=wang run svc-visit report $c --note 用了两瓶清洁剂
check_rc 0 "the worker reports"
SVC_USER=li unchanged "a report by someone else" svc-visit report $c --note x
check_rc 65 "a report by someone not on the visit: exit 65"
SVC_USER=wang unchanged "a worker's review" svc-visit review $c --ok
check_rc 77 "a worker does not review: exit 77"
SVC_USER=sun unchanged "redo without a reason" svc-visit review $c --redo
check_rc 64 "--redo needs --reason: exit 64"
SVC_USER=sun unchanged "--ok and --redo" svc-visit review $c --ok --redo --reason x
check_rc 64 "--ok and --redo exclude each other: exit 64"
SVC_USER=sun SVC_NOW="2026-11-27 09:00" run svc-visit review $c --redo --reason 窗台没擦
check_rc 0 "the supervisor sends it back"
SVC_USER=sun unchanged "a second review" svc-visit review $c --ok
check_rc 65 "sent back: the worker reports again first (65)"
check_err "the worker reports again first" "and says so"
SVC_NOW="2026-11-30 09:00" run svc-report unreviewed --kind cleaning
check_out "" "sent back, it waits for the worker, not the supervisor"
SVC_USER=wang SVC_NOW="2026-11-27 10:00" svc-visit report $c --note 已补擦窗台 >/dev/null
SVC_NOW="2026-11-30 10:01" run svc-report unreviewed --kind cleaning
check_same "$(printf '%s' "$out" | cut -f1,2,4,8)" "$c	2	2026-11-30T10:00:00+08:00	yes" \
    "reported again, it is up for review again, due a working day later"
SVC_USER=sun SVC_NOW="2026-11-30 09:00" run svc-visit review $c --ok
check_rc 0 "accepted"
check_same "$(q "SELECT review, reviewed_by, report FROM v_visit
    WHERE order_id = $c AND no = 2")" "ok|sun|已补擦窗台" "the review and the last report are kept; every report is an event"
check_same "$(q "SELECT count(*) FROM event WHERE order_id = $c
    AND kind IN ('visit.report', 'visit.review')")" 4 "two reports, two reviews"

# --- The return call (回访) and the order closed. ---
check_same "$(q "SELECT datetime(followup_due, 'unixepoch') FROM orders
    WHERE id = $c")" "2026-12-01 08:05:00" "a cleaning is due for its return call 3 working days after"
SVC_NOW="2026-12-01 16:05" run svc-report followup --check
check_rc 1 "followup --check: due"
check_same "$(printf '%s' "$out" | cut -f1,3,4)" "$c	0	张阿姨" "followup lists it, no tries yet"
unchanged "rating an unreached customer" svc-visit followup $c --unreachable --rating 3
check_rc 64 "an unreached customer gives no rating: exit 64"
SVC_NOW="2026-12-01 16:05" run svc-visit followup $c --unreachable
check_rc 0 "unreachable"
SVC_NOW="2026-12-01 16:06" run svc-report followup
check_same "$(printf '%s' "$out" | cut -f1,3)" "$c	1" "still due, one try made"
SVC_NOW="2026-12-02 10:00" run svc-visit followup $c --reached --rating 5 --comment 很干净
check_rc 0 "reached, rated"
SVC_NOW="2026-12-02 10:00" run svc-report followup --check
check_rc 0 "no longer due"
unchanged "a second return call" svc-visit followup $c --reached
check_rc 65 "no return call is due: exit 65"
run svc-order list --status closed
check_same "$(printf '%s\n' "$out" | grep -c "^$c	")" 0 "not closed yet: 120.00 is owed"
SVC_NOW="2026-12-02 11:00" run as qian svc-pay receive $c --amount 120 --method wechat
check_rc 0 "paid at finance"
run svc-order list --status closed
check_same "$(printf '%s\n' "$out" | cut -f1,2 | grep "^$c	")" "$c	done" \
    "paid, reviewed, called back: closed, and still done"
check_same "$(q "SELECT datetime(closed_at, 'unixepoch') FROM orders WHERE id = $c")" \
    "2026-12-02 03:00:00" "closed_at is when the last condition was met"
unchanged "money on a closed order" svc-pay charge $c --amount 10 --what 材料
check_rc 65 "a closed order's money does not move: exit 65"
check_err "the order is closed (svc-order reopen first)" "and says how"
unchanged "--status closed with a state" svc-order list --status closed,done
check_rc 64 "closed stands alone: exit 64"
SVC_USER=wang unchanged "a worker reopening" svc-order reopen $c --reason x
check_rc 77 "only an admin reopens: exit 77"
run svc-order reopen $c --reason 补收材料费
check_rc 0 "an admin reopens"
run svc-order list --status closed
check_same "$(printf '%s\n' "$out" | grep -c "^$c	")" 0 "reopened: not closed"
run svc-pay charge $c --amount 10 --what 材料
check_rc 0 "its money moves again"
SVC_NOW="2026-12-02 12:00" run as qian svc-pay receive $c --amount 10 --method cash
check_same "$(q "SELECT kind FROM event WHERE order_id = $c AND kind
    IN ('order.close', 'order.reopen') ORDER BY id")" "order.close
order.reopen
order.close" "settled again, closed again; each close and reopen an event"

# --- Who acts: the visit's worker, or a dispatcher with --by. ---
g=$(as zhou svc-order new --customer 李大爷 --phone 13900000001 --address 朝阳区 \
    --service gov-pension --group elderly --channel phone |
    as zhou svc-order accept --at "2026-11-26 16:00" | as zhou svc-assign to li)
export SVC_NOW="2026-11-26 15:58"
SVC_USER=wang unchanged "someone else arriving" svc-visit arrive $g
check_rc 65 "a worker not on the visit is refused: exit 65"
check_err "$g: wang is not on this visit (li is)" "and told who is"
SVC_USER=li unchanged "--by from a worker" svc-visit arrive $g --by zhao
check_rc 77 "--by is a dispatcher's: exit 77"
unchanged "--by an unknown login" svc-visit arrive $g --by nobody
check_rc 66 "--by a login not on the staff: exit 66"
SVC_USER=zhou run svc-visit arrive $g --by zhao
check_rc 0 "a dispatcher records that zhao came instead"
check_same "$(q "SELECT visit_worker FROM v_visit WHERE order_id = $g")" zhao \
    "the visit is zhao's"
check_same "$(q "SELECT actor, json_extract(details, '$.by') FROM event
    WHERE order_id = $g AND kind = 'visit.arrive'")" "zhou|zhao" \
    "the event says who recorded it and for whom"
SVC_USER=li unchanged "the booked worker, after someone else came" \
    svc-visit start $g
check_rc 65 "the booked worker is no longer on this visit: exit 65"
SVC_USER=zhao run svc-visit start $g
check_rc 0 "the worker who came goes on"

# --- Products not back by the day promised (A8). ---
t=$(as zhou svc-order new --customer 钱先生 --phone 13900000009 --address 东城区 \
    --service repair-visit --fault 异响 |
    SVC_NOW="2026-11-26 09:00" as zhou svc-order accept --at "2026-11-26 11:00" |
    as zhou svc-assign to chen)
SVC_USER=chen SVC_NOW="2026-11-26 11:00" svc-visit arrive $t >/dev/null
SVC_USER=chen SVC_NOW="2026-11-26 11:00" svc-visit start $t >/dev/null
SVC_USER=chen SVC_NOW="2026-11-26 11:10" svc-visit takeback $t \
    --reason 返厂 --return-by 2026-11-28 >/dev/null
SVC_NOW="2026-11-28 18:00" run svc-report takeback --check
check_rc 0 "A8: due back today is not late yet: exit 0"
check_out "" "and nothing is listed"
SVC_NOW="2026-11-29 09:00" run svc-report takeback --check
check_rc 1 "the day after the promise: --check exits 1"
check_out "$t	2026-11-28	2026-11-26T11:10:00+08:00	1	chen	aftersales	钱先生" \
    "takeback lists the product, the day promised and the days over"
SVC_NOW="2026-11-29 09:00" run svc-report takeback --dept civil
check_out "" "--dept narrows it"
SVC_NOW="2026-11-29 09:00" run svc-report takeback -o json
check_rc 0 "takeback -o json"
case "$out" in *'"return_by":"2026-11-28"'*) ok "json keys name the columns" ;;
*) not_ok "takeback json" "$out" ;; esac

# --- Migration 13 from a database of schema 12, every state (A-G). ---
# tests/data/schema12.sql was written by the landed svc of schema 12
# (commit 161a7ee): the demo day and orders in every other state, a
# revisit that overwrote its first visit, a suspension resumed.
sqlite3 "$T/old.db" <"$TOP/tests/data/schema12.sql"
cp "$T/old.db" "$T/new.db"
SVC_DB="$T/new.db" run svc-db init -q
check_rc 0 "svc-db init migrates schema 12"
check_same "$(sqlite3 "$T/new.db" "PRAGMA user_version")" "$SCHEMA" "to $SCHEMA"
same=0 tables=0
for t in $(sqlite3 "$T/old.db" "SELECT name FROM sqlite_master WHERE type = 'table'
    AND name <> 'visit' ORDER BY name"); do
	tables=$((tables + 1))
	c=$(sqlite3 "$T/old.db" "SELECT group_concat(name, ', ') FROM
	    pragma_table_info('$t')")
	[ "$(sqlite3 "$T/old.db" "SELECT $c FROM $t")" = \
	    "$(sqlite3 "$T/new.db" "SELECT $c FROM $t")" ] && same=$((same + 1))
done
check_same "$same of $tables" "$tables of $tables" \
    "every table but visit, the events among them, keeps every row and column"
cols="eta late_reason announced_at arrived_at late_minutes started_at voucher
barcode covered covered_until parts_missing damage not_ours checks_signed_by
chargeable return_by done_at signed_by rating comment"
cond=
for c in $cols; do cond="$cond AND o.$c IS n.$c"; done
check_same "$(sqlite3 "$T/new.db" "ATTACH '$T/old.db' AS old;
    SELECT count(*) FROM old.visit o JOIN v_visit n
      ON n.order_id = o.order_id AND n.no = 1
    JOIN visit s ON s.order_id = o.order_id AND s.no = 1
    WHERE o.signature IS s.signature $cond;
    SELECT count(*) FROM old.visit; SELECT count(*) FROM visit")" "9
9
9" "each old visit row is visit 1 of its order, every column kept"
check_same "$(sqlite3 -separator '|' "$T/new.db" "SELECT order_id, no, cause,
    visit_worker, outcome, end_reason FROM v_visit ORDER BY order_id")" \
"1|1|booking|li|done|
2|1|booking|wang|done|
3|1|move|chen||
4|1|booking|li|abandoned|
6|1|booking|wang|done|
9|1|booking|sun|cancelled|不需要了
10|1|booking|sun||
11|1|booking|wang|suspended|午休
12|1|booking|chen||" "ends and outcomes come from the events; the worker who recorded the arrival (wang for 2) is the visit's"
check_same "$(sqlite3 "$T/new.db" "SELECT datetime(appt_at, 'unixepoch')
    FROM visit WHERE order_id IN (2, 11) ORDER BY order_id")" \
"2026-12-01 05:30:00
2026-12-02 05:00:00" "a suspended visit keeps the appointment agreed, not the resume time"
check_same "$(sqlite3 -separator '|' "$T/new.db" "SELECT id, datetime(closed_at,
    'unixepoch') FROM orders WHERE closed_at IS NOT NULL ORDER BY id")" \
"1|2026-12-01 01:55:00
2|2026-12-01 09:40:00
4|2026-12-01 07:35:00
8|2026-12-02 00:10:00
9|2026-12-02 01:00:00" "settled orders are closed when the last of it was (2: its cash handed over at 17:40); 6 still owes"
SVC_DB="$T/new.db" run svc-db verify
check_rc 0 "the sealed log still follows after the migration"
SVC_DB="$T/new.db" run svc-db check
check_rc 0 "svc-db check: ok"
cp "$T/new.db" "$T/bad.db"
sqlite3 "$T/bad.db" "INSERT INTO visit (order_id, no, cause) VALUES (12, 2, 'booking');
    UPDATE orders SET closed_at = 1 WHERE id = 10"
SVC_DB="$T/bad.db" run svc-db check
check_rc 1 "two open visits, a closed order at the door: found (exit 1)"
check_same "$(printf '%s\n' "$out" | grep -E '^(visits|closed)')" "visits	12	started	2
closed	10	arrived" "svc-db check names them"
SVC_DB="$T/new.db" SVC_USER=wang SVC_NOW="2026-12-02 15:00" run svc-visit resume 11
check_rc 0 "a migrated suspension resumes"
check_same "$(sqlite3 -separator '|' "$T/new.db" "SELECT no, cause FROM visit
    WHERE order_id = 11 ORDER BY no")" "1|booking
2|resume" "as visit 2"
done_testing

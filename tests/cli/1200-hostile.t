# Hostile input across the commands: each is refused with its documented
# status, and the database is byte for byte as it was (DESIGN section 3).
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-26 09:00"
svc-order new --customer 李大爷 --phone 13900000001 --address 朝阳区 \
    --service gov-pension --group elderly >/dev/null
svc-order new --customer 张阿姨 --phone 13900000002 --address 海淀区 \
    --service clean-daily | svc-order refuse --reason 满了 >/dev/null

big=$(head -c 3000 /dev/zero | tr '\0' x)
printf 'a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n' >"$T/deep.yaml"
printf -- '- {customer: 甲, phone: "1", address: x, kind: gov, note: a, note: b}\n' >"$T/dupkey.yaml"
printf -- '- {customer: 甲, phone: "1", address: x, kind: gov\n' >"$T/broken.yaml"
printf -- '- {customer: "\377\376", phone: "1", address: x, kind: gov}\n' >"$T/badutf8.yaml"
printf -- '- {customer: 甲, phone: "1", address: x, kind: gov}\0- x\n' >"$T/nul.yaml"
printf -- '- &a {customer: 甲, phone: "1", address: x, kind: gov}\n- *a\n' >"$T/alias.yaml"
printf 'staff: [{login: "Robert\x27); DROP TABLE staff;--", name: x}]\n' >"$T/sqlstaff.yaml"

# expect STATUS COMMAND...: refused with STATUS, nothing written.
expect() {
	want=$1
	shift
	before=$(dump)
	"$@" >/dev/null 2>"$T/err"
	rc=$?
	after=$(dump)
	lines=$(wc -l <"$T/err")
	if [ "$rc" -eq "$want" ] && [ "$before" = "$after" ] && [ "$lines" -ge 1 ]; then
		ok "exit $want, unchanged: $*"
	else
		not_ok "exit $want, unchanged: $*" "exit $rc" "$(head -c 300 "$T/err")"
	fi
}

# Times and dates.
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --want "2026-02-30 10:00"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --email "a b@x.cn"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --email "no-at.cn"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --email "a@b@c.cn"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --email "$(printf 'a@b.cn\nBcc: x@y.cn')"
expect 65 svc-order edit 1 --email "甲@例子.cn"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --want "25:00"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --want "2026-13-01"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --want "tomorrow 9"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --want "@-1"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --want "2026-12-01T10:00+15:00"
expect 65 svc-order accept 1 --at "2026-11-31 10:00"
expect 65 svc-order accept 1 --at "yesterday 10:00"
expect 65 svc-assign move 1 --at "+5x" --reason x
expect 65 svc-cal add "2026-12-01 10:00" 30
expect 65 svc-cal add now 1h1wd
expect 65 svc-order list --on "not a day" --status new
expect 65 svc-visit late 1 --eta 24:01
# Money.
expect 65 svc-pay charge 1 --amount 1.005 --what x
expect 65 svc-pay charge 1 --amount -1 --what x
expect 65 svc-pay charge 1 --amount +1 --what x
expect 65 svc-pay charge 1 --amount 1,000 --what x
expect 65 svc-pay charge 1 --amount 99999999999999999999 --what x
expect 65 svc-pay charge 1 --amount 1e3 --what x
expect 65 svc-pay charge 1 --amount "" --what x
expect 65 svc-pay collect 1 --amount .5
expect 65 svc-pay collect 1 --amount 5.
expect 65 svc-pay collect 2 --amount 1 --by wang
SVC_USER=wang expect 77 svc-pay collect 2 --amount 1
SVC_USER=wang expect 66 svc-pay collect 999 --amount 1
SVC_USER=wang expect 77 svc-pay charge 2 --item clean-glass
# Ids and transitions.
expect 66 svc-order accept 999 --at "2026-11-30 10:00"
expect 66 svc-order show 999
expect 64 svc-order accept abc --at "2026-11-30 10:00"
expect 64 svc-order accept 0 --at "2026-11-30 10:00"
expect 64 svc-order accept -- -1 --at "2026-11-30 10:00"
expect 64 svc-order accept 99999999999999999999 --at "2026-11-30 10:00"
expect 65 sh -c 'printf "1\n2x\n" | svc-order cancel --reason x'
expect 65 svc-order accept 2 --at "2026-11-30 10:00"
expect 65 svc-order refuse 2 --reason again
expect 65 svc-visit start 1
expect 65 svc-visit arrive 1
expect 65 svc-visit done 1 --signed-by x
expect 65 svc-assign drop 1
expect 65 svc-order edit 2 --address y
SVC_USER=qian expect 66 svc-pay void R2026-000999 --reason x
expect 77 svc-pay void R2026-000999 --reason x
SVC_USER=wu expect 66 svc-complaint resolve 5 --resolution x --upheld
expect 66 svc-product show 000
expect 66 svc-staff show nobody
expect 66 svc-staff edit nobody --phone 1
# Input files.
expect 65 svc-order import "$T/deep.yaml"
expect 65 svc-order import "$T/dupkey.yaml"
expect 65 svc-order import "$T/broken.yaml"
expect 65 svc-order import "$T/badutf8.yaml"
expect 65 svc-order import "$T/nul.yaml"
expect 65 svc-order import "$T/alias.yaml"
expect 66 svc-order import "$T/none.yaml"
expect 65 svc-staff import "$T/sqlstaff.yaml"
expect 65 svc-staff import "$T/deep.yaml"
# Fields.
expect 65 svc-order new --customer "$(printf '\377')" --phone 1 --address x --kind gov
expect 65 svc-order new --customer 甲 --phone 1 --address "$big" --kind gov
expect 65 svc-order new --customer 甲 --phone "1; DROP TABLE orders" --address x --kind gov
expect 65 svc-order new --customer "'; DROP TABLE orders;--" --phone 1 --address x --kind plumbing
expect 65 svc-staff add "x'); DROP TABLE staff;--" --name x
expect 65 svc-staff add ma --name 马 --role "worker'--"
expect 65 svc-staff add-dept "a b" --name x --kind gov
expect 65 svc-order new --customer 甲 --phone 1 --address x --service "gov-pension:0"
expect 65 svc-order new --customer 甲 --phone 1 --address x --service "nope"
expect 65 svc-order new --customer 甲 --phone 1 --address x --channel fax --kind gov
expect 65 svc-order new --customer 甲 --phone 1 --address x --group vip --kind gov
expect 65 svc-report query "DELETE FROM event"
# The query reads the documented views only, bounded in time, memory and
# length; each limit is 65 and says which.
expect 65 svc-report query "SELECT status FROM orders"
expect 65 svc-report query "SELECT sql FROM sqlite_master"
expect 65 svc-report query "SELECT signature FROM visit"
expect 65 svc-report query "PRAGMA table_info(payment)"
expect 65 svc-report query "SELECT load_extension('/tmp/evil.so')"
expect 65 svc-report query "SELECT fts3_tokenizer('simple')"
expect 65 svc-report query "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c" --timeout 1s
expect 65 svc-report query "SELECT zeroblob(2000000)"
expect 65 svc-report query "SELECT '$(head -c 120000 /dev/zero | tr '\0' x)'"
expect 65 svc-report query "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3000) SELECT printf('%.*c', 100000, 'x') FROM c"
expect 65 svc-report query "SELECT 1; DROP TABLE orders"
expect 64 svc-report summary --by nothing
expect 64 svc-visit form 1 --width 40
expect 64 svc-visit done 1 --signed-by x --rating 6
# Free text: the one validator (valid UTF-8, no control characters, one
# line where the field is one line, a length limit, not blank if required).
expect 65 svc-order refuse 1 --reason "   "
expect 65 svc-order refuse 1 --reason "　　"
expect 65 svc-order refuse 1 --reason "$(printf '满了\t明天')"
expect 65 svc-order new --customer "$(printf '甲\n乙')" --phone 1 --address x --kind gov
expect 65 svc-order new --customer "$(printf '\033[31m甲')" --phone 1 --address x --kind gov
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --note "$(printf 'a\033]0;x\007')"
expect 65 svc-order new --customer 甲 --phone 1 --address x --kind gov --fault "$(printf '\302\233')"
expect 65 svc-order new --customer "   " --phone 1 --address x --kind gov
expect 65 svc-complaint new --order 1 --text "$(printf 'x\001')"
expect 65 svc-complaint new --order 1 --text "  "
expect 65 svc-pay charge 1 --amount 1 --what "   "
expect 65 svc-assign move 1 --at "2026-12-02 10:00" --reason "   "
expect 65 svc-staff add ma --name "$(printf '马\t')"
expect 64 svc-order cancel 1 --reason x --by nobody
expect 65 svc-order cancel 1 --reason x --notified "2026-02-30 10:00"
expect 65 svc-order cancel 1 --reason "   "
# The sealed log's verbs: a bad day, a stray argument, a seal to seal.
expect 65 svc-db seal --day 2026-13-01
expect 65 svc-db verify --seal abc --day "not a day"
expect 64 svc-db verify extra
expect 64 svc-db seal --seal abc
expect 64 svc-db copy "$T/only-one.db"
expect 64 svc-db copy "$SVC_DB" "$SVC_DB"
expect 66 svc-db copy "$T/none.db" "$T/from-none.db"
expect 64 svc-db copy -k "$SVC_DB" "$T/k.db"
# Options that contradict each other are a usage error, not "the last wins".
expect 64 svc-visit contact 1 --reached --unreachable
expect 64 svc-visit check 1 --voucher --no-voucher
expect 64 svc-visit check 1 --parts-ok --parts-missing 螺丝
expect 64 svc-complaint resolve 1 --resolution x --upheld --rejected
# Ids on stdin: the first TAB-separated field is all digits.
# (from a file, not a pipe: expect must count in this shell, not a subshell)
for ids in '5 2\n' '\t6\n' ' 1\n' '1\000x\n' '1\n2x\n'; do
	printf "$ids" >"$T/ids"
	expect 65 svc-order cancel --reason x <"$T/ids"
done
# Filters: a value that does not exist is 64 (66 for a named record),
# never an empty answer that passes a --check (issue "Checks a cron job
# can trust").
expect 64 svc-report overdue --dept civl --check
expect 64 svc-report late --kind nope --check
expect 64 svc-report noshow --dept nope --check
expect 64 svc-report summary --dept nope
expect 64 svc-report revenue --kind nope
expect 64 svc-order list --status new,bogus
expect 64 svc-order list --status $(printf 'new,%.0s' $(seq 16))new
expect 64 svc-order list --dept civl
expect 64 svc-order export --kind nope
expect 64 svc-order catalogue --kind nope
expect 64 svc-staff list --role wroker
expect 64 svc-staff list --dept nope
expect 64 svc-assign auto --dept nope
expect 66 svc-pay held wnag
expect 66 svc-assign agenda wnag
# Who acts at the door: the visit's worker, or a dispatcher with --by.
svc-order new --customer 王 --phone 13900000003 --address 东城区 \
    --service gov-pension --group elderly |
    svc-order accept --at "2026-11-26 16:00" | svc-assign to li >/dev/null
SVC_USER=wang expect 65 svc-visit arrive 3
SVC_USER=nobody expect 77 svc-visit late 3 --eta 16:30
SVC_USER=li expect 77 svc-visit arrive 3 --by zhao
expect 66 svc-visit arrive 3 --by "Robert'); DROP TABLE staff;--"
expect 66 svc-visit arrive 3 --by ""
expect 65 svc-visit arrive 3 --by qian
expect 64 svc-visit arrive 3 --by
expect 65 svc-visit resume 3
expect 65 svc-visit report 3 --note 无
expect 64 svc-visit report 3
expect 65 svc-visit report 3 --note "$(printf 'a\033[2Jb')"
SVC_USER=li expect 77 svc-visit review 3 --ok
expect 65 svc-visit review 3 --ok
expect 64 svc-visit review 3
expect 64 svc-visit review 3 --redo
expect 64 svc-visit review 3 --ok --redo
expect 65 svc-visit followup 3 --reached
expect 64 svc-visit followup 3 --unreachable --rating 2
expect 64 svc-visit followup 3
expect 65 svc-order reopen 3 --reason x
SVC_USER=li expect 77 svc-order reopen 3 --reason x
expect 64 svc-order reopen 3
expect 66 svc-order reopen 999 --reason x
expect 64 svc-order list --status closed,done
expect 64 svc-report takeback --soon 1h
expect 64 svc-report takeback --dept nope
expect 64 svc-report unsent --dept nope
expect 65 svc-report unsent --since yesterdayish
# Who is acting (acting.c): a role, a person claimed, oneself.
SVC_USER=li expect 77 svc-assign to li 3 --force
SVC_USER=li expect 77 svc-staff edit li --role worker,finance
SVC_USER=li expect 77 svc-staff add li2 --name 李 --role admin
expect 77 svc-staff edit zhou --role admin,dispatcher,finance
SVC_USER="zhou'; DROP TABLE staff;--" expect 77 svc-order cancel 3 --reason x
SVC_USER="" expect 77 svc-order cancel 3 --reason x
SVC_USER=wang expect 77 svc-pay receive 3 --amount 1
SVC_USER=wang expect 77 svc-pay collect 3 --amount 1 --by li
expect 77 svc-pay collect 3 --amount 1
SVC_USER=wang expect 77 svc-complaint new --order 3 --text x
SVC_USER=li expect 77 svc-product import /dev/null
SVC_USER=li expect 77 svc-visit noshow --apply
expect 64 svc-staff roles nobody
expect 64 svc-staff roles li zhou
expect 64 svc-staff roles --all
expect 65 svc-staff edit li --role worker,reception,cashier
# The outbox (svc-notify).
expect 66 svc-notify sent 999
expect 64 svc-notify sent x1
expect 64 svc-notify sent 1 --at
expect 65 svc-notify sent 1 --at "2026-02-30 10:00"
expect 64 svc-notify failed 1
expect 65 svc-notify failed 1 --reason "$(printf 'a\033[2Jb')"
expect 64 svc-notify dismiss 1 --reason ""
expect 64 svc-notify due 1
expect 64 svc-notify due --channel fax
# Conduct answers (A13-A20): checked whole before anything is recorded.
expect 65 svc-visit done 1 --signed-by x --conduct "A16.gifts=no,$(printf 'A18.waste=\033[2J')"
expect 65 svc-visit done 1 --signed-by x --conduct "'; DROP TABLE conduct; --=no"
expect 65 svc-visit done 1 --signed-by x --conduct "$(head -c 300 /dev/zero | tr '\0' 'A')=yes"
expect 64 svc-visit followup 1 --unreachable --conduct A16.gifts=no
expect 64 svc-visit done --signed-by x --conduct -
expect 64 svc-report conduct --worker "x'; --"
expect 64 svc-report overdue --worker zhou
# Leave (issue 18).
expect 64 svc-staff leave zhou --from "2026-12-03 08:00" --to "2026-12-03 18:00"
expect 65 svc-staff leave zhou --from "2026-12-03 08:00" --to "2026-12-03 18:00" --reason "$(printf 'a\033[2Jb')"
expect 65 svc-staff leave zhou --from "2026-02-30 08:00" --to "2026-12-03 18:00" --reason x
expect 65 svc-staff leave zhou --from "2026-12-03 18:00" --to "2026-12-03 08:00" --reason x
expect 66 svc-staff leave "x'; DROP TABLE leave; --" --from "2026-12-03 08:00" --to "2026-12-03 18:00" --reason x
expect 64 svc-staff leave --from "2026-12-03 08:00" --to "2026-12-03 18:00" --reason x
expect 66 svc-staff leave-cancel 999 --reason x
expect 64 svc-staff leave-cancel x1 --reason x
expect 64 svc-staff leave-cancel 1
expect 64 svc-staff leave-list nobody
# Plans (issue 18): order 2 is refused, 999 does not exist.
expect 65 svc-plan new 2 --every "tue 09:00"
expect 66 svc-plan new 999 --every "tue 09:00"
expect 64 svc-plan new x1 --every "tue 09:00"
expect 64 svc-plan new 1
expect 64 svc-plan new 1 --every "tue 09:00" --rrule "FREQ=WEEKLY"
expect 64 svc-plan new 1 --every "someday"
expect 64 svc-plan new 1 --every "tue 09:00; DROP TABLE plan"
expect 64 svc-plan new 1 --rrule "FREQ=WEEKLY;BYDAY=XX"
expect 64 svc-plan new 1 --rrule "$big"
expect 64 svc-plan new 1 --every "tue 09:00" --count 0
expect 64 svc-plan new 1 --every "tue 09:00" --until 2027-01-01 --count 3
expect 65 svc-plan new 1 --every "tue 09:00" --until 2027-02-30
expect 65 svc-plan new 1 --every "tue 09:00" --note "$(printf 'a\033[2Jb')"
expect 64 svc-plan new 1 --every "mo 09:00" --from 2026-12-31
expect 66 svc-plan pause 999
expect 66 svc-plan edit 999 --from today --every "tue 09:00"
expect 64 svc-plan run --ahead 0d
expect 64 svc-plan run --ahead 2wd
expect 64 svc-plan run extra
expect 64 svc-plan list --state x
expect 64 svc-plan list --kind plumbing
expect 66 svc-plan show 999
# Skills (issue 18): codes only.
expect 65 svc-staff edit zhou --skill "fridge,'; DROP TABLE staff_skill; --"
expect 65 svc-staff edit zhou --skill "$(printf 'a\033[2J')"
expect 65 svc-staff edit zhou --skill "$(head -c 100 /dev/zero | tr '\0' 'a')"
expect 66 svc-staff edit nobody --skill fridge
expect 65 svc-staff edit zhou --hours "25:00-26:00"
expect 65 svc-staff edit zhou --hours "08:00-12:00;DROP"
expect 65 svc-staff edit zhou --hours "1-2,3-4,5-6,7-8,9-10"
expect 64 svc-notify check --nope
SVC_USER=wang expect 77 svc-notify sweep
SVC_USER=wang expect 77 svc-notify dismiss 1 --reason x
# The config.
printf 'calendar:\n  hours: ["09:00-12:00", "11:00-13:00"]\n' >"$T/overlap.yaml"
SVC_CONFIG="$T/overlap.yaml" expect 78 svc-order new --customer 甲 --phone 1 --address x --kind gov
printf 'rules: {gov: {notice: 8}}\n' >"$T/badrule.yaml"
SVC_CONFIG="$T/badrule.yaml" expect 78 svc-order new --customer 甲 --phone 1 --address x --kind gov
SVC_CONFIG="$T/deep.yaml" expect 78 svc-order new --customer 甲 --phone 1 --address x --kind gov
check_same "$(svc-staff list --all | wc -l)" 8 "the staff table is still there and whole"
done_testing

#!/bin/sh
# demo.sh [BINDIR] - one working day of svc, told as a short story, on a
# temporary database: a district service center's home visits, a property
# company's paid cleaning and an after-sales repair team.  The commands
# are shown as they run; the clock is SVC_NOW, moved as the day goes on.
set -e
here=$(cd "$(dirname "$0")" && pwd)
[ -n "${1:-}" ] && PATH="$(cd "$1" && pwd):$PATH"
export PATH
demo=$(mktemp -d "${TMPDIR:-/tmp}/svc-demo.XXXXXX")
export SVC_DB="$demo/svc.db"
export SVC_CONFIG="${SVC_CONFIG:-$here/config.yaml}"
export SVC_USER=zhou

# The story in bold on a terminal; plain in a pipe or under NO_COLOR.
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
	bold=$(printf '\033[1m') plain=$(printf '\033[0m')
else
	bold= plain=
fi

# The story in the reader's language (po/zh_CN.po, as svc's messages),
# English where there is no catalogue or no gettext(1).
export TEXTDOMAIN=svc
if [ -z "${TEXTDOMAINDIR:-}" ]; then
	for d in "${1:-.}/../locale" "$here/../locale"; do
		[ -d "$d" ] && { TEXTDOMAINDIR=$(cd "$d" && pwd); break; }
	done
	[ -n "${TEXTDOMAINDIR:-}" ] && export TEXTDOMAINDIR
fi
command -v gettext >/dev/null 2>&1 || gettext() { printf '%s' "$1"; }

# A part of the story, its lines in bold, after a blank line.
say() {
	echo
	gettext "$1" | while IFS= read -r line || [ -n "$line" ]; do
		printf '%s%s%s\n' "$bold" "$line" "$plain"
	done
}

# at TIME: the clock of the story.
at() {
	SVC_NOW="2026-12-01 $1"
	export SVC_NOW
	printf '\n%s--- %s ---%s\n' "$bold" "$1" "$plain"
}

# show CMD...: print the command, then run it.
show() {
	printf '$ %s\n' "$*"
	"$@"
}

# as LOGIN CMD...: the same, acting as LOGIN.
as() {
	who=$1
	shift
	printf '$ SVC_USER=%s %s\n' "$who" "$*"
	SVC_USER=$who "$@"
}

at 07:30
say "Tuesday 1 December 2026.  The district service center, the property
company and the after-sales team share one svc database, made once."
show svc-db init
printf '$ svc-staff import staff.yaml\n'
svc-staff import "$here/staff.yaml" -q | tr '\n' ' '
echo
show svc-staff directory -o table
printf '6901234567890,BCD-216,"海尔冰箱, 双门",2026-03-02,12\n' |
    { echo barcode,model,name,sold_on,warranty_months; cat; } >"$demo/products.csv"
show svc-product import "$demo/products.csv" -q

at 08:10
say "Requests arrive: by phone for an elderly man's pension check (G1, G2),
at the property office for a cleaning (C1), at the window for a repair."
show svc-order new --customer 李大爷 --phone 13900000001 \
    --address 朝阳区建国路88号3单元501 --service gov-pension --group elderly \
    --channel phone
show svc-order new --customer 张阿姨 --phone 13900000002 \
    --address 海淀区学院路5号 --service clean-daily --service clean-glass:6 \
    --channel office
show svc-order new --customer 赵先生 --phone 13900000003 \
    --address 西城区阜成门外大街2号 --service repair-visit --product 6901234567890 \
    --fault 冰箱不制冷 --channel window
show svc-order new --customer 孙奶奶 --phone 13900000004 \
    --address 东城区北新桥1号 --service gov-senior-card --group elderly \
    --channel window
say "A request left from last Friday is still waiting.  The nightly check
would have caught it:"
SVC_NOW="2026-11-27 16:00" svc-order new --customer 吴先生 --phone 13900000005 \
    --address 丰台区 --service gov-medical --group disabled --channel phone -q >/dev/null
show svc-report overdue -o table

at 08:40
say "The windows reply.  Each accepted visit gets its time and every document
at once (G6); the late reply is recorded as late, never refused (G5)."
show svc-order accept 1 --at 10:00
show svc-order accept 2 --at 13:30
show svc-order accept 3 --at 09:30
show svc-order accept 4 --at 15:00
show svc-order accept 5 --at 14:00
show svc-order notice 1

at 08:50
say "The dispatcher's morning (C2): the plan first, then the real thing."
show svc-assign auto --on today -n
show svc-assign auto --on today
show svc-assign agenda li -o table

at 09:00
say "The car for the 14:00 visit will be in the garage: the applicant is
phoned now, 5 hours ahead, less than the 8 hours G9 asks.  The move
is made and recorded as short notice."
show svc-assign move 5 --at 16:30 --reason 车辆故障

at 09:25
say "The repairman is at the door early (G8), checks the fridge: no
warranty card, but the barcode says it is covered (A5)."
as chen svc-visit arrive 3
as chen svc-visit start 3
as chen svc-visit check 3 --no-voucher --barcode 6901234567890 --parts-ok
say "It cannot be fixed here: the compressor goes to the workshop (A8)."
as chen svc-visit takeback 3 --reason 压缩机需返厂维修 --return-by 2026-12-08

at 09:55
say "The pension visit: on time, done, signed (A10)."
as li svc-visit arrive 1
as li svc-visit start 1
as li svc-visit done 1 --signed-by 李大爷 --rating 5 --comment 服务周到

at 13:00
say "The cleaning was planned for sun, who is held up; the dispatcher
sends wang instead (C2).  A visit counts for who makes it: had wang
gone unannounced, his arrival would have been refused."
show svc-assign to wang 2

at 13:25
say "The cleaner starts, and at the customer's request stops for her
afternoon rest (A9), back at 15:30: the first visit ends there."
as wang svc-visit arrive 2
as wang svc-visit start 2
as wang svc-visit suspend 2 --reason 客户午休 --resume-at 15:30

at 15:00
say "At 15:00 the worker for the senior card stands at a closed door."
as li svc-visit arrive 4
as li svc-visit contact 4 --unreachable --note 电话无人接听

at 15:30
say "Back at 15:30: the second visit of the cleaning."
as wang svc-visit resume 2
as wang svc-visit done 2 --signed-by 张阿姨 --rating 4
say "The cleaning is paid on site, in cash, with a receipt (C4, A11)."
as wang svc-pay bill 2 -o table
as wang svc-pay collect 2 --amount 168
as wang svc-pay receipt R2026-000001 --width 32

at 15:32
say "A kitchen cleaning comes in by phone for the late afternoon; it is done
at 17:30, and the customer will pay at the finance office tomorrow."
show svc-order new --customer 钱女士 --phone 13900000006 \
    --address 海淀区中关村南大街3号 --service clean-kitchen --channel phone
show svc-order accept 6 --at 16:00
as sun svc-assign to wang 6

at 15:35
say "The no-show sweep runs every five minutes from cron (G10).  At 15:30
the senior-card applicant was absent and unreachable 30 minutes."
show svc-visit noshow --apply

at 16:00
as wang svc-visit arrive 6
as wang svc-visit start 6
at 17:30
as wang svc-visit done 6 --signed-by 钱女士 --rating 5

at 17:40
say "Evening.  Finance takes the cash over (C4); the complaints office
hears from Mr Zhao, whose fridge is gone for a week (G11)."
as qian svc-pay handover wang --counted 168
as wu svc-complaint new --order 3 --text 冰箱要返厂一周，希望提供临时冰箱

at 17:45
say "The compressor is back from the workshop sooner than promised; the
customer asks for the fridge tonight.  The return visit (A8) is
booked as a move and made as visit 2, five minutes late."
show svc-assign move 3 --at 18:00 --by applicant --reason 客户要求今晚送回
at 18:05
as chen svc-visit arrive 3
as chen svc-visit start 3
as chen svc-visit done 3 --signed-by 赵先生 --rating 4
show svc-order show 3 -o table

at 18:30
say "The cleaner reports the afternoon to the supervisor, who accepts it
(C5); the cleaning still waits for its return call (回访)."
as wang svc-visit report 2 --note 客户午休后继续，玻璃六扇已清洁，收现金168元
as sun svc-visit review 2 --ok

say "The checks the admins script, and the day in numbers."
show svc-report notice -o table
show svc-report noshow -o table
show svc-report late -o table
show svc-report workload -o table
show svc-report complaints -o table
show svc-report summary --by kind -o table
show svc-report revenue --by method -o table
show svc-pay due -o table

say "Friday: three working days on, the property office calls Ms Zhang
back.  Paid, the cash with finance, reviewed and called back, the
cleaning is closed."
SVC_NOW="2026-12-04 16:00"
export SVC_NOW
printf '\n%s--- %s ---%s\n' "$bold" "$(gettext 'Friday 4 December, 16:00')" "$plain"
show svc-report unreviewed -o table
show svc-report followup -o table
show svc-visit followup 2 --reached --rating 5 --comment 很满意
show svc-order list --status closed -o table

printf '\n%s\n' "$(gettext 'That was one day.  The demo database is this, to try:')"
cat <<MSG
  $SVC_DB

  export PATH=$(dirname "$(command -v svc-db)"):\$PATH
  export SVC_DB=$SVC_DB SVC_CONFIG=$SVC_CONFIG SVC_NOW='2026-12-01 18:00'
  svc-order show 3
  svc-assign agenda li --on 2026-12-01 -o table
  svc-report query "SELECT at, actor, kind FROM v_event WHERE order_id = 5" -o table
MSG

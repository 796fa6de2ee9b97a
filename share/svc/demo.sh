#!/bin/sh
# demo.sh [BINDIR] - a short demonstration of svc on a temporary database:
# the staff directory, the working calendar, requests and replies.  Later
# parts of svc add the day's dispatch, visits and money to it.
set -e
here=$(cd "$(dirname "$0")" && pwd)
[ -n "${1:-}" ] && PATH="$(cd "$1" && pwd):$PATH"
export PATH
demo=$(mktemp -d "${TMPDIR:-/tmp}/svc-demo.XXXXXX")
export SVC_DB="$demo/svc.db"
export SVC_CONFIG="${SVC_CONFIG:-$here/config.yaml}"
export SVC_NOW="${SVC_NOW:-2026-09-30 16:00}"
export SVC_USER=zhou

# The story in bold on a terminal; plain in a pipe or under NO_COLOR.
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
	bold=$(printf '\033[1m') plain=$(printf '\033[0m')
else
	bold= plain=
fi

# Each argument a line of the story, after a blank line.
say() {
	echo
	for line in "$@"; do
		printf '%s%s%s\n' "$bold" "$line" "$plain"
	done
}

show() {
	printf '$ %s\n' "$*"
	"$@"
}

say "It is $SVC_NOW, a Wednesday, the day before the National Day week." \
    "A district service center opens its database and loads its roster."
show svc-db init -o table
printf '$ svc-staff import staff.yaml\n'
svc-staff import "$here/staff.yaml" -q | tr '\n' ' '
echo
show svc-staff directory -o table

say "Rule G3: every window's service phone is published.  Who goes to the door?"
show svc-staff list --role worker -o table

say "A request for a home visit arrives now.  The window must reply within" \
    "one working day (G5).  When is that?"
show svc-cal add now 1wd -o table

say "Not tomorrow: 1 to 7 October are holidays, and Saturday the 10th is worked."
show svc-cal days 2026-09-30 2026-10-11 -o table

say "Is tomorrow a working day?  Scripts ask with the exit status:"
printf '$ svc-cal is tomorrow -q && echo yes || echo no\n'
svc-cal is tomorrow -q && echo yes || echo no

say "Three requests arrive: an elderly man by phone, a cleaning by the property" \
    "office, a repair at the window.  Each is registered with its reply deadline."
show svc-order new --customer 李大爷 --phone 13900000001 \
    --address 朝阳区建国路88号3单元501 --service gov-pension --group elderly
show svc-order new --customer 张阿姨 --phone 13900000002 --address 海淀区学院路5号 \
    --service clean-daily --service clean-glass:12 --channel office
show svc-order new --customer 赵先生 --phone 13900000003 --address 西城区阜成门 \
    --service repair-visit --fault 冰箱不制冷 --channel window
show svc-order list -o table

say "The window accepts the home visit for after the holiday and sends the notice:" \
    "the time, the address and every document at once (G6)."
show svc-order accept 1 --at "2026-10-09 10:00"
show svc-order notice 1

say "The cleaning cannot be done before the holiday; the office says so, with a reason."
show svc-order refuse 2 --reason "节前保洁已排满，请节后再约"

say "Wang leaves the cleaning team.  Nobody is deleted: history refers to people."
show svc-staff disable wang
show svc-staff show wang -o table

cat <<MSG

The demo database is $SVC_DB.  Try:

  export PATH=$(dirname "$(command -v svc-db)"):\$PATH
  export SVC_DB=$SVC_DB SVC_CONFIG=$SVC_CONFIG
  svc-order list -o table
  svc-order show 1
  svc-cal days today +14d -o table
  sqlite3 -readonly \$SVC_DB 'SELECT * FROM v_event'
MSG

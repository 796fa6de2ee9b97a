#!/bin/sh
# demo.sh [BINDIR] - a short demonstration of svc on a temporary database:
# the working calendar and the staff directory.  Later parts of svc add the
# day's orders, visits and money to it.
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

say() {
	printf '\n%s%s%s\n' "$bold" "$*" "$plain"
}

show() {
	printf '$ %s\n' "$*"
	"$@"
}

say "It is $SVC_NOW, a Wednesday, the day before the National Day week."
say "A district service center opens its database and loads its roster."
show svc-db init -o table
printf '$ svc-staff import staff.yaml\n'
svc-staff import "$here/staff.yaml" -q | tr '\n' ' '
echo
show svc-staff directory -o table

say "Rule G3: every window's service phone is published.  Who goes to the door?"
show svc-staff list --role worker -o table

say "A request for a home visit arrives now.  The window must reply within"
say "one working day (G5).  When is that?"
show svc-cal add now 1wd -o table

say "Not tomorrow: 1 to 7 October are holidays, and Saturday the 10th is worked."
show svc-cal days 2026-09-30 2026-10-11 -o table

say "Is tomorrow a working day?  Scripts ask with the exit status:"
printf '$ svc-cal is tomorrow -q && echo yes || echo no\n'
svc-cal is tomorrow -q && echo yes || echo no

say "Wang leaves the cleaning team.  Nobody is deleted: history refers to people."
show svc-staff disable wang
show svc-staff show wang -o table

cat <<MSG

The demo database is $SVC_DB.  Try:

  export PATH=$(dirname "$(command -v svc-db)"):\$PATH
  export SVC_DB=$SVC_DB SVC_CONFIG=$SVC_CONFIG
  svc-staff list --all -o table
  svc-cal days today +14d -o table
  sqlite3 -readonly \$SVC_DB 'SELECT * FROM v_event'
MSG

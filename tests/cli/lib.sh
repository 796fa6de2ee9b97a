# lib.sh - the harness of the CLI tests: a temporary database, SVC_NOW,
# a home that is not the user's, and TAP output.  Each test says which
# rule it checks.
#
#   run CMD...            run, keeping stdout, stderr and the status
#   check_rc N DESC       the last run exited N
#   check_out TEXT DESC   its stdout was exactly TEXT
#   check_err TEXT DESC   its stderr was one line containing TEXT
#   check_same A B DESC   two strings are equal
#   unchanged DESC CMD... CMD changes nothing in the database
#   as LOGIN CMD...       CMD as that member of staff
set -u
T=$(mktemp -d "${TMPDIR:-/tmp}/svc-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT
PATH="$B/bin:$PATH"
HOME="$T/home"
mkdir -p "$HOME"
unset XDG_CONFIG_HOME XDG_DATA_HOME NO_COLOR TZ COLUMNS LANG LANGUAGE LC_ALL LC_MESSAGES
# The catalogues this build made (i18n.c); the C locale unless a test asks.
export TEXTDOMAINDIR="$B/locale"
export PATH HOME
export SVC_CONFIG="$TOP/share/svc/config.yaml"
export SVC_DB="$T/svc.db"
export SVC_NOW="2026-11-26 10:00"
export SVC_USER=zhou
n=0
# The schema version this build creates: bumped by each new migration.
SCHEMA=18
# Only svc-db init creates a database; a test file that tests creation
# itself sets NO_INIT=1 before it sources this.
if [ "${NO_INIT:-0}" != 1 ]; then
	svc-db init -q >/dev/null || { echo "Bail out! svc-db init"; exit 1; }
fi

# as LOGIN CMD...: run CMD as that person (the tests run as root, who may
# act for anyone: acting.c).  The desk work of a test written from a
# worker's side is done "as zhou", the admin and dispatcher.
as() {
	_as=$1
	shift
	SVC_USER=$_as "$@"
}

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	shift
	for line in "$@"; do
		echo "#   $line"
	done
}

run() {
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	out=$(cat "$T/out")
	err=$(cat "$T/err")
}

check_rc() {
	if [ "$rc" -eq "$1" ]; then ok "$2"; else
		not_ok "$2" "exit $rc, want $1" "stderr: $err"
	fi
}

check_out() {
	if [ "$out" = "$1" ]; then ok "$2"; else
		not_ok "$2" "got:  $(printf '%s' "$out" | head -c 600)" \
		    "want: $1" "stderr: $err"
	fi
}

check_err() {
	lines=$(printf '%s\n' "$err" | wc -l)
	case "$err" in
	*"$1"*)
		if [ "$lines" -eq 1 ]; then ok "$2"; else
			not_ok "$2" "stderr is $lines lines: $err"
		fi ;;
	*) not_ok "$2" "stderr: $err" "want: $1" ;;
	esac
}

check_same() {
	if [ "$1" = "$2" ]; then ok "$3"; else
		not_ok "$3" "got:  $1" "want: $2"
	fi
}

dump() {
	sqlite3 "$SVC_DB" .dump 2>/dev/null
}

# The command fails and the database is byte for byte as it was.
unchanged() {
	desc=$1
	shift
	before=$(dump)
	run "$@"
	after=$(dump)
	if [ "$before" = "$after" ]; then ok "$desc: nothing written"; else
		not_ok "$desc: nothing written" "the dump changed"
	fi
}

done_testing() {
	echo "1..$n"
}

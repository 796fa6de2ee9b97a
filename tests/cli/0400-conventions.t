# What every command shares (DESIGN section 3): options, formats, config,
# exit statuses, a checked stdout.
. "$TOP/tests/cli/lib.sh"

for c in svc-db svc-cal svc-staff; do
	run $c --help
	check_rc 0 "$c --help exits 0"
	case "$out" in
	"usage: $c "*) ok "$c --help starts with its usage" ;;
	*) not_ok "$c --help starts with its usage" "$out" ;;
	esac
	run $c --version
	check_out "$c 0.1.0" "$c --version"
	run $c
	check_rc 64 "$c without a verb: usage, exit 64"
done
run svc-staff list --help
case "$out" in
"usage: svc-staff list "*"--all"*) ok "a verb's --help shows its options" ;;
*) not_ok "a verb's --help shows its options" "$out" ;;
esac

# Common options before the verb.
run svc-cal -o json is 2026-12-01
check_out '{"date":"2026-12-01","weekday":"tue","kind":"workday","name":null}' \
    "common options may stand before the verb"

# stdout is checked: a full disk is an error, not a silent loss.
svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
if [ -w /dev/full ]; then
	run sh -c 'svc-staff list >/dev/full'
	check_rc 74 "list >/dev/full fails with 74"
	check_err "write error" "and says so"
fi

# Configuration errors: file:line:column, exit 78, nothing written.
printf 'timezone: Asia/Shanghai\nrules:\n  gov: {reply_witin: 1wd}\n' >"$T/typo.yaml"
SVC_CONFIG="$T/typo.yaml" unchanged "a config typo" svc-staff add ma --name 马
check_rc 78 "an unknown config key: exit 78"
check_err "typo.yaml:3:9: unknown key 'reply_witin'" "positioned"
printf 'timezone: UTC\ntimezone: UTC\n' >"$T/dup.yaml"
SVC_CONFIG="$T/dup.yaml" run svc-cal is
check_rc 78 "a duplicate config key: exit 78"
check_err "dup.yaml:2:1: duplicate key 'timezone'" "positioned"
printf 'timezone: Mars/Olympus\n' >"$T/tz.yaml"
SVC_CONFIG="$T/tz.yaml" run svc-cal is
check_rc 78 "an unknown timezone: exit 78"
SVC_CONFIG="$T/missing.yaml" run svc-cal is
check_rc 78 "a missing config named by SVC_CONFIG: exit 78"
run svc-cal -c "$T/missing.yaml" is
check_rc 78 "a missing config named by -c: exit 78"

# The built-in defaults apply only when asked for (-c :builtin), and the
# calendar says that it has no holiday data.
SVC_CONFIG=:builtin sh -c 'svc-cal is 2026-10-01' >"$T/out" 2>"$T/err"
rc=$?
check_same "$rc" 0 "built-in defaults: 2026-10-01 is a weekday"
case "$(cat "$T/err")" in
*"no holiday data for 2026"*) ok "and a warning says the year has no data" ;;
*) not_ok "and a warning says the year has no data" "$(cat "$T/err")" ;;
esac

# The database location: -d, else SVC_DB, else XDG_DATA_HOME.
run svc-db init -d "$T/other.db"
check_out "$T/other.db	$SCHEMA" "-d wins over SVC_DB"
env -u SVC_DB XDG_DATA_HOME="$T/xdg" svc-db init >"$T/out" 2>&1
check_same "$(cat "$T/out")" "$T/xdg/svc/svc.db	$SCHEMA" "XDG_DATA_HOME/svc/svc.db by default"
env -u SVC_DB svc-db init >"$T/out" 2>&1
check_same "$(cat "$T/out")" "$HOME/.local/share/svc/svc.db	$SCHEMA" \
    "else ~/.local/share/svc/svc.db (here a temporary HOME)"

# A database the user cannot write: a clear message, exit 74.
if [ "$(id -u)" != 0 ]; then
	chmod 444 "$SVC_DB"
	run svc-staff add ma --name 马
	check_rc 74 "a read-only database: exit 74"
	chmod 644 "$SVC_DB"
fi

# A read-only file system (a mount namespace with a read-only bind
# mount, where unshare is allowed; root ignores file modes otherwise):
# writes fail with 74 and say why, reads still work.
mkdir -p "$T/ro"
SVC_DB="$T/ro/svc.db" svc-db init -q >/dev/null
SVC_DB="$T/ro/svc.db" svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
if unshare -m true 2>/dev/null; then
	unshare -m sh -c '
		mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 9
		SVC_DB="$1/svc.db" svc-staff add ma --name 马 2>"$1.err1"; echo $? >"$1.rc1"
		SVC_DB="$1/svc.db" svc-staff list >"$1.out2" 2>&1; echo $? >"$1.rc2"
		SVC_DB="$1/new.db" svc-db init 2>"$1.err3"; echo $? >"$1.rc3"
	' sh "$T/ro"
	check_same "$(cat "$T/ro.rc1")" 74 "a read-only file system: a write exits 74"
	case "$(cat "$T/ro.err1")" in *"svc.db: cannot write: Read-only file system"*) ok "and says why";;
	*) not_ok "and says why" "$(cat "$T/ro.err1")";; esac
	check_same "$(cat "$T/ro.rc2") $(wc -l <"$T/ro.out2")" "0 8" "reads still work there"
	check_same "$(cat "$T/ro.rc3")" 74 "a database cannot be created in a read-only directory"
	case "$(cat "$T/ro.err3")" in *"cannot write in"*"Read-only file system"*) ok "and says where";;
	*) not_ok "and says where" "$(cat "$T/ro.err3")";; esac
else
	for d in "write exits 74" "says why" "reads work" "no creation" "says where"; do
		ok "read-only file system: $d # SKIP no mount namespace here"
	done
fi

# Busy past the timeout: exit 75, retry later; nothing written.
# The holder waits for the lock itself: a probe below may hold it a moment.
# On PostgreSQL the writers' lock is the advisory lock svc_db_begin takes.
if pg; then
	(printf 'BEGIN; SELECT pg_advisory_xact_lock(7566947);\n'; sleep 4
	    printf 'ROLLBACK;\n') | psql -X -q -d "$SVC_DB" >/dev/null &
	probe() {
		[ "$(q "SELECT pg_try_advisory_lock(7566947),
		    pg_advisory_unlock_all()" | cut -d'|' -f1)" = 1 ]
	}
else
	(printf '.timeout 5000\nBEGIN IMMEDIATE;\n'; sleep 4; printf 'ROLLBACK;\n') | sqlite3 "$SVC_DB" &
	probe() {
		sqlite3 -cmd ".timeout 0" "$SVC_DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null
	}
fi
# Wait until the other writer really holds the lock (a loaded machine is slow).
i=0
while [ $i -lt 50 ] && probe; do
	sleep 0.1
	i=$((i + 1))
done
SVC_BUSY_MS=100 run svc-staff add ma --name 马
check_rc 75 "another writer holds the database: exit 75"
check_err "busy" "and says to retry"
wait
run svc-staff list --all
case "$out" in
*ma*) not_ok "the busy add wrote nothing" ;;
*) ok "the busy add wrote nothing" ;;
esac
done_testing

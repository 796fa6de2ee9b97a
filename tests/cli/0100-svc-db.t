# svc-db: create, check, back up the database (G4: the archive survives).
. "$TOP/tests/cli/lib.sh"

run svc-db init
check_rc 0 "init creates the database"
check_out "$SVC_DB	$SCHEMA" "init prints path and schema version (tsv)"
run sqlite3 "$SVC_DB" "PRAGMA journal_mode"
check_out "wal" "the database is in WAL mode"

run svc-db init -o json
check_out "{\"path\":\"$SVC_DB\",\"schema\":$SCHEMA}" "init again is a no-op; json"

run svc-db check
check_rc 0 "check on a fresh database"
check_out "" "check prints no problem"
check_err "ok" "check says ok on stderr"
run svc-db check -q
check_same "$err" "" "-q silences the note"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
run svc-db backup "$T/copy.db"
check_rc 0 "backup"
run sqlite3 "$T/copy.db" "SELECT count(*) FROM staff"
check_out 8 "the backup holds the staff"
SVC_DB="$T/copy.db" run svc-db check
check_rc 0 "the backup checks clean"

# A backup into a directory that does not exist fails, leaving nothing.
run svc-db backup "$T/nowhere/copy.db"
check_rc 74 "backup to a missing directory: exit 74"
check_err "nowhere" "and says where"

# C3: a done order's kept balance is what v_balance computes; a kept
# balance changed behind svc's back is found.
id=$(svc-order new --customer 甲 --phone 13900000001 --address x --service clean-daily -q)
sqlite3 "$SVC_DB" "UPDATE orders SET status = 'done' WHERE id = $id"
run svc-db check
check_rc 0 "a done order keeps its balance: check is clean"
sqlite3 "$SVC_DB" "UPDATE orders SET balance = 1 WHERE id = $id"
run svc-db check
check_rc 1 "a kept balance that disagrees: exit 1"
check_out "balance	$id	1	12000" "the order, kept and computed, on stdout"
sqlite3 "$SVC_DB" "UPDATE orders SET balance = 12000 WHERE id = $id"

# G4: the history cannot be rewritten behind svc's back without check
# noticing a broken reference.
sqlite3 "$SVC_DB" "PRAGMA foreign_keys=OFF; UPDATE staff SET dept_id = 99 WHERE login = 'li'"
run svc-db check
check_rc 1 "check finds a broken reference: exit 1"
case "$out" in
foreign_key*) ok "the problem is printed on stdout" ;;
*) not_ok "the problem is printed on stdout" "$out" ;;
esac

SVC_DB="$T/none.db" run svc-db check
check_rc 66 "check on a missing database: exit 66"
[ ! -e "$T/none.db" ] && ok "and does not create it" || not_ok "and does not create it"

sqlite3 "$T/new.db" "PRAGMA user_version = 99"
SVC_DB="$T/new.db" run svc-db init
check_rc 65 "a database newer than svc is refused"
check_err "newer" "with a clear message"

run svc-db frobnicate
check_rc 64 "unknown verb: exit 64"
run svc-db backup
check_rc 64 "backup without FILE: usage"
done_testing

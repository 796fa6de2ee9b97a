# svc-db: create, check, back up the database (G4: the archive survives).
NO_INIT=1
. "$TOP/tests/cli/lib.sh"

# Only svc-db init creates a database: every other command, given a path
# with none, exits 66 and says how to make one; nothing is created.
for cmd in "svc-report overdue --check" "svc-visit noshow --apply -q" \
    "svc-order list" "svc-staff list" "svc-pay held" "svc-db check" \
    "svc-db backup $T/b.db" "svc-order new --customer 甲 --phone 1 --address x --service clean-daily"; do
	SVC_DB="$T/tpyo.db" run $cmd
	check_rc 66 "$cmd on a missing database: exit 66"
	check_err "$T/tpyo.db: no database (svc-db init creates one)" \
	    "$cmd says there is none and how to make one"
	[ ! -e "$T/tpyo.db" ] && ok "$cmd creates nothing" ||
	    not_ok "$cmd creates nothing"
done
# The default path too: nothing under the home, not even the directory.
env -u SVC_DB svc-report overdue --check 2>/dev/null
[ ! -e "$HOME/.local/share/svc" ] && ok "the default directory is not made" ||
    not_ok "the default directory is not made"

# A PostgreSQL connection string is never taken for a file name: a server
# that cannot be reached is 74, said, and nothing is made here (issue 20).
mkdir "$T/cwd"
cd "$T/cwd"
for conn in "postgresql://%2Fnonexistent%2Fsock/svc" \
    "postgres://svc@db.invalid/svc" "host=db.invalid dbname=svc"; do
	SVC_DB="$conn" run svc-db init
	check_rc 74 "svc-db init -d '$conn': exit 74"
	check_err "$conn: cannot connect: " "and says it cannot connect"
	check_same "$(ls -A)" "" "nothing made for '$conn'"
done
# A password in the connection string is never printed (libpq reads it
# from there, or better from ~/.pgpass).
for conn in "postgresql://zhou:s3cret@db.invalid/svc" \
    "postgresql://zhou@db.invalid/svc?password=s3cret&sslmode=require" \
    "host=db.invalid password='s3 \\' cret' dbname=svc" \
    "host=db.invalid password = s3cret dbname=svc"; do
	SVC_DB="$conn" run svc-order list
	case "$err" in
	*s3*|*cret*) not_ok "no password in: $err" ;;
	*"***"*) ok "the password is *** in the message: $err" ;;
	*) not_ok "the password is *** in the message" "$err" ;;
	esac
done
cd "$TOP"

run svc-db init
check_rc 0 "init creates the database"
check_out "$SVC_DB	$SCHEMA" "init prints path and schema version (tsv)"
if pg; then
	skip 1 "WAL is SQLite's"
else
	run sqlite3 "$SVC_DB" "PRAGMA journal_mode"
	check_out "wal" "the database is in WAL mode"
fi

run svc-db init -o json
check_out "{\"path\":\"$SVC_DB\",\"schema\":$SCHEMA}" "init again is a no-op; json"

run svc-db check
check_rc 0 "check on a fresh database"
check_out "" "check prints no problem"
check_err "ok" "check says ok on stderr"
run svc-db check -q
check_same "$err" "" "-q silences the note"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
if pg; then
	# The server's own tools back it up; svc does not pretend to.
	run svc-db backup "$T/copy.db"
	check_rc 78 "backup of a PostgreSQL database: exit 78"
	check_err "pg_dump" "and says which tool does it"
	[ ! -e "$T/copy.db" ] && ok "nothing written" || not_ok "nothing written"
	skip 2 "a backup file is SQLite's"
else
	run svc-db backup "$T/copy.db"
	check_rc 0 "backup"
	run sqlite3 "$T/copy.db" "SELECT count(*) FROM staff"
	check_out 8 "the backup holds the staff"
	SVC_DB="$T/copy.db" run svc-db check
	check_rc 0 "the backup checks clean"

	# A backup into a directory that does not exist fails, leaving
	# nothing.
	run svc-db backup "$T/nowhere/copy.db"
	check_rc 74 "backup to a missing directory: exit 74"
	check_err "nowhere" "and says where"
fi

# C3: a done order's kept balance is what v_balance computes; a kept
# balance changed behind svc's back is found.
id=$(svc-order new --customer 甲 --phone 13900000001 --address x --service clean-daily -q)
q "UPDATE orders SET status = 'done' WHERE id = $id"
run svc-db check
check_rc 0 "a done order keeps its balance: check is clean"
q "UPDATE orders SET balance = 1 WHERE id = $id"
run svc-db check
check_rc 1 "a kept balance that disagrees: exit 1"
check_out "balance	$id	1	12000" "the order, kept and computed, on stdout"
q "UPDATE orders SET balance = 12000 WHERE id = $id"

# G4: the history cannot be rewritten behind svc's back without check
# noticing a broken reference.
behind "$SVC_DB" "PRAGMA foreign_keys=OFF; UPDATE staff SET dept_id = 99 WHERE login = 'li'"
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

# A new database, its WAL and every backup are private: 0600, or 0660 in a
# group-shared (setgid) directory, never wider than the umask allows; a
# backup keeps its source's mode.
mode() { stat -c %a "$1"; }
# (the WAL, which SQLite makes with the database's mode, is checked open
# in test_db: it is gone once the last connection closes)
(umask 022; SVC_DB="$T/m.db" svc-db init -q >/dev/null)
check_same "$(mode "$T/m.db")" 600 "a new database is 0600 under umask 022"
mkdir "$T/shared" && chmod 2770 "$T/shared"
(umask 002; SVC_DB="$T/shared/s.db" svc-db init -q >/dev/null)
check_same "$(mode "$T/shared/s.db")" 660 "0660 in a setgid directory"
(umask 027; SVC_DB="$T/shared/u.db" svc-db init -q >/dev/null)
check_same "$(mode "$T/shared/u.db")" 640 "and never wider than the umask"
chmod 640 "$T/m.db"
(umask 000; SVC_DB="$T/m.db" svc-db backup "$T/m-copy.db" -q)
check_same "$(mode "$T/m-copy.db")" 640 "a backup keeps its source's mode, whatever the umask"
# A backup killed midway leaves DEST.tmpPID; the next backup clears it.
dead=$(sh -c 'echo $$')
: >"$T/m-copy.db.tmp$dead"
SVC_DB="$T/m.db" svc-db backup "$T/m-copy.db" -q
[ ! -e "$T/m-copy.db.tmp$dead" ] && ok "a killed backup's temporary file is removed by the next" ||
    not_ok "a killed backup's temporary file is removed by the next"

# An older schema is migrated only by init; check reports it untouched.
sqlite3 "$T/old.db" "CREATE TABLE dept (id INTEGER PRIMARY KEY); PRAGMA user_version = 6"
before=$(sqlite3 "$T/old.db" .dump; sqlite3 "$T/old.db" "PRAGMA user_version")
SVC_DB="$T/old.db" run svc-db check
check_rc 1 "check of an older schema: exit 1"
check_out "schema	schema 6, this svc wants $SCHEMA: run svc-db init" \
    "check says which schema and what to run"
SVC_DB="$T/old.db" run svc-report overdue --check
check_rc 65 "a check on an older schema is refused, not passed: exit 65"
check_err "old.db: schema 6, this svc wants $SCHEMA: run svc-db init" "and says what to run"
SVC_DB="$T/old.db" run svc-staff add ma --name 马
check_rc 65 "a write on an older schema is refused too"
after=$(sqlite3 "$T/old.db" .dump; sqlite3 "$T/old.db" "PRAGMA user_version")
check_same "$after" "$before" "neither check nor the refused commands changed the file"

# On a server, the same: an older schema is refused by every command but
# init, and init migrates from the server's first schema (18) on; before
# that there is nothing to migrate from, said so, nothing changed.
if pg; then
	old=$(copy_db old)
	SVC_DB=$old q "UPDATE svc_schema SET version = 17"
	before=$(SVC_DB=$old dump)
	SVC_DB=$old run svc-report overdue --check
	check_rc 65 "server: a check on an older schema is refused: exit 65"
	check_err "schema 17, this svc wants $SCHEMA: run svc-db init" \
	    "server: and says what to run, as for a file"
	SVC_DB=$old run svc-db check
	check_same "$(printf '%s\n' "$out" | grep '^schema')" \
	    "schema	schema 17, this svc wants $SCHEMA: run svc-db init" \
	    "server: check says which schema"
	SVC_DB=$old run svc-db init
	check_rc 65 "server: init from before the server's first schema: 65"
	check_err "cannot migrate to schema 18: no migration from schema 17" \
	    "server: and says why"
	check_same "$(SVC_DB=$old dump)" "$before" "server: nothing changed"
	SVC_DB=$old q "UPDATE svc_schema SET version = 18"
	SVC_DB=$old run svc-db init
	check_rc 0 "server: init at the schema it wants: 0"
fi	# (a file's: above, old.db)

run svc-db frobnicate
check_rc 64 "unknown verb: exit 64"
run svc-db backup
check_rc 64 "backup without FILE: usage"
done_testing

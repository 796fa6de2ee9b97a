# svc-db copy: an office moved between engines (issue 20; G4: the archive
# survives the move).  The demo day is copied from its SQLite file into a
# new file, onto a PostgreSQL server when there is one (SVC_TEST_PG), and
# back; what the commands print is the same byte for byte on every copy.
# A copy is all or nothing, proved before it is kept.
. "$TOP/tests/cli/lib.sh"

demo=$(demo_db)
export SVC_NOW="2026-12-04 18:00"

run svc-db copy "$demo" "$T/copy.db"
check_rc 0 "a SQLite file copied into a new one"
check_same "$(printf '%s\n' "$out" | grep -c '	')" 25 "every table is named, with its rows"
check_same "$(printf '%s\n' "$out" | grep '^orders	')" "orders	6" "the demo's six orders"
check_err "every table and sealed chain proved" "and says it was proved"

# The commands a day runs and a cron job checks, with what they print.
same_on() {	# same_on DB LABEL: each command prints as on the demo's file
	for c in "svc-order export" "svc-order list" "svc-order list -o json" \
	    "svc-order history 2" "svc-report summary" "svc-report workload" \
	    "svc-report revenue --since 2026-11-01" "svc-report rating" \
	    "svc-report evaluation" "svc-report late" "svc-report unsent" \
	    "svc-report review" "svc-report leave" "svc-staff list" \
	    "svc-notify due" "svc-db verify" "svc-db check"; do
		a=$(SVC_DB=$demo $c 2>&1)
		b=$(SVC_DB=$1 $c 2>&1 | sed "s|$1|$demo|g")
		check_same "$b" "$a" "$2: $c prints the same"
	done
}
same_on "$T/copy.db" "the file's copy"

# Refused, and nothing changed: into a database with rows, onto itself,
# from a database that is not there.
before=$(sqlite3 "$T/copy.db" .dump)
run svc-db copy "$demo" "$T/copy.db"
check_rc 65 "into a database with rows: exit 65"
check_err "not empty" "and says so"
check_same "$(sqlite3 "$T/copy.db" .dump)" "$before" "the copy is as it was"
run svc-db copy "$demo" "$demo"
check_rc 64 "onto itself: exit 64"
run svc-db copy "$T/none.db" "$T/new.db"
check_rc 66 "from nowhere: exit 66"
[ ! -e "$T/new.db" ] && ok "and nothing is made" || not_ok "and nothing is made"
run svc-db copy -n "$demo" "$T/dry.db"
check_rc 0 "-n: copied and proved"
[ ! -e "$T/dry.db" ] && ok "-n keeps nothing" || not_ok "-n keeps nothing"

# A source whose sealed log was edited behind svc's back is not copied:
# the copy's proof finds it, and the file made for it is removed.
cp "$demo" "$T/edited.db"
sqlite3 "$T/edited.db" "UPDATE payment SET amount = 1"
run svc-db copy "$T/edited.db" "$T/from-edited.db"
check_rc 65 "a source whose chain does not follow: exit 65"
check_out "seal	payment	1	the hash does not follow" "the row is named"
[ ! -e "$T/from-edited.db" ] && ok "and nothing is kept" ||
    not_ok "and nothing is kept"

if [ -z "${SVC_TEST_PG:-}" ]; then
	skip 24 "no PostgreSQL server (SVC_TEST_PG; mk/pg-cluster.sh starts one)"
	done_testing
	exit 0
fi
pg=$(pg_new_db copy)
run svc-db copy "$demo" "$pg"
check_rc 0 "the file copied onto a PostgreSQL server"
same_on "$pg" "on the server"
run svc-db copy "$pg" "$T/back.db"
check_rc 0 "and back into a file"
check_same "$(sqlite3 "$T/back.db" "SELECT group_concat(hash, '') FROM event")" \
    "$(sqlite3 "$demo" "SELECT group_concat(hash, '') FROM event")" \
    "the sealed log came back as it left"
run svc-db copy "$demo" "$pg"
check_rc 65 "onto the server again: refused, it has rows"

# A server database that sorts text by a language's rules would list
# logins and names in another order than the file: init refuses it.
if psql -X -q "$SVC_TEST_PG" -c "SET client_min_messages = warning" \
    -c "CREATE DATABASE ${pgdb}_zh2 LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN' LOCALE 'C.UTF-8' TEMPLATE template0" >/dev/null 2>&1; then
	zh="$SVC_TEST_PG dbname=${pgdb}_zh2"
	run svc-db init -d "$zh"
	check_rc 78 "a database sorting by zh-CN's rules: exit 78"
	check_err "sorts text by ICU zh-CN, svc by its bytes: create it with createdb --locale=C.UTF-8" "and says how to make one that does"
	check_same "$(psql -X -At -d "$zh" -c "SELECT count(*) FROM pg_namespace WHERE nspname = 'svc'")" 0 "and makes nothing"
else
	skip 3 "this server has no ICU collations"
fi
done_testing

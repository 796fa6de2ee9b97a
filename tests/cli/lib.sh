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
# A test's databases on a server (SVC_TEST_PG) are named for it, pgdb and
# pgdb_NAME (copy_db, pg_new_db), and dropped at its end.
pgdb=svc_t_$$
cleanup() {
	if [ -n "${SVC_TEST_PG:-}" ]; then
		for _d in $(psql -X -At "$SVC_TEST_PG" -c "SELECT datname FROM
		    pg_database WHERE datname LIKE '$pgdb%'" 2>/dev/null); do
			psql -X -q "$SVC_TEST_PG" \
			    -c "DROP DATABASE $_d WITH (FORCE)" >/dev/null 2>&1
		done
	fi
	rm -rf "$T"
}
trap cleanup EXIT
PATH="$B/bin:$PATH"
HOME="$T/home"
mkdir -p "$HOME"
unset XDG_CONFIG_HOME XDG_DATA_HOME NO_COLOR TZ COLUMNS LANG LANGUAGE LC_ALL LC_MESSAGES
# The catalogues this build made (i18n.c); the C locale unless a test asks.
export TEXTDOMAINDIR="$B/locale"
export PATH HOME
export SVC_CONFIG="$TOP/share/svc/config.yaml"
export SVC_DB="$T/svc.db"

# pg_new_db NAME: an empty database on the server; prints its SVC_DB.
pg_new_db() {
	psql -X -q -v ON_ERROR_STOP=1 "$SVC_TEST_PG" \
	    -c "SET client_min_messages = warning" \
	    -c "DROP DATABASE IF EXISTS ${pgdb}_$1" \
	    -c "CREATE DATABASE ${pgdb}_$1" >/dev/null &&
	    echo "$SVC_TEST_PG dbname=${pgdb}_$1"
}

# make check DB=pg: the same tests on PostgreSQL (issue 20), each file in
# a database of its own on the server SVC_TEST_PG names.
if [ "${SVC_TEST_DB:-sqlite}" = pg ]; then
	SVC_DB=$(pg_new_db main) || { echo "Bail out! CREATE DATABASE"; exit 1; }
fi
export SVC_NOW="2026-11-26 10:00"
export SVC_USER=zhou
n=0
# The schema version this build creates: bumped by each new migration.
SCHEMA=18

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

# demo_db: the demo day (share/svc/demo.sh) made in $T/demo; prints the
# path of its database.
demo_db() {
	mkdir -p "$T/demo"
	TMPDIR="$T/demo" sh "$TOP/share/svc/demo.sh" "$B/bin" >/dev/null 2>&1
	ls "$T"/demo/svc-demo.*/svc.db
}

# pg: whether this run is on PostgreSQL (make check DB=pg).
pg() {
	[ "${SVC_TEST_DB:-sqlite}" = pg ]
}

# q SQL...: the test's database read, or edited behind svc's back, with
# the engine's own shell; rows as sqlite3 prints them, fields by "|".  On
# PostgreSQL a truth prints 1 or 0 (psql's t and f), the SQLite functions
# the tests' own SQL uses are there (pg_shims), and a refusal by the
# schema (SQLSTATE class 23) exits 19, as sqlite3's SQLITE_CONSTRAINT.
q() {
	if pg; then
		_q=
		for _s in "$@"; do _q="$_q$_s;"; done
		psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
		    -d "$SVC_DB options=-csearch_path=svc_test,svc" -c "$_q" \
		    2>"$T/q.err" | awk 'BEGIN { FS = OFS = "|" }
			{ for (i = 1; i <= NF; i++)
				if ($i == "t") $i = 1; else if ($i == "f") $i = 0
			  print }'
		_rc=$?
		[ -s "$T/q.err" ] || return "$_rc"
		cat "$T/q.err" >&2
		grep -q '^ERROR:  23' "$T/q.err" && return 19
		return 1
	else
		sqlite3 -separator '|' "$SVC_DB" "$@"
	fi
}

# SQLite's functions the tests' SQL calls beyond svc's own: datetime() in
# UTC or shifted by hours, strftime('%s', TEXT) and ('%w', x, 'unixepoch'),
# char().  Not svc's schema: the
# test's.
pg_shims() {
	psql -X -q -v ON_ERROR_STOP=1 -d "$SVC_DB" >/dev/null <<-'EOF'
	CREATE SCHEMA svc_test;
	CREATE FUNCTION svc_test.datetime(x bigint, a text) RETURNS text
	  LANGUAGE sql AS $$ SELECT to_char(to_timestamp(x) AT TIME ZONE 'UTC',
	  'YYYY-MM-DD HH24:MI:SS') $$;
	CREATE FUNCTION svc_test.datetime(x bigint, a text, h text)
	  RETURNS text LANGUAGE sql AS $$ SELECT CASE h WHEN 'localtime'
	  THEN to_char(to_timestamp(x), 'YYYY-MM-DD HH24:MI:SS')
	  ELSE to_char((to_timestamp(x) AT TIME ZONE 'UTC') + h::interval,
	  'YYYY-MM-DD HH24:MI:SS') END $$;
	CREATE FUNCTION svc_test.char(VARIADIC c integer[]) RETURNS text
	  LANGUAGE sql AS $$ SELECT string_agg(chr(x), '') FROM unnest(c) AS x $$;
	CREATE FUNCTION svc_test.strftime(f text, x bigint, a text)
	  RETURNS text LANGUAGE sql AS $$ SELECT CASE f WHEN '%w' THEN
	  extract(dow FROM to_timestamp(x) AT TIME ZONE 'UTC')::text END $$;
	CREATE FUNCTION svc_test.strftime(f text, t text) RETURNS bigint
	  LANGUAGE sql AS $$ SELECT extract(epoch FROM
	  (t::timestamp AT TIME ZONE 'UTC'))::bigint $$;
	EOF
}

# copy_db NAME: a copy of the test's database, to edit behind svc's back;
# prints the copy's SVC_DB.
copy_db() {
	if pg; then
		psql -X -q -v ON_ERROR_STOP=1 "$SVC_TEST_PG" \
		    -c "SET client_min_messages = warning" \
		    -c "DROP DATABASE IF EXISTS ${pgdb}_$1" \
		    -c "CREATE DATABASE ${pgdb}_$1 TEMPLATE ${pgdb}_main" \
		    >/dev/null
		echo "$SVC_TEST_PG dbname=${pgdb}_$1"
	else
		rm -f "$T/$1.db"
		svc-db backup "$T/$1.db" -q
		echo "$T/$1.db"
	fi
}

# behind DB SQL: SQL run on DB with the engine's shell, as someone who
# bypasses svc would: SQLite's with the DROP TRIGGERs (and PRAGMA
# foreign_keys=OFF) the SQL begins with; on PostgreSQL, those left out,
# every trigger and reference check is off for the session
# (session_replication_role, a superuser's).
behind() {
	if pg; then
		_sql=$(printf '%s' "$2" |
		    sed 's/DROP TRIGGER [a-z_]*; *//g; s/PRAGMA foreign_keys=OFF; *//')
		SVC_DB=$1 q "SET session_replication_role = replica" "$_sql"
	else
		sqlite3 "$1" "$2"
	fi
}

# skip N WHY: the next N tests do not apply to this engine; say why.
skip() {
	_i=0
	while [ "$_i" -lt "$1" ]; do
		n=$((n + 1))
		_i=$((_i + 1))
		echo "ok $n # SKIP $2"
	done
}

dump() {
	if [ "${SVC_TEST_DB:-sqlite}" = pg ]; then
		# less the key pg_dump draws at random for its \restrict line
		pg_dump -a --inserts -n svc -d "$SVC_DB" 2>/dev/null |
		    grep -v '^\\\(un\)\{0,1\}restrict '
	else
		sqlite3 "$SVC_DB" .dump 2>/dev/null
	fi
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

# Only svc-db init creates a database; a test file that tests creation
# itself sets NO_INIT=1 before it sources this.
if [ "${NO_INIT:-0}" != 1 ]; then
	svc-db init -q >/dev/null || { echo "Bail out! svc-db init"; exit 1; }
	if [ "${SVC_TEST_DB:-sqlite}" = pg ]; then
		pg_shims || { echo "Bail out! pg_shims"; exit 1; }
	fi
fi

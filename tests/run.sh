#!/bin/sh
# tests/run.sh BUILDDIR UNIT... - the whole suite of `make check`: the cmocka
# unit tests, the CLI tests (tests/cli/*.t, TAP), the man-page lint and
# the message catalogue (mk/po-check.sh) and the SQL layer's seam
# (mk/seam-check.sh).
# SVC_TEST_DB=pg (make check DB=pg) runs the CLI tests on PostgreSQL: on
# the server SVC_TEST_PG names, or on a throwaway one started here.
# Ends with one line: "N passed, N failed[, N skipped (why)]".
B=$1
shift
top=$(pwd)
pass=0
fail=0
skipped=0
cli_skipped=0
log=$(mktemp)
pgdir=
trap 'rm -f "$log"; [ -z "$pgdir" ] || sh mk/pg-cluster.sh stop "$pgdir"' EXIT
case ${SVC_TEST_DB:-sqlite} in
sqlite) ;;
pg)
	if [ -z "${SVC_TEST_PG:-}" ]; then
		pgdir=$(mktemp -d /tmp/svc-pg.XXXXXX)
		SVC_TEST_PG=$(sh mk/pg-cluster.sh start "$pgdir") || exit 1
		export SVC_TEST_PG
	fi
	echo "CLI tests on PostgreSQL ($SVC_TEST_PG)"
	;;
*)
	echo "DB=$SVC_TEST_DB: want sqlite or pg" >&2
	exit 64
	;;
esac
export SVC_TEST_DB=${SVC_TEST_DB:-sqlite}

count() {	# count PASSED FAILED NAME
	pass=$((pass + $1))
	fail=$((fail + $2))
	printf '%-28s %4d passed, %d failed\n' "$3" "$1" "$2"
}

for t in "$@"; do
	"$t" >"$log" 2>&1 </dev/null
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log")
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log")
	p=${p:-0}
	f=${f:-0}
	skipped=$((skipped + ${s:-0}))
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	[ "$f" -ne 0 ] && cat "$log"
	count "$p" "$f" "unit $(basename "$t")"
done

for f in tests/fuzz/corpus/*; do
	t=$(basename "$f")
	"$B/tests/replay_$t" "$f"/* >"$log" 2>&1 </dev/null
	if [ $? -eq 0 ]; then count "$(ls "$f" | wc -l)" 0 "fuzz corpus $t"
	else cat "$log"; count 0 1 "fuzz corpus $t"; fi
done

for t in tests/cli/*.t; do
	B="$top/$B" TOP="$top" sh "$t" >"$log" 2>&1 </dev/null
	rc=$?
	# a test that does not apply here says so: "ok N # SKIP why"
	s=$(grep -c '^ok .*# SKIP' "$log")
	cli_skipped=$((cli_skipped + s))
	p=$(($(grep -c '^ok ' "$log") - s))
	f=$(grep -c '^not ok ' "$log")
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	[ "$f" -ne 0 ] && grep -v '^ok ' "$log"
	count "$p" "$f" "cli $(basename "$t" .t)"
done

p=0
f=0
for m in man/man*/*.[1-9]; do
	if mandoc -Tlint -W warning "$m" >"$log" 2>&1; then
		p=$((p + 1))
	else
		f=$((f + 1))
		cat "$log"
	fi
done
count "$p" "$f" "man lint"

sh mk/po-check.sh >"$log" 2>&1
grep -v '^ok ' "$log"
count "$(grep -c '^ok ' "$log")" "$(grep -c '^not ok' "$log")" "po catalogue"

sh mk/seam-check.sh >"$log" 2>&1
grep -v '^ok ' "$log"
count "$(grep -c '^ok ' "$log")" "$(grep -c '^not ok' "$log")" "sql layer"

# What was skipped is said, not passed: the unit cases skipped are the
# SQL layer's on PostgreSQL, without a server to run them on; a CLI test
# skipped says why in its log ("# SKIP").
why=
[ "$skipped" -gt 0 ] && why="$skipped PostgreSQL unit cases: no SVC_TEST_PG; mk/pg-cluster.sh starts a server"
[ "$cli_skipped" -gt 0 ] && why="${why:+$why; }$cli_skipped CLI tests that do not apply here, each with its # SKIP reason"
total=$((skipped + cli_skipped))
if [ "$total" -gt 0 ]; then
	echo "$pass passed, $fail failed, $total skipped ($why)"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]

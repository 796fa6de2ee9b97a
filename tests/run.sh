#!/bin/sh
# tests/run.sh BUILDDIR UNIT... - the whole suite of `make check`: the cmocka
# unit tests, the CLI tests (tests/cli/*.t, TAP), the man-page lint and
# the message catalogue (mk/po-check.sh) and the SQL layer's seam
# (mk/seam-check.sh).
# Ends with one line: "N passed, N failed".
B=$1
shift
top=$(pwd)
pass=0
fail=0
skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

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
	p=$(grep -c '^ok ' "$log")
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

# The only cases skipped are the SQL layer's on PostgreSQL, without a
# server to run them on: the summary says so rather than pass them.
if [ "$skipped" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skipped skipped (PostgreSQL: no SVC_TEST_PG; mk/pg-cluster.sh starts a server)"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]

# Every read verb answers from what its answer needs (issue 16): each
# statement a command prepares is shown by SVC_EXPLAIN=1 with its plan,
# and none reads the whole of orders, visits, payments, moves or events
# unless the verb is about all of them (each such scan listed here, with
# why).  On the demo's day, without ANALYZE: the plans SQLite makes with
# no statistics are the ones a new office gets.  A new read verb is a new
# row below.
NO_INIT=1
. "$TOP/tests/cli/lib.sh"

TMPDIR="$T" sh "$TOP/share/svc/demo.sh" "$B/bin" >/dev/null 2>&1 ||
    echo "Bail out! the demo did not run"
SVC_DB=$(ls -d "$T"/svc-demo.*/svc.db)
export SVC_DB SVC_NOW="2026-12-04 18:00"

# The tables whose scan grows with history, under their aliases in svc's
# SQL; a scan of a small table (dept, staff, the catalogue) is fine.
BIG='^plan	SCAN (orders|o|visit|v|payment|p|move|m|event|e|outbox|x|complaint|conduct|k|contact|t)( |$)'

reads() {	# reads ALLOWED CMD...: every plan of CMD, ALLOWED scans aside
	allowed=$1
	shift
	SVC_EXPLAIN=1 "$@" >/dev/null 2>"$T/plans"
	rc=$?
	stmts=$(grep -c '^sql' "$T/plans")
	bad=$(grep -E "$BIG" "$T/plans" | grep -Ev "${allowed:-^$}")
	if [ "$rc" -gt 1 ]; then
		not_ok "$*: ran" "exit $rc: $(grep -v '^sql\|^plan' "$T/plans")"
	elif [ "$stmts" -eq 0 ]; then
		not_ok "$*: its statements were shown"
	elif [ -n "$bad" ]; then
		not_ok "$*: no scan of a table that grows" "$bad" \
		    "$(grep -B1 -E "$BIG" "$T/plans" | grep '^sql')"
	else
		ok "$*: $stmts statements, none scans what grows"
	fi
}

# Orders.  list and export of everything read every order: that is their
# answer.
reads 'SCAN o$' svc-order list
reads '' svc-order list --status new
reads '' svc-order list --status new,accepted
reads '' svc-order list --overdue
reads '' svc-order list --on 2026-12-01
reads '' svc-order list --since 2026-12-01 --until 2026-12-02
reads '' svc-order list --customer 张阿姨
reads '' svc-order list --dept clean
reads '' svc-order list --status closed
reads '' svc-order show 3
reads '' svc-order show 2 -o table
reads '' svc-order notice 5
reads 'SCAN o$' svc-order export
reads '' svc-order export --status closed
# (catalogue reads the configuration, no table.)
# Dispatch and the visit at the door.
reads '' svc-assign agenda wang --on 2026-12-01
reads '' svc-visit brief 3
reads '' svc-visit form 2
reads '' svc-visit noshow
# Money: held cash is read whole from the index of the cash not yet
# handed over, which holds only that (payment_held).
reads '' svc-pay bill 2
reads '' svc-pay receipt R2026-000001
reads 'SCAN payment USING INDEX payment_held' svc-pay held
# Complaints, staff, products, messages, plans.
reads 'SCAN k$' svc-complaint list
reads 'SCAN k USING INDEX complaint_open$' svc-complaint list --open
reads '' svc-complaint show 1
reads '' svc-staff list
reads '' svc-staff roles li
reads '' svc-staff leave-list
reads '' svc-product show 6901234567890
reads '' svc-notify due
reads '' svc-notify check
# Every plan, as a list of them is (p is the plan there).
reads 'SCAN p$' svc-plan list
# Every check, from the index of its open cases (held cash and what is
# owed read such an index whole), or of the last 30 days.
for c in overdue late notice noshow takeback unsent unreviewed followup \
    clashes conduct; do
	reads '' svc-report "$c"
done
reads 'SCAN k USING INDEX complaint_open$' svc-report complaints
reads 'SCAN p USING INDEX payment_held$' svc-report held
reads 'SCAN o USING INDEX orders_owing$' svc-report unpaid
# Summaries: of everything they read every row, of a period the period.
reads 'SCAN o$' svc-report summary
reads 'SCAN v$' svc-report workload
reads 'SCAN p$' svc-report revenue
reads 'SCAN v$' svc-report rating
for r in summary workload revenue rating; do
	reads '' svc-report "$r" --since 2026-12-01
done
reads '' svc-report revenue --by service --since 2026-12-01
reads '' svc-report evaluation --year 2026
# The day's seal walks back from each table's newest row: a scan that
# stops at the day's last row, never a sort of every row before it.
reads 'SCAN (event|payment|handover)$' svc-db seal
if grep -q 'USE TEMP B-TREE' "$T/plans"; then
	not_ok "svc-db seal: no table sorted" "$(cat "$T/plans")"
else
	ok "svc-db seal: no table sorted"
fi

# A copy reads every row of every table, and counts them again in the
# copy to prove it: that is its answer (svc-db copy, issue 20).
reads 'SCAN [a-z_]+( USING COVERING INDEX [a-z_0-9]+)?$' svc-db copy "$SVC_DB" "$T/planned-copy.db"

# SVC_SQL_LOG keeps every statement, a line each, for the port to
# PostgreSQL (mk/pg-dialect.sh); a path it cannot write is said.
SVC_SQL_LOG="$T/sql.log" svc-report overdue >/dev/null 2>&1
SVC_SQL_LOG="$T/sql.log" svc-order show 1 >/dev/null 2>&1
if [ "$(grep -c '^SELECT ' "$T/sql.log")" -ge 2 ] &&
    [ "$(grep -vc '^[A-Z]' "$T/sql.log")" -eq 0 ] &&
    grep -q '^SELECT .* WHERE .*o.id = ?12 ' "$T/sql.log"; then
	ok "SVC_SQL_LOG: every statement, a line each"
else
	not_ok "SVC_SQL_LOG: every statement, a line each" "$(cat "$T/sql.log")"
fi
SVC_SQL_LOG="$T/no/such/dir/sql.log" run svc-report overdue
check_err "SVC_SQL_LOG: $T/no/such/dir/sql.log: No such file" \
    "SVC_SQL_LOG: a path it cannot write is said"
done_testing

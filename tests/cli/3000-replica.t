# Reports on a streaming replica (issue 20; svc-postgresql(7)): a hot
# standby of the server follows its writes, answers every read as the
# primary does, and a command that would write there is refused before it
# tries, in svc's words (exit 74), as a read-only file is.
. "$TOP/tests/cli/lib.sh"

if ! pg; then
	skip 8 "a streaming replica of a server (make check DB=pg)"
	done_testing
	exit
fi
# A primary and its replica of their own: the test's server may not be
# ours to copy.
prim=$(mktemp -d /tmp/svc-primary.XXXXXX)
rep=$(mktemp -d /tmp/svc-replica.XXXXXX)
stop_both() {
	sh "$TOP/mk/pg-cluster.sh" stop "$rep"
	sh "$TOP/mk/pg-cluster.sh" stop "$prim"
	cleanup
}
trap stop_both EXIT
P=$(sh "$TOP/mk/pg-cluster.sh" start "$prim") || { echo "Bail out! primary"; exit 1; }
R=$(sh "$TOP/mk/pg-cluster.sh" replica "$rep" "$prim") || { echo "Bail out! replica"; exit 1; }

# The demo day, written to the primary after the replica began.
demo=$(demo_db)
export SVC_NOW="2026-12-04 18:00"
run svc-db copy "$demo" "$P"
check_rc 0 "the demo day copied onto the primary"
i=0
while [ "$(psql -X -At -d "$R" -c 'SELECT count(*) FROM svc.orders' 2>/dev/null)" != 6 ] &&
    [ $i -lt 100 ]; do
	sleep 0.2
	i=$((i + 1))
done
check_same "$(psql -X -At -d "$R" -c 'SELECT pg_is_in_recovery(), count(*) FROM svc.orders')" \
    "t|6" "the replica, in recovery, follows the primary's writes"

# What a morning's reports and a night's checks print, the same there.
same=0
for c in "svc-order list" "svc-order export" "svc-report summary" \
    "svc-report late" "svc-report overdue --check" "svc-report unpaid" \
    "svc-notify due" "svc-db verify" "svc-db check"; do
	a=$(SVC_DB=$P $c 2>&1 | sed "s|$P|DB|g"; echo "exit $?")
	b=$(SVC_DB=$R $c 2>&1 | sed "s|$R|DB|g"; echo "exit $?")
	[ "$a" = "$b" ] && same=$((same + 1)) || echo "# differs: $c" >&2
done
check_same "$same" 9 "nine reads and checks print the same on the replica"
SVC_DB=$R run svc-report query "SELECT count(*) FROM v_order"
check_out 6 "svc-report query reads the views there"

# A write is refused before it is tried, saying where writes go.
SVC_DB=$R run svc-staff add ma --name 马
check_rc 74 "a write on the replica: exit 74"
check_err "a replica, which takes no writes: point SVC_DB at the primary server" \
    "and says where writes go"
SVC_DB=$R run svc-db init
check_rc 74 "svc-db init there too"
check_same "$(psql -X -At -d "$P" -c "SELECT count(*) FROM svc.staff WHERE login = 'ma'")" 0 \
    "nothing was written"
done_testing

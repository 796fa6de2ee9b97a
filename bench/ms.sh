# bench/ms.sh - sourced by the bench's scripts: ms CMD... prints the
# milliseconds of one run of CMD, its output discarded.
ms() {
	s=$(date +%s%N)
	rc=0
	"$@" >/dev/null 2>&1 || rc=$?
	e=$(date +%s%N)
	# a refusal timed as a fast answer would be a lie: say so
	[ "$rc" -le 1 ] || echo "bench: exit $rc: $*" >&2
	awk -v d=$((e - s)) 'BEGIN { printf "%.1f\n", d / 1e6 }'
}

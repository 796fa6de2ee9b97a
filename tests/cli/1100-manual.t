# The manual agrees with the programs: each command's --help lists the
# verbs of its SYNOPSIS, every option it names is documented, and the demo
# day runs from start to end.
. "$TOP/tests/cli/lib.sh"

for src in "$TOP"/cmd/svc-*.c; do
	c=$(basename "$src" .c)
	page="$TOP/man/man1/$c.1"
	help=$($c --help)
	from_help=$(printf '%s\n' "$help" | sed -n "s/^\(usage:\)\{0,1\} *$c \([a-z-]*\).*/\2/p" | sort -u | tr '\n' ' ')
	from_man=$(awk '/^\.Sh SYNOPSIS/ { s = 1; next } /^\.Sh/ { s = 0 }
	    s && prev == ".Nm" && /^\.Cm / { for (i = 2; i <= NF; i++) if ($i != "|") print $i }
	    { prev = $0 }' "$page" | sort -u | tr '\n' ' ')
	check_same "$from_help" "$from_man" "$c: --help and SYNOPSIS name the same verbs"
	missing=
	for opt in $(for v in $from_help; do $c $v --help; done | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		grep -q -- "Fl -${opt#--}\|, -${opt#--}\|-${opt#--} " "$page" || missing="$missing $opt"
	done
	check_same "$missing" "" "$c: every option of --help is in the man page"
done

run sh "$TOP/share/svc/demo.sh" "$B/bin"
check_rc 0 "the demo day runs to the end"
case "$out" in
*"R2026-000001"*"svc-visit noshow --apply"*"That was one day."*) ok "and tells the whole day" ;;
*) not_ok "the demo tells the day" "$(printf '%s\n' "$out" | tail -5)" ;;
esac
done_testing

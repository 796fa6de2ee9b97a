# Every example of the README and the man pages runs as written, against
# the database of the demo day (each on its own copy).  mail and lp are
# stand-ins that swallow what they are given; the files the examples name
# (a roster, a signature, a product list) are in the working directory.
. "$TOP/tests/cli/lib.sh"

mkdir -p "$T/stub" "$T/work"
demo=$(demo_db)
check_same "$(sqlite3 "$demo" 'SELECT count(*) FROM orders')" 6 "the demo day leaves six orders"

for s in mail lp; do
	printf '#!/bin/sh\ncat >/dev/null\n' >"$T/stub/$s"
	chmod +x "$T/stub/$s"
done
cp "$TOP/share/svc/staff.yaml" "$T/work/staff.yaml"
cp "$TOP/share/svc/staff.yaml" "$T/work/roster.yaml"
printf 'PNG' >"$T/work/sig.png"
printf 'barcode,model,name,sold_on,warranty_months\n6901234567890,BCD-216,冰箱,2026-03-02,12\n' >"$T/work/sold-2026.csv"

mkdir -p "$T/ex"
sh "$TOP/tests/examples/extract.sh" "$T/ex" "$TOP/README.md" \
    "$TOP"/man/man1/*.1 "$TOP/man/man7/svc.7"
total=$(ls "$T/ex" | wc -l)
[ "$total" -ge 30 ] && ok "$total example blocks found" || not_ok "examples found" "$total"

for ex in "$T"/ex/[0-9]*; do
	from=$(head -1 "$ex" | cut -c3-)
	first=$(sed -n 2p "$ex" | cut -c1-60)
	cp "$demo" "$T/work/svc.db"
	# "# as LOGIN" in an example: what follows is typed by that person
	# (root stands in for each of them here, as it may: acting.c).
	sed -i 's/^# as \([a-z][a-z0-9._-]*\)\b.*/export SVC_USER=\1/' "$ex"
	(cd "$T/work" && SVC_DB="$T/work/svc.db" SVC_NOW="2026-12-01 18:00" \
	    SVC_USER=zhou PATH="$T/stub:$PATH" sh -e "$ex") >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -le 1 ]; then
		ok "$from: $first"
	else
		not_ok "$from: $first" "exit $rc" "$(head -c 400 "$T/err")"
	fi
done
# The configuration example of svc-config(5) loads, with its include
# pointed at this tree's holiday file.
awk '/^\.Sh EXAMPLES/ { ex = 1 } ex && /^\.Bd -literal/ { lit = 1; next }
    ex && /^\.Ed/ { exit } lit' "$TOP/man/man5/svc-config.5" |
    sed "s|/usr/local/share/svc/holidays|$TOP/share/svc/holidays|" >"$T/example.yaml"
run svc-cal -c "$T/example.yaml" is 2026-12-24
check_rc 1 "the svc-config(5) example loads: 2026-12-24 is its local closure"
check_same "$(printf '%s\n' "$out" | cut -f4)" "中心停电检修" "named as the example names it"
run svc-cal -c "$T/example.yaml" is 2026-12-26
check_rc 0 "and its Saturdays are worked"
done_testing

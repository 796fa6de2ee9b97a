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

# The views are a contract (svc(7), svc-report(1)): each is listed with
# its columns in order, as the database has them.
svc-db init -q >/dev/null 2>&1
if pg; then	# the server's catalogue, in the views' column order
	views="SELECT table_name FROM information_schema.views WHERE table_schema = 'svc' ORDER BY 1"
	columns() { q "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = 'svc' AND table_name = '$1'"; }
else
	views="SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name"
	columns() { q "SELECT group_concat(name, ', ') FROM pragma_table_info('$1')"; }
fi
check_same "$(q "$views" | wc -l)" 20 "the twenty documented views are there"
for page in "$TOP/man/man7/svc.7" "$TOP/man/man1/svc-report.1"; do
	bad=
	for v in $(q "$views"); do
		cols=$(columns "$v")
		doc=$(awk -v v="$v" '$0 ~ "^\\.It Sy " { on = 0 } $0 == ".It Sy " v { on = 1; next } on && /^\./ { on = 0 } on' "$page" | tr '\n' ' ' | sed 's/ (JSON)//g; s/  */ /g; s/ $//')
		case $doc in
		"") # svc-report(1) may send a reader on to svc(7)
			grep -q "^\.It Sy .*$v" "$page" || bad="$bad $v" ;;
		"$cols") ;;
		*) bad="$bad $v($doc != $cols)" ;;
		esac
	done
	check_same "$bad" "" "$(basename "$page"): every view with its columns"
done

run sh "$TOP/share/svc/demo.sh" "$B/bin"
check_rc 0 "the demo day runs to the end"
case "$out" in
*"R2026-000001"*"svc-visit noshow --apply"*"That was one day."*) ok "and tells the whole day" ;;
*) not_ok "the demo tells the day" "$(printf '%s\n' "$out" | tail -5)" ;;
esac
case "$out" in
*"Tuesday 1 December 2026."*) ok "the story in English under C" ;;
*) not_ok "the story in English under C" "$(printf '%s\n' "$out" | head -5)" ;;
esac
# The story in the reader's language (issue 19), from the build's catalogue.
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; then
	out=$(LANG=zh_CN.UTF-8 sh "$TOP/share/svc/demo.sh" "$B/bin" 2>&1)
	case "$out" in
	*"2026 年 12 月 1 日，星期二。"*"压缩机比承诺的早修好了"*"这就是一天。"*) ok "under zh_CN the story is told in Chinese" ;;
	*) not_ok "under zh_CN the story is told in Chinese" "$(printf '%s\n' "$out" | head -5)" ;;
	esac
else
	not_ok "the zh_CN.UTF-8 locale exists (mk/deps.sh makes it)"
fi
done_testing

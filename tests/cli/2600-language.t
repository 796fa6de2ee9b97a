# The language people read (issue 19): Chinese under zh_CN.UTF-8, English
# under C; tsv, csv and json byte for byte the same under both.
. "$TOP/tests/cli/lib.sh"

zh() { LANG=zh_CN.UTF-8 "$@"; }
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\{0,1\}8$'; then
	not_ok "the zh_CN.UTF-8 locale exists (mk/deps.sh makes it)"
	done_testing
	exit 0
fi
svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-26 09:00"
a=$(svc-order new --customer 李大爷 --phone 13900000001 --address 朝阳区建国路88号 \
    --service gov-pension --group elderly | svc-order accept --at "2026-11-30 09:00")
svc-assign to li "$a" >/dev/null
b=$(svc-order new --customer 王芳 --phone 13900000002 --address 朝阳区建国路1号 \
    --service gov-pension --group elderly)

# Tables: headings and status words in the reader's language.
zh run svc-order list -o table -F id,status,kind,customer
check_same "$(printf '%s\n' "$out" | tr -s ' ')" "编号 状态 类别 客户
 $a 已派工 政务代办 李大爷
 $b 新建 政务代办 王芳" "zh_CN: headings, status and kind in Chinese, aligned"
run svc-order list -o table -F id,status,kind,customer
check_same "$(printf '%s\n' "$out" | head -1 | tr -s ' ')" "id status kind customer" "C: English headings"
case "$out" in *assigned*) ok "C: the status code as it is" ;; *) not_ok "C: the status code" "$out" ;; esac
zh run svc-cal days 2026-10-01 2026-10-01 -o table
check_same "$(printf '%s\n' "$out" | tail -1 | tr -s ' ')" "2026-10-01 周四 节假日 国庆节" \
    "zh_CN: weekday and kind of day"

# Machine formats never change with the locale.
for fmt in tsv csv json; do
	c=$(svc-order list -o $fmt; svc-report overdue -o $fmt; svc-cal days 2026-10-01 2026-10-07 -o $fmt)
	z=$(zh svc-order list -o $fmt; zh svc-report overdue -o $fmt; zh svc-cal days 2026-10-01 2026-10-07 -o $fmt)
	check_same "$z" "$c" "$fmt: byte for byte the same under zh_CN and C"
done
c=$(svc-order export)
z=$(zh svc-order export)
check_same "$z" "$c" "export: the same under both"

# Messages: one line, in the reader's language, the same exit status.
unchanged "zh_CN: an unknown status" env LANG=zh_CN.UTF-8 svc-order list --status nosuch
check_rc 64 "the exit status does not change with the language"
check_err "没有这个status" "zh_CN: the message in Chinese"
run svc-order list --status nosuch
check_err "no such status" "C: in English"
zh run svc-order lst
check_rc 64 "a typo'd verb: exit 64"
case "$err" in "svc-order: lst: 未知动作（是不是 list？）"*"用法: svc-order"*) ok "zh_CN: did you mean, and the usage" ;;
*) not_ok "zh_CN: did you mean, and the usage" "$err" ;; esac
run svc-order lst
case "$err" in "svc-order: lst: unknown verb (did you mean list?)"*"usage: svc-order"*) ok "C: did you mean list?" ;;
*) not_ok "C: did you mean list?" "$err" ;; esac
zh run svc-order list --status refused -o table
check_err "没有工单" "zh_CN: an empty table says so in Chinese"
zh run svc-order list --help
case "$out" in *"通用选项："*"-F, --fields LIST    只输出这些列"*) ok "zh_CN: --help in Chinese" ;;
*) not_ok "zh_CN: --help in Chinese" "$out" ;; esac
LC_ALL=C LANG=zh_CN.UTF-8 run svc-order lst
case "$err" in *"unknown verb"*) ok "LC_ALL=C wins over LANG" ;; *) not_ok "LC_ALL=C wins over LANG" "$err" ;; esac
# The record a clerk reads: labels and words in Chinese, aligned.
zh run svc-order show "$a" -o table
case "$out" in
"工单         $a (已派工, 政务代办, civil)"*"预约时间     2026-11-30 09:00 - 09:45"*"师傅         li"*"历史"*) ok "zh_CN: show reads in Chinese" ;;
*) not_ok "zh_CN: show reads in Chinese" "$out" ;;
esac
check_same "$(zh svc-order show "$a" -o json)" "$(svc-order show "$a" -o json)" "show -o json: the same under both"
# The history in words: what happened, then its details as phrases.
hist=$(printf '%s\n' "$out" | sed -n '/^历史$/,$p')
case "$hist" in
*"登记           政务代办，客户 李大爷"*"受理           时间 2026-11-30 09:00，至 2026-11-30 09:45，材料："*"派工           师傅 li"*)
	ok "zh_CN: the history as words, times local, aligned" ;;
*) not_ok "zh_CN: the history as words" "$hist" ;;
esac

# The customer's texts are Chinese in every locale.
c=$(svc-order notice "$a")
z=$(zh svc-order notice "$a")
check_same "$z" "$c" "the notice the applicant reads: the same under both"
# A refusal names the step and the order's state as words, not codes.
unchanged "assigning a new order" zh svc-assign to li "$b"
check_err "$b: 不能派工：工单状态为“新建”" "zh_CN: the step and the state in words"
run svc-assign to li "$b"
check_err "$b: cannot assign: the order is new" "C: the codes as they were"

# Every verb's own --help reads in the reader's language: under zh_CN its
# text past the usage line has Chinese in it; under C it is the English
# one (only the term 回访 is Chinese there).
english=0 chinese=0 verbs=0
for c in assign cal complaint db notify order pay plan product report staff visit; do
	for v in $(svc-$c --help 2>/dev/null | sed 's/^usage://' |
	    awk '$1 ~ /^svc-/ { print $2 }'); do
		verbs=$((verbs + 1))
		zh svc-$c "$v" --help 2>/dev/null | sed -n '3,/^通用选项/p' |
		    grep -q '[一-龥]' && chinese=$((chinese + 1))
		svc-$c "$v" --help 2>/dev/null | sed -n '3,/^Common options/p' |
		    sed 's/回访//g' | grep -q '[一-龥]' || english=$((english + 1))
	done
done
[ "$verbs" -ge 80 ] && ok "the help of $verbs verbs tried" || not_ok "the verbs were found" "$verbs"
check_same "$chinese/$verbs" "$verbs/$verbs" "zh_CN: every verb's --help in Chinese"
check_same "$english/$verbs" "$verbs/$verbs" "C: every verb's --help in English"
# Last, as it moves the order on: an arrival after its time (G8).
SVC_NOW="2026-11-30 09:18" svc-visit arrive "$a" --by li >/dev/null 2>&1
zh run svc-order show "$a" -o table
case "$out" in
*"到达           迟到18分钟，第1次上门，经办 li"*) ok "zh_CN: an arrival reads 迟到18分钟" ;;
*) not_ok "zh_CN: an arrival reads 迟到18分钟" "$out" ;;
esac
done_testing

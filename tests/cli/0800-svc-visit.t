# svc-visit and svc-product: the visit at the door, warranty by barcode,
# the no-show sweep (A1-A12, C5, G8, G10).
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
export SVC_NOW="2026-11-26 09:00" SVC_USER=chen
printf 'barcode,model,name,sold_on,warranty_months\n690,BCD-216,"海尔冰箱, 双门",2025-11-27,12\n' >"$T/p.csv"

run as zhou svc-product import "$T/p.csv"
check_rc 0 "import products from CSV"
check_err "1 products imported" "and count them"
run svc-product show 690
check_rc 0 "A5: covered on the last covered day: exit 0"
check_out "690	BCD-216	海尔冰箱, 双门	2025-11-27	12	2026-11-26	yes" "show: covered until 2026-11-26"
SVC_NOW="2026-11-27 09:00" run svc-product show 690
check_rc 1 "the day after: exit 1"
run svc-product show 691
check_rc 66 "an unknown barcode: exit 66"
printf -- '- {barcode: "691", model: X, name: 洗衣机, made_on: 2026-01-01, warranty_months: 24}\n' >"$T/p.yaml"
run as zhou svc-product import "$T/p.yaml"
check_rc 0 "import from YAML, made_on for sold_on"
printf 'barcode,model,name,sold_on,warranty_months\n692,M,N,2026-02-30,12\n' >"$T/bad.csv"
unchanged "a bad product row" as zhou svc-product import "$T/bad.csv"
check_rc 65 "a bad date: exit 65"
check_err "bad.csv:2: 692: bad sold date" "at file:line"
run svc-product list
check_same "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" "690 691 " "list"

id=$(as zhou svc-order new --customer 赵先生 --phone 13900000003 --address 西城区阜成门 \
    --service repair-visit --product 690 --fault 冰箱不制冷 |
    as zhou svc-order accept --at "2026-11-26 14:00" | as zhou svc-assign to chen)
run svc-visit brief $id
case "$out" in
*"fault        冰箱不制冷"*"product      690 BCD-216 海尔冰箱, 双门, covered until 2026-11-26"*"1. 售后服务凭证（保修卡）"*)
	ok "A3: the brief tells the fault, the product's warranty, the documents" ;;
*) not_ok "A3: the brief" "$out" ;;
esac

unchanged "start before arrive" svc-visit start $id
check_rc 65 "start before arrive: exit 65"
check_err "$id: cannot start: nobody has arrived yet" "says why"
unchanged "done before start" svc-visit done $id --signed-by 赵先生
check_rc 65 "done before start: exit 65"

SVC_NOW="2026-11-26 13:00" run svc-visit late $id --eta 14:20 --reason 堵车
check_out "$id" "A1: a delay told in advance"
SVC_NOW="2026-11-26 14:17" run svc-visit arrive $id
check_err "$id: arrived 17 minutes after the appointed time (G8): recorded" "G8: late, in minutes"
SVC_NOW="2026-11-26 14:20" run svc-visit start $id
check_out "$id" "A4: the work begins"
unchanged "damage without a signature" svc-visit check $id --no-voucher --barcode 690 --damage 门封条破损
check_rc 65 "A6: damage without the customer's signature: exit 65"
run svc-visit check $id --no-voucher --barcode 690 --damage 门封条破损 --signed-by 赵先生
check_rc 0 "the checks, signed at once"
run q "SELECT covered || ' ' || covered_until || ' ' || chargeable FROM visit WHERE order_id = $id"
check_out "1 2026-11-26 0" "A5: the barcode says covered today; not chargeable"
SVC_NOW="2026-11-26 14:30" run svc-visit suspend $id --reason 客户午休 --resume-at "2026-11-26 12:30"
check_rc 65 "a resume time in the past is refused"
SVC_NOW="2026-11-26 14:40" run svc-visit suspend $id --reason 客户要出门 --resume-at "2026-11-27 12:30"
check_err "$id: 2026-11-27 12:30 is in the customer's quiet hours (A9)" "A9: a resume in quiet hours warns"
SVC_NOW="2026-11-27 12:30" run svc-visit resume $id
check_out "$id" "resume"
printf 'PNG\0sig' >"$T/sig.png"
SVC_NOW="2026-11-27 13:10" run svc-visit done $id --signed-by 赵先生 --rating 5 --comment 很满意 --signature "$T/sig.png"
check_out "$id" "A10/C5: done, signed, rated"
svc-visit signature $id >"$T/back.png"
if cmp -s "$T/sig.png" "$T/back.png"; then ok "the signature image comes back byte for byte"; else not_ok "the signature image comes back"; fi
run svc-visit done $id --signed-by x --rating 9
check_rc 64 "a rating outside 1-5: usage"
printf 'JPEG' >"$T/before.jpg"
run svc-visit attach $id "$T/before.jpg" --kind photo-before
check_out "$id" "attach a photo"
run q "SELECT kind || ' ' || name || ' ' || length(data) FROM attachment"
check_out "photo-before before.jpg 4" "it is kept with the order"

run svc-visit form $id --width 32
check_rc 0 "the service form"
width=$(printf '%s\n' "$out" | while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -n | tail -1)
[ "$width" -le 32 ] && ok "A12: it fits 32 columns (widest $width)" || not_ok "fits 32 columns" "$width"
case "$out" in
*"人为损坏：门封条破损"*"客户确认：赵先生"*"评价：5"*"服务人员：陈工（工号 S-102）"*"服务电话：400-820 1234"*)
	ok "the form has the checks, the signature, the feedback and the card" ;;
*) not_ok "the form" "$out" ;;
esac
run svc-visit form $id --width 40
check_rc 64 "a width other than 32, 48, 80: usage"
# Lines break between Chinese characters, not inside an ASCII word (a
# room number, a model); a word wider than the line is cut all the same.
long=$(as zhou svc-order new --customer 钱女士 --phone 13900000009 --service repair-visit \
    --address "朝阳区建国路88号院3号楼2单元1502室 (近 SOHO 现代城 Tower B 东门)" \
    --fault "冰箱不制冷, 型号 BCD-216WDPV 压缩机不启动 ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" -q)
run svc-visit form $long --width 32
width=$(printf '%s\n' "$out" | while IFS= read -r l; do printf '%s' "$l" | wc -L; done | sort -n | tail -1)
[ "$width" -le 32 ] && ok "a long address still fits 32 columns (widest $width)" || not_ok "fits" "$width"
whole=
for w in 1502室 Tower BCD-216WDPV; do
	printf '%s\n' "$out" | grep -q -- "$w" || whole="$whole $w"
done
check_same "$whole" "" "1502, Tower, BCD-216WDPV each stay on one line"
check_same "$(printf '%s\n' "$out" | grep -c ' $')" 0 "no line ends in a blank"
case "$out" in *"ABCDEFGHIJKLMNOPQRSTUVWXY"*) ok "an overlong word is cut to the line" ;;
*) not_ok "an overlong word is cut" "$out" ;; esac

# G10: the no-show sweep.
export SVC_USER=li
a=$(as zhou svc-order new --customer 甲 --phone 1 --address x --service gov-pension --group elderly |
    as zhou svc-order accept --at "2026-11-30 10:00" | as zhou svc-assign to li)
b=$(as zhou svc-order new --customer 乙 --phone 2 --address x --service gov-pension --group elderly |
    as zhou svc-order accept --at "2026-11-30 14:00" | as zhou svc-assign to li)
SVC_NOW="2026-11-30 09:55" svc-visit arrive $a >/dev/null
SVC_NOW="2026-11-30 13:50" svc-visit arrive $b >/dev/null
SVC_NOW="2026-11-30 10:05" svc-visit contact $a --unreachable --note 电话无人接听 >/dev/null
SVC_NOW="2026-11-30 10:29:59" run svc-visit noshow --check
check_rc 0 "G10: at +29:59 nothing is flagged"
SVC_NOW="2026-11-30 10:30" run svc-visit noshow --check
check_rc 1 "at +30:00 it is: --check exits 1"
check_out "$a" "and lists it"
SVC_NOW="2026-11-30 14:30" run as zhou svc-visit noshow --apply
check_out "$a" "--apply marks it abandoned and prints it"
check_err "$b: waiting since 2026-11-30 14:00: call the applicant first" "the one nobody called: call first"
SVC_NOW="2026-11-30 14:31" run as zhou svc-visit noshow --apply --check
check_rc 0 "a second sweep flags nothing twice"
check_same "$(svc-order list --status abandoned | cut -f1)" "$a" "the order is abandoned"
done_testing

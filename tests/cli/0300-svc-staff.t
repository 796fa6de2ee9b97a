# svc-staff: departments (G3), staff, roles and badges (A2, C2).
. "$TOP/tests/cli/lib.sh"

run svc-staff import "$TOP/share/svc/staff.yaml"
check_rc 0 "import the sample roster"
check_same "$(printf '%s\n' "$out" | wc -l)" 8 "import prints the 8 logins"
check_err "12 entries imported" "and counts on stderr"

run svc-staff list --dept clean
check_out "qian	钱会计	clean	finance	13800000007	F-001	yes		
sun	孙班长	clean	dispatcher,worker	13800000004	P-003	yes		
wang	王师傅	clean	worker	13800000005	P-011	yes		" "list --dept: tsv, login first (skills last, none here)"
run svc-staff list --role dispatcher -H
check_out "login	name	dept	roles	phone	badge	active	skills	hours
sun	孙班长	clean	dispatcher,worker	13800000004	P-003	yes		
zhou	周主任	civil	admin,dispatcher	13800000001	G-001	yes		" "list --role with -H"
run svc-staff list --role worker -o table
check_out "login  name    dept        roles              phone        badge  active  skills  hours
chen   陈工    aftersales  worker             13800000006  S-102  yes
li     李娜    civil       worker             13800000002  G-017  yes
sun    孙班长  clean       dispatcher,worker  13800000004  P-003  yes
wang   王师傅  clean       worker             13800000005  P-011  yes
zhao   赵强    social      worker             13800000003  G-021  yes" \
    "the table aligns Chinese names by display width"

# G3: every window's service phone is published.
run svc-staff directory -o csv
out=$(printf '%s\n' "$out" | tr -d '\r')
check_out "code,name,phone
clean,物业保洁部,010-8456 7700
civil,民政窗口,010-6512 3401
social,社保窗口,010-6512 3402
aftersales,售后服务部,400-820 1234" "G3: the directory of service phones"

run svc-staff add xu --name 徐丽 --dept civil --role worker,complaints --badge G-030
check_rc 0 "add a person"
check_out "xu" "add prints the login"
run svc-staff show xu -o json
check_out '{"login":"xu","name":"徐丽","dept":"civil","roles":"complaints,worker","phone":null,"badge":"G-030","active":true,"skills":null,"hours":null}' "show in json"

# All or nothing: one bad login in a batch changes nothing.
unchanged "a batch with an unknown login" sh -c 'printf "li\nghost\nzhao\n" | svc-staff edit --phone 010-1'
check_rc 66 "an unknown login: exit 66"
check_err "ghost: no such person on the staff" "the failure is named"
run sh -c 'printf "li\nghost\nzhao\n" | svc-staff edit --phone 010-1 -k'
check_rc 1 "-k applies the good ones and exits 1"
check_out "li
zhao" "-k prints what it changed"

# -n validates and prints, writes nothing.
unchanged "dry run" svc-staff disable wang chen -n
check_rc 0 "dry run succeeds"
check_out "wang
chen" "dry run prints what would change"

run sh -c 'svc-staff list --dept aftersales | svc-staff disable'
check_rc 0 "disable reads logins from a pipe"
check_out "chen" "and prints them"
run svc-staff list --dept aftersales
check_out "" "a disabled person leaves the list"
run svc-staff list --dept aftersales --all
check_out "chen	陈工	aftersales	worker	13800000006	S-102	no		" "but stays, marked"
run svc-staff show chen -o table
case "$out" in
*staff.add*staff.disable*) ok "show tells the history: added, then disabled" ;;
*) not_ok "show tells the history: added, then disabled" "$out" ;;
esac
run svc-staff enable chen
check_out "chen" "enable puts a person back"

unchanged "a bad role" svc-staff add ma --name 马 --role boss
check_rc 65 "a bad role: exit 65"
check_err "boss: unknown role" "one line naming it"
unchanged "a taken badge" svc-staff add ma --name 马 --badge P-011
check_rc 65 "a badge already given: exit 65"
unchanged "an unknown department" svc-staff add ma --name 马 --dept x
check_rc 66 "an unknown department: exit 66"
unchanged "a duplicate login" svc-staff add wang --name 王
check_rc 65 "a login taken: exit 65"
unchanged "add without --name" svc-staff add ma
check_rc 64 "add without --name: usage"
unchanged "an option of another verb" svc-staff add ma --name 马 --kind gov
check_rc 64 "an option the verb does not take: usage"

# Departments.
run svc-staff add-dept repair2 --name 二号维修站 --kind repair --phone 400-1
check_out "repair2" "add-dept prints the code"
run svc-staff edit-dept repair2 --phone ""
check_rc 0 "edit-dept clears the phone"
run svc-staff depts
case "$out" in
*"repair2	二号维修站	repair	"*) ok "depts lists it without a phone" ;;
*) not_ok "depts lists it without a phone" "$out" ;;
esac
unchanged "a bad kind" svc-staff add-dept x --name x --kind plumbing
check_rc 65 "an unknown kind: exit 65"

# Import is all or nothing, errors at file:line:column.
cat >"$T/bad.yaml" <<'YAML'
staff:
  - {login: ma, name: 马}
  - {login: niu, name: 牛, dept: nowhere}
YAML
unchanged "an import with a bad entry" svc-staff import "$T/bad.yaml"
check_rc 66 "a missing department in the roster: exit 66"
check_err "bad.yaml:3:5: nowhere: no such department" "file:line:column"
printf 'staff:\n  - {login: ma, name: 马, name: 牛}\n' >"$T/dup.yaml"
unchanged "a duplicate key" svc-staff import "$T/dup.yaml"
check_rc 65 "a duplicate key: exit 65"
check_err "dup.yaml:2:26: duplicate key 'name'" "positioned"
run sh -c "svc-staff import - <'$TOP/share/svc/staff.yaml'"
check_rc 0 "import again from stdin updates in place"
run svc-staff list --all
check_same "$(printf '%s\n' "$out" | wc -l)" 9 "nobody is added twice"
done_testing

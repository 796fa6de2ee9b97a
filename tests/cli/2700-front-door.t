# svc(1), the front door (issue 19): svc COMMAND runs svc-COMMAND with the
# same arguments, stdin, stdout and exit status; help; did you mean.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
a=$(svc-order new --customer 李大爷 --phone 13900000001 --address 朝阳区建国路88号 \
    --service gov-pension --group elderly)

run svc order list
check_same "$out" "$(svc-order list)" "svc order list is svc-order list"
check_rc 0 "and exits as it does"
run svc svc-order list -F id
check_out "$a" "the prefixed name is taken too"
run sh -c "echo $a | svc order accept --at '2026-11-30 09:00'"
check_out "$a" "ids piped in reach the command"
run svc order show 999
check_rc 66 "the command's exit status comes through (66)"
run svc order -o json list -F id
check_out "{\"id\":$a}" "options after the command"

run svc help
check_rc 0 "svc help: exit 0"
case "$out" in *"order      register, reply"*"visit      the visit at the door"*) ok "svc help lists the commands" ;;
*) not_ok "svc help lists the commands" "$out" ;; esac
run svc help order
case "$out" in "usage: svc-order new"*) ok "svc help order is svc-order --help" ;;
*) not_ok "svc help order is svc-order --help" "$out" ;; esac
run svc --version
check_out "svc $(svc-order --version | cut -d' ' -f2)" "svc --version: the toolset's version"

unchanged "no command" svc
check_rc 64 "no command: exit 64"
run svc ordr list
check_rc 64 "an unknown command: exit 64"
check_same "$(printf '%s\n' "$err" | head -1)" "svc: ordr: unknown command (did you mean order?)" "did you mean order?"
run svc frobnicate
check_same "$(printf '%s\n' "$err" | head -1)" "svc: frobnicate: unknown command" "no near command: no guess"
run svc help ordr
check_rc 64 "svc help of an unknown command: exit 64"
run svc -o json order list
check_rc 64 "an option before the command: exit 64"
unchanged "a typo'd verb behind the front door" svc order acept "$a"
check_rc 64 "exit 64"
check_same "$(printf '%s\n' "$err" | head -1)" "svc-order: acept: unknown verb (did you mean accept?)" "every command says did you mean"

# The command beside svc runs, not another on PATH.
mkdir -p "$T/decoy"
printf '#!/bin/sh\necho decoy\n' >"$T/decoy/svc-order"
chmod +x "$T/decoy/svc-order"
PATH="$T/decoy:$PATH" run svc order list -F id
check_out "$a" "the svc-order installed beside svc, not PATH's first"
mkdir -p "$T/alone"
cp "$B/bin/svc" "$T/alone/svc"
PATH="$T/decoy:$PATH" run "$T/alone/svc" order list
check_out "decoy" "alone, svc finds the command on PATH"
PATH=/nonexistent "$T/alone/svc" order list >"$T/out" 2>"$T/err"
rc=$?
err=$(cat "$T/err")
check_rc 70 "no such command anywhere: exit 70"
check_err "svc-order: No such file or directory" "saying so"
done_testing

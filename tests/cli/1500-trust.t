# Checks a cron job can trust: nothing passes by accident (issue 13).
# Each section names the bullet of the issue it holds to.
. "$TOP/tests/cli/lib.sh"

svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1

# --- Every filter value is checked: one line, the nearest value. ---
run svc-report overdue --dept civl --check
check_rc 64 "a typo'd --dept fails the check: exit 64, not 0"
check_err "svc-report: --dept civl: no such department (did you mean civil?)" \
    "and names the nearest department"
run svc-pay held wnag
check_rc 66 "an unknown login given as a record: exit 66"
check_err "wnag: no such person on the staff (did you mean wang?)" "with the nearest login"
run svc-staff list --role nope
check_err "--role nope: no such role (known: admin, complaints, dispatcher, finance, worker)" \
    "few known values are listed"
run svc-order list --status new,acepted
check_err "--status acepted: no such status (did you mean accepted?)" \
    "each value of a list is checked"
run svc-report overdue --dept civil --check
check_rc 0 "a department that exists still passes when nothing is overdue"
done_testing

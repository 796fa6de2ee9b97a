# Who is acting (G4, G10, C4; issue 15): the roles table checked before
# every write, the person claimed (SVC_USER) and the time claimed
# (SVC_NOW) only for root or an admin, both recorded, the bootstrap of the
# first admin.  The tests run as root, who stands in for each person; the
# last part runs real commands as an unprivileged Unix user.
. "$TOP/tests/cli/lib.sh"


# --- The bootstrap: the first admin, and only an admin. ---
unchanged "a first person who is no admin" as li svc-staff add li --name 李娜 --role worker
check_rc 77 "a database without an admin takes no one but an admin first"
check_err "no admin yet: the first staff written must include an active admin" "says what it needs"
run as zhou svc-staff add zhou --name 周主任 --role admin,dispatcher
check_rc 0 "the bootstrap: the first admin adds himself"
unchanged "once there is an admin, a stranger" as li svc-staff add li --name 李娜 --role admin
check_rc 77 "no stranger adds himself as admin"
check_err "add: li is not active staff" "says who is not staff"
svc-staff import "$TOP/share/svc/staff.yaml" >/dev/null 2>&1
check_same "$(q "SELECT count(*) FROM staff")" 8 "the admin imports the roster"
unchanged "the last admin disabling himself" svc-staff disable zhou
check_rc 77 "the last admin stays: else anyone could bootstrap himself"
check_err "no active admin would remain: make another admin first" "says what to do"

# --- The roles table (svc-staff roles), and its refusals. ---
id=$(svc-order new --customer 甲 --phone 13900000001 --address 某地 \
    --service clean-daily | svc-order accept --at "2026-11-27 10:00")
unchanged "a worker dispatching himself" as wang svc-assign to wang $id
check_rc 77 "C2: a worker does not dispatch himself"
check_err "svc-assign: to: wang is not dispatcher" "names the verb, the person and the role"
unchanged "a worker granting himself finance" as li svc-staff edit li --role worker,finance
check_rc 77 "nobody but an admin changes roles"
check_err "edit: li is not admin" "li is not admin"
unchanged "an admin changing his own roles" svc-staff edit zhou --role admin,dispatcher,finance
check_rc 77 "nobody grants a role to himself, an admin neither"
check_err "zhou: nobody changes their own roles (another admin does)" "says so"
run svc-staff edit li --role worker,reception
check_rc 0 "an admin changes another's roles"
check_same "$(q "SELECT kind, json_extract(details, '\$.roles'), actor FROM event WHERE subject = 'staff:li' ORDER BY id DESC LIMIT 1")" \
    "staff.edit|reception,worker|zhou" "every change of roles is an event"
unchanged "a worker paid at finance" as wang svc-pay receive $id --amount 1
check_rc 77 "C4: receive is finance's"
check_err "receive: wang is not finance" "wang is not finance"
unchanged "a stranger registering" as ghost svc-order new --customer 乙 \
    --phone 13900000002 --address 某地 --service clean-daily
check_rc 77 "a login that is no staff writes nothing"
check_err "new: ghost is not active staff" "says so"
svc-staff disable chen >/dev/null
unchanged "a disabled worker" as chen svc-visit arrive $id
check_rc 77 "a disabled person writes nothing"
unchanged "a dry run of a refused verb" as wang svc-assign to wang $id -n
check_rc 77 "-n is refused alike: it would have written"

# --- Finer rules: the collector, the complaint about one's own work. ---
as zhou svc-assign to wang $id >/dev/null
unchanged "a dispatcher collecting as himself" svc-pay collect $id --amount 1
check_rc 77 "C4: the collector is a worker"
check_err "collect: zhou is not worker (a dispatcher names the worker with --by)" "says how"
unchanged "a worker collecting for another" as wang svc-pay collect $id --amount 1 --by li
check_rc 77 "a worker collects only as himself"
unchanged "a worker collecting on another's order" as li svc-pay collect $id --amount 1
check_rc 77 "C4: and on his own orders"
check_err "$id: collect: li is not on this order (a dispatcher enters it)" "says so"
unchanged "a worker charging on another's order" as li svc-pay charge $id --item clean-glass
check_rc 77 "C3: extra lines on his own orders only"
svc-staff add ma --name 马 --dept clean --role worker,complaints >/dev/null
svc-assign to ma $id --force >/dev/null 2>&1
c=$(svc-complaint new --order $id --text 迟到)
unchanged "a complaint given to the one it is about" as wu svc-complaint assign $c --to ma
check_rc 77 "G10: a complaint is not assigned to one who worked on the order"
unchanged "a complaint resolved by the one it is about" as ma svc-complaint resolve $c \
    --resolution 已处理 --upheld
check_rc 77 "G10: nor resolved by him"
check_err "ma worked on order $id: a complaint is never handled by the one it is about (G10)" "says why"
run as wu svc-complaint resolve $c --resolution 已道歉 --upheld
check_rc 0 "another in the office resolves it"

# --- What svc-staff roles prints: the table, and one person's part. ---
run svc-staff roles
check_same "$(printf '%s\n' "$out" | grep -c .)" 56 "every writing verb has a row (svc-db copy the 56th)"
check_same "$(printf '%s\n' "$out" | grep -P '^svc-pay\tvoid\t')" \
    "svc-pay	void	finance	void a receipt" "void is finance's"
run svc-staff roles qian
check_same "$(printf '%s\n' "$out" | cut -f2 | tr '\n' ' ')" "receive void refund handover " "qian's part: finance's verbs"
run svc-staff roles -o json wu
check_same "$(printf '%s\n' "$out" | grep -c '"roles":"[^"]*complaints')" 3 "json: wu's three verbs"
run svc-staff roles nobody
check_rc 64 "an unknown login"
# The table in svc(7) is the library's: every (command, verb, roles).
man_rows=$(awk '/^\.Ss Who is acting/ { on = 1 } on && /^\.El/ { exit }
    on && /^\.It svc-/ { sub(/^\.It /, ""); n = split($0, f, / Ta /)
    m = split(f[2], v, /, /); r = f[3]; gsub(/, /, ",", r)
    if (r == "the file'"'"'s permissions") r = ""
    for (i = 1; i <= m; i++) print f[1] "\t" v[i] "\t" r }' "$TOP/man/man7/svc.7" | sort)
lib_rows=$(svc-staff roles | cut -f1-3 | sort)
check_same "$man_rows" "$lib_rows" "svc(7)'s roles table is the library's"

# --- Acting for another: recorded, and sealed. ---
# The person is the real login; on a server, whom the server authenticated.
if pg; then me=$(q "SELECT session_user"); else me=$(id -un); fi
SVC_USER=ma run svc-visit arrive $id
check_rc 0 "root enters ma's arrival"
check_same "$(q "SELECT actor, entered_by, entered_at IS NOT NULL AND entered_at <> at FROM event ORDER BY id DESC LIMIT 1")" \
    "ma|$me|1" "root acting for ma: the actor, who entered it, and the clock's time beside SVC_NOW's"
run svc-db verify
check_rc 0 "the chain follows with entered_by and entered_at in it"
t=$(copy_db tamper)
behind "$t" "DROP TRIGGER event_no_update; UPDATE event SET entered_by = NULL WHERE id = (SELECT max(id) FROM event)"
run svc-db verify -d "$t"
check_rc 1 "who entered a row, wiped behind svc's back, is found"
check_same "$(printf '%s\n' "$out" | cut -f1,2)" "seal	event" "naming the event"

# --- Migrated: the rows sealed before migration 14 still follow. ---
rm -f "$T/old.db"
sqlite3 "$T/old.db" <"$TOP/tests/data/schema12.sql"
svc-db init -q -d "$T/old.db" >/dev/null
run svc-db verify -d "$T/old.db"
check_rc 0 "schema 12 to 14: every old chain follows"
check_same "$(sqlite3 "$T/old.db" "SELECT count(*) FROM staff_role WHERE role = 'reception'; PRAGMA user_version")" \
    "0
$SCHEMA" "the roles carried over, reception among the allowed"

# --- Real users: the person is the real login (root and useradd only);
# on a server, the login the server authenticates (a role of svc_app,
# no superuser: the server's root). ---
if pg; then
	q "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'svctw')
	    THEN CREATE ROLE svctw LOGIN IN ROLE svc_app; END IF; END \$\$" >/dev/null
	svc-staff add svctw --name 测试工 --dept clean --role worker >/dev/null
	svc-assign to svctw $id --force >/dev/null 2>&1
	user() {	# user CMD...: connected as svctw
		env -u SVC_USER -u SVC_NOW SVC_DB="$SVC_DB user=svctw" "$@"
	}
	real=1
elif [ "$(id -u)" = 0 ] && command -v useradd >/dev/null 2>&1 &&
    command -v runuser >/dev/null 2>&1; then
	id svctw >/dev/null 2>&1 || useradd -M -N -s /bin/sh svctw
	svc-staff add svctw --name 测试工 --dept clean --role worker >/dev/null
	svc-assign to svctw $id --force >/dev/null 2>&1
	chmod 777 "$T"
	chmod 666 "$SVC_DB"
	user() {	# user CMD...: as svctw, with the test's database
		runuser -u svctw -- env -u SVC_USER -u SVC_NOW "$@"
	}
	real=1
else
	real=0
fi
if [ "$real" = 1 ]; then
	unchanged "svctw acting as the admin" user env SVC_USER=zhou svc-staff edit svctw --role worker,admin
	check_rc 77 "a real user does not act for another"
	check_err "edit: SVC_USER=zhou: svctw may not act for someone else (root or an admin may)" "says so"
	unchanged "svctw claiming another time" user env SVC_NOW="2025-03-01 10:00" svc-visit arrive $id
	check_rc 77 "nor claims another time on a write"
	check_err "arrive: SVC_NOW: svctw may not write at another time (root or an admin may)" "says so"
	unchanged "svctw dispatching" user svc-assign to svctw $id --force
	check_rc 77 "the real login's roles count"
	run user env SVC_NOW="2026-11-27 10:00" svc-order list --status accepted
	check_rc 0 "reading under SVC_NOW is anyone's"
	run user svc-report query "SELECT count(*) FROM v_order WHERE id = $id"
	check_out 1 "the documented views are the reader's"
	pg || userdel svctw 2>/dev/null
else
	skip 10 "real users need root, useradd and runuser"
fi
done_testing

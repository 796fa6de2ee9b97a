# fish completion for the svc commands.
# Installed once per command name in vendor_completions.d.

# The -d and -c of the line being completed, so that the values offered
# come from that database and configuration (only svc-db init creates one).
function __svc_db
    set -l tok (commandline -opc)
    set -l i 2
    while test $i -le (count $tok)
        switch $tok[$i]
            case -d --db -c --config
                set -l j (math $i + 1)
                if test $j -le (count $tok)
                    printf '%s\n' $tok[$i] $tok[$j]
                end
                set i $j
            case '--db=*' '--config=*'
                printf '%s\n' $tok[$i]
        end
        set i (math $i + 1)
    end
end

function __svc_logins
    svc-staff list --all -o tsv (__svc_db) 2>/dev/null | cut -f1,2
end

function __svc_depts
    svc-staff depts -o tsv (__svc_db) 2>/dev/null | cut -f1,2
end

# Orders in the given states (every order without), described by their
# state and customer: each verb offers those it takes.
function __svc_orders_in
    set -l st
    test (count $argv) -gt 0; and set st --status $argv[1]
    svc-order list $st -o tsv (__svc_db) 2>/dev/null | awk -F '\t' '{ print $1 "\t" $2 " " $5 }'
end

# Open orders: those a reply or an edit acts on.
function __svc_orders
    __svc_orders_in new,accepted
end

function __svc_services
    svc-order catalogue -o tsv (__svc_db) 2>/dev/null | cut -f1,3
end

function __svc_workers
    svc-staff list --role worker -o tsv (__svc_db) 2>/dev/null | cut -f1,2
end

function __svc_visits
    __svc_orders_in assigned,arrived,started,suspended,taken_back,done
end

function __svc_products
    svc-product list -o tsv (__svc_db) 2>/dev/null | cut -f1,3
end

for c in svc-assign svc-cal svc-complaint svc-db svc-notify svc-order svc-pay svc-plan svc-product svc-report svc-staff svc-visit
    complete -c $c -s h -l help -d 'show usage'
    complete -c $c -l version -d 'show the version'
    complete -c $c -s d -l db -r -F -d 'database file'
    complete -c $c -s c -l config -r -F -d 'configuration file'
    complete -c $c -s o -l format -x -a 'table tsv csv json' -d 'output format'
    complete -c $c -s H -l header -d 'header line in tsv'
    complete -c $c -s F -l fields -x -d 'columns to show, in order'
    complete -c $c -s w -l wide -d 'a table in full'
    complete -c $c -l excel -d 'csv with a byte order mark'
    complete -c $c -s q -l quiet -d 'no notes on stderr'
end

set -l dbverbs init check backup copy verify seal
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a init -d 'create or migrate'
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a check -d 'check integrity'
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a backup -d 'copy a snapshot'
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a copy -d 'into a new database, either engine'
complete -c svc-db -n "__fish_seen_subcommand_from copy" -s n -l dry-run -d 'prove, keep nothing'
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a verify -d 'walk the sealed log'
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a seal -d "the day's seal"
complete -c svc-db -n "__fish_seen_subcommand_from verify" -l seal -x -d "a day's seal"
complete -c svc-db -n "__fish_seen_subcommand_from verify seal" -l day -x -d 'the day'

set -l calverbs is add days next
complete -c svc-cal -l calendar -x -d 'one of the config calendars'
complete -c svc-cal -f -n "not __fish_seen_subcommand_from $calverbs" -a is -d 'is a date worked'
complete -c svc-cal -f -n "not __fish_seen_subcommand_from $calverbs" -a add -d 'add a duration'
complete -c svc-cal -f -n "not __fish_seen_subcommand_from $calverbs" -a days -d 'list dates'
complete -c svc-cal -f -n "not __fish_seen_subcommand_from $calverbs" -a next -d 'next working moment'
complete -c svc-cal -f -n "__fish_seen_subcommand_from $calverbs" -a 'today tomorrow now'

set -l sv add edit disable enable list show directory import add-dept edit-dept depts roles leave leave-cancel leave-list
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a add -d 'add a person'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a edit -d 'change people'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a disable -d 'take off duty'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a enable -d 'put back on duty'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a list -d 'list staff'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a show -d 'a person with history'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a directory -d 'published phones (G3)'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a import -d 'import a roster'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a add-dept -d 'add a department'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a edit-dept -d 'change departments'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a depts -d 'list departments'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a roles -d 'which role may write what'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a leave -d 'a person away'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a leave-cancel -d 'leave not taken'
complete -c svc-staff -f -n "not __fish_seen_subcommand_from $sv" -a leave-list -d 'leave to come'
complete -c svc-staff -f -n "__fish_seen_subcommand_from edit disable enable show roles leave leave-list" -a '(__svc_logins)'
complete -c svc-staff -n "__fish_seen_subcommand_from leave" -l from -x -d 'begins'
complete -c svc-staff -n "__fish_seen_subcommand_from leave" -l to -x -d 'ends'
complete -c svc-staff -n "__fish_seen_subcommand_from leave leave-cancel" -l reason -x -d 'why'
complete -c svc-staff -n "__fish_seen_subcommand_from leave-list" -l since -x -d 'not over by'
complete -c svc-staff -f -n "__fish_seen_subcommand_from edit-dept" -a '(__svc_depts)'
complete -c svc-staff -l name -x -d 'full name'
complete -c svc-staff -l dept -x -a '(__svc_depts)' -d 'department'
complete -c svc-staff -l skill -x -d 'skills, comma separated'
complete -c svc-staff -l hours -x -d 'own hours HH:MM-HH:MM,...'
complete -c svc-staff -l role -x -a 'admin complaints dispatcher finance reception worker' -d 'roles'
complete -c svc-staff -l phone -x -d 'phone'
complete -c svc-staff -l badge -x -d 'badge number'
complete -c svc-staff -l kind -x -a 'cleaning repair gov' -d 'kind of service'
complete -c svc-staff -s a -l all -d 'disabled people too'
complete -c svc-staff -s n -l dry-run -d 'check, write nothing'
complete -c svc-staff -s k -l keep-going -d 'apply the good items'

set -l ov new import list show accept refuse cancel reopen notice edit export catalogue
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a new -d 'register a request'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a import -d 'register many from YAML'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a list -d 'list orders'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a show -d 'the whole record'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a accept -d 'reply yes (G5)'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a refuse -d 'reply no'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a cancel -d 'the applicant withdraws'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a reopen -d 'take a closed order back'
complete -c svc-order -f -n "__fish_seen_subcommand_from reopen" -a '(__svc_orders_in closed)'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a notice -d 'text for the applicant'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a edit -d 'correct an order'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a export -d 'full records'
complete -c svc-order -f -n "not __fish_seen_subcommand_from $ov" -a catalogue -d 'the services'
complete -c svc-order -f -n "__fish_seen_subcommand_from show" -a '(__svc_orders_in)'
complete -c svc-order -f -n "__fish_seen_subcommand_from accept refuse" -a '(__svc_orders_in new)'
complete -c svc-order -f -n "__fish_seen_subcommand_from cancel" -a '(__svc_orders_in new,accepted,assigned)'
complete -c svc-order -f -n "__fish_seen_subcommand_from notice edit" -a '(__svc_orders)'
complete -c svc-order -l kind -x -a 'cleaning repair gov' -d 'kind of service'
complete -c svc-order -l service -x -a '(__svc_services)' -d 'service CODE[:QTY]'
complete -c svc-order -l customer -x -d 'applicant'
complete -c svc-order -l phone -x -d 'phone'
complete -c svc-order -l email -x -d 'e-mail for messages'
complete -c svc-order -l address -x -d 'address'
complete -c svc-order -l channel -x -a 'window phone office online' -d 'channel'
complete -c svc-order -l group -x -a 'elderly frail sick disabled key-project' -d 'group (G2)'
complete -c svc-order -l want -x -d 'wanted time'
complete -c svc-order -l dept -x -a '(__svc_depts)' -d 'department'
complete -c svc-order -l product -x -d 'product barcode'
complete -c svc-order -l fault -x -d 'reported fault'
complete -c svc-order -l note -x -d 'note'
complete -c svc-order -l at -x -d 'agreed time'
complete -c svc-order -l until -x -d 'end time'
complete -c svc-order -l documents -x -d 'extra documents A;B'
complete -c svc-order -l force -d 'override G7, G2, the past'
complete -c svc-order -l reason -x -d 'reason'
complete -c svc-order -n "__fish_seen_subcommand_from cancel" -l by -x -a 'provider applicant' -d 'who calls it off'
complete -c svc-order -n "__fish_seen_subcommand_from cancel" -l notified -x -d 'when the applicant was told'
complete -c svc-order -l status -x -a 'new accepted assigned arrived started suspended taken_back done abandoned refused cancelled closed' -d 'states'
complete -c svc-order -l since -x -d 'registered at or after'
complete -c svc-order -l on -x -d 'appointment day'
complete -c svc-order -l overdue -d 'reply overdue (G5)'
complete -c svc-order -l limit -x -d 'at most N'
complete -c svc-order -l yaml -d 'a YAML list'
complete -c svc-order -s n -l dry-run -d 'check, write nothing'
complete -c svc-order -s k -l keep-going -d 'apply the good items'

set -l av to drop move agenda auto
complete -c svc-assign -f -n "not __fish_seen_subcommand_from $av" -a to -d 'send a worker (C2)'
complete -c svc-assign -f -n "not __fish_seen_subcommand_from $av" -a drop -d 'take the worker off'
complete -c svc-assign -f -n "not __fish_seen_subcommand_from $av" -a move -d 'change an appointment (G9)'
complete -c svc-assign -f -n "not __fish_seen_subcommand_from $av" -a agenda -d "a worker's day"
complete -c svc-assign -f -n "not __fish_seen_subcommand_from $av" -a auto -d 'place accepted orders'
complete -c svc-assign -f -n "__fish_seen_subcommand_from to agenda" -a '(__svc_workers)'
complete -c svc-assign -f -n "__fish_seen_subcommand_from to" -a '(__svc_orders)'
complete -c svc-assign -f -n "__fish_seen_subcommand_from drop" -a '(__svc_orders_in assigned)'
complete -c svc-assign -f -n "__fish_seen_subcommand_from move" -a '(__svc_orders_in accepted,assigned,taken_back)'
complete -c svc-assign -f -n "__fish_seen_subcommand_from auto" -a '(__svc_orders_in accepted)'
complete -c svc-assign -l helper -x -a '(__svc_workers)' -d 'second person'
complete -c svc-assign -l force -d 'another dept, double-book, outside hours'
complete -c svc-assign -l at -x -d 'new time'
complete -c svc-assign -l reason -x -d 'why'
complete -c svc-assign -l by -x -a 'provider applicant' -d 'who asked'
complete -c svc-assign -l notified -x -d 'when the applicant was told'
complete -c svc-assign -l on -x -d 'day'
complete -c svc-assign -l dept -x -a '(__svc_depts)' -d 'department'
complete -c svc-assign -n "__fish_seen_subcommand_from auto" -s v -l verbose -d 'why each one'
complete -c svc-assign -s n -l dry-run -d 'check, write nothing'
complete -c svc-assign -s k -l keep-going -d 'apply the good items'

set -l vv brief late arrive start contact check suspend resume takeback done report review followup signature attach form noshow
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a brief -d 'before going (A3)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a late -d 'a delay told in advance (A1)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a arrive -d 'at the door (G8)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a start -d 'the work begins (A4)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a contact -d 'reach the applicant'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a check -d 'checks (A4-A7)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a suspend -d 'interrupt (A9)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a resume -d 'continue'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a takeback -d 'to the workshop (A8)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a done -d 'signed and rated (A10)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a report -d 'the worker reports (C5)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a review -d 'accept or send back (C5)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a followup -d 'the return call'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a signature -d 'the signature image'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a attach -d 'keep a file'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a form -d 'the service form (A12)'
complete -c svc-visit -f -n "not __fish_seen_subcommand_from $vv" -a noshow -d 'the sweep (G10)'
complete -c svc-visit -f -n "__fish_seen_subcommand_from brief late arrive start contact check suspend resume takeback done report review followup signature attach form" -a '(__svc_visits)'
complete -c svc-visit -l eta -x -d 'new arrival time'
complete -c svc-visit -l reason -x -d 'why'
complete -c svc-visit -l reached -d 'reached'
complete -c svc-visit -l unreachable -d 'not reached'
complete -c svc-visit -l note -x -d 'note'
complete -c svc-visit -l voucher -d 'voucher shown'
complete -c svc-visit -l no-voucher -d 'voucher not found'
complete -c svc-visit -l barcode -x -a '(__svc_products)' -d 'part barcode'
complete -c svc-visit -l parts-ok -d 'parts complete'
complete -c svc-visit -l parts-missing -x -d 'what is missing'
complete -c svc-visit -l damage -x -d 'man-made damage'
complete -c svc-visit -l not-ours -x -d 'fault not ours'
complete -c svc-visit -l signed-by -x -d 'who signed'
complete -c svc-visit -l resume-at -x -d 'when to continue'
complete -c svc-visit -l return-by -x -d 'return date'
complete -c svc-visit -l rating -x -a '1 2 3 4 5' -d 'rating'
complete -c svc-visit -l comment -x -d 'comments'
complete -c svc-visit -l signature -r -F -d 'signature image'
complete -c svc-visit -n "__fish_seen_subcommand_from done followup" -l conduct -x -d 'answers ID=yes|no,... or -'
complete -c svc-visit -l kind -x -a 'photo-before photo-after other' -d 'attachment kind'
complete -c svc-visit -l width -x -a '32 48 80' -d 'form width'
complete -c svc-visit -l apply -d 'mark abandoned'
complete -c svc-visit -l force -d 'resume out of hours or double-booked'
complete -c svc-visit -l ok -d 'accept the visit'
complete -c svc-visit -l redo -d 'send it back'
complete -c svc-visit -l by -x -a '(__svc_workers)' -d 'recorded for (dispatcher)'
complete -c svc-visit -l check -d 'exit 1 when any'
complete -c svc-visit -s n -l dry-run -d 'check, write nothing'
complete -c svc-visit -s k -l keep-going -d 'apply the good items'

set -l planv new edit pause resume end run list show
complete -c svc-plan -f -n "not __fish_seen_subcommand_from $planv" -a new -d 'a plan from an order'
complete -c svc-plan -f -n "not __fish_seen_subcommand_from $planv" -a edit -d 'a new rule from a date'
complete -c svc-plan -f -n "not __fish_seen_subcommand_from $planv" -a pause -d 'make nothing for now'
complete -c svc-plan -f -n "not __fish_seen_subcommand_from $planv" -a resume -d 'make them again'
complete -c svc-plan -f -n "not __fish_seen_subcommand_from $planv" -a end -d 'make nothing more'
complete -c svc-plan -f -n "not __fish_seen_subcommand_from $planv" -a run -d 'make the orders due (cron)'
complete -c svc-plan -f -n "not __fish_seen_subcommand_from $planv" -a list -d 'the plans'
complete -c svc-plan -f -n "not __fish_seen_subcommand_from $planv" -a show -d 'every occurrence'
complete -c svc-plan -l every -x -d 'N(d|w|mo|y) DAYS HH:MM'
complete -c svc-plan -l rrule -x -d 'RFC 5545 rule'
complete -c svc-plan -l from -x -d 'first day'
complete -c svc-plan -l until -x -d 'last day'
complete -c svc-plan -l count -x -d 'occurrences'
complete -c svc-plan -l on-holiday -x -a 'skip next prev' -d 'a day not worked'
complete -c svc-plan -l note -x -d 'why'
complete -c svc-plan -l ahead -x -a '7d 14d 28d' -d 'horizon of run'
complete -c svc-plan -l state -x -a 'active paused ended' -d 'only this state'
complete -c svc-plan -l kind -x -a 'cleaning repair gov' -d 'only this kind'
complete -c svc-plan -s n -l dry-run -d 'check, write nothing'
complete -c svc-plan -s k -l keep-going -d 'apply the good items'

set -l pv import show list
complete -c svc-product -f -n "not __fish_seen_subcommand_from $pv" -a import -d 'from CSV or YAML'
complete -c svc-product -f -n "not __fish_seen_subcommand_from $pv" -a show -d 'warranty (A5)'
complete -c svc-product -f -n "not __fish_seen_subcommand_from $pv" -a list -d 'every product'
complete -c svc-product -f -n "__fish_seen_subcommand_from show" -a '(__svc_products)'
complete -c svc-product -s n -l dry-run -d 'check, write nothing'

set -l payv bill charge collect receive receipt void refund handover held due
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a bill -d 'what an order owes'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a charge -d 'add lines'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a collect -d 'collected on site (C4)'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a receive -d 'paid at finance (C4)'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a receipt -d 'print receipts (A11)'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a void -d 'void a receipt'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a refund -d 'pay back'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a handover -d 'cash to finance (C4)'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a held -d 'cash not handed over'
complete -c svc-pay -f -n "not __fish_seen_subcommand_from $payv" -a due -d 'done and owing'
complete -c svc-pay -f -n "__fish_seen_subcommand_from bill charge collect receive refund receipt" -a '(__svc_visits)'
complete -c svc-pay -f -n "__fish_seen_subcommand_from handover held" -a '(__svc_workers)'
complete -c svc-pay -l item -x -a '(__svc_services)' -d 'catalogue item'
complete -c svc-pay -l amount -x -d 'yuan'
complete -c svc-pay -l what -x -d 'what for'
complete -c svc-pay -l method -x -a 'cash card transfer wechat alipay' -d 'method'
complete -c svc-pay -l by -x -a '(__svc_workers)' -d 'collector'
complete -c svc-pay -l reason -x -d 'why'
complete -c svc-pay -l counted -x -d 'cash counted'
complete -c svc-pay -l width -x -a '32 48 80' -d 'receipt width'
complete -c svc-pay -s n -l dry-run -d 'check, write nothing'
complete -c svc-pay -s k -l keep-going -d 'apply the good items'

set -l rv overdue late notice noshow held unpaid takeback unsent unreviewed followup complaints conduct clashes summary workload revenue rating evaluation query
for v in overdue late notice noshow held unpaid takeback unsent unreviewed followup complaints conduct clashes summary workload revenue rating evaluation query
    complete -c svc-report -f -n "not __fish_seen_subcommand_from $rv" -a $v
end
complete -c svc-report -l since -x -d 'from'
complete -c svc-report -l until -x -d 'to'
complete -c svc-report -l dept -x -a '(__svc_depts)' -d 'department'
complete -c svc-report -l kind -x -a 'cleaning repair gov' -d 'kind'
complete -c svc-report -l check -d 'exit 1 when any'
complete -c svc-report -l soon -x -d 'due within'
complete -c svc-report -l older -x -d 'held longer than'
complete -c svc-report -n "__fish_seen_subcommand_from conduct" -l worker -x -a '(__svc_workers)' -d 'one worker'
complete -c svc-report -n "__fish_seen_subcommand_from summary" -l by -x -a 'day week month dept kind worker' -d 'group by'
complete -c svc-report -n "__fish_seen_subcommand_from revenue" -l by -x -a 'day month dept method worker service' -d 'group by'
complete -c svc-report -n "__fish_seen_subcommand_from query" -l timeout -x -d 'stop after'
complete -c svc-report -l year -x -d 'year'
complete -c svc-report -l explain -d 'the formula'

set -l nv due sent failed dismiss check sweep
complete -c svc-notify -f -n "not __fish_seen_subcommand_from $nv" -a due -d 'what should go out now'
complete -c svc-notify -f -n "not __fish_seen_subcommand_from $nv" -a sent -d 'record as sent'
complete -c svc-notify -f -n "not __fish_seen_subcommand_from $nv" -a failed -d 'record a failed attempt'
complete -c svc-notify -f -n "not __fish_seen_subcommand_from $nv" -a dismiss -d 'told another way'
complete -c svc-notify -f -n "not __fish_seen_subcommand_from $nv" -a check -d 'expired and failed messages'
complete -c svc-notify -f -n "not __fish_seen_subcommand_from $nv" -a sweep -d 'make the reminders due'
complete -c svc-notify -n "__fish_seen_subcommand_from sent" -l at -x -d 'when sent'
complete -c svc-notify -n "__fish_seen_subcommand_from failed dismiss" -l reason -x -d 'why'
complete -c svc-notify -n "__fish_seen_subcommand_from check" -l check -d 'exit 1 when any'
complete -c svc-notify -n "__fish_seen_subcommand_from due" -l channel -x -a 'sms email' -d 'only this channel'

set -l cv new list show assign resolve
complete -c svc-complaint -f -n "not __fish_seen_subcommand_from $cv" -a new -d 'register (G11)'
complete -c svc-complaint -f -n "not __fish_seen_subcommand_from $cv" -a list -d 'complaints'
complete -c svc-complaint -f -n "not __fish_seen_subcommand_from $cv" -a show -d 'one complaint'
complete -c svc-complaint -f -n "not __fish_seen_subcommand_from $cv" -a assign -d 'give to a person'
complete -c svc-complaint -f -n "not __fish_seen_subcommand_from $cv" -a resolve -d 'close it'
complete -c svc-complaint -l order -x -a '(__svc_visits)' -d 'order'
complete -c svc-complaint -l customer -x -d 'name'
complete -c svc-complaint -l phone -x -d 'phone'
complete -c svc-complaint -l text -x -d 'complaint'
complete -c svc-complaint -l open -d 'open only'
complete -c svc-complaint -l to -x -d 'person'
complete -c svc-complaint -l resolution -x -d 'what was done'
complete -c svc-complaint -l upheld -d 'upheld'
complete -c svc-complaint -l rejected -d 'rejected'
complete -c svc-complaint -s n -l dry-run -d 'check, write nothing'

# svc COMMAND ...: the front door (svc(1)); the command's options follow
# from its own completion when typed as svc-COMMAND.
set -l svc_cmds assign cal complaint db notify order pay plan product report staff visit
complete -c svc -f
complete -c svc -n "not __fish_seen_subcommand_from help $svc_cmds" -a "help $svc_cmds"
complete -c svc -n "__fish_seen_subcommand_from help" -a "$svc_cmds"
complete -c svc -l version -d 'the version'

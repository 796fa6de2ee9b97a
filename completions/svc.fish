# fish completion for svc-db, svc-cal, svc-staff.
# Installed once per command name in vendor_completions.d.

function __svc_logins
    svc-staff list --all -o tsv 2>/dev/null | cut -f1,2
end

function __svc_depts
    svc-staff depts -o tsv 2>/dev/null | cut -f1,2
end

for c in svc-db svc-cal svc-staff
    complete -c $c -s h -l help -d 'show usage'
    complete -c $c -l version -d 'show the version'
    complete -c $c -s d -l db -r -F -d 'database file'
    complete -c $c -s c -l config -r -F -d 'configuration file'
    complete -c $c -s o -l format -x -a 'table tsv csv json' -d 'output format'
    complete -c $c -s H -l header -d 'header line in tsv'
    complete -c $c -s q -l quiet -d 'no notes on stderr'
end

set -l dbverbs init check backup
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a init -d 'create or migrate'
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a check -d 'check integrity'
complete -c svc-db -f -n "not __fish_seen_subcommand_from $dbverbs" -a backup -d 'copy a snapshot'

set -l calverbs is add days next
complete -c svc-cal -f -n "not __fish_seen_subcommand_from $calverbs" -a is -d 'is a date worked'
complete -c svc-cal -f -n "not __fish_seen_subcommand_from $calverbs" -a add -d 'add a duration'
complete -c svc-cal -f -n "not __fish_seen_subcommand_from $calverbs" -a days -d 'list dates'
complete -c svc-cal -f -n "not __fish_seen_subcommand_from $calverbs" -a next -d 'next working moment'
complete -c svc-cal -f -n "__fish_seen_subcommand_from $calverbs" -a 'today tomorrow now'

set -l sv add edit disable enable list show directory import add-dept edit-dept depts
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
complete -c svc-staff -f -n "__fish_seen_subcommand_from edit disable enable show" -a '(__svc_logins)'
complete -c svc-staff -f -n "__fish_seen_subcommand_from edit-dept" -a '(__svc_depts)'
complete -c svc-staff -l name -x -d 'full name'
complete -c svc-staff -l dept -x -a '(__svc_depts)' -d 'department'
complete -c svc-staff -l role -x -a 'admin complaints dispatcher finance worker' -d 'roles'
complete -c svc-staff -l phone -x -d 'phone'
complete -c svc-staff -l badge -x -d 'badge number'
complete -c svc-staff -l kind -x -a 'cleaning repair gov' -d 'kind of service'
complete -c svc-staff -s a -l all -d 'disabled people too'
complete -c svc-staff -s n -l dry-run -d 'check, write nothing'
complete -c svc-staff -s k -l keep-going -d 'apply the good items'

# bash completion for the svc commands: svc-assign, svc-cal, svc-db,
# svc-complaint, svc-notify, svc-order, svc-pay, svc-plan, svc-product, svc-report,
# svc-staff, svc-visit.
# Installed once per command name, so bash-completion finds it on demand.

# The -d and -c of the line being completed, so that the values offered
# come from that database and configuration (never one svc would create:
# only svc-db init creates).
_svc_db=()
_svc_db_args() {
	local i w
	_svc_db=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-d|--db|-c|--config)
			((i + 1 < COMP_CWORD)) && _svc_db+=("$w" "${COMP_WORDS[i+1]/#\~/$HOME}")
			((i++)) ;;
		--db=*|--config=*) _svc_db+=("$w") ;;
		esac
	done
}

_svc_logins() {
	svc-staff list --all -o tsv "${_svc_db[@]}" 2>/dev/null | cut -f1
}

_svc_depts() {
	svc-staff depts -o tsv "${_svc_db[@]}" 2>/dev/null | cut -f1
}

# Orders in the given states (all of them without one): those a verb takes.
_svc_orders_in() {
	svc-order list ${1:+--status "$1"} -o tsv "${_svc_db[@]}" 2>/dev/null | cut -f1
}

# Open orders: those a reply or an edit acts on.
_svc_orders() {
	_svc_orders_in new,accepted
}

_svc_workers() {
	svc-staff list --role worker -o tsv "${_svc_db[@]}" 2>/dev/null | cut -f1
}

# Orders at the door: assigned or further along.
_svc_visits() {
	_svc_orders_in assigned,arrived,started,suspended,taken_back,done
}

_svc_products() {
	svc-product list -o tsv "${_svc_db[@]}" 2>/dev/null | cut -f1
}

_svc_services() {
	svc-order catalogue -o tsv "${_svc_db[@]}" 2>/dev/null | cut -f1
}

_svc() {
	local cur prev cmd verb verbs opts common
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=${COMP_WORDS[0]##*/}
	common="--help --version --db --config --format --header --fields --wide --excel --quiet"
	_svc_db_args
	# The verb is the first word that is not an option or its argument.
	local i w
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-d|--db|-c|--config|-o|--format|-F|--fields) ((i++)) ;;
		-*) ;;
		*) verb=$w; break ;;
		esac
	done

	case $prev in
	-o|--format) COMPREPLY=($(compgen -W "table tsv csv json" -- "$cur")); return ;;
	-d|--db|-c|--config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--dept) COMPREPLY=($(compgen -W "$(_svc_depts)" -- "$cur")); return ;;
	--helper|--worker) COMPREPLY=($(compgen -W "$(_svc_workers)" -- "$cur")); return ;;
	--by)
		case $cmd:$verb in
		svc-report:summary) COMPREPLY=($(compgen -W "day week month dept kind worker" -- "$cur")) ;;
		svc-report:revenue) COMPREPLY=($(compgen -W "day month dept method worker service" -- "$cur")) ;;
		svc-report:*) ;;
		svc-pay:*|svc-visit:*) COMPREPLY=($(compgen -W "$(_svc_workers)" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "provider applicant" -- "$cur")) ;;
		esac
		return ;;
	--to) COMPREPLY=($(compgen -W "$(svc-staff list --role complaints -o tsv "${_svc_db[@]}" 2>/dev/null | cut -f1)" -- "$cur")); return ;;
	--order) COMPREPLY=($(compgen -W "$(_svc_visits)" -- "$cur")); return ;;
	--soon|--older|--year|--text|--resolution|--timeout|--seal|-F|--fields) return ;;
	--day) COMPREPLY=($(compgen -W "today" -- "$cur")); return ;;
	--method) COMPREPLY=($(compgen -W "cash card transfer wechat alipay" -- "$cur")); return ;;
	--item) COMPREPLY=($(compgen -W "$(_svc_services)" -- "$cur")); return ;;
	--amount|--what|--counted) return ;;
	--barcode) COMPREPLY=($(compgen -W "$(_svc_products)" -- "$cur")); return ;;
	--width) COMPREPLY=($(compgen -W "32 48 80" -- "$cur")); return ;;
	--rating) COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur")); return ;;
	--signature) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--eta|--resume-at|--return-by) COMPREPLY=($(compgen -W "today tomorrow now" -- "$cur")); return ;;
	--parts-missing|--damage|--not-ours|--signed-by|--comment) return ;;
	--role) COMPREPLY=($(compgen -W "admin complaints dispatcher finance reception worker" -- "$cur")); return ;;
	--kind)
		if [[ $cmd == svc-visit ]]; then
			COMPREPLY=($(compgen -W "photo-before photo-after other" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "cleaning repair gov" -- "$cur"))
		fi
		return ;;
	--service) COMPREPLY=($(compgen -W "$(_svc_services)" -- "$cur")); return ;;
	--channel)
		if [[ $cmd == svc-notify ]]; then
			COMPREPLY=($(compgen -W "sms email" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "window phone office online" -- "$cur"))
		fi
		return ;;
	--on-holiday) COMPREPLY=($(compgen -W "skip next prev" -- "$cur")); return ;;
	--state) COMPREPLY=($(compgen -W "active paused ended" -- "$cur")); return ;;
	--every|--rrule|--count|--ahead) return ;;
	--group) COMPREPLY=($(compgen -W "elderly frail sick disabled key-project" -- "$cur")); return ;;
	--status) COMPREPLY=($(compgen -W "new accepted assigned arrived started suspended taken_back done abandoned refused cancelled closed" -- "$cur")); return ;;
	--at|--until|--want|--since|--on|--notified|--from|--to) COMPREPLY=($(compgen -W "today tomorrow now" -- "$cur")); return ;;
	--calendar|--skill|--hours|--name|--phone|--email|--badge|--customer|--address|--product|--fault|--note|--reason|--documents|--limit) return ;;
	esac

	case $cmd in
	svc-db) verbs="init check backup copy verify seal" ;;
	svc-assign) verbs="to drop move agenda auto" ;;
	svc-visit) verbs="brief late arrive start contact check suspend resume takeback done report review followup signature attach form noshow" ;;
	svc-product) verbs="import show list" ;;
	svc-plan) verbs="new edit pause resume end run list show" ;;
	svc-report) verbs="overdue late notice noshow held unpaid takeback unsent unreviewed followup complaints conduct clashes summary workload revenue rating evaluation query" ;;
	svc-complaint) verbs="new list show assign resolve" ;;
	svc-notify) verbs="due sent failed dismiss check sweep" ;;
	svc-pay) verbs="bill charge collect receive receipt void refund handover held due" ;;
	svc-cal) verbs="is add days next" ;;
	svc-order) verbs="new import list show accept refuse cancel reopen notice edit export catalogue" ;;
	svc-staff) verbs="add edit disable enable list show directory import add-dept edit-dept depts roles leave leave-cancel leave-list" ;;
	*) return ;;
	esac

	if [[ -z $verb ]]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$common" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$verbs" -- "$cur"))
		fi
		return
	fi

	opts=$common
	local person="--kind --service --customer --phone --email --address --channel --group --want --dept --product --fault --note --dry-run"
	local filters="--status --kind --dept --customer --since --until --on --overdue --limit"
	case $cmd:$verb in
	svc-cal:*) opts="$opts --calendar" ;;
	svc-visit:late) opts="$opts --eta --reason --by --dry-run --keep-going" ;;
	svc-visit:arrive|svc-visit:start|svc-visit:resume) opts="$opts --by --dry-run --keep-going" ;;
	svc-visit:contact) opts="$opts --reached --unreachable --note --dry-run --keep-going" ;;
	svc-visit:check) opts="$opts --voucher --no-voucher --barcode --parts-ok --parts-missing --damage --not-ours --signed-by --by --dry-run --keep-going" ;;
	svc-visit:suspend) opts="$opts --reason --resume-at --by --force --dry-run --keep-going" ;;
	svc-visit:takeback) opts="$opts --reason --return-by --by --dry-run --keep-going" ;;
	svc-visit:done) opts="$opts --signed-by --rating --comment --signature --conduct --by --dry-run --keep-going" ;;
	svc-visit:report) opts="$opts --note --by --dry-run --keep-going" ;;
	svc-visit:review) opts="$opts --ok --redo --reason --dry-run --keep-going" ;;
	svc-visit:followup) opts="$opts --reached --unreachable --rating --comment --conduct --dry-run --keep-going" ;;
	svc-visit:attach) opts="$opts --kind --dry-run" ;;
	svc-visit:form) opts="$opts --width" ;;
	svc-visit:noshow) opts="$opts --apply --check --dry-run" ;;
	svc-product:import) opts="$opts --dry-run" ;;
	svc-plan:new|svc-plan:edit) opts="$opts --every --rrule --from --until --count --on-holiday --note --dry-run --keep-going" ;;
	svc-plan:pause|svc-plan:resume|svc-plan:end) opts="$opts --note --dry-run --keep-going" ;;
	svc-plan:run) opts="$opts --ahead --dry-run --keep-going" ;;
	svc-plan:list) opts="$opts --state --kind" ;;
	svc-report:overdue) opts="$opts --since --until --dept --kind --check --soon" ;;
	svc-report:held) opts="$opts --since --until --dept --kind --check --older" ;;
	svc-report:conduct) opts="$opts --since --until --dept --kind --check --worker" ;;
	svc-report:late|svc-report:notice|svc-report:noshow|svc-report:unpaid|svc-report:takeback|svc-report:unsent|svc-report:unreviewed|svc-report:followup|svc-report:complaints|svc-report:clashes)
		opts="$opts --since --until --dept --kind --check" ;;
	svc-report:summary|svc-report:revenue) opts="$opts --by --since --until --dept --kind" ;;
	svc-report:workload|svc-report:rating) opts="$opts --since --until --dept --kind" ;;
	svc-report:evaluation) opts="$opts --year --explain" ;;
	svc-report:query) opts="$opts --timeout" ;;
	svc-db:verify) opts="$opts --seal --day" ;;
	svc-db:seal) opts="$opts --day" ;;
	svc-db:copy) opts="$opts --dry-run" ;;
	svc-complaint:new) opts="$opts --order --customer --phone --text --dry-run" ;;
	svc-notify:sent) opts="$opts --at --dry-run --keep-going" ;;
	svc-notify:failed|svc-notify:dismiss) opts="$opts --reason --dry-run --keep-going" ;;
	svc-notify:check) opts="$opts --check" ;;
	svc-notify:due) opts="$opts --channel" ;;
	svc-notify:sweep) opts="$opts --dry-run" ;;
	svc-complaint:list) opts="$opts --open" ;;
	svc-complaint:assign) opts="$opts --to --dry-run --keep-going" ;;
	svc-complaint:resolve) opts="$opts --resolution --upheld --rejected --dry-run --keep-going" ;;
	svc-pay:charge) opts="$opts --item --amount --what --dry-run --keep-going" ;;
	svc-pay:collect) opts="$opts --amount --method --by --dry-run" ;;
	svc-pay:receive) opts="$opts --amount --method --dry-run" ;;
	svc-pay:refund) opts="$opts --amount --method --reason --dry-run" ;;
	svc-pay:void) opts="$opts --reason --dry-run --keep-going" ;;
	svc-pay:handover) opts="$opts --counted --dry-run" ;;
	svc-pay:receipt) opts="$opts --width" ;;
	svc-assign:to) opts="$opts --helper --force --dry-run --keep-going" ;;
	svc-assign:drop) opts="$opts --reason --dry-run --keep-going" ;;
	svc-assign:move) opts="$opts --at --reason --by --notified --force --dry-run --keep-going" ;;
	svc-assign:agenda) opts="$opts --on" ;;
	svc-assign:auto) opts="$opts --dept --on --verbose --dry-run" ;;
	svc-order:new) opts="$opts $person" ;;
	svc-order:edit) opts="$opts $person --keep-going" ;;
	svc-order:accept) opts="$opts --at --until --documents --note --force --dry-run --keep-going" ;;
	svc-order:refuse) opts="$opts --reason --note --dry-run --keep-going" ;;
	svc-order:cancel) opts="$opts --reason --note --by --notified --dry-run --keep-going" ;;
	svc-order:reopen) opts="$opts --reason --dry-run --keep-going" ;;
	svc-order:list) opts="$opts $filters" ;;
	svc-order:export) opts="$opts $filters --yaml" ;;
	svc-order:import) opts="$opts --dry-run" ;;
	svc-order:catalogue) opts="$opts --kind" ;;
	svc-staff:add|svc-staff:edit) opts="$opts --name --dept --role --phone --badge --skill --hours --dry-run --keep-going" ;;
	svc-staff:disable|svc-staff:enable) opts="$opts --dry-run --keep-going" ;;
	svc-staff:list) opts="$opts --dept --role --all" ;;
	svc-staff:leave) opts="$opts --from --to --reason --dry-run" ;;
	svc-staff:leave-cancel) opts="$opts --reason --dry-run --keep-going" ;;
	svc-staff:leave-list) opts="$opts --since --all" ;;
	svc-staff:import) opts="$opts --dry-run" ;;
	svc-staff:add-dept|svc-staff:edit-dept) opts="$opts --name --kind --phone --dry-run --keep-going" ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	case $cmd:$verb in
	svc-assign:to)
		# The login first, then orders.
		if [[ $COMP_CWORD -eq $((i + 1)) ]]; then
			COMPREPLY=($(compgen -W "$(_svc_workers)" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_svc_orders)" -- "$cur"))
		fi ;;
	svc-assign:agenda)
		COMPREPLY=($(compgen -W "$(_svc_workers)" -- "$cur")) ;;
	svc-visit:attach)
		if [[ $COMP_CWORD -eq $((i + 1)) ]]; then
			COMPREPLY=($(compgen -W "$(_svc_visits)" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	svc-visit:noshow) ;;
	svc-visit:*)
		COMPREPLY=($(compgen -W "$(_svc_visits)" -- "$cur")) ;;
	svc-pay:bill|svc-pay:charge|svc-pay:collect|svc-pay:receive|svc-pay:refund|svc-pay:receipt)
		COMPREPLY=($(compgen -W "$(_svc_visits)" -- "$cur")) ;;
	svc-complaint:show|svc-complaint:assign|svc-complaint:resolve)
		COMPREPLY=($(compgen -W "$(svc-complaint list --open -o tsv "${_svc_db[@]}" 2>/dev/null | cut -f1)" -- "$cur")) ;;
	svc-pay:handover|svc-pay:held)
		COMPREPLY=($(compgen -W "$(_svc_workers)" -- "$cur")) ;;
	svc-product:show)
		COMPREPLY=($(compgen -W "$(_svc_products)" -- "$cur")) ;;
	svc-product:import)
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	svc-assign:drop)
		COMPREPLY=($(compgen -W "$(_svc_orders_in assigned)" -- "$cur")) ;;
	svc-assign:move)
		COMPREPLY=($(compgen -W "$(_svc_orders_in accepted,assigned,taken_back)" -- "$cur")) ;;
	svc-assign:auto)
		COMPREPLY=($(compgen -W "$(_svc_orders_in accepted)" -- "$cur")) ;;
	svc-order:show)
		COMPREPLY=($(compgen -W "$(_svc_orders_in)" -- "$cur")) ;;
	svc-order:accept|svc-order:refuse)
		COMPREPLY=($(compgen -W "$(_svc_orders_in new)" -- "$cur")) ;;
	svc-order:cancel)
		COMPREPLY=($(compgen -W "$(_svc_orders_in new,accepted,assigned)" -- "$cur")) ;;
	svc-order:notice|svc-order:edit)
		COMPREPLY=($(compgen -W "$(_svc_orders)" -- "$cur")) ;;
	svc-order:reopen)
		COMPREPLY=($(compgen -W "$(_svc_orders_in closed)" -- "$cur")) ;;
	svc-order:import)
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	svc-staff:edit|svc-staff:disable|svc-staff:enable|svc-staff:show|svc-staff:roles|svc-staff:leave|svc-staff:leave-list)
		COMPREPLY=($(compgen -W "$(_svc_logins)" -- "$cur")) ;;
	svc-staff:edit-dept)
		COMPREPLY=($(compgen -W "$(_svc_depts)" -- "$cur")) ;;
	svc-staff:import|svc-db:backup|svc-db:copy)
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	svc-cal:*)
		COMPREPLY=($(compgen -W "today tomorrow now" -- "$cur")) ;;
	esac
}

# svc COMMAND ...: the command's own completion, as if typed svc-COMMAND.
_svc_front() {
	local cur=${COMP_WORDS[COMP_CWORD]}
	local cmds="assign cal complaint db notify order pay plan product report staff visit"
	if ((COMP_CWORD == 1)); then
		COMPREPLY=($(compgen -W "help $cmds" -- "$cur"))
	elif [[ ${COMP_WORDS[1]} == help ]]; then
		((COMP_CWORD == 2)) && COMPREPLY=($(compgen -W "$cmds" -- "$cur"))
	else
		COMP_WORDS=("svc-${COMP_WORDS[1]#svc-}" "${COMP_WORDS[@]:2}")
		((COMP_CWORD--))
		_svc
	fi
}
complete -F _svc_front svc
complete -F _svc svc-assign svc-cal svc-complaint svc-db svc-notify svc-order svc-pay svc-plan svc-product svc-report svc-staff svc-visit

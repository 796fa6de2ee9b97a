#!/bin/sh
# gateway-gammu.sh - an SMS gateway for svc-notify through a modem run by
# gammu-smsd (Debian: gammu-smsd).  Reads the lines of `svc-notify due`
# (ID, recipient, text, tab separated), queues each with
# gammu-smsd-inject, and prints the id of each message queued, for
# `svc-notify sent`; a failure is told back to svc-notify failed.
#
#   svc-notify due | sh gateway-gammu.sh | svc-notify sent -q
#
# Any other gateway is the same three steps: read a line, send, print
# the id (a provider's HTTP API: curl in place of gammu-smsd-inject).
tab=$(printf '\t')
while IFS="$tab" read -r id to text; do
	case $id in ''|*[!0-9]*) continue ;; esac
	if out=$(gammu-smsd-inject TEXT "$to" -unicode -text "$text" 2>&1); then
		printf '%s\n' "$id"
	else
		svc-notify failed "$id" --reason "gammu: $(printf '%s' "$out" |
		    tail -1 | tr -d '\t\r')" -q >/dev/null || :
	fi
done

#!/bin/sh
# gateway-sendmail.sh - an e-mail gateway for svc-notify through the
# system's mailer (`sendmail -t`: Debian's exim4, postfix or msmtp-mta).
# Reads the lines of `svc-notify due --channel email` (ID, recipient,
# text, tab separated), mails each, and prints the id of each message
# the mailer took, for `svc-notify sent`; a refusal is told back to
# svc-notify failed.
#
#   svc-notify due --channel email | sh gateway-sendmail.sh | svc-notify sent -q
#
# SVC_MAIL_FROM is the sender (default: the mailer's own); SVC_MAIL_SUBJECT
# the subject (default 上门服务通知).  The text is sent as it is, UTF-8.
tab=$(printf '\t')
subject=${SVC_MAIL_SUBJECT:-上门服务通知}
# RFC 2047: a subject that is not ASCII travels as an encoded word.
subject="=?UTF-8?B?$(printf '%s' "$subject" | base64 | tr -d '\n')?="
while IFS="$tab" read -r id to text; do
	case $id in ''|*[!0-9]*) continue ;; esac
	if out=$( {
		[ -n "${SVC_MAIL_FROM:-}" ] && printf 'From: %s\n' "$SVC_MAIL_FROM"
		printf 'To: %s\nSubject: %s\nMIME-Version: 1.0\n' "$to" "$subject"
		printf 'Content-Type: text/plain; charset=UTF-8\n'
		printf 'Content-Transfer-Encoding: 8bit\n\n%s\n' "$text"
	} | sendmail -t -oi 2>&1); then
		printf '%s\n' "$id"
	else
		svc-notify failed "$id" --reason "sendmail: $(printf '%s' "${out:-refused}" |
		    tail -1 | tr -d '\t\r')" -q >/dev/null || :
	fi
done

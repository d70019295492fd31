#!/usr/bin/env bash
# notify_retry.sh - SMTP down delays mail, never a step: with the server stopped the walk completes
# and akses-notify records failed attempts (backoff 30 s, doubling); once it is up again and the
# clock passes the next try the mails arrive, once each. Each channel keeps its own attempts: a
# failing notify_command does not send a delivered mail again.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
for who in KADIS KABID KOORD HELPDESK; do
	as "$ADMIN" staff email "${!who}" --email "${who,,}@dinas.example" >/dev/null
done

# the SMTP server is down: the whole walk to step 6 still completes
at '2026-11-29 08:00'
submit
to_recorded "$REQ"
expect_state "$REQ" RECORDED 6
[[ $(sql "SELECT count(*) FROM outbox") == 9 ]] || fail "outbox: $(sql "SELECT kind, step FROM outbox")"

at '2026-11-29 08:01:00'
notify_once
grep -q '9 events: mail 0 sent, 9 failed, 0 skipped; command 9 sent' "$WORK/notify.out" ||
	fail "round with SMTP down: $(cat "$WORK/notify.out")"
grep -qi 'smtp' "$WORK/notify.err" || fail "the failure is not logged: $(cat "$WORK/notify.err")"
(($(n_events) == 9)) || fail "the command channel did not go on without mail"
t=$(date -d '2026-11-29 08:01:00' +%s) # Unix time of the local (TZ) moment
[[ $(sql "SELECT count(*) FROM outbox WHERE mail_state = 'pending' AND mail_attempts = 1
	AND mail_next_at = $t + 30 AND mail_error LIKE 'smtp:%'") == 9 ]] ||
	fail "failed attempts not recorded: $(sql "SELECT mail_state, mail_attempts, mail_next_at - $t, mail_error FROM outbox")"

# up again, but before the next try nothing is sent; past it, everything once
sink_start
notify_once
(($(n_mails) == 0)) || fail "sent before its next try"
at '2026-11-29 08:01:30'
notify_once
grep -q '9 events: mail 9 sent, 0 failed, 0 skipped; command 0 sent' "$WORK/notify.out" ||
	fail "round after the restart: $(cat "$WORK/notify.out")"
(($(n_mails) == 9 && $(n_events) == 9)) || fail "$(n_mails) mails, $(n_events) events after the restart"
at '2026-11-29 08:30'
notify_once
(($(n_mails) == 9)) || fail "a mail was sent twice"
(($(mails_to kadis@dinas.example) == 1 && $(mails_to nurul@example.co.id) == 3)) ||
	fail "recipients after the restart"

# the command fails, the mail goes: later only the command is tried again
touch "$WORK/cmd_fails"
at '2026-11-29 08:40'
submit
notify_once
grep -q '2 events: mail 2 sent, 0 failed, 0 skipped; command 0 sent, 2 failed' "$WORK/notify.out" ||
	fail "round with a failing command: $(cat "$WORK/notify.out")"
rm "$WORK/cmd_fails"
at '2026-11-29 08:41'
notify_once
grep -q '2 events: mail 0 sent, 0 failed, 0 skipped; command 2 sent' "$WORK/notify.out" ||
	fail "the command's retry: $(cat "$WORK/notify.out")"
(($(n_mails) == 11)) || fail "the command's retry sent mail again: $(n_mails)"
[[ -z $(grep -h '^Message-ID' "$MAILS"/*.eml | sort | uniq -d) ]] || fail "a message arrived twice"

# the backoff doubles while the server stays down: 30 s, 60 s, 120 s
sink_stop
at '2026-11-29 09:00:00'
submit
for when in '09:00:00' '09:00:30' '09:01:30'; do
	at "2026-11-29 $when"
	notify_once
done
got=$(sql "SELECT mail_attempts || ' ' || (mail_next_at - $(date -d '2026-11-29 09:01:30' +%s))
	FROM outbox WHERE kind = 'submitted' ORDER BY id DESC LIMIT 1")
[[ $got == '3 120' ]] || fail "third failure: attempts and wait are '$got', expected '3 120'"
echo "notify_retry: ok"

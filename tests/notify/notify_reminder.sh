#!/usr/bin/env bash
# notify_reminder.sh - a step overdue by its time standard gets exactly one reminder, however often
# akses-notify runs; a step taken in time, or after its due time but before the sender looked, gets
# none.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
as "$ADMIN" staff email "$KADIS" --email kadis@dinas.example >/dev/null
as "$ADMIN" staff email "$KABID" --email kabid@dinas.example >/dev/null
sink_start

at '2026-11-29 08:00'
submit
LATE=$REQ
submit
ONTIME=$REQ
at '2026-11-29 08:02'
notify_once
grep -q '^0 reminders' "$WORK/notify.out" || fail "a reminder before the due time"
(($(mails_to kadis@dinas.example) == 2)) || fail "Kadis: two step-2 notices"
# ONTIME is disposed exactly at its due time, before the sender looks again
at '2026-11-29 08:03'
as "$KADIS" dispose "$ONTIME" >/dev/null

at '2026-11-29 08:03:30'
notify_once
grep -q '^1 reminders' "$WORK/notify.out" || fail "overdue step 2: $(cat "$WORK/notify.out")"
at '2026-11-29 08:03:45'
notify_once
grep -q '^0 reminders' "$WORK/notify.out" || fail "a second reminder: $(cat "$WORK/notify.out")"
[[ $(sql "SELECT count(*) FROM outbox o JOIN request r ON r.id = o.request_id
	WHERE o.kind = 'reminder' AND r.number = '$LATE' AND o.step = 2") == 1 ]] || fail "reminder row"
[[ $(sql "SELECT count(*) FROM outbox o JOIN request r ON r.id = o.request_id
	WHERE o.kind = 'reminder' AND r.number = '$ONTIME' AND o.step = 2") == 0 ]] ||
	fail "ONTIME was reminded of step 2"
(($(mails_to kadis@dinas.example) == 3)) || fail "Kadis: two notices and one reminder"
subjects | grep -qxF "[Akses] $LATE: Pengingat: langkah 2 melewati waktu bakunya / Reminder: step 2 is past its time standard" ||
	fail "no reminder mail for $LATE: $(subjects)"

# the late step is taken; each request's step 3 (due 3 minutes after its step 2) gets its own
# single reminder, ONTIME's at 08:06, LATE's at 08:13
at '2026-11-29 08:10'
as "$KADIS" dispose "$LATE" >/dev/null
at '2026-11-29 08:20'
notify_once
notify_once
[[ $(sql "SELECT count(*) FROM outbox WHERE kind = 'reminder'") == 3 ]] ||
	fail "reminders: $(sql "SELECT kind, request_id, step FROM outbox WHERE kind = 'reminder'")"
(($(mails_to kabid@dinas.example) == 4)) || fail "Kabid: two step-3 notices and two reminders, got $(mails_to kabid@dinas.example)"
echo "notify_reminder: ok"

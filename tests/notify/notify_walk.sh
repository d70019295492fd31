#!/usr/bin/env bash
# notify_walk.sh - a whole request walked with aksesctl, then akses-notify --once against a real
# SMTP server (aiosmtpd on 127.0.0.1): every step's role and the applicant get their mail once, with
# the right recipients and no NIK, phone or name; the notify_command gets every event as JSON; a
# second round sends nothing again.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
add_staff KOORDINATOR 'Koordinator Dua' 777777; KOORD2=$REPLY
# the notice addresses: one at add, the others set afterwards; the escort's is never used
printf '%s\n%s\n' "${PIN[$ADMIN]}" 888888 | "$AKSESCTL" --lang en staff add --as "$ADMIN" \
	--name 'Kabid Kedua' --role KABID --email kabid2@dinas.example >/dev/null
as "$ADMIN" staff email "$KADIS" --email kadis@dinas.example >/dev/null
as "$ADMIN" staff email "$KABID" --email kabid@dinas.example >/dev/null
as "$ADMIN" staff email "$KOORD" --email koord@dinas.example >/dev/null
as "$KOORD2" staff email "$KOORD2" --email koord2@dinas.example >/dev/null # one's own
as "$ADMIN" staff email "$HELPDESK" --email helpdesk@dinas.example >/dev/null
as "$ADMIN" staff email "$TEKNIS" --email teknis@dinas.example >/dev/null
# a bad address is refused with one line and nothing written; only ADMIN sets another's
expect_fail nz 'email' as "$ADMIN" staff email "$KADIS" --email 'not an address'
expect_fail nz 'role' as "$KABID" staff email "$KADIS" --email x@dinas.example
[[ $(sql "SELECT email FROM staff WHERE id = $KADIS") == kadis@dinas.example ]] ||
	fail "a refused change touched the address"
expect_fail nz 'email' bash -c "printf '%s\n%s\n' ${PIN[$ADMIN]} 999999 | \"$AKSESCTL\" --lang en \
	staff add --as $ADMIN --name 'Salah Alamat' --role KABID --email 'a@b'"
[[ $(sql "SELECT count(*) FROM staff WHERE name = 'Salah Alamat'") == 0 ]] ||
	fail "staff add with a bad address added the account"

sink_start
at '2026-11-29 08:00'
submit
ID=$(sql "SELECT id FROM request WHERE number = '$REQ'")
to_recorded "$REQ"
TOKEN=$(as "$HELPDESK" pass list "$REQ" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}' | head -n 1)
at '2026-11-29 10:00'
as "$TEKNIS" scan "$TOKEN" >/dev/null
at '2026-11-29 10:45'
as "$TEKNIS" scan "$TOKEN" >/dev/null
at '2026-11-29 11:00'
as "$HELPDESK" report write "$REQ" --text 'Selesai tanpa temuan.' >/dev/null
as "$KOORD" forward "$REQ" >/dev/null
as "$KABID" forward "$REQ" >/dev/null
as "$KADIS" receive "$REQ" >/dev/null
expect_state "$REQ" CLOSED 12

# the events were written with the steps, before any sender ran
[[ $(sql "SELECT count(*) FROM outbox") == 13 ]] ||
	fail "outbox: $(sql "SELECT kind, step, recipient FROM outbox")"
notify_once
grep -q '13 events: mail 13 sent, 0 failed, 0 skipped; command 13 sent' "$WORK/notify.out" ||
	fail "first round: $(cat "$WORK/notify.out" "$WORK/notify.err")"
(($(n_mails) == 13)) || fail "expected 13 mails, got $(n_mails)"

# each role's mail, to everyone active of that role with an address, once per step
(($(mails_to kadis@dinas.example) == 2)) || fail "Kadis: steps 2 and 12, got $(mails_to kadis@dinas.example)"
(($(mails_to kabid@dinas.example) == 3)) || fail "Kabid: steps 3, 5, 11"
(($(mails_to kabid2@dinas.example) == 3)) || fail "the second Kabid: steps 3, 5, 11"
(($(mails_to koord@dinas.example) == 3)) || fail "Koordinator: steps 4, 6, 10"
(($(mails_to koord2@dinas.example) == 3)) || fail "the second Koordinator: steps 4, 6, 10"
(($(mails_to helpdesk@dinas.example) == 2)) || fail "Helpdesk: steps 6 (record) and 9"
(($(mails_to teknis@dinas.example) == 0)) || fail "the escort got a mail"
(($(mails_to nurul@example.co.id) == 3)) || fail "applicant: submitted, approved, printable"
subjects >"$WORK/subjects"
for s in "$REQ: Langkah 2 menunggu Anda / Step 2 waits for you" \
	"$REQ: Permohonan Anda telah diterima / Your request was received" \
	"$REQ: Permohonan Anda disetujui / Your request was approved" \
	"$REQ: Kartu akses Anda dapat dicetak / Your access pass can be printed" \
	"$REQ: Langkah 12 menunggu Anda / Step 12 waits for you"; do
	grep -qxF "[Akses] $s" "$WORK/subjects" || fail "no mail '$s': $(cat "$WORK/subjects")"
done
# what a mail holds: the number, institution, step, its standard and the console's link
m=$(grep -l -F "https://akses.lan:8443/request/$REQ" $(grep -l '^X-Rcpt: kadis@' "$MAILS"/*.eml) | head -n 1)
[[ -n $m ]] || fail "no Kadis mail links to the console's request page"
for want in "Nomor permohonan / Request number: $REQ" 'Instansi / Institution: PT Maju Jaya' \
	'Langkah / Step: 2 - ' 'Waktu baku / Time standard: 3 m / 3 m' 'From: akses@dinas.example'; do
	grep -qF "$want" "$m" || fail "the Kadis mail lacks '$want': $(cat "$m")"
done

# UU PDP: no NIK, no phone, no name - neither in the mails, nor the events, nor the outbox
sql "SELECT * FROM outbox" >"$WORK/outbox.txt"
for bad in 3171054501900003 34567890 3456-7890 Nurul; do
	grep -rqF "$bad" "$MAILS" "$EVENTS" "$WORK/outbox.txt" && fail "'$bad' found in a notification"
done

# the notify_command got every event as JSON, with the step's role and the console's link
(($(n_events) == 13)) || fail "notify_command ran $(n_events) times, not 13"
$PY - "$EVENTS" "$REQ" "$ID" <<'PYS' || fail "the events' JSON"
import glob, json, sys
ev = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/*.json")]
kinds = sorted((e["kind"], e["step"], e["recipient"]) for e in ev)
assert ("step", 2, "KADIS") in kinds and ("printable", 6, "APPLICANT") in kinds, kinds
assert ("step", 6, "KOORDINATOR") in kinds and ("step", 6, "HELPDESK") in kinds, kinds
assert all(e["request"] == sys.argv[2] for e in ev)
s2 = [e for e in ev if e["kind"] == "step" and e["step"] == 2][0]
assert s2["url"] == "https://akses.lan:8443/request/" + sys.argv[2], s2
assert s2["standard_s"] == 180 and s2["headline"]["en"] == "Step 2 waits for you", s2
PYS

# a second round sends nothing again
notify_once
(($(n_mails) == 13 && $(n_events) == 13)) || fail "the second round sent again: $(n_mails) mails"
grep -q '0 events' "$WORK/notify.out" || fail "second round: $(cat "$WORK/notify.out")"
[[ $(sql "SELECT count(*) FROM outbox WHERE mail_state = 'sent' AND cmd_state = 'sent'
	AND mail_attempts = 1 AND cmd_attempts = 1") == 13 ]] || fail "each event: one attempt per channel"
# a header smuggled into a stored institution (past the validators, with SQL) stays body text
at '2026-11-29 12:00'
REQ=$(ctl request submit --name 'Budi Santoso' --nik 3171054501900003 --institution 'PT X' \
	--phone '0812-3456-7890' --email nurul@example.co.id --category maintenance \
	--purpose 'Cek server' --start '2026-11-29 13:00' --end '2026-11-29 14:00' \
	--equipment 'Laptop' --consent | last_line)
CRLF=$'\r\n'
sql "UPDATE request SET institution = 'PT X${CRLF}Bcc: evil@example.com' WHERE number = '$REQ'"
notify_once
(($(n_mails) == 15)) || fail "the third round: $(n_mails) mails"
(($(mails_to evil@example.com) == 0)) || fail "a smuggled Bcc became a recipient"
for m in $(grep -l -F "$REQ" "$MAILS"/*.eml); do
	sed '/^\r$/q' "$m" | grep -qi '^Bcc:' && fail "a smuggled header in $(cat "$m")"
	grep -qF 'PT X  Bcc: evil@example.com' "$m" || fail "the institution is not one body line: $(cat "$m")"
done
[[ -n ${KEEP_MAILS:-} ]] && cp -r "$MAILS" "$EVENTS" "$KEEP_MAILS"/
echo "notify_walk: ok"

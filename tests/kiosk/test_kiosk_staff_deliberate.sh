#!/usr/bin/env bash
# test_kiosk_staff_deliberate.sh - the officials' deliberate steps at the kiosk: the Kadis disposes
# with a preset instruction and the urgency "segera" (kept on step 2, shown on the kiosk's history
# and by `request show`,
# ticked on the lembar disposisi); the Koordinator sees the whole phone only while verifying,
# the Kabid never; "Approve" shows the request's institution and window and does nothing until
# confirmed (Back leaves it VERIFIED); a rejection starts from a preset, runs over two lines, is
# read back in full with the request, can be changed, and only then is sent.
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:00"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
A=$NUMBER # disposed at the kiosk, verified, approved
kt_submit
B=$NUMBER # rejected
export AKSES_PIN=246800
kt_ctl dispose "$B" --as "$KADIS" >/dev/null
kt_ctl dispose "$B" --as "$KABID" >/dev/null
kt_ctl verify "$B" --as "$KOORD" >/dev/null
unset AKSES_PIN
col() { testdb_sql "$DB" "SELECT $2 FROM request WHERE number = '$1'"; }
step() { testdb_sql "$DB" "SELECT s.$3 FROM step s JOIN request r ON r.id = s.request_id
	WHERE r.number = '$1' AND s.step = $2"; }
# sign in as $1 and open the only request in the inbox, number $2
open_as() {
	kt_longpress logo
	kt_signin "$1" 246800
	kt_wait_screen staff
	kt_wait_line inbox 1
	kt_tap inbox:0
	kt_wait_screen request
	kt_wait_line number "$2"
}
signout() {
	kt_tap signout
	kt_wait_screen welcome
}

kt_kiosk "$SIZE" --db "$DB" --lang en
kt_wait_screen welcome

# 1. the Kadis disposes A: a preset instruction and the urgency, chosen on the dialog
open_as "$KADIS" "$A"
[ "$(kt_get phone)" = "+62812********" ] || kt_fail "the Kadis sees the phone: $(kt_get phone)"
kt_tap act:dispose-kadis
kt_wait_screen reason
kt_wait_line urgency biasa
[ "$(col "$A" state)" = SUBMITTED ] || kt_fail "opening the disposition disposed"
kt_tap preset:0
kt_wait_line chars 24
kt_tap urgency:segera
kt_wait_line urgency segera
kt_shot "$T/staff-dispose.png"
kt_tap reason:ok
kt_wait_screen staff
[ "$(col "$A" state)" = DISPOSED_KADIS ] || kt_fail "state after dispose: $(col "$A" state)"
[ "$(step "$A" 2 instruction)" = "Please process promptly." ] ||
	kt_fail "instruction kept: '$(step "$A" 2 instruction)'"
[ "$(step "$A" 2 urgency)" = segera ] || kt_fail "urgency kept: '$(step "$A" 2 urgency)'"
kt_ctl request show "$A" --as "$KADIS" <<<246800 | grep -q "Instruction: Please process promptly." ||
	kt_fail "the history does not show the instruction"
AKSES_PIN=246800 kt_ctl print disposition "$A" --as "$KADIS" --pdf "$T/disp.pdf" >/dev/null ||
	kt_fail "print disposition"
# the sheet is staff paper, in the session's language (English here): Sifat "Segera" is "Urgent"
pdftotext "$T/disp.pdf" - | tr '\n' ' ' | grep -q "☒ Urgent" ||
	kt_fail "the lembar disposisi does not tick Urgent (segera)"
pdftotext "$T/disp.pdf" - | tr '\n' ' ' | grep -q "Please process promptly." ||
	kt_fail "the lembar disposisi lacks the instruction"
signout
AKSES_PIN=246800 kt_ctl dispose "$A" --as "$KABID" >/dev/null

# 2. the Koordinator verifying sees the whole phone to call the applicant
open_as "$KOORD" "$A"
kt_wait_line nik_full 1
# the history shows the Kadis's disposition: urgency and instruction
[ "$(kt_get dispo)" = "Urgent · Please process promptly." ] || kt_fail "history: '$(kt_get dispo)'"
[ "$(kt_get phone)" = +6281234567890 ] || kt_fail "the verifying Koordinator sees '$(kt_get phone)'"
kt_shot "$T/staff-koord-phone.png"
kt_tap act:verify
kt_wait_screen reason
kt_tap reason:ok
kt_wait_screen staff
[ "$(col "$A" state)" = VERIFIED ] || kt_fail "state after verify: $(col "$A" state)"
signout

# 3. the Kabid approves A: the request is shown, Back leaves it, the second tap approves
kt_longpress logo
kt_signin "$KABID" 246800
kt_wait_screen staff
kt_wait_line inbox 2
for i in 0 1; do
	kt_tap "inbox:$i"
	kt_wait_screen request
	[ "$(kt_get number)" = "$A" ] && break
	kt_tap back
	kt_wait_screen staff
done
kt_wait_line number "$A"
[ "$(kt_get phone)" = "+62812********" ] || kt_fail "the Kabid sees the phone: $(kt_get phone)"
kt_tap act:approve
kt_wait_screen reason
kt_wait_line phase readback
kt_get request | grep -q "PT Data Andalas | $DAY 09:30–11:30" ||
	kt_fail "the approval does not show what is approved: $(kt_get request)"
[ "$(col "$A" state)" = VERIFIED ] || kt_fail "one tap approved"
kt_shot "$T/staff-approve-confirm.png"
kt_tap reason:back
kt_wait_screen request
[ "$(col "$A" state)" = VERIFIED ] || kt_fail "Back approved"
kt_tap act:approve
kt_wait_screen reason
kt_tap reason:send
kt_wait_screen staff
[ "$(col "$A" state)" = APPROVED ] || kt_fail "state after approve: $(col "$A" state)"

# 4. the Kabid rejects B: a preset, a second line typed, read back in full, changed, sent
kt_wait_line inbox 1
kt_tap inbox:0
kt_wait_screen request
kt_wait_line number "$B"
kt_tap act:reject
kt_wait_screen reason
kt_tap preset:0
kt_tap reason:newline
kt_type "Lampirkan KTP"
kt_tap reason:ok
kt_wait_line phase readback
want="Documents incomplete. / Lampirkan KTP"
[ "$(kt_get shown)" = "$want" ] || kt_fail "read back: '$(kt_get shown)'"
kt_get request | grep -q "PT Data Andalas" || kt_fail "the read-back lacks the request"
[ "$(col "$B" state)" = VERIFIED ] || kt_fail "the read-back rejected already"
kt_shot "$T/staff-reject-readback.png"
kt_tap reason:edit
kt_wait_line phase edit
kt_type " x"
kt_tap reason:ok
kt_wait_line phase readback
[ "$(kt_get shown)" = "$want x" ] || kt_fail "read back after the change: '$(kt_get shown)'"
kt_tap reason:send
kt_wait_screen staff
[ "$(col "$B" state)" = REJECTED ] || kt_fail "state after reject: $(col "$B" state)"
[ "$(col "$B" reason)" = "$(printf 'Documents incomplete.\nLampirkan KTP x')" ] ||
	kt_fail "reason in the DB: '$(col "$B" reason)'"
signout
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

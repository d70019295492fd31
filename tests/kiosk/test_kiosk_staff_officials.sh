#!/usr/bin/env bash
# test_kiosk_staff_officials.sh - officials at the kiosk: the Kabid rejects with a reason typed on
# the on-screen keyboard (an empty reason is refused), read back before it is sent, and the DB
# holds REJECTED with that reason;
# the Koordinator sees the whole NIK only at verification, verifies with a note, assigns the
# escort once approved, and cancels an open request with a typed reason.
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:00"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
A=$NUMBER # to be rejected
kt_submit --companion "Budi Santoso;1371021203850002" --equipment "Laptop" --equipment "Disk 4 TB"
B=$NUMBER # verified, approved, escort assigned
kt_submit
C=$NUMBER # cancelled by the Koordinator
export AKSES_PIN=246800
for n in "$A" "$B"; do
	kt_ctl dispose "$n" --as "$KADIS" >/dev/null
	kt_ctl dispose "$n" --as "$KABID" >/dev/null
done
kt_ctl verify "$A" --as "$KOORD" >/dev/null
unset AKSES_PIN
col() { testdb_sql "$DB" "SELECT $2 FROM request WHERE number = '$1'"; }

kt_kiosk "$SIZE" --db "$DB" --lang "${KT_LANG:-en}"
kt_wait_screen welcome

# the Kabid rejects A: the reason is required, then typed on the keyboard
kt_longpress logo
kt_signin "$KABID" 246800
kt_wait_screen staff
kt_wait_line inbox 1
kt_tap inbox:0
kt_wait_screen request
kt_wait_line number "$A"
kt_tap act:reject
kt_wait_screen reason
kt_tap reason:ok
kt_wait_set msg
[ "$(col "$A" state)" = VERIFIED ] || kt_fail "an empty reason rejected the request"
kt_type "Data kurang"
kt_wait_line chars 11
kt_shot "$T/staff-reject-reason.png"
kt_tap reason:ok
kt_wait_line phase readback
kt_tap reason:send
kt_wait_screen staff
kt_wait_line inbox 0
[ "$(col "$A" state)" = REJECTED ] || kt_fail "state after reject: $(col "$A" state)"
[ "$(col "$A" reason)" = "Data kurang" ] || kt_fail "reason in the DB: '$(col "$A" reason)'"
kt_get msg | grep -q "$A" || kt_fail "no confirmation of the rejection"
kt_tap signout
kt_wait_screen welcome

# the Koordinator verifies B with a note; the whole NIK shows only for verification
kt_longpress logo
kt_signin "$KOORD" 246800
kt_wait_screen staff
kt_wait_line inbox 1
kt_tap inbox:0
kt_wait_screen request
kt_wait_line number "$B"
kt_wait_line nik_full 1
kt_shot "$T/staff-koord-verify.png"
kt_tap act:verify
kt_wait_screen reason
kt_type "ok"
kt_tap reason:ok
kt_wait_screen staff
[ "$(col "$B" state)" = VERIFIED ] || kt_fail "state after verify: $(col "$B" state)"
note=$(testdb_sql "$DB" "SELECT s.note FROM step s JOIN request r ON r.id = s.request_id
	WHERE r.number = '$B' AND s.step = 4")
[ "$note" = ok ] || kt_fail "verification note: '$note'"

# the Kabid approves elsewhere (aksesctl); a refresh shows B at step 6: assign the escort
AKSES_PIN=246800 kt_ctl decide "$B" --as "$KABID" --approve >/dev/null
kt_tap refresh
kt_wait_line inbox 1
kt_tap inbox:0
kt_wait_screen request
kt_wait_line state APPROVED
kt_wait_line nik_full 0
kt_wait_line escorts 1
kt_shot "$T/staff-koord-assign.png"
kt_tap "assign:$TEKNIS"
kt_wait_screen staff
[ "$(col "$B" state)" = ASSIGNED ] || kt_fail "state after assign: $(col "$B" state)"
[ "$(col "$B" escort_id)" = "$TEKNIS" ] || kt_fail "escort: $(col "$B" escort_id)"
kt_get msg | grep -q "Rizky Teknisi" || kt_fail "no confirmation naming the escort"

# the open requests the Koordinator may cancel: C (newest) is first
kt_tap tab:open
kt_wait_line tab 1
kt_shot "$T/staff-koord-open.png"
kt_tap open:0
kt_wait_screen request
kt_wait_line number "$C"
kt_tap act:cancel
kt_wait_screen reason
kt_type "Batal"
kt_tap reason:ok
kt_wait_line phase readback
kt_tap reason:send
kt_wait_screen staff
[ "$(col "$C" state)" = CANCELLED ] || kt_fail "state after cancel: $(col "$C" state)"
[ "$(col "$C" reason)" = Batal ] || kt_fail "cancel reason: '$(col "$C" reason)'"
kt_tap signout
kt_wait_screen welcome
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

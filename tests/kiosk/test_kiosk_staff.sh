#!/usr/bin/env bash
# test_kiosk_staff.sh - staff at the reception kiosk: a long press on the logo opens the sign-in,
# the Kabid signs in and approves a verified request from the inbox (asserted in the DB); the
# kiosk only stops with an ADMIN PIN (Escape asks for it, a Kabid PIN is refused), SIGTERM stops
# it cleanly, and a DB it cannot open gives the staff problem screen instead of a crash.
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:00"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
export AKSES_PIN=246800
kt_ctl dispose "$NUMBER" --as "$KADIS" >/dev/null
kt_ctl dispose "$NUMBER" --as "$KABID" >/dev/null
kt_ctl verify "$NUMBER" --as "$KOORD" >/dev/null
unset AKSES_PIN
state() { testdb_sql "$DB" "SELECT state FROM request WHERE number = '$NUMBER'"; }

kt_kiosk "$SIZE" --db "$DB" --lang "${KT_LANG:-en}"
kt_wait_screen welcome
# a short tap on the logo does nothing; a long press opens the staff sign-in
kt_tap logo
sleep 0.3
[ "$(kt_get screen)" = welcome ] || kt_fail "a tap on the logo left welcome"
kt_longpress logo
kt_signin "$KABID" 246800
kt_wait_screen staff
kt_wait_line inbox 1
kt_shot "$T/staff-inbox.png"
kt_tap inbox:0
kt_wait_screen request
kt_wait_line state VERIFIED
kt_get acts | grep -q approve || kt_fail "no approve action: $(kt_get acts)"
[ "$(kt_get nik_full)" = 0 ] || kt_fail "the Kabid sees the whole NIK"
kt_shot "$T/staff-request.png"
kt_tap act:approve
kt_wait_screen reason
kt_wait_line phase readback
kt_tap reason:send
kt_wait_screen staff
kt_wait_line inbox 0
[ "$(state)" = APPROVED ] || kt_fail "state after approve: $(state)"
kt_get msg | grep -q "$NUMBER" || kt_fail "no confirmation"
kt_tap signout
kt_wait_screen welcome

# Escape asks for an ADMIN PIN; the Kabid's PIN does not stop the kiosk
xdotool key Escape
kt_wait_screen signin
kt_wait_line goal 1
kt_signin "$KABID" 246800
kt_wait_set msg
kill -0 "$KIOSK_PID" || kt_fail "a Kabid stopped the kiosk"
kt_tap field:staff
for _ in 1 2 3; do kt_tap key:bksp; done
kt_signin 1 123456
for _ in $(seq 50); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$KIOSK_PID" 2>/dev/null; then kt_fail "the ADMIN PIN did not stop the kiosk"; fi
wait "$KIOSK_PID" || kt_fail "the kiosk exited with $?"
KIOSK_PID=

# SIGTERM: a clean stop, without a PIN
kt_kiosk "$SIZE" --db "$DB" --lang en
kt_wait_screen welcome
kill -TERM "$KIOSK_PID"
rc=0
wait "$KIOSK_PID" || rc=$?
[ "$rc" = 0 ] || kt_fail "SIGTERM exit status $rc"
KIOSK_PID=

# a DB that cannot be opened: the problem screen, and the kiosk keeps running
echo "not a database, just text that is long enough to look like a header......" >"$T/bad.db"
kt_kiosk "$SIZE" --db "$T/bad.db" --lang en
kt_wait_screen problem
sleep 0.5
kill -0 "$KIOSK_PID" || kt_fail "a bad DB killed the kiosk"
kt_shot "$T/problem.png"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

#!/usr/bin/env bash
# test_kiosk_windowclose.sh - nobody ends the kiosk from outside but the ADMIN: another X client
# destroying its window (xdotool windowclose) used to end it (Xlib's default error handler
# exits). Now it comes back on its home screen, in the same process, every time; the ADMIN PIN
# still stops it.
. "$(dirname "$0")/lib.sh"

SIZE=${KT_SIZE:-1280x800}
kt_display "$SIZE"
kt_db
kt_kiosk "$SIZE" --db "$DB" --lang en
kt_wait_screen welcome

# kt_window: the kiosk's X window id (waits for it, bounded)
kt_window() {
	local w=
	for _ in $(seq 100); do
		w=$(xdotool search --pid "$KIOSK_PID" 2>/dev/null | head -n 1 || true)
		[ -n "$w" ] && break
		sleep 0.05
	done
	[ -n "$w" ] || kt_fail "no kiosk window"
	echo "$w"
}

for how in windowclose windowclose; do
	rm -f "$DUMP"
	xdotool "$how" "$(kt_window)" 2>/dev/null || true
	kt_wait_screen welcome 15 # fails at once if the kiosk died
	grep -q 'closed from outside; starting again' "$T/kiosk.log" ||
		kt_fail "no restart after $how"
	kill -0 "$KIOSK_PID" || kt_fail "the kiosk ended after $how"
done
[ "$(grep -c 'starting again' "$T/kiosk.log")" = 2 ] || kt_fail "expected two restarts"

# at the visitor kiosk the ADMIN does not sign in to account screens (only to stop it)
# (a window that has just come back may miss the first press: up to 3 tries)
for _ in 1 2 3; do
	kt_longpress logo
	[ "$(kt_get screen)" = signin ] && break
done
kt_signin 1 123456
kt_wait_set msg
kt_get msg | grep -q 'only to stop the kiosk' || kt_fail "ADMIN sign-in at reception: $(kt_get msg)"
[ "$(kt_get screen)" = signin ] || kt_fail "the ADMIN got past sign-in at reception"
kt_tap field:staff
kt_tap key:bksp

# the ADMIN PIN still stops it (Escape asks for it)
xdotool key --window "$(kt_window)" Escape
kt_signin 1 123456
for _ in $(seq 100); do
	kill -0 "$KIOSK_PID" 2>/dev/null || break
	sleep 0.05
done
kill -0 "$KIOSK_PID" 2>/dev/null && kt_fail "the ADMIN PIN did not stop the kiosk"
KIOSK_PID=
echo "PASS: the kiosk survives windowclose (twice); the ADMIN PIN stops it"

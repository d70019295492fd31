#!/usr/bin/env bash
# test_kiosk_door_escort.sh - issue 9.4 at a door station: the escort stays signed in past the
# idle timeout with the shift's time left on screen, and a pass scanned an hour later still works;
# ENTRY and EXIT show the equipment the request declared; denials say what to do next (not your
# visitor - escort: Dedi; a receipt - print at reception; not yet valid - from 12:45); a badge
# that cannot be read is entered by request number and person, recorded as manual and shown so in
# the day's log; another escort's staff card takes over the door; the shift's end signs out.
# The kiosk's clock is moved while it runs through AKSES_NOW_FILE (test build only).
. "$(dirname "$0")/lib.sh"

export DAY=2030-03-12 AKSES_NOW_FILE=$T/now
unset AKSES_NOW
echo "$DAY 09:20" >"$AKSES_NOW_FILE"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
DEDI=$(AKSES_PIN=123456 AKSES_NEW_PIN=246800 kt_ctl staff add --as 1 --name "Dedi Teknisi" \
	--role TIM_TEKNIS | tail -n 1)
tokens() {
	AKSES_PIN=246800 kt_ctl pass list "$1" --as "$HELPDESK" --tokens | grep -oE '\b[A-Z2-7]{32}\b'
}

# A: Rizky's visitor with one companion and two equipment items, 09:30-11:30
kt_submit --companion "Budi Santoso;3171011203850002" --equipment "Laptop ThinkPad T14" \
	--equipment "Hard disk 4 TB"
kt_advance
A=$NUMBER RECEIPT_A=$RECEIPT
TOKEN_A=$(tokens "$A" | head -n 1)
# B: the same window, escorted by Dedi
kt_submit
RIZKY=$TEKNIS TEKNIS=$DEDI
kt_advance
TEKNIS=$RIZKY
TOKEN_B=$(tokens "$NUMBER" | head -n 1)
# C: Rizky's, in the afternoon (13:00-14:00, so it opens at 12:45 with the 15 minutes' grace)
kt_submit --start "$DAY 13:00" --end "$DAY 14:00"
kt_advance
TOKEN_C=$(tokens "$NUMBER" | head -n 1)
[ -n "$TOKEN_A" ] && [ -n "$TOKEN_B" ] && [ -n "$TOKEN_C" ] || kt_fail "no pass tokens"

cat >"$T/door.ini" <<INI
[station]
name = PINTU-SERVER
mode = door
lang = id
idle_timeout = 10
[passes]
repeat_guard_seconds = 0
[door]
shift_minutes = 120
INI
kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
kt_signin "$TEKNIS" 246800
kt_wait_screen door
kt_wait_line shift_left 120

# 1. no touch for longer than the idle timeout: still signed in (it used to sign out after it)
sleep 13
[ "$(kt_get screen)" = door ] || kt_fail "the escort was signed out after the idle timeout"
[ "$(kt_get escort)" = "$TEKNIS" ] || kt_fail "escort: $(kt_get escort)"

# an hour later the time left shows it, and the visitor's pass still works
echo "$DAY 10:25" >"$AKSES_NOW_FILE"
kt_wait_line shift_left 55
kt_shot "$T/door-shift.png"
dismiss() {
	[ "$(kt_get showing)" = 1 ] && kt_tap door:ok
	kt_wait_line showing 0
}
last() { testdb_sql "$DB" "SELECT decision || '|' || reason || '|' || manual FROM scan ORDER BY id DESC LIMIT 1"; }

# 2. ENTRY with the declared equipment
kt_scan "$TOKEN_A"
kt_wait_line decision 1
kt_wait_line equipment 2
kt_shot "$T/door-entry-equipment.png"
[ "$(last)" = "ENTRY||0" ] || kt_fail "entry row: $(last)"
dismiss

# 3. denials that say what to do next
kt_scan "$TOKEN_B"
kt_wait_line reason wrong-escort
[ "$(kt_get explain)" = "Bukan tamu Anda — pendamping: Dedi Teknisi" ] ||
	kt_fail "wrong escort explained as: $(kt_get explain)"
kt_shot "$T/door-wrong-escort.png"
dismiss
kt_scan "$RECEIPT_A"
kt_wait_line reason receipt
case "$(kt_get explain)" in *"tanda terima"*"cetak kartu di resepsionis"*) ;;
*) kt_fail "receipt explained as: $(kt_get explain)" ;; esac
dismiss
kt_scan "$TOKEN_C"
kt_wait_line reason not-yet-valid
case "$(kt_get explain)" in "Belum berlaku — mulai 12:45"*) ;;
*) kt_fail "not yet valid explained as: $(kt_get explain)" ;; esac
kt_shot "$T/door-not-yet.png"
dismiss

# 4. a torn badge: the companion of A by request number and person, the same rule, marked manual
kt_tap door:manual
kt_wait_line manual 1
kt_type "${A#AKS-}"
kt_tap manual:find
kt_wait_line manual 2
kt_shot "$T/door-manual-pick.png"
kt_tap manual:person:1
kt_wait_line decision 1
[ "$(last)" = "ENTRY||1" ] || kt_fail "manual entry row: $(last)"
dismiss
AKSES_PIN=246800 kt_ctl log "$DAY" --as "$HELPDESK" | grep "Budi Santoso" | grep -q "MANUAL" ||
	kt_fail "the day's log does not show the manual entry: $(AKSES_PIN=246800 kt_ctl log "$DAY" --as "$HELPDESK")"
# a number that does not exist is said so, and nothing is recorded
rows=$(testdb_sql "$DB" 'SELECT count(*) FROM scan')
kt_tap door:manual
kt_type "${DAY//-/}-09999"
kt_tap manual:find
kt_wait_set msg
[ "$(testdb_sql "$DB" 'SELECT count(*) FROM scan')" = "$rows" ] || kt_fail "an unknown number was recorded"
kt_tap manual:cancel
kt_wait_line manual 0

# EXIT shows the equipment again, to check what comes out
kt_scan "$TOKEN_A"
kt_wait_line decision 2
kt_wait_line equipment 2
kt_shot "$T/door-exit-equipment.png"
dismiss

# 5. another escort's staff card takes over the door, with a new shift
CODE=$(AKSES_PIN=123456 kt_ctl staff code "$DEDI" --as 1 | tail -n 1)
kt_scan "$CODE"
kt_wait_line escort "$DEDI"
kt_wait_screen door
kt_wait_line shift_left 120

# 6. the shift's end signs the escort out
echo "$DAY 12:26" >"$AKSES_NOW_FILE"
kt_wait_screen signin
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

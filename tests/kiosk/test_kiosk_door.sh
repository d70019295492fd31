#!/usr/bin/env bash
# test_kiosk_door.sh - door mode: a technician signs in on the numeric pad, scans a visitor's pass
# (typed as a scanner would): ENTRY, then EXIT, then a forged token: DENIED. Each decision is
# asserted in the DB (scan rows) and on screen (the dump and a screenshot).
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:20"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
kt_advance
TOKEN=$(AKSES_PIN=246800 kt_ctl pass list "$NUMBER" --as "$HELPDESK" --tokens |
	grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
[ -n "$TOKEN" ] || kt_fail "no pass token"
cat >"$T/door.ini" <<INI
[station]
name = PINTU-SERVER
mode = door
lang = id
[passes]
repeat_guard_seconds = 0
INI
kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
kt_wait_screen signin

# a wrong PIN is refused and recorded
kt_type "$TEKNIS"
kt_tap field:pin
kt_type 1111
kt_tap signin
kt_wait_set msg
kt_tap field:pin
kt_type 246800
kt_tap signin
kt_wait_screen door
kt_shot "$T/door-home.png"

last() { testdb_sql "$DB" "SELECT decision || '|' || reason || '|' || station || '|' || escort_id FROM scan ORDER BY id DESC LIMIT 1"; }

kt_scan "$TOKEN"
kt_wait_line decision 1
kt_shot "$T/door-entry.png"
case "$(last)" in ENTRY*"|PINTU-SERVER|$TEKNIS") ;; *) kt_fail "entry row: $(last)" ;; esac

kt_scan "$TOKEN"
kt_wait_line decision 2
kt_shot "$T/door-exit.png"
case "$(last)" in EXIT*) ;; *) kt_fail "exit row: $(last)" ;; esac

kt_scan ABCDEFGHIJKLMNOPQRSTUVWXYZ234567
kt_wait_line decision 3
kt_wait_line reason unknown
kt_shot "$T/door-denied.png"
case "$(last)" in DENIED*) ;; *) kt_fail "denied row: $(last)" ;; esac

# garbage from the scanner is decided (and recorded) as unknown, never a crash
kt_scan 'x!@#$%^&*()_+{}|:<>?~'
kt_wait_line scans 4
kill -0 "$KIOSK_PID" || kt_fail "garbage killed the kiosk"
[ "$(testdb_sql "$DB" 'SELECT count(*) FROM scan')" = 4 ] || kt_fail "scan rows"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

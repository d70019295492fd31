#!/usr/bin/env bash
# test_kiosk_offline_door.sh - the door on a PostgreSQL server that goes away. A visitor is inside;
# the server stops. Another pass is refused (fail-secure: nobody enters without the server); the
# escort records the exit of the one inside, which goes to the local spool. The kiosk is killed
# and started again while still offline: the spool survives. The server comes back: exactly one
# EXIT with the exit's own time, nobody inside. A second replay of the same spool (a crash after
# the COMMIT, before the spool was emptied) adds nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/offline_lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:20"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
DB=$URI
AKSES_PIN=123456 "$AKSESCTL" --db "$DB" init --admin "Admin Satu" >/dev/null || kt_fail "init"
kt_staff
token_of() {
	AKSES_PIN=246800 kt_ctl pass list "$1" --as "$HELPDESK" --tokens |
		grep -oE '\b[A-Z2-7]{32}\b' | head -n 1
}
kt_submit
kt_advance
NUM_A=$NUMBER
TOKEN_A=$(token_of "$NUM_A")
kt_submit
kt_advance
TOKEN_B=$(token_of "$NUMBER")
[ -n "$TOKEN_A" ] && [ -n "$TOKEN_B" ] || kt_fail "no pass tokens"
SPOOL=$T/door.spool
cat >"$T/door.ini" <<INI
[station]
name = PINTU-SERVER
mode = door
lang = en
[passes]
repeat_guard_seconds = 0
[door]
spool = $SPOOL
INI
kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
kt_signin "$TEKNIS" 246800
kt_wait_screen door
# A scan until the dump's KEY says VALUE: under a heavy load the scanner burst may arrive too
# slowly to count as a scan (then it is typing, and nothing was decided or recorded: the dump's
# "scans" and "offline_answer" did not move), so it is scanned again, at most three times.
scan_until() {
	local i
	for i in 1 2 3; do
		kt_scan "$1"
		[ "$(kt_get "$2")" = "$3" ] && return 0
		sleep 1
		[ "$(kt_get "$2")" = "$3" ] && return 0
	done
	kt_fail "scan of $1: '$2 $3' did not come (now '$(kt_get "$2")')"
}
scan_until "$TOKEN_A" decision 1
kt_tap door:ok
rows() { off_sql "SELECT decision || '|' || at FROM scan ORDER BY id"; }
[ "$(rows | wc -l)" = 1 ] || kt_fail "scans before: $(rows)"

# the server goes away
off_down
kt_wait_line offline 1 20
# another pass: nobody enters without the server's decision
scan_until "$TOKEN_B" offline_answer asking
kt_shot "$T/door-offline-ask.png"
kt_tap door:offline-refuse
kt_wait_line offline_answer refused
kt_shot "$T/door-offline-refused.png"
kt_tap door:ok
kt_wait_line offline_answer -
# the one inside leaves: the escort confirms the exit, the spool keeps it
scan_until "$TOKEN_A" offline_answer asking
kt_tap door:offline-exit
kt_wait_line offline_answer spooled
kt_wait_line spool 1
kt_shot "$T/door-offline-spooled.png"
[ "$(grep -c . "$SPOOL")" = 1 ] || kt_fail "spool lines: $(grep -c . "$SPOOL")"
[ "$(stat -c %a "$SPOOL")" = 600 ] || kt_fail "spool mode $(stat -c %a "$SPOOL")"
grep -q "$TOKEN_B" "$SPOOL" && kt_fail "the refused entry was spooled"
EXIT_AT=$(cut -f3 "$SPOOL")
[ "$EXIT_AT" = "$(date -d "$DAY 09:20" +%s)" ] || kt_fail "spooled at $EXIT_AT"
cp "$SPOOL" "$T/spool.copy"

# killed and started again while still offline, ten minutes later: the spool is still there
kill -9 "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null || true
AKSES_NOW="$DAY 09:45"
kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
kt_wait_screen signin
kt_wait_line offline 1
kt_wait_line spool 1

# the server is back: the spool is replayed by itself, with the exit's own time
off_up
kt_wait_line spool 0 40
kt_wait_line offline 0
[ "$(rows)" = "ENTRY|$(date -d "$DAY 09:20" +%s)
EXIT|$EXIT_AT" ] || kt_fail "scans after the replay: $(rows)"
[ "$(off_sql "SELECT count(*) FROM pass WHERE inside = 1")" = 0 ] || kt_fail "someone still inside"
[ "$(off_sql "SELECT count(*) FROM scan WHERE spool_key IS NOT NULL")" = 1 ] || kt_fail "spool key"
[ -s "$SPOOL" ] && kt_fail "the spool was not emptied"
INSIDE=$(AKSES_PIN=246800 kt_ctl inside --as "$HELPDESK" 2>&1 || true)
echo "who is inside after the replay: $INSIDE"

# a second replay of the same records (as after a crash before the spool was emptied): nothing
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null || true
cp "$T/spool.copy" "$SPOOL"
kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
kt_wait_screen signin
kt_wait_line spool 0 20
[ "$(rows | wc -l)" = 2 ] || kt_fail "the second replay added rows: $(rows)"
[ "$(off_sql "SELECT count(*) FROM scan WHERE decision = 'EXIT'")" = 1 ] || kt_fail "exits"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

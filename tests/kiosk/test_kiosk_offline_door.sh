#!/usr/bin/env bash
# test_kiosk_offline_door.sh - the door on a PostgreSQL server that goes away. A visitor is inside;
# the server stops. Another pass is refused (fail-secure: nobody enters without the server); the
# escort records the exit of the one inside, which goes to the local spool. The kiosk is killed
# and started again while still offline: the spool survives. The server comes back: exactly one
# EXIT with the exit's own time, nobody inside. A second replay of the same spool (a crash after
# the COMMIT, before the spool was emptied) adds nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/offline_lib.sh"
. "$(dirname "$0")/offline_door_lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:20"
door_walk_start PINTU-SERVER

# the server goes away
off_down
kt_wait_line offline 1 20
# another pass: nobody enters without the server's decision
scan_until "$TOKEN_B" offline_answer asking
door_refuse_then_spool door-offline
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

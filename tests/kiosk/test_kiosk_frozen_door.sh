#!/usr/bin/env bash
# test_kiosk_frozen_door.sh - the door on a PostgreSQL server that hangs instead of going away (its
# processes stopped with SIGSTOP: a frozen VM or disk; the kernel still ACKs TCP, so only the
# driver's own deadline notices). A visitor is inside; the server freezes; the next scan, another
# pass, comes back within 20 s of the freeze with the offline banner, and the door refuses the entry
# (fail-secure); the exit of the one inside goes to the spool. The thaw: the station is back online
# by itself and replays the spool: exactly one EXIT, nobody inside, no row of the refused pass.
OFF_PORT_SHIFT=2 # a server of its own (tests/kiosk/offline_lib.sh), not the offline tests' one
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/offline_lib.sh"
. "$(dirname "$0")/offline_door_lib.sh"
. "$(dirname "$0")/../pg/freeze_lib.sh"
trap 'pg_thaw; off_cleanup' EXIT # thawed first: pg_ctl cannot stop a frozen server

ANSWER_MAX_MS=20000 # from the freeze to the banner and the escort's question
export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:20"
door_walk_start PINTU-BEKU

# the server freezes; another pass is scanned at once: the store call waits on the frozen server
pg_freeze "$OFF_DIR/data" || kt_fail "cannot freeze the server in $OFF_DIR"
FROZE=$(now_ms)
kt_scan "$TOKEN_B"
rescanned=0
for _ in $(seq 500); do # 20 s at the most: the loop ends on the clock below
	[ "$(kt_get offline_answer)" = asking ] && [ "$(kt_get offline)" = 1 ] && break
	# drawn offline but not asking: the main thread is free, so the burst was taken for typing
	# (a door stuck on the server draws nothing at all): scan again, once
	if [ "$rescanned" = 0 ] && [ "$(kt_get offline)" = 1 ] && [ "$(kt_get offline_answer)" = - ]; then
		rescanned=1
		kt_scan "$TOKEN_B"
	fi
	[ $(($(now_ms) - FROZE)) -gt "$ANSWER_MAX_MS" ] && break
	sleep 0.05
done
ASKED=$(($(now_ms) - FROZE))
[ "$(kt_get offline_answer)" = asking ] && [ "$(kt_get offline)" = 1 ] ||
	kt_fail "the door is stuck on the frozen server: no banner and no question $(secs "$ASKED") s after the freeze (offline '$(kt_get offline)', offline_answer '$(kt_get offline_answer)')"
[ "$ASKED" -le "$ANSWER_MAX_MS" ] || kt_fail "the door took $(secs "$ASKED") s to say the server is gone"
echo "frozen server: the banner and the escort's question $(secs "$ASKED") s after the freeze"
door_refuse_then_spool door-frozen

# the thaw: back online by itself, the spool replayed with the exit's own time
pg_thaw
THAWED=$(now_ms)
kt_wait_line spool 0 40
kt_wait_line offline 0
echo "thawed: back online, the spool replayed, $(secs $(($(now_ms) - THAWED))) s after the thaw"
[ "$(rows)" = "ENTRY|$(date -d "$DAY 09:20" +%s)
EXIT|$EXIT_AT" ] || kt_fail "scans after the replay: $(rows)"
[ "$(off_sql "SELECT count(*) FROM pass WHERE inside = 1")" = 0 ] || kt_fail "someone still inside"
[ "$(off_sql "SELECT count(*) FROM scan WHERE decision = 'EXIT'")" = 1 ] || kt_fail "exits"
[ -s "$SPOOL" ] && kt_fail "the spool was not emptied"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

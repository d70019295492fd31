#!/usr/bin/env bash
# test_kiosk_clock.sh - the shipped kiosk has no test hooks (issue 8.2): build/bin/akses-kiosk
# with AKSES_UI_DUMP, AKSES_BENCH_FRAMES and AKSES_NOW set opens its window and writes no widget
# dump and no benchmark line, while the test build (what the other scripts drive) does dump.
. "$(dirname "$0")/lib.sh"
: "${KIOSK_SHIPPED:?KIOSK_SHIPPED must name the shipped akses-kiosk}"

SIZE=800x600
kt_display "$SIZE"
kt_db

# the shipped kiosk: its window comes up, yet no dump file appears
rm -f "$DUMP"
AKSES_NOW='2031-06-01 08:00' AKSES_BENCH_FRAMES=5 AKSES_UI_DUMP=$DUMP \
	"$KIOSK_SHIPPED" --windowed --size "$SIZE" --db "$DB" >"$T/kiosk.log" 2>&1 &
KIOSK_PID=$!
for _ in $(seq 100); do
	xwininfo -root -tree 2>/dev/null | grep -q '"Akses"' && break
	kill -0 "$KIOSK_PID" 2>/dev/null || kt_fail "the shipped kiosk died"
	sleep 0.05
done
xwininfo -root -tree 2>/dev/null | grep -q '"Akses"' || kt_fail "the shipped kiosk's window did not come"
sleep 1 # several frames: the test build would have written its dump by now
kill -0 "$KIOSK_PID" 2>/dev/null || kt_fail "the shipped kiosk died"
[ ! -e "$DUMP" ] || kt_fail "the shipped kiosk wrote the test dump"
grep -q '^bench' "$T/kiosk.log" && kt_fail "the shipped kiosk ran the frame benchmark"
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null || true
KIOSK_PID=

# the test build: the same environment gives the dump (the check above can see one)
AKSES_NOW='2031-06-01 08:00' kt_kiosk "$SIZE" --db "$DB"
kt_wait_screen welcome
echo "PASS test_kiosk_clock"

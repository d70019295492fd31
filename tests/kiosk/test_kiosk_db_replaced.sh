#!/usr/bin/env bash
# test_kiosk_db_replaced.sh - the DB file replaced under a running door kiosk (deleted and made
# anew by `aksesctl init` on the same path): within seconds the kiosk signs the technician out and
# shows its problem screen naming the file, a pass scanned then is recorded nowhere, and "Try
# again" opens the new file.
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
lang = en
[passes]
repeat_guard_seconds = 0
INI
kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
kt_signin "$TEKNIS" 246800
kt_wait_screen door
kt_scan "$TOKEN"
kt_wait_line decision 1
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM scan')" = 1 ] || kt_fail "the entry was not recorded"

# the file is replaced: removed with its -wal and -shm, and a new DB made at the same path
rm -f "$DB" "$DB-wal" "$DB-shm"
AKSES_PIN=123456 "$AKSESCTL" --db "$DB" init --admin "Admin Baru" >/dev/null
kt_wait_screen problem 10
kt_shot "$T/db-replaced.png"
grep -q "deleted or replaced" "$T/kiosk.log" || kt_fail "the kiosk's log does not say why"
awk '$1 == "problem:retry"' "$DUMP" | grep -q . || kt_fail "no 'Try again' on the problem screen"

# a scan at the problem screen goes nowhere: no row in the new file
kt_scan "$TOKEN"
sleep 0.5
[ "$(kt_get screen)" = problem ] || kt_fail "the scan left the problem screen: $(kt_get screen)"
[ "$(sqlite3 "$DB" 'SELECT count(*) FROM scan')" = 0 ] || kt_fail "a scan went into the new file"

# staff looked at the file: "Try again" opens the new one, and the door wants a sign-in again
kt_tap problem:retry
kt_wait_screen signin 10
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

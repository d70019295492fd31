#!/usr/bin/env bash
# test_kiosk_stations.sh - several stations on one database (a PostgreSQL server when AKSES_TEST_DB
# is set): a reception kiosk, the Helpdesk/officials' PC (aksesctl) and a door kiosk, each its own
# process with its own config file, station name, working folder and copy of the audit key, and
# no --db: the config's [store] db names the database. One visit from step 1 to step 12: the
# visitor submits at the reception window, the officials take steps 2-6 at the PC, the visitor
# prints the pass at the reception kiosk, the escort scans the printed QR in and out at the door,
# the report chain closes it at the PC. Asserted from the database: the request's state and
# steps, the scans, sign-ins and lookups with the station each came from, the audit rows of each
# station's people, and `aksesctl audit verify` whole.
. "$(dirname "$0")/lib.sh"

DAY=2030-03-12
# one clock for the three processes, moved by the test (clock_test.c reads it on every call)
export AKSES_NOW_FILE=$T/now
unset AKSES_NOW AKSES_DB AKSES_CONFIG AKSES_PIN
at() { printf '%s %s\n' "$DAY" "$1" >"$AKSES_NOW_FILE"; }
at 09:00
PDFDIR=$(sh "${CUPS_UP:?}" -q) || kt_fail "cups-up failed"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
q() { testdb_sql "$DB" "$1"; }

# Each station: a folder of its own with its config and its copy of the audit key (aksesctl init
# made the key in T; a station that held another key would break the chain verify checks).
key=$(ls "$T"/*.key | head -n 1)
[ -f "$key" ] || kt_fail "aksesctl init made no audit key"
station() { # DIR NAME EXTRA-INI
	mkdir -p "$T/$1"
	install -m 600 "$key" "$T/$1/audit.key"
	printf '[store]\ndb = %s\naudit_key = %s\n[station]\nname = %s\n%s' \
		"$DB" "$T/$1/audit.key" "$2" "$3" >"$T/$1/akses.ini"
}
PRINTER=$'[printer]\nbadge_queue = PDF\nreport_queue = PDF\ntimeout = 60\n'
station reception RESEPSIONIS $'lang = en\n'"$PRINTER"
station door PINTU-SERVER $'mode = door\nlang = en\n'
station helpdesk PC-HELPDESK "$PRINTER"
# the Helpdesk/officials' PC: aksesctl with its own config, from its own folder
pc() { (cd "$T/helpdesk" && AKSES_PIN=246800 "$AKSESCTL" --config "$T/helpdesk/akses.ini" --lang en "$@"); }

# The newest PDF cups-pdf wrote since the listing in $T/before.txt, its QR decoded (bounded wait).
printed_qr() {
	local pdf=
	for _ in $(seq 300); do
		pdf=$(ls -1t "$PDFDIR" 2>/dev/null | grep -vxF -f "$T/before.txt" | grep "$1" | head -n 1 || true)
		[ -n "$pdf" ] && break
		sleep 0.1
	done
	[ -n "$pdf" ] || kt_fail "no PDF matching $1 in $PDFDIR"
	rm -f "$T"/qr*.png
	pdftoppm -r 150 -png "$PDFDIR/$pdf" "$T/qr"
	zbarimg -q --raw "$(ls "$T"/qr*.png | head -n 1)" 2>/dev/null | head -n 1
}

# A station's kiosk and its display are switched off.
stop_station() {
	kill "$KIOSK_PID" "$XVFB_PID"
	wait "$KIOSK_PID" "$XVFB_PID" 2>/dev/null || true
	KIOSK_PID= XVFB_PID=
}

# ---- step 1 at the reception kiosk: the visitor fills the form on the on-screen keyboard ----
cd "$T/reception"
ls -1 "$PDFDIR" >"$T/before.txt" 2>/dev/null || true
kt_kiosk "$SIZE" --config "$T/reception/akses.ini"
kt_wait_screen welcome
kt_tap welcome:submit
kt_wait_line step identity
kt_wait_line kbd "1 0"
kt_type 3171014506900001
kt_wait_line focus 1
kt_type "Nurul 'Aini"
kt_tap next
kt_wait_line step contact
kt_type "Dinas Kominfo"
kt_tap field:phone
kt_type 081234567890
kt_tap next
kt_wait_line step purpose
kt_tap purpose:0
kt_type "Ganti disk"
kt_tap next
kt_wait_line step time
kt_tap next
kt_wait_line step companions
kt_tap next
kt_wait_line step equipment
kt_tap next
kt_wait_line step review
kt_tap next
kt_wait_line step consent
kt_tap consent
kt_tap send
kt_wait_line step done
kt_shot "$T/reception-done.png"
# the receipt comes out of the reception's printer: its QR is what the visitor scans later
RECEIPT=$(printed_qr 'pdf$')
[ ${#RECEIPT} = 32 ] || kt_fail "the printed receipt's QR gave '$RECEIPT'"
kt_tap finish
kt_wait_screen welcome
[ "$(q 'SELECT count(*) FROM request')" = 1 ] || kt_fail "the reception's submit made no request"
NUMBER=$(q 'SELECT number FROM request')
START=$(q 'SELECT start_at FROM request')
echo "submitted at the reception: $NUMBER"

# ---- steps 2-6 at the Helpdesk/officials' PC, while the reception kiosk stays up ----
at 09:05
kt_advance pc
[ "$(q "SELECT state FROM request WHERE number = '$NUMBER'")" = RECORDED ] ||
	kt_fail "after the PC's steps: $(q "SELECT state FROM request WHERE number = '$NUMBER'")"

# ---- the visitor looks the request up at the same reception kiosk and prints the pass ----
at 09:10
kt_tap welcome:status
kt_wait_screen status
kt_type "${NUMBER#AKS-}"
kt_tap field:digits
kt_type 7890
kt_tap lookup
kt_wait_line found 1
kt_wait_line state RECORDED # the PC's steps, seen through the shared database
kt_tap finish
kt_wait_screen welcome
# the receipt scanned at the welcome screen: the proof that offers the pass's print
kt_scan "$RECEIPT"
kt_wait_screen status
kt_wait_line found 1
kt_wait_line state RECORDED
ls -1 "$PDFDIR" >"$T/before.txt" 2>/dev/null || true
kt_tap print:0
kt_wait_screen print
kt_wait_line phase 2 90 # the job completed in CUPS
job=$(kt_get job)
[ -n "$job" ] && [ "$job" -gt 0 ] || kt_fail "the reception kiosk reported no CUPS job id"
TOKEN=$(printed_qr "job_$job\.pdf\$")
[ ${#TOKEN} = 32 ] || kt_fail "the printed pass's QR gave '$TOKEN'"
stop_station

# ---- at the door: the escort signs in and scans the printed pass in, then out ----
# ten minutes into the visit's window, then an hour later; a display of its own, as the door's
# own PC has (the keyboard focus of the reception's closed window is not the door's)
at "$(TZ=Asia/Jakarta date -d "@$((START + 600))" +%H:%M)"
kt_display "$SIZE"
cd "$T/door"
kt_kiosk "$SIZE" --config "$T/door/akses.ini"
kt_signin "$TEKNIS" 246800
kt_wait_screen door
kt_scan "$TOKEN"
kt_wait_line decision 1 # ENTRY
kt_shot "$T/door-entry.png"
at "$(TZ=Asia/Jakarta date -d "@$((START + 4200))" +%H:%M)"
kt_scan "$TOKEN"
kt_wait_line decision 2 # EXIT
kt_shot "$T/door-exit.png"
stop_station
cd "$T"

# ---- the report chain at the PC: steps 9-12 ----
at "$(TZ=Asia/Jakarta date -d "@$((START + 4800))" +%H:%M)"
pc report write "$NUMBER" --as "$HELPDESK" --text "Selesai" >/dev/null
pc forward "$NUMBER" --as "$KOORD" >/dev/null
pc forward "$NUMBER" --as "$KABID" >/dev/null
pc receive "$NUMBER" --as "$KADIS" >/dev/null

# ---- what the database holds ----
row=$(q "SELECT state || ' ' || last_step FROM request WHERE number = '$NUMBER'")
[ "$row" = "CLOSED 12" ] || kt_fail "the request is '$row', want 'CLOSED 12'"
steps=$(q "SELECT s.step FROM step s JOIN request r ON r.id = s.request_id
	WHERE r.number = '$NUMBER' ORDER BY s.id" | paste -sd,)
[ "$steps" = "1,2,3,4,5,6,6,7,9,10,11,12" ] || kt_fail "steps recorded: $steps"
scans=$(q "SELECT decision || '|' || station || '|' || escort_id FROM scan ORDER BY id" | paste -sd' ')
[ "$scans" = "ENTRY|PINTU-SERVER|$TEKNIS EXIT|PINTU-SERVER|$TEKNIS" ] || kt_fail "scans: $scans"
# sign-ins: the escort at the door; the officials at the PC, counted per PC and local user
# (the setup's aksesctl had no config: "aksesctl uid N")
pcname="PC-HELPDESK uid $(id -u)"
signins() { q "SELECT DISTINCT staff_id FROM signin WHERE ok = 1 AND station = '$1' ORDER BY staff_id" | paste -sd' '; }
[ "$(signins PINTU-SERVER)" = "$TEKNIS" ] || kt_fail "sign-ins at the door: $(signins PINTU-SERVER)"
want=$(printf '%s\n' "$KADIS" "$KABID" "$KOORD" "$HELPDESK" | sort -n | paste -sd' ')
[ "$(signins "$pcname")" = "$want" ] || kt_fail "sign-ins at the PC: $(signins "$pcname"), want $want"
lookups=$(q "SELECT outcome || '|' || station FROM lookup_attempt ORDER BY id" | paste -sd' ')
[ "$lookups" = "ok|RESEPSIONIS" ] || kt_fail "status lookups: $lookups"
# the audit trail: the submit (no account), each official's step, the escort's sign-in and
# scans at the door, the visitor's print
audit() { q "SELECT count(*) FROM audit WHERE $1"; }
[ "$(audit "action = 'submit' AND subject = '$NUMBER' AND actor_id = 0")" = 1 ] ||
	kt_fail "no audit row of the reception's submit"
[ "$(audit "action = 'signin' AND actor_id = $TEKNIS AND detail = 'ok station=PINTU-SERVER'")" = 1 ] ||
	kt_fail "no audit row of the door's sign-in"
scans=$(q "SELECT detail FROM audit WHERE action = 'scan' AND actor_id = $TEKNIS ORDER BY id" | paste -sd' ')
[ "$scans" = "ENTRY station=PINTU-SERVER EXIT station=PINTU-SERVER" ] ||
	kt_fail "the audit rows of the door's scans: $scans"
[ "$(audit "action = 'print'")" -ge 1 ] || kt_fail "no audit row of the reception's print"
for who in "$KADIS" "$KABID" "$KOORD" "$HELPDESK"; do
	[ "$(audit "action = 'signin' AND actor_id = $who AND detail = 'ok station=$pcname'")" -ge 1 ] ||
		kt_fail "no audit row of staff $who's sign-in at the PC"
	[ "$(audit "actor_id = $who AND subject = '$NUMBER'")" -ge 1 ] ||
		kt_fail "no audit row of staff $who's steps"
done
out=$(pc audit verify 2>&1) || kt_fail "audit verify: $out"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo "PASS: $NUMBER from the reception kiosk through the PC and the door to step 12 ($steps)"

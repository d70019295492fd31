#!/usr/bin/env bash
# test_kiosk_clipping_staff.sh - nothing is cut off on the staff screens: with staff names of 100
# wide letters and requests at their longest, the reception sign-in (an unknown number, a wrong
# PIN, the station's lockout, an ADMIN at reception, the stop dialog's refusals), the PIN change
# (its errors), the homes of Kadis, Kabid and Koordinator (both tabs, paged), the Helpdesk's (to-do
# and passes paged, a past day, a failed log print with its CUPS message, the sign-in alert line),
# the visitor's print screen (printer stopped, then printed), the out-of-service screen and the
# door sign-in without its audit key, in Indonesian and English at 1920x1080 and 1280x800: no text
# may be clipped (the dump's "clips" and the log's "ui: clipped" lines).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/clip_lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 08:00"
PDFDIR=$(sh "${CUPS_UP:?}" -q) || kt_fail "cups-up failed"
trap 'cupsenable PDF 2>/dev/null || true; kt_cleanup' EXIT
: "$PDFDIR"


kt_display 1920x1080
kt_db
# every role with a name of 100 wide letters (the title of each home)
staff() {
	AKSES_PIN=123456 AKSES_NEW_PIN=246800 kt_ctl staff add --as 1 \
		--name "$(fill 100 "$2" Wiryawan Wicaksono)" --role "$1" | tail -n 1
}
KADIS=$(staff KADIS Wulandari)
KABID=$(staff KABID Wibowo)
KOORD=$(staff KOORDINATOR Widyastuti)
TEKNIS=$(staff TIM_TEKNIS Wisnu)
HELPDESK=$(staff HELPDESK Winarti)
# an account whose PIN the ADMIN set: the PIN change screen
RESET=$(staff KABID Wiratmoko)
printf '123456\n777777\n' | kt_ctl staff set-pin "$RESET" --as 1 >/dev/null || kt_fail "reset"

submit() {
	local out
	out=$(kt_ctl request submit --name "$NAME" --nik 3171014506900001 --institution "$INST" \
		--phone 081234567890 --category maintenance --purpose "Ganti disk" \
		--start "$DAY 09:30" --end "$DAY 11:30" "$@" --consent) || kt_fail "submit: $out"
	NUMBER=$(printf '%s\n' "$out" | tail -n 1)
	RECEIPT=$(printf '%s\n' "$out" | grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
}
export AKSES_PIN=246800
# six waiting for the Kadis (paged), two for the Kabid, one for the Koordinator, one to record,
# five recorded (the Helpdesk's passes, paged); the first recorded has four people to print
for _ in 1 2 3 4 5 6; do submit; done
for _ in 1 2; do
	submit
	kt_ctl dispose "$NUMBER" --as "$KADIS" >/dev/null
done
submit
kt_ctl dispose "$NUMBER" --as "$KADIS" >/dev/null
kt_ctl dispose "$NUMBER" --as "$KABID" >/dev/null
people=()
for i in 2 3 4; do
	people+=(--companion "$(fill 100 Wulan Wiwik Wardani "$i");31710145069000$(printf %02d "$i")")
done
for i in 1 2 3 4 5 6; do
	if [ "$i" = 2 ]; then submit "${people[@]}" --equipment "1 $EQUIP"; else submit; fi
	kt_ctl dispose "$NUMBER" --as "$KADIS" >/dev/null
	kt_ctl dispose "$NUMBER" --as "$KABID" >/dev/null
	kt_ctl verify "$NUMBER" --as "$KOORD" >/dev/null
	kt_ctl decide "$NUMBER" --as "$KABID" --approve >/dev/null
	kt_ctl assign "$NUMBER" --as "$KOORD" --escort "$TEKNIS" >/dev/null
	[ "$i" = 1 ] || kt_ctl record "$NUMBER" --as "$HELPDESK" >/dev/null
	[ "$i" = 2 ] && PRINTED=$RECEIPT
done
unset AKSES_PIN
# 20 wrong PINs for the escort (who never signs in at reception here): the Helpdesk's alert
# line names the long name
wrong() { AKSES_NOW=$1 AKSES_PIN=000000 kt_ctl inbox --as "$TEKNIS" >/dev/null 2>&1 || true; }
# (an hour apart after the first five, as the station's wait allows: a refused try is no count)
for _ in 1 2 3 4 5; do wrong "2030-03-11 10:00"; done
for i in $(seq 1 15); do wrong "$(date -d "2030-03-11 10:00 $i hour" '+%Y-%m-%d %H:%M')"; done
AKSES_NOW="$DAY 09:20"
cat >"$T/kiosk.ini" <<INI
[station]
name = RESEPSIONIS
[printer]
badge_queue = PDF
report_queue = AKSES-NO-SUCH-QUEUE
timeout = 60
INI

# Empty the focused field and type digits on a real keyboard (a run without Enter is typing,
# not a scan).
kt_keys() {
	local before
	before=$(kt_get frame)
	xdotool key --delay 20 --repeat 12 BackSpace
	xdotool type --delay 40 "$1"
	kt_settle "$before"
}

attempts() { testdb_sql "$DB" "SELECT count(*) FROM signin"; }

# A sign-in that the kiosk refuses: staff $1, PIN $2; its message is checked as $3. The store
# records every attempt: wait for its record, then for the frame that shows the message.
refused() {
	local n0 before
	kt_tap field:staff
	kt_keys "$1"
	kt_tap field:pin
	kt_keys "$2"
	n0=$(attempts)
	before=$(kt_get frame)
	kt_tap signin
	for _ in $(seq 200); do [ "$(attempts)" -gt "$n0" ] && break; sleep 0.05; done
	[ "$(attempts)" -gt "$n0" ] || kt_fail "$3: the sign-in was not recorded"
	kt_settle "$before"
	kt_wait_set msg 30
	check "$3"
}

# Sign in from the welcome screen (typed on a real keyboard); wait for the screen $3.
signin_to() {
	kt_longpress logo
	kt_wait_screen signin
	kt_tap field:staff
	kt_keys "$1"
	kt_tap field:pin
	kt_keys "$2"
	kt_tap signin
	kt_wait_screen "$3" 30
}

# Page a staff list down with its Next button (bounded), checking each page as $1.
page_next() {
	for _ in $(seq 10); do
		awk '$1 == "page:next" { f = 1 } END { exit !f }' "$DUMP" || return 0
		kt_tap page:next
		check "$1"
	done
}

RUN=0
walk() {
	echo "staff walk $SIZE $LANG_ at ${SECONDS}s"
	RUN=$((RUN + 1))
	kt_kiosk "$SIZE" --db "$DB" --lang "$LANG_" --config "$T/kiosk.ini"
	kt_wait_screen welcome

	# the sign-in and its refusals
	kt_longpress logo
	kt_wait_screen signin
	check signin
	refused 987654 111111 signin-unknown
	refused "$KABID" 111111 signin-wrong-pin
	if [ "$RUN" = 1 ]; then
		# five wrong PINs are free at a station, the sixth must wait (kept in the DB)
		for _ in 1 2 3 4 5; do refused "$TEKNIS" 111111 signin-wrong-pin; done
	fi
	refused "$TEKNIS" 111111 signin-lockout
	refused 1 123456 signin-admin
	kt_tap cancel
	kt_wait_screen welcome
	# the stop dialog (Escape): an official's PIN, a PIN to change first
	xdotool key Escape
	kt_wait_screen signin
	check stop
	refused "$KABID" 246800 stop-not-admin
	refused "$RESET" 777777 stop-must-change
	kt_tap cancel
	kt_wait_screen welcome

	# the PIN change, with its two refusals (the reset account keeps its reset PIN)
	signin_to "$RESET" 777777 pinchange
	check pin-change
	kt_tap field:newpin
	kt_keys 135246
	kt_tap field:again
	kt_keys 135247
	kt_tap pin:save
	kt_wait_set msg 30
	check pin-change-differ
	kt_tap field:newpin
	kt_keys 13524
	kt_tap field:again
	kt_keys 13524
	kt_tap pin:save
	for _ in $(seq 200); do [ "$(kt_get msg)" != "" ] && break; sleep 0.05; done
	check pin-change-short
	kt_tap cancel
	kt_wait_screen welcome

	# each official's home, every page
	signin_to "$KADIS" 246800 staff
	kt_wait_line inbox 6
	check home-kadis
	page_next home-kadis-next
	kt_tap signout
	kt_wait_screen welcome
	signin_to "$KABID" 246800 staff
	kt_wait_line inbox 2
	check home-kabid
	kt_tap signout
	kt_wait_screen welcome
	signin_to "$KOORD" 246800 staff
	kt_wait_line inbox 1
	check home-koord
	kt_tap tab:open
	kt_wait_line tab 1
	check home-koord-open
	page_next home-koord-open-next
	kt_tap signout
	kt_wait_screen welcome

	# the Helpdesk: to-do, passes paged, a past day, the log on a queue that does not exist
	signin_to "$HELPDESK" 246800 helpdesk
	kt_wait_line todo 1
	kt_wait_line signin_alerts 1
	check home-helpdesk
	kt_tap tab:passes
	kt_wait_line tab 1
	check home-helpdesk-passes
	page_next home-helpdesk-passes-next
	kt_tap day:prev
	check home-helpdesk-past-day
	kt_tap day:next
	kt_tap print:log
	kt_wait_line print 3 60 # PRINT_ERROR: said on the note and in the jobs
	kt_wait_set msg 30
	check home-helpdesk-print-failed
	kt_tap signout
	kt_wait_screen welcome

	# the visitor prints a pass: the printer stopped, then printing (one person per run; the
	# later people's buttons lie below the fold at 1280x800: the view is paged to them)
	scan_receipt "$PRINTED"
	check print-status
	local person=$((RUN - 1))
	cupsdisable PDF
	tap_in_view result "print:$person"
	kt_wait_screen print
	kt_wait_line phase 3 60
	check print-error
	kt_tap print:back
	kt_wait_screen status
	cupsenable PDF
	tap_in_view result "print:$person"
	kt_wait_screen print
	kt_wait_line phase 2 90
	check print-ok
	kt_tap finish
	kt_wait_screen welcome
	clip_walk_end "on the staff screens"

	# out of service: the DB cannot be opened
	kt_kiosk "$SIZE" --db "$T/no-such-dir/akses.db" --lang "$LANG_"
	kt_wait_screen problem
	check problem
	clip_walk_end "on the out-of-service screen"

	# the door sign-in when the audit key is missing: the store's message whole
	rm -rf "$T/nokey"
	mkdir "$T/nokey"
	sqlite3 "$DB" ".backup '$T/nokey/akses.db'"
	cat >"$T/door.ini" <<INI
[station]
name = PINTU
mode = door
lang = $LANG_
INI
	kt_kiosk "$SIZE" --config "$T/door.ini" --db "$T/nokey/akses.db"
	kt_wait_screen signin
	kt_signin "$TEKNIS" 246800
	kt_wait_set msg 30
	check door-signin-no-key
	clip_walk_end "on the door's sign-in without its audit key"
}

clip_each_size
echo "ok: no clipped text on the staff screens, in id and en, at 1920x1080 and 1280x800"

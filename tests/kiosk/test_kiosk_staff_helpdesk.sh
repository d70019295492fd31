#!/usr/bin/env bash
# test_kiosk_staff_helpdesk.sh - the Helpdesk at the kiosk: records an assigned request (its
# passes are issued in the DB), writes a two-line access report on the on-screen keyboard
# (REPORTED, the text in the DB), prints the day's access log through the print worker (a PDF
# arrives in the cups-pdf queue and pdftotext shows the visit's request number), and prints a
# pass again with a typed reason (a reprint job recorded with the Helpdesk as its actor), in the
# language of the visitor's request whatever the session's (kiosk.e2e_staff_helpdesk_id).
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:00" # submitted before the window; the visit and the kiosk at 09:40
PDFDIR=$(sh "${CUPS_UP:?}" -q) || kt_fail "cups-up failed"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
A=$NUMBER # assigned: to be recorded
kt_submit
B=$NUMBER # visited: to be reported, and in the day's log
kt_advance
export AKSES_PIN=246800
kt_ctl dispose "$A" --as "$KADIS" >/dev/null
kt_ctl dispose "$A" --as "$KABID" >/dev/null
kt_ctl verify "$A" --as "$KOORD" >/dev/null
kt_ctl decide "$A" --as "$KABID" --approve >/dev/null
kt_ctl assign "$A" --as "$KOORD" --escort "$TEKNIS" >/dev/null
token=$(kt_ctl pass list "$B" --as "$HELPDESK" --tokens 2>/dev/null | grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
[ -n "$token" ] || kt_fail "no pass token for $B"
AKSES_NOW="$DAY 09:35" kt_ctl scan "$token" --as "$TEKNIS" --direction in >/dev/null
AKSES_NOW="$DAY 09:39" kt_ctl scan "$token" --as "$TEKNIS" --direction out >/dev/null
unset AKSES_PIN
AKSES_NOW="$DAY 09:40"
col() { testdb_sql "$DB" "SELECT $2 FROM request WHERE number = '$1'"; }
[ "$(col "$B" state)" = VISITED ] || kt_fail "setup: $B is $(col "$B" state)"
cat >"$T/kiosk.ini" <<INI
[station]
name = RESEPSIONIS
lang = ${KT_LANG:-en}
[printer]
badge_queue = PDF
report_queue = PDF
timeout = 60
INI

kt_kiosk "$SIZE" --config "$T/kiosk.ini" --db "$DB"
kt_wait_screen welcome
kt_longpress logo
kt_signin "$HELPDESK" 246800
kt_wait_screen helpdesk
kt_wait_line todo 2
kt_wait_line day "$DAY"
kt_shot "$T/helpdesk-home.png"

# step 6: record A (oldest wait first); its pass is issued
kt_tap todo:0
kt_wait_screen request
kt_wait_line number "$A"
kt_tap act:record
kt_wait_screen helpdesk
kt_wait_line todo 1
[ "$(col "$A" state)" = RECORDED ] || kt_fail "state after record: $(col "$A" state)"
passes=$(testdb_sql "$DB" "SELECT count(*) FROM pass p JOIN request r ON r.id = p.request_id
	WHERE r.number = '$A'")
[ "$passes" = 1 ] || kt_fail "passes issued for $A: $passes"

# step 9: the access report for B, two lines typed on the keyboard
kt_tap todo:0
kt_wait_screen request
kt_wait_line number "$B"
kt_tap act:report
kt_wait_screen reason
kt_type "Disk diganti"
kt_tap reason:newline
kt_type "Aman"
kt_wait_line chars 17
kt_shot "$T/helpdesk-report.png"
kt_tap reason:ok
kt_wait_screen helpdesk
[ "$(col "$B" state)" = REPORTED ] || kt_fail "state after report: $(col "$B" state)"
[ "$(col "$B" report)" = "$(printf 'Disk diganti\nAman')" ] ||
	kt_fail "report in the DB: '$(col "$B" report)'"

# today's log on the report queue: the PDF names B's visit
ls -1 "$PDFDIR" >"$T/before.txt" 2>/dev/null || true
kt_tap print:log
kt_wait_line print 2 90 # PRINT_OK: the job completed in CUPS
kt_get msg | grep -q . || kt_fail "no print confirmation"
kt_shot "$T/helpdesk-printed.png"
pdf=
for _ in $(seq 100); do
	pdf=$(ls -1t "$PDFDIR"/*.pdf 2>/dev/null | grep -vxFf "$T/before.txt" | head -n 1 || true)
	[ -n "$pdf" ] && pdftotext "$pdf" - 2>/dev/null | grep -q "$B" && break
	sleep 0.1
done
[ -n "$pdf" ] || kt_fail "no log PDF arrived in $PDFDIR"
pdftotext "$pdf" - | grep -q "$B" || kt_fail "the log PDF does not name $B"
[ "$(testdb_sql "$DB" "SELECT state FROM print_job WHERE kind = 'log' ORDER BY id DESC LIMIT 1")" \
	= completed ] || kt_fail "the log job is not completed in the DB"

# a pass printed again needs a typed reason; the job is a reprint by the Helpdesk
kt_tap tab:passes
kt_wait_line tab 1
kt_tap pass:0
kt_wait_screen request
kt_tap reprint:0
kt_wait_screen reason
kt_type "Rusak"
kt_tap reason:ok
kt_wait_screen request
kt_wait_line print 2 90
row=$(testdb_sql "$DB" "SELECT kind, reprint, staff_id, state FROM print_job ORDER BY id DESC LIMIT 1")
[ "$row" = "badge|1|$HELPDESK|completed" ] || kt_fail "reprint job: $row"
# the pass is the visitor's paper: in the language of their request (English: kt_submit applies
# through aksesctl --lang en), whatever the Helpdesk's session (KT_LANG; the _id run: Indonesian)
pdf=$(ls -1t "$PDFDIR"/akses-badge-*.pdf 2>/dev/null | head -n 1 || true)
[ -n "$pdf" ] || kt_fail "no pass PDF in $PDFDIR"
pdftotext "$pdf" - | grep -q "Tue, 12 Mar 2030" ||
	kt_fail "the reprinted pass is not in the request's English: $(pdftotext "$pdf" - | tr '\n' ' ')"
kt_tap signout
kt_wait_screen welcome
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

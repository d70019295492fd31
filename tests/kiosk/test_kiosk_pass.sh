#!/usr/bin/env bash
# test_kiosk_pass.sh - after the SOP is advanced with aksesctl up to RECORDED, the visitor scans
# the receipt (typed as a scanner would), sees the request approved and recorded with the print
# button, taps it: the badge PDF arrives in the cups-pdf queue, its QR decodes to a token that
# `aksesctl scan` accepts, and the button is gone afterwards (a reprint needs staff).
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:20"
PDFDIR=$(sh "${CUPS_UP:?}" -q) || kt_fail "cups-up failed"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
kt_advance
cat >"$T/kiosk.ini" <<INI
[station]
name = RESEPSIONIS
lang = id
[printer]
badge_queue = PDF
report_queue = PDF
timeout = 60
INI
kt_kiosk "$SIZE" --config "$T/kiosk.ini" --db "$DB"
kt_wait_screen welcome

# typed lookup: the number and the phone's last 4 digits; wrong digits find nothing
kt_tap welcome:status
kt_wait_screen status
kt_type "${NUMBER#AKS-}"
kt_tap field:digits
kt_type 1111
kt_tap lookup
kt_wait_line found 0
kt_get msg | grep -q . || kt_fail "wrong digits gave no message"
kt_tap field:digits
kt_type 7890
kt_tap lookup
kt_wait_line found 1
kt_wait_line state RECORDED
kt_tap finish
kt_wait_screen welcome

# a receipt scanned on the welcome screen opens the status
kt_scan "$RECEIPT"
kt_wait_screen status
kt_wait_line found 1
kt_wait_line state RECORDED
kt_shot "$T/status.png"

ls -1 "$PDFDIR" >"$T/before.txt" 2>/dev/null || true
kt_tap print:0
kt_wait_screen print
kt_wait_line phase 2 90 # PRINT_OK: the job completed in CUPS
kt_shot "$T/printed.png"

# the kiosk's own job (cups-pdf names each file ..._job_<id>.pdf): other printing on the same
# scheduler must not be mistaken for this badge
job=$(kt_get job)
[ -n "$job" ] && [ "$job" -gt 0 ] || kt_fail "the kiosk reported no CUPS job id"
pdf=
for _ in $(seq 100); do
	pdf=$(ls -1t "$PDFDIR" 2>/dev/null | grep -vxF -f "$T/before.txt" | grep "job_$job\.pdf\$" | head -n 1 || true)
	[ -n "$pdf" ] && break
	sleep 0.1
done
[ -n "$pdf" ] || kt_fail "no PDF of job $job in $PDFDIR"
# what a person reads on the badge: the name and the request number, never the NIK or the phone
text=$(pdftotext "$PDFDIR/$pdf" - 2>/dev/null)
grep -qF "Nurul 'Aini" <<<"$text" || kt_fail "the badge does not show the name: $text"
grep -qF "$NUMBER" <<<"$text" || kt_fail "the badge does not show $NUMBER"
if grep -qE '3171014506900001|81234567890' <<<"$text"; then kt_fail "the badge shows the NIK or phone"; fi
pdftoppm -r 150 -png "$PDFDIR/$pdf" "$T/badge"
page=$(ls "$T"/badge*.png | head -n 1)
token=$(zbarimg -q --raw "$page" 2>/dev/null | head -n 1)
[ ${#token} = 32 ] || kt_fail "badge QR gave '$token'"
out=$(AKSES_PIN=246800 kt_ctl scan "$token" --as "$TEKNIS" --station PINTU) ||
	kt_fail "aksesctl scan refused the printed token: $out"
case "$out" in ENTRY*) ;; *) kt_fail "scan said: $out" ;; esac

# back on the status screen the pass is printed: no second visitor print
kt_tap print:back
kt_wait_screen status
kt_wait_line found 1
sleep 0.3
if awk '$1 == "print:0"' "$DUMP" | grep -q .; then kt_fail "print button still offered"; fi
kt_shot "$T/status-printed.png"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

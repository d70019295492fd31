#!/usr/bin/env bash
# paper_lang.sh - paper comes out in its reader's language (issue 9.6): the receipt (the visitor's
# paper) in the language the visitor applied in, the page furniture and dates of the staff's A4
# documents in English from an English session and in Indonesian from an Indonesian one; a print
# job's message reads in the reader's language, whichever session printed it. (paper_body.sh checks
# every document's body text.)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || fail "pdftotext is needed (poppler-utils)"

setup_staff
submit --lang id --nik 3171054501900011 # an Indonesian visitor's
REQ_ID=$REQ
submit # an English visitor's (the lib's submit is in English)
# as_lang LANG ID ARGS...: aksesctl as staff ID in LANG
as_lang() {
	local lang=$1 id=$2
	shift 2
	printf '%s\n' "${PIN[$id]}" | "$AKSESCTL" --lang "$lang" "$@" --as "$id"
}
text() { pdftotext "$1" - | tr -s '\n ' '  '; }
# has FILE WORDS... / lacks FILE WORDS...: the PDF's text says each, or none
has() { local t; t=$(text "$1"); shift; for w in "$@"; do [[ $t == *"$w"* ]] || fail "'$w' missing: $t"; done; }
lacks() { local t; t=$(text "$1"); shift; for w in "$@"; do [[ $t != *"$w"* ]] || fail "'$w' there: $t"; done; }

# each visitor's receipt printed by a staff session of the other language
as_lang id "$HELPDESK" print receipt "$REQ" --pdf "$WORK/receipt-en.pdf" >/dev/null ||
	fail "print receipt (en)"
as_lang en "$HELPDESK" print receipt "$REQ_ID" --pdf "$WORK/receipt-id.pdf" >/dev/null ||
	fail "print receipt (id)"
for lang in en id; do
	as_lang $lang "$HELPDESK" print disposition "$REQ" --pdf "$WORK/disp-$lang.pdf" >/dev/null ||
		fail "print disposition ($lang)"
done
has "$WORK/receipt-en.pdf" "REQUEST RECEIPT" "Submitted Sun, 29 Nov 2026" "Requested window:" \
	"Check status" "$REQ"
lacks "$WORK/receipt-en.pdf" "TANDA TERIMA PERMOHONAN" "Diajukan" "Jadwal diminta" "Berikutnya"
has "$WORK/receipt-id.pdf" "TANDA TERIMA PERMOHONAN" "Diajukan Min, 29 Nov 2026" \
	"Jadwal diminta:" "Cek status" "$REQ_ID"
lacks "$WORK/receipt-id.pdf" "REQUEST RECEIPT" "Submitted"
has "$WORK/disp-en.pdf" "Page 1 of 1" "Printed 29 November 2026 at 08:00"
lacks "$WORK/disp-en.pdf" "Halaman" "Dicetak"
# (the second sheet is a reprint: "Cetak ulang")
has "$WORK/disp-id.pdf" "Halaman 1 dari 1" "Cetak ulang 29 November 2026 pukul 08:00"

# the evacuation list and the compliance report speak the session's language too
for lang in en id; do
	as_lang $lang "$HELPDESK" print inside --pdf "$WORK/inside-$lang.pdf" >/dev/null ||
		fail "print inside ($lang)"
	as_lang $lang "$HELPDESK" print compliance --from 2026-11-29 --to 2026-11-29 \
		--pdf "$WORK/comp-$lang.pdf" >/dev/null || fail "print compliance ($lang)"
done
has "$WORK/inside-en.pdf" "WHO IS INSIDE THE SERVER ROOM" "0 people inside" "No visitors inside."
has "$WORK/inside-id.pdf" "DAFTAR ORANG DI DALAM RUANG SERVER" "0 orang di dalam"
has "$WORK/comp-en.pdf" "SOP COMPLIANCE REPORT" "Period: 2026-11-29 to 2026-11-29"
has "$WORK/comp-id.pdf" "LAPORAN KEPATUHAN SOP" "Periode: 2026-11-29 s.d. 2026-11-29"

# the jobs just recorded read in the reader's language, whoever printed them
as_lang id "$HELPDESK" print status | grep -q "Disimpan ke $WORK/receipt-id.pdf" ||
	fail "an English session's job reads in English to an Indonesian reader"
as_lang en "$HELPDESK" print status | grep -q "Saved to $WORK/receipt-en.pdf" ||
	fail "an Indonesian session's job reads in Indonesian to an English reader"
echo "PASS paper_lang"

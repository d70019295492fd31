#!/usr/bin/env bash
# paper_lang.sh - paper comes out in the language of the session that prints it (issue 9.6): the
# receipt (the visitor's paper) and the page furniture and dates of every A4 document, in English
# from an English session and in Indonesian from an Indonesian one; a print job's message reads in
# the reader's language, whichever session printed it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || fail "pdftotext is needed (poppler-utils)"

setup_staff
submit
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

for lang in en id; do
	as_lang $lang "$HELPDESK" print receipt "$REQ" --pdf "$WORK/receipt-$lang.pdf" >/dev/null ||
		fail "print receipt ($lang)"
	as_lang $lang "$HELPDESK" print letter "$REQ" --pdf "$WORK/letter-$lang.pdf" >/dev/null ||
		fail "print letter ($lang)"
done
has "$WORK/receipt-en.pdf" "REQUEST RECEIPT" "Submitted Sun, 29 Nov 2026" "Requested window:" \
	"Check status" "$REQ"
lacks "$WORK/receipt-en.pdf" "TANDA TERIMA PERMOHONAN" "Diajukan" "Jadwal diminta" "Berikutnya"
has "$WORK/receipt-id.pdf" "TANDA TERIMA PERMOHONAN" "Diajukan Min, 29 Nov 2026" \
	"Jadwal diminta:" "Cek status" "$REQ"
lacks "$WORK/receipt-id.pdf" "REQUEST RECEIPT" "Submitted"
has "$WORK/letter-en.pdf" "Page 1 of 1" "Printed 29 November 2026 at 08:00"
lacks "$WORK/letter-en.pdf" "Halaman" "Dicetak"
# (the second letter is a reprint: "Cetak ulang")
has "$WORK/letter-id.pdf" "Halaman 1 dari 1" "Cetak ulang 29 November 2026 pukul 08:00"

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
as_lang id "$HELPDESK" print status | grep -q "Disimpan ke $WORK/receipt-en.pdf" ||
	fail "an English session's job reads in English to an Indonesian reader"
as_lang en "$HELPDESK" print status | grep -q "Saved to $WORK/receipt-id.pdf" ||
	fail "an Indonesian session's job reads in Indonesian to an English reader"
echo "PASS paper_lang"

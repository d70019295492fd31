#!/bin/bash
# disposition_sheet.sh - the lembar disposisi carries what the heads wrote: the Kadis's and the
# Kabid's instructions (given with `aksesctl dispose --instruction`) in "Isi disposisi", and the
# urgency they chose ticked under "Sifat" (pdftotext of the PDF written with --pdf, no CUPS);
# `request show` lists both on the history; an unknown urgency is one clear line, nothing written.
set -u
: "${AKSESCTL:?}"
WORK=$(mkdir -p "${AKSES_TEST_TMP:-/tmp}" && mktemp -d "${AKSES_TEST_TMP:-/tmp}/disposition-XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
. "$(dirname "$0")/lib.sh"

rm -f "$AKSES_DB"*
AKSES_PIN=$PIN "$AKSESCTL" init --admin "Admin Satu" >/dev/null || fail "init"
add() { AKSES_PIN=$PIN AKSES_NEW_PIN=$PIN "$AKSESCTL" staff add --as 1 --name "$1" --role "$2" | tail -n 1; }
KADIS=$(add "Kadis Dua" KADIS) || fail "staff add"
KABID=$(add "Kabid Tiga" KABID)
start=$(date -d "+1 hour" '+%Y-%m-%d %H:%M')
end=$(date -d "+4 hours" '+%Y-%m-%d %H:%M')
out=$("$AKSESCTL" request submit --name "Nurul 'Aini" --nik $NIK --institution "PT Contoh" \
	--phone $PHONE --category maintenance --purpose "Ganti UPS rak 3" \
	--start "$start" --end "$end" --consent) || fail "submit: $out"
REQ=$(tail -n 1 <<<"$out")
en() { AKSES_PIN=$PIN "$AKSESCTL" --lang en "$@"; }

# an unknown urgency: refused in one line, the request still waits for the Kadis
msg=$(en dispose "$REQ" --as "$KADIS" --urgency kilat 2>&1) && fail "urgency 'kilat' accepted"
[ "$(wc -l <<<"$msg")" -eq 1 ] || fail "not one line: $msg"
case "$msg" in *kilat*segera*) ;; *) fail "the refusal does not say what to use: $msg" ;; esac
[ "$(sqlite3 "$AKSES_DB" "SELECT state FROM request WHERE number = '$REQ'")" = SUBMITTED ] ||
	fail "a refused disposition moved the request"

en dispose "$REQ" --as "$KADIS" --instruction "Teliti kelengkapan berkas" --urgency biasa \
	>/dev/null || fail "Kadis dispose"
en dispose "$REQ" --as "$KABID" --instruction "Hubungi pemohon hari ini" --urgency segera \
	>/dev/null || fail "Kabid dispose"

show=$(en request show "$REQ" --as "$KABID") || fail "request show: $show"
grep -q "Instruction: Teliti kelengkapan berkas" <<<"$show" || fail "history lacks the Kadis's instruction: $show"
grep -q "Urgency: Urgent" <<<"$show" || fail "history lacks the urgency: $show"

# the sheet in the session's language: Indonesian, and English (staff paper, issue 9.6)
AKSES_PIN=$PIN "$AKSESCTL" --lang id print disposition "$REQ" --as "$KABID" --pdf "$WORK/disp.pdf" \
	>/dev/null || fail "print disposition"
t=$(pdftotext "$WORK/disp.pdf" - | tr '\n' ' ' | tr -s ' ')
for want in "Teliti kelengkapan berkas" "Hubungi pemohon hari ini" "☒ Segera" "☐ Biasa" \
	"☐ Rahasia"; do
	case "$t" in *"$want"*) ;; *) fail "the lembar disposisi lacks '$want': $t" ;; esac
done
en print disposition "$REQ" --as "$KABID" --pdf "$WORK/disp-en.pdf" >/dev/null ||
	fail "print disposition (en)"
t=$(pdftotext "$WORK/disp-en.pdf" - | tr '\n' ' ' | tr -s ' ')
for want in "Teliti kelengkapan berkas" "Hubungi pemohon hari ini" "☒ Urgent" "☐ Ordinary" \
	"☐ Confidential"; do
	case "$t" in *"$want"*) ;; *) fail "the English disposition sheet lacks '$want': $t" ;; esac
done
echo "lembar disposisi: both instructions, Sifat: Segera ticked"
echo PASS

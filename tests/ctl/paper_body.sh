#!/usr/bin/env bash
# paper_body.sh - every printed document whole in its reader's language (issue 9.6): the berita
# acara, request letter, lembar disposisi, daily log, receipt and pass in English have no
# Indonesian body text left; in Indonesian they read word for word as before the bodies were
# translated (tests/ctl/paper_body/*.txt, pdftotext of what main printed then). The visitor's own
# paper follows the language they applied in when staff print it; staff paper follows the session.
#
# The reference texts were made by this script with PAPER_BODY_CAPTURE=DIR against the code from
# before the translation (the Indonesian prints only; the audit anchor's hash, random, left out);
# the berita acara's then gained one thing on purpose: its table of everyone on the request (a
# group of up to 30, "Orang dalam permohonan"), every other line as before.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
command -v pdftotext >/dev/null || fail "pdftotext is needed (poppler-utils)"
GOLD=$(cd "$(dirname "$0")" && pwd)/paper_body

# as_lang LANG ID ARGS...: aksesctl as staff ID in LANG
as_lang() {
	local lang=$1 id=$2
	shift 2
	printf '%s\n' "${PIN[$id]}" | "$AKSESCTL" --lang "$lang" "$@" --as "$id"
}
# text PDF: its words as pdftotext reads them, the audit anchor's random hash blanked
text() { pdftotext "$1" - | sed 's/\(Jejak audit\|Audit trail\) [0-9]*:[0-9a-f]*/\1 -/'; }
flat() { text "$1" | tr -s '\n ' '  '; }
has() { local t; t=$(flat "$1"); shift; for w in "$@"; do [[ $t == *"$w"* ]] || fail "'$w' missing in ${f##*/}: $t"; done; }
lacks() { local t; t=$(flat "$1"); shift; for w in "$@"; do [[ $t != *"$w"* ]] || fail "'$w' in ${f##*/}: $t"; done; }

setup_staff
at '2026-11-29 08:00'
# the Indonesian visitor (the lib's request), and an English one
submit --lang id --companion 'Budi Santoso;3171054501900011' --equipment 'Obeng set'
REQ_ID=$REQ
REQ_EN=$("$AKSESCTL" --lang en request submit --name 'John Smith' --id-type passport \
	--nik X1234567 --institution 'Acme Ltd' --phone '0812-1111-2222' --category installation \
	--purpose 'Install a new switch' --start '2026-11-29 13:00' --end '2026-11-29 14:00' \
	--companion 'Jane Doe;passport:Y7654321' --equipment 'Switch' --consent </dev/null | last_line)

at '2026-11-29 08:02'
as "$KADIS" dispose "$REQ_ID" --instruction 'Mohon diproses segera' --urgency segera >/dev/null
at '2026-11-29 08:04'
as "$KABID" dispose "$REQ_ID" >/dev/null
at '2026-11-29 08:06'
as "$KOORD" verify "$REQ_ID" --note 'NIK sesuai' >/dev/null
at '2026-11-29 08:08'
as "$KABID" decide "$REQ_ID" --approve >/dev/null
at '2026-11-29 08:10'
as "$KOORD" assign "$REQ_ID" --escort "$TEKNIS" >/dev/null
at '2026-11-29 08:12'
as "$HELPDESK" record "$REQ_ID" >/dev/null
for lang in id en; do
	as_lang $lang "$HELPDESK" print badge "$REQ_ID" --reason rusak --pdf "$WORK/badge-$lang.pdf" \
		>/dev/null || fail "print badge ($lang)"
done
TOKEN=$(as "$HELPDESK" pass list "$REQ_ID" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}' | head -n 1)
at '2026-11-29 10:00'
as "$TEKNIS" scan "$TOKEN" --station 'Pintu Ruang Server' >/dev/null
at '2026-11-29 10:45'
as "$TEKNIS" scan "$TOKEN" --station 'Pintu Ruang Server' >/dev/null
as "$TEKNIS" scan AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA --station 'Pintu Ruang Server' >/dev/null || true
at '2026-11-29 11:00'
as "$HELPDESK" report write "$REQ_ID" --text 'Audit rak selesai; tidak ada temuan.' >/dev/null
at '2026-11-29 11:02'
as "$KOORD" forward "$REQ_ID" >/dev/null
at '2026-11-29 11:05'
as "$KABID" forward "$REQ_ID" >/dev/null
at '2026-11-29 11:09'
as "$KADIS" receive "$REQ_ID" >/dev/null
at '2026-11-29 12:00'
for lang in id en; do
	for doc in report letter disposition receipt; do
		as_lang $lang "$HELPDESK" print $doc "$REQ_ID" --pdf "$WORK/$doc-$lang.pdf" >/dev/null ||
			fail "print $doc ($lang)"
	done
	as_lang $lang "$HELPDESK" print log 2026-11-29 --pdf "$WORK/log-$lang.pdf" >/dev/null ||
		fail "print log ($lang)"
done
DOCS="report letter disposition log receipt badge"
if [[ -n ${PAPER_BODY_CAPTURE:-} ]]; then
	mkdir -p "$PAPER_BODY_CAPTURE"
	for doc in $DOCS; do text "$WORK/$doc-id.pdf" >"$PAPER_BODY_CAPTURE/$doc-id.txt"; done
	echo "captured into $PAPER_BODY_CAPTURE"
	exit 0
fi

# 1. Indonesian: word for word as before
for doc in $DOCS; do
	diff -u "$GOLD/$doc-id.txt" <(text "$WORK/$doc-id.pdf") >"$WORK/diff" ||
		fail "the Indonesian $doc changed: $(cat "$WORK/diff")"
done

# 2. English: the staff paper from an English session, the English visitor's own paper from an
# Indonesian one (3), and no Indonesian body word in any. What people typed (names, purpose,
# report, instruction, note, station, the agency's name from the config) is left out first: it is
# not the document's text. The pass and the receipt keep their bilingual bands for the guard.
at '2026-11-29 12:05'
as "$KADIS" dispose "$REQ_EN" >/dev/null
as "$KABID" dispose "$REQ_EN" >/dev/null
as "$KOORD" verify "$REQ_EN" >/dev/null
as "$KABID" decide "$REQ_EN" --approve >/dev/null
as "$KOORD" assign "$REQ_EN" --escort "$TEKNIS" >/dev/null
as "$HELPDESK" record "$REQ_EN" >/dev/null
for doc in receipt letter disposition; do
	as_lang id "$HELPDESK" print $doc "$REQ_EN" --pdf "$WORK/en-$doc.pdf" >/dev/null ||
		fail "print $doc of the English request"
done
as_lang id "$HELPDESK" print badge "$REQ_EN" --reason rusak --pdf "$WORK/en-badge.pdf" >/dev/null ||
	fail "print badge of the English request"

data="Dinas Komunikasi, Informatika dan Statistik Provinsi Sumatera Barat|Bidang Aplikasi Informatika"
data+="|Drs. Kadis Kepala|Ir. Kabid Aptika|Koordinator Helpdesk|Petugas Helpdesk|Teknisi Satu"
data+="|Ganti hard disk|server aplikasi|Audit rak selesai; tidak ada temuan.|Mohon diproses segera"
data+="|NIK sesuai|Pintu Ruang|Nurul 'Aini|PT Maju Jaya"
data+="|BUKAN KARTU AKSES|PENGUNJUNG / VISITOR|WAJIB DIDAMPINGI|Pendamping / Escort|Cetak ulang /"
words="Nomor Pada hari ini bertempat kami Para pihak Pemohon Instansi Jumlah orang Keperluan Jadwal"
words+=" Pendamping Masuk Keluar Laporan Alur Langkah Kegiatan Pelaksana Waktu Durasi Standar"
words+=" Catatan Demikian Mengetahui Kepada Yth tempat Perihal Dengan hormat Nama Telepon Kategori"
words+=" Uraian Rekan Perangkat Saya bersedia Surat Diterima Sifat Sangat Segera Biasa Rahasia"
words+=" Dari Diteruskan Isi Paraf Tanggal Stasiun Kunjungan Orang Lewat Pemindaian ditolak"
words+=" Daftar Petugas Baris kuning merah Tidak Halaman Dicetak pukul dari s.d. dan yang di ke"
words+=" Min Sen Sel Rab Kam Jum Sab Diajukan Berikutnya Cek BERITA ACARA SURAT LEMBAR DISPOSISI"
words+=" HARIAN TANDA TERIMA"
for f in "$WORK"/{report,disposition,log}-en.pdf "$WORK"/en-{receipt,letter,badge}.pdf; do
	body=$(text "$f" | sed -E "s#$data##g")
	for w in $words; do
		! grep -qwF -- "$w" <<<"$body" ||
			fail "English ${f##*/} has the Indonesian '$w': $(grep -wF -- "$w" <<<"$body")"
	done
done
f=$WORK/report-en.pdf
has "$f" "SERVER ROOM ACCESS RECORD" "On this day, 29 November 2026, at Padang" "Approved window" \
	"29 November 2026 at 10:00 to 29 November 2026 at 12:00" "This record is made truthfully"
f=$WORK/disposition-en.pdf
has "$f" "DISPOSITION SHEET" "☒ Urgent" "Server room access request — Equipment maintenance"
f=$WORK/log-en.pdf
has "$f" "SERVER ROOM DAILY ACCESS LOG" "Entries per hour" "Denied scans" "Yellow rows"

# 3. The visitor's paper follows the language they applied in, whoever prints it: the English
# visitor's receipt, pass and letter from an Indonesian staff session are English ...
f=$WORK/en-receipt.pdf
has "$f" "REQUEST RECEIPT" "Submitted Sun, 29 Nov 2026 08:00" "Requested window:" "Check status"
f=$WORK/en-badge.pdf
has "$f" "Sun, 29 Nov 2026 13:00–14:00" "John Smith"
f=$WORK/en-letter.pdf
has "$f" "SERVER ROOM ACCESS REQUEST LETTER" "Request number: $REQ_EN" "Passport number" \
	"Installation" "Companions" "Equipment brought in" "Applicant," "Page 1 of 1"
# ... the Indonesian visitor's from an English staff session Indonesian ...
f=$WORK/receipt-en.pdf
has "$f" "TANDA TERIMA PERMOHONAN" "Diajukan Min, 29 Nov 2026 08:00"
f=$WORK/badge-en.pdf
has "$f" "Min, 29 Nov 2026 10:00–12:00"
f=$WORK/letter-en.pdf
has "$f" "SURAT PERMOHONAN AKSES RUANG SERVER" "Kepada Yth." "Halaman 1 dari 1"
# ... while staff paper follows the staff session, whoever the visitor
f=$WORK/en-disposition.pdf
has "$f" "LEMBAR DISPOSISI" "Halaman 1 dari 1"
lacks "$f" "DISPOSITION SHEET"
[[ $(sql "SELECT lang FROM request WHERE number = '$REQ_EN'") == en ]] ||
	fail "the English request is not stored as en"
[[ $(sql "SELECT lang FROM request WHERE number = '$REQ_ID'") == id ]] ||
	fail "the Indonesian request is not stored as id"
as "$HELPDESK" --json request show "$REQ_EN" | grep -q '"lang":"en"' || fail "request show lacks lang"
echo "PASS paper_body"

#!/usr/bin/env bash
# group_thirty.sh - a group of 30 people (the applicant and 29 companions) is one request, and a
# 31st is refused with nothing written. Each of the 30 gets a pass whose printed QR decodes to a
# token of its own (zbarimg), all 30 scan in and out, and the documents that name them - the
# request letter, the evacuation list, the daily log and the berita acara - carry every name,
# break onto further pages where needed and keep every word inside the A4 page (pdftotext -bbox).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
for tool in pdftotext pdfinfo pdftoppm zbarimg; do
	command -v $tool >/dev/null || fail "$tool is needed (poppler-utils, zbar-tools)"
done

COMPANIONS=(
	"Ahmad Fauzi" "Bambang Sutejo" "Citra Lestari" "Dedi Kurniawan" "Eka Putri Ramadhani"
	"Fajar Nugroho" "Gita Savitri" "Hendra Wijaya" "Intan Permata" "Joko Susilo"
	"Kartika Sari" "Lukman Hakim" "Maya Anggraini" "Nanda Pratama" "Oki Setiawan"
	"Putu Ayu Wulandari" "Qori Hidayati" "Rahmat Hidayat" "Sinta Maharani" "Taufik Rahman"
	"Umar Said" "Vina Oktaviani" "Wahyu Saputra" "Xaverius Manurung" "Yuliana Siregar"
	"Zainal Arifin" "Ketut Sudarsana" "Made Ariani" "Ni Komang Sri"
)
((${#COMPANIONS[@]} == 29)) || fail "the fixture lists ${#COMPANIONS[@]} companions, not 29"
EVERYONE=("Nurul 'Aini" "${COMPANIONS[@]}")
args=()
for i in "${!COMPANIONS[@]}"; do
	args+=(--companion "${COMPANIONS[i]};317101150590$(printf %04d $((i + 1)))")
done

# every_name FILE WHAT: the PDF's text has each of the 30 names
every_name() {
	local text name
	text=$(pdftotext "$1" - | tr -s ' \n' '  ')
	for name in "${EVERYONE[@]}"; do
		grep -qF -- "$name" <<<"$text" || fail "$2 lacks $name"
	done
}

# in_page FILE WHAT: no word of the PDF lies outside its page, nor in its last 10 points
in_page() {
	pdftotext -bbox "$1" - | awk -v what="$2" '
		/<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8) + 0
			match($0, /height="[0-9.]+"/); h = substr($0, RSTART + 8, RLENGTH - 9) + 0; p++ }
		/<word / { match($0, /xMax="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0
			match($0, /yMax="[0-9.]+"/); y = substr($0, RSTART + 6, RLENGTH - 7) + 0
			if (x > w - 10 || y > h - 10) { print what ": page " p ": a word at " x "," y " overflows " w "x" h; bad = 1 } }
		END { exit bad }' >&2 || fail "$2 overflows its page"
}

pages() {
	pdfinfo "$1" | awk '/^Pages:/ { print $2 }'
}

setup_staff
at '2026-11-29 08:00'
# a 31st person is refused, in one line, and nothing is written
unchanged_by 1 '30 people' ctl request submit --name "Nurul 'Aini" --nik 3171054501900003 \
	--institution 'Universitas Andalas' --phone 081234567890 --category visit \
	--purpose 'Studi banding' --start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent \
	"${args[@]}" --companion 'Orang Ketiga Puluh;3171011505900030'
[[ $(sql "SELECT count(*) FROM request") == 0 ]] || fail "the refused group was stored"

submit "${args[@]}"
as "$KOORD" --json request show "$REQ" >"$WORK/show"
[[ $(grep -o '"id_type":"nik"' "$WORK/show" | wc -l) == 30 ]] || fail "request show: $(cat "$WORK/show")"
[[ $(sql "SELECT name FROM companion ORDER BY seq" | paste -sd'|') == "$(IFS='|'; echo "${COMPANIONS[*]}")" ]] ||
	fail "companions stored: $(sql 'SELECT seq, name FROM companion ORDER BY seq')"

# the request letter names everyone and runs onto a second page inside its margins
as "$HELPDESK" print letter "$REQ" --pdf "$WORK/letter.pdf" >/dev/null
every_name "$WORK/letter.pdf" "the request letter"
in_page "$WORK/letter.pdf" "the request letter"
(($(pages "$WORK/letter.pdf") >= 2)) || fail "30 people on a one-page letter"

to_recorded "$REQ"
[[ $(sql "SELECT count(*) FROM pass p JOIN request r ON r.id = p.request_id WHERE r.number = '$REQ'") == 30 ]] ||
	fail "expected 30 passes: $(sql 'SELECT count(*) FROM pass')"

# each person's pass, printed at the helpdesk: 30 QRs, 30 tokens
declare -a TOKEN=()
for p in $(seq 0 29); do
	as "$HELPDESK" print badge "$REQ" --person "$p" --reason 'kartu rombongan' \
		--pdf "$WORK/badge-$p.pdf" >/dev/null || fail "badge of person $p"
	pdftoppm -r 100 -png "$WORK/badge-$p.pdf" "$WORK/badge-$p"
	TOKEN[p]=$(zbarimg -q --raw "$WORK"/badge-"$p"-*.png 2>/dev/null | head -n 1)
	[[ ${TOKEN[p]} =~ ^[A-Z2-7]{32}$ ]] || fail "the badge of person $p has no readable QR"
	pdftotext "$WORK/badge-$p.pdf" - | tr -s ' \n' '  ' | grep -qF -- "${EVERYONE[p]}" ||
		fail "the badge of person $p does not name ${EVERYONE[p]}"
done
[[ $(printf '%s\n' "${TOKEN[@]}" | sort -u | wc -l) == 30 ]] || fail "30 badges without 30 tokens"

# all 30 in, each by their own badge
at '2026-11-29 09:50'
for p in $(seq 0 29); do
	as "$TEKNIS" scan "${TOKEN[p]}" --station DOOR >"$WORK/scan"
	grep -qF "ENTRY  ${EVERYONE[p]} " "$WORK/scan" || fail "entry of ${EVERYONE[p]}: $(cat "$WORK/scan")"
done
[[ $(sql "SELECT count(*) FROM scan WHERE decision = 'ENTRY'") == 30 ]] ||
	fail "entries: $(sql "SELECT decision, count(*) FROM scan GROUP BY decision")"
as "$HELPDESK" print inside --pdf "$WORK/inside.pdf" >/dev/null
every_name "$WORK/inside.pdf" "the evacuation list"
in_page "$WORK/inside.pdf" "the evacuation list"

at '2026-11-29 11:30'
for p in $(seq 0 29); do
	as "$TEKNIS" scan "${TOKEN[p]}" --station DOOR | grep -q '^EXIT' || fail "exit of ${EVERYONE[p]}"
done
expect_state "$REQ" VISITED 7
as "$HELPDESK" print log 2026-11-29 --pdf "$WORK/log.pdf" >/dev/null
every_name "$WORK/log.pdf" "the daily log"
in_page "$WORK/log.pdf" "the daily log"
(($(pages "$WORK/log.pdf") >= 2)) || fail "30 visits on a one-page daily log"

at '2026-11-29 11:40'
as "$HELPDESK" report write "$REQ" --text 'Kunjungan studi banding selesai dengan tertib.' >/dev/null
as "$HELPDESK" print report "$REQ" --pdf "$WORK/report.pdf" >/dev/null
every_name "$WORK/report.pdf" "the berita acara"
in_page "$WORK/report.pdf" "the berita acara"
echo "group_thirty: ok (letter $(pages "$WORK/letter.pdf") pages, log $(pages "$WORK/log.pdf"), berita acara $(pages "$WORK/report.pdf"))"

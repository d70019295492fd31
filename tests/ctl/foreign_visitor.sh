#!/usr/bin/env bash
# foreign_visitor.sh - a foreign engineer without a NIK applies with a passport, a companion with
# a KITAS: each number is checked by its own document's rule, stored with its type, masked the
# same way for staff who may not see it whole, and the printed letter names the document. A bad
# passport number, an unknown document type or a NIK given as a passport: one clear line, nothing
# written.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
at '2026-11-29 08:00'

# --- refusals first: one line each, no request written
expect_fail nz 'passport number is 6 to 9 letters and digits' \
	ctl request submit --name 'John Smith' --id-type passport --nik 'X12-34' \
	--institution 'Acme Ltd' --phone 081234567890 --purpose 'Rack install' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent
grep -q '^aksesctl: Passport number: ' "$WORK/err" || fail "not named as a passport: $(cat "$WORK/err")"
# a NIK is not a passport number
expect_fail nz 'passport number is 6 to 9' \
	ctl request submit --name 'John Smith' --id-type passport --nik 3171054501900003 \
	--institution 'Acme Ltd' --phone 081234567890 --purpose 'Rack install' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent
expect_fail nz 'NIK, passport or KITAS' \
	ctl request submit --name 'John Smith' --id-type ktp --nik X1234567 \
	--institution 'Acme Ltd' --phone 081234567890 --purpose 'Rack install' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent
expect_fail nz 'KITAS number is 11 to 16 letters and digits' \
	ctl request submit --name 'John Smith' --id-type passport --nik X1234567 \
	--institution 'Acme Ltd' --phone 081234567890 --purpose 'Rack install' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent \
	--companion 'Jane Doe;kitas:2C21'
grep -q '^aksesctl: KITAS number 1: ' "$WORK/err" || fail "companion not named: $(cat "$WORK/err")"
expect_fail nz 'NIK, passport or KITAS' \
	ctl request submit --name 'John Smith' --id-type passport --nik X1234567 \
	--institution 'Acme Ltd' --phone 081234567890 --purpose 'Rack install' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent \
	--companion 'Jane Doe;visa:2C21JE123456'
[[ $(sql "SELECT count(*) FROM request") == 0 ]] || fail "a refused request was written"

# --- a passport holder with a KITAS companion and a NIK companion; letters typed in lowercase
REQ=$(ctl request submit --name 'John Smith' --id-type passport --nik x1234567 \
	--institution 'Acme Ltd' --phone 081234567890 --purpose 'Rack install' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent \
	--companion 'Jane Doe;kitas:2c21je123456' --companion 'Budi;3171051203880002' | last_line)
[[ $REQ =~ ^AKS- ]] || fail "submit printed '$REQ'"
[[ $(sql "SELECT id_type || '|' || nik FROM request") == 'passport|X1234567' ]] ||
	fail "request row: $(sql 'SELECT id_type, nik FROM request')"
[[ $(sql "SELECT id_type || '|' || nik FROM companion ORDER BY seq" | paste -sd' ') == \
	'kitas|2C21JE123456 nik|3171051203880002' ]] ||
	fail "companion rows: $(sql 'SELECT id_type, nik FROM companion')"
echo "stored: $(sql "SELECT id_type || ' ' || nik FROM request")"

# the KOORDINATOR sees the numbers whole; other staff see them masked by document
as "$KOORD" --json request show "$REQ" >"$WORK/koord"
grep -q '"id_type":"passport","nik":"X1234567"' "$WORK/koord" || fail "koord: $(cat "$WORK/koord")"
as "$KABID" --json request show "$REQ" >"$WORK/kabid"
grep -q '"id_type":"passport","nik":"\*\*\*\*\*567"' "$WORK/kabid" || fail "kabid: $(cat "$WORK/kabid")"
grep -q '"name":"Jane Doe","id_type":"kitas","nik":"\*\*\*\*\*\*\*\*\*456"' "$WORK/kabid" ||
	fail "kabid companion: $(cat "$WORK/kabid")"
grep -q '"name":"Budi","id_type":"nik","nik":"317105\*\*\*\*\*\*0002"' "$WORK/kabid" ||
	fail "kabid NIK companion: $(cat "$WORK/kabid")"
grep -q 'X1234567\|2C21JE123456' "$WORK/kabid" && fail "the KABID saw a whole number"
as "$KABID" request show "$REQ" >"$WORK/kabid.txt"
grep -q 'Passport number *\*\*\*\*\*567' "$WORK/kabid.txt" || fail "text: $(cat "$WORK/kabid.txt")"
grep -q 'Jane Doe (KITAS number \*\*\*\*\*\*\*\*\*456)' "$WORK/kabid.txt" ||
	fail "text companion: $(cat "$WORK/kabid.txt")"

# the letter for the paper file says which document each number is, masked
as "$HELPDESK" print letter "$REQ" --pdf "$WORK/letter.pdf" >/dev/null || fail "print letter"
t=$(pdftotext "$WORK/letter.pdf" - | tr '\n' ' ')
for want in 'Passport number' '*****567' 'Jane Doe (KITAS number *********456)' \
	'Budi (NIK 317105******0002)'; do
	case "$t" in *"$want"*) ;; *) fail "letter lacks '$want': $t" ;; esac
done
case "$t" in *X1234567*) fail "the letter shows the whole passport number" ;; esac
echo PASS

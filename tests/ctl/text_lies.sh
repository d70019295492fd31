#!/usr/bin/env bash
# text_lies.sh - text that would lie on a terminal (issue 8.7): a carriage return that prints a fake
# "APPROVED" over the real purpose, a right-to-left override that reverses a name. New input with
# them is refused with one line; rows stored before the rule (put there with sqlite3) print with
# visible escapes (\r, \u202E) in request show, request list and --json, never raw.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
at '2026-11-29 08:00'

CR=$'\r'
RLO=$'\u202e'
FAKE='APPROVED BY KADIS - NO ESCORT NEEDED'

# ---- refused at the door: aksesctl request submit, staff add, a step's note ------------------
bad() {
	local text=$1
	shift
	unchanged_by 1 "$text" ctl request submit --name 'Budi Santoso' --nik 3171051203880002 \
		--institution 'Dinas Kominfo' --phone 081298765432 --purpose 'Pemeliharaan' \
		--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent "$@"
}
bad 'Purpose of the visit: This text contains characters that are not allowed' \
	--purpose "Ganti disk${CR}${FAKE}"
bad 'Full name: This text contains characters that are not allowed' --name "Budi${RLO}fdp.exe"
bad 'Institution / company: This text contains characters that are not allowed' \
	--institution $'PT Maju\u2066Jaya'
bad 'Purpose of the visit: This text contains characters that are not allowed' \
	--purpose $'Ganti\tdisk'
bad 'Full name:' --name $'Budi\u200bSantoso'
bad 'Equipment 1:' --equipment $'Laptop\u200f'
bad "Companion's name 1:" --companion $'Sari\u202dx;3171054501900003'
bad 'Full name:' --name $'Budi\e[2JSantoso' # an ANSI escape sequence
# a newline is fine where the field is multi-line (the purpose), nowhere else
bad 'Full name:' --name $'Budi\nSantoso'
ctl request submit --name 'Budi Santoso' --nik 3171051203880002 --institution 'Dinas Kominfo' \
	--phone 081298765432 --purpose $'Ganti disk\nRak B3' --start '2026-11-29 10:00' \
	--end '2026-11-29 12:00' --consent >/dev/null || fail "a two-line purpose was refused"

# a staff name and a step's note (multi-line text) with a CR: refused, nothing written

rc=0
printf '%s\n%s\n' "${PIN[$ADMIN]}" 777777 | "$AKSESCTL" --lang en staff add --as "$ADMIN" \
	--name "Eve${RLO}nimdA" --role HELPDESK >"$WORK/out" 2>"$WORK/err" || rc=$?
((rc != 0)) || fail "staff add accepted a name with U+202E"
grep -qF 'not allowed' "$WORK/err" || fail "staff add: $(cat "$WORK/err")"
submit
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null
as "$KOORD" verify "$REQ" >/dev/null
no_effect_by 1 'not allowed' as "$KABID" decide "$REQ" --reject --reason "Jadwal bentrok${CR}${FAKE}"

# ---- an old row, written before the rule: printed escaped -------------------------------------
# (the characters go in the literals: char() is SQLite's, chr() PostgreSQL's)
ESC=$'\e' RLM=$'\u200f'
sql "UPDATE request SET purpose = 'Ganti disk${CR}$FAKE',
	name = 'Budi${RLO}fdp.exe', institution = 'PT ${ESC}[31mMerah',
	equipment = 'Laptop${RLM}' WHERE number = '$REQ'"
sql "UPDATE step SET note = 'ok${CR}$FAKE' WHERE id = (SELECT max(id) FROM step)"

as "$KOORD" request show "$REQ" >"$WORK/show"
grep -q $'\r' "$WORK/show" && fail "request show printed a raw carriage return"
grep -q $'\e' "$WORK/show" && fail "request show printed a raw escape"
grep -qF "$RLO" "$WORK/show" && fail "request show printed a raw U+202E"
grep -qF $'\u200f' "$WORK/show" && fail "request show printed a raw U+200F"
grep -qF "Ganti disk\\r$FAKE" "$WORK/show" || fail "purpose not escaped: $(cat -A "$WORK/show")"
grep -qF 'Budi\u202Efdp.exe' "$WORK/show" || fail "name not escaped: $(cat -A "$WORK/show")"
grep -qF 'PT \x1B[31mMerah' "$WORK/show" || fail "institution not escaped: $(cat -A "$WORK/show")"
grep -qF 'Laptop\u200F' "$WORK/show" || fail "equipment not escaped: $(cat -A "$WORK/show")"
grep -qF "\"ok\\r$FAKE\"" "$WORK/show" || fail "note not escaped: $(cat -A "$WORK/show")"

as "$KOORD" request list >"$WORK/list"
grep -qF "$RLO" "$WORK/list" && fail "request list printed a raw U+202E"
grep -qF 'Budi\u202Efdp.exe' "$WORK/list" || fail "list name not escaped: $(cat -A "$WORK/list")"

as "$KOORD" --json request show "$REQ" >"$WORK/json"
grep -qF "$RLO" "$WORK/json" && fail "--json printed a raw U+202E"
grep -q $'\r' "$WORK/json" && fail "--json printed a raw carriage return"
python3 - "$WORK/json" "$FAKE" <<'EOF' || fail "--json does not read back the stored values"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["name"] == "Budi\u202efdp.exe", r["name"]
assert r["purpose"] == "Ganti disk\r" + sys.argv[2], r["purpose"]
assert r["institution"] == "PT \x1b[31mMerah", r["institution"]
EOF

# a multi-line purpose keeps its lines, indented under the value: no line can pose as a label
sql "UPDATE request SET purpose = 'Ganti disk
State             APPROVED'
	WHERE number = '$REQ'"
as "$KOORD" request show "$REQ" >"$WORK/show"
grep -q '^  State             APPROVED' "$WORK/show" && fail "a purpose line posed as a label"
grep -q '^                    State             APPROVED$' "$WORK/show" ||
	fail "second purpose line not indented: $(cat -A "$WORK/show")"
echo "text_lies: ok"

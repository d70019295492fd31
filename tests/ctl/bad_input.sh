#!/usr/bin/env bash
# bad_input.sh - hostile and mistaken input through aksesctl: SQL injection, invalid UTF-8, huge
# fields, emoji, empty fields, bad NIK/phone/dates/windows, wrong role, wrong PIN, unknown staff, a
# forged token. Each is refused with one clear line on stderr and leaves the DB as it was.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
at '2026-11-29 08:00'

# bad_submit TEXT ARGS...: a valid request with ARGS overriding fields (the last --x wins) is
# refused with TEXT, exit 1, and the DB dump is byte-for-byte the same.
bad_submit() {
	local text=$1
	shift
	unchanged_by 1 "$text" ctl request submit --name 'Ḥasan Basri' --nik 3171051203880002 \
		--institution 'Dinas Kominfo' --phone 081298765432 --purpose 'Pemeliharaan' \
		--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent "$@"
}

LONG=$(head -c 10000 /dev/zero | tr '\0' 'a')

# SQL injection where the field's shape forbids it
bad_submit 'NIK: NIK must be 16 digits' --nik "' OR '1'='1"
bad_submit 'NIK must be 16 digits' --nik "3171051203880002'; DROP TABLE request;--"
bad_submit 'Mobile phone:' --phone "0812' OR 1=1--"
bad_submit 'Email (optional):' --email "a@b.c'; DROP TABLE staff;--"
bad_submit 'Purpose category:' --category "other' OR 'x'='x"
# invalid UTF-8, control characters, emoji in a name
bad_submit 'Full name: This text contains invalid characters' --name "$(printf 'Bad\xff\xfeName')"
bad_submit 'Institution' --institution "$(printf 'PT \xc3\x28 Maju')"
bad_submit 'Full name:' --name "$(printf 'Ana\x01Bob')"
bad_submit 'Full name:' --name 'Ana 😀'
# 10,000 characters
bad_submit 'Full name: This text is too long' --name "$LONG"
bad_submit 'Purpose of the visit: This text is too long' --purpose "$LONG"
bad_submit 'Equipment 1: This text is too long' --equipment "$LONG"
# empty and blank fields, missing consent
bad_submit 'Full name: This field is required' --name ''
bad_submit 'Institution' --institution '   '
bad_submit 'Purpose of the visit: This field is required' --purpose ''
bad_submit 'Start: This field is required' --start ''
unchanged_by 1 'privacy' ctl request submit --name 'Ana' --nik 3171051203880002 \
	--institution 'X' --phone 081298765432 --purpose 'P' --start '2026-11-29 10:00' \
	--end '2026-11-29 12:00'
# NIK structure, phone, dates and windows
bad_submit 'NIK: The birth date in this NIK is not valid' --nik 3171053213880002
bad_submit 'NIK: The birth date in this NIK is not valid' --nik 3171057202880002
bad_submit 'NIK: The last four digits of a NIK cannot be 0000' --nik 3171051203880000
bad_submit 'NIK:' --nik 317105120388000
bad_submit 'Mobile phone:' --phone 0212345678
bad_submit 'Mobile phone:' --phone 12345
bad_submit 'Start: Enter a real date and time' --start '2026-02-30 10:00'
bad_submit 'End: Enter a real date and time' --end '2026-11-29 25:00'
bad_submit 'Start: The visit must start now or later' --start '2026-11-28 10:00' --end '2026-11-28 12:00'
bad_submit 'End: A visit may last at most 12 hours' --end '2026-11-29 23:00'
bad_submit 'End:' --end '2026-11-29 09:00'
bad_submit "Companion's NIK 1" --companion 'Tanpa NIK'
bad_submit "Companion's NIK 1: The same NIK appears twice" --companion 'Ana;3171051203880002'
bad_submit "Companion's name 2" --companion 'Ana;3171054501900003' --companion ';3171054501900004'
[[ $(sql "SELECT count(*) FROM request") == 0 ]] || fail "a refused request was stored"

# an injection string where free text is allowed is just text: stored literally, nothing dropped
INJ="Robert'); DROP TABLE request;--"
submit --companion "$INJ;3171054501900004"
[[ $(sql "SELECT name FROM companion") == "$INJ" ]] || fail "injection text not stored literally"
as "$KOORD" --json request show "$REQ" | grep -qF "\"name\":\"Robert'); DROP TABLE request;--\"" ||
	fail "injection text does not read back"

# malformed request numbers and ids: no sign-in needed to refuse them
unchanged_by 1 'request number looks like' ctl request show "$REQ' OR '1'='1" --as "$KOORD"
unchanged_by 2 '--as' ctl request show "$REQ" --as "1 OR 1=1"
unchanged_by 2 'escort' ctl assign "$REQ" --as "$KOORD" --escort "5; DROP TABLE staff"
unchanged_by 2 'state' ctl request list --as "$KOORD" --state "SUBMITTED' OR 1=1--"
unchanged_by 2 'unknown option' ctl request submit --nama X
unchanged_by 1 'unknown role' ctl staff add --as "$ADMIN" --name X --role "ADMIN'--"

# wrong role for each step: refused, nothing but the sign-in record written
no_effect_by 1 'role' as "$KOORD" dispose "$REQ"
no_effect_by 1 'role' as "$TEKNIS" verify "$REQ"
no_effect_by 1 'role' as "$HELPDESK" staff add --name 'Mallory' --role ADMIN
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null
as "$KOORD" verify "$REQ" >/dev/null
no_effect_by 1 'role' as "$KADIS" decide "$REQ" --approve
no_effect_by 1 'role' as "$KOORD" decide "$REQ" --reject --reason 'tidak'
as "$KABID" decide "$REQ" --approve >/dev/null
no_effect_by 1 'role' as "$HELPDESK" assign "$REQ" --escort "$TEKNIS"
no_effect_by 1 'escort' as "$KOORD" assign "$REQ" --escort "$HELPDESK"
no_effect_by 1 'escort' as "$KOORD" assign "$REQ" --escort 999
as "$KOORD" assign "$REQ" --escort "$TEKNIS" >/dev/null
no_effect_by 1 'role' as "$TEKNIS" record "$REQ"
as "$HELPDESK" record "$REQ" >/dev/null
expect_state "$REQ" RECORDED 6
no_effect_by 1 'role' as "$KABID" pass list "$REQ" --tokens
no_effect_by 1 'role' as "$HELPDESK" pass revoke 1 --reason 'x'

# wrong PIN, unknown staff, malformed PIN, no PIN: refused; only sign-in traces change
no_effect_by 1 'PIN' env AKSES_PIN=9999 "$AKSESCTL" --lang en dispose "$REQ" --as "$KADIS"
no_effect_by 1 'PIN' env AKSES_PIN="2222' OR '1'='1" "$AKSESCTL" --lang en inbox --as "$KADIS"
no_effect_by 1 'PIN' env AKSES_PIN=1111 "$AKSESCTL" --lang en inbox --as 999
no_effect_by 1 'PIN' ctl inbox --as "$KADIS"
[[ $(sql "SELECT count(*) FROM signin WHERE ok = 0") -ge 3 ]] || fail "wrong PINs not recorded"

# a token with one character changed: DENIED (exit 3), recorded as a denied scan, passes untouched
at '2026-11-29 10:00'
TOKEN=$(as "$HELPDESK" --json pass list "$REQ" --tokens 2>/dev/null | grep -o '"token":"[A-Z2-7]*"' |
	head -n 1 | cut -d'"' -f4)
[[ ${#TOKEN} == 32 ]] || fail "no token"
first=${TOKEN:0:1}
[[ $first == A ]] && swap=B || swap=A
FORGED="$swap${TOKEN:1}"
before=$(snapshot scan audit)
expect_denied 'Unknown' as "$TEKNIS" scan "$FORGED" --station DOOR
expect_denied 'Unknown' as "$TEKNIS" scan "' OR 1=1 --" --station DOOR
expect_denied 'Unknown' as "$TEKNIS" scan "$(printf '\xff\xfe')" --station DOOR
[[ $(snapshot scan audit) == "$before" ]] || fail "a forged scan changed requests or passes"
[[ $(sql "SELECT count(*) FROM scan WHERE decision = 'DENIED'") == 3 ]] || fail "denied scans not recorded"
as "$TEKNIS" scan "$TOKEN" --station DOOR | grep -q '^ENTRY' || fail "the real token stopped working"

# a report text of 10,000 characters is too long (the limit is 4,000); the visitor left first
# (the clock only moves forward here: audit verify flags times that go backwards)
at '2026-11-29 11:00'
as "$TEKNIS" scan "$TOKEN" --station DOOR --direction out >/dev/null || fail "exit scan"
at '2026-11-29 12:30'
no_effect_by 1 'too long' as "$HELPDESK" report write "$REQ" --text "$LONG"

# a disabled account can no longer act; its right PIN answers like a wrong one
as "$ADMIN" staff disable "$KADIS" >/dev/null
no_effect_by 1 'The staff number or the PIN is wrong.' as "$KADIS" inbox

ctl audit verify >/dev/null || fail "audit verify after bad input"
# the SQLite file is whole (a server's storage is the server's to check)
testdb_on_server || sql "PRAGMA integrity_check" | grep -qx ok || fail "integrity_check"
echo "bad_input: ok"

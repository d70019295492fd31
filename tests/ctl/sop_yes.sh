#!/usr/bin/env bash
# sop_yes.sh - the SOP's YES branch through aksesctl on a fresh DB, submission to step 12: state and
# last step checked in the DB and in `request show --json` after every action.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff

# step 1: the applicant submits (no staff); receipt token labelled, number last
at '2026-11-29 08:00'
out=$(ctl request submit --name 'Ni Luh Putu Ayu' --nik 5171014506920001 --institution 'CV Bali Data' \
	--phone '+62 812 3456 7890' --category audit --purpose 'Audit rak server' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent)
grep -q '^Receipt token: [A-Z2-7]\{32\}$' <<<"$out" || fail "no labelled receipt token: $out"
REQ=$(last_line <<<"$out")
[[ $REQ == AKS-20261129-00001 ]] || fail "first request of the day is $REQ"
expect_state "$REQ" SUBMITTED 1

# it waits in the KADIS inbox, not in the KABID one
as "$KADIS" inbox | grep -q "$REQ" || fail "KADIS inbox lacks $REQ"
as "$KABID" inbox | grep -q "$REQ" && fail "KABID inbox shows $REQ before step 2"

at '2026-11-29 08:02'
as "$KADIS" dispose "$REQ" >/dev/null
expect_state "$REQ" DISPOSED_KADIS 2

at '2026-11-29 08:04'
as "$KABID" dispose "$REQ" >/dev/null
expect_state "$REQ" DISPOSED_KABID 3

at '2026-11-29 08:06'
as "$KOORD" verify "$REQ" --note 'NIK dan surat sesuai' >/dev/null
expect_state "$REQ" VERIFIED 4

# the KOORDINATOR sees the whole NIK (verification needs it), others a masked one
as "$KOORD" --json request show "$REQ" | grep -q '"nik":"5171014506920001"' ||
	fail "KOORDINATOR does not see the NIK"
as "$KABID" --json request show "$REQ" | grep -q '"nik":"517101\*\*\*\*\*\*0001"' ||
	fail "KABID sees an unmasked NIK"

at '2026-11-29 08:08'
as "$KABID" decide "$REQ" --approve >/dev/null
expect_state "$REQ" APPROVED 5

at '2026-11-29 08:10'
as "$KOORD" assign "$REQ" --escort "$TEKNIS" >/dev/null
expect_state "$REQ" ASSIGNED 5
as "$ADMIN" --json request show "$REQ" | grep -q '"escort":"Teknisi Satu"' || fail "escort not shown"

at '2026-11-29 08:12'
as "$HELPDESK" record "$REQ" >/dev/null
expect_state "$REQ" RECORDED 6

# one pass, for the applicant; a fresh token handed out with a warning on stderr
as "$HELPDESK" pass list "$REQ" | grep -q 'Ni Luh Putu Ayu' || fail "pass list lacks the applicant"
# the print state in the reader's words, not the stored code ("CETAK none", issue 9.6)
as "$HELPDESK" pass list "$REQ" | grep 'Ni Luh Putu Ayu' | grep -q 'not printed$' ||
	fail "pass list: the English print state is not 'not printed'"
printf '%s\n' "${PIN[$HELPDESK]}" | "$AKSESCTL" --lang id pass list "$REQ" --as "$HELPDESK" >"$WORK/pl"
grep 'Ni Luh Putu Ayu' "$WORK/pl" | grep -q 'belum dicetak$' && ! grep -qw none "$WORK/pl" ||
	fail "pass list in Indonesian: $(cat "$WORK/pl")"
as "$HELPDESK" pass list "$REQ" --tokens >"$WORK/tokens" 2>"$WORK/warn"
grep -qi 'warning' "$WORK/warn" || fail "no warning that tokens were reissued"
TOKEN=$(grep -o '[A-Z2-7]\{32\}' "$WORK/tokens" | head -n 1)
[[ -n $TOKEN ]] || fail "pass list --tokens printed no token: $(cat "$WORK/tokens")"
[[ $(grep -c '[A-Z2-7]\{32\}' "$WORK/tokens") == 1 ]] || fail "expected one pass"

# step 7: in at 10:00, out at 10:45 (past the repeat guard)
at '2026-11-29 10:00'
as "$TEKNIS" scan "$TOKEN" --station 'Pintu Ruang Server' >"$WORK/scan"
grep -q "^ENTRY  Ni Luh Putu Ayu (CV Bali Data)  $REQ" "$WORK/scan" || fail "entry: $(cat "$WORK/scan")"
expect_state "$REQ" ON_SITE 6
as "$TEKNIS" inside | grep -q 'Ni Luh Putu Ayu' || fail "inside does not list the visitor"

at '2026-11-29 10:45'
as "$TEKNIS" scan "$TOKEN" --station 'Pintu Ruang Server' >"$WORK/scan"
grep -q "^EXIT .*Ni Luh Putu Ayu (CV Bali Data)  $REQ" "$WORK/scan" || fail "exit: $(cat "$WORK/scan")"
expect_state "$REQ" VISITED 7
as "$TEKNIS" inside | grep -q 'Ni Luh Putu Ayu' && fail "still listed inside after the exit"

# the day's log: in and out in local time
as "$HELPDESK" log 2026-11-29 | grep -q '10:00 *10:45 .*Ni Luh Putu Ayu' || fail "log lacks the visit"

at '2026-11-29 11:00'
as "$HELPDESK" report write "$REQ" --text 'Audit rak selesai; tidak ada temuan.' >/dev/null
expect_state "$REQ" REPORTED 9

at '2026-11-29 11:02'
as "$KOORD" forward "$REQ" >/dev/null
expect_state "$REQ" FORWARDED_KOORD 10

at '2026-11-29 11:05'
as "$KABID" forward "$REQ" >/dev/null
expect_state "$REQ" FORWARDED_KABID 11

at '2026-11-29 11:09'
as "$KADIS" receive "$REQ" >"$WORK/out"
grep -q "CLOSED" "$WORK/out" || fail "receive does not say CLOSED: $(cat "$WORK/out")"
expect_state "$REQ" CLOSED 12

# the timeline holds every step in SOP order, each with its role
steps=$(sql "SELECT step FROM step s JOIN request r
	ON r.id = s.request_id WHERE r.number = '$REQ' ORDER BY s.id" | paste -sd,)
[[ $steps == 1,2,3,4,5,6,6,7,9,10,11,12 ]] || fail "timeline steps are $steps"
as "$KADIS" --json request show "$REQ" | grep -q '"step":12,"action":"receive","role":"KADIS"' ||
	fail "timeline JSON lacks step 12"

# the closed pass no longer opens the door, and the audit chain holds
# closed by its report, not revoked: the door says so
expect_denied 'Visit closed' as "$TEKNIS" scan "$TOKEN" --station 'Pintu Ruang Server'
ctl audit verify | grep -q 'intact' || fail "audit verify"
echo "sop_yes: ok"

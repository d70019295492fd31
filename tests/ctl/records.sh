#!/usr/bin/env bash
# records.sh - what the door and the day's log say, through aksesctl on a fresh DB: a receipt held
# to the reader is called a receipt, a double read is a neutral REPEAT (exit 0, not counted as
# denied), a visit whose report was written says "visit closed", and an escort's inbox does not
# call a visit booked ahead late (step 7 waits for the window).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
at '2026-11-29 08:00'
out=$(ctl request submit --name 'Ni Luh Putu Ayu' --nik 5171014506920001 --institution 'CV Bali Data' \
	--phone '+62 812 3456 7890' --category audit --purpose 'Audit rak server' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent)
RECEIPT=$(grep -o '[A-Z2-7]\{32\}' <<<"$out" | head -n 1)
REQ=$(last_line <<<"$out")
[[ $REQ == AKS-20261129-00001 ]] || fail "five-digit number expected, got $REQ"
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null
as "$KOORD" verify "$REQ" >/dev/null
as "$KABID" decide "$REQ" --approve >/dev/null
as "$KOORD" assign "$REQ" --escort "$TEKNIS" >/dev/null
as "$HELPDESK" record "$REQ" >/dev/null
TOKEN=$(as "$HELPDESK" pass list "$REQ" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}' | head -n 1)
[[ -n $TOKEN ]] || fail "no pass token"

# booked for 10:00, it is 08:30: step 7 is due at 10:03 and not overdue
at '2026-11-29 08:30'
json=$(as "$TEKNIS" --json inbox)
grep -q '"overdue":false' <<<"$json" || fail "a visit booked ahead is overdue: $json"
grep -q '"overdue":true' <<<"$json" && fail "a visit booked ahead is overdue: $json"

# the receipt instead of the pass
at '2026-11-29 10:00'
expect_denied 'receipt, not an access pass' as "$TEKNIS" scan "$RECEIPT" --station 'Pintu A'

# in, then the reader reads the badge again a few seconds later: REPEAT, exit 0
out=$(as "$TEKNIS" scan "$TOKEN" --station 'Pintu A') || fail "entry failed: $out"
[[ $out == ENTRY* ]] || fail "expected ENTRY: $out"
out=$(as "$TEKNIS" scan "$TOKEN" --station 'Pintu A') || fail "a double read exits non-zero: $out"
[[ $out == REPEAT:* ]] || fail "expected REPEAT: $out"
[[ $(sql "SELECT inside FROM pass") == 1 ]] || fail "the double read changed the pass"
at '2026-11-29 11:00'
out=$(as "$TEKNIS" scan "$TOKEN" --station 'Pintu A') || fail "exit failed: $out"
[[ $out == EXIT* ]] || fail "expected EXIT: $out"
out=$(as "$TEKNIS" scan "$TOKEN" --station 'Pintu A') || fail "a double read exits non-zero: $out"
[[ $out == REPEAT:* ]] || fail "expected REPEAT, not 'not inside': $out"

# the day's log counts one denied scan (the receipt), not the double reads
denied=$(as "$HELPDESK" --json log 2026-11-29 | jq '.denied | length')
[[ $denied == 1 ]] || fail "denied scans in the day's log: $denied"

# the report is written while the window is still open: the visit is closed, not revoked
at '2026-11-29 11:10'
as "$HELPDESK" report write "$REQ" --text 'Audit selesai.' >/dev/null
at '2026-11-29 11:20'
expect_denied 'Visit closed' as "$TEKNIS" scan "$TOKEN" --station 'Pintu A'
[[ $(sql "SELECT count(*) FROM scan WHERE reason = 'revoked'") == 0 ]] || fail "a scan said revoked"
echo "records: ok"

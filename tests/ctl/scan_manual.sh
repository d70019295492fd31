#!/usr/bin/env bash
# scan_manual.sh - a badge that cannot be read, through aksesctl (issue 9.4): `scan --manual REQ
# --person N` is decided by the same rule as a scan (ENTRY, and DENIED "not your visitor - escort"
# for another escort), recorded as manual, and the day's log says so; a wrong number or person is
# one clear line and records nothing; an ENTRY lists the declared equipment.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
add_staff TIM_TEKNIS 'Dedi Teknisi' 777777; DEDI=$REPLY
at '2026-11-29 08:00'
submit --companion 'Budi Santoso;3171011203850002'
to_recorded "$REQ"

at '2026-11-29 10:05'
# another escort: the same denial a scan gets, naming the visit's escort
expect_denied 'Not your visitor — escort: Teknisi Satu' as "$DEDI" scan --manual "$REQ" --person 1 --station DOOR
# the companion, by number and person: ENTRY, marked manual, with the equipment to check
out=$(as "$TEKNIS" scan --manual "$REQ" --person 1 --station DOOR) || fail "manual entry failed: $out"
[[ $out == ENTRY*'Budi Santoso'*MANUAL* ]] || fail "expected a manual ENTRY of Budi: $out"
grep -q '^  equipment: Laptop$' <<<"$out" || fail "no equipment line: $out"
[[ $(sql "SELECT count(*) FROM scan WHERE manual = 1") == 2 ]] || fail "manual scans not marked"
json=$(as "$TEKNIS" --json scan --manual "$REQ" --person 0 --station DOOR)
[[ $(jq -r '.decision + " " + (.manual|tostring) + " " + .equipment[0]' <<<"$json") == "ENTRY true Laptop" ]] ||
	fail "json: $json"

# wrong input: one clear line, nothing recorded
before=$(sql "SELECT count(*) FROM scan")
expect_fail nz 'number' as "$TEKNIS" scan --manual 'AKS-2026' --station DOOR
expect_fail nz 'No request has this number' as "$TEKNIS" scan --manual AKS-20261129-09999 --station DOOR
expect_fail nz 'pass' as "$TEKNIS" scan --manual "$REQ" --person 5 --station DOOR
expect_fail 2 'manual' as "$TEKNIS" scan --station DOOR
expect_fail 2 '--person' as "$TEKNIS" scan --manual "$REQ" --person x --station DOOR
[[ $(sql "SELECT count(*) FROM scan") == "$before" ]] || fail "a refused manual entry was recorded"

# the day's log: the entries show as manual, the denial too
log=$(as "$HELPDESK" log 2026-11-29)
grep 'Budi Santoso' <<<"$log" | grep -q 'MANUAL' || fail "log does not mark the manual entry: $log"
[[ $(as "$HELPDESK" --json log 2026-11-29 | jq '[.visits[] | select(.manual)] | length') == 2 ]] ||
	fail "json log manual visits"
[[ $(as "$HELPDESK" --json log 2026-11-29 | jq '.denied[0].manual') == true ]] || fail "json log manual denial"
echo "scan_manual: ok"

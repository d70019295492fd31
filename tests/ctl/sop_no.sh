#!/usr/bin/env bash
# sop_no.sh - the SOP's NO branch: the Kabid rejects at step 5 with a reason; the reason reads back
# plainly, the request is final, and every later action is refused with nothing written.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
at '2026-11-29 08:00'
submit --companion 'José Ramos;3171051203880002'
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null
as "$KOORD" verify "$REQ" >/dev/null
expect_state "$REQ" VERIFIED 4

# a NO needs a reason the applicant can read: none given is a usage error, an empty one refused
expect_fail 2 'reason' as "$KABID" decide "$REQ" --reject
no_effect_by 1 'required' as "$KABID" decide "$REQ" --reject --reason '   '
expect_state "$REQ" VERIFIED 4

REASON="Jadwal bentrok dengan pemeliharaan UPS; ajukan ulang minggu depan. Nurul 'Aini, José."
at '2026-11-29 08:05'
as "$KABID" decide "$REQ" --reject --reason "$REASON" >"$WORK/out"
grep -q 'REJECTED' "$WORK/out" || fail "decide --reject does not say REJECTED: $(cat "$WORK/out")"
expect_state "$REQ" REJECTED 5

# the reason reads back exactly, in text and JSON, and in the step-5 timeline row
as "$KOORD" request show "$REQ" | grep -qF "$REASON" || fail "request show lacks the reason"
json=$(as "$KOORD" --json request show "$REQ")
grep -qF "\"reason\":\"$REASON\"" <<<"$json" || fail "JSON reason differs: $json"
grep -q '"step":5,"action":"reject","role":"KABID"' <<<"$json" || fail "no reject step: $json"
[[ $(sql "SELECT reason FROM request WHERE number = '$REQ'") == "$REASON" ]] || fail "stored reason"

# no passes were issued; nothing waits in any inbox
[[ $(sql "SELECT count(*) FROM pass") == 0 ]] || fail "a rejected request has passes"
for who in "$KADIS" "$KABID" "$KOORD" "$HELPDESK"; do
	as "$who" inbox | grep -q "$REQ" && fail "$REQ still waits in the inbox of staff $who"
done

# every later action: refused for the state, DB untouched beyond the sign-in record
at '2026-11-29 08:10'
no_effect_by 1 'current state' as "$KABID" decide "$REQ" --approve
no_effect_by 1 'current state' as "$KABID" decide "$REQ" --reject --reason 'lagi'
no_effect_by 1 'current state' as "$KADIS" dispose "$REQ"
no_effect_by 1 'current state' as "$KOORD" verify "$REQ"
no_effect_by 1 'current state' as "$KOORD" assign "$REQ" --escort "$TEKNIS"
no_effect_by 1 'current state' as "$HELPDESK" record "$REQ"
no_effect_by 1 'current state' as "$HELPDESK" report write "$REQ" --text 'laporan'
no_effect_by 1 'current state' as "$KOORD" forward "$REQ"
no_effect_by 1 'current state' as "$KADIS" receive "$REQ"
no_effect_by 1 'current state' as "$KOORD" request cancel "$REQ" --reason 'batal'
tried_by 1 'current state' ctl request cancel "$REQ" --phone-digits 7890
expect_state "$REQ" REJECTED 5

# a fresh request still goes through: the refusal was about this request only
submit
[[ $REQ == AKS-20261129-00002 ]] || fail "second request numbered $REQ"
as "$KADIS" dispose "$REQ" >/dev/null
expect_state "$REQ" DISPOSED_KADIS 2
ctl audit verify >/dev/null || fail "audit verify"
echo "sop_no: ok"

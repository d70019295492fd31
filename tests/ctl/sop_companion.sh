#!/usr/bin/env bash
# sop_companion.sh - a request with a companion: one pass per person, the companion's own token
# scans ENTRY, and the visit (step 7) ends only when everyone is out. Only the assigned escort may
# scan them in.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
add_staff TIM_TEKNIS 'Teknisi Dua' 777777
OTHER_TEKNIS=$REPLY

at '2026-11-29 08:00'
submit --companion 'José Ramos;3171051203880002'
as "$KOORD" --json request show "$REQ" | grep -q '"companions":\[{"name":"José Ramos","id_type":"nik","nik":"3171051203880002"}\]' ||
	fail "companion not on the request"
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null
as "$KOORD" verify "$REQ" >/dev/null
as "$KABID" decide "$REQ" --approve >/dev/null
as "$KOORD" assign "$REQ" --escort "$TEKNIS" >/dev/null
as "$HELPDESK" record "$REQ" >/dev/null
expect_state "$REQ" RECORDED 6

# two passes: person 0 the applicant, person 1 the companion
[[ $(sql "SELECT count(*) FROM pass") == 2 ]] || fail "expected 2 passes"
as "$KOORD" --json pass list "$REQ" >"$WORK/passes"
grep -q '"person":0,"name":"Nurul '"'"'Aini"' "$WORK/passes" || fail "no applicant pass: $(cat "$WORK/passes")"
grep -q '"person":1,"name":"José Ramos"' "$WORK/passes" || fail "no companion pass: $(cat "$WORK/passes")"

# TIM_TEKNIS may not hand out tokens
no_effect_by 1 'role' as "$TEKNIS" pass list "$REQ" --tokens

as "$KOORD" --json pass list "$REQ" --tokens 2>/dev/null >"$WORK/tokens"
APPLICANT_TOKEN=$(grep -o '"person":0,[^}]*"token":"[A-Z2-7]*"' "$WORK/tokens" | grep -o '[A-Z2-7]\{32\}')
COMPANION_TOKEN=$(grep -o '"person":1,[^}]*"token":"[A-Z2-7]*"' "$WORK/tokens" | grep -o '[A-Z2-7]\{32\}')
[[ -n $APPLICANT_TOKEN && -n $COMPANION_TOKEN ]] || fail "tokens missing: $(cat "$WORK/tokens")"
[[ $APPLICANT_TOKEN != "$COMPANION_TOKEN" ]] || fail "both passes got one token"
# the tokens are only hashed in the DB
sqlite3 "$AKSES_DB" .dump | grep -q "$COMPANION_TOKEN" && fail "a token is stored in clear"

# the companion comes first, with their own token; another escort is refused
at '2026-11-29 09:50'
expect_denied 'escort' as "$OTHER_TEKNIS" scan "$COMPANION_TOKEN" --station DOOR
at '2026-11-29 09:51'
as "$TEKNIS" scan "$COMPANION_TOKEN" --station DOOR >"$WORK/scan"
grep -q "^ENTRY  José Ramos (PT Maju Jaya)  $REQ" "$WORK/scan" || fail "companion entry: $(cat "$WORK/scan")"
expect_state "$REQ" ON_SITE 6

at '2026-11-29 09:52'
as "$TEKNIS" scan "$APPLICANT_TOKEN" --station DOOR | grep -q "^ENTRY  Nurul 'Aini" || fail "applicant entry"
as "$TEKNIS" --json inside >"$WORK/inside"
grep -q 'José Ramos' "$WORK/inside" && grep -q "Nurul 'Aini" "$WORK/inside" || fail "inside: $(cat "$WORK/inside")"

# anti-passback: a second entry of the companion is refused
at '2026-11-29 10:10'
expect_denied 'inside' as "$TEKNIS" scan "$COMPANION_TOKEN" --station DOOR --direction in

# the applicant leaves; the companion is still in, so the visit goes on
at '2026-11-29 11:00'
as "$TEKNIS" scan "$APPLICANT_TOKEN" --station DOOR | grep -q '^EXIT' || fail "applicant exit"
expect_state "$REQ" ON_SITE 6
at '2026-11-29 11:05'
as "$TEKNIS" scan "$COMPANION_TOKEN" --station DOOR | grep -q '^EXIT .*José Ramos' || fail "companion exit"
expect_state "$REQ" VISITED 7

# the log has two visits and the two denied scans
as "$HELPDESK" --json log 2026-11-29 >"$WORK/log"
[[ $(grep -o '"pass_id":' "$WORK/log" | wc -l) == 2 ]] || fail "log visits: $(cat "$WORK/log")"
[[ $(grep -o '"reason":"[a-z-]*"' "$WORK/log" | wc -l) == 2 ]] || fail "log denied: $(cat "$WORK/log")"
echo "sop_companion: ok"

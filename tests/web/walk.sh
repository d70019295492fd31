#!/usr/bin/env bash
# walk.sh - the SOP from the web console in a real headless Chromium: each official signs in over
# HTTPS and takes their steps 2-6 and 9-12 (the door's step 7 by aksesctl scan between), and the
# request ends exactly as the same walk through aksesctl leaves it on a second DB (a copy of the
# first taken before the walks, on the same backend: tests/tools/testdb.sh's testdb_copy).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# two DBs with the same staff and requests: one for the browser, one for aksesctl
web_fixture
now '2026-11-29 08:04'
REQ2=$(ctl request submit --name 'Budi Santoso' --nik 1371011203850002 --institution 'PT Lain' \
	--phone '081298765432' --category audit --purpose 'Audit' \
	--start '2026-11-29 13:00' --end '2026-11-29 14:00' --consent | last_line)
export REQ2
WEB_DB=$AKSES_DB
testdb_copy "$WEB_DB" "$WORK/ctl.db"
CTL_DB=$TESTDB

# the browser's walk, steps 2-6
web_start
export URL
webpy walk1
expect_state "$REQ" RECORDED 6

# step 7 at the door, the same on both DBs
TOKEN=$(as "$HELPDESK" pass list "$REQ" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}' | head -n 1)
now '2026-11-29 10:00'
as "$TEKNIS" scan "$TOKEN" --station 'Pintu' >/dev/null
now '2026-11-29 10:45'
as "$TEKNIS" scan "$TOKEN" --station 'Pintu' >/dev/null
expect_state "$REQ" VISITED 7

# the report and steps 10-12 from a phone-sized window
webpy walk2
expect_state "$REQ" CLOSED 12
web_stop

# the same walk through aksesctl
export AKSES_DB=$CTL_DB
now '2026-11-29 08:05'; as "$KADIS" dispose "$REQ" --instruction 'Mohon segera diproses' --urgency segera >/dev/null
now '2026-11-29 08:06'; as "$KABID" dispose "$REQ" >/dev/null
now '2026-11-29 08:08'; as "$KOORD" verify "$REQ" --note 'NIK dan surat sesuai' >/dev/null
now '2026-11-29 08:10'; as "$KABID" decide "$REQ" --approve >/dev/null
now '2026-11-29 08:12'; as "$KOORD" assign "$REQ" --escort "$TEKNIS" >/dev/null
now '2026-11-29 08:14'; as "$HELPDESK" record "$REQ" >/dev/null
TOKEN=$(as "$HELPDESK" pass list "$REQ" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}' | head -n 1)
now '2026-11-29 10:00'; as "$TEKNIS" scan "$TOKEN" --station 'Pintu' >/dev/null
now '2026-11-29 10:45'; as "$TEKNIS" scan "$TOKEN" --station 'Pintu' >/dev/null
now '2026-11-29 11:00'; as "$HELPDESK" report write "$REQ" --text $'Audit rak selesai;\ntidak ada temuan.' >/dev/null
now '2026-11-29 11:02'; as "$KOORD" forward "$REQ" >/dev/null
now '2026-11-29 11:05'; as "$KABID" forward "$REQ" >/dev/null
now '2026-11-29 11:09'; as "$KADIS" receive "$REQ" >/dev/null
expect_state "$REQ" CLOSED 12

# the request, its timeline (who, when, notes, instruction, urgency), passes and scans: equal
state() {
	local q
	for q in "SELECT number, state, last_step, escort_id, report, reason FROM request ORDER BY id" \
		"SELECT r.number, s.step, s.action, s.actor_id, s.at, s.note, s.instruction, s.urgency
		   FROM step s JOIN request r ON r.id = s.request_id ORDER BY s.id" \
		"SELECT request_id, person, revoked_at, inside FROM pass ORDER BY id" \
		"SELECT pass_id, at, decision, station FROM scan ORDER BY id" \
		"SELECT actor_id, action, subject, detail FROM audit
		   WHERE action NOT IN ('signin', 'signin-failed') AND action NOT LIKE 'pass-token%'
		   ORDER BY id"; do
		testdb_sql "$1" "$q" || return 1
	done
}
web_state=$(state "$WEB_DB") || fail "cannot read the browser's DB"
ctl_state=$(state "$CTL_DB") || fail "cannot read aksesctl's DB"
[[ $(grep -c "^$REQ|CLOSED|12|" <<<"$web_state") == 1 ]] || fail "no closed request in: $web_state"
diff <(echo "$web_state") <(echo "$ctl_state") >"$WORK/diff" ||
	fail "the browser's walk differs from aksesctl's: $(cat "$WORK/diff")"
# the console's sign-ins are recorded at station WEB, each one OK
[[ $(testdb_sql "$WEB_DB" "SELECT count(*) FROM signin WHERE station = 'WEB' AND ok = 1") -ge 10 ]] ||
	fail "the console's sign-ins are not recorded at station WEB"
echo "walk: ok"

#!/usr/bin/env bash
# branches.sh - the console's NO branches and PIN change: the Kabid rejects at step 5 and the
# Koordinator cancels, each refused without a reason; a PIN an ADMIN reset is changed by its owner
# at the console's sign-in, then works at aksesctl too.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

web_fixture
REQ_REJECT=$REQ
as "$KADIS" dispose "$REQ_REJECT" >/dev/null
as "$KABID" dispose "$REQ_REJECT" >/dev/null
as "$KOORD" verify "$REQ_REJECT" >/dev/null
submit
REQ_CANCEL=$REQ
export REQ_REJECT REQ_CANCEL
printf '%s\n777777\n' "${PIN[$ADMIN]}" | "$AKSESCTL" --lang en staff set-pin "$HELPDESK" --as "$ADMIN" >/dev/null
web_start
export URL
webpy branches
expect_state "$REQ_REJECT" REJECTED 5
[[ $(sql "SELECT reason FROM request WHERE number = '$REQ_REJECT'") == 'Jadwal bentrok dengan pemeliharaan' ]] ||
	fail "the rejection's reason"
[[ $(sql "SELECT state FROM request WHERE number = '$REQ_CANCEL'") == CANCELLED ]] || fail "not cancelled"
PIN[$HELPDESK]=868686
as "$HELPDESK" inbox >/dev/null || fail "the PIN changed at the console does not work at aksesctl"
echo "branches: ok"

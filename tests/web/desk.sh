#!/usr/bin/env bash
# desk.sh - the Helpdesk's pages of the console: who is inside now, the day's log and the audit
# trail's check, read from the same store calls as aksesctl, and printing a document to a CUPS
# queue or as a PDF download through kiosk/paper; other roles are refused.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
: "${CUPS_UP:?}"
"$CUPS_UP" -q >/dev/null || fail "no CUPS scheduler with the PDF queue"

web_fixture
to_recorded "$REQ"
TOKEN=$(as "$HELPDESK" pass list "$REQ" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}' | head -n 1)
now '2026-11-29 10:00'
as "$TEKNIS" scan "$TOKEN" --station 'Pintu' >/dev/null
web_start
export URL
webpy desk
echo "desk: ok"

#!/usr/bin/env bash
# refusals.sh - what the console must refuse, each with a clear page and the DB unchanged: a POST
# without (or with a wrong) CSRF token, an expired session, a wrong role's action, a locked
# account, an oversized body, broken UTF-8, unknown ids and markup in every field.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

web_fixture
web_start
export URL
webpy refusals
# no personal data, body or query reaches the server's log
! grep -E 'Nurul|3171054501900003|0812|alert|csrf|pin=' "$WORK/web.log" ||
	fail "the server's log holds request data: $(cat "$WORK/web.log")"
echo "refusals: ok"

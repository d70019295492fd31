#!/usr/bin/env bash
# clock.sh - no test clock in the shipped aksesctl (issue 8.2): build/bin/aksesctl ignores
# AKSES_NOW (a request submitted under a pinned clock gets today's real date and its audit row the
# real time), while the test build (build/test-bin, what the other scripts drive) follows it and
# says so in --version.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
: "${AKSESCTL_SHIPPED:?AKSESCTL_SHIPPED must name the shipped aksesctl}"

shipped() {
	"$AKSESCTL_SHIPPED" --lang en "$@" </dev/null
}

"$AKSESCTL" --lang en --version | grep -q "TEST BUILD" || fail "the test build does not say so"
shipped --version | grep -q 'TEST' && fail "the shipped build claims to be a test build"
shipped --version | grep -qx 'aksesctl [0-9.]*' || fail "shipped --version: $(shipped --version)"

setup_staff
# a visit tomorrow by the real clock; AKSES_NOW claims a day years away
today=$(date +%Y%m%d)
tomorrow=$(date -d tomorrow +%F)
for pinned in '2031-06-01 08:00' '2020-01-01 08:00'; do
	REQ=$(AKSES_NOW="$pinned" shipped request submit --name 'Budi Santoso' \
		--nik 3171054501900003 --institution 'PT Maju Jaya' --phone '0812-3456-7890' \
		--category maintenance --purpose 'Ganti hard disk server aplikasi' \
		--start "$tomorrow 10:00" --end "$tomorrow 12:00" --consent | last_line) ||
		fail "the shipped aksesctl refused a visit tomorrow with AKSES_NOW='$pinned'"
	[[ $REQ == AKS-$today-* ]] || fail "number $REQ is not of today ($today) with AKSES_NOW='$pinned'"
	at=$(sql "SELECT at FROM audit WHERE action = 'submit' AND subject = '$REQ'")
	now=$(date +%s)
	((at <= now && at > now - 120)) || fail "audit time $at is not now ($now) with AKSES_NOW='$pinned'"
done

# the test build follows AKSES_NOW: the same submit lands on the pinned day
at '2026-11-29 08:00'
submit
[[ $REQ == AKS-20261129-* ]] || fail "the test build did not follow AKSES_NOW: $REQ"
echo "clock: ok"

#!/bin/bash
# cups_faults.sh - the real scheduler's faults: queue stopped, queue rejecting, printer deleted,
# cupsd down. Each gives its own plain message and exit 1, the pass stays printable (print state
# failed), and after recovery the visitor prints it. The queue is always restored on exit.
set -u
: "${AKSESCTL:?}" "${CUPS_UP:?}"
WORK=$(mkdir -p "${AKSES_TEST_TMP:-/tmp}" && mktemp -d "${AKSES_TEST_TMP:-/tmp}/cups-faults-XXXXXX")
restore() {
	cupsenable PDF 2>/dev/null
	cupsaccept PDF 2>/dev/null
	"$CUPS_UP" -q >/dev/null
	rm -rf "$WORK"
}
trap restore EXIT
. "$(dirname "$0")/lib.sh"

PDF_DIR=$("$CUPS_UP" -q) || fail "cups-up.sh could not start the scheduler"
setup_request "Budi Santoso" --companion "Siti Rahma;1371014101900002" \
	--companion "Andi Wijaya;1371010101900003" --companion "Dewi Lestari;1371014101900004"

# fault PERSON WANT BREAK RECOVER: break the queue, print the pass of PERSON and expect exit 1
# with WANT in the message and print state failed; recover, print again, expect done.
fault() {
	person=$1 want=$2 break_cmd=$3 recover_cmd=$4
	eval "$break_cmd"
	start=$(date +%s)
	if msg=$("$AKSESCTL" --lang en print badge "$REQ" --person "$person" --queue PDF --wait 2>&1); then
		eval "$recover_cmd"
		fail "print succeeded with the fault '$break_cmd': $msg"
	fi
	took=$(($(date +%s) - start))
	eval "$recover_cmd"
	echo "fault '$break_cmd' -> $msg (${took}s)"
	case "$msg" in *"$want"*) ;; *) fail "expected '$want' for '$break_cmd', got: $msg" ;; esac
	[ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] || fail "more than one line: $msg"
	[ "$took" -le 10 ] || fail "took ${took}s to report '$break_cmd'"
	[ "$(print_state "$person")" = failed ] || fail "pass $person not left printable: $(print_state "$person")"
	out=$("$AKSESCTL" --json print badge "$REQ" --person "$person" --queue PDF --wait) ||
		fail "print after recovering from '$break_cmd': $out"
	[ "$(print_state "$person")" = done ] || fail "pass $person not done after recovery"
	f=$(pdf_of_job "$(job_id "$out")") || fail "no PDF after recovery from '$break_cmd'"
	[ ${#f} -gt 0 ] && [ "$(qr_of "$f" | wc -c)" -eq 33 ] || fail "recovered badge has no token QR"
}

fault 0 "is stopped" "cupsdisable PDF" "cupsenable PDF"
fault 1 "not accepting jobs" "cupsreject PDF" "cupsaccept PDF"
fault 2 "does not exist" "lpadmin -x PDF" "\"\$CUPS_UP\" -q >/dev/null"
# The scheduler down: stop the cupsd that cups-up.sh started (by its pid), then start it again.
stop_cupsd() {
	pid=$(pgrep -x cupsd | head -n 1)
	[ -n "$pid" ] || fail "no cupsd to stop"
	kill "$pid"
	while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}
fault 3 "not running" "stop_cupsd" "\"\$CUPS_UP\" -q >/dev/null"

ctl $HELPDESK print status | grep -c ' gagal ' | grep -q '^4$' || fail "print status does not show the 4 failures"
echo "PASS cups_faults"

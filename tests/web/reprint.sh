#!/usr/bin/env bash
# reprint.sh - the Helpdesk reprints one person's visitor pass from the console's print page
# (with its reason, to the real PDF queue): the pass gets a new token (zbarimg reads it off the
# printed PDF), the old badge is refused at the door and the new one let in, the audit records a
# staff reprint; without a reason, for a request without passes or by another role: refused,
# nothing changed (web.py reprint). The receipt is reissued the same way.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
: "${CUPS_UP:?}"
for tool in pdftoppm zbarimg; do
	command -v "$tool" >/dev/null || fail "$tool is missing (.ci/deps)"
done
PDF_DIR=$("$CUPS_UP" -q) || fail "no CUPS scheduler with the PDF queue"

# pdf_of_job ID: the cups-pdf output of CUPS job ID (bounded: 100 tries, 0.1 s apart).
pdf_of_job() {
	local i f
	for ((i = 0; i < 100; i++)); do
		f=$(ls -t "$PDF_DIR"/*job_"$1".pdf 2>/dev/null | head -n 1)
		[[ -n $f && -s $f ]] && { echo "$f"; return 0; }
		sleep 0.1
	done
	return 1
}

# hash PERSON: the stored hash of the door token of a pass of REQ.
hash() {
	sql "SELECT $(sql_hex p.token_hash) FROM pass p JOIN request r ON r.id = p.request_id
		WHERE r.number = '$REQ' AND p.person = $1"
}

setup_staff
export KADIS KABID KOORD TEKNIS HELPDESK
now '2026-11-29 08:00'
submit --companion 'Budi Santoso;3171051203880002' --companion 'Siti Rahma;3171054501900004'
to_recorded "$REQ"
MAIN=$REQ
submit # a second request, submitted only: it has no passes
export BARE=$REQ
REQ=$MAIN
export REQ
# the badge person 2 holds now (`pass list --tokens` issues fresh tokens, as desk.sh uses it)
OLD=$(as "$HELPDESK" pass list "$REQ" --json --tokens 2>/dev/null |
	python3 -c 'import json,sys; print([p["token"] for p in json.load(sys.stdin) if p["person"] == 2][0])')
[[ $OLD =~ ^[A-Z2-7]{32}$ ]] || fail "no token for person 2: '$OLD'"
HASH2=$(hash 2) HASH1=$(hash 1)
now '2026-11-29 10:00'
web_start
export URL
out=$(webpy reprint) || fail "web.py reprint: $out"
echo "$out"
job=$(sed -n 's/^JOB=//p' <<<"$out")
[[ -n $job ]] || fail "web.py named no CUPS job"
pdf=$(pdf_of_job "$job") || fail "no PDF for CUPS job $job in $PDF_DIR"
pdftoppm -r 150 -png -f 1 -l 1 -singlefile "$pdf" "$WORK/qr"
NEW=$(zbarimg -q --raw "$WORK/qr.png" 2>/dev/null | head -n 1)
[[ $NEW =~ ^[A-Z2-7]{32}$ ]] || fail "no token on the printed pass: '$NEW'"
[[ $NEW != "$OLD" ]] || fail "the reprinted pass carries the old token"
[[ $(hash 2) != "$HASH2" ]] || fail "person 2's stored token did not change"
[[ $(hash 1) == "$HASH1" ]] || fail "person 1's token changed too"
# the print job: a reprint of person 2's pass, by the Helpdesk; the audit: a staff reprint
[[ $(sql "SELECT j.reprint || ' ' || j.staff_id || ' ' || p.person FROM print_job j
	JOIN pass p ON p.id = j.pass_id WHERE j.kind = 'badge'") == "1 $HELPDESK 2" ]] ||
	fail "the print job is not person 2's reprint by the Helpdesk: $(sql 'SELECT * FROM print_job')"
PASS2=$(sql "SELECT p.id FROM pass p JOIN request r ON r.id = p.request_id
	WHERE r.number = '$REQ' AND p.person = 2")
[[ $(sql "SELECT actor_id || ' ' || subject || ' ' || detail FROM audit
	WHERE action = 'pass-token' ORDER BY id DESC LIMIT 1") == "$HELPDESK pass:$PASS2 reprint=1 pending" ]] ||
	fail "the audit lacks the Helpdesk's reprint: $(sql "SELECT * FROM audit WHERE action = 'pass-token'")"
# the door: the old badge refused, the new one let in
if as "$TEKNIS" scan "$OLD" --station 'Pintu' >"$WORK/scan" 2>&1; then
	fail "the old badge still opens the door: $(cat "$WORK/scan")"
fi
as "$TEKNIS" scan "$NEW" --station 'Pintu' >"$WORK/scan" 2>&1 ||
	fail "the new badge is refused: $(cat "$WORK/scan")"
echo "old $OLD refused, new $NEW accepted"
echo "reprint: ok"

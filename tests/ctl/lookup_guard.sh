#!/usr/bin/env bash
# lookup_guard.sh - the applicant's proof by request number + phone digits cannot be brute-forced
# through `aksesctl request cancel --phone-digits`: after 5 wrong tries even the right digits are
# refused until the delay (1 minute, then doubling) has passed; every try is recorded without the
# digits; Helpdesk lists the request under attack. A visitor's badge needs the receipt's token.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
at '2026-11-29 08:00'
out=$(ctl request submit --name "Nurul 'Aini" --nik 3171054501900003 \
	--institution 'PT Maju Jaya' --phone '0812-3456-7890' \
	--category maintenance --purpose 'Ganti hard disk server aplikasi' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent)
REQ=$(last_line <<<"$out")
RECEIPT=$(sed -n 's/^Receipt token: //p' <<<"$out")
[[ ${#RECEIPT} == 32 ]] || fail "no receipt token in: $out"
expect_state "$REQ" SUBMITTED 1

# a stranger tries digits: 5 wrong ones are just "no match"
for d in 9181 9282 9383 9484 9585; do
	if ctl request cancel "$REQ" --phone-digits "$d" 2>"$WORK/err"; then
		fail "wrong digits $d cancelled $REQ"
	fi
	grep -q 'do not match' "$WORK/err" || fail "wrong digits $d said: $(cat "$WORK/err")"
done
# the 6th try, with the right digits, is refused: the stranger cannot tell they were right
if ctl request cancel "$REQ" --phone-digits 7890 2>"$WORK/err"; then
	fail "right digits accepted right after 5 wrong tries"
fi
grep -q 'Too many attempts.*try again in 1 min' "$WORK/err" || fail "6th try said: $(cat "$WORK/err")"
[[ $(wc -l <"$WORK/err") == 1 ]] || fail "more than one line: $(cat "$WORK/err")"
expect_state "$REQ" SUBMITTED 1

# recorded: 5 failures and 1 refused try, with the station (the config's name), never the digits typed
[[ $(sql "SELECT count(*) FROM lookup_attempt a JOIN request r ON r.id = a.request_id
	WHERE r.number = '$REQ' AND a.kind = 'cancel' AND a.station <> ''
	AND a.outcome = 'fail'") == 5 ]] || fail "failures not recorded: $(sql 'SELECT * FROM lookup_attempt')"
[[ $(sql "SELECT count(*) FROM lookup_attempt WHERE outcome = 'wait'") == 1 ]] ||
	fail "refused try not recorded"
# (the table has no column that could hold them, and the audit trail does not name them)
[[ $(columns lookup_attempt) == \
	id,at,kind,station,request_id,outcome ]] || fail "lookup_attempt columns changed"
[[ $(sql "SELECT subject || detail FROM audit" | grep -c '9[1-5]8[1-5]') == 0 ]] ||
	fail "the digits typed are in the audit trail"

# Helpdesk sees it; a door escort may not look
as "$HELPDESK" request attacks >"$WORK/attacks"
grep -q "^$REQ  *5  *1  *2026-11-29 08:00  *2026-11-29 08:01" "$WORK/attacks" ||
	fail "attacks list: $(cat "$WORK/attacks")"
as "$HELPDESK" --json request attacks | grep -q "\"number\":\"$REQ\",\"failures\":5" ||
	fail "attacks json: $(as "$HELPDESK" --json request attacks)"
if as "$TEKNIS" request attacks 2>"$WORK/err" >/dev/null; then fail "TIM_TEKNIS saw the attacks list"; fi

# still refused 59 s later; after the minute the applicant's own digits work
at '2026-11-29 08:00:59'
if ctl request cancel "$REQ" --phone-digits 7890 2>/dev/null; then fail "accepted inside the delay"; fi
at '2026-11-29 08:01'
ctl request cancel "$REQ" --phone-digits 7890 >"$WORK/out" || fail "right digits after the delay refused"
grep -q "$REQ cancelled" "$WORK/out" || fail "cancel said: $(cat "$WORK/out")"
expect_state "$REQ" CANCELLED 1

# ---- a visitor's badge needs the receipt token -------------------------------------------------
out=$(ctl request submit --name 'Budi Santoso' --nik 3171050101900002 --institution 'PT Maju Jaya' \
	--phone '0813-1111-2222' --category maintenance --purpose 'Ganti UPS' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent)
REQ2=$(last_line <<<"$out")
RECEIPT2=$(sed -n 's/^Receipt token: //p' <<<"$out")
as "$KADIS" dispose "$REQ2" >/dev/null
as "$KABID" dispose "$REQ2" >/dev/null
as "$KOORD" verify "$REQ2" --note ok >/dev/null
as "$KABID" decide "$REQ2" --approve >/dev/null
as "$KOORD" assign "$REQ2" --escort "$TEKNIS" >/dev/null
as "$HELPDESK" record "$REQ2" >/dev/null
# no token, the wrong request's token: refused, nothing issued
if ctl print badge "$REQ2" --pdf "$WORK/b.pdf" 2>"$WORK/err"; then fail "badge printed with no receipt"; fi
grep -q 'needs the receipt token' "$WORK/err" || fail "no receipt said: $(cat "$WORK/err")"
if AKSES_RECEIPT=$RECEIPT ctl print badge "$REQ2" --pdf "$WORK/b.pdf" 2>"$WORK/err"; then
	fail "badge printed with another request's receipt"
fi
grep -q 'scan the QR code on your receipt' "$WORK/err" || fail "wrong receipt said: $(cat "$WORK/err")"
[[ ! -s $WORK/b.pdf ]] || fail "a badge PDF was written without the receipt"
[[ $(sql "SELECT count(*) FROM pass p JOIN request r ON r.id = p.request_id
	WHERE r.number = '$REQ2' AND p.token_hash IS NOT NULL") == 0 ]] || fail "a pass token was issued"
# the receipt's own token (on standard input, out of the process list) prints the badge
printf '%s\n' "$RECEIPT2" | "$AKSESCTL" --lang en print badge "$REQ2" --pdf "$WORK/b.pdf" >/dev/null ||
	fail "badge with the right receipt refused"
[[ -s $WORK/b.pdf ]] || fail "no badge PDF"
echo PASS

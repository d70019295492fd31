#!/usr/bin/env bash
# staff_code.sh - staff codes through aksesctl: an ADMIN or the escort themself issues one, it
# signs the escort in (and is recorded), a new code retires the old, others may not issue it,
# disabling the account or revoking the code stops it, a changed character or a visitor's pass is
# refused, the code is nowhere in the DB (only its hash, on the account), and a printed staff
# card's QR is a working code.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff

# code_signin CODE [ARGS...]: `aksesctl signin` with the code in $AKSES_CODE (never argv)
code_signin() {
	AKSES_CODE=$1 ctl signin "${@:2}"
}

# help, and usage errors before anything is opened
ctl staff code --help | grep -q '^Usage: aksesctl staff code' || fail "staff code --help"
ctl staff --help | grep -q 'staff code STAFF_ID' || fail "staff --help lacks the code line"
ctl signin --help | grep -q '^Usage: aksesctl signin' || fail "signin --help"
ctl --help | grep -q 'signin' || fail "top-level help lacks signin"
expect_fail 2 "try 'aksesctl staff code --help'" ctl staff code
expect_fail 2 'STAFF_ID must be a number' ctl staff code abc --as "$ADMIN"
expect_fail 2 '--as STAFF_ID is required' ctl staff code "$TEKNIS"
expect_fail 2 "unknown option '--frob'" ctl signin --frob

# an ADMIN issues the escort's code: the code alone on the last stdout line, a warning on stderr
as "$ADMIN" staff code "$TEKNIS" >"$WORK/out" 2>"$WORK/err" || fail "issue: $(cat "$WORK/err")"
FIRST=$(last_line <"$WORK/out")
[[ $FIRST =~ ^[A-Z2-7]{32}$ ]] || fail "staff code printed '$FIRST', not a code"
(($(wc -l <"$WORK/err") == 1)) || fail "expected one warning line: $(cat "$WORK/err")"
grep -q "^aksesctl: warning: .*staff $TEKNIS no longer works" "$WORK/err" ||
	fail "warning: $(cat "$WORK/err")"

# a code on the command line is refused before anything is looked up: every local user sees
# argv in ps; the refusal does not echo it, and nothing is recorded
expect_fail 2 'AKSES_CODE' ctl signin --code "$FIRST"
ctl signin --code "$FIRST" 2>&1 | grep -qF "$FIRST" && fail "the refusal echoes the code"
[[ $(sql "SELECT count(*) FROM signin WHERE staff_id = $TEKNIS") == 0 ]] ||
	fail "a --code sign-in went through"

# the code signs the escort in, recorded with the station
code_signin "$FIRST" --station 'Pintu Server' >"$WORK/out" || fail "signin by code"
grep -qF "Signed in: Teknisi Satu (TIM_TEKNIS), staff $TEKNIS" "$WORK/out" ||
	fail "signin said: $(cat "$WORK/out")"
[[ $(sql "SELECT count(*) FROM signin WHERE staff_id = $TEKNIS AND ok = 1
	AND station = 'Pintu Server'") == 1 ]] || fail "the code sign-in was not recorded"
# from stdin too (a code kept off the command line), and as JSON
json=$(echo "$FIRST" | "$AKSESCTL" --lang en --json signin)
grep -q "\"id\":$TEKNIS," <<<"$json" || fail "signin --json: $json"
grep -q '"role":"TIM_TEKNIS"' <<<"$json" || fail "signin --json role: $json"

# the escort replaces their own code: the old one stops working, the new one works
SECOND=$(as "$TEKNIS" staff code "$TEKNIS" 2>/dev/null | last_line)
[[ $SECOND =~ ^[A-Z2-7]{32}$ && $SECOND != "$FIRST" ]] || fail "second code '$SECOND'"
expect_fail 1 'staff code is not known' code_signin "$FIRST"
code_signin "$SECOND" >/dev/null || fail "the new code does not sign in"

# someone else may not issue or revoke it: refused, and the DB is as it was but for the sign-in
no_effect_by 1 'role may not' as "$KOORD" staff code "$TEKNIS"
no_effect_by 1 'role may not' as "$KOORD" staff code "$TEKNIS" --revoke
code_signin "$SECOND" >/dev/null || fail "a refused re-issue changed the code"

# one character changed, a malformed code, a visitor's pass: refused and recorded, nobody signed in
bent=${SECOND:0:31}$([[ ${SECOND:31:1} == A ]] && echo B || echo A)
failed_before=$(sql "SELECT count(*) FROM signin WHERE ok = 0")
expect_fail 1 'staff code is not known' code_signin "$bent"
expect_fail 1 'staff code is not known' code_signin 'bukan kode'
at '2026-11-29 08:00'
submit
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null
as "$KOORD" verify "$REQ" >/dev/null
as "$KABID" decide "$REQ" --approve >/dev/null
as "$KOORD" assign "$REQ" --escort "$TEKNIS" >/dev/null
as "$HELPDESK" record "$REQ" >/dev/null
PASS=$(as "$HELPDESK" pass list "$REQ" --tokens 2>/dev/null | grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
[[ -n $PASS ]] || fail "no pass token listed"
expect_fail 1 'staff code is not known' code_signin "$PASS"
[[ $(sql "SELECT count(*) FROM signin WHERE ok = 0") == $((failed_before + 3)) ]] ||
	fail "the refused codes were not all recorded"
# and the escort's card at the door is no pass
expect_denied 'unknown' as "$TEKNIS" scan "$SECOND" --station 'Pintu Server'

# nothing of the codes in the DB: not in the audit trail, the sign-ins, anywhere
for code in "$FIRST" "$SECOND"; do
	dump | grep -qiF "$code" && fail "a staff code is stored in the DB"
done
hash=$(printf '%s' "$SECOND" | sha256sum | cut -d' ' -f1)
[[ $(sql "SELECT $(sql_hex code_hash) FROM staff WHERE id = $TEKNIS") == "$hash" ]] ||
	fail "the account does not hold the code's SHA-256"
[[ $(sql "SELECT count(*) FROM audit WHERE action = 'staff-code'
	AND subject = 'staff:$TEKNIS'") == 2 ]] || fail "issuing was not audited twice"
ctl audit verify >/dev/null || fail "audit chain broken"

# a lost card: revoked by its holder, it signs no one in; the PIN still does
as "$TEKNIS" staff code "$TEKNIS" --revoke | grep -q 'revoked' || fail "revoke"
expect_fail 1 'staff code is not known' code_signin "$SECOND"
[[ $(sql "SELECT count(*) FROM staff WHERE id = $TEKNIS AND code_hash IS NULL") == 1 ]] ||
	fail "revoke left a hash"

# disabling the account disables its code; no new code for a disabled account
THIRD=$(as "$ADMIN" staff code "$TEKNIS" 2>/dev/null | last_line)
as "$ADMIN" staff disable "$TEKNIS" >/dev/null
expect_fail 1 'disabled' code_signin "$THIRD"
expect_fail 1 'disabled' as "$ADMIN" staff code "$TEKNIS"

# wrong PINs typed for an account do not shut its card out: there is no account lock
CODE=$(as "$HELPDESK" staff code "$HELPDESK" 2>/dev/null | last_line)
for _ in 1 2 3 4 5 6; do
	echo 000000 | "$AKSESCTL" --lang en inbox --as "$HELPDESK" >/dev/null 2>&1 || true
done
expect_fail 1 'wait' as "$HELPDESK" inbox
code_signin "$CODE" | grep -q 'Petugas Helpdesk' || fail "the card is shut out by wrong PINs"

# a staff card: the printed QR is a new code (its hash on the account) that signs its holder in;
# the code is not shown on stdout, and an earlier code stops working
KCODE=$(as "$KOORD" staff code "$KOORD" 2>/dev/null | last_line)
as "$KOORD" staff card "$KOORD" --pdf "$WORK/card.pdf" >"$WORK/out" 2>"$WORK/err" ||
	fail "staff card: $(cat "$WORK/err")"
grep -q 'warning: .*no longer works' "$WORK/err" || fail "no warning: $(cat "$WORK/err")"
grep -qE '[A-Z2-7]{32}' "$WORK/out" && fail "staff card showed the code: $(cat "$WORK/out")"
[[ $(pdfinfo "$WORK/card.pdf" | grep -c '^Pages: *1$') == 1 ]] || fail "the card is not one page"
pdftotext "$WORK/card.pdf" - | tr '\n' ' ' | grep -q 'PETUGAS / STAFF.*Koordinator Helpdesk' ||
	fail "card text: $(pdftotext "$WORK/card.pdf" -)"
pdftoppm -r 300 -png "$WORK/card.pdf" "$WORK/card"
CARD=$(zbarimg -q --raw "$WORK/card-1.png" 2>/dev/null) || fail "no QR on the card"
[[ $CARD =~ ^[A-Z2-7]{32}$ && $CARD != "$KCODE" ]] || fail "card QR '$CARD'"
[[ $(printf '%s' "$CARD" | sha256sum | cut -d' ' -f1) == \
	"$(sql "SELECT $(sql_hex code_hash) FROM staff WHERE id = $KOORD")" ]] ||
	fail "the card's QR is not the account's code"
code_signin "$CARD" | grep -q 'Koordinator Helpdesk' || fail "the card does not sign in"
expect_fail 1 'staff code is not known' code_signin "$KCODE"
expect_fail 1 'role may not' as "$KOORD" staff card "$HELPDESK" --pdf "$WORK/other.pdf"
[[ ! -e $WORK/other.pdf ]] || fail "a refused card was written"

# in Indonesian too
expect_fail 1 'Kode petugas ini tidak dikenal' env AKSES_CODE="$FIRST" "$AKSESCTL" --lang id signin
echo "staff_code: ok"

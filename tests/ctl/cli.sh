#!/usr/bin/env bash
# cli.sh - aksesctl as a command line: --help everywhere, usage errors (exit 2), Indonesian by
# default, --json that parses, a private DB file, init once only, PIN lockout, PIN change,
# cancelling (applicant and KOORDINATOR), revocation, lists and retention.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# --help on every command and sub-command: usage on stdout, exit 0, nothing opened
for cmd in init 'staff add' 'staff list' 'staff disable' 'staff set-pin' staff \
	'request submit' 'request show' 'request list' 'request cancel' request inbox dispose \
	verify decide assign record 'pass list' 'pass revoke' pass scan 'report write' report \
	forward receive log inside compliance 'audit verify' 'audit purge' 'audit backup' audit; do
	# shellcheck disable=SC2086
	out=$("$AKSESCTL" --lang en $cmd --help) || fail "$cmd --help exited non-zero"
	grep -q '^Usage: aksesctl' <<<"$out" || fail "$cmd --help: $out"
done
"$AKSESCTL" --help | grep -q '^Pemakaian: aksesctl' || fail "top-level help is not Indonesian"
"$AKSESCTL" --lang en help scan | grep -q 'DENIED' || fail "'help scan'"
! db_made || fail "--help created the DB"

# usage errors: exit 2, one line naming the command's help
expect_fail 2 "try 'aksesctl --help'" ctl frobnicate
expect_fail 2 "try 'aksesctl dispose --help'" ctl dispose
expect_fail 2 "try 'aksesctl request --help'" ctl request frob
expect_fail 2 "unknown option '--nope'" ctl scan X --nope
expect_fail 2 "needs a value" ctl inbox --as
expect_fail 2 "--as" ctl inbox
expect_fail 2 "exactly one" ctl decide AKS-20261129-00001 --as 1 --approve --reject --reason x
expect_fail 2 "--lang" "$AKSESCTL" --lang fr inbox --as 1
# Indonesian is the default language
expect_fail 2 "coba 'aksesctl --help'" "$AKSESCTL" frobnicate
! db_made || fail "a usage error created the DB"

# init: a private file (on SQLite), once only; a bad PIN is refused
expect_fail 1 'PIN' sh -c 'echo 12 | "$0" --lang en init --admin Ana' "$AKSESCTL"
testdb_on_server || rm -f "$AKSES_DB"
setup_staff
testdb_on_server || [[ $(stat -c %a "$AKSES_DB") == 600 ]] || fail "DB mode $(stat -c %a "$AKSES_DB")"
unchanged_by 1 'already' sh -c 'echo 111111 | "$0" --lang en init --admin Eve' "$AKSESCTL"
# --db beats AKSES_DB
testdb_new "$WORK/other.db"
other=$TESTDB
echo 432100 | "$AKSESCTL" --db "$other" init --admin 'Lain' >/dev/null
db_made "$other" || fail "--db did not pick the DB"
# a mistyped --db file is refused, not quietly created empty (only init creates; a server's
# database is never created by aksesctl)
if ! testdb_on_server; then
	expect_fail 1 "aksesctl init" "$AKSESCTL" --lang en --db "$WORK/typo.db" audit verify
	expect_fail 1 "No such file" "$AKSESCTL" --lang en --db "$WORK/typo.db" audit verify
	[[ ! -e $WORK/typo.db ]] || fail "a command other than init created the DB"
fi

# --json: one value that parses
if command -v python3 >/dev/null; then
	as "$HELPDESK" --json staff list | python3 -m json.tool >/dev/null || fail "staff list --json"
fi
[[ $(as "$HELPDESK" --json staff list | grep -o '"role":"[A-Z_]*"' | wc -l) == 6 ]] || fail "staff list --json"
as "$HELPDESK" staff list --role TIM_TEKNIS | grep -q 'Teknisi Satu' || fail "staff list --role"
as "$HELPDESK" staff list | grep -q '111111' && fail "staff list shows a PIN"

# own PIN change; then the old PIN is refused and the new one works
printf '555555\n567800\n' | "$AKSESCTL" --lang en staff set-pin "$TEKNIS" --as "$TEKNIS" >/dev/null
PIN[$TEKNIS]=567800
expect_fail 1 'PIN' env AKSES_PIN=555555 "$AKSESCTL" --lang en inbox --as "$TEKNIS"
as "$TEKNIS" inbox >/dev/null || fail "the new PIN does not work"
no_effect_by 1 'role' sh -c 'printf "567800\n999999\n" | "$0" --lang en staff set-pin "$1" --as "$2"' \
	"$AKSESCTL" "$KADIS" "$TEKNIS"

# five wrong PINs make this station (this user's aksesctl) wait a minute, even with the right
# PIN; nothing is locked, and after the wait the account works again
at '2026-11-29 08:00'
for i in 1 2 3 4 5; do
	expect_fail 1 'PIN is wrong' env AKSES_PIN=000000 "$AKSESCTL" --lang en inbox --as "$KABID"
done
expect_fail 1 'wait a few minutes' as "$KABID" inbox
at '2026-11-29 08:01'
as "$KABID" inbox >/dev/null || fail "still refused after the minute's wait"

# the applicant cancels with the phone's last four digits; wrong digits are vague and change nothing
at '2026-11-29 08:10'
submit
tried_by 1 '' ctl request cancel "$REQ" --phone-digits 1111
unchanged_by 1 '' ctl request cancel "$REQ" --phone-digits 12a4
ctl request cancel "$REQ" --phone-digits 7890 >/dev/null
[[ $(sql "SELECT state FROM request WHERE number = '$REQ'") == CANCELLED ]] || fail "not cancelled"
# the KOORDINATOR cancels with a reason
submit
as "$KOORD" request cancel "$REQ" --reason 'Pemohon berhalangan' | grep -q CANCELLED || fail "koord cancel"
as "$KOORD" --json request list --state CANCELLED | grep -o '"number":"[^"]*"' | wc -l | grep -qx 2 ||
	fail "request list --state CANCELLED"

# an overdue step is marked in the inbox
submit
at '2026-11-29 08:30'
as "$KADIS" inbox | grep "$REQ" | grep -q 'OVERDUE' || fail "overdue not marked"
as "$KADIS" --json inbox | grep -q '"overdue":true' || fail "overdue not in JSON"

# a revoked pass is DENIED at the door
for step in "$KADIS dispose" "$KABID dispose" "$KOORD verify" "$KABID decide --approve"; do
	# shellcheck disable=SC2086
	as ${step%% *} ${step#* } "$REQ" >/dev/null
done
as "$KOORD" assign "$REQ" --escort "$TEKNIS" >/dev/null
as "$HELPDESK" record "$REQ" >/dev/null
TOKEN=$(as "$KOORD" --json pass list "$REQ" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}')
PASS=$(sql "SELECT p.id FROM pass p JOIN request r ON r.id = p.request_id WHERE r.number = '$REQ'")
as "$KABID" pass revoke "$PASS" --reason 'Kartu hilang' | grep -q "$PASS" || fail "revoke"
at '2026-11-29 10:00'
expect_denied 'revoked' as "$TEKNIS" scan "$TOKEN" --station DOOR

# retention: ADMIN anonymizes requests final for more than N days; the chain still verifies
at '2026-12-31 08:00'
as "$ADMIN" audit purge --older-than 30 | grep -q '^2 ' || fail "purge count"
[[ $(sql "SELECT count(*) FROM request WHERE nik = '3171054501900003'") == 1 ]] ||
	fail "purge touched the open request or missed a final one"
ctl audit verify >/dev/null || fail "verify after purge"
echo "cli: ok"

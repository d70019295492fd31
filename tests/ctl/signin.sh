#!/usr/bin/env bash
# signin.sh - staff sign-in through aksesctl as an attacker would try it: a PIN typed into the
# staff-number field is never stored, wrong PINs make one station wait instead of locking the
# account, 20 of them raise an alert Helpdesk sees, a PIN an ADMIN reset must be changed by its
# owner, new PINs have 6 digits, staff list needs a sign-in, and the phone is masked.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff

# ---- the phone: masked except for the Koordinator and the Helpdesk
submit
as "$KABID" request show "$REQ" | grep -E '^ *Phone' >"$WORK/out"
grep -q '+62812\*\*\*\*\*\*\*' "$WORK/out" || fail "Kabid sees: $(cat "$WORK/out")"
as "$KABID" --json request show "$REQ" | grep -q '7890' && fail "the phone in --json for the Kabid"
as "$HELPDESK" request show "$REQ" | grep -q '+6281234567890' || fail "the Helpdesk lacks the phone"
as "$KOORD" request show "$REQ" | grep -q '+6281234567890' || fail "the Koordinator lacks the phone"

# ---- a PIN typed into the staff-number field is refused and stored nowhere
expect_fail 1 'The staff number or the PIN is wrong.' env AKSES_PIN=111111 \
	"$AKSESCTL" --lang en inbox --as 579468
[[ $(sql "SELECT count(*) FROM signin WHERE staff_id = 579468") == 0 ]] ||
	fail "the typed number is in the signin table"
[[ $(sql "SELECT count(*) FROM audit WHERE subject || detail LIKE '%579468%'") == 0 ]] ||
	fail "the typed number is in the audit trail"
[[ $(sql "SELECT count(*) FROM signin WHERE staff_id = 0 AND ok = 0") == 1 ]] ||
	fail "the failed attempt was not recorded"

# ---- staff list names who works here and who is ADMIN: staff only
expect_fail 2 '--as STAFF_ID is required' ctl staff list
as "$TEKNIS" staff list | grep -q 'Ana Admin' || fail "staff list for staff"

# ---- new PINs have 6 digits; the refusal changes nothing
no_effect_by 1 'A new PIN is 6 to 8 digits.' sh -c \
	'printf "%s\n1234\n" "$1" | "$0" --lang en staff add --as "$2" --name Baru --role HELPDESK' \
	"$AKSESCTL" "${PIN[$ADMIN]}" "$ADMIN"

# ---- wrong PINs: this station waits, growing; nothing is locked
at '2026-11-29 08:00'
for _ in 1 2 3 4 5; do
	expect_fail 1 'PIN is wrong' env AKSES_PIN=000000 "$AKSESCTL" --lang en inbox --as "$KADIS"
done
expect_fail 1 'next try after 2026-11-29 08:01' as "$KADIS" inbox
[[ $(sql "SELECT locked_until FROM staff WHERE id = $KADIS") == 0 ]] || fail "the account was locked"
# 15 more, each as soon as the wait allows (the wait is at most an hour)
for i in $(seq 1 15); do
	at "$(date -d "2026-11-29 08:00 $i hour" '+%Y-%m-%d %H:%M')"
	expect_fail 1 'PIN is wrong' env AKSES_PIN=000000 "$AKSESCTL" --lang en inbox --as "$KADIS"
done
# 20 wrong PINs in 24 hours: an alert in the audit trail and for the Helpdesk and ADMIN
[[ $(sql "SELECT count(*) FROM audit WHERE action = 'signin-alert' AND subject = 'staff:$KADIS'") == 1 ]] ||
	fail "no signin-alert audit row"
as "$HELPDESK" signin alerts >"$WORK/out"
grep -qE "^$KADIS +Drs. Kadis Kepala +20 +1 +2026-11-29 23:00  ALERT$" "$WORK/out" ||
	fail "signin alerts: $(cat "$WORK/out")"
as "$ADMIN" --json signin alerts | grep -q '"alert":true' || fail "signin alerts --json"
expect_fail 1 'role may not' as "$KABID" signin alerts
# and the owner signs in once the station's wait is over
at '2026-11-30 00:00'
as "$KADIS" inbox >/dev/null || fail "the Kadis is shut out"

# ---- a PIN an ADMIN reset: its owner must change it, and is told who set it and when
at '2026-11-30 08:00'
printf '%s\n777777\n' "${PIN[$ADMIN]}" | "$AKSESCTL" --lang en staff set-pin "$KABID" --as "$ADMIN" \
	>/dev/null || fail "reset"
at '2026-11-30 08:30'
no_effect_by 1 'choose a new PIN' env AKSES_PIN=777777 "$AKSESCTL" --lang en dispose AKS-20261129-0001 \
	--as "$KABID"
AKSES_PIN=777777 AKSES_NEW_PIN=135246 "$AKSESCTL" --lang en inbox --as "$KABID" >/dev/null \
	2>"$WORK/err" || fail "changing the reset PIN: $(cat "$WORK/err")"
grep -q "your PIN was set by staff $ADMIN at 2026-11-30 08:00" "$WORK/err" ||
	fail "not told who reset it: $(cat "$WORK/err")"
expect_fail 1 'PIN is wrong' env AKSES_PIN=777777 "$AKSESCTL" --lang en inbox --as "$KABID"
PIN[$KABID]=135246
as "$KABID" inbox >/dev/null || fail "the owner's own PIN does not work"
# set-pin by the owner with the reset PIN: changed once, no second PIN asked for
printf '%s\n777777\n' "${PIN[$ADMIN]}" | "$AKSESCTL" --lang en staff set-pin "$KOORD" --as "$ADMIN" >/dev/null
printf '777777\n246246\n' | "$AKSESCTL" --lang en staff set-pin "$KOORD" --as "$KOORD" |
	grep -q "PIN of staff $KOORD changed" || fail "own set-pin after a reset"
PIN[$KOORD]=246246
as "$KOORD" inbox >/dev/null || fail "the Koordinator's own PIN"

# ---- an ADMIN resets the Kadis's PIN and the Kadis's step follows within the hour: flagged in
# the compliance report (the Kabid's step 80 minutes after the Kabid's reset is not)
at '2026-11-30 09:00'
submit --start '2026-11-30 12:00' --end '2026-11-30 14:00'
printf '%s\n888888\n' "${PIN[$ADMIN]}" | "$AKSESCTL" --lang en staff set-pin "$KADIS" --as "$ADMIN" >/dev/null
at '2026-11-30 09:10'
AKSES_PIN=888888 AKSES_NEW_PIN=112233 "$AKSESCTL" --lang en dispose "$REQ" --as "$KADIS" \
	>/dev/null 2>&1 || fail "the Kadis's step after the reset"
PIN[$KADIS]=112233
at '2026-11-30 09:20'
as "$KABID" dispose "$REQ" >/dev/null
as "$HELPDESK" compliance --from 2026-11-30 --to 2026-11-30 >"$WORK/out"
grep -q "^FLAG $REQ step 2 by staff $KADIS at 2026-11-30 09:10, 10 min after staff $ADMIN set their PIN (2026-11-30 09:00)$" \
	"$WORK/out" || fail "no flag for step 2: $(cat "$WORK/out")"
grep -q "step 3" "$WORK/out" && fail "step 3 flagged: $(cat "$WORK/out")"
as "$HELPDESK" --json compliance --from 2026-11-30 --to 2026-11-30 | grep -q '"pin_set_by":'"$ADMIN" ||
	fail "no flags in --json"
# ... and on the printed compliance report (in the English of the session printing it)
as "$HELPDESK" print compliance --from 2026-11-30 --to 2026-11-30 --pdf "$WORK/comp.pdf" >/dev/null ||
	fail "print compliance"
pdftotext "$WORK/comp.pdf" - | tr '\n' ' ' | grep -q "$REQ step 2 by staff $KADIS" ||
	fail "the printed compliance report does not flag step 2: $(pdftotext "$WORK/comp.pdf" - | tail -n 8)"

echo "signin: ok"

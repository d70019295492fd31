#!/usr/bin/env bash
# test_kiosk_card_pin.sh - at the reception kiosk a staff card alone signs nobody in: scanning
# Kabid's card fills in Kabid's number and asks for the PIN; a wrong PIN is refused (still the
# sign-in screen); the right PIN opens Kabid's inbox.
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:00"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
code=$(AKSES_PIN=246800 kt_ctl staff code "$KABID" --as "$KABID" 2>/dev/null | tail -n 1)
[ ${#code} = 32 ] || kt_fail "no staff code: '$code'"

kt_kiosk "$SIZE" --db "$DB" --lang "${KT_LANG:-en}"
kt_wait_screen welcome
kt_longpress logo
kt_wait_screen signin
kt_scan "$code"
kt_wait_set msg
[ "$(kt_get screen)" = signin ] || kt_fail "the card alone signed in at reception"
kt_wait_line staff_id "$KABID"
kt_wait_line focus 1
kt_shot "$T/card-asks-pin.png"
msg=$(kt_get msg)
kt_tap field:pin
kt_type 000000
kt_tap signin
for _ in $(seq 200); do [ "$(kt_get msg)" != "$msg" ] && break; sleep 0.05; done
[ "$(kt_get msg)" != "$msg" ] || kt_fail "no answer to the wrong PIN"
[ "$(kt_get screen)" = signin ] || kt_fail "the card and a wrong PIN signed in"
kt_tap field:pin
kt_type 246800
kt_tap signin
kt_wait_screen staff
echo "ok: card then PIN at reception; card alone and card + wrong PIN refused"

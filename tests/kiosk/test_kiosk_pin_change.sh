#!/usr/bin/env bash
# test_kiosk_pin_change.sh - a PIN an ADMIN reset is changed by its owner at the kiosk: the ADMIN
# resets Kabid's PIN with aksesctl; Kabid signs in with it at reception and gets the change-PIN
# screen naming the ADMIN and the time; two different new PINs and a 5-digit one are refused;
# a good one is set and Kabid lands in the inbox. Then the reset PIN fails and the new one works
# (aksesctl).
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 08:00"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
printf '123456\n777777\n' | kt_ctl staff set-pin "$KABID" --as 1 >/dev/null || kt_fail "reset"
AKSES_NOW="$DAY 08:30"

kt_kiosk "$SIZE" --db "$DB" --lang "${KT_LANG:-en}"
kt_wait_screen welcome
kt_longpress logo
kt_signin "$KABID" 777777
kt_wait_screen pinchange
kt_wait_line staff "$KABID"
kt_wait_line set_by 1
kt_shot "$T/pin-change.png"
# two different PINs: refused, nothing changed
kt_tap field:newpin
kt_type 135246
kt_tap field:again
kt_type 135247
kt_tap pin:save
kt_wait_set msg
msg=$(kt_get msg)
[ "$(kt_get screen)" = pinchange ] || kt_fail "two different PINs left the screen"
# too short (5 digits): the store's format rule
kt_tap field:newpin
kt_type 13524
kt_tap field:again
kt_type 13524
kt_tap pin:save
for _ in $(seq 200); do [ "$(kt_get msg)" != "$msg" ] && break; sleep 0.05; done
[ "$(kt_get msg)" != "$msg" ] || kt_fail "no refusal of a 5-digit PIN"
[ "$(kt_get screen)" = pinchange ] || kt_fail "a 5-digit PIN was taken"
AKSES_PIN=777777 kt_ctl inbox --as "$KABID" >/dev/null 2>&1 && kt_fail "the reset PIN opened an account"
# a good one
kt_tap field:newpin
kt_type 135246
kt_tap field:again
kt_type 135246
kt_tap pin:save
kt_wait_screen staff

AKSES_PIN=777777 kt_ctl inbox --as "$KABID" >/dev/null 2>&1 && kt_fail "the reset PIN still works"
AKSES_PIN=135246 kt_ctl inbox --as "$KABID" >/dev/null || kt_fail "the new PIN does not work"
echo "ok: Kabid changed the reset PIN at the kiosk and landed in the inbox"

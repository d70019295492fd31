#!/usr/bin/env bash
# test_kiosk_signin_alerts.sh - someone guessing a staff PIN shows on the Helpdesk's screen: 20
# wrong PINs for Kabid within 24 hours (typed through aksesctl, each as soon as the station's
# wait allows) put a red line naming Kabid on the Helpdesk screen; 3 wrong PINs for Kadis do not.
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 07:00"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
wrong() { AKSES_NOW=$1 AKSES_PIN=000000 kt_ctl inbox --as "$2" >/dev/null 2>&1 && kt_fail "a wrong PIN opened $2" || true; }
for _ in 1 2 3 4 5; do wrong "$DAY 08:00" "$KABID"; done
for i in $(seq 1 15); do wrong "$(date -d "$DAY 08:00 $i hour" '+%Y-%m-%d %H:%M')" "$KABID"; done
for _ in 1 2 3; do wrong "$DAY 08:00" "$KADIS"; done
AKSES_NOW="$DAY 23:30"
AKSES_PIN=246800 kt_ctl signin alerts --as "$HELPDESK" | grep -qE "^$KABID .* 20 .*ALERT$" ||
	kt_fail "setup: aksesctl shows no alert for Kabid"

cat >"$T/kiosk.ini" <<INI
[station]
name = RESEPSIONIS
lang = ${KT_LANG:-en}
INI
kt_kiosk "$SIZE" --config "$T/kiosk.ini" --db "$DB"
kt_wait_screen welcome
kt_longpress logo
kt_signin "$HELPDESK" 246800
kt_wait_screen helpdesk
kt_wait_line signin_alerts 1 # Kabid only: Kadis' 3 wrong PINs are below the budget
kt_wait_line signin_alert "$KABID"
kt_shot "$T/helpdesk-alerts.png"
echo "ok: the Helpdesk screen shows one sign-in alert, for staff $KABID"

#!/usr/bin/env bash
# test_kiosk_idle.sh - privacy: a half-filled form left alone shows the countdown ("I am still
# here" keeps it), then goes back to welcome with every field wiped and the station's language
# back: the next visitor starts on an empty form and nothing was stored.
. "$(dirname "$0")/lib.sh"

SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
cat >"$T/idle.ini" <<INI
[station]
lang = id
idle_timeout = 10
idle_countdown = 3
INI
kt_kiosk "$SIZE" --config "$T/idle.ini" --db "$DB"
kt_wait_screen welcome
kt_tap welcome:submit
kt_wait_line step identity
kt_tap field:name
kt_type "Budi Santoso"
kt_tap field:nik
kt_type 3171
kt_wait_line typed 16
kt_shot "$T/idle-half-filled.png"

# the countdown comes after 10 s; "I am still here" keeps the form
kt_wait_line idle 1 15
kt_shot "$T/idle-countdown.png"
kt_tap idle:stay
kt_wait_line idle 0
[ "$(kt_get screen)" = submit ] && [ "$(kt_get typed)" = 16 ] || kt_fail "the form was lost"

# left alone again (in English this time): countdown, then welcome, in the station's language
kt_tap lang:en
kt_wait_line lang en
kt_wait_line idle 1 15
kt_wait_screen welcome 6
kt_wait_line lang id
kt_shot "$T/idle-wiped.png"
kt_tap welcome:submit
kt_wait_line step identity
kt_wait_line typed 0
kt_shot "$T/idle-next-visitor.png"
[ "$(testdb_sql "$DB" 'SELECT count(*) FROM request')" = 0 ] || kt_fail "something was stored"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

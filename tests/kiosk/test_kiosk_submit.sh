#!/usr/bin/env bash
# test_kiosk_submit.sh - a visitor fills the request form by tapping the on-screen keyboard of a
# real akses-kiosk window (Xvfb + xdotool): the DB then holds exactly what was typed, including
# an apostrophe name and an accented companion; the screens are kept as screenshots.
. "$(dirname "$0")/lib.sh"

SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_kiosk "$SIZE" --db "$DB" --lang id
kt_shot "$T/welcome.png"

kt_tap welcome:submit
kt_wait_line step identity
# the NIK comes first, as on the KTP, on the numeric pad; once complete the name takes over
kt_wait_line kbd "1 0"
kt_type 3171014506900001
kt_wait_line focus 1
kt_type "Nurul 'Aini"
kt_shot "$T/identity.png"
kt_tap next
kt_wait_line step contact

kt_type "Dinas Kominfo"
kt_tap field:phone
kt_type 081234567890
kt_tap field:email
kt_type "nurul@kominfo.go.id"
kt_shot "$T/contact.png"
kt_tap next
kt_wait_line step purpose

kt_tap purpose:0
kt_type "Ganti disk server"
kt_tap next
kt_wait_line step time
kt_tap start:plus
kt_shot "$T/time.png"
kt_tap next
kt_wait_line step companions

kt_tap comp:add
kt_type 3171010101900002
kt_type "José"
kt_shot "$T/companions.png"
kt_tap next
kt_wait_line step equipment
kt_tap equip:add
kt_type "Laptop"
kt_tap next
kt_wait_line step review
kt_shot "$T/review.png"
kt_tap next
kt_wait_line step consent
# sending without consent is refused, inline
kt_tap send
kt_wait_line step consent
kt_tap consent
kt_shot "$T/consent.png"
kt_tap send
kt_wait_line step done
kt_shot "$T/done.png"

q() { testdb_sql "$DB" "$1"; }
[ "$(q "SELECT count(*) FROM request")" = 1 ] || kt_fail "expected one request"
[ "$(q "SELECT name FROM request")" = "Nurul 'Aini" ] || kt_fail "name: $(q 'SELECT name FROM request')"
[ "$(q "SELECT nik FROM request")" = 3171014506900001 ] || kt_fail "nik"
[ "$(q "SELECT institution FROM request")" = "Dinas Kominfo" ] || kt_fail "institution"
[ "$(q "SELECT phone FROM request")" = "+6281234567890" ] || kt_fail "phone: $(q 'SELECT phone FROM request')"
[ "$(q "SELECT email FROM request")" = "nurul@kominfo.go.id" ] || kt_fail "email"
[ "$(q "SELECT purpose_cat || '|' || purpose FROM request")" = "maintenance|Ganti disk server" ] ||
	kt_fail "purpose: $(q 'SELECT purpose_cat, purpose FROM request')"
[ "$(q "SELECT name || '|' || nik FROM companion")" = "José|3171010101900002" ] ||
	kt_fail "companion: $(q 'SELECT name, nik FROM companion')"
[ "$(q "SELECT lang FROM request")" = id ] || kt_fail "lang: $(q 'SELECT lang FROM request')"
echo "request $(q 'SELECT number FROM request') holds what was typed"

# the done screen's "Finish" goes back to welcome with nothing left in the form
kt_tap finish
kt_wait_screen welcome
kt_tap welcome:submit
kt_wait_line step identity
kt_wait_line typed 0
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

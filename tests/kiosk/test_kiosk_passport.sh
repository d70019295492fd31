#!/usr/bin/env bash
# test_kiosk_passport.sh - a foreign engineer without a NIK applies at the kiosk with a passport
# and brings a companion with a KITAS: the document type is picked on the identity and companion
# steps, the number is typed in capitals on the full keyboard, a number that breaks the passport
# rule is refused inline, and the DB row says which document each number is.
. "$(dirname "$0")/lib.sh"

SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_kiosk "$SIZE" --db "$DB" --lang en

kt_tap welcome:submit
kt_wait_line step identity
kt_wait_line kbd "1 0" # the NIK pad until another document is picked
kt_tap idtype:1
kt_wait_line kbd "0 0" # the full keyboard, caps on
kt_wait_line shift 1
# a passport number of 5 characters is refused: Next stays and goes back to the number (focus 2)
kt_type "AB123"
kt_tap field:name
kt_type "John Smith"
kt_tap next
kt_wait_line step identity
kt_wait_line focus 2
kt_tap key:clear
# X1234567 breaks every NIK rule and is a passport number: Next goes on
kt_type "X1234567"
kt_shot "$T/identity.png"
kt_tap next
kt_wait_line step contact

kt_type "Acme Ltd"
kt_tap field:phone
kt_type 081234567890
kt_tap next
kt_wait_line step purpose
kt_tap purpose:1
kt_type "Rack install"
kt_tap next
kt_wait_line step time
kt_tap next
kt_wait_line step companions

kt_tap comp:add
kt_tap comp-idtype:2
kt_wait_line kbd "0 0"
kt_type "2C21JE123456"
kt_tap field:comp-name
kt_type "Jane Doe"
kt_shot "$T/companions.png"
kt_tap next
kt_wait_line step equipment
kt_tap next
kt_wait_line step review
kt_shot "$T/review.png"
kt_tap next
kt_wait_line step consent
kt_tap consent
kt_tap send
kt_wait_line step done

q() { testdb_sql "$DB" "$1"; }
[ "$(q "SELECT count(*) FROM request")" = 1 ] || kt_fail "expected one request"
[ "$(q "SELECT id_type || '|' || nik || '|' || name FROM request")" = "passport|X1234567|John Smith" ] ||
	kt_fail "request: $(q 'SELECT id_type, nik, name FROM request')"
[ "$(q "SELECT id_type || '|' || nik || '|' || name FROM companion")" = "kitas|2C21JE123456|Jane Doe" ] ||
	kt_fail "companion: $(q 'SELECT id_type, nik, name FROM companion')"
# the visitor applied in English: the request keeps it, for the papers staff print them later
[ "$(q "SELECT lang FROM request")" = en ] || kt_fail "lang: $(q 'SELECT lang FROM request')"
echo "request $(q 'SELECT number FROM request'): $(q "SELECT id_type || ' ' || nik FROM request")"

# the next visitor starts with a NIK again
kt_tap finish
kt_wait_screen welcome
kt_tap welcome:submit
kt_wait_line step identity
kt_wait_line kbd "1 0"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

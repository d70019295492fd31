#!/usr/bin/env bash
# test_kiosk_offline.sh - the reception kiosk on a PostgreSQL server that goes away: the visitor
# types the whole form, the server is stopped, the visitor sends: a banner, and the form stays on
# screen (also past the idle timeout). The server started again: the kiosk sends it by itself,
# shows the number, and the DB holds the request once with what was typed. Then the kiosk is
# started while the server is down: it shows the banner (not the problem screen) and connects
# when the server comes.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/offline_lib.sh"

SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
AKSES_PIN=123456 "$AKSESCTL" --db "$URI" init --admin "Admin Satu" >/dev/null ||
	kt_fail "init on the server"
cat >"$T/reception.ini" <<INI
[station]
name = RESEPSIONIS
lang = id
idle_timeout = 30
idle_countdown = 3
INI
kt_kiosk "$SIZE" --config "$T/reception.ini" --db "$URI"
kt_wait_screen welcome
kt_wait_line offline 0

kt_tap welcome:submit
kt_wait_line step identity
kt_wait_line kbd "1 0"
kt_type 3171014506900001
kt_wait_line focus 1
kt_type "Nurul 'Aini"
kt_tap next
kt_wait_line step contact
kt_type "Dinas Kominfo"
kt_tap field:phone
kt_type 081234567890
kt_tap next
kt_wait_line step purpose
kt_tap purpose:0
kt_type "Ganti disk server"
kt_tap next
kt_wait_line step time
kt_tap start:plus
kt_tap next
kt_wait_line step companions
kt_tap next
kt_wait_line step equipment
kt_tap next
kt_wait_line step review
kt_tap next
kt_wait_line step consent
kt_tap consent
TYPED=$(kt_get typed)

# the server goes away: the banner comes by itself (the probe), before anything is sent
off_down
kt_wait_line offline 1 20
kt_shot "$T/offline-banner.png"
kt_tap send
kt_wait_line waiting 1
kt_shot "$T/offline-kept.png"
[ "$(kt_get step)" = consent ] || kt_fail "the form left the last step"
# past the idle timeout and its countdown (30 + 3 s): the form is still there, not wiped
sleep 36
[ "$(kt_get screen)" = submit ] || kt_fail "the idle timeout left the form (now $(kt_get screen))"
[ "$(kt_get typed)" = "$TYPED" ] || kt_fail "typed text lost: $(kt_get typed), was $TYPED"
[ "$(kt_get waiting)" = 1 ] || kt_fail "no longer waiting"

# the server is back: sent by itself, the number shown, the request there once as typed
off_up
kt_wait_line step done 40
kt_wait_line offline 0
kt_shot "$T/offline-sent.png"
SHOWN=$(kt_get number)
[ "$(off_sql "SELECT count(*) FROM request")" = 1 ] || kt_fail "requests: $(off_sql 'SELECT count(*) FROM request')"
[ "$(off_sql "SELECT number FROM request")" = "$SHOWN" ] || kt_fail "shown $SHOWN, stored $(off_sql 'SELECT number FROM request')"
[ "$(off_sql "SELECT name || '|' || nik || '|' || institution || '|' || phone FROM request")" = \
	"Nurul 'Aini|3171014506900001|Dinas Kominfo|+6281234567890" ] ||
	kt_fail "stored: $(off_sql "SELECT name, nik, institution, phone FROM request")"
[ "$(off_sql "SELECT purpose FROM request")" = "Ganti disk server" ] || kt_fail "purpose"
[ -n "$(off_sql "SELECT submit_key FROM request")" ] || kt_fail "no submission key kept"
echo "request $SHOWN sent once after the server came back"

# a kiosk started while its server is down: the banner on the welcome screen, not the problem
# screen; it connects by itself when the server comes
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null || true
off_down
kt_kiosk "$SIZE" --config "$T/reception.ini" --db "$URI"
kt_wait_screen welcome
kt_wait_line offline 1
kt_shot "$T/offline-start.png"
off_up
kt_wait_line offline 0 40
kt_tap welcome:status
kt_wait_screen status
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

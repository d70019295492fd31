#!/usr/bin/env bash
# test_kiosk_staff_chain.sh - the report chain at the kiosk: the access report waits past its
# 3-minute standard (the Koordinator's inbox counts it overdue), the Koordinator forwards it
# (step 10), the Kabid forwards it (step 11), the Kepala Dinas receives it (step 12) and the
# request is CLOSED. A step another station took first is refused in plain words, not confirmed.
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:00"
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
kt_advance
export AKSES_PIN=246800
token=$(kt_ctl pass list "$NUMBER" --as "$HELPDESK" --tokens 2>/dev/null |
	grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
[ -n "$token" ] || kt_fail "no pass token"
AKSES_NOW="$DAY 09:35" kt_ctl scan "$token" --as "$TEKNIS" --direction in >/dev/null
AKSES_NOW="$DAY 10:30" kt_ctl scan "$token" --as "$TEKNIS" --direction out >/dev/null
AKSES_NOW="$DAY 10:40" kt_ctl report write "$NUMBER" --as "$HELPDESK" --text "Selesai" >/dev/null
unset AKSES_PIN
AKSES_NOW="$DAY 10:50" # step 10 was due at 10:43
state() { testdb_sql "$DB" "SELECT state FROM request WHERE number = '$NUMBER'"; }
[ "$(state)" = REPORTED ] || kt_fail "setup: $(state)"

kt_kiosk "$SIZE" --db "$DB" --lang "${KT_LANG:-en}"
kt_wait_screen welcome
# step by step: who signs in, the action they tap, the state after it
for spec in "$KOORD forward-koord FORWARDED_KOORD" "$KABID forward-kabid FORWARDED_KABID" \
	"$KADIS receive CLOSED"; do
	read -r who act want <<<"$spec"
	kt_longpress logo
	kt_signin "$who" 246800
	kt_wait_screen staff
	kt_wait_line inbox 1
	if [ "$act" = forward-koord ]; then
		kt_wait_line overdue 1
		kt_shot "$T/staff-overdue.png"
	fi
	kt_tap inbox:0
	kt_wait_screen request
	kt_wait_line number "$NUMBER"
	if [ "$act" = forward-kabid ]; then
		# another station forwards it first: the tap is refused, the screen says why
		AKSES_PIN=246800 kt_ctl forward "$NUMBER" --as "$KABID" >/dev/null
		kt_tap "act:$act"
		kt_wait_set msg
		[ "$(kt_get screen)" = request ] || kt_fail "a refused step left the request"
		kt_wait_line acts ""
		kt_get msg | grep -q "$NUMBER" && kt_fail "a refused step was confirmed"
		kt_shot "$T/staff-refused.png"
		kt_tap back
	else
		kt_tap "act:$act"
	fi
	kt_wait_screen staff
	kt_wait_line inbox 0
	[ "$(state)" = "$want" ] || kt_fail "after $act: $(state)"
	[ "$act" = forward-kabid ] || kt_get msg | grep -q "$NUMBER" ||
		kt_fail "no confirmation of $act"
	kt_tap signout
	kt_wait_screen welcome
done
steps=$(testdb_sql "$DB" "SELECT s.step FROM step s JOIN request r
	ON r.id = s.request_id WHERE r.number = '$NUMBER' AND s.step >= 10 ORDER BY s.id" | paste -sd,)
[ "$steps" = "10,11,12" ] || kt_fail "steps recorded: $steps"
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

#!/usr/bin/env bash
# test_kiosk_clipping.sh - nothing is ever cut off: requests filled to the longest the validators
# allow (100-character names of wide letters, 29 companions (a group of 30), 8 equipment lines of 120, a purpose,
# reason and notes of 500, a 4000-character report, every step up to 10) are walked through the
# visitor's status, the idle countdown, the official's inbox and request screen, in Indonesian and English at 1920x1080 and 1280x800: no text may be clipped (the
# widget layer reports each one as "ui: clipped text" and in the dump's "clips" line), and the
# whole of a long content is reachable by scrolling. Screenshots go to $KT_KEEP when set.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/clip_lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 08:00"

NOTE=$(fill 500 Identitas WNI diverifikasi lewat telepon dengan pemohon dan atasannya)
REASON="$(fill 440 Jadwal bentrok dengan pemeliharaan UPS W2) silakan ajukan kunjungan ke ruang lain"
REPORT=$(fill 4000 Pekerjaan selesai dan ruang server dikembalikan dalam keadaan baik W)
ESCORT=$(fill 100 Wawan Wicaksono Wirjosoemarto)

# --- the seed: three full requests: rejected at step 5, recorded, forwarded at step 10 -----------
kt_display 1920x1080
kt_db
kt_staff
TEKNIS=$(AKSES_PIN=123456 AKSES_NEW_PIN=246800 kt_ctl staff add --as 1 --name "$ESCORT" \
	--role TIM_TEKNIS | tail -n 1)
full=(--companion "$(fill 100 Wulan Wiwik Wardani);3171014506900002")
for i in $(seq 3 30); do # a group of AKSES_MAX_PEOPLE (30): 29 companions
	full+=(--companion "$(fill 100 Wulan Wiwik Wardani "$i");31710145069000$(printf %02d "$i")")
done
for i in 1 2 3 4 5 6 7 8; do full+=(--equipment "$i $EQUIP"); done
submit() {
	local out
	out=$(kt_ctl request submit --name "$NAME" --nik 3171014506900001 --institution "$INST" \
		--phone 081234567890 --category maintenance --purpose "$PURPOSE" \
		--start "$DAY 09:30" --end "$DAY 11:30" "${full[@]}" --consent) ||
		kt_fail "submit: $out"
	NUMBER=$(printf '%s\n' "$out" | tail -n 1)
	RECEIPT=$(printf '%s\n' "$out" | grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
}
submit
A=$NUMBER A_RECEIPT=$RECEIPT
submit
B=$NUMBER B_RECEIPT=$RECEIPT
submit
C=$NUMBER C_RECEIPT=$RECEIPT
export AKSES_PIN=246800
for n in "$A" "$B" "$C"; do
	kt_ctl dispose "$n" --as "$KADIS" >/dev/null
	kt_ctl dispose "$n" --as "$KABID" >/dev/null
	kt_ctl verify "$n" --as "$KOORD" --note "$NOTE" >/dev/null
done
kt_ctl decide "$B" --as "$KABID" --reject --reason "$REASON" >/dev/null
for n in "$A" "$C"; do
	kt_ctl decide "$n" --as "$KABID" --approve >/dev/null
	kt_ctl assign "$n" --as "$KOORD" --escort "$TEKNIS" >/dev/null
	kt_ctl record "$n" --as "$HELPDESK" >/dev/null
done
token=$(kt_ctl pass list "$A" --as "$HELPDESK" --tokens | grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
AKSES_NOW="$DAY 09:35" kt_ctl scan "$token" --as "$TEKNIS" --direction in >/dev/null
AKSES_NOW="$DAY 10:30" kt_ctl scan "$token" --as "$TEKNIS" --direction out >/dev/null
AKSES_NOW="$DAY 10:40" kt_ctl report write "$A" --as "$HELPDESK" --text "$REPORT" >/dev/null
AKSES_NOW="$DAY 10:45" kt_ctl forward "$A" --as "$KOORD" >/dev/null
unset AKSES_PIN
AKSES_NOW="$DAY 10:50"
[ "$(testdb_sql "$DB" "SELECT state FROM request WHERE number = '$B'")" = REJECTED ] ||
	kt_fail "setup: $B is not rejected"
# idle: the countdown comes soon, yet not between two steps of a loaded machine (a staff
# member is signed out then)
cat >"$T/kiosk.ini" <<INI
[station]
idle_timeout = 20
idle_countdown = 10
INI

walk() {
	echo "walk $SIZE $LANG_ at ${SECONDS}s"
	kt_kiosk "$SIZE" --db "$DB" --lang "$LANG_" --config "$T/kiosk.ini"
	kt_wait_screen welcome
	check welcome

	# the visitor: the rejected request, with its whole reason and no step "pending" after it
	scan_receipt "$B_RECEIPT"
	kt_wait_line state REJECTED
	check status-rejected
	kt_drag_up result
	page_down result status-rejected-end
	kt_tap finish
	kt_wait_screen welcome
	# a recorded request: 30 people, each with a pass to print
	scan_receipt "$C_RECEIPT"
	check status-full
	page_down result status-full-end
	kt_tap finish
	kt_wait_screen welcome
	# left alone on the lookup form: the countdown (its Indonesian was cut)
	if [ "$LANG_" = id ]; then
		kt_tap welcome:status
		kt_wait_screen status
		kt_wait_line idle 1 30
		check idle-countdown
		kt_tap idle:stay
		kt_wait_line idle 0
	fi

	# the Kabid: the inbox, then the request with everything in it
	kt_longpress logo
	kt_signin "$KABID" 246800
	kt_wait_screen staff
	kt_wait_line inbox 1
	check staff-inbox
	kt_tap inbox:0
	kt_wait_screen request
	kt_wait_line number "$A"
	check staff-request
	page_down details staff-request-end
	kt_tap signout
	kt_wait_screen welcome

	clip_walk_end "on the main screens"
}

clip_each_size
echo "ok: no clipped text on any screen, in id and en, at 1920x1080 and 1280x800"

#!/usr/bin/env bash
# test_kiosk_clipping_reason.sh - nothing is cut off in the officials' dialogs: for a request
# filled to the longest the validators allow (100-character name, 120-character institution),
# the Kadis's disposition dialog (instruction and urgency), the Kabid's approval confirmation and
# a rejection filled from the presets up to its maximum length, read back in full - in Indonesian
# and English at 1920x1080 and 1280x800: no text may be clipped (the dump's "clips" and the log's
# "ui: clipped" lines). Nothing is sent: every dialog is left with Back.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/clip_lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:00"

kt_display 1920x1080
kt_db
kt_staff
submit() {
	local out
	out=$(kt_ctl request submit --name "$(fill 100 Wahyu Wiwoho Wirawan Widjaja)" \
		--nik 3171014506900001 --institution "$(fill 120 PT Wahana Widya Wisesa)" \
		--phone 081234567890 --category maintenance \
		--purpose "$(fill 500 Mengganti modul memori W4)" \
		--start "$DAY 09:30" --end "$DAY 11:30" --consent) || kt_fail "submit: $out"
	NUMBER=$(printf '%s\n' "$out" | tail -n 1)
}
submit
A=$NUMBER # at the Kadis
submit
B=$NUMBER # verified: at the Kabid
export AKSES_PIN=246800
kt_ctl dispose "$B" --as "$KADIS" >/dev/null
kt_ctl dispose "$B" --as "$KABID" >/dev/null
kt_ctl verify "$B" --as "$KOORD" >/dev/null
unset AKSES_PIN

# sign in as $1 and open the request $2 from the inbox (one request in it)
open_as() {
	kt_longpress logo
	kt_signin "$1" 246800
	kt_wait_screen staff
	kt_wait_line inbox 1
	kt_tap inbox:0
	kt_wait_screen request
	kt_wait_line number "$2"
}

walk() {
	echo "reason walk $SIZE $LANG_ at ${SECONDS}s"
	kt_kiosk "$SIZE" --db "$DB" --lang "$LANG_"
	kt_wait_screen welcome

	# the Kadis's disposition: an instruction from the presets and the urgency
	open_as "$KADIS" "$A"
	kt_tap act:dispose-kadis
	kt_wait_screen reason
	kt_tap preset:0
	kt_tap urgency:segera
	kt_wait_line urgency segera
	check reason-dispose
	kt_tap reason:back
	kt_wait_screen request
	kt_tap signout
	kt_wait_screen welcome

	# the Kabid: the approval's confirmation, then a rejection at its longest, read back
	open_as "$KABID" "$B"
	kt_tap act:approve
	kt_wait_screen reason
	kt_wait_line phase readback
	check reason-approve
	kt_tap reason:back
	kt_wait_screen request
	kt_tap act:reject
	kt_wait_screen reason
	local before=-1 now i
	for i in $(seq 40); do
		now=$(kt_get chars)
		[ "$now" = "$before" ] && break
		before=$now
		kt_tap "preset:$((i % 4))"
	done
	# the rest up to the maximum typed (a preset no longer fits)
	for i in $(seq 40); do
		kt_tap key:w
		[ "$(kt_get chars)" = "$now" ] && break
		now=$(kt_get chars)
	done
	[ "$now" = 500 ] || kt_fail "the rejection reached only $now characters"
	check reason-reject-long
	kt_tap reason:ok
	kt_wait_line phase readback
	check reason-reject-readback
	for i in $(seq 15); do
		awk '$1 == "readback:down" { f = 1 } END { exit !f }' "$DUMP" || break
		kt_tap readback:down
		check reason-reject-readback-end
	done
	kt_tap reason:edit
	kt_wait_line phase edit
	kt_tap reason:back
	kt_wait_screen request
	kt_tap signout
	kt_wait_screen welcome

	clip_walk_end "in the dialogs"
}

clip_each_size
echo "ok: no clipped text in the officials' dialogs, in id and en, at 1920x1080 and 1280x800"

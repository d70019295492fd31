#!/usr/bin/env bash
# test_kiosk_group.sh - a group larger than ten is one request (issue 9.3): a visitor enters 12
# companions and 8 equipment lines through a real akses-kiosk window, at 1920x1080 and 1280x800.
# The companion step shows its numbered chips a page at a time (the 9th to 12th on the second
# page, the pager's buttons move between the pages); the review scrolls by a finger's drag and by
# its buttons down to the last companion and the last equipment line, with no text clipped; the
# DB then holds all 13 people in order. Screenshots go to $KT_KEEP when set.
. "$(dirname "$0")/lib.sh"

export AKSES_NOW="2030-03-12 09:00"
COMPANIONS=12
NAMES=("Ahmad Fauzi" "Bambang Sutejo" "Citra Lestari" "Dedi Kurniawan" "Eka Putri"
	"Fajar Nugroho" "Gita Savitri" "Hendra Wijaya" "Intan Permata" "Joko Susilo"
	"Kartika Sari" "Lukman Hakim")
F_COMPANION_NAME=10 # akses_field (status.h): the dump's "focus" line
F_COMPANION_NIK=11

# a physical keyboard's typing, human-paced and without Enter (Enter would make it a scan)
kb() {
	xdotool type --delay 30 "$1"
}

# nik N: companion N's NIK (a man born 15-05-1990, serial N)
nik() {
	printf '317101150590%04d' "$1"
}

shown() { awk -v k="$1" '$1 == k { f = 1 } END { exit !f }' "$DUMP"; }

keep() {
	[ -n "${KT_KEEP:-}" ] || return 0
	mkdir -p "$KT_KEEP"
	kt_shot "$KT_KEEP/group-$1-$SIZE.png"
}

no_clips() {
	sleep 0.1
	[ "$(kt_get clips)" = 0 ] ||
		kt_fail "$1: $(kt_get clips) texts clipped: $(grep 'ui: clipped' "$T/kiosk.log" | tail -5)"
}

walk() {
	kt_db
	kt_kiosk "$SIZE" --db "$DB" --lang id
	kt_tap welcome:submit
	kt_wait_line step identity
	kb 3171014506900001
	kt_wait_line focus 1
	kb "Nurul Aini"
	kt_tap next
	kt_wait_line step contact
	kb "Universitas Andalas"
	kt_tap field:phone
	kb 081234567890
	kt_tap next
	kt_wait_line step purpose
	kt_tap purpose:3
	kb "Studi banding mahasiswa"
	kt_tap next
	kt_wait_line step time
	kt_tap next
	kt_wait_line step companions

	local i
	for ((i = 1; i <= COMPANIONS; i++)); do
		kt_tap comp:add
		kt_wait_line row $((i - 1))
		kt_wait_line focus $F_COMPANION_NIK
		kb "$(nik "$i")"
		# a complete NIK hands over to the name beside it
		kt_wait_line focus $F_COMPANION_NAME
		kb "${NAMES[i - 1]}"
	done
	# the 9th to 12th on the second page, which the last one added opened
	no_clips "companions, second page"
	keep companions-page2
	for i in 8 9 10 11; do shown "comp:$i" || kt_fail "chip $((i + 1)) not on the second page"; done
	shown comp:0 && kt_fail "chip 1 on the second page"
	shown comp:page:next && kt_fail "a next page after the last"
	kt_tap comp:page:prev
	kt_wait_line row 0
	for i in 0 7; do shown "comp:$i" || kt_fail "chip $((i + 1)) not on the first page"; done
	shown comp:8 && kt_fail "chip 9 on the first page"
	shown comp:page:prev && kt_fail "a page before the first"
	no_clips "companions, first page"
	keep companions-page1
	kt_tap comp:page:next
	kt_wait_line row 8
	kt_tap next
	kt_wait_line step equipment
	for ((i = 1; i <= 8; i++)); do
		kt_tap equip:add
		kt_wait_line row $((i - 1))
		kb "Laptop peserta nomor $i"
	done
	kt_tap next
	kt_wait_line step review

	# the review: the first companion shows, the last equipment line needs scrolling
	no_clips review
	keep review-top
	shown review:companions:0 || kt_fail "the first companion is not on the review"
	shown review:equipment:7 && kt_fail "the review fits at $SIZE: nothing to scroll"
	kt_drag_up review
	for i in $(seq 10); do
		shown review:down || break
		kt_tap review:down
		no_clips "review, page $i"
	done
	shown review:down && kt_fail "the review's end was not reached in 10 pages"
	shown "review:companions:$((COMPANIONS - 1))" ||
		kt_fail "the review scrolled down without the last companion in view"
	shown review:equipment:7 || kt_fail "the last equipment line is not in view at the end"
	keep review-end
	# and back up to the top by the buttons
	for i in $(seq 10); do
		shown review:up || break
		kt_tap review:up
	done
	shown review:companions:0 || kt_fail "the first companion did not come back"

	kt_tap next
	kt_wait_line step consent
	kt_tap consent
	kt_tap send
	kt_wait_line step done
	no_clips done

	q() { testdb_sql "$DB" "$1"; }
	local want got
	want=$(for ((i = 1; i <= COMPANIONS; i++)); do echo "$i|${NAMES[i - 1]}|$(nik "$i")"; done)
	got=$(q "SELECT seq, name, nik FROM companion ORDER BY seq")
	[ "$got" = "$want" ] || kt_fail "companions in the DB at $SIZE: $got"
	[ "$(q "SELECT count(*) FROM request")" = 1 ] || kt_fail "not one request"
	[ "$(q "SELECT equipment FROM request" | wc -l)" = 8 ] ||
		kt_fail "equipment: $(q 'SELECT equipment FROM request')"
	grep -q 'ui: clipped' "$T/kiosk.log" && kt_fail "texts were clipped at $SIZE"
	echo "$SIZE: one request of $((COMPANIONS + 1)) people, the review scrolled to its end"
	kill "$KIOSK_PID"
	wait "$KIOSK_PID" 2>/dev/null || true
	KIOSK_PID=
}

for SIZE in 1920x1080 1280x800; do
	[ -n "$XVFB_PID" ] && { kill "$XVFB_PID"; wait "$XVFB_PID" 2>/dev/null || true; }
	kt_display "$SIZE"
	walk
done
echo PASS

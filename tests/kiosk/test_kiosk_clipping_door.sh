#!/usr/bin/env bash
# test_kiosk_clipping_door.sh - nothing is cut off at the door: a door station in Indonesian and
# English at 1920x1080 and 1280x800 shows the sign-in pad, the door's home, ENTRY and EXIT with 8
# equipment lines of 120, the longest denial (not your visitor - the other escort's 100-character
# name), a receipt's denial and the manual entry's number pad and person list (a group of 30 with
# 100-character names of wide letters): no text may be clipped (the dump's "clips" and the
# log's "ui: clipped" lines). Each run starts from a copy of the seeded DB.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/clip_lib.sh"

export DAY=2030-03-12 AKSES_NOW
AKSES_NOW="$DAY 09:20"

ESCORT=$(fill 100 Wawan Wicaksono Wirjosoemarto)
OTHER=$(fill 100 Widodo Wibisono Wiryawan)

kt_display 1920x1080
kt_db
kt_staff
TEKNIS=$(AKSES_PIN=123456 AKSES_NEW_PIN=246800 kt_ctl staff add --as 1 --name "$ESCORT" \
	--role TIM_TEKNIS | tail -n 1)
WIDODO=$(AKSES_PIN=123456 AKSES_NEW_PIN=246800 kt_ctl staff add --as 1 --name "$OTHER" \
	--role TIM_TEKNIS | tail -n 1)
full=()
for i in $(seq 2 30); do # a group of AKSES_MAX_PEOPLE (30): 29 companions
	full+=(--companion "$(fill 100 Wulan Wiwik Wardani "$i");31710145069000$(printf %02d "$i")")
done
for i in 1 2 3 4 5 6 7 8; do full+=(--equipment "$i $EQUIP"); done
tokens() {
	AKSES_PIN=246800 kt_ctl pass list "$1" --as "$HELPDESK" --tokens | grep -oE '\b[A-Z2-7]{32}\b'
}
# A: the escort's own visitors, everything at its longest
out=$(kt_ctl request submit --name "$(fill 100 Wahyu Wiwoho Wirawan Widjaja)" \
	--nik 3171014506900001 --institution "$(fill 120 PT Wahana Widya Wisesa)" \
	--phone 081234567890 --category maintenance --purpose "Ganti disk" \
	--start "$DAY 09:30" --end "$DAY 11:30" "${full[@]}" --consent) || kt_fail "submit: $out"
NUMBER=$(printf '%s\n' "$out" | tail -n 1)
RECEIPT=$(printf '%s\n' "$out" | grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
kt_advance
A=$NUMBER RECEIPT_A=$RECEIPT
TOKEN_A=$(tokens "$A" | head -n 1)
# B: the same window, escorted by the other long name
kt_submit
TEKNIS=$WIDODO kt_advance
TOKEN_B=$(tokens "$NUMBER" | head -n 1)
[ -n "$TOKEN_A" ] && [ -n "$TOKEN_B" ] || kt_fail "no pass tokens"
AKSES_NOW="$DAY 09:40"
SEED=$T/seed.db
sqlite3 "$DB" ".backup '$SEED'"

dismiss() {
	[ "$(kt_get showing)" = 1 ] && kt_tap door:ok
	kt_wait_line showing 0
}

walk() {
	echo "door walk $SIZE $LANG_ at ${SECONDS}s"
	DB=$T/run.db
	rm -f "$DB" "$DB-wal" "$DB-shm"
	cp "$SEED" "$DB"
	cp "$T/akses.db.key" "$DB.key"
	cat >"$T/door.ini" <<INI
[station]
name = PINTU-SERVER-RUANG-UTAMA
mode = door
lang = $LANG_
[passes]
repeat_guard_seconds = 0
INI
	kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
	kt_wait_screen signin
	check door-signin
	kt_signin "$TEKNIS" 246800
	kt_wait_screen door
	check door-home
	# the escort's long name is shortened beside the sign-out button: a tap reads it whole
	if [ "$LANG_" = id ]; then line="Pendamping: $ESCORT"; else line="Escort: $ESCORT"; fi
	kt_tap door:escort
	kt_wait_line reader "${#line}"
	check door-escort-reader
	kt_tap reader:close
	kt_wait_line reader 0

	kt_scan "$TOKEN_A"
	kt_wait_line decision 1
	kt_wait_line equipment 8
	check door-entry
	page_down door:equipment door-entry-end
	dismiss
	kt_scan "$TOKEN_B"
	kt_wait_line reason wrong-escort
	check door-denied-escort
	dismiss
	kt_scan "$RECEIPT_A"
	kt_wait_line reason receipt
	check door-denied-receipt
	dismiss

	kt_tap door:manual
	kt_wait_line manual 1
	check door-manual-pad
	kt_type "${A#AKS-}"
	kt_tap manual:find
	kt_wait_line manual 2
	check door-manual-people
	# every one of the 30 people can be picked: on the first page or paged to (bounded)
	seen=" $(grep -o '^manual:person:[0-9]*' "$DUMP" | tr '\n' ' ')"
	for _ in $(seq 15); do
		awk '$1 == "manual:people:down" { f = 1 } END { exit !f }' "$DUMP" || break
		kt_tap manual:people:down
		check door-manual-people-end
		seen="$seen $(grep -o '^manual:person:[0-9]*' "$DUMP" | tr '\n' ' ')"
	done
	for i in $(seq 0 29); do
		case "$seen " in *" manual:person:$i "*) ;;
		*) kt_fail "person $i of 30 cannot be reached on the manual entry's list at $SIZE" ;;
		esac
	done
	kt_tap manual:cancel
	kt_wait_line manual 0

	kt_scan "$TOKEN_A"
	kt_wait_line decision 2
	kt_wait_line equipment 8
	check door-exit
	page_down door:equipment door-exit-end
	dismiss

	clip_walk_end "at the door"
}

clip_each_size
echo "ok: no clipped text at the door, in id and en, at 1920x1080 and 1280x800"

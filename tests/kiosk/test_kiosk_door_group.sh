#!/usr/bin/env bash
# test_kiosk_door_group.sh - a group of 30 at the door (issue 9.3 and 9.4): the 30th person's
# badge is torn, so the escort types the request number and pages the person picker down by its
# button to the last of the 30, at 1280x800 (the pick lets them in) and 1920x1080 (out again):
# each pick is recorded as that person's manual scan, with no text clipped on the way. Screenshots go to $KT_KEEP when set.
. "$(dirname "$0")/lib.sh"

export DAY=2030-03-12 AKSES_NOW="2030-03-12 08:00"
kt_db
kt_staff
group=()
for i in $(seq 1 29); do
	group+=(--companion "Anggota Rombongan $(printf '%s' "$i" | tr 0-9 A-J);317101150590$(printf %04d "$i")")
done
kt_submit "${group[@]}" # 09:30-11:30
kt_advance
[ "$(testdb_sql "$DB" "SELECT count(*) FROM pass")" = 30 ] || kt_fail "not 30 passes"
cat >"$T/door.ini" <<INI
[station]
name = PINTU-SERVER
mode = door
lang = id
INI

want=(ENTRY 1 EXIT 2) # decision and the dump's code, per size
at=("$DAY 09:40" "$DAY 11:00") # in, and out well after the guard against a double read
k=0
for SIZE in 1280x800 1920x1080; do
	[ -n "$XVFB_PID" ] && { kill "$XVFB_PID"; wait "$XVFB_PID" 2>/dev/null || true; }
	kt_display "$SIZE"
	AKSES_NOW=${at[k / 2]}
	kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
	kt_signin "$TEKNIS" 246800
	kt_wait_screen door
	kt_tap door:manual
	kt_wait_line manual 1
	kt_type "${NUMBER#AKS-}"
	kt_tap manual:find
	kt_wait_line manual 2
	awk '$1 == "manual:person:29" { f = 1 } END { exit !f }' "$DUMP" &&
		kt_fail "all 30 people fit at $SIZE: nothing to page"
	for _ in $(seq 15); do
		awk '$1 == "manual:person:29" { f = 1 } END { exit !f }' "$DUMP" && break
		awk '$1 == "manual:people:down" { f = 1 } END { exit !f }' "$DUMP" ||
			kt_fail "the picker's end came without the 30th person at $SIZE"
		kt_tap manual:people:down
	done
	[ "$(kt_get clips)" = 0 ] || kt_fail "$(kt_get clips) texts clipped on the picker at $SIZE"
	[ -n "${KT_KEEP:-}" ] && { mkdir -p "$KT_KEEP"; kt_shot "$KT_KEEP/door-group-$SIZE.png"; }
	kt_tap manual:person:29
	kt_wait_line decision "${want[k + 1]}"
	got=$(testdb_sql "$DB" "SELECT s.decision || '|' || s.manual || '|' || p.person FROM scan s
		JOIN pass p ON p.id = s.pass_id ORDER BY s.id DESC LIMIT 1")
	[ "$got" = "${want[k]}|1|29" ] || kt_fail "the pick at $SIZE was recorded as: $got"
	grep -q 'ui: clipped' "$T/kiosk.log" && kt_fail "texts were clipped at $SIZE"
	echo "$SIZE: the 30th person paged to and recorded by hand: ${want[k]}"
	kill "$KIOSK_PID"
	wait "$KIOSK_PID" 2>/dev/null || true
	KIOSK_PID=
	k=$((k + 2))
done
echo PASS

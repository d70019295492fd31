# tests/kiosk/offline_door_lib.sh - where the door walks on a failing server start from
# (test_kiosk_offline_door.sh: the server stops; test_kiosk_frozen_door.sh: it hangs): two
# recorded requests with a pass each, the door kiosk signed in with a spool of its own, the first
# pass scanned in. Sourced after lib.sh and offline_lib.sh.

# A scan until the dump's KEY says VALUE: under a heavy load the scanner burst may arrive too
# slowly to count as a scan (then it is typing, and nothing was decided or recorded: the dump's
# "scans" and "offline_answer" did not move), so it is scanned again, at most three times.
scan_until() {
	local i
	for i in 1 2 3; do
		kt_scan "$1"
		[ "$(kt_get "$2")" = "$3" ] && return 0
		sleep 1
		[ "$(kt_get "$2")" = "$3" ] && return 0
	done
	kt_fail "scan of $1: '$2 $3' did not come (now '$(kt_get "$2")')"
}

# rows: the scan table, "DECISION|AT" a line, oldest first.
rows() { off_sql "SELECT decision || '|' || at FROM scan ORDER BY id"; }

# door_walk_start STATION: at $AKSES_NOW (before 10:00 of $DAY), on the server of offline_lib.sh
# (DB), two requests taken to step 6 by kt_staff's accounts; the door kiosk STATION (English,
# repeat guard off, its exits spooled to SPOOL) at SIZE, TEKNIS signed in; the pass TOKEN_A
# scanned in (one ENTRY row); TOKEN_B, the other pass, not scanned yet.
door_walk_start() {
	SIZE=${KT_SIZE:-1920x1080}
	kt_display "$SIZE"
	DB=$URI
	AKSES_PIN=123456 "$AKSESCTL" --db "$DB" init --admin "Admin Satu" >/dev/null || kt_fail "init"
	kt_staff
	kt_submit
	kt_advance
	TOKEN_A=$(door_token_of "$NUMBER")
	kt_submit
	kt_advance
	TOKEN_B=$(door_token_of "$NUMBER")
	[ -n "$TOKEN_A" ] && [ -n "$TOKEN_B" ] || kt_fail "no pass tokens"
	SPOOL=$T/door.spool
	cat >"$T/door.ini" <<INI
[station]
name = $1
mode = door
lang = en
[passes]
repeat_guard_seconds = 0
[door]
spool = $SPOOL
INI
	kt_kiosk "$SIZE" --config "$T/door.ini" --db "$DB"
	kt_signin "$TEKNIS" 246800
	kt_wait_screen door
	scan_until "$TOKEN_A" decision 1
	kt_tap door:ok
	[ "$(rows | wc -l)" = 1 ] || kt_fail "scans before: $(rows)"
}

# door_refuse_then_spool NAME: the door asks about TOKEN_B, offline: the escort refuses the entry;
# then TOKEN_A, the one inside, is scanned and the escort confirms the exit: one line in the spool
# (0600), at the exit's own time (EXIT_AT), none for TOKEN_B. Screenshots T/NAME-{ask,refused,
# spooled}.png.
door_refuse_then_spool() {
	kt_shot "$T/$1-ask.png"
	kt_tap door:offline-refuse
	kt_wait_line offline_answer refused
	kt_shot "$T/$1-refused.png"
	kt_tap door:ok
	kt_wait_line offline_answer -
	# the one inside leaves: the escort confirms the exit, the spool keeps it
	scan_until "$TOKEN_A" offline_answer asking
	kt_tap door:offline-exit
	kt_wait_line offline_answer spooled
	kt_wait_line spool 1
	kt_shot "$T/$1-spooled.png"
	[ "$(grep -c . "$SPOOL")" = 1 ] || kt_fail "spool lines: $(grep -c . "$SPOOL")"
	[ "$(stat -c %a "$SPOOL")" = 600 ] || kt_fail "spool mode $(stat -c %a "$SPOOL")"
	! grep -q "$TOKEN_B" "$SPOOL" || kt_fail "the refused entry was spooled"
	EXIT_AT=$(cut -f3 "$SPOOL")
}

# door_token_of NUMBER: a fresh token of the first pass of request NUMBER (HELPDESK hands it out).
door_token_of() {
	AKSES_PIN=246800 kt_ctl pass list "$1" --as "$HELPDESK" --tokens |
		grep -oE '\b[A-Z2-7]{32}\b' | head -n 1
}

#!/usr/bin/env bash
# bench_kiosk.sh - the kiosk's budgets on a real akses-kiosk under Xvfb at 1920x1080 with the
# software renderer: frame time per screen against the empty frame, idle CPU, cold start against
# a bare SDL program, resident memory. It reports figures and ratios; it never fails on one.
#
# usage: KIOSK=test-bin/akses-kiosk AKSESCTL=test-bin/aksesctl FLOOR=bin/bench_sdl_floor \
#            bench_kiosk.sh [FRAMES] [IDLE_SECONDS] [STARTS]
# (or: cmake --build BUILD --target bench_kiosk). FRAMES per screen (200), IDLE_SECONDS per idle
# sample (20), STARTS cold starts of each program (10). The kiosk's hidden bench mode
# (AKSES_BENCH_FRAMES, kiosk/ui/main.c) draws the current screen FRAMES times on SIGUSR1.
HERE=$(cd "$(dirname "$0")" && pwd)
[ -z "${T:-}" ] || mkdir -p "$T"
. "$HERE/../kiosk/lib.sh"
set +e # a figure that cannot be taken is reported as such, the rest still run

FRAMES=${1:-200}
IDLE_S=${2:-20}
[ "$IDLE_S" -le 50 ] || IDLE_S=50 # the countdown lasts 60 s at most (config)
STARTS=${3:-10}
: "${FLOOR:?bench_sdl_floor path}"
SIZE=1920x1080
export AKSES_NOW DAY=2030-03-12 TZ=${TZ:-Asia/Jakarta}
AKSES_NOW="$DAY 09:20"

echo "# bench_kiosk: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
	"$FRAMES frames per screen, $SIZE, SDL_RENDER_DRIVER=${SDL_RENDER_DRIVER:-software}"

# ---- the data: a request through every SOP step (the full timeline), one RECORDED (its pass
# for the door), one waiting for the Kabid (the staff inbox) ------------------------------------
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
kt_advance
FULL=$NUMBER FULL_RECEIPT=$RECEIPT
FULL_TOKEN=$(AKSES_PIN=246800 kt_ctl pass list "$FULL" --as "$HELPDESK" --tokens |
	grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
export AKSES_PIN=246800
kt_ctl scan "$FULL_TOKEN" --as "$TEKNIS" --station PINTU --direction in >/dev/null
kt_ctl scan "$FULL_TOKEN" --as "$TEKNIS" --station PINTU --direction out >/dev/null
kt_ctl report write "$FULL" --as "$HELPDESK" --text "Disk diganti, server normal" >/dev/null
kt_ctl forward "$FULL" --as "$KOORD" >/dev/null
kt_ctl forward "$FULL" --as "$KABID" >/dev/null
kt_ctl receive "$FULL" --as "$KADIS" >/dev/null
unset AKSES_PIN
echo "# full-timeline request $FULL: $(sqlite3 "$DB" "SELECT state FROM request WHERE number = '$FULL'")"
kt_submit
kt_advance
DOOR_TOKEN=$(AKSES_PIN=246800 kt_ctl pass list "$NUMBER" --as "$HELPDESK" --tokens |
	grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
kt_submit
export AKSES_PIN=246800
kt_ctl dispose "$NUMBER" --as "$KADIS" >/dev/null
kt_ctl dispose "$NUMBER" --as "$KABID" >/dev/null
kt_ctl verify "$NUMBER" --as "$KOORD" >/dev/null
unset AKSES_PIN
cat >"$T/kiosk.ini" <<INI
[station]
name = RESEPSIONIS
lang = id
idle_timeout = 600
[passes]
repeat_guard_seconds = 0
INI

# ---- 1. frame time per screen ------------------------------------------------------------------
# bench LABEL: SIGUSR1, wait for the kiosk's "bench screen" line, print a row of figures.
NB=0
bench() {
	local label=$1 line
	kill -USR1 "$KIOSK_PID"
	for _ in $(seq 1200); do
		[ "$(grep -c '^bench screen' "$T/kiosk.log")" -gt "$NB" ] && break
		sleep 0.05
	done
	NB=$((NB + 1))
	line=$(grep '^bench screen' "$T/kiosk.log" | sed -n "${NB}p")
	[ -n "$line" ] || { echo "$label: no figures (the kiosk did not answer)"; return; }
	awk -v label="$label" -v rss="$(awk '/^VmRSS/ { print $2 }' "/proc/$KIOSK_PID/status")" '{
		for (i = 4; i < NF; i += 2) v[$i] = $(i + 1)
		printf "%-30s wall med %5.2f p99 %5.2f ms (%4.1fx empty)  cpu med %5.2f p99 %5.2f ms (%4.1fx empty)  text misses %d, cache %5d KB  rss %d MB\n",
			label, v["wall_med"], v["wall_p99"], v["wall_p99"] / v["empty_wall_p99"],
			v["cpu_med"], v["cpu_p99"], v["cpu_p99"] / v["empty_cpu_p99"], v["text_misses"], v["text_kb"],
			rss / 1024
		if (v["stable"] == 0) printf "%-30s (the screen changed during the run)\n", ""
	}' <<<"$line"
	awk '{ for (i = 4; i < NF; i += 2) if ($i ~ /^empty_/) printf "%s ", $(i + 1); print "" }' \
		<<<"$line" >>"$T/empty.txt"
}

echo
echo "## frame: each screen drawn $FRAMES times (draw + present), after an empty frame each time"
AKSES_BENCH_FRAMES=$FRAMES kt_kiosk "$SIZE" --config "$T/kiosk.ini" --db "$DB"
kt_wait_screen welcome
sleep 0.5
bench "welcome"
kt_tap welcome:submit
kt_wait_line step identity
kt_tap field:name
bench "submit identity, letters"
kt_tap key:page
bench "submit identity, accents page"
kt_tap key:page
kt_type "Budi Santoso"
kt_tap field:nik
bench "submit identity, number pad"
kt_type 3171014506900001
kt_tap next
kt_wait_line step contact
kt_type "Dinas Kominfo"
kt_tap field:phone
kt_type 081234567890
bench "submit contact"
kt_tap next
kt_wait_line step purpose
kt_tap purpose:0
kt_type "Ganti disk"
bench "submit purpose"
kt_tap next
kt_wait_line step time
bench "submit time"
kt_tap next
kt_wait_line step companions
bench "submit companions"
kt_tap next
kt_wait_line step equipment
bench "submit equipment"
kt_tap next
kt_wait_line step review
bench "submit review"
kt_tap next
kt_wait_line step consent
kt_tap consent
bench "submit consent"
kt_tap send
kt_wait_line step done
bench "submit done"
kt_tap finish
kt_wait_screen welcome
kt_scan "$FULL_RECEIPT"
kt_wait_screen status
kt_wait_line found 1
bench "status, full timeline"
kt_tap finish
kt_wait_screen welcome
kt_longpress logo
kt_signin "$KABID" 246800
kt_wait_screen staff
kt_wait_line inbox 1
bench "staff inbox"
kt_tap inbox:0
bench "staff, request open"
RECEPTION_HWM=$(awk '/^VmHWM/ { print $2 }' "/proc/$KIOSK_PID/status")
RECEPTION_RSS=$(awk '/^VmRSS/ { print $2 }' "/proc/$KIOSK_PID/status")
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null

# the door station: signed in, then a decision (shown for 3 s: the run starts at once)
AKSES_BENCH_FRAMES=$FRAMES kt_kiosk "$SIZE" --config "$T/kiosk.ini" --db "$DB" --mode door
NB=0
kt_wait_screen signin
kt_type "$TEKNIS"
kt_tap field:pin
kt_type 246800
kt_tap signin
kt_wait_screen door
bench "door, signed in"
xdotool type --delay 5 "$DOOR_TOKEN"
xdotool key Return
kt_wait_line decision 1
bench "door decision ENTRY"
DOOR_HWM=$(awk '/^VmHWM/ { print $2 }' "/proc/$KIOSK_PID/status")
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null
awk '{ for (i = 1; i <= NF; i++) { s[i] += $i } n++ }
	END { if (n) printf "%-30s wall med %5.2f p99 %5.2f ms                 cpu med %5.2f p99 %5.2f ms (mean of the runs)\n",
		"empty frame (clear + present)", s[1] / n, s[2] / n, s[3] / n, s[4] / n }' "$T/empty.txt"

# ---- 2. resident memory ------------------------------------------------------------------------
echo
echo "## memory: VmHWM after walking through the screens"
echo "reception kiosk: VmHWM $((RECEPTION_HWM / 1024)) MB (VmRSS at the end $((RECEPTION_RSS / 1024)) MB)"
echo "door kiosk:      VmHWM $((DOOR_HWM / 1024)) MB"

# ---- 3. idle CPU -------------------------------------------------------------------------------
# cpu_pct PID SECONDS: utime + stime of PID over SECONDS, as % of one core.
cpu_pct() {
	local pid=$1 secs=$2 a b hz
	hz=$(getconf CLK_TCK)
	a=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
	sleep "$secs"
	b=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
	awk -v a="$a" -v b="$b" -v s="$secs" -v hz="$hz" \
		'BEGIN { printf "%d ticks in %d s = %.2f%% of one core", b - a, s, (b - a) * 100 / hz / s }'
}

echo
echo "## idle CPU: /proc/PID/stat utime+stime over $IDLE_S s"
cat >"$T/idle.ini" <<INI
[station]
lang = id
idle_timeout = 10
idle_countdown = 60
INI
AKSES_BENCH_FRAMES=$FRAMES kt_kiosk "$SIZE" --config "$T/idle.ini" --db "$DB"
NB=0
kt_wait_screen welcome
sleep 2
echo "welcome:         $(cpu_pct "$KIOSK_PID" "$IDLE_S")"
kt_tap welcome:submit
kt_wait_line idle 1 15
sleep 2
F0=$(kt_get frame)
echo "idle countdown:  $(cpu_pct "$KIOSK_PID" "$IDLE_S") ($(($(kt_get frame) - F0)) frames drawn)"
bench "frame: idle countdown"
kill "$KIOSK_PID"
wait "$KIOSK_PID" 2>/dev/null

# ---- 4. cold start -----------------------------------------------------------------------------
# start_ms PROGRAM ARGS...: exec to first present in ms (the program prints its first present's
# CLOCK_REALTIME; the exec time is $EPOCHREALTIME just before exec, in the same shell).
start_ms() {
	local log=$T/start.log pid t0 t1
	rm -f "$log"
	(
		echo "${EPOCHREALTIME/[.,]/}" >"$T/t0"
		exec "$@" >"$log" 2>&1
	) &
	pid=$!
	for _ in $(seq 400); do
		grep -q '^bench first_present_us' "$log" 2>/dev/null && break
		sleep 0.025
	done
	t0=$(cat "$T/t0")
	t1=$(awk '/^bench first_present_us/ { print $3 }' "$log")
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	sleep 0.3 # let Xvfb tear the window down before the next start
	[ -n "$t1" ] && awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", (b - a) / 1000 }'
}

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "## cold start: exec to first present, median of $STARTS (interleaved with the floor)"
: >"$T/start-kiosk.txt"
: >"$T/start-floor.txt"
for _ in $(seq "$STARTS"); do
	AKSES_BENCH_FRAMES=1 start_ms "$KIOSK" --windowed --size "$SIZE" --config "$T/kiosk.ini" \
		--db "$DB" >>"$T/start-kiosk.txt"
	start_ms "$FLOOR" 1920 1080 >>"$T/start-floor.txt"
done
K=$(median <"$T/start-kiosk.txt")
F=$(median <"$T/start-floor.txt")
echo "akses-kiosk:     median $K ms (runs: $(tr '\n' ' ' <"$T/start-kiosk.txt"))"
echo "bench_sdl_floor: median $F ms (runs: $(tr '\n' ' ' <"$T/start-floor.txt"))"
awk -v k="$K" -v f="$F" 'BEGIN { if (f > 0) printf "kiosk / floor:   %.2fx\n", k / f }'
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# tests/kiosk/lib.sh - shared helpers of the kiosk's end-to-end scripts: an Xvfb of our own,
# akses-kiosk with its widget dump (AKSES_UI_DUMP), taps by widget id through xdotool, typing on
# the on-screen keyboard, waits and screenshots. Sourced by the test_*.sh scripts.
# Needs: KIOSK (akses-kiosk), AKSESCTL (aksesctl), and a work dir in T.

set -euo pipefail

: "${KIOSK:?akses-kiosk path}" "${AKSESCTL:?aksesctl path}"
. "$(dirname "${BASH_SOURCE[0]}")/../tools/testdb.sh"
T=${T:-$(mktemp -d /tmp/akses-kiosk-test.XXXXXX)}
# On a server (AKSES_TEST_DB) the audit key is "<database>.key" in the working folder, where
# aksesctl makes it and the kiosk reads it: both run here, and it goes with the test's files.
cd "$T"
DUMP=$T/dump.txt
XVFB_PID=
KIOSK_PID=
KT_TAPS=0 # every tap a person makes: kt_tap counts them (the walk-in tap budget)

kt_fail() {
	echo "FAIL: $*" >&2
	[ -f "$DUMP" ] && { echo "--- last dump:" >&2; cat "$DUMP" >&2; }
	[ -f "$T/kiosk.log" ] && { echo "--- kiosk log:" >&2; tail -20 "$T/kiosk.log" >&2; }
	exit 1
}

kt_cleanup() {
	[ -n "$KIOSK_PID" ] && kill "$KIOSK_PID" 2>/dev/null || true
	[ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
	wait 2>/dev/null || true
	testdb_drop_all
}
trap kt_cleanup EXIT

# Start Xvfb at size WxH on a display it picks itself (-displayfd): tests run side by side, and
# choosing a free number here and then starting Xvfb on it raced (two tests on one display, each
# driving the other's kiosk).
kt_display() {
	local size=${1:-1920x1080} n=
	Xvfb -displayfd 5 -screen 0 "${size}x24" -nolisten tcp 5>"$T/display" >"$T/xvfb.log" 2>&1 &
	XVFB_PID=$!
	for _ in $(seq 100); do
		n=$(head -n 1 "$T/display" 2>/dev/null || true)
		[ -n "$n" ] && break
		kill -0 "$XVFB_PID" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$n" ] || kt_fail "Xvfb did not start: $(cat "$T/xvfb.log")"
	export DISPLAY=":$n"
}

# A fresh DB with an ADMIN (id 1, PIN 123456): a file in T, or a new database on the server named
# by AKSES_TEST_DB (tests/tools/testdb.sh).
kt_db() {
	rm -f "$T/akses.db" "$T/akses.db-wal" "$T/akses.db-shm"
	testdb_new "$T/akses.db"
	DB=$TESTDB
	AKSES_PIN=123456 "$AKSESCTL" --db "$DB" init --admin "Admin Satu" >/dev/null
}

# Start the kiosk windowed at WxH with the given extra arguments; wait for its first frame.
kt_kiosk() {
	local size=$1
	shift
	rm -f "$DUMP"
	AKSES_UI_DUMP=$DUMP "$KIOSK" --windowed --size "$size" "$@" >"$T/kiosk.log" 2>&1 &
	KIOSK_PID=$!
	kt_wait_screen '' 10
}

# The value of a "key value" line of the dump.
kt_get() {
	awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print; exit }' "$DUMP" 2>/dev/null || true
}

# Wait until the dump says screen NAME (any screen when NAME is empty).
kt_wait_screen() {
	local name=$1 secs=${2:-10} i
	for i in $(seq $((secs * 20))); do
		if [ -s "$DUMP" ]; then
			[ -z "$name" ] && return 0
			[ "$(kt_get screen)" = "$name" ] && return 0
		fi
		kill -0 "$KIOSK_PID" 2>/dev/null || kt_fail "the kiosk died"
		sleep 0.05
	done
	kt_fail "screen '$name' did not come (now: $(kt_get screen))"
}

# Wait until the dump has the line "KEY VALUE".
kt_wait_line() {
	local key=$1 value=$2 secs=${3:-10} i
	for i in $(seq $((secs * 20))); do
		[ "$(kt_get "$key")" = "$value" ] && return 0
		sleep 0.05
	done
	kt_fail "'$key $value' did not come (now: '$(kt_get "$key")')"
}

# Wait for the kiosk to draw a new frame after frame number $1, then until it stops drawing
# (a tap takes a press frame, a release frame and the redraw of what changed).
kt_settle() {
	local before=$1 f g
	for _ in $(seq 100); do
		f=$(kt_get frame)
		[ -n "$f" ] && [ "$f" -gt "$before" ] && break
		sleep 0.02
	done
	for _ in $(seq 40); do
		sleep 0.06
		g=$(kt_get frame)
		[ "$g" = "$f" ] && return 0
		f=$g
	done
}

# Tap the widget with this id (its centre), as a finger or mouse would.
kt_tap() {
	local id=$1 line x y w h before
	for _ in $(seq 100); do
		line=$(awk -v k="$id" '$1 == k { print; exit }' "$DUMP" 2>/dev/null || true)
		[ -n "$line" ] && break
		sleep 0.05
	done
	[ -n "$line" ] || kt_fail "no widget '$id' on screen $(kt_get screen)"
	read -r _ x y w h <<<"$line"
	before=$(kt_get frame)
	KT_TAPS=$((KT_TAPS + 1))
	xdotool mousemove $((x + w / 2)) $((y + h / 2)) click 1
	# every press and release draws a frame: none at all means X lost the click (a loaded
	# machine while the window comes up), so it is safe to click again
	for _ in 1 2; do
		for _ in $(seq 60); do
			[ "$(kt_get frame)" -gt "$before" ] 2>/dev/null && break 2
			sleep 0.05
		done
		xdotool click 1
	done
	kt_settle "$before"
}

# The keyboard key id for one character: key:a, key:U+0027 ...
kt_key_id() {
	local c=$1
	case "$c" in
	[a-z0-9]) echo "key:$c" ;;
	" ") echo "key:space" ;;
	*) printf 'key:U+%04X\n' "'$c" ;;
	esac
}

# Type text by tapping the on-screen keyboard, as a person looking at it would: shift only when
# the next letter's case differs from what the keyboard shows (it capitalises names by itself:
# the dump's "shift" line, where a screen gives one), accented letters on the accent page ("àé"
# key, which goes back to the letters by itself after one), everything else on the letters page.
kt_type() {
	local text=$1 i c lower upper id page shift
	for ((i = 0; i < ${#text}; i++)); do
		c=${text:i:1}
		lower=$(printf '%s' "$c" | sed 's/./\L&/')
		upper=$(printf '%s' "$c" | sed 's/./\U&/')
		page=0
		case "$c" in
		[A-Za-z0-9\ \'.,@\&/_-]) ;;
		*) page=1 ;;
		esac
		[ "$page" = 1 ] && kt_tap key:page
		if [ "$lower" != "$upper" ]; then
			shift=$(kt_get shift)
			[ -n "$shift" ] || shift=0
			if [ "$c" = "$upper" ] && [ "$shift" = 0 ]; then
				kt_tap key:shift
			elif [ "$c" = "$lower" ] && [ "$shift" = 1 ]; then
				kt_tap key:shift
			fi
		fi
		id=$(kt_key_id "$lower")
		kt_tap "$id"
	done
	return 0
}

# Screenshot of the whole display.
kt_shot() {
	import -window root "$1"
}

# aksesctl on the test DB.
kt_ctl() {
	"$AKSESCTL" --db "$DB" --lang en "$@"
}

# Staff for every role (after kt_db): ids in KADIS KABID KOORD TEKNIS HELPDESK, PIN 246800 each.
kt_staff() {
	local role name
	for role in KADIS KABID KOORDINATOR TIM_TEKNIS HELPDESK; do
		case $role in
		KADIS) name="Ibu Kadis" ;;
		KABID) name="Pak Kabid" ;;
		KOORDINATOR) name="Uda Koordinator" ;;
		TIM_TEKNIS) name="Rizky Teknisi" ;;
		HELPDESK) name="Sari Helpdesk" ;;
		esac
		id=$(AKSES_PIN=123456 AKSES_NEW_PIN=246800 kt_ctl staff add --as 1 --name "$name" \
			--role $role | tail -n 1)
		case $role in
		KADIS) KADIS=$id ;;
		KABID) KABID=$id ;;
		KOORDINATOR) KOORD=$id ;;
		TIM_TEKNIS) TEKNIS=$id ;;
		HELPDESK) HELPDESK=$id ;;
		esac
	done
}

# A request submitted through aksesctl (window 09:30-11:30 of the pinned day): NUMBER, RECEIPT.
kt_submit() {
	local out
	out=$(kt_ctl request submit --name "Nurul 'Aini" --nik 3171014506900001 \
		--institution "PT Data Andalas" --phone 081234567890 --category maintenance \
		--purpose "Ganti disk" --start "$DAY 09:30" --end "$DAY 11:30" "$@" --consent)
	NUMBER=$(printf '%s\n' "$out" | tail -n 1)
	RECEIPT=$(printf '%s\n' "$out" | grep -oE '\b[A-Z2-7]{32}\b' | head -n 1)
	[ -n "$NUMBER" ] && [ -n "$RECEIPT" ] || kt_fail "submit gave: $out"
}

# Steps 2-6 with aksesctl: the request ends RECORDED with TEKNIS as the escort. $1: the command
# that runs aksesctl (kt_ctl, or a station's own wrapper with its config).
kt_advance() {
	local ctl=${1:-kt_ctl}
	export AKSES_PIN=246800
	"$ctl" dispose "$NUMBER" --as "$KADIS" >/dev/null
	"$ctl" dispose "$NUMBER" --as "$KABID" >/dev/null
	"$ctl" verify "$NUMBER" --as "$KOORD" >/dev/null
	"$ctl" decide "$NUMBER" --as "$KABID" --approve >/dev/null
	"$ctl" assign "$NUMBER" --as "$KOORD" --escort "$TEKNIS" >/dev/null
	"$ctl" record "$NUMBER" --as "$HELPDESK" >/dev/null
	unset AKSES_PIN
}

# Type a code the way a USB scanner does: a fast burst ended by Enter.
kt_scan() {
	local before
	before=$(kt_get frame)
	# the code and its Enter ("\r" is typed as Return) from one xdotool: a second one, started
	# on a loaded machine, came later than the scanner's 150 ms hold after the last character
	# and the kiosk rightly took the burst for typing
	xdotool type --delay 5 "$1"$'\r'
	kt_settle "$before"
}

# Drag the content of scroll view $1 up with a finger (from left of its down button, 300 px up
# in steps): it moves, so its up button comes.
kt_drag_up() {
	local line x y w h before i
	line=$(awk -v k="$1:down" '$1 == k { print; exit }' "$DUMP")
	[ -n "$line" ] || kt_fail "$1 does not scroll"
	read -r _ x y w h <<<"$line"
	before=$(kt_get frame)
	x=$((x - 200))
	xdotool mousemove "$x" "$y" mousedown 1
	for i in 1 2 3 4 5 6; do xdotool mousemove "$x" $((y - 50 * i)); sleep 0.05; done
	xdotool mouseup 1
	kt_settle "$before"
	awk -v k="$1:up" '$1 == k { f = 1 } END { exit !f }' "$DUMP" || kt_fail "a drag did not scroll $1"
}

# Hold a finger on a widget for $2 seconds (the logo's discreet staff entry).
kt_longpress() {
	local id=$1 secs=${2:-2.5} line x y w h
	line=$(awk -v k="$id" '$1 == k { print; exit }' "$DUMP")
	[ -n "$line" ] || kt_fail "no widget '$id'"
	read -r _ x y w h <<<"$line"
	xdotool mousemove $((x + w / 2)) $((y + h / 2)) mousedown 1
	sleep "$secs"
	xdotool mouseup 1
	sleep 0.2
}

# Sign in on the sign-in screen's numeric pad.
kt_signin() {
	kt_wait_screen signin
	kt_tap field:staff
	kt_type "$1"
	kt_tap field:pin
	kt_type "$2"
	kt_tap signin
}

# Wait until the dump's KEY line has some value (a message after a slow step such as a PIN check).
kt_wait_set() {
	local key=$1 secs=${2:-10}
	for _ in $(seq $((secs * 20))); do
		[ -n "$(kt_get "$key")" ] && return 0
		sleep 0.05
	done
	kt_fail "no '$key' came"
}

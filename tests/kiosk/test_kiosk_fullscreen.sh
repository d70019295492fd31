#!/usr/bin/env bash
# test_kiosk_fullscreen.sh - fullscreen (no --windowed) on screens of any size, without a window
# manager, landscape and portrait: the window is exactly the screen (xwininfo), the logo, the
# ID/EN switch and the top bar's left edge are on it, and taps on them work where a person sees
# them. A window made at 1920x1080 was centred at (-320,-140) on a 1280x800 screen.
. "$(dirname "$0")/lib.sh"

# Where widget $1 is on the screen: "x y w h" (the dump's window coordinates moved by the
# window's place).
on_screen() {
	local line
	line=$(awk -v k="$1" '$1 == k { print; exit }' "$DUMP")
	[ -n "$line" ] || kt_fail "no widget '$1' at $SIZE"
	read -r _ x y w h <<<"$line"
	echo "$((x + WX)) $((y + WY)) $w $h"
}

for SIZE in 1280x800 1024x600 800x1280; do
	SW=${SIZE%x*}
	SH=${SIZE#*x}
	kt_display "$SIZE"
	kt_db
	rm -f "$DUMP"
	AKSES_UI_DUMP=$DUMP "$KIOSK" --db "$DB" --lang id >"$T/kiosk.log" 2>&1 &
	KIOSK_PID=$!
	kt_wait_screen welcome 15
	info=$(xwininfo -name Akses)
	WX=$(awk '/Absolute upper-left X/ { print $NF }' <<<"$info")
	WY=$(awk '/Absolute upper-left Y/ { print $NF }' <<<"$info")
	WW=$(awk '/^ *Width:/ { print $NF }' <<<"$info")
	WH=$(awk '/^ *Height:/ { print $NF }' <<<"$info")
	[ "$WX,$WY,${WW}x$WH" = "0,0,$SIZE" ] ||
		kt_fail "at $SIZE the window is ${WW}x$WH at ($WX,$WY), not the screen"
	[ "$(kt_get size)" = "$SW $SH" ] || kt_fail "at $SIZE the kiosk lays out for $(kt_get size)"
	for id in logo lang:id lang:en; do
		read -r x y w h <<<"$(on_screen "$id")"
		[ "$x" -ge 0 ] && [ "$y" -ge 0 ] && [ $((x + w)) -le "$SW" ] && [ $((y + h)) -le "$SH" ] ||
			kt_fail "at $SIZE '$id' is off the screen: $x $y ${w}x$h"
	done
	# the top bar starts at the screen's left edge: its blue at x = 1
	kt_shot "$T/welcome-$SIZE.png"
	px=$(convert "$T/welcome-$SIZE.png" -format '%[fx:int(255*p{1,20}.r)],%[fx:int(255*p{1,20}.g)],%[fx:int(255*p{1,20}.b)]' info:)
	[ "$px" = "0,84,166" ] || kt_fail "at $SIZE the screen's left edge is $px, not the top bar"
	# a person taps what they see: the EN key switches the language, the logo's long press
	# opens the staff sign-in
	kt_tap lang:en
	kt_wait_line lang en
	kt_longpress logo
	kt_wait_screen signin
	kt_shot "$T/signin-$SIZE.png"
	[ -n "${KT_KEEP:-}" ] && cp "$T"/*-"$SIZE".png "$KT_KEEP"/
	kill "$KIOSK_PID"
	wait "$KIOSK_PID" || true
	KIOSK_PID=
	kill "$XVFB_PID"
	wait "$XVFB_PID" 2>/dev/null || true
	XVFB_PID=
done
echo "PASS: fullscreen fills 1280x800, 1024x600 and 800x1280 with the logo and ID/EN on screen"

# clip_lib.sh - the clipping walks' shared steps (sourced after lib.sh): the longest texts, the
# check that the current screen drew every text whole, paging a scroll view, and one walk per
# language at 1920x1080 and 1280x800.

# The words repeated up to exactly N characters (no space at either end).
fill() {
	local n=$1 s=
	shift
	while [ ${#s} -lt "$n" ]; do s="$s$* "; done
	s=${s:0:n}
	while [ "${s: -1}" = " " ]; do s="${s:0:n-1}W"; done
	printf '%s' "$s"
}

# The longest texts the validators allow, of wide letters: a name of 100, an institution of 120,
# a purpose of 500, an equipment line of 118 (with its number, 120).
NAME=$(fill 100 Wahyu Wiwoho Wirawan Widjaja)
INST=$(fill 120 PT Wahana Widya Wisesa Mandiri Wiratama)
PURPOSE=$(fill 500 Mengganti modul memori dan WWW server yang rusak di rak W4 lalu menguji ulang)
EQUIP=$(fill 118 Workstation WW-4000 dengan monitor lebar dan kabel)

# The current screen drew every text whole; $1 names it for messages and the screenshot
# ($KT_KEEP/NAME-LANG-SIZE.png when KT_KEEP is set).
check() {
	local name=$1
	sleep 0.1
	[ "$(kt_get clips)" = 0 ] || kt_fail "$name: $(kt_get clips) texts clipped: $(grep 'ui: clipped' "$T/kiosk.log" | tail -5)"
	if [ -n "${KT_KEEP:-}" ]; then
		mkdir -p "$KT_KEEP"
		kt_shot "$KT_KEEP/$name-$LANG_-$SIZE.png"
	fi
}

# Page scroll view $1 down to its end with its button (bounded), checking each page as $2.
page_down() {
	local id=$1 name=$2 i
	for i in $(seq 15); do
		awk -v k="$id:down" '$1 == k { f = 1 } END { exit !f }' "$DUMP" || return 0
		kt_tap "$id:down"
		check "$name"
	done
}

# Tap widget $2 of scroll view $1, paging the view down with its button until $2 shows (bounded).
tap_in_view() {
	local view=$1 id=$2 i
	for i in $(seq 10); do
		awk -v k="$id" '$1 == k { f = 1 } END { exit !f }' "$DUMP" && break
		awk -v k="$view:down" '$1 == k { f = 1 } END { exit !f }' "$DUMP" || break
		kt_tap "$view:down"
	done
	kt_tap "$id"
}

# Scan a receipt on the welcome screen until its request shows (a burst slowed down by a loaded
# machine reads as typing: scan again, three times at most).
scan_receipt() {
	local i
	for i in 1 2 3; do
		kt_scan "$1"
		for _ in $(seq 60); do
			[ "$(kt_get found)" = 1 ] && return 0
			sleep 0.05
		done
		[ "$(kt_get screen)" = status ] && kt_tap finish
		kt_wait_screen welcome
	done
	kt_fail "the receipt $1 did not open its request"
}

# After a walk: no text was clipped in the whole run ($1 says where), and the kiosk is stopped.
clip_walk_end() {
	if grep -q 'ui: clipped' "$T/kiosk.log"; then
		grep 'ui: clipped' "$T/kiosk.log" >&2
		kt_fail "texts were clipped $1 at $SIZE in $LANG_"
	fi
	kill "$KIOSK_PID"
	wait "$KIOSK_PID" 2>/dev/null || true
	KIOSK_PID=
}

# Run the function walk in id and en at 1920x1080 (the display kt_display started), then at
# 1280x800 on a new display. KT_CLIP_SIZES / KT_CLIP_LANGS narrow it while fixing one case.
clip_each_size() {
	for SIZE in ${KT_CLIP_SIZES:-1920x1080 1280x800}; do
		if [ "$SIZE" != 1920x1080 ]; then
			kill "$XVFB_PID"
			wait "$XVFB_PID" 2>/dev/null || true
			kt_display "$SIZE"
		fi
		for LANG_ in ${KT_CLIP_LANGS:-id en}; do
			walk
		done
	done
}

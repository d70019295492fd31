#!/usr/bin/env bash
# test_kiosk_layout.sh - the layout at 1280x800 and 1920x1080: on every main screen each tappable
# widget lies inside the window, none overlaps another, and each is at least 15 mm tall (60 px at
# 1920x1080 on a 21.5" screen, scaled with the window). Screenshots go to $KT_KEEP when set.
. "$(dirname "$0")/lib.sh"

# Check the widgets of the current dump; $1 = name for messages and the screenshot.
check() {
	local name=$1 w h min
	w=${SIZE%x*}
	h=${SIZE#*x}
	min=$((60 * h / 1080))
	sleep 0.2
	awk -v W="$w" -v H="$h" -v MIN="$min" -v S="$name" '
		BEGIN { n = 0 }
		# widgets only: a marked text ("ID X Y W H text") has a sixth field
		NF == 5 && $2 ~ /^-?[0-9]+$/ && $1 != "size" {
			id[n] = $1; x[n] = $2; y[n] = $3; ww[n] = $4; hh[n] = $5; n++
		}
		END {
			bad = 0
			for (i = 0; i < n; i++) {
				if (x[i] < 0 || y[i] < 0 || x[i] + ww[i] > W || y[i] + hh[i] > H) {
					printf "%s: %s outside the window\n", S, id[i]; bad = 1
				}
				if (hh[i] < MIN) { printf "%s: %s only %d px tall\n", S, id[i], hh[i]; bad = 1 }
				for (j = 0; j < i; j++)
					if (x[i] < x[j] + ww[j] && x[j] < x[i] + ww[i] &&
					    y[i] < y[j] + hh[j] && y[j] < y[i] + hh[i]) {
						printf "%s: %s overlaps %s\n", S, id[i], id[j]; bad = 1
					}
			}
			if (n < 3) { printf "%s: only %d widgets\n", S, n; bad = 1 }
			exit bad
		}' "$DUMP" || kt_fail "layout of $name at $SIZE"
	kt_shot "$T/$name-$SIZE.png"
}

for SIZE in 1280x800 1920x1080; do
	kt_display "$SIZE"
	kt_db
	kt_kiosk "$SIZE" --db "$DB" --lang id
	kt_wait_screen welcome
	check welcome
	kt_tap welcome:submit
	kt_wait_line step identity
	check submit-identity
	kt_tap field:nik
	check submit-nik
	kt_tap field:name
	kt_type "Ni Luh Putu Ayu"
	kt_tap field:nik
	kt_type 5171014506900001
	kt_tap next
	kt_wait_line step contact
	check submit-contact
	kt_type "Universitas Andalas"
	kt_tap field:phone
	kt_type 081234567890
	kt_tap next
	kt_wait_line step purpose
	check submit-purpose
	kt_tap purpose:3
	kt_type "Studi banding"
	kt_tap next
	kt_wait_line step time
	check submit-time
	kt_tap next
	kt_wait_line step companions
	kt_tap comp:add
	check submit-companions
	kt_tap comp:remove
	kt_tap next
	kt_tap next
	kt_wait_line step review
	check submit-review
	kt_tap next
	kt_wait_line step consent
	check submit-consent
	kt_tap back
	kt_tap back
	kt_tap back
	kt_tap back
	kt_tap back
	kt_tap back
	kt_tap back
	kt_tap back
	kt_wait_screen welcome
	kt_tap welcome:status
	kt_wait_screen status
	check status-lookup
	kt_tap lang:en
	kt_wait_line lang en
	check status-lookup-en
	kill "$KIOSK_PID"
	wait "$KIOSK_PID" 2>/dev/null || true
	KIOSK_PID=
	kill "$XVFB_PID"
	wait "$XVFB_PID" 2>/dev/null || true
	XVFB_PID=
done
[ -n "${KT_KEEP:-}" ] && cp "$T"/*.png "$KT_KEEP"/ 2>/dev/null
echo PASS

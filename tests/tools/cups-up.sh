#!/bin/sh
# cups-up.sh - make sure a real CUPS scheduler runs with an enabled, accepting cups-pdf queue "PDF",
# then print the folder where that queue writes its PDFs. Idempotent; safe to run concurrently.
# Usage: tests/tools/cups-up.sh [-q]   (-q: print only the PDF folder on stdout)
# Exit 0 when all is ready, 1 with a one-line reason on stderr otherwise.
set -u

QUEUE=PDF
PPD=lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
PPD_FILE=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
CONF=/etc/cups/cups-pdf.conf
LOCK=/tmp/akses-cups-up.lock
quiet=0
[ "${1:-}" = "-q" ] && quiet=1

say() { [ "$quiet" -eq 1 ] || echo "cups-up: $*" >&2; }
die() { echo "cups-up: $*" >&2; exit 1; }

command -v cupsd >/dev/null 2>&1 || die "cupsd not installed (package cups)"
command -v lpadmin >/dev/null 2>&1 || die "lpadmin not installed (package cups-client)"

# Serialize: several test scripts (printer, kiosk) may call this at once.
exec 9>"$LOCK"
if command -v flock >/dev/null 2>&1; then
	flock -w 60 9 || die "timed out waiting for $LOCK"
fi

running() { lpstat -r 2>/dev/null | grep -q "is running"; }

# 1. The scheduler. There is no init system here: start cupsd ourselves (it daemonizes).
if ! running; then
	say "starting cupsd"
	cupsd || die "cupsd failed to start (see /var/log/cups/error_log)"
	i=0
	while ! running; do
		i=$((i + 1))
		[ "$i" -gt 100 ] && die "cupsd did not come up within 10 s"
		sleep 0.1
	done
fi

# 2. The cups-pdf queue: create it if missing (the package may have been installed while cupsd was
#    down, or a test deleted it), then enable it and make it accept jobs.
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
	[ -r "$PPD_FILE" ] || die "cups-pdf PPD missing ($PPD_FILE): install printer-driver-cups-pdf"
	say "creating queue $QUEUE"
	lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$PPD" || die "lpadmin could not create $QUEUE"
fi
cupsenable "$QUEUE" || die "cupsenable $QUEUE failed"
cupsaccept "$QUEUE" || die "cupsaccept $QUEUE failed"
# Errors should not leave the queue stopped for the next test: retry the job instead. And convert
# PDF to PostScript with poppler's pdftops, not Ghostscript: cups-filters' default renderer turns
# the text into outlines, so pdftotext could no longer read the printed page back.
lpadmin -p "$QUEUE" -o printer-error-policy=retry-job -o pdftops-renderer-default=pdftops \
	>/dev/null 2>&1 || true

i=0
until lpstat -p "$QUEUE" 2>/dev/null | grep -q "enabled" &&
	lpstat -a "$QUEUE" 2>/dev/null | grep -q "accepting"; do
	i=$((i + 1))
	[ "$i" -gt 50 ] && die "queue $QUEUE is not enabled and accepting after 5 s"
	sleep 0.1
done

# 3. Where cups-pdf writes: the Out setting (default ${HOME}/PDF of the submitting user).
out=$(sed -n 's/^[[:space:]]*Out[[:space:]]\{1,\}//p' "$CONF" 2>/dev/null | tail -n 1)
[ -n "$out" ] || out='${HOME}/PDF'
user=$(id -un)
home=$(getent passwd "$user" | cut -d: -f6)
[ -n "$home" ] || home=${HOME:-/root}
dir=$(printf '%s\n' "$out" | sed -e "s|\${HOME}|$home|g" -e "s|\${USER}|$user|g")
mkdir -p "$dir" 2>/dev/null || true
say "scheduler running, queue $QUEUE enabled and accepting; PDFs land in:"
echo "$dir"
exit 0

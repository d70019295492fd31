#!/usr/bin/env bash
# bench_web.sh - the console's inbox over HTTPS under 20 concurrent signed-in clients, against
# libmicrohttpd serving a page of the same byte size with the same TLS setup and cert
# (bench_web_floor), in the same run. The shipped akses-web and aksesctl (real clock) on a fresh DB
# (tests/ctl/lib.sh's staff of every role) with REQUESTS requests waiting for the Kadis, whose
# inbox is the page; tests/web/lib.sh makes the cert and starts akses-web on a free port.
# Usage: tests/bench/bench_web.sh [BUILD_DIR] [CLIENTS] [REQS_PER_CLIENT] [REQUESTS]
#        (defaults: build 20 100 20). Reports; exits non-zero only when it could not run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
clients=${2:-20} reqs=${3:-100} requests=${4:-20}
for b in aksesctl akses-web bench_web_floor; do
	[[ -x $build/bin/$b ]] || { echo "bench_web.sh: $build/bin/$b not built" >&2; exit 1; }
done
export AKSESCTL=$build/bin/aksesctl AKSES_WEB=$build/bin/akses-web
export AKSES_LOCALEDIR=$build/locale
. "$here/../web/lib.sh"

setup_staff >/dev/null
# requests for tomorrow (the shipped programs keep the real clock), each waiting at step 2
day=$(date -d tomorrow +%F)
for ((i = 0; i < requests; i++)); do
	ctl request submit --name "Pemohon Nomor $i" --nik "31710545019$(printf '%05d' $((i + 1)))" \
		--institution 'PT Maju Jaya' --phone '0812-3456-7890' --email "p$i@example.co.id" \
		--category maintenance --purpose 'Ganti hard disk server aplikasi' \
		--start "$day 10:00" --end "$day 12:00" --equipment 'Laptop' --consent >/dev/null ||
		fail "submit $i"
done
web_start
/usr/bin/python3 "$here/bench_web.py" "$URL" "$KADIS" "${PIN[$KADIS]}" "$build/bin/bench_web_floor" \
	"$WORK/akses-web.crt" "$WORK/akses-web.key" "$clients" "$reqs"

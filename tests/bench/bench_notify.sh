#!/usr/bin/env bash
# bench_notify.sh - step committed -> mail accepted by the local SMTP server, over EVENTS events,
# with the shipped akses-notify running in its loop ([notify] poll = POLL s), against one plain mail
# sent by Python's smtplib to the same server in the same run (bench_notify.py). A fresh DB with
# tests/ctl/lib.sh's staff (no staff addresses: each request submitted is one event, the
# applicant's mail). Usage: tests/bench/bench_notify.sh [BUILD_DIR] [EVENTS] [POLL]
#        (defaults: build 50 1). Reports; exits non-zero only when it could not run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build}" && pwd)
events=${2:-50} poll=${3:-1}
for b in aksesctl akses-notify; do
	[[ -x $build/bin/$b ]] || { echo "bench_notify.sh: $build/bin/$b not built" >&2; exit 1; }
done
export AKSESCTL=$build/bin/aksesctl AKSES_LOCALEDIR=$build/locale
. "$here/../ctl/lib.sh"
setup_staff >/dev/null
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$WORK/akses.ini" <<INI
[web]
url = https://akses.lan:8443/
[notify]
smtp_url = smtp://127.0.0.1:$port
tls = none
sender = akses@dinas.example
smtp_timeout = 5
poll = $poll
INI
/usr/bin/python3 "$here/bench_notify.py" "$AKSESCTL" "$build/bin/akses-notify" "$WORK/akses.ini" \
	"$port" "$poll" "$events"

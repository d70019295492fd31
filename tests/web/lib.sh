# tests/web/lib.sh - what the akses-web end-to-end scripts share, on top of tests/ctl/lib.sh (a
# fresh DB with staff of every role: a SQLite file, or a database on the test server when
# AKSES_TEST_DB is set): a certificate from `aksesctl web cert`, the test build of akses-web
# started on a free port with its clock in a file the test moves, and stopping it.
# Needs $AKSESCTL and $AKSES_WEB (set by CTest).
: "${AKSES_WEB:?AKSES_WEB must name the akses-web binary}"
. "$(dirname "${BASH_SOURCE[0]}")/../ctl/lib.sh"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WEB_PID=''
export AKSES_NOW_FILE="$WORK/now"

# now 'YYYY-MM-DD HH:MM': move the clock of aksesctl and of the running akses-web alike.
now() {
	at "$1"
	echo "$1" >"$AKSES_NOW_FILE"
}

# web_fixture: staff of every role (their ids exported for web.py) and one request REQ submitted
# at 08:00 for 10:00-12:00 (tests/ctl/lib.sh's submit).
web_fixture() {
	setup_staff
	export KADIS KABID KOORD TEKNIS HELPDESK
	now '2026-11-29 08:00'
	submit
	export REQ
}

# web_start: a cert for 127.0.0.1, a config naming it and a free port, akses-web started on the
# current $AKSES_DB; sets URL once it answers (bounded: 100 tries).
web_start() {
	[[ -f $WORK/akses-web.crt ]] || "$AKSESCTL" web cert --out "$WORK" --cn 127.0.0.1 >/dev/null ||
		fail "aksesctl web cert"
	local port
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	cat >"$WORK/web.ini" <<INI
[web]
listen = 127.0.0.1
port = $port
cert = $WORK/akses-web.crt
key = $WORK/akses-web.key
url = https://127.0.0.1:$port
INI
	"$AKSES_WEB" --config "$WORK/web.ini" 2>"$WORK/web.log" &
	WEB_PID=$!
	URL="https://127.0.0.1:$port"
	local i
	for ((i = 0; i < 100; i++)); do
		curl -sk -o /dev/null "$URL/signin" && return 0
		kill -0 "$WEB_PID" 2>/dev/null || fail "akses-web exited: $(cat "$WORK/web.log")"
		sleep 0.1
	done
	fail "akses-web does not answer on $URL"
}

# web_stop: stop the akses-web this script started (its pid only).
web_stop() {
	[[ -n $WEB_PID ]] || return 0
	kill "$WEB_PID" 2>/dev/null || true
	wait "$WEB_PID" 2>/dev/null || true
	WEB_PID=''
}
trap 'web_stop; testdb_drop_all; rm -rf "$WORK"' EXIT

# webpy SCENARIO ARGS...: run a scenario of web.py against $URL, with Debian's python3 (its
# python3-selenium drives Debian's chromium-driver; a python of one's own may lack selenium).
webpy() {
	/usr/bin/python3 "$HERE/web.py" "$@"
}

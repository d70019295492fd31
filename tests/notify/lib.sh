# tests/notify/lib.sh - what the akses-notify end-to-end scripts share, on top of tests/ctl/lib.sh
# (fresh DB, staff of every role, the aksesctl walk): a real SMTP server (smtp_sink.py, aiosmtpd)
# started and stopped on a port of its own, a notify_command that keeps each event's JSON, a config
# pointing akses-notify at both, and readers of what arrived. Needs $AKSES_NOTIFY (CTest sets it).

: "${AKSES_NOTIFY:?AKSES_NOTIFY must name the akses-notify binary}"
. "$(dirname "${BASH_SOURCE[0]}")/../ctl/lib.sh"
PY=/usr/bin/python3 # Debian's, which has python3-aiosmtpd
SINK_PID=''
MAILS=$WORK/mails
EVENTS=$WORK/events
mkdir -p "$MAILS" "$EVENTS"
trap 'sink_stop; rm -rf "$WORK"' EXIT

# a port nobody listens on, chosen by the kernel (the sink binds it a moment later)
PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# The command: each event's stdin kept as events/<n>.json; exits 1 while $WORK/cmd_fails exists.
cat >"$WORK/cmd.sh" <<CMD
#!/bin/bash
n=\$(ls "$EVENTS" | wc -l)
cat >"$EVENTS/\$((n + 1)).json"
[ ! -e "$WORK/cmd_fails" ]
CMD
chmod +x "$WORK/cmd.sh"

cat >"$WORK/akses.ini" <<INI
[web]
url = https://akses.lan:8443/
[notify]
smtp_url = smtp://127.0.0.1:$PORT
tls = none
sender = akses@dinas.example
smtp_timeout = 5
notify_command = $WORK/cmd.sh
command_timeout = 5
INI
export AKSES_CONFIG=$WORK/akses.ini

# sink_start: the SMTP server up and accepting (waits for its ready file, at most 10 s).
sink_start() {
	rm -f "$MAILS/ready"
	$PY "$(dirname "${BASH_SOURCE[0]}")/smtp_sink.py" "$PORT" "$MAILS" 2>"$WORK/sink.log" &
	SINK_PID=$!
	local i
	for ((i = 0; i < 100; i++)); do
		[[ -e $MAILS/ready ]] && return 0
		sleep 0.1
	done
	fail "the SMTP server did not start: $(cat "$WORK/sink.log")"
}

# sink_stop: the SMTP server gone (nothing listens on the port any more).
sink_stop() {
	[[ -n $SINK_PID ]] || return 0
	kill "$SINK_PID" 2>/dev/null || true
	wait "$SINK_PID" 2>/dev/null || true
	SINK_PID=''
}

# notify_once: one round of the test build's akses-notify; its summary line in $WORK/notify.out.
notify_once() {
	"$AKSES_NOTIFY" --once --lang en >"$WORK/notify.out" 2>"$WORK/notify.err" ||
		fail "akses-notify --once failed: $(cat "$WORK/notify.out" "$WORK/notify.err")"
}

# n_mails: how many messages the SMTP server accepted so far.
n_mails() {
	find "$MAILS" -name '*.eml' | wc -l
}

# mails_to ADDRESS: how many accepted messages had ADDRESS as an envelope recipient.
mails_to() {
	grep -l -x -F "X-Rcpt: $1"$'\r' "$MAILS"/*.eml 2>/dev/null | wc -l
}

# subjects: the decoded subject of every message, one a line, sorted.
subjects() {
	$PY - "$MAILS" <<'PYS'
import email, email.header, glob, sys
for name in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    m = email.message_from_binary_file(open(name, "rb"))
    print(str(email.header.make_header(email.header.decode_header(m["Subject"]))))
PYS
}

# n_events: how many events the notify_command received.
n_events() {
	find "$EVENTS" -name '*.json' | wc -l
}

#!/bin/sh
# pg-standby.sh - make a streaming-replication standby of a running test server (pg-up.sh's) with
# pg_basebackup -R, on its own port and folder, start it and wait until it answers.
# Usage: tests/tools/pg-standby.sh PRIMARY_PORT
# Env: AKSES_PG_PORT (the standby's port), AKSES_PG_DIR (its folder, /tmp/akses-pg-$AKSES_PG_PORT),
#      AKSES_PG_BIN. Stop and remove it with pg-down.sh under the same AKSES_PG_PORT/AKSES_PG_DIR.
# Exit 0 when the standby answers, 1 with a one-line reason.
set -u

PRIMARY=${1:?usage: pg-standby.sh PRIMARY_PORT}
PORT=${AKSES_PG_PORT:?AKSES_PG_PORT: the standby port}
DIR=${AKSES_PG_DIR:-/tmp/akses-pg-$PORT}
BIN=${AKSES_PG_BIN:-/usr/lib/postgresql/15/bin}

die() { echo "pg-standby: $*" >&2; exit 1; }

# PostgreSQL refuses to run as root: as root, run its programs as the package's user "postgres".
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		su postgres -s /bin/sh -c "$1"
	else
		sh -c "$1"
	fi
}

[ -f "$DIR/data/PG_VERSION" ] && die "$DIR already holds a server"
rm -rf "$DIR"
mkdir -p "$DIR" || die "cannot make $DIR"
chmod 0700 "$DIR"
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
# -R writes primary_conninfo and standby.signal; -X stream keeps the WAL of the copy itself
as_pg "'$BIN/pg_basebackup' -h 127.0.0.1 -p '$PRIMARY' -U postgres -D '$DIR/data' -R -X stream \
	-c fast >'$DIR/basebackup.log' 2>&1" || die "pg_basebackup failed (see $DIR/basebackup.log)"
# the copy has the primary's port and socket folder: the later lines win
cat >>"$DIR/data/postgresql.conf" <<CONF
port = $PORT
unix_socket_directories = '$DIR'
synchronous_standby_names = ''
CONF
as_pg "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -t 60 start" >/dev/null 2>&1 ||
	die "pg_ctl start failed (see $DIR/log)"
i=0
until "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; do
	i=$((i + 1))
	[ "$i" -gt 300 ] && die "standby on port $PORT did not answer within 30 s"
	sleep 0.1
done
exit 0

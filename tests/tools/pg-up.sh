#!/bin/sh
# pg-up.sh - make sure a throwaway PostgreSQL 15 server runs for the tests (initdb into a folder of
# its own, its own port, 127.0.0.1 and a socket in that folder, trust auth), then print its URI.
# Idempotent: a running server is left as it is, a stopped one (its data kept) is started again.
# Usage: tests/tools/pg-up.sh [-q]     (-q: print only the URI on stdout)
# Env: AKSES_PG_PORT (25432), AKSES_PG_DIR (/tmp/akses-pg-$AKSES_PG_PORT), AKSES_PG_BIN
#      (/usr/lib/postgresql/15/bin). The URI is also written to $AKSES_PG_DIR/uri.
# Exit 0 when the server answers and the database "akses" exists, 1 with a one-line reason.
set -u

PORT=${AKSES_PG_PORT:-25432}
DIR=${AKSES_PG_DIR:-/tmp/akses-pg-$PORT}
BIN=${AKSES_PG_BIN:-/usr/lib/postgresql/15/bin}
quiet=0
[ "${1:-}" = "-q" ] && quiet=1

say() { [ "$quiet" -eq 1 ] || echo "pg-up: $*" >&2; }
die() { echo "pg-up: $*" >&2; exit 1; }

[ -x "$BIN/initdb" ] || die "no $BIN/initdb (package postgresql-15)"

# PostgreSQL refuses to run as root: as root, run its programs as the package's user "postgres".
# (fd 9, the lock, is not handed on: the server would hold it for as long as it runs)
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		su postgres -s /bin/sh -c "$1" 9>&-
	else
		sh -c "$1" 9>&-
	fi
}

# Serialize: several CTest fixtures or scripts may ask at once.
mkdir -p "$(dirname "$DIR")"
exec 9>"$DIR.lock"
if command -v flock >/dev/null 2>&1; then
	flock -w 120 9 || die "timed out waiting for $DIR.lock"
fi

if [ ! -f "$DIR/data/PG_VERSION" ]; then
	say "initdb into $DIR/data"
	rm -rf "$DIR"
	mkdir -p "$DIR" || die "cannot make $DIR"
	chmod 0700 "$DIR"
	[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
	as_pg "'$BIN/initdb' -D '$DIR/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >'$DIR/initdb.log' 2>&1" ||
		die "initdb failed (see $DIR/initdb.log)"
	# a test server: durable (fsync stays on, the fault tests rely on it), small, quiet; a
	# standby may stream from it (wal_level replica is the default; allow replication over TCP)
	cat >>"$DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
max_connections = 100
shared_buffers = 32MB
log_min_messages = warning
CONF
	echo "host replication all 127.0.0.1/32 trust" >>"$DIR/data/pg_hba.conf"
fi

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; }
if ! as_pg "'$BIN/pg_ctl' -D '$DIR/data' status" >/dev/null 2>&1; then
	say "starting on 127.0.0.1:$PORT"
	as_pg "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -t 60 start" >/dev/null 2>&1 ||
		die "pg_ctl start failed (see $DIR/log)"
fi
i=0
until ready; do
	i=$((i + 1))
	[ "$i" -gt 300 ] && die "server on port $PORT did not answer within 30 s"
	sleep 0.1
done

PSQL="$BIN/psql -X -q -h 127.0.0.1 -p $PORT -U postgres"
if [ "$($PSQL -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'akses'")" != 1 ]; then
	$PSQL -d postgres -c "CREATE DATABASE akses" >/dev/null || die "cannot create database akses"
fi

URI="postgresql://postgres@127.0.0.1:$PORT/akses"
echo "$URI" >"$DIR/uri.new" && mv "$DIR/uri.new" "$DIR/uri"
say "server running; URI:"
echo "$URI"
exit 0

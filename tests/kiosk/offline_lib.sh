# tests/kiosk/offline_lib.sh - a PostgreSQL server of the test's own (tests/tools/pg-up.sh on a
# port and folder no other test uses) that the test can stop (--keep: data kept) and start again:
# the station's server going away and coming back. Sourced after lib.sh.
# Sets URI; OFF_PORT/OFF_DIR. The EXIT trap removes the server with the kiosk and Xvfb.

OFF_TOOLS=$(cd "$(dirname "${BASH_SOURCE[0]}")/../tools" && pwd)
# derived from the build's fixture port (20000-37998, even; core.test_db_pg takes port + 1 for
# its own server) but above every fixture's: ours alone; the two offline tests share it one at a
# time (RESOURCE_LOCK in CMakeLists.txt). A test that sets OFF_PORT_SHIFT (an even number) before
# sourcing this gets a server of its own that far above it (the frozen door: 2), and no lock.
OFF_PORT=$((${AKSES_PG_PORT:-25432} + 18001 + ${OFF_PORT_SHIFT:-0}))
OFF_DIR=/tmp/akses-pg-offline-$OFF_PORT
off_pg() { AKSES_PG_PORT=$OFF_PORT AKSES_PG_DIR=$OFF_DIR sh "$OFF_TOOLS/$1" "${@:2}"; }
off_cleanup() {
	kt_cleanup
	off_pg pg-down.sh >/dev/null 2>&1 || true
}
trap off_cleanup EXIT

off_pg pg-down.sh >/dev/null 2>&1 || true # a folder left by a killed run
URI=$(off_pg pg-up.sh -q) || kt_fail "no test server"
off_sql() { psql -X -q -At -F '|' -v ON_ERROR_STOP=1 "$URI" -c "$1"; }
# stop the server, keeping its data, as a station sees a server or network going away
off_down() { off_pg pg-down.sh --keep || kt_fail "pg-down"; }
off_up() { off_pg pg-up.sh -q >/dev/null || kt_fail "pg-up"; }
# the audit key of a server store is "<database>.key" in the working folder: one for all here
cd "$T"

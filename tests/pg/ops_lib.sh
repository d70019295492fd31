# tests/pg/ops_lib.sh - what the PostgreSQL operations tests (ops_*.sh) share: tests/ctl/lib.sh's
# helpers and a fresh database on the fixture's server. Sourced after `set -euo pipefail`. Needs
# $AKSESCTL and $AKSES_PG_PORT (set by CTest) and $AKSES_PG_TOOLS (tests/tools).
. "$(dirname "${BASH_SOURCE[0]}")/../ctl/lib.sh"
. "${AKSES_PG_TOOLS:?}/testdb.sh"
export AKSES_TEST_DB="host=127.0.0.1 port=${AKSES_PG_PORT:?} user=postgres"
trap 'testdb_drop_all; rm -rf "$WORK"' EXIT
# the server's audit key is "<database>.key" in the working folder: keep it in WORK
cd "$WORK"

# tables DB: the store's tables of DB (a SQLite file or a server's conninfo), one a line, sorted.
tables() {
	case "$1" in
	*dbname=*) testdb_sql "$1" "SELECT tablename FROM pg_tables WHERE schemaname = 'public'
		AND tablename <> 'schema_version' ORDER BY 1" ;;
	*) sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' ORDER BY 1" ;;
	esac
}

# counts DB: "table rows" for every table of DB, sorted by table.
counts() {
	local t
	for t in $(tables "$1"); do
		echo "$t $(testdb_sql "$1" "SELECT count(*) FROM $t")"
	done
}

# a_visit: on $AKSES_DB, one request taken to RECORDED and scanned in and out at the door, one
# more submitted, so every kind of row (staff, signin, request, step, pass, scan, audit) exists.
a_visit() {
	setup_staff
	submit
	local first=$REQ token
	to_recorded "$first"
	submit
	token=$(as "$HELPDESK" pass list "$first" --tokens | grep -oE '[A-Z2-7]{32}' | head -n 1)
	[[ -n $token ]] || fail "no pass token for $first"
	at '2026-11-29 10:05'
	as "$TEKNIS" scan "$token" --station DOOR >/dev/null || fail "the scan of $first failed"
}

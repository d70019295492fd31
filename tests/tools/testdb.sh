# tests/tools/testdb.sh - the database a shell test runs on, on either backend. Sourced by the test
# libraries (tests/ctl/lib.sh, tests/kiosk/lib.sh, tests/reliability/lib.sh).
#
# AKSES_TEST_DB unset: the test runs on a SQLite file, as it always did.
# AKSES_TEST_DB set to a libpq conninfo of a server (the "pg" label's runs set it to the fixture's
# server, e.g. "host=127.0.0.1 port=20000 user=postgres"): each testdb_new makes a fresh, empty
# database there, and testdb_drop_all (called from the test's EXIT trap) drops them again.
#
#   testdb_new PATH     sets TESTDB to the --db target to use: PATH itself (SQLite), or a conninfo
#                       naming a new database on the server (its name made from PATH's base name
#                       and the pid). Not in a $(...): the list of databases to drop is kept here.
#   testdb_copy SRC PATH
#                       sets TESTDB to a copy of the store SRC (a testdb_new target, which nothing
#                       may hold open on a server: PostgreSQL copies a database only as a template
#                       no one is connected to), its audit key copied beside it: PATH itself, or a
#                       new database named from PATH as testdb_new names it. Not in a $(...) either.
#   testdb_sql DB SQL   runs SQL on DB (either kind of target) and prints its rows as sqlite3's
#                       default list mode does: columns joined by '|', one row a line, no header
#   testdb_on_server    true when the tests run on a server
#   testdb_drop_all     drops every database testdb_new made in this shell (idempotent)
#
# The SQL given to testdb_sql must be what both engines speak (the store's own SQL is written the
# same way): no PRAGMA, no sqlite_master, no rowid.

TESTDB_MADE=()

testdb_on_server() {
	[ -n "${AKSES_TEST_DB:-}" ]
}

# testdb_name PATH: the name of the next database made for PATH (its base name and the pid).
testdb_name() {
	local base
	base=$(basename "$1")
	base=${base%%.*}
	printf 't_%s_%s_%s' "$base" "$$" "${#TESTDB_MADE[@]}" | tr -c 'a-zA-Z0-9_\n' '_'
}

# testdb_create NAME [TEMPLATE]: a new database NAME on the server (a copy of TEMPLATE if given),
# listed for testdb_drop_all; sets TESTDB to its conninfo.
testdb_create() {
	local name=$1 from=${2:+ TEMPLATE $2}
	psql -X -q -v ON_ERROR_STOP=1 "$AKSES_TEST_DB dbname=postgres" \
		-c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name$from" >/dev/null ||
		{ echo "testdb: cannot create database $name$from on $AKSES_TEST_DB" >&2; return 1; }
	TESTDB_MADE+=("$name")
	TESTDB="$AKSES_TEST_DB dbname=$name"
}

testdb_new() {
	if ! testdb_on_server; then
		TESTDB=$1
		return 0
	fi
	testdb_create "$(testdb_name "$1")"
}

# The audit key goes with the copy: a SQLite store keeps it in "<file>.key", a server store in
# "<database>.key" in the working folder (where the tests run).
testdb_copy() {
	local src=$1 to=$2
	if ! testdb_on_server; then
		sqlite3 -batch "$src" ".backup '$to'" || { echo "testdb: cannot copy $src to $to" >&2; return 1; }
		[[ ! -e $src.key ]] || cp -p "$src.key" "$to.key"
		TESTDB=$to
		return 0
	fi
	local from=${src##*dbname=} name
	name=$(testdb_name "$to")
	testdb_create "$name" "$from" || return 1
	[[ ! -e $from.key ]] || cp -p "$from.key" "$name.key"
}

testdb_sql() {
	local target=$1
	shift
	case "$target" in
	postgres://* | postgresql://* | *dbname=* | *host=*)
		psql -X -q -At -F '|' -v ON_ERROR_STOP=1 "$target" -c "$*"
		;;
	*)
		sqlite3 "$target" "$*"
		;;
	esac
}

testdb_drop_all() {
	testdb_on_server || return 0
	local name
	for name in "${TESTDB_MADE[@]}"; do
		psql -X -q "$AKSES_TEST_DB dbname=postgres" \
			-c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
	done
	TESTDB_MADE=()
}

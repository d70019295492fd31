# tests/ctl/db_lib.sh - reading the test DB $AKSES_DB on either backend (tests/tools/testdb.sh):
# one query, a dump, a snapshot without a sign-in's traces. No side effects: sourced by lib.sh, and
# run alone by tests/web/web.py (bash -c '. db_lib.sh; snapshot') to read the DB the same way.
. "$(dirname "${BASH_SOURCE[0]}")/../tools/testdb.sh"

# sql QUERY: one query against the test DB, rows on stdout.
sql() {
	testdb_sql "$AKSES_DB" "$1"
}

# db_made [DB]: DB (default the test DB) holds a store: the SQLite file exists, the server's
# database has tables (testdb_new made it empty).
db_made() {
	local db=${1:-$AKSES_DB}
	if testdb_on_server; then
		[[ -n $(testdb_sql "$db" "SELECT 1 FROM information_schema.tables
			WHERE table_schema = 'public' LIMIT 1") ]]
	else
		[[ -e $db ]]
	fi
}

# sql_hex EXPR: the SQL that gives the BLOB EXPR as lower-case hex (no function of both engines
# does: SQLite has hex(), PostgreSQL encode()).
sql_hex() {
	if testdb_on_server; then echo "encode($1, 'hex')"; else echo "lower(hex($1))"; fi
}

# columns TABLE: the names of TABLE's columns in their order, comma-separated.
columns() {
	if testdb_on_server; then
		sql "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'
			AND table_name = '$1' ORDER BY ordinal_position" | paste -sd,
	else
		sql "SELECT name FROM pragma_table_info('$1')" | paste -sd,
	fi
}

# dump_except [TABLE...]: every row of every table but the TABLEs named: on a server in one
# fixed order (its rows have none) and through one connection, as a dump is taken before and
# after each refused command.
dump_except() {
	local t skip
	if testdb_on_server; then
		skip=$(printf ",'%s'" "$@")
		psql -X -q -v ON_ERROR_STOP=1 "$AKSES_DB" <<<"SELECT format('COPY (SELECT * FROM %I x
			ORDER BY x::text) TO STDOUT', table_name) FROM information_schema.tables
			WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
			AND table_name NOT IN (''$skip) ORDER BY table_name \gexec"
	else
		skip=" $* "
		for t in $(sql "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
			[[ $skip == *" $t "* ]] || sqlite3 -batch "$AKSES_DB" ".dump $t"
		done
	fi
}

# dump: the DB's whole SQL dump, for before/after comparisons.
dump() {
	if testdb_on_server; then
		dump_except
	else
		sqlite3 -batch "$AKSES_DB" .dump
	fi
}

# snapshot [SKIP_TABLE...]: the DB without the traces a sign-in legitimately leaves: signin rows,
# "signin"/"signin-failed" audit rows, and the staff PIN counters. Tables named are left out whole.
snapshot() {
	dump_except signin audit staff "$@"
	[[ " $* " == *" audit "* ]] ||
		sql "SELECT * FROM audit WHERE action NOT IN ('signin', 'signin-failed') ORDER BY id"
	[[ " $* " == *" staff "* ]] ||
		sql "SELECT id, name, role, active, pin_hash, created_at FROM staff ORDER BY id"
}

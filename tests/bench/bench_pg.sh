#!/bin/bash
# bench_pg.sh - run a benchmark program on fresh databases of a PostgreSQL server: make N empty
# databases, hand their conninfos to the program as its first N arguments, drop them after.
# usage: tests/bench/bench_pg.sh SERVER_CONNINFO N PROGRAM [ARGS...]
#   SERVER_CONNINFO: e.g. "host=127.0.0.1 port=25432 user=postgres" (no dbname; tests/tools/pg-up.sh
#   starts such a server). Exit status: the program's.
set -u
if [ $# -lt 3 ]; then
	echo "usage: bench_pg.sh SERVER_CONNINFO N PROGRAM [ARGS...]" >&2
	exit 2
fi
server=$1 n=$2
shift 2
prog=$1
shift
made=()
drop() {
	local d
	for d in "${made[@]}"; do
		psql -X -q "$server dbname=postgres" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" \
			>/dev/null 2>&1 || true
	done
}
trap drop EXIT
targets=()
for ((i = 0; i < n; i++)); do
	d="bench_$$_$i"
	psql -X -q -v ON_ERROR_STOP=1 "$server dbname=postgres" -c "CREATE DATABASE $d" >/dev/null ||
		{ echo "bench_pg: cannot create database $d on $server" >&2; exit 1; }
	made+=("$d")
	targets+=("$server dbname=$d")
done
"$prog" "${targets[@]}" "$@"

#!/bin/bash
# bench_smoke.sh - each benchmark of issue 11 run once at a tiny size, so they keep compiling and
# running: bench_scan, bench_doors and bench_year must each report their figures (a benchmark
# reports and never asserts a budget; this checks only that it ran and said what it measured).
# usage: tests/bench/bench_smoke.sh BIN_DIR [SERVER_CONNINFO]
#   without a server: on SQLite files in a scratch folder; with one: on fresh databases there.
set -u
bin=$1
server=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "${TMPDIR:-/tmp}" # CTest names a folder of the build, which a fresh build lacks
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-smoke.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # NAME PATTERN COUNT FILE: the output has COUNT lines matching PATTERN
	local got
	got=$(grep -cE "$2" "$4")
	if [ "$got" -ne "$3" ]; then
		echo "FAIL: $1 printed $got lines matching '$2', not $3:" >&2
		cat "$4" >&2
		fail=1
	else
		echo "ok: $1"
	fi
}
run() { # OUT NDB PROGRAM ARGS...: on NDB fresh targets (files, or databases on the server)
	local out=$1 ndb=$2 prog=$3
	shift 3
	if [ -n "$server" ]; then
		"$here/bench_pg.sh" "$server" "$ndb" "$bin/$prog" "$@" >"$out" 2>&1
	else
		local targets=()
		case "$prog" in
		bench_scan) targets=("$tmp") ;;
		*) for ((i = 0; i < ndb; i++)); do targets+=("$tmp/$prog-$i.db"); done ;;
		esac
		"$bin/$prog" "${targets[@]}" "$@" >"$out" 2>&1
	fi || { echo "FAIL: $prog exited $?" >&2; cat "$out" >&2; fail=1; }
}
num='[0-9]+\.[0-9]+'

run "$tmp/scan.out" 1 bench_scan 10
check bench_scan "ratio \(median scan / median commit\) $num +budget <= 2.00 +(within|OVER)" 1 "$tmp/scan.out"
check bench_scan "ratio \(p99 scan / p99 commit\) $num" 1 "$tmp/scan.out"

run "$tmp/doors.out" 1 bench_doors 4 1 1 2
check bench_doors "^ +[12] stations +$num scans/s total .* worst station p99 +$num ms" 2 "$tmp/doors.out"

run "$tmp/year.out" 2 bench_year 365 2
check bench_year "day +$num us .* year +$num us .* = +$num+x +(within|OVER)" 9 "$tmp/year.out"
check bench_year "audit verify on the year: intact" 1 "$tmp/year.out"
exit $fail

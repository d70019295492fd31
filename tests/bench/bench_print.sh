#!/bin/sh
# bench_print.sh - the "print pass" budget through a real cupsd: starts the scheduler and the
# cups-pdf queue with tests/tools/cups-up.sh, then runs bench_print (paper_print of a badge,
# wait=false, against `lp -d PDF` of a rendered badge, median of 10, side by side).
# Usage: tests/bench/bench_print.sh [BUILD_DIR]   (default: build; BUILD_DIR/bin/bench_print)
# Reports; exits non-zero only when the benchmark could not run.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
bin="$build/bin/bench_print"
[ -x "$bin" ] || { echo "bench_print.sh: $bin not built (cmake --build $build --target bench_print)" >&2; exit 1; }
"$here/../tools/cups-up.sh" -q >/dev/null || exit 1
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-print-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
"$bin" PDF "$work" 10

#!/usr/bin/env bash
# tests/fuzz/smoke.sh [BUILD_DIR] - build the libFuzzer harnesses with clang (-DAKSES_FUZZ=ON, only
# the fuzz targets) and fuzz each for FUZZ_SECONDS (default 20) from its seed corpus. A crash,
# sanitizer report or broken invariant fails the run and leaves the input under BUILD_DIR/fuzz-run.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build-fuzz}
secs=${FUZZ_SECONDS:-20}
harnesses=(fuzz_valid fuzz_clock fuzz_config fuzz_scanner fuzz_store_scan)

cmake -S "$src" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DAKSES_FUZZ=ON \
  -DAKSES_BUILD_KIOSK=OFF >/dev/null
cmake --build "$build" -j2 --target "${harnesses[@]}"

export TZ=Asia/Jakarta AKSES_TEST_TMP="$build/tmp"
mkdir -p "$AKSES_TEST_TMP"
for h in "${harnesses[@]}"; do
  work="$build/fuzz-run/$h"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  # new inputs go to the scratch corpus (first directory); the checked-in seeds are only read
  if ! "$build/fuzz/$h" -max_total_time="$secs" -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" "$src/tests/fuzz/corpus/$h" \
    >"$work/log" 2>&1; then
    tail -n 60 "$work/log"
    echo "fuzz smoke: $h FAILED; the input is in $work/artifacts/" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  echo "fuzz smoke: $h ok, $runs runs in ${secs} s"
done

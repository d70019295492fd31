#!/usr/bin/env bash
# readme_walk.sh - the SOP walk in README.md, pasted into a shell as a reader would, must run to
# step 12: ENTRY and EXIT at the door, the request CLOSED at last step 12, the audit chain whole.
set -euo pipefail
: "${AKSESCTL:?}" "${AKSES_README:?}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the walk runs from the repository's root, where the programs are in build/bin
mkdir -p "$tmp/build"
ln -s "$(dirname "$AKSESCTL")" "$tmp/build/bin"
sed -n '/^<!-- walk -->$/,/^<!-- \/walk -->$/p' "$AKSES_README" | grep -v -e '^<!--' -e '^```' > "$tmp/walk.sh"
[ "$(wc -l < "$tmp/walk.sh")" -gt 20 ] || { echo "README walk not found"; exit 1; }

# TZ stays the machine's: the walk's dates come from date(1) in the same zone
out=$(cd "$tmp" && env -u AKSES_DB -u AKSES_PIN bash -e walk.sh 2>&1) || {
  echo "$out"; echo "FAIL: the README walk stopped"; exit 1; }
echo "$out"

grep -q '^ENTRY ' <<<"$out" || { echo "FAIL: no ENTRY"; exit 1; }
grep -q '^EXIT ' <<<"$out" || { echo "FAIL: no EXIT"; exit 1; }
row=$(sqlite3 "$tmp/walk.db" "SELECT state || ' ' || last_step FROM request")
[ "$row" = "CLOSED 12" ] || { echo "FAIL: request is '$row', want 'CLOSED 12'"; exit 1; }
echo "PASS: README walk ends CLOSED at step 12"

#!/usr/bin/env bash
# demo_db.sh - the quick start's demo DB (.ci/demo-db, run by .ci/kiosk): the first ADMIN and one
# account per SOP role, each signing in with PIN 123456; a second run leaves an existing DB alone.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
src=$(dirname "${AKSES_README:?}")

out=$(bash "$src/.ci/demo-db" "$AKSESCTL" "$AKSES_DB") || fail "demo-db failed: $out"
for role in ADMIN KADIS KABID KOORDINATOR TIM_TEKNIS HELPDESK; do
	grep -q "$role" <<<"$out" || fail "no $role account in: $out"
done
[[ $(stat -c %a "$AKSES_DB") == 600 ]] || fail "demo DB mode $(stat -c %a "$AKSES_DB")"
for id in 1 2 3 4 5 6; do
	AKSES_PIN=123456 "$AKSESCTL" --lang en inbox --as "$id" >/dev/null || fail "staff $id cannot sign in with 123456"
done
sum=$(md5sum <"$AKSES_DB")
bash "$src/.ci/demo-db" "$AKSESCTL" "$AKSES_DB" 2>/dev/null >/dev/null || fail "second run failed"
[[ $(md5sum <"$AKSES_DB") == "$sum" ]] || fail "a second run changed the DB"
echo "PASS: demo DB with one account per role, PIN 123456"

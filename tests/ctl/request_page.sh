#!/usr/bin/env bash
# request_page.sh - `aksesctl request list` a page at a time (issue 11: a year of requests must not
# be listed whole): 50 rows by default, newest first, --page and --per-page, the total in text and
# JSON, a state's pages, a page past the end, and bad page options refused in one line.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
# 53 requests, one a minute from 07:00, so their order is the order of submission
for i in $(seq 1 53); do
	at "$(printf '2026-11-29 07:%02d' $((i - 1)))"
	submit
	[[ $REQ == "$(printf 'AKS-20261129-%05d' "$i")" ]] || fail "request $i is numbered $REQ"
done
at '2026-11-29 08:00'

# numbers: the request numbers of a text list, in the order printed
numbers() {
	grep -o '^AKS-[0-9-]*' || true
}

# the default page: the 50 newest, newest first, and which page of how many
out=$(as "$KOORD" request list)
got=$(numbers <<<"$out")
(($(wc -l <<<"$got") == 50)) || fail "the default page holds $(wc -l <<<"$got") rows, not 50"
[[ $(head -n 1 <<<"$got") == AKS-20261129-00053 ]] || fail "newest is not first: $(head -n 1 <<<"$got")"
[[ $(tail -n 1 <<<"$got") == AKS-20261129-00004 ]] || fail "page 1 ends at $(tail -n 1 <<<"$got")"
grep -qx 'Page 1 of 2, 53 requests in all.' <<<"$out" || fail "no page line: $(tail -n 2 <<<"$out")"

# the rest on page 2, still newest first
got=$(as "$KOORD" request list --page 2 | numbers | tr '\n' ' ')
[[ $got == 'AKS-20261129-00003 AKS-20261129-00002 AKS-20261129-00001 ' ]] ||
	fail "page 2 is '$got'"

# pages of 20: page 3 holds the 13 oldest
out=$(as "$KOORD" request list --per-page 20 --page 3)
got=$(numbers <<<"$out")
(($(wc -l <<<"$got") == 13)) || fail "page 3 of 20 holds $(wc -l <<<"$got") rows"
[[ $(head -n 1 <<<"$got") == AKS-20261129-00013 ]] || fail "page 3 of 20 starts at $(head -n 1 <<<"$got")"
grep -qx 'Page 3 of 3, 53 requests in all.' <<<"$out" || fail "page line: $(tail -n 1 <<<"$out")"

# JSON: the page, its size, the pages, the total and the page's rows
json=$(as "$KOORD" --json request list --per-page 5 --page 2)
python3 - "$json" <<'PY' || fail "request list --json: $json"
import json, sys
o = json.loads(sys.argv[1])
assert (o["page"], o["per_page"], o["pages"], o["total"]) == (2, 5, 11, 53), o
got = [r["number"] for r in o["requests"]]
assert got == ["AKS-20261129-%05d" % n for n in range(48, 43, -1)], got
PY

# a state's pages count that state only
for n in 00007 00011; do
	as "$KOORD" request cancel "AKS-20261129-$n" --reason 'Jadwal bentrok' >/dev/null
done
out=$(as "$KOORD" request list --state CANCELLED --per-page 1)
[[ $(numbers <<<"$out") == AKS-20261129-00011 ]] || fail "first cancelled page: $out"
grep -qx 'Page 1 of 2, 2 requests in all.' <<<"$out" || fail "cancelled page line: $out"

# past the end: nothing, but still the total
out=$(as "$KOORD" request list --page 9)
grep -qx 'Nothing to show.' <<<"$out" || fail "page 9 is not empty: $out"
grep -qx 'Page 9 of 2, 53 requests in all.' <<<"$out" || fail "page 9 line: $out"

# bad page options: one line, before any sign-in
expect_fail 2 'from 1' as "$KOORD" request list --page 0
expect_fail 2 "'x'" as "$KOORD" request list --page x
expect_fail 2 '1 to 1000' as "$KOORD" request list --per-page 1001
expect_fail 2 '1 to 1000' as "$KOORD" request list --per-page -5
echo "request_page: ok"

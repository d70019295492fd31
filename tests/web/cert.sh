#!/usr/bin/env bash
# cert.sh - `aksesctl web cert` makes a self-signed pair akses-web serves with: a key of mode 0600,
# a certificate for the name asked (as an IP or DNS alternative name), never overwriting a pair.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=$(ctl web cert --out "$WORK" --cn 127.0.0.1)
grep -q "agency's own" <<<"$out" || fail "no word on installing the agency's own: $out"
[[ $(stat -c %a "$WORK/akses-web.key") == 600 ]] || fail "key mode $(stat -c %a "$WORK/akses-web.key")"
openssl x509 -in "$WORK/akses-web.crt" -noout -ext subjectAltName | grep -q 'IP Address:127.0.0.1' ||
	fail "no IP alternative name"
openssl x509 -in "$WORK/akses-web.crt" -noout -checkend 86400 >/dev/null || fail "expires at once"
openssl pkey -in "$WORK/akses-web.key" -noout || fail "the key does not read"
# the pair is never overwritten
sum=$(sha256sum "$WORK/akses-web.key")
expect_fail 1 'exists already' ctl web cert --out "$WORK"
[[ $(sha256sum "$WORK/akses-web.key") == "$sum" ]] || fail "the key was overwritten"
expect_fail 2 '--cn' ctl web cert --out "$WORK/x" --cn 'bad name/'
expect_fail 1 'nothing was written' ctl web cert --out "$WORK/no/such/dir"
mkdir "$WORK/dns"
ctl web cert --out "$WORK/dns" --cn akses.diskominfo.local >/dev/null
openssl x509 -in "$WORK/dns/akses-web.crt" -noout -ext subjectAltName | grep -q 'DNS:akses.diskominfo.local' ||
	fail "no DNS alternative name"

# akses-web serves HTTPS with it (and only HTTPS), with its headers
setup_staff
web_start
hdr=$(curl -sk -D - -o /dev/null "$URL/signin")
for h in 'Content-Security-Policy: default-src' 'Strict-Transport-Security' \
	'X-Content-Type-Options: nosniff' 'Referrer-Policy: no-referrer' "frame-ancestors 'none'"; do
	grep -qi "$h" <<<"$hdr" || fail "no $h: $hdr"
done
curl -s --cacert "$WORK/akses-web.crt" -o /dev/null "$URL/signin" || fail "the cert does not verify"
! curl -s -o /dev/null "http://${URL#https://}/signin" || fail "plain HTTP answered"
# a missing key: one clear line, no server
web_stop
rm "$WORK/akses-web.key"
rc=0
"$AKSES_WEB" --config "$WORK/web.ini" 2>"$WORK/err" || rc=$?
((rc == 1)) || fail "akses-web without a key exited $rc"
[[ $(wc -l <"$WORK/err") == 1 ]] && grep -q 'aksesctl web cert' "$WORK/err" || fail "$(cat "$WORK/err")"
echo "cert: ok"

#!/usr/bin/env bash
# ops_readme_stations.sh - README.md's "Several stations" block, pasted into a shell as a reader
# would, on a server of its own that checks passwords (scram-sha-256 for the two roles the block
# makes): the block's commands exactly as written, but for its first line, which names the
# server (db1.dinas.local there, this test's server here). Then: the stations' configs reach the
# server through their passfile and nothing else, the station role cannot rewrite the audit
# trail, and a password in the URI is refused with one line.
set -euo pipefail
: "${AKSESCTL:?}" "${AKSES_README:?}" "${AKSES_PG_PORT:?}" "${AKSES_PG_TOOLS:?}"
export LC_ALL=C.UTF-8
unset AKSES_DB AKSES_PIN AKSES_CONFIG AKSES_NOW PGPASSFILE

# a server of its own: the block makes roles (cluster-wide) and the database "akses"; the port
# follows the fixture's, so two builds do not meet
port=$((40000 + (AKSES_PG_PORT - 20000) / 2))
export AKSES_PG_PORT=$port AKSES_PG_DIR=/tmp/akses-pg-readme-$port
tmp=$(mktemp -d)
cleanup() {
	sh "$AKSES_PG_TOOLS/pg-down.sh" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
sh "$AKSES_PG_TOOLS/pg-down.sh" >/dev/null 2>&1 || true # what a killed run left
sh "$AKSES_PG_TOOLS/pg-up.sh" -q >/dev/null || { echo "FAIL: no server on $port"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
# the two roles must give their password over TCP; the superuser stays trusted (as on a server
# where the administrator runs psql through sudo -u postgres)
hba=$AKSES_PG_DIR/data/pg_hba.conf
as_pg "sed -i '1i host all akses_owner,akses_station 127.0.0.1/32 scram-sha-256' '$hba'"
as_pg "/usr/lib/postgresql/15/bin/pg_ctl -D '$AKSES_PG_DIR/data' reload" >/dev/null
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'DROP DATABASE IF EXISTS akses' ||
	fail "cannot drop pg-up's database"

sed -n '/^<!-- stations -->$/,/^<!-- \/stations -->$/p' "$AKSES_README" |
	grep -v -e '^<!--' -e '^```' >"$tmp/stations.sh"
[ "$(wc -l <"$tmp/stations.sh")" -gt 20 ] || fail "README stations block not found"
first='export PGHOST=db1.dinas.local PGPORT=5432   # the server (psql and libpq read these two)'
[ "$(head -n 1 "$tmp/stations.sh")" = "$first" ] || fail "the block's first line changed: update this test"
sed -i "1s/.*/export PGHOST=127.0.0.1 PGPORT=$port/" "$tmp/stations.sh"
mkdir -p "$tmp/bin"
ln -s "$AKSESCTL" "$tmp/bin/aksesctl"
out=$(cd "$tmp" && env HOME="$tmp" PATH="$tmp/bin:$PATH" bash -e stations.sh 2>&1) || {
	echo "$out"
	fail "the README block stopped"
}
echo "$out"
grep -q "Admin" <<<"$out" || fail "the staff list does not show the ADMIN"

# the station's passfile is what let it in: without it the server asks for a password
cd "$tmp"
grep -v '^passfile' HELPDESK.ini >nopass.ini
AKSES_PIN=123456 "$AKSESCTL" --lang en --config nopass.ini staff list --as 1 >/dev/null 2>err &&
	fail "a station without its passfile got in"
grep -qi "password" err || fail "no password complaint: $(cat err)"
# every station's config works, as akses_station through its passfile (aksesctl counts its own
# sign-ins per local user; the kiosks record theirs under [station] name)
before=$(psql -X -At -h 127.0.0.1 -p "$port" -U postgres -d akses -c "SELECT count(*) FROM signin")
for st in RECEPTION DOOR HELPDESK; do
	AKSES_PIN=123456 "$AKSESCTL" --lang en --config "$st.ini" inside --as 1 >/dev/null ||
		fail "station $st cannot work"
done
got=$(psql -X -At -h 127.0.0.1 -p "$port" -U postgres -d akses -c "SELECT count(*) FROM signin")
[ "$got" = $((before + 3)) ] || fail "three sign-ins should be recorded, not $((got - before))"
# the station role cannot rewrite the audit trail
PGPASSFILE=station.pgpass psql -X -q -h 127.0.0.1 -p "$port" -U akses_station -d akses \
	-c "UPDATE audit SET detail = 'x'" 2>/dev/null && fail "akses_station updated the audit trail"
# backup and restore through the owner's passfile, handed to pg_dump and pg_restore: the server
# checks the password of both (a backup reads every table and sequence: the owner runs it)
cat >owner.ini <<INI
[store]
db = postgresql://akses_owner@127.0.0.1:$port/akses
passfile = $tmp/owner.pgpass
audit_key = $tmp/akses.key
INI
AKSES_PIN=123456 "$AKSESCTL" --lang en --config owner.ini audit backup "$tmp/b.dump" --as 1 ||
	fail "the owner's backup failed"
psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'CREATE DATABASE akses2 OWNER akses_owner'
echo "127.0.0.1:$port:akses2:akses_owner:owner-s3cret" >>owner.pgpass
cp -p akses.key akses2.key
"$AKSESCTL" --lang en --db "postgresql://akses_owner@127.0.0.1:$port/akses2" --config owner.ini \
	audit restore "$tmp/b.dump" || fail "the owner's restore failed"
grep -v '^passfile' owner.ini >owner-nopass.ini
AKSES_PIN=123456 "$AKSESCTL" --lang en --config owner-nopass.ini audit backup "$tmp/c.dump" --as 1 \
	2>/dev/null && fail "a backup without the passfile got in"

# a password in the server's address: one line that says where it belongs, nothing connected
sed 's|akses_station@|akses_station:station-s3cret@|' HELPDESK.ini >inline.ini
rc=0
AKSES_PIN=123456 "$AKSESCTL" --lang en --config inline.ini staff list --as 1 >/dev/null 2>err || rc=$?
[ "$rc" = 1 ] && [ "$(wc -l <err)" = 1 ] && grep -q "put the password in the passfile" err ||
	fail "a password in the URI: exit $rc, $(cat err)"
grep -q "s3cret" err && fail "the refusal echoes the password: $(cat err)"
# the other programs read the same config the same way, and refuse it alike
for prog in "akses-notify --once" akses-web; do
	# shellcheck disable=SC2086 # the program and its option
	timeout 30 "$(dirname "$AKSESCTL")"/$prog --config inline.ini >/dev/null 2>err && fail "$prog accepted it"
	grep -q "passfile" err || fail "$prog said: $(cat err)"
	grep -q "s3cret" err && fail "$prog echoes the password: $(cat err)"
done
AKSES_PIN=123456 "$AKSESCTL" --lang id --config inline.ini staff list --as 1 >/dev/null 2>err && fail "id: accepted"
grep -q "passfile" err && grep -q "kata sandi" err || fail "no Indonesian message: $(cat err)"
echo "PASS: the README's several-stations setup runs as written; the passfile, the station role and the password refusal hold"

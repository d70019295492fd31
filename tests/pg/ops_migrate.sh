#!/usr/bin/env bash
# ops_migrate.sh - `aksesctl migrate-sqlite FILE --db SERVER`: a SQLite deployment (the quick
# start's demo DB plus a visit) moved into an empty PostgreSQL database: per table its rows
# copied, counts equal, the audit key carried over, audit verify whole, and the SOP goes on there
# (a request disposed, a new one numbered after the old). A second migrate is refused with one
# line, and a source whose audit chain does not verify leaves the server empty.
set -euo pipefail
. "$(dirname "$0")/ops_lib.sh"
src=$(dirname "${AKSES_README:?}")

# the SQLite deployment: the demo DB (.ci/demo-db: staff 1-6, PIN 123456), then a visit
bash "$src/.ci/demo-db" "$AKSESCTL" "$AKSES_DB" >/dev/null
setup_staff() { # lib.sh's accounts, added to the demo's by its ADMIN (id 1)
	ADMIN=1
	PIN[1]=123456
	add_staff KADIS 'Drs. Kadis Kepala' 222222; KADIS=$REPLY
	add_staff KABID 'Ir. Kabid Aptika' 333333; KABID=$REPLY
	add_staff KOORDINATOR 'Koordinator Helpdesk' 444444; KOORD=$REPLY
	add_staff TIM_TEKNIS 'Teknisi Satu' 555555; TEKNIS=$REPLY
	add_staff HELPDESK 'Petugas Helpdesk' 666666; HELPDESK=$REPLY
}
a_visit
FILE=$AKSES_DB
want=$(counts "$FILE")

testdb_new "$WORK/mig"
PG=$TESTDB
key="${PG##*dbname=}.key"
out=$(ctl --db "$PG" migrate-sqlite "$FILE") || fail "migrate-sqlite failed: $out"
echo "$out"
for t in $(tables "$FILE"); do
	n=$(sqlite3 "$FILE" "SELECT count(*) FROM $t")
	grep -Eq "^$t +$n rows copied$" <<<"$out" || fail "no '$t $n rows copied' line"
done
grep -q "^Audit trail intact: $(sqlite3 "$FILE" 'SELECT count(*) FROM audit') rows verified.$" <<<"$out" ||
	fail "no whole audit trail in: $out"
grep -qF "The audit key was written to $key" <<<"$out" || fail "the output does not say where the key went"
cmp -s "$FILE.key" "$key" || fail "the server's key file is not the SQLite deployment's key"
[[ $(stat -c %a "$key") == 600 ]] || fail "key mode $(stat -c %a "$key")"
got=$(counts "$PG")
[[ $got == "$want" ]] || fail "counts differ: SQLite $want, server $got"
out=$(ctl --db "$PG" audit verify) || fail "audit verify on the server: $out"
grep -q "^Audit trail intact" <<<"$out" || fail "verify said: $out"

# the SOP goes on there: the waiting request disposed, a new one numbered after the old
export AKSES_DB=$PG
at '2026-11-29 10:30'
waiting=$(testdb_sql "$PG" "SELECT number FROM request WHERE state = 'SUBMITTED'")
[[ -n $waiting ]] || fail "no submitted request on the server"
as "$KADIS" dispose "$waiting" >/dev/null || fail "dispose on the migrated server failed"
[[ $(testdb_sql "$PG" "SELECT last_step FROM request WHERE number = '$waiting'") == 2 ]] ||
	fail "the dispose did not move $waiting to step 2"
max=$(sqlite3 "$FILE" "SELECT max(id) FROM audit")
[[ $(testdb_sql "$PG" "SELECT min(id) FROM audit WHERE id > $max") == $((max + 1)) ]] ||
	fail "new audit rows do not follow the copied ids"
out=$(ctl audit verify) || fail "audit verify after a step: $out"

# a second migrate into the same server: one line, nothing changed
before=$(counts "$PG")
expect_fail 1 "already has data" "$AKSESCTL" --lang en --db "$PG" migrate-sqlite "$FILE"
[[ $(counts "$PG") == "$before" ]] || fail "a refused migrate changed the server"

# a source whose chain is broken (a row edited behind the store's back): rolled back, no key left
cp "$FILE" "$WORK/bad.db"
cp -p "$FILE.key" "$WORK/bad.db.key"
sqlite3 "$WORK/bad.db" "DROP TRIGGER IF EXISTS audit_no_update;
	UPDATE audit SET detail = 'edited' WHERE id = 3"
testdb_new "$WORK/bad"
BAD=$TESTDB
expect_fail 1 "audit row 3" "$AKSESCTL" --lang en --db "$BAD" migrate-sqlite "$WORK/bad.db"
[[ -z $(counts "$BAD" | awk '$2 != 0') ]] || fail "a refused migrate left rows: $(counts "$BAD")"
[[ ! -e ${BAD##*dbname=}.key ]] || fail "a refused migrate left its key file"
# a key file already at the server's key path that is another deployment's: refused, that file
# and the server untouched
echo 111111 | "$AKSESCTL" --lang en --db "$WORK/other.db" init --admin Other >/dev/null
testdb_new "$WORK/keyed"
KEYED=$TESTDB
cp -p "$WORK/other.db.key" "${KEYED##*dbname=}.key"
expect_fail 1 "is not the key of" "$AKSESCTL" --lang en --db "$KEYED" migrate-sqlite "$FILE"
cmp -s "$WORK/other.db.key" "${KEYED##*dbname=}.key" || fail "the server's own key file was touched"
[[ -z $(counts "$KEYED" | awk '$2 != 0') ]] || fail "a refused migrate left rows: $(counts "$KEYED")"
# not a server, not a file
expect_fail 2 "PostgreSQL server" "$AKSESCTL" --lang en --db "$WORK/other.db" migrate-sqlite "$FILE"
expect_fail 1 "no-such.db" "$AKSESCTL" --lang en --db "$BAD" migrate-sqlite "$WORK/no-such.db"
echo "PASS: migrate-sqlite copied every table (counts equal), carried the key, audit whole, the SOP goes on; a second migrate, another key and a broken chain refused"

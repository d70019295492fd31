#!/usr/bin/env bash
# ops_backup.sh - `aksesctl audit backup` on a PostgreSQL server (pg_dump's custom format, ADMIN
# only, a new 0600 file) and `aksesctl audit restore` into a fresh database: every table's count
# equal and the audit trail whole; a restore into a database with data, and of a truncated
# backup, refused with one line and nothing restored.
set -euo pipefail
. "$(dirname "$0")/ops_lib.sh"

testdb_new "$WORK/src"
SRC=$TESTDB
export AKSES_DB=$SRC
a_visit

# only an ADMIN backs up; the file is new, private, and nothing is left beside it
expect_fail 1 "role" as "$HELPDESK" audit backup "$WORK/b.dump"
[[ ! -e $WORK/b.dump && ! -e $WORK/b.dump.tmp ]] || fail "a refused backup left a file"
out=$(as "$ADMIN" audit backup "$WORK/b.dump") || fail "backup failed"
grep -q "pg_dump, custom format" <<<"$out" || fail "backup said: $out"
[[ $(stat -c %a "$WORK/b.dump") == 600 ]] || fail "backup mode $(stat -c %a "$WORK/b.dump")"
[[ ! -e $WORK/b.dump.tmp ]] || fail "b.dump.tmp left behind"
[[ $(head -c 5 "$WORK/b.dump") == PGDMP ]] || fail "not pg_dump's custom format"
want=$(counts "$SRC") # before anything more signs in there
rows=$(testdb_sql "$SRC" "SELECT count(*) FROM audit")
expect_fail 1 "already exists" as "$ADMIN" audit backup "$WORK/b.dump"

# restore into a fresh database; its audit key is "<database>.key" here: the same key
testdb_new "$WORK/dst"
DST=$TESTDB
cp -p "${SRC##*dbname=}.key" "${DST##*dbname=}.key"
out=$(AKSES_DB=$DST ctl audit restore "$WORK/b.dump") || fail "restore failed"
echo "$out"
grep -q "audit trail is intact" <<<"$out" || fail "restore said: $out"
got=$(counts "$DST")
[[ $got == "$want" ]] || fail "counts differ: source $want, restored $got"
grep -q "^request 2$" <<<"$got" || fail "the restored DB lacks the two requests: $got"
grep -q "^scan 1$" <<<"$got" || fail "the restored DB lacks the scan: $got"
out=$(AKSES_DB=$DST ctl audit verify) || fail "audit verify on the restored DB: $out"
[[ $out == "Audit trail intact: $rows rows verified." ]] || fail "verify said: $out"
# the restored DB works: a new request there gets the next id, not one of the old ones
at '2026-11-29 10:10'
REQ=$(AKSES_DB=$DST ctl request submit --name 'Budi Santoso' --nik 3171054501900003 \
	--institution 'PT Maju Jaya' --phone '0812-3456-7890' --category maintenance \
	--purpose 'Cek UPS' --start '2026-11-29 11:00' --end '2026-11-29 12:00' --consent | last_line)
[[ $(testdb_sql "$DST" "SELECT count(*) FROM request") == 3 ]] || fail "no new request ($REQ)"

# a database that has data is refused, and nothing in it changes
before=$(counts "$DST")
expect_fail 1 "not empty" env AKSES_DB="$DST" "$AKSESCTL" --lang en audit restore "$WORK/b.dump"
[[ $(counts "$DST") == "$before" ]] || fail "a refused restore changed the database"

# a truncated backup: one line, and the empty database stays empty. Cut by 40 bytes, its table
# of contents still reads (pg_restore --list) and the restore fails in the last table's data,
# after every table was made: only the one transaction leaves nothing behind
size=$(stat -c %s "$WORK/b.dump")
head -c $((size - 40)) "$WORK/b.dump" >"$WORK/cut.dump"
pg_restore --list "$WORK/cut.dump" >/dev/null || fail "the cut file should still list"
testdb_new "$WORK/cut"
CUT=$TESTDB
expect_fail 1 "nothing was restored" env AKSES_DB="$CUT" "$AKSESCTL" --lang en audit restore "$WORK/cut.dump"
[[ -z $(tables "$CUT") ]] || fail "a truncated backup left tables: $(tables "$CUT")"
# cut to two thirds, or to its first 100 bytes: not a whole backup, refused before the restore
for keep in $((size * 2 / 3)) 100; do
	head -c "$keep" "$WORK/b.dump" >"$WORK/head.dump"
	expect_fail 1 "not a backup" env AKSES_DB="$CUT" "$AKSESCTL" --lang en audit restore "$WORK/head.dump"
	[[ -z $(tables "$CUT") ]] || fail "a backup cut to $keep bytes left tables"
done

# in Indonesian too, and a SQLite target is told what a SQLite backup is
AKSES_DB=$CUT "$AKSESCTL" --lang id audit restore "$WORK/head.dump" 2>"$WORK/err" && fail "id: restored"
grep -q "bukan cadangan" "$WORK/err" || fail "no Indonesian message: $(cat "$WORK/err")"
expect_fail 1 "PostgreSQL server" env AKSES_DB="$WORK/x.db" "$AKSESCTL" --lang en audit restore "$WORK/b.dump"
echo "PASS: pg_dump backup by ADMIN, restore into an empty DB with equal counts and a whole audit trail; a full DB and truncated backups refused, nothing restored"

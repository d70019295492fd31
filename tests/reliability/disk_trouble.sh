#!/usr/bin/env bash
# disk_trouble.sh - what aksesctl does when the DB file cannot be used: a read-only file or
# folder, a missing folder, a full disk, garbage, a truncated DB, a DB from a newer Akses. Each time:
# one line on stderr that says which, exit 1, no crash, and the file left as it was. And the DB
# (with its -wal, -shm and backups) is created 0600 even under umask 0.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

# Permissions do not stop root: the read-only cases run as nobody, in folders nobody owns.
NOBODY=(setpriv --reuid=65534 --regid=65534 --clear-groups)
chmod 755 "$WORK"

# A request submission (no sign-in) against the DB at $1; the rest of the arguments go first.
submit_to() {
	local db=$1
	shift
	"$@" "$AKSESCTL" --lang en --db "$db" request submit --name 'Nurul Aini' \
		--nik 3171054501900003 --institution 'PT Maju Jaya' --phone '0812-3456-7890' \
		--purpose 'Ganti hard disk' --start '2026-11-29 10:00' --end '2026-11-29 12:00' \
		--consent </dev/null
}

# ---- created 0600 even with umask 0: the file, its -wal and -shm while open, and a backup
(
	umask 0
	echo 111111 | "$AKSESCTL" --lang en init --admin 'Ana Admin' >/dev/null
	AKSES_PIN=111111 ctl audit backup "$WORK/backup.db" --as 1 >/dev/null
)
[[ $(stat -c %a "$AKSES_DB") == 600 ]] || fail "DB created $(stat -c %a "$AKSES_DB") under umask 0"
[[ $(stat -c %a "$WORK/backup.db") == 600 ]] || fail "backup created $(stat -c %a "$WORK/backup.db")"
# -wal and -shm exist while a connection is open: hold one with the sqlite3 shell for a moment
(
	umask 0
	sqlite3 "$AKSES_DB" "BEGIN; SELECT count(*) FROM staff;" ".shell stat -c '%n %a' $AKSES_DB-wal $AKSES_DB-shm" \
		"COMMIT;" >"$WORK/modes"
)
grep -q -- "-wal 600$" "$WORK/modes" || fail "the WAL file is not 0600: $(cat "$WORK/modes")"
grep -q -- "-shm 600$" "$WORK/modes" || fail "the shm file is not 0600: $(cat "$WORK/modes")"

# ---- read-only DB file (chmod 0400): refused in one line, the file unchanged
mkdir "$WORK/ro"
chown nobody: "$WORK/ro"
echo 111111 | "${NOBODY[@]}" "$AKSESCTL" --lang en --db "$WORK/ro/akses.db" init --admin Ana >/dev/null
chmod 0400 "$WORK/ro/akses.db"
sum=$(md5sum <"$WORK/ro/akses.db")
expect_fail 1 'Permission denied' submit_to "$WORK/ro/akses.db" "${NOBODY[@]}"
grep -qi 'could not be opened, read or written' "$WORK/err" || fail "not an I/O message: $(cat "$WORK/err")"
expect_fail 1 'Permission denied' "${NOBODY[@]}" "$AKSESCTL" --lang en --db "$WORK/ro/akses.db" audit verify
[[ $(md5sum <"$WORK/ro/akses.db") == "$sum" ]] || fail "the read-only DB changed"

# ---- read-only folder: the file is writable but its -wal cannot be made beside it. It is an I/O
# problem with the folder, never "damaged" (staff would throw a good DB away for a backup).
chmod 0600 "$WORK/ro/akses.db"
chmod 0555 "$WORK/ro"
expect_fail 1 'read-only' submit_to "$WORK/ro/akses.db" "${NOBODY[@]}"
grep -qi 'could not be opened, read or written' "$WORK/err" || fail "not an I/O message: $(cat "$WORK/err")"
grep -qi 'damaged' "$WORK/err" && fail "a read-only folder reported as a damaged DB: $(cat "$WORK/err")"
grep -q "$WORK/ro" "$WORK/err" || fail "the message does not name the folder: $(cat "$WORK/err")"
expect_fail 1 'read-only' "${NOBODY[@]}" "$AKSESCTL" --lang en --db "$WORK/ro/akses.db" audit verify
[[ $(md5sum <"$WORK/ro/akses.db") == "$sum" ]] || fail "the DB in the read-only folder changed"
# a new DB in a read-only folder: init cannot create it; any other command refuses a missing DB
expect_fail 1 'Permission denied' sh -c 'echo 111111 | "$@"' sh "${NOBODY[@]}" "$AKSESCTL" \
	--lang en --db "$WORK/ro/new.db" init --admin Ana
expect_fail 1 "aksesctl init" submit_to "$WORK/ro/new.db" "${NOBODY[@]}"
[[ ! -e $WORK/ro/new.db ]] || fail "a DB appeared in a read-only folder"
chmod 0755 "$WORK/ro"

# ---- a folder that does not exist
expect_fail 1 'No such file or directory' submit_to "$WORK/missing/akses.db"

# ---- a full disk (a file size limit; SIGXFSZ ignored so write() fails as on a full disk): the
# submission that does not fit is refused in one line and nothing confirmed before it is lost
cp "$AKSES_DB" "$WORK/full.db"
cp -p "$AKSES_DB.key" "$WORK/full.db.key" # the audit key goes with the DB (keyed rows)
confirmed=0 refused=0
for i in $(seq 1 400); do
	rc=0
	(
		trap '' XFSZ
		ulimit -f 160
		submit_to "$WORK/full.db" >"$WORK/out" 2>"$WORK/err"
	) || rc=$?
	if ((rc == 0)); then
		confirmed=$((confirmed + 1))
		continue
	fi
	((rc == 1)) || fail "a full disk ended aksesctl with $rc: $(cat "$WORK/err")"
	[[ $(wc -l <"$WORK/err") == 1 ]] || fail "more than one line for a full disk: $(cat "$WORK/err")"
	grep -q '^aksesctl: .*could not be opened, read or written' "$WORK/err" ||
		fail "a full disk gave: $(cat "$WORK/err")"
	refused=$((refused + 1))
	((refused < 3)) || break
done
((refused == 3)) || fail "the disk never filled ($confirmed submissions fitted)"
echo "full disk: $confirmed submissions confirmed, then refused with: $(cat "$WORK/err")"
AKSES_DB=$WORK/full.db check_db
[[ $(sqlite3 "$WORK/full.db" 'SELECT count(*) FROM request') == "$confirmed" ]] ||
	fail "after the disk filled: $confirmed confirmed, $(sqlite3 "$WORK/full.db" 'SELECT count(*) FROM request') stored"

# ---- garbage, and a text file: "damaged or not an Akses database", the file untouched
head -c 65536 /dev/urandom >"$WORK/garbage.db"
sum=$(md5sum <"$WORK/garbage.db")
expect_fail 1 'not an Akses database' submit_to "$WORK/garbage.db"
expect_fail 1 'not an Akses database' ctl --db "$WORK/garbage.db" audit verify
[[ $(md5sum <"$WORK/garbage.db") == "$sum" ]] || fail "aksesctl wrote into a garbage file"
printf 'Ini bukan basis data.\n%.0s' {1..100} >"$WORK/notes.db"
sum=$(md5sum <"$WORK/notes.db")
expect_fail 1 'not an Akses database' submit_to "$WORK/notes.db"
[[ $(md5sum <"$WORK/notes.db") == "$sum" ]] || fail "aksesctl wrote into a text file"

# ---- a DB cut short (a bad copy): a clear refusal, never a crash
cp "$AKSES_DB" "$WORK/cut.db"
sqlite3 "$WORK/cut.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
size=$(stat -c %s "$WORK/cut.db")
truncate -s $((size / 2)) "$WORK/cut.db"
expect_fail 1 'damaged' ctl --db "$WORK/cut.db" audit verify

# ---- a DB from a newer Akses (user_version 99): refused, not migrated, not touched
cp "$AKSES_DB" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" 'PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
sum=$(md5sum <"$WORK/newer.db")
expect_fail 1 'newer' submit_to "$WORK/newer.db"
expect_fail 1 'newer' ctl --db "$WORK/newer.db" audit verify
[[ $(md5sum <"$WORK/newer.db") == "$sum" ]] || fail "aksesctl changed a newer DB"
[[ $(sqlite3 "$WORK/newer.db" 'PRAGMA user_version') == 99 ]] || fail "user_version changed"

# ---- and the DB that was used all along is still whole
check_db
echo "disk_trouble: OK"

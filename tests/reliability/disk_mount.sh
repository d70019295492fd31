#!/usr/bin/env bash
# disk_mount.sh - a DB on a real small tmpfs that fills up, and on a mount made read-only: a write
# that cannot be done is refused in one line that says which ("disk is full", "read-only disk"),
# the DB stays as it was (integrity, counts), audit verify and audit backup (to another file
# system) still work, and writes work again once space returns or the mount is writable. Both
# with no other connection and with one held open (as the kiosk does). Needs root (mount).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

MNT=$WORK/mnt
mkdir "$MNT"
mount -t tmpfs -o size=1m,mode=0755 akses-test "$MNT" || fail "cannot mount a tmpfs (root needed)"
HOLDER=
cleanup() {
	[[ -n $HOLDER ]] && kill "$HOLDER" 2>/dev/null
	wait 2>/dev/null || true
	umount "$MNT" 2>/dev/null || umount -l "$MNT" 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT
export AKSES_DB=$MNT/akses.db

setup_staff
confirmed=0
for _ in 1 2 3; do
	submit
	confirmed=$((confirmed + 1))
done

# submit_raw: a submission whose refusal is the command's own one line (submit would add its own)
submit_raw() {
	ctl request submit --name 'Nurul Aini' --nik 3171054501900003 --institution 'PT Maju Jaya' \
		--phone '0812-3456-7890' --purpose 'Ganti hard disk' --start '2026-11-29 10:00' \
		--end '2026-11-29 12:00' --consent
}

# fill: the tmpfs to its last byte
fill() {
	dd if=/dev/zero of="$MNT/fill" bs=4k >/dev/null 2>&1 || true
	[[ $(df --output=avail "$MNT" | tail -n 1 | tr -d ' ') == 0 ]] || fail "the disk did not fill"
}

# full_disk_round LABEL: fill the disk; a submit and a staff action are refused as "disk is full",
# verify and backup work; free the space: the counts are as confirmed, a submit works again.
full_disk_round() {
	local label=$1
	fill
	expect_fail 1 'disk is full' submit_raw
	expect_fail 1 'disk is full' as "$KADIS" dispose "$REQ"
	grep -q 'could not be opened, read or written' "$WORK/err" &&
		fail "$label: a full disk reported as a generic I/O error"
	ctl audit verify >"$WORK/verify" 2>&1 || fail "$label: audit verify on a full disk: $(cat "$WORK/verify")"
	rm -f "$WORK/backup-$label.db"
	as "$ADMIN" audit backup "$WORK/backup-$label.db" >"$WORK/backup" 2>&1 ||
		fail "$label: audit backup from a full disk: $(cat "$WORK/backup")"
	[[ $(sqlite3 "$WORK/backup-$label.db" 'SELECT count(*) FROM request') == "$confirmed" ]] ||
		fail "$label: the backup does not hold the $confirmed requests"
	rm -f "$MNT/fill"
	[[ $(sql 'PRAGMA integrity_check') == ok ]] || fail "$label: integrity_check after a full disk"
	[[ $(sql 'SELECT count(*) FROM request') == "$confirmed" ]] ||
		fail "$label: $confirmed confirmed, $(sql 'SELECT count(*) FROM request') stored"
	[[ $(sql "SELECT state FROM request WHERE number = '$REQ'") == SUBMITTED ]] ||
		fail "$label: the refused dispose changed the request"
	submit
	confirmed=$((confirmed + 1))
	echo "$label: refused with: $(cat "$WORK/err"); $confirmed requests after space returned"
}

# ---- a full disk with no other connection (the -shm cannot even be made)
full_disk_round alone

# ---- a full disk while another connection (the kiosk's) keeps -wal and -shm open
mkfifo "$WORK/holder"
sqlite3 "$AKSES_DB" <"$WORK/holder" >/dev/null &
HOLDER=$!
exec 7>"$WORK/holder"
echo 'SELECT count(*) FROM staff;' >&7
for _ in $(seq 50); do [[ -e $AKSES_DB-shm ]] && break; sleep 0.1; done
[[ -e $AKSES_DB-shm ]] || fail "the held connection made no -shm"
full_disk_round held
exec 7>&- # end of input: the holder closes its connection and exits
wait "$HOLDER" 2>/dev/null || true
HOLDER=

# ---- read-only mount: reads and backups work, writes are refused and change nothing
files_sum() { md5sum "$AKSES_DB" "$AKSES_DB"-* 2>/dev/null || true; }
sum=$(files_sum)
mount -o remount,ro "$MNT"
expect_fail 1 'read-only disk' submit_raw
ctl audit verify >"$WORK/verify" 2>&1 || fail "audit verify on a read-only mount: $(cat "$WORK/verify")"
as "$ADMIN" audit backup "$WORK/backup-ro.db" >"$WORK/backup" 2>&1 ||
	fail "audit backup from a read-only mount: $(cat "$WORK/backup")"
[[ $(sqlite3 "$WORK/backup-ro.db" 'SELECT count(*) FROM request') == "$confirmed" ]] ||
	fail "the backup from the read-only mount does not hold the $confirmed requests"
[[ $(files_sum) == "$sum" ]] || fail "the read-only DB changed"
mount -o remount,rw "$MNT"
submit
confirmed=$((confirmed + 1))
check_db
[[ $(sql 'SELECT count(*) FROM request') == "$confirmed" ]] || fail "requests lost"
# ---- only a regular file is a DB: not a device, not a link (its target would become a DB), and a
# dangling link's target is never created
journal_before=$([[ -e /dev/null-journal ]] && echo yes || echo no)
expect_fail 1 'regular file' ctl --db /dev/null audit verify
expect_fail 1 'regular file' sh -c 'echo 111111 | "$@"' sh "$AKSESCTL" --lang en --db /dev/null init --admin Ana
[[ $journal_before == yes || ! -e /dev/null-journal ]] || fail "/dev/null-journal was created"
echo 'catatan' >"$WORK/notes.txt"
chmod 0644 "$WORK/notes.txt"
ln -s "$WORK/notes.txt" "$WORK/link.db"
expect_fail 1 'regular file' sh -c 'echo 111111 | "$@"' sh "$AKSESCTL" --lang en --db "$WORK/link.db" init --admin Ana
[[ $(cat "$WORK/notes.txt") == catatan && $(stat -c %a "$WORK/notes.txt") == 644 ]] ||
	fail "init through a link changed its target"
ln -s "$AKSES_DB" "$WORK/db-link.db"
expect_fail 1 'regular file' ctl --db "$WORK/db-link.db" audit verify
ln -s "$WORK/nowhere.db" "$WORK/dangling.db"
expect_fail 1 'regular file' sh -c 'echo 111111 | "$@"' sh "$AKSESCTL" --lang en --db "$WORK/dangling.db" init --admin Ana
[[ ! -e $WORK/nowhere.db ]] || fail "a dangling link's target was created"

echo "disk_mount: OK ($confirmed requests confirmed, all stored, lost: 0)"

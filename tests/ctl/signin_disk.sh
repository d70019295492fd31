#!/usr/bin/env bash
# signin_disk.sh - the emergency reads on a full disk: with the kiosk's connection open (here a
# sqlite3 holding the DB) and the disk filled to the last block, `inside` (the evacuation list),
# `log`, `audit verify` and `audit backup` still answer after checking the PIN, saying on stderr
# that the sign-in could not be recorded; a wrong PIN is still refused, and a write command still
# refuses with one line and changes nothing. Once space returns, sign-ins are recorded again.
# Needs a mount of its own: run as root, or inside a user namespace (unshare -rm) otherwise.
set -euo pipefail
if [[ $EUID -ne 0 && -z ${AKSES_IN_USERNS:-} ]]; then
	AKSES_IN_USERNS=1 exec unshare -rm bash "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"

DISK="$WORK/disk"
mkdir "$DISK"
mount -t tmpfs -o size=2m tmpfs "$DISK" || fail "cannot mount a tmpfs on $DISK"
HOLDER=''
cleanup() {
	[[ -n $HOLDER ]] && kill "$HOLDER" 2>/dev/null
	wait 2>/dev/null
	umount "$DISK" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
export AKSES_DB="$DISK/akses.db"

# one visitor inside
setup_staff
submit
at '2026-11-29 08:02'
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null
as "$KOORD" verify "$REQ" >/dev/null
as "$KABID" decide "$REQ" --approve >/dev/null
as "$KOORD" assign "$REQ" --escort "$TEKNIS" >/dev/null
as "$HELPDESK" record "$REQ" >/dev/null
TOKEN=$(as "$HELPDESK" pass list "$REQ" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}' | head -n 1)
at '2026-11-29 10:00'
as "$TEKNIS" scan "$TOKEN" --station PINTU >/dev/null
expect_state "$REQ" ON_SITE 6

# the kiosk keeps a connection open (so -wal and -shm stay); then the disk fills up
mkfifo "$WORK/holder"
sqlite3 "$AKSES_DB" <"$WORK/holder" >/dev/null &
HOLDER=$!
exec 9>"$WORK/holder"
echo 'SELECT count(*) FROM staff;' >&9
for _ in $(seq 1 50); do [[ -s $AKSES_DB-shm ]] && break; sleep 0.1; done
[[ -s $AKSES_DB-shm ]] || fail "the holder did not open the DB"
dd if=/dev/zero of="$DISK/fill" bs=4k 2>/dev/null || true
[[ $(df --output=avail "$DISK" | tail -n 1 | tr -d ' ') == 0 ]] || fail "the disk is not full"
signins=$(sql "SELECT count(*) FROM signin")

# the evacuation list, with the warning that the sign-in went unrecorded
at '2026-11-29 10:30'
as "$TEKNIS" inside >"$WORK/out" 2>"$WORK/err" || fail "inside on a full disk: $(cat "$WORK/err")"
grep -q 'Nurul' "$WORK/out" || fail "inside does not list the visitor: $(cat "$WORK/out")"
grep -q "warning: the sign-in of staff $TEKNIS could not be recorded" "$WORK/err" ||
	fail "no warning: $(cat "$WORK/err")"
as "$HELPDESK" log 2026-11-29 2>/dev/null | grep -q '1 still inside' || fail "log on a full disk"
ctl audit verify | grep -q 'intact' || fail "audit verify on a full disk"
rm -f "$WORK/backup.db"
as "$ADMIN" audit backup "$WORK/backup.db" 2>/dev/null | grep -q 'verifies' ||
	fail "audit backup on a full disk"
# the evacuation list prints too (here to a file off the full disk), unrecorded and saying so
as "$HELPDESK" print inside --pdf "$WORK/inside.pdf" >/dev/null 2>"$WORK/err" ||
	fail "print inside on a full disk: $(cat "$WORK/err")"
pdftotext "$WORK/inside.pdf" - | grep -q 'Nurul' || fail "the printed evacuation list lacks the visitor"
grep -q "printed anyway" "$WORK/err" || fail "no warning that the print went unrecorded: $(cat "$WORK/err")"
# the PIN is still checked, and the role
expect_fail 1 'PIN is wrong' env AKSES_PIN=000000 "$AKSESCTL" --lang en inside --as "$TEKNIS"
as "$HELPDESK" audit backup "$WORK/backup2.db" >/dev/null 2>"$WORK/err" &&
	fail "a backup by the Helpdesk on a full disk"
grep -q 'role may not' "$WORK/err" || fail "backup by the Helpdesk: $(cat "$WORK/err")"
# a write still refuses, in one line, and nothing changed
as "$HELPDESK" report write "$REQ" --text 'Selesai' >/dev/null 2>"$WORK/err" &&
	fail "a write went through on a full disk"
(($(wc -l <"$WORK/err") == 1)) || fail "not one line: $(cat "$WORK/err")"
grep -q 'full' "$WORK/err" || fail "the refusal does not say the disk is full: $(cat "$WORK/err")"
[[ $(sql "SELECT report FROM request WHERE number = '$REQ'") == '' ]] || fail "the report was written"
[[ $(sql "SELECT count(*) FROM signin") == "$signins" ]] || fail "a sign-in row appeared"

# space returns: sign-ins are recorded again
rm -f "$DISK/fill"
as "$TEKNIS" inside 2>"$WORK/err" | grep -q 'Nurul' || fail "inside after space returned"
[[ ! -s $WORK/err ]] || fail "still warns: $(cat "$WORK/err")"
[[ $(sql "SELECT count(*) FROM signin") == $((signins + 1)) ]] || fail "the sign-in was not recorded"
echo "signin_disk: ok"

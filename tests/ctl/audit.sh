#!/usr/bin/env bash
# audit.sh - the audit trail's hash chain through aksesctl: verify passes on a working DB, finds and
# names an edited row and a deleted one, and a backup is a private file that verifies on its own.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
at '2026-11-29 08:00'
submit
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null

ctl audit verify >"$WORK/out"
rows=$(sql "SELECT count(*) FROM audit")
((rows > 5)) || fail "only $rows audit rows"
grep -q "intact: $rows rows" "$WORK/out" || fail "verify says: $(cat "$WORK/out")"
ctl --json audit verify | grep -q "\"ok\":true,\"rows\":$rows" || fail "verify --json"
# no personal data in the trail
sqlite3 "$AKSES_DB" .dump | grep '^INSERT INTO audit' | grep -qiE "Nurul|3171054501900003|812" &&
	fail "personal data in the audit trail"

# the program cannot edit the trail: the triggers refuse
sql "UPDATE audit SET detail = 'x' WHERE id = 3" 2>/dev/null && fail "audit row updated"

# a backup: new file, mode 0600, verifies on its own; an existing target is refused
ctl audit backup "$WORK/backup.db" | grep -q 'verifies' && fail "a backup without sign-in"
no_effect_by 1 'role' as "$HELPDESK" audit backup "$WORK/backup.db"
[[ ! -e $WORK/backup.db ]] || fail "a backup by the Helpdesk was written"
as "$ADMIN" audit backup "$WORK/backup.db" | grep -q 'verifies' || fail "backup did not verify"
[[ $(stat -c %a "$WORK/backup.db") == 600 ]] || fail "backup mode $(stat -c %a "$WORK/backup.db")"
rows=$(sql "SELECT count(*) FROM audit") # the two sign-ins above added theirs
AKSES_DB="$WORK/backup.db" ctl audit verify | grep -q "intact: $rows rows" || fail "backup chain"
expect_fail 1 'backup.db' as "$ADMIN" audit backup "$WORK/backup.db"

# someone with the file drops the trigger and edits row 4: verify fails and names it
sql "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'edited' WHERE id = 4"
expect_fail 1 'row 4' ctl audit verify
expect_fail 1 'row 4' ctl --json audit verify

# on the backup, a deleted row: verify names the row after the gap
sql "DROP TRIGGER audit_no_delete" # on the live DB too, harmless now
sqlite3 "$WORK/backup.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 6"
expect_fail 1 'row 7' env AKSES_DB="$WORK/backup.db" "$AKSESCTL" --lang en audit verify

# retention: only ADMIN may purge
no_effect_by 1 'role' as "$KADIS" audit purge --older-than 0
echo "audit: ok"

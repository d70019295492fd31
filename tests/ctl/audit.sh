#!/usr/bin/env bash
# audit.sh - the audit trail's hash chain through aksesctl: verify passes on a working DB, finds and
# names an edited row and a deleted one, and a backup is a private file that verifies with the
# DB's key. Against someone who holds the file: the chain is keyed (HMAC, key in akses.db.key,
# 0600, made at init), so a history rewritten and chained again without the key fails; deleted
# last rows are found against an anchor (`audit head`, N:HASH); times going backwards are flagged.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

setup_staff
at '2026-11-29 08:00'
submit
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null

# init made the key: next to the DB, private, and every row is keyed
[[ $(stat -c %a "$AKSES_DB.key") == 600 ]] || fail "key file mode $(stat -c %a "$AKSES_DB.key")"
[[ $(sql "SELECT count(*) FROM audit WHERE keyed = 0") == 0 ]] || fail "unkeyed rows in a new DB"

ctl audit verify >"$WORK/out"
rows=$(sql "SELECT count(*) FROM audit")
((rows > 5)) || fail "only $rows audit rows"
grep -q "intact: $rows rows" "$WORK/out" || fail "verify says: $(cat "$WORK/out")"
ctl --json audit verify | grep -q "\"ok\":true,\"rows\":$rows" || fail "verify --json"
# no personal data in the trail (its texts: the hashes are random hex now that they are keyed,
# and "812" turns up in one of them about every other run)
sql "SELECT actor_id, action, subject, detail FROM audit" | grep -qiE "Nurul|3171054501900003|812" &&
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
# the backup does not carry the key: alone its keyed rows cannot be checked, with the key they are
expect_fail 1 "$rows of $rows rows unchecked" env AKSES_DB="$WORK/backup.db" "$AKSESCTL" --lang en audit verify
cp -p "$AKSES_DB.key" "$WORK/backup.db.key"
AKSES_DB="$WORK/backup.db" ctl audit verify | grep -q "intact: $rows rows" || fail "backup chain"
expect_fail 1 'backup.db' as "$ADMIN" audit backup "$WORK/backup.db"

# the head is an anchor: N:HASH, the row count and the start of row N's hash
rows=$(sql "SELECT count(*) FROM audit") # the refused backup's sign-in added its row
head=$(ctl audit head)
[[ $head =~ ^$rows:[0-9a-f]{16}$ ]] || fail "audit head printed '$head'"
[[ $head == "$rows:$(sql "SELECT substr(hash, 1, 16) FROM audit WHERE id = $rows")" ]] ||
	fail "head $head is not row $rows's hash"
ctl audit verify --anchor "$head" | grep -q "matches the anchor $head" || fail "verify --anchor"
expect_fail 2 'like 1234:' ctl audit verify --anchor "12:xyz"
# a later write moves the head on; the old anchor still holds
as "$KOORD" inbox >/dev/null
[[ $(ctl audit head) != "$head" ]] || fail "the head did not move after a write"
ctl audit verify --anchor "$head" >/dev/null || fail "an older anchor no longer verifies"

# the daily log carries the head in its footer: paper to check against later (printed from an
# English session, its footer is in English)
as "$HELPDESK" print log 2026-11-29 --pdf "$WORK/log.pdf" >/dev/null || fail "print log --pdf"
paper=$(pdftotext "$WORK/log.pdf" - | grep -o 'Audit trail [0-9]*:[0-9a-f]*' | head -n 1 | cut -d' ' -f3)
[[ $paper =~ ^[0-9]+:[0-9a-f]{16}$ ]] || fail "no audit head on the daily log: $(pdftotext "$WORK/log.pdf" - | tail -n 5)"
ctl audit verify --anchor "$paper" >/dev/null || fail "the log's anchor $paper does not verify"

# on a copy: the last rows deleted. The chain alone still verifies; the anchor finds the cut.
cp "$AKSES_DB" "$WORK/cut.db"
cp -p "$AKSES_DB.key" "$WORK/cut.db.key"
sqlite3 "$WORK/cut.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > $rows - 3"
AKSES_DB="$WORK/cut.db" ctl audit verify >/dev/null || fail "a cut chain should verify alone"
expect_fail 1 'shorter than the anchor' env AKSES_DB="$WORK/cut.db" "$AKSESCTL" --lang en audit verify --anchor "$head"

# on a copy: triggers dropped, row 3 rewritten, every hash recomputed in order the way the
# chain was built before keys (sha256 of prev|id|at|actor|len:action len:subject len:detail),
# marked plain or not: without the key it cannot be made to verify.
rechain() { # DB KEYED
	local db=$1 prev=0000000000000000000000000000000000000000000000000000000000000000 h
	local id at actor action subject detail
	sqlite3 "$db" "DROP TRIGGER IF EXISTS audit_no_update; UPDATE audit SET detail = 'approved by Kadis' WHERE id = 3"
	while IFS=$'\x1f' read -r id at actor action subject detail; do
		h=$(printf '%s|%s|%s|%s|%d:%s%d:%s%d:%s' "$prev" "$id" "$at" "$actor" \
			"${#action}" "$action" "${#subject}" "$subject" "${#detail}" "$detail" |
			sha256sum | cut -c1-64)
		sqlite3 "$db" "UPDATE audit SET prev_hash = '$prev', hash = '$h', keyed = $2 WHERE id = $id"
		prev=$h
	done < <(sqlite3 -separator $'\x1f' "$db" "SELECT id, at, actor_id, action, subject, detail FROM audit ORDER BY id")
}
for keyed in 1 0; do
	cp "$AKSES_DB" "$WORK/forged.db"
	cp -p "$AKSES_DB.key" "$WORK/forged.db.key"
	rechain "$WORK/forged.db" "$keyed"
	[[ $(sqlite3 "$WORK/forged.db" "SELECT detail FROM audit WHERE id = 3") == 'approved by Kadis' ]] ||
		fail "the forgery did not take"
	expect_fail 1 'row 1' env AKSES_DB="$WORK/forged.db" "$AKSESCTL" --lang en audit verify
done
# the same forgery on a DB from before keys (plain rows, no key file) is exactly what the old
# chain could not see: the recomputation is faithful, so the plain chain verifies
cp "$WORK/forged.db" "$WORK/plain.db"
rm -f "$WORK/plain.db.key"
AKSES_DB="$WORK/plain.db" ctl audit verify >/dev/null || fail "rechain does not reproduce the plain chain"
# ... and its first write makes a key and keys the rows from there on
AKSES_DB="$WORK/plain.db" as "$KOORD" inbox >/dev/null
[[ -f $WORK/plain.db.key ]] || fail "no key made on the first write to an old DB"
[[ $(sqlite3 "$WORK/plain.db" "SELECT count(*) FROM audit WHERE keyed = 1") == 1 ]] || fail "new row not keyed"
AKSES_DB="$WORK/plain.db" ctl audit verify >/dev/null || fail "mixed plain and keyed chain"

# the key missing where keyed rows exist: nothing is written, and no new key replaces it
cp "$AKSES_DB" "$WORK/nokey.db"
expect_fail 1 'audit key is missing' env AKSES_DB="$WORK/nokey.db" AKSES_PIN="${PIN[$KOORD]}" "$AKSESCTL" --lang en inbox --as "$KOORD"
[[ ! -e $WORK/nokey.db.key ]] || fail "a new key replaced the missing one"
# a refusal that is not about what was typed names no field: the applicant's cancel (no sign-in
# before it) says the key is missing, not "Note: ..."
env AKSES_DB="$WORK/nokey.db" "$AKSESCTL" --lang en request cancel "$REQ" --phone-digits 7890 \
	>/dev/null 2>"$WORK/err" && fail "cancel without the audit key succeeded"
grep -q '^aksesctl: .*audit key is missing' "$WORK/err" || fail "cancel said: $(cat "$WORK/err")"
grep -q '^aksesctl: Note' "$WORK/err" && fail "a storage refusal named the Note field: $(cat "$WORK/err")"
[[ $(sqlite3 "$WORK/nokey.db" "SELECT state FROM request WHERE number = '$REQ'") == DISPOSED_KABID ]] ||
	fail "cancelled without the audit key"

# times going backwards by more than a minute are flagged (30 s back are not)
cp "$AKSES_DB" "$WORK/time.db"
cp -p "$AKSES_DB.key" "$WORK/time.db.key"
AKSES_DB="$WORK/time.db" AKSES_NOW='2026-11-29 07:59:30' as "$KOORD" inbox >/dev/null
AKSES_DB="$WORK/time.db" ctl audit verify >/dev/null || fail "30 s back flagged"
AKSES_DB="$WORK/time.db" AKSES_NOW='2026-11-29 07:30' as "$KOORD" inbox >/dev/null
last=$(sqlite3 "$WORK/time.db" "SELECT max(id) FROM audit")
expect_fail 1 "times go backwards" env AKSES_DB="$WORK/time.db" "$AKSESCTL" --lang en audit verify
grep -qF "(audit row $last)" "$WORK/err" || fail "the backwards row is not named: $(cat "$WORK/err")"

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

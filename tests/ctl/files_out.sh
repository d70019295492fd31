#!/usr/bin/env bash
# files_out.sh - the files aksesctl writes (issue 7.6, issue 8.7): export --out, print --pdf and
# staff card --pdf create a new file 0600 (whatever the umask), refuse an existing file unless
# --force, never write through a symbolic link (not even with --force), leave no file behind when
# they fail; and the exported CSV opens the OWASP formula payloads as text.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

umask 022 # the umask of a login shell: files came out 0644
setup_staff
add_staff TIM_TEKNIS '@SUM(A1)' 777777
ESCORT=$REPLY

# mode FILE: its permission bits in octal
mode() { stat -c %a "$1"; }

# ---- a visit whose texts are formula payloads -------------------------------------------------
at '2026-11-29 08:00'
REQ=$(ctl request submit --name '=HYPERLINK("http://x","y")' --nik 3171054501900003 \
	--institution '+1+1' --phone 081234567890 --category maintenance --purpose '-2+3' \
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --consent | last_line)
as "$KADIS" dispose "$REQ" >/dev/null
as "$KABID" dispose "$REQ" >/dev/null
as "$KOORD" verify "$REQ" >/dev/null
as "$KABID" decide "$REQ" --approve >/dev/null
as "$KOORD" assign "$REQ" --escort "$ESCORT" >/dev/null
as "$HELPDESK" record "$REQ" >/dev/null
TOKEN=$(as "$HELPDESK" pass list "$REQ" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}' | head -n 1)
[[ -n $TOKEN ]] || fail "no pass token"
at '2026-11-29 10:00'
as "$ESCORT" scan "$TOKEN" --station 'Pintu Ruang Server' >/dev/null
at '2026-11-29 10:45'
as "$ESCORT" scan "$TOKEN" --station 'Pintu Ruang Server' >/dev/null

# ---- export --out: a new file, 0600, the payloads neutralised ---------------------------------
CSV=$WORK/log.csv
as "$HELPDESK" export log 2026-11-29 --csv --out "$CSV" || fail "export log --out"
[[ $(mode "$CSV") == 600 ]] || fail "export created $CSV $(mode "$CSV"), not 600"
want="visit,$REQ,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+1+1,'-2+3,'@SUM(A1),2026-11-29 10:00,2026-11-29 10:45,45,out,,"
grep -qxF "$want"$'\r' "$CSV" || fail "the visit's CSV row is not neutralised: $(cat -A "$CSV")"
if grep -q '^visit,[^,]*,=' "$CSV" || grep -q ',+1+1,' "$CSV"; then
	fail "a formula cell left as it was: $(cat "$CSV")"
fi

# an existing file: refused without --force, left as it was
printf 'KEEP\n' >"$WORK/keep.csv"
expect_fail 1 'already exists' as "$HELPDESK" export log 2026-11-29 --csv --out "$WORK/keep.csv"
[[ $(cat "$WORK/keep.csv") == KEEP ]] || fail "the existing file was overwritten"
expect_fail 1 'add --force' as "$HELPDESK" print log 2026-11-29 --pdf "$WORK/keep.csv"
[[ $(cat "$WORK/keep.csv") == KEEP ]] || fail "print --pdf overwrote the existing file"

# with --force: a new file (0600) in its place; the old inode, seen through a hard link, untouched
chmod 644 "$WORK/keep.csv"
ln "$WORK/keep.csv" "$WORK/hardlink"
as "$HELPDESK" export log 2026-11-29 --csv --out "$WORK/keep.csv" --force || fail "--force"
[[ $(mode "$WORK/keep.csv") == 600 ]] || fail "--force left mode $(mode "$WORK/keep.csv")"
head -n 1 "$WORK/keep.csv" | grep -q '^record,' || fail "--force did not write the CSV"
[[ $(cat "$WORK/hardlink") == KEEP ]] || fail "--force wrote into the old file's inode"

# a symbolic link: refused, even with --force; its target untouched, a dangling one not created
printf 'SECRET\n' >"$WORK/target"
chmod 644 "$WORK/target"
ln -s "$WORK/target" "$WORK/link.csv"
ln -s "$WORK/nothing-here" "$WORK/dangling.csv"
for force in '' --force; do
	expect_fail 1 'symbolic link' as "$HELPDESK" export log 2026-11-29 --csv \
		--out "$WORK/link.csv" $force
	expect_fail 1 'symbolic link' as "$HELPDESK" print log 2026-11-29 \
		--pdf "$WORK/link.csv" $force
	expect_fail 1 'symbolic link' as "$HELPDESK" export log 2026-11-29 --csv \
		--out "$WORK/dangling.csv" $force
done
[[ $(cat "$WORK/target") == SECRET ]] || fail "written through a symbolic link"
[[ $(mode "$WORK/target") == 644 ]] || fail "the link's target changed mode"
[[ ! -e $WORK/nothing-here ]] || fail "a dangling link's target was created"
[[ -L $WORK/link.csv ]] || fail "the link itself was replaced"

# not a regular file
expect_fail 1 'not a regular file' as "$HELPDESK" export log 2026-11-29 --csv --out "$WORK" --force

# a failed export leaves no file behind
expect_fail 1 '' as "$HELPDESK" export log 2026-13-45 --csv --out "$WORK/bad.csv"
[[ ! -e $WORK/bad.csv ]] || fail "a failed export left $WORK/bad.csv"
# a wrong PIN creates nothing
rc=0
printf '0000\n' | "$AKSESCTL" --lang en export log 2026-11-29 --csv --out "$WORK/nopin.csv" \
	--as "$HELPDESK" >/dev/null 2>&1 || rc=$?
((rc != 0)) || fail "export with a wrong PIN succeeded"
[[ ! -e $WORK/nopin.csv ]] || fail "a refused sign-in created the file"

# --force alone is a usage error, found before any sign-in
expect_fail 2 'goes with --out' ctl export log 2026-11-29 --csv --force --as "$HELPDESK"
expect_fail 2 'goes with --pdf' ctl print log 2026-11-29 --force --as "$HELPDESK"

# --out - is standard output, as before
as "$HELPDESK" export log 2026-11-29 --csv --out - | head -n 1 | grep -q '^record,' ||
	fail "--out - does not write to stdout"

# ---- print --pdf and staff card --pdf ----------------------------------------------------------
umask 000 # even then: 0600
as "$HELPDESK" print log 2026-11-29 --pdf "$WORK/log.pdf" >/dev/null || fail "print log --pdf"
[[ $(mode "$WORK/log.pdf") == 600 ]] || fail "print --pdf created mode $(mode "$WORK/log.pdf")"
head -c 5 "$WORK/log.pdf" | grep -q '%PDF-' || fail "print --pdf wrote no PDF"
expect_fail 1 'already exists' as "$HELPDESK" print log 2026-11-29 --pdf "$WORK/log.pdf"
as "$HELPDESK" print log 2026-11-29 --pdf "$WORK/log.pdf" --force >/dev/null || fail "--force pdf"

# a staff card onto an existing file: refused before a new code is issued (the old card works)
printf 'OLD\n' >"$WORK/card.pdf"
as "$KOORD" staff card "$KOORD" --pdf "$WORK/new-card.pdf" >/dev/null 2>&1 || fail "staff card"
[[ $(mode "$WORK/new-card.pdf") == 600 ]] || fail "staff card --pdf mode $(mode "$WORK/new-card.pdf")"
no_effect_by 1 'already exists' as "$KOORD" staff card "$KOORD" --pdf "$WORK/card.pdf"
no_effect_by 1 'symbolic link' as "$KOORD" staff card "$KOORD" --pdf "$WORK/link.csv" --force
[[ $(cat "$WORK/card.pdf") == OLD ]] || fail "staff card overwrote the existing file"
echo "files_out: ok"

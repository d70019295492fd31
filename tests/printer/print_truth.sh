#!/bin/bash
# print_truth.sh - print jobs and badges that tell the truth, through the real aksesctl, cupsd and
# cups-pdf queue: a print killed between its record and CUPS is reconciled (the pass printable
# again, never "already printed"); one killed while waiting is confirmed from CUPS; a reprint to a
# stopped queue keeps the working badge; a replaced badge is denied as such at the door; a badge
# written with --pdf is recorded and follows the print rule; pass list --tokens is all or nothing;
# the berita acara keeps the event's date and says when it is a reprint; purge-spool clears what
# Akses left in CUPS's spool and the cups-pdf folder. Kills are made exact with gdb breakpoints.
set -u
: "${AKSESCTL:?}" "${CUPS_UP:?}"
WORK=$(mkdir -p "${AKSES_TEST_TMP:-/tmp}" && mktemp -d "${AKSES_TEST_TMP:-/tmp}/print-truth-XXXXXX")
restore() {
	lpadmin -p PDF -o job-hold-until-default=no-hold 2>/dev/null
	cupsenable PDF 2>/dev/null
	"$CUPS_UP" -q >/dev/null
	rm -rf "$WORK"
}
trap restore EXIT
. "$(dirname "$0")/lib.sh"
export AKSES_DB
command -v gdb >/dev/null || fail "gdb is needed (package gdb)"

PDF_DIR=$("$CUPS_UP" -q) || fail "cups-up.sh could not start the scheduler"
setup_request "Budi Santoso" --companion "Siti Rahma;1371014101900002" \
	--companion "Andi Wijaya;1371010101900003"
en() { "$AKSESCTL" --lang en "$@"; }
# later: a clock moved forward by $1 (e.g. "+3 min"), for one command
later() { when=$1; shift; AKSES_NOW="$(date -d "$when" '+%Y-%m-%d %H:%M')" "$@"; }
# killed_at FUNCTION ARGS...: run aksesctl ARGS and SIGKILL it when it reaches FUNCTION
killed_at() {
	fn=$1; shift
	gdb -q -batch -ex "break $fn" -ex run -ex kill --args "$AKSESCTL" --lang en "$@" \
		>"$WORK/gdb.log" 2>&1
	grep -q "killed" "$WORK/gdb.log" || fail "aksesctl did not reach $fn: $(tail -n 3 "$WORK/gdb.log")"
}
token_of_job() { f=$(pdf_of_job "$1") || fail "no PDF of job $1"; qr_of "$f"; }
scan() { ctl $TEKNIS scan "$1" --station DOOR-1 2>&1; }

# 1. The visitor's print killed after its record, before CUPS got it.
killed_at prn_cups_submit print badge "$REQ" --person 0 --queue PDF
[ "$(print_state 0)" = pending ] || fail "killed print not pending: $(print_state 0)"
msg=$(en print badge "$REQ" --person 0 --queue PDF 2>&1) && fail "second print while pending: $msg"
case "$msg" in *"already printed"*) fail "visitor told 'already printed' for a killed print: $msg" ;; esac
# two minutes on, reconciling (at the start of the print command) finds it never reached CUPS
out=$(later "+3 min" "$AKSESCTL" --json print badge "$REQ" --person 0 --queue PDF --wait) ||
	fail "visitor could not print after the killed print: $out"
[ "$(print_state 0)" = done ] || fail "pass 0 not done after the reprint: $(print_state 0)"
tok0=$(token_of_job "$(job_id "$out")")
[ ${#tok0} -eq 32 ] || fail "no token QR on the visitor's badge"
n=$(sqlite3 "$AKSES_DB" "SELECT count(*) FROM print_job WHERE state = 'failed' AND cups_job_id = 0
	AND message = 'unknown-job'")
[ "$n" -eq 1 ] || fail "the killed job is not recorded as never having reached CUPS ($n)"
ctl $HELPDESK --lang en print status | grep -q "never reached the print service (CUPS)" ||
	fail "print status does not say the killed job never reached CUPS"
echo "killed before CUPS -> reconciled failed, visitor printed (job $(job_id "$out"))"

# 2. The visitor's print killed while waiting for CUPS: CUPS printed it; reconciling says done.
killed_at prn_cups_wait print badge "$REQ" --person 1 --queue PDF --wait
cid=$(sqlite3 "$AKSES_DB" "SELECT j.cups_job_id FROM print_job j JOIN pass p ON p.id = j.pass_id
	WHERE p.person = 1 ORDER BY j.id DESC LIMIT 1")
[ -n "$cid" ] && [ "$cid" -gt 0 ] || fail "the job killed while waiting has no CUPS id"
tok1=$(token_of_job "$cid")
i=0
until [ "$(print_state 1)" = done ]; do # print status reconciles each time it is run
	i=$((i + 1)); [ $i -gt 50 ] && fail "job $cid never reconciled to done: $(print_state 1)"
	ctl $HELPDESK print status >/dev/null; sleep 0.2
done
echo "killed while waiting -> reconciled done from CUPS (job $cid)"

# 2b. A job CUPS holds is still under way; once cancelled there, it ended without printing.
lpadmin -p PDF -o job-hold-until-default=indefinite || fail "could not make PDF hold jobs"
out=$(ctl $HELPDESK --json print letter "$REQ" --queue PDF)
lpadmin -p PDF -o job-hold-until-default=no-hold
lid=$(job_id "$out")
[ -n "$lid" ] && [ "$lid" -gt 0 ] || fail "letter not accepted: $out"
ctl $HELPDESK print status >/dev/null
st=$(sqlite3 "$AKSES_DB" "SELECT state FROM print_job WHERE cups_job_id = $lid")
[ "$st" = accepted ] || fail "a held job was reconciled to '$st'"
cancel -x "$lid" || fail "cancel -x $lid"
ctl $HELPDESK print status >/dev/null
st=$(sqlite3 "$AKSES_DB" "SELECT state FROM print_job WHERE cups_job_id = $lid")
[ "$st" = canceled ] || fail "a job cancelled in CUPS was reconciled to '$st'"
echo "held in CUPS -> still accepted; cancelled in CUPS -> canceled (job $lid)"

# 3. A staff reprint to a stopped queue keeps the working badge; an accepted one replaces it.
door=$(scan "$tok0") || fail "visitor's badge does not open the door: $door"
cupsdisable PDF
msg=$(ctl $HELPDESK print badge "$REQ" --person 0 --queue PDF --reason "Kartu rusak" 2>&1) &&
	{ cupsenable PDF; fail "reprint to a stopped queue succeeded: $msg"; }
cupsenable PDF
door=$(ctl $TEKNIS scan "$tok0" --direction out --station DOOR-1) ||
	fail "a failed reprint voided the working badge: $door"
out=$(ctl $HELPDESK --json print badge "$REQ" --person 0 --queue PDF --reason "Kartu rusak" --wait) ||
	fail "reprint after the queue came back: $out"
tok0b=$(token_of_job "$(job_id "$out")")
[ "$tok0b" != "$tok0" ] || fail "reprint carries the old token"
pdftotext "$(pdf_of_job "$(job_id "$out")")" - | grep -q "Cetak ulang" || fail "reprinted badge not marked"
msg=$(AKSES_PIN=$PIN "$AKSESCTL" --lang en scan "$tok0" --as $TEKNIS --station DOOR-1 2>&1)
case "$msg" in *"DENIED"*"Replaced by a new print"*) ;; *) fail "replaced badge at the door: $msg" ;; esac
msg=$(AKSES_PIN=$PIN "$AKSESCTL" --lang id scan "$tok0" --as $TEKNIS --station DOOR-1 2>&1)
case "$msg" in *"Diganti dengan cetakan baru"*) ;; *) fail "replaced badge in Indonesian: $msg" ;; esac
door=$(ctl $TEKNIS scan "$tok0b" --direction in --station DOOR-1) ||
	fail "the reprinted badge does not open the door: $door"
echo "reprint to a stopped queue -> old badge kept; accepted reprint -> old one 'replaced'"

# 4. A badge written to a file is a print: recorded, counted, and the visitor's only one.
en print badge "$REQ" --person 2 --pdf "$WORK/b2.pdf" >/dev/null || fail "visitor's --pdf badge"
[ "$(print_state 2)" = done ] || fail "--pdf badge leaves the pass '$(print_state 2)'"
ctl $HELPDESK --lang en print status | grep "Saved to $WORK/b2.pdf" | grep -q " file " ||
	fail "--pdf badge not in print status as a file"
# the job's message reads in the reader's language, not the printing session's (issue 9.6)
ctl $HELPDESK --lang id print status | grep -q "Disimpan ke $WORK/b2.pdf" ||
	fail "a job printed from an English session reads in English to an Indonesian reader"
# a row from before the codes keeps the words it was written with, for every reader
sqlite3 "$AKSES_DB" "UPDATE print_job SET message = 'Tercetak di PDF (catatan lama)', msg_legacy = 1
	WHERE id = (SELECT min(id) FROM print_job)"
for lang in en id; do
	ctl $HELPDESK --lang $lang print status --limit 1000 | grep -q "Tercetak di PDF (catatan lama)" ||
		fail "a legacy job message is not shown as written ($lang)"
done
msg=$(en print badge "$REQ" --person 2 --pdf "$WORK/b2b.pdf" 2>&1) && fail "second --pdf badge without staff"
case "$msg" in *"already printed"*) ;; *) fail "second --pdf badge: $msg" ;; esac
[ ! -e "$WORK/b2b.pdf" ] || fail "a refused badge was written"
ctl $HELPDESK print badge "$REQ" --person 2 --pdf "$WORK/b2c.pdf" --reason "Untuk arsip" >/dev/null ||
	fail "staff --pdf reprint"
n=$(sqlite3 "$AKSES_DB" "SELECT count(*) FROM print_job WHERE dest = 'file' AND kind = 'badge'")
[ "$n" -eq 2 ] || fail "file badges recorded: $n, want 2"
echo "--pdf badge -> recorded (2 file jobs), second visitor copy refused"

# 5. pass list --tokens failing part-way voids nothing.
tok2=$(qr_of "$WORK/b2c.pdf")
sqlite3 "$AKSES_DB" "CREATE TRIGGER t_fail BEFORE UPDATE OF token_hash ON pass WHEN NEW.person = 2
	BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;"
out=$(ctl $HELPDESK pass list "$REQ" --tokens 2>&1) && fail "--tokens succeeded with a failing pass: $out"
sqlite3 "$AKSES_DB" "DROP TRIGGER t_fail"
scan "$tok1" >/dev/null || fail "--tokens failing part-way voided badge 1"
scan "$tok2" >/dev/null || fail "--tokens failing part-way voided badge 2"
echo "pass list --tokens failing part-way -> every earlier badge still works"

# 6. The berita acara states the visit's date, also when reprinted two days later.
ctl $HELPDESK print report "$REQ" --pdf "$WORK/ba1.pdf" >/dev/null || fail "report print"
later "+2 days" env AKSES_PIN=$PIN "$AKSESCTL" print report "$REQ" --as $HELPDESK --pdf "$WORK/ba2.pdf" \
	>/dev/null || fail "report reprint"
day1=$(pdftotext "$WORK/ba1.pdf" - | tr '\n' ' ' | grep -o "Pada hari ini, [^,]*, [^,]*,")
day2=$(pdftotext "$WORK/ba2.pdf" - | tr '\n' ' ' | grep -o "Pada hari ini, [^,]*, [^,]*,")
[ -n "$day1" ] && [ "$day1" = "$day2" ] || fail "berita acara dates differ: '$day1' vs '$day2'"
pdftotext "$WORK/ba1.pdf" - | grep -q "Cetak ulang" && fail "first berita acara marked as a reprint"
pdftotext "$WORK/ba2.pdf" - | grep -q "Cetak ulang" || fail "reprinted berita acara not marked"
echo "berita acara reprinted 2 days later -> '$day2', marked 'Cetak ulang'"

# 7. purge-spool: nothing younger than N days; then the PDFs and CUPS's job files are gone.
ids=$(sqlite3 "$AKSES_DB" "SELECT cups_job_id FROM print_job WHERE cups_job_id > 0")
ours() { for id in $ids; do compgen -G "$PDF_DIR/akses-*-job_$id.pdf"; done | wc -l; }
pdfs_before=$(ours)
[ "$pdfs_before" -ge 3 ] || fail "expected our badges in $PDF_DIR, found $pdfs_before"
spooled=0
for id in $ids; do [ -e "$(printf '/var/spool/cups/d%05d-001' "$id")" ] && spooled=$((spooled + 1)); done
[ "$spooled" -ge 1 ] || fail "no job file of ours in CUPS's spool to purge"
out=$(ctl $ADMIN print purge-spool --days 1 --pdf-dir "$PDF_DIR") || fail "purge-spool: $out"
[ "$(ours)" -eq "$pdfs_before" ] || fail "purge-spool --days 1 removed today's PDFs"
msg=$(ctl $HELPDESK print purge-spool --days 1 2>&1) && fail "purge-spool by HELPDESK: $msg"
# the folder from /etc/cups/cups-pdf.conf this time
out=$(later "+2 days" env AKSES_PIN=$PIN "$AKSESCTL" --lang en print purge-spool --days 1 --as $ADMIN) ||
	fail "purge-spool: $out"
echo "$out"
case "$out" in *" from $PDF_DIR."*) ;; *) fail "purge-spool looked elsewhere than $PDF_DIR: $out" ;; esac
[ "$(ours)" -eq 0 ] || fail "$(ours) of our PDFs left in $PDF_DIR after the purge"
for id in $ids; do
	f=$(printf '/var/spool/cups/d%05d-001' "$id")
	[ ! -e "$f" ] || fail "CUPS still holds $f after the purge"
	lpstat -W all -o 2>/dev/null | grep -q "^PDF-$id " && fail "CUPS still lists job $id"
done
n=$(sqlite3 "$AKSES_DB" "SELECT count(*) FROM print_job WHERE cups_job_id > 0 AND purged_at IS NULL")
[ "$n" -eq 0 ] || fail "$n jobs not marked purged"
echo "purge-spool -> $pdfs_before PDFs, $spooled spooled files, $(echo $ids | wc -w) CUPS jobs gone"
echo "PASS print_truth"

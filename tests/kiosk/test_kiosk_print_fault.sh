#!/usr/bin/env bash
# test_kiosk_print_fault.sh - the visitor taps "Cetak pass saya" while the badge printer's queue is
# stopped: the kiosk keeps answering, says in plain words that the printer cannot be used and that
# the pass is saved, and the pass stays printable (print state "failed", the job recorded). Once
# the queue is enabled again the same visitor prints it from the same screen.
. "$(dirname "$0")/lib.sh"

export AKSES_NOW DAY=2030-03-12
AKSES_NOW="$DAY 09:20"
PDFDIR=$(sh "${CUPS_UP:?}" -q) || kt_fail "cups-up failed"
trap 'cupsenable PDF 2>/dev/null || true; kt_cleanup' EXIT
SIZE=${KT_SIZE:-1920x1080}
kt_display "$SIZE"
kt_db
kt_staff
kt_submit
kt_advance
cat >"$T/kiosk.ini" <<INI
[station]
name = RESEPSIONIS
lang = id
[printer]
badge_queue = PDF
timeout = 30
INI
kt_kiosk "$SIZE" --config "$T/kiosk.ini" --db "$DB"
kt_wait_screen welcome
kt_scan "$RECEIPT"
kt_wait_screen status
kt_wait_line state RECORDED

print_state() { testdb_sql "$DB" "SELECT print_state FROM pass WHERE person = 0"; }

# the queue stops (as CUPS does after a printer error); the visitor taps print
cupsdisable PDF
kt_tap print:0
kt_wait_screen print
kt_wait_line phase 3 30 # PRINT_ERROR: said, not hung
kt_shot "$T/print-error.png"
[ "$(print_state)" = failed ] || kt_fail "pass print state is '$(print_state)', want failed"
jobs=$(testdb_sql "$DB" "SELECT kind || ' ' || state FROM print_job")
grep -qE '^badge (failed|stopped)$' <<<"$jobs" || kt_fail "print job not recorded as failed: $jobs"
# the kiosk still answers: back to the request, the button is there again
kt_tap print:back
kt_wait_screen status
kt_wait_line found 1

# the queue is back: the same visitor prints the pass
cupsenable PDF
kt_tap print:0
kt_wait_screen print
kt_wait_line phase 2 90 # PRINT_OK
[ "$(print_state)" = done ] || kt_fail "pass print state is '$(print_state)' after printing, want done"
job=$(kt_get job)
# a glob, not `ls | grep -q`: with pipefail, grep leaving early can fail the pipe on a full folder
job_pdf() { compgen -G "$PDFDIR/*job_$job.pdf" >/dev/null; }
for _ in $(seq 100); do
	job_pdf && break
	sleep 0.1
done
job_pdf || kt_fail "no PDF of job $job after the queue came back"
echo "PASS: stopped queue said plainly, pass kept printable, printed after recovery"

# lib.sh - shared by the printer's end-to-end scripts: a fresh DB with one staff member per role
# and a request brought to RECORDED (passes printable) through aksesctl, plus PDF helpers.
# Source it after setting AKSESCTL (the build's aksesctl) and WORK (a scratch directory).

set -u
export AKSES_DB="$WORK/akses.db"
PIN=123456
NIK=1371014101900001
PHONE=081234567890

fail() { echo "FAIL: $*" >&2; exit 1; }

# ctl ID ARGS...: run aksesctl as staff ID (PIN from the environment).
ctl() {
	as=$1; shift
	AKSES_PIN=$PIN "$AKSESCTL" "$@" --as "$as"
}

# setup_request NAME [SUBMIT ARGS...]: a DB with staff (ids in ADMIN KADIS KABID KOORD TEKNIS
# HELPDESK) and one request from NAME (plus any extra submit arguments, e.g. companions),
# recorded; sets REQ.
setup_request() {
	name=$1
	shift
	rm -f "$AKSES_DB"*
	AKSES_PIN=$PIN "$AKSESCTL" init --admin "Admin Satu" >/dev/null || fail "init"
	ADMIN=1
	add() { AKSES_PIN=$PIN AKSES_NEW_PIN=$PIN "$AKSESCTL" staff add --as $ADMIN --name "$1" --role "$2" | tail -n 1; }
	KADIS=$(add "Kadis Dua" KADIS) || fail "staff add"
	KABID=$(add "Kabid Tiga" KABID)
	KOORD=$(add "Koordinator Empat" KOORDINATOR)
	TEKNIS=$(add "Rahmat Hidayat" TIM_TEKNIS)
	HELPDESK=$(add "Helpdesk Enam" HELPDESK)
	# A window that starts now and lasts four hours (so the pass is printable and scannable).
	start=$(date -d "+1 minute" '+%Y-%m-%d %H:%M')
	end=$(date -d "+4 hours" '+%Y-%m-%d %H:%M')
	out=$("$AKSESCTL" request submit --name "$name" --nik $NIK --institution "PT Contoh, Tbk" \
		--phone $PHONE --category maintenance --purpose "Ganti UPS rak 3" \
		--start "$start" --end "$end" --consent "$@") || fail "submit"
	REQ=$(tail -n 1 <<<"$out")
	# the visitor's proof for their own badge print (aksesctl reads it from AKSES_RECEIPT)
	AKSES_RECEIPT=$(grep -o '[A-Z2-7]\{32\}' <<<"$out" | head -n 1)
	export AKSES_RECEIPT
	ctl $KADIS dispose "$REQ" >/dev/null || fail "dispose kadis"
	ctl $KABID dispose "$REQ" >/dev/null || fail "dispose kabid"
	ctl $KOORD verify "$REQ" >/dev/null || fail "verify"
	ctl $KABID decide "$REQ" --approve >/dev/null || fail "decide"
	ctl $KOORD assign "$REQ" --escort "$TEKNIS" >/dev/null || fail "assign"
	ctl $HELPDESK record "$REQ" >/dev/null || fail "record"
}

# pdf_of_job ID: the cups-pdf output of CUPS job ID (waits up to 10 s for the file).
pdf_of_job() {
	i=0
	while [ $i -lt 100 ]; do
		f=$(ls -t "$PDF_DIR"/*job_"$1".pdf 2>/dev/null | head -n 1)
		[ -n "$f" ] && [ -s "$f" ] && { echo "$f"; return 0; }
		i=$((i + 1))
		sleep 0.1
	done
	return 1
}

# qr_of PDF: the QR payload on the PDF's first page.
qr_of() {
	pdftoppm -r 150 -png -f 1 -l 1 -singlefile "$1" "$WORK/qr" &&
		zbarimg -q --raw "$WORK/qr.png" 2>/dev/null | head -n 1
}

# print_state PERSON: the print state ("none", "pending", "done", "failed") of a pass of REQ.
print_state() {
	ctl $HELPDESK pass list "$REQ" --json | tr -d ' \n' |
		grep -o "\"person\":$1,[^}]*" | sed -n 's/.*"print":"\([a-z]*\)".*/\1/p'
}

# job_id JSON: the cups_job_id in aksesctl print --json output.
job_id() {
	printf '%s' "$1" | tr -d ' \n' | sed -n 's/.*"cups_job_id":\([0-9]*\).*/\1/p'
}

# scratch_dir NAME: a fresh directory for one script, removed on exit.
scratch_dir() {
	base=${AKSES_TEST_TMP:-/tmp}
	mkdir -p "$base"
	mktemp -d "$base/$1-XXXXXX"
}

# tests/ctl/lib.sh - what the aksesctl end-to-end scripts share: a fresh temp dir and DB, staff of
# every role, running aksesctl as someone, and checks (exit code + one-line stderr, DB state, dumps).
# Sourced by each script after `set -euo pipefail`. Needs $AKSESCTL (set by CTest) and sqlite3
# (psql too when AKSES_TEST_DB names a server: then the DB is a fresh database there, see
# tests/tools/testdb.sh, and the scripts run in $WORK, where the store keeps "<dbname>.key").
# The DB's reads (sql, sql_hex, columns, dump, dump_except, snapshot) are in db_lib.sh.

: "${AKSESCTL:?AKSESCTL must name the aksesctl binary}"
command -v sqlite3 >/dev/null || { echo "sqlite3 CLI missing" >&2; exit 1; }
. "$(dirname "${BASH_SOURCE[0]}")/db_lib.sh"

export TZ=Asia/Jakarta
export LC_ALL=C.UTF-8
unset AKSES_PIN AKSES_NEW_PIN AKSES_CONFIG
WORK=$(mktemp -d "${TMPDIR:-/tmp}/akses-ctl.XXXXXX")
trap 'testdb_drop_all; rm -rf "$WORK"' EXIT
cd "$WORK"
testdb_new "$WORK/akses.db"
export AKSES_DB="$TESTDB"
export AKSES_NOW='2026-11-29 08:00'

# The PIN of each staff id, filled by setup_staff.
declare -A PIN=()
ADMIN='' KADIS='' KABID='' KOORD='' TEKNIS='' HELPDESK=''

# fail MESSAGE: stop the test with a message naming the script line that failed.
fail() {
	echo "FAIL (${BASH_SOURCE[1]##*/}:${BASH_LINENO[0]}): $*" >&2
	exit 1
}

# ctl ARGS...: aksesctl in English (tests match English text), no PIN on stdin.
ctl() {
	"$AKSESCTL" --lang en "$@" </dev/null
}

# as ID ARGS...: aksesctl as staff member ID, their PIN on stdin, --as ID appended.
as() {
	local id=$1
	shift
	printf '%s\n' "${PIN[$id]}" | "$AKSESCTL" --lang en "$@" --as "$id"
}

# at 'YYYY-MM-DD HH:MM': move the pinned clock (every later command sees it).
at() {
	export AKSES_NOW="$1"
}

# last_line: the last line of stdin (aksesctl prints ids and request numbers last).
last_line() {
	tail -n 1
}

# add_staff ROLE NAME PIN: ADMIN adds an account; sets REPLY to its id.
add_staff() {
	REPLY=$(printf '%s\n%s\n' "${PIN[$ADMIN]}" "$3" |
		"$AKSESCTL" --lang en staff add --as "$ADMIN" --name "$2" --role "$1" | last_line)
	[[ $REPLY =~ ^[0-9]+$ ]] || fail "staff add $1 printed '$REPLY', not an id"
	PIN[$REPLY]=$3
}

# setup_staff: init the DB with an ADMIN and add one account of every SOP role.
setup_staff() {
	ADMIN=$(echo 111111 | "$AKSESCTL" --lang en init --admin 'Ana Admin' | last_line)
	[[ $ADMIN =~ ^[0-9]+$ ]] || fail "init printed '$ADMIN', not an id"
	PIN[$ADMIN]=111111
	add_staff KADIS 'Drs. Kadis Kepala' 222222; KADIS=$REPLY
	add_staff KABID 'Ir. Kabid Aptika' 333333; KABID=$REPLY
	add_staff KOORDINATOR 'Koordinator Helpdesk' 444444; KOORD=$REPLY
	add_staff TIM_TEKNIS 'Teknisi Satu' 555555; TEKNIS=$REPLY
	add_staff HELPDESK 'Petugas Helpdesk' 666666; HELPDESK=$REPLY
}

# submit [EXTRA ARGS...]: a valid request for 2026-11-29 10:00-12:00 (the clock must be before);
# extra arguments are appended (e.g. --companion). Sets REQ to its number.
submit() {
	REQ=$(ctl request submit --name "Nurul 'Aini" --nik 3171054501900003 \
		--institution 'PT Maju Jaya' --phone '0812-3456-7890' --email nurul@example.co.id \
		--category maintenance --purpose 'Ganti hard disk server aplikasi' \
		--start '2026-11-29 10:00' --end '2026-11-29 12:00' --equipment 'Laptop' \
		--consent "$@" | last_line)
	[[ $REQ =~ ^AKS-[0-9]{8}-[0-9]{5,9}$ ]] || fail "submit printed '$REQ', not a request number"
}

# to_recorded REQ [ESCORT]: steps 2-6 by the setup_staff accounts; REQ ends RECORDED with ESCORT
# (default TEKNIS) assigned, its passes issued.
to_recorded() {
	as "$KADIS" dispose "$1" >/dev/null
	as "$KABID" dispose "$1" >/dev/null
	as "$KOORD" verify "$1" >/dev/null
	as "$KABID" decide "$1" --approve >/dev/null
	as "$KOORD" assign "$1" --escort "${2:-$TEKNIS}" >/dev/null
	as "$HELPDESK" record "$1" >/dev/null
}

# expect_state REQ STATE STEP: the DB row and `request show --json` both say STATE and STEP.
expect_state() {
	local got
	got=$(sql "SELECT state || ' ' || last_step FROM request WHERE number = '$1'")
	[[ $got == "$2 $3" ]] || fail "$1 in the DB is '$got', expected '$2 $3'"
	local json
	json=$(as "$ADMIN" --json request show "$1")
	grep -q "\"state\":\"$2\"" <<<"$json" || fail "request show --json state is not $2: $json"
	grep -q "\"last_step\":$3," <<<"$json" || fail "request show --json last_step is not $3: $json"
	if command -v python3 >/dev/null; then
		python3 -m json.tool <<<"$json" >/dev/null || fail "request show --json is not JSON"
	fi
}

# expect_fail CODE TEXT COMMAND...: COMMAND exits with CODE ("nz" = any non-zero) and writes exactly
# one line on stderr, "aksesctl: ..." containing TEXT (fixed string, case-insensitive).
expect_fail() {
	local code=$1 text=$2
	shift 2
	local rc=0
	"$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
	if [[ $code == nz ]]; then
		((rc != 0)) || fail "expected failure, got exit 0 from: $*"
	else
		((rc == code)) || fail "expected exit $code, got $rc from: $* (stderr: $(cat "$WORK/err"))"
	fi
	local lines
	lines=$(wc -l <"$WORK/err")
	((lines == 1)) || fail "expected one line on stderr, got $lines from: $*: $(cat "$WORK/err")"
	grep -q '^aksesctl: ' "$WORK/err" || fail "stderr does not start with 'aksesctl: ': $(cat "$WORK/err")"
	grep -qiF -- "$text" "$WORK/err" || fail "stderr lacks '$text': $(cat "$WORK/err")"
}

# expect_denied TEXT COMMAND...: a scan decided DENIED: exit 3, "DENIED: ..." with TEXT on stdout
# (the decision is the command's answer, not an error, so stderr stays empty).
expect_denied() {
	local text=$1 rc=0
	shift
	"$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
	((rc == 3)) || fail "expected exit 3 (DENIED), got $rc from: $*: $(cat "$WORK/out" "$WORK/err")"
	grep -q '^DENIED: ' "$WORK/out" || fail "no 'DENIED: ' line: $(cat "$WORK/out")"
	grep -qiF -- "$text" "$WORK/out" || fail "DENIED line lacks '$text': $(cat "$WORK/out")"
	[[ ! -s $WORK/err ]] || fail "stderr not empty on DENIED: $(cat "$WORK/err")"
}

# unchanged_by CODE TEXT COMMAND...: expect_fail, and the whole dump is identical afterwards (for
# commands that sign no one in).
unchanged_by() {
	local before
	before=$(dump)
	expect_fail "$@"
	[[ $(dump) == "$before" ]] || fail "the DB changed after the refused: ${*:3}"
}

# tried_by CODE TEXT COMMAND...: expect_fail for a number + phone digits try, and nothing changed
# but that one try's record (lookup_attempt: what the guard against guessing counts).
tried_by() {
	local before n
	before=$(dump_except lookup_attempt)
	n=$(sql "SELECT count(*) FROM lookup_attempt")
	expect_fail "$@"
	[[ $(dump_except lookup_attempt) == "$before" ]] ||
		fail "the DB changed after the refused: ${*:3}"
	[[ $(sql "SELECT count(*) FROM lookup_attempt") == $((n + 1)) ]] ||
		fail "the try was not recorded: ${*:3}"
}

# no_effect_by CODE TEXT COMMAND...: expect_fail, and nothing but the sign-in's own traces changed.
no_effect_by() {
	local before
	before=$(snapshot)
	expect_fail "$@"
	[[ $(snapshot) == "$before" ]] || fail "the DB changed (beyond sign-in) after: ${*:3}"
}

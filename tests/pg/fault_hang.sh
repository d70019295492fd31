#!/usr/bin/env bash
# fault_hang.sh - issue 11, "Faults": a server that hangs (its processes stopped with SIGSTOP, as
# a frozen VM or a stuck disk leaves it; the kernel still ACKs TCP, so keepalives never fire) must
# not hang a station. A door (rel_loop scan, store-linked) meets the frozen server: it reports the
# server gone within 10 s + slack and keeps looping; after the thaw it confirms scans again and
# nothing it confirmed is lost. aksesctl on the frozen server, started then or already connected
# and waiting for its PIN, fails within 16 s with "cannot be reached" in its language, writing
# nothing. Every wait is bounded (`timeout`, counted loops): a hang is a failure with a reason.
set -euo pipefail
. "$(dirname "$0")/fault_lib.sh"
. "$(dirname "$0")/freeze_lib.sh"

PORT=$((AKSES_PG_PORT + 11))
DATA=$(pg_dir "$PORT")/data
FREEZE_S=25       # how long the door meets a frozen server
ANSWER_MAX_MS=16000 # the driver's 10 s deadline, with slack for a loaded machine
RECOVER_MAX_S=15    # from the thaw to the door's next confirmation
FAULT_MAX_OK=${FAULT_MAX_OK:-60} # the door's confirmations in all: the lane is bounded by count
CTL_PIDS=()
hang_cleanup() {
	pg_thaw # before pg-down: a stopped server cannot be shut down
	local p
	for p in "${CTL_PIDS[@]}" "${LANE_PIDS[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	fault_cleanup
}
trap hang_cleanup EXIT

fault_server "$PORT"
export AKSES_DB="host=127.0.0.1 port=$PORT user=postgres dbname=akses"
cd "$WORK" # the audit key is "<database>.key" in the working folder
at '2026-11-29 08:00'
setup_staff
recorded "$TEKNIS" --companion 'José Ramos;1371011203850003' \
	--companion 'Made Wirawan;5171022308880005'
mapfile -t TOK < <(tokens "$REQ")
((${#TOK[@]} == 3)) || fail "expected 3 tokens, got ${#TOK[@]}"
at '2026-11-29 10:30'

# ---- a. a door scanning through a freeze ----------------------------------------------------
TRACE=$WORK/door.trace
# trace_first WHAT FROM: the time (ms) of the first WHAT outcome at or after FROM; empty if none.
trace_first() {
	awk -v w="$1" -v t="$2" '$2 == w && $1 >= t { print $1; exit }' "$TRACE"
}
# trace_last WHAT BEFORE: the time (ms) of the last WHAT outcome before BEFORE; empty if none.
trace_last() {
	awk -v w="$1" -v t="$2" '$2 == w && $1 < t { last = $1 } END { if (last) print last }' "$TRACE"
}
REL_TRACE=$TRACE REL_PAUSE_MS=200 lane door scan "$TEKNIS" 'Pintu 1' "${TOK[@]}"
wait_confirmed door 10
pg_freeze "$DATA" || fail "cannot freeze the server on port $PORT"
FROZE=$(now_ms)
BEFORE=$(confirmed_all)
echo "server on port $PORT frozen (SIGSTOP to ${#FROZEN_PIDS[@]} processes) after $BEFORE confirmations"
sleep "$FREEZE_S"
# still frozen: the door must have come back from the server by itself, and gone on looping
LAST_OK=$(trace_last ok "$FROZE")
FIRST_GONE=$(trace_first gone "$FROZE")
[[ -n $FIRST_GONE ]] ||
	fail "the door is stuck: no answer in ${FREEZE_S} s on the frozen server (last confirmation $(secs $((FROZE - LAST_OK))) s before the freeze)"
[[ -n $LAST_OK ]] || fail "no confirmation before the freeze in $TRACE"
[[ -z $(trace_last gone "$FROZE") ]] || fail "the door met a gone server before the freeze"
N_GONE=$(awk -v t="$FROZE" '$2 == "gone" && $1 >= t' "$TRACE" | wc -l)
((N_GONE >= 2)) || fail "the door answered gone once, then nothing more in ${FREEZE_S} s: stuck again"
GAP=$((FIRST_GONE - LAST_OK))
echo "door: last confirmation $(secs $((FROZE - LAST_OK))) s before the freeze; first 'gone' $(secs $((FIRST_GONE - FROZE))) s after it ($(secs "$GAP") s after that confirmation); $N_GONE 'gone' answers while frozen"
((GAP <= ANSWER_MAX_MS)) ||
	fail "the door took $(secs "$GAP") s to report the frozen server gone (at most $(secs $ANSWER_MAX_MS) s)"
pg_thaw
THAWED=$(now_ms)
for ((i = 0; i < RECOVER_MAX_S * 10; i++)); do
	[[ -n $(trace_first ok "$THAWED") ]] && break
	sleep 0.1
done
BACK=$(trace_first ok "$THAWED")
[[ -n $BACK ]] || fail "the door confirmed no scan within $RECOVER_MAX_S s of the thaw: $(tail -n 3 "$TRACE" | paste -sd ' ')"
echo "server thawed; the door confirmed again $(secs $((BACK - THAWED))) s later"
fault_verify # the door finished, every scan it confirmed is in the DB, the passes agree with them

# ---- b. aksesctl on a frozen server ---------------------------------------------------------
# hang_ctl NAME LANG [GATE]: in the background, `aksesctl --lang LANG scan` of a pass by its
# escort, under `timeout 40`, as application NAME on the server. With GATE, its PIN comes on stdin
# only once the file GATE exists: it connects first and waits for the PIN there. NAME.rc gets its
# exit status, NAME.ms the milliseconds from its PIN (or its start) to its exit.
hang_ctl() {
	local name=$1 lang=$2 gate=${3:-}
	(
		set +e
		t0=$WORK/$name.t0
		{
			for ((j = 0; j < 600; j++)); do
				[[ -z $gate || -e $gate ]] && break
				sleep 0.1
			done
			now_ms >"$t0"
			printf '%s\n' "${PIN[$TEKNIS]}"
		} | AKSES_CONFIG=$WORK/door.ini PGAPPNAME=$name timeout 40 "$AKSESCTL" --lang "$lang" scan "${TOK[0]}" \
			--station 'Pintu 1' --as "$TEKNIS" >"$WORK/$name.out" 2>"$WORK/$name.err"
		echo "${PIPESTATUS[1]}" >"$WORK/$name.rc"
		echo $(($(now_ms) - $(cat "$t0"))) >"$WORK/$name.ms"
	) &
	CTL_PIDS+=($!)
}
# ctl_gone NAME TEXT: aksesctl NAME failed within ANSWER_MAX_MS with one line saying TEXT, and
# decided nothing.
ctl_gone() {
	local rc ms
	rc=$(cat "$WORK/$1.rc") ms=$(cat "$WORK/$1.ms")
	((rc != 124)) || fail "aksesctl ($1) hung on the frozen server: killed by timeout after 40 s"
	((rc != 0)) || fail "aksesctl ($1) succeeded on a frozen server: $(cat "$WORK/$1.out")"
	[[ $(wc -l <"$WORK/$1.err") == 1 ]] || fail "aksesctl ($1): not one line on stderr: $(cat "$WORK/$1.err")"
	grep -q '^aksesctl: ' "$WORK/$1.err" || fail "aksesctl ($1): $(cat "$WORK/$1.err")"
	grep -qF -- "$2" "$WORK/$1.err" || fail "aksesctl ($1) does not say '$2': $(cat "$WORK/$1.err")"
	[[ ! -s $WORK/$1.out ]] || fail "aksesctl ($1) printed a decision: $(cat "$WORK/$1.out")"
	((ms <= ANSWER_MAX_MS)) || fail "aksesctl ($1) took $(secs "$ms") s (at most $(secs $ANSWER_MAX_MS) s)"
	echo "aksesctl ($1): exit $rc after $(secs "$ms") s: $(cat "$WORK/$1.err")"
}
before=$(AKSES_TEST_DB=$AKSES_DB dump) # dump_except reads a server when AKSES_TEST_DB names one
GATE=$WORK/pin.gate
hang_ctl held-en en "$GATE"
hang_ctl held-id id "$GATE"
for ((i = 0; i < 300; i++)); do
	[[ $(psql_on "$PORT" "SELECT count(*) FROM pg_stat_activity WHERE state = 'idle'
		AND application_name IN ('held-en', 'held-id')") == 2 ]] && break
	sleep 0.1
done
((i < 300)) || fail "the two aksesctl did not connect and wait for their PINs"
pg_freeze "$DATA" || fail "cannot freeze the server on port $PORT"
echo "server frozen again: two aksesctl connected before, waiting for their PINs; two started now"
hang_ctl new-en en
hang_ctl new-id id
touch "$GATE" # the PINs: the sign-ins go to the frozen server on the established connections
for p in "${CTL_PIDS[@]}"; do
	wait "$p" || true
done
CTL_PIDS=()
pg_thaw
for name in held-en new-en; do
	ctl_gone "$name" 'The database server cannot be reached'
done
for name in held-id new-id; do
	ctl_gone "$name" 'Server database tidak dapat dihubungi'
done
# the cut-off sessions end once their server reads on; nothing of theirs may be left
for ((i = 0; i < 300; i++)); do
	[[ $(psql_on "$PORT" "SELECT count(*) FROM pg_stat_activity
		WHERE application_name IN ('held-en', 'held-id')") == 0 ]] && break
	sleep 0.1
done
((i < 300)) || fail "the cut-off aksesctl sessions are still on the server after the thaw"
[[ $(AKSES_TEST_DB=$AKSES_DB dump) == "$before" ]] || fail "the DB changed through aksesctl on a frozen server"
AKSES_CONFIG=$WORK/door.ini as "$TEKNIS" scan "${TOK[0]}" --station 'Pintu 1' >"$WORK/after" ||
	fail "aksesctl scan after the thaw: $(cat "$WORK/after")"
echo "after the thaw aksesctl scans again: $(head -n 1 "$WORK/after")"
check_db
echo "fault_hang: OK"

#!/usr/bin/env bash
# tests/pg/conc_ctl.sh - several real aksesctl processes at once against one DB (issue 11): kiosks
# submitting together get unique, gap-free numbers; two officials pressing one step take it once
# (the other hears why); wrong PINs typed at once lock after exactly the free tries; the audit
# chain verifies whole afterwards. On SQLite, or on the server AKSES_TEST_DB names (label pg).
set -euo pipefail
: "${AKSESCTL:?AKSESCTL must name the aksesctl binary}"
# shellcheck source=tests/tools/testdb.sh
. "$(dirname "$0")/../tools/testdb.sh"

export TZ=Asia/Jakarta LC_ALL=C.UTF-8
unset AKSES_PIN AKSES_NEW_PIN AKSES_CONFIG
WORK=$(mktemp -d "${TMPDIR:-/tmp}/akses-conc.XXXXXX")
trap 'testdb_drop_all; rm -rf "$WORK"' EXIT
cd "$WORK" # a server's audit key is "<database>.key" in the working folder
testdb_new "$WORK/akses.db"
export AKSES_DB=$TESTDB AKSES_NOW='2026-11-29 08:00'
ROUNDS=5 # bounded by count; each round starts its processes together
KIOSKS=8

fail() {
	echo "FAIL (conc_ctl.sh:${BASH_LINENO[0]}): $*" >&2
	exit 1
}
sql() { testdb_sql "$AKSES_DB" "$1"; }

# Staff: the ADMIN from init, then one account per role, PINs known.
ADMIN=$(echo 111111 | "$AKSESCTL" --lang en init --admin 'Ana Admin' | tail -n 1)
[[ $ADMIN =~ ^[0-9]+$ ]] || fail "init printed '$ADMIN'"
add() {
	REPLY=$(printf '111111\n%s\n' "$3" |
		"$AKSESCTL" --lang en staff add --as "$ADMIN" --name "$2" --role "$1" | tail -n 1)
	[[ $REPLY =~ ^[0-9]+$ ]] || fail "staff add $1 printed '$REPLY'"
}
add KADIS 'Drs. Kadis Kepala' 222222; KADIS=$REPLY
add KABID 'Ir. Kabid Aptika' 333333; KABID=$REPLY

# The barrier: every process waits for a shared lock on GATE while this shell holds it
# exclusively, so all start within a moment of `gate_open`.
GATE=$WORK/gate
: >"$GATE"
gate_close() { exec {GATE_FD}>"$GATE" && flock -x "$GATE_FD"; }
gate_open() { flock -u "$GATE_FD" && exec {GATE_FD}>&-; }
# later NAME CMD...: CMD behind the gate in the background, stdout/stderr/exit code kept as NAME.*
later() {
	local name=$1
	shift
	(
		exec {GATE_FD}>&- # the gate's own lock stays with this shell
		rc=0
		flock -s "$GATE" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || rc=$?
		echo "$rc" >"$WORK/$name.rc"
	) &
}

submit_args=(request submit --name "Nurul 'Aini" --nik 3171054501900003
	--institution 'PT Maju Jaya' --phone '0812-3456-7890' --email nurul@example.co.id
	--category maintenance --purpose 'Ganti hard disk server aplikasi'
	--start '2026-11-29 10:00' --end '2026-11-29 12:00' --equipment Laptop --consent)

taken=0
for ((round = 0; round < ROUNDS; round++)); do
	# --- KIOSKS kiosks submit at once: numbers taken+1 .. taken+KIOSKS, none twice, no gap
	gate_close
	for ((k = 0; k < KIOSKS; k++)); do
		later "sub$k" "$AKSESCTL" --lang en "${submit_args[@]}"
	done
	gate_open
	wait
	nums=()
	for ((k = 0; k < KIOSKS; k++)); do
		[[ $(cat "$WORK/sub$k.rc") == 0 ]] || fail "round $round kiosk $k: $(cat "$WORK/sub$k.err")"
		n=$(tail -n 1 "$WORK/sub$k.out")
		[[ $n =~ ^AKS-20261129-([0-9]{5})$ ]] || fail "kiosk $k printed '$n'"
		nums+=("$((10#${BASH_REMATCH[1]}))")
	done
	want=$(seq $((taken + 1)) $((taken + KIOSKS)) | tr '\n' ' ')
	got=$(printf '%s\n' "${nums[@]}" | sort -n | tr '\n' ' ')
	[[ $got == "$want" ]] || fail "round $round: numbers '$got', expected '$want'"
	taken=$((taken + KIOSKS))
	[[ $(sql "SELECT count(DISTINCT number) FROM request") == "$taken" ]] ||
		fail "round $round: $(sql "SELECT count(DISTINCT number) FROM request") numbers in the DB"

	# --- two officials press step 2 on one request at once: one takes it, one hears why not
	req=$(tail -n 1 "$WORK/sub0.out")
	gate_close
	for o in a b; do
		later "disp$o" sh -c 'echo 222222 | "$1" --lang en dispose "$2" --as "$3"' sh \
			"$AKSESCTL" "$req" "$KADIS"
	done
	gate_open
	wait
	ok=0
	for o in a b; do
		if [[ $(cat "$WORK/disp$o.rc") == 0 ]]; then
			ok=$((ok + 1))
		else
			if [[ $(wc -l <"$WORK/disp$o.err") != 1 ]] ||
				! grep -q "^aksesctl: .*This step does not apply to the request in its current state" \
					"$WORK/disp$o.err"; then
				fail "round $round: the refused dispose said: $(cat "$WORK/disp$o.err")"
			fi
		fi
	done
	((ok == 1)) || fail "round $round: dispose taken $ok times"
	[[ $(sql "SELECT count(*) FROM step s JOIN request r ON r.id = s.request_id
	          WHERE r.number = '$req' AND s.step = 2") == 1 ]] || fail "round $round: step 2 rows"
done

# --- 7 wrong PINs typed at once at one station (aksesctl's): 5 counted, then locked out
gate_close
for ((k = 0; k < 7; k++)); do
	later "pin$k" sh -c 'echo 999999 | "$1" --lang en inbox --as "$2"' sh "$AKSESCTL" "$KABID"
done
gate_open
wait
wrong=$(cat "$WORK"/pin*.err | grep -c "The staff number or the PIN is wrong" || true)
locked=$(cat "$WORK"/pin*.err | grep -c "Too many wrong PINs at this station" || true)
((wrong == 5 && locked == 2)) || fail "wrong PINs at once: $wrong wrong, $locked locked (want 5, 2)"
[[ $(sql "SELECT count(*) FROM signin WHERE staff_id = $KABID AND why = 'wrong'") == 5 ]] ||
	fail "wrong PINs recorded: $(sql "SELECT count(*) FROM signin WHERE staff_id = $KABID AND why = 'wrong'")"

# --- the chain all these processes appended verifies whole, every row counted
rows=$(sql "SELECT count(*) FROM audit")
"$AKSESCTL" --lang en audit verify >"$WORK/verify" || fail "audit verify: $(cat "$WORK/verify")"
grep -q "intact: $rows rows" "$WORK/verify" || fail "audit verify said: $(cat "$WORK/verify")"
echo "conc_ctl: $ROUNDS rounds x $KIOSKS kiosks, $taken numbers gap-free, $rows audit rows intact"

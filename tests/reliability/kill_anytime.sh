#!/usr/bin/env bash
# kill_anytime.sh - PRODUCT.md "a kill at any moment loses nothing that was confirmed": aksesctl
# submissions and door scans, then store-linked loops of both (whose kills land inside
# transactions far more often), each SIGKILLed at random moments for ~20 s in all. Afterwards every
# confirmed request number and scan is in the DB, numbers have no gap, and check_db holds.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CLI_SECONDS=${REL_CLI_SECONDS:-11}
LOOP_SECONDS=${REL_LOOP_SECONDS:-9}

at '2026-11-29 08:00'
setup_staff
recorded "$TEKNIS" --companion 'José Ramos;1371011203850003' --companion 'Made Wirawan;5171022308880005'
mapfile -t TOK < <(tokens "$REQ")
((${#TOK[@]} == 3)) || fail "expected 3 tokens, got ${#TOK[@]}"

# ---- 1. aksesctl: submissions killed 5-150 ms after they start (one takes 30-100 ms while the
# door lane runs beside it), and an escort's scans at the door (sign-in with Argon2id ~80 ms, then
# the scan) killed 30-200 ms after they start.
SUBMIT=("$AKSESCTL" --lang en request submit --name "Nurul 'Aini" --nik 3171054501900003
	--institution 'PT Maju Jaya' --phone '0812-3456-7890' --category maintenance
	--purpose 'Ganti hard disk' --start '2026-11-29 10:00' --end '2026-11-29 12:00'
	--companion 'Ni Luh Putu Ayu;1371015203950002' --consent)
AKSES_NOW='2026-11-29 08:30' "$REL_CHAOS" "$CLI_SECONDS" 5 150 "$WORK/cli-submit.log" \
	"$WORK/cli-submit.err" -- "${SUBMIT[@]}" >"$WORK/cli-submit.sum" &
sub_pid=$!
AKSES_NOW='2026-11-29 10:30' AKSES_PIN=${PIN[$TEKNIS]} AKSES_CONFIG=$WORK/door.ini \
	"$REL_CHAOS" "$CLI_SECONDS" 30 200 "$WORK/cli-scan.log" "$WORK/cli-scan.err" -- \
	"$AKSESCTL" --lang en scan "${TOK[0]}" --as "$TEKNIS" --station 'Pintu A' >"$WORK/cli-scan.sum" &
scan_pid=$!
wait "$sub_pid" || fail "aksesctl submit runs failed: $(cat "$WORK/cli-submit.sum" "$WORK/cli-submit.err")"
wait "$scan_pid" || fail "aksesctl scan runs failed: $(cat "$WORK/cli-scan.sum" "$WORK/cli-scan.err")"

# ---- 2. rel_loop stations: one store_submit / store_scan after another, killed 20-250 ms after
# they start, so most kills land between BEGIN and COMMIT or inside the commit itself.
AKSES_NOW='2026-11-29 08:40' "$REL_CHAOS" "$LOOP_SECONDS" 20 250 "$WORK/loop-submit.log" \
	"$WORK/loop-submit.err" -- "$REL_LOOP" submit "$AKSES_DB" 0 >"$WORK/loop-submit.sum" &
sub_pid=$!
AKSES_NOW='2026-11-29 10:40' "$REL_CHAOS" "$LOOP_SECONDS" 20 250 "$WORK/loop-scan.log" \
	"$WORK/loop-scan.err" -- "$REL_LOOP" scan "$AKSES_DB" 0 "$TEKNIS" 'Pintu B' "${TOK[1]}" \
	"${TOK[2]}" >"$WORK/loop-scan.sum" &
scan_pid=$!
wait "$sub_pid" || fail "rel_loop submit runs failed: $(cat "$WORK/loop-submit.sum" "$WORK/loop-submit.err")"
wait "$scan_pid" || fail "rel_loop scan runs failed: $(cat "$WORK/loop-scan.sum" "$WORK/loop-scan.err")"

# ---- what survived
for lane in cli-submit cli-scan loop-submit loop-scan; do
	s=$(cat "$WORK/$lane.sum")
	echo "$lane: $s"
	(($(stat_of killed "$s") >= 10)) || fail "$lane: too few runs were killed to prove anything: $s"
	(($(stat_of lines "$s") >= 5)) || fail "$lane: too few confirmations to prove anything: $s"
done
# no run said anything on stderr: a kill leaves no message, and nothing else may have failed
for lane in cli-submit cli-scan loop-submit loop-scan; do
	[[ ! -s $WORK/$lane.err ]] || fail "$lane wrote errors: $(head -n 5 "$WORK/$lane.err")"
done

n_confirmed=$(all_confirmed_in_db "$WORK/cli-submit.log" "$WORK/loop-submit.log")
n_stored=$(sql "SELECT count(*) FROM request")
echo "requests: $n_confirmed confirmed, $n_stored in the DB (the difference: committed, killed before printing)"
((n_stored >= n_confirmed)) || fail "fewer requests stored than confirmed"
# every CLI submission carried a companion: its row came with the request or neither did
bad=$(sql "SELECT number FROM request r WHERE r.purpose = 'Ganti hard disk' AND
	(SELECT count(*) FROM companion WHERE request_id = r.id) <> 1 LIMIT 3")
[[ -z $bad ]] || fail "a request without its companion row: $bad"

# the CLI door: each ENTRY/EXIT it printed is an accepted scan of pass 1 in the DB
cli_ok=$(grep -c '^\(ENTRY\|EXIT\) ' "$WORK/cli-scan.log" || true)
db_ok=$(sql "SELECT count(*) FROM scan s JOIN pass p ON p.id = s.pass_id
	WHERE s.decision IN ('ENTRY', 'EXIT') AND s.station = 'Pintu A'")
echo "door A (aksesctl): $cli_ok scans confirmed, $db_ok accepted in the DB"
((cli_ok > 0 && db_ok >= cli_ok)) || fail "door A: $cli_ok confirmed but $db_ok in the DB"
n_scans=$(scans_confirmed_in_db "$WORK/loop-scan.log")
echo "door B (rel_loop): $n_scans scans confirmed, $(sql "SELECT count(*) FROM scan WHERE station = 'Pintu B'") in the DB"
! grep -q ' DENIED$' "$WORK/loop-scan.log" || fail "door B: a scan was DENIED (the passes alternate)"

check_db
echo "audit rows: $(sql 'SELECT count(*) FROM audit'); integrity ok; chain verified"
echo "kill_anytime: OK"

#!/usr/bin/env bash
# shared_db.sh - docs/product.md, "several processes may share one DB file": for ~10 s a reception
# station submits, two SOP stations race each other through steps 2-6 on the same requests, two
# doors scan their own escorts' passes, a reader lists, logs and verifies, and aksesctl submits and
# reads beside them. No AKSES_E_BUSY reaches anyone (the busy timeout absorbs the contention), every
# action commits or is refused cleanly, each confirmation is in the DB, and check_db holds.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SECONDS_RUN=${REL_SHARED_SECONDS:-10}

at '2026-11-29 08:00'
setup_staff
add_staff TIM_TEKNIS 'Teknisi Dua' 777777
TEKNIS2=$REPLY
recorded "$TEKNIS" --companion 'José Ramos;1371011203850003' --companion 'Made Wirawan;5171022308880005'
mapfile -t TOK1 < <(tokens "$REQ")
recorded "$TEKNIS2" --companion 'Ni Luh Putu Ayu;1371015203950002' --companion 'Siti Nurhaliza;1371015506920006'
mapfile -t TOK2 < <(tokens "$REQ")
((${#TOK1[@]} == 3 && ${#TOK2[@]} == 3)) || fail "expected 3 + 3 tokens"

at '2026-11-29 10:30'
# The reception and the doors rest 1 ms between rounds (far busier than any real door still); with
# no rest at all they leave the SOP stations few steps to race for (test_rel_tx covers that case).
L=("$REL_LOOP")
REL_PAUSE_MS=1 "${L[@]}" submit "$AKSES_DB" "$SECONDS_RUN" >"$WORK/submit.out" 2>"$WORK/submit.err" &
pids=($!)
for f in 1 2; do
	"${L[@]}" flow "$AKSES_DB" "$SECONDS_RUN" "$KADIS" "$KABID" "$KOORD" "$HELPDESK" "$TEKNIS" \
		>"$WORK/flow$f.out" 2>"$WORK/flow$f.err" &
	pids+=($!)
done
REL_PAUSE_MS=1 "${L[@]}" scan "$AKSES_DB" "$SECONDS_RUN" "$TEKNIS" 'Pintu 1' "${TOK1[@]}" \
	>"$WORK/door1.out" 2>"$WORK/door1.err" &
pids+=($!)
REL_PAUSE_MS=1 "${L[@]}" scan "$AKSES_DB" "$SECONDS_RUN" "$TEKNIS2" 'Pintu 2' "${TOK2[@]}" \
	>"$WORK/door2.out" 2>"$WORK/door2.err" &
pids+=($!)
"${L[@]}" read "$AKSES_DB" "$SECONDS_RUN" "$KADIS" >"$WORK/read.out" 2>"$WORK/read.err" &
pids+=($!)

# aksesctl beside them: a visitor's submission, the evacuation list, an inbox, the day's log
cli_runs=0
end=$((SECONDS + SECONDS_RUN))
while ((SECONDS < end)); do
	for cmd in submit inside inbox log; do
		rc=0
		case $cmd in
		submit)
			ctl request submit --name 'Ḥasan al-Banna' --nik 3171010101800004 \
				--institution 'Dinas Kominfo' --phone '+62 813 1111 2222' --purpose 'Audit' \
				--start '2026-11-29 11:00' --end '2026-11-29 13:00' --consent \
				>"$WORK/cli.out" 2>"$WORK/cli.err" || rc=$?
			tail -n 1 "$WORK/cli.out" >>"$WORK/cli-submit.log"
			;;
		inside) as "$HELPDESK" inside >"$WORK/cli.out" 2>"$WORK/cli.err" || rc=$? ;;
		inbox) as "$KOORD" inbox >"$WORK/cli.out" 2>"$WORK/cli.err" || rc=$? ;;
		log) as "$HELPDESK" log 2026-11-29 >"$WORK/cli.out" 2>"$WORK/cli.err" || rc=$? ;;
		esac
		((rc == 0)) || fail "aksesctl $cmd failed beside the stations ($rc): $(cat "$WORK/cli.err")"
		[[ ! -s $WORK/cli.err ]] || fail "aksesctl $cmd said: $(cat "$WORK/cli.err")"
		cli_runs=$((cli_runs + 1))
	done
done

for i in "${!pids[@]}"; do
	wait "${pids[$i]}" || true
done
for lane in submit flow1 flow2 door1 door2 read; do
	sum=$(tail -n 1 "$WORK/$lane.out")
	echo "$lane: $sum"
	[[ $sum == done* ]] || fail "$lane did not finish: $(tail -n 3 "$WORK/$lane.err")"
	[[ ! -s $WORK/$lane.err ]] || fail "$lane: $(head -n 5 "$WORK/$lane.err")"
	(($(stat_of busy "$sum") == 0)) || fail "$lane met AKSES_E_BUSY: $sum"
	(($(stat_of failed "$sum") == 0)) || fail "$lane failed: $sum"
	(($(stat_of ok "$sum") >= 5)) || fail "$lane did almost nothing: $sum"
done
echo "aksesctl: $cli_runs commands, all exit 0 with nothing on stderr"

n=$(all_confirmed_in_db "$WORK/submit.out" "$WORK/cli-submit.log")
echo "requests: $n confirmed, $(sql 'SELECT count(*) FROM request') in the DB"
n=$(scans_confirmed_in_db "$WORK/door1.out" "$WORK/door2.out")
echo "scans: $n confirmed, $(sql 'SELECT count(*) FROM scan') in the DB"
! grep -q ' DENIED$' "$WORK/door1.out" "$WORK/door2.out" ||
	fail "a door scan was DENIED: each pass alternates entry and exit on its own door"

# each step a flow station confirmed is exactly one step row of that request
grep -h '^ACT ' "$WORK/flow1.out" "$WORK/flow2.out" | awk '{ print $2 "," $3 }' >"$WORK/acts.csv" || true
sql "SELECT r.number || ',' || s.action FROM step s JOIN request r ON r.id = s.request_id
	GROUP BY r.number, s.action HAVING count(*) = 1" | sort >"$WORK/acts.db"
bad=$(sort -u "$WORK/acts.csv" | comm -23 - "$WORK/acts.db" | head -n 5)
bad+=$(sort "$WORK/acts.csv" | uniq -d | sed 's/^/ confirmed twice: /' | head -n 5)
[[ -z $bad ]] || fail "confirmed steps not in the DB exactly once: $bad"
(($(wc -l <"$WORK/acts.csv") >= 20)) || fail "the SOP stations took too few steps to race"
echo "steps: $(wc -l <"$WORK/acts.csv") confirmed by the two SOP stations;" \
	"$(sql "SELECT count(*) FROM request WHERE state = 'RECORDED'") requests recorded"

check_db
echo "shared_db: OK"

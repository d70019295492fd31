# tests/pg/fault_lib.sh - what the PostgreSQL fault tests (fault_kill.sh, fault_failover.sh)
# share: servers of their own they may kill (tests/tools/pg-up.sh, pg-standby.sh, pg-down.sh),
# the SOP set up through aksesctl (tests/reliability/lib.sh's helpers), store-linked stations
# (rel_loop) that print only what the store confirmed, and the checks that nothing confirmed is
# lost and nothing is half-written. Sourced after `set -euo pipefail`. Needs AKSES_PG_PORT (the
# fixture's port: the servers here take odd ports above it) and AKSES_PG_TOOLS.
. "$(dirname "${BASH_SOURCE[0]}")/../reliability/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/../tools/testdb.sh"

: "${AKSES_PG_PORT:?AKSES_PG_PORT: run through ctest (label pg)}"
: "${AKSES_PG_TOOLS:?AKSES_PG_TOOLS: run through ctest (label pg)}"
PGBIN=${AKSES_PG_BIN:-/usr/lib/postgresql/15/bin}
FAULT_PORTS=()

# pg_dir PORT: the folder of the server on PORT.
pg_dir() {
	echo "/tmp/akses-pg-$1"
}

# as_pg CMD: run CMD as the user "postgres" when root (PostgreSQL refuses to run as root).
as_pg() {
	if [[ $(id -u) -eq 0 ]]; then
		su postgres -s /bin/sh -c "$1"
	else
		sh -c "$1"
	fi
}

# pg_tool TOOL PORT ARGS...: tests/tools/TOOL for the server on PORT.
pg_tool() {
	local tool=$1 port=$2
	shift 2
	AKSES_PG_PORT=$port AKSES_PG_DIR=$(pg_dir "$port") sh "$AKSES_PG_TOOLS/$tool" "$@"
}

# fault_server PORT: a fresh server of this test's own on PORT (whatever an earlier run left
# there removed first); removed again on exit.
fault_server() {
	pg_tool pg-down.sh "$1"
	FAULT_PORTS+=("$1")
	pg_tool pg-up.sh "$1" -q >/dev/null || fail "cannot start a server on port $1"
}

# fault_standby PRIMARY PORT: a streaming standby of the server on PRIMARY, on PORT.
fault_standby() {
	pg_tool pg-down.sh "$2"
	FAULT_PORTS+=("$2")
	pg_tool pg-standby.sh "$2" "$1" || fail "cannot make a standby on port $2"
}

fault_cleanup() {
	local p
	for p in "${FAULT_PORTS[@]}"; do
		pg_tool pg-down.sh "$p" || true
	done
	rm -rf "$WORK"
}
trap fault_cleanup EXIT

# psql_on PORT SQL: rows of SQL on database akses of the server on PORT ('|' between columns).
psql_on() {
	"$PGBIN/psql" -X -q -At -F '|' -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d akses \
		-c "$2"
}

# The ctl helpers query the DB through sql: here the server named by $AKSES_DB. What SQLite's
# PRAGMAs check (tests/reliability/lib.sh's check_db) is asked of the server in its own terms:
# integrity_check is amcheck's bt_index_check on every index (a crash must leave none damaged);
# foreign keys the server enforced at each statement, so nothing can be left to find.
sql() {
	case "$1" in
	'PRAGMA integrity_check')
		testdb_sql "$AKSES_DB" "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null
		testdb_sql "$AKSES_DB" "SELECT count(bt_index_check(c.oid)) FROM pg_index i
			JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE a.amname = 'btree' AND n.nspname = 'public'" >/dev/null && echo ok
		;;
	'PRAGMA foreign_key_check') ;;
	*) testdb_sql "$AKSES_DB" "$1" ;;
	esac
}

# lane NAME MODE ARGS...: a store-linked station (rel_loop MODE on $AKSES_DB) in the background,
# its confirmations in $WORK/NAME.out; stops after $FAULT_MAX_OK confirmations (or 120 s).
LANES=() LANE_PIDS=()
lane() {
	local name=$1 mode=$2
	shift 2
	REL_MAX_OK=$FAULT_MAX_OK "$REL_LOOP" "$mode" "$AKSES_DB" 120 "$@" \
		>"$WORK/$name.out" 2>"$WORK/$name.err" &
	LANES+=("$name")
	LANE_PIDS+=($!)
}

# fault_stations: the staff, two visits recorded with their passes, and five stations working
# on $AKSES_DB: one submitting, two taking SOP steps, two doors scanning the passes.
fault_stations() {
	at '2026-11-29 08:00'
	setup_staff
	add_staff TIM_TEKNIS 'Teknisi Dua' 777777
	TEKNIS2=$REPLY
	recorded "$TEKNIS" --companion 'José Ramos;1371011203850003' \
		--companion 'Made Wirawan;5171022308880005'
	mapfile -t TOK1 < <(tokens "$REQ")
	recorded "$TEKNIS2" --companion 'Ni Luh Putu Ayu;1371015203950002' \
		--companion 'Siti Nurhaliza;1371015506920006'
	mapfile -t TOK2 < <(tokens "$REQ")
	((${#TOK1[@]} == 3 && ${#TOK2[@]} == 3)) || fail "expected 3 + 3 tokens"
	at '2026-11-29 10:30'
	REL_PAUSE_MS=20 lane submit submit
	lane flow1 flow "$KADIS" "$KABID" "$KOORD" "$HELPDESK" "$TEKNIS"
	lane flow2 flow "$KADIS" "$KABID" "$KOORD" "$HELPDESK" "$TEKNIS"
	REL_PAUSE_MS=20 lane door1 scan "$TEKNIS" 'Pintu 1' "${TOK1[@]}"
	REL_PAUSE_MS=20 lane door2 scan "$TEKNIS2" 'Pintu 2' "${TOK2[@]}"
}

# confirmed_all: how many confirmations all the lanes have printed so far.
confirmed_all() {
	local n=0 name
	for name in "${LANES[@]}"; do
		n=$((n + $(confirmed_lines "$name")))
	done
	echo "$n"
}

# kill_under_load PORT: the stations start on $AKSES_DB; once every one has confirmed some (none
# is done yet, with $FAULT_MAX_OK) the server on PORT dies (`pg_ctl stop -m immediate`), and
# stays dead for a second. Sets BEFORE to the confirmations until then.
kill_under_load() {
	local name
	cd "$WORK" # the audit key is "<database>.key" in the working folder, one for every station
	fault_stations
	for name in submit flow1 door1 door2; do
		wait_confirmed "$name" 10
	done
	BEFORE=$(confirmed_all)
	pg_tool pg-down.sh "$1" --crash --keep || fail "pg_ctl stop -m immediate on $1 failed"
	echo "server on port $1 killed (immediate) after $BEFORE confirmations"
	sleep 1 # the stations meet a dead server for a while
}

# after_outage BEFORE: the stations met the dead server and went on by themselves: more than
# BEFORE confirmations in all now, and some calls answered "gone".
after_outage() {
	local after gone=0 name
	after=$(confirmed_all)
	((after > $1)) || fail "nothing confirmed after the outage ($1 before, $after in all)"
	for name in "${LANES[@]}"; do
		gone=$((gone + $(stat_of gone "$(tail -n 1 "$WORK/$name.out")")))
	done
	((gone > 0)) || fail "no station met the dead server: the kill did not land under load"
	echo "$gone calls met the dead server; $((after - $1)) confirmations after it"
}

# confirmed_lines NAME: how many confirmations lane NAME has printed so far.
confirmed_lines() {
	grep -c -v '^done ' "$WORK/$1.out" || true
}

# wait_confirmed NAME N: until lane NAME confirmed N more than $2 (bounded: 600 looks, 0.1 s apart).
wait_confirmed() {
	local i
	for ((i = 0; i < 600; i++)); do
		(($(confirmed_lines "$1") >= $2)) && return 0
		sleep 0.1
	done
	fail "lane $1 confirmed only $(confirmed_lines "$1") of $2: $(tail -n 3 "$WORK/$1.err")"
}

# lanes_finish: wait for every lane; each ran to its end, met the outage (gone > 0 when
# $1 is "outage"), failed nothing else, and confirmed work after it.
lanes_finish() {
	local i name sum
	for i in "${!LANE_PIDS[@]}"; do
		wait "${LANE_PIDS[$i]}" || true
	done
	for name in "${LANES[@]}"; do
		sum=$(tail -n 1 "$WORK/$name.out")
		echo "$name: $sum"
		[[ $sum == done* ]] || fail "$name did not finish: $(tail -n 3 "$WORK/$name.err")"
		(($(stat_of failed "$sum") == 0)) || fail "$name failed: $(head -n 5 "$WORK/$name.err")"
	done
}

# in_db WHAT SQL: every line of stdin (a confirmation, as the rows of SQL print it) is a row of
# SQL in the DB, and none came twice. Prints how many there were.
in_db() {
	sort >"$WORK/$1"
	sql "$2" | sort >"$WORK/$1.db"
	local missing
	missing=$(comm -23 "$WORK/$1" "$WORK/$1.db")
	[[ -z $missing ]] || fail "confirmed $1 not in the DB: $(head -n 5 <<<"$missing")"
	[[ -z $(uniq -d "$WORK/$1") ]] || fail "$1 confirmed twice: $(uniq -d "$WORK/$1" | head -n 3)"
	wc -l <"$WORK/$1"
}

# companions_whole: a request has the two companions rel_loop gives every third one, or none:
# never a request row without its people rows.
companions_whole() {
	local bad
	bad=$(sql "SELECT r.number || ' has ' || count(c.request_id) FROM request r
		LEFT JOIN companion c ON c.request_id = r.id GROUP BY r.id, r.number
		HAVING count(c.request_id) NOT IN (0, 2) LIMIT 5")
	[[ -z $bad ]] || fail "a request with some of its companions: $bad"
}

# fault_verify: the stations went on by themselves after the outage and finished; every
# confirmation of theirs is in the DB, nothing is half-written, the audit chain verifies; prints
# "confirmed N, lost 0".
fault_verify() {
	lanes_finish
	after_outage "$BEFORE"
	local f=() name
	for name in "${LANES[@]}"; do f+=("$WORK/$name.out"); done
	local nr ns na
	nr=$(all_confirmed_in_db "${f[@]}")
	# "ACT number action": that step row of that request; "SCAN id pass decision": that scan row
	na=$({ grep -h '^ACT ' "${f[@]}" || true; } | awk '{ print $2 "|" $3 }' | in_db steps \
		"SELECT r.number || '|' || s.action FROM step s JOIN request r ON r.id = s.request_id")
	ns=$({ grep -h '^SCAN ' "${f[@]}" || true; } | awk '{ print $2 "|" $3 "|" $4 }' | in_db scans \
		"SELECT id || '|' || pass_id || '|' || decision FROM scan")
	companions_whole
	check_db
	echo "requests $nr, steps $na, scans $ns confirmed; all in the DB, whole"
	echo "confirmed $((nr + na + ns)), lost 0"
}

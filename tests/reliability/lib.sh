# tests/reliability/lib.sh - what the reliability scripts share on top of tests/ctl/lib.sh (fresh
# DB, staff of every role, `as`, `sql`, `expect_fail`): requests taken to step 6, pass tokens, and
# the consistency check every script ends with. Needs $REL_CHAOS and $REL_LOOP besides $AKSESCTL.

. "$(dirname "${BASH_SOURCE[0]}")/../ctl/lib.sh"
: "${REL_CHAOS:?REL_CHAOS must name the rel_chaos binary}"
: "${REL_LOOP:?REL_LOOP must name the rel_loop binary}"

# A config whose repeat guard is off: with a pinned clock every AUTO scan of a pass would
# otherwise be taken for a double read of the one before.
printf '[passes]\nrepeat_guard_seconds = 0\n' >"$WORK/door.ini"

# recorded ESCORT [SUBMIT ARGS...]: a request for 10:00-12:00 taken through steps 1-6 with ESCORT
# as its escort; sets REQ. The clock must be before 10:00.
recorded() {
	local escort=$1
	shift
	submit "$@"
	as "$KADIS" dispose "$REQ" >/dev/null
	as "$KABID" dispose "$REQ" >/dev/null
	as "$KOORD" verify "$REQ" >/dev/null
	as "$KABID" decide "$REQ" --approve >/dev/null
	as "$KOORD" assign "$REQ" --escort "$escort" >/dev/null
	as "$HELPDESK" record "$REQ" >/dev/null
	expect_state "$REQ" RECORDED 6
}

# tokens REQ: fresh tokens of every pass of REQ, one a line (HELPDESK hands them out).
tokens() {
	as "$HELPDESK" pass list "$1" --tokens 2>/dev/null | grep -o '[A-Z2-7]\{32\}'
}

# confirmed_numbers LOG...: the request numbers the logs confirm, sorted, one a line.
confirmed_numbers() {
	cat "$@" | grep -o '^AKS-[0-9]\{8\}-[0-9]\{5,9\}$' | sort
}

# all_confirmed_in_db LOG...: every number the logs confirm is a request in the DB; prints how many.
all_confirmed_in_db() {
	confirmed_numbers "$@" >"$WORK/confirmed"
	sql "SELECT number FROM request ORDER BY number" >"$WORK/stored"
	local missing
	missing=$(comm -23 "$WORK/confirmed" "$WORK/stored")
	[[ -z $missing ]] || fail "confirmed but not in the DB: $(head -n 5 <<<"$missing")"
	[[ -z $(uniq -d "$WORK/confirmed") ]] || fail "one number confirmed twice: $(uniq -d "$WORK/confirmed" | head -n 3)"
	wc -l <"$WORK/confirmed"
}

# scans_confirmed_in_db LOG...: every "SCAN id pass decision" line of rel_loop is that very row of
# the scan table (same pass, same decision); prints how many lines there were.
scans_confirmed_in_db() {
	grep -h '^SCAN ' "$@" | awk '{ print $2 "," $3 "," $4 }' >"$WORK/scans.csv" || true
	sql "SELECT id || ',' || coalesce(CAST(pass_id AS TEXT), '') || ',' || decision FROM scan" |
		sort >"$WORK/scans.db"
	local bad
	bad=$(sort "$WORK/scans.csv" | comm -23 - "$WORK/scans.db" | head -n 5)
	[[ -z $bad ]] || fail "confirmed scans (id,pass,decision) missing or different in the DB: $bad"
	wc -l <"$WORK/scans.csv"
}

# check_db: the DB a crash or a crowd left behind is whole and tells one story:
# - PRAGMA integrity_check is ok, no foreign key dangles (a SQLite file; a server checks its
#   foreign keys at each write and its storage is its own), and `aksesctl audit verify` passes;
# - request numbers run 0001..n each day without a gap, n being the day's counter;
# - each request has one step-1 row and one "submit" audit row, each scan one "scan" audit row
#   (an action's rows were committed together or not at all);
# - no step was taken twice (two stations racing for one step: only one may win);
# - each request's state is the one its last step row leads to (ON_SITE while someone is in);
# - each pass is inside exactly when its last accepted scan was an ENTRY.
check_db() {
	if ! testdb_on_server; then
		[[ $(sql 'PRAGMA integrity_check') == ok ]] || fail "integrity_check: $(sql 'PRAGMA integrity_check' | head -n 5)"
		[[ -z $(sql 'PRAGMA foreign_key_check') ]] || fail "foreign keys: $(sql 'PRAGMA foreign_key_check' | head -n 5)"
	fi
	ctl audit verify >"$WORK/verify" 2>&1 || fail "audit verify: $(cat "$WORK/verify")"
	local bad
	bad=$(sql "SELECT d.day, d.n, count(r.id), max(CAST(substr(r.number, 14) AS INTEGER))
		FROM day_counter d LEFT JOIN request r ON substr(r.number, 5, 8) = replace(d.day, '-', '')
		GROUP BY d.day HAVING count(r.id) <> d.n OR max(CAST(substr(r.number, 14) AS INTEGER)) <> d.n")
	[[ -z $bad ]] || fail "request numbers with a gap (day|counter|count|max): $bad"
	bad=$(sql "SELECT number FROM request r WHERE
		(SELECT count(*) FROM step WHERE request_id = r.id AND step = 1) <> 1 OR
		(SELECT count(*) FROM audit WHERE action = 'submit' AND subject = r.number) <> 1 LIMIT 5")
	[[ -z $bad ]] || fail "requests without exactly one step-1 row and submit audit row: $bad"
	[[ $(sql "SELECT count(*) FROM request") == $(sql "SELECT count(*) FROM audit WHERE action = 'submit'") ]] ||
		fail "submit audit rows without their request"
	[[ $(sql "SELECT count(*) FROM scan") == $(sql "SELECT count(*) FROM audit WHERE action = 'scan'") ]] ||
		fail "scan rows $(sql 'SELECT count(*) FROM scan') but scan audit rows $(sql "SELECT count(*) FROM audit WHERE action = 'scan'")"
	bad=$(sql "SELECT request_id, action, count(*) FROM step WHERE action <> 'visit-end'
		GROUP BY request_id, action HAVING count(*) > 1 LIMIT 5")
	[[ -z $bad ]] || fail "a step taken twice (request|action|times): $bad"
	bad=$(sql "WITH m(action, state, last_step) AS (VALUES ('submit', 'SUBMITTED', 1),
		  ('dispose-kadis', 'DISPOSED_KADIS', 2), ('dispose-kabid', 'DISPOSED_KABID', 3),
		  ('verify', 'VERIFIED', 4), ('approve', 'APPROVED', 5), ('reject', 'REJECTED', 5),
		  ('assign', 'ASSIGNED', 5), ('record', 'RECORDED', 6), ('visit-end', 'VISITED', 7),
		  ('report', 'REPORTED', 9), ('forward-koord', 'FORWARDED_KOORD', 10),
		  ('forward-kabid', 'FORWARDED_KABID', 11), ('receive', 'CLOSED', 12)),
		r AS (SELECT id, number, state, last_step,
		  (SELECT action FROM step s WHERE s.request_id = request.id ORDER BY s.id DESC LIMIT 1) AS act,
		  EXISTS(SELECT 1 FROM pass p WHERE p.request_id = request.id AND p.inside <> 0) AS anyone_in
		  FROM request)
		SELECT r.number || ' ' || r.state || ' after ' || coalesce(r.act, 'nothing')
		FROM r LEFT JOIN m ON m.action = r.act
		WHERE m.action IS NULL
		   OR (r.act IN ('record', 'visit-end') AND r.anyone_in AND r.state <> 'ON_SITE')
		   OR (NOT (r.act IN ('record', 'visit-end') AND r.anyone_in) AND r.state <> m.state)
		   OR (r.state <> 'ON_SITE' AND r.last_step <> m.last_step) LIMIT 5")
	[[ -z $bad ]] || fail "a request whose state is not what its last step says: $bad"
	bad=$(sql "SELECT p.id FROM pass p WHERE p.inside <> coalesce((SELECT
		CASE WHEN s.decision = 'ENTRY' THEN 1 ELSE 0 END FROM scan s WHERE s.pass_id = p.id AND s.decision IN ('ENTRY', 'EXIT')
		ORDER BY s.id DESC LIMIT 1), 0) LIMIT 5")
	[[ -z $bad ]] || fail "passes whose inside flag is not their last accepted scan: $bad"
}

# stat_of KEY LINE: the number after KEY= in a summary line ("runs=12 killed=5 ...").
stat_of() {
	grep -o "$1=[0-9]*" <<<"$2" | head -n 1 | cut -d= -f2
}

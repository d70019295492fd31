#!/usr/bin/env bash
# fault_failover.sh - issue 11, failover: a primary and a streaming standby of it
# (tests/tools/pg-standby.sh, pg_basebackup -R) with synchronous commit; five stations (as in
# fault_kill.sh) on the multi-host conninfo `host=a,b port=p1,p2 target_session_attrs=read-write`;
# the primary killed (immediate) under load and the standby promoted; the stations find the new
# primary by themselves; every write confirmed before the kill and after is on the new primary.
set -euo pipefail
. "$(dirname "$0")/fault_lib.sh"

P1=$((AKSES_PG_PORT + 7)) P2=$((AKSES_PG_PORT + 9))
FAULT_MAX_OK=${FAULT_MAX_OK:-80} # confirmations per station: the test is bounded by count
fault_server "$P1"
fault_standby "$P1" "$P2"
# synchronous after the copy (or the standby, once promoted, would wait for a standby of its own)
psql_on "$P1" "ALTER SYSTEM SET synchronous_standby_names = '*'" >/dev/null
psql_on "$P1" "ALTER SYSTEM SET synchronous_commit = on" >/dev/null
psql_on "$P1" "SELECT pg_reload_conf()" >/dev/null
for ((i = 0; i < 300; i++)); do
	[[ $(psql_on "$P1" "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'") == 1 ]] &&
		break
	sleep 0.1
done
((i < 300)) || fail "the standby on $P2 never became synchronous"
export AKSES_DB="host=127.0.0.1,127.0.0.1 port=$P1,$P2 user=postgres dbname=akses target_session_attrs=read-write"

kill_under_load "$P1" # the stations find only a standby for a while
as_pg "'$PGBIN/pg_ctl' -D '$(pg_dir "$P2")/data' -w -t 60 promote" >/dev/null ||
	fail "pg_ctl promote failed"
[[ $(psql_on "$P2" "SELECT pg_is_in_recovery()") == f ]] || fail "the standby was not promoted"
echo "standby on port $P2 promoted"
fault_verify # the old primary stays down: everything is read from the new one
echo "fault_failover: OK"

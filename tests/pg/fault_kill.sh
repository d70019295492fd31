#!/usr/bin/env bash
# fault_kill.sh - issue 11, "the server killed during a load of submissions, steps and scans, then
# restarted: every confirmed write is there, nothing half-written". A server of its own; a
# submitting station, two SOP stations and two doors (rel_loop, store-linked, printing only what
# the store confirmed); `pg_ctl stop -m immediate` in the middle of their work, a restart, the
# stations reconnecting by themselves; then every confirmation is checked against the DB.
set -euo pipefail
. "$(dirname "$0")/fault_lib.sh"

PORT=$((AKSES_PG_PORT + 5))
FAULT_MAX_OK=${FAULT_MAX_OK:-80} # confirmations per station: the test is bounded by count
fault_server "$PORT"
export AKSES_DB="host=127.0.0.1 port=$PORT user=postgres dbname=akses"
cd "$WORK" # the audit key is "<database>.key" in the working folder, one for every station

fault_stations
under_load
before=$(confirmed_all)
pg_tool pg-down.sh "$PORT" --crash --keep || fail "pg_ctl stop -m immediate failed"
echo "server killed (immediate) after $before confirmations"
sleep 1 # the stations meet a dead server for a while
pg_tool pg-up.sh "$PORT" -q >/dev/null || fail "the server did not come back"
lanes_finish
after_outage "$before"
fault_verify submit flow1 flow2 door1 door2
echo "fault_kill: OK"

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

kill_under_load "$PORT"
pg_tool pg-up.sh "$PORT" -q >/dev/null || fail "the server did not come back"
fault_verify
echo "fault_kill: OK"

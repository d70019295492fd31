# tests/pg/freeze_lib.sh - a server that hangs without dying (a frozen VM, a stuck disk): SIGSTOP to
# its postmaster and every child of it, SIGCONT to the same processes. The kernel still answers TCP
# for a stopped server (connections wait in the backlog, keepalives are ACKed), so only a client's
# own deadline notices. Sourced by bash tests; their EXIT trap must call pg_thaw before stopping the
# server (pg_ctl cannot shut down a server whose processes are stopped).

FROZEN_PIDS=()

# pg_freeze DATA: freeze the server whose data folder is DATA: the postmaster first (so it forks no
# new child meanwhile), then its children (the first line of DATA/postmaster.pid, `pgrep -P`).
pg_freeze() {
	local pm
	pm=$(head -n 1 "$1/postmaster.pid" 2>/dev/null) || return 1
	[[ $pm =~ ^[0-9]+$ ]] || return 1
	kill -STOP "$pm" || return 1
	FROZEN_PIDS=("$pm")
	mapfile -t -O 1 FROZEN_PIDS < <(pgrep -P "$pm")
	((${#FROZEN_PIDS[@]} > 1)) || return 1 # a running server always has children
	kill -STOP "${FROZEN_PIDS[@]:1}"
}

# pg_thaw: let the processes pg_freeze stopped go on (idempotent; harmless for any gone since).
pg_thaw() {
	((${#FROZEN_PIDS[@]} > 0)) || return 0
	kill -CONT "${FROZEN_PIDS[@]}" 2>/dev/null || true
	FROZEN_PIDS=()
}

# now_ms: the wall clock in milliseconds (what rel_loop's $REL_TRACE lines carry).
now_ms() {
	date +%s%3N
}

# secs MS: MS milliseconds as seconds with one decimal.
secs() {
	printf '%d.%d' $(($1 / 1000)) $((($1 % 1000) / 100))
}

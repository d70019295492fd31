#!/bin/sh
# pg-down.sh - stop the throwaway server pg-up.sh started and remove its folder.
# Usage: tests/tools/pg-down.sh [--keep] [--crash]
#   --keep   stop only, keep the data (pg-up.sh starts it again with everything committed)
#   --crash  stop with -m immediate (no shutdown checkpoint: what a power cut leaves)
# Env: AKSES_PG_PORT, AKSES_PG_DIR, AKSES_PG_BIN as pg-up.sh. Idempotent: nothing there is fine.
set -u

PORT=${AKSES_PG_PORT:-25432}
DIR=${AKSES_PG_DIR:-/tmp/akses-pg-$PORT}
BIN=${AKSES_PG_BIN:-/usr/lib/postgresql/15/bin}
keep=0
mode=fast
for a in "$@"; do
	case "$a" in
	--keep) keep=1 ;;
	--crash) mode=immediate ;;
	*) echo "pg-down: unknown option $a" >&2; exit 1 ;;
	esac
done

as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		su postgres -s /bin/sh -c "$1" 9>&-
	else
		sh -c "$1" 9>&-
	fi
}

[ -d "$DIR" ] || exit 0
exec 9>"$DIR.lock"
command -v flock >/dev/null 2>&1 && flock -w 120 9
if [ -f "$DIR/data/postmaster.pid" ]; then
	as_pg "'$BIN/pg_ctl' -D '$DIR/data' -m $mode -w -t 60 stop" >/dev/null 2>&1 ||
		{ echo "pg-down: pg_ctl stop failed (see $DIR/log)" >&2; exit 1; }
fi
if [ "$keep" -eq 0 ]; then
	rm -rf "$DIR"
	rm -f "$DIR.lock"
fi
exit 0

#!/usr/bin/env bash
# test_kiosk_same_db.sh - aksesctl and the kiosk open the same DB from the same environment or
# config (settings.h): $AKSES_DB, $AKSES_CONFIG's [store] db, and $AKSES_DB over the config. The
# proof is the ADMIN's stop: Escape, then the PIN aksesctl's init set in that DB; a kiosk that
# opened any other DB refuses it and keeps running.
. "$(dirname "$0")/lib.sh"

SIZE=1280x800
kt_display "$SIZE"
# a kiosk that ignored the environment would make its akses.db here, never in the source tree
cd "$T"
unset AKSES_DB AKSES_CONFIG

# Stop the kiosk with ADMIN 1's PIN $1: it exits 0 only when its DB holds that PIN.
stop_with() {
	kt_wait_screen welcome
	xdotool key Escape
	kt_wait_screen signin
	kt_signin 1 "$1"
	for _ in $(seq 50); do kill -0 "$KIOSK_PID" 2>/dev/null || break; sleep 0.1; done
	if kill -0 "$KIOSK_PID" 2>/dev/null; then
		kt_fail "$2: the PIN of the DB aksesctl made did not stop the kiosk ($(kt_get msg))"
	fi
	wait "$KIOSK_PID" || kt_fail "$2: the kiosk exited with $?"
	KIOSK_PID=
}

# $AKSES_DB: aksesctl init makes the DB, the kiosk opens it
export AKSES_DB=$T/env.db
AKSES_PIN=123456 "$AKSESCTL" init --admin "Admin Env" >/dev/null
[ -f "$T/env.db" ] || kt_fail "aksesctl did not make \$AKSES_DB"
kt_kiosk "$SIZE" --lang en
stop_with 123456 "AKSES_DB"

# $AKSES_CONFIG's [store] db, the same for both
unset AKSES_DB
printf '[store]\ndb = %s\n' "$T/cfg.db" >"$T/akses.ini"
export AKSES_CONFIG=$T/akses.ini
AKSES_PIN=135790 "$AKSESCTL" init --admin "Admin Config" >/dev/null
[ -f "$T/cfg.db" ] || kt_fail "aksesctl did not make the config's DB"
kt_kiosk "$SIZE" --lang en
stop_with 135790 "AKSES_CONFIG"

# both: $AKSES_DB wins over the config, for aksesctl and the kiosk alike
export AKSES_DB=$T/env.db
AKSES_PIN=123456 "$AKSESCTL" staff list --as 1 >/dev/null ||
	kt_fail "aksesctl did not take \$AKSES_DB over the config"
kt_kiosk "$SIZE" --lang en
stop_with 123456 "AKSES_DB over AKSES_CONFIG"

# --db over both, and no stray DB was made on the way
kt_kiosk "$SIZE" --lang en --db "$T/cfg.db"
stop_with 135790 "--db"
[ ! -e "$T/akses.db" ] || kt_fail "a program opened the built-in akses.db instead"
echo "PASS: aksesctl and the kiosk open the same DB from \$AKSES_DB, \$AKSES_CONFIG and --db"

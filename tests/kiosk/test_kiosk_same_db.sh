#!/usr/bin/env bash
# test_kiosk_same_db.sh - aksesctl and the kiosk open the same DB from the same environment or
# config (settings.h): $AKSES_DB, $AKSES_CONFIG's [store] db, and $AKSES_DB over the config. The
# proof is the ADMIN's stop: Escape, then the PIN aksesctl's init set in that DB; a kiosk that
# opened any other DB refuses it and keeps running. On a server (AKSES_TEST_DB) the two DBs are two
# databases, and the config's [store] db is a conninfo (spaces and '=' in the value).
. "$(dirname "$0")/lib.sh"

SIZE=1280x800
kt_display "$SIZE"
# a kiosk that ignored the environment would make its akses.db here, never in the source tree
cd "$T"
unset AKSES_DB AKSES_CONFIG
testdb_new "$T/env.db"
ENV_DB=$TESTDB
testdb_new "$T/cfg.db"
CFG_DB=$TESTDB
# one ADMIN in DB $1: aksesctl init made it there
made() { [ "$(testdb_sql "$1" 'SELECT count(*) FROM staff' 2>/dev/null)" = 1 ]; }

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
export AKSES_DB=$ENV_DB
AKSES_PIN=123456 "$AKSESCTL" init --admin "Admin Env" >/dev/null
made "$ENV_DB" || kt_fail "aksesctl did not make \$AKSES_DB"
kt_kiosk "$SIZE" --lang en
stop_with 123456 "AKSES_DB"

# $AKSES_CONFIG's [store] db, the same for both
unset AKSES_DB
printf '[store]\ndb = %s\n' "$CFG_DB" >"$T/akses.ini"
export AKSES_CONFIG=$T/akses.ini
AKSES_PIN=135790 "$AKSESCTL" init --admin "Admin Config" >/dev/null
made "$CFG_DB" || kt_fail "aksesctl did not make the config's DB"
kt_kiosk "$SIZE" --lang en
stop_with 135790 "AKSES_CONFIG"

# both: $AKSES_DB wins over the config, for aksesctl and the kiosk alike
export AKSES_DB=$ENV_DB
AKSES_PIN=123456 "$AKSESCTL" staff list --as 1 >/dev/null ||
	kt_fail "aksesctl did not take \$AKSES_DB over the config"
kt_kiosk "$SIZE" --lang en
stop_with 123456 "AKSES_DB over AKSES_CONFIG"

# --db over both, and no stray DB was made on the way
kt_kiosk "$SIZE" --lang en --db "$CFG_DB"
stop_with 135790 "--db"
[ ! -e "$T/akses.db" ] || kt_fail "a program opened the built-in akses.db instead"
echo "PASS: aksesctl and the kiosk open the same DB from \$AKSES_DB, \$AKSES_CONFIG and --db"

#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the tests (CI and local runs) and prints the
# URL of a role that may create databases. Installs Debian's `postgresql` if it is missing.
# initdb refuses root, so the cluster belongs to the `postgres` user.
# Needs root (apt-get, runuser).
#   Tools/pg/start.sh [DIR] [PORT]  ->  postgres://vixshield:…@127.0.0.1:PORT/vixshield
set -euo pipefail
DIR=${1:-/tmp/vixshield-pg}
PORT=${2:-55432}
# The newest server install (a client-only package has a bin/ without initdb).
bin() { for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do [ -x "$d/initdb" ] && { echo "$d"; return; }; done; true; }
if [ -z "$(bin)" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
BIN=$(bin)
if [ -f "$DIR/data/postmaster.pid" ]; then
  runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true
fi
rm -rf "$DIR"
mkdir -p "$DIR"
chown postgres "$DIR"
PASSWORD=vixshield-test
cd "$DIR"
# Password (SCRAM) over TCP, as a real deployment; trust only on the cluster's own socket.
runuser -u postgres -- "$BIN/initdb" -D "$DIR/data" -U postgres --no-locale -E UTF8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
runuser -u postgres -- "$BIN/psql" -q -h "$DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE vixshield LOGIN CREATEDB PASSWORD '$PASSWORD'" \
  -c "CREATE DATABASE vixshield OWNER vixshield" >&2
echo "postgres://vixshield:$PASSWORD@127.0.0.1:$PORT/vixshield?sslmode=disable"

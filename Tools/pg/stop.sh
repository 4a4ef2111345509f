#!/usr/bin/env bash
# Stops the PostgreSQL that Tools/pg/start.sh started and removes its cluster.
#   Tools/pg/stop.sh [DIR]
set -euo pipefail
DIR=${1:-/tmp/vixshield-pg}
BIN=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do [ -x "$d/pg_ctl" ] && { BIN=$d; break; }; done
if [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ]; then
  # A stale pid file must not keep the cluster's files around.
  (cd / && runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2) || echo "pg_ctl stop failed; removing $DIR anyway" >&2
fi
rm -rf "$DIR"

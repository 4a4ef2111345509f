#!/usr/bin/env bash
# Load on `GET /api/v1/signal` for a stored date: wrk (Debian) with 32 connections on loopback
# for 30 s (over 100,000 requests at the target rate), the server's resident memory before and
# after, and the share of non-2xx answers. Build the release binary first:
#   swift build -c release --product vixshield && Tools/api/load.sh
# Usage: Tools/api/load.sh [path/to/vixshield] [seconds] [store]
#   store: a SQLite path (default: a new one) or a postgres:// URL (e.g. from Tools/pg/start.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="${1:-$root/.build/release/vixshield}"
seconds="${2:-30}"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d)"
db="${3:-$work/store.sqlite}"
source "$root/Tools/lib/serve.sh"
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
token="$("$binary" token create --scope read --label load "$(store_flag "$db")" "$db" | tail -n 1)"
start_server "$binary" "$db" "$work/serve.log"
url="$base/api/v1/signal?date=2026-03-27"
# Warm up: the first answer computes the signal; later ones reuse it until the store changes.
wrk -t2 -c32 -d3s -H "Authorization: Bearer $token" "$url" >/dev/null
before=$(ps -o rss= -p "$server")
wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url" | tee "$work/wrk.txt"
after=$(ps -o rss= -p "$server")
echo "server resident memory: ${before} KB before, ${after} KB after"
grep -q "Non-2xx" "$work/wrk.txt" && { echo "non-2xx answers" >&2; exit 1; }
exit 0

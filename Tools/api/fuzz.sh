#!/usr/bin/env bash
# Fuzzes the API against its own OpenAPI document with schemathesis (PyPI): every operation,
# generated valid and invalid inputs, no answer may be a 5xx and every answer must be one the
# document lists. Starts `vixshield serve` on a throwaway store with the February 2018 book and
# an admin token. `POST /api/v1/backtests` is left out: each accepted request queues a backtest
# of up to 19 years, which a fuzzer would pile up by the hundred (it is covered by the tests).
# Usage: Tools/api/fuzz.sh [path/to/vixshield] [examples per operation]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="${1:-$root/.build/debug/vixshield}"
examples="${2:-25}"
if ! command -v schemathesis >/dev/null; then
    echo "schemathesis is not installed (pip install schemathesis)" >&2
    exit 2
fi
work="$(mktemp -d)"
db="$work/store.sqlite"
token="$("$binary" token create --scope admin --label fuzz --db "$db" | tail -n 1)"
printf 'date,symbol,quantity,price,fees,layer\n2018-01-02,CASH,1,1000000,0,\n2018-01-19,SPX   180216P02600000,-2,4.20,2.62,condor\n' > "$work/fills.csv"
"$binary" book import --db "$db" --as-of 2018-02-05 "$work/fills.csv" >/dev/null
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
source "$root/Tools/lib/serve.sh"
start_server "$binary" "$db" "$work/serve.log"
schemathesis run "$base/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance \
    --exclude-operation-id startBacktest \
    --max-examples "$examples" \
    --max-response-time 30 \
    --suppress-health-check all
if grep -qE " (error|critical) vixshield|Fatal error" "$work/serve.log"; then
    echo "the server logged errors:" >&2
    grep -E " (error|critical) vixshield|Fatal error" "$work/serve.log" | head -20 >&2
    exit 1
fi
echo "fuzz: no 5xx, every status and media type as documented"

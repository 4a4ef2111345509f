#!/usr/bin/env bash
# The dashboard in headless Chromium (Debian's `chromium`): starts `vixshield serve` on a
# throwaway store with the February 2018 book, signs in with a read token, then for each page
# dumps the DOM (the key elements must be there) and takes a screenshot at a phone's width in
# light and in dark mode (neither may be blank; the dark one must be dark).
# Usage: Tools/dashboard/check.sh [path/to/vixshield] [out-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="${1:-$root/.build/debug/vixshield}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
if ! command -v chromium >/dev/null; then
    echo "chromium is not installed (Debian: apt-get install chromium)" >&2
    exit 2
fi
work="$(mktemp -d)"
db="$work/store.sqlite"
read_token="$("$binary" token create --scope read --label dashboard-check --db "$db" | tail -n 1)"
trade_token="$("$binary" token create --scope trade --db "$db" | tail -n 1)"
"$binary" book import --db "$db" --as-of 2018-02-05 "$root/examples/book-2018-02.csv" >/dev/null
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
source "$root/Tools/lib/serve.sh"
start_server "$binary" "$db" "$work/serve.log"
curl_like() { python3 -c "import urllib.request,sys; r=urllib.request.Request(sys.argv[1], method='POST', headers={'Authorization': 'Bearer '+sys.argv[2]}); urllib.request.urlopen(r)" "$@"; }
curl_like "$base/api/v1/run?date=2018-02-06" "$trade_token"

chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile")
# Sign in once: the cookie persists in the profile for the pages after it.
"${chrome[@]}" --dump-dom "$base/login/token?token=$read_token" > "$out/today.html" 2>/dev/null
failed=0
check() {  # page, file, needles...
    local name="$1" file="$2"; shift 2
    for needle in "$@"; do
        if ! grep -q -- "$needle" "$file"; then echo "FAIL $name: '$needle' not in the DOM" >&2; failed=1; fi
    done
}
check today "$out/today.html" 'id="regime"' 'id="voters"' 'id="condor"' 'id="layers"' 'id="orders"' 'id="events"' '<svg'
for page in book journal backtests; do
    "${chrome[@]}" --dump-dom "$base/$page" > "$out/$page.html" 2>/dev/null
done
check book "$out/book.html" 'id="positions"' 'id="risk-graph"' 'SPX   180216P02600000'
check journal "$out/journal.html" 'id="entries"' '2018-02-06'
check backtests "$out/backtests.html" 'id="start"'
for page in "" book journal backtests; do
    name="${page:-today}"
    "${chrome[@]}" --window-size=390,1600 --screenshot="$out/$name-light.png" "$base/$page?date=2018-02-06" >/dev/null 2>&1
    "${chrome[@]}" --window-size=390,1600 --force-dark-mode --blink-settings=preferredColorScheme=0 \
        --screenshot="$out/$name-dark.png" "$base/$page?date=2018-02-06" >/dev/null 2>&1
    python3 "$root/Tools/report/nonblank.py" "$out/$name-light.png" || failed=1
    python3 "$root/Tools/report/nonblank.py" "$out/$name-dark.png" || failed=1
    python3 "$root/Tools/dashboard/isdark.py" "$out/$name-dark.png" || failed=1
done
[ "$failed" = 0 ] && echo "dashboard: every page rendered with its key elements, light and dark, at 390 px ($out)"
exit "$failed"

#!/usr/bin/env bash
# Renders a VixShield HTML report with headless Chromium (Debian's `chromium`) and checks the
# screenshot is not blank: at least 1% of its pixels differ from the page background.
# Usage: Tools/report/screenshot.sh report.html [out.png]
set -euo pipefail
report="${1:?usage: screenshot.sh report.html [out.png]}"
png="${2:-${report%.html}.png}"
if ! command -v chromium >/dev/null; then
    echo "chromium is not installed (Debian: apt-get install chromium)" >&2
    exit 2
fi
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,3000 \
    --screenshot="$png" "file://$(realpath "$report")" >/dev/null 2>&1
python3 "$(dirname "$0")/nonblank.py" "$png"

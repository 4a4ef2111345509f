# Sourced by the Tools scripts: start `vixshield serve` in the background on a store and wait
# until /healthz answers. Sets `server` (the pid) and `base` (http://127.0.0.1:PORT); the
# caller's EXIT trap stops it.
# Usage: start_server BINARY DB LOGFILE   (DB: a SQLite path or a postgres:// URL)
server=""
# The store option for DB: --database-url for a postgres:// URL, else --db.
store_flag() { case "$1" in postgres://*|postgresql://*) echo --database-url ;; *) echo --db ;; esac; }
start_server() {
    local binary="$1" db="$2" log="$3"
    local port=$((20000 + RANDOM % 20000))
    "$binary" serve "$(store_flag "$db")" "$db" --port "$port" > "$log" 2>&1 &
    server=$!
    base="http://127.0.0.1:$port"
    for _ in $(seq 150); do
        if python3 -c "import urllib.request; urllib.request.urlopen('$base/healthz', timeout=1)" 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    echo "vixshield serve did not answer on $base (log: $log)" >&2
    return 1
}

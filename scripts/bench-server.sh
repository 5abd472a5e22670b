#!/usr/bin/env bash
# Server latency on a large desk: builds the release server, seeds 100k tickets (3 messages each,
# one ticket with 1,000) into a temporary database, serves it on a free loopback port, signs in
# as the demo agent and admin, and times a bounded number of requests per endpoint with curl
# (`%{time_total}`, sequential, keep-alive off). Prints p50/p95 in milliseconds.
#
#   scripts/bench-server.sh [TICKETS] [REQUESTS]     defaults: 100000 200
#
# On SQLite by default; with BATON_BENCH_POSTGRES_URL (a PostgreSQL server's maintenance database,
# e.g. what `scripts/lib/postgres.sh start` prints) on a new database there instead (dropped after).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TICKETS="${1:-100000}"
REQUESTS="${2:-200}"
export PATH="$HOME/.cargo/bin:$PATH"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/baton-bench.XXXXXX")"
SERVER_PID=""
DB_NAME=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ -n "$DB_NAME" ]]; then
        psql "$BATON_BENCH_POSTGRES_URL" -q -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

echo "bench: building the release server" >&2
cargo build --release -p baton-server --manifest-path "$ROOT/Cargo.toml" >&2
BIN="$ROOT/target/release/baton-server"
DB="sqlite:$TMP/bench.db"
if [[ -n "${BATON_BENCH_POSTGRES_URL:-}" ]]; then
    DB_NAME="baton_bench_$$"
    psql "$BATON_BENCH_POSTGRES_URL" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB_NAME"
    DB="${BATON_BENCH_POSTGRES_URL%/*}/$DB_NAME"
fi
echo "bench: database $DB" >&2
"$BIN" seed --database "$DB" --tickets "$TICKETS" --messages-per-ticket 3 | tee "$TMP/seed.txt" >&2
if [[ -n "${BATON_BENCH_POSTGRES_URL:-}" ]]; then
    # What autovacuum does on a desk that grew to this size: statistics for the planner and the
    # visibility map for index-only scans. Right after a 30 s bulk seed neither exists yet, and
    # the first minute's plans (until autoanalyze runs) were 100× slower.
    psql "$DB" -q -c "VACUUM ANALYZE"
fi
LONG="$(sed -n 's/.*ticket is id \([0-9]*\).*/\1/p' "$TMP/seed.txt")"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
RUST_LOG=warn "$BIN" serve --addr "127.0.0.1:$PORT" --database "$DB" --data-dir "$TMP/data" --secret-key "$(printf '0%.0s' {1..64})" \
    >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "$BASE/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.1
done

login() {
    curl -fsS -o /dev/null -c - -H 'content-type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"baton-demo\"}" "$BASE/api/v1/session" |
        awk '$6 == "baton_session" { print $7 }'
}
AGENT="$(login agent@baton.test)"
ADMIN="$(login admin@baton.test)"

# A custom view: urgent or high, open or pending, in the agent's groups.
VIEW="$(curl -fsS -H "authorization: Bearer $AGENT" -H 'content-type: application/json' \
    -d '{"name":"Hot","visibility":"private","conditions":[{"field":"priority","op":"in","value":["urgent","high"]},{"field":"status","op":"in","value":["open","pending"]}]}' \
    "$BASE/api/v1/views" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"

# p50 and p95 in ms of REQUESTS GETs of $2 as token $1.
measure() {
    local token="$1" path="$2" label="$3"
    curl -fsS -o /dev/null -H "authorization: Bearer $token" "$BASE$path" # warm up
    for _ in $(seq 1 "$REQUESTS"); do
        curl -fsS -o /dev/null -w '%{time_total}\n' -H "authorization: Bearer $token" "$BASE$path"
    done | sort -n | awk -v label="$label" '{ t[NR] = $1 * 1000 } END {
        printf "| %s | %d | %.1f | %.1f |\n", label, NR, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)] }'
}

# The same, but each GET follows a write (the agent stars, then unstars a ticket, untimed), so the
# per-agent counts cache never answers: what the first counts call after any change costs.
measure_after_write() {
    local token="$1" path="$2" label="$3" star
    star="$BASE/api/v1/tickets/$(curl -fsS -H "authorization: Bearer $token" "$BASE/api/v1/views/all/tickets?limit=1" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')/star"
    for i in $(seq 1 "$REQUESTS"); do
        if (( i % 2 )); then method=PUT; else method=DELETE; fi
        curl -fsS -o /dev/null -X "$method" -H "authorization: Bearer $token" "$star"
        curl -fsS -o /dev/null -w '%{time_total}\n' -H "authorization: Bearer $token" "$BASE$path"
    done | sort -n | awk -v label="$label" '{ t[NR] = $1 * 1000 } END {
        printf "| %s | %d | %.1f | %.1f |\n", label, NR, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)] }'
}

echo "| request | n | p50 ms | p95 ms |"
echo "|---|---|---|---|"
measure "$AGENT" "/api/v1/views/mine/tickets?limit=50" "agent: view mine, 50 rows"
measure "$AGENT" "/api/v1/views/all/tickets?limit=50" "agent: view all, 50 rows"
measure "$ADMIN" "/api/v1/views/all/tickets?limit=50" "admin: view all, 50 rows"
measure "$AGENT" "/api/v1/views/$VIEW/tickets?limit=50" "agent: custom view (priority, status), 50 rows"
measure "$AGENT" "/api/v1/views/unassigned/tickets?limit=50&sort=priority&dir=desc" "agent: unassigned by priority, 50 rows"
measure "$AGENT" "/api/v1/views/counts" "agent: counts of all views"
measure "$ADMIN" "/api/v1/views/counts" "admin: counts of all views"
measure_after_write "$AGENT" "/api/v1/views/counts" "agent: counts of all views, each after a write (uncached)"
measure_after_write "$ADMIN" "/api/v1/views/counts" "admin: counts of all views, each after a write (uncached)"
measure "$ADMIN" "/api/v1/tickets/$LONG/messages" "admin: 1,000-message thread"

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

# shellcheck source=lib/bench-desk.sh
source "$ROOT/scripts/lib/bench-desk.sh"
desk_init bench

echo "bench: building the release server" >&2
cargo build --release -p baton-server --manifest-path "$ROOT/Cargo.toml" >&2
BIN="$ROOT/target/release/baton-server"
desk_seed "$BIN" "$TICKETS" --messages-per-ticket 3
LONG="$(sed -n 's/.*ticket is id \([0-9]*\).*/\1/p' "$TMP/seed.txt")"
desk_serve "$BIN"

AGENT="$(desk_login agent@baton.test)"
ADMIN="$(desk_login admin@baton.test)"

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

#!/usr/bin/env bash
# Load on a large desk: builds the release server and crates/loadgen, seeds TICKETS tickets into a
# temporary database, serves it on a free loopback port and, signed in as the demo agent, runs for
# a bounded time each: list reads (`views/all`, 50 rows), ticket reads (`GET /tickets/{id}`),
# WRITERS concurrent writers posting internal notes for WRITE_SECONDS (then the messages table is
# counted: every accepted note must be there), and the fan-out of one event to STREAMS open SSE
# streams. Prints what baton-loadgen measured; the load generator shares the machine's cores.
#
#   scripts/bench-load.sh [TICKETS] [WRITE_SECONDS]     defaults: 100000 60
#   env: READ_SECONDS (20), READ_CONNECTIONS (32), WRITERS (200), STREAMS (1000)
#
# On SQLite by default; with BATON_BENCH_POSTGRES_URL (a PostgreSQL server's maintenance database,
# e.g. what `scripts/lib/postgres.sh start` prints) on a new database there instead (dropped after).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TICKETS="${1:-100000}"
WRITE_SECONDS="${2:-60}"
READ_SECONDS="${READ_SECONDS:-20}"
READ_CONNECTIONS="${READ_CONNECTIONS:-32}"
WRITERS="${WRITERS:-200}"
STREAMS="${STREAMS:-1000}"
export PATH="$HOME/.cargo/bin:$PATH"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/baton-load.XXXXXX")"
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

echo "load: building the release server and load generator" >&2
cargo build --release -p baton-server -p baton-loadgen --manifest-path "$ROOT/Cargo.toml" >&2
BIN="$ROOT/target/release/baton-server"
LOADGEN="$ROOT/target/release/baton-loadgen"
DB="sqlite:$TMP/load.db"
if [[ -n "${BATON_BENCH_POSTGRES_URL:-}" ]]; then
    DB_NAME="baton_load_$$"
    psql "$BATON_BENCH_POSTGRES_URL" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB_NAME"
    DB="${BATON_BENCH_POSTGRES_URL%/*}/$DB_NAME"
fi
echo "load: database $DB" >&2
"$BIN" seed --database "$DB" --tickets "$TICKETS" --messages-per-ticket 3 >&2
if [[ -n "${BATON_BENCH_POSTGRES_URL:-}" ]]; then
    # What autovacuum does on a desk that grew to this size: statistics for the planner and the
    # visibility map for index-only scans. Right after a 30 s bulk seed neither exists yet, and
    # the first minute's plans (until autoanalyze runs) were 100× slower.
    psql "$DB" -q -c "VACUUM ANALYZE"
fi

# One number from the database, whichever it is.
scalar() {
    if [[ -n "$DB_NAME" ]]; then
        psql "$DB" -tAq -c "$1"
    else
        sqlite3 "$TMP/load.db" "$1"
    fi
}

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
# The SSE run opens STREAMS streams as one agent: above the default cap per user (10).
RUST_LOG=warn "$BIN" serve --addr "127.0.0.1:$PORT" --database "$DB" --data-dir "$TMP/data" --secret-key "$(printf '0%.0s' {1..64})" \
    --streams-per-user "$((STREAMS + 10))" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "$BASE/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.1
done

AGENT="$(curl -fsS -o /dev/null -c - -H 'content-type: application/json' \
    -d '{"email":"agent@baton.test","password":"baton-demo"}' "$BASE/api/v1/session" |
    awk '$6 == "baton_session" { print $7 }')"
# The first 100 tickets of the agent's "unassigned" view (new or open: a closed ticket refuses
# notes): what the readers open and the writers write to (two writers per ticket when 200).
IDS="$(curl -fsS -H "authorization: Bearer $AGENT" "$BASE/api/v1/views/unassigned/tickets?limit=100" |
    python3 -c 'import json,sys; print(",".join(str(t["id"]) for t in json.load(sys.stdin)["items"]))')"
TICKET_PATHS="$(tr ',' '\n' <<<"$IDS" | sed 's|^|/api/v1/tickets/|' | paste -sd, -)"

echo "load: $(nproc) cores; $(uptime)"
"$LOADGEN" reads --base "$BASE" --token "$AGENT" --connections "$READ_CONNECTIONS" --seconds "$READ_SECONDS" \
    --paths "/api/v1/views/all/tickets?limit=50" | sed 's/^reads:/list reads (views\/all, 50 rows):/'
"$LOADGEN" reads --base "$BASE" --token "$AGENT" --connections "$READ_CONNECTIONS" --seconds "$READ_SECONDS" \
    --paths "$TICKET_PATHS" | sed 's/^reads:/ticket reads (GET \/tickets\/{id}):/'

BEFORE="$(scalar 'SELECT COUNT(*) FROM messages')"
"$LOADGEN" writers --base "$BASE" --token "$AGENT" --writers "$WRITERS" --seconds "$WRITE_SECONDS" --tickets "$IDS" |
    tee "$TMP/writers.txt"
ACCEPTED="$(sed -n 's/^accepted=//p' "$TMP/writers.txt")"
AFTER="$(scalar 'SELECT COUNT(*) FROM messages')"
STORED=$((AFTER - BEFORE))
echo "writers: $STORED messages stored for $ACCEPTED accepted: $((ACCEPTED - STORED)) lost"

"$LOADGEN" sse --base "$BASE" --token "$AGENT" --streams "$STREAMS" --ticket "${IDS%%,*}"
if grep -qi 'error\|panic' "$TMP/server.log"; then
    echo "load: the server logged errors:"
    grep -i 'error\|panic' "$TMP/server.log" | sort | uniq -c | sort -rn | head -5
fi

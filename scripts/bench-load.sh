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

# shellcheck source=lib/bench-desk.sh
source "$ROOT/scripts/lib/bench-desk.sh"
desk_init load

echo "load: building the release server and load generator" >&2
cargo build --release -p baton-server -p baton-loadgen --manifest-path "$ROOT/Cargo.toml" >&2
BIN="$ROOT/target/release/baton-server"
LOADGEN="$ROOT/target/release/baton-loadgen"
desk_seed "$BIN" "$TICKETS" --messages-per-ticket 3
# The SSE run opens STREAMS streams as one agent: above the default cap per user (10).
desk_serve "$BIN" --streams-per-user "$((STREAMS + 10))"

AGENT="$(desk_login agent@baton.test)"
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

BEFORE="$(desk_scalar 'SELECT COUNT(*) FROM messages')"
"$LOADGEN" writers --base "$BASE" --token "$AGENT" --writers "$WRITERS" --seconds "$WRITE_SECONDS" --tickets "$IDS" |
    tee "$TMP/writers.txt"
ACCEPTED="$(sed -n 's/^accepted=//p' "$TMP/writers.txt")"
AFTER="$(desk_scalar 'SELECT COUNT(*) FROM messages')"
STORED=$((AFTER - BEFORE))
echo "writers: $STORED messages stored for $ACCEPTED accepted: $((ACCEPTED - STORED)) lost"

"$LOADGEN" sse --base "$BASE" --token "$AGENT" --streams "$STREAMS" --ticket "${IDS%%,*}"
if grep -qi 'error\|panic' "$TMP/server.log"; then
    echo "load: the server logged errors:"
    grep -i 'error\|panic' "$TMP/server.log" | sort | uniq -c | sort -rn | head -5
fi

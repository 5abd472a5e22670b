#!/usr/bin/env bash
# Automations on a large desk (issue 13): builds the release server, seeds TICKETS tickets into a
# temporary database and measures
#   1. creating a ticket while the desk has 20 active "created" rules (19 whose conditions the
#      ticket misses, 1 that tags it): REQUESTS sequential POST /tickets, p50/p95 in ms;
#   2. one time-rule pass over the desk: a time rule due on every ticket worked on (status new,
#      open, pending or solved, created over an hour ago) and one that none meets; the server is
#      restarted, its scheduler runs the job at once, and the job's own log line gives the
#      selection's time and the whole pass's (it fires on at most `BATCH` = 500 tickets per rule
#      and pass; the next pass takes the next 500).
#
#   scripts/bench-automations.sh [TICKETS] [REQUESTS]     defaults: 100000 100
#
# On SQLite by default; with BATON_BENCH_POSTGRES_URL on a new PostgreSQL database instead.
# Its figures, before and after issue 13's speed work on both databases: BENCHMARKS.md
# "Automations on 100k tickets". Only the first pass after the restart is read.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TICKETS="${1:-100000}"
REQUESTS="${2:-100}"
export PATH="$HOME/.cargo/bin:$PATH"

# shellcheck source=lib/bench-desk.sh
source "$ROOT/scripts/lib/bench-desk.sh"
desk_init automations

echo "bench: building the release server" >&2
cargo build --release -p baton-server --manifest-path "$ROOT/Cargo.toml" >&2
BIN="$ROOT/target/release/baton-server"
desk_seed "$BIN" "$TICKETS" --messages-per-ticket 1
desk_serve "$BIN"
ADMIN="$(desk_login admin@baton.test)"
ALICE="$(desk_login alice@customer.test)"
echo "bench: $(desk_scalar "SELECT COUNT(*) FROM tickets WHERE status IN ('new', 'open', 'pending', 'solved')") tickets worked on" >&2

post() {
    curl -fsS -o /dev/null -H "authorization: Bearer $1" -H 'content-type: application/json' -d "$3" "$BASE$2"
}

# The demo desk's own rules are switched off for the measurement.
desk_scalar "UPDATE automations SET active = FALSE" >/dev/null
for i in $(seq 1 19); do
    post "$ADMIN" /api/v1/admin/automations "{\"name\":\"Bench miss $i\",\"trigger\":{\"kind\":\"event\",\"event\":\"created\"},
        \"conditions\":[{\"field\":\"channel\",\"op\":\"is\",\"value\":\"phone\"},{\"field\":\"priority\",\"op\":\"in\",\"value\":[\"high\",\"urgent\"]}],
        \"actions\":[{\"kind\":\"add_tags\",\"tags\":[\"miss-$i\"]}]}"
done
post "$ADMIN" /api/v1/admin/automations '{"name":"Bench hit","trigger":{"kind":"event","event":"created"},
    "conditions":[{"field":"status","op":"is","value":"new"}],"actions":[{"kind":"add_tags","tags":["bench"]}]}'
BODY="$(curl -fsS -H "authorization: Bearer $ALICE" "$BASE/api/v1/ticket-types" | python3 -c '
import json, sys
t = next(t for t in json.load(sys.stdin) if t["name"]["en"] == "Technical issue")
s = next(s for s in t["subtypes"] if s["name"]["en"] == "Site is down")
print(json.dumps({"title": "Bench", "description": "Created with 20 rules.", "type_id": t["id"], "subtype_id": s["id"]}))')"

echo "| measurement | n | p50 ms | p95 ms |"
echo "|---|---|---|---|"
post "$ALICE" /api/v1/tickets "$BODY" # warm up
for _ in $(seq 1 "$REQUESTS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "authorization: Bearer $ALICE" -H 'content-type: application/json' \
        -d "$BODY" "$BASE/api/v1/tickets"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
    printf "| create a ticket, 20 created rules | %d | %.1f | %.1f |\n", NR, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)] }'
tagged="$(desk_scalar "SELECT COUNT(*) FROM ticket_tags WHERE tag = 'bench'")"
echo "bench: $tagged tickets tagged by the rule" >&2

# Time rules: one due on every ticket worked on, one that meets none.
post "$ADMIN" /api/v1/admin/automations '{"name":"Bench every ticket","trigger":{"kind":"time","basis":"created","hours":1},
    "actions":[{"kind":"add_tags","tags":["an-hour-old"]}]}'
post "$ADMIN" /api/v1/admin/automations '{"name":"Bench none","trigger":{"kind":"time","basis":"updated","hours":1},
    "conditions":[{"field":"tags","op":"in","value":["nobody-has-this"]}],"actions":[{"kind":"add_tags","tags":["x"]}]}'
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
export RUST_LOG="warn,baton_server::automations::timed=debug"
desk_serve "$BIN"
for _ in $(seq 1 1200); do
    [[ "$(grep -c 'time rule pass' "$TMP/server.log" || true)" -ge 2 ]] && break
    sleep 0.1
done
grep 'time rule pass' "$TMP/server.log" | sed 's/\x1b\[[0-9;]*m//g' | sed -n 's/.*rule_id=\([0-9]*\) due=\([0-9]*\) selected_ms=\([0-9]*\) elapsed_ms=\([0-9]*\).*/| time rule pass (rule \1): \2 due, selection \3 ms, pass \4 ms | 1 | — | \4 |/p'

#!/usr/bin/env bash
# Property-based fuzzing of the REST contract with schemathesis (PyPI), once per role.
#
#   scripts/schemathesis.sh
#       builds the reference server (debug), starts it with a fresh SQLite database and the demo
#       data on a free loopback port, and runs schemathesis against the served
#       /api/v1/openapi.json without a session, then as a customer, an agent and an admin
#       (bearer sessions).
#   scripts/schemathesis.sh BASE_URL
#       the same against a running backend seeded with the demo tenant (spec/conformance/demo.env).
#
# Without BASE_URL, scripts/openapi-examples.py first checks that every example in
# spec/openapi.yaml validates against its schema.
# Exit code: 0 only if every role's run passed. Checks: `not_a_server_error` (no 5xx),
# `response_schema_conformance` (every body matches the documented schema),
# `status_code_conformance` (every status is documented) and `content_type_conformance`.
# Bounded: BATON_ST_MAX_EXAMPLES (default 25) test cases per operation and phase, fixed seed
# BATON_ST_SEED (default 20261126), so a run is reproducible and takes a few minutes.
# schemathesis comes from .venv-tools (scripts/setup.sh test installs the pinned version).
#
# BATON_ST_SCOPE=minimum limits the run to the operations of the minimum (spec/README.md, "What to
# implement, in order", part 1), for a backend that serves the help center alone: the optional
# operations it does not implement answer 404, which they do not document.
#
# Excluded operations, and why:
# - DELETE /session (logout) and DELETE /sessions (sign out everywhere): they kill the bearer
#   token the rest of the run uses; conformance (session.hurl) covers them.
# - GET /events: the server-sent event stream stays open by design, so every request would end
#   in a timeout; conformance (events.hurl) and crates/server/tests/api/events.rs cover it.
# Ordering: no session first, then customer and agent, and admin last, because the admin run may
# trash tickets, delete views and rotate the demo SSO secret; earlier roles see the demo data intact.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUITE="$ROOT/spec/conformance"
ST="$ROOT/.venv-tools/bin/st"
export PATH="$HOME/.cargo/bin:$PATH"

if [[ ! -x "$ST" ]]; then
    echo "schemathesis: $ST is missing; run scripts/setup.sh test" >&2
    exit 2
fi

BASE_URL="${1:-}"
BASE_URL="${BASE_URL%/}"
MAX_EXAMPLES="${BATON_ST_MAX_EXAMPLES:-25}"
# The minimum's operations (keep equal to spec/README.md's table; a test in
# crates/server/tests/api/openapi.rs checks that each id exists).
MINIMUM_OPERATIONS='health|openapi|apiDocs|capabilities|login|logout|me|listTickets|createTicket|getTicket|listMessages|postMessage|listTicketTypes|setConfidential|uploadAttachment|downloadAttachment|liveEvents|issueStreamTicket|actOnTicket|listKbCategories|listKbArticles|getKbArticle'
scope=()
case "${BATON_ST_SCOPE:-all}" in
    all) ;;
    minimum) scope=(--include-operation-id-regex "^($MINIMUM_OPERATIONS)\$") ;;
    *) echo "schemathesis: BATON_ST_SCOPE is all or minimum, not ${BATON_ST_SCOPE}" >&2; exit 2 ;;
esac
SEED="${BATON_ST_SEED:-20261126}"

NAME=schemathesis
# shellcheck source=lib/reference-server.sh
source "$ROOT/scripts/lib/reference-server.sh"

if [[ -z "$BASE_URL" ]]; then
    # The committed document's own examples first: each must validate against its schema.
    "$ROOT/.venv-tools/bin/python" "$ROOT/scripts/openapi-examples.py" "$ROOT/spec/openapi.yaml"
    # The per-address limits on, as served by default: fuzzed sign-ins meet 429s, which the
    # document describes.
    BATON_REF_ATTEMPTS_PER_IP=30 reference_server_start 1 "${BATON_ST_START_TIMEOUT:-300}"
fi

demo_var() { sed -n "s/^$1=//p" "$SUITE/demo.env"; }
PASSWORD="${BATON_CONF_PASSWORD:-$(demo_var password)}"

# A session token for EMAIL: POST /session answers Set-Cookie: baton_session=<token>, and the same
# token works as `Authorization: Bearer <token>`.
token_for() {
    local email="$1" token
    token="$(curl -sS -D - -o /dev/null --max-time 10 -H 'Content-Type: application/json' \
        --data "{\"email\":\"$email\",\"password\":\"$PASSWORD\"}" "$BASE_URL/api/v1/session" |
        tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: baton_session=\([^;]*\).*/\1/p' | head -n 1)"
    if [[ -z "$token" ]]; then
        echo "schemathesis: could not sign in as $email" >&2
        return 1
    fi
    echo "$token"
}

# schemathesis keeps a cache of crashes in ./.schemathesis: keep it in the temporary directory.
cd "$TMP"
status=0
started=$SECONDS
# Every role signs in before any fuzzing: fuzzing POST /session with wrong passwords for the demo
# emails may lock those accounts for 15 minutes (rate limits, issue 16), which is right.
declare -A tokens emails
emails[customer]="${BATON_CONF_ALICE:-$(demo_var alice_email)}"
emails[agent]="${BATON_CONF_AGENT:-$(demo_var agent_email)}"
emails[admin]="${BATON_CONF_ADMIN:-$(demo_var admin_email)}"
for role in customer agent admin; do
    tokens[$role]="$(token_for "${emails[$role]}")"
done
for role in anonymous customer agent admin; do
    auth=()
    email="${emails[$role]:-no session}"
    if [[ "$role" != anonymous ]]; then
        auth=(--header "Authorization: Bearer ${tokens[$role]}")
    fi
    echo "schemathesis: === $role ($email), $MAX_EXAMPLES examples per operation, seed $SEED ==="
    role_started=$SECONDS
    set +e
    # One worker: with two, hypothesis (describing strategies in both threads at once) crashed
    # inside CPython 3.11's ast module ("AST constructor recursion depth mismatch": its recursion
    # counter is shared between threads, CPython gh-106905) at random operations and phases.
    common=(
        --url "$BASE_URL/api/v1"
        ${auth[@]+"${auth[@]}"}
        --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance
        --max-examples "$MAX_EXAMPLES"
        --seed "$SEED"
        --workers 1
        --generation-database none
        --request-timeout 10
        ${scope[@]+"${scope[@]}"}
        --exclude-operation-id logout
        --exclude-operation-id logoutEverywhere
        --exclude-path /events
        --no-color
        --warnings off
    )
    # Two runs per role: the examples phase, then coverage, fuzzing and stateful.
    # shellcheck disable=SC2086  # BATON_ST_ARGS is split on purpose: several options
    "$ST" run "$BASE_URL/api/v1/openapi.json" --phases examples "${common[@]}" ${BATON_ST_ARGS:-} 2>&1 |
        tee "$TMP/st-$role-examples.log"
    examples_rc=${PIPESTATUS[0]}
    # shellcheck disable=SC2086
    "$ST" run "$BASE_URL/api/v1/openapi.json" --phases coverage,fuzzing,stateful "${common[@]}" ${BATON_ST_ARGS:-} 2>&1 |
        tee "$TMP/st-$role.log"
    rc=${PIPESTATUS[0]}
    if [[ $rc -eq 0 ]]; then rc=$examples_rc; fi
    set -e
    echo "schemathesis: $role finished in $((SECONDS - role_started)) s with exit code $rc"
    if [[ $rc -ne 0 ]]; then status=$rc; fi
done

echo "schemathesis: all roles in $((SECONDS - started)) s; exit code $status"
if [[ $status -ne 0 && -n "$SERVER_PID" ]]; then
    echo "schemathesis: last lines of the reference server's log:" >&2
    tail -n 30 "$TMP/server.log" >&2 || true
fi
exit "$status"

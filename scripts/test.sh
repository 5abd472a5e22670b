#!/usr/bin/env bash
# Every test of `make test`, in order, on both databases: the suites that speak to a database run
# on SQLite (the embedded default) and again on PostgreSQL (a throw-away cluster this script starts
# on a free loopback port and stops at the end, scripts/lib/postgres.sh). The end-to-end browser
# suite runs on SQLite; the two-replica test (tests/e2e/tests/replicas.rs) on PostgreSQL only. Expects `make setup-test dist` to have run (the Makefile does that first).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
CARGO="${CARGO:-cargo}"

step() { printf '\n== %s\n' "$*"; }

# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
postgres_start >/dev/null
PG_URL="$BATON_TEST_POSTGRES_URL"
# The SQLite runs must not see it: each suite is told explicitly which database to use.
unset BATON_TEST_POSTGRES_URL
trap postgres_stop_if_started_here EXIT

step "bundle budgets: the release help center within 300 KB brotli, the agent console within 450 KB, the admin console within 600 KB"
scripts/sizes.sh --budget 300000 --agent-budget 450000 --admin-budget 600000

step "core, server (SQLite), end-to-end and SPA native tests"
$CARGO test -p baton-core -p baton-server -p baton-e2e -p baton --features baton/admin

step "server HTTP tests on PostgreSQL"
BATON_TEST_POSTGRES_URL="$PG_URL" $CARGO test -p baton-server --test api

step "the PostgreSQL migrations against the SQLite ones they translate (schema, triggers, search)"
scripts/pg-migrations-check.sh

step "end-to-end smoke on PostgreSQL: the help center's whole lifecycle in Chromium"
BATON_E2E_POSTGRES_URL="$PG_URL" $CARGO test -p baton-e2e --test browser lifecycle::

step "two replicas on one PostgreSQL database and one S3 store (live events, presence, attachments, failover, scheduler lease)"
BATON_E2E_POSTGRES_URL="$PG_URL" $CARGO test -p baton-e2e --test replicas

step "SPA components in headless Chromium"
$CARGO test -p baton --target wasm32-unknown-unknown --features admin

step "conformance suite against the reference server on SQLite"
scripts/conformance.sh
step "conformance suite against the reference server on PostgreSQL"
BATON_REF_POSTGRES_URL="$PG_URL" scripts/conformance.sh

step "schemathesis against the reference server on SQLite"
scripts/schemathesis.sh
step "schemathesis against the reference server on PostgreSQL"
BATON_REF_POSTGRES_URL="$PG_URL" scripts/schemathesis.sh

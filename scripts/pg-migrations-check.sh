#!/usr/bin/env bash
# Checks the PostgreSQL migrations (crates/server/migrations/postgres/) against the SQLite ones
# they translate, on a throw-away cluster (scripts/lib/postgres.sh; a running one is reused):
#   1. both folders hold the same migration files (sqlx compares versions);
#   2. the eight files apply in order to a new database, each in one transaction as sqlx runs them;
#   3. scripts/pg-migrations-check.sql: the ticket_buckets triggers against a GROUP BY over tickets
#      through inserts, updates, deletes, a tenant's deletion and TRUNCATE; the translated
#      constraints; the knowledge-base search (English and Chinese, substrings, the LIKE fallback)
#      and its statistics triggers;
#   4. scripts/pg-migrations-check.py: the same tables, columns, nullability, defaults, indexes,
#      foreign keys (with ON DELETE) and triggers as SQLite's schema (built from the SQLite
#      migrations with Python's sqlite3), and bm25 search scores equal to SQLite FTS5's.
# Needs python3; PostgreSQL is installed if missing (as root). Prints "N passed, 0 failed" at the
# end and exits non-zero on the first failure. BATON_PG_KEEP=1 keeps the cluster (and database).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SQLITE_DIR="$ROOT/crates/server/migrations/sqlite"
PG_DIR="$ROOT/crates/server/migrations/postgres"
# shellcheck source=lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

DB="baton_migrations_check_$$"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/baton-pg-check.XXXXXX")"
PASSED=0

cleanup() {
    local rc=$?
    if [[ "${BATON_PG_KEEP:-}" != 1 ]]; then
        postgres_psql -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
        postgres_stop_if_started_here || true
    else
        echo "pg-migrations-check: kept database $DB at ${BATON_TEST_POSTGRES_URL:-?}" >&2
    fi
    rm -rf "$OUT"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
    echo "pg-migrations-check: FAILED: $*" >&2
    echo "$PASSED passed, 1 failed"
    exit 1
}

# 1. The same migration files in both folders.
sqlite_files="$(cd "$SQLITE_DIR" && ls -1 [0-9]*.sql)"
pg_files="$(cd "$PG_DIR" && ls -1 [0-9]*.sql)"
if [[ "$sqlite_files" != "$pg_files" ]]; then
    diff <(echo "$sqlite_files") <(echo "$pg_files") >&2 || true
    fail "migrations/sqlite/ and migrations/postgres/ do not hold the same files"
fi
echo "ok: the same $(wc -l <<<"$pg_files") migration files in both folders"
PASSED=$((PASSED + 1))

# 2. Apply them.
postgres_start
postgres_psql -d postgres -c "CREATE DATABASE $DB"
while read -r file; do
    postgres_psql -d "$DB" --single-transaction -f "$PG_DIR/$file" >"$OUT/apply.log" 2>&1 \
        || { cat "$OUT/apply.log" >&2; fail "$file does not apply"; }
    echo "ok: applied $file"
    PASSED=$((PASSED + 1))
done <<<"$pg_files"
postgres_psql -d "$DB" -Atc "SELECT 'ok: extension pg_trgm ' || extversion FROM pg_extension WHERE extname = 'pg_trgm'" \
    | grep . || fail "pg_trgm is not installed"
PASSED=$((PASSED + 1))

# 3. The SQL checks. Their "ok:" NOTICEs go to stderr.
if ! postgres_psql -d "$DB" -f "$ROOT/scripts/pg-migrations-check.sql" 2>"$OUT/check.err"; then
    sed 's/^psql:[^ ]* //' "$OUT/check.err" >&2
    fail "scripts/pg-migrations-check.sql"
fi
sed -n 's/^psql:[^ ]* NOTICE:  //p' "$OUT/check.err"
PASSED=$((PASSED + $(grep -c 'NOTICE:  ok:' "$OUT/check.err")))
if grep -v 'NOTICE:  ok:' "$OUT/check.err" | grep -q .; then
    grep -v 'NOTICE:  ok:' "$OUT/check.err" >&2
    fail "unexpected messages from scripts/pg-migrations-check.sql"
fi

# 4. Schema and ranking against SQLite.
export PGHOST=127.0.0.1 PGPORT="$BATON_PG_PORT" PGUSER=postgres PGDATABASE="$DB"
if ! python3 "$ROOT/scripts/pg-migrations-check.py" "$SQLITE_DIR" "$BATON_PG_BINDIR/psql" | tee "$OUT/py.log"; then
    fail "scripts/pg-migrations-check.py"
fi
PASSED=$((PASSED + $(grep -c '^ok:' "$OUT/py.log")))

echo "$PASSED passed, 0 failed"

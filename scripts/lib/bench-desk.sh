# A large desk for the server benchmarks (bench-server.sh, bench-load.sh): a temporary database
# seeded with TICKETS tickets and the release server on a free loopback port, cleaned up on exit.
# On SQLite by default; with BATON_BENCH_POSTGRES_URL (a PostgreSQL server's maintenance database,
# e.g. what `scripts/lib/postgres.sh start` prints) on a new database there (dropped on exit).
#
#   source scripts/lib/bench-desk.sh
#   desk_init NAME                          TMP, DB, DB_NAME (empty on SQLite); the exit trap
#   desk_seed BIN TICKETS [seed options]    seeds (its output in $TMP/seed.txt), then analyzes
#   desk_serve BIN [serve options]          PORT, BASE, SERVER_PID; returns once it answers
#   desk_scalar SQL                         one value from the database, whichever it is
#   desk_login EMAIL                        a demo user's session token

SERVER_PID=""
DB_NAME=""

desk_cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ -n "$DB_NAME" ]]; then
        psql "$BATON_BENCH_POSTGRES_URL" -q -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" || true
    fi
    rm -rf "$TMP"
}

desk_init() {
    local name="$1"
    TMP="$(mktemp -d "${TMPDIR:-/tmp}/baton-$name.XXXXXX")"
    trap desk_cleanup EXIT
    DB="sqlite:$TMP/$name.db"
    SQLITE_FILE="$TMP/$name.db"
    if [[ -n "${BATON_BENCH_POSTGRES_URL:-}" ]]; then
        DB_NAME="baton_${name}_$$"
        psql "$BATON_BENCH_POSTGRES_URL" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB_NAME"
        DB="${BATON_BENCH_POSTGRES_URL%/*}/$DB_NAME"
    fi
    echo "$name: database $DB" >&2
}

desk_seed() {
    local bin="$1" tickets="$2"
    shift 2
    "$bin" seed --database "$DB" --tickets "$tickets" "$@" | tee "$TMP/seed.txt" >&2
    if [[ -n "$DB_NAME" ]]; then
        # What autovacuum does on a desk that grew to this size: statistics for the planner and
        # the visibility map for index-only scans. Right after a 30 s bulk seed neither exists
        # yet, and the first minute's plans (until autoanalyze runs) were 100× slower.
        psql "$DB" -q -c "VACUUM ANALYZE"
    fi
}

desk_serve() {
    local bin="$1"
    shift
    PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    BASE="http://127.0.0.1:$PORT"
    # RUST_LOG from the caller (bench-automations.sh reads the scheduler's log), else warn.
    RUST_LOG="${RUST_LOG:-warn}" "$bin" serve --addr "127.0.0.1:$PORT" --database "$DB" --data-dir "$TMP/data" \
        --secret-key "$(printf '0%.0s' {1..64})" "$@" >"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        curl -fsS "$BASE/api/v1/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "the server did not answer; its log:" >&2
    cat "$TMP/server.log" >&2
    return 1
}

desk_scalar() {
    if [[ -n "$DB_NAME" ]]; then
        psql "$DB" -tAq -c "$1"
    else
        # The running server may hold the write lock a moment (its scheduler): wait for it.
        sqlite3 -cmd ".timeout 60000" "$SQLITE_FILE" "$1"
    fi
}

desk_login() {
    curl -fsS -o /dev/null -c - -H 'content-type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"baton-demo\"}" "$BASE/api/v1/session" |
        awk '$6 == "baton_session" { print $7 }'
}

# Sourced by scripts/conformance.sh and scripts/schemathesis.sh: a temporary directory, and the
# reference server built (debug) and started on a free loopback port (port 0: the server picks it)
# with a fresh database and the demo data, stopped again on exit. The caller sets NAME (for
# messages) and ROOT. The database is a SQLite file in the temporary directory, or, when
# BATON_REF_POSTGRES_URL names a PostgreSQL server's maintenance database, a new database there.
#
#   reference_server_start MAX_UPLOAD_MB TIMEOUT_SECONDS
#       sets BASE_URL and SERVER_PID; the server's log is $TMP/server.log.

TMP="$(mktemp -d "${TMPDIR:-/tmp}/baton-$NAME.XXXXXX")"
SERVER_PID=""
reference_server_cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap reference_server_cleanup EXIT
trap 'exit 130' INT TERM

reference_server_start() {
    local max_upload_mb="$1" timeout="$2" bin deadline
    echo "$NAME: building the reference server (cargo build -p baton-server)"
    (cd "$ROOT" && cargo build -q -p baton-server)
    bin="${CARGO_TARGET_DIR:-$ROOT/target}/debug/baton-server"
    [[ -x "$bin" ]] || { echo "$NAME: $bin not found after the build" >&2; exit 2; }
    # Port 0: the server binds a free port itself and prints it ("Baton is listening on …"), so
    # no port is chosen here that another process (another test run, a `make run`) could take
    # before the server binds it.
    local database="sqlite://$TMP/$NAME.db"
    if [[ -n "${BATON_REF_POSTGRES_URL:-}" ]]; then
        local db_name="baton_${NAME}_$$_$RANDOM"
        psql "$BATON_REF_POSTGRES_URL" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db_name" >/dev/null
        database="${BATON_REF_POSTGRES_URL%/*}/$db_name"
    fi
    echo "$NAME: starting $bin on a free loopback port (database $database, demo data)"
    # Created before the server starts, so the loop below never reads a file not there yet.
    : >"$TMP/server.log"
    # The per-address limits off unless asked for (BATON_REF_ATTEMPTS_PER_IP): a suite signs in
    # far more often from one loopback address than any person would; crates/server/tests/api/
    # limits.rs tests them. Account lockout stays on.
    (cd "$TMP" && exec "$bin" --addr "127.0.0.1:0" --database "$database" --data-dir "$TMP/data" --secret-key-file "$TMP/secret.key" --demo \
        --max-upload-mb "$max_upload_mb" --attempts-per-ip "${BATON_REF_ATTEMPTS_PER_IP:-0}") >"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    BASE_URL=""
    deadline=$((SECONDS + timeout))
    until [[ -n "$BASE_URL" ]] && curl -fsS -o /dev/null --max-time 2 "$BASE_URL/api/v1/health" 2>/dev/null; do
        if [[ -z "$BASE_URL" ]]; then
            BASE_URL="$(sed -n '/^Baton is listening on http:\/\//{s/^Baton is listening on //p;q;}' "$TMP/server.log")"
        fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "$NAME: the server exited before answering; its log:" >&2
            cat "$TMP/server.log" >&2
            exit 2
        fi
        if (( SECONDS > deadline )); then
            echo "$NAME: the server did not answer ${BASE_URL:-(no address yet)}/api/v1/health in time; its log:" >&2
            tail -n 50 "$TMP/server.log" >&2
            exit 2
        fi
        sleep 0.2
    done
}

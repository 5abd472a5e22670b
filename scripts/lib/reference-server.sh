# Sourced by scripts/conformance.sh and scripts/schemathesis.sh: a temporary directory, and the
# reference server built (debug) and started on a free loopback port with a fresh SQLite database
# and the demo data, stopped again on exit. The caller sets NAME (for messages) and ROOT.
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

# A free TCP port on 127.0.0.1 (nothing answers on it).
free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "$NAME: no free port found" >&2
    return 1
}

reference_server_start() {
    local max_upload_mb="$1" timeout="$2" bin port deadline
    echo "$NAME: building the reference server (cargo build -p baton-server)"
    (cd "$ROOT" && cargo build -q -p baton-server)
    bin="${CARGO_TARGET_DIR:-$ROOT/target}/debug/baton-server"
    [[ -x "$bin" ]] || { echo "$NAME: $bin not found after the build" >&2; exit 2; }
    port="$(free_port)"
    BASE_URL="http://127.0.0.1:$port"
    echo "$NAME: starting $bin on $BASE_URL (database $TMP/$NAME.db, demo data)"
    (cd "$TMP" && exec "$bin" --addr "127.0.0.1:$port" --database "sqlite://$TMP/$NAME.db" --demo \
        --max-upload-mb "$max_upload_mb") >"$TMP/server.log" 2>&1 &
    SERVER_PID=$!
    deadline=$((SECONDS + timeout))
    until curl -fsS -o /dev/null --max-time 2 "$BASE_URL/api/v1/health" 2>/dev/null; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "$NAME: the server exited before answering; its log:" >&2
            cat "$TMP/server.log" >&2
            exit 2
        fi
        if (( SECONDS > deadline )); then
            echo "$NAME: the server did not answer $BASE_URL/api/v1/health in time; its log:" >&2
            tail -n 50 "$TMP/server.log" >&2
            exit 2
        fi
        sleep 0.2
    done
}

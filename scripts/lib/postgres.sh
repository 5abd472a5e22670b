#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests: initdb'd in a temporary directory, listening on a free
# loopback port, tuned for speed over durability (fsync, synchronous_commit, full_page_writes off),
# trusted logins without passwords. Nothing in it is meant to survive: `stop` deletes it.
#
# Sourced by other scripts (it sets no shell options of its own, so `set -euo pipefail` callers
# keep theirs):
#   source scripts/lib/postgres.sh
#   postgres_start          starts a cluster, or reuses the one this library already runs; exports
#                           BATON_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:<port>/postgres
#   postgres_psql ARGS...   psql of the cluster's own version against it (ON_ERROR_STOP set)
#   postgres_stop           stops it (pg_ctl -m immediate) and deletes its directory
#   postgres_stop_if_started_here   the same, but only if postgres_start started it in this shell
#                           (a cluster that was reused belongs to whoever started it)
# or run directly:
#   scripts/lib/postgres.sh start|stop|url|status
#   `start` prints the BATON_TEST_POSTGRES_URL=... line, `url` only the URL (exit 1 if none runs).
#
# Where the cluster lives: BATON_PG_DIR, default ${TMPDIR:-/tmp}/baton-pg-<user>. Its state file
# (env) there is what lets a second `start` find and reuse a running cluster instead of starting
# another; a state file whose server no longer answers is cleaned up and a new cluster started.
#
# Needs PostgreSQL's server binaries. If they are missing and we are root, Debian's `postgresql`
# package is installed (apt-get). initdb and pg_ctl refuse to run as root, so as root they run as
# the `postgres` OS user (created by that package) via runuser; as anyone else, as that user.
# The database is UTF8 with the C.UTF-8 locale: byte-order (= code point) sorting like SQLite's
# BINARY collation, and a character classification that knows non-ASCII letters, which pg_trgm
# needs to index Chinese (under plain C it drops every non-ASCII character). See
# crates/server/migrations/postgres/0003_kb.sql.

_baton_pg_user() { id -un; }

BATON_PG_DIR="${BATON_PG_DIR:-${TMPDIR:-/tmp}/baton-pg-$(_baton_pg_user)}"

_baton_pg_err() { printf 'postgres.sh: error: %s\n' "$*" >&2; }
_baton_pg_log() { printf 'postgres.sh: %s\n' "$*" >&2; }

# Runs a PostgreSQL server program as the user that may own the cluster.
_baton_pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Sets BATON_PG_BINDIR to the folder of initdb/pg_ctl/psql, installing PostgreSQL if needed.
_baton_pg_find_binaries() {
    local bindir=""
    if command -v pg_config >/dev/null 2>&1; then
        bindir="$(pg_config --bindir 2>/dev/null || true)"
    fi
    if [[ -z "$bindir" || ! -x "$bindir/initdb" || ! -x "$bindir/pg_ctl" ]]; then
        if [[ $EUID -ne 0 ]]; then
            _baton_pg_err "PostgreSQL's server binaries (initdb, pg_ctl) were not found and only root can install them:"
            _baton_pg_err "  apt-get update && apt-get install -y postgresql"
            return 1
        fi
        _baton_pg_log "installing PostgreSQL (Debian package postgresql)"
        if ! apt-get update -qq; then
            _baton_pg_err "apt-get update failed"
            return 1
        fi
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; then
            _baton_pg_err "apt-get install postgresql failed"
            return 1
        fi
        bindir="$(pg_config --bindir 2>/dev/null || true)"
        if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
            _baton_pg_err "PostgreSQL was installed but pg_config --bindir ('$bindir') has no initdb"
            return 1
        fi
    fi
    if [[ $EUID -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
        _baton_pg_err "no 'postgres' OS user to run the cluster as (initdb refuses root); install the postgresql package"
        return 1
    fi
    BATON_PG_BINDIR="$bindir"
}

# A free TCP port on 127.0.0.1: the kernel picks one for a socket bound to port 0.
_baton_pg_free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Loads the state file into BATON_PG_PORT/BATON_PG_DATA/BATON_PG_BINDIR and checks that its server
# answers. Returns 1 if there is no state file or its server is gone.
_baton_pg_load_state() {
    local state="$BATON_PG_DIR/env" key value
    [[ -f "$state" ]] || return 1
    BATON_PG_PORT="" BATON_PG_DATA="" BATON_PG_BINDIR=""
    while IFS='=' read -r key value; do
        case "$key" in
            port) BATON_PG_PORT="$value" ;;
            data) BATON_PG_DATA="$value" ;;
            bindir) BATON_PG_BINDIR="$value" ;;
        esac
    done <"$state"
    [[ -n "$BATON_PG_PORT" && -n "$BATON_PG_DATA" && -x "$BATON_PG_BINDIR/pg_ctl" ]] || return 1
    _baton_pg_as_owner "$BATON_PG_BINDIR/pg_ctl" status -D "$BATON_PG_DATA" >/dev/null 2>&1 || return 1
    "$BATON_PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$BATON_PG_PORT" -t 5 >/dev/null 2>&1
}

_baton_pg_url() { printf 'postgres://postgres@127.0.0.1:%s/postgres' "$BATON_PG_PORT"; }

# Refuses a BATON_PG_DIR that is a symlink or belongs to someone else (it is under /tmp).
_baton_pg_check_dir() {
    if [[ -L "$BATON_PG_DIR" ]]; then
        _baton_pg_err "$BATON_PG_DIR is a symlink; refusing to use it"
        return 1
    fi
    if [[ -e "$BATON_PG_DIR" && ! -d "$BATON_PG_DIR" ]]; then
        _baton_pg_err "$BATON_PG_DIR exists and is not a directory"
        return 1
    fi
    if [[ -d "$BATON_PG_DIR" ]]; then
        local owner
        owner="$(stat -c %U "$BATON_PG_DIR")"
        if [[ "$owner" != "$(_baton_pg_user)" && "$owner" != postgres ]]; then
            _baton_pg_err "$BATON_PG_DIR belongs to $owner; set BATON_PG_DIR to a directory of your own"
            return 1
        fi
    fi
}

# Runs "$@" holding an exclusive lock beside BATON_PG_DIR, so two scripts starting at once end up
# with one cluster (the lock file lives outside the directory that stop deletes).
_baton_pg_locked() {
    if command -v flock >/dev/null 2>&1; then
        local rc=0
        exec {_baton_pg_lock_fd}>>"$BATON_PG_DIR.lock" || return 1
        if ! flock -w 120 "$_baton_pg_lock_fd"; then
            _baton_pg_err "timed out waiting for $BATON_PG_DIR.lock (another start or stop holds it)"
            exec {_baton_pg_lock_fd}>&-
            unset _baton_pg_lock_fd
            return 1
        fi
        "$@" || rc=$?
        exec {_baton_pg_lock_fd}>&-
        unset _baton_pg_lock_fd
        return "$rc"
    fi
    "$@"
}

# Runs "$@" without the lock's file descriptor: the server that pg_ctl leaves running would
# otherwise inherit it and hold the lock for as long as it runs.
_baton_pg_without_lock() {
    if [[ -n "${_baton_pg_lock_fd:-}" ]]; then
        "$@" {_baton_pg_lock_fd}>&-
    else
        "$@"
    fi
}

_baton_pg_start_locked() {
    _baton_pg_check_dir || return 1
    if _baton_pg_load_state; then
        BATON_TEST_POSTGRES_URL="$(_baton_pg_url)"
        export BATON_TEST_POSTGRES_URL
        _baton_pg_log "reusing the running cluster on port $BATON_PG_PORT ($BATON_PG_DIR)"
        return 0
    fi
    if [[ -e "$BATON_PG_DIR" ]]; then
        _baton_pg_log "removing a stale cluster directory ($BATON_PG_DIR)"
        _baton_pg_stop_locked >/dev/null 2>&1 || true
        rm -rf "$BATON_PG_DIR"
    fi
    _baton_pg_find_binaries || return 1
    mkdir -p "$BATON_PG_DIR" || { _baton_pg_err "cannot create $BATON_PG_DIR"; return 1; }
    chmod 0755 "$BATON_PG_DIR"
    if [[ $EUID -eq 0 ]]; then
        chown postgres: "$BATON_PG_DIR"
        if ! runuser -u postgres -- test -w "$BATON_PG_DIR"; then
            _baton_pg_err "the postgres user cannot write $BATON_PG_DIR (is a parent folder closed to it? set BATON_PG_DIR or TMPDIR)"
            rm -rf "$BATON_PG_DIR"
            return 1
        fi
    fi
    BATON_PG_DATA="$BATON_PG_DIR/data"
    local log="$BATON_PG_DIR/postgres.log" attempt
    if ! _baton_pg_as_owner "$BATON_PG_BINDIR/initdb" -D "$BATON_PG_DATA" -U postgres -A trust -E UTF8 \
            --locale=C.UTF-8 --no-sync >"$BATON_PG_DIR/initdb.log" 2>&1; then
        _baton_pg_err "initdb failed; its output:"
        cat "$BATON_PG_DIR/initdb.log" >&2
        rm -rf "$BATON_PG_DIR"
        return 1
    fi
    for attempt in 1 2 3; do
        BATON_PG_PORT="$(_baton_pg_free_port)" || { _baton_pg_err "could not find a free port (python3)"; return 1; }
        if _baton_pg_without_lock _baton_pg_as_owner "$BATON_PG_BINDIR/pg_ctl" -D "$BATON_PG_DATA" -l "$log" -w -t 60 \
                -o "-c listen_addresses=127.0.0.1 -p $BATON_PG_PORT -k $BATON_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
                start >/dev/null; then
            printf 'port=%s\ndata=%s\nbindir=%s\n' "$BATON_PG_PORT" "$BATON_PG_DATA" "$BATON_PG_BINDIR" \
                >"$BATON_PG_DIR/env"
            BATON_TEST_POSTGRES_URL="$(_baton_pg_url)"
            export BATON_TEST_POSTGRES_URL
            BATON_PG_STARTED_HERE=1
            _baton_pg_log "started PostgreSQL $("$BATON_PG_BINDIR/pg_ctl" --version | awk '{print $3}') on port $BATON_PG_PORT ($BATON_PG_DIR)"
            return 0
        fi
        # The port may have been taken between choosing it and binding it: try another.
        if ! grep -q 'could not bind\|Address already in use' "$log" 2>/dev/null; then
            break
        fi
        _baton_pg_log "port $BATON_PG_PORT was taken, trying another (attempt $attempt)"
    done
    _baton_pg_err "pg_ctl start failed; the end of $log:"
    tail -n 20 "$log" >&2 2>/dev/null || true
    _baton_pg_as_owner "$BATON_PG_BINDIR/pg_ctl" -D "$BATON_PG_DATA" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$BATON_PG_DIR"
    return 1
}

postgres_start() {
    _baton_pg_locked _baton_pg_start_locked
}

_baton_pg_stop_locked() {
    _baton_pg_check_dir || return 1
    if [[ ! -e "$BATON_PG_DIR" ]]; then
        _baton_pg_log "no cluster at $BATON_PG_DIR"
        return 0
    fi
    local data="$BATON_PG_DIR/data" bindir=""
    if [[ -f "$BATON_PG_DIR/env" ]]; then
        bindir="$(sed -n 's/^bindir=//p' "$BATON_PG_DIR/env")"
    fi
    if [[ -z "$bindir" ]] && command -v pg_config >/dev/null 2>&1; then
        bindir="$(pg_config --bindir 2>/dev/null || true)"
    fi
    if [[ -f "$data/postmaster.pid" && -x "$bindir/pg_ctl" ]]; then
        if ! _baton_pg_as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1; then
            _baton_pg_err "pg_ctl stop failed for $data; leaving $BATON_PG_DIR in place"
            return 1
        fi
    fi
    rm -rf "$BATON_PG_DIR"
    unset BATON_TEST_POSTGRES_URL BATON_PG_STARTED_HERE
    _baton_pg_log "stopped and removed $BATON_PG_DIR"
}

postgres_stop() {
    _baton_pg_locked _baton_pg_stop_locked
}

postgres_stop_if_started_here() {
    if [[ "${BATON_PG_STARTED_HERE:-}" == 1 ]]; then
        postgres_stop
    fi
}

# psql against the running cluster (postgres_start first); extra arguments go to psql, e.g.
# `postgres_psql -d mydb -f file.sql`.
postgres_psql() {
    if [[ -z "${BATON_PG_PORT:-}" || -z "${BATON_PG_BINDIR:-}" ]] && ! _baton_pg_load_state; then
        _baton_pg_err "no running cluster at $BATON_PG_DIR (postgres_start first)"
        return 1
    fi
    PGCONNECT_TIMEOUT=10 "$BATON_PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 \
        -p "$BATON_PG_PORT" -U postgres "$@"
}

postgres_url() {
    if ! _baton_pg_load_state; then
        _baton_pg_err "no running cluster at $BATON_PG_DIR (run: scripts/lib/postgres.sh start)"
        return 1
    fi
    _baton_pg_url
    echo
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    case "${1:-}" in
        start)
            postgres_start
            echo "BATON_TEST_POSTGRES_URL=$BATON_TEST_POSTGRES_URL"
            ;;
        stop) postgres_stop ;;
        url) postgres_url ;;
        status)
            if _baton_pg_load_state; then
                echo "running: $(_baton_pg_url) (data $BATON_PG_DATA, log $BATON_PG_DIR/postgres.log)"
            else
                echo "not running ($BATON_PG_DIR)"
                exit 1
            fi
            ;;
        *)
            echo "usage: $0 start|stop|url|status" >&2
            exit 2
            ;;
    esac
fi

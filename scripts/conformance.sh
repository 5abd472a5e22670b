#!/usr/bin/env bash
# Baton API conformance suite (spec/conformance/*.hurl) against any backend.
#
#   scripts/conformance.sh BASE_URL [HURL_ARGS... | FILES.hurl...]
#       runs the suite against a running backend, e.g. http://127.0.0.1:8080
#   scripts/conformance.sh
#       builds the reference server (crates/server), starts it with a fresh SQLite database and the
#       demo data on a free loopback port, runs the suite, stops the server.
#
# The exit code is Hurl's: 0 only if every file passed. Credentials of the seeded demo tenant can
# be overridden by environment (defaults: spec/conformance/demo.env; see its README.md):
#   BATON_CONF_PASSWORD, BATON_CONF_ALICE, BATON_CONF_BOB, BATON_CONF_CAROL,
#   BATON_CONF_AGENT, BATON_CONF_ADMIN, BATON_CONF_OTHER_AGENT, BATON_CONF_DAVE,
#   BATON_CONF_SUPERVISOR, BATON_CONF_WAREHOUSE (workflows.hurl),
#   BATON_CONF_SSO_TENANT, BATON_CONF_SSO_SECRET, BATON_CONF_OTHER_SSO_SECRET (sso.hurl's signing),
#   BATON_CONF_JOBS (2), BATON_CONF_CONTINUE=1 (run every request of a file even after a failure),
#   BATON_CONF_START_TIMEOUT (seconds to wait for the reference server; 300, it may compile first),
#   BATON_CONF_MAX_UPLOAD_MB (the backend's attachment limit, default 20; the reference server is
#   started with 1, so the over-the-limit upload stays small).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUITE="$ROOT/spec/conformance"

export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v hurl >/dev/null 2>&1; then
    echo "conformance: hurl is not installed. Install it with:" >&2
    echo "  apt-get install -y libcurl4-openssl-dev libxml2-dev libclang-dev pkg-config" >&2
    echo "  cargo install hurl --version 8.0.1 --locked" >&2
    exit 2
fi

BASE_URL="${1:-}"
if [[ $# -gt 0 ]]; then shift; fi
BASE_URL="${BASE_URL%/}"

NAME=conformance
# shellcheck source=lib/reference-server.sh
source "$ROOT/scripts/lib/reference-server.sh"

MAX_UPLOAD_MB="${BATON_CONF_MAX_UPLOAD_MB:-20}"
if [[ -z "$BASE_URL" ]]; then
    MAX_UPLOAD_MB=1
    reference_server_start "$MAX_UPLOAD_MB" "${BATON_CONF_START_TIMEOUT:-300}"
fi

# A valid NewTicket of ~1.1 MiB (over the 1 MiB limit) for the payload_too_large check.
OVERSIZE="$TMP/oversize.json"
{
    printf '{"title": "Oversize", "description": "'
    head -c 1153434 /dev/zero | tr '\0' 'x'
    printf '"}'
} >"$OVERSIZE"

# Files for attachments.hurl and types.hurl (Hurl uploads files, it cannot make them): allowed
# kinds, a refused one, a Chinese name, and one 1 KiB over the attachment limit.
printf 'Conformance attachment\n' >"$TMP/conf-note.txt"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' >"$TMP/conf-photo.png"
printf '%%PDF-1.4\n%%conformance\n' >"$TMP/发票.pdf"
printf 'MZ\x90\x00\x03\x00' >"$TMP/conf-setup.exe"
head -c $((MAX_UPLOAD_MB * 1024 * 1024 + 1024)) /dev/zero | tr '\0' 'a' >"$TMP/conf-oversize.txt"

# Extra arguments: *.hurl files replace the default file list; anything else goes to hurl.
FILES=()
HURL_ARGS=()
for arg in "$@"; do
    if [[ "$arg" == *.hurl ]]; then FILES+=("$arg"); else HURL_ARGS+=("$arg"); fi
done
if [[ ${#FILES[@]} -eq 0 ]]; then FILES=("$SUITE"/*.hurl); fi
if [[ "${BATON_CONF_CONTINUE:-0}" == 1 ]]; then HURL_ARGS+=(--continue-on-error); fi

# Credentials: spec/conformance/demo.env, each overridable by its BATON_CONF_* variable.
VARS=(--variables-file "$SUITE/demo.env" --variable "base_url=$BASE_URL" --variable "oversize_body=$OVERSIZE"
    --file-root "$TMP")
for pair in password:PASSWORD alice_email:ALICE bob_email:BOB carol_email:CAROL agent_email:AGENT \
    admin_email:ADMIN other_agent_email:OTHER_AGENT dave_email:DAVE \
    supervisor_email:SUPERVISOR warehouse_email:WAREHOUSE; do
    env_name="BATON_CONF_${pair#*:}"
    if [[ -n "${!env_name:-}" ]]; then VARS+=(--variable "${pair%%:*}=${!env_name}"); fi
done

# sso.hurl's JWTs: Hurl cannot compute an HMAC, so python3 (standard library) signs them here with
# the demo tenants' SSO secrets (demo.env; BATON_CONF_SSO_TENANT, BATON_CONF_SSO_SECRET and
# BATON_CONF_OTHER_SSO_SECRET override them), fresh for every run.
demo_var() { sed -n "s/^$1=//p" "$SUITE/demo.env"; }
python3 "$SUITE/sso_tokens.py" "${BATON_CONF_SSO_TENANT:-$(demo_var sso_tenant)}" \
    "${BATON_CONF_SSO_SECRET:-$(demo_var sso_secret)}" \
    "${BATON_CONF_OTHER_SSO_SECRET:-$(demo_var other_sso_secret)}" \
    "${BATON_CONF_AGENT:-$(demo_var agent_email)}" >"$TMP/sso.env"
while IFS= read -r line; do VARS+=(--variable "$line"); done <"$TMP/sso.env"

echo "conformance: running ${#FILES[@]} file(s) against $BASE_URL"
set +e
# Every request carries the client header a browser SPA sends (spec/README.md, "Cross-site
# requests"); csrf.hurl checks what a forged request gets.
hurl --test --jobs "${BATON_CONF_JOBS:-2}" --max-time 30 --no-color "${VARS[@]}" \
    --header "Baton-Client: conformance" \
    ${HURL_ARGS[@]+"${HURL_ARGS[@]}"} \
    "${FILES[@]}" 2>&1 | tee "$TMP/hurl.log"
status=${PIPESTATUS[0]}
set -e

passed="$(sed -n 's/^Succeeded files: *\([0-9]*\).*/\1/p' "$TMP/hurl.log" | tail -n 1)"
failed="$(sed -n 's/^Failed files: *\([0-9]*\).*/\1/p' "$TMP/hurl.log" | tail -n 1)"
if [[ -n "$passed" && -n "$failed" ]]; then
    echo "conformance: $passed passed, $failed failed"
fi
if [[ $status -ne 0 && -n "$SERVER_PID" ]]; then
    echo "conformance: last lines of the reference server's log:" >&2
    tail -n 30 "$TMP/server.log" >&2 || true
fi
exit "$status"

#!/usr/bin/env bash
# Installs everything Baton's build and tests need, idempotently: a second run installs nothing.
# Only the registries this workplace reaches are used (crates.io, npm, Debian); see README.
#   scripts/setup.sh build   -> what `make run` needs (wasm target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh test    -> the above plus Chromium + chromedriver and the npm test tools
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
HURL_VERSION=8.0.1  # 8.1 needs a newer rustc than 1.95
SCHEMATHESIS_VERSION=4.32.5  # PyPI; in the git-ignored venv .venv-tools (scripts/schemathesis.sh)
AIOSMTPD_VERSION=1.4.6  # PyPI, in .venv-tools: the SMTP sink of the mail tests (crates/smtp-fixture)
# wasm-bindgen-cli must match the wasm-bindgen crate pinned in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

log() { printf '[setup] %s\n' "$*" >&2; }

need_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32 target"; rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
    log "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
    # Not --locked: 0.2.130's own lock file pins a crate version the registry no longer has.
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  # binaryen 132 from npm; Debian's binaryen 108 produces wasm that fails in the browser.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/esbuild ]; then
    log "installing npm tools (binaryen, esbuild, axe-core)"; npm ci --no-audit --no-fund
  fi
  # Trunk runs offline (Trunk.toml); make sure every crate is in the local registry cache.
  cargo fetch --locked >/dev/null 2>&1 || cargo fetch
}

need_test() {
  need_build
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing chromium and chromium-driver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # Hurl runs the conformance suite (spec/conformance); it builds against Debian's libcurl.
  if ! hurl --version 2>/dev/null | grep -q "^hurl $HURL_VERSION"; then
    log "installing hurl $HURL_VERSION"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcurl4-openssl-dev libxml2-dev libclang-dev pkg-config >/dev/null
    cargo install hurl --version "$HURL_VERSION" --locked
  fi
  # schemathesis fuzzes the served OpenAPI document (make schemathesis), pinned, in its own venv.
  if ! .venv-tools/bin/st --version 2>/dev/null | grep -q "version $SCHEMATHESIS_VERSION\$"; then
    log "installing schemathesis $SCHEMATHESIS_VERSION in .venv-tools"
    if [ ! -x .venv-tools/bin/pip ] && ! python3 -m venv .venv-tools >/dev/null 2>&1; then
      rm -rf .venv-tools  # Debian's python3 lacks ensurepip without python3-venv
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
      python3 -m venv .venv-tools
    fi
    .venv-tools/bin/pip install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
  fi
  # aiosmtpd is the real SMTP server the mail tests send to (crates/smtp-fixture), same venv.
  if ! .venv-tools/bin/python -c "import aiosmtpd, sys; sys.exit(aiosmtpd.__version__ != '$AIOSMTPD_VERSION')" 2>/dev/null; then
    log "installing aiosmtpd $AIOSMTPD_VERSION in .venv-tools"
    .venv-tools/bin/pip install -q --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION"
  fi
}

case "${1:-build}" in
  build) need_build ;;
  test) need_test ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Browser benchmarks of the agent workspace (tests/e2e/examples/bench_browser.rs): the release
# SPA (make dist), the reference server in-process on a temporary SQLite file with 10,000 seeded
# tickets, headless Chromium over WebDriver. Prints a Markdown table for BENCHMARKS.md.
#
#   scripts/bench-browser.sh [LOADS]     LOADS: page loads of the 1,000-message ticket (default 10)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
make -s dist setup-test >&2
cargo run -q --release -p baton-e2e --example bench_browser -- "${1:-10}"

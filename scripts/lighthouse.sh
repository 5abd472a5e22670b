#!/usr/bin/env bash
# Lighthouse (12.x: 13 needs Node 22) against a fresh reference server with demo data, on the
# login page and the help articles (/kb). Prints the category scores; the JSON reports go to
# target/lighthouse/. A benchmark, not a test: numbers go to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/lighthouse-tool
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$tools" && npm install --prefix "$tools" --no-audit --no-fund lighthouse@12.8.2 >/dev/null
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db=$(mktemp -d)
cargo build --release -q -p baton-server
./target/release/baton-server --addr 127.0.0.1:$port --database "sqlite://$db/lh.db" --secret-key-file "$db/secret.key" --dist dist --demo >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$db"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
mkdir -p target/lighthouse
for page in login kb; do
  CHROME_PATH=/usr/bin/chromium "$tools/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$page" \
    --quiet --output=json --output-path="target/lighthouse/$page.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" >/dev/null
  node -e '
    const r = require(process.argv[1]);
    const c = Object.values(r.categories).map(c => `${c.title} ${Math.round(c.score * 100)}`).join(", ");
    const a = r.audits;
    console.log(`${process.argv[2]}: ${c}; FCP ${a["first-contentful-paint"].displayValue}, LCP ${a["largest-contentful-paint"].displayValue}, TBT ${a["total-blocking-time"].displayValue}, transfer ${Math.round(a["total-byte-weight"].numericValue/1024)} KiB`);
  ' "$PWD/target/lighthouse/$page.json" "$page"
done

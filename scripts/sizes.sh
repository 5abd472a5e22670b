#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli (q 11) sizes of the release SPA bundle in dist/ — what a browser
# downloads; the server sends the precompressed .br/.gz files `make dist` writes.
set -euo pipefail
cd "$(dirname "$0")/../dist"
tg=0; tb=0
printf '%-40s %10s %10s %10s\n' file raw gzip brotli
for f in *.wasm *.js *.css index.html; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  br=$( [ -f "$f.br" ] && stat -c %s "$f.br" || echo "-")
  tg=$((tg + gz)); [ "$br" != "-" ] && tb=$((tb + br))
  printf '%-40s %10s %10s %10s\n' "$f" "$raw" "$gz" "$br"
done
printf '%-40s %10s %10s %10s\n' total "" "$tg" "$tb"

#!/usr/bin/env bash
# Prints the gzip (level 9) and raw sizes of the release SPA bundle in dist/.
set -euo pipefail
cd "$(dirname "$0")/../dist"
total=0
printf '%-40s %10s %10s\n' file raw gzip
for f in *.wasm *.js *.css index.html; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
  printf '%-40s %10s %10s\n' "$f" "$raw" "$gz"
done
printf '%-40s %10s %10s\n' total "" "$total"

#!/usr/bin/env bash
# Prints raw, gzip -9 and brotli (q 11) sizes of the three release bundles in dist/ — what a
# browser downloads; the server sends the precompressed .br/.gz files `make dist` writes. The help
# center (dist/: what customers and the widget frame load, budget ≤ 300 KB), the agent console
# (dist/ws/, loaded from /agent, ≤ 450 KB) and the admin console (dist/adm/, loaded from /admin
# and /agent/reports, ≤ 450 KB).
# widget.js, which host pages load, is listed but not in a total. `sizes.sh --budget BYTES
# [--agent-budget BYTES] [--admin-budget BYTES]` also fails when that bundle's brotli total is over
# BYTES (make test uses all three, so a change that breaks a budget is seen where it is made).
set -euo pipefail
budget=""; agent_budget=""; admin_budget=""
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) budget=${2:?--budget needs a number of bytes}; shift 2 ;;
    --agent-budget) agent_budget=${2:?--agent-budget needs a number of bytes}; shift 2 ;;
    --admin-budget) admin_budget=${2:?--admin-budget needs a number of bytes}; shift 2 ;;
    *) echo "sizes.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/../dist"
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
admin=0
for bundle in help-center agent admin; do
  case "$bundle" in help-center) dir=. ;; agent) dir=ws ;; admin) dir=adm ;; esac
  tg=0; tb=0
  for f in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/index.html; do
    [ -f "$f" ] || continue
    [ "$f" = ./widget.js ] && continue
    raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
    br=$( [ -f "$f.br" ] && stat -c %s "$f.br" || echo "-")
    tg=$((tg + gz)); [ "$br" != "-" ] && tb=$((tb + br))
    printf '%-48s %10s %10s %10s\n' "${f#./}" "$raw" "$gz" "$br"
  done
  printf '%-48s %10s %10s %10s\n' "total $bundle" "" "$tg" "$tb"
  case "$bundle" in help-center) help_center=$tb ;; agent) agent=$tb ;; admin) admin=$tb ;; esac
done
f=widget.js
[ -f "$f" ] && printf '%-48s %10s %10s %10s\n' "$f (host pages)" "$(stat -c %s $f)" "$(gzip -9c $f | wc -c)" "$(stat -c %s $f.br 2>/dev/null || echo -)"
if [ -n "$budget" ]; then
  if [ "$help_center" -gt "$budget" ]; then
    echo "FAIL: the help center is $help_center bytes brotli, over its budget of $budget (BENCHMARKS.md)" >&2
    exit 1
  fi
  echo "help center within budget: $help_center of $budget bytes brotli"
fi
if [ -n "$agent_budget" ]; then
  if [ "$agent" -gt "$agent_budget" ]; then
    echo "FAIL: the agent console is $agent bytes brotli, over its budget of $agent_budget (BENCHMARKS.md)" >&2
    exit 1
  fi
  echo "agent console within budget: $agent of $agent_budget bytes brotli"
fi
if [ -n "$admin_budget" ]; then
  if [ "$admin" -eq 0 ]; then
    echo "FAIL: no admin console bundle in dist/adm (make dist builds it)" >&2
    exit 1
  fi
  if [ "$admin" -gt "$admin_budget" ]; then
    echo "FAIL: the admin console is $admin bytes brotli, over its budget of $admin_budget (BENCHMARKS.md)" >&2
    exit 1
  fi
  echo "admin console within budget: $admin of $admin_budget bytes brotli"
fi

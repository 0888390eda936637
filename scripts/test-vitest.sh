#!/usr/bin/env bash
# The vitest part of `npm test` on both cores (decision 0033): the hostile-input suite, one long
# file, runs as a vitest run of its own (its own PostgreSQL and Meilisearch) while the other
# tests run on the machine's Node and then on Node 24. Its output follows theirs.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
npx vitest run tests/hostile >"$log" 2>&1 &
hostile=$!
trap 'kill "$hostile" 2>/dev/null || true; rm -f "$log"' EXIT
status=0
{ npx vitest run --exclude 'tests/hostile/**' && bash scripts/test-node24.sh; } || status=$?
hostile_status=0
wait "$hostile" || hostile_status=$?
cat "$log"
[ "$status" -eq 0 ] && [ "$hostile_status" -eq 0 ]

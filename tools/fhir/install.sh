#!/usr/bin/env bash
# Installs the npm packages of tools/fhir (the two FHIR validators and fhir-kit-client) into
# tools/fhir/node_modules, exactly as package-lock.json pins them.
#
#   tools/fhir/install.sh
#
# Does nothing when node_modules already matches the lock (a stamp file holds the lock's hash), so
# test.sh and the tests can call it every time. Silent on success; on failure it says what went
# wrong, shows npm's log, and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")"

fail() {
  echo "tools/fhir/install.sh: $*" >&2
  exit 1
}

stamp=node_modules/.carnet-install-stamp
wanted=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
installed() { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; }
installed && exit 0

command -v node >/dev/null 2>&1 || fail "node is not on the PATH: install Node.js 20 or later."
command -v npm >/dev/null 2>&1 || fail "npm is not on the PATH: install it with Node.js 20 or later."
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || fail "Node.js $(node --version) is too old: fhir-kit-client 2.0.3 needs Node.js 20 or later."

# Two callers at once (test.sh and a test, or parallel tests) install once, one after the other.
exec 9>.install.lock
if command -v flock >/dev/null 2>&1; then
  flock 9
fi
installed && exit 0

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The packages need no install script; --ignore-scripts keeps it so.
if ! npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >"$log" 2>&1; then
  cat "$log" >&2
  fail "npm ci failed (see npm's output above): the npm registry must be reachable, and package.json must match package-lock.json."
fi

echo "$wanted" >"$stamp"

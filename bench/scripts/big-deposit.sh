#!/usr/bin/env bash
# Measures how much a large deposit raises Carnet's memory (issue #4: a 200 MB deposit must add less
# than about 64 MB). Starts a Release build of Carnet (SQLite, file store), warms it up with a 1 MB
# deposit, then streams <megabytes> raw to POST /fhir/r4/Binary and deposits the bundle that names it,
# sampling the server's resident memory (VmRSS) every 50 ms.
#   bench/scripts/big-deposit.sh [megabytes]      (default 200)
set -euo pipefail
source "$(dirname "$0")/server.sh"
megabytes="${1:-200}"
port="${CARNET_BENCH_PORT:-55481}"
work=$(mktemp -d)
cleanup() {
  [ -n "${CARNET_PID:-}" ] && kill "$CARNET_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# The demo's own documents off: every blob in the folder is then one of this run's deposits.
export CARNET_DEMO_DIR="$work/data/demo" CARNET_URL="http://127.0.0.1:$port" Carnet__Demo__Documents=false

carnet_build
carnet_start "$work" "$port"
carnet_wait "$port"
# The server process is dotnet's child of the subshell: find it by its working folder's port.
server=$(pgrep -f "dotnet $CARNET_DLL" | while read -r pid; do [ "$(readlink "/proc/$pid/cwd")" = "$work" ] && echo "$pid"; done | head -n 1)
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }

node "$root/bench/scripts/deposits.mjs" big 1 >/dev/null
sleep 1
before=$(rss)
peak=$before
( while kill -0 "$server" 2>/dev/null; do rss; sleep 0.05; done ) >"$work/samples" &
sampler=$!
node "$root/bench/scripts/deposits.mjs" big "$megabytes"
kill "$sampler" 2>/dev/null || true
peak=$(sort -n "$work/samples" | tail -n 1)
echo "server resident memory: $((before / 1024)) MB before, $((peak / 1024)) MB at peak during the $megabytes MB deposit: +$(((peak - before) / 1024)) MB"
echo "stored: $(du -sm "$work/data/blobs" | cut -f1) MB in the blob folder (encrypted)"

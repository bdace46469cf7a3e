#!/usr/bin/env bash
# Kills Carnet with SIGKILL in the middle of deposits, restarts it, and checks DOMAIN.md §4's promises:
# every deposit Carnet acknowledged is there byte for byte, no document is half-visible (found but not
# retrievable), and after the orphan sweeper no blob is left that no document names.
#   bench/scripts/crash-check.sh [acknowledged-deposits-before-the-kill]   (default 40)
# Prints one line per check and "crash check passed" at the end; exit 1 on any failure.
set -euo pipefail
source "$(dirname "$0")/server.sh"
wanted="${1:-40}"
port="${CARNET_BENCH_PORT:-55480}"
work=$(mktemp -d)
loop_pid=""
cleanup() {
  [ -n "$loop_pid" ] && kill "$loop_pid" 2>/dev/null || true
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

ack="$work/acknowledged.log"
touch "$ack"
node "$root/bench/scripts/deposits.mjs" loop "$ack" 4 >"$work/loop.log" 2>&1 &
loop_pid=$!
for _ in $(seq 1 600); do
  [ "$(wc -l <"$ack")" -ge "$wanted" ] && break
  kill -0 "$loop_pid" 2>/dev/null || { echo "the deposit loop stopped:"; cat "$work/loop.log"; exit 1; }
  sleep 0.1
done
kill -9 "$CARNET_PID"
wait "$CARNET_PID" 2>/dev/null || true
kill "$loop_pid" 2>/dev/null || true
wait "$loop_pid" 2>/dev/null || true
loop_pid=""
echo "ok  killed Carnet (SIGKILL) after $(wc -l <"$ack") acknowledged deposits, with deposits in flight"

carnet_start "$work" "$port"
carnet_wait "$port"
echo "ok  restarted"

node "$root/bench/scripts/deposits.mjs" check "$ack" | tee "$work/check.log"
found=$(sed -nE 's/.* ([0-9]+) found.*/\1/p' "$work/check.log")

blobs() { find "$work/data/blobs" -type f | wc -l; }
echo "ok  before the sweeper: $(blobs) files in the blob folder for $found documents"
(cd "$work" && ASPNETCORE_ENVIRONMENT=Development Carnet__Documents__OrphanBlobAge=00:00:00 Logging__LogLevel__Default=Warning \
  dotnet "$CARNET_DLL" jobs run --name documents.sweep-orphan-blobs)
left=$(blobs)
if [ "$left" -ne "$found" ]; then
  echo "FAIL  after the sweeper: $left files in the blob folder for $found documents"
  exit 1
fi
echo "ok  after the sweeper: $left blobs for $found documents, no orphan"
echo "crash check passed"

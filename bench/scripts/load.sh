#!/usr/bin/env bash
# The load benchmark in one command: starts a durable PostgreSQL (fsync on) and Carnet on it (Release,
# demo data, traces on, jobs on), runs the load generator (bench/Carnet.Bench load) over HTTP, prints each
# scenario's figures, storage per document byte, the server's peak memory and what a 200 MB deposit adds,
# writes artifacts/bench/load.json and load.html, and stops both.
#   bench/scripts/load.sh [load generator options]   e.g. --scenarios find,retrieve --clients 8 --seconds 30
# Exit 1 when a call failed (a wrong answer is a failure, whatever the speed).
set -euo pipefail
source "$(dirname "$0")/server.sh"
port="${CARNET_BENCH_PORT:-55481}"
work=$(mktemp -d)
export CARNET_PG_PORT="${CARNET_BENCH_PG_PORT:-55491}" CARNET_PG_DURABLE=1
cleanup() {
  [ -n "${CARNET_PID:-}" ] && kill "$CARNET_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  "$root/tools/postgres.sh" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

connection=$("$root/tools/postgres.sh" start)
export ConnectionStrings__Carnet="${connection/Database=postgres/Database=carnet_load}" Carnet__Database__Provider=Postgres
# The demo's own documents stay out: the load generator brings the record to the documents it knows.
# Background jobs run as on a production node: the outbox sends the holder's sign-in code (and the notification
# e-mails of the deposits) to the development mail folder, and traces are sealed into their chains.
export Carnet__Demo__Documents=false Carnet__Jobs__Enabled=true

carnet_build
dotnet build "$root/bench/Carnet.Bench" -c Release -nologo -v quiet >/dev/null || { echo "bench build failed" >&2; exit 1; }
carnet_start "$work" "$port"
carnet_wait "$port"

# The server process is dotnet's child of the subshell: found by its working folder.
server=$(pgrep -f "dotnet $CARNET_DLL" | while read -r pid; do [ "$(readlink "/proc/$pid/cwd")" = "$work" ] && echo "$pid"; done | head -n 1)

status=0
# After the scenarios, the load generator measures storage (database and blobs against the documents' bytes), the
# server's peak memory, and what a 200 MB streamed deposit adds to it (--big-megabytes 0 skips that).
dotnet "$root/bench/Carnet.Bench/bin/Release/net10.0/Carnet.Bench.dll" load --url "http://127.0.0.1:$port" --demo-dir "$work/data/demo" --mail-dir "$work/data/mail" \
  --connection "$ConnectionStrings__Carnet" --blob-dir "$work/data/blobs" --server-pid "$server" \
  --out "$root/artifacts/bench" "$@" || status=$?
exit $status

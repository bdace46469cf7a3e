#!/usr/bin/env bash
# The find benchmark at scale in one command (issue #7): a durable PostgreSQL on port 55495 whose data is kept
# between runs, Carnet on it (Release, Development: demo data, local encrypted file store), the scale seeder
# (bench/Carnet.Bench seed: records, documents and traces by COPY, real encrypted content for some documents)
# unless this size was seeded already, its verification (through Carnet's code and over HTTP), then the load
# generator's find, retrieve and retrieve-seeded scenarios (--scenarios to choose); prints the figures and stops
# everything. Other options go to the load generator.
#   bench/scripts/scale.sh [--records 1000000] [--documents 10000000] [--traces 50000000] [--blobs 20000] [load options]
#   e.g. bench/scripts/scale.sh --records 10000 --documents 100000 --traces 500000 --blobs 200 --seconds 10 --warmup 2
# Kept in CARNET_SCALE_DIR (default /var/tmp/carnet-scale): pg/ (the cluster, one database per size) and
# carnet-<size>/ (that Carnet's working folder: master key, blobs, demo credentials, seed-manifest.json, which marks
# the size as seeded). Remove the folder (with PostgreSQL stopped) to start afresh. A run that stopped while seeding
# leaves no manifest: the next run drops that database and seeds again.
set -euo pipefail
source "$(dirname "$0")/server.sh"
records=1000000 documents=10000000 traces=50000000 blobs=20000 scenarios=find,retrieve,retrieve-seeded
load_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records="$2"; shift 2 ;;
    --documents) documents="$2"; shift 2 ;;
    --traces) traces="$2"; shift 2 ;;
    --blobs) blobs="$2"; shift 2 ;;
    --scenarios) scenarios="$2"; shift 2 ;;
    *) load_args+=("$1"); shift ;;
  esac
done

scale_dir="${CARNET_SCALE_DIR:-/var/tmp/carnet-scale}"
size="${records}-${documents}-${traces}-${blobs}"
database="carnet_scale_${size//-/_}"
carnet_dir="$scale_dir/carnet-$size"
manifest="$carnet_dir/data/seed-manifest.json"
port="${CARNET_SCALE_PORT:-55485}"
export CARNET_PG_PORT="${CARNET_SCALE_PG_PORT:-55495}" CARNET_PG_DURABLE=1 CARNET_PG_KEEP=1 CARNET_PG_DATA="$scale_dir/pg"
# A production-like server for a database of tens of GB: more cache, checkpoints spaced out (still durable: fsync on).
export CARNET_PG_OPTIONS="-c shared_buffers=2GB -c max_wal_size=6GB -c checkpoint_timeout=30min"
cleanup() {
  [ -n "${CARNET_PID:-}" ] && kill "$CARNET_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  "$root/tools/postgres.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

mkdir -p "$scale_dir"
admin=$("$root/tools/postgres.sh" start)
connection="${admin/Database=postgres/Database=$database};Command Timeout=0"
psql_admin() { runuser -u postgres -- psql -h 127.0.0.1 -p "$CARNET_PG_PORT" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

carnet_build
dotnet build "$root/bench/Carnet.Bench" -c Release -nologo -v quiet >/dev/null || { echo "bench build failed" >&2; exit 1; }
bench=(dotnet "$root/bench/Carnet.Bench/bin/Release/net10.0/Carnet.Bench.dll")

export ConnectionStrings__Carnet="${admin/Database=postgres/Database=$database}" Carnet__Database__Provider=Postgres
# The demo's own documents stay out: the load generator brings the demo record to the documents it knows.
export Carnet__Demo__Documents=false

if [ ! -f "$manifest" ]; then
  echo "Seeding $size into database $database (kept in $scale_dir)…"
  psql_admin -c "DROP DATABASE IF EXISTS $database" >/dev/null
  rm -rf "$carnet_dir"
  # Carnet creates the database, applies its migrations and seeds the demo (which needs an empty database).
  carnet_start "$carnet_dir" "$port"
  carnet_wait "$port"
  "${bench[@]}" seed --connection "$connection" --records "$records" --documents "$documents" --traces "$traces" --blobs "$blobs" \
    --blob-dir "$carnet_dir/data/blobs" --key-dir "$carnet_dir/data/keys" --demo-dir "$carnet_dir/data/demo" --manifest "$manifest.partial"
  mv "$manifest.partial" "$manifest"
  # Checked through Carnet's code (counts, FindDocuments, trace chains, content vault) and over HTTP (ITI-67, ITI-68).
  "${bench[@]}" seed --verify-only --connection "$connection" --blob-dir "$carnet_dir/data/blobs" --key-dir "$carnet_dir/data/keys" \
    --demo-dir "$carnet_dir/data/demo" --manifest "$manifest" --url "http://127.0.0.1:$port" || verify_failed=1
else
  echo "Reusing the seeded database $database ($scale_dir)."
  carnet_start "$carnet_dir" "$port"
  carnet_wait "$port"
fi
echo "Disk used by $scale_dir: $(du -sh "$scale_dir" | cut -f1)"

status=${verify_failed:-0}
# find and retrieve on the demo patient's record (as load.sh), retrieve-seeded on the seeded documents with real content.
"${bench[@]}" load --url "http://127.0.0.1:$port" --demo-dir "$carnet_dir/data/demo" --scenarios "$scenarios" --seeded "$manifest" \
  --out "$root/artifacts/bench/scale" "${load_args[@]}" || status=1
peak=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$CARNET_PID/status" 2>/dev/null || echo "?")
echo "Carnet's peak resident memory: $peak MB"
exit $status

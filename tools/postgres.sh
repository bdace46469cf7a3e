#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL for the tests, on 127.0.0.1, idempotently.
#   tools/postgres.sh start   prints the connection string on stdout (installs PostgreSQL with apt if missing)
#   tools/postgres.sh stop
# The tests' server trades durability for speed (fsync off); CARNET_PG_DURABLE=1 keeps PostgreSQL's durable
# defaults, as the benchmarks must (bench/scripts/load.sh). CARNET_PG_KEEP=1 keeps the data folder (CARNET_PG_DATA)
# across stop and start, for a database that takes long to fill (bench/scripts/scale.sh); CARNET_PG_OPTIONS adds
# server settings (e.g. "-c shared_buffers=2GB").
# initdb and pg_ctl refuse to run as root: they run as the postgres user (TOOLCHAIN.md).
set -euo pipefail
port="${CARNET_PG_PORT:-55432}"
data="${CARNET_PG_DATA:-/tmp/carnet-test-pg-$port}"
log="$data.log"

find_bin() {
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$candidate" ] && [ -x "$candidate/pg_ctl" ]; then echo "$candidate"; return 0; fi
  return 1
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if ! bin=$(find_bin); then
      echo "PostgreSQL binaries not found: installing with apt-get…" >&2
      export DEBIAN_FRONTEND=noninteractive
      (apt-get update -qq && apt-get install -y -qq postgresql >/dev/null) >&2
      bin=$(find_bin)
    fi
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${CARNET_PG_DURABLE:-0}" = "1" ] && durability=""
    options="-p $port -k /tmp -c listen_addresses=127.0.0.1 $durability -c max_connections=300 ${CARNET_PG_OPTIONS:-}"
    if [ -f "$data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "PostgreSQL already running on port $port ($data)" >&2
    elif [ "${CARNET_PG_KEEP:-0}" = "1" ] && [ -f "$data/PG_VERSION" ]; then
      as_postgres "$bin/pg_ctl" -D "$data" -l "$log" -w -t 600 -o "$options" start >/dev/null
      echo "PostgreSQL started on port $port with its kept data ($data)" >&2
    else
      rm -rf "$data" "$log"
      mkdir -p "$data"
      if [ "$(id -u)" = "0" ]; then chown postgres "$data"; touch "$log"; chown postgres "$log"; fi
      as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      as_postgres "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "$options" start >/dev/null
      echo "PostgreSQL started on port $port ($data)" >&2
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
    ;;
  stop)
    if bin=$(find_bin) && [ -d "$data" ]; then
      as_postgres "$bin/pg_ctl" -D "$data" -m fast -w -t 600 stop >/dev/null 2>&1 || true
      [ "${CARNET_PG_KEEP:-0}" = "1" ] || rm -rf "$data" "$log"
      echo "PostgreSQL on port $port stopped" >&2
    fi
    ;;
  *)
    echo "usage: tools/postgres.sh start|stop" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Starts or stops a throw-away S3-compatible server (npm s3rver) for the blob-store tests, on 127.0.0.1, idempotently.
#   tools/s3.sh start   prints the service URL on stdout (installs s3rver from tools/s3rver/package-lock.json if needed)
#   tools/s3.sh stop
# Credentials are s3rver's own: access key S3RVER, secret key S3RVER.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${CARNET_S3_PORT:-54569}"
data="${CARNET_S3_DATA:-/tmp/carnet-test-s3-$port}"
pid_file="$data.pid"
log="$data.log"
url="http://127.0.0.1:$port"
modules="$here/s3rver/node_modules"
stamp="$modules/.carnet-lock.sha256"

running() {
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

answers() {
  # Any HTTP status means the server is listening; 000 means nothing answered yet.
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/" || true)" != "000" ]
}

install() {
  # npm ci only when node_modules is missing or was installed from another lock file.
  local wanted
  wanted=$(sha256sum "$here/s3rver/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then return 0; fi
  if ! command -v npm >/dev/null; then
    echo "npm not found: install Node.js 20 and npm (apt-get install -y nodejs npm)." >&2
    return 1
  fi
  echo "Installing s3rver into tools/s3rver/node_modules…" >&2
  (cd "$here/s3rver" && npm ci --no-audit --no-fund --loglevel=error >&2)
  echo "$wanted" >"$stamp"
}

case "${1:-}" in
  start)
    install
    if running; then
      echo "s3rver already running on port $port (pid $(cat "$pid_file"))" >&2
    else
      rm -rf "$data" "$log" "$pid_file"
      mkdir -p "$data"
      # Every descriptor goes to the log: a caller reading stdout through $(…) must not wait for the server.
      # s3rver ciphers ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
      node --openssl-legacy-provider "$modules/s3rver/bin/s3rver.js" -d "$data" -a 127.0.0.1 -p "$port" --silent </dev/null >"$log" 2>&1 &
      echo $! >"$pid_file"
      for _ in $(seq 1 100); do
        if ! running; then
          echo "s3rver exited at start (port $port taken?):" >&2
          cat "$log" >&2
          rm -rf "$data" "$pid_file"
          exit 1
        fi
        if answers; then break; fi
        sleep 0.1
      done
      if ! answers; then
        echo "s3rver did not answer on $url within 10 s:" >&2
        cat "$log" >&2
        exit 1
      fi
      echo "s3rver started on port $port ($data)" >&2
    fi
    echo "$url"
    ;;
  stop)
    if running; then
      pid=$(cat "$pid_file")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      echo "s3rver on port $port stopped" >&2
    fi
    rm -rf "$data" "$log" "$pid_file"
    ;;
  *)
    echo "usage: tools/s3.sh start|stop" >&2
    exit 2
    ;;
esac

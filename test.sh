#!/usr/bin/env bash
# Runs every check of Carnet and ends with one plain line: "N passed, N failed, N skipped".
# Installs and starts what the tests need (PostgreSQL and an S3 server on 127.0.0.1), and stops them afterwards.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

passed=0
failed=0
skipped=0
log_dir=$(mktemp -d)
finish() {
  tools/postgres.sh stop || true
  tools/s3.sh stop || true
  rm -rf "$log_dir"
  echo "$passed passed, $failed failed, $skipped skipped"
}
trap finish EXIT

step() { echo; echo "== $*"; }

# Starts a throw-away server with its tools/ script and exports the address it prints in $1; stopped by finish.
start_server() {
  local variable=$1 script=$2 name=$3 address
  if ! address=$("$script" start); then
    echo "Could not start $name: see the message above." >&2
    failed=$((failed + 1))
    exit 1
  fi
  export "$variable=$address"
}

step "PostgreSQL for the provider tests"
start_server CARNET_TEST_POSTGRES tools/postgres.sh PostgreSQL
export CARNET_REQUIRE_POSTGRES=1

step "S3 (s3rver) for the blob-store tests"
start_server CARNET_TEST_S3 tools/s3.sh s3rver
export CARNET_REQUIRE_S3=1

step "Restore and build (warnings are errors)"
if ! dotnet tool restore >/dev/null || ! dotnet restore Carnet.slnx || ! dotnet build Carnet.slnx --no-restore -nologo -v quiet; then
  echo "The build failed: fix the errors above." >&2
  failed=$((failed + 1))
  exit 1
fi

step "Formatting (dotnet format --verify-no-changes)"
# Not a test: a formatting difference counts as one failure, a clean tree adds nothing.
if ! dotnet format Carnet.slnx --verify-no-changes --no-restore; then
  echo "Formatting differs: run 'dotnet format Carnet.slnx' and commit the result." >&2
  failed=$((failed + 1))
fi

step "Chromium for the portal's browser tests"
tools/chromium.sh >/dev/null || { echo "Could not install Chromium (tools/chromium.sh): see the message above." >&2; failed=$((failed + 1)); }

tools/fhir/install.sh || { echo "Could not install tools/fhir's npm packages (FHIR validators): see the message above." >&2; failed=$((failed + 1)); }

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  step "Tests: $name"
  out="$log_dir/$name.log"
  dotnet test "$project" --no-build --nologo 2>&1 | tee "$out"
  summary=$(grep -E "^(Passed|Failed)! +- Failed: " "$out" | tail -n 1)
  if [ -z "$summary" ]; then
    echo "No test summary for $name: the test host crashed or did not start." >&2
    failed=$((failed + 1))
    status=1
    continue
  fi
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  f=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  [ "$f" -eq 0 ] || status=1
done

[ "$failed" -eq 0 ] || status=1
exit $status

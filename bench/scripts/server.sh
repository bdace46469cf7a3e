# Sourced by the bench scripts: start and stop a real Carnet process (Development: SQLite, local
# encrypted file store, demo data with the lab's key) in its own working folder.
#   carnet_build                 builds src/Carnet.Web (Release) once and sets CARNET_DLL
#   carnet_start <dir> <port>    starts it in <dir> listening on 127.0.0.1:<port>; sets CARNET_PID
#   carnet_wait <port>           waits until /health answers
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

carnet_build() {
  dotnet build "$root/src/Carnet.Web" -c Release -nologo -v quiet >/dev/null || { echo "build failed" >&2; exit 1; }
  CARNET_DLL="$root/src/Carnet.Web/bin/Release/net10.0/Carnet.Web.dll"
}

carnet_start() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  (cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Development Urls="http://127.0.0.1:$port" \
    Carnet__SignIn__Issuer="http://127.0.0.1:$port" Carnet__Records__PublicBaseUrl="http://127.0.0.1:$port/" \
    Carnet__Jobs__Enabled="${Carnet__Jobs__Enabled:-false}" Logging__LogLevel__Default=Warning \
    dotnet "$CARNET_DLL" >>"$dir/server.log" 2>&1) &
  CARNET_PID=$!
}

carnet_wait() {
  local port="$1"
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "Carnet did not answer on port $port; see its log." >&2
  return 1
}

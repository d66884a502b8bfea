# shellcheck shell=bash
# Starts the API (Release build) in the background for benchmarks; api_stop stops it.
# Usage: api_start <url> [extra environment assignments...]; sets API_PID.

api_start() {
  local url="$1"
  shift
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dotnet build "$repo/Platform.Api/Platform.Api.csproj" -c Release -nologo -v quiet -clp:NoSummary >&2 || return 1
  (
    cd "$repo/Platform.Api"
    exec env ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Staging}" "$@" \
      dotnet bin/Release/net10.0/Platform.Api.dll --urls "$url"
  ) >"${API_LOG:-/dev/null}" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    curl -fsS "$url/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$API_PID" 2>/dev/null || { echo "[bench] the API stopped during start-up (log: ${API_LOG:-none})" >&2; return 1; }
    sleep 1
  done
  echo "[bench] the API did not become ready" >&2
  return 1
}

api_stop() {
  if [ -n "${API_PID:-}" ] && kill -0 "$API_PID" 2>/dev/null; then
    kill -TERM "$API_PID" 2>/dev/null
    wait "$API_PID" 2>/dev/null || true
  fi
}

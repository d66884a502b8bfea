# shellcheck shell=bash
# Starts the API (Release build) in the background for benchmarks; api_stop stops it.
# Usage: api_start <url> [extra environment assignments...]; sets API_PID.
# Development: the demo data and the bench endpoints are honoured there only (see docs/security.md).

# The benchmarks' development module (deploy/bench/Platform.Bench.Module: password-less residents with tokens, the live
# baseline broadcast): built, and named to the API by the setting this prints (Platform:DevelopmentModules, which the
# API honours in the Development environment only). The API's own build never holds it.
bench_module() {
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dotnet build "$repo/deploy/bench/Platform.Bench.Module" -c Release -nologo -v quiet -clp:NoSummary >&2 || return 1
  echo "Platform__DevelopmentModules__0=$repo/deploy/bench/Platform.Bench.Module/bin/Release/net10.0/Platform.Bench.Module.dll"
}

api_start() {
  local url="$1"
  shift
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dotnet build "$repo/Platform.Api/Platform.Api.csproj" -c Release -nologo -v quiet -clp:NoSummary >&2 || return 1
  (
    cd "$repo/Platform.Api"
    # The benchmarks' few accounts act far faster than one person may (an author raising a thousand concerns, a
    # resident supporting each of them): the per-account write limit is lifted, the limiter itself still runs.
    exec env ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" DOTNET_GCgen0size="${DOTNET_GCgen0size:-$PLATFORM_GEN0_SIZE}" \
      Platform__RateLimits__WritesPerAccountPerMinute="${PLATFORM_BENCH_WRITES_PER_MINUTE:-100000000}" "$@" \
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

# Waits (at most 90 s) until the started API has settled: below a fifth of a core over 2 s. Right after start-up the
# API compiles its handlers, tiers up its JIT code and catches its projections up with the demo data; figures taken
# then are the start-up's, not the server's.
api_wait_settled() {
  local ticks before after i
  ticks="$(getconf CLK_TCK)"
  for i in $(seq 1 45); do
    before="$(awk '{print $14 + $15}' "/proc/$API_PID/stat" 2>/dev/null)" || return 0
    sleep 2
    after="$(awk '{print $14 + $15}' "/proc/$API_PID/stat" 2>/dev/null)" || return 0
    if [ $((after - before)) -lt $((ticks * 2 / 5)) ]; then
      echo "[bench] the API settled after start-up (${i} x 2 s)" >&2
      return 0
    fi
  done
  echo "[bench] the API is still busy after 90 s; measuring anyway" >&2
}

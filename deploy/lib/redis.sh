# shellcheck shell=bash
# Redis for the SignalR backplane of several API nodes (deploy/cluster, the cluster tests, benchmarks).
# Source it, then `redis_start [port]` (default PLATFORM_REDIS_PORT, 6380): Debian's redis-server (installed with
# apt-get when missing) as a non-root user (the package's `redis` user when we are root), on 127.0.0.1 only, with no
# persistence (the backplane keeps nothing worth keeping), its folder in PLATFORM_REDIS_DATA (default .data/redis).
# Sets REDIS_PID and exports PLATFORM_REDIS ("127.0.0.1:<port>", the value of Platform:Live:Redis); redis_stop stops it.
source "$(dirname "${BASH_SOURCE[0]}")/service.sh"

PLATFORM_REDIS_PORT="${PLATFORM_REDIS_PORT:-6380}"

redis_log() { printf '[redis] %s\n' "$*" >&2; }

redis_find_bin() {
  command -v redis-server 2>/dev/null && return 0
  [ -x /usr/bin/redis-server ] && echo /usr/bin/redis-server && return 0
  return 1
}

# Prints the path of redis-server, installing Debian's package first when missing.
redis_ensure_installed() {
  redis_find_bin && return 0
  service_apt_install redis-server || return 1
  redis_find_bin
}

redis_start() {
  local port="${1:-$PLATFORM_REDIS_PORT}" bin repo dir
  bin="$(redis_ensure_installed)" || { redis_log "redis-server is not installed and could not be installed"; return 1; }
  if service_wait_port "$port" 1; then
    redis_log "something already listens on 127.0.0.1:$port (another deploy/cluster?); set PLATFORM_REDIS_PORT"
    return 1
  fi
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dir="$(service_dir "${PLATFORM_REDIS_DATA:-$repo/.data/redis}" redis redis)" || return 1
  redis_log "starting on 127.0.0.1:$port (folder $dir)"
  (service_exec_as redis "$bin" --bind 127.0.0.1 --port "$port" --protected-mode yes --dir "$dir" \
      --save "" --appendonly no --daemonize no --logfile "$dir/redis.log" --loglevel warning) &
  REDIS_PID=$!
  service_wait_port "$port" 100 || { redis_log "did not start"; return 1; }
  export PLATFORM_REDIS="127.0.0.1:$port"
}

redis_stop() {
  if [ -n "${REDIS_PID:-}" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
    redis_log "stopping"
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
  fi
  REDIS_PID=""
}

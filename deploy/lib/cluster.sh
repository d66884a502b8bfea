# shellcheck shell=bash
# API nodes of a cluster on one machine, as processes (deploy/cluster, deploy/bench/cluster). Source it after
# deploy/lib/dotnet.sh, with PLATFORM_DB and PLATFORM_REDIS set, then:
#
#   cluster_node_start <i> <port> <seed> [NAME=value ...]   starts node i (Release build) on 127.0.0.1:<port>; <seed>
#                                                           is Platform:Demo:Seed; extra NAME=value go to its
#                                                           environment; its output goes to $CLUSTER_LOGS/node<i>.log
#   cluster_node_wait_ready <i> <port>                       waits (2 minutes at most) until node i answers ready
#   cluster_nodes_stop                                       TERM to every node still running, and waits for them
#
# Settings (read when a node starts): CLUSTER_LOGS (folder of the logs), CLUSTER_NODES (how many nodes share the
# database: Platform:Database:ExpectedNodes), CLUSTER_POOL (Platform:Database:MaxPoolSize of each node).
# CLUSTER_NODE_PIDS[i-1] is node i's process id (the dotnet process itself, so kill -9 reaches the node).

CLUSTER_NODE_PIDS=()

cluster_log() { printf '[cluster] %s\n' "$*" >&2; }

cluster_node_start() {
  local i="$1" port="$2" seed="$3" repo
  shift 3
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  mkdir -p "$CLUSTER_LOGS"
  (
    cd "$repo/Platform.Api"
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
      PLATFORM_DB="$PLATFORM_DB" \
      Platform__Database__MaxPoolSize="$CLUSTER_POOL" \
      Platform__Database__ExpectedNodes="$CLUSTER_NODES" \
      Platform__Shutdown__DrainSeconds="${PLATFORM_DRAIN_SECONDS:-3}" \
      Platform__Live__Redis="$PLATFORM_REDIS" \
      Platform__Demo__Seed="$seed" \
      DOTNET_GCgen0size="${DOTNET_GCgen0size:-$PLATFORM_GEN0_SIZE}"
    # env, not export: configuration keys may hold dots (Logging__LogLevel__Microsoft.AspNetCore).
    exec env "$@" dotnet bin/Release/net10.0/Platform.Api.dll --urls "http://127.0.0.1:$port"
  ) >"$CLUSTER_LOGS/node$i.log" 2>&1 &
  CLUSTER_NODE_PIDS[$((i - 1))]=$!
}

cluster_node_wait_ready() {
  local i="$1" port="$2" pid="${CLUSTER_NODE_PIDS[$(($1 - 1))]}"
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      cluster_log "node $i stopped during start-up; the end of $CLUSTER_LOGS/node$i.log:"
      tail -20 "$CLUSTER_LOGS/node$i.log" >&2
      return 1
    fi
    sleep 0.5
  done
  cluster_log "node $i did not become ready in 2 minutes (log: $CLUSTER_LOGS/node$i.log)"
  return 1
}

cluster_nodes_stop() {
  local pid running=()
  for pid in "${CLUSTER_NODE_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null && running+=("$pid") && kill -TERM "$pid" 2>/dev/null
  done
  if [ "${#running[@]}" -gt 0 ]; then
    cluster_log "stopping ${#running[@]} API nodes"
    for pid in "${running[@]}"; do wait "$pid" 2>/dev/null || true; done
  fi
  CLUSTER_NODE_PIDS=()
}

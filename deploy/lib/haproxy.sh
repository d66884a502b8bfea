# shellcheck shell=bash
# HAProxy in front of several API nodes on one machine (deploy/cluster, the cluster tests, benchmarks).
# Source it, then `haproxy_start <front port> <node port>...`: Debian's haproxy (installed with apt-get when missing),
# as a non-root user (the package's `haproxy` user when we are root), bound to 127.0.0.1:<front port>, with the
# configuration that `haproxy_config` prints written to PLATFORM_HAPROXY_DATA (default .data/haproxy). Sets
# HAPROXY_PID; haproxy_stop stops it.
#
# What the configuration does:
# - Every request goes to a node whose /health/ready answers 200 (checked every second; two failures take a node
#   out, one success brings it back), round robin; a node that refuses the connection is skipped (redispatch).
# - WebSockets pass through (HTTP mode upgrades them; `timeout tunnel` keeps an idle hub connection open).
# - Sticky sessions only on the live hub (/hubs/): a SignalR client that negotiates first (the pages' client, which
#   may fall back to Server-Sent Events or long polling) must send every later request of that connection to the
#   node that answered the negotiation, so HAProxy sets a cookie there naming the node. Other paths need no
#   stickiness: nodes share everything through PostgreSQL. A client on WebSockets that skips negotiation needs none
#   either, and if the cookie's node is down the request goes to another one, where the client reconnects.
source "$(dirname "${BASH_SOURCE[0]}")/service.sh"

haproxy_log() { printf '[haproxy] %s\n' "$*" >&2; }

haproxy_find_bin() {
  command -v haproxy 2>/dev/null && return 0
  [ -x /usr/sbin/haproxy ] && echo /usr/sbin/haproxy && return 0
  return 1
}

# Prints the path of haproxy, installing Debian's package first when missing.
haproxy_ensure_installed() {
  haproxy_find_bin && return 0
  service_apt_install haproxy || return 1
  haproxy_find_bin
}

# Prints the configuration for a front on 127.0.0.1:$1 and nodes on 127.0.0.1:$2, $3 ...
haproxy_config() {
  local front="$1" port n=0 files maxconn
  shift
  # Two descriptors a proxied connection (client and node), and a few spare.
  files="$(ulimit -n)"
  [ "$files" = unlimited ] && files=100000
  maxconn=$(( (files - 64) / 2 ))
  cat <<CFG
# Written by deploy/lib/haproxy.sh (haproxy_config); regenerated on every start.
global
    maxconn $maxconn

defaults
    mode http
    maxconn $maxconn
    option forwardfor
    option redispatch
    retries 2
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    timeout http-keep-alive 10s
    timeout tunnel 1h
    timeout client-fin 5s
    default-server inter 1s fall 2 rise 1

frontend platform
    bind 127.0.0.1:$front
    # No node ready (PostgreSQL away, every node starting): HAProxy answers 503 itself; like the nodes' own, it says when to retry.
    http-after-response set-header Retry-After 5 if { status 503 } !{ res.hdr(Retry-After) -m found }
    acl live_hub path_beg /hubs/
    use_backend live_hub if live_hub
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
CFG
  for port in "$@"; do
    n=$((n + 1))
    echo "    server node$n 127.0.0.1:$port check"
  done
  cat <<CFG

# The same nodes, whose state it takes from backend nodes (one health check a node, not two).
backend live_hub
    balance roundrobin
    cookie PLATFORM_HUB_NODE insert indirect nocache httponly attr "SameSite=Lax"
CFG
  n=0
  for port in "$@"; do
    n=$((n + 1))
    echo "    server node$n 127.0.0.1:$port cookie node$n track nodes/node$n"
  done
}

haproxy_start() {
  local front="$1" bin repo dir
  shift
  bin="$(haproxy_ensure_installed)" || { haproxy_log "haproxy is not installed and could not be installed"; return 1; }
  if service_wait_port "$front" 1; then
    haproxy_log "something already listens on 127.0.0.1:$front"
    return 1
  fi
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dir="$(service_dir "${PLATFORM_HAPROXY_DATA:-$repo/.data/haproxy}" haproxy haproxy)" || return 1
  haproxy_config "$front" "$@" >"$dir/haproxy.cfg"
  [ "$(id -u)" -eq 0 ] && chown "$(id -u haproxy 2>/dev/null || echo nobody)" "$dir/haproxy.cfg"
  "$bin" -c -q -f "$dir/haproxy.cfg" || { haproxy_log "the configuration in $dir/haproxy.cfg is refused"; return 1; }
  haproxy_log "starting on 127.0.0.1:$front in front of $# nodes (configuration $dir/haproxy.cfg)"
  # -db: stay in the foreground, so $! is HAProxy itself and Ctrl-C or a TERM stops it.
  (service_exec_as haproxy "$bin" -db -f "$dir/haproxy.cfg") &
  HAPROXY_PID=$!
  service_wait_port "$front" 100 || { haproxy_log "did not start"; return 1; }
}

haproxy_stop() {
  if [ -n "${HAPROXY_PID:-}" ] && kill -0 "$HAPROXY_PID" 2>/dev/null; then
    haproxy_log "stopping"
    kill -TERM "$HAPROXY_PID" 2>/dev/null || true
    wait "$HAPROXY_PID" 2>/dev/null || true
  fi
  HAPROXY_PID=""
}

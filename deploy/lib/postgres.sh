# shellcheck shell=bash
# Local PostgreSQL bootstrap shared by deploy/up, deploy/test and deploy/bench/run.
# Source it, then call `pg_bootstrap <database>`; it exports PLATFORM_DB.
#
# - PLATFORM_DB set: used as is (your own PostgreSQL); nothing is installed or started.
# - Otherwise: a cluster owned by a non-root user (initdb refuses root), listening on 127.0.0.1 only,
#   port PLATFORM_PG_PORT (default 5433), data in PLATFORM_PG_DATA (default .data/pg in the repo,
#   or /var/tmp/platform-pg-<uid> when the repo is not reachable by the cluster's owner).
#   The first run creates it; later runs reuse it.

PLATFORM_PG_PORT="${PLATFORM_PG_PORT:-5433}"
PLATFORM_PG_USER="${PLATFORM_PG_USER:-platform}"
PLATFORM_PG_PASSWORD="${PLATFORM_PG_PASSWORD:-platform}"

pg_log() { printf '[postgres] %s\n' "$*" >&2; }

pg_find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
  return 1
}

pg_install() {
  pg_log "no PostgreSQL server found; installing it with apt-get"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
}

# Runs a command as the cluster owner: ourselves, or the postgres system user when we are root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_bootstrap() {
  local database="$1"
  if [ -n "${PLATFORM_DB:-}" ]; then
    pg_log "using PLATFORM_DB as given"
    export PLATFORM_DB
    return 0
  fi

  local bin
  bin="$(pg_find_bin)" || { pg_install; bin="$(pg_find_bin)"; } || { pg_log "PostgreSQL binaries not found after install"; return 1; }
  export PLATFORM_PG_BIN="$bin"

  # A platform cluster already serving this port (another checkout's, or one started by hand) is reused.
  if PGPASSWORD="$PLATFORM_PG_PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$PLATFORM_PG_PORT" -U "$PLATFORM_PG_USER" -d postgres \
      -tAc "select 1" >/dev/null 2>&1; then
    pg_log "reusing the PostgreSQL server on 127.0.0.1:$PLATFORM_PG_PORT"
    pg_create_database "$bin" "$database" -h 127.0.0.1
    return $?
  fi

  local repo data
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  data="${PLATFORM_PG_DATA:-$repo/.data/pg}"
  if [ "$(id -u)" -eq 0 ] && [ -z "${PLATFORM_PG_DATA:-}" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    mkdir -p "$data" && chown postgres: "$data" && chmod 700 "$data"
    if ! runuser -u postgres -- test -w "$data"; then
      data="/var/tmp/platform-pg-$(id -u)"
      mkdir -p "$data" && chown postgres: "$data" && chmod 700 "$data"
    fi
  elif [ "$(id -u)" -eq 0 ]; then
    # A folder of your own choosing (PLATFORM_PG_DATA): it must belong to the cluster's owner.
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    mkdir -p "$data" && chown postgres: "$data" && chmod 700 "$data"
  else
    mkdir -p "$data" && chmod 700 "$data"
  fi

  if [ ! -f "$data/PG_VERSION" ]; then
    pg_log "creating a cluster in $data"
    local pwfile
    pwfile="$(mktemp)"
    printf '%s\n' "$PLATFORM_PG_PASSWORD" >"$pwfile"
    chmod 644 "$pwfile"
    pg_as_owner "$bin/initdb" -D "$data" -U "$PLATFORM_PG_USER" --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "unix_socket_directories = '$data'"
      echo "max_connections = 300"
      echo "shared_buffers = 256MB"
      # Fewer checkpoints under bursts of writes (each one is followed by full-page images in the WAL).
      echo "max_wal_size = 4GB"
    } | pg_as_owner tee -a "$data/postgresql.conf" >/dev/null
  fi

  if ! pg_as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_log "starting the cluster on 127.0.0.1:$PLATFORM_PG_PORT"
    pg_as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "-p $PLATFORM_PG_PORT" start >/dev/null \
      || { pg_log "start failed; see $data/server.log"; tail -20 "$data/server.log" >&2; return 1; }
    PLATFORM_PG_STARTED_HERE=1
  fi
  export PLATFORM_PG_DATA_DIR="$data"

  pg_create_database "$bin" "$database" -h 127.0.0.1
}

# Creates the database when missing and exports PLATFORM_DB for it.
pg_create_database() {
  local bin="$1" database="$2"
  shift 2
  export PGPASSWORD="$PLATFORM_PG_PASSWORD"
  if ! "$bin/psql" "$@" -p "$PLATFORM_PG_PORT" -U "$PLATFORM_PG_USER" -d postgres -tAc \
      "select 1 from pg_database where datname = '$database'" | grep -q 1; then
    pg_log "creating database $database"
    "$bin/createdb" "$@" -p "$PLATFORM_PG_PORT" -U "$PLATFORM_PG_USER" "$database" || return 1
  fi
  # The server's Unix socket when we may use it: each round trip costs markedly less than over TCP loopback
  # (about a third more simple queries a second on a 2-core machine); 127.0.0.1 otherwise.
  local host socket
  host=127.0.0.1
  socket="$("$bin/psql" "$@" -p "$PLATFORM_PG_PORT" -U "$PLATFORM_PG_USER" -d postgres -tAc "show unix_socket_directories" 2>/dev/null | cut -d, -f1 | tr -d ' ')"
  if [ "${PLATFORM_PG_SOCKET:-1}" != 0 ] && [ -n "$socket" ] && [ "${#socket}" -lt 90 ] && [ -S "$socket/.s.PGSQL.$PLATFORM_PG_PORT" ] \
      && "$bin/psql" -h "$socket" -p "$PLATFORM_PG_PORT" -U "$PLATFORM_PG_USER" -d "$database" -tAc "select 1" >/dev/null 2>&1; then
    host="$socket"
  fi
  unset PGPASSWORD
  export PLATFORM_DB="Host=$host;Port=$PLATFORM_PG_PORT;Database=$database;Username=$PLATFORM_PG_USER;Password=$PLATFORM_PG_PASSWORD;Maximum Pool Size=200"
}

# Stops the cluster if this process started it (deploy/up on Ctrl-C). Data stays.
pg_stop_if_started() {
  if [ "${PLATFORM_PG_STARTED_HERE:-0}" = 1 ] && [ -n "${PLATFORM_PG_DATA_DIR:-}" ]; then
    pg_log "stopping the cluster (data kept in $PLATFORM_PG_DATA_DIR)"
    pg_as_owner "$PLATFORM_PG_BIN/pg_ctl" -D "$PLATFORM_PG_DATA_DIR" -m fast -w stop >/dev/null || true
  fi
}

# Restarts the cluster (pg_ctl restart -m fast: sessions are cut, nothing committed is lost) and waits until it accepts
# connections again; for failure tests and benchmarks. Works on a cluster this process started or found running
# (its data folder is then asked from the server).
pg_restart() {
  local bin="${PLATFORM_PG_BIN:-$(pg_find_bin)}" data="${PLATFORM_PG_DATA_DIR:-}"
  if [ -z "$data" ]; then
    data="$(PGPASSWORD="$PLATFORM_PG_PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$PLATFORM_PG_PORT" -U "$PLATFORM_PG_USER" -d postgres \
      -tAc "show data_directory")" || { pg_log "cannot find the cluster's data folder"; return 1; }
  fi
  pg_as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -m fast -w -t 60 restart >/dev/null
}

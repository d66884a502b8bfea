# shellcheck shell=bash
# Shared by deploy/lib/redis.sh and deploy/lib/haproxy.sh: installing a Debian package when its program is missing,
# and running a program as a non-root user.

# Installs the Debian package $1 with apt-get (through sudo when not root), refreshing the package lists once first
# when the install fails on stale ones.
service_apt_install() {
  local package="$1" sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  printf '[%s] not installed; installing it with apt-get\n' "$package" >&2
  # Debian's packages start their own service on install where an init system runs; ours run on their own ports.
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >&2 2>/dev/null; then
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >&2
  fi
}

# Runs "$@" as user $1 (keeping our own identity when we are not root): the program itself, not a shell or a
# runuser around it, so the caller's $! is the program's process and a signal sent to it reaches the program.
service_exec_as() {
  local user="$1"
  shift
  if [ "$(id -u)" -eq 0 ]; then
    id "$user" >/dev/null 2>&1 || user=nobody
    exec setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups --reset-env -- "$@"
  else
    exec "$@"
  fi
}

# A folder for the service's files that user $2 can write: $1 when that user reaches it, else /var/tmp/platform-$3-<uid>.
service_dir() {
  local wanted="$1" user="$2" name="$3"
  if [ "$(id -u)" -eq 0 ]; then
    id "$user" >/dev/null 2>&1 || user=nobody
    mkdir -p "$wanted" && chown "$user": "$wanted" && chmod 700 "$wanted"
    if ! runuser -u "$user" -- test -w "$wanted" 2>/dev/null; then
      wanted="/var/tmp/platform-$name-$(id -u)"
      mkdir -p "$wanted" && chown "$user": "$wanted" && chmod 700 "$wanted"
    fi
  else
    mkdir -p "$wanted"
  fi
  echo "$wanted"
}

# Waits up to $2 tenths of a second for something to accept connections on 127.0.0.1:$1.
service_wait_port() {
  local port="$1" tenths="${2:-100}" i
  for i in $(seq 1 "$tenths"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

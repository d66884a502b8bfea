# shellcheck shell=bash
# A local mail server for development and tests: smtp4dev (the .NET tool Rnwood.Smtp4dev from the NuGet registry),
# which keeps every message it receives and shows them in a browser. Nothing leaves the machine.
# Source it, then `mail_start` (SMTP on PLATFORM_MAIL_PORT, default 2525; web on PLATFORM_MAIL_WEB_PORT, default 5081),
# both on 127.0.0.1 only, as a non-root user when we are root. Exports Platform__Mail__Host/Port for the API and
# PLATFORM_MAIL_WEB (the address of its web page); mail_stop stops it. `mail_ensure_installed` prints the tool's path
# (installing it into .tools/smtp4dev on first use); the tests start their own server from it.
source "$(dirname "${BASH_SOURCE[0]}")/service.sh"

PLATFORM_MAIL_PORT="${PLATFORM_MAIL_PORT:-2525}"
PLATFORM_MAIL_WEB_PORT="${PLATFORM_MAIL_WEB_PORT:-5081}"
SMTP4DEV_VERSION="3.15.0"

mail_log() { printf '[mail] %s\n' "$*" >&2; }

mail_ensure_installed() {
  local repo dir
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dir="$repo/.tools/smtp4dev"
  if [ ! -x "$dir/smtp4dev" ]; then
    mail_log "installing smtp4dev $SMTP4DEV_VERSION into $dir"
    dotnet tool install Rnwood.Smtp4dev --version "$SMTP4DEV_VERSION" --tool-path "$dir" >/dev/null || return 1
    chmod -R a+rX "$repo/.tools"
  fi
  echo "$dir/smtp4dev"
}

mail_start() {
  local bin repo dir
  bin="$(mail_ensure_installed)" || { mail_log "smtp4dev could not be installed"; return 1; }
  if service_wait_port "$PLATFORM_MAIL_PORT" 1; then
    mail_log "something already listens on 127.0.0.1:$PLATFORM_MAIL_PORT; set PLATFORM_MAIL_PORT"
    return 1
  fi
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dir="$(service_dir "${PLATFORM_MAIL_DATA:-$repo/.data/mail}" nobody mail)" || return 1
  mail_log "starting smtp4dev: SMTP 127.0.0.1:$PLATFORM_MAIL_PORT, web http://127.0.0.1:$PLATFORM_MAIL_WEB_PORT (folder $dir)"
  # As nobody when nobody can reach the tool (a repository under /root is out of its reach: then as ourselves).
  local user=nobody
  [ "$(id -u)" -eq 0 ] && ! runuser -u nobody -- test -x "$bin" 2>/dev/null && user=root
  (service_exec_as "$user" /usr/bin/env PATH="$PATH" HOME="$dir" DOTNET_CLI_TELEMETRY_OPTOUT=1 "$bin" \
      --baseappdatapath="$dir" --nousersettings --db="$dir/smtp4dev.db" --bindaddress=127.0.0.1 \
      --smtpport="$PLATFORM_MAIL_PORT" --imapport=0 --pop3port=0 --messagestokeep=10000 \
      --urls="http://127.0.0.1:$PLATFORM_MAIL_WEB_PORT" >"$dir/smtp4dev.log" 2>&1) &
  MAIL_PID=$!
  service_wait_port "$PLATFORM_MAIL_PORT" 300 || { mail_log "did not start; see $dir/smtp4dev.log"; return 1; }
  export Platform__Mail__Host=127.0.0.1 Platform__Mail__Port="$PLATFORM_MAIL_PORT"
  export PLATFORM_MAIL_WEB="http://127.0.0.1:$PLATFORM_MAIL_WEB_PORT"
}

mail_stop() {
  if [ -n "${MAIL_PID:-}" ] && kill -0 "$MAIL_PID" 2>/dev/null; then
    mail_log "stopping"
    pkill -TERM -P "$MAIL_PID" 2>/dev/null || true
    kill -TERM "$MAIL_PID" 2>/dev/null || true
    wait "$MAIL_PID" 2>/dev/null || true
  fi
  MAIL_PID=""
}

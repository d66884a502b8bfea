# shellcheck shell=bash
# Static assets from npm for the pages. Platform.Api/package.json declares the packages (exact versions,
# locked by package-lock.json once there is one); Platform.Api/assets.txt lists which of their files the
# pages serve and where under Platform.Api/wwwroot/lib (ignored by git) they are copied. deploy/up and
# deploy/test call assets_install. Nothing is fetched from a CDN at run time, nothing is copied by hand.
# With no line in assets.txt (phase 1: the resident pages need no JavaScript) npm is not needed at all.

assets_log() { printf '[assets] %s\n' "$*" >&2; }

assets_install() {
  local root api list lib
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  api="$root/Platform.Api"
  list="$api/assets.txt"
  lib="$api/wwwroot/lib"
  if ! grep -qvE '^[[:space:]]*(#|$)' "$list" 2>/dev/null; then
    return 0 # nothing to serve from npm yet
  fi

  if ! command -v npm >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || { assets_log "npm is missing; install Debian's npm package and run again"; return 1; }
    assets_log "npm is missing; installing Debian's npm with apt-get"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2 || return 1
  fi

  # Install only when package.json or the lock changed since the last install.
  local stamp="$api/node_modules/.platform-installed"
  if [ ! -f "$stamp" ] || [ "$api/package.json" -nt "$stamp" ] || { [ -f "$api/package-lock.json" ] && [ "$api/package-lock.json" -nt "$stamp" ]; }; then
    assets_log "installing npm packages of Platform.Api/package.json"
    if [ -f "$api/package-lock.json" ]; then
      (cd "$api" && npm ci --no-audit --no-fund --omit=dev >&2) || return 1
    else
      (cd "$api" && npm install --no-audit --no-fund --omit=dev >&2) || return 1
    fi
    touch "$stamp"
  fi

  # Each line: <file inside node_modules> <destination under wwwroot/lib>
  rm -rf "$lib"
  local source target
  while read -r source target; do
    case "$source" in ''|'#'*) continue ;; esac
    [ -f "$api/node_modules/$source" ] || { assets_log "node_modules/$source is missing (assets.txt)"; return 1; }
    mkdir -p "$(dirname "$lib/$target")"
    cp "$api/node_modules/$source" "$lib/$target"
  done < "$list"
  assets_log "copied $(grep -cvE '^[[:space:]]*(#|$)' "$list") file(s) into Platform.Api/wwwroot/lib"
}

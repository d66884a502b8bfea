# shellcheck shell=bash
# The browser the browser tests drive: Debian's Chromium at /usr/bin/chromium, installed with apt-get
# when missing (as root; the tests launch it headless through Playwright). Never a browser downloaded by
# Playwright itself ("playwright install" is not used anywhere).

browser_log() { printf '[browser] %s\n' "$*" >&2; }

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    browser_log "/usr/bin/chromium is missing; install Debian's chromium package (apt-get install chromium) and run again"
    return 1
  fi
  browser_log "/usr/bin/chromium is missing; installing Debian's chromium with apt-get"
  apt-get update -qq >&2 || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2 || return 1
  [ -x /usr/bin/chromium ]
}

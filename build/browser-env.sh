#!/usr/bin/env bash
# build/browser-env.sh — the real browser the HTML report tests open pages in (tests/*/HtmlReportBrowserTests,
# LayersSecretsAndHtmlTests): Debian's chromium, run headless, plus fonts-dejavu-core so text renders on a machine
# that has no fonts. Installs them with apt-get when missing (as root; the Debian mirror is enough), then prints
#   export CONTAINEROPT_CHROMIUM=/usr/bin/chromium
# as its last line. Exit 1, saying why, when the browser cannot be installed or does not start.
#
# Usage: eval "$(bash build/browser-env.sh)"      (build/test.sh runs it)
set -euo pipefail

log() { echo "[browser-env] $*" >&2; }

find_browser() {
  local name
  for name in "${CONTAINEROPT_CHROMIUM:-}" chromium chromium-browser google-chrome; do
    [ -n "$name" ] || continue
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

missing=()
find_browser >/dev/null || missing+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if ((${#missing[@]} > 0)); then
  if ((EUID != 0)); then
    log "${missing[*]} missing and installing needs root: apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]} with apt-get"
  apt_install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >&2; }
  if ! apt_install; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq >&2 || true
    apt_install || { log "apt-get install ${missing[*]} failed"; exit 1; }
  fi
fi

browser=$(find_browser) || { log "no chromium after the install"; exit 1; }
# A browser that is installed but cannot start (missing libraries) is as good as none.
if ! version=$("$browser" --headless --no-sandbox --disable-gpu --version 2>/dev/null); then
  log "$browser does not start"
  exit 1
fi
log "ready: $version ($browser)"
echo "export CONTAINEROPT_CHROMIUM=$browser"

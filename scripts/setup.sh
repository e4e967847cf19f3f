#!/usr/bin/env bash
# Installs what Tierboard needs and is missing; a second run skips everything already present.
# Usage: scripts/setup.sh [web] [browser] [validators] [generated]   (no argument = everything)
#   web         wasm32 target and rust-src, trunk 0.21.14, wasm-bindgen-cli (= Cargo.lock's wasm-bindgen), wasm-split-cli
#               (scripts/wasm-link splits the app's wasm), npm packages (binaryen 132, terser)
#   browser     Debian chromium + chromium-driver, npm playwright-core (never a downloaded browser)
#   validators  ../shared/tools/install-validators (offline checkers for generated projects)
#   generated   Debian nginx, curl, python3-venv and junit5 for scripts/run-generated-tests.sh (runs
#               the generated stubs, their unit tests and the generated proxy on loopback)
# Only the package registries are used: crates.io, Debian, npm, PyPI. Nothing comes from GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # never change alone: Cargo.toml pins wasm-bindgen to this exact version
# wasm-split-cli, the splitter of leptos' wasm_split_helpers 0.2 (Cargo.lock) split points.
WASM_SPLIT_VERSION=0.2.4
log() { echo "setup: $*"; }
want() { [ $# -eq 0 ] && return 0; local w; for w in $WANTED; do [ "$w" = "$1" ] && return 0; done; return 1; }
WANTED="${*:-web browser validators generated}"
export PATH="$HOME/.cargo/bin:$PATH"

apt_updated=0
apt_install() {
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ $apt_updated -eq 0 ]; then $sudo apt-get update -qq; apt_updated=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

npm_packages() {
  # node_modules is current when the stamp holds package-lock.json's hash
  local stamp=node_modules/.tierboard-lock.sha256
  if [ ! -f "$stamp" ] || ! sha256sum -c --status "$stamp" 2>/dev/null; then
    log "npm ci (binaryen, terser, playwright-core)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
    sha256sum package-lock.json > "$stamp"
  fi
}

if want web; then
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown
  fi
  # The release site rebuilds std for size (scripts/build-site): its sources.
  if ! rustup component list --installed | grep -q '^rust-src'; then
    log "rustup component add rust-src"; rustup component add rust-src
  fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
    log "cargo install trunk $TRUNK_VERSION (about 9 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
    log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --quiet
  fi
  if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (wasm-split-cli, about 3 minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --quiet
  fi
  command -v node >/dev/null || apt_install nodejs npm
  npm_packages
  cargo fetch --quiet
  # std's own dependencies too, for scripts/build-site (Trunk builds offline).
  (. scripts/size-std.env; cargo fetch --target wasm32-unknown-unknown --quiet)
fi

if want browser; then
  command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt_install chromium chromium-driver
  command -v node >/dev/null || apt_install nodejs npm
  npm_packages
fi

if want validators; then
  tools=../shared/tools/install-validators
  if [ -x "$tools" ]; then
    if [ ! -x "${VALIDATORS_HOME:-/opt/validators}/venv/bin/python" ] || [ ! -d "${VALIDATORS_HOME:-/opt/validators}/npm" ]; then
      log "installing project validators (../shared/tools)"
      "$tools" --no-plugin >/dev/null
    fi
  else
    log "warning: $tools not found; generated projects cannot be validated"
  fi
fi
if want generated; then
  command -v nginx >/dev/null || apt_install nginx
  command -v curl >/dev/null || apt_install curl
  command -v node >/dev/null || apt_install nodejs npm
  python3 -c 'import ensurepip, venv' 2>/dev/null || apt_install python3-venv
  if command -v javac >/dev/null; then apt_install junit5; fi
fi
log "ready ($WANTED)"

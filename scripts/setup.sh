#!/usr/bin/env bash
# Installs every tool the build and the tests need, and skips what is already there, so it is
# cheap to run before every `make test` / `make serve` and complete on a fresh machine (CI).
#   scripts/setup.sh               everything
#   scripts/setup.sh --no-browser  everything but Chromium (enough for `make serve`)
# Installs: Rust (rustup, with rustfmt, clippy and the wasm32 target), wasm-bindgen-cli (pinned
# to the version in Cargo.lock), wasm-pack, Node and python3 if absent, Debian chromium, npm ci.
set -euo pipefail
WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*" >&2; }

# Runs a command as root (directly, or through sudo when we are not root).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=no
# Installs Debian packages, running `apt-get update` once per run.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = no ]; then
    as_root apt-get update -qq
    apt_updated=yes
  fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# The version a tool prints as the second word of `tool --version`, or nothing.
version_of() { "$1" --version 2>/dev/null | awk '{print $2}' || true; }

# cargo install of an exact version; --locked first, then a fresh resolve, because the
# registry mirror can lack one of the locked dependency versions.
cargo_install() {
  local crate=$1 version=$2
  say "installing $crate $version (a few minutes)"
  cargo install "$crate" --version "$version" --locked ||
    cargo install "$crate" --version "$version"
}

if ! command -v cargo >/dev/null 2>&1; then
  say "installing Rust (rustup, minimal profile)"
  command -v curl >/dev/null 2>&1 || apt_install curl ca-certificates
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
fi
command -v cc >/dev/null 2>&1 || apt_install build-essential

if command -v rustup >/dev/null 2>&1; then
  installed=$(rustup component list --installed 2>/dev/null || true)
  for component in rustfmt clippy; do
    grep -q "^$component" <<<"$installed" || { say "adding $component"; rustup component add "$component"; }
  done
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
fi

[ "$(version_of wasm-bindgen)" = "$WASM_BINDGEN_VERSION" ] || cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
[ "$(version_of wasm-pack)" = "$WASM_PACK_VERSION" ] || cargo_install wasm-pack "$WASM_PACK_VERSION"

command -v python3 >/dev/null 2>&1 || { say "installing python3"; apt_install python3; }
command -v node >/dev/null 2>&1 || { say "installing Node.js"; apt_install nodejs npm; }

if [ "${1:-}" != "--no-browser" ] && ! [ -x /usr/bin/chromium ] && ! command -v chromium >/dev/null 2>&1; then
  say "installing Debian chromium"
  apt_install chromium fonts-noto-core
fi

# npm ci when node_modules does not match package-lock.json (a stamp holds the lock's hash).
stamp="$root/node_modules/.thidua-lock.sha256"
lock_hash=$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_hash" ]; then
  say "npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" >"$stamp"
fi
say "ready"

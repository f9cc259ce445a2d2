#!/usr/bin/env bash
# Installs every tool the build and the tests need; skips what is already there.
# Cache-aware: safe to run on every `make test` / `make serve`.
set -euo pipefail
WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1
here=$(cd "$(dirname "$0")/.." && pwd)

say() { printf '[setup] %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # --locked can name a dependency version the registry mirror lacks; fall back to a fresh resolve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked ||
    cargo install wasm-pack --version "$WASM_PACK_VERSION"
fi

if [ "${1:-}" != "--no-browser" ] && ! command -v chromium >/dev/null 2>&1; then
  say "installing Debian chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -x "$here/node_modules/.bin/wasm-opt" ]; then
  say "installing npm packages"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error)
fi

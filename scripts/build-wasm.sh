#!/usr/bin/env bash
# Builds the WebAssembly module once and lays it out twice:
#   www/pkg/  thidua.js, thidua_bg.wasm, thidua.d.ts  (what the page imports; gitignored)
#   pkg/      the npm package "thidua" (package.json with exports/types/files, README, LICENSE)
# Size profile: cargo profile `wasm` (opt-level "s"), then `wasm-opt -Oz` (twice) from npm `binaryen`.
# Needs: scripts/setup.sh run once (wasm32 target, wasm-bindgen-cli, wasm-pack, node_modules).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

say() { printf '[build-wasm] %s\n' "$*" >&2; }

wasm_opt="$root/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || { say "missing $wasm_opt: run scripts/setup.sh (npm ci)"; exit 1; }

export WASM_PACK_CACHE="${WASM_PACK_CACHE:-$root/target/wasm-pack-cache}"
mkdir -p "$WASM_PACK_CACHE"

say "wasm-pack build (profile wasm, no default features)"
# --no-opt: we run wasm-opt ourselves with a known version; --mode no-install: never download.
wasm-pack --log-level warn build --target web --mode no-install --no-opt --profile wasm \
  --out-dir pkg --out-name thidua "$root" -- --no-default-features

say "wasm-opt -Oz -Oz"
# The second -Oz pass (~15 s) takes 1.3 KB more off the gzipped module; --converge, 1.5 KB
# for twice the time.
"$wasm_opt" -Oz -Oz --strip-debug --strip-producers pkg/thidua_bg.wasm -o pkg/thidua_bg.wasm.opt
mv pkg/thidua_bg.wasm.opt pkg/thidua_bg.wasm

say "npm package files"
node scripts/package-npm.mjs pkg

say "page copy in www/pkg"
mkdir -p www/pkg
cp pkg/thidua.js pkg/thidua_bg.wasm pkg/thidua.d.ts pkg/thidua_bg.wasm.d.ts www/pkg/
say "done: $(wc -c <pkg/thidua_bg.wasm) bytes of wasm"

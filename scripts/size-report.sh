#!/usr/bin/env bash
# Prints the size of the built WebAssembly module, raw and gzipped (gzip -9), and of the JS glue.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wasm="$root/pkg/thidua_bg.wasm"
glue="$root/pkg/thidua.js"
[ -f "$wasm" ] || { echo "[size] $wasm missing: run scripts/build-wasm.sh" >&2; exit 1; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
raw=$(wc -c <"$wasm")
gz=$(gzip -9c "$wasm" | wc -c)
glue_raw=$(wc -c <"$glue")
glue_gz=$(gzip -9c "$glue" | wc -c)
echo "thidua_bg.wasm: $raw bytes ($(kb "$raw")) raw, $gz bytes ($(kb "$gz")) gzipped"
echo "thidua.js glue: $glue_raw bytes ($(kb "$glue_raw")) raw, $glue_gz bytes ($(kb "$glue_gz")) gzipped"

#!/usr/bin/env bash
# Prints the size of the built WebAssembly module and its JS glue, raw and gzipped (gzip -9).
#   scripts/size-report.sh                  print
#   scripts/size-report.sh --update-readme  also rewrite the table between the SIZE markers of README.md
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wasm="$root/pkg/thidua_bg.wasm"
glue="$root/pkg/thidua.js"
[ -f "$wasm" ] || { echo "[size] $wasm missing: run scripts/build-wasm.sh" >&2; exit 1; }

kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1024 }'; }
gz() { gzip -9c "$1" | wc -c; }

wasm_raw=$(wc -c <"$wasm"); wasm_gz=$(gz "$wasm")
glue_raw=$(wc -c <"$glue"); glue_gz=$(gz "$glue")
echo "thidua_bg.wasm: $wasm_raw bytes raw ($(kb "$wasm_raw")), $wasm_gz bytes gzipped ($(kb "$wasm_gz"))"
echo "thidua.js glue: $glue_raw bytes raw ($(kb "$glue_raw")), $glue_gz bytes gzipped ($(kb "$glue_gz"))"

if [ "${1:-}" = "--update-readme" ]; then
  table="| file | raw | gzip -9 |
|---|---|---|
| \`thidua_bg.wasm\` | $(kb "$wasm_raw") | $(kb "$wasm_gz") |
| \`thidua.js\` (glue) | $(kb "$glue_raw") | $(kb "$glue_gz") |"
  TABLE="$table" python3 - "$root/README.md" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
begin, end = '<!-- BEGIN SIZE (scripts/size-report.sh) -->', '<!-- END SIZE -->'
if begin not in text or end not in text:
    sys.exit(f'{path}: no SIZE markers')
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, 'w', encoding='utf-8').write(f"{head}{begin}\n{os.environ['TABLE']}\n{end}{tail}")
PY
  echo "[size] README.md updated" >&2
fi

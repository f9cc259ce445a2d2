#!/usr/bin/env bash
# Serves www/ on 127.0.0.1 and prints the URL. PORT=8000 by default; HOST stays loopback.
# Run `make serve` to build the module first (www/pkg/ must exist).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port="${PORT:-8000}"
if [ ! -f "$root/www/pkg/thidua_bg.wasm" ]; then
  echo "[serve] www/pkg/ is missing: run scripts/build-wasm.sh (or make serve)" >&2
  exit 1
fi
echo "thidua page: http://127.0.0.1:${port}/"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root/www"

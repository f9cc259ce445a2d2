#!/usr/bin/env bash
# Fuzzes `extract` and `parse::scan` for a fixed time each, one target after the other, one
# process each (the CI machine has 2 cores).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 600 s, targets extract scan)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Works on a stable toolchain: RUSTC_BOOTSTRAP=1
# lets it take the -Z flags cargo-fuzz passes. The seed corpus is the dev set, copied at run
# time ($THIDUA_DEVSET, default /work/shared/devset) plus a few hand-made odd inputs; crashes
# land in fuzz/artifacts/TARGET/ and the script exits non-zero.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract scan)
devset=${THIDUA_DEVSET:-/work/shared/devset}
sanitizer=${FUZZ_SANITIZER:-none}

say() { printf '[fuzz] %s\n' "$*" >&2; }

command -v cargo-fuzz >/dev/null 2>&1 || { say "installing cargo-fuzz"; cargo install cargo-fuzz; }
export RUSTC_BOOTSTRAP=1

seed() {
  local dir=$1
  mkdir -p "$dir"
  if [ -d "$devset" ]; then
    cp "$devset"/*.txt "$dir"/ 2>/dev/null || true
  fi
  printf '' >"$dir/empty"
  printf '%0.s/' $(seq 1 2000) >"$dir/slashes"
  printf '<html><body><div><p>Chiều 29/12, tổng thu đạt 412,5 tỷ đồng, tăng 8,3%%.</p></div></body></html>' >"$dir/html"
  printf 'Ho\xcc\x80a Bi\xcc\x80nh \xc3\x90\xe1\xba\xa1i h\xe1\xbb\x99i \xf0\x9f\x98\x80 \xe2\x80\x9c32/39\xe2\x80\x9d 1.234,5 tri\xe1\xbb\x87u \xc4\x91\xe1\xbb\x93ng' >"$dir/mixed"
}

status=0
for target in "${targets[@]}"; do
  corpus="$here/fuzz/corpus/$target"
  seed "$corpus"
  say "$target: ${seconds}s, sanitizer $sanitizer"
  log="$here/fuzz/$target.log"
  if (cd "$here" && nice cargo fuzz run --sanitizer "$sanitizer" --debug-assertions "$target" "$corpus" -- \
        -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1) \
        >"$log" 2>&1; then
    say "$target: no crash; $(grep -m1 'stat::number_of_executed_units' "$log" || echo 'see '"$log")"
  else
    status=1
    say "$target: FAILED, see $log and fuzz/artifacts/$target/"
    tail -n 40 "$log" >&2
  fi
done
exit $status

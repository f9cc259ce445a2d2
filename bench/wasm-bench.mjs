#!/usr/bin/env node
// Throughput of the WebAssembly build against the native CLI, on the dev set.
//
//   node bench/wasm-bench.mjs [--pkg DIR] [--devset DIR] [--seconds N] [--cli PATH]
//
// --pkg     the wasm-pack output (default pkg/, else www/pkg/; build with scripts/build-wasm.sh)
// --devset  the articles (default $THIDUA_DEVSET, else ../shared/devset beside the repository)
// --cli     the native CLI for the comparison (default target/release/thidua; skipped if absent)
//
// Both sides are timed in CPU seconds (the machine may be shared with other work), single
// threaded, JSON/JS objects included: WASM calls extract() in a loop for --seconds; the native
// CLI reads the dev set copied 20 times with `--jsonl` and RAYON_NUM_THREADS=1.
// Prints MB/s of UTF-8 input for each, the ratio, and the first call's time (regex compiling).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';

const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

function firstExisting(paths) {
  return paths.filter(Boolean).find((p) => existsSync(p)) ?? null;
}

const pkg = firstExisting([option('pkg'), join(ROOT, 'pkg'), join(ROOT, 'www/pkg')]);
const devset = firstExisting([option('devset'), process.env.THIDUA_DEVSET, join(ROOT, '../shared/devset'), '/work/shared/devset']);
const cliPath = option('cli', join(ROOT, 'target/release/thidua'));
const seconds = Number(option('seconds', '5'));
if (!pkg || !existsSync(join(pkg, 'thidua_bg.wasm'))) {
  console.error('wasm-bench: no WASM build found: run scripts/build-wasm.sh (or give --pkg DIR)');
  process.exit(2);
}
if (!devset) {
  console.error('wasm-bench: no dev set: give --devset DIR or set THIDUA_DEVSET');
  process.exit(2);
}

const articles = readdirSync(devset)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(devset, f), 'utf8'));
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a, 'utf8'), 0);

/** CPU seconds of this process so far. */
function cpuSeconds() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function wasmMbPerSecond() {
  const module = await import(join(pkg, 'thidua.js'));
  const started = performance.now();
  module.initSync({ module: readFileSync(join(pkg, 'thidua_bg.wasm')) });
  const instantiateMs = performance.now() - started;
  const first = performance.now();
  module.extract(articles[0]);
  const firstCallMs = performance.now() - first;
  let rounds = 0;
  const start = cpuSeconds();
  while (cpuSeconds() - start < seconds) {
    for (const article of articles) module.extract(article);
    rounds += 1;
  }
  const cpu = cpuSeconds() - start;
  return { mbps: (bytes * rounds) / cpu / 1e6, rounds, instantiateMs, firstCallMs };
}

/** The native CLI over the dev set copied `copies` times, single-threaded, in CPU seconds. */
function nativeMbPerSecond(copies = 20) {
  if (!existsSync(cliPath)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  try {
    for (let c = 0; c < copies; c += 1) {
      articles.forEach((a, i) => writeFileSync(join(dir, `${c}-${i}.txt`), a));
    }
    const run = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time "${cliPath}" --jsonl "${dir}" > /dev/null 2>&1`], {
      env: { ...process.env, RAYON_NUM_THREADS: '1' },
      encoding: 'utf8',
    });
    const [user, system] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
    return (bytes * copies) / (user + system) / 1e6;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const wasm = await wasmMbPerSecond();
const native = nativeMbPerSecond();
console.log(`dev set: ${articles.length} articles, ${bytes} bytes; WASM from ${pkg}`);
console.log(`wasm   instantiate ${wasm.instantiateMs.toFixed(1)} ms, first extract ${wasm.firstCallMs.toFixed(1)} ms (compiles the patterns)`);
console.log(`wasm   extract ${wasm.mbps.toFixed(1)} MB/s (${wasm.rounds} rounds, CPU time)`);
if (native === null) {
  console.log(`native skipped: no ${cliPath} (cargo build --release)`);
} else {
  console.log(`native thidua --jsonl, 1 thread ${native.toFixed(1)} MB/s (CPU time, file reading and JSON included)`);
  console.log(`native / wasm = ${(native / wasm.mbps).toFixed(2)} (target: under 2)`);
}

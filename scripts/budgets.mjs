#!/usr/bin/env node
// Prints the page's performance budgets (informational: always exits 0 unless the
// measurement itself fails), in headless Chromium, on fresh page loads:
//   - the .wasm module gzipped (budget ≤ 400 KB);
//   - page ready: the WASM module instantiated in the page's worker, from the `thidua:ready`
//     performance mark (budget ≤ 150 ms after the load event), median of 5 loads;
//   - the first extraction after ready: the ~10 KB article, sent to the page's worker as the
//     page starts, is answered after the worker's warm-up call (the first call of a module
//     builds the lexicon automata and compiles the patterns) and its own extraction (budget
//     ≤ 150 ms from ready to the answer), median of the same 5 loads;
//   - the extraction of that article once warm (budget ≤ 10 ms, median of 20 runs).
// Needs www/pkg (scripts/build-wasm.sh), node_modules (playwright-core) and /usr/bin/chromium.
// Usage: node scripts/budgets.mjs [ARTICLE]   (default: the largest example article)

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { serve, WWW } from '../tests/browser/server.mjs';
import { launch } from '../tests/browser/browser.mjs';

const LOADS = 5;
const RUNS = 20;
const KB = 1024;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function line(name, value, unit, budget) {
  const verdict = value <= budget ? 'ok' : 'OVER BUDGET';
  console.log(`${name.padEnd(44)} ${value.toFixed(unit === 'KB' ? 1 : 2).padStart(9)} ${unit.padEnd(3)}  (budget ≤ ${budget} ${unit}: ${verdict})`);
}

function largestExample() {
  const dir = join(WWW, 'examples');
  return readdirSync(dir).filter((f) => f.endsWith('.txt'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/** One fresh page: its load and ready times, the worker's own times, and when the answer
 * to `article`, sent to the page's worker as soon as the page starts, came back. */
async function loadPage(context, url, article) {
  const page = await context.newPage();
  await page.addInitScript((text) => {
    document.addEventListener('DOMContentLoaded', () => {
      const { worker } = window.thiduaBoot;
      worker.addEventListener('message', ({ data }) => {
        if (data.id === 'budgets') window.budgetsAnswer = { at: performance.now(), ms: data.ms, ok: data.ok };
      });
      worker.postMessage({ id: 'budgets', type: 'extract', text });
    });
  }, article);
  await page.goto(url);
  await page.waitForFunction(() => window.budgetsAnswer && performance.getEntriesByName('thidua:warm').length > 0, null,
    { timeout: 20000 });
  const timing = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    const [ready] = performance.getEntriesByName('thidua:ready');
    const [warm] = performance.getEntriesByName('thidua:warm');
    return {
      load: nav.loadEventEnd,
      ready: ready.startTime,
      worker: ready.detail.workerMs,
      warmUp: warm.detail.workerMs,
      answer: window.budgetsAnswer,
    };
  });
  await page.close();
  if (!timing.answer.ok) throw new Error('the first extraction failed');
  return timing;
}

/** Milliseconds of each of `RUNS` extractions of `text` in a fresh page worker, warm (the
 * first call, which warms the module up, is not counted). */
async function extractionTimes(context, url, text) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('thidua:ready').length > 0);
  const times = await page.evaluate(({ article, runs }) => new Promise((resolve, reject) => {
    const worker = new Worker('worker.js', { type: 'module' });
    WebAssembly.compileStreaming(fetch('pkg/thidua_bg.wasm')).then((module) => worker.postMessage({ type: 'module', module }));
    const times = [];
    let id = 0;
    const next = () => worker.postMessage({ id: ++id, type: 'extract', text: article });
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') return next();
      if (data.type === 'warm') return undefined;
      if (data.type === 'failed' || data.ok === false) return reject(new Error(data.error));
      if (id > 1) times.push(data.ms);
      if (times.length < runs) return next();
      worker.terminate();
      return resolve(times);
    };
  }), { article: text, runs: RUNS });
  await page.close();
  return times;
}

async function main() {
  const wasm = readFileSync(join(WWW, 'pkg', 'thidua_bg.wasm'));
  const gz = gzipSync(wasm, { level: 9 }).length;
  const [load] = loadavg();
  console.log(`thidua budgets (${new Date().toISOString()}; load average ${load.toFixed(1)} on ${cpus().length} CPUs: timings`
    + ' scale with it)');
  line('wasm module, gzip -9', gz / KB, 'KB', 400);
  console.log(`${''.padEnd(44)} (${(wasm.length / KB).toFixed(1)} KB raw)`);

  const server = await serve();
  const browser = await launch();
  try {
    const file = process.argv[2] || largestExample();
    const text = readFileSync(file, 'utf8');
    const size = `${(Buffer.byteLength(text) / KB).toFixed(1)} KB`;
    const loads = [];
    for (let i = 0; i < LOADS; i += 1) loads.push(await loadPage(browser.context, server.url, text));
    const at = (pick) => median(loads.map(pick)).toFixed(0);
    line(`page ready after load event (median of ${LOADS})`, median(loads.map((t) => Math.max(0, t.ready - t.load))), 'ms', 150);
    console.log(`${''.padEnd(44)} (ready at ${at((t) => t.ready)} ms after navigation start, load at ${at((t) => t.load)} ms; `
      + `worker instantiated ${at((t) => t.worker)} ms after it started, then its warm-up call took ${at((t) => t.warmUp)} ms)`);
    line(`first extract after ready (median of ${LOADS})`, median(loads.map((t) => t.answer.at - t.ready)), 'ms', 150);
    console.log(`${''.padEnd(44)} (the ${size} article, sent as the page starts: answered after the warm-up, `
      + `then ${at((t) => t.answer.ms)} ms of extraction)`);

    const times = await extractionTimes(browser.context, server.url, text);
    line(`extract ${size} article, warm (median of ${RUNS})`, median(times), 'ms', 10);
    console.log(`${''.padEnd(44)} (${file.replace(`${WWW}/`, 'www/')}; min ${Math.min(...times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(`budgets: ${error.message}`);
  process.exit(1);
});

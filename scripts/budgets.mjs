#!/usr/bin/env node
// Prints the page's performance budgets (informational: always exits 0 unless the
// measurement itself fails):
//   - the .wasm module gzipped (budget ≤ 400 KB);
//   - page ready: the WASM module instantiated in the worker and the examples loaded,
//     measured from the `thidua:ready` performance mark in headless Chromium
//     (budget ≤ 150 ms after the load event), median of 5 loads;
//   - extraction of a ~10 KB article in the browser, in the page's own worker
//     (budget ≤ 10 ms, median of 20 runs).
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

/** Load → ready, in ms, for one fresh page. */
async function readyAfterLoad(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('thidua:ready').length > 0, null, { timeout: 20000 });
  const timing = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    const [ready] = performance.getEntriesByName('thidua:ready');
    return { load: nav.loadEventEnd, ready: ready.startTime, worker: ready.detail?.workerMs ?? null };
  });
  await page.close();
  return timing;
}

/** Milliseconds of each extraction of `text`, timed inside a fresh page worker. */
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
      if (data.type === 'failed' || data.ok === false) return reject(new Error(data.error));
      times.push(data.ms);
      if (times.length < runs) next();
      else {
        worker.terminate();
        resolve(times);
      }
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
    const loads = [];
    for (let i = 0; i < LOADS; i += 1) loads.push(await readyAfterLoad(browser.context, server.url));
    line(`page ready after load event (median of ${LOADS})`, median(loads.map((t) => Math.max(0, t.ready - t.load))), 'ms', 150);
    console.log(`${''.padEnd(44)} (ready at ${median(loads.map((t) => t.ready)).toFixed(0)} ms after navigation start; `
      + `worker instantiate + warm-up ${median(loads.map((t) => t.worker)).toFixed(0)} ms)`);

    const file = process.argv[2] || largestExample();
    const text = readFileSync(file, 'utf8');
    const times = await extractionTimes(browser.context, server.url, text);
    line(`extract ${(Buffer.byteLength(text) / KB).toFixed(1)} KB article (median of ${RUNS})`, median(times), 'ms', 10);
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

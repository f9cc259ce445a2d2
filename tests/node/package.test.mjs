// The npm package as a user gets it: `npm pack` of pkg/, installed from the tarball into a
// fresh project outside the repository, then (1) imported from plain Node, (2) type-checked
// by TypeScript, (3) bundled by esbuild into a page that runs in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { ROOT, PKG } from './support.mjs';

const ARTICLE = 'Chiều 29/12, tại Hội trường UBND huyện Can Lộc, Cụm thi đua số 1 tổ chức hội nghị tổng kết '
  + 'công tác thi đua năm 2022. Thu ngân sách đạt 3.200 tỷ đồng, tăng 8,3% so với cùng kỳ.';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let project;
let packed;

before(() => {
  project = mkdtempSync(join(tmpdir(), 'thidua-consumer-'));
  const out = execFileSync('npm', ['pack', PKG, '--json', '--pack-destination', project], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  [packed] = JSON.parse(out);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(project, packed.filename)], {
    cwd: project,
    stdio: 'ignore',
  });
});

after(() => rmSync(project, { recursive: true, force: true }));

/** Runs an ES module in the consumer project and returns its stdout. */
function runInProject(name, source) {
  writeFileSync(join(project, name), source);
  return execFileSync('node', [name], { cwd: project, encoding: 'utf8' });
}

test('the tarball holds the package files and nothing of the repository', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const required of ['package.json', 'thidua.js', 'thidua_bg.wasm', 'thidua.d.ts', 'node.js', 'README.md', 'summary.schema.json']) {
    assert.ok(files.includes(required), `${required} in ${files}`);
  }
  assert.ok(!files.some((f) => /^(src|target|tests|www)\//.test(f) || f.endsWith('.rs')), `no sources: ${files}`);
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules/thidua/package.json'), 'utf8'));
  assert.equal(manifest.name, 'thidua');
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
  assert.equal(manifest.types, './thidua.d.ts');
  assert.equal(manifest.exports['.'].types, './thidua.d.ts');
  assert.ok(manifest.license);
  // Every module path a package file names (import, export, new URL) is a file of the package.
  const installed = join(project, 'node_modules/thidua');
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(join(installed, file), 'utf8');
    const named = [...source.matchAll(/(?:from|import\(|new URL\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
    for (const relative of named) {
      assert.ok(files.includes(relative.replace(/^\.\//, '')), `${file} names ${relative}, not a file of the package`);
    }
  }
});

test("plain Node: import { extract } from 'thidua' works with no init call", () => {
  const out = runInProject('use.mjs', `
    import { extract, parse } from 'thidua';
    const s = extract(${JSON.stringify(ARTICLE)}, { referenceDate: '2022-12-30' });
    console.log(JSON.stringify({ version: s.version, lead: s.lead, values: parse('tăng 8,3%').map(v => v.value) }));
  `);
  const result = JSON.parse(out);
  assert.equal(result.version, 1);
  assert.ok(result.lead.startsWith('Chiều 29/12'));
  assert.deepEqual(result.values, [8.3]);
});

test('plain Node: the web entry works too, with initSync and the wasm bytes', () => {
  const out = runInProject('web.mjs', `
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    import { initSync, extract } from 'thidua/web';
    const wasmPath = createRequire(import.meta.url).resolve('thidua/thidua_bg.wasm');
    initSync({ module: readFileSync(wasmPath) });
    console.log(extract('').version);
  `);
  assert.equal(out.trim(), '1');
});

test('TypeScript: the package types check a strict consumer and catch mistakes', () => {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022,dom', '--skipLibCheck', 'false'];
  writeFileSync(join(project, 'good.ts'), `
    import { extract, parse, type Summary, type Figure, type Options } from 'thidua';
    const options: Options = { referenceDate: '2022-12-30', summarySentences: 3 };
    const s: Summary = extract('text', options);
    const date: string | null = s.event.date;
    const money: number[] = s.figures.filter((f: Figure) => f.kind === 'money').map((f) => f.value);
    const first: string | undefined = s.awards[0]?.award;
    const spans: number = parse('8,3%')[0].span.end;
    console.log(date, money, first, spans, extract('no options').version === 1);
  `);
  execFileSync('node', [tsc, ...flags, 'good.ts'], { cwd: project, encoding: 'utf8' });
  writeFileSync(join(project, 'bad.ts'), `
    import { extract } from 'thidua';
    const s = extract('text', { refDate: '2022-12-30' });
    const n: number = s.title;
    const k: 'percentage' = s.figures[0].kind;
  `);
  let output = '';
  try {
    execFileSync('node', [tsc, ...flags, 'bad.ts'], { cwd: project, encoding: 'utf8' });
  } catch (e) {
    output = e.stdout;
  }
  assert.match(output, /refDate/, 'unknown option rejected');
  assert.match(output, /Type 'string \| null' is not assignable to type 'number'/);
  assert.match(output, /not assignable to type '"percentage"'/);
});

/** Serves `dir` on 127.0.0.1 (wasm as application/wasm); resolves to {url, close}. */
function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html'));
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() });
    });
  });
}

/** Whether the package ships the <thidua-summary> element (the page provides www/thidua-summary.js). */
const hasElement = () => packed.files.some((f) => f.path === 'thidua-summary.js');

test('TypeScript: the element types give <thidua-summary> and its event', (t) => {
  if (!hasElement()) return t.skip('no www/thidua-summary.js in this checkout');
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  writeFileSync(join(project, 'element.ts'), `
    import 'thidua/thidua-summary';
    const card = document.querySelector('thidua-summary');
    card?.addEventListener('thidua:summary', (e) => console.log(e.detail.event.date, e.detail.version === 1));
  `);
  execFileSync('node', [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--target', 'es2022', '--lib', 'es2022,dom', 'element.ts'], { cwd: project, encoding: 'utf8' });
});

test('bundler: esbuild bundles a page importing the package, and it runs in Chromium', { skip: existsSync(CHROMIUM) ? false : `no ${CHROMIUM}` }, async () => {
  const site = join(project, 'site');
  writeFileSync(join(project, 'page.js'), `
    import init, { extract } from 'thidua';
    import wasmUrl from 'thidua/thidua_bg.wasm';
    await init({ module_or_path: wasmUrl });
    const summary = extract(${JSON.stringify(ARTICLE)}, { referenceDate: '2022-12-30' });
    window.result = JSON.stringify(summary);
  `);
  const esbuild = join(ROOT, 'node_modules/esbuild/bin/esbuild');
  execFileSync(esbuild, ['page.js', '--bundle', '--format=esm', '--platform=browser', '--loader:.wasm=file',
    `--outdir=${site}`, '--log-level=warning'], { cwd: project, stdio: 'pipe' });
  writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="page.js"></script>');
  if (hasElement()) {
    // The element finds the module beside itself: a bundle ships thidua_bg.wasm beside it.
    writeFileSync(join(project, 'element.js'), "import 'thidua/thidua-summary';");
    execFileSync(esbuild, ['element.js', '--bundle', '--format=esm', '--platform=browser', `--outdir=${site}`,
      '--log-level=warning'], { cwd: project, stdio: 'pipe' });
    copyFileSync(join(project, 'node_modules/thidua/thidua_bg.wasm'), join(site, 'thidua_bg.wasm'));
    writeFileSync(join(site, 'cms.html'), '<!doctype html><meta charset="utf-8"><script type="module" src="element.js"></script>'
      + `<textarea id="body">${ARTICLE}</textarea><thidua-summary for="body"></thidua-summary>`
      + '<script>addEventListener("thidua:summary", (e) => { window.cardSummary = JSON.stringify(e.detail); });</script>');
  }
  const { chromium } = await import('playwright-core');
  const server = await serve(site);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.result, null, { timeout: 20000 });
    const inBrowser = JSON.parse(await page.evaluate(() => window.result));
    const inNode = JSON.parse(runInProject('compare.mjs', `
      import { extract } from 'thidua';
      console.log(JSON.stringify(extract(${JSON.stringify(ARTICLE)}, { referenceDate: '2022-12-30' })));
    `));
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(inBrowser, inNode);
    if (hasElement()) {
      await page.goto(server.url + 'cms.html');
      await page.waitForFunction(() => window.cardSummary, null, { timeout: 20000 });
      const card = JSON.parse(await page.evaluate(() => window.cardSummary));
      assert.equal(card.version, 1);
      assert.equal(card.lead, inNode.lead);
      const shown = await page.evaluate(() => document.querySelector('thidua-summary').shadowRoot?.textContent ?? '');
      assert.ok(shown.length > 20, `the card shows the summary: ${shown}`);
      assert.deepStrictEqual(errors, []);
    }
  } finally {
    await browser.close();
    server.close();
  }
});

// Shared helpers of the browser tests: the CLI as the reference, pasting into the page.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { WWW } from './server.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const RESULTS = join(ROOT, 'test-results');

/** The native CLI, built when missing. */
export function cliPath() {
  const bin = process.env.THIDUA_BIN || join(ROOT, 'target', 'release', 'thidua');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  return bin;
}

/** The CLI's output for `args` (JSON parsed unless `raw`). */
export function cli(args, { raw = false } = {}) {
  const out = execFileSync(cliPath(), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return raw ? out : JSON.parse(out);
}

/** Fails early with a clear message when the WASM package was not built. */
export function requirePackage() {
  if (!existsSync(join(WWW, 'pkg', 'thidua_bg.wasm'))) {
    throw new Error('www/pkg/thidua_bg.wasm is missing: run scripts/build-wasm.sh first');
  }
}

/** The examples of the page's menu: [{file, title, path, text}]. */
export function examples() {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  return [...html.matchAll(/<option value="([^"]+\.txt)">([^<]+)<\/option>/g)].map(([, file, title]) => {
    const path = join(WWW, 'examples', file);
    return { file, title, path, text: readFileSync(path, 'utf8') };
  });
}

/** Opens the page and waits until the WASM worker and the examples are loaded. */
export async function openPage(context, url, file = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url + file);
  await page.waitForFunction(() => ['ready', 'done'].includes(document.documentElement.dataset.state), null, { timeout: 15000 });
  page.errors = errors;
  return page;
}

/** Pastes `text` into the article box as a user paste would, and waits for its summary. */
export async function paste(page, text) {
  await page.evaluate((value) => {
    const input = document.getElementById('input');
    input.focus();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, text);
  await waitRendered(page, text);
}

/** Waits until the page shows the summary of `text`. */
export async function waitRendered(page, text, timeout = 15000) {
  await page.waitForFunction((length) => {
    const root = document.documentElement.dataset;
    return root.state === 'done' && root.renderedChars === String(length);
  }, text.length, { timeout });
}

/** The article pane's text without the "removed" badges: must equal the input. */
export function articleText(page) {
  return page.evaluate(() => {
    const clone = document.getElementById('article').cloneNode(true);
    for (const badge of clone.querySelectorAll('.removed-reason')) badge.remove();
    return clone.textContent;
  });
}

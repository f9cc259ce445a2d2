// The page in a real browser (Debian Chromium through playwright-core), against the CLI.
// Run: node --test tests/browser/   (needs www/pkg from scripts/build-wasm.sh)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, WWW } from './server.mjs';
import { reasonLabel } from '../../www/facts.js';
import { launch } from './browser.mjs';
import { RESULTS, articleText, cli, examples, openPage, paste, requirePackage, waitRendered } from './helpers.mjs';

let server;
let browser;
const EXAMPLES = examples();

before(async () => {
  requirePackage();
  mkdirSync(RESULTS, { recursive: true });
  server = await serve();
  browser = await launch({ acceptDownloads: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Text of every cell of `selector` rows, as arrays. */
function tableRows(page, selector) {
  return page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
}

describe('each example article', () => {
  for (const example of EXAMPLES) {
    test(`${example.file}: title, people and the whole JSON equal the CLI's`, async () => {
      const expected = cli([example.path]);
      const page = await openPage(browser.context, server.url);
      await paste(page, example.text);

      const headline = await page.textContent('#card-overview .headline');
      assert.equal(headline, expected.title ?? '(không nhận ra tiêu đề)');

      const people = await tableRows(page, '#card-people');
      assert.deepEqual(people, expected.people.map((p) => [p.name, p.roles.join('; '), String(p.mentions.length)]));
      if (expected.people.length === 0) assert.equal(await page.$('#card-people'), null);

      const eventCard = (await page.textContent('#card-event').catch(() => '')) ?? '';
      for (const field of ['kind', 'location', 'period', 'plan_period', 'organizer', 'part_of_day']) {
        if (expected.event[field]) assert.ok(eventCard.includes(expected.event[field]), `event ${field}`);
      }
      for (const name of [...expected.event.chaired_by, ...expected.event.attended_by]) assert.ok(eventCard.includes(name));
      const cardsText = await page.textContent('#cards');
      assert.doesNotMatch(cardsText, /\[object |undefined|NaN/, 'no stringified object in the cards');

      const figures = await page.$$eval('#card-figures tbody tr', (rows) => rows.length);
      assert.equal(figures, expected.figures.length);
      const awards = await page.$$eval('#card-awards tbody tr', (rows) => rows.length);
      assert.equal(awards, expected.awards.length);

      await page.click('#card-json details > summary');
      await page.waitForFunction(() => document.querySelector('#card-json pre').textContent !== '');
      const json = JSON.parse(await page.textContent('#card-json pre'));
      assert.deepEqual(json, expected, 'the WASM summary equals the CLI summary');

      assert.equal(await articleText(page), example.text, 'the article pane shows the input exactly');
      const removed = await page.$$eval('#article .removed', (nodes) => nodes.length);
      assert.equal(removed, expected.removed.filter((r) => r.span.end > r.span.start).length);
      assert.deepEqual(page.errors, []);
      await page.close();
    });
  }
});

/** The example with the most figures (and its CLI summary). */
function richestExample() {
  return EXAMPLES.map((e) => ({ ...e, summary: cli([e.path]) }))
    .sort((a, b) => b.summary.figures.length - a.summary.figures.length)[0];
}

describe('evidence', () => {
  test('clicking a figure lights exactly its evidence span; clicking the highlight shows the fact', async () => {
    const example = richestExample();
    const { figures } = example.summary;
    assert.ok(figures.length > 0, 'an example has figures');
    const page = await openPage(browser.context, server.url);
    await paste(page, example.text);
    for (const [i, figure] of figures.entries()) {
      await page.click(`#card-figures tbody tr:nth-child(${i + 1}) button.fact-link`);
      const lit = await page.$$eval('#article mark.current', (marks) => marks.map((m) => m.textContent).join(''));
      assert.equal(lit, example.text.slice(figure.span.start, figure.span.end), `figure ${i}`);
      const selected = await page.$$eval('#card-figures tr.selected', (rows) => rows.length);
      assert.equal(selected, 1);
    }
    // From the text to the fact.
    const last = figures.at(-1);
    await page.click('#article mark.f-figure.current');
    assert.equal(await page.isVisible('#fact-detail'), true);
    assert.equal(await page.textContent('#fact-detail-kind'), 'Số liệu');
    assert.ok((await page.textContent('#fact-detail-text')).includes(last.text));
    await page.keyboard.press('Escape');
    assert.equal(await page.$$eval('#article mark.active', (m) => m.length), 0);
    await page.close();
  });

  test('keyboard: Tab reaches a fact and its focus lights the evidence', async () => {
    const example = richestExample();
    const page = await openPage(browser.context, server.url);
    await paste(page, example.text);
    await page.focus('#card-overview .headline button, #card-overview .headline span');
    let lit = '';
    for (let i = 0; i < 40 && lit === ''; i += 1) {
      await page.keyboard.press('Tab');
      lit = await page.$$eval('#article mark.current', (marks) => marks.map((m) => m.textContent).join(''));
    }
    const focused = await page.evaluate(() => document.activeElement.closest('[data-fact]')?.dataset.fact);
    assert.ok(focused !== undefined, 'a fact button has the focus');
    assert.notEqual(lit, '');
    await page.close();
  });

  test('removed lines are greyed, carry their reason and collapse', async () => {
    const example = EXAMPLES.map((e) => ({ ...e, summary: cli([e.path]) }))
      .find((e) => e.summary.removed.length > 0);
    assert.ok(example, 'an example has removed lines');
    const page = await openPage(browser.context, server.url);
    await paste(page, example.text);
    const first = example.summary.removed[0];
    const badge = await page.textContent('#article .removed .removed-reason');
    assert.equal(badge, `✂ ${reasonLabel(first.reason)}`);
    await page.click('#article .removed .removed-reason');
    assert.equal(await page.isVisible('#article .removed .removed-text'), false);
    await page.click('#article .removed .removed-reason');
    assert.equal(await page.isVisible('#article .removed .removed-text'), true);
    await page.uncheck('#show-removed');
    assert.equal(await page.isVisible('#article .removed'), false);
    await page.close();
  });
});

describe('safety and privacy', () => {
  test('the example menu lists every example file', () => {
    assert.deepEqual(EXAMPLES.map((e) => e.file).sort(), readdirSync(join(WWW, 'examples')).filter((f) => f.endsWith('.txt')).sort());
  });

  test('no network request once the page is ready', async () => {
    const page = await openPage(browser.context, server.url);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    for (const example of EXAMPLES) await paste(page, example.text);
    await page.selectOption('#example', EXAMPLES[1].file);
    await waitRendered(page, EXAMPLES[1].text);
    const buttons = await page.$$('#cards button.fact-link:visible');
    for (const button of buttons.slice(0, 10)) await button.click();
    await page.click('#card-json details > summary');
    await page.click('#card-factbox details > summary');
    await page.click('#copy-factbox');
    await page.waitForTimeout(300);
    assert.deepEqual(requests, []);
    await page.close();
  });

  test('markup in the article is shown as text: no element, no script, no dialog', async () => {
    const page = await openPage(browser.context, server.url);
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    const hostile = 'Khen thưởng <img src=x onerror=alert(1)> tập thể\n\n'
      + 'Sáng 5/1/2023, UBND tỉnh <script>alert(2)</script> tổ chức hội nghị tổng kết công tác thi đua năm 2022. '
      + 'Ông <b onmouseover=alert(3)>Nguyễn Văn A</b>, Chủ tịch UBND tỉnh trao Bằng khen cho 12 tập thể "<svg onload=alert(4)>".';
    await paste(page, hostile);
    await page.click('#card-json details > summary');
    for (const button of await page.$$('#cards button.fact-link:visible')) await button.hover();
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    const injected = await page.$$eval('#article img, #article script, #article b, #article svg, #cards img, #cards script, #cards svg, #cards b',
      (nodes) => nodes.length);
    assert.equal(injected, 0);
    assert.equal(await articleText(page), hostile);
    await page.close();
  });
});

describe('exports', () => {
  test('figures copy as TSV and download as CSV; fact box copies the CLI fact box', async () => {
    const example = richestExample();
    const page = await openPage(browser.context, server.url);
    await paste(page, example.text);

    await page.click('#card-figures button.action >> text=Sao chép (TSV)');
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Đã sao chép'));
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    const lines = tsv.trimEnd().split('\n').map((l) => l.split('\t'));
    assert.equal(lines.length, example.summary.figures.length + 1);
    assert.deepEqual(lines[0], ['Đối tượng', 'Chỉ số', 'Giá trị', 'Đơn vị', 'So sánh', 'Kết quả/Chỉ tiêu', 'Nguyên văn']);
    assert.deepEqual(lines.slice(1).map((l) => [Number(l[2]), l[6]]),
      example.summary.figures.map((f) => [f.value, f.text.replace(/[\t\r\n]+/g, ' ')]));

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#card-figures button.action >> text=Tải CSV')]);
    assert.equal(download.suggestedFilename(), 'so-lieu.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFFĐối tượng,Chỉ số,Giá trị'));
    assert.equal(csv.trimEnd().split('\r\n').length, example.summary.figures.length + 1);

    await page.click('#copy-factbox');
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('hộp thông tin'));
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(markdown, cli(['factbox', '--md', example.path], { raw: true }));

    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#card-json button.action >> text=Tải JSON')]);
    assert.deepEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), example.summary);
    await page.close();
  });
});

describe('layout', () => {
  test('a pasted article is summarised in the same task as the paste (same frame)', async () => {
    const page = await openPage(browser.context, server.url);
    await page.waitForFunction(() => document.documentElement.dataset.local === 'ready');
    const example = EXAMPLES[0];
    const shown = await page.evaluate((text) => {
      const input = document.getElementById('input');
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
      return document.querySelector('#card-overview .headline')?.textContent ?? null; // no await: same task
    }, example.text);
    assert.equal(shown, cli([example.path]).title ?? '(không nhận ra tiêu đề)');
    await page.close();
  });

  test('typing (not pasting) updates the summary after a pause', async () => {
    const page = await openPage(browser.context, server.url);
    await page.focus('#input');
    const typed = 'Sáng 12/3/2023, UBND huyện tổ chức hội nghị tổng kết.';
    await page.keyboard.type(typed, { delay: 5 });
    await waitRendered(page, typed);
    assert.equal(await page.isVisible('#card-overview'), true);
    await page.close();
  });

  test('a 1 MB paste never freezes the page: held outside the text box, read in the worker', async () => {
    const page = await openPage(browser.context, server.url);
    const big = EXAMPLES.map((e) => e.text).join('\n\n').repeat(Math.ceil(1e6 / EXAMPLES.reduce((n, e) => n + e.text.length, 0)));
    const gaps = await page.evaluate((text) => new Promise((done) => {
      const input = document.getElementById('input');
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', text);
      input.focus();
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      let last = performance.now();
      let worst = 0;
      const started = last;
      const tick = () => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
        if (document.documentElement.dataset.state === 'busy' || now - started < 50) setTimeout(tick, 10);
        else done({ worst, total: now - started });
      };
      setTimeout(tick, 10);
    }), big);
    await waitRendered(page, big, 60000);
    console.log(`# 1 MB paste: longest main-thread pause ${gaps.worst.toFixed(0)} ms, total ${gaps.total.toFixed(0)} ms`);
    assert.ok(gaps.worst < 1000, `main thread blocked ${gaps.worst} ms`);
    assert.equal(await page.isVisible('#large-note'), true);
    assert.ok((await page.inputValue('#input')).length < 5000, 'the text box holds only the beginning');
    assert.ok((await page.textContent('#status')).includes(new Intl.NumberFormat('vi-VN').format(big.length)));
    assert.equal(await articleText(page), big, 'the article pane shows the whole paste');
    const removed = Number(await page.textContent('#card-removed .count'));
    assert.ok(removed > 200, `${removed} removed lines (the repeats)`);
    assert.equal(await page.$$eval('#card-removed li', (items) => items.length), 200, 'long lists start capped');
    await page.click('#card-removed details > summary');
    await page.click('#card-removed button.more');
    assert.equal(await page.$$eval('#card-removed li', (items) => items.length), removed);
    await page.click('#large-edit');
    assert.equal(await page.inputValue('#input'), big, 'editing brings the whole text back');
    await page.close();
  });

  test('on a phone the page fits the screen; screenshots are saved', async () => {
    const example = EXAMPLES[0];
    const page = await openPage(browser.context, server.url);
    await paste(page, example.text);
    await page.screenshot({ path: join(RESULTS, 'page-desktop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: join(RESULTS, 'page-phone.png'), fullPage: false });
    await page.close();
  });
});

describe('<thidua-summary>', () => {
  test('renders the card in its shadow DOM and fires thidua:summary on input', async () => {
    const example = EXAMPLES[0];
    const expected = cli([example.path]);
    const demo = await browser.context.newPage();
    const errors = [];
    demo.on('pageerror', (error) => errors.push(error.message));
    await demo.goto(`${server.url}cms-demo.html`);
    await demo.evaluate(() => customElements.whenDefined('thidua-summary'));
    await demo.evaluate(() => {
      window.thiduaEvents = [];
      document.addEventListener('thidua:summary', (event) => window.thiduaEvents.push(event.detail));
    });
    await demo.fill('#article-body', example.text);
    await demo.waitForFunction((title) => window.thiduaEvents.some((s) => s.title === title), expected.title, { timeout: 10000 });
    const detail = await demo.evaluate(() => window.thiduaEvents.at(-1));
    assert.deepEqual(detail, expected);
    const heading = await demo.evaluate(() => document.querySelector('thidua-summary').shadowRoot.querySelector('h3').textContent);
    assert.equal(heading, expected.title ?? 'Tóm tắt bài viết');
    const people = await demo.evaluate(() => [...document.querySelector('thidua-summary').shadowRoot.querySelectorAll('li')].length);
    assert.ok(people >= Math.min(expected.people.length, 8));
    assert.deepEqual(errors, []);
    await demo.close();
  });
});

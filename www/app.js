// thidua page: paste an article, read its structured summary beside it, every fact linked
// to its evidence in the text. A normal article is read on the spot, so its summary shows
// in the frame of the paste; a long one (over LOCAL_LIMIT) goes to a Web Worker
// (worker.js) so that even a 1 MB paste never freezes the page. Both run the same WASM
// module, compiled once by boot.js. Text from the article is only ever inserted as text
// nodes, never parsed as HTML.

import initHere, { extract as extractHere, renderFactBox as renderFactBoxHere } from './pkg/thidua.js';
import { chunkBreaks, collectFacts, reasonLabel, segmentArticle } from './facts.js';

const TYPING_DELAY_MS = 250;
/** Longest text (UTF-16 code units) read on the page's own thread: ~10 ms of work at most. */
const LOCAL_LIMIT = 64 * 1024;
/** Pastes longer than this (UTF-16 code units) are not put into the text box, whose own
 * layout would freeze the page for a second: the box shows their beginning, read-only. */
const LARGE_PASTE = 200 * 1024;
const LARGE_PREVIEW = 3000;
const WARM_UP = 'Sáng 1/1/2024, UBND tỉnh tổ chức hội nghị tổng kết công tác thi đua.';
const $ = (id) => document.getElementById(id);

const ui = {
  input: $('input'),
  article: $('article'),
  cards: $('cards'),
  empty: $('empty'),
  status: $('status'),
  example: $('example'),
  clear: $('clear'),
  showRemoved: $('show-removed'),
  detail: $('fact-detail'),
  detailKind: $('fact-detail-kind'),
  detailText: $('fact-detail-text'),
  detailGo: $('fact-detail-go'),
  largeNote: $('large-note'),
  largeSize: $('large-size'),
  largeEdit: $('large-edit'),
};

// ---------------------------------------------------------------- DOM helpers

/** Creates an element; `props` sets attributes (`class`, `data-*`, ...); children are
 * nodes or strings (inserted as text). */
function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 });
const formatNumber = (n) => (typeof n === 'number' && Number.isFinite(n) ? numberFormat.format(n) : '');

/** "2022-12-29" → "29/12/2022". */
function formatDate(iso) {
  if (!iso) return '';
  const parts = String(iso).split('-');
  return parts.every((p) => /^\d+$/.test(p)) ? parts.reverse().join('/') : String(iso);
}

function say(message) {
  ui.status.textContent = message;
}

// ---------------------------------------------------------------- worker client

const { worker, early, compiled } = window.thiduaBoot; // started by boot.js
const pending = new Map();
let nextRequestId = 1;
let resolveWorkerReady;
let rejectWorkerReady;
const workerReady = new Promise((resolve, reject) => {
  resolveWorkerReady = resolve;
  rejectWorkerReady = reject;
});

function onWorkerMessage(event) {
  const message = event.data;
  if (message.type === 'ready') return resolveWorkerReady(message.ms);
  if (message.type === 'warm') return onWorkerWarm(message.ms);
  if (message.type === 'failed') return rejectWorkerReady(new Error(message.error));
  const request = pending.get(message.id);
  if (!request) return;
  pending.delete(message.id);
  if (message.ok) request.resolve(message);
  else request.reject(new Error(message.error));
}
worker.onmessage = onWorkerMessage;
worker.onerror = (event) => rejectWorkerReady(new Error(event.message || 'worker error'));
early.splice(0).forEach(onWorkerMessage);

/** Sends one request to the worker; resolves with `{result, ms}`. */
function ask(type, payload) {
  return new Promise((resolve, reject) => {
    const id = nextRequestId++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, type, ...payload });
  });
}

/** The module instantiated on the page's own thread, for normal-sized articles. */
const local = { ready: false };

/** The worker has made its first call (it makes it right after "ready"): only now does the
 * page start its own copy, so that the two warm-ups do not compete for the processor. */
function onWorkerWarm(ms) {
  performance.mark('thidua:warm', { detail: { workerMs: ms } });
  startLocal();
}

/** Instantiates the page's own copy and warms it up when the page is idle. */
function startLocal() {
  compiled.then((module) => initHere({ module_or_path: module })).then(() => {
    const warm = () => {
      extractHere(WARM_UP);
      local.ready = true;
      document.documentElement.dataset.local = 'ready';
    };
    if (window.requestIdleCallback) requestIdleCallback(warm, { timeout: 1000 });
    else setTimeout(warm, 0);
  }, () => {}); // the worker does the work if this copy cannot start
}

/** Runs `type` ("extract" or "factbox") here for a normal article, else in the worker.
 * Returns `{result, ms}` (or a promise of it). */
function compute(type, payload) {
  if (!local.ready || payload.text.length > LOCAL_LIMIT) return ask(type, payload);
  const t0 = performance.now();
  const result = type === 'extract'
    ? extractHere(payload.text)
    : renderFactBoxHere(payload.text, undefined, payload.format);
  return { result, ms: performance.now() - t0 };
}

// ---------------------------------------------------------------- examples

/** Loads every example listed in the menu. Called once as the page starts, so that no
 * request is made once the page is ready (the answers may still be on their way then: the
 * page is ready as soon as the WASM module is, and the menu waits for them). */
async function loadExamples() {
  const options = [...ui.example.options].filter((option) => option.value !== '');
  const texts = await Promise.all(options.map((option) => fetch(`examples/${option.value}`).then((r) => {
    if (!r.ok) throw new Error(`examples/${option.value}: ${r.status}`);
    return r.text();
  })));
  return new Map(options.map((option, i) => [option.value, texts[i]]));
}

// ---------------------------------------------------------------- extraction loop

const state = {
  examples: loadExamples(), // a promise of the map: file name → text
  large: null, // a large paste held outside the text box
  ready: false,
  inFlight: false,
  dirty: false,
  timer: 0,
  text: '',
  summary: null,
  view: null, // { facts, marks } of the rendered article
  selected: -1,
  cursor: new Map(), // fact index → which of its spans was shown last
};

/** Reads the article after `delay` ms, or at once (in this task) for a delay of 0. */
function schedule(delay) {
  clearTimeout(state.timer);
  if (delay === 0) run();
  else state.timer = setTimeout(run, delay);
}

/** Reads the article box and shows its summary: on the spot for a normal article (the
 * summary is in the DOM before the paste's frame is painted), through the worker for a
 * long one. One reading at a time; edits made meanwhile are read right after. */
function run() {
  if (!state.ready) return;
  if (state.inFlight) {
    state.dirty = true;
    return;
  }
  const text = articleText();
  state.inFlight = true;
  state.dirty = false;
  document.documentElement.dataset.state = 'busy';
  if (text.trim() === '') {
    showEmpty();
    finish();
    return;
  }
  let outcome;
  try {
    outcome = compute('extract', { text });
  } catch (error) {
    outcome = Promise.reject(error);
  }
  if (outcome instanceof Promise) {
    say(`Đang phân tích ${formatNumber(text.length)} ký tự…`);
    outcome.then((answer) => show(text, answer)).catch(fail).finally(finish);
  } else {
    try {
      show(text, outcome);
    } catch (error) {
      fail(error);
    }
    finish();
  }
}

function show(text, { result, ms }) {
  if (articleText() !== text) {
    state.dirty = true;
    return;
  }
  render(text, result);
  say(`Đã phân tích ${formatNumber(text.length)} ký tự trong ${formatNumber(Math.round(ms * 10) / 10)} ms.`);
}

function fail(error) {
  say(`Không đọc được bài: ${error.message}`);
}

function finish() {
  state.inFlight = false;
  document.documentElement.dataset.renderedChars = String(state.text.length);
  document.documentElement.dataset.state = 'done';
  if (state.dirty) schedule(0);
}

function showEmpty() {
  state.text = '';
  state.summary = null;
  state.view = null;
  ui.article.replaceChildren();
  ui.cards.replaceChildren();
  ui.cards.hidden = true;
  ui.empty.hidden = false;
  ui.detail.hidden = true;
  say('Sẵn sàng. Dán một bài báo để bắt đầu.');
}

function render(text, summary) {
  performance.mark('thidua:render-start');
  state.text = text;
  state.summary = summary;
  state.selected = -1;
  state.cursor.clear();
  const facts = collectFacts(summary);
  state.view = renderArticle(text, facts);
  renderCards(summary, facts);
  ui.empty.hidden = true;
  ui.cards.hidden = false;
  ui.detail.hidden = true;
  performance.measure('thidua:render', 'thidua:render-start');
}

// ---------------------------------------------------------------- article view

/** Fills the article pane: the text with each fact's evidence wrapped in a <mark>, the
 * removed lines greyed in collapsible wrappers. The text is laid out in blocks of a few
 * thousand characters that the browser skips while off screen, so a huge paste stays fast. */
function renderArticle(text, facts) {
  const root = document.createDocumentFragment();
  const marksOf = facts.map(() => []);
  const breaks = chunkBreaks(text);
  const chunkStarts = new Set(breaks);
  let chunk = h('div', { class: 'chunk' });
  let removedBoxes = new Map();
  root.append(chunk);
  for (const piece of segmentArticle(text, facts, breaks)) {
    if (chunkStarts.has(piece.start)) {
      chunk = h('div', { class: 'chunk' });
      removedBoxes = new Map();
      root.append(chunk);
    }
    const parent = piece.removed === -1 ? chunk : removedBox(removedBoxes, chunk, facts[piece.removed]);
    const content = text.slice(piece.start, piece.end);
    if (piece.facts.length === 0) {
      parent.append(document.createTextNode(content));
      continue;
    }
    const classes = new Set(['f']);
    for (const i of piece.facts) classes.add(facts[i].cls);
    const mark = h('mark', { class: [...classes].join(' ') }, content);
    mark.thidua = piece;
    for (const i of piece.facts) marksOf[i].push(mark);
    parent.append(mark);
  }
  ui.article.classList.toggle('long', breaks.length > 8);
  ui.article.replaceChildren(root);
  return { facts, marks: marksOf };
}

function removedBox(boxes, root, fact) {
  let box = boxes.get(fact);
  if (box) return box.lastChild;
  const toggle = h('button', { type: 'button', class: 'removed-reason', 'aria-expanded': 'true', title: 'Ẩn/hiện dòng bị lược bỏ' }, `✂ ${fact.detail}`);
  box = h('span', { class: 'removed' }, toggle, h('span', { class: 'removed-text' }));
  toggle.addEventListener('click', () => {
    const collapsed = box.classList.toggle('collapsed');
    toggle.setAttribute('aria-expanded', String(!collapsed));
  });
  boxes.set(fact, box);
  root.append(box);
  return box.lastChild;
}

/** The fact a click on `mark` means: the narrowest word-level fact, else the narrowest
 * sentence. */
function factAt(mark) {
  const { facts } = state.view;
  const candidates = mark.thidua.facts.map((i) => ({ i, fact: facts[i], span: spanCovering(facts[i], mark.thidua.start) }));
  candidates.sort((a, b) => (a.fact.level === b.fact.level ? 0 : a.fact.level === 'word' ? -1 : 1)
    || (a.span.end - a.span.start) - (b.span.end - b.span.start));
  return candidates[0];
}

function spanCovering(fact, position) {
  return fact.spans.find((s) => s.start <= position && position < s.end) || fact.spans[0];
}

ui.article.addEventListener('click', (event) => {
  if (event.target.closest('.removed-reason')) return;
  const mark = event.target.closest('mark.f');
  if (!mark || !state.view) return;
  const hit = factAt(mark);
  if (!hit) return;
  select(hit.i, { span: hit.fact.spans.indexOf(hit.span), scroll: false });
  showDetail(hit.i);
});

ui.showRemoved.addEventListener('change', () => {
  ui.article.classList.toggle('hide-removed', !ui.showRemoved.checked);
});

// ---------------------------------------------------------------- selection

/** Highlights the evidence of fact `index`: every span lit, one span "current" and
 * scrolled to. */
function select(index, { span = null, scroll = true, pageScroll = false } = {}) {
  const view = state.view;
  if (!view || !view.facts[index]) return;
  clearSelection();
  const fact = view.facts[index];
  if (fact.spans.length === 0) return;
  let which = span;
  if (which === null || which < 0) {
    which = state.selected === index ? ((state.cursor.get(index) ?? -1) + 1) % fact.spans.length : 0;
  }
  state.cursor.set(index, which);
  state.selected = index;
  const current = fact.spans[which];
  let first = null;
  for (const mark of view.marks[index]) {
    mark.classList.add('active');
    if (mark.thidua.start >= current.start && mark.thidua.end <= current.end) {
      mark.classList.add('current');
      first ??= mark;
    }
  }
  for (const row of ui.cards.querySelectorAll(`[data-fact="${index}"]`)) row.classList.add('selected');
  if (first && scroll) scrollToMark(first, pageScroll);
}

function clearSelection() {
  for (const node of ui.article.querySelectorAll('mark.active')) node.classList.remove('active', 'current');
  for (const node of ui.cards.querySelectorAll('.selected')) node.classList.remove('selected');
}

/** Scrolls the article pane to `mark`; with `pageScroll` the page too (phones). */
function scrollToMark(mark, pageScroll) {
  if (pageScroll) {
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return;
  }
  const pane = ui.article;
  const top = mark.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
  pane.scrollTo({ top: Math.max(0, top - pane.clientHeight / 3), behavior: 'smooth' });
}

function showDetail(index) {
  const fact = state.view.facts[index];
  ui.detailKind.textContent = fact.label;
  ui.detailText.textContent = fact.detail;
  ui.detailGo.dataset.fact = String(index);
  ui.detail.hidden = false;
}

ui.detailGo.addEventListener('click', () => {
  const row = ui.cards.querySelector(`[data-fact="${ui.detailGo.dataset.fact}"]`);
  if (!row) return;
  row.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const target = row.matches('button') ? row : row.querySelector('button') || row;
  target.focus({ preventScroll: true });
});

// Cards → article: hover or focus lights the evidence, click or Enter also scrolls the page.
ui.cards.addEventListener('click', (event) => {
  const row = event.target.closest('[data-fact]');
  if (row) select(Number(row.dataset.fact), { pageScroll: isNarrow() });
});
ui.cards.addEventListener('mouseover', (event) => {
  const row = event.target.closest('[data-fact]');
  if (row && Number(row.dataset.fact) !== state.selected) select(Number(row.dataset.fact));
});
ui.cards.addEventListener('focusin', (event) => {
  const row = event.target.closest('[data-fact]');
  if (row && Number(row.dataset.fact) !== state.selected) select(Number(row.dataset.fact));
});

const isNarrow = () => window.matchMedia('(max-width: 900px)').matches;

// ---------------------------------------------------------------- cards

function renderCards(summary, facts) {
  const factIndex = new Map(facts.map((f, i) => [f.key, i]));
  const ref = (key) => factIndex.get(key);
  const cards = [
    overviewCard(summary, ref),
    eventCard(summary.event, ref),
    sentencesCard(summary.summary, ref),
    peopleCard(summary.people, ref),
    figuresCard(summary.figures, ref),
    awardsCard(summary.awards, ref),
    documentsCard(summary.documents, ref),
    movementsCard(summary.movements, ref),
    clustersCard(summary.clusters, ref),
    entitiesCard(summary, ref),
    factBoxCard(),
    removedCard(summary.removed, ref),
    jsonCard(summary),
  ];
  ui.cards.replaceChildren(...cards.filter(Boolean));
}

function card(id, title, count, ...body) {
  const heading = h('h3', {}, title, count === null ? null : h('span', { class: 'count' }, String(count)));
  return h('section', { class: `card card-${id}`, id: `card-${id}`, 'aria-label': title }, heading, ...body);
}

/** A button that lights the evidence of fact `index`, labelled `label`. */
function factButton(index, label, extra = {}) {
  if (index === undefined) return h('span', extra, label);
  return h('button', { type: 'button', class: 'fact-link', 'data-fact': index, ...extra }, label);
}

/** Rows built at first; the rest wait behind a button (a huge paste has thousands). */
const SHOWN_AT_FIRST = 200;

/** A `tag` element listing `items` through `build(item, index)`, capped at SHOWN_AT_FIRST;
 * returns the element and, when capped, the "show more" button. */
function capped(tag, props, items, build) {
  const parent = h(tag, props, items.slice(0, SHOWN_AT_FIRST).map(build));
  if (items.length <= SHOWN_AT_FIRST) return [parent, null];
  const more = h('button', { type: 'button', class: 'action more' },
    `Hiện thêm ${formatNumber(items.length - SHOWN_AT_FIRST)} mục`);
  more.addEventListener('click', () => {
    append(parent, items.slice(SHOWN_AT_FIRST).map((item, i) => build(item, i + SHOWN_AT_FIRST)));
    more.remove();
  });
  return [parent, more];
}

function table(headers, items, build) {
  const [body, more] = capped('tbody', {}, items, build);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('thead', {}, h('tr', {}, headers.map((name) => h('th', { scope: 'col' }, name)))),
      body),
    more);
}

function overviewCard(summary, ref) {
  const meta = [summary.source, summary.published && `đăng ngày ${formatDate(summary.published)}`,
    summary.authors.length > 0 && `tác giả: ${summary.authors.join(', ')}`].filter(Boolean);
  const title = summary.title
    ? factButton(ref('title'), summary.title, { class: 'fact-link title' })
    : h('span', { class: 'title untitled' }, '(không nhận ra tiêu đề)');
  return h('section', { class: 'card card-overview', id: 'card-overview', 'aria-label': 'Tổng quan' },
    h('h3', { class: 'headline' }, title),
    meta.length > 0 ? h('p', { class: 'meta' }, meta.join(' · ')) : null,
    summary.lead ? h('p', { class: 'lead' }, summary.lead) : null,
    summary.warnings.length > 0
      ? h('ul', { class: 'warnings' }, summary.warnings.map((w) => h('li', { 'data-code': w.code }, `⚠ ${w.message}`)))
      : null);
}

function eventCard(event, ref) {
  const rows = [
    ['Loại', event.kind],
    ['Ngày', [formatDate(event.date), event.date_text && `(“${event.date_text}”)`].filter(Boolean).join(' ')],
    ['Buổi', event.part_of_day],
    ['Địa điểm', event.location],
    ['Kỳ đánh giá', event.period],
    ['Kế hoạch', event.plan_period],
    ['Tổ chức', event.organizer],
    ['Chủ trì', event.chaired_by.join(', ')],
    ['Tham dự', event.attended_by.join(', ')],
  ].filter(([, value]) => value);
  if (rows.length === 0 && !event.span) return null;
  return card('event', 'Sự kiện', null,
    h('dl', { class: 'facts' }, rows.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)])),
    event.span ? factButton(ref('event'), 'Xem câu gốc trong bài', { class: 'fact-link evidence' }) : null);
}

function sentencesCard(sentences, ref) {
  if (sentences.length === 0) return null;
  return card('sentences', 'Câu chính', sentences.length,
    h('ol', { class: 'sentences' }, sentences.map((s, i) => h('li', {}, factButton(ref(`summary:${i}`), s.text)))));
}

function peopleCard(people, ref) {
  if (people.length === 0) return null;
  const row = (p, i) => h('tr', { 'data-fact': ref(`person:${i}`) },
    h('td', {}, factButton(ref(`person:${i}`), p.name)),
    h('td', {}, p.roles.join('; ')),
    h('td', { class: 'num' }, String(p.mentions.length)));
  return card('people', 'Nhân vật', people.length, table(['Họ tên', 'Chức danh', 'Số lần nhắc'], people, row));
}

const APPROX_SIGN = { below: 'gần ', above: 'trên ', about: 'khoảng ' };
const STATUS_NAME = { result: 'kết quả', target: 'chỉ tiêu' };

/** A number as a reader writes it; đồng amounts in tỷ or triệu. */
function readableNumber(n, unit) {
  if (unit !== 'VND' || typeof n !== 'number') return formatNumber(n);
  const scales = [[1e9, 'tỷ'], [1e6, 'triệu']];
  const [size, word] = scales.find(([s]) => Math.abs(n) >= s) || [1, ''];
  return word ? `${formatNumber(n / size)} ${word}` : formatNumber(n);
}

/** The value as a reader writes it: "trên 1.200", "95–97", "3/5", "5.088 tỷ". */
function figureValue(f) {
  let value = f.kind === 'ratio' && f.numerator !== null && f.denominator !== null
    ? `${formatNumber(f.numerator)}/${formatNumber(f.denominator)}`
    : readableNumber(f.value, f.unit);
  if (f.upper !== null && f.upper !== undefined) value += `–${readableNumber(f.upper, f.unit)}`;
  return (APPROX_SIGN[f.approx] || '') + value;
}

/** The unit column: "VND/người/năm", "%", "tấn", with the counted noun. */
function figureUnit(f) {
  return [f.unit && `${f.unit}${f.per ? `/${f.per}` : ''}`, f.noun].filter(Boolean).join(' ');
}

/** Rows of the figures table as plain values, for TSV and CSV. */
function figureRecords(figures) {
  const header = ['Đối tượng', 'Chỉ số', 'Giá trị', 'Đơn vị', 'So sánh', 'Kết quả/Chỉ tiêu', 'Nguyên văn'];
  const rows = figures.map((f) => [f.subject, f.metric, f.value, figureUnit(f), f.comparison,
    STATUS_NAME[f.status] || f.status, f.text].map((v) => (v === null || v === undefined ? '' : String(v))));
  return [header, ...rows];
}

function toTsv(records) {
  return records.map((r) => r.map((v) => v.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n') + '\n';
}

function toCsv(records) {
  const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return '\uFEFF' + records.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function figuresCard(figures, ref) {
  if (figures.length === 0) return null;
  const row = (f, i) => h('tr', { 'data-fact': ref(`figure:${i}`) },
    h('td', {}, f.subject || ''),
    h('td', {}, f.metric || ''),
    h('td', { class: 'num' }, factButton(ref(`figure:${i}`), figureValue(f), { title: f.text })),
    h('td', {}, figureUnit(f)),
    h('td', {}, f.comparison || ''),
    h('td', {}, STATUS_NAME[f.status] || f.status || ''));
  const records = () => figureRecords(figures);
  return card('figures', 'Số liệu', figures.length,
    h('div', { class: 'actions' },
      actionButton('Sao chép (TSV)', () => copy(toTsv(records()), 'Đã sao chép bảng số liệu (dán được vào bảng tính).')),
      actionButton('Tải CSV', () => download(toCsv(records()), 'so-lieu.csv', 'text/csv;charset=utf-8'))),
    table(['Đối tượng', 'Chỉ số', 'Giá trị', 'Đơn vị', 'So sánh', 'Kết quả/Chỉ tiêu'], figures, row));
}

function awardsCard(awards, ref) {
  if (awards.length === 0) return null;
  const row = (a, i) => h('tr', { 'data-fact': ref(`award:${i}`), class: a.part_of === null ? null : 'part' },
    h('td', {}, factButton(ref(`award:${i}`), a.name || a.award)),
    h('td', {}, a.class || ''),
    h('td', { class: 'num' }, a.count === null ? '' : String(a.count)),
    h('td', {}, a.recipient || ''),
    h('td', {}, a.granted_by || ''),
    h('td', {}, [a.proposed && 'đề nghị', a.part_of !== null && `thuộc mục ${a.part_of + 1}`].filter(Boolean).join('; ')));
  return card('awards', 'Khen thưởng', awards.length,
    table(['Hình thức', 'Hạng', 'Số lượng', 'Đối tượng', 'Cấp khen', 'Ghi chú'], awards, row));
}

function documentsCard(documents, ref) {
  if (documents.length === 0) return null;
  return card('documents', 'Văn bản', documents.length,
    capped('ul', { class: 'list' }, documents, (d, i) => h('li', { 'data-fact': ref(`document:${i}`) },
      factButton(ref(`document:${i}`), d.text),
      h('span', { class: 'sub' }, [d.kind, d.number && `số ${d.number}`, d.issuer, d.date && `ngày ${formatDate(d.date)}`].filter(Boolean).join(' · ')))));
}

function movementsCard(movements, ref) {
  if (movements.length === 0) return null;
  return card('movements', 'Phong trào', movements.length,
    capped('ul', { class: 'list' }, movements, (m, i) => h('li', { 'data-fact': ref(`movement:${i}`) },
      factButton(ref(`movement:${i}`), `“${m.name}”`), h('span', { class: 'sub' }, m.kind))));
}

const CLUSTER_KIND = { handover: 'bàn giao cụm trưởng', pledge: 'ký giao ước thi đua' };

function clustersCard(clusters, ref) {
  if (clusters.length === 0) return null;
  return card('clusters', 'Cụm, khối thi đua', clusters.length,
    capped('ul', { class: 'list' }, clusters, (c, i) => h('li', { 'data-fact': ref(`cluster:${i}`) },
      factButton(ref(`cluster:${i}`), [CLUSTER_KIND[c.kind] || c.kind, c.cluster].filter(Boolean).join(': ')),
      h('span', { class: 'sub' }, [c.to && `cho ${c.to}`, c.period].filter(Boolean).join(' · ')))));
}

function entitiesCard(summary, ref) {
  const groups = [
    ['Tổ chức', summary.organizations, 'organization', (e) => e.name, (e) => e.kind],
    ['Địa danh', summary.places, 'place', (e) => e.name, (e) => e.kind],
    ['Viết tắt', summary.abbreviations, 'abbreviation', (a) => `${a.short} = ${a.long}`, () => ''],
  ].filter(([, items]) => items.length > 0);
  if (groups.length === 0) return null;
  return card('entities', 'Tổ chức, địa danh, viết tắt', null,
    groups.map(([title, items, key, label, kind]) => [
      h('h4', {}, title),
      capped('ul', { class: 'chips' }, items, (item, i) => h('li', {},
        factButton(ref(`${key}:${i}`), label(item), { title: kind(item) || null }))),
    ]));
}

function factBoxCard() {
  const preview = h('pre', { class: 'factbox-preview' });
  const details = h('details', {}, h('summary', {}, 'Xem trước (Markdown)'), preview);
  details.addEventListener('toggle', async () => {
    if (details.open) preview.textContent = await factBox('md');
  });
  return card('factbox', 'Hộp thông tin cho CMS', null,
    h('p', { class: 'hint' }, 'Tóm tắt ngắn để dán vào bài viết: sự kiện, số liệu chính, khen thưởng, nhân vật.'),
    h('div', { class: 'actions' },
      actionButton('Sao chép cho CMS', copyFactBox, { id: 'copy-factbox' }),
      actionButton('Sao chép Markdown', async () => copy(await factBox('md'), 'Đã sao chép hộp thông tin (Markdown).'))),
    details);
}

async function factBox(format) {
  const { result } = await compute('factbox', { text: state.text, format });
  return result;
}

async function copyFactBox() {
  const [html, markdown] = await Promise.all([factBox('html'), factBox('md')]);
  await copy(markdown, 'Đã sao chép hộp thông tin (HTML + văn bản).', html);
}

function removedCard(removed, ref) {
  if (removed.length === 0) return null;
  return card('removed', 'Phần bị lược bỏ', removed.length,
    h('details', {},
      h('summary', {}, `Xem ${removed.length} dòng không thuộc nội dung bài`),
      capped('ul', { class: 'list removed-list' }, removed, (r, i) => h('li', { 'data-fact': ref(`removed:${i}`) },
        factButton(ref(`removed:${i}`), r.text), h('span', { class: 'sub' }, reasonLabel(r.reason))))));
}

function jsonCard(summary) {
  const pre = h('pre', { class: 'json' });
  const details = h('details', {}, h('summary', {}, 'Xem JSON'), pre);
  const json = () => JSON.stringify(summary, null, 2);
  details.addEventListener('toggle', () => {
    if (details.open && !pre.firstChild) pre.textContent = json();
  });
  return card('json', 'Dữ liệu JSON', null,
    h('div', { class: 'actions' },
      actionButton('Sao chép JSON', () => copy(json(), 'Đã sao chép JSON.')),
      actionButton('Tải JSON', () => download(json(), 'thidua.json', 'application/json'))),
    details);
}

function actionButton(label, action, props = {}) {
  const button = h('button', { type: 'button', class: 'action', ...props }, label);
  button.addEventListener('click', action);
  return button;
}

// ---------------------------------------------------------------- clipboard, download

async function copy(text, done, html = null) {
  try {
    if (html !== null && window.ClipboardItem) {
      await navigator.clipboard.write([new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      })]);
    } else {
      await navigator.clipboard.writeText(text);
    }
  } catch {
    const area = h('textarea', { class: 'offscreen', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) return say('Trình duyệt không cho sao chép; hãy dùng nút tải về.');
  }
  say(done);
}

function download(content, name, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: name, class: 'offscreen' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  say(`Đã tải ${name}.`);
}

// ---------------------------------------------------------------- input wiring

/** The article being read: the text box, or a large paste held aside. */
function articleText() {
  return state.large ?? ui.input.value;
}

/** Holds a large paste aside; the box shows its beginning, read-only, with a note. */
function holdLarge(text) {
  state.large = text;
  ui.input.value = `${text.slice(0, LARGE_PREVIEW)}\n\n[…]`;
  ui.input.readOnly = true;
  ui.largeNote.hidden = false;
  ui.largeSize.textContent = formatNumber(text.length);
  schedule(0);
}

/** Back to the plain text box, holding `text`. */
function release(text) {
  state.large = null;
  ui.input.readOnly = false;
  ui.largeNote.hidden = true;
  ui.input.value = text;
}

function onBigTransfer(event, data) {
  const text = data?.getData('text/plain') ?? '';
  if (state.large === null && ui.input.value.length + text.length <= LARGE_PASTE) return;
  event.preventDefault();
  holdLarge(state.large === null ? spliceSelection(text) : text);
}

/** The box's text with its selection replaced by `text`, as a paste would make it. */
function spliceSelection(text) {
  const { value, selectionStart, selectionEnd } = ui.input;
  return value.slice(0, selectionStart) + text + value.slice(selectionEnd);
}

ui.input.addEventListener('paste', (event) => onBigTransfer(event, event.clipboardData));
ui.input.addEventListener('drop', (event) => onBigTransfer(event, event.dataTransfer));

ui.largeEdit.addEventListener('click', () => {
  release(state.large ?? ui.input.value);
  ui.input.focus();
});

ui.input.addEventListener('input', (event) => {
  const instant = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop'
    || event.inputType === 'deleteByCut' || ui.input.value === '';
  schedule(instant ? 0 : TYPING_DELAY_MS);
});

ui.example.addEventListener('change', () => {
  const chosen = ui.example.value;
  state.examples.then((examples) => {
    const text = examples.get(chosen);
    if (text === undefined || ui.example.value !== chosen) return;
    release(text);
    ui.input.scrollTop = 0;
    schedule(0);
  }, (error) => say(`Không tải được bài mẫu: ${error.message}`));
});

ui.clear.addEventListener('click', () => {
  release('');
  ui.example.value = '';
  schedule(0);
  ui.input.focus();
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    clearSelection();
    state.selected = -1;
    ui.detail.hidden = true;
  }
});

workerReady.then((workerMs) => {
  state.ready = true;
  performance.mark('thidua:ready', { detail: { workerMs } });
  document.documentElement.dataset.state = 'ready';
  say('Sẵn sàng. Dán một bài báo để bắt đầu.');
  if (articleText().trim() !== '') run();
}, (error) => {
  document.documentElement.dataset.state = 'failed';
  say(`Không tải được bộ phân tích: ${error.message}`);
});

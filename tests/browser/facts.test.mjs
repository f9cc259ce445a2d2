// The page's pure helpers (www/facts.js), without a browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkBreaks, collectFacts, reasonLabel, segmentArticle } from '../../www/facts.js';

const EMPTY = {
  title_span: null, title: null,
  event: { kind: null, date: null, date_text: null, location: null, period: null, span: null },
  summary: [], awards: [], clusters: [], people: [], organizations: [], places: [], abbreviations: [],
  figures: [], documents: [], movements: [], removed: [],
};

const text = 'Ông Nguyễn Văn A nhận 12 Bằng khen.\nĐọc thêm: tin khác';
const summary = {
  ...EMPTY,
  people: [{ name: 'Nguyễn Văn A', roles: [], mentions: [{ start: 4, end: 16 }] }],
  figures: [{ text: '12', metric: null, subject: null, comparison: null, status: null, span: { start: 22, end: 24 } }],
  awards: [{ name: 'Bằng khen', award: 'Bằng khen', recipient: null, count: 12, granted_by: null, proposed: false,
    span: { start: 0, end: 35 } }],
  removed: [{ text: 'Đọc thêm: tin khác', reason: 'closing-section marker', span: { start: 36, end: 54 } }],
};

test('facts carry their kind, level and evidence spans; facts without evidence are dropped', () => {
  const facts = collectFacts({ ...summary, movements: [{ name: 'x', kind: 'phong trào', span: null }] });
  assert.deepEqual(facts.map((f) => [f.key, f.level]), [
    ['award:0', 'sentence'], ['person:0', 'word'], ['figure:0', 'word'], ['removed:0', 'removed'],
  ]);
  assert.equal(facts[3].detail, 'dấu kết bài (Đọc thêm, Tin liên quan…)');
});

test('pieces tile the text exactly and carry every fact covering them', () => {
  const facts = collectFacts(summary);
  const pieces = [...segmentArticle(text, facts)];
  assert.equal(pieces.map((p) => text.slice(p.start, p.end)).join(''), text);
  for (let k = 1; k < pieces.length; k += 1) assert.equal(pieces[k].start, pieces[k - 1].end);
  const at = (position) => pieces.find((p) => p.start <= position && position < p.end);
  assert.deepEqual(at(5).facts.map((i) => facts[i].key).sort(), ['award:0', 'person:0']);
  assert.deepEqual(at(22).facts.map((i) => facts[i].key).sort(), ['award:0', 'figure:0']);
  assert.equal(facts[at(40).removed].key, 'removed:0');
  assert.deepEqual(at(40).facts, []);
  // Every fact's pieces spell its evidence.
  for (const [index, fact] of facts.entries()) {
    const own = pieces.filter((p) => p.facts.includes(index) || p.removed === index);
    assert.equal(own.map((p) => text.slice(p.start, p.end)).join(''), text.slice(fact.spans[0].start, fact.spans[0].end));
  }
});

test('spans outside the text are clipped, empty or reversed ones ignored', () => {
  const facts = collectFacts({ ...EMPTY, figures: [
    { text: 'a', span: { start: 50, end: 500 } },
    { text: 'b', span: { start: 7, end: 7 } },
    { text: 'c', span: { start: 9, end: 3 } },
  ] });
  const pieces = [...segmentArticle(text, facts)];
  assert.equal(pieces.map((p) => text.slice(p.start, p.end)).join(''), text);
  assert.deepEqual(pieces.filter((p) => p.facts.length > 0).map((p) => [p.start, p.end]), [[50, text.length]]);
  assert.deepEqual([...segmentArticle('', facts)], []);
});

test('long texts break into blocks after line breaks; breaks become piece boundaries', () => {
  const long = 'dòng một\n'.repeat(2000);
  const breaks = chunkBreaks(long, 4000);
  assert.ok(breaks.length >= 4);
  for (const b of breaks) assert.equal(long[b - 1], '\n');
  const starts = new Set([...segmentArticle(long, [], breaks)].map((p) => p.start));
  for (const b of breaks) assert.ok(starts.has(b));
  assert.deepEqual(chunkBreaks('ngắn'), []);
});

test('removal reasons read in Vietnamese; unknown ones stay as given', () => {
  assert.equal(reasonLabel('repeated headline'), 'tiêu đề lặp lại');
  assert.equal(reasonLabel('something new'), 'something new');
  assert.equal(reasonLabel('constructor'), 'constructor');
});

// The WebAssembly build is total: odd input never traps the module (a Rust panic would abort
// it and leave the instance unusable), and it stays fast on a large article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm } from './support.mjs';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces that stress each stage: numbers and separators, dates, Vietnamese with both tone
// placements and NFD, lookalikes, HTML, quotes, line breaks, astral and lone surrogates.
const PIECES = [
  '3.200', '8,3', '%', ' tỷ đồng', ' triệu', '/', '-', '29/12', '2022', 'ngày', 'Chiều ', 'hơn ', 'gần ',
  'Huân chương Lao động hạng Nhì', 'Bằng khen', 'Cụm thi đua số 1', 'UBND huyện Can Lộc ', 'Đặng Trần Phong',
  'hoà', 'hòa', 'uỷ', 'ủy', 'Ð', '\u00a0', '“', '”', '…', '–', 'Đọc thêm', '<p>', '</p>', '<script>', '&amp;',
  '\n', '\n\n', '\r\n', '\t', ' ', '.', ',', ':', '(', ')', '"', 'a\u0300', 'e\u0302\u0301', '😀', '\ud800', '\udc00',
  '\u0000', '\ufeff', 'Chỉ thị số 34-CT/TW', 'phong trào "Thi đua yêu nước"', 'KT-XH', '1/2', '25/30', '0,', ',5',
];

function randomText(next, length) {
  let text = '';
  for (let i = 0; i < length; i++) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

test('random pieces of articles never trap the module', async () => {
  const { extract, parse } = await wasm();
  const next = random(20261123);
  for (let i = 0; i < 300; i++) {
    const text = randomText(next, 1 + Math.floor(next() * 60));
    let summary;
    try {
      summary = extract(text, { referenceDate: '2023-01-10' });
      parse(text);
    } catch (error) {
      assert.fail(`input ${i} ${JSON.stringify(text)}: ${error}`);
    }
    for (const s of [summary.title_span, summary.lead_span, ...summary.body.map((p) => p.span)]) {
      if (s) assert.ok(s.start <= s.end && s.end <= text.length, `span ${JSON.stringify(s)} in ${text.length}`);
    }
  }
});

test('a 1 MB article is read by the WebAssembly build in well under 10 seconds', async (t) => {
  const { extract } = await wasm();
  const paragraph = 'Năm 2022, thu ngân sách đạt 3.200 tỷ đồng, tăng 8,3% so với cùng kỳ; UBND tỉnh tặng '
    + 'Bằng khen cho 25 tập thể và 40 cá nhân có thành tích xuất sắc trong phong trào thi đua.\n';
  const text = 'Tổng kết công tác thi đua năm 2022\n' + paragraph.repeat(Math.ceil((1 << 20) / paragraph.length));
  const started = performance.now();
  const summary = extract(text);
  const elapsed = performance.now() - started;
  assert.equal(summary.version, 1);
  assert.ok(elapsed < 10000, `${elapsed.toFixed(0)} ms`);
  t.diagnostic(`1 MB article: ${elapsed.toFixed(0)} ms in WebAssembly`);
});

// Every dev-set article: the CLI's summary matches the JSON Schema, its spans lie inside the
// input, and the WebAssembly build returns the same JSON as the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { devsetDir, devsetArticles, validators, assertValid, cli, wasm, spans, schema } from './support.mjs';

const dir = devsetDir();
const skip = dir ? false : 'no dev set beside the repository (../shared/devset)';

/** Summaries printed by one `thidua --jsonl` run over every article, keyed by file path. */
function cliSummaries(articles) {
  const lines = cli(['--jsonl', ...articles.map((a) => a.path)]).trim().split('\n');
  assert.equal(lines.length, articles.length, 'one JSON line per file');
  return new Map(lines.map((line) => JSON.parse(line)).map(({ file, summary }) => [file, summary]));
}

test('dev-set summaries: schema, spans, and WASM = CLI', { skip }, async (t) => {
  const articles = devsetArticles(dir);
  assert.ok(articles.length >= 10, `dev set has ${articles.length} articles`);
  const fromCli = cliSummaries(articles);
  const validate = validators()();
  const { extract } = await wasm();
  for (const article of articles) {
    await t.test(article.name, () => {
      const expected = fromCli.get(article.path);
      assertValid(validate, expected, `${article.name} (CLI)`);
      const length = article.text.length;
      for (const [path, span] of spans(expected)) {
        assert.ok(span.start <= span.end && span.end <= length, `${path} ${JSON.stringify(span)} in 0..${length}`);
      }
      // JSON round trip: compare parsed JSON, as the CLI prints it.
      const actual = JSON.parse(JSON.stringify(extract(article.text)));
      assert.deepStrictEqual(actual, expected);
    });
  }
});

test('the single-file CLI prints what --jsonl prints', { skip }, () => {
  const [first] = devsetArticles(dir);
  const single = JSON.parse(cli([first.path]));
  const pretty = JSON.parse(cli(['--pretty', first.path]));
  const [line] = cli(['--jsonl', first.path]).trim().split('\n');
  assert.deepStrictEqual(single, JSON.parse(line).summary);
  assert.deepStrictEqual(pretty, single);
});

test('a reference date reaches the WASM build as it reaches the CLI', async () => {
  const { extract } = await wasm();
  const text = 'Chiều 29/12, tại Hội trường UBND huyện, Cụm thi đua số 1 tổ chức hội nghị tổng kết công tác thi đua.';
  const expected = JSON.parse(cli(['--ref-date', '2022-12-30', '-'], { input: text }));
  const actual = JSON.parse(JSON.stringify(extract(text, { referenceDate: '2022-12-30' })));
  assert.deepStrictEqual(actual, expected);
});

test('parse(): the WASM build returns the values `thidua parse` prints', async () => {
  const { parse } = await wasm();
  const validate = validators()('ParsedValue');
  const samples = [
    'Thu ngân sách đạt gần 3.200 tỷ đồng, tăng 8,3% so với cùng kỳ.',
    '25/30 chỉ tiêu đạt và vượt kế hoạch; trên 1.500 hộ thoát nghèo.',
    'Sáng 15/1/2023 lúc 8 giờ 30, khoảng 49,22 triệu đồng/người/năm.',
  ];
  for (const text of samples) {
    const expected = JSON.parse(cli(['parse', '--ref-date', '2023-01-10', text])).values;
    assert.ok(expected.length > 0, `values found in ${text}`);
    const actual = JSON.parse(JSON.stringify(parse(text, { referenceDate: '2023-01-10' })));
    assert.deepStrictEqual(actual, expected);
    for (const value of actual) {
      assertValid(validate, value, `parse(${JSON.stringify(text)})`);
      assert.equal(text.slice(value.span.start, value.span.end), value.text, 'span gives the text as written');
    }
  }
});

test('the WASM build refuses bad input with an Error, like the CLI', async () => {
  const { extract } = await wasm();
  assert.throws(() => extract('x'.repeat(100), { maxInputBytes: 10 }), { name: 'Error', message: /over the limit/ });
  assert.throws(() => extract('x', { referenceDate: '2022-13-45' }), { name: 'Error', message: /referenceDate/ });
  assert.throws(() => extract('x', { refDate: '2022-01-01' }), { name: 'Error', message: /unknown option "refDate"/ });
  assert.throws(() => extract('x', 'not options'), { name: 'Error', message: /must be an object/ });
  // Nothing else is refused: empty text and garbage give a summary.
  for (const text of ['', '\u0000\uffff\ud800', '<p>HTML</p>'.repeat(50)]) {
    assert.equal(extract(text).version, 1);
  }
});

test('every option the schema (and so the .d.ts) declares is accepted by the WASM build', async () => {
  const { extract } = await wasm();
  const { properties } = schema().$defs.Options;
  const sample = (node) => (node.$ref ? '2022-12-30' : node.type === 'integer' ? 100000 : assert.fail(node));
  for (const [name, node] of Object.entries(properties)) {
    assert.equal(extract('Chiều 29/12, hội nghị.', { [name]: sample(node) }).version, 1, name);
  }
  const summary = extract('Câu một. Câu hai. Câu ba. Câu bốn. Câu năm.', { summarySentences: 1 });
  assert.ok(summary.summary.length <= 1, 'summarySentences limits the key sentences');
});

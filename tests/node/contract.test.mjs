// The contract's three views agree: the JSON Schema (source), the TypeScript types in the built
// thidua.d.ts and the tables and examples of docs/output.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, PKG, schema, validators, assertValid } from './support.mjs';

test('the .d.ts part and the docs tables are generated from the current schema', () => {
  execFileSync('node', [join(ROOT, 'scripts/gen-contract.mjs'), '--check'], { stdio: 'pipe' });
});

test('the schema compiles in strict mode and is strict itself', () => {
  const s = schema();
  const validator = validators();
  assert.ok(validator(), 'root schema compiles');
  for (const [name, def] of Object.entries(s.$defs)) {
    assert.ok(validator(name), `${name} compiles`);
    if (def.type === 'object' && name !== 'Options') {
      assert.equal(def.additionalProperties, false, `${name} forbids extra fields`);
      assert.deepEqual([...def.required].sort(), Object.keys(def.properties).sort(), `${name}: all required`);
    }
  }
});

test('the schema rejects what the contract forbids', () => {
  const validate = validators()('Figure');
  const figure = {
    kind: 'percent', value: 8.3, unit: '%', per: null, approx: null, upper: null, numerator: null,
    denominator: null, noun: null, subject: null, metric: null, comparison: null, status: null,
    text: '8,3%', span: { start: 0, end: 4 },
  };
  assert.ok(validate(figure));
  assert.ok(!validate({ ...figure, kind: 'percentage' }), 'unknown kind');
  assert.ok(!validate({ ...figure, approx: 'approximately' }), 'unknown approx');
  assert.ok(!validate({ ...figure, extra: 1 }), 'extra field');
  const { unit, ...missing } = figure;
  assert.ok(!validate(missing), 'missing field');
  assert.ok(!validate({ ...figure, span: { start: -1, end: 4 } }), 'negative span');
});

/** The fenced ```json blocks of docs/output.md, parsed. */
function docExamples() {
  const doc = readFileSync(join(ROOT, 'docs/output.md'), 'utf8');
  return [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
}

test('the examples in docs/output.md match the schema', () => {
  const [summary, parsed, ...rest] = docExamples();
  assert.equal(rest.length, 0, 'two examples expected: a Summary and a parse result');
  const validator = validators();
  assertValid(validator(), summary, 'the Summary example');
  for (const value of parsed.values) assertValid(validator('ParsedValue'), value, 'the parse example');
});

test('the built thidua.d.ts declares real types, not any', () => {
  const dts = readFileSync(join(PKG, 'thidua.d.ts'), 'utf8');
  assert.match(dts, /export function extract\(text: string, options\?: Options \| null\): Summary;/);
  assert.match(dts, /export function parse\(text: string, options\?: Options \| null\): ParsedValue\[\];/);
  for (const name of Object.keys(schema().$defs).concat('Summary')) {
    assert.match(dts, new RegExp(`export (interface|type) ${name}\\b`), `${name} is declared`);
  }
  const publicPart = dts.slice(0, dts.indexOf('export type InitInput'));
  assert.doesNotMatch(publicPart, /:\s*any\b/, 'no `any` in the public API');
});

// Shared helpers of the Node tests: where things are, and the compiled JSON Schema.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';

/** The repository root. */
export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** The release CLI (built by `cargo build --release`). */
export const CLI = join(ROOT, 'target/release/thidua');

/** The npm package folder built by scripts/build-wasm.sh. */
export const PKG = join(ROOT, 'pkg');

/**
 * The dev-set folder: $THIDUA_DEVSET, else ../shared/devset beside the repository.
 * Null when absent (only allowed outside CI).
 */
export function devsetDir() {
  const candidates = [process.env.THIDUA_DEVSET, join(ROOT, '../shared/devset')].filter(Boolean);
  const found = candidates.find((dir) => existsSync(dir));
  if (!found && process.env.CI) throw new Error(`no dev set in ${candidates.join(' or ')}`);
  return found ?? null;
}

/** The dev-set articles: [{name, path, text}]. */
export function devsetArticles(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { name, path, text: readFileSync(path, 'utf8') };
    });
}

/** The schema, parsed. */
export function schema() {
  return JSON.parse(readFileSync(join(ROOT, 'schema/summary.schema.json'), 'utf8'));
}

/** A strict Ajv instance holding the schema; `validator(ref)` compiles `#/$defs/<ref>` or the root. */
export function validators() {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  const root = schema();
  ajv.addSchema(root);
  return (ref) => ajv.getSchema(ref ? `${root.$id}#/$defs/${ref}` : root.$id);
}

/** Throws with Ajv's errors when `validate(value)` fails. */
export function assertValid(validate, value, what) {
  if (!validate(value)) {
    const errors = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    throw new Error(`${what} does not match the schema:\n  ${errors.slice(0, 10).join('\n  ')}`);
  }
}

/** Runs the CLI and returns stdout; throws on a non-zero exit. */
export function cli(args, options = {}) {
  return execFileSync(CLI, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
}

/** The WebAssembly build, loaded through the package's Node entry. */
export async function wasm() {
  return import(join(PKG, 'node.js'));
}

/** Every {start, end} object inside `value`, with its JSON path. */
export function* spans(value, path = '') {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* spans(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 2 && 'start' in value && 'end' in value) {
      yield [path, value];
      return;
    }
    for (const k of keys) yield* spans(value[k], `${path}.${k}`);
  }
}

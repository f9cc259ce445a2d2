// Turns wasm-pack's output folder into the npm package "thidua".
//
// wasm-pack writes a package.json without `exports`; this script rewrites it (name, version and
// license from Cargo.toml), adds a Node entry that loads the module synchronously, copies the
// README, LICENSE, JSON Schema and the optional custom element, and checks every listed file exists.
//
// Usage: node scripts/package-npm.mjs pkg
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2] ?? 'pkg';

/** Reads `key = "value"` from the [package] table of Cargo.toml. */
function cargoField(key) {
  const toml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const table = toml.split(/^\[/m).find((t) => t.startsWith('package]')) ?? '';
  const match = table.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'));
  if (!match) throw new Error(`Cargo.toml: no ${key} in [package]`);
  return match[1];
}

// Plain Node has no fetch of file URLs: it gets the bytes from disk and instantiates at import.
const NODE_ENTRY = `// Node entry: the module is compiled synchronously at import, so no init() is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './thidua.js';

initSync({ module: readFileSync(new URL('./thidua_bg.wasm', import.meta.url)) });

export * from './thidua.js';
export { default } from './thidua.js';
`;

/**
 * Extra files copied from the repository when they exist: [source, name in the package].
 * Page modules import the module as './pkg/thidua.js' (www/ layout); in the package it sits
 * beside them, so './pkg/' becomes './'.
 */
const EXTRAS = [
  ['README.md', 'README.md'],
  ['LICENSE', 'LICENSE'],
  ['schema/summary.schema.json', 'summary.schema.json'],
  ['www/thidua-summary.js', 'thidua-summary.js'],
];

// Types of the custom element, written when the element is packaged.
const ELEMENT_TYPES = `// <thidua-summary for="ID" reference-date="YYYY-MM-DD">: the summary card of a CMS field.
import type { Summary } from './thidua.js';

/** The card element; it renders the summary of the field named by its \`for\` attribute. */
export declare class ThiduaSummary extends HTMLElement {
  static observedAttributes: string[];
}

declare global {
  interface HTMLElementTagNameMap {
    'thidua-summary': ThiduaSummary;
  }
  interface HTMLElementEventMap {
    /** Fired (bubbling, composed) with the new Summary each time the card updates. */
    'thidua:summary': CustomEvent<Summary>;
  }
}
`;

const files = ['thidua.js', 'thidua.d.ts', 'thidua_bg.wasm', 'thidua_bg.wasm.d.ts', 'node.js'];
writeFileSync(join(out, 'node.js'), NODE_ENTRY);
for (const [source, name] of EXTRAS) {
  if (existsSync(join(root, source))) {
    let content = readFileSync(join(root, source));
    if (name.endsWith('.js')) content = content.toString('utf8').replaceAll("'./pkg/", "'./");
    writeFileSync(join(out, name), content);
    files.push(name);
  }
}

if (files.includes('thidua-summary.js')) {
  writeFileSync(join(out, 'thidua-summary.d.ts'), ELEMENT_TYPES);
  files.push('thidua-summary.d.ts');
}

const exports = {
  '.': {
    types: './thidua.d.ts',
    node: './node.js',
    default: './thidua.js',
  },
  './web': { types: './thidua.d.ts', default: './thidua.js' },
  './thidua_bg.wasm': './thidua_bg.wasm',
  './package.json': './package.json',
};
if (files.includes('summary.schema.json')) exports['./summary.schema.json'] = './summary.schema.json';
if (files.includes('thidua-summary.js')) {
  exports['./thidua-summary'] = { types: './thidua-summary.d.ts', default: './thidua-summary.js' };
}

const manifest = {
  name: 'thidua',
  version: cargoField('version'),
  description: cargoField('description'),
  license: cargoField('license'),
  repository: { type: 'git', url: cargoField('repository') },
  keywords: ['vietnamese', 'nlp', 'webassembly', 'thi đua', 'khen thưởng', 'news'],
  type: 'module',
  main: './thidua.js',
  module: './thidua.js',
  types: './thidua.d.ts',
  exports,
  files,
  sideEffects: ['./node.js', './thidua-summary.js'],
  engines: { node: '>=18' },
};
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

for (const file of files) {
  if (!existsSync(join(out, file))) throw new Error(`${out}/${file} is listed but missing`);
}
console.error(`[package-npm] ${out}/package.json: thidua@${manifest.version}, ${files.length} files`);

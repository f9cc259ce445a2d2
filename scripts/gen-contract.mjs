// One source for the output contract: schema/summary.schema.json.
// From it this script writes
//   www/thidua.d.ts.part   the TypeScript types wasm-bindgen puts into thidua.d.ts
//   docs/output.md         the field tables, between the GENERATED markers
// Usage: node scripts/gen-contract.mjs          rewrite both files
//        node scripts/gen-contract.mjs --check  exit 1 when either file is stale
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const SCHEMA = new URL('schema/summary.schema.json', root);
const DTS = new URL('www/thidua.d.ts.part', root);
const DOC = new URL('docs/output.md', root);
const BEGIN = '<!-- BEGIN GENERATED FIELDS (scripts/gen-contract.mjs) -->';
const END = '<!-- END GENERATED FIELDS -->';

/** The name a `$ref` points to. */
export function refName(ref) {
  return ref.replace('#/$defs/', '');
}

/** The TypeScript type of a schema node. */
export function tsType(node) {
  if (node.$ref) return refName(node.$ref);
  if ('const' in node) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (node.anyOf) return node.anyOf.map(tsType).join(' | ');
  const types = [].concat(node.type ?? []);
  return types
    .map((t) => {
      if (t === 'integer' || t === 'number') return 'number';
      if (t === 'array') {
        const item = tsType(node.items);
        return /[ |]/.test(item) ? `(${item})[]` : `${item}[]`;
      }
      if (t === 'object') return 'Record<string, unknown>';
      return t;
    })
    .join(' | ');
}

/** A JSDoc comment, indented. */
function jsdoc(text, indent = '') {
  if (!text) return '';
  return `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n`;
}

/** One `export interface` or `export type` declaration. */
function declaration(name, node) {
  let out = jsdoc(node.description);
  if (node.type === 'object' && node.properties) {
    const required = new Set(node.required ?? []);
    out += `export interface ${name} {\n`;
    for (const [key, prop] of Object.entries(node.properties)) {
      out += jsdoc(prop.description ?? '', '  ');
      out += `  ${key}${required.has(key) ? '' : '?'}: ${tsType(prop)};\n`;
    }
    return out + '}\n';
  }
  return out + `export type ${name} = ${tsType(node)};\n`;
}

/** The whole .d.ts part: the root Summary, then every definition. */
export function typescript(schema) {
  const parts = [declaration(schema.title, schema)];
  for (const [name, node] of Object.entries(schema.$defs)) parts.push(declaration(name, node));
  return `// Generated from schema/summary.schema.json by scripts/gen-contract.mjs: do not edit.\n\n${parts.join('\n')}`;
}

/** A Markdown table cell: pipes escaped, new lines folded. */
function cell(text) {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A human-readable type for the docs. */
function docType(node) {
  return '`' + tsType(node).replace(/\|/g, '\\|') + '`';
}

/** Field tables for the root object and every object definition. */
export function fieldTables(schema) {
  const sections = [];
  const objects = [[schema.title, schema], ...Object.entries(schema.$defs)];
  for (const [name, node] of objects) {
    sections.push(`### ${name}\n\n${node.description ?? ''}\n`);
    if (node.type === 'object' && node.properties) {
      const required = new Set(node.required ?? []);
      const rows = Object.entries(node.properties).map(([key, prop]) => {
        const description = prop.description ?? (prop.$ref ? schema.$defs[refName(prop.$ref)]?.description : '');
        return `| \`${key}\` | ${docType(prop)}${required.has(key) ? '' : ' (optional)'} | ${cell(description)} |`;
      });
      sections.push(`| field | type | meaning |\n|---|---|---|\n${rows.join('\n')}\n`);
    } else {
      sections.push(`Type: ${docType(node)}${node.pattern ? `, pattern \`${node.pattern}\`` : ''}\n`);
    }
  }
  return sections.join('\n');
}

/** docs/output.md with its generated section replaced. */
export function documentation(schema, current) {
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/output.md needs the markers ${BEGIN} ... ${END}`);
  return `${current.slice(0, start + BEGIN.length)}\n\n${fieldTables(schema)}\n${current.slice(end)}`;
}

function main() {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8'));
  const wanted = [
    [DTS, typescript(schema)],
    [DOC, documentation(schema, readFileSync(DOC, 'utf8'))],
  ];
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of wanted) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current === text) continue;
    if (check) {
      console.error(`${file.pathname} is stale: run node scripts/gen-contract.mjs`);
      stale++;
    } else {
      writeFileSync(file, text);
      console.error(`wrote ${file.pathname}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) main();

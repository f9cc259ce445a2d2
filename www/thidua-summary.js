// <thidua-summary for="article-body">: a summary card for a CMS editor.
//
// Reads the textarea, input or element whose id is in `for`, renders the summary card in
// its shadow DOM, re-renders on input (debounced), and fires a `thidua:summary`
// CustomEvent (bubbles, composed) whose `detail` is the Summary object.
//
// A plain ES module over the WASM package (wasm-bindgen cannot subclass HTMLElement).
// Works under a strict CSP: no inline style (a constructed stylesheet), text only ever
// inserted as text. Optional attributes: `reference-date="YYYY-MM-DD"`, `delay` (ms).

import init, { extract } from './pkg/thidua.js';

const DEFAULT_DELAY_MS = 300;
let loading = null;

/** Instantiates the WASM module once for every element on the page. */
function load() {
  loading ??= init({ module_or_path: new URL('./pkg/thidua_bg.wasm', import.meta.url) });
  return loading;
}

const STYLE = `
:host { display: block; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1b16; }
.card { border: 1px solid #e2ddd2; border-top: 4px solid #b3261e; border-radius: 10px; padding: .75rem 1rem; background: #fff; }
h3 { margin: 0 0 .4rem; font-size: 1.05rem; }
h4 { margin: .6rem 0 .2rem; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: #6b665c; }
p, ul { margin: 0; }
ul { padding-left: 1.1rem; }
.event { color: #1a5fb4; font-weight: 600; }
.muted { color: #6b665c; }
.warn { color: #8a4b00; }
`;

function sheet() {
  if (typeof CSSStyleSheet !== 'function' || !('replaceSync' in CSSStyleSheet.prototype)) return null;
  const css = new CSSStyleSheet();
  css.replaceSync(STYLE);
  return css;
}

/** Creates an element holding `children` (strings become text nodes). */
function h(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const present = (...parts) => parts.filter((p) => p !== null && p !== undefined && p !== '');

function formatDate(iso) {
  const parts = String(iso).split('-');
  return parts.every((p) => /^\d+$/.test(p)) ? parts.reverse().join('/') : String(iso);
}

/** "Thu ngân sách: 1.200 tỷ đồng · Can Lộc": indicator, figure as written, subject. */
function figureLine(f) {
  const value = f.metric ? `${f.metric}: ${f.text}` : f.text;
  const subject = f.subject && !value.toLowerCase().includes(f.subject.toLowerCase()) ? f.subject : null;
  return present(value, subject, f.comparison).join(' · ');
}

/** The card's sections as nodes. */
function card(summary) {
  const e = summary.event;
  const eventLine = present(e.kind, e.date ? formatDate(e.date) : e.date_text, e.location && `tại ${e.location}`, e.period).join(' · ');
  const list = (title, items) => (items.length === 0 ? null : [h('h4', '', title), h('ul', '', items.map((t) => h('li', '', t)))]);
  return h('div', 'card',
    h('h3', '', summary.title || 'Tóm tắt bài viết'),
    eventLine ? h('p', 'event', eventLine) : null,
    list('Nhân vật', summary.people.slice(0, 8).map((p) => present(p.name, p.roles.join(', ')).join(' — '))),
    list('Số liệu', summary.figures.slice(0, 6).map(figureLine)),
    list('Khen thưởng', summary.awards.filter((a) => a.part_of === null).slice(0, 6)
      .map((a) => present(a.name || a.award, a.recipient).join(' — '))),
    list('Câu chính', summary.summary.map((s) => s.text)),
    summary.warnings.length > 0 ? h('p', 'warn', summary.warnings.map((w) => w.message).join(' · ')) : null);
}

export class ThiduaSummary extends HTMLElement {
  static observedAttributes = ['for', 'reference-date'];

  #source = null;
  #timer = 0;
  #observer = null;
  #onInput = () => this.#schedule();

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const css = sheet();
    if (css) root.adoptedStyleSheets = [css];
    root.append(h('p', 'muted', 'Đang tải…'));
  }

  connectedCallback() {
    this.#bind();
  }

  disconnectedCallback() {
    this.#unbind();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#bind();
  }

  /** The current summary, or null before the first render. */
  summary = null;

  /** Reads the source now and renders (returns the Summary). */
  async refresh() {
    await load();
    const text = this.#text();
    const options = this.getAttribute('reference-date') ? { referenceDate: this.getAttribute('reference-date') } : undefined;
    let summary;
    try {
      summary = extract(text, options);
    } catch (error) {
      this.shadowRoot.replaceChildren(h('p', 'warn', String(error.message || error)));
      return null;
    }
    this.summary = summary;
    this.shadowRoot.replaceChildren(text.trim() === '' ? h('p', 'muted', 'Chưa có nội dung.') : card(summary));
    this.dispatchEvent(new CustomEvent('thidua:summary', { detail: summary, bubbles: true, composed: true }));
    return summary;
  }

  #text() {
    const source = this.#source;
    if (!source) return '';
    return 'value' in source && typeof source.value === 'string' ? source.value : source.textContent || '';
  }

  #bind() {
    this.#unbind();
    const id = this.getAttribute('for');
    this.#source = id ? document.getElementById(id) : null;
    if (!this.#source && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.isConnected && this.#bind(), { once: true });
      return;
    }
    if (!this.#source) {
      this.shadowRoot.replaceChildren(h('p', 'warn', `thidua-summary: không thấy phần tử id="${id || ''}"`));
      return;
    }
    this.#source.addEventListener('input', this.#onInput);
    if (!('value' in this.#source)) {
      this.#observer = new MutationObserver(this.#onInput);
      this.#observer.observe(this.#source, { childList: true, characterData: true, subtree: true });
    }
    this.refresh();
  }

  #unbind() {
    clearTimeout(this.#timer);
    this.#source?.removeEventListener('input', this.#onInput);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#source = null;
  }

  #schedule() {
    clearTimeout(this.#timer);
    const delay = Number(this.getAttribute('delay'));
    this.#timer = setTimeout(() => this.refresh(), Number.isFinite(delay) && delay >= 0 && this.hasAttribute('delay') ? delay : DEFAULT_DELAY_MS);
  }
}

if (!customElements.get('thidua-summary')) customElements.define('thidua-summary', ThiduaSummary);

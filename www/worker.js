// The extraction worker: loads the WASM module once, then answers requests so that a
// large paste never blocks the page.
//
// Requests:  {type: "module", module}  first: the compiled WebAssembly.Module
//            {id, type: "extract", text, options}
//            {id, type: "factbox", text, options, format: "html" | "md"}
// Replies:   {type: "ready", ms}  once, when the module is instantiated
//            {id, ok: true, result, ms} or {id, ok: false, error}

import init, { extract, renderFactBox } from './pkg/thidua.js';

const started = performance.now();

const handlers = {
  extract: (request) => extract(request.text, request.options),
  factbox: (request) => renderFactBox(request.text, request.options, request.format),
};

function answer(request) {
  const handler = handlers[request.type];
  if (!handler) {
    return { id: request.id, ok: false, error: `unknown request ${request.type}` };
  }
  try {
    const t0 = performance.now();
    const result = handler(request);
    return { id: request.id, ok: true, result, ms: performance.now() - t0 };
  } catch (error) {
    return { id: request.id, ok: false, error: String(error && error.message ? error.message : error) };
  }
}

// The page compiles the module while this worker starts and posts it as the first message.
let start;
const loaded = new Promise((resolve) => {
  start = resolve;
}).then((module) => init({ module_or_path: module })).then(
  () => {
    // Warm up: the first call compiles the patterns; do it before saying "ready".
    extract('Sáng 1/1/2024, UBND tỉnh tổ chức hội nghị tổng kết công tác thi đua.');
    self.postMessage({ type: 'ready', ms: performance.now() - started, at: performance.now() });
  },
  (error) => self.postMessage({ type: 'failed', error: String(error) }),
);

self.onmessage = async (event) => {
  if (event.data.type === 'module') {
    start(event.data.module);
    return;
  }
  await loaded;
  self.postMessage(answer(event.data));
};

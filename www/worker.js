// The extraction worker: loads the WASM module once, then answers requests so that a
// large paste never blocks the page.
//
// Requests:  {type: "module", module}  first: the compiled WebAssembly.Module
//            {id, type: "extract", text, options}
//            {id, type: "factbox", text, options, format: "html" | "md"}
// Replies:   {type: "ready", ms}  once, as soon as the module is instantiated
//            {type: "warm", ms}   once, when the warm-up call (right after "ready") is done
//            {id, ok: true, result, ms} or {id, ok: false, error}
// The first call of a module builds its lexicon automata and compiles its patterns (a
// hundred milliseconds or more): the worker makes it itself right after "ready", so that the
// page is ready without waiting for it; a request that arrives meanwhile waits its turn.

import init, { extract, renderFactBox } from './pkg/thidua.js';

const started = performance.now();
const WARM_UP = 'Sáng 1/1/2024, UBND tỉnh tổ chức hội nghị tổng kết công tác thi đua.';

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

/** Makes the first call, which builds what every later call reuses. */
function warmUp() {
  const t0 = performance.now();
  extract(WARM_UP);
  self.postMessage({ type: 'warm', ms: performance.now() - t0 });
}

// The page compiles the module while this worker starts and posts it as the first message.
let start;
const loaded = new Promise((resolve) => {
  start = resolve;
}).then((module) => init({ module_or_path: module })).then(
  () => {
    self.postMessage({ type: 'ready', ms: performance.now() - started });
    warmUp();
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

// Starts the extraction worker and compiles the WASM module while the page is still being
// parsed (a classic script in <head>), then hands both to app.js through `thiduaBoot`.
// Messages the worker sends before app.js takes over are kept in `thiduaBoot.early`.
'use strict';
(() => {
  const wasm = new URL('pkg/thidua_bg.wasm', document.baseURI);
  const compiled = WebAssembly.compileStreaming(fetch(wasm))
    .catch(() => fetch(wasm).then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)));
  const worker = new Worker(new URL('worker.js', document.baseURI), { type: 'module' });
  const early = [];
  worker.onmessage = (event) => early.push(event);
  compiled.then((module) => {
    performance.mark('thidua:compiled');
    worker.postMessage({ type: 'module', module });
  }, (error) => early.push({ data: { type: 'failed', error: String(error) } }));
  window.thiduaBoot = { worker, compiled, early };
})();

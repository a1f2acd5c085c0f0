// Preloaded (NODE_OPTIONS --require) into the processes code-server starts; active only in fengong's
// language server (dist/server.cjs, which VS Code runs over IPC): every message in and out, with
// the ms since the server started, and any stall of its event loop over 60 ms, appended to
// $FENGONG_E2E_TRACE. The e2e prints the lines about a hover when the pointer's hover does not show,
// so a run that fails says whether VS Code asked, cancelled, or got its answer late.
'use strict';
if (/[\\/]fengong[^\\/]*[\\/]dist[\\/]server\.cjs$/.test(process.argv[1] || '') && process.env.FENGONG_E2E_TRACE && process.send) {
  const fs = require('fs');
  const file = process.env.FENGONG_E2E_TRACE;
  const t0 = Date.now();
  const write = (line) => { try { fs.appendFileSync(file, `${String(Date.now() - t0).padStart(7)} ${line}\n`); } catch { /* the run's folder is gone */ } };
  const show = (m) => {
    if (!m || typeof m !== 'object') return JSON.stringify(m);
    const what = m.method ? `${m.method}${m.id !== undefined ? ` #${m.id}` : ''}` : `answer #${m.id}`;
    const params = m.method === 'textDocument/hover' ? ` at ${JSON.stringify(m.params.position)}` : m.method === '$/cancelRequest' ? ` of #${m.params.id}` : '';
    const result = m.method ? '' : m.error ? ` error ${JSON.stringify(m.error).slice(0, 100)}` : ` ${JSON.stringify(m.result ?? null).slice(0, 100)}`;
    return what + params + result;
  };
  process.on('message', (m) => write(`<- ${show(m)}`));
  const send = process.send.bind(process);
  process.send = (m, ...rest) => { write(`-> ${show(m)}`); return send(m, ...rest); };
  let last = Date.now();
  setInterval(() => { const now = Date.now(); if (now - last > 80) write(`.. event loop stalled ${now - last - 20} ms`); last = now; }, 20).unref();
}

// Entry of dist/server.cjs, the module the VS Code client starts (over IPC) and other editors can
// run with `node dist/server.cjs --stdio` — the same server as `fengong lsp --stdio`.
import { startServer } from './server.js';

startServer();

// `npm run web`: serves dist/fengong.html on localhost and prints the address. Any static web
// server does the same (the page is one file); this one only saves looking for one.
// usage: node web/serve.mjs [--port N]   (default: a free port; FENGONG_WEB_PORT too)
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const PAGE = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'fengong.html');
if (!existsSync(PAGE)) {
  console.error('fengong：没有 dist/fengong.html，请先运行 npm run build。 (dist/fengong.html is missing: run npm run build first.)');
  process.exit(2);
}
const at = process.argv.indexOf('--port');
const port = Number(at > 0 ? process.argv[at + 1] : process.env.FENGONG_WEB_PORT ?? 0);
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
  if (path !== '/' && path !== '/fengong.html') return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404\n');
  // read at every request: a rebuild shows at the next reload
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : readFileSync(PAGE));
});
server.listen(port, '127.0.0.1', () => {
  const { port: p } = server.address();
  console.log(`fengong 网页版：http://127.0.0.1:${p}/ （Ctrl+C 停止） · web page: http://127.0.0.1:${p}/ (Ctrl+C stops)`);
});

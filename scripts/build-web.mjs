// Builds dist/fengong.html: the web page (web/) as one self-contained file that works from file://
// and from any static server, fetching nothing. It bundles the same engine, rules, language-server
// features and table writers the CLI and the server run (no second copy of any of them):
// - the page's script: web/src/main.ts for the browser. The LSP layer's few values (SymbolKind, …)
//   come from vscode-languageserver-types, the protocol types' own package, not the node server;
//   Buffer (decodeBuffer, encodeText, iconv-lite) from the `buffer` package.
// - docx and exceljs, which only the Word and Excel exports need (four fifths of the code), gzipped
//   in a data block, unpacked on the first such export (web/src/office-libs.ts).
// Node built-ins are reachable only from the io modules' file-reading functions (readWordFile,
// readPlanFile, the atomic writer), which the page never calls: they resolve to a module that throws
// when used, and the build fails if a module outside server/src/io imports one, so the engine, the
// table and the LSP layer stay pure.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Where a node built-in may be imported: the io layer's file readers and writers (readPlanFile,
 *  readWordFile, the atomic writer; the page calls only their pure neighbours decodeBuffer, encodeText,
 *  extractDocx) and libraries' optional node paths (iconv-lite's streams). Anywhere else, in the engine,
 *  the table, the LSP layer, the catalogue or the page, it fails the build. */
const MAY_IMPORT_NODE = /^(server\/src\/io\/|node_modules\/)/;
/** iconv-lite tables of encodings a plan file is never read in (decodeBuffer: UTF-8, UTF-16, GB18030) */
const UNUSED_TABLES = /iconv-lite\/encodings\/(tables\/(shiftjis|eucjp|cp949|cp950|big5-added)\.json|sbcs-data-generated\.js)$/;

/** What a node built-in is in the page: any property of it (fs.promises.open…) exists, so modules
 *  that keep one at load time still load; calling anything throws. */
const NODE_ONLY_STUB = `
const fail = () => { throw new Error('fengong: this needs Node.js and is not available in the web page'); };
const deep = new Proxy(function () {}, { get: (_, k) => (k === 'then' || typeof k === 'symbol' ? undefined : deep), apply: fail, construct: fail });
module.exports = new Proxy({}, { get: (_, k) => (k === '__esModule' || k === 'then' || typeof k === 'symbol' ? undefined : deep), getPrototypeOf: () => deep });
`;

function browserOnly(root) {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  builtins.delete('buffer'); // the `buffer` package stands in for it
  return {
    name: 'fengong-browser',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (a) => {
        if (builtins.has(a.path) || a.path === 'word-extractor') {
          const from = a.importer.replace(root + '/', '');
          if (!MAY_IMPORT_NODE.test(from) && a.path !== 'word-extractor') {
            return { errors: [{ text: `${from} imports ${a.path}: the page cannot run it. Keep node-only code out of the modules the page bundles (split the pure part out).` }] };
          }
          return { path: a.path, namespace: 'node-only' };
        }
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'node-only' }, () => ({ contents: NODE_ONLY_STUB, loader: 'js' }));
      b.onLoad({ filter: UNUSED_TABLES }, (a) => ({ contents: a.path.endsWith('.json') ? '[]' : 'module.exports = {};', loader: a.path.endsWith('.json') ? 'json' : 'js' }));
    },
  };
}

/** In the page's own bundle, docx and exceljs are the unpacked office libraries (office-libs.ts). */
const officeGlobals = {
  name: 'fengong-office-globals',
  setup(b) {
    b.onResolve({ filter: /^(docx|exceljs)$/ }, (a) => ({ path: a.path, namespace: 'office' }));
    b.onLoad({ filter: /.*/, namespace: 'office' }, (a) => ({ contents: `module.exports = globalThis.__fengongOffice[${JSON.stringify(a.path)}];`, loader: 'js' }));
  },
};

const common = (root, version) => ({
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'iife',
  target: ['chrome93', 'firefox92', 'safari16.4'], // Object.hasOwn; lookbehind in regular expressions (Safari)
  minify: !process.env.FENGONG_WEB_DEV,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  alias: { 'vscode-languageserver/node': 'vscode-languageserver-types' },
  loader: { '.txt': 'text' }, // the example plan (web/src/main.ts)
  inject: ['web/src/buffer-global.ts'],
  // import.meta.url: only unbundled code reads it (io/encoding.ts's fallback when there is no require)
  define: { FENGONG_VERSION: JSON.stringify(version), 'process.env.NODE_ENV': '"production"', global: 'globalThis', 'import.meta.url': '""' },
  metafile: true,
});

/** A script's text made safe inside <script>…</script>. */
const inScript = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

export async function buildWeb(root = process.cwd(), version = '0.0.0') {
  const page = await build({ ...common(root, version), entryPoints: ['web/src/main.ts'], plugins: [browserOnly(root), officeGlobals] });
  const office = await build({ ...common(root, version), entryPoints: ['web/src/office-entry.ts'], plugins: [browserOnly(root)] });
  const script = page.outputFiles[0].text;
  const officeJs = office.outputFiles[0].contents;
  const packed = gzipSync(officeJs, { level: 9 }).toString('base64').replace(/.{1,120}/g, '$&\n');
  const template = readFileSync(`${root}/web/page.html`, 'utf8');
  const css = readFileSync(`${root}/web/page.css`, 'utf8');
  const html = template
    .replace('{{VERSION}}', () => version)
    .replace('{{STYLE}}', () => css)
    .replace('{{OFFICE}}', () => packed)
    .replace('{{SCRIPT}}', () => inScript(script));
  const out = `${root}/dist/fengong.html`;
  if (!existsSync(out) || readFileSync(out, 'utf8') !== html) {
    writeFileSync(`${out}.${process.pid}.tmp`, html);
    renameSync(`${out}.${process.pid}.tmp`, out);
  }
  return { file: out, bytes: Buffer.byteLength(html), script: script.length, office: officeJs.length, packed: packed.length, metafile: page.metafile };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await buildWeb(process.cwd(), JSON.parse(readFileSync('package.json', 'utf8')).version);
  console.log(`${r.file}: ${(r.bytes / 1024).toFixed(0)} KB (page script ${(r.script / 1024).toFixed(0)} KB, office libraries ${(r.office / 1024).toFixed(0)} KB gzipped to ${(r.packed / 1024).toFixed(0)} KB base64)`);
}

// Bundles every entry point to CommonJS with esbuild: Chevrotain 11 is ESM-only, VS Code's extension
// host loads CommonJS, and one bundled file starts ~0.3 s faster than node_modules resolution.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const entries = [
  // exceljs stays a runtime dependency of the CLI: bundled, it costs ~40 ms at every start
  { in: 'server/src/cli/main.ts', out: 'dist/cli.cjs', external: ['exceljs'] }, // `fengong` (check, table, lsp)
  { in: 'server/src/lsp/main.ts', out: 'dist/server.cjs' }, // the language server the VS Code client starts
  { in: 'server/src/engine/index.ts', out: 'dist/engine.cjs' }, // the engine as a library (bench, tests)
  { in: 'client/src/extension.ts', out: 'dist/client.cjs', external: ['vscode'] },
];
const watch = process.argv.includes('--watch');
await Promise.all(entries.filter((e) => existsSync(e.in)).map((e) => build({
  entryPoints: [e.in],
  outfile: e.out,
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'], // jsonc-parser's UMD "main" hides its requires from the bundler
  format: 'cjs',
  target: 'node20',
  external: e.external ?? [],
  sourcemap: 'linked',
  minify: !watch,
  keepNames: false, // keepNames wraps every small function Chevrotain's grammar creates: it doubled lint time
  legalComments: 'none',
  logLevel: 'warning',
  // import.meta.url is undefined in CommonJS output; the bundles use __filename instead
  define: { 'import.meta.url': 'importMetaUrl', FENGONG_VERSION: JSON.stringify(pkg.version) },
  banner: { js: 'const importMetaUrl = require("url").pathToFileURL(__filename).href;' },
})));

// schemas/fengong.schema.json is generated from the rules' metadata (server/src/config/schema.ts),
// so the schema editors validate against never drifts from the rules the engine has.
{
  const { createRequire } = await import('node:module');
  const out = await build({ entryPoints: ['server/src/config/schema.ts'], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'warning' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  const json = JSON.stringify(mod.exports.configSchema(), null, 2) + '\n';
  const target = 'schemas/fengong.schema.json';
  if (!existsSync(target) || readFileSync(target, 'utf8') !== json) writeFileSync(target, json);
}

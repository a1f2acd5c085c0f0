// The package as users install it: `npm pack`, installed from the tarball outside the checkout,
// `npx fengong check` in a project, `fengong check`, `fengong table` and `fengong lsp --stdio` from
// a global install; and the .vsix `npm run package` makes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { installPacked, ROOT } from './installed.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const installed = installPacked();
const PLAN = '2024年政务公开工作要点.txt';

/** what the checkout's own CLI reports: the installed one must say exactly the same */
function checkoutReport(file: string): unknown {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'fengong.cjs'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  return JSON.parse(r.stdout);
}

test('the tarball holds the CLI bundle, its bin, schemas and docs — and nothing else', () => {
  assert.deepEqual(installed.packed, [
    'LICENSE', 'README.md', 'bin/fengong.cjs', 'dist/cli.cjs', 'docs/rules.md', 'package.json',
    'schemas/fengong.schema.json', 'schemas/plan.schema.json',
  ]);
  const manifest = JSON.parse(readFileSync(join(installed.project, 'node_modules', 'fengong', 'package.json'), 'utf8'));
  assert.deepEqual(manifest.bin, { fengong: 'bin/fengong.cjs' });
  // everything but what `table --format xlsx|docx` and .doc input load on demand is inside the bundle
  assert.deepEqual(Object.keys(manifest.dependencies), ['docx', 'exceljs', 'word-extractor']);
  assert.ok(statSync(join(installed.project, 'node_modules', 'fengong', 'dist', 'cli.cjs')).size > 100_000);
});

test('npx fengong check in a project that installed the tarball', () => {
  copyFileSync(join(ROOT, 'examples', PLAN), join(installed.project, PLAN));
  const version = spawnSync('npx', ['fengong', '--version'], { cwd: installed.project, env: installed.env, encoding: 'utf8' });
  assert.equal(version.stdout, `${pkg.version}\n`);
  const r = spawnSync('npx', ['fengong', 'check', '--format', 'json', PLAN], { cwd: installed.project, env: installed.env, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { filePath: string }[];
  assert.equal(report[0]!.filePath, join(installed.project, PLAN));
  assert.deepEqual(report, checkoutReport(join(installed.project, PLAN)));
});

test('a global install: fengong check and fengong table --format xlsx from any folder', () => {
  const elsewhere = join(installed.base, 'elsewhere');
  mkdirSync(elsewhere);
  copyFileSync(join(ROOT, 'examples', '任务分工-清洁示例.plan'), join(elsewhere, 'a.plan'));
  const bin = join(installed.globalPrefix, 'bin', 'fengong');
  const clean = spawnSync('fengong', ['check', '.'], { cwd: elsewhere, env: installed.env, encoding: 'utf8' });
  assert.equal(clean.status, 0, clean.stderr);
  assert.equal(clean.stdout, '');
  const which = spawnSync('sh', ['-c', 'command -v fengong'], { env: installed.env, encoding: 'utf8' });
  assert.equal(which.stdout.trim(), bin, 'the global install is the fengong on PATH');
  const table = spawnSync('fengong', ['table', 'a.plan', '-o', '表.xlsx'], { cwd: elsewhere, env: installed.env, encoding: 'utf8' });
  assert.equal(table.status, 0, table.stderr);
  assert.equal(table.stderr, '已写入 表.xlsx（3 项任务，5 个单位）\n');
  assert.deepEqual([...readFileSync(join(elsewhere, '表.xlsx')).subarray(0, 2)], [0x50, 0x4b], 'a zip (xlsx) file');
});

test('fengong lsp --stdio from the global install: initialize, diagnostics of an opened plan, shutdown, exit 0', async () => {
  const proc = spawn('fengong', ['lsp', '--stdio'], { cwd: installed.base, env: installed.env, stdio: 'pipe' });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.listen();
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
  const init = await conn.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  assert.deepEqual(init.serverInfo, { name: 'fengong', version: pkg.version });
  assert.ok(init.capabilities.documentSymbolProvider);
  await conn.sendNotification('initialized', {});
  const file = join(installed.project, PLAN);
  copyFileSync(join(ROOT, 'examples', PLAN), file);
  const uri = pathToFileURL(file).href;
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'workplan', version: 1, text: readFileSync(file, 'utf8') } });
  const got = await diagnostics;
  assert.equal(got.uri, uri);
  assert.deepEqual(got.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`),
    ['17:3 numbering-format', '19:3 numbering-sequence', '19:38 punctuation-pair', '20:3 task-unit']);
  await conn.sendRequest('shutdown');
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
  await conn.sendNotification('exit');
  assert.equal(await exited, 0);
  conn.dispose();
});

test('npm run package still makes the .vsix: the bundles, grammar, schemas and a manifest without `files`', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--no-build'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  const vsix = join(ROOT, 'dist', `${pkg.name}-${pkg.version}.vsix`);
  const list = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
  assert.deepEqual(list.filter((f) => f.startsWith('extension/')), [
    'extension/LICENSE.txt', 'extension/client/icon.png', 'extension/dist/client.cjs', 'extension/dist/server.cjs',
    'extension/language-configuration.json', 'extension/package.json', 'extension/package.nls.json', 'extension/package.nls.zh-cn.json',
    'extension/readme.md', 'extension/schemas/fengong.schema.json', 'extension/schemas/plan.schema.json', 'extension/syntaxes/workplan.tmLanguage.json',
  ]);
  const manifest = JSON.parse(spawnSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' }).stdout);
  assert.equal(manifest.files, undefined);
  assert.equal(manifest.main, './dist/client.cjs');
});

// How the CLI writes its output (main.ts processOutput): straight to a file or pipe, without
// node's stream modules, and still whole, in order, when the pipe would block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir } from './helpers.js';

const PLAN = join(ROOT, 'examples', '2024年政务公开工作要点.txt');

/** runs `fengong ARGS > out` with a preload that says at exit which of node:stream, node:net and fs.promises were loaded */
function checkToFile(args: string[]) {
  const dir = tempDir();
  const preload = join(dir, 'loaded.cjs');
  writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, 'LOADED ' + process.moduleLoadList.filter((m) => /^NativeModule (stream|net|internal\\/fs\\/promises)$/.test(m)).join(',') + '\\n'));");
  const out = join(dir, 'out.json');
  const r = spawnSync('bash', ['-c', `"${process.execPath}" -r "${preload}" "${BIN}" "$@" > "${out}"`, 'fengong', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stderr: r.stderr, stdout: readFileSync(out, 'utf8') };
}

test('check into a file or a pipe writes it without loading node:stream, node:net or fs.promises, and the same bytes', () => {
  const dir = tempDir();
  const clean = join(dir, 'clean.txt');
  writeFileSync(clean, '关于印发工作要点的通知\n一、加强管理（办公室牵头）\n');
  const none = checkToFile(['check', '-f', 'json', clean]);
  assert.equal(none.stderr, 'LOADED \n');
  assert.equal(none.status, 0);
  assert.equal(JSON.parse(none.stdout)[0].messages.length, 0);
  // problems are fingerprinted with node:crypto, which needs node:stream; node:net is still not loaded
  const file = checkToFile(['check', '-f', 'json', PLAN]);
  assert.equal(file.stderr, 'LOADED NativeModule stream\n');
  assert.equal(file.status, 1);
  const piped = spawnSync(process.execPath, [BIN, 'check', '-f', 'json', PLAN], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(piped.status, 1);
  assert.equal(file.stdout, piped.stdout);
  assert.equal(JSON.parse(file.stdout)[0].filePath, PLAN);
  // a usage error on stderr, into a file, is the same message
  const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check --bogus 2> "${join(dir, 'err')}"`], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(readFileSync(join(dir, 'err'), 'utf8'), 'fengong：未知选项“--bogus”\n（运行 fengong check --help 查看用法）\n');
});

test('a pipe that would block (made non-blocking by node\'s own stream) gets every line, in order', () => {
  // the child touches process.stdout first (which makes the pipe non-blocking), then writes 2 MB
  // in numbered lines while the reader waits a second: the pipe fills, writeSync says EAGAIN, and
  // the rest goes through node's stream
  const child = [
    "import { processOutput } from './server/src/cli/main.ts';",
    'process.stdout;',
    'const out = processOutput(1, () => process.stdout);',
    "for (let i = 0; i < 20000; i++) out.write(String(i).padStart(8, '0') + '.'.repeat(91) + '\\n');",
    "out.write(Buffer.from('end\\n'));",
  ].join('\n');
  const dir = tempDir();
  writeFileSync(join(dir, 'child.mts'), child.replace('./server', join(ROOT, 'server')));
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" --import tsx "${join(dir, 'child.mts')}" | (sleep 1; cat)`], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, FENGONG_NO_MAIN: '1' }, maxBuffer: 1 << 26,
  });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  const lines = r.stdout.split('\n');
  assert.equal(lines.length, 20002);
  for (let i = 0; i < 20000; i++) if (lines[i] !== String(i).padStart(8, '0') + '.'.repeat(91)) assert.fail(`line ${i}: ${lines[i]!.slice(0, 20)}`);
  assert.equal(lines[20000], 'end');
});

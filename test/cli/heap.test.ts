// A big plan's run caps the heap's growth (cli/heap.ts, issue 18): seen in a real process by the
// V8 flags it sets (a preloaded module logs every setFlagsFromString call to stderr).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fengong, tempDir } from './helpers.js';
import { LARGE_TEXT } from '../../server/src/cli/heap.js';

const dir = tempDir('fengong-heap-');
const spy = join(dir, 'spy.cjs');
writeFileSync(spy, `const v8 = require('node:v8'); const set = v8.setFlagsFromString;
v8.setFlagsFromString = (f) => { process.stderr.write('V8 FLAG ' + f + '\\n'); return set(f); };\n`);
/** a plan of `characters` characters: a title, then one long line (cheap to parse) */
const plan = (name: string, characters: number): string => {
  const title = '某县2024年政务公开工作要点\n';
  const file = join(dir, name);
  writeFileSync(file, title + '甲'.repeat(characters - title.length - 1) + '\n');
  return file;
};
const flags = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('V8 FLAG ')).map((l) => l.slice(8));
const run = (args: string[]) => fengong(args, { env: { NODE_OPTIONS: `-r ${spy}` } });

test('check caps the heap\'s growth for a text of LARGE_TEXT characters, not for one a character shorter', () => {
  const big = run(['check', plan('big.txt', LARGE_TEXT)]);
  assert.deepEqual(flags(big.stderr), ['--heap-growing-percent=100']);
  const small = run(['check', plan('small.txt', LARGE_TEXT - 1)]);
  assert.deepEqual(flags(small.stderr), []);
  assert.equal(small.code, big.code);
});

test('table counts the plans it holds at once: two halves cap it, each alone does not', () => {
  const a = plan('a.txt', LARGE_TEXT / 2);
  const b = plan('b.txt', LARGE_TEXT / 2);
  // capped, then collected after the parse with the growth held to a fifth while the plans are
  // tabled, and collected again once they are, back at the cap
  assert.deepEqual(flags(run(['table', a, b, '-o', join(dir, 'out.md')]).stderr), ['--heap-growing-percent=100', '--heap-growing-percent=20', '--expose-gc', '--heap-growing-percent=100']);
  assert.deepEqual(flags(run(['table', a, '-o', join(dir, 'out.md')]).stderr), []);
  assert.deepEqual(flags(run(['check', a, b]).stderr), []); // check holds one plan at a time
});

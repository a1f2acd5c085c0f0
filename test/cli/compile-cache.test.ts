// bin/fengong.cjs starts the bundle with V8's code cache (issue 18: a fifth of a check's CPU was
// compiling). The cache must never change what fengong says, must live only in a folder of the
// user's own, and anything wrong with it must fall back to a plain start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, fengong, tempDir } from './helpers.js';

const PLAN = join(CORPUS, '000_6fbd649499c5ed32.txt');
const check = (cacheHome: string, extra: Record<string, string> = {}) => fengong(['check', '--format', 'json', PLAN], { env: { XDG_CACHE_HOME: cacheHome, ...extra } });
const caches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));
const plain = fengong(['check', '--format', 'json', PLAN], { env: { FENGONG_NO_COMPILE_CACHE: '1' } });

test('the first run writes the cache (0600 in a 0700 folder), later runs use it; the output is the same', () => {
  const home = tempDir();
  const first = check(home);
  const dir = join(home, 'fengong');
  assert.equal(caches(dir).length, 1);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  assert.equal(statSync(join(dir, caches(dir)[0]!)).mode & 0o777, 0o600);
  const stamp = statSync(join(dir, caches(dir)[0]!)).mtimeMs;
  const second = check(home);
  assert.equal(statSync(join(dir, caches(dir)[0]!)).mtimeMs, stamp, 'an accepted cache is not written again');
  for (const r of [first, second]) {
    assert.equal(r.code, plain.code);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.stderr, plain.stderr);
  }
});

test('a cache folder others may write to is neither read nor written', { skip: process.getuid ? false : 'POSIX permissions only' }, () => {
  const home = tempDir();
  const dir = join(home, 'fengong');
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  const r = check(home);
  assert.deepEqual(caches(dir), []);
  assert.equal(r.stdout, plain.stdout);
});

test('a damaged cache is rejected by V8 and replaced; the output is the same', () => {
  const home = tempDir();
  check(home);
  const dir = join(home, 'fengong');
  const file = join(dir, caches(dir)[0]!);
  writeFileSync(file, Buffer.from('not a code cache'), { mode: 0o600 });
  const r = check(home);
  assert.equal(r.code, plain.code);
  assert.equal(r.stdout, plain.stdout);
  assert.ok(statSync(file).size > 1000, 'rewritten with a real cache');
});

test('no usable cache folder (a file where the folder should be): a plain start', () => {
  const home = tempDir();
  writeFileSync(join(home, 'fengong'), 'x');
  const r = check(home);
  assert.equal(r.code, plain.code);
  assert.equal(r.stdout, plain.stdout);
});

test('a cache a run that linted nothing wrote (--version) is kept apart and replaced once by the first check\'s', () => {
  const home = tempDir();
  const dir = join(home, 'fengong');
  assert.equal(fengong(['--version'], { env: { XDG_CACHE_HOME: home } }).code, 0);
  const [start] = caches(dir);
  assert.match(start!, /^cli-.*-start\.v8cache$/);
  const startSize = statSync(join(dir, start!)).size;
  assert.equal(fengong(['rules'], { env: { XDG_CACHE_HOME: home } }).code, 0);
  assert.deepEqual(caches(dir), [start], 'another run that lints nothing uses it and writes nothing');
  const first = check(home);
  const [whole] = caches(dir);
  assert.deepEqual(caches(dir), [start!.replace('-start', '')], 'the check wrote the whole cache, the -start one went');
  assert.ok(statSync(join(dir, whole!)).size > startSize, 'with the engine in it');
  const stamp = statSync(join(dir, whole!)).mtimeMs;
  const second = check(home);
  assert.equal(fengong(['--version'], { env: { XDG_CACHE_HOME: home } }).code, 0);
  assert.deepEqual(caches(dir), [whole], 'later runs, linting or not, use it and write nothing');
  assert.equal(statSync(join(dir, whole!)).mtimeMs, stamp);
  for (const r of [first, second]) {
    assert.equal(r.code, plain.code);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.stderr, plain.stderr);
  }
});

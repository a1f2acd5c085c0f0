// The language server gives memory back once a big document's analysis is done and nothing follows
// (server/src/lsp/memory.ts): one full collection after the analysis of a document over BIG_CHARS,
// none after a small one, none while analyses keep coming.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BIG_CHARS, IDLE_MS, IdleCollector } from '../../server/src/lsp/memory.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a big analysis: one collection once the server is idle; a small one: none', async () => {
  const c = new IdleCollector();
  c.analysed(BIG_CHARS - 1);
  await sleep(IDLE_MS * 3);
  assert.equal(c.collections, 0, 'a plan below BIG_CHARS never triggers a collection');
  c.analysed(BIG_CHARS);
  assert.equal(c.collections, 0, 'not at once: the editor may still be busy');
  await sleep(IDLE_MS * 3);
  assert.equal(c.collections, 1);
  c.dispose();
});

test('analyses that keep coming hold the collection back until they stop; a small one after a big one cancels it', async () => {
  const c = new IdleCollector();
  for (let i = 0; i < 5; i++) {
    c.analysed(BIG_CHARS * 4);
    await sleep(IDLE_MS / 3);
  }
  assert.equal(c.collections, 0);
  await sleep(IDLE_MS * 3);
  assert.equal(c.collections, 1, 'one collection after the last');
  c.analysed(BIG_CHARS);
  c.analysed(10);
  await sleep(IDLE_MS * 3);
  assert.equal(c.collections, 1);
  c.dispose();
});

test('the collection is a full one: an old object nothing refers to any more is gone', async () => {
  // made and kept through several young-generation collections, so it lives in the old generation,
  // which only a full collection frees
  let old: { i: number }[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i }));
  for (let round = 0; round < 20; round++) Array.from({ length: 100_000 }, (_, i) => ({ i }));
  await sleep(10);
  const ref = new WeakRef(old);
  old = null;
  await sleep(10);
  assert.ok(ref.deref(), 'young-generation collections alone leave it');
  const c = new IdleCollector();
  c.analysed(BIG_CHARS);
  await sleep(IDLE_MS * 3);
  assert.equal(c.collections, 1);
  assert.equal(ref.deref(), undefined);
});

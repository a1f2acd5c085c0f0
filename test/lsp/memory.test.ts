// The language server gives memory back once a big document's analysis is done and nothing follows
// (server/src/lsp/memory.ts): one full collection after the analysis of a document over BIG_CHARS,
// none after a small one, none while analyses keep coming.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BIG_CHARS, IDLE_MS, IdleCollector, KEYSTROKE_SEMI_SPACE_MB, YOUNG_IDLE_MS } from '../../server/src/lsp/memory.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a big analysis: one full collection once the server is idle; a small one: a young-generation one', async () => {
  const c = new IdleCollector();
  c.analysed(BIG_CHARS - 1);
  await sleep(IDLE_MS * 3);
  assert.equal(c.collections, 0, 'a plan below BIG_CHARS never triggers a full collection');
  assert.equal(c.scavenges, 1);
  c.analysed(0);
  await sleep(IDLE_MS * 3);
  assert.equal(c.scavenges, 1, 'no analysis ran: nothing to collect');
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

test('after a small analysis, the young generation is collected once the server is quiet, not at once', async () => {
  const { getHeapSpaceStatistics } = await import('node:v8');
  // (a WeakRef cannot tell: V8's young-generation collection keeps a WeakRef's target)
  const youngMB = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size / 1048576;
  const c = new IdleCollector();
  c.analysed(60_000);
  await sleep(YOUNG_IDLE_MS * 3);
  const empty = youngMB();
  let garbage: number[][] | null = Array.from({ length: 1000 }, () => [1, 2, 3, 4, 5, 6, 7, 8]);
  garbage = null;
  const before = youngMB();
  assert.ok(before > empty + 0.05, `the young generation holds garbage: ${empty} → ${before} MB`);
  c.analysed(60_000);
  assert.ok(youngMB() >= before, 'not at once');
  for (let i = 0; i < 3; i++) {
    await sleep(YOUNG_IDLE_MS / 3);
    c.analysed(60_000); // typing on: held back
  }
  assert.equal(c.scavenges, 1);
  await sleep(YOUNG_IDLE_MS * 3);
  assert.equal(c.scavenges, 2);
  assert.equal(c.collections, 0);
  const after = youngMB();
  assert.ok(after < empty + (before - empty) / 4, `young generation ${empty} → ${before} → ${after} MB`);
  c.dispose();
});

test('the young-generation collection leaves none of it taken: what the last analysis kept is promoted, not copied within it', async () => {
  const { getHeapSpaceStatistics } = await import('node:v8');
  const youngMB = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_used_size / 1048576;
  const c = new IdleCollector();
  c.analysed(60_000);
  await sleep(YOUNG_IDLE_MS * 3);
  // an analysis's model, made just now and kept: ~1 MB of young objects
  const kept = Array.from({ length: 20_000 }, (_, i) => ({ i, s: 'x' + i }));
  assert.ok(youngMB() > 0.5, `the young generation holds the model: ${youngMB()} MB`);
  c.analysed(60_000);
  await sleep(YOUNG_IDLE_MS * 3);
  assert.equal(c.scavenges, 2);
  // one young-generation collection copied it within the young generation: ~1 MB still taken
  assert.ok(youngMB() < 0.25, `the young generation after the collection: ${youngMB()} MB`);
  assert.equal(kept[19_999]!.s, 'x19999');
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

test('the young generation stays at its starting size in a process that asked for it, and grows in one that did not', async () => {
  const { spawnSync } = await import('node:child_process');
  const newSpaceMB = (keepSmall: boolean) => {
    const code = `import { keepYoungGenerationSmall } from './server/src/lsp/memory.ts';
      import { getHeapSpaceStatistics } from 'node:v8';
      if (${keepSmall}) keepYoungGenerationSmall();
      let keep = [];
      for (let i = 0; i < 2_000_000; i++) { keep.push({ i }); if (keep.length > 200_000) keep = []; }
      console.log(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', code], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return Number(r.stdout.trim());
  };
  const small = newSpaceMB(true);
  const grown = newSpaceMB(false);
  assert.ok(small <= 4, `new space ${small} MB`);
  assert.ok(grown >= 8, `new space without the flag ${grown} MB`);
});

test('a keystroke\'s analysis may grow the young generation to KEYSTROKE_SEMI_SPACE_MB a semi-space, no further; a whole document\'s leaves it small', async () => {
  const { spawnSync } = await import('node:child_process');
  // analyses like a keystroke's in the 10,000-line plan: a few MB each, the last one's model kept
  // until the next replaces it
  const newSpaceMB = (keystroke: boolean) => {
    const code = `import { keepYoungGenerationSmall, withYoungGenerationFor, newSpaceBytes } from './server/src/lsp/memory.ts';
      keepYoungGenerationSmall();
      let model = [];
      for (let k = 0; k < 60; k++) model = withYoungGenerationFor(${keystroke}, () => {
        const kept = [];
        for (let i = 0; i < 100_000; i++) { const o = { i, s: 'x' + i }; if (i % 4 === 0) kept.push(o); }
        return kept;
      });
      console.log(newSpaceBytes() / 1048576, model.length);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', code], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [mb, kept] = r.stdout.trim().split(' ').map(Number);
    assert.equal(kept, 25_000);
    return mb!;
  };
  assert.equal(newSpaceMB(true), 2 * KEYSTROKE_SEMI_SPACE_MB, 'grown to the cap, both semi-spaces');
  assert.ok(newSpaceMB(false) <= 4, 'a whole document\'s analysis: the starting size');
});

test('the collection compacts: old-generation pages that kept a few live objects go back to the system', async () => {
  const { spawnSync } = await import('node:child_process');
  // 400,000 objects promoted to the old generation, then nine in ten dropped: every page keeps some
  const oldSpaceMB = (compact: boolean) => {
    const code = `import { compacting } from './server/src/lsp/memory.ts';
      import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
      import { runInNewContext } from 'node:vm';
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc');
      let all = Array.from({ length: 400_000 }, (_, i) => ({ i, s: 'x' + i }));
      gc(); gc();
      const kept = all.filter((_, i) => i % 10 === 0);
      all = null;
      if (${compact}) compacting(gc); else gc();
      const old = getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
      console.log(old.space_size / 1048576, kept.length);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', code], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const [mb, kept] = r.stdout.trim().split(' ').map(Number);
    assert.equal(kept, 40_000);
    return mb!;
  };
  const compacted = oldSpaceMB(true);
  const plain = oldSpaceMB(false);
  assert.ok(compacted * 2 < plain, `old space ${compacted} MB compacted, ${plain} MB after a plain collection`);
});

// test/corpus is a copy of ../shared/corpus and its scorer, so that a clone alone runs its tests.
// Where ../shared is beside the clone (CI, the development machines), the copy must be identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const copy = fileURLToPath(new URL('../corpus/', import.meta.url));
// ../shared beside the clone, or beside a folder of worktrees (/work/wt/<name> → /work/shared)
const shared = [new URL('../../../shared/', import.meta.url), new URL('../../../../shared/', import.meta.url)]
  .map((u) => fileURLToPath(u)).find((d) => existsSync(join(d, 'corpus'))) ?? fileURLToPath(new URL('../../../shared/', import.meta.url));

const SCORERS = ['score.mjs', 'score-tasks.mjs'];

test('test/corpus is identical to ../shared/corpus and ../shared/tools/score.mjs, score-tasks.mjs', { skip: !existsSync(join(shared, 'corpus')) && 'no ../shared beside this clone' }, () => {
  const theirs = readdirSync(join(shared, 'corpus')).sort();
  const ours = readdirSync(copy).filter((f) => !SCORERS.includes(f)).sort();
  assert.deepEqual(ours, theirs);
  for (const f of theirs) assert.ok(readFileSync(join(copy, f)).equals(readFileSync(join(shared, 'corpus', f))), `${f} differs from ../shared/corpus`);
  for (const f of SCORERS) assert.ok(readFileSync(join(copy, f)).equals(readFileSync(join(shared, 'tools', f))), `${f} differs from ../shared/tools`);
});

test('the copy holds the 33 documents and gold row files (problems, task table) that name only them', () => {
  const docs = readdirSync(copy).filter((f) => f.endsWith('.txt'));
  assert.equal(docs.length, 33);
  for (const gold of ['expected.tsv', 'tasks.tsv']) {
    const rows = readFileSync(join(copy, gold), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
    assert.ok(rows.length > 0, `${gold} holds rows`);
    for (const f of new Set(rows)) assert.ok(docs.includes(f!), `${f} in ${gold} is not in the corpus`);
  }
  assert.ok(SCORERS.every((f) => existsSync(join(copy, f))), 'both scorers are copied');
});

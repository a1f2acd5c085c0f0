// test/corpus is a copy of ../shared/corpus and its scorer, so that a clone alone runs its tests.
// Where ../shared is beside the clone (CI, the development machines), the copy must be identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const copy = fileURLToPath(new URL('../corpus/', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));

test('test/corpus is identical to ../shared/corpus and ../shared/tools/score.mjs', { skip: !existsSync(join(shared, 'corpus')) && 'no ../shared beside this clone' }, () => {
  const theirs = readdirSync(join(shared, 'corpus')).sort();
  const ours = readdirSync(copy).filter((f) => f !== 'score.mjs').sort();
  assert.deepEqual(ours, theirs);
  for (const f of theirs) assert.ok(readFileSync(join(copy, f)).equals(readFileSync(join(shared, 'corpus', f))), `${f} differs from ../shared/corpus`);
  assert.ok(readFileSync(join(copy, 'score.mjs')).equals(readFileSync(join(shared, 'tools', 'score.mjs'))), 'score.mjs differs from ../shared/tools');
});

test('the copy holds the 33 documents and a gold row file that names only them', () => {
  const docs = readdirSync(copy).filter((f) => f.endsWith('.txt'));
  assert.equal(docs.length, 33);
  const rows = readFileSync(join(copy, 'expected.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
  for (const f of new Set(rows)) assert.ok(docs.includes(f!), `${f} in expected.tsv is not in the corpus`);
});

// The lexicon is one list in simplified script; the fold table maps the traditional spelling of
// its characters back (generated from OpenCC by scripts/gen-fold.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { FOLD_MAP, fold } from '../../server/src/engine/lexicon/fold.js';
import { FOLD_PAIRS } from '../../server/src/engine/lexicon/fold-table.generated.js';

const LEXICON = new URL('../../server/src/engine/lexicon/', import.meta.url);
const code = (f: string) => readFileSync(new URL(f, LEXICON), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

test('the fold table: pairs of one BMP character each, no character folded twice', () => {
  assert.equal(FOLD_PAIRS.length % 2, 0);
  assert.equal(FOLD_MAP.size, FOLD_PAIRS.length / 2);
  for (const [t, s] of FOLD_MAP) {
    assert.equal(t.length, 1);
    assert.equal(s.length, 1);
    assert.ok(!FOLD_MAP.has(s), `${s} is folded again`);
  }
});

test('every lexicon word is simplified: folding it changes nothing', () => {
  for (const f of readdirSync(LEXICON).filter((n) => n.endsWith('.ts') && !n.includes('fold'))) {
    for (const word of code(f).match(/[\u4e00-\u9fff]+/g) ?? []) assert.equal(fold(word), word, `${f}: ${word}`);
  }
});

test('the traditional words of real plans fold to the lexicon’s', () => {
  assert.equal(fold('牽頭單位：辦公廳；責任單位：各司局'), '牵头单位：办公厅；责任单位：各司局');
  assert.equal(fold('總體要求'), '总体要求');
  assert.equal(fold('主（協）辦機關'), '主（协）办机关');
  assert.equal(fold('工作要點'), '工作要点');
  const text = '（各司(局)按職責分工負責）';
  assert.equal(fold(text).length, text.length);
  // a byte-order mark at the start is a character like any other: folding keeps it and the offsets
  assert.equal(fold('\ufeff工作要點'), '\ufeff工作要点');
});

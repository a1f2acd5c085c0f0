// The language server lints a keystroke incrementally (issue 18): the lines an edit left alone are
// not lexed again (parseLines with a LineCache) and their folding is reused. Property: after every
// edit of a random edit sequence — on random plan-like texts and on real corpus plans — the
// incremental result equals a full lint from scratch: the line records, the plan model (readStructure
// keeps what it found on the lines before the edit: paragraphs, pairs, markers, headings, table
// rows), the diagnostics, the outline (documentSymbol) and the task table's rows.
// Bounded for CI: FUZZ_RUNS_SCALE scales the runs; a failure prints fast-check's seed and path
// (re-run with FUZZ_SEED=<seed>).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { defaultConfig, LineCache, lint } from '../../server/src/engine/index.js';
import { parseLines } from '../../server/src/engine/parser/parser.js';
import { PAIR_CLOSERS, PAIR_OPENERS } from '../../server/src/engine/lexer/tokens.js';
import { Analysis } from '../../server/src/lsp/analysis.js';
import { documentSymbols } from '../../server/src/lsp/features.js';

const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
const CORPUS = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(CORPUS_DIR + f, 'utf8'));
const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
fc.configureGlobal({ seed, verbose: 1, endOnFailure: true });
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const config = defaultConfig();

const MARKERS = ['一、', '二、', '三', '（一）', '（二）', '(三)', '1.', '2.', '3、', '11', '3.1', '（1）', '①', '★1.', '## ', '- ', '2024年', '附件', '附件：', '注：1.', '附件：2、'];
/** what a writer types or pastes: characters, markers, brackets, unit clauses, line breaks of every kind */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'加强组织领导落实责任工作要点推进政务公开各部门體制機關') },
  { weight: 3, arbitrary: fc.constantFrom(...PAIR_OPENERS, ...PAIR_CLOSERS) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKERS) },
  { weight: 2, arbitrary: fc.constantFrom('（办公室牵头）', '（市发展改革委负责，各区配合）', '责任单位：', '牵头单位：市教育局', '年底前', '牵头卖力）', '（市卫健委卖力）', '8月底前', '（2025年6月底前）', '3个工作日内', '国办发[2019]14号', '國辦發（2020）3號', '号', '一是', '二是', '第一，', '，', '。', '；', '\t') },
  // table rows: a header above rows changes every row below it (the scan's state a keystroke's
  // copy of the lines after it depends on), numbers and markers in cells, a row's merged first cell
  { weight: 2, arbitrary: fc.constantFrom('序号\t工作任务\t牵头单位\t完成时限\n', '1\t加强管理\t办公室\t6月底前\n', '一、医疗质量\t（一）功能定位\t1.门诊\t财务科\n', '\t（二）质量\t2.手术\n', '2.推进\t各科室\n') },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\u2028') },
  { weight: 2, arbitrary: fc.constantFrom(' ', '\u3000', '\u00a0', '\ufeff') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);
const planLike = fc.array(
  fc.tuple(fc.constantFrom('', '  ', '\u3000\u3000'), fc.constantFrom('', ...MARKERS), fc.array(piece, { maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\r', '')),
  { maxLength: 25 },
).map((lines) => '2024年工作要点\n' + lines.map(([ind, m, body, eol]) => ind + m + body.join('') + eol).join(''));

/** an edit as a client sends it: replace `remove` code units at a relative position with `insert` */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 6 }), insert: fc.array(piece, { maxLength: 3 }).map((a) => a.join('')) });
const applyEdit = (text: string, e: { at: number; remove: number; insert: string }) => {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
};

/** what the server derives from a lint: the outline and the task table's rows */
function derived(a: Analysis) {
  return { symbols: documentSymbols(a), table: a.table };
}

/** `told`: the cache is told each edit's range, as the language server tells it the editor's
 *  changes (cache.edit), instead of comparing the versions */
function checkSequence(base: string, edits: { at: number; remove: number; insert: string }[], told = false): void {
  const cache = new LineCache();
  let text = base;
  let version = 1;
  for (const e of [undefined, ...edits]) {
    if (e) {
      const before = text;
      text = applyEdit(text, e);
      const at = Math.floor(e.at * before.length);
      if (told) cache.edit = { before, head: at, tail: before.length - Math.min(before.length, at + e.remove) };
    }
    version++;
    const incremental = new Analysis('file:///plan.txt', version, text, config, 'plan.txt', cache);
    const full = new Analysis('file:///plan.txt', version, text, config, 'plan.txt');
    assert.deepEqual(parseLines(text, linesOnly(cache)), parseLines(text), 'line records');
    assert.deepEqual(incremental.lines.lineStarts, full.lines.lineStarts, 'line starts');
    // every phase's output: the structure the scan kept from the lines before the edit included
    assert.deepEqual(incremental.plan, full.plan, 'plan model');
    assert.deepEqual(incremental.diagnostics, full.diagnostics, 'diagnostics');
    assert.deepEqual(derived(incremental), derived(full), 'outline and task table');
  }
}

/** a copy of the cache as it stands, so comparing its records does not advance the real one */
function linesOnly(cache: LineCache): LineCache {
  return Object.assign(new LineCache(), { text: cache.text, lines: cache.lines });
}

test('incremental lint equals a full lint after every edit of random edit sequences (plan-like texts)', () => {
  fc.assert(fc.property(planLike, fc.array(edit, { minLength: 1, maxLength: 12 }), (base, edits) => checkSequence(base, edits)), { numRuns: runs(150) });
});

test('incremental lint told each edit\'s range (as the language server tells it) equals a full lint (plan-like texts and corpus plans)', () => {
  fc.assert(fc.property(planLike, fc.array(edit, { minLength: 1, maxLength: 12 }), (base, edits) => checkSequence(base, edits, true)), { numRuns: runs(100) });
  fc.assert(
    fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (i, edits) => checkSequence(CORPUS[i]!, edits, true)),
    { numRuns: runs(15) },
  );
});

test('incremental lint equals a full lint after every edit of random edit sequences (corpus plans)', () => {
  fc.assert(
    fc.property(fc.nat({ max: CORPUS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (i, edits) => checkSequence(CORPUS[i]!, edits)),
    { numRuns: runs(25) },
  );
});

test('incremental lint: edits at the seams — line breaks split, joined and turned into \\r\\n', () => {
  // `\r` then `\n` typed after it is one break; a break deleted joins two lines; the first and the
  // last line edited; a paste of many lines re-parses the whole text in one run
  const base = '2024年工作要点\r一、加强领导\r（一）落实责任（办公室牵头）\n1.推进公开\r\n二、强化保障\n';
  const many = Array.from({ length: 100 }, (_, i) => `${i + 1}.加强管理（办公室牵头）`).join('\n');
  const cases: { at: number; remove: number; insert: string }[][] = [
    [{ at: 8 / base.length, remove: 0, insert: '\n' }],
    [{ at: 8 / base.length, remove: 1, insert: '' }],
    [{ at: 0, remove: 0, insert: '（' }, { at: 1, remove: 0, insert: '三、' }],
    [{ at: 0.5, remove: 0, insert: many }, { at: 0.5, remove: 30, insert: '' }],
    [{ at: 1, remove: 0, insert: '\r' }, { at: 1, remove: 0, insert: '\n' }],
  ];
  for (const edits of cases) checkSequence(base, edits);
});

test('incremental lint: a paragraph\'s deadlines carried from the previous version change with the title\'s year', () => {
  // kept by the paragraph's text; `8月底前` is a date only in the title's year
  const base = '2024年工作方案\n一、主要任务\n（一）做好甲，8月底前完成。（办公室牵头）\n（二）做好乙。（财政局负责，年底前）\n';
  const year = 3 / base.length;
  checkSequence(base, [{ at: year, remove: 1, insert: '5' }, { at: 0.5, remove: 0, insert: '加强' }, { at: year, remove: 1, insert: '' }]);
  const cache = new LineCache();
  const dates = (text: string) => new Analysis('file:///plan.txt', 1, text, config, 'plan.txt', cache).plan.tasks.map((t) => t.deadlines.map((d) => `${d.text} ${d.date}`).join('、'));
  assert.deepEqual(dates(base), ['8月底前 2024-08-31', '年底前 2024-12-31']);
  assert.deepEqual(dates(base.replace('2024', '2025')), ['8月底前 2025-08-31', '年底前 2025-12-31']);
  assert.deepEqual(dates(base.replace('2024年', '')), ['8月底前 undefined', '年底前 undefined']);
});

test('incremental lint: a role verb the document teaches (`牵头卖力`) is forgotten when its only use is deleted, learned when typed again', () => {
  // the counts of words after 牵头 are kept between versions and only the touched lines counted
  // again: a count that never went down would keep `（财政局卖力）` a unit clause
  const base = '2024年工作方案\n一、主要任务\n（一）做好甲。（办公室牵头卖力）\n（二）做好乙。（财政局卖力）\n（三）做好丙。（教育局卖力）\n';
  const at = (base.indexOf('卖力') + 0.5) / base.length;
  checkSequence(base, [{ at, remove: 2, insert: '' }, { at, remove: 0, insert: '卖力' }, { at: 0.99, remove: 0, insert: '\n（四）做好丁。（卫健委牵头卖力）' }]);
  // the verb learned or not shows in the task table: the three tasks' units
  const cache = new LineCache();
  const units = (text: string) => new Analysis('file:///plan.txt', 1, text, config, 'plan.txt', cache).plan.tasks.map((t) => t.units.map((u) => u.name).join('、'));
  assert.deepEqual(units(base), ['办公室', '财政局', '教育局']);
  const forgotten = base.replace('牵头卖力', '牵头');
  assert.deepEqual(units(forgotten), ['办公室', '', '']);
});

test('incremental lint: a paragraph\'s inline enumerations carried from the previous version follow its whole text (`第二，` → `第二的` at its end)', () => {
  const base = '2024年工作方案\n一、主要任务\n（一）做好甲。第一，加强管理，第二，\n（二）做好乙。（财政局负责）\n';
  const at = (base.indexOf('第二，') + 2) / base.length;
  checkSequence(base, [{ at, remove: 1, insert: '的' }, { at, remove: 1, insert: '，' }]);
  const cache = new LineCache();
  const enums = (text: string) => new Analysis('file:///plan.txt', 1, text, config, 'plan.txt', cache).plan.enumerations.map((e) => e.entries.map((x) => x.raw).join(''));
  assert.deepEqual(enums(base), ['第一，第二，']);
  assert.deepEqual(enums(base.replace('第二，\n', '第二的\n')), []);
});

// numbering-sequence: gaps, duplicates, backward jumps and wrong starts within the scheme the
// document uses (restart under each parent, or through the document); the message names the
// expected number and the fix renumbers the run (later siblings shift).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, diagnosticsOf, doc, fixed, fixtureText, lineOf, reportsOf, TITLE } from '../fixtures/helpers.js';

const RULE = 'numbering-sequence';
const task = (m: string, s = '做好工作') => `${m}${s}。（办公室负责）`;

describe('numbering-sequence: must pass', () => {
  const clean: [string, string][] = [
    ['restart under each parent', doc(TITLE, '一、甲', task('（一）'), task('（二）'), '二、乙', task('（一）'), task('（二）'), task('（三）'))],
    ['through the document: 1. … 5. across three sections', doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), '三、丙', task('4.'), task('5.'))],
    ['a skipped level: 一、 directly followed by 1.', doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('1.'))],
    ['a restart at 1 after an unnumbered heading (附件) in a through document',
      doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), task('4.'), '附件：重点任务清单', task('1.'), task('2.'))],
    ['a restart at 1 after an unnumbered heading under the same parent (restart scheme)',
      doc(TITLE, '一、甲', task('1.'), task('2.'), task('3.'), '专项任务清单', task('1.'), task('2.'))],
    ['circled numbers and （1）', doc(TITLE, '一、甲', '（1）乙', task('①'), task('②'), '（2）丙', task('①'))],
  ];
  for (const [name, text] of clean) test(name, () => assert.deepEqual(reportsOf(text, RULE), []));

  test('a document numbered through with （一）…（二十四） across four sections', () => {
    assert.deepEqual(reportsOf(fixtureText('through-24.txt'), RULE), []);
  });

  test('the corpus: 000 (1.…21. through), 001 ((一)…(二十二) through), 003, 004', () => {
    for (const f of ['000_', '001_', '003_', '004_']) assert.deepEqual(reportsOf(corpusText(f), RULE), [], f);
  });
});

describe('numbering-sequence: must fail', () => {
  test('a gap: 1. 2. 4. 5. → expected 3.; the fix shifts the later siblings', () => {
    const text = doc(TITLE, '一、甲', task('1.'), task('2.'), task('4.'), task('5.'));
    const ds = diagnosticsOf(text, RULE);
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 5, column: 1, key: 'numbering-sequence/gap' }]);
    assert.deepEqual(ds[0]!.data, { expected: '3.', actual: '4.' });
    assert.equal(ds[0]!.message, '序号不连续：此处应为“3.”，实为“4.”');
    assert.equal(ds[0]!.severity, 'error');
    assert.equal(fixed(text, ds[0]!), doc(TITLE, '一、甲', task('1.'), task('2.'), task('3.'), task('4.')));
  });

  test('a duplicated 三、: the message says expected 四、 and names the first line', () => {
    const text = doc(TITLE, '一、甲', task('1.'), '二、乙', task('2.'), '三、丙', task('3.'), '三、丁', task('4.'), '四、戊', task('5.'));
    const ds = diagnosticsOf(text, RULE);
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 8, column: 1, key: 'numbering-sequence/duplicate' }]);
    assert.deepEqual(ds[0]!.data, { expected: '四、', actual: '三、', firstLine: 6 });
    assert.equal(ds[0]!.message, '序号重复：“三、”与第 6 行重复，此处应为“四、”');
    const out = fixed(text, ds[0]!);
    assert.equal(lineOf(out, 8), '四、丁');
    assert.equal(lineOf(out, 10), '五、戊');
    assert.deepEqual(reportsOf(out, RULE), []);
  });

  test('a backward jump: 1. 2. 3. 2. → expected 4.', () => {
    const text = doc(TITLE, '一、甲', task('1.'), task('2.'), task('3.'), task('2.'));
    const ds = diagnosticsOf(text, RULE);
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 6, column: 1, key: 'numbering-sequence/backward' }]);
    assert.deepEqual(ds[0]!.data, { expected: '4.', actual: '2.' });
    assert.equal(lineOf(fixed(text, ds[0]!), 6), task('4.'));
  });

  test('a wrong start: 二、 first → expected 一、, fix renumbers the run', () => {
    const text = doc(TITLE, '二、甲', task('1.'), '三、乙', task('1.'));
    const ds = diagnosticsOf(text, RULE);
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 2, column: 1, key: 'numbering-sequence/start' }]);
    assert.equal(ds[0]!.message, '序号应从“一、”开始，实为“二、”');
    const out = fixed(text, ds[0]!);
    assert.equal(lineOf(out, 2), '一、甲');
    assert.equal(lineOf(out, 4), '二、乙');
  });

  test('restart scheme: a gap inside the second section, a wrong start in the third', () => {
    const text = doc(TITLE, '一、甲', task('（一）'), task('（二）'), '二、乙', task('（一）'), task('（三）'), '三、丙', task('（二）'));
    assert.deepEqual(reportsOf(text, RULE), [
      { rule: RULE, line: 7, column: 1, key: 'numbering-sequence/gap' },
      { rule: RULE, line: 9, column: 1, key: 'numbering-sequence/start' },
    ]);
  });

  test('through scheme: the gap is judged across sections — （五） then （七） expects （六）', () => {
    const text = doc(TITLE, '一、甲', task('（一）'), task('（二）'), '二、乙', task('（三）'), task('（四）'), '三、丙', task('（五）'), task('（七）'));
    const ds = diagnosticsOf(text, RULE);
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 10, column: 1, key: 'numbering-sequence/gap' }]);
    assert.equal(ds[0]!.data.expected, '（六）');
  });

  test('half-width brackets keep their width in the expected marker: (一) (三) → (二)', () => {
    const text = doc(TITLE, '一、甲', task('(一)'), task('(三)'));
    const ds = diagnosticsOf(text, RULE);
    assert.equal(ds[0]!.data.expected, '(二)');
    assert.equal(lineOf(fixed(text, ds[0]!), 4), task('(二)'));
  });

  test('a unit clause on its own line is no heading: 1. after it is a backward jump', () => {
    const text = doc(TITLE, '一、甲', '1.做好甲。', '2.做好乙。', '（办公室负责）', task('1.'));
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 6, column: 1, key: 'numbering-sequence/backward' }]);
    assert.equal(diagnosticsOf(text, RULE)[0]!.data.expected, '3.');
  });

  test('a restart at 1 under a new 一、 after numbering through: a new list (FORMAT.md §6), not a backward jump', () => {
    const text = doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), task('4.'), '三、丙', task('5.'), '四、丁', task('1.'), task('2.'));
    assert.deepEqual(reportsOf(text, RULE), []);
  });

  test('a restart at 1 within the same section, through scheme: backward, expecting the next number', () => {
    const text = doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), task('4.'), task('1.'));
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 8, column: 1, key: 'numbering-sequence/backward' }]);
    assert.equal(diagnosticsOf(text, RULE)[0]!.data.expected, '5.');
  });

  test('as many sections continue as restart: read as restarting, the continuing one starts wrong', () => {
    const text = doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), task('4.'), '三、丙', task('1.'));
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 6, column: 1, key: 'numbering-sequence/start' }]);
  });

  test('one break is one problem, not a cascade: 1. 2. 4. 5. 6. reports only 4.', () => {
    const text = doc(TITLE, '一、甲', task('1.'), task('2.'), task('4.'), task('5.'), task('6.'));
    assert.equal(reportsOf(text, RULE).length, 1);
  });

  test('002 of the corpus: the second 三、 (line 56)', () => {
    assert.deepEqual(reportsOf(corpusText('002_'), RULE), [{ rule: RULE, line: 56, column: 3, key: 'numbering-sequence/duplicate' }]);
  });

  test('English messages with --locale en', () => {
    const text = doc(TITLE, '一、甲', task('1.'), task('3.'));
    const [d] = diagnosticsOf(text, RULE, { locale: 'en' });
    assert.equal(d!.message, 'Numbering gap: expected “2.”, found “3.”');
  });
});

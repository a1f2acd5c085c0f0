// numbering-format: the punctuation of a marker — `一、` `（一）` `1.` `（1）` `①`; not `一.`, `（一）、`,
// `3、` among `1.`, `11加强`, `（二)`. Every report is fixable and the fix gives the right marker.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, diagnosticsOf, doc, fixed, fixtureText, lineOf, reportsOf, TITLE } from '../fixtures/helpers.js';

const RULE = 'numbering-format';
const task = (m: string, s = '做好工作') => `${m}${s}。（办公室负责）`;

describe('numbering-format: must pass', () => {
  test('every rank written right, both widths of the dot and the brackets', () => {
    const text = doc(TITLE, '一、甲', '（一）乙', task('1.'), task('2．'), '3.丙', task('（1）'), task('(2)'), '（3）丁', task('①'), '(二)戊', task('1.'));
    assert.deepEqual(reportsOf(text, RULE), []);
  });

  test('the clean corpus document 001 and the fixtures', () => {
    assert.deepEqual(reportsOf(corpusText('001_'), RULE), []);
    assert.deepEqual(reportsOf(fixtureText('through-24.txt'), RULE), []);
    assert.deepEqual(reportsOf(fixtureText('traditional.txt'), RULE), []);
  });

  test('the 序号 column of a tab-separated table takes no delimiter', () => {
    assert.deepEqual(reportsOf(fixtureText('table-tsv.txt'), RULE), []);
  });
});

describe('numbering-format: must fail', () => {
  const cases: { name: string; lines: string[]; line: number; column: number; key: string; fixedLine: string }[] = [
    { name: '`一.` (a dot after a Chinese numeral)', lines: [TITLE, '一.总体要求', '二、任务', task('1.')], line: 2, column: 1, key: 'numbering-format/wrong-delimiter', fixedLine: '一、总体要求' },
    { name: '`一．` (full-width dot)', lines: [TITLE, '一．总体要求'], line: 2, column: 1, key: 'numbering-format/wrong-delimiter', fixedLine: '一、总体要求' },
    { name: '`（一）、` (extra 顿号)', lines: [TITLE, '一、任务', task('（一）、')], line: 3, column: 1, key: 'numbering-format/extra-delimiter', fixedLine: task('（一）') },
    { name: '`(1).` (extra dot after rank 4)', lines: [TITLE, '一、任务', task('(1).')], line: 3, column: 1, key: 'numbering-format/extra-delimiter', fixedLine: task('(1)') },
    { name: '`3、` among `1.` `2.` `4.`', lines: [TITLE, '一、任务', task('1.'), task('2.'), task('3、'), task('4.')], line: 5, column: 1, key: 'numbering-format/wrong-delimiter', fixedLine: task('3.') },
    { name: '`11加强` between `10.` and `12.` (missing delimiter)',
      lines: [TITLE, '一、任务', ...Array.from({ length: 10 }, (_, i) => task(`${i + 1}.`)), task('11', '加强网站留言答复'), task('12.')],
      line: 13, column: 1, key: 'numbering-format/missing-delimiter', fixedLine: task('11.', '加强网站留言答复') },
    { name: '`（二)` (mixed bracket widths)', lines: [TITLE, '一、任务', task('（一）'), task('（二)')], line: 4, column: 1, key: 'numbering-format/mixed-width', fixedLine: task('（二）') },
    { name: '`(三）` (mixed the other way)', lines: [TITLE, '一、任务', task('(一)'), task('(二)'), task('(三）')], line: 5, column: 1, key: 'numbering-format/mixed-width', fixedLine: task('(三)') },
    { name: 'indented `　　2、`', lines: [TITLE, '一、任务', task('1.'), `　　${task('2、')}`], line: 4, column: 3, key: 'numbering-format/wrong-delimiter', fixedLine: `　　${task('2.')}` },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const text = doc(...c.lines);
      assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: c.line, column: c.column, key: c.key }]);
      const [d] = diagnosticsOf(text, RULE);
      assert.equal(d!.severity, 'warning');
      assert.equal(lineOf(fixed(text, d!), c.line), c.fixedLine);
      assert.deepEqual(reportsOf(fixed(text, d!), RULE), [], 'the fixed text is clean');
    });
  }

  test('messages name the marker and the delimiter (zh and en)', () => {
    const text = doc(TITLE, '一、任务', task('1.'), task('2、'));
    const [zh] = diagnosticsOf(text, RULE);
    assert.equal(zh!.message, '三级序号“2、”后应使用“.”，不用“、”（GB/T 15834）');
    const [en] = diagnosticsOf(text, RULE, { locale: 'en' });
    assert.equal(en!.message, 'Rank-3 number “2、” takes “.”, not “、” (GB/T 15834)');
    const missing = diagnosticsOf(doc(TITLE, '一、任务', task('1.'), task('2', '加强')), RULE)[0]!;
    assert.equal(missing.message, '序号“2”后缺少“.”');
  });

  test('the corpus: 000 `11加强`…`15强化` (lines 52–62), 003 `3、` `4、` (lines 21, 23)', () => {
    assert.deepEqual(reportsOf(corpusText('000_'), RULE).map((r) => [r.line, r.column, r.key]), [52, 54, 58, 60, 62].map((l) => [l, 3, 'numbering-format/missing-delimiter']));
    assert.deepEqual(reportsOf(corpusText('003_'), RULE).map((r) => [r.line, r.key]), [[21, 'numbering-format/wrong-delimiter'], [23, 'numbering-format/wrong-delimiter']]);
  });
});

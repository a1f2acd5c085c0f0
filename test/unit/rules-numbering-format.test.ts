// numbering-format: the punctuation of a marker — `一、` `（一）` `1.` `（1）` `①`; not `一.`, `（一）、`,
// `3、` among `1.`, `11加强`, `（二)`. Every report is fixable and the fix gives the right marker.
import { corpusText, doc, fixtureText, TITLE } from '../fixtures/helpers.js';
import { ruleTester, withLine, type InvalidCase } from '../fixtures/rule-tester.js';

const task = (m: string, s = '做好工作') => `${m}${s}。（办公室负责）`;

const cases: { name: string; lines: string[]; line: number; column: number; id: string; fixedLine: string }[] = [
  { name: '`一.` (a dot after a Chinese numeral)', lines: [TITLE, '一.总体要求', '二、任务', task('1.')], line: 2, column: 1, id: 'wrong-delimiter', fixedLine: '一、总体要求' },
  { name: '`一．` (full-width dot)', lines: [TITLE, '一．总体要求'], line: 2, column: 1, id: 'wrong-delimiter', fixedLine: '一、总体要求' },
  { name: '`（一）、` (extra 顿号)', lines: [TITLE, '一、任务', task('（一）、')], line: 3, column: 1, id: 'extra-delimiter', fixedLine: task('（一）') },
  { name: '`(1).` (extra dot after rank 4)', lines: [TITLE, '一、任务', task('(1).')], line: 3, column: 1, id: 'extra-delimiter', fixedLine: task('(1)') },
  { name: '`3、` among `1.` `2.` `4.`', lines: [TITLE, '一、任务', task('1.'), task('2.'), task('3、'), task('4.')], line: 5, column: 1, id: 'wrong-delimiter', fixedLine: task('3.') },
  { name: '`11加强` between `10.` and `12.` (missing delimiter)',
    lines: [TITLE, '一、任务', ...Array.from({ length: 10 }, (_, i) => task(`${i + 1}.`)), task('11', '加强网站留言答复'), task('12.')],
    line: 13, column: 1, id: 'missing-delimiter', fixedLine: task('11.', '加强网站留言答复') },
  { name: '`（二)` (mixed bracket widths)', lines: [TITLE, '一、任务', task('（一）'), task('（二)')], line: 4, column: 1, id: 'mixed-width', fixedLine: task('（二）') },
  { name: '`(三）` (mixed the other way)', lines: [TITLE, '一、任务', task('(一)'), task('(二)'), task('(三）')], line: 5, column: 1, id: 'mixed-width', fixedLine: task('(三)') },
  { name: 'indented `　　2、`', lines: [TITLE, '一、任务', task('1.'), `　　${task('2、')}`], line: 4, column: 3, id: 'wrong-delimiter', fixedLine: `　　${task('2.')}` },
];
const fixedText = (c: (typeof cases)[number]) => withLine(doc(...c.lines), c.line, c.fixedLine);

ruleTester('numbering-format', {
  valid: [
    { name: 'every rank written right, both widths of the dot and the brackets',
      text: doc(TITLE, '一、甲', '（一）乙', task('1.'), task('2．'), '3.丙', task('（1）'), task('(2)'), '（3）丁', task('①'), '(二)戊', task('1.')) },
    { name: 'the clean corpus document 001', text: corpusText('001_') },
    ...['through-24.txt', 'traditional.txt'].map((f) => ({ name: `the fixture ${f}`, text: fixtureText(f) })),
    { name: 'the 序号 column of a tab-separated table takes no delimiter', text: fixtureText('table-tsv.txt') },
    // the fixed text is clean
    ...cases.map((c) => ({ name: `${c.name}, fixed`, text: fixedText(c) })),
  ],
  invalid: [
    ...cases.map((c): InvalidCase => ({
      name: c.name, text: doc(...c.lines),
      errors: [{ messageId: c.id, line: c.line, column: c.column, severity: 'warning', fix: fixedText(c) }],
    })),
    {
      name: 'messages name the marker and the delimiter (zh)', text: doc(TITLE, '一、任务', task('1.'), task('2、')),
      errors: [{ messageId: 'wrong-delimiter', message: '三级序号“2、”后应使用“.”，不用“、”（GB/T 15834）' }],
    },
    {
      name: 'messages name the marker and the delimiter (en)', text: doc(TITLE, '一、任务', task('1.'), task('2、')), config: { locale: 'en' },
      errors: [{ messageId: 'wrong-delimiter', message: 'Rank-3 number “2、” takes “.”, not “、” (GB/T 15834)' }],
    },
    {
      name: 'the message of a missing delimiter', text: doc(TITLE, '一、任务', task('1.'), task('2', '加强')),
      errors: [{ messageId: 'missing-delimiter', message: '序号“2”后缺少“.”' }],
    },
    {
      name: 'the corpus: 000 `11加强`…`15强化` (lines 52–62)', text: corpusText('000_'),
      errors: [52, 54, 58, 60, 62].map((line) => ({ messageId: 'missing-delimiter', line, column: 3 })),
    },
    {
      name: 'the corpus: 003 `3、` `4、` (lines 21, 23)', text: corpusText('003_'),
      errors: [{ messageId: 'wrong-delimiter', line: 21 }, { messageId: 'wrong-delimiter', line: 23 }],
    },
  ],
});

// numbering-sequence: gaps, duplicates, backward jumps and wrong starts within the scheme the
// document uses (restart under each parent, or through the document); the message names the
// expected number and the fix renumbers the run (later siblings shift).
import { corpusText, doc, fixtureText, TITLE } from '../fixtures/helpers.js';
import { ruleTester, withLine } from '../fixtures/rule-tester.js';

const task = (m: string, s = '做好工作') => `${m}${s}。（办公室负责）`;

const gap = doc(TITLE, '一、甲', task('1.'), task('2.'), task('4.'), task('5.'));
const duplicate = doc(TITLE, '一、甲', task('1.'), '二、乙', task('2.'), '三、丙', task('3.'), '三、丁', task('4.'), '四、戊', task('5.'));
const backward = doc(TITLE, '一、甲', task('1.'), task('2.'), task('3.'), task('2.'));
const start = doc(TITLE, '二、甲', task('1.'), '三、乙', task('1.'));
const halfWidth = doc(TITLE, '一、甲', task('(一)'), task('(三)'));

ruleTester('numbering-sequence', {
  valid: [
    { name: 'restart under each parent', text: doc(TITLE, '一、甲', task('（一）'), task('（二）'), '二、乙', task('（一）'), task('（二）'), task('（三）')) },
    { name: 'through the document: 1. … 5. across three sections', text: doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), '三、丙', task('4.'), task('5.')) },
    { name: 'a skipped level: 一、 directly followed by 1.', text: doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('1.')) },
    { name: 'a restart at 1 after an unnumbered heading (附件) in a through document',
      text: doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), task('4.'), '附件：重点任务清单', task('1.'), task('2.')) },
    { name: 'a restart at 1 after an unnumbered heading under the same parent (restart scheme)',
      text: doc(TITLE, '一、甲', task('1.'), task('2.'), task('3.'), '专项任务清单', task('1.'), task('2.')) },
    { name: 'circled numbers and （1）', text: doc(TITLE, '一、甲', '（1）乙', task('①'), task('②'), '（2）丙', task('①')) },
    { name: 'a document numbered through with （一）…（二十四） across four sections', text: fixtureText('through-24.txt') },
    { name: 'a restart at 1 under a new 一、 after numbering through: a new list (FORMAT.md §6), not a backward jump',
      text: doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), task('4.'), '三、丙', task('5.'), '四、丁', task('1.'), task('2.')) },
    { name: 'the duplicated 三、 once fixed', text: withLine(withLine(duplicate, 8, '四、丁'), 10, '五、戊') },
    ...['000_', '001_', '003_', '004_'].map((f) => ({ name: `the corpus: ${f}`, text: corpusText(f) })),
  ],
  invalid: [
    {
      name: 'a gap: 1. 2. 4. 5. → expected 3.; the fix shifts the later siblings', text: gap,
      errors: [{ messageId: 'gap', line: 5, column: 1, data: { expected: '3.', actual: '4.' }, message: '序号不连续：此处应为“3.”，实为“4.”', severity: 'error',
        fix: doc(TITLE, '一、甲', task('1.'), task('2.'), task('3.'), task('4.')) }],
    },
    {
      name: 'a duplicated 三、: the message says expected 四、 and names the first line', text: duplicate,
      errors: [{ messageId: 'duplicate', line: 8, column: 1, data: { expected: '四、', actual: '三、', firstLine: 6 }, message: '序号重复：“三、”与第 6 行重复，此处应为“四、”',
        fix: withLine(withLine(duplicate, 8, '四、丁'), 10, '五、戊') }],
      output: withLine(withLine(duplicate, 8, '四、丁'), 10, '五、戊'),
    },
    {
      name: 'a backward jump: 1. 2. 3. 2. → expected 4.', text: backward,
      errors: [{ messageId: 'backward', line: 6, column: 1, data: { expected: '4.', actual: '2.' }, fix: withLine(backward, 6, task('4.')) }],
    },
    {
      name: 'a wrong start: 二、 first → expected 一、, fix renumbers the run', text: start,
      errors: [{ messageId: 'start', line: 2, column: 1, message: '序号应从“一、”开始，实为“二、”', fix: withLine(withLine(start, 2, '一、甲'), 4, '二、乙') }],
    },
    {
      name: 'restart scheme: a gap inside the second section, a wrong start in the third',
      text: doc(TITLE, '一、甲', task('（一）'), task('（二）'), '二、乙', task('（一）'), task('（三）'), '三、丙', task('（二）')),
      errors: [{ messageId: 'gap', line: 7, column: 1 }, { messageId: 'start', line: 9, column: 1 }],
    },
    {
      name: 'through scheme: the gap is judged across sections — （五） then （七） expects （六）',
      text: doc(TITLE, '一、甲', task('（一）'), task('（二）'), '二、乙', task('（三）'), task('（四）'), '三、丙', task('（五）'), task('（七）')),
      errors: [{ messageId: 'gap', line: 10, column: 1, data: { expected: '（六）', actual: '（七）' } }],
    },
    {
      name: 'half-width brackets keep their width in the expected marker: (一) (三) → (二)', text: halfWidth,
      errors: [{ messageId: 'gap', data: { expected: '(二)', actual: '(三)' }, fix: withLine(halfWidth, 4, task('(二)')) }],
    },
    {
      name: 'a unit clause on its own line is no heading: 1. after it is a backward jump',
      text: doc(TITLE, '一、甲', '1.做好甲。', '2.做好乙。', '（办公室负责）', task('1.')),
      errors: [{ messageId: 'backward', line: 6, column: 1, data: { expected: '3.', actual: '1.' } }],
    },
    {
      name: 'a restart at 1 within the same section, through scheme: backward, expecting the next number',
      text: doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), task('4.'), task('1.')),
      errors: [{ messageId: 'backward', line: 8, column: 1, data: { expected: '5.', actual: '1.' } }],
    },
    {
      name: 'as many sections continue as restart: read as restarting, the continuing one starts wrong',
      text: doc(TITLE, '一、甲', task('1.'), task('2.'), '二、乙', task('3.'), task('4.'), '三、丙', task('1.')),
      errors: [{ messageId: 'start', line: 6, column: 1 }],
    },
    { name: 'one break is one problem, not a cascade: 1. 2. 4. 5. 6. reports only 4.', text: doc(TITLE, '一、甲', task('1.'), task('2.'), task('4.'), task('5.'), task('6.')), errors: 1 },
    { name: '002 of the corpus: the second 三、 (line 56)', text: corpusText('002_'), errors: [{ messageId: 'duplicate', line: 56, column: 3 }] },
    {
      name: 'English messages with --locale en', text: doc(TITLE, '一、甲', task('1.'), task('3.')), config: { locale: 'en' },
      errors: [{ messageId: 'gap', message: 'Numbering gap: expected “2.”, found “3.”' }],
    },
  ],
});

// punctuation-pair (GB/T 15834-2011 §4.8, 4.9, 4.15; GB/T 9704 for 〔〕 in document numbers) and
// punctuation-width (off by default): exact places, and the traps of FORMAT.md §3 — a title broken
// across two lines, a quotation spanning paragraphs, an apostrophe as `’99`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index.js';
import { corpusText, doc, fixtureText, TITLE } from '../fixtures/helpers.js';
import { findingsOf, ruleTester, withLine } from '../fixtures/rule-tester.js';

const body = (...lines: string[]) => doc(TITLE, '一、重点任务', ...lines);

const docNumbers = body('1.依据国办发[2019]14号和国办发【2020】3号文件。（办公室负责）');
const titleBroken = body('1.推进《政府网站集约化', '试点工作方案》落实。（办公室负责）');

ruleTester('punctuation-pair', {
  valid: [
    { name: 'nesting “…‘…’…”, 《…〈…〉…》, 〔…（…）…〕', text: body('1.他说：“要落实‘放管服’要求。”学习《关于〈条例〉的说明》。〔各司（局）按职责分工负责〕') },
    { name: 'every kind of pair, both widths', text: body('1.甲（乙）(丙)〔丁〕［戊］[己]【庚】《辛》〈壬〉“癸”‘子’「丑」『寅』。（办公室负责）') },
    { name: 'a document number with 〔2019〕', text: body('1.落实国办发〔2019〕14号文件。（办公室负责）') },
    { name: 'a quotation spanning paragraphs: each opens “, only the last closes', text: body('1.他指出：“第一段话', '“第二段话', '“第三段话。”（办公室负责）') },
    { name: 'a quotation spanning paragraphs that opens at the paragraph start', text: body('1.学习讲话。（办公室负责）', '“第一段话', '“第二段话。”') },
    { name: 'an apostrophe as ’99', text: body('1.回顾’99年以来的工作。（办公室负责）') },
    { name: 'the clean corpus document 001', text: corpusText('001_') },
    ...['through-24.txt', 'traditional.txt', 'table-tsv.txt'].map((f) => ({ name: `the fixture ${f}`, text: fixtureText(f) })),
    { name: 'half-width (见附件A) once punctuation-width\'s fix converted both brackets', text: body('1.做好甲（见附件A）。（办公室负责）') },
  ],
  invalid: [
    {
      name: 'crossed （《…）》: one error at 《, naming where its 》 is', text: body('1.学习（《办法）》。（办公室负责）'),
      errors: [{ messageId: 'crossed', line: 3, column: 6, data: { char: '《', expected: '》', partner: '》', partnerLine: 3, partnerColumn: 10 }, severity: 'error' }],
    },
    {
      name: 'wrong width （…): error at ), a suggestion (not a safe fix) to write ）', text: body('1.做好乙（办公室负责)'),
      errors: [{ messageId: 'wrong-width', line: 3, column: 12, message: '“（”与“)”全角半角不一致，应为“）”', fix: null, suggestions: [{ output: body('1.做好乙（办公室负责）') }] }],
    },
    {
      name: '[2019] and 【2020】 in document numbers: fix to 〔〕', text: docNumbers,
      errors: [
        { messageId: 'doc-number-year', line: 3, column: 8, message: '发文字号的年份应用六角括号“〔〕”，不用“[]”（GB/T 9704）',
          fix: withLine(docNumbers, 3, '1.依据国办发〔2019〕14号和国办发【2020】3号文件。（办公室负责）') },
        { messageId: 'doc-number-year', line: 3, column: 21, fix: withLine(docNumbers, 3, '1.依据国办发[2019]14号和国办发〔2020〕3号文件。（办公室负责）') },
      ],
    },
    {
      name: 'a title broken across two lines: one uncertain warning, not two errors', text: titleBroken,
      errors: [{ messageId: 'title-broken', line: 3, column: 5, uncertain: true, severity: 'warning', related: ['》'] }],
    },
    {
      name: 'unclosed ( of a unit clause: a fix closes it where the clause ends (certain: the clause runs to the paragraph end)', text: body('1.加强电话接听。(处室按职责分工负责。'),
      errors: [{ messageId: 'unclosed', line: 3, column: 10, suggestions: [], fix: body('1.加强电话接听。(处室按职责分工负责)。') }],
    },
    {
      name: 'unclosed ( that is no unit clause: only a suggestion', text: body('1.加强电话接听(含夜间值班。（办公室负责）'),
      errors: [{ messageId: 'unclosed', fix: null, suggestions: [{ output: body('1.加强电话接听(含夜间值班。（办公室负责）)') }] }],
    },
    {
      name: 'an unopened 》 and an unopened )', text: body('1.现将工作要点》印发。（办公室负责）', '2.做好丙)。（办公室负责）'),
      errors: [{ messageId: 'unopened', line: 3, column: 9 }, { messageId: 'unopened', line: 4, column: 6 }],
    },
    { name: 'a quotation that never closes in the last paragraph is still reported', text: body('1.他指出：“第一段话', '“第二段话。（办公室负责）'), errors: [{ messageId: 'unclosed', line: 4, column: 1 }] },
    {
      name: 'a mid-paragraph “ before a paragraph that only opens with a quoted term is unclosed',
      text: body('1.他说：“要落实', '“放管服”改革要求，做好审批服务工作。（办公室负责）'), errors: [{ messageId: 'unclosed', line: 3, column: 6 }],
    },
    {
      name: 'a mid-paragraph “ followed by a numbered item is unclosed, not a spanning quotation',
      text: body('1.他说：“第一段', '2.“第二段。”（办公室负责）'), errors: [{ messageId: 'unclosed', line: 3, column: 6 }],
    },
    { name: 'the corpus: 000 (〔 in 辽民函〔2020111, six unclosed clauses)', text: corpusText('000_'), errors: [8, 54, 60, 62, 74, 76, 78].map((line) => ({ messageId: 'unclosed', line })) },
    {
      name: 'the corpus: 004 (》, (, ))', text: corpusText('004_'),
      errors: [{ messageId: 'unopened', line: 6, column: 40 }, { messageId: 'unclosed', line: 16, column: 1 }, { messageId: 'unopened', line: 126, column: 102 }],
    },
  ],
});

test('punctuation-pair: the related location of a broken title is its 》', () => {
  const [d] = findingsOf('punctuation-pair', titleBroken);
  assert.equal(titleBroken.slice(d!.related![0]!.span.start, d!.related![0]!.span.end), '》');
});

const halfWidth = body('1.做好乙,加强协调;推进:落实!（办公室负责）');
const matched = body('1.做好甲(见附件A)。（办公室负责）');

ruleTester('punctuation-width', {
  valid: [{ name: 'ASCII context stays: 10:30, www.a.cn, A(1)B', text: body('1.会议于10:30召开。（办公室负责）', '访问www.a.cn/x?y=1。', 'A(1)B') }],
  invalid: [
    {
      name: 'half-width , ; : ! in Chinese text, each fixed to full width', text: halfWidth,
      errors: [
        { messageId: 'half-width', line: 3, column: 6, data: { char: ',', expected: '，' }, fix: withLine(halfWidth, 3, '1.做好乙，加强协调;推进:落实!（办公室负责）') },
        { messageId: 'half-width', line: 3, column: 11, data: { char: ';', expected: '；' } },
        { messageId: 'half-width', line: 3, column: 14, data: { char: ':', expected: '：' } },
        { messageId: 'half-width', line: 3, column: 17, data: { char: '!', expected: '！' } },
      ],
    },
    {
      name: 'a matched pair converts as one: (见附件A) → （见附件A）, never （见附件A)', text: matched,
      errors: ['(', ')'].map((char) => ({ messageId: 'half-width', data: { char, expected: char === '(' ? '（' : '）' }, fix: body('1.做好甲（见附件A）。（办公室负责）') })),
    },
  ],
});

test('punctuation-width: off by default', () => {
  const text = body('1.做好乙,加强协调;推进落实。(办公室负责)');
  assert.deepEqual(lint(text).diagnostics.filter((d) => d.ruleId === 'punctuation-width'), []);
});

test('punctuation-width: the corpus copies converted wholesale are reported when switched on', () => {
  assert.ok(findingsOf('punctuation-width', corpusText('000_')).length > 50);
});

// punctuation-pair (GB/T 15834-2011 §4.8, 4.9, 4.15; GB/T 9704 for 〔〕 in document numbers) and
// punctuation-width (off by default): exact places, and the traps of FORMAT.md §3 — a title broken
// across two lines, a quotation spanning paragraphs, an apostrophe as `’99`.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index.js';
import { corpusText, diagnosticsOf, doc, fixed, fixtureText, lineOf, reportsOf, TITLE } from '../fixtures/helpers.js';

const PAIR = 'punctuation-pair';
const WIDTH = 'punctuation-width';
const body = (...lines: string[]) => doc(TITLE, '一、重点任务', ...lines);

describe('punctuation-pair: must pass', () => {
  const clean: [string, string][] = [
    ['nesting “…‘…’…”, 《…〈…〉…》, 〔…（…）…〕', body('1.他说：“要落实‘放管服’要求。”学习《关于〈条例〉的说明》。〔各司（局）按职责分工负责〕')],
    ['every kind of pair, both widths', body('1.甲（乙）(丙)〔丁〕［戊］[己]【庚】《辛》〈壬〉“癸”‘子’「丑」『寅』。（办公室负责）')],
    ['a document number with 〔2019〕', body('1.落实国办发〔2019〕14号文件。（办公室负责）')],
    ['a quotation spanning paragraphs: each opens “, only the last closes', body('1.他指出：“第一段话', '“第二段话', '“第三段话。”（办公室负责）')],
    ['a quotation spanning paragraphs that opens at the paragraph start', body('1.学习讲话。（办公室负责）', '“第一段话', '“第二段话。”')],
    ['an apostrophe as ’99', body('1.回顾’99年以来的工作。（办公室负责）')],
  ];
  for (const [name, text] of clean) test(name, () => assert.deepEqual(reportsOf(text, PAIR), []));

  test('the clean corpus document 001 and the fixtures', () => {
    assert.deepEqual(reportsOf(corpusText('001_'), PAIR), []);
    for (const f of ['through-24.txt', 'traditional.txt', 'table-tsv.txt']) assert.deepEqual(reportsOf(fixtureText(f), PAIR), [], f);
  });
});

describe('punctuation-pair: must fail', () => {
  test('crossed （《…）》: one error at 《, naming where its 》 is', () => {
    const text = body('1.学习（《办法）》。（办公室负责）');
    assert.deepEqual(reportsOf(text, PAIR), [{ rule: PAIR, line: 3, column: 6, key: 'punctuation-pair/crossed' }]);
    const [d] = diagnosticsOf(text, PAIR);
    assert.deepEqual(d!.data, { char: '《', expected: '》', partner: '》', partnerLine: 3, partnerColumn: 10 });
    assert.equal(d!.severity, 'error');
  });

  test('wrong width （…): error at ), a suggestion (not a safe fix) to write ）', () => {
    const text = body('1.做好乙（办公室负责)');
    assert.deepEqual(reportsOf(text, PAIR), [{ rule: PAIR, line: 3, column: 12, key: 'punctuation-pair/wrong-width' }]);
    const [d] = diagnosticsOf(text, PAIR);
    assert.equal(d!.message, '“（”与“)”全角半角不一致，应为“）”');
    assert.equal(d!.fix, undefined);
    assert.equal(lineOf(fixed(text, { ...d!, fix: d!.suggestions![0] }), 3), '1.做好乙（办公室负责）');
  });

  test('[2019] and 【2020】 in document numbers: fix to 〔〕', () => {
    const text = body('1.依据国办发[2019]14号和国办发【2020】3号文件。（办公室负责）');
    assert.deepEqual(reportsOf(text, PAIR), [
      { rule: PAIR, line: 3, column: 8, key: 'punctuation-pair/doc-number-year' },
      { rule: PAIR, line: 3, column: 21, key: 'punctuation-pair/doc-number-year' },
    ]);
    const ds = diagnosticsOf(text, PAIR);
    assert.equal(lineOf(fixed(text, ds[0]!), 3), '1.依据国办发〔2019〕14号和国办发【2020】3号文件。（办公室负责）');
    assert.equal(lineOf(fixed(text, ds[1]!), 3), '1.依据国办发[2019]14号和国办发〔2020〕3号文件。（办公室负责）');
    assert.equal(ds[0]!.message, '发文字号的年份应用六角括号“〔〕”，不用“[]”（GB/T 9704）');
  });

  test('a title broken across two lines: one uncertain warning, not two errors', () => {
    const text = body('1.推进《政府网站集约化', '试点工作方案》落实。（办公室负责）');
    assert.deepEqual(reportsOf(text, PAIR), [{ rule: PAIR, line: 3, column: 5, key: 'punctuation-pair/title-broken' }]);
    const [d] = diagnosticsOf(text, PAIR);
    assert.equal(d!.uncertain, true);
    assert.equal(d!.severity, 'warning');
    assert.equal(d!.related?.length, 1);
    assert.equal(text.slice(d!.related![0]!.span.start, d!.related![0]!.span.end), '》');
  });

  test('unclosed ( of a unit clause: a fix closes it where the clause ends (certain: the clause runs to the paragraph end)', () => {
    const text = body('1.加强电话接听。(处室按职责分工负责。');
    assert.deepEqual(reportsOf(text, PAIR), [{ rule: PAIR, line: 3, column: 10, key: 'punctuation-pair/unclosed' }]);
    const [d] = diagnosticsOf(text, PAIR);
    assert.equal(d!.suggestions, undefined);
    assert.equal(lineOf(fixed(text, d!), 3), '1.加强电话接听。(处室按职责分工负责)。');
  });

  test('unclosed ( that is no unit clause: only a suggestion', () => {
    const text = body('1.加强电话接听(含夜间值班。（办公室负责）');
    const [d] = diagnosticsOf(text, PAIR);
    assert.equal(d!.fix, undefined);
    assert.equal(d!.suggestions?.length, 1);
  });

  test('an unopened 》 and an unopened )', () => {
    const text = body('1.现将工作要点》印发。（办公室负责）', '2.做好丙)。（办公室负责）');
    assert.deepEqual(reportsOf(text, PAIR), [
      { rule: PAIR, line: 3, column: 9, key: 'punctuation-pair/unopened' },
      { rule: PAIR, line: 4, column: 6, key: 'punctuation-pair/unopened' },
    ]);
  });

  test('a quotation that never closes in the last paragraph is still reported', () => {
    const text = body('1.他指出：“第一段话', '“第二段话。（办公室负责）');
    assert.deepEqual(reportsOf(text, PAIR).map((r) => [r.line, r.column, r.key]), [[4, 1, 'punctuation-pair/unclosed']]);
  });

  test('a mid-paragraph “ before a paragraph that only opens with a quoted term is unclosed', () => {
    const text = body('1.他说：“要落实', '“放管服”改革要求，做好审批服务工作。（办公室负责）');
    assert.deepEqual(reportsOf(text, PAIR).map((r) => [r.line, r.column, r.key]), [[3, 6, 'punctuation-pair/unclosed']]);
  });

  test('a mid-paragraph “ followed by a numbered item is unclosed, not a spanning quotation', () => {
    const text = body('1.他说：“第一段', '2.“第二段。”（办公室负责）');
    assert.deepEqual(reportsOf(text, PAIR).map((r) => [r.line, r.column, r.key]), [[3, 6, 'punctuation-pair/unclosed']]);
  });

  test('the corpus: 000 (〔 in 辽民函〔2020111, six unclosed clauses), 004 (》, (, ))', () => {
    assert.deepEqual(reportsOf(corpusText('000_'), PAIR).map((r) => r.line), [8, 54, 60, 62, 74, 76, 78]);
    assert.deepEqual(reportsOf(corpusText('004_'), PAIR).map((r) => [r.line, r.column, r.key]), [
      [6, 40, 'punctuation-pair/unopened'], [16, 1, 'punctuation-pair/unclosed'], [126, 102, 'punctuation-pair/unopened'],
    ]);
  });
});

describe('punctuation-width', () => {
  test('off by default', () => {
    const text = body('1.做好乙,加强协调;推进落实。(办公室负责)');
    assert.deepEqual(lint(text).diagnostics.filter((d) => d.ruleId === WIDTH), []);
  });

  test('half-width , ; : ! in Chinese text, each fixed to full width', () => {
    const text = body('1.做好乙,加强协调;推进:落实!（办公室负责）');
    assert.deepEqual(reportsOf(text, WIDTH).map((r) => [r.line, r.column]), [[3, 6], [3, 11], [3, 14], [3, 17]]);
    const ds = diagnosticsOf(text, WIDTH);
    assert.deepEqual(ds.map((d) => d.data.expected), ['，', '；', '：', '！']);
    assert.equal(lineOf(fixed(text, ds[0]!), 3), '1.做好乙，加强协调;推进:落实!（办公室负责）');
  });

  test('a matched pair converts as one: (见附件A) → （见附件A）, never （见附件A)', () => {
    const text = body('1.做好甲(见附件A)。（办公室负责）');
    const ds = diagnosticsOf(text, WIDTH);
    assert.deepEqual(ds.map((d) => d.data.char), ['(', ')']);
    for (const d of ds) assert.equal(lineOf(fixed(text, d), 3), '1.做好甲（见附件A）。（办公室负责）');
    assert.deepEqual(reportsOf(fixed(text, ds[0]!), PAIR), []);
  });

  test('ASCII context stays: 10:30, www.a.cn, A(1)B', () => {
    const text = body('1.会议于10:30召开。（办公室负责）', '访问www.a.cn/x?y=1。', 'A(1)B');
    assert.deepEqual(reportsOf(text, WIDTH), []);
  });

  test('the corpus copies converted wholesale are reported when switched on', () => {
    assert.ok(reportsOf(corpusText('000_'), WIDTH).length > 50);
  });
});

// unit-clause: a unit clause that is present but malformed — not bracketed, a bracket missing,
// an empty slot, two units run together. A present-but-malformed clause is never a task-unit error.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, diagnosticsOf, doc, fixed, fixtureText, lineOf, reportsOf } from '../fixtures/helpers.js';

const RULE = 'unit-clause';
const PLAN = '某某局2024年工作方案';

describe('unit-clause: must pass', () => {
  test('bracketed clauses of every form', () => {
    const text = doc(PLAN, '一、重点任务',
      '1.做好甲。（办公室牵头，各处室配合）',
      '2.做好乙。（牵头单位：县委编办；责任单位：县政府各部门）',
      '3.做好丙。〔各司（局）按职责分工负责〕',
      '4.做好丁。',
      '责任单位：省政府各部门、各直属机构。',
      '5.做好戊。（主（協）辦機關：法規司、信息中心）');
    assert.deepEqual(reportsOf(text, RULE), []);
  });

  test('the clean corpus document 001 and the fixtures', () => {
    assert.deepEqual(reportsOf(corpusText('001_'), RULE), []);
    assert.deepEqual(reportsOf(fixtureText('through-24.txt'), RULE), []);
    assert.deepEqual(reportsOf(fixtureText('traditional.txt'), RULE), []);
  });

  test('a framing section is not checked', () => {
    assert.deepEqual(reportsOf(doc(PLAN, '一、保障措施', '（一）加强领导。办公室牵头，各处室配合'), RULE), []);
  });
});

describe('unit-clause: must fail', () => {
  test('unbracketed at the end of the text: fix wraps it in （）', () => {
    const text = doc(PLAN, '一、重点任务', '1.做好甲，动态更新。办公室牵头，各有关处室配合');
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 3, column: 12, key: 'unit-clause/unbracketed' }]);
    const [d] = diagnosticsOf(text, RULE);
    assert.equal(d!.severity, 'warning');
    assert.equal(d!.message, '责任单位“办公室牵头，各有关处室配合”未加括号，应写作“（办公室牵头，各有关处室配合）”');
    assert.equal(lineOf(fixed(text, d!), 3), '1.做好甲，动态更新。（办公室牵头，各有关处室配合）');
    assert.deepEqual(reportsOf(fixed(text, d!), RULE), []);
    assert.deepEqual(reportsOf(text, 'task-unit'), [], 'present, so no task-unit error');
  });

  test('glued to the text: uncertain, offered as a suggestion, never applied unattended', () => {
    // 审批处 is known as a unit from a bracketed clause: that tells where the glued name starts
    const text = doc(PLAN, '一、重点任务', '1.做好甲。（审批处负责）', '2.及时公开办事条件等信息审批处牵头，各有关处室配合');
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 4, column: 14, key: 'unit-clause/unbracketed-glued' }]);
    const [d] = diagnosticsOf(text, RULE);
    assert.equal(d!.uncertain, true);
    assert.equal(d!.fix, undefined);
    assert.equal(d!.data.first, '审批处');
    assert.equal(d!.suggestions?.length, 1);
    assert.equal(lineOf(fixed(text, { ...d!, fix: d!.suggestions![0] }), 4), '2.及时公开办事条件等信息（审批处牵头，各有关处室配合）');
  });

  test('opened, never closed: one finding (punctuation-pair), whose fix closes the clause with the same width', () => {
    const text = doc(PLAN, '一、重点任务', '1.加强电话接听工作。(处室、民服中心按职责分工负责');
    assert.deepEqual(reportsOf(text, RULE), []);
    assert.deepEqual(reportsOf(text, 'punctuation-pair').map((r) => [r.line, r.column, r.key]), [[3, 12, 'punctuation-pair/unclosed']]);
    const [d] = diagnosticsOf(text, 'punctuation-pair');
    assert.equal(d!.message, '“(”在本段内没有对应的“)”');
    assert.equal(lineOf(fixed(text, d!), 3), '1.加强电话接听工作。(处室、民服中心按职责分工负责)');
  });

  test('the closer placed before a final 。', () => {
    const text = doc(PLAN, '一、重点任务', '1.做好甲。（办公室负责。');
    const [d] = diagnosticsOf(text, 'punctuation-pair');
    assert.equal(lineOf(fixed(text, d!), 3), '1.做好甲。（办公室负责）。');
  });

  test('closed, never opened: one finding (punctuation-pair), a suggestion only (where it opened is a guess)', () => {
    const text = doc(PLAN, '一、重点任务', '1.配齐配强工作力量。责任单位：各乡镇（街道）、县政府各部门）');
    assert.deepEqual(reportsOf(text, RULE), []);
    assert.deepEqual(reportsOf(text, 'punctuation-pair').map((r) => [r.line, r.column, r.key]), [[3, 31, 'punctuation-pair/unopened']]);
    const [d] = diagnosticsOf(text, 'punctuation-pair');
    assert.equal(d!.fix, undefined);
    assert.equal(fixed(text, { ...d!, fix: d!.suggestions![0] }), doc(PLAN, '一、重点任务', '1.配齐配强工作力量。（责任单位：各乡镇（街道）、县政府各部门）'));
  });

  test('an empty slot: （牵头单位：；责任单位：各处室）', () => {
    const text = doc(PLAN, '一、重点任务', '1.做好甲。（牵头单位：；责任单位：各处室）');
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 3, column: 8, key: 'unit-clause/empty-slot' }]);
    assert.equal(diagnosticsOf(text, RULE)[0]!.message, '“牵头单位：”后未写单位');
  });

  test('two units run together (uncertain): 县政府各部门县机关运行保障中心', () => {
    const text = doc(PLAN, '一、重点任务', '1.做好甲。（责任单位：县政府各部门县机关运行保障中心）');
    assert.deepEqual(reportsOf(text, RULE), [{ rule: RULE, line: 3, column: 13, key: 'unit-clause/run-together' }]);
    const [d] = diagnosticsOf(text, RULE);
    assert.equal(d!.uncertain, true);
    assert.equal(d!.message, '“县政府各部门县机关运行保障中心”可能是两个单位连写，缺少“、”（推测）');
  });

  test('the corpus: 000 (unbracketed, glued), 004 (run together); lost brackets are punctuation-pair\'s', () => {
    assert.deepEqual(reportsOf(corpusText('000_'), RULE).map((r) => [r.line, r.key.replace('unit-clause/', '')]), [
      [26, 'unbracketed'], [30, 'unbracketed-glued'], [46, 'unbracketed-glued'], [48, 'unbracketed'], [66, 'unbracketed'],
    ]);
    assert.deepEqual(reportsOf(corpusText('004_'), RULE).map((r) => [r.line, r.key]), [[70, 'unit-clause/run-together']]);
  });
});

// unit-clause: a unit clause that is present but malformed — not bracketed, a bracket missing,
// an empty slot, two units run together. A present-but-malformed clause is never a task-unit error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusText, doc, fixtureText } from '../fixtures/helpers.js';
import { findingsOf, ruleTester } from '../fixtures/rule-tester.js';

const PLAN = '某某局2024年工作方案';
const tasks = (...lines: string[]) => doc(PLAN, '一、重点任务', ...lines);

const unbracketed = tasks('1.做好甲，动态更新。办公室牵头，各有关处室配合');
const unclosed = tasks('1.加强电话接听工作。(处室、民服中心按职责分工负责');
const unopened = tasks('1.配齐配强工作力量。责任单位：各乡镇（街道）、县政府各部门）');
const corpus000 = [
  [26, 'unbracketed'], [30, 'unbracketed-glued'], [46, 'unbracketed-glued'], [48, 'unbracketed'], [66, 'unbracketed'],
] as const;

ruleTester('unit-clause', {
  valid: [
    {
      name: 'bracketed clauses of every form',
      text: tasks(
        '1.做好甲。（办公室牵头，各处室配合）',
        '2.做好乙。（牵头单位：县委编办；责任单位：县政府各部门）',
        '3.做好丙。〔各司（局）按职责分工负责〕',
        '4.做好丁。',
        '责任单位：省政府各部门、各直属机构。',
        '5.做好戊。（主（協）辦機關：法規司、信息中心）'),
    },
    { name: 'the clean corpus document 001', text: corpusText('001_') },
    ...['through-24.txt', 'traditional.txt'].map((f) => ({ name: `the fixture ${f}`, text: fixtureText(f) })),
    { name: 'a framing section is not checked', text: doc(PLAN, '一、保障措施', '（一）加强领导。办公室牵头，各处室配合') },
    { name: 'an unbracketed clause once fixed', text: tasks('1.做好甲，动态更新。（办公室牵头，各有关处室配合）') },
  ],
  invalid: [
    {
      name: 'unbracketed at the end of the text: fix wraps it in （）', text: unbracketed,
      errors: [{ messageId: 'unbracketed', line: 3, column: 12, severity: 'warning', message: '责任单位“办公室牵头，各有关处室配合”未加括号，应写作“（办公室牵头，各有关处室配合）”',
        fix: tasks('1.做好甲，动态更新。（办公室牵头，各有关处室配合）') }],
    },
    {
      // 审批处 is known as a unit from a bracketed clause: that tells where the glued name starts
      name: 'glued to the text: uncertain, offered as a suggestion, never applied unattended',
      text: tasks('1.做好甲。（审批处负责）', '2.及时公开办事条件等信息审批处牵头，各有关处室配合'),
      errors: [{ messageId: 'unbracketed-glued', line: 4, column: 14, uncertain: true, fix: null, data: { clause: '审批处牵头，各有关处室配合', first: '审批处' },
        suggestions: [{ output: tasks('1.做好甲。（审批处负责）', '2.及时公开办事条件等信息（审批处牵头，各有关处室配合）') }] }],
    },
    {
      name: 'an empty slot: （牵头单位：；责任单位：各处室）', text: tasks('1.做好甲。（牵头单位：；责任单位：各处室）'),
      errors: [{ messageId: 'empty-slot', line: 3, column: 8, message: '“牵头单位：”后未写单位' }],
    },
    {
      name: 'two units run together (uncertain): 县政府各部门县机关运行保障中心', text: tasks('1.做好甲。（责任单位：县政府各部门县机关运行保障中心）'),
      errors: [{ messageId: 'run-together', line: 3, column: 13, uncertain: true, message: '“县政府各部门县机关运行保障中心”可能是两个单位连写，缺少“、”（推测）' }],
    },
    { name: 'the corpus: 000 (unbracketed, glued); lost brackets are punctuation-pair\'s', text: corpusText('000_'), errors: corpus000.map(([line, messageId]) => ({ line, messageId })) },
    { name: 'the corpus: 004 (run together)', text: corpusText('004_'), errors: [{ messageId: 'run-together', line: 70 }] },
  ],
});

test('unit-clause: a present but unbracketed clause is no task-unit error', () => {
  assert.deepEqual(findingsOf('task-unit', unbracketed), []);
});

// a lost bracket of a unit clause is one finding, punctuation-pair's, whose fix closes the clause
ruleTester('punctuation-pair', {
  invalid: [
    {
      name: 'opened, never closed: one finding (punctuation-pair), whose fix closes the clause with the same width', text: unclosed,
      errors: [{ messageId: 'unclosed', line: 3, column: 12, message: '“(”在本段内没有对应的“)”', fix: tasks('1.加强电话接听工作。(处室、民服中心按职责分工负责)') }],
    },
    { name: 'the closer placed before a final 。', text: tasks('1.做好甲。（办公室负责。'), errors: [{ messageId: 'unclosed', fix: tasks('1.做好甲。（办公室负责）。') }] },
    {
      name: 'closed, never opened: one finding (punctuation-pair), a suggestion only (where it opened is a guess)', text: unopened,
      errors: [{ messageId: 'unopened', line: 3, column: 31, fix: null, suggestions: [{ output: tasks('1.配齐配强工作力量。（责任单位：各乡镇（街道）、县政府各部门）') }] }],
    },
  ],
});

test('unit-clause: a lost bracket is no unit-clause finding (punctuation-pair reports it once)', () => {
  assert.deepEqual(findingsOf('unit-clause', unclosed), []);
  assert.deepEqual(findingsOf('unit-clause', unopened), []);
});

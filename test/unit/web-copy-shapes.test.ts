// Shapes of web copies of real plans (issues 15 and 21, a second set of unseen documents), each on
// text written here in that shape: exact diagnostics and the exact `fengong inspect` lines.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index.js';
import { explainPlan, renderExplanation } from '../../server/src/engine/explain.js';
import { doc, plan, where } from '../fixtures/helpers.js';
import { nearCollision } from '../../server/src/engine/rules/unit-name.js';
import { documentRoleMatcher, makeRoleMatcher } from '../../server/src/engine/model/units.js';

const diagnostics = (text: string) => lint(text).diagnostics.map((d) => ({ ...where(text, d), data: d.data }));
/** what `fengong inspect` prints after the file name */
const inspect = (text: string) => renderExplanation(explainPlan(plan(text))).split('\n');

describe('the small full stop `﹒` (U+FE52) of web copies', () => {
  test('`1﹒` is a rank-3 marker as right as `1．`; `二﹒` is heading 二 with a wrong delimiter', () => {
    const t = doc('某某局2024年工作要点', '一、推进决策公开', '1﹒做好甲。落实甲项工作。（办公室负责）', '2﹒做好乙。落实乙项工作。（法规科负责）',
      '二﹒推进执行公开', '3﹒做好丙。落实丙项工作。（办公室负责）');
    assert.deepEqual(diagnostics(t), [
      { rule: 'numbering-format', line: 5, column: 1, key: 'numbering-format/wrong-delimiter', data: { marker: '二﹒', rank: 1, rankName: '一级', expected: '、', actual: '﹒' } },
    ]);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：3', '',
      '2  一、推进决策公开',
      '  3  1.做好甲 → 办公室（负责）',
      '  4  2.做好乙 → 法规科（负责）',
      '5  二、推进执行公开',
      '  6  3.做好丙 → 办公室（负责）',
      '',
    ]);
  });

  test('`3﹒1` is a section number, not item 3', () => {
    const t = doc('某某局2024年工作要点', '一、推进决策公开', '1﹒做好甲。落实甲项工作。（办公室负责）', '3﹒1 工作安排', '2﹒做好乙。落实乙项工作。（法规科负责）');
    assert.deepEqual(plan(t).allItems.map((i) => i.marker.raw), ['一、', '1﹒', '2﹒']);
  });
});

describe('a lead-in that sends the reader to the annexed table', () => {
  const lines = ['某某市促进消费三年行动方案', '一、指导思想', '坚持扩大内需。', '二、重点任务', '围绕五大行动，明确10项具体措施，各项措施的责任单位和完成时限见附件。',
    '三、保障措施', '（一）加强组织领导。成立工作专班。', '附件', '重点任务清单', '重点行动\t具体措施\t责任单位\t完成时限',
    '一、消费设施提升行动\t1.改造提升商业街区。\t市商务局\t2025年12月底前', '\t2.完善便民生活圈。\t市住建局\t持续推进'];

  test('`二、重点任务` whose text points to the annex is a lead-in, no task; the table rows are the tasks', () => {
    const t = doc(...lines);
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：2', '',
      '2  一、指导思想 [总体要求类部分] — 总体要求类段落，不列为任务',
      '4  二、重点任务 — 引言，任务及责任单位见附件表格，不列为任务',
      '6  三、保障措施 [总体要求类部分]',
      '  7  （一）加强组织领导 [总体要求类部分] — 总体要求类段落，不列为任务',
      '11  一、消费设施提升行动',
      '  11  1.改造提升商业街区 → 市商务局（负责）',
      '  12  2.完善便民生活圈 → 市住建局（负责）',
      '',
    ]);
  });

  test('without the table after it, the same item is a task that names no unit', () => {
    const t = doc(...lines.slice(0, 7));
    assert.deepEqual(diagnostics(t).map((d) => [d.rule, d.line, d.column, d.key]), [['task-unit', 4, 1, 'task-unit/missing']]);
  });
});

describe('a closing section `切实抓好组织落实`', () => {
  test('is framing (组织落实, kin of 组织实施, after a verb): its prose paragraphs are no task', () => {
    const t = doc('某某省2024年重点工作分工方案', '一、重点工作分工', '1.扩大有效投资。（省发展改革委牵头，省直有关部门按职责分工负责）',
      '二、切实抓好组织落实', '各地各部门要提高站位，确保各项工作落到实处。', '各牵头部门要会同有关部门制定具体方案，于3月底前报省政府办公厅。');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：1', '',
      '2  一、重点工作分工',
      '  3  1.扩大有效投资 → 省发展改革委（牵头）、省直有关部门（负责）',
      '4  二、切实抓好组织落实 [总体要求类部分] — 总体要求类段落，不列为任务',
      '',
    ]);
  });
});

describe('two inline enumerations in one paragraph', () => {
  test('a `一是` after a new sentence’s lead-in (`以下工作：一是`) starts a new list; a `一是` inside the sentence is still out of order', () => {
    const t = doc('关于2023年度审计查出问题整改情况的报告', '一、整改总体情况',
      '主要原因：一是历史遗留因素多；二是协调周期长；三是重视不够。下一步，将继续做好以下工作：一是督促整改；二是完善机制。',
      '二、下一步工作', '一是加强督促；二是压实责任；一是完善制度。');
    assert.deepEqual(diagnostics(t), [
      { rule: 'numbering-inline', line: 5, column: 15, key: 'numbering-inline/order', data: { expected: '三是', actual: '一是' } },
    ]);
  });
});

describe('the small ideographic comma `﹑` (U+FE51) of web copies', () => {
  test('`一﹑` is heading 一 as right as `一、`; `1﹑` is item 1 with the wrong delimiter, as `1、`', () => {
    const t = doc('某某局2024年工作要点', '一﹑推进决策公开', '1.做好甲。落实甲项工作。（办公室负责）', '2﹑做好乙。落实乙项工作。（法规科负责）', '二﹑推进执行公开', '3.做好丙。落实丙项工作。（办公室负责）');
    assert.deepEqual(diagnostics(t), [
      { rule: 'numbering-format', line: 4, column: 1, key: 'numbering-format/wrong-delimiter', data: { marker: '2﹑', rank: 3, rankName: '三级', expected: '.', actual: '﹑' } },
    ]);
    assert.deepEqual(inspect(t).slice(5, 9), ['2  一、推进决策公开', '  3  1.做好甲 → 办公室（负责）', '  4  2.做好乙 → 法规科（负责）', '5  二、推进执行公开']);
  });
});

describe('unit-name: a qualifier after a scope word names another set', () => {
  test('`县直有关部门` and `县直有关主管部门` are no near-collision; `区交通建设局` and `区交通运输建设局` still are', () => {
    assert.equal(nearCollision('县直有关部门', '县直有关主管部门'), undefined);
    assert.deepEqual(nearCollision('区交通建设局', '区交通运输建设局'), { kind: 'insert', chars: '运输' });
    const t = doc('某某县2021年政务公开工作要点', '一、重点任务', '（一）做好甲。落实甲项工作。（责任单位：县直有关部门）', '（二）做好乙。落实乙项工作。（责任单位：县直有关部门）',
      '（三）做好丙。落实丙项工作。（责任单位：县直有关主管部门）');
    assert.deepEqual(diagnostics(t), []);
  });
});

describe('label paragraphs after an item', () => {
  test('a line of labels starting with a person’s field is a clause of its own, not an unbracketed clause run into the text', () => {
    const t = doc('某某市2023年重点工作责任分工方案', '一、稳定经济增长', '1﹒生产总值增长6%左右。', '牵头领导：张明　牵头单位：市发改委　配合单位：市统计局',
      '2﹒新增就业3万人。', '牵头负责领导：李华。', '牵头责任单位：市人社局。', '协同责任单位：市教育局、市财政局等。');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(5), [
      '2  一、稳定经济增长',
      '  3  1.生产总值增长6%左右 → 市发改委（牵头）、市统计局（配合）',
      '  5  2.新增就业3万人 → 市人社局（牵头）、市教育局（配合）、市财政局（配合）',
      '',
    ]);
  });
});

describe('the role verb a document writes after 牵头/分别/按职责分工', () => {
  test('is learned (卖力), never a task verb (推进) or a label’s noun (单位), and only the few most used: no text grows the role words without bound', () => {
    const base = makeRoleMatcher().words.length;
    const spun = documentRoleMatcher('（甲局牵头卖力）（乙局、丙局按职责分工卖力）（丁局牵头推进）（牵头单位）（分别部门）');
    assert.deepEqual(spun.words.filter((w) => !makeRoleMatcher().words.some((b) => b.word === w.word)), [{ word: '卖力', role: 'responsible' }]);
    // 3,000 distinct tails made up from CJK characters: at most three are taken
    const many = Array.from({ length: 3000 }, (_, i) => `（甲局牵头${String.fromCharCode(0x4e00 + 2 * i, 0x4e01 + 2 * i)}）`).join('');
    assert.ok(documentRoleMatcher(many).words.length <= base + 3);
  });
});

describe('牵头 then a verb of the work in a bracket', () => {
  test('is a clause only where the names before it are units: `（各地要明确专人牵头抓好落实）` is none', () => {
    const t = doc('某某局2024年工作方案', '一、重点任务', '1.做好甲。落实甲项工作。（办公室牵头落实）', '2.做好乙。落实乙项工作。（各地要明确专人牵头抓好落实）');
    assert.deepEqual(diagnostics(t).map((d) => [d.rule, d.line, d.column, d.key]), [['task-unit', 4, 1, 'task-unit/missing']]);
    assert.deepEqual(inspect(t).slice(6, 8), ['  3  1.做好甲 → 办公室（牵头）', '  4  2.做好乙 → 未写明责任单位']);
  });
});

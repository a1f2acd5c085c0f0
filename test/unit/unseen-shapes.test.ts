// Shapes of real documents nobody here had seen (issue 21), each on text written in that shape:
// exact diagnostics and, where the shape decides tasks, the exact `fengong inspect` explanation.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../server/src/engine/index.js';
import { explainPlan, renderExplanation } from '../../server/src/engine/explain.js';
import { doc, plan, where } from '../fixtures/helpers.js';

const diagnostics = (text: string) => lint(text).diagnostics.map((d) => ({ ...where(text, d), data: d.data }));
/** what `fengong inspect` prints after the file name */
const inspect = (text: string) => renderExplanation(explainPlan(plan(text))).split('\n');

describe('numbering shapes', () => {
  test('`二.2024年重点任务`: heading 二 with a wrong dot, whatever follows the dot; 三. is no jump', () => {
    const t = doc('某某局2024年工作要点', '一、总体要求', '坚持稳中求进。', '二.2024年重点任务', '（一）做好甲。落实甲项工作。（办公室负责）', '三.保障措施', '加强组织领导。');
    assert.deepEqual(diagnostics(t), [
      { rule: 'numbering-format', line: 4, column: 1, key: 'numbering-format/wrong-delimiter', data: { marker: '二.', rank: 1, rankName: '一级', expected: '、', actual: '.' } },
      { rule: 'numbering-format', line: 6, column: 1, key: 'numbering-format/wrong-delimiter', data: { marker: '三.', rank: 1, rankName: '一级', expected: '、', actual: '.' } },
    ]);
    assert.deepEqual(inspect(t).slice(5, 9), [
      '2  一、总体要求 [总体要求类部分] — 总体要求类段落，不列为任务',
      '4  二、2024年重点任务',
      '  5  （一）做好甲 → 办公室（负责）',
      '6  三、保障措施 [总体要求类部分] — 总体要求类段落，不列为任务',
    ]);
  });

  test('`★1.`: the star of a key item hides no number', () => {
    const t = doc('某某局2024年考核实施方案', '一、考核内容', '★1.落实主体责任。制定年度计划。（办公室负责）', '2.推进信息公开。按时公开信息。（政策法规科负责）', '☆ 3.加强队伍建设。开展业务培训。（人事科负责）');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：3', '',
      '2  一、考核内容',
      '  3  1.落实主体责任 → 办公室（负责）',
      '  4  2.推进信息公开 → 政策法规科（负责）',
      '  5  3.加强队伍建设 → 人事科（负责）',
      '',
    ]);
  });

  test('a bare `三` on its own line lost its `、`; its heading is the next line', () => {
    const t = doc('某某局2024年工作要点', '一、推进决策公开', '（一）做好甲。落实甲项工作。（办公室负责）', '二、推进执行公开', '（一）做好乙。落实乙项工作。（办公室负责）',
      '三', '工作要求', '各科室要高度重视，确保落实。', '', '某某局', '2024年1月5日');
    assert.deepEqual(diagnostics(t), [
      { rule: 'numbering-format', line: 6, column: 1, key: 'numbering-format/missing-delimiter', data: { marker: '三', rank: 1, rankName: '一级', expected: '、' } },
    ]);
    assert.deepEqual(inspect(t).at(-2), '6  三、工作要求 [总体要求类部分] — 总体要求类段落，不列为任务');
  });

  test('a numeral alone on a line where the numbering does not expect it is text', () => {
    const t = doc('某某局2024年工作要点', '一、推进决策公开', '（一）做好甲。落实甲项工作。（办公室负责）', '五', '二、推进执行公开', '（一）做好乙。落实乙项工作。（办公室负责）');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(plan(t).allItems.map((i) => i.path), ['一、', '一、（一）', '二、', '二、（一）']);
  });

  test('`（一）` lists restart under each `第X条`: a list starting at `（二）` should start at `（一）`', () => {
    const t = doc('某某市物业管理条例', '第二十三条　业主大会履行下列职责：', '（一）制定管理规约；', '（二）选举业主委员会；', '（三）决定专项维修资金使用；',
      '（四）其他职责。', '第二十四条　业主委员会履行下列职责：', '（二）召集业主大会会议；', '（三）执行业主大会决定。', '第二十五条　本条例自公布之日起施行。');
    assert.deepEqual(diagnostics(t), [
      { rule: 'numbering-sequence', line: 8, column: 1, key: 'numbering-sequence/start', data: { expected: '（一）', actual: '（二）' } },
    ]);
    const p = plan(t);
    assert.deepEqual(p.numberingLists.map((l) => l.items.map((i) => i.heading.line + 1)), [[3, 4, 5, 6], [8, 9]]);
    assert.deepEqual(p.allItems.map((i) => i.body.length), [0, 0, 0, 0, 0, 0], 'an article line belongs to no item before it');
  });
});

describe('attachments after the plan', () => {
  const body = ['某某县2024年政务公开工作方案', '一、工作目标', '全面提升政务公开水平。', '二、重点任务', '（一）推进决策公开。落实预公开制度。（县政府办牵头）',
    '（二）做好政策解读。加强解读工作。（县司法局负责）', '三、保障措施', '加强组织领导，确保各项任务落实。'];

  test('`附件：…任务清单` followed by its items is an attachment of its own, not the last section\'s text', () => {
    const t = doc(...body, '附件：某某县2024年政务公开重点任务清单', '1.推进决策公开。（县政府办负责）', '2.做好政策解读。', '3.加强平台建设。（县政务服务中心负责）');
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [{ rule: 'task-unit', line: 11, column: 1, key: 'task-unit/missing' }]);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：5', '',
      '2  一、工作目标 [总体要求类部分] — 总体要求类段落，不列为任务',
      '4  二、重点任务',
      '  5  （一）推进决策公开 → 县政府办（牵头）',
      '  6  （二）做好政策解读 → 县司法局（负责）',
      '7  三、保障措施 [总体要求类部分] — 总体要求类段落，不列为任务',
      '10  1.推进决策公开 → 县政府办（负责）',
      '11  2.做好政策解读 → 未写明责任单位',
      '12  3.加强平台建设 → 县政务服务中心（负责）',
      '',
    ]);
  });

  test('`附件：…清单` in the closing, before the signature and date, is an entry of the attachment list', () => {
    const t = doc(...body, '附件：某某县2024年政务公开重点任务清单', '', '某某县人民政府办公室', '2024年1月5日');
    assert.deepEqual(plan(t).allItems.map((i) => i.path), ['一、', '二、', '二、（一）', '二、（二）', '三、']);
    assert.deepEqual(diagnostics(t), []);
  });

  test('a scoring sheet appended without a label is an attachment; its criteria are no tasks', () => {
    const t = doc(...body, '某某县政务公开工作考核评分表', '★1.决策公开（10分）。未落实预公开制度的扣2分。', '2.政策解读（10分）。未开展解读的扣2分。');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(-4), [
      '7  三、保障措施 [总体要求类部分] — 总体要求类段落，不列为任务',
      '10  1.决策公开（10分） [范围、指标等说明部分] — 范围、指标等说明，不列为任务',
      '11  2.政策解读（10分） [范围、指标等说明部分] — 范围、指标等说明，不列为任务',
      '',
    ]);
  });
});

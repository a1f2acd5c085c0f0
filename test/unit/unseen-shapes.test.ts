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

describe('titles', () => {
  const body = ['一、推进决策公开', '（一）做好甲。落实甲项工作。（县政府办负责）'];

  test('a title repeated on the next line is one title', () => {
    const t = doc('某某县2024年政务公开工作要点', '某某县2024年政务公开工作要点', '', ...body);
    assert.equal(plan(t).title?.text, '某某县2024年政务公开工作要点');
    assert.deepEqual(diagnostics(t), []);
  });

  test('a title broken over lines 2–4 under the issuer\'s mark is glued without the mark', () => {
    const t = doc('某某县人民政府办公室文件', '某某县2024年', '政务公开', '工作要点', '', ...body);
    assert.deepEqual(inspect(t).slice(0, 4), ['标题：某某县2024年政务公开工作要点', '文种：工作计划类（分解任务）', '依据：标题文种为“工作要点”', '任务：1']);
  });

  test('an edition in brackets on the next line still belongs to the title', () => {
    const t = doc('某某县2024年政务公开工作要点', '（征求意见稿）', '', ...body);
    assert.equal(plan(t).title?.text, '某某县2024年政务公开工作要点（征求意见稿）');
  });

  test('a long forwarding title on line 1 is the title, not the forwarded plan\'s title below', () => {
    const inner = '某某市推进数字经济与实体经济深度融合发展三年行动计划（2021—2023年）';
    const t = doc(`某某市人民政府办公室关于转发市发展改革委《${inner}》的通知`, '各区人民政府，市政府各部门：',
      `市发展改革委《${inner}》已经市政府同意，现转发给你们，请认真贯彻执行。`, '', '某某市人民政府办公室', '2021年5月6日', '', inner,
      '一、重点任务', '（一）推进数字产业化。培育数字产业集群。（市发展改革委牵头）', '（二）推进产业数字化。推动企业上云。');
    assert.deepEqual(inspect(t).slice(0, 3), [`标题：某某市人民政府办公室关于转发市发展改革委《${inner}》的通知`, '文种：工作计划类（分解任务）', '依据：标题文种为“行动计划”']);
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [{ rule: 'task-unit', line: 11, column: 1, key: 'task-unit/missing' }]);
  });

  test('`…工作规范` is a regulation; `关于规范…的通知` is not', () => {
    const t = doc('某某市交通警察道路执勤执法工作规范', '一、一般规定', '（一）交通警察执勤执法应当严格遵守法律。', '（二）交通警察执勤执法应当着制式服装。');
    assert.deepEqual(inspect(t).slice(0, 4), ['标题：某某市交通警察道路执勤执法工作规范', '文种：规章制度类（按条款）', '依据：标题文种为“规范”', '任务：0']);
    assert.deepEqual(diagnostics(t), []);
    assert.equal(plan(doc('关于印发《某某市政务服务工作规范》的通知', ...body)).genre.genre, 'regulation');
    const verb = plan(doc('关于规范某某县政务新媒体管理的通知', ...body, '（二）做好乙。落实乙项工作。（县政府办负责）'));
    assert.deepEqual([verb.genre.genre, verb.genre.titleWord], ['plan', '通知']);
  });

  test('a traditional-script `…制度` with a `主（協）辦機關：` header and no `第X條` is a plan the header covers', () => {
    const t = doc('某某縣政府服務承諾制度', '', '主（協）辦機關：縣政府辦公室、縣財政局', '', '一、承諾事項', '（一）公開辦事流程。在政府網站公開各類辦事流程。',
      '（二）限時辦結。一般事項三個工作日內辦結。', '二、監督方式', '（一）設立投訴電話。受理群眾投訴。');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t), [
      '标题：某某縣政府服務承諾制度', '文种：工作计划类（分解任务）', '依据：标题文种为“制度”；正文不按“第X条”分条；文首写明承办单位；正文有 1 段写明责任单位', '任务：3', '',
      '5  一、承諾事項',
      '  6  （一）公開辦事流程 → 责任单位见“主（協）辦機關：縣政府辦公室、縣財政局”',
      '  7  （二）限時辦結 → 责任单位见“主（協）辦機關：縣政府辦公室、縣財政局”',
      '8  二、監督方式',
      '  9  （一）設立投訴電話 → 责任单位见“主（協）辦機關：縣政府辦公室、縣財政局”',
      '',
    ]);
    const withArticles = doc('某某縣政府服務承諾制度', '主（協）辦機關：縣政府辦公室', '第一條　為規範服務，制定本制度。', '第二條　本制度自發布之日起施行。', '第三條　本制度由縣政府辦公室負責解釋。');
    assert.equal(plan(withArticles).genre.genre, 'regulation');
  });
});

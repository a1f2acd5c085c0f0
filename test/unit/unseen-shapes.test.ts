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

describe('descriptive lists and schedules are no tasks', () => {
  test('the dimensions of an evaluation under `一、工作内容`; `三、工作计划` with `2020年，…` stages', () => {
    const t = doc('某某市城市体检工作方案', '一、工作内容', '（一）生态宜居。反映城市的大气、水、绿地等生态环境状况。', '（二）健康舒适。反映城市住房、社区服务设施的完善程度。',
      '（三）安全韧性', '主要反映城市应对灾害的能力。', '二、重点任务', '（一）建立指标体系。制定评价指标。（市住房城乡建设局牵头）', '（二）开展自体检。各区开展自体检。（各区政府负责）',
      '三、工作计划', '2020年，在10个城市开展试点。', '2030年，全面推开城市体检。');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：2', '',
      '2  一、工作内容',
      '  3  （一）生态宜居 [范围、指标等说明部分] — 范围、指标等说明，不列为任务',
      '  4  （二）健康舒适 [范围、指标等说明部分] — 范围、指标等说明，不列为任务',
      '  5  （三）安全韧性 [范围、指标等说明部分] — 范围、指标等说明，不列为任务',
      '7  二、重点任务',
      '  8  （一）建立指标体系 → 市住房城乡建设局（牵头）',
      '  9  （二）开展自体检 → 各区政府（负责）',
      '10  三、工作计划 [总体要求类部分] — 总体要求类段落，不列为任务',
      '',
    ]);
  });

  test('a schedule under any noun heading; a task among descriptions keeps its siblings tasks', () => {
    const t = doc('某某市城市更新实施方案', '一、重点任务', '（一）推进老旧小区改造。完成改造100个。（市住房城乡建设局牵头）', '（二）发展路径', '2025年，完成全部老旧小区改造。',
      '2030年，城市功能全面提升。', '（三）加强监管。落实主体责任。', '二、评价内容', '（一）生态宜居。反映城市的生态环境状况。', '（二）开展评估。组织专家评估。');
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [
      { rule: 'task-unit', line: 7, column: 1, key: 'task-unit/missing' },
      { rule: 'task-unit', line: 9, column: 1, key: 'task-unit/missing' },
      { rule: 'task-unit', line: 10, column: 1, key: 'task-unit/missing' },
    ]);
    assert.deepEqual(inspect(t)[7], '  4  （二）发展路径 [总体要求类部分] — 总体要求类段落，不列为任务');
  });
});

describe('a forwarding notice\'s own paragraphs', () => {
  const cover = ['某某县人民政府', '', '关于印发某某县2012年', '', '重点工作安排的通知', '', '各乡镇人民政府，县政府各部门：',
    '现将《某某县2012年重点工作安排》印发给你们，并就有关事项通知如下：', '一、提高认识。各级各部门要认真学习《安排》，切实增强责任感。',
    '二、狠抓落实。各级各部门要结合实际，制定具体措施，确保各项任务落到实处。', '三、加强督查。县政府督查室要定期督查各项任务进展情况。'];
  const plan2012 = ['一、经济发展', '（一）抓好项目建设。全年完成投资50亿元。（县发改局牵头）', '（二）抓好招商引资。引进项目20个。'];
  const expected = (first: number) => [
    '标题：某某县人民政府关于印发某某县2012年重点工作安排的通知', '文种：工作计划类（分解任务）', '依据：标题文种为“工作安排”', '任务：2', '',
    '9  一、提高认识 — 印发通知正文，任务见附件表格',
    '10  二、狠抓落实 — 印发通知正文，任务见附件表格',
    '11  三、加强督查 — 印发通知正文，任务见附件表格',
    `${first}  一、经济发展`,
    `  ${first + 1}  （一）抓好项目建设 → 县发改局（牵头）`,
    `  ${first + 2}  （二）抓好招商引资 → 未写明责任单位`,
    '',
  ];

  test('the title broken over three lines; the forwarded plan after the signature and date', () => {
    const t = doc(...cover, '', '某某县人民政府', '2012年3月1日', '', '某某县2012年重点工作安排', ...plan2012);
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [{ rule: 'task-unit', line: 19, column: 1, key: 'task-unit/missing' }]);
    assert.deepEqual(inspect(t), expected(17));
  });

  test('no date line: the forwarded plan starts at its own title', () => {
    const t = doc(...cover, '某某县2012年重点工作安排', ...plan2012);
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [{ rule: 'task-unit', line: 15, column: 1, key: 'task-unit/missing' }]);
    assert.deepEqual(inspect(t), expected(13));
  });

  test('no title either: the forwarded plan starts where `一、` starts again', () => {
    const t = doc(...cover, ...plan2012);
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [
      { rule: 'numbering-sequence', line: 12, column: 1, key: 'numbering-sequence/backward' },
      { rule: 'task-unit', line: 14, column: 1, key: 'task-unit/missing' },
    ]);
    assert.deepEqual(inspect(t), expected(12));
  });
});

describe('a bracket of unit names without unit suffixes', () => {
  test('names the document uses as units elsewhere (a clause, the addressees) are units at the end of a task', () => {
    const t = doc('某某区2024年土壤污染防治工作方案', '', '各街镇、开发区，区政府各委、办、局：', '', '一、重点任务',
      '（一）开展农用地详查。完成全区农用地土壤污染状况详查。（区农业农村委）', '（二）编制利用方案。对轻度污染耕地编制安全利用方案。(各街镇、开发区、头桥集团)',
      '（三）加强监管。落实企业主体责任。（区生态环境局牵头，头桥集团配合）', '（四）开展宣传。普及土壤污染防治知识。（各街镇）');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：4', '',
      '5  一、重点任务',
      '  6  （一）开展农用地详查 → 区农业农村委（负责）',
      '  7  （二）编制利用方案 → 各街镇（负责）、开发区（负责）、头桥集团（负责）',
      '  8  （三）加强监管 → 区生态环境局（牵头）、头桥集团（配合）',
      '  9  （四）开展宣传 → 各街镇（负责）',
      '',
    ]);
  });

  test('names used nowhere else as units are no clause', () => {
    const t = doc('某某区2024年土壤污染防治工作方案', '一、重点任务', '（一）开展农用地详查。完成详查。（区农业农村委）', '（二）编制利用方案。编制安全利用方案。（各街镇、开发区）');
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [{ rule: 'task-unit', line: 4, column: 1, key: 'task-unit/missing' }]);
  });
});

describe('reviews, interpretations and page chrome', () => {
  test('a `…工作总结和…工作计划` whose body names no unit anywhere assigns no work: a report, no task, no finding', () => {
    const t = doc('某某乡2023年工作总结及2024年工作安排', '一、2023年工作成效', '（一）农业生产稳中有进', '新增高标准农田3000亩。', '二、2024年工作安排',
      '1.着力发展特色种植。扩大食用菌种植面积。', '2.着力改善人居环境。完成改厕200户。');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(1, 4), ['文种：报告、总结类', '依据：标题文种为“工作安排”；标题为总结兼计划，正文写明责任单位才分解任务；正文未写明任何责任单位', '任务：0']);
  });

  test('a 政府工作报告 task breakdown joins nothing to 报告: still a plan', () => {
    const t = doc('某某县政府工作报告重点任务分解方案', '一、重点任务', '1.推进项目建设。', '2.扩大有效投资。（县发改局负责）');
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [{ rule: 'task-unit', line: 3, column: 1, key: 'task-unit/missing' }]);
  });

  test('a `…工作总结和…工作计划`: the review and its problems are no tasks, the plan part is', () => {
    const t = doc('某某镇2023年工作总结和2024年工作计划', '一、2023年主要工作及成效', '（一）特色产业发展稳步推进', '全年新增茶园2000亩。', '（二）项目建设取得新进展',
      '完成投资3亿元。', '二、存在的问题', '产业规模偏小，带动能力不强。', '三、2024年工作计划', '1.着力壮大特色产业。新建茶叶加工厂1个。（镇农业服务中心负责）',
      '2.着力推进项目建设。', '四、主要工作', '（一）抓好安全生产。开展隐患排查。（镇应急办负责）');
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), [{ rule: 'task-unit', line: 11, column: 1, key: 'task-unit/missing' }]);
    assert.deepEqual(inspect(t).slice(3), [
      '任务：3', '',
      '2  一、2023年主要工作及成效 [工作回顾、存在问题部分]',
      '  3  （一）特色产业发展稳步推进 [工作回顾、存在问题部分] — 工作回顾或存在问题，不列为任务',
      '  5  （二）项目建设取得新进展 [工作回顾、存在问题部分] — 工作回顾或存在问题，不列为任务',
      '7  二、存在的问题 [工作回顾、存在问题部分] — 工作回顾或存在问题，不列为任务',
      '9  三、2024年工作计划',
      '  10  1.着力壮大特色产业 → 镇农业服务中心（负责）',
      '  11  2.着力推进项目建设 → 未写明责任单位',
      '12  四、主要工作',
      '  13  （一）抓好安全生产 → 镇应急办（负责）',
      '',
    ]);
  });

  test('a 政策解读 explains a plan and assigns nothing; `关于加强政策解读的通知` is a notice', () => {
    const t = doc('无障碍浏览 长者模式', '', '《某某市2024年重点工作任务分工方案》政策解读', '一、起草背景', '为落实市政府工作报告部署，制定本方案。', '二、主要内容',
      '（一）明确任务分工。方案将重点工作分解到各部门。', '三、解读机关及联系方式', '解读机关：市政府办公室。');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(inspect(t).slice(0, 4), ['标题：《某某市2024年重点工作任务分工方案》政策解读', '文种：其他文种（不分解任务）', '依据：标题文种为“政策解读”', '任务：0']);
    assert.equal(plan(doc('关于加强政策解读工作的通知', '一、做好甲。（办公室负责）', '二、做好乙。（办公室负责）')).genre.titleWord, '通知');
    assert.equal(plan(doc('关于印发某某市政府网站政策解读规范的通知', '一、做好甲。')).genre.genre, 'regulation');
  });
});

describe('a 序号 column after the first', () => {
  test('rows whose merged leading cells the export dropped keep their number and units in place', () => {
    const t = doc('某某局2024年政务公开重点工作任务清单', '工作任务\t序号\t具体要求\t责任科室\t时限要求',
      '强化政策公开\t1\t清理行政规范性文件并公布目录。\t办公室\t年底前', '\t2\t公开医保待遇政策。\t待遇保障科\t持续推进',
      '3\t公开基金收支情况。\t基金监管科\t每季度', '做好主动公开\t4\t规范发布主动公开内容。\t\t持续推进');
    // row 4's empty 责任科室 cell is merged with row 3's: no task-unit (FORMAT.md §7)
    assert.deepEqual(diagnostics(t).map(({ data: _d, ...w }) => w), []);
    const p = plan(t);
    assert.deepEqual([p.tasks[3]!.units.map((u) => u.name), p.tasks[3]!.unitSource], [['基金监管科'], 'merged']);
    assert.deepEqual(p.tasks.map((x) => [x.marker.value, x.heading.line + 1, x.unitClauses.flatMap((c) => c.units.map((u) => u.name)).join()]), [
      [1, 3, '办公室'], [2, 4, '待遇保障科'], [3, 5, '基金监管科'], [4, 6, ''],
    ]);
  });
});

describe('a table under a numbered heading', () => {
  test('the 序号 of a table below its header number on their own: no duplicate of `1、`, no jump at `2、`', () => {
    const t = doc('關於第一季度全縣環境衛生綜合整治情況督查通報', '一、總體情況', '各鄉鎮整治工作總體推進有序。', '二、督查排名', '1.鄉鎮排名',
      '序號\t鄉鎮\t得分\t名次', '1\t城關鎮\t96.5\t1', '2\t大川鎮\t95.0\t2', '3\t立節鎮\t93.5\t3', '2.單位末位排名', '教育局　信用聯社', '3.職能單位末位排名', '交通局');
    assert.deepEqual(diagnostics(t), []);
    assert.deepEqual(plan(t).numberingLists.map((l) => l.items.map((i) => i.marker.raw)), [['一、', '二、'], ['1.', '2.', '3.'], ['1', '2', '3']]);
  });
});

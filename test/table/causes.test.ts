// The task table on plans written in the shapes real plans take (issue 15, FORMAT.md §7): one test
// per cause, asserting the exact task rows `fengong table --format json` prints (a real process
// of the built binary: units by role, time limits, `uncertain`).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { tasksByPlan } from './built-table.js';

const PLANS: Record<string, string[]> = {
  // a 任务分解表 whose 工作任务 cell is merged down: the rows below start with a TAB
  'merged-first': ['某某县2022年重点工作任务分解表', '工作任务\t工作要求\t牵头单位\t配合/责任单位',
    '一、优化营商环境\t1.压减审批时限，6月底前完成。\t县政务服务中心\t县直各部门', '\t2.推行告知承诺制。\t县司法局\t县市场监管局、县税务局',
    '二、加强项目建设\t3.建立项目调度机制。\t县发改局\t各乡镇'],
  // unit cells merged with the row above (exported empty); names separated by a space in a cell
  'merged-cells': ['某省2017年政务公开工作任务分解表', '工作任务\t牵头单位\t责任单位\t工作要求', '一、推进国资信息公开',
    '1.做好产权交易信息公开\t省国资委\t各设区市，平潭综合实验区\t推动信息共享。', '2.公开国有企业生产经营情况\t\t\t按月公开主要指标。',
    '3.加大减税降费政策公开力度\t省财政厅 省国税局 省地税局\t各设区市\t集中发布。', '4.加大食品药品监管信息公开力度\t省食品药品 监管局\t各设区市\t主动公开。'],
  'first-listed': ['某某县2024年重点工作任务清单', '一、重点任务（排在第一位的部门为牵头部门，下同）', '1.做好甲工作。（县发改局、县财政局负责）', '2.做好乙工作。（县教育局、县人社局）'],
  'first-listed-unit': ['某某市2020年重点工作责任分解', '列第一位的责任单位为牵头单位或汇总单位。', '一、稳企业', '1.落实援企政策。（市发改委、市财政局）', '2.扩大有效投资。（市住建局、各区、县（市）政府）'],
  'not-listed': ['某某市试点工作实施方案', '一、试点任务（以下均需试点城市政府落实，不再列出）', '（一）完善价格形成机制。（国家医保局负责）', '（二）做好配套工作。'],
  // a declaration inside a unit clause adds a unit to this task and (下同) to every later one
  shared: ['某某省物流体系建设实施方案', '一、重点任务', '（一）完善仓储设施。推进改造。〔责任单位：省商务厅、省交通运输厅按职责分工负责。具体任务均涉及各设区市人民政府，不再做分工，下同。〕',
    '（二）发展冷链物流。〔责任单位：省农业农村厅〕', '（三）培育物流企业。（省国资委牵头，省商务厅配合）', '（四）完善信用体系。〔责任单位：省发展改革委、各设区市人民政府〕'],
  'shared-here': ['某某县物流工作方案', '一、重点任务', '1.改造仓储设施。（县商务局负责。具体任务涉及各乡镇，不再做分工）', '2.发展冷链物流。（县农业农村局负责）'],
  // a working group set up for the whole work: its lead and members for the tasks that name none
  team: ['某某县老旧小区改造工作方案', '一、组织架构', '成立县老旧小区改造工作专班，由县住房城乡建设局牵头，县财政局、县自然资源局和各乡镇人民政府为成员单位。',
    '二、主要任务', '（一）摸清底数', '1.开展入户调查。6月底前完成。', '2.编制改造计划。', '（二）落实资金', '3.落实补助资金。（县财政局负责）'],
  'team-after': ['某某区河道整治行动方案', '一、重点任务', '1.清理河道垃圾。', '二、保障措施', '（一）加强组织领导。组建区河道整治领导小组，由区水务局牵头，成员单位包括区生态环境局、各街道办事处。'],
  // a filled 完成时限 cell is the row's time limit (a target time in the text is none); a frequency in it is none
  'deadline-cells': ['某某市2022年重点工作任务分解表', '序号\t工作任务\t牵头单位\t完成时限', '1\t推进不动产登记改革，一般登记3个工作日内办结。\t市自然资源局\t2022年9月底',
    '2\t公开财政预决算信息。\t市财政局\t每季度', '3\t建设智慧停车平台，6月底前完成选址。\t市城管局\t',
    '各牵头单位要会同配合单位制定年度计划，每年11月20日前将完成情况报市政府办公室。'],
  // what follows the last item's clause speaks to the whole plan: its dates are no time limit
  'closing-after-clause': ['某某区2023年政务公开工作要点', '一、重点任务', '（一）加强督查考核。将政务公开纳入绩效考核。（区政府督查室负责）',
    '各街道、各部门要结合实际制定具体方案，于6月30日前报区政府办公室。'],
  splitting: ['某某省消费扶贫工作方案', '一、重点任务', '（一）拓宽销售渠道。（农业农村部、全国总工会等和各省级人民政府负责）',
    '（二）打造产业平台。（牵头单位：省发改委、省商务厅，支撑单位：省大数据局、省统计局）', '（三）推进配套改造。（镇政府、区建设局牵头，头桥集团、区城管局配合实施）',
    '（四）加强技能培训。（人力资源社会保障部等有关部门和单位负责）', '（五）发展工业互联网。（工业和信息化部、中央和国家机关工委负责）',
    '（六）规范涉企收费。（省市场监管局牵头，省司法厅、省财政厅等省直有关部门按职责分工负责）', '（七）清理证明事项。（市司法局等市级相关单位负责）'],
  'aside-scope': ['某某省职业教育改革实施方案', '一、重点任务', '（一）完善学历证书制度。技工院校纳入统一管理（技工院校内由人力资源社会保障行政部门负责）。',
    '（二）放宽外籍技术人员比例。（负责部门：人力资源社会保障部、商务部；适用范围：所有自贸试验区，以下除标注外，适用范围均为所有自贸试验区）'],
  'lead-ins': ['某某区网上公开试点方案', '一、主要任务', '（一）承接省级试点', '1.区经济发展局：行政征收网上公开。', '2.区社会事业局：科技奖励网上公开。',
    '承接省级试点工作的相关单位的主要任务如下：', '1.梳理公开事项目录（5月10日底前完成）。', '2.编制权力运行流程图（5月底前完成）。',
    '（二）推行权力运行网上公开', '区经济发展局、区公安局、区财政金融局等3个区直单位，分三个阶段推行网上公开工作。', '1.准备阶段（2015年4月-6月）',
    '确定权力清单（4月底前）。优化运行流程（5月底前）。查找监察节点（5月底前）。', '2.实施阶段（2015年7月-12月）'],
  // a clause on a line of its own closing a group of items that name none covers the group; where an
  // item of the group names its own units, the closing clause is the last item's alone
  'group-clause': ['某某市应急体系建设规划任务分解', '一、重点任务', '1.完善应急预案体系', '(1)加强应急预案管理，规范编制和评估。', '(2)推进应急预案简明化。',
    '(3)加强应急预案演练，每年至少组织一次。', '(责任单位:市直各有关单位、各县(市、区)人民政府)', '2.健全应急管理机制', '(1)推进应急管理机构建设。(市应急局负责)',
    '(2)完善应急联动机制。', '(责任单位:市公安局)'],
  'parent-clause': ['某某局2024年政务公开工作要点', '一、重点任务', '（一）加强平台建设。（办公室牵头，各处室配合）', '1.升级门户网站。', '2.整合政务新媒体。'],
  sections: ['某某省政府信息公开工作方案', '一、重点任务', '（一）推进决策公开。扩大公众参与。', '责任单位：省政府办公厅。', '（二）加强解读回应。',
    '（三）强化组织领导。各地各部门要加强领导。', '责任单位：省政府各部门、各直属机构。', '二、工作保障', '（一）加强经费保障。', '（二）加强队伍建设。'],
  'tasks-and-division': ['某某局2024年政务公开工作要点', '一、主要任务和责任分工', '（一）推进决策公开。完善公众参与机制。（责任处室：办公室牵头，政策法规处配合）',
    '（二）加强政策解读。（责任处室：宣传处）'],
  'person-columns': ['某某社区2024年重点工作推进表', '阶段性任务\t具体实施内容\t预计完成时间\t负责人', '1.摸底排查\t完成辖区排查\t2024年3月\t张三', '2.集中整治\t开展集中整治\t2024年6月\t李四、王五'],
  'leader-column': ['某某市2021年重点工作任务分解表', '序号\t工作任务\t牵头市领导\t牵头单位\t责任单位\t完成时限', '1\t实施重点项目300个。\t刘志远\t市发展改革委\t市直各有关部门\t2021年12月底'],
  deadlines: ['某某县2024年工作要点', '一、重点任务', '1.推进项目建设。到2020年，基本建立机制。每年组织一次考核。（县发改局负责）',
    '2.完善支付标准。在2—3年内调整到位，确保1年内完成。（县医保局负责）', '3.加强舆情回应。最迟5小时内发布信息、24小时内举行发布会。（县委宣传部负责）',
    '4.持续推进“放管服”改革。年内实现全覆盖。（县政务服务中心负责，持续推进）', '5.开展试点。用两年时间打好基础，力争到2025年底建成。（县市场监管局负责）',
    '6.公开财政信息。每季度公开一次，每月更新。（县财政局负责，6月底完成）', '某某县人民政府办公室', '2024年3月1日'],
};

type Row = { line: number; lead: string[]; responsible: string[]; cooperating: string[]; guiding: string[]; deadlines: string[]; uncertain?: true };
const rows = new Map<string, Row[]>();

before(() => {
  for (const [name, tasks] of tasksByPlan(PLANS, 'fengong-causes-')) rows.set(name, tasks.map((t): Row => {
    const row: Row = { line: t.line, lead: t.lead, responsible: t.responsible, cooperating: t.cooperating, guiding: t.guiding, deadlines: t.deadlines.map((d: { text: string }) => d.text) };
    if (t.uncertain) row.uncertain = true;
    return row;
  }));
});

const r = (line: number, lead: string[], responsible: string[], cooperating: string[] = [], deadlines: string[] = [], uncertain = false): Row =>
  ({ line, lead, responsible, cooperating, guiding: [], deadlines, ...(uncertain ? { uncertain: true as const } : {}) });

test('a 任务分解表 whose first cell is merged down: the other columns stay in place (no 配合 unit read as the lead)', () => {
  assert.deepEqual(rows.get('merged-first'), [
    r(3, ['县政务服务中心'], [], ['县直各部门'], ['6月底前']), r(4, ['县司法局'], [], ['县市场监管局', '县税务局']), r(5, ['县发改局'], [], ['各乡镇']),
  ]);
});

test('unit cells merged with the row above take its units, said uncertain; a space between whole names splits them, not inside a name', () => {
  assert.deepEqual(rows.get('merged-cells'), [
    r(4, ['省国资委'], ['各设区市', '平潭综合实验区']), r(5, ['省国资委'], ['各设区市', '平潭综合实验区'], [], [], true),
    r(6, ['省财政厅', '省国税局', '省地税局'], ['各设区市']), r(7, ['省食品药品监管局'], ['各设区市']),
  ]);
});

test('declarations: 排在第一位的部门为牵头部门（下同）, 列第一位的责任单位为牵头单位 (brackets of names too), 以下均需…落实，不再列出', () => {
  assert.deepEqual(rows.get('first-listed'), [r(3, ['县发改局'], ['县财政局']), r(4, ['县教育局'], ['县人社局'])]);
  assert.deepEqual(rows.get('first-listed-unit'), [r(4, ['市发改委'], ['市财政局']), r(5, ['市住建局'], ['各区', '县（市）政府'])]);
  assert.deepEqual(rows.get('not-listed'), [r(3, [], ['国家医保局']), r(4, [], ['试点城市政府'], [], [], true)]);
});

test('a declaration inside a clause: its own units stay; X of `均涉及X，不再做分工` joins this task and, with 下同, every later task (uncertain there), once', () => {
  const x = '各设区市人民政府';
  assert.deepEqual(rows.get('shared'), [
    r(3, [], ['省商务厅', '省交通运输厅', x]), r(4, [], ['省农业农村厅', x], [], [], true),
    r(5, ['省国资委'], [x], ['省商务厅'], [], true), r(6, [], ['省发展改革委', x]),
  ]);
  assert.deepEqual(rows.get('shared-here'), [r(3, [], ['县商务局', '各乡镇']), r(4, [], ['县农业农村局'])]);
});

test('a working group (成立…工作专班，由A牵头，B、C和D为成员单位): A leads and the members cooperate on each task that names no unit, uncertain', () => {
  const members = ['县财政局', '县自然资源局', '各乡镇人民政府'];
  assert.deepEqual(rows.get('team'), [
    r(6, ['县住房城乡建设局'], [], members, ['6月底前'], true), r(7, ['县住房城乡建设局'], [], members, [], true), r(9, [], ['县财政局']),
  ]);
  assert.deepEqual(rows.get('team-after'), [r(3, ['区水务局'], [], ['区生态环境局', '各街道办事处'], [], true)]);
});

test('time limits in tables and closings: a filled 完成时限 cell alone; a frequency (每季度, 每年…前) none; not a closing paragraph after the last clause', () => {
  assert.deepEqual(rows.get('deadline-cells'), [
    r(3, ['市自然资源局'], [], [], ['2022年9月底']), r(4, ['市财政局'], []), r(5, ['市城管局'], [], [], ['6月底前']),
  ]);
  assert.deepEqual(rows.get('closing-after-clause'), [r(3, [], ['区政府督查室'])]);
});

test('splitting and labels: 等和, 支撑单位, 配合实施, 等有关部门和单位, 等省直有关部门 (a scope after 等); 和 inside a name stays', () => {
  assert.deepEqual(rows.get('splitting'), [
    r(3, [], ['农业农村部', '全国总工会', '各省级人民政府']), r(4, ['省发改委', '省商务厅'], [], ['省大数据局', '省统计局']),
    r(5, ['镇政府', '区建设局'], [], ['头桥集团', '区城管局']), r(6, [], ['人力资源社会保障部']), r(7, [], ['工业和信息化部', '中央和国家机关工委']),
    r(8, ['省市场监管局'], ['省司法厅', '省财政厅']), r(9, [], ['市司法局']),
  ]);
});

test('an aside (…内由X负责) and a scope note (适用范围：…) are no units', () => {
  assert.deepEqual(rows.get('aside-scope'), [r(3, [], []), r(4, [], ['人力资源社会保障部', '商务部'])]);
});

test('units from elsewhere: a lead-in referring back to unit items, a parent opening paragraph, a parent clause', () => {
  const units = ['区经济发展局', '区社会事业局'];
  const eight = ['区经济发展局', '区公安局', '区财政金融局'];
  assert.deepEqual(rows.get('lead-ins'), [
    r(7, [], units, [], ['5月10日底前'], true), r(8, [], units, [], ['5月底前'], true),
    r(11, [], eight, [], ['2015年4月-6月', '4月底前', '5月底前'], true), r(13, [], eight, [], ['2015年7月-12月'], true),
  ]);
  assert.deepEqual(rows.get('parent-clause'), [r(4, ['办公室'], [], ['各处室']), r(5, ['办公室'], [], ['各处室'])]);
});

test('a clause on a line of its own after a group of items that name no unit covers the group (uncertain); not where one names its own', () => {
  const group = ['市直各有关单位', '各县(市、区)人民政府'];
  assert.deepEqual(rows.get('group-clause'), [
    r(4, [], group, [], [], true), r(5, [], group, [], [], true), r(6, [], group), r(9, [], ['市应急局']), r(10, [], ['市公安局']),
  ]);
});

test('sections: a 责任单位 paragraph makes (三)强化组织领导 a task; 工作保障 items are none; 主要任务和责任分工 holds tasks', () => {
  assert.deepEqual(rows.get('sections'), [r(3, [], ['省政府办公厅']), r(5, [], []), r(6, [], ['省政府各部门', '各直属机构'])]);
  assert.deepEqual(rows.get('tasks-and-division'), [r(3, ['办公室'], [], ['政策法规处']), r(4, [], ['宣传处'])]);
});

test('a plan kept as a table with 负责人/预计完成时间 columns; a 牵头市领导 column beside unit columns names no unit', () => {
  assert.deepEqual(rows.get('person-columns'), [r(3, [], ['张三'], [], ['2024年3月']), r(4, [], ['李四', '王五'], [], ['2024年6月'])]);
  assert.deepEqual(rows.get('leader-column'), [r(3, ['市发展改革委'], ['市直各有关部门'], [], ['2021年12月底'])]);
});

test('deadlines and non-deadlines: 到2020年, N年内, 2—3年内, 小时内, 年内, 用两年时间, 力争到…; not 每年/每季度/每月, not 持续推进 as the verb, not the closing date', () => {
  assert.deepEqual(rows.get('deadlines'), [
    r(3, [], ['县发改局'], [], ['到2020年']), r(4, [], ['县医保局'], [], ['2—3年内', '1年内']), r(5, [], ['县委宣传部'], [], ['5小时内', '24小时内']),
    r(6, [], ['县政务服务中心'], [], ['年内', '持续推进']), r(7, [], ['县市场监管局'], [], ['用两年时间', '力争到2025年底']), r(8, [], ['县财政局'], [], ['6月底']),
  ]);
});

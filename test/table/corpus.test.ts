// The task table of the real plans in test/corpus: exact rows, as a reviewer in the 办公室
// would check them against the documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePlan } from '../../server/src/engine/index.js';
import { buildTaskTable } from '../../server/src/table/build.js';
import type { TaskRow } from '../../server/src/table/types.js';
import { renderTable } from '../../server/src/table/render.js';

const CORPUS = new URL('../corpus/', import.meta.url);
const table = (file: string, units?: Record<string, string[]>) =>
  buildTaskTable(parsePlan(readFileSync(new URL(file, CORPUS), 'utf8')), units ? { file, units } : { file });

/** [序号, 牵头, 责任, 配合, 指导, 时限, 行号] — units joined by 、, separately marked with * */
const brief = (r: TaskRow) => [
  r.path,
  r.lead.join('、') + (r.separately.includes('lead') ? '*' : ''),
  r.responsible.join('、') + (r.separately.includes('responsible') ? '*' : ''),
  r.cooperating.join('、'),
  r.guiding.join('、'),
  r.deadlines.map((d) => (d.date ? `${d.text}=${d.date}` : d.text)).join('；'),
  r.line,
];

test('000: 21 tasks, exact rows', () => {
  const t = table('000_6fbd649499c5ed32.txt');
  assert.deepEqual(t.documents, [{ file: '000_6fbd649499c5ed32.txt', title: '关于印发《省民政厅2020年政务公开工作要点及任务分工》的通知', year: 2020 }]);
  assert.equal(t.tasks.length, 21);
  assert.deepEqual(t.tasks.map(brief), [
    ['一、1', '办公室', '', '各有关处室、民服中心、省信息中心运维九部', '', '', 26],
    ['一、2', '审批处、人事处*', '', '各有关处室、民服中心、省信息中心运维九部', '', '', 28],
    ['一、3', '审批处', '', '各有关处室、民服中心', '', '', 30],
    ['一、4', '', '救助处、养老处*', '', '', '8月底前=2020-08-31', 32],
    ['一、5', '', '各处室、民服中心', '', '', '', 34],
    ['二、6', '', '各处室、民服中心', '', '', '3个工作日内', 38],
    ['二、7', '', '各处室、民服中心', '', '', '', 40],
    ['二、8', '', '各处室、民服中心', '', '', '', 42],
    ['三、9', '办公室', '', '处室、民服中心', '', '', 46],
    ['三、10', '办公室', '', '处室、民服中心', '', '', 48],
    ['四、11', '', '各处室、民服中心、省信息中心运维九部', '', '', '', 52],
    ['四、12', '', '处室、民服中心', '', '', '', 54],
    ['五、13', '办公室、省信息中心运维九部', '', '各处室、民服中心', '', '', 58],
    ['五、14', '', '处室、民服中心', '', '', '', 60],
    ['五、15', '', '办公室、省信息中心运维九部', '', '', '', 62],
    ['六、16', '办公室', '', '处室、民服中心', '', '', 66],
    ['六、17', '', '各处室、民服中心', '', '', '', 68],
    ['六、18', '', '各处室、民服中心', '', '', '', 70],
    ['七、19', '办公室', '各处室、民服中心', '', '', '', 74],
    ['七、20', '办公室', '', '处室、民服中心', '', '', 76],
    ['七、21', '办公室', '处室、民服中心、省信息中心运维九部', '', '', '', 78],
  ]);
  // task 2: led by 审批处 and 人事处 separately
  const t2 = t.tasks[1]!;
  assert.deepEqual([t2.lead, t2.separately, t2.cooperating], [['审批处', '人事处'], ['lead'], ['各有关处室', '民服中心', '省信息中心运维九部']]);
  // task 8: 各处室、民服中心 responsible within their remit; its title stops before the clause
  const t8 = t.tasks[7]!;
  assert.deepEqual([t8.responsible, t8.byRemit, t8.lead, t8.cooperating], [['各处室', '民服中心'], true, [], []]);
  assert.equal(t8.title, '做好疫情防控常态化下民政领域新冠肺炎疫情防控重大决策部署和重要工作举措解读工作,配合有关部门做好信息发布等工作,为疫情防控工作提供有力支撑');
  // unbracketed clauses run into the title: the title stops where the units begin
  assert.equal(t.tasks[2]!.title, '全面优化政务服务办事流程,提高政务服务透明度便利度及时更新并公开政务服务办事方式、办事条件等信息');
  assert.equal(t.tasks[8]!.title, '密切关注新冠肺炎疫情防控常态化下有关舆情动态,以权威信息引导社会舆论');
  assert.equal(t.tasks[0]!.title, '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新');
});

test('000: the task column keeps the whole task without its unit clause; the groups it sits in', () => {
  const t = table('000_6fbd649499c5ed32.txt');
  // item 4 keeps the sentence after its title (issue 10: “出台…工作方案” was lost)
  assert.equal(t.tasks[3]!.text, '积极推进政务公开重点工作标准化规范化试点工作。8月底前出台推进救助、养老领域基层政务公开标准化、规范化工作方案。');
  // an unbracketed clause after the last sentence, and one run into the text, are left out
  assert.equal(t.tasks[0]!.text, '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新。');
  assert.equal(t.tasks[2]!.text, '全面优化政务服务办事流程,提高政务服务透明度便利度及时更新并公开政务服务办事方式、办事条件等信息');
  assert.deepEqual([t.tasks[3]!.number, t.tasks[3]!.sections], ['4', [{ marker: '一、', title: '推进政策制度履职依据公开', rank: 1 }]]);
});

test('000 by unit: first appearance order, exact task lists and counts', () => {
  const t = table('000_6fbd649499c5ed32.txt');
  const paths = (refs: { path: string }[]) => refs.map((r) => r.path).join(' ');
  assert.deepEqual(t.units.map((u) => [u.name, paths(u.lead), paths(u.responsible), paths(u.cooperating), paths(u.guiding), u.counts.total]), [
    ['办公室', '一、1 三、9 三、10 五、13 六、16 七、19 七、20 七、21', '五、15', '', '', 9],
    ['各有关处室', '', '', '一、1 一、2 一、3', '', 3],
    ['民服中心', '', '一、5 二、6 二、7 二、8 四、11 四、12 五、14 六、17 六、18 七、19 七、21', '一、1 一、2 一、3 三、9 三、10 五、13 六、16 七、20', '', 19],
    ['省信息中心运维九部', '五、13', '四、11 五、15 七、21', '一、1 一、2', '', 6],
    ['审批处', '一、2 一、3', '', '', '', 2],
    ['人事处', '一、2', '', '', '', 1],
    ['救助处', '', '一、4', '', '', 1],
    ['养老处', '', '一、4', '', '', 1],
    ['各处室', '', '一、5 二、6 二、7 二、8 四、11 六、17 六、18 七、19', '五、13', '', 9],
    ['处室', '', '四、12 五、14 七、21', '三、9 三、10 六、16 七、20', '', 7],
  ]);
});

test('000 with config units: 处室 folded into 各处室', () => {
  const t = table('000_6fbd649499c5ed32.txt', { 各处室: ['处室'] });
  assert.deepEqual(t.tasks[8]!.cooperating, ['各处室', '民服中心']);
  const all = t.units.find((u) => u.name === '各处室')!;
  assert.deepEqual(all.aliases, ['处室']);
  assert.deepEqual(all.counts, { lead: 0, responsible: 11, cooperating: 5, guiding: 0, total: 16 });
  assert.equal(t.units.some((u) => u.name === '处室'), false);
});

test('004: 19 tasks; 县政府各部门 in 11 of them, always responsible', () => {
  const t = table('004_acf7e94b039c0b3c.txt');
  assert.equal(t.tasks.length, 19);
  assert.deepEqual(t.tasks.map(brief), [
    ['一、（一）', '县机关运行保障中心', '县政府各部门', '', '', '年底前=2020-12-31', 46],
    ['一、（二）', '县委编办', '县政府各部门', '', '', '', 50],
    ['一、（三）', '', '县政府各部门', '', '', '', 54],
    ['一、（四）', '', '各乡镇(街道)、县政府各部门、省市直驻黑有关单位', '', '', '年底前=2020-12-31', 58],
    ['一、（五）', '县政府办公室', '县政府各部门', '', '', '年底前=2020-12-31', 62],
    ['二、（一）', '', '县政府各部门、县机关运行保障中心', '', '', '9月25日前=2020-09-25；5个工作日内', 68],
    ['二、（二）', '县政府办公室', '县政府各部门', '', '', '', 72],
    ['三、（一）', '县市场监管局、县群众诉求中心', '县政府有关部门', '', '', '', 78],
    ['三、（二）', '营商环境局', '县政府有关部门', '', '', '', 82],
    ['三、（三）', '', '县政府有关部门、省市直驻黑有关单位', '', '', '', 86],
    ['四、（一）', '县卫健局', '县政府有关部门', '', '', '', 92],
    ['四、（二）', '应急局', '县政府有关部门', '', '', '', 96],
    ['四、（三）', '县卫健局', '县政府有关部门', '', '', '', 100],
    ['四、（四）', '', '县政府有关部门', '', '', '', 104],
    ['五、（一）', '', '县政府各部门', '', '', '', 110],
    ['五、（二）', '', '县政府各部门', '', '', '', 114],
    ['六、（一）', '', '各乡镇(街道)、县政府各部门', '', '', '', 120],
    ['六、（二）', '', '各乡镇(街道)、县政府各部门', '', '', '', 124],
    ['六、（三）', '', '县政府办公室', '', '', '', 128],
  ]);
  assert.deepEqual(t.tasks.map((r) => r.title).slice(0, 3), ['建设完成政府信息公开平台', '及时更新权责清单及行政机关机构职能信息', '完善基层行政决策公众参与机制']);
  const all = t.units.find((u) => u.name === '县政府各部门')!;
  assert.deepEqual(all.counts, { lead: 0, responsible: 11, cooperating: 0, guiding: 0, total: 11 });
});

test('001: 〔各司(局)按職責分工負責〕 yields 各司(局) as written; 22 tasks in traditional script', () => {
  const t = table('001_d043e8fffc68ce4c.txt');
  assert.equal(t.tasks.length, 22);
  const t10 = t.tasks[9]!;
  assert.deepEqual([t10.path, t10.title, t10.responsible, t10.byRemit, t10.line], ['二、（十）', '科學合理確定公開方式', ['各司(局)'], true, 15]);
  const each = t.units.find((u) => u.name === '各司(局)')!;
  assert.deepEqual(each.responsible.map((r) => r.path), ['二、（十）', '二、（十一）', '三、（十五）', '四、（二十）']);
  // two leads in one clause, each for its own part: 制發司(局) and 政策法規司
  assert.deepEqual(brief(t.tasks[1]!), ['一、（二）', '制發司(局)、政策法規司', '', '各有關司(局)、信息中心、檔案資料館、相關司(局)', '', '2022年底前=2022-12-31', 6]);
  assert.deepEqual(brief(t.tasks[12]!), ['二、（十三）', '', '各有關司(局)', '機關服務中心、信息中心', '', '', 18]);
  assert.deepEqual(brief(t.tasks[21]!), ['四、（二十二）', '', '機關黨委(人事司)、辦公廳(國際合作司)', '', '', '', 29]);
  // the same name in the config's full-width spelling is found and the config's spelling kept
  const folded = table('001_d043e8fffc68ce4c.txt', { '各司（局）': [] });
  assert.deepEqual(folded.tasks[9]!.responsible, ['各司（局）']);
});

test('002 names no units (its tasks are reported by task-unit); 003 is a report with no tasks', () => {
  const t2 = table('002_ee5f435a77f4a9d5.txt');
  assert.equal(t2.tasks.length, 15);
  assert.deepEqual(t2.units, []);
  assert.deepEqual(t2.tasks.map((r) => r.path).slice(0, 5), ['三、（一）1', '三、（一）2', '三、（一）3', '三、（一）4', '三、（二）5']);
  assert.deepEqual(table('003_05f29b10a2949338.txt').tasks, []);
});

/** A plan from lines under one `一、`, parsed by the real engine. */
const plan = (...lines: string[]) => parsePlan(['2021年工作要点', '一、任务', ...lines, ''].join('\n'));

test('clause forms through the engine: 会同, 指导/参与, labels, 列第一位者为牵头单位, a paragraph clause', () => {
  const t = buildTaskTable(
    plan(
      '1. 甲。（省发展改革委会同省财政厅、省商务厅负责）',
      '2. 乙。（县政府办公室指导，各乡镇人民政府参与）',
      '3. 丙。（牵头单位：A局，配合单位：B局、C局）',
      '4. 丁。',
      '责任单位：省政府各部门、各直属机构。',
      '5. 戊。（县政府办公室、县财政局负责。列第一位者为牵头单位，下同）',
      '6. 己。（县财政局、县审计局负责）',
    ),
  );
  assert.deepEqual(t.tasks.map(brief), [
    ['一、1', '省发展改革委', '', '省财政厅、省商务厅', '', '', 3],
    ['一、2', '', '', '各乡镇人民政府', '县政府办公室', '', 4],
    ['一、3', 'A局', '', 'B局、C局', '', '', 5],
    ['一、4', '', '省政府各部门、各直属机构', '', '', '', 6],
    ['一、5', '县政府办公室', '县财政局', '', '', '', 8],
    ['一、6', '县财政局', '县审计局', '', '', '', 9],
  ]);
  // by unit, in order of first appearance; 县财政局 responsible once and lead once
  assert.deepEqual(t.units.find((u) => u.name === '县财政局')!.counts, { lead: 1, responsible: 1, cooperating: 0, guiding: 0, total: 2 });
  assert.deepEqual(t.units.map((u) => u.name), ['省发展改革委', '省财政厅', '省商务厅', '县政府办公室', '各乡镇人民政府', 'A局', 'B局', 'C局', '省政府各部门', '各直属机构', '县财政局', '县审计局']);
});

test('units declared once for many tasks: the declared unit fills the responsible column, said uncertain', () => {
  const t = buildTaskTable(parsePlan('2021年试点工作方案\n一、试点任务（以下均需试点城市政府落实，不再列出）\n1. 建立目录。8月底前完成。\n2. 公开标准。\n'));
  assert.deepEqual(t.tasks.map((r) => [r.path, r.responsible, r.inherited, r.uncertain, r.deadlines]), [
    ['一、1', ['试点城市政府'], '以下均需试点城市政府落实，不再列出', true, [{ text: '8月底前', date: '2021-08-31' }]],
    ['一、2', ['试点城市政府'], '以下均需试点城市政府落实，不再列出', true, []],
  ]);
  assert.equal(renderTable(t, 'md', 'task').toString('utf8').split('\n')[2], '| 1 | 建立目录。8月底前完成。 |  | 试点城市政府 |  |  | 8月底前（2021-08-31） | 3 |');
});

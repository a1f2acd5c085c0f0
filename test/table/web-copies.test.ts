// The task table on plans in the shapes web copies of real plans take (issues 15 and 21): a marker
// delimited by the small full stop `1﹒`, label paragraphs after each item, a content farm's
// synonym-spun clauses, a time limit as a clause's last part. Exact rows of `fengong table --format
// json` from the built binary, on text written here in those shapes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { tasksByPlan } from './built-table.js';

const PLANS: Record<string, string[]> = {
  // `1﹒` (U+FE52) as web copies carry it; three label paragraphs after each item: a person, the
  // lead units, the other units (`…等。`)
  labels: ['某某省人民政府关于2024年重点工作责任分工的通知', '一、稳定经济增长', '1﹒全省生产总值增长6%左右。', '牵头负责领导：张明。',
    '牵头责任单位：省发展改革委、省统计局。', '协同责任单位：省财政厅、省商务厅等。', '2﹒新增就业30万人。', '牵头负责领导：李华。',
    '牵头责任单位：省人力资源社会保障厅。', '二、扩大有效投资', '3﹒实施重点项目500个。', '责任人：王强。', '协同单位：省交通运输厅。'],
  // a content farm's synonym spinning (负责 → 卖力) in the clauses; 等省有关部门 is a scope after 等
  spun: ['某某省促进民间投资实行方案', '一、重点任务', '1.梳理推介一批项目。(省生长改造委牵头卖力)',
    '2.推行市场化运作。(省生长改造委、水利厅等省有关部门和各市县人民政府按职责分工卖力)', '3.实行专班服务。(省生长改造委卖力)',
    '4.优化审批流程。(省政务服务中心、省生长改造委牵头,各市县人民政府配合)', '5.加快推进建设。(持续推进)',
    '6.规范项目合作。(省财政厅、省生长改造委分别卖力)'],
  // a time limit as the clause's last part, with its 年内 (FORMAT.md §7: 持续推进 as the time limit)
  standing: ['某某省落实政府工作报告重点工作分工的意见', '一、重点工作分工', '1.扩大有效投资。（省发展改革委牵头，省直有关部门和各市州政府按职责分工负责，年内持续推进）',
    '2.发行专项债券。（省财政厅牵头，各市州政府负责，6月底前完成新增专项债券发行）', '3.持续推进县域商业体系建设，年内建成乡镇商贸中心100个。（省商务厅负责）'],
  // a 责任单位 paragraph ending in a bracketed declaration; 分别牵头 then a group with no role word;
  // a unit name with half-width brackets holding `、`
  declared: ['某某市政府工作报告重点工作责任分解', '一、重点工作', '1.推进甲项工作。', '',
    '责任单位:市发改委、市经信局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)', '2.推进搬迁工程。', '',
    '责任单位:市农业农村局、市自然资源和规划局分别牵头,各县(市、区)政府', '3.推进乙项工作。', '责任单位:市农业农村局、各县(市、区)政府'],
  // a person's field before the unit labels, on one line or in a bracket
  'person-first': ['某某市2023年重点工作责任分工方案', '一、稳定经济增长', '1﹒生产总值增长6%左右。', '牵头领导：张明　牵头单位：市发改委　配合单位：市统计局、市财政局',
    '2﹒新增就业3万人。', '责任领导：李华；责任单位：市人社局。', '3﹒推进项目建设。（牵头领导：王强；牵头单位：市住建局；配合单位：各区政府）'],
  // 牵头 or 按职责分工 then a verb of the work: a clause whatever the verb, where the names are units
  'verb-after': ['某某省2023年重点工作实施方案', '一、重点任务', '1.推进甲项改革。（省财政厅牵头落实）', '2.推进乙项改革。（省发展改革委、省商务厅按职责分工落实）',
    '3.推进丙项改革。（省教育厅牵头组织实施，省财政厅配合）', '4.推进丁项改革。（省科技厅牵头推进，各市县政府按职责分工抓好落实）'],
};

type Row = { line: number; number: string; lead: string[]; responsible: string[]; cooperating: string[]; deadlines: string[] };
const rows = new Map<string, Row[]>();

before(() => {
  for (const [name, tasks] of tasksByPlan(PLANS, 'fengong-web-copies-')) rows.set(name, tasks.map((t): Row => {
    return { line: t.line, number: t.number, lead: t.lead, responsible: t.responsible, cooperating: t.cooperating,
      deadlines: t.deadlines.map((d: { text: string }) => d.text) };
  }));
});

const r = (line: number, number: string, lead: string[], responsible: string[], cooperating: string[] = [], deadlines: string[] = []): Row =>
  ({ line, number, lead, responsible, cooperating, deadlines });

test('`1﹒` is an item; 牵头责任单位 leads, 协同责任单位 cooperates, a 负责领导/责任人 (a person) names no unit', () => {
  assert.deepEqual(rows.get('labels'), [
    r(3, '1', ['省发展改革委', '省统计局'], [], ['省财政厅', '省商务厅']),
    r(7, '2', ['省人力资源社会保障厅'], []),
    r(11, '3', [], [], ['省交通运输厅']),
  ]);
});

test('a synonym-spun copy: the verb the document writes after 牵头/按职责分工 is its role verb, `(A卖力)` too; 等省有关部门 names no unit', () => {
  assert.deepEqual(rows.get('spun'), [
    r(3, '1', ['省生长改造委'], []),
    r(4, '2', [], ['省生长改造委', '水利厅', '各市县人民政府']),
    r(5, '3', [], ['省生长改造委']),
    r(6, '4', ['省政务服务中心', '省生长改造委'], [], ['各市县人民政府']),
    r(7, '5', [], [], [], ['持续推进']),
    r(8, '6', [], ['省财政厅', '省生长改造委']),
  ]);
});

test('a time limit in the clause: `年内持续推进` as written; 持续推进 as the verb of the task is none', () => {
  assert.deepEqual(rows.get('standing'), [
    r(3, '1', ['省发展改革委'], ['省直有关部门', '各市州政府'], [], ['年内持续推进']),
    r(4, '2', ['省财政厅'], ['各市州政府'], [], ['6月底前']),
    r(5, '3', [], ['省商务厅'], [], ['年内']),
  ]);
});

test('a declaration bracketed at the end of a 责任单位 paragraph is no unit; a group after 分别牵头 is responsible; `各县(市、区)政府` is one unit', () => {
  assert.deepEqual(rows.get('declared'), [
    r(3, '1', ['市发改委'], ['市经信局']),
    r(6, '2', ['市农业农村局', '市自然资源和规划局'], ['各县(市、区)政府']),
    r(9, '3', ['市农业农村局'], ['各县(市、区)政府']),
  ]);
});

test('a person’s field before the unit labels (`责任领导：李华；责任单位：市人社局。`) is read past, on a line of its own or in a bracket', () => {
  assert.deepEqual(rows.get('person-first'), [
    r(3, '1', ['市发改委'], [], ['市统计局', '市财政局']),
    r(5, '2', [], ['市人社局']),
    r(7, '3', ['市住建局'], [], ['各区政府']),
  ]);
});

test('牵头 or 按职责分工 then a verb of the work (`牵头落实`, `按职责分工抓好落实`, `牵头组织实施`): a clause, the verb no part of a name', () => {
  assert.deepEqual(rows.get('verb-after'), [
    r(3, '1', ['省财政厅'], []),
    r(4, '2', [], ['省发展改革委', '省商务厅']),
    r(5, '3', ['省教育厅'], [], ['省财政厅']),
    r(6, '4', ['省科技厅'], ['各市县政府']),
  ]);
});

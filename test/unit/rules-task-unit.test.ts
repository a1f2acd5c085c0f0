// task-unit: every task of a plan names a responsible unit — in any of the clause forms of
// FORMAT.md §2 (simplified and traditional), declared once for many tasks, or not at all where
// none is required (reports, framing sections, preamble, closing).
import { test, describe } from 'node:test';
import { lint } from '../../server/src/engine/index.js';
import assert from 'node:assert/strict';
import { corpusText, doc, fixtureText, itemByPath, plan, unitsOf } from '../fixtures/helpers.js';
import { ruleTester } from '../fixtures/rule-tester.js';

const PLAN = '某某局2024年工作方案';

const forms: [string, string, string[]][] = [
  ['（办公室牵头，各处室、民服中心配合）', '1.做好甲。（办公室牵头，各处室、民服中心配合）', ['办公室/lead', '各处室/cooperating', '民服中心/cooperating']],
  ['（审批处、人事处分别牵头，…配合）', '1.做好甲。（审批处、人事处分别牵头，各有关处室配合）', ['审批处/lead/sep', '人事处/lead/sep', '各有关处室/cooperating']],
  ['（救助处、养老处分别负责）', '1.做好甲。（救助处、养老处分别负责）', ['救助处/responsible/sep', '养老处/responsible/sep']],
  ['（各处室、民服中心按职责分工负责）', '1.做好甲。（各处室、民服中心按职责分工负责）', ['各处室/responsible', '民服中心/responsible']],
  ['（XX会同有关部门负责）', '1.做好甲。（财政局会同有关部门负责）', ['财政局/lead', '有关部门/cooperating']],
  ['（XX指导，YY参与）', '1.做好甲。（发展改革委指导，各区政府参与）', ['发展改革委/guiding', '各区政府/cooperating']],
  ['（牵头单位：县委编办；责任单位：县政府各部门）', '1.做好甲。（牵头单位：县委编办；责任单位：县政府各部门）', ['县委编办/lead', '县政府各部门/responsible']],
  ['（牵头单位：A，配合单位：B、C）', '1.做好甲。（牵头单位：财政局，配合单位：审计局、税务局）', ['财政局/lead', '审计局/cooperating', '税务局/cooperating']],
  ['（责任处室：办公室）', '1.做好甲。（责任处室：办公室）', ['办公室/responsible']],
  ['〔各司（局）按职责分工负责〕', '1.做好甲。〔各司（局）按职责分工负责〕', ['各司（局）/responsible']],
  ['a separate paragraph 责任单位：…。', '1.做好甲。\n责任单位：省政府各部门、各直属机构。', ['省政府各部门/responsible', '各直属机构/responsible']],
  ['unbracketed at the end of the text', '1.做好甲，动态更新。办公室牵头，各有关处室配合', ['办公室/lead', '各有关处室/cooperating']],
  ['traditional: （辦公廳牽頭，各司局配合）', '1.做好甲。（辦公廳牽頭，各司局配合）', ['辦公廳/lead', '各司局/cooperating']],
  ['traditional: （規劃財務司負責）', '1.做好甲。（規劃財務司負責）', ['規劃財務司/responsible']],
  ['traditional: （責任單位：信息中心）', '1.做好甲。（責任單位：信息中心）', ['信息中心/responsible']],
  ['traditional: （主（協）辦機關：法規司、信息中心） — the first hosts, the others co-host', '1.做好甲。（主（協）辦機關：法規司、信息中心）', ['法規司/lead', '信息中心/cooperating']],
  ['traditional: a paragraph 主（協）辦機關：…', '1.做好甲。\n主（協）辦機關：法規司、信息中心。', ['法規司/lead', '信息中心/cooperating']],
];
const task = (t: string) => doc(PLAN, '一、重点任务', t);
const inheritedFromParent = doc(PLAN, '一、重点任务', '（一）加强平台建设。（办公室牵头，各处室配合）', '1.做好甲。', '2.做好乙。（人事处负责）', '（二）加强队伍建设', '1.做好丙。');
const firstListed = doc(PLAN, '一、重点任务', '1.做好甲。（发展改革委、财政局负责。列第一位者为牵头单位，下同）', '2.做好乙。（教育局、人社局负责）');
const declaredOnce = doc(PLAN, '以下均需试点城市政府落实，不再列出。', '一、重点任务', '1.做好甲。', '2.做好乙。（财政局负责）');
const framing = doc(PLAN, '一、总体要求', '（一）指导思想。坚持以人民为中心。', '二、保障措施', '（一）加强组织领导。', '（二）强化督促检查。', '三、時間安排', '1.6月底前完成。');
// a declaration written inside the clause, after its own units: the clause is still the task's
const sharedInClause = doc(PLAN, '一、重点任务', '（一）完善仓储设施。推进改造。〔责任单位：省商务厅、省交通运输厅按职责分工负责。具体任务均涉及各设区市人民政府，不再做分工，下同。〕', '（二）发展冷链物流。〔责任单位：省农业农村厅〕', '（三）培育物流企业。');
const missing = doc(PLAN, '一、重点任务', '1.做好甲。（办公室负责）', '　　2.完善政务公开制度。健全工作机制。');

ruleTester('task-unit', {
  valid: [
    ...forms.map(([name, t]) => ({ name: `clause form ${name}`, text: task(t) })),
    { name: '`列第一位者为牵头单位，下同` in a clause', text: firstListed },
    { name: '`以下均需试点城市政府落实，不再列出`: later tasks inherit the units', text: declaredOnce },
    { name: 'a working group with a lead unit and member units covers the tasks that name none', text: doc(PLAN, '一、组织架构', '成立工作专班，由办公室牵头，人事处、财务处为成员单位。', '二、重点任务', '1.做好甲。', '2.做好乙。') },
    { name: 'a report (title with 报告 / 总结) requires no units', text: doc('某某局2023年工作总结', '一、主要工作', '1.做好甲。', '2.做好乙。') },
    { name: 'the corpus report 003 requires no units', text: corpusText('003_') },
    { name: 'framing sections (exact headings, simplified and traditional) require no units', text: framing },
    { name: 'a configured nonTaskSections heading requires no units', text: doc(PLAN, '一、专项推进', '1.做好甲。'), config: { nonTaskSections: ['专项推进'] } },
    { name: 'a row whose unit cells are empty under a row that names units: the cell is merged with it (FORMAT.md §7)', text: doc(PLAN, '序号\t工作任务\t牵头单位', '1\t做好甲\t办公室', '2\t做好乙\t') },
    { name: 'the preamble and the closing are no tasks', text: doc(PLAN, '各处室：', '现将方案印发给你们，请认真贯彻落实。', '一、重点任务', '1.做好甲。（办公室负责）', '上一条：关于做好某项工作的通知', '1.网站地图') },
    ...['000_', '001_', '004_'].map((f) => ({ name: `the corpus plan ${f} names every unit`, text: corpusText(f) })),
    ...['through-24.txt', 'traditional.txt'].map((f) => ({ name: `the fixture ${f} names every unit`, text: fixtureText(f) })),
  ],
  invalid: [
    {
      name: 'a task without any clause: rule, line, column, key, message', text: missing,
      errors: [{ messageId: 'missing', line: 4, column: 3, endLine: 4, endColumn: 13, severity: 'error', data: { title: '完善政务公开制度', path: '一、2.' },
        message: '任务“完善政务公开制度”未写明责任单位（如“（办公室牵头，各处室配合）”）',
        // the quick fix: the clause skeleton at the end of the task's text, for the writer to fill in
        fix: null, suggestions: [{ output: missing.replace('健全工作机制。', '健全工作机制。（牵头，配合）') }] }],
    },
    // the first row: no row above whose unit cell could be merged over it
    { name: 'a table row gets no skeleton (its unit column is where units go)', text: doc(PLAN, '序号\t工作任务\t牵头单位', '1\t做好甲\t', '2\t做好乙\t办公室'),
      errors: [{ messageId: 'missing', line: 3, column: 1, suggestions: [] }] },
    { name: 'a clause on a parent heading covers its sub-items that name none', text: inheritedFromParent, errors: [{ messageId: 'missing', line: 7, column: 1 }] },
    { name: '`强化组织保障，确保…` is a task section, not the framing section 保障措施', text: doc(PLAN, '一、强化组织保障，确保工作落实', '（一）明确领导责任。', '（二）加强队伍建设。（办公室负责）'), errors: [{ messageId: 'missing', line: 3, column: 1 }] },
    { name: '`牵头` inside running prose is no clause', text: task('1.牵头起草部门要做好政策解读。'), errors: [{ messageId: 'missing', line: 3, column: 1 }] },
    { name: 'an empty label names nobody: （牵头单位：）', text: task('1.做好甲。（牵头单位：）'), errors: [{ messageId: 'missing', line: 3, column: 1 }] },
    { name: 'a declaration inside a clause (`具体任务均涉及X，不再做分工，下同`) leaves the clause a clause; it adds units, it assigns no task', text: sharedInClause, errors: [{ messageId: 'missing', line: 5, column: 1, data: { title: '培育物流企业', path: '一、（三）' } }] },
    { name: 'a leading group headed by a person (由局长任组长) names no lead unit: the tasks still lack theirs', text: doc(PLAN, '一、组织架构', '成立领导小组，由局长任组长，各处室负责人为成员。', '二、重点任务', '1.做好甲。'), errors: [{ messageId: 'missing', line: 5, column: 1 }] },
    { name: 'a declaration before the task does not cover tasks above it', text: doc(PLAN, '一、重点任务', '1.做好甲。', '以下任务均由各区政府落实，不再列出。', '2.做好乙。'), errors: [{ messageId: 'missing', line: 3 }] },
    { name: 'without nonTaskSections, 专项推进 holds tasks', text: doc(PLAN, '一、专项推进', '1.做好甲。'), errors: 1 },
    { name: '002 of the corpus: its 15 tasks', text: corpusText('002_'), errors: 15 },
    { name: 'documentKind: plan turns a report\'s leaves into tasks', text: doc('某某局2023年工作总结', '一、主要工作', '1.做好甲。'), config: { documentKind: 'plan' }, errors: [{ messageId: 'missing', line: 3 }] },
  ],
});

describe('task-unit: what the model reads from each clause form (FORMAT.md §2)', () => {
  for (const [name, t, units] of forms) {
    test(name, () => assert.deepEqual(unitsOf(itemByPath(plan(task(t)), '一、1.')), units));
  }

  test('`列第一位者为牵头单位，下同` in a clause: the first unit of this and every later clause leads', () => {
    const p = plan(firstListed);
    assert.equal(p.firstListedLeads, true);
    assert.deepEqual(unitsOf(itemByPath(p, '一、1.')), ['发展改革委/lead', '财政局/responsible']);
    assert.deepEqual(unitsOf(itemByPath(p, '一、2.')), ['教育局/lead', '人社局/responsible']);
  });

  test('`列第一位者为牵头单位` declared in the preamble applies to all tasks', () => {
    const text = doc(PLAN, '各任务责任单位中，列第一位者为牵头单位。', '一、重点任务', '1.做好甲。（发展改革委、财政局负责）');
    assert.deepEqual(unitsOf(itemByPath(plan(text), '一、1.')), ['发展改革委/lead', '财政局/responsible']);
  });

  test('without the declaration nobody is promoted to lead', () => {
    assert.deepEqual(unitsOf(itemByPath(plan(task('1.做好甲。（发展改革委、财政局负责）')), '一、1.')), ['发展改革委/responsible', '财政局/responsible']);
  });

  test('`以下均需试点城市政府落实，不再列出`: the declaration is the inherited units', () => {
    assert.equal(itemByPath(plan(declaredOnce), '一、1.').inheritedUnits?.text, '以下均需试点城市政府落实，不再列出');
  });

  test('a clause on a parent heading covers its sub-items that name none', () => {
    const p = plan(inheritedFromParent);
    assert.equal(itemByPath(p, '一、（一）1.').inheritedUnits?.text, '（办公室牵头，各处室配合）');
    assert.equal(itemByPath(p, '一、（一）2.').inheritedUnits, undefined, 'its own clause wins');
  });

  test('framing sections: every leaf is a non-task for being framing', () => {
    assert.ok(plan(framing).allItems.filter((i) => !i.children.length).every((i) => i.nonTaskReason === 'framing'));
  });

  test('a task\'s span runs from its marker to the end of its title', () => {
    const [d] = lint(missing).diagnostics.filter((x) => x.ruleId === 'task-unit');
    assert.equal(missing.slice(d!.span.start, d!.span.end), '2.完善政务公开制度');
  });
});

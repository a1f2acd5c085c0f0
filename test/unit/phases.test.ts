// Each phase of the plan model on its own (server/src/engine/model/*.ts), with the real shapes
// each heuristic exists for.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readStructure } from '../../server/src/engine/model/structure.js';
import { findTitle, innermostGenre, judgeGenre } from '../../server/src/engine/model/genre.js';
import { buildTree } from '../../server/src/engine/model/tree.js';
import { headingRole } from '../../server/src/engine/model/sections.js';
import { makeRoleMatcher } from '../../server/src/engine/model/units.js';
import { doc, plan, reportsOf, unitsOf, itemByPath } from '../fixtures/helpers.js';

const roles = makeRoleMatcher();
const genreOf = (text: string) => judgeGenre(readStructure(text), roles);

describe('structure', () => {
  test('table rows: a header with spaced letters, the number in the task cell, markers of three ranks in one row', () => {
    const s = readStructure(['工　作　任　务\t牵头单位\t责任单位', '1.深入解读政策\t\t省直各部门', '一、医疗质量\t（一）功能定位\t1.门诊人次数'].join('\n'));
    assert.deepEqual([...s.tableRows.keys()], [1, 2]);
    assert.deepEqual([...s.tableRows.get(1)!.columns!.roles], [[1, 'lead'], [2, 'responsible']]);
    assert.deepEqual(s.markers.map((m) => [m.line, m.rank, m.value]), [[1, 3, 1], [2, 1, 1], [2, 2, 1], [2, 3, 1]]);
  });

  test('headings: Markdown #, decimal section numbers (any length), 第X章; `3.5亿元` is no heading', () => {
    const s = readStructure(['# 总体要求', '4.2.1　出现国家级粮食应急状态时，国家粮食应急工作指挥部要立即报告。', '3.2 应急报告', '第二章　主动公开', '3.5亿元用于建设。'].join('\n'));
    assert.deepEqual([...s.headings.values()].map((h) => [h.line, h.kind]), [[0, 'markdown'], [1, 'decimal'], [2, 'decimal'], [3, 'chapter']]);
  });

  test('folded text keeps offsets: 牽頭 is looked up as 牵头', () => {
    const s = readStructure('（辦公廳牽頭，各司局配合）');
    assert.equal(s.folded, '（办公厅牵头，各司局配合）');
    assert.equal(s.folded.length, s.text.length);
  });
});

describe('genre', () => {
  test('the innermost genre word counts', () => {
    assert.deepEqual(innermostGenre('关于印发《2024年政务公开工作方案》的通知'), { word: '工作方案', genre: 'plan' });
    assert.deepEqual(innermostGenre('国务院办公厅转发国家地震局关于1997年地震趋势和加强防震减灾工作意见报告的通知'), { word: '报告', genre: 'report' });
    assert.deepEqual(innermostGenre('关于印发国 家 粮 食 应 急 预 案 的 函'), { word: '预案', genre: 'other' });
    assert.deepEqual(innermostGenre('关于印发个人所得税专项附加扣除暂行办法（试行）的通知'), { word: '暂行办法', genre: 'regulation' });
  });

  test('a short title counts (`政府工作报告`); `通知内容`, a quoted 《政府工作报告》 and a table-of-contents line do not', () => {
    assert.equal(genreOf(doc('政府工作报告', '各位代表：', '一、过去一年的工作')).genre, 'report');
    assert.equal(findTitle(readStructure(['通知内容', '一、提高质量'].join('\n'))), undefined);
    assert.equal(findTitle(readStructure(['为落实《政府工作报告》部署，制定本方案。', '一、提高质量'].join('\n'))), undefined);
    assert.equal(findTitle(readStructure(['3.2　应急报告', '一、提高质量'].join('\n'))), undefined);
  });

  test('an 意见 is a plan only when it assigns units; with no title and no evidence, nothing is called a task', () => {
    const opinion = (clause: string) => doc('关于加强政策解读工作的意见', '一、重点任务', `（一）做好解读。${clause}`, `（二）做好回应。${clause}`);
    assert.deepEqual([genreOf(opinion('')).genre, genreOf(opinion('')).assignsWork], ['other', false]);
    assert.deepEqual([genreOf(opinion('（办公室负责）')).genre, genreOf(opinion('（办公室负责）')).basis], ['plan', 'body']);
    const bare = genreOf(['一、做好甲', '二、做好乙'].join('\n'));
    assert.deepEqual([bare.genre, bare.assignsWork, bare.basis], ['other', false, 'default']);
  });

  test('articles make a regulation; the configured kind wins', () => {
    const rules = ['某某管理规范', '第一条　为规范管理，制定本规范。', '第二条　本规范适用于全县。', '第三条　本规范自印发之日起施行。'].join('\n');
    assert.equal(judgeGenre(readStructure(rules), roles).genre, 'regulation');
    assert.deepEqual(judgeGenre(readStructure(rules), roles, 'plan').basis, 'config');
  });
});

describe('item tree', () => {
  test('（1） restarts under each decimal section heading; 1. restarts under a new 一、 after running through', () => {
    const t = buildTree(readStructure(['一、甲', '3.1 第一节', '（1）做好甲', '（2）做好乙', '3.2 第二节', '（1）做好丙'].join('\n')));
    assert.deepEqual(t.numberingLists.filter((l) => l.rank === 4).map((l) => l.items.map((i) => i.marker.value)), [[1, 2], [1]]);
    const through = buildTree(readStructure(['一、甲', '1.做好甲', '2.做好乙', '二、乙', '3.做好丙', '4.做好丁', '三、丙', '5.做好戊', '四、丁', '1.做好己'].join('\n')));
    assert.deepEqual(through.numberingLists.filter((l) => l.rank === 3).map((l) => l.items.map((i) => i.marker.value)), [[1, 2, 3, 4, 5], [1]]);
  });
});

describe('sections', () => {
  test('framing nouns, verb + framing noun, scope, procedure and unit-centric headings; a comma makes a task heading', () => {
    const got = ['总体要求', '指导思想和基本原则', '切实做好组织实施', '2021年经济社会发展主要预期目标', '集中采购范围及形式', '管控流程', '职责分工', '强化组织保障，确保落实', '进一步扩大预决算公开范围']
      .map((h) => headingRole(h));
    assert.deepEqual(got, ['framing', 'framing', 'framing', 'framing', 'scope', 'procedure', 'unit-centric', 'task', 'task']);
  });
});

describe('tasks and clauses', () => {
  test('`（负责部门：…；适用范围：…）` names units, the scope field is no unit', () => {
    const p = plan(doc('关于支持改革创新若干措施的通知', '一、营造优良投资环境', '（一）放宽限制。（负责部门：人力资源社会保障部、商务部；适用范围：所有自贸试验区）', '（二）下放权限。（负责部门：住房城乡建设部）'));
    assert.deepEqual(p.tasks.map(unitsOf), [['人力资源社会保障部/responsible', '商务部/responsible'], ['住房城乡建设部/responsible']]);
  });

  test('a bracket of unit names only at the end of a task is its clause; `（试行）` is not', () => {
    const p = plan(doc('某某区2015年工作方案', '一、目标任务', '1.开展专项整治。（区公安局）', '2.推行标准。（试行）'));
    assert.deepEqual(p.tasks.map(unitsOf), [['区公安局/responsible'], []]);
  });

  test('items that are units are no tasks; a 职责分工 section of them covers the tasks', () => {
    const p = plan(doc('某某区实施方案', '一、重点任务', '（一）完善规划体系', '二、职责分工', '（一）区建管委', '牵头协调督促本区建设工作落实。', '（二）区财政局', '负责安排年度预算。'));
    assert.deepEqual(p.allItems.map((i) => [i.path, i.nonTaskReason ?? 'task']), [
      ['一、', 'has-children'], ['一、（一）', 'task'], ['二、', 'has-children'], ['二、（一）', 'unit'], ['二、（二）', 'unit'],
    ]);
    assert.equal(itemByPath(p, '一、（一）').inheritedUnits?.text, '职责分工');
    assert.deepEqual(reportsOf(doc('某某区实施方案', '一、重点任务', '（一）完善规划体系', '二、职责分工', '（一）区建管委', '牵头协调。'), 'task-unit'), []);
  });

  test('config role words reach labels: `协同单位：财政局` with roles.cooperating = [协同]', () => {
    const text = doc('某某县工作方案', '一、重点任务', '1.做好甲。（主抓单位：县政府办；协同单位：县财政局）');
    const p = plan(text, { roleKeywords: { lead: ['主抓'] } });
    assert.deepEqual(unitsOf(p.tasks[0]!), ['县政府办/lead', '县财政局/cooperating']);
  });

  test('a forwarding notice: its own items before the signature and date are no tasks, the forwarded plan\'s are', () => {
    const text = doc('某某县人民政府办公室关于印发某某县工作方案的通知', '各乡镇：', '一、高度重视。各乡镇要认真落实。', '某某县人民政府办公室', '2024年3月1日', '某某县工作方案', '一、重点任务', '1.做好甲。');
    const p = plan(text);
    assert.deepEqual(p.allItems.map((i) => [i.heading.line + 1, i.nonTaskReason ?? 'task']), [[3, 'cover'], [7, 'has-children'], [8, 'task']]);
  });
});

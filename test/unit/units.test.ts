// Unit clauses in detail: where each unit is (exact spans), its role, 分别 and 按职责分工, splitting
// by 、 never inside brackets, labels with either colon, `由…牵头`, extra role words from config.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { doc, itemByPath, plan, unitsOf } from '../fixtures/helpers.js';

const PLAN = '某某局2024年工作方案';
const task = (t: string, config?: Parameters<typeof plan>[1]) => {
  const text = doc(PLAN, '一、重点任务', t);
  return { text, it: itemByPath(plan(text, config), '一、1.') };
};

describe('unit clauses', () => {
  test('every unit span is its name in the text', () => {
    const { text, it } = task('1.做好甲。（审批处、人事处分别牵头，各有关处室、民服中心配合）');
    assert.deepEqual(it.unitClauses[0]!.units.map((u) => text.slice(u.span.start, u.span.end)), ['审批处', '人事处', '各有关处室', '民服中心']);
    const c = it.unitClauses[0]!;
    assert.equal(text.slice(c.span.start, c.span.end), '（审批处、人事处分别牵头，各有关处室、民服中心配合）');
    assert.equal(text.slice(c.inner.start, c.inner.end), '审批处、人事处分别牵头，各有关处室、民服中心配合');
  });

  test('、 inside brackets does not split: 各乡镇（街道、社区）', () => {
    const { it } = task('1.做好甲。（责任单位：各乡镇（街道、社区）、县政府各部门）');
    assert.deepEqual(unitsOf(it), ['各乡镇（街道、社区）/responsible', '县政府各部门/responsible']);
  });

  test('half-width colon and semicolon in labels', () => {
    const { it } = task('1.做好甲。(牵头单位:县委编办;责任单位:县政府各部门)');
    assert.deepEqual(unitsOf(it), ['县委编办/lead', '县政府各部门/responsible']);
  });

  test('a role-less group takes the role of the label before it', () => {
    const { it } = task('1.做好甲。（配合单位：审计局，税务局）');
    assert.deepEqual(unitsOf(it), ['审计局/cooperating', '税务局/cooperating']);
  });

  test('`由…牵头`: the unit follows 由', () => {
    const { it } = task('1.做好甲。（规范性文件公开由制发司（局）牵头，各有关司（局）配合）');
    assert.deepEqual(unitsOf(it), ['制发司（局）/lead', '各有关司（局）/cooperating']);
  });

  test('分别 marks every unit of the group; 按职责分工 marks the clause by remit', () => {
    const a = task('1.做好甲。（救助处、养老处分别负责）').it;
    assert.deepEqual(a.unitClauses[0]!.units.map((u) => u.separately), [true, true]);
    assert.equal(a.unitClauses[0]!.byRemit, false);
    const b = task('1.做好甲。（各处室按照职责分工负责）').it;
    assert.equal(b.unitClauses[0]!.byRemit, true);
    assert.deepEqual(b.unitClauses[0]!.units.map((u) => u.separately), [undefined]);
  });

  test('会同: the first leads, the other cooperates', () => {
    assert.deepEqual(unitsOf(task('1.做好甲。（财政局会同审计局、税务局负责）').it), ['财政局/lead', '审计局/cooperating', '税务局/cooperating']);
  });

  test('a bracket that is not a clause is no clause: （试行）, （2024年版）', () => {
    const { it } = task('1.修订《办法（试行）》和目录（2024年版）。（办公室负责）');
    assert.equal(it.unitClauses.length, 1);
    assert.deepEqual(unitsOf(it), ['办公室/responsible']);
  });

  test('several clauses in one task, in text order', () => {
    const { it } = task('1.做好甲。规范性文件由法规处牵头（法规处牵头）；执法事项由执法局负责（执法局负责）。');
    assert.deepEqual(unitsOf(it), ['法规处/lead', '执法局/responsible']);
  });

  test('等 closes a list and is no part of a name: 财政部等, 财政部等有关部门', () => {
    const a = task('1.做好甲。（国家发展改革委、财政部等按职责分工负责）');
    assert.deepEqual(unitsOf(a.it), ['国家发展改革委/responsible', '财政部/responsible']);
    assert.equal(a.text.slice(a.it.unitClauses[0]!.units[1]!.span.start, a.it.unitClauses[0]!.units[1]!.span.end), '财政部');
    assert.deepEqual(unitsOf(task('1.做好甲。（财政部等有关部门负责）').it), ['财政部/responsible']);
  });

  test('a deadline inside a clause names no unit: ，2024年底前完成 / ；持续推进 / ；完成时限：…', () => {
    assert.deepEqual(unitsOf(task('1.做好甲。（各市政府、省直各部门负责，2024年底前完成）').it), ['各市政府/responsible', '省直各部门/responsible']);
    assert.deepEqual(unitsOf(task('1.做好甲。（省政府办公厅牵头，2024年6月底前完成）').it), ['省政府办公厅/lead']);
    assert.deepEqual(unitsOf(task('1.做好甲。（市委宣传部、市委网信办负责；持续推进）').it), ['市委宣传部/responsible', '市委网信办/responsible']);
    assert.deepEqual(unitsOf(task('1.做好甲。（责任单位：各区县政府；完成时限：2024年6月底前）').it), ['各区县政府/responsible']);
    const onlyDate = doc(PLAN, '一、重点任务', '1.做好甲。（2024年底前完成）');
    assert.deepEqual(itemByPath(plan(onlyDate), '一、1.').unitClauses, []);
  });

  test('labels separated by a space only: （牵头单位：A　责任单位：B）', () => {
    assert.deepEqual(unitsOf(task('1.做好甲。（牵头单位：市政务服务局　责任单位：各区县政府）').it), ['市政务服务局/lead', '各区县政府/responsible']);
  });

  test('extra role keywords from the config: 主抓', () => {
    const t = '1.做好甲。（办公室主抓，各处室配合）';
    // unknown, 主抓 reads as part of a name that takes the next group's role
    assert.deepEqual(unitsOf(task(t).it), ['办公室主抓/cooperating', '各处室/cooperating']);
    assert.deepEqual(unitsOf(task(t, { roleKeywords: { lead: ['主抓'] } }).it), ['办公室/lead', '各处室/cooperating']);
  });

  test('a clause on the next line, in the body of a heading on its own line', () => {
    const text = doc(PLAN, '一、重点任务', '（一）建设信息公开平台', '县政府门户网站要建设平台，年底前全部公开到位。（牵头单位：县政务中心；责任单位：县政府各部门）');
    const it = itemByPath(plan(text), '一、（一）');
    assert.deepEqual(unitsOf(it), ['县政务中心/lead', '县政府各部门/responsible']);
    assert.equal(it.unitClauses[0]!.span.start > it.body[0]!.span.start, true);
  });
});

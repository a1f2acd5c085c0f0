// The engine's drafting queries (engine/drafting): what is being typed, the next marker in the
// plan's scheme, the marks an editor colours, unit mentions with canonical names, section tallies.
// Pure functions of the plan model: no server, no editor.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parsePlan } from '../../server/src/engine/index.js';
import { completionSite, nextMarkers, planMarks, sectionSummary, unitMentions, type CompletionSite } from '../../server/src/engine/drafting/index.js';
import { doc, fixtureText } from '../fixtures/helpers.js';

const PLAN = doc(
  '某某区2024年政务公开工作要点',
  '一、推进决策公开',
  '（一）严格落实重大行政决策预公开制度，8月底前完成。（区发改委牵头，各街道配合）',
  '（二）做好建议提案办理结果公开。',
  '（三）加强平台建设。（区政务中心牵头）',
  '1.优化网站栏目。',
);
const known = new Set(['区发改委', '各街道', '区政务服务中心', '区司法局']);
const isUnit = (n: string) => known.has(n);

/** the site with the cursor at the end of `typed` inserted after `anchor` */
function siteAfter(text: string, anchor: string, typed: string): { site: CompletionSite | undefined; at: number } {
  const at = text.indexOf(anchor) + anchor.length;
  const t = text.slice(0, at) + typed + text.slice(at);
  return { site: completionSite(parsePlan(t), at + typed.length, { isUnit }), at };
}

describe('completionSite', () => {
  test('a unit name after `（` at a task\'s end, after `、` and `，` in a clause, after a label', () => {
    const anchor = '（二）做好建议提案办理结果公开。';
    for (const [typed, nameStart] of [['（', 1], ['（区发', 1], ['（区司法局、', 6], ['（区司法局牵头，各', 8], ['（牵头单位：区', 6], ['（牵头单位：区司法局；配合单位：', 16]] as const) {
      const { site, at } = siteAfter(PLAN, anchor, typed);
      assert.deepEqual(site, { kind: 'unit', from: at + nameStart }, typed);
    }
  });

  test('a role word after a unit name (known, or named like a unit with a role begun), nothing after unit and role', () => {
    const anchor = '（二）做好建议提案办理结果公开。';
    const { site, at } = siteAfter(PLAN, anchor, '（区司法局');
    assert.deepEqual(site, { kind: 'role', from: at + 5, unit: '区司法局' });
    const fresh = siteAfter(PLAN, anchor, '（区统计局负');
    assert.deepEqual(fresh.site, { kind: 'role', from: fresh.at + 5, unit: '区统计局' });
    assert.equal(siteAfter(PLAN, anchor, '（区司法局负责').site, undefined);
  });

  test('no clause: a bracket of prose, a closed clause, a marker\'s bracket at a line start', () => {
    const anchor = '（二）做好建议提案办理结果公开';
    assert.equal(siteAfter(PLAN, anchor, '（包括决策目录、').site, undefined);
    assert.equal(siteAfter(PLAN, '（区发改委牵头，各街道配合）', '').site, undefined);
    const line = siteAfter(PLAN, '1.优化网站栏目。\n', '（');
    assert.equal(line.site?.kind, 'marker');
  });

  test('the clause skeleton at the end of a task that names no unit, trailing spaces allowed', () => {
    const plan = parsePlan(PLAN);
    const end = PLAN.indexOf('结果公开。') + 5;
    const site = completionSite(plan, end, { isUnit });
    assert.equal(site?.kind, 'skeleton');
    assert.equal(site?.kind === 'skeleton' && site.item.path, '一、（二）');
    // a task that names its units, and the middle of a task's text: nothing
    assert.equal(completionSite(plan, PLAN.indexOf('各街道配合）') + 6, { isUnit }), undefined);
    assert.equal(completionSite(plan, end - 3, { isUnit }), undefined);
  });

  test('a table\'s unit column (after a TAB where the rows name units), not its task column', () => {
    const text = fixtureText('table-tsv.txt');
    const row = '3\t推进重点领域信息公开。\t';
    const at = text.indexOf(row) + row.length;
    const plan = parsePlan(text);
    assert.deepEqual(completionSite(plan, at, { isUnit: () => false }), { kind: 'unit', from: at });
    assert.equal(completionSite(plan, text.indexOf(row) + 2, { isUnit: () => false }), undefined);
  });
});

describe('nextMarkers', () => {
  test('after `（六）` in a plan numbered through: `（七）`, a first child, the next section', () => {
    const text = fixtureText('through-24.txt');
    const line = text.indexOf('三、优化政务公开服务');
    assert.deepEqual(nextMarkers(parsePlan(text), line), ['（七）', '1.', '三、']);
  });

  test('restarting numbering: the sibling after `1.`, its child, the parent\'s and the section\'s next', () => {
    const text = PLAN + '\n';
    assert.deepEqual(nextMarkers(parsePlan(text), text.length), ['2.', '（1）', '（四）', '二、']);
  });

  test('before the first item: nothing', () => {
    assert.deepEqual(nextMarkers(parsePlan(PLAN), 0), []);
  });
});

describe('marks and mentions', () => {
  test('units (the heading clause sub-items take included), role words, deadlines and markers, in order', () => {
    const plan = parsePlan(PLAN);
    const mentions = unitMentions(plan, { 区政务服务中心: ['区政务中心'] });
    assert.deepEqual(mentions.map((m) => [m.written, m.name, m.ref.role, m.item.path]), [
      ['区发改委', '区发改委', 'lead', '一、（一）'],
      ['各街道', '各街道', 'cooperating', '一、（一）'],
      ['区政务中心', '区政务服务中心', 'lead', '一、（三）'],
    ]);
    const marks = planMarks(plan, mentions);
    assert.deepEqual(marks.map((m) => [m.kind, PLAN.slice(m.span.start, m.span.end), m.rank ?? 0]), [
      ['marker', '一、', 1],
      ['marker', '（一）', 2], ['deadline', '8月底前', 0], ['unit', '区发改委', 0], ['role', '牵头', 0], ['unit', '各街道', 0], ['role', '配合', 0],
      ['marker', '（二）', 2],
      ['marker', '（三）', 2], ['unit', '区政务中心', 0], ['role', '牵头', 0],
      ['marker', '1.', 3],
    ]);
  });

  test('role words with their modifiers and labels, and config role words', () => {
    const text = doc('某某区2024年工作方案', '一、重点任务', '1.做好甲。（区财政局、区审计局分别牵头，各部门按职责分工负责）', '2.做好乙。（牵头单位：区统计局；协同单位：区税务局）', '3.做好丙。（区档案馆主抓）');
    const plan = parsePlan(text, { roleKeywords: { lead: ['主抓'] } });
    const roles = planMarks(plan, unitMentions(plan), { lead: ['主抓'] }).filter((m) => m.kind === 'role').map((m) => text.slice(m.span.start, m.span.end));
    assert.deepEqual(roles, ['分别牵头', '按职责分工负责', '牵头单位', '协同单位', '主抓']);
  });

  test('section tallies: tasks, distinct lead units (a heading clause\'s too), tasks without units', () => {
    const plan = parsePlan(PLAN);
    assert.deepEqual(sectionSummary(plan.items[0]!, unitMentions(plan)), { tasks: 3, leads: 2, withoutUnits: 1 });
  });
});

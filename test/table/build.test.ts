import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasMap, buildTaskTable, buildTaskTables, pathLabel, normalizeUnitName, unitKey } from '../../server/src/table/build.js';
import { SAMPLE, miniPlan } from './fixtures.js';
import { parsePlan } from '../../server/src/engine/index.js';

test('rows by task: path without the final delimiter, 序号 (serial; this model has no group items above its tasks, so the whole path), title and whole text without the clause, roles, deadlines, lines', () => {
  const t = buildTaskTable(SAMPLE);
  assert.deepEqual(t.documents, [{ title: '某局2021年工作要点', year: 2021 }]);
  assert.deepEqual(t.tasks, [
    {
      doc: 0, path: '一、1', serial: '一、1', number: '1', title: '梳理规范性文件，动态更新', text: '梳理规范性文件，动态更新。8月底前完成清理。', body: [], sections: [],
      lead: ['办公室'], responsible: [], cooperating: ['各处室', '“信息中心”'], guiding: [],
      separately: [], byRemit: false, deadlines: [{ text: '8月底前', date: '2021-08-31' }], line: 3,
    },
    {
      doc: 0, path: '一、2', serial: '一、2', number: '2', title: '完善权责清单|公开"职能",依法公开', text: '完善权责清单|公开"职能",依法公开。', body: [], sections: [],
      lead: ['审批处', '人事处'], responsible: [], cooperating: ['厅办公室'], guiding: ['省厅'],
      separately: ['lead'], byRemit: false, deadlines: [{ text: '持续推进' }], line: 5,
    },
    {
      doc: 0, path: '二、3', serial: '二、3', number: '3', title: '做好解读工作，提供支撑', text: '做好解读工作，提供支撑', body: [], sections: [],
      lead: [], responsible: ['各处室'], cooperating: [], guiding: [],
      separately: [], byRemit: true, deadlines: [], line: 7,
    },
  ]);
});

test('rows by unit: first appearance order, refs per role, distinct-task totals', () => {
  const t = buildTaskTable(SAMPLE);
  assert.deepEqual(
    t.units.map((u) => [u.name, u.lead.map((r) => r.path), u.responsible.map((r) => r.path), u.cooperating.map((r) => r.path), u.guiding.map((r) => r.path), u.counts]),
    [
      ['办公室', ['一、1'], [], [], [], { lead: 1, responsible: 0, cooperating: 0, guiding: 0, total: 1 }],
      ['各处室', [], ['二、3'], ['一、1'], [], { lead: 0, responsible: 1, cooperating: 1, guiding: 0, total: 2 }],
      ['“信息中心”', [], [], ['一、1'], [], { lead: 0, responsible: 0, cooperating: 1, guiding: 0, total: 1 }],
      ['审批处', ['一、2'], [], [], [], { lead: 1, responsible: 0, cooperating: 0, guiding: 0, total: 1 }],
      ['人事处', ['一、2'], [], [], [], { lead: 1, responsible: 0, cooperating: 0, guiding: 0, total: 1 }],
      ['厅办公室', [], [], ['一、2'], [], { lead: 0, responsible: 0, cooperating: 1, guiding: 0, total: 1 }],
      ['省厅', [], [], [], ['一、2'], { lead: 0, responsible: 0, cooperating: 0, guiding: 1, total: 1 }],
    ],
  );
  assert.deepEqual(t.units[0]!.lead, [{ doc: 0, path: '一、1', serial: '一、1', title: '梳理规范性文件，动态更新', text: '梳理规范性文件，动态更新。8月底前完成清理。', line: 3 }]);
});

test('config units map aliases to the canonical name; the unit row records the spelling it absorbed', () => {
  const t = buildTaskTable(SAMPLE, { units: { 办公室: ['厅办公室'], 各处室: [] } });
  assert.deepEqual(t.tasks[1]!.cooperating, ['办公室']);
  const office = t.units.find((u) => u.name === '办公室')!;
  assert.deepEqual(office.aliases, ['厅办公室']);
  assert.deepEqual(office.lead.map((r) => r.path), ['一、1']);
  assert.deepEqual(office.cooperating.map((r) => r.path), ['一、2']);
  assert.deepEqual(office.counts, { lead: 1, responsible: 0, cooperating: 1, guiding: 0, total: 2 });
  assert.equal(t.units.some((u) => u.name === '厅办公室'), false);
});

test('alias lookup folds bracket width and whitespace but the table keeps the configured spelling', () => {
  const m = aliasMap({ '各司（局）': ['司局'] });
  assert.equal(m.get(unitKey('各司(局)')), '各司（局）');
  assert.equal(m.get(unitKey(' 司 局 ')), '各司（局）');
  assert.equal(normalizeUnitName('　县政府\u00a0各部门 '), '县政府各部门');
  assert.equal(normalizeUnitName('IT  Service Desk'), 'IT Service Desk');
});

test('a unit named twice in one task with one role counts once; two roles count once in the total', () => {
  const plan = miniPlan({
    tasks: [
      {
        path: '一、',
        marker: '一、',
        line: '一、统筹推进。（办公室牵头，各处室、办公室按职责分工负责；办公室配合）',
        clauses: [{ text: '（办公室牵头，各处室、办公室按职责分工负责；办公室配合）', units: [['办公室', 'lead'], ['各处室', 'responsible'], ['办公室', 'responsible'], ['办公室', 'cooperating']], byRemit: true }],
      },
    ],
  });
  const t = buildTaskTable(plan);
  assert.deepEqual(t.tasks[0]!.cooperating, ['办公室']);
  assert.deepEqual(t.tasks[0]!.path, '一');
  assert.deepEqual(t.units[0]!.counts, { lead: 1, responsible: 1, cooperating: 1, guiding: 0, total: 1 });
});

test('inherited units are carried as written', () => {
  const plan = miniPlan({
    tasks: [{ path: '（一）', marker: '（一）', line: '（一）开展试点。', inherited: '以下均需试点城市政府落实，不再列出' }],
  });
  assert.equal(buildTaskTable(plan).tasks[0]!.inherited, '以下均需试点城市政府落实，不再列出');
  assert.deepEqual(buildTaskTable(plan).units, []);
});

test('several plans: rows keep their document, units gather across plans', () => {
  const t = buildTaskTables([
    { plan: SAMPLE, file: 'a.txt' },
    { plan: SAMPLE, file: 'b.txt', units: { 办公室: ['厅办公室'] } },
  ]);
  assert.deepEqual(t.documents.map((d) => d.file), ['a.txt', 'b.txt']);
  assert.deepEqual(t.tasks.map((r) => r.doc), [0, 0, 0, 1, 1, 1]);
  const office = t.units.find((u) => u.name === '办公室')!;
  assert.deepEqual(office.lead.map((r) => [r.doc, r.path]), [[0, '一、1'], [1, '一、1']]);
  assert.deepEqual(office.cooperating.map((r) => [r.doc, r.path]), [[1, '一、2']]);
  assert.equal(office.counts.total, 3);
  // the alias map applies to its own file only
  assert.deepEqual(t.units.find((u) => u.name === '厅办公室')!.cooperating.map((r) => r.doc), [0]);
});

test('pathLabel strips only the final delimiter', () => {
  assert.equal(pathLabel('二、（三）7.'), '二、（三）7');
  assert.equal(pathLabel('一、11'), '一、11');
  assert.equal(pathLabel('三、'), '三');
  assert.equal(pathLabel('（二十二）'), '（二十二）');
  assert.equal(pathLabel('一、3、'), '一、3');
});

test('a task of many paragraphs, each with its clause: every paragraph without its own clause, each unit once per role', () => {
  // `加强管理（办公室牵头）` line after line under one heading: each paragraph's clauses are looked up, not
  // all the task's clauses sorted for every paragraph (issue 18: 40,000 lines took 68 s)
  const lines = ['加强甲工作（办公室牵头）', '加强乙工作，6月底前完成（财务处牵头，人事处、办公室配合）', '加强丙工作（办公室牵头）。'];
  const text = ['某局2024年工作要点', '一、重点任务', ...lines, '二、保障措施', '加强领导。'].join('\n');
  const t = buildTaskTable(parsePlan(text));
  assert.deepEqual(t.tasks.map((r) => [r.path, r.text, r.body, r.lead, r.cooperating, r.deadlines]), [
    ['一', '重点任务', ['加强甲工作', '加强乙工作，6月底前完成', '加强丙工作。'], ['办公室', '财务处'], ['人事处', '办公室'], [{ text: '6月底前', date: '2024-06-30' }]],
  ]);
  assert.deepEqual(t.units.map((u) => [u.name, u.lead.length, u.cooperating.length, u.counts.total]), [['办公室', 1, 1, 1], ['财务处', 1, 0, 1], ['人事处', 0, 1, 1]]);
  const many = buildTaskTable(parsePlan(['某局2024年工作要点', '一、重点任务', ...Array.from({ length: 3000 }, (_, i) => `加强第${i + 1}项工作（${i % 2 ? '办公室' : '财务处'}牵头）`)].join('\n')));
  assert.equal(many.tasks[0]!.body.length, 3000);
  assert.equal(many.tasks[0]!.body[2999], '加强第3000项工作');
  assert.deepEqual(many.tasks[0]!.lead, ['财务处', '办公室']);
});

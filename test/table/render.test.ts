import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { buildTaskTable, buildTaskTables } from '../../server/src/table/build.js';
import { displayWidth, gridOf, renderTable, taskGrid, unitGrid } from '../../server/src/table/render.js';
import type { TaskTable } from '../../server/src/table/types.js';
import { SAMPLE, validator } from './fixtures.js';

const table = buildTaskTable(SAMPLE);

test('md by task: one row per task, pipes escaped, number column right-aligned', () => {
  assert.equal(
    renderTable(table, 'md', 'task').toString('utf8'),
    [
      '| 序号 | 任务 | 牵头单位 | 责任单位 | 配合单位 | 指导单位 | 完成时限 | 行号 |',
      '| --- | --- | --- | --- | --- | --- | --- | ---: |',
      '| 一、1 | 梳理规范性文件，动态更新。8月底前完成清理。 | 办公室 |  | 各处室、“信息中心” |  | 8月底前（2021-08-31） | 3 |',
      '| 一、2 | 完善权责清单\\|公开"职能",依法公开。 | 审批处、人事处（分别牵头） |  | 厅办公室 | 省厅 | 持续推进 | 5 |',
      '| 二、3 | 做好解读工作，提供支撑 |  | 各处室 |  |  |  | 7 |',
      '',
    ].join('\n'),
  );
});

test('md by unit: one row per unit and task, with the role and the task by name', () => {
  assert.equal(
    renderTable(table, 'md', 'unit').toString('utf8'),
    [
      '| 单位 | 承担方式 | 序号 | 任务 | 完成时限 | 行号 |',
      '| --- | --- | --- | --- | --- | ---: |',
      '| 办公室 | 牵头 | 一、1 | 梳理规范性文件，动态更新。8月底前完成清理。 | 8月底前（2021-08-31） | 3 |',
      '| 各处室 | 负责 | 二、3 | 做好解读工作，提供支撑 |  | 7 |',
      '| 各处室 | 配合 | 一、1 | 梳理规范性文件，动态更新。8月底前完成清理。 | 8月底前（2021-08-31） | 3 |',
      '| “信息中心” | 配合 | 一、1 | 梳理规范性文件，动态更新。8月底前完成清理。 | 8月底前（2021-08-31） | 3 |',
      '| 审批处 | 分别牵头 | 一、2 | 完善权责清单\\|公开"职能",依法公开。 | 持续推进 | 5 |',
      '| 人事处 | 分别牵头 | 一、2 | 完善权责清单\\|公开"职能",依法公开。 | 持续推进 | 5 |',
      '| 厅办公室 | 配合 | 一、2 | 完善权责清单\\|公开"职能",依法公开。 | 持续推进 | 5 |',
      '| 省厅 | 指导 | 一、2 | 完善权责清单\\|公开"职能",依法公开。 | 持续推进 | 5 |',
      '',
    ].join('\n'),
  );
});

test('md in English', () => {
  const md = renderTable(table, 'md', 'unit', 'en').toString('utf8').split('\n');
  assert.equal(md[0], '| Unit | Role | No. | Task | Deadline | Line |');
  assert.equal(md[3], '| 各处室 | responsible | 二、3 | 做好解读工作，提供支撑 |  | 7 |');
  assert.equal(md[6], '| 审批处 | each lead | 一、2 | 完善权责清单\\|公开"职能",依法公开。 | 持续推进 | 5 |');
});

test('--with-body: the task cell holds its body paragraphs below its text', () => {
  const t: TaskTable = structuredClone(table);
  t.tasks[0]!.body = ['完成清理后公开。', '每季度更新一次。'];
  assert.equal(taskGrid(t).rows[0]![1], '梳理规范性文件，动态更新。8月底前完成清理。');
  assert.equal(taskGrid(t, { withBody: true }).rows[0]![1], '梳理规范性文件，动态更新。8月底前完成清理。\n完成清理后公开。\n每季度更新一次。');
  assert.match(renderTable(t, 'md', 'task', { withBody: true }).toString('utf8'), /\| 梳理规范性文件，动态更新。8月底前完成清理。<br>完成清理后公开。<br>每季度更新一次。 \|/);
});

test('a plan in which no task names a unit: the warning before the md table, as the last csv record, in json', () => {
  const t: TaskTable = structuredClone(table);
  for (const r of t.tasks) { r.lead = []; r.responsible = []; r.cooperating = []; r.guiding = []; }
  t.units = [];
  const note = '注意：《某局2021年工作要点》的 3 项任务均未写明责任单位，表中单位栏为空，请补充后再印发。';
  const md = renderTable(t, 'md', 'task').toString('utf8').split('\n');
  assert.deepEqual(md.slice(0, 3), [`> ${note}`, '', '| 序号 | 任务 | 牵头单位 | 责任单位 | 配合单位 | 指导单位 | 完成时限 | 行号 |']);
  const rows = parse(renderTable(t, 'csv', 'task'), { bom: true }) as string[][];
  assert.deepEqual(rows[rows.length - 1], [note, '', '', '', '', '', '', '']);
  assert.deepEqual(JSON.parse(renderTable(t, 'json', 'task').toString('utf8')).warnings, [note]);
  // one unit anywhere and the table is not flagged
  assert.deepEqual(JSON.parse(renderTable(table, 'json', 'task').toString('utf8')).warnings, []);
});

test('csv: UTF-8 BOM, CRLF records, RFC 4180 quoting, round-trips through csv-parse', () => {
  for (const by of ['task', 'unit'] as const) {
    const buf = renderTable(table, 'csv', by);
    assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8');
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
    const g = gridOf(table, by);
    const rows = parse(buf, { bom: true, relax_column_count: false }) as string[][];
    assert.deepEqual(rows, [g.header, ...g.rows.map((r) => r.map(String))]);
  }
  const text = renderTable(table, 'csv', 'task').toString('utf8');
  assert.ok(text.includes('\r\n一、2,"完善权责清单|公开""职能"",依法公开。",审批处、人事处（分别牵头）,,厅办公室,省厅,持续推进,5\r\n'));
});

test('csv: a line break inside a cell is quoted and survives', () => {
  const t: TaskTable = structuredClone(table);
  t.tasks[0]!.text = '第一行\r\n第二行';
  const rows = parse(renderTable(t, 'csv', 'task'), { bom: true }) as string[][];
  assert.equal(rows[1]![1], '第一行\r\n第二行');
});

test('json validates against schemas/plan.schema.json (draft 2020-12) for both views', () => {
  const validate = validator();
  for (const by of ['task', 'unit'] as const) {
    const doc = JSON.parse(renderTable(table, 'json', by).toString('utf8'));
    assert.equal(validate(doc), true, JSON.stringify(validate.errors));
    assert.equal(doc.view, by);
  }
  const byTask = JSON.parse(renderTable(table, 'json', 'task').toString('utf8'));
  assert.deepEqual(byTask.tasks, table.tasks);
  assert.equal('units' in byTask, false);
  const byUnit = JSON.parse(renderTable(table, 'json', 'unit').toString('utf8'));
  assert.deepEqual(byUnit.units, table.units);
});

test('the schema rejects what the table never produces', () => {
  const validate = validator();
  const doc = JSON.parse(renderTable(table, 'json', 'task').toString('utf8'));
  assert.equal(validate({ ...doc, units: [] }), false); // view task carries no units
  assert.equal(validate({ ...doc, tasks: [{ ...doc.tasks[0], line: 0 }] }), false);
  assert.equal(validate({ ...doc, tasks: [{ ...doc.tasks[0], lead: ['办公室', '办公室'] }] }), false);
  assert.equal(validate({ ...doc, tasks: [{ ...doc.tasks[0], deadlines: [{ text: '8月底前', date: '8月31日' }] }] }), false);
  assert.equal(validate({ ...doc, view: 'unit' }), false);
});

test('display width counts CJK and full-width forms as 2', () => {
  assert.equal(displayWidth('办公室'), 6);
  assert.equal(displayWidth('一、1'), 5);
  assert.equal(displayWidth('（a）'), 5);
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('𠀀'), 2);
  assert.equal(displayWidth('“六稳”'), 8);
});


test('several documents: a file column by task and by unit', () => {
  const t = buildTaskTables([
    { plan: SAMPLE, file: 'plans/a.txt' },
    { plan: SAMPLE, file: 'plans/b.txt' },
  ]);
  const g = taskGrid(t);
  assert.equal(g.header[0], '文件');
  assert.deepEqual(g.rows.map((r) => r[0]), ['plans/a.txt', 'plans/a.txt', 'plans/a.txt', 'plans/b.txt', 'plans/b.txt', 'plans/b.txt']);
  assert.deepEqual(unitGrid(t).header, ['单位', '承担方式', '文件', '序号', '任务', '完成时限', '行号']);
  assert.deepEqual(unitGrid(t).rows.slice(0, 2), [
    ['办公室', '牵头', 'plans/a.txt', '一、1', '梳理规范性文件，动态更新。8月底前完成清理。', '8月底前（2021-08-31）', 3],
    ['办公室', '牵头', 'plans/b.txt', '一、1', '梳理规范性文件，动态更新。8月底前完成清理。', '8月底前（2021-08-31）', 3],
  ]);
  const validate = validator();
  assert.equal(validate(JSON.parse(renderTable(t, 'json', 'unit').toString('utf8'))), true);
});

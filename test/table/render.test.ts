import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { buildTaskTable, buildTaskTables } from '../../server/src/table/build.js';
import { breakRefs, columnWidths, displayWidth, gridOf, renderTable, taskGrid, unitGrid } from '../../server/src/table/render.js';
import type { TaskTable } from '../../server/src/table/types.js';
import { SAMPLE, validator } from './fixtures.js';

const table = buildTaskTable(SAMPLE);

test('md by task: one row per task, pipes escaped, number column right-aligned', () => {
  assert.equal(
    renderTable(table, 'md', 'task').toString('utf8'),
    [
      '| 序号 | 任务 | 牵头单位 | 责任单位 | 配合单位 | 指导单位 | 时限 | 行号 |',
      '| --- | --- | --- | --- | --- | --- | --- | ---: |',
      '| 一、1 | 梳理规范性文件，动态更新 | 办公室 |  | 各处室、“信息中心” |  | 8月底前（2021-08-31） | 3 |',
      '| 一、2 | 完善权责清单\\|公开"职能",依法公开 | 审批处、人事处（分别牵头） |  | 厅办公室 | 省厅 | 持续推进 | 5 |',
      '| 二、3 | 做好解读工作，提供支撑 |  | 各处室 |  |  |  | 7 |',
      '',
    ].join('\n'),
  );
});

test('md by unit: counts and task numbers per role', () => {
  assert.equal(
    renderTable(table, 'md', 'unit').toString('utf8'),
    [
      '| 单位 | 牵头 | 负责 | 配合 | 指导 | 合计 |',
      '| --- | --- | --- | --- | --- | ---: |',
      '| 办公室 | 1项：一、1 |  |  |  | 1 |',
      '| 各处室 |  | 1项：二、3 | 1项：一、1 |  | 2 |',
      '| “信息中心” |  |  | 1项：一、1 |  | 1 |',
      '| 审批处 | 1项：一、2 |  |  |  | 1 |',
      '| 人事处 | 1项：一、2 |  |  |  | 1 |',
      '| 厅办公室 |  |  | 1项：一、2 |  | 1 |',
      '| 省厅 |  |  |  | 1项：一、2 | 1 |',
      '',
    ].join('\n'),
  );
});

test('md in English', () => {
  const md = renderTable(table, 'md', 'unit', 'en').toString('utf8').split('\n');
  assert.equal(md[0], '| Unit | Leads | Responsible for | Cooperates on | Guides | Total |');
  assert.equal(md[3], '| 各处室 |  | 1: 二、3 | 1: 一、1 |  | 2 |');
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
  assert.ok(text.includes('\r\n一、2,"完善权责清单|公开""职能"",依法公开",审批处、人事处（分别牵头）,,厅办公室,省厅,持续推进,5\r\n'));
});

test('csv: a line break inside a cell is quoted and survives', () => {
  const t: TaskTable = structuredClone(table);
  t.tasks[0]!.title = '第一行\r\n第二行';
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
  // widths: content + 2, capped per column kind, never below the header
  assert.deepEqual(columnWidths(taskGrid(table)), [7, 34, 26, 10, 22, 10, 23, 6]);
  assert.deepEqual(columnWidths(unitGrid(table)), [14, 12, 12, 12, 12, 6]);
});

async function readBack(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const sheetRows = (ws: ExcelJS.Worksheet): (string | number)[][] => {
  const out: (string | number)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: (string | number)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : (v as string | number));
    }
    out.push(cells);
  });
  return out;
};

test('xlsx: a sheet per view, same rows back, frozen styled header, print setup', async () => {
  const buf = await renderTable(table, 'xlsx', 'task');
  assert.deepEqual([...buf.subarray(0, 2)], [0x50, 0x4b]); // a zip
  const wb = await readBack(buf);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['按任务', '按单位']);
  for (const [name, by] of [['按任务', 'task'], ['按单位', 'unit']] as const) {
    const ws = wb.getWorksheet(name)!;
    const g = gridOf(table, by);
    assert.deepEqual(sheetRows(ws), [g.header, ...g.rows]);
    const view = ws.views[0] as { state: string; xSplit: number; ySplit: number; topLeftCell: string };
    assert.deepEqual([view.state, view.xSplit, view.ySplit, view.topLeftCell], ['frozen', 0, 1, 'A2']);
    const h = ws.getRow(1).getCell(1);
    assert.equal(h.font.bold, true);
    assert.deepEqual(h.fill, { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    assert.equal(h.border.bottom?.style, 'thin');
    assert.equal(ws.getRow(2).getCell(2).alignment.wrapText, true);
    assert.equal(ws.getRow(2).getCell(2).border.left?.style, 'thin');
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.pageSetup.orientation, 'landscape');
    assert.equal(ws.pageSetup.fitToPage, true);
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.equal(ws.pageSetup.fitToHeight, 0);
    assert.equal(ws.pageSetup.printTitlesRow, '1:1');
    assert.deepEqual(ws.columns.map((c) => c.width), columnWidths(g));
  }
  // heights follow the wrapped text: `审批处、人事处（分别牵头）` (width 26) wraps in its capped
  // column of 26; the other rows fit on one line
  assert.deepEqual([2, 3, 4].map((r) => wb.getWorksheet('按任务')!.getRow(r).height), [19, 34, 19]);
  // --by unit puts its sheet first
  const wb2 = await readBack(await renderTable(table, 'xlsx', 'unit', 'en'));
  assert.deepEqual(wb2.worksheets.map((w) => w.name), ['By unit', 'By task']);
  assert.equal(wb2.worksheets[0]!.getRow(1).getCell(1).value, 'Unit');
});

test('several documents: a file column by task, file-qualified refs by unit', () => {
  const t = buildTaskTables([
    { plan: SAMPLE, file: 'plans/a.txt' },
    { plan: SAMPLE, file: 'plans/b.txt' },
  ]);
  const g = taskGrid(t);
  assert.equal(g.header[0], '文件');
  assert.deepEqual(g.rows.map((r) => r[0]), ['plans/a.txt', 'plans/a.txt', 'plans/a.txt', 'plans/b.txt', 'plans/b.txt', 'plans/b.txt']);
  assert.deepEqual(unitGrid(t).rows[0], ['办公室', '2项：plans/a.txt:一、1；plans/b.txt:一、1', '', '', '', 2]);
  const validate = validator();
  assert.equal(validate(JSON.parse(renderTable(t, 'json', 'unit').toString('utf8'))), true);
});

test('xlsx refs cells break between task numbers, never inside one', async () => {
  const text = '8项：一、1；三、9；三、10；五、13；六、16；七、19；七、20；七、21';
  const broken = breakRefs(text, 34, '；');
  assert.equal(broken, '8项：一、1；三、9；三、10；\n五、13；六、16；七、19；七、20；\n七、21');
  assert.equal(broken.replace(/\n/g, ''), text);
  assert.ok(broken.split('\n').every((l) => displayWidth(l) <= 34));
  assert.equal(breakRefs('1项：一、2', 34, '；'), '1项：一、2');
  assert.equal(breakRefs('2: a.txt:一、1; b.txt:一、1', 12, '; '), '2: \na.txt:一、1; \nb.txt:一、1');
});

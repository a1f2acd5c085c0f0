// `fengong table -o` streams the table as it is made (issue 18): the streamed bytes are exactly the
// whole table's, for every format, view and corpus plan; a big table comes out in many chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { parsePlan } from '../../server/src/engine/index.js';
import { buildTaskTable, buildTaskTables } from '../../server/src/table/build.js';
import { renderTable, tableChunks, tableJson, type TableFormat, type TableView } from '../../server/src/table/render.js';
import type { TaskTable } from '../../server/src/table/types.js';

const CORPUS = new URL('../corpus/', import.meta.url);
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
const tableOf = (f: string) => buildTaskTable(parsePlan(readFileSync(new URL(f, CORPUS), 'utf8')), { file: f });

async function streamed(t: TaskTable, format: TableFormat, by: TableView, withBody = false): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const c of tableChunks(t, format, by, { withBody }, () => new PassThrough())) chunks.push(Buffer.from(c));
  return chunks;
}

test('md, csv and json streamed: byte for byte the whole table (JSON as JSON.stringify writes it), every corpus plan, both views', async () => {
  const tables = files.map(tableOf);
  tables.push(buildTaskTables(files.slice(0, 3).map((f) => ({ plan: parsePlan(readFileSync(new URL(f, CORPUS), 'utf8')), file: f }))));
  for (const [i, t] of tables.entries()) {
    for (const by of ['task', 'unit'] as const) {
      const json = Buffer.concat(await streamed(t, 'json', by)).toString('utf8');
      assert.equal(json, JSON.stringify(tableJson(t, by), null, 2) + '\n', `${files[i] ?? 'three plans'} json by ${by}`);
      for (const format of ['md', 'csv'] as const) {
        assert.ok(Buffer.concat(await streamed(t, format, by, true)).equals(renderTable(t, format, by, { withBody: true })), `${files[i] ?? 'three plans'} ${format} by ${by}`);
      }
    }
  }
});

test('a table with no tasks streams the same JSON as a whole one', async () => {
  const t = buildTaskTable(parsePlan('2023年工作总结\n今年完成了三项工作。\n'));
  assert.equal(t.tasks.length, 0);
  assert.equal(Buffer.concat(await streamed(t, 'json', 'task')).toString('utf8'), JSON.stringify(tableJson(t, 'task'), null, 2) + '\n');
});

test('a big table comes out in many chunks, none of them the whole', async () => {
  const lines = Array.from({ length: 20000 }, (_, i) => `${i + 1}.加强第${i + 1}项工作（办公室牵头）`);
  const t = buildTaskTable(parsePlan(`某县2024年政务公开工作要点\n一、重点任务\n${lines.join('\n')}\n`));
  assert.equal(t.tasks.length, 20000);
  for (const format of ['md', 'csv', 'json', 'xlsx'] as const) {
    const chunks = await streamed(t, format, 'task');
    const total = chunks.reduce((n, c) => n + c.length, 0);
    assert.ok(chunks.length > 4, `${format}: ${chunks.length} chunks`);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < total / 4, `${format}: largest chunk ${Math.max(...chunks.map((c) => c.length))} of ${total}`);
  }
});

/** Every cell of every sheet as the test reads it: value, font, alignment, border; rows' heights;
 *  the sheet's merges, columns, views and print setup. */
async function sheets(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (c) => cells.push([c.address, c.value, c.font, c.alignment, c.border]));
      rows.push([r, row.height, cells]);
    });
    const m = ws.model as unknown as { merges: string[] };
    return {
      name: ws.name, rows, merges: [...m.merges].sort(), widths: ws.columns.map((c) => c.width), views: ws.views,
      pageSetup: { ...ws.pageSetup, margins: ws.pageSetup.margins }, footer: ws.headerFooter.oddFooter,
    };
  });
}

test('xlsx streamed: the same workbook as the whole one, sheet by sheet and cell by cell (000 with units, 002 with the no-unit warning)', async () => {
  for (const f of ['000_6fbd649499c5ed32.txt', '002_ee5f435a77f4a9d5.txt']) {
    const t = tableOf(f);
    for (const by of ['task', 'unit'] as const) {
      const whole = await sheets(await renderTable(t, 'xlsx', by));
      const streamedBook = await sheets(Buffer.concat(await streamed(t, 'xlsx', by)));
      assert.deepEqual(streamedBook, whole, `${f} by ${by}`);
      assert.deepEqual(whole.map((s) => s.name), by === 'task' ? ['按任务', '按单位'] : ['按单位', '按任务']);
      assert.ok(whole.find((s) => s.name === '按任务')!.rows.length > 10);
    }
  }
});

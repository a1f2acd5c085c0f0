// `fengong table -o` streams the table as it is made (issue 18): the streamed bytes are exactly the
// whole table's, for every format, view and corpus plan; a big table comes out in many chunks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { parsePlan } from '../../server/src/engine/index.js';
import { buildTaskTable, buildTaskTables } from '../../server/src/table/build.js';
import { renderTable, tableChunks, tableJson, type TableFormat, type TableView } from '../../server/src/table/render.js';
import type { TaskTable } from '../../server/src/table/types.js';
import { officeTable, type OfficeTable } from '../../server/src/table/office.js';
import { xmlSafe } from '../../server/src/table/sanitize.js';
import { threadDeflater } from '../../server/src/cli/table.js';
import { WORD_FONTS } from '../../server/src/table/word.js';

const CORPUS = new URL('../corpus/', import.meta.url);
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
const tableOf = (f: string) => buildTaskTable(parsePlan(readFileSync(new URL(f, CORPUS), 'utf8')), { file: f });

async function streamed(t: TaskTable, format: TableFormat, by: TableView, withBody = false): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  // as the CLI makes them: sheets and document bodies deflated on a thread of their own (zip-thread.ts)
  for await (const c of tableChunks(t, format, by, { withBody }, () => new PassThrough(), await threadDeflater())) chunks.push(Buffer.from(c));
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
  for (const format of ['md', 'csv', 'json', 'xlsx', 'docx'] as const) {
    const chunks = await streamed(t, format, 'task');
    const total = chunks.reduce((n, c) => n + c.length, 0);
    assert.ok(chunks.length > 4, `${format}: ${chunks.length} chunks`);
    assert.ok(Math.max(...chunks.map((c) => c.length)) < total / 4, `${format}: largest chunk ${Math.max(...chunks.map((c) => c.length))} of ${total}`);
    if (format !== 'xlsx' && format !== 'docx') continue;
    // zlib deflated the parts a megabyte at a time (zip.ts): the pieces inflate as one stream, whole
    const part = strFromU8(unzipSync(Buffer.concat(chunks))[format === 'xlsx' ? 'xl/worksheets/sheet1.xml' : 'word/document.xml']!);
    assert.ok(part.length > 3 << 20, `${format}: ${part.length} characters`);
    assert.equal(part.split('加强第').length - 1, 20000, format);
    assert.ok(part.includes('加强第20000项工作'), format);
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

test('xlsx streamed: the same workbook as the whole one, sheet by sheet and cell by cell (000 with units, 002 with the no-unit warning, 101 with bodies, three plans in one, odd characters and （一） groups)', async () => {
  // the rows are written as XML by xlsx-stream.ts, the whole workbook by exceljs: every style, merge,
  // height and escape must read back the same
  const odd = buildTaskTable(parsePlan('2021年工作要点\n一、任务\n（一）小组\n1. 梳理 & <文件> "甲" \'乙\'\u0001\u007f。（办公室负责）\n完成清理后公开。\n\n2. 做好工作。（办公室牵头，财政局配合）8月底前\n二、保障\n3. 加强　保障 （财政局负责）\n'));
  const three = buildTaskTables(files.slice(0, 3).map((f) => ({ plan: parsePlan(readFileSync(new URL(f, CORPUS), 'utf8')), file: f })));
  const cases: [string, TaskTable, boolean][] = [
    ['000', tableOf('000_6fbd649499c5ed32.txt'), false], ['002', tableOf('002_ee5f435a77f4a9d5.txt'), false], ['101 with bodies', tableOf('101_guofa-2018-38-zimaoqu-shenhua-gaige-ruogan-cuoshi.txt'), true], ['three', three, false], ['odd', odd, true],
  ];
  for (const [name, t, withBody] of cases) {
    for (const by of ['task', 'unit'] as const) {
      const whole = await sheets(await renderTable(t, 'xlsx', by, { withBody }));
      const streamedBook = await sheets(Buffer.concat(await streamed(t, 'xlsx', by, withBody)));
      assert.deepEqual(streamedBook, whole, `${name} by ${by}`);
      assert.deepEqual(whole.map((s) => s.name), by === 'task' ? ['按任务', '按单位'] : ['按单位', '按任务']);
      assert.ok(whole.find((s) => s.name === '按任务')!.rows.length > 3, `${name}: ${whole.find((s) => s.name === '按任务')!.rows.length} rows`);
    }
  }
  // the odd plan's cells as written, escapes and groups included (a merged row reads back its text in
  // every cell; DEL is dropped as exceljs drops it)
  const [byTask] = await sheets(Buffer.concat(await streamed(odd, 'xlsx', 'task', true)));
  const values = (byTask!.rows as [number, number, [string, unknown][]][]).map(([, , cells]) => cells.map(([, v]) => v));
  assert.deepEqual(values.slice(2, 5), [
    Array(5).fill('一、任务'),
    Array(5).fill('（一）小组'),
    ['1', '梳理 & <文件> "甲" \'乙\'。\n完成清理后公开。', null, '办公室', null],
  ]);
});

/** The table as the docx library itself writes it, every row an object (what word.ts did before it
 *  streamed): the oracle for the rows written as strings. */
async function libraryTable(o: OfficeTable): Promise<string> {
  const mod = await import('docx');
  const d = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const usable = 16838 - 2 * 1417;
  const widths = o.columns.map((c) => Math.round((c.width / o.columns.reduce((a, x) => a + x.width, 0)) * usable));
  const margins = { top: 60, bottom: 60, left: 80, right: 80 };
  const font = (role: keyof typeof WORD_FONTS) => ({ eastAsia: WORD_FONTS[role].name, ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' });
  const para = (text: string, role: keyof typeof WORD_FONTS, center: boolean) => xmlSafe(text).split('\n').map((line) => new d.Paragraph({
    alignment: center ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
    children: line ? [new d.TextRun({ text: line, font: font(role) })] : [],
  }));
  const centered = ['number', 'role', 'deadline'];
  const header = new d.TableRow({ tableHeader: true, cantSplit: true, children: o.columns.map((c, i) => new d.TableCell({ width: { size: widths[i]!, type: d.WidthType.DXA }, verticalAlign: d.VerticalAlign.CENTER, margins, children: para(c.header, 'heading1', true) })) });
  const rows = o.rows.map((r) => (r.kind === 'section'
    ? new d.TableRow({ cantSplit: true, children: [new d.TableCell({ columnSpan: o.columns.length, width: { size: usable, type: d.WidthType.DXA }, margins, children: para(r.text, r.depth >= 2 ? 'heading2' : 'heading1', false) })] })
    : new d.TableRow({ children: r.cells.map((text, i) => new d.TableCell({ width: { size: widths[i]!, type: d.WidthType.DXA }, verticalAlign: d.VerticalAlign.CENTER, margins, children: para(text, 'body', centered.includes(o.columns[i]!.key)) })) })));
  const table = new d.Table({ rows: [header, ...rows], width: { size: usable, type: d.WidthType.DXA }, columnWidths: widths, layout: d.TableLayoutType.FIXED });
  const xml = strFromU8(unzipSync(await d.Packer.toBuffer(new d.Document({ sections: [{ children: [table] }] })))['word/document.xml']!);
  return xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>') + 8);
}

test('docx streamed: the table is exactly the docx library’s XML for the same rows; the rest of the package as before', async () => {
  const odd = buildTaskTable(parsePlan('2021年工作要点\n一、任务\n（一）小组\n1. 梳理 & <文件> "甲" \'乙\'\u0001。（办公室负责）\n完成清理后公开。\n\n2. 做好工作。（办公室牵头，财政局配合）8月底前\n'));
  const cases: [string, TaskTable][] = [['000', tableOf('000_6fbd649499c5ed32.txt')], ['002', tableOf('002_ee5f435a77f4a9d5.txt')], ['odd', odd]];
  for (const [name, t] of cases) {
    for (const by of ['task', 'unit'] as const) {
      const buf = Buffer.concat(await streamed(t, 'docx', by, true));
      const files = unzipSync(buf);
      const doc = strFromU8(files['word/document.xml']!);
      const ours = doc.slice(doc.indexOf('<w:tbl>'), doc.lastIndexOf('</w:tbl>') + 8);
      assert.equal(ours, await libraryTable(officeTable(t, by, { withBody: true })), `${name} by ${by}`);
      assert.match(doc, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
      assert.match(strFromU8(files['word/fontTable.xml']!), /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
      assert.ok(Object.keys(files).includes('[Content_Types].xml') && Object.keys(files).includes('word/footer1.xml'), Object.keys(files).join(' '));
    }
  }
});

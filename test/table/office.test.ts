// The 任务分工表 as an office circulates it: the layout (title, group rows, columns), and the docx and
// xlsx files themselves opened again (mammoth, exceljs, the package XML) and checked cell by cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { parsePlan } from '../../server/src/engine/index.js';
import { buildTaskTable } from '../../server/src/table/build.js';
import { officeTable, officeTitle, PAGE_UNITS } from '../../server/src/table/office.js';
import { renderTable } from '../../server/src/table/render.js';
import type { TaskTable } from '../../server/src/table/types.js';

const CORPUS = new URL('../corpus/', import.meta.url);
const table = (file: string) => buildTaskTable(parsePlan(readFileSync(new URL(file, CORPUS), 'utf8')), { file });
const C000 = '000_6fbd649499c5ed32.txt';
const C002 = '002_ee5f435a77f4a9d5.txt';

test('the title row comes from the plan title', () => {
  assert.equal(officeTitle('关于印发《省民政厅2020年政务公开工作要点及任务分工》的通知'), '省民政厅2020年政务公开工作要点及任务分工表');
  assert.equal(officeTitle('福建省人民政府办公厅关于印发2017年政务公开工作主要任务分解表的通知'), '2017年政务公开工作主要任务分解表');
  assert.equal(officeTitle('某县2021年政务公开工作要点'), '某县2021年政务公开工作要点任务分工表');
  assert.equal(officeTitle(undefined), '任务分工表');
  assert.equal(officeTitle('某县2021年政务公开工作要点', 'en'), 'Task table: 某县2021年政务公开工作要点');
});

/** The expected office rows of a table, derived from its task rows (the engine decides the tasks;
 *  this is about laying them out). */
function expectedRows(t: TaskTable): string[][] {
  const out: string[][] = [];
  let open: string[] = [];
  for (const r of t.tasks) {
    const groups = r.sections.filter((s) => s.rank <= 2).map((s) => s.marker + s.title);
    let k = 0;
    while (k < open.length && k < groups.length && open[k] === groups[k]) k++;
    for (const g of groups.slice(k)) out.push([g]);
    open = groups;
    const units = [r.responsible.join('、') + (r.separately.includes('responsible') && r.responsible.length > 1 ? '（分别负责）' : ''), r.cooperating.join('、')].filter(Boolean).join('；配合：');
    out.push([r.number, r.text, r.lead.join('、') + (r.separately.includes('lead') && r.lead.length > 1 ? '（分别牵头）' : ''), units, r.deadlines.map((d) => d.text).join('；')]);
  }
  return out;
}

test('000 by task: title, 一、 group rows, one row per task with its whole text, five columns that fill the page', () => {
  const t = table(C000);
  const o = officeTable(t, 'task');
  assert.equal(o.title, '省民政厅2020年政务公开工作要点及任务分工表');
  assert.deepEqual(o.notes, []);
  assert.deepEqual(o.columns.map((c) => c.header), ['序号', '工作任务', '牵头单位', '责任单位（配合单位）', '完成时限']);
  assert.equal(o.columns.reduce((a, c) => a + c.width, 0), PAGE_UNITS);
  assert.ok(o.columns[1]!.width > PAGE_UNITS / 2, 'the task text gets most of the page');
  const rows = o.rows.map((r) => (r.kind === 'section' ? [r.text] : r.cells));
  assert.deepEqual(rows, expectedRows(t));
  assert.equal(o.rows.filter((r) => r.kind === 'section').length, 7);
  assert.deepEqual(rows.slice(0, 2), [
    ['一、推进政策制度履职依据公开'],
    ['1', '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新。', '办公室', '各有关处室、民服中心、省信息中心运维九部', ''],
  ]);
  assert.deepEqual(rows[4], ['4', '积极推进政务公开重点工作标准化规范化试点工作。8月底前出台推进救助、养老领域基层政务公开标准化、规范化工作方案。', '', '救助处、养老处（分别负责）', '8月底前']);
});

test('a guiding unit adds its column; none anywhere and it is left out', () => {
  const t = buildTaskTable(parsePlan('2021年工作要点\n一、任务\n1. 甲。（县政府办公室指导，各乡镇人民政府参与）\n2. 乙。（办公室负责）\n'));
  const o = officeTable(t, 'task');
  assert.deepEqual(o.columns.map((c) => c.key), ['number', 'text', 'lead', 'units', 'guiding', 'deadline']);
  assert.deepEqual(o.rows[1], { kind: 'task', cells: ['1', '甲。', '', '各乡镇人民政府', '县政府办公室', ''], task: 0 });
});

test('by unit: each unit a group row with its counts, its tasks by number, name and role', () => {
  const o = officeTable(table(C000), 'unit');
  assert.deepEqual(o.columns.map((c) => c.header), ['序号', '工作任务', '承担方式', '完成时限']);
  const rows = o.rows.map((r) => (r.kind === 'section' ? [r.text] : r.cells));
  assert.deepEqual(rows[0], ['办公室（牵头8项，负责1项）']);
  assert.deepEqual(rows[1], ['1', '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新。', '牵头', '']);
  assert.deepEqual(rows[9], ['15', '强化网络安全责任,抓好网站和政务新媒体安全防护。', '负责', '']);
  const shenpi = rows.findIndex((r) => r[0] === '审批处（牵头2项）');
  assert.deepEqual(rows[shenpi + 1]!.slice(2), ['分别牵头', '']);
});

test('002 names no unit: the warning under the title', () => {
  const o = officeTable(table(C002), 'task');
  assert.deepEqual(o.notes, ['注意：《长春市民政局关于做好2018政务公开工作的方案》的 15 项任务均未写明责任单位，表中单位栏为空，请补充后再印发。']);
});

// ---- the files ----

test('docx: read back with mammoth, cell by cell; A4 landscape, repeated header, GB/T 9704 fonts', async () => {
  const t = table(C000);
  const buf = await renderTable(t, 'docx', 'task');
  const html = (await mammoth.convertToHtml({ buffer: buf })).value;
  const title = /^<p>(.*?)<\/p>/.exec(html)![1];
  assert.equal(title, '省民政厅2020年政务公开工作要点及任务分工表');
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<\/?p>/g, '')));
  assert.deepEqual(rows[0], ['序号', '工作任务', '牵头单位', '责任单位（配合单位）', '完成时限']);
  assert.deepEqual(rows.slice(1), expectedRows(t));
  // merged across: the group row is one cell spanning the five columns
  assert.match(html, /<tr><td colspan="5"><p>一、推进政策制度履职依据公开<\/p><\/td><\/tr>/);

  const files = unzipSync(buf);
  const doc = strFromU8(files['word/document.xml']!);
  assert.match(doc, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  assert.equal((doc.match(/<w:tblHeader\/>/g) ?? []).length, 1);
  assert.match(doc, /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="方正小标宋简体" w:hAnsi="Times New Roman"\/><w:sz w:val="44"\/>/);
  assert.ok(doc.includes('w:eastAsia="仿宋_GB2312"') && doc.includes('w:eastAsia="黑体"'));
  const fonts = strFromU8(files['word/fontTable.xml']!);
  assert.match(fonts, /<w:font w:name="方正小标宋简体"><w:altName w:val="黑体"\/>/);
  assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  assert.match(strFromU8(files['word/footer1.xml']!), /— <\/w:t>.*PAGE.* —/s);
});

test('docx: a plan with no units carries the warning in the file; --with-body puts the body under the task', async () => {
  const html = (await mammoth.convertToHtml({ buffer: await renderTable(table(C002), 'docx', 'task') })).value;
  assert.match(html, /^<p>长春市民政局关于做好2018政务公开工作的方案任务分工表<\/p><p><strong>注意：《长春市民政局关于做好2018政务公开工作的方案》的 15 项任务均未写明责任单位，表中单位栏为空，请补充后再印发。<\/strong><\/p>/);
  const t = buildTaskTable(parsePlan('2021年工作要点\n一、任务\n1. 梳理文件。（办公室负责）\n完成清理后公开。\n'));
  assert.deepEqual(t.tasks[0]!.body, ['完成清理后公开。']);
  const withBody = (await mammoth.convertToHtml({ buffer: await renderTable(t, 'docx', 'task', { withBody: true }) })).value;
  assert.match(withBody, /<td><p>梳理文件。<\/p><p>完成清理后公开。<\/p><\/td>/);
  const without = (await mammoth.convertToHtml({ buffer: await renderTable(t, 'docx', 'task') })).value;
  assert.doesNotMatch(without, /完成清理后公开/);
});

async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
const cells = (ws: ExcelJS.Worksheet, r: number) => Array.from({ length: ws.columnCount }, (_, i) => String(ws.getRow(r).getCell(i + 1).value ?? ''));

test('xlsx: read back with exceljs, cell by cell; merged title and group rows, print setup, fonts', async () => {
  const t = table(C000);
  const wb = await workbook(await renderTable(t, 'xlsx', 'task'));
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['按任务', '按单位']);
  const ws = wb.getWorksheet('按任务')!;
  assert.equal(ws.columnCount, 5);
  assert.equal(ws.getCell('A1').value, '省民政厅2020年政务公开工作要点及任务分工表');
  assert.equal(ws.getCell('A1').font.name, '黑体');
  assert.deepEqual(cells(ws, 2), ['序号', '工作任务', '牵头单位', '责任单位（配合单位）', '完成时限']);
  const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => cells(ws, i + 3));
  // a merged row reads its text in every cell it covers
  assert.deepEqual(rows.map((r) => (r.every((c) => c === r[0]) && r[0] ? [r[0]] : r)), expectedRows(t));
  const merges = (ws.model as unknown as { merges: string[] }).merges;
  assert.ok(merges.includes('A1:E1') && merges.includes('A3:E3'), merges.join(' '));
  assert.equal(ws.getCell('B4').font.name, '仿宋');
  assert.equal(ws.getCell('B4').alignment.wrapText, true);
  assert.equal(ws.getCell('B4').border.left?.style, 'thin');
  assert.deepEqual([ws.pageSetup.paperSize, ws.pageSetup.orientation, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight, ws.pageSetup.printTitlesRow], [9, 'landscape', 1, 0, '2:2']);
  // heights follow the wrapped text: a long task is taller than a short one
  assert.ok(ws.getRow(4).height > ws.getRow(3).height);

  const byUnit = wb.getWorksheet('按单位')!;
  assert.deepEqual(cells(byUnit, 2), ['序号', '工作任务', '承担方式', '完成时限']);
  assert.equal(byUnit.getCell('A3').value, '办公室（牵头8项，负责1项）');
  // no formula and no number: every cell is the plan's text
  ws.eachRow((row) => row.eachCell((c) => assert.ok(typeof c.value === 'string', `${c.address} ${typeof c.value}`)));
});

test('xlsx: the no-unit warning is a row under the title, and the header row moves down', async () => {
  const wb = await workbook(await renderTable(table(C002), 'xlsx', 'task'));
  const ws = wb.getWorksheet('按任务')!;
  assert.match(String(ws.getCell('A2').value), /^注意：.*15 项任务均未写明责任单位/);
  assert.equal(ws.getCell('A2').font.color?.argb, 'FFC00000');
  assert.deepEqual(cells(ws, 3), ['序号', '工作任务', '牵头单位', '责任单位（配合单位）', '完成时限']);
  assert.equal(ws.pageSetup.printTitlesRow, '3:3');
});

test('a unit\'s reference finds its task\'s row by document and line, in every corpus plan and in all of them as one table', async () => {
  const { readdirSync } = await import('node:fs');
  const { buildTaskTables } = await import('../../server/src/table/build.js');
  const { taskIndex } = await import('../../server/src/table/office.js');
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  const all = buildTaskTables(files.map((file) => ({ plan: parsePlan(readFileSync(new URL(file, CORPUS), 'utf8')), file })));
  let refs = 0;
  for (const t of [...files.map(table), all]) {
    const index = taskIndex(t);
    for (const u of t.units) {
      for (const ref of [...u.lead, ...u.responsible, ...u.cooperating, ...u.guiding]) {
        const row = t.tasks[index(ref)]!;
        assert.deepEqual([row.doc, row.line, row.serial, row.text], [ref.doc, ref.line, ref.serial, ref.text]);
        refs++;
      }
    }
  }
  assert.ok(refs > 1000, `${refs} references`);
  // no such row: the one before where it would stand
  assert.equal(taskIndex(all)({ doc: 0, path: '', serial: '', title: '', text: '', line: 0 }), -1);
});

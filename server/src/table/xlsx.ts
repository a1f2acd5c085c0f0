// The 任务分工表 as an Excel workbook (exceljs): the office layout of office.ts on one sheet per
// view (the requested one first), printable as it is: A4 landscape, one page wide, the header row
// repeated on every page, rows as tall as their wrapped text (Excel and WPS do not re-fit the heights
// of rows a program wrote, so an office would otherwise see clipped text).
//
// Fonts: a workbook cannot name a fallback font as a Word document can, so it uses the two every
// Windows and WPS installation has: 黑体 for the title and headings, 仿宋 for the table (GB/T 9704's
// 方正小标宋简体 and 仿宋_GB2312 are often missing, and Excel would then show its default font).
import type { TaskTable } from './types.js';
import { officeTable, type ColumnKey, type OfficeOptions, type OfficeTable, type OfficeView } from './office.js';
import { wrappedLineCount } from './width.js';
import { xlsxCell } from './sanitize.js';

const FONTS = { title: '黑体', heading: '黑体', heading2: '楷体', body: '仿宋' };
const SIZE = 12; // 小四
export const LINE_HEIGHT = 16; // points per line at 12 pt
/** Excel column width units per display-width unit at 12 pt */
export const SCALE = 1.1;
export const CENTERED: ColumnKey[] = ['number', 'role', 'deadline'];
export const SHEET = { zh: { task: '按任务', unit: '按单位' }, en: { task: 'By task', unit: 'By unit' } };

export async function renderXlsx(table: TaskTable, by: OfficeView, opts: OfficeOptions = {}): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  drawSheets(wb, table, by, opts);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** The streaming writer leaves out <printOptions> (the page setup's horizontalCentered, which the
 *  whole workbook writes): it is written where the schema puts it, just before the page margins.
 *  Should exceljs rename that step, nothing breaks but the centring (test/table/stream.test.ts says so). */
export function printCentered<W>(ws: W): W {
  const w = ws as unknown as { _writePageMargins?: () => void; stream: { write(xml: string): void } };
  const margins = w._writePageMargins;
  if (typeof margins === 'function') {
    w._writePageMargins = function (this: typeof w) {
      this.stream.write('<printOptions horizontalCentered="1"/>');
      margins.call(this);
    };
  }
  return ws;
}

export async function excel() {
  // loaded on demand: exceljs is large and only this format needs it
  const mod = await import('exceljs');
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}

/** One sheet per view, the requested one first. */
function drawSheets(wb: Workbook, table: TaskTable, by: OfficeView, opts: OfficeOptions): void {
  wb.creator = 'fengong';
  wb.lastModifiedBy = 'fengong';
  const views: OfficeView[] = by === 'unit' ? ['unit', 'task'] : ['task', 'unit'];
  // no XML-illegal characters, no cell over Excel's limit (sanitize.ts)
  const cell = (s: string) => xlsxCell(s, opts.locale);
  for (const view of views) {
    const o = officeTable(table, view, opts);
    wb.title ||= cell(o.title);
    for (const _ of sheet(wb, o, SHEET[opts.locale ?? 'zh'][view], cell)) { /* drawn */ }
  }
}

export type Workbook = import('exceljs').Workbook;
type Worksheet = import('exceljs').Worksheet;

/** Draws one sheet, a row at a time (yielding after each, committed: the streaming writer of
 *  xlsx-stream.ts's skeleton sends it on; the whole workbook keeps it), then commits the sheet. */
export function* sheet(wb: Workbook, o: OfficeTable, name: string, cell: (s: string) => string): Generator<void> {
  const n = o.columns.length;
  const headerRow = 2 + o.notes.length;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as it takes
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.98, right: 0.98, top: 0.98, bottom: 0.98, header: 0.4, footer: 0.5 },
    },
    headerFooter: { oddFooter: `&C&"${FONTS.body}"&14— &P —` },
  });
  const widths = o.columns.map((c) => Math.round(c.width * SCALE));
  ws.columns = o.columns.map((c, i) => ({ key: c.key, width: widths[i]! }));
  const total = widths.reduce((a, b) => a + b, 0);

  merged(ws, 1, n, cell(o.title), { name: FONTS.title, size: 20 }, 'center', total, 30).commit();
  o.notes.forEach((note, i) => merged(ws, 2 + i, n, cell(note), { name: FONTS.body, size: SIZE, bold: true, color: { argb: 'FFC00000' } }, 'left', total, LINE_HEIGHT).commit());

  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const head = ws.getRow(headerRow);
  const headers = o.columns.map((c) => cell(c.header));
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { name: FONTS.heading, size: SIZE };
    c.border = border;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  head.height = LINE_HEIGHT * Math.max(...headers.map((h, i) => wrappedLines(h, widths[i]!))) + 8;
  head.commit();

  for (let ri = 0; ri < o.rows.length; ri++) {
    const r = o.rows[ri]!;
    const at = headerRow + 1 + ri;
    if (r.kind === 'section') {
      const row = merged(ws, at, n, cell(r.text), { name: r.depth >= 2 ? FONTS.heading2 : FONTS.heading, size: SIZE }, 'left', total, LINE_HEIGHT);
      for (let i = 1; i <= n; i++) row.getCell(i).border = border;
      row.commit();
    } else {
      taskRow(ws.getRow(at), r.cells.map(cell), o, widths, border).commit();
    }
    yield;
  }
  // the streaming writer's sheet is finished here; the whole workbook's has no commit
  (ws as { commit?: () => void }).commit?.();
}

/** A task's cells: always strings (a cell that looks like a number or a formula stays the plan's
 *  text), wrapped, the row as tall as its tallest cell. */
function taskRow(row: import('exceljs').Row, cells: string[], o: OfficeTable, widths: number[], border: Partial<import('exceljs').Borders>): import('exceljs').Row {
  let lines = 1;
  cells.forEach((v, i) => {
    const c = row.getCell(i + 1);
    c.value = v === '' ? null : v;
    c.font = { name: FONTS.body, size: SIZE };
    c.border = border;
    c.alignment = { vertical: 'middle', horizontal: CENTERED.includes(o.columns[i]!.key) ? 'center' : 'left', wrapText: true };
    lines = Math.max(lines, wrappedLines(v, widths[i]!));
  });
  row.height = LINE_HEIGHT * lines + 6;
  return row;
}

/** A row merged across the table, its height fitted to the wrapped text. */
function merged(ws: Worksheet, at: number, n: number, text: string, font: Partial<import('exceljs').Font>, horizontal: 'left' | 'center', width: number, lineHeight: number) {
  ws.mergeCells(at, 1, at, n);
  const row = ws.getRow(at);
  const cell = row.getCell(1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { vertical: 'middle', horizontal, wrapText: true };
  const scale = (font.size ?? SIZE) / SIZE;
  row.height = lineHeight * wrappedLines(text, width / scale) + 6;
  return row;
}

/** Wrapped line count of a cell at a column width. */
export function wrappedLines(v: string, width: number): number {
  return wrappedLineCount(v, Math.max(1, width / SCALE - 1));
}

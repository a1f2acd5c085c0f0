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
import { displayWidth } from './width.js';
import { officeSafe, xlsxCell } from './sanitize.js';

const FONTS = { title: '黑体', heading: '黑体', heading2: '楷体', body: '仿宋' };
const SIZE = 12; // 小四
const LINE_HEIGHT = 16; // points per line at 12 pt
/** Excel column width units per display-width unit at 12 pt */
const SCALE = 1.1;
const CENTERED: ColumnKey[] = ['number', 'role', 'deadline'];
const SHEET = { zh: { task: '按任务', unit: '按单位' }, en: { task: 'By task', unit: 'By unit' } };

export async function renderXlsx(table: TaskTable, by: OfficeView, opts: OfficeOptions = {}): Promise<Buffer> {
  // loaded on demand: exceljs is large and only this format needs it
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fengong';
  const views: OfficeView[] = by === 'unit' ? ['unit', 'task'] : ['task', 'unit'];
  for (const view of views) {
    // no XML-illegal characters, no cell over Excel's limit (sanitize.ts)
    const o = officeSafe(officeTable(table, view, opts), (s) => xlsxCell(s, opts.locale));
    wb.title ||= o.title;
    sheet(wb, o, SHEET[opts.locale ?? 'zh'][view]);
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

type Workbook = import('exceljs').Workbook;
type Worksheet = import('exceljs').Worksheet;

function sheet(wb: Workbook, o: OfficeTable, name: string): void {
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

  merged(ws, 1, n, o.title, { name: FONTS.title, size: 20 }, 'center', total, 30);
  o.notes.forEach((note, i) => merged(ws, 2 + i, n, note, { name: FONTS.body, size: SIZE, bold: true, color: { argb: 'FFC00000' } }, 'left', total, LINE_HEIGHT));

  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const head = ws.getRow(headerRow);
  o.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONTS.heading, size: SIZE };
    cell.border = border;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  head.height = LINE_HEIGHT * Math.max(...o.columns.map((c, i) => wrappedLines(c.header, widths[i]!))) + 8;

  o.rows.forEach((r, ri) => {
    const at = headerRow + 1 + ri;
    if (r.kind === 'section') {
      const row = merged(ws, at, n, r.text, { name: r.depth >= 2 ? FONTS.heading2 : FONTS.heading, size: SIZE }, 'left', total, LINE_HEIGHT);
      for (let i = 1; i <= n; i++) row.getCell(i).border = border;
      return;
    }
    const row = ws.getRow(at);
    let lines = 1;
    r.cells.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      // always a string: a cell that looks like a number or a formula stays the plan's text
      cell.value = v === '' ? null : v;
      cell.font = { name: FONTS.body, size: SIZE };
      cell.border = border;
      cell.alignment = { vertical: 'middle', horizontal: CENTERED.includes(o.columns[i]!.key) ? 'center' : 'left', wrapText: true };
      lines = Math.max(lines, wrappedLines(v, widths[i]!));
    });
    row.height = LINE_HEIGHT * lines + 6;
  });
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
function wrappedLines(v: string, width: number): number {
  const usable = Math.max(1, width / SCALE - 1);
  return v.split(/\r\n|\r|\n/).reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

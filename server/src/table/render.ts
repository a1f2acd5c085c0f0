// Lays the 任务分工表 out for people and programs: Markdown to paste, CSV that Excel and WPS open
// (UTF-8 BOM, RFC 4180, CRLF), JSON (schemas/plan.schema.json) and a printable xlsx workbook.
import type { UnitRole } from '../engine/model/types.js';
import { ROLES, type TaskRef, type TaskRow, type TaskTable, type UnitRow } from './types.js';

export type TableFormat = 'md' | 'csv' | 'json' | 'xlsx';
export type TableView = 'task' | 'unit';
export type TableLocale = 'zh' | 'en';

export const TABLE_FORMATS: readonly TableFormat[] = ['md', 'csv', 'json', 'xlsx'];
export const TABLE_VIEWS: readonly TableView[] = ['task', 'unit'];

const L = {
  zh: {
    file: '文件',
    path: '序号',
    title: '任务',
    lead: '牵头单位',
    responsible: '责任单位',
    cooperating: '配合单位',
    guiding: '指导单位',
    deadline: '时限',
    line: '行号',
    unit: '单位',
    roleCol: { lead: '牵头', responsible: '负责', cooperating: '配合', guiding: '指导' } as Record<UnitRole, string>,
    total: '合计',
    count: (n: number) => `${n}项：`,
    separately: { lead: '（分别牵头）', responsible: '（分别负责）', cooperating: '（分别配合）', guiding: '（分别指导）' } as Record<UnitRole, string>,
    inherited: (t: string) => `（统一明确：${t}）`,
    listSep: '、',
    refSep: '；',
    sheet: { task: '按任务', unit: '按单位' } as Record<TableView, string>,
    docTitle: '任务分工表',
    page: '第 &P 页，共 &N 页',
  },
  en: {
    file: 'File',
    path: 'No.',
    title: 'Task',
    lead: 'Lead',
    responsible: 'Responsible',
    cooperating: 'Cooperating',
    guiding: 'Guiding',
    deadline: 'Deadline',
    line: 'Line',
    unit: 'Unit',
    roleCol: { lead: 'Leads', responsible: 'Responsible for', cooperating: 'Cooperates on', guiding: 'Guides' } as Record<UnitRole, string>,
    total: 'Total',
    count: (n: number) => `${n}: `,
    separately: { lead: ' (each leads)', responsible: ' (each responsible)', cooperating: ' (each cooperates)', guiding: ' (each guides)' } as Record<UnitRole, string>,
    inherited: (t: string) => `(declared once: ${t})`,
    listSep: '、',
    refSep: '; ',
    sheet: { task: 'By task', unit: 'By unit' } as Record<TableView, string>,
    docTitle: 'Task table',
    page: 'Page &P of &N',
  },
};
type Labels = (typeof L)['zh'];

/** A view as a grid of plain-text cells; every text format and the workbook render from this. */
export interface Grid {
  header: string[];
  rows: (string | number)[][];
  /** kind of each column, for widths and alignment */
  kinds: ColumnKind[];
}
type ColumnKind = 'file' | 'path' | 'text' | 'units' | 'refs' | 'deadline' | 'number' | 'unit';

/** A document as the file column names it: the file as given (two plans may share a basename). */
function docLabel(table: TaskTable, doc: number): string {
  const d = table.documents[doc];
  return d?.file ?? d?.title ?? String(doc + 1);
}

function unitsCell(row: TaskRow, role: UnitRole, l: Labels): string {
  const names = row[role];
  if (!names.length) {
    // a task whose units were declared once for many tasks: say so where the units would be
    if (role === 'responsible' && row.inherited && ROLES.every((r) => !row[r].length)) return l.inherited(row.inherited);
    return '';
  }
  return names.join(l.listSep) + (row.separately.includes(role) && names.length > 1 ? l.separately[role] : '');
}

function deadlineCell(row: TaskRow, l: Labels): string {
  return row.deadlines.map((d) => (d.date ? `${d.text}（${d.date}）` : d.text)).join(l.refSep);
}

function refsCell(table: TaskTable, refs: TaskRef[], l: Labels): string {
  if (!refs.length) return '';
  const many = table.documents.length > 1;
  return l.count(refs.length) + refs.map((r) => (many ? `${docLabel(table, r.doc)}:${r.path}` : r.path)).join(l.refSep);
}

export function taskGrid(table: TaskTable, locale: TableLocale = 'zh'): Grid {
  const l = L[locale];
  const many = table.documents.length > 1;
  const header = [l.path, l.title, l.lead, l.responsible, l.cooperating, l.guiding, l.deadline, l.line];
  const kinds: ColumnKind[] = ['path', 'text', 'units', 'units', 'units', 'units', 'deadline', 'number'];
  const rows = table.tasks.map((t) => [
    t.path,
    t.title,
    ...ROLES.map((role) => unitsCell(t, role, l)),
    deadlineCell(t, l),
    t.line,
  ]);
  if (many) {
    header.unshift(l.file);
    kinds.unshift('file');
    table.tasks.forEach((t, i) => rows[i]!.unshift(docLabel(table, t.doc)));
  }
  return { header, rows, kinds };
}

export function unitGrid(table: TaskTable, locale: TableLocale = 'zh'): Grid {
  const l = L[locale];
  return {
    header: [l.unit, ...ROLES.map((r) => l.roleCol[r]), l.total],
    kinds: ['unit', 'refs', 'refs', 'refs', 'refs', 'number'],
    rows: table.units.map((u: UnitRow) => [u.name, ...ROLES.map((r) => refsCell(table, u[r], l)), u.counts.total]),
  };
}

export function gridOf(table: TaskTable, by: TableView, locale: TableLocale = 'zh'): Grid {
  return by === 'unit' ? unitGrid(table, locale) : taskGrid(table, locale);
}

// ---------------------------------------------------------------------------------------------
// Markdown

const mdCell = (v: string | number): string =>
  String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');

export function renderMarkdown(table: TaskTable, by: TableView, locale: TableLocale = 'zh'): string {
  const g = gridOf(table, by, locale);
  const lines = [
    `| ${g.header.map(mdCell).join(' | ')} |`,
    `| ${g.kinds.map((k) => (k === 'number' ? '---:' : '---')).join(' | ')} |`,
    ...g.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): CRLF between records, fields quoted when they hold a quote, comma or line break.

const csvField = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function renderCsv(table: TaskTable, by: TableView, locale: TableLocale = 'zh'): string {
  const g = gridOf(table, by, locale);
  // the BOM is what makes Excel and WPS read UTF-8 rather than the ANSI code page
  return '\ufeff' + [g.header, ...g.rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// JSON: the model itself for the requested view (schemas/plan.schema.json)

export const TABLE_JSON_FORMAT = 'fengong-task-table';
export const TABLE_JSON_VERSION = 1;

export function tableJson(table: TaskTable, by: TableView): Record<string, unknown> {
  return {
    format: TABLE_JSON_FORMAT,
    version: TABLE_JSON_VERSION,
    view: by,
    documents: table.documents,
    ...(by === 'unit' ? { units: table.units } : { tasks: table.tasks }),
  };
}

export function renderJson(table: TaskTable, by: TableView): string {
  return JSON.stringify(tableJson(table, by), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// xlsx

/** Display width in Excel column units: CJK and full-width forms count 2, the rest 1. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      // ambiguous-width marks that Chinese fonts draw full width: ·—‘’“”…
      c === 0xb7 ||
      (c >= 0x2014 && c <= 0x2026) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** Widest line of a cell (cells may hold line breaks). */
const cellWidth = (v: string | number): number => Math.max(0, ...String(v).split(/\r\n|\r|\n/).map(displayWidth));

/** Column widths a printed A4 landscape page can hold: long text wraps inside these caps. */
const WIDTH_CAP: Record<ColumnKind, number> = { file: 24, path: 14, text: 56, units: 26, refs: 36, deadline: 24, number: 8, unit: 26 };

export function columnWidths(g: Grid): number[] {
  return g.header.map((h, i) => {
    const kind = g.kinds[i]!;
    const content = Math.max(cellWidth(h), ...g.rows.map((r) => cellWidth(r[i] ?? '')));
    // +2 for the cell padding Excel draws; never narrower than the header
    return Math.min(Math.max(content, cellWidth(h)) + 2, Math.max(WIDTH_CAP[kind], cellWidth(h) + 2));
  });
}

/** Wrapped line count of a cell at a column width, for row heights: Excel and WPS do not re-fit
 *  heights of rows a program wrote, so an office would otherwise see clipped text. */
function wrappedLines(v: string | number, width: number): number {
  const usable = Math.max(1, width - 1);
  return String(v)
    .split(/\r\n|\r|\n/)
    .reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** Line breaks between the task numbers of a refs cell so that each line fits `width`; removing
 *  the `\n`s gives the cell's text back. */
export function breakRefs(text: string, width: number, sep: string): string {
  const parts: string[] = [];
  let rest = text;
  const head = /^[^：:]*[：:]\s?/.exec(rest);
  if (head) {
    parts.push(head[0]);
    rest = rest.slice(head[0].length);
  }
  for (const p of rest.split(sep)) parts.push(p);
  // re-attach the separators: every part but the count and the last ends with one
  const tokens = parts.map((p, i) => (i > (head ? 0 : -1) && i < parts.length - 1 ? p + sep : p));
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line && displayWidth(line + t.trimEnd()) > width) {
      lines.push(line);
      line = t;
    } else line += t;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const FONT = '宋体';
const LINE_HEIGHT = 15; // points per line at 11 pt

export async function renderXlsx(table: TaskTable, by: TableView, locale: TableLocale = 'zh'): Promise<Buffer> {
  // loaded on demand: exceljs is large and only this format needs it
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const l = L[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fengong';
  const title = table.documents.length === 1 ? table.documents[0]!.title : undefined;
  wb.title = title ? `${title} ${l.docTitle}` : l.docTitle;

  const views: TableView[] = by === 'unit' ? ['unit', 'task'] : ['task', 'unit'];
  for (const view of views) {
    const g = gridOf(table, view, locale);
    const widths = columnWidths(g);
    const ws = wb.addWorksheet(l.sheet[view], {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0, // as many pages tall as it takes
        horizontalCentered: true,
        printTitlesRow: '1:1',
        margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      },
      headerFooter: {
        oddHeader: `&C&"${FONT},Bold"&12${(wb.title ?? '').replace(/&/g, '&&')}`,
        oddFooter: `&C${l.page}`,
      },
    });
    ws.columns = g.header.map((h, i) => ({ key: String(i), width: widths[i]! }));
    const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
    const border = { top: thin, left: thin, bottom: thin, right: thin };

    const head = ws.getRow(1);
    g.header.forEach((h, i) => {
      const cell = head.getCell(i + 1);
      cell.value = h;
      cell.font = { name: FONT, bold: true, size: 11 };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = border;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    head.height = LINE_HEIGHT * Math.max(...g.header.map((h, i) => wrappedLines(h, widths[i]!))) + 6;

    g.rows.forEach((r, ri) => {
      const row = ws.getRow(ri + 2);
      let lines = 1;
      r.forEach((v0, i) => {
        const cell = row.getCell(i + 1);
        const kind = g.kinds[i]!;
        // task numbers wrap between numbers, never inside one (`七、` / `21`)
        const v = kind === 'refs' && typeof v0 === 'string' ? breakRefs(v0, widths[i]! - 2, l.refSep) : v0;
        cell.value = v === '' ? null : v;
        cell.font = { name: FONT, size: 11 };
        cell.border = border;
        cell.alignment = {
          vertical: 'top',
          horizontal: kind === 'number' ? 'center' : 'left',
          wrapText: true,
        };
        lines = Math.max(lines, wrappedLines(v, widths[i]!));
      });
      row.height = LINE_HEIGHT * lines + 4;
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: g.header.length } };
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export function renderTable(table: TaskTable, format: 'xlsx', by: TableView, locale?: TableLocale): Promise<Buffer>;
export function renderTable(table: TaskTable, format: Exclude<TableFormat, 'xlsx'>, by: TableView, locale?: TableLocale): Buffer;
export function renderTable(table: TaskTable, format: TableFormat, by: TableView, locale?: TableLocale): Buffer | Promise<Buffer>;
export function renderTable(table: TaskTable, format: TableFormat, by: TableView, locale: TableLocale = 'zh'): Buffer | Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(table, by, locale), 'utf8');
    case 'csv':
      return Buffer.from(renderCsv(table, by, locale), 'utf8');
    case 'json':
      return Buffer.from(renderJson(table, by), 'utf8');
    case 'xlsx':
      return renderXlsx(table, by, locale);
  }
}

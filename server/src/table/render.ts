// Lays the 任务分工表 out for people and programs: Markdown to paste, CSV that Excel and WPS open
// (UTF-8 BOM, RFC 4180, CRLF) and JSON (schemas/plan.schema.json) keep every column a program may
// read (行号, 指导单位); the office formats, xlsx (xlsx.ts) and docx (word.ts), print the table an
// office circulates (office.ts).
import type { UnitRole } from '../engine/model/types.js';
import { placeLabel } from '../io/word-source.js';
import { ROLES, type TaskRow, type TaskTable } from './types.js';
import { noUnitNotes, type OfficeOptions } from './office.js';
import { displayWidth } from './width.js';
import { roleNames, text, type MessageData, type MessageId } from '../i18n/catalogue.js';
import { csvSafe } from './sanitize.js';
import { TABLE_FORMATS, TABLE_VIEWS, type ExportFormat, type TableViewName } from '../protocol.js';

export { displayWidth };

export type TableFormat = ExportFormat;
export type TableView = TableViewName;
export { TABLE_FORMATS, TABLE_VIEWS };
export type TableLocale = 'zh' | 'en';

/** formats that are not text: never written to a terminal */
export const BINARY_FORMATS: readonly TableFormat[] = ['xlsx', 'docx'];

/** the text formats' labels, from the one catalogue (server/src/i18n/catalogue.ts) */
function labels(locale: TableLocale) {
  const x = (id: MessageId, data?: MessageData) => text(locale, id, data);
  return {
    file: x('grid.file'), path: x('grid.path'), title: x('grid.title'), lead: x('grid.lead'), responsible: x('grid.responsible'), cooperating: x('grid.cooperating'),
    guiding: x('grid.guiding'), deadline: x('grid.deadline'), line: x('grid.line'), place: x('grid.place'), unit: x('grid.unit'), role: x('grid.role'),
    eachRole: (r: string) => x('role.each', { role: r }),
    roleName: roleNames(locale),
    separately: roleNames(locale, true),
    inherited: (t: string) => x('role.inherited', { text: t }),
    listSep: x('grid.listSep'),
    refSep: x('grid.refSep'),
  };
}
const L = { zh: labels('zh'), en: labels('en') };
type Labels = (typeof L)['zh'];

export interface RenderOptions extends OfficeOptions {
  locale?: TableLocale;
}

/** A view as a grid of plain-text cells, for the text formats. */
export interface Grid {
  header: string[];
  rows: (string | number)[][];
  /** kind of each column, for alignment */
  kinds: ColumnKind[];
  /** said before the table (md) or after it (csv): a plan whose tasks name no unit */
  notes: string[];
}
type ColumnKind = 'file' | 'path' | 'text' | 'units' | 'role' | 'deadline' | 'number' | 'unit';

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

/** 工作任务: the task's whole text, and its body on the lines below with --with-body. */
const textCell = (row: TaskRow, withBody: boolean): string => (withBody && row.body.length ? [row.text, ...row.body].join('\n') : row.text);

/** 行号, or for a plan read from Word its paragraph: `第12段`, `表1第3行第2列`. */
function placeColumn(table: TaskTable, l: Labels, locale: TableLocale): { header: string; cell: (row: TaskRow) => string | number } {
  if (!table.tasks.some((t) => t.word)) return { header: l.line, cell: (t) => t.line };
  return { header: l.place, cell: (t) => (t.word ? placeLabel(t.word, locale) : t.line) };
}

export function taskGrid(table: TaskTable, opts: RenderOptions | TableLocale = {}): Grid {
  const o = typeof opts === 'string' ? { locale: opts } : opts;
  const locale = o.locale ?? 'zh';
  const l = L[locale];
  const place = placeColumn(table, l, locale);
  const header = [l.path, l.title, l.lead, l.responsible, l.cooperating, l.guiding, l.deadline, place.header];
  const kinds: ColumnKind[] = ['path', 'text', 'units', 'units', 'units', 'units', 'deadline', 'number'];
  const rows = table.tasks.map((t) => [t.serial, textCell(t, !!o.withBody), ...ROLES.map((role) => unitsCell(t, role, l)), deadlineCell(t, l), place.cell(t)]);
  if (table.documents.length > 1) {
    header.unshift(l.file);
    kinds.unshift('file');
    table.tasks.forEach((t, i) => rows[i]!.unshift(docLabel(table, t.doc)));
  }
  return { header, rows, kinds, notes: noUnitNotes(table, locale) };
}

/** By unit, one row per unit and task: the unit, its role, the task's number and text. */
export function unitGrid(table: TaskTable, opts: RenderOptions | TableLocale = {}): Grid {
  const o = typeof opts === 'string' ? { locale: opts } : opts;
  const locale = o.locale ?? 'zh';
  const l = L[locale];
  const place = placeColumn(table, l, locale);
  const byLine = new Map(table.tasks.map((t) => [`${t.doc}:${t.line}`, t]));
  const many = table.documents.length > 1;
  const header = [l.unit, l.role, ...(many ? [l.file] : []), l.path, l.title, l.deadline, place.header];
  const kinds: ColumnKind[] = ['unit', 'role', ...(many ? ['file' as const] : []), 'path', 'text', 'deadline', 'number'];
  const rows: (string | number)[][] = [];
  for (const u of table.units) {
    for (const role of ROLES) {
      for (const ref of u[role]) {
        const t = byLine.get(`${ref.doc}:${ref.line}`)!;
        const roleCell = t.separately.includes(role) && t[role].length > 1 ? l.eachRole(l.roleName[role]) : l.roleName[role];
        rows.push([u.name, roleCell, ...(many ? [docLabel(table, t.doc)] : []), t.serial, textCell(t, !!o.withBody), deadlineCell(t, l), place.cell(t)]);
      }
    }
  }
  return { header, rows, kinds, notes: noUnitNotes(table, locale) };
}

export function gridOf(table: TaskTable, by: TableView, opts: RenderOptions | TableLocale = {}): Grid {
  return by === 'unit' ? unitGrid(table, opts) : taskGrid(table, opts);
}

// ---------------------------------------------------------------------------------------------
// Markdown

const mdCell = (v: string | number): string =>
  String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');

export function renderMarkdown(table: TaskTable, by: TableView, opts: RenderOptions | TableLocale = {}): string {
  const g = gridOf(table, by, opts);
  const lines = [
    ...g.notes.flatMap((n) => [`> ${n}`, '']),
    `| ${g.header.map(mdCell).join(' | ')} |`,
    `| ${g.kinds.map((k) => (k === 'number' ? '---:' : '---')).join(' | ')} |`,
    ...g.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): CRLF between records, fields quoted when they hold a quote, comma or line break;
// no cell is a formula.

const csvField = (v: string | number): string => {
  // a cell starting with = + - @ would be a formula in Excel/WPS: it gets a ' (table/sanitize.ts)
  const s = String(csvSafe(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function renderCsv(table: TaskTable, by: TableView, opts: RenderOptions | TableLocale = {}): string {
  const g = gridOf(table, by, opts);
  // a warning is the last record, padded to the width of the others so every parser reads it
  const notes = g.notes.map((n) => [n, ...g.header.slice(1).map(() => '')]);
  // the BOM is what makes Excel and WPS read UTF-8 rather than the ANSI code page
  return '\ufeff' + [g.header, ...g.rows, ...notes].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// JSON: the model itself for the requested view (schemas/plan.schema.json)

export const TABLE_JSON_FORMAT = 'fengong-task-table';
/** 2: tasks carry their whole text, body, number, sections and Word position; warnings (issue 10) */
export const TABLE_JSON_VERSION = 2;

export function tableJson(table: TaskTable, by: TableView, locale: TableLocale = 'zh'): Record<string, unknown> {
  return {
    format: TABLE_JSON_FORMAT,
    version: TABLE_JSON_VERSION,
    view: by,
    documents: table.documents,
    warnings: noUnitNotes(table, locale),
    ...(by === 'unit' ? { units: table.units } : { tasks: table.tasks }),
  };
}

export function renderJson(table: TaskTable, by: TableView, locale: TableLocale = 'zh'): string {
  return JSON.stringify(tableJson(table, by, locale), null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------

export function renderTable(table: TaskTable, format: 'xlsx' | 'docx', by: TableView, opts?: RenderOptions | TableLocale): Promise<Buffer>;
export function renderTable(table: TaskTable, format: 'md' | 'csv' | 'json', by: TableView, opts?: RenderOptions | TableLocale): Buffer;
export function renderTable(table: TaskTable, format: TableFormat, by: TableView, opts?: RenderOptions | TableLocale): Buffer | Promise<Buffer>;
export function renderTable(table: TaskTable, format: TableFormat, by: TableView, opts: RenderOptions | TableLocale = {}): Buffer | Promise<Buffer> {
  const o: RenderOptions = typeof opts === 'string' ? { locale: opts } : opts;
  switch (format) {
    case 'md':
      return Buffer.from(renderMarkdown(table, by, o), 'utf8');
    case 'csv':
      return Buffer.from(renderCsv(table, by, o), 'utf8');
    case 'json':
      return Buffer.from(renderJson(table, by, o.locale), 'utf8');
    case 'xlsx':
      // loaded on demand: the workbook and document writers are large and most runs never need them
      return import('./xlsx.js').then((m) => m.renderXlsx(table, by, o));
    case 'docx':
      return import('./word.js').then((m) => m.renderDocx(table, by, o));
  }
}

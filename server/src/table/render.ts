// Lays the 任务分工表 out for people and programs: Markdown to paste, CSV that Excel and WPS open
// (UTF-8 BOM, RFC 4180, CRLF) and JSON (schemas/plan.schema.json) keep every column a program may
// read (行号, 指导单位); the office formats, xlsx (xlsx.ts) and docx (word.ts), print the table an
// office circulates (office.ts).
import type { Deflater } from './zip.js';
import type { UnitRole } from '../engine/model/types.js';
import { placeLabel } from '../io/word-source.js';
import { ROLES, type TaskRow, type TaskTable } from './types.js';
import { noUnitNotes, taskIndex, type OfficeOptions } from './office.js';
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

/** A view's grid with its rows made one at a time (the writers stream them; taskGrid/unitGrid
 *  keep them). */
interface LazyGrid extends Omit<Grid, 'rows'> {
  rows: () => Iterable<(string | number)[]>;
}

function taskGridLazy(table: TaskTable, o: RenderOptions): LazyGrid {
  const locale = o.locale ?? 'zh';
  const l = L[locale];
  const place = placeColumn(table, l, locale);
  const many = table.documents.length > 1;
  const header = [...(many ? [l.file] : []), l.path, l.title, l.lead, l.responsible, l.cooperating, l.guiding, l.deadline, place.header];
  const kinds: ColumnKind[] = [...(many ? ['file' as const] : []), 'path', 'text', 'units', 'units', 'units', 'units', 'deadline', 'number'];
  function* rows() {
    for (const t of table.tasks) yield [...(many ? [docLabel(table, t.doc)] : []), t.serial, textCell(t, !!o.withBody), ...ROLES.map((role) => unitsCell(t, role, l)), deadlineCell(t, l), place.cell(t)];
  }
  return { header, rows, kinds, notes: noUnitNotes(table, locale) };
}

/** By unit, one row per unit and task: the unit, its role, the task's number and text. */
function unitGridLazy(table: TaskTable, o: RenderOptions): LazyGrid {
  const locale = o.locale ?? 'zh';
  const l = L[locale];
  const place = placeColumn(table, l, locale);
  const many = table.documents.length > 1;
  const header = [l.unit, l.role, ...(many ? [l.file] : []), l.path, l.title, l.deadline, place.header];
  const kinds: ColumnKind[] = ['unit', 'role', ...(many ? ['file' as const] : []), 'path', 'text', 'deadline', 'number'];
  function* rows() {
    const index = taskIndex(table);
    for (const u of table.units) {
      for (const role of ROLES) {
        for (const ref of u[role]) {
          const t = table.tasks[index(ref)]!;
          const roleCell = t.separately.includes(role) && t[role].length > 1 ? l.eachRole(l.roleName[role]) : l.roleName[role];
          yield [u.name, roleCell, ...(many ? [docLabel(table, t.doc)] : []), t.serial, textCell(t, !!o.withBody), deadlineCell(t, l), place.cell(t)];
        }
      }
    }
  }
  return { header, rows, kinds, notes: noUnitNotes(table, locale) };
}

const options = (opts: RenderOptions | TableLocale): RenderOptions => (typeof opts === 'string' ? { locale: opts } : opts);
const lazyGridOf = (table: TaskTable, by: TableView, o: RenderOptions): LazyGrid => (by === 'unit' ? unitGridLazy(table, o) : taskGridLazy(table, o));
const kept = (g: LazyGrid): Grid => ({ ...g, rows: [...g.rows()] });

export function taskGrid(table: TaskTable, opts: RenderOptions | TableLocale = {}): Grid {
  return kept(taskGridLazy(table, options(opts)));
}

export function unitGrid(table: TaskTable, opts: RenderOptions | TableLocale = {}): Grid {
  return kept(unitGridLazy(table, options(opts)));
}

export function gridOf(table: TaskTable, by: TableView, opts: RenderOptions | TableLocale = {}): Grid {
  return kept(lazyGridOf(table, by, options(opts)));
}

// ---------------------------------------------------------------------------------------------
// Markdown

const mdCell = (v: string | number): string =>
  String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');

export function renderMarkdown(table: TaskTable, by: TableView, opts: RenderOptions | TableLocale = {}): string {
  return [...markdownLines(table, by, options(opts))].join('');
}

/** The Markdown table a line at a time, each with its line break. */
function* markdownLines(table: TaskTable, by: TableView, o: RenderOptions): Generator<string> {
  const g = lazyGridOf(table, by, o);
  for (const n of g.notes) yield `> ${n}\n\n`;
  yield `| ${g.header.map(mdCell).join(' | ')} |\n`;
  yield `| ${g.kinds.map((k) => (k === 'number' ? '---:' : '---')).join(' | ')} |\n`;
  for (const r of g.rows()) yield `| ${r.map(mdCell).join(' | ')} |\n`;
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
  return [...csvRecords(table, by, options(opts))].join('');
}

/** The CSV a record at a time, each with its CRLF. */
function* csvRecords(table: TaskTable, by: TableView, o: RenderOptions): Generator<string> {
  const g = lazyGridOf(table, by, o);
  const record = (r: (string | number)[]) => r.map(csvField).join(',') + '\r\n';
  // the BOM is what makes Excel and WPS read UTF-8 rather than the ANSI code page
  yield '\ufeff' + record(g.header);
  for (const r of g.rows()) yield record(r);
  // a warning is the last record, padded to the width of the others so every parser reads it
  for (const n of g.notes) yield record([n, ...g.header.slice(1).map(() => '')]);
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
  return [...jsonParts(table, by, locale)].join('');
}

/** The JSON exactly as JSON.stringify(tableJson(…), null, 2) writes it, a task (or unit) at a time:
 *  the head object, then each element of the last array indented into place (JSON.stringify's own
 *  line breaks are all structural, a string's are escaped, so indenting every line break is exact). */
function* jsonParts(table: TaskTable, by: TableView, locale: TableLocale): Generator<string> {
  const whole = tableJson(table, by, locale);
  const key = by === 'unit' ? 'units' : 'tasks';
  const list = whole[key] as unknown[];
  if (!list.length) {
    yield JSON.stringify(whole, null, 2) + '\n';
    return;
  }
  const head = JSON.stringify({ ...whole, [key]: [] }, null, 2);
  const open = `${JSON.stringify(key)}: []\n}`;
  if (!head.endsWith(open)) throw new Error('fengong: the task table JSON must end with its list');
  yield head.slice(0, -open.length + JSON.stringify(key).length + 2) + '[';
  for (let i = 0; i < list.length; i++) yield `${i ? ',' : ''}\n    ${JSON.stringify(list[i], null, 2).replace(/\n/g, '\n    ')}`;
  yield '\n  ]\n}\n';
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

/** Text made into UTF-8 chunks of about `size` characters: few writes, and never one huge string. */
function* batched(parts: Iterable<string>, size = 1 << 16): Generator<Uint8Array> {
  let buf: string[] = [];
  let n = 0;
  for (const p of parts) {
    buf.push(p);
    n += p.length;
    if (n >= size) {
      yield Buffer.from(buf.join(''), 'utf8');
      buf = [];
      n = 0;
    }
  }
  if (buf.length) yield Buffer.from(buf.join(''), 'utf8');
}

/**
 * The table in `format` as chunks of bytes, made as they are written: `fengong table -o` streams
 * them to the file, so the output (a JSON of a 60 MB plan is over 400 MB) is never whole in memory,
 * nor is an office format's document model (xlsx and docx rows go into the zip as strings,
 * xlsx-stream.ts, word.ts). `pipe` makes a node PassThrough stream, which exceljs's writer of the
 * xlsx skeleton needs (this module is also the page's, which has no node streams); `deflater`, node's
 * zlib, deflates the office files' zips (zip.ts).
 */
export async function* tableChunks(table: TaskTable, format: TableFormat, by: TableView, opts: RenderOptions, pipe: () => NodeJS.ReadWriteStream, deflater?: Deflater): AsyncGenerator<Uint8Array> {
  switch (format) {
    case 'md':
      return yield* batched(markdownLines(table, by, opts));
    case 'csv':
      return yield* batched(csvRecords(table, by, opts));
    case 'json':
      return yield* batched(jsonParts(table, by, opts.locale ?? 'zh'));
    case 'xlsx': {
      const { streamXlsx } = await import('./xlsx-stream.js');
      return yield* streamXlsx(table, by, opts, pipe, deflater);
    }
    case 'docx': {
      const { streamDocx } = await import('./word.js');
      return yield* streamDocx(table, by, opts, deflater);
    }
  }
}

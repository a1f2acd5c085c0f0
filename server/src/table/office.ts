// The 任务分工表 as an office circulates it (附件：XX任务分工表): a title, the groups of the plan as
// section rows merged across, one row per task with its whole text, and only the columns an office
// fills in. The docx and xlsx writers and the VS Code preview all lay out this one model, so the
// preview shows the table exactly as it will be exported.
import type { UnitRole } from '../engine/model/types.js';
import { ROLES, type SectionRef, type TableDocument, type TaskRef, type TaskRow, type TaskTable } from './types.js';
import { widestLine } from './width.js';
import { roleNames, text, type MessageData, type MessageId } from '../i18n/catalogue.js';

export type OfficeView = 'task' | 'unit';
export type OfficeLocale = 'zh' | 'en';

export type ColumnKey = 'number' | 'text' | 'lead' | 'units' | 'guiding' | 'role' | 'deadline';

export interface OfficeColumn {
  key: ColumnKey;
  header: string;
  /** share of the table's width, in display-width units (a CJK character is 2); they add up to PAGE_UNITS */
  width: number;
}

export type OfficeRow =
  /** a group of the plan (`一、推进政策制度履职依据公开`) or, by unit, a unit; merged across */
  | { kind: 'section'; text: string; depth: number }
  /** a task: its cells in column order; `task` indexes TaskTable.tasks */
  | { kind: 'task'; cells: string[]; task: number };

export interface OfficeTable {
  view: OfficeView;
  /** `省民政厅2020年政务公开工作要点及任务分工表` */
  title: string;
  /** warnings printed under the title and on stderr: a plan whose tasks name no unit */
  notes: string[];
  columns: OfficeColumn[];
  rows: OfficeRow[];
}

export interface OfficeOptions {
  locale?: OfficeLocale;
  /** the task's body paragraphs (工作要求) under its text */
  withBody?: boolean;
}

/** Width of an A4 landscape page between 25 mm margins at 12 pt (小四), in display-width units. */
export const PAGE_UNITS = 112;

/** the printed table's labels, from the one catalogue (server/src/i18n/catalogue.ts) */
function labels(locale: OfficeLocale) {
  const x = (id: MessageId, data?: MessageData) => text(locale, id, data);
  return {
    number: x('sheet.number'), text: x('sheet.text'), lead: x('sheet.lead'), units: x('sheet.units'), guiding: x('sheet.guiding'), role: x('sheet.role'), deadline: x('sheet.deadline'),
    role_: roleNames(locale),
    separately: roleNames(locale, true),
    cooperatingToo: x('sheet.cooperatingToo'),
    eachRole: (r: string) => x('role.each', { role: r }),
    inherited: (t: string) => x('role.inherited', { text: t }),
    table: x('sheet.table'),
    unitHead: (name: string, parts: string[]) => x('sheet.unitHead', { name, parts: parts.join(x('sheet.partsSep')) }),
    count: (role: string, n: number) => x('sheet.count', { role, n }),
    noUnits: (doc: string, n: number) => x('sheet.noUnits', { doc, n }),
    thisPlan: x('sheet.thisPlan'),
    sep: x('sheet.sep'),
    deadlineSep: x('sheet.deadlineSep'),
  };
}
const L = { zh: labels('zh'), en: labels('en') };
type Labels = (typeof L)['zh'];

/** `关于印发《省民政厅2020年政务公开工作要点及任务分工》的通知` → `省民政厅2020年政务公开工作要点及任务分工表`;
 *  `XX工作要点` → `XX工作要点任务分工表`. The quoted title inside a 印发 notice is the plan's own. */
export function officeTitle(docTitle: string | undefined, locale: OfficeLocale = 'zh'): string {
  const l = L[locale];
  if (!docTitle) return l.table;
  let t = docTitle.replace(/\s+/g, '');
  const quoted = /印发《([^《》]+)》/.exec(t);
  if (quoted) t = quoted[1]!;
  else t = t.replace(/^.*?关于印发/, '').replace(/的通知$/, '');
  if (locale === 'en') return `${l.table}: ${t}`;
  if (/(任务分工|任务分解|责任分工|分工)表$/.test(t)) return t;
  if (/(任务分工|任务分解|责任分工|分工方案?)$/.test(t)) return t.replace(/方案$/, '') + '表';
  return t + l.table;
}

function units(row: TaskRow, role: UnitRole, l: Labels): string {
  const names = row[role];
  return names.join(l.sep) + (row.separately.includes(role) && names.length > 1 ? l.separately[role] : '');
}

/** 责任单位（配合单位）: the responsible units, or the cooperating ones, or both said apart. */
function unitsCell(row: TaskRow, l: Labels): string {
  const r = units(row, 'responsible', l);
  const c = units(row, 'cooperating', l);
  if (!r && !c && !row.lead.length && !row.guiding.length && row.inherited) return l.inherited(row.inherited);
  return r && c ? r + l.cooperatingToo + c : r || c;
}

const deadlineCell = (row: TaskRow, l: Labels) => row.deadlines.map((d) => d.text).join(l.deadlineSep);
const taskCell = (row: TaskRow, withBody: boolean) => (withBody && row.body.length ? [row.text, ...row.body].join('\n') : row.text);

const namesNoUnit = (row: TaskRow) => ROLES.every((r) => !row[r].length) && !row.inherited;

/** One warning per plan in which no task names a unit (corpus 002: 15 tasks, 0 units). */
export function noUnitNotes(table: TaskTable, locale: OfficeLocale = 'zh'): string[] {
  const l = L[locale];
  return table.documents.flatMap((d, i) => {
    const tasks = table.tasks.filter((t) => t.doc === i);
    if (!tasks.length || !tasks.every(namesNoUnit)) return [];
    const name = table.documents.length > 1 ? docName(d, i) : d.title ? `《${officeTitle(d.title, 'zh').replace(/任务分工表$/, '')}》` : l.thisPlan;
    return [l.noUnits(name, tasks.length)];
  });
}

const docName = (d: TableDocument, i: number) => d.file ?? d.title ?? String(i + 1);

export function officeTable(table: TaskTable, view: OfficeView, opts: OfficeOptions = {}): OfficeTable {
  const locale = opts.locale ?? 'zh';
  const l = L[locale];
  const title = table.documents.length === 1 ? officeTitle(table.documents[0]!.title, locale) : l.table;
  const built = view === 'unit' ? byUnit(table, l, opts) : byTask(table, l, opts);
  return { view, title, notes: noUnitNotes(table, locale), ...built };
}

function byTask(table: TaskTable, l: Labels, opts: OfficeOptions): Pick<OfficeTable, 'columns' | 'rows'> {
  const guiding = table.tasks.some((t) => t.guiding.length);
  const keys: ColumnKey[] = ['number', 'text', 'lead', 'units', ...(guiding ? ['guiding' as const] : []), 'deadline'];
  const rows: OfficeRow[] = [];
  const many = table.documents.length > 1;
  let open: string[] = [];
  let doc = -1;
  let sections: SectionRef[] | undefined;
  table.tasks.forEach((t, i) => {
    if (many && t.doc !== doc) {
      rows.push({ kind: 'section', text: docName(table.documents[t.doc]!, t.doc), depth: 0 });
      open = [];
      sections = undefined;
    }
    doc = t.doc;
    // the groups an office prints as rows: 一、 and （一）; the tasks under one parent share its list
    // of groups (build.ts), whose rows are printed already (a plan of 1,000,000 tasks under 一、 made
    // and compared its title a million times)
    if (t.sections !== sections) {
      sections = t.sections;
      const groups = t.sections.filter((s) => s.rank <= 2).map((s) => s.marker + s.title);
      const same = open.findIndex((g, k) => g !== groups[k]);
      const keep = same < 0 ? Math.min(open.length, groups.length) : same;
      groups.slice(keep).forEach((g, k) => rows.push({ kind: 'section', text: g, depth: keep + k + 1 }));
      open = groups;
    }
    // 序号: the plan's own numbering, unique in the plan (build.ts serialNumbers), as md and csv print it
    const cell: Record<ColumnKey, string> = {
      number: t.serial, text: taskCell(t, !!opts.withBody), lead: units(t, 'lead', l), units: unitsCell(t, l), guiding: units(t, 'guiding', l), role: '', deadline: deadlineCell(t, l),
    };
    rows.push({ kind: 'task', cells: keys.map((k) => cell[k]), task: i });
  });
  return { columns: fitColumns(keys, rows, l), rows };
}

function byUnit(table: TaskTable, l: Labels, opts: OfficeOptions): Pick<OfficeTable, 'columns' | 'rows'> {
  const keys: ColumnKey[] = ['number', 'text', 'role', 'deadline'];
  const index = taskIndex(table);
  const many = table.documents.length > 1;
  const rows: OfficeRow[] = [];
  for (const u of table.units) {
    const parts = ROLES.filter((r) => u[r].length).map((r) => l.count(l.role_[r], u[r].length));
    rows.push({ kind: 'section', text: l.unitHead(u.name, parts), depth: 1 });
    for (const role of ROLES) {
      for (const ref of u[role] as TaskRef[]) {
        const i = index(ref);
        const t = table.tasks[i]!;
        const number = many ? `${docName(table.documents[t.doc]!, t.doc)}:${t.serial}` : t.serial;
        const role_ = t.separately.includes(role) && t[role].length > 1 ? l.eachRole(l.role_[role]) : l.role_[role];
        rows.push({ kind: 'task', cells: [number, taskCell(t, !!opts.withBody), role_, deadlineCell(t, l)], task: i });
      }
    }
  }
  return { columns: fitColumns(keys, rows, l), rows };
}

/** The row of the task a unit's reference names, by its document and line: the rows are in that
 *  order, so searched, not looked up in a map of `doc:line` keys, which was most of the by-unit
 *  layout's time (an 8 MB plan of numbered tasks: 0.8 of 1.1 s; issue 18). Of two rows on one line,
 *  the last, as that map gave. */
export function taskIndex(table: TaskTable): (ref: TaskRef) => number {
  const { tasks } = table;
  return (ref) => {
    let lo = 0;
    let hi = tasks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = tasks[mid]!;
      if (t.doc < ref.doc || (t.doc === ref.doc && t.line <= ref.line)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
}

/** Narrow columns as wide as their content (within bounds), the task text gets the rest of the page. */
function fitColumns(keys: ColumnKey[], rows: OfficeRow[], l: Labels): OfficeColumn[] {
  const BOUNDS: Record<ColumnKey, [number, number]> = {
    number: [4, 14], text: [30, PAGE_UNITS], lead: [8, 16], units: [10, 20], guiding: [8, 14], role: [8, 12], deadline: [8, 12],
  };
  // a loop, not Math.max(...rows): 250,000 rows as arguments overflowed the stack; and it stops
  // once the column is at its widest bound, which no wider cell changes (issue 18)
  const content = (k: number) => {
    const enough = BOUNDS[keys[k]!][1] - 2;
    let w = widestLine(l[keys[k]!]);
    for (const r of rows) {
      if (w >= enough) break;
      if (r.kind === 'task') w = Math.max(w, widestLine(r.cells[k]!));
    }
    return w;
  };
  const widths = keys.map((key, k) => (key === 'text' ? 0 : Math.min(BOUNDS[key][1], Math.max(BOUNDS[key][0], content(k) + 2))));
  const rest = PAGE_UNITS - widths.reduce((a, b) => a + b, 0);
  const text = keys.indexOf('text');
  widths[text] = Math.max(BOUNDS.text[0], rest);
  // a page too narrow for the unit columns at their width: they give way to the task text
  let over = widths.reduce((a, b) => a + b, 0) - PAGE_UNITS;
  for (let k = 0; over > 0 && k < keys.length; k++) {
    if (k === text) continue;
    const give = Math.min(over, widths[k]! - BOUNDS[keys[k]!][0]);
    widths[k]! -= give;
    over -= give;
  }
  return keys.map((key, k) => ({ key, header: l[key], width: widths[k]! }));
}

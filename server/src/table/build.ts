// Builds the 任务分工表 from the engine's plan model. The engine has already split the unit clauses
// and assigned roles (分别牵头, 列第一位者为牵头单位, 会同, 按职责分工负责); this only maps names to
// their canonical form, orders them and pivots tasks into units.
import type { PlanDocument, PlanItem, Span, UnitRole } from '../engine/model/types.js';
import type { WordPlace } from '../io/word-source.js';
import { WHITESPACE_RUN } from '../engine/text/chars.js';
import { aliasMap, normalizeUnitName, unitKey } from '../engine/text/unit-names.js';
import { none, orNone } from '../engine/model/none.js';
import { ROLES, type SectionRef, type TableDocument, type TaskRef, type TaskRow, type TaskTable, type UnitRow } from './types.js';

export * from './types.js';

export interface BuildOptions {
  /** canonical name → aliases, from `units` in .fengongrc.json */
  units?: Record<string, string[]>;
  /** the file the plan came from */
  file?: string;
  /** for a plan read from Word: the paragraph or cell of a line and column of its text */
  placeOf?: (line: number, character: number) => WordPlace;
}

const WS = WHITESPACE_RUN;

export { aliasMap, normalizeUnitName, unitKey };

/** `二、（三）7.` → `二、（三）7`: the 序号 column reads without the final delimiter. */
export function pathLabel(path: string): string {
  // most paths end in a digit or a bracket: no regex run, no new string
  return PATH_DELIMS.includes(path[path.length - 1] ?? '') ? path.replace(/[、﹑.．﹒,，]+$/u, '') : path;
}
const PATH_DELIMS = '、﹑.．﹒,，';

const TRAILING_PUNCT = /[\s\u3000\u00a0,，、;；:：。.]+$/u;

/** The title as the engine found it, minus a unit clause that runs into it (a heading without `。`
 *  ends in `…信息审批处牵头，各有关处室配合` or `…支撑(各处室按职责分工负责)`). */
export function taskTitle(plan: PlanDocument, item: PlanItem): string {
  let end = item.titleSpan.end;
  for (const c of item.unitClauses) {
    if (c.span.start >= item.titleSpan.start && c.span.start < end) end = c.span.start;
  }
  const title = plan.text.slice(item.titleSpan.start, end).replace(WS, ' ').trim().replace(TRAILING_PUNCT, '');
  return title || item.title.trim();
}

/** An item's unit clauses, sorted once: the spans to cut out of each of its paragraphs and cells.
 *  Searched, not scanned: an item of 100,000 paragraphs each with its clause (`加强管理（办公室牵头）`
 *  line after line under one heading) made the table quadratic (issue 18). */
class Cuts {
  private readonly spans: Span[];
  /** the largest end among spans[0..i]: where a search for spans reaching back over a start stops */
  private readonly maxEnd: number[];
  constructor(spans: Span[]) {
    this.spans = spans.length > 1 ? [...spans].sort((a, b) => a.start - b.start) : spans;
    let m = -1;
    this.maxEnd = this.spans.map((c) => (m = Math.max(m, c.end)));
  }

  /** the spans that overlap `span`, by start */
  within(span: Span): Span[] {
    const { spans, maxEnd } = this;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    let first = lo;
    while (first > 0 && maxEnd[first - 1]! > span.start) first--;
    const out: Span[] = [];
    for (let i = first; i < spans.length && spans[i]!.start < span.end; i++) {
      if (spans[i]!.end > span.start) out.push(spans[i]!);
    }
    return out;
  }
}

/** Text of `span` without the parts inside `cuts` (unit clauses), whitespace as Word exports it
 *  folded, and the punctuation a removed clause leaves dangling (`，` `；`) dropped; a `。` stays. */
function textWithout(text: string, span: Span, cuts: Cuts): string {
  let out = '';
  let at = span.start;
  for (const c of cuts.within(span)) {
    if (c.end <= at) continue;
    out += text.slice(at, Math.max(at, c.start));
    at = Math.max(at, c.end);
  }
  out += text.slice(at, span.end);
  return out.replace(WS, ' ').trim().replace(/[\s,，、;；:：]+$/u, '');
}

/** Where the task cell of a table row ends: the next TAB (the 牵头单位 cell after it). */
function cellEnd(text: string, from: number, end: number): number {
  // searched up to `end` only: indexOf ran on to the next TAB in the document, for every task of a
  // plan without a table (the rest of the file each time: quadratic, issue 18)
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === 9) return i;
  return end;
}

/** 工作任务 and its body: the heading after the number (corpus 000 item 4 keeps “8月底前出台…工作方案”
 *  after its title), then the body paragraphs or, in a table row, the other cells that are neither
 *  unit nor deadline cells. `title`: the item's taskTitle, when the caller has it already. */
export function taskText(plan: PlanDocument, item: PlanItem, title?: string): { text: string; body: string[] } {
  const t = plan.text;
  const cuts = new Cuts(item.unitClauses.map((c) => c.span));
  const content = item.heading.content;
  let start = item.marker.span.end;
  while (start < content.end && /[\t \u3000\u00a0]/.test(t[start]!)) start++; // `1\t任务…`: the number in its own cell
  const end = cellEnd(t, start, content.end);
  const text = textWithout(t, { start, end }, cuts) || (title ?? taskTitle(plan, item));
  const body: string[] = [];
  if (end < content.end) {
    const deadlines = new Set(item.deadlines.map((d) => d.text));
    for (let at = end + 1; at <= content.end;) {
      const next = cellEnd(t, at, content.end);
      const unitCell = cuts.within({ start: at, end: next }).length > 0;
      const cell = textWithout(t, { start: at, end: next }, cuts);
      if (cell && !unitCell && !deadlines.has(cell)) body.push(cell);
      at = next + 1;
    }
  }
  for (const p of item.body) {
    const para = textWithout(t, p.content, cuts);
    if (para) body.push(para);
  }
  return { text, body: orNone(body) };
}

/** 序号 as a clerk writes it: the task's own number where the plan numbers that rank once through
 *  (`1.`…`21.` across seven sections → `7`), joined to its parent's 序号 where the plan restarts the
 *  rank under each parent (`（一）1.` `（二）1.` → `（一）1` `（二）1`), so no two rows share a number
 *  and each reads as the plan writes it; a table's own 序号 column (`1`…`25`) stays as it is.
 *  Decided per rank over the tasks and the groups above them (a `注：1.` list does not count).
 *  One per task, in plan.tasks' order; items are told by their id (their index in allItems), not
 *  hashed into Maps and Sets: those were a third of building a big plan's table (issue 18). */
export function serialNumbers(plan: PlanDocument): string[] {
  const shown: PlanItem[] = [];
  const isShown = new Uint8Array(plan.allItems.length);
  for (const t of plan.tasks) for (let a: PlanItem | undefined = t; a && !isShown[a.id]; a = a.parent) { isShown[a.id] = 1; shown.push(a); }
  // a rank restarts where two groups each hold the same number; a list with no group above it (the
  // table of 附件2 after that of 附件1) is told apart by its part below, not by a parent it lacks
  const seen = new Map<number, PlanItem>();
  const restarts = new Set<number>();
  for (const it of shown) {
    if (!it.parent) continue;
    const key = it.marker.value * 8 + it.marker.rank;
    const other = seen.get(key);
    if (other && other.parent !== it.parent) restarts.add(it.marker.rank);
    seen.set(key, it);
  }
  const full: (string | undefined)[] = new Array(plan.allItems.length);
  const serialOf = (it: PlanItem): string => {
    let out = full[it.id];
    if (out === undefined) {
      const own = it.path.slice(it.parent?.path.length ?? 0);
      full[it.id] = out = (restarts.has(it.marker.rank) && it.parent ? serialOf(it.parent) : '') + own;
    }
    return out;
  };
  const serials = plan.tasks.map((t) => pathLabel(serialOf(t)));
  return new Set(serials).size < serials.length ? withPartLabels(plan, serials) : serials;
}

/** A part of the document that numbers on its own, by the line that opens it: `附件2`, a decimal
 *  section number `4.2`, `第三章`, or a Markdown heading's words up to its first stop (`## 保障任务`,
 *  under which a numbered list restarts, FORMAT.md §6). */
const PART_LABEL_RE = /^(附件[0-9０-９一二三四五六七八九十]*|[0-9]{1,2}(?:[.．][0-9]{1,2}){2,}|[0-9]{1,2}[.．][0-9]{1,2}(?=[ \t\u3000])|第[一二三四五六七八九十百零〇0-9]+[章节编部分])|^#{1,6}[ \t\u3000]*([^ \t\u3000。，,；;：:（(]{1,12})/;

/** Numbers that repeat across parts (`1`…`25` in 附件1's table, `1`…`10` in 附件2's): every task in
 *  a labelled part takes its part's label, `附件2-1`, as the office would cite it. One pass over
 *  the paragraphs beside the tasks, both in document order. */
function withPartLabels(plan: PlanDocument, serials: string[]): string[] {
  const headings = new Set(plan.allItems.map((it) => it.heading.line));
  const out: string[] = [];
  let label = '';
  let p = 0;
  for (const [i, t] of plan.tasks.entries()) {
    for (; p < plan.paragraphs.length && plan.paragraphs[p]!.line < t.heading.line; p++) {
      const para = plan.paragraphs[p]!;
      if (headings.has(para.line) || (plan.title && para.content.start < plan.title.span.end)) continue;
      // from the line's start: a Markdown heading's `#` stands before the paragraph's content
      const m = PART_LABEL_RE.exec(plan.text.slice(para.span.start, Math.min(para.content.end, para.content.start + 24)).trimStart());
      if (m) label = m[1] ?? m[2]!;
    }
    out.push(label ? `${label}-${serials[i]!}` : serials[i]!);
  }
  return out;
}

/** The headings above a task, outermost first: one list per parent, shared by the tasks under it
 *  (rows are never edited; a copy per task was a tenth of a big table's memory, issue 18). */
function sectionsOf(plan: PlanDocument, item: PlanItem, lists: Map<PlanItem, SectionRef[]>): SectionRef[] {
  const p = item.parent;
  if (!p) return [];
  let list = lists.get(p);
  if (!list) lists.set(p, (list = [...sectionsOf(plan, p, lists), { marker: p.marker.raw, title: taskTitle(plan, p), rank: p.marker.rank }]));
  return list;
}

export function buildTaskTable(plan: PlanDocument, opts: BuildOptions = {}): TaskTable {
  return buildTaskTables([{ plan, ...opts }]);
}

export type BuildInput = BuildOptions & { plan: PlanDocument };

/** Several plans in one table (`fengong table a.txt b.txt`): rows keep their document index, units
 *  gather their tasks across the plans. */
export function buildTaskTables(inputs: BuildInput[]): TaskTable {
  const b = new TableBuilder();
  for (const input of inputs) b.add(input, false);
  return b.table();
}

/** The table of plans nothing reads afterwards (`fengong table`): `inputs` is emptied, and each plan
 *  is given up as it is tabled, a task at a time (releaseTasks), so a plan's model (three times
 *  its table) and its table are never whole together: the heap the model grew to holds the table. */
export function tableOfPlans(inputs: BuildInput[]): TaskTable {
  const b = new TableBuilder();
  for (let input = inputs.shift(); input; input = inputs.shift()) b.add(input, true);
  return b.table();
}

/** Rows by task, and units by first appearance (document order, then the order a clause names
 *  them), pivoted as the rows are made. */
class TableBuilder {
  private readonly documents: TableDocument[] = [];
  private readonly tasks: TaskRow[] = [];
  private readonly units = new Map<string, UnitRow>();

  add(input: BuildInput, release: boolean): void {
    const { plan } = input;
    const doc: TableDocument = {};
    if (input.file !== undefined) doc.file = input.file;
    if (plan.title) doc.title = plan.title.text.replace(WS, ' ').trim();
    if (plan.year !== undefined) doc.year = plan.year;
    const docIndex = this.documents.length;
    this.documents.push(doc);
    // one by one: spread as arguments, 165,000 tasks (an 8 MB plan of numbered tasks) overflowed the stack
    for (const { row, named } of tasksOf(plan, docIndex, aliasMap(input.units), input.placeOf, release)) {
      this.tasks.push(row);
      this.pivot(row, named);
    }
  }

  /** the task's units gain a reference to it, once per role and unit */
  private pivot(row: TaskRow, named: Mention[]): void {
    if (!named.length) return;
    const ref: TaskRef = { doc: row.doc, path: row.path, serial: row.serial, title: row.title, text: row.text, line: row.line };
    const seen = named.length > 1 ? new Set<string>() : undefined;
    for (const m of named) {
      let u = this.units.get(m.name);
      if (!u) {
        u = { name: m.name, aliases: [], lead: [], responsible: [], cooperating: [], guiding: [], counts: { lead: 0, responsible: 0, cooperating: 0, guiding: 0, total: 0 } };
        this.units.set(m.name, u);
      }
      if (m.written !== m.name && !u.aliases.includes(m.written)) u.aliases.push(m.written);
      if (seen && !added(seen, `${m.role}\u0000${m.name}`)) continue;
      u[m.role].push(ref);
    }
  }

  table(): TaskTable {
    for (const u of this.units.values()) {
      const all = new Set<TaskRef>();
      for (const role of ROLES) {
        u.counts[role] = u[role].length;
        for (const r of u[role]) all.add(r);
      }
      u.counts.total = all.size;
    }
    return { documents: this.documents, tasks: this.tasks, units: [...this.units.values()] };
  }
}

/** The declaration itself out of the paragraph that holds it: `一、试点任务（以下均需试点城市政府
 *  落实，不再列出）` → `以下均需试点城市政府落实，不再列出`. */
export function declaration(text: string): string {
  const t = text.replace(WS, ' ').trim();
  const m = /[（(〔]([^（()）〔〕]*(?:不再列出|下同)[^（()）〔〕]*)[）)〕]/.exec(t);
  return (m ? m[1]! : t).trim();
}

/** One unit named in a task, in the order the plan writes it. */
interface Mention {
  name: string;
  role: UnitRole;
  written: string;
}

/** Each task's row and the units it names, in the plan's order; with `release`, the plan is given
 *  up as it goes (releaseTasks). */
function* tasksOf(plan: PlanDocument, doc: number, aliases: Map<string, string>, placeOf: BuildOptions['placeOf'], release: boolean): Generator<{ row: TaskRow; named: Mention[] }> {
  const serials = serialNumbers(plan);
  const tasks: (PlanItem | undefined)[] = release ? releaseTasks(plan) : plan.tasks;
  const sections = new Map<PlanItem, SectionRef[]>();
  const names = new Map<string, { name: string; written: string } | null>(); // a plan names its units again and again
  const lists = new Map<string, string[]>();
  for (let i = 0; i < tasks.length; i++) {
    const item = tasks[i]!;
    if (release) tasks[i] = undefined; // its row holds what the table needs of it
    const title = taskTitle(plan, item);
    const { text, body } = taskText(plan, item, title);
    const row: TaskRow = {
      doc,
      path: pathLabel(item.path),
      serial: serials[i]!,
      number: sameOr(serials[i]!, pathLabel(item.marker.raw)),
      title,
      text: text === title ? title : text, // one string where they are the same (most tasks)
      body,
      sections: sectionsOf(plan, item, sections),
      lead: [],
      responsible: [],
      cooperating: [],
      guiding: [],
      separately: [],
      byRemit: item.unitClauses.some((c) => c.byRemit),
      deadlines: item.deadlines.length ? item.deadlines.map((d) => (d.date ? { text: d.text, date: d.date } : { text: d.text })) : none(),
      line: item.heading.line + 1,
    };
    const named: Mention[] = [];
    // the model's units: the task's own, or those it takes from a merged cell, its parent, a
    // lead-in or a declaration (model/assign.ts)
    // role and name: a task of thousands of units lists each once in linear time (a few are
    // compared as they are: a Set a task was a tenth of building the table)
    const listed = item.units.length > 8 ? new Set<string>() : undefined;
    for (const u of item.units) {
      const n = canonical(u.name, names, aliases);
      if (!n) continue;
      const { name, written } = n;
      named.push({ name, role: u.role, written });
      const list = row[u.role];
      if (listed ? added(listed, `${u.role}\u0000${name}`) : !list.includes(name)) list.push(name);
      if (u.separately && !row.separately.includes(u.role)) row.separately.push(u.role);
    }
    // at their length (a pushed list keeps room for 17), the one shared empty list (most tasks name no
    // cooperating or guiding unit and write no 分别), and one list for the rows that name the same
    // units in a role (`县政府办公室` leading task after task; rows are never edited; issue 18)
    for (const role of ROLES) row[role] = sharedList(row[role], lists);
    row.separately = orNone(row.separately);
    if (item.inheritedUnits) row.inherited = declaration(item.inheritedUnits.text);
    if (item.uncertain) row.uncertain = true;
    if (placeOf) row.word = placeOf(item.heading.line, Math.max(0, item.marker.span.start - item.heading.span.start));
    yield { row, named };
  }
}

/** The plan's tasks in a list of their own, every other way to an item cut (the item lists, a
 *  parent's children, the section roles, the numbering lists): once the caller lets go of a task in
 *  that list, nothing holds it. The plan keeps its text, title and genre. */
function releaseTasks(plan: PlanDocument): PlanItem[] {
  const { tasks } = plan;
  for (const it of plan.allItems) it.children = none();
  Object.assign(plan, {
    tasks: none(), allItems: none(), items: none(), sections: new Map(), numberingLists: none(), headingClauses: none(),
    paragraphs: none(), preamble: none(), closing: none(), enumerations: none(), pairProblems: none(),
  } satisfies Partial<PlanDocument>);
  return tasks;
}

/** `a` where `b` reads the same: one string for both (a task's own number is its 序号 when the plan
 *  numbers through) */
const sameOr = (a: string, b: string): string => (a === b ? a : b);

/** The list of these names that every row naming exactly them shares, made at its length. */
function sharedList(names: string[], lists: Map<string, string[]>): string[] {
  if (!names.length) return none();
  const key = names.length === 1 ? names[0]! : names.join('\u0000');
  let list = lists.get(key);
  if (!list) lists.set(key, (list = names.slice()));
  return list;
}

/** whether `key` was not in `set` (it is now) */
function added(set: Set<string>, key: string): boolean {
  return set.size < set.add(key).size;
}

/** A unit's name as the table shows it (normalised, then its canonical name in the config's
 *  aliases) and as the plan writes it, once per name the plan uses; null for an empty name. */
function canonical(raw: string, names: Map<string, { name: string; written: string } | null>, aliases: Map<string, string>): { name: string; written: string } | null {
  let n = names.get(raw);
  if (n === undefined) {
    const written = normalizeUnitName(raw);
    names.set(raw, (n = written ? { name: aliases.get(unitKey(written)) ?? written, written } : null));
  }
  return n;
}

export type { UnitRole };

// Phase 6 — tasks and their units: which leaf items are tasks (FORMAT.md §5), the unit clauses
// each names (clauses.ts), and the units a task takes from elsewhere: its parent's clause, a
// declaration (`以下…不再列出`), a 职责分工 section that assigns by unit.
import type { NonTaskReason, PlanItem, Span, UnitClause } from './types.js';
import type { Structure } from './structure.js';
import type { GenreVerdict } from './genre.js';
import type { SectionRole } from './sections.js';
import type { TableRow } from './table.js';
import { cellClauses, explicitClauses, findBareClause, type ClauseContext, type Declarations } from './clauses.js';
import { DATE_LINE_RE } from '../lexicon/sections.js';
import { REMIT_VERB_RE } from '../lexicon/roles.js';
import { TASK_VERB_RE, UNIT_SUFFIX_RE } from '../lexicon/units.js';

const ROLE_REASON: Record<Exclude<SectionRole, 'task'>, NonTaskReason> = {
  framing: 'framing', scope: 'scope', procedure: 'procedure', 'unit-centric': 'unit', notes: 'notes', attachment: 'attachment',
};

/** Whether each item is a task, and why not when it is not. */
export function judgeTasks(s: Structure, items: PlanItem[], genre: GenreVerdict, sections: Map<PlanItem, SectionRole>): void {
  const cover = coverItems(s, items, genre);
  // group headings between the rows of a table (`四、军民深度融合方面（共6项）` whose rows were cut)
  const groupedRows = new Set<PlanItem | undefined>();
  let firstRow = Infinity;
  for (const line of s.tableRows.keys()) firstRow = Math.min(firstRow, line);
  for (const it of items) if (it.children.some((c) => s.tableRows.has(c.heading.line) && c.heading.line !== it.heading.line)) groupedRows.add(it.parent);
  for (const it of items) {
    const role = sections.get(it) ?? 'task';
    let reason: NonTaskReason | undefined;
    if (it.children.length) reason = 'has-children';
    else if (!genre.assignsWork) reason = 'genre';
    else if (role !== 'task') reason = ROLE_REASON[role];
    else if (isUnitItem(s, it)) reason = 'unit';
    else if (/[？?]$/.test(it.title.trim())) reason = 'problem';
    else if (it.heading.line > firstRow && !s.tableRows.has(it.heading.line) && groupedRows.has(it.parent) && it.marker.rank <= 2) reason = 'table-group';
    else if (cover.has(it)) reason = 'cover';
    it.nonTaskReason = reason;
    it.isTask = !reason;
  }
}

/** An item that *is* a unit: `（一）区建管委`, `1.区经济发展局：负责…`, `1.监督组。负责…`. */
function isUnitItem(s: Structure, it: PlanItem): boolean {
  const t = s.folded.slice(it.titleSpan.start, it.heading.content.end);
  const m = /^([^。：:，,；;（(\t]{2,20})(?:([。：:])(.*))?$/.exec(t);
  if (!m || !UNIT_SUFFIX_RE.test(m[1]!) || TASK_VERB_RE.test(m[1]!)) return false;
  if (!m[2]) return true;
  if (m[2] !== '。') return true;
  const rest = (m[3] ?? '').trim() || (it.body[0] ? s.folded.slice(it.body[0].content.start, it.body[0].content.end) : '');
  return REMIT_VERB_RE.test(rest);
}

/** The covering notice's own items are no tasks (FORMAT.md §5, the 附件 and closing):
 *  - a notice that forwards a document (`关于印发《XX方案》的通知`) ends with its signature and
 *    date; the forwarded plan follows. Where the text shows no such end and names no unit at all,
 *    the forwarded plan is not in the text: every item is the notice's.
 *  - a notice whose genre rests on the body (an 通知 with a table, `附件：…推广清单`): the items
 *    of a part without any unit evidence are the notice's own text. */
function coverItems(s: Structure, items: PlanItem[], genre: GenreVerdict): Set<PlanItem> {
  const out = new Set<PlanItem>();
  const evidence = new Set<number>();
  const breaks = s.partBreaks;
  const partOf = (line: number) => breaks.filter((b) => b <= line).length;
  for (const row of s.tableRows.values()) if (row.columns?.roles.size) evidence.add(partOf(row.line));
  for (const it of items) if (it.unitClauses.some((c) => c.units.length)) evidence.add(partOf(it.heading.line));
  if (genre.title && genre.basis === 'title' && FORWARDING_RE.test(s.folded.slice(genre.title.span.start, genre.title.span.end))) {
    const end = coverEnd(s, items, genre.title.span.end);
    for (const it of items) if (end !== undefined ? it.heading.line < end : !evidence.size) out.add(it);
    return out;
  }
  if (genre.basis !== 'body' || !breaks.length) return out;
  for (const it of items) if (!evidence.has(partOf(it.heading.line))) out.add(it);
  return out;
}

const FORWARDING_RE = /(?:印发|转发|印送|颁发)[^。]*(?:通知|函)$/;

/** the line where the forwarded document starts: after the cover's date line, when items follow */
function coverEnd(s: Structure, items: PlanItem[], after: number): number | undefined {
  const last = items.length ? items[items.length - 1]!.heading.line : -1;
  for (const p of s.paragraphs) {
    if (p.content.start <= after || p.line >= last) continue;
    if (DATE_LINE_RE.test(s.folded.slice(p.content.start, p.content.end))) return p.line;
  }
  return undefined;
}

/** the table row whose task an item is: the row's last marker (or its 序号) */
function rowOf(s: Structure, it: PlanItem): TableRow | undefined {
  const row = s.tableRows.get(it.heading.line);
  return row && it.children.length === 0 ? row : undefined;
}

/** Explicit clauses of every leaf (tables and hovers want them in any genre). */
export function explicitUnits(ctx: ClauseContext & { declarations: Declarations }, leaves: PlanItem[]): Set<string> {
  const known = new Set<string>();
  for (const it of leaves) {
    // the declaration applies to the clause it is written in (`（…负责。列第一位者为牵头单位，下同）`) and on
    const leadsFirst = ctx.declarations.firstListedLeads !== undefined && ctx.declarations.firstListedLeads < it.span.end;
    const c = { ...ctx, leadsFirst };
    const row = rowOf(ctx.s, it);
    it.unitClauses = row ? cellClauses(c, row) : [];
    if (!it.unitClauses.length) it.unitClauses = explicitClauses(c, it, true);
    for (const cl of it.unitClauses) for (const u of cl.units) known.add(u.name);
  }
  return known;
}

/** Bare clauses for tasks that name no unit otherwise, then the units they take from elsewhere. */
export function inheritUnits(ctx: ClauseContext, items: PlanItem[], known: Set<string>, declarations: Declarations, sections: Map<PlanItem, SectionRole>): void {
  const memo = new Map<PlanItem, UnitClause | null>();
  const remit = responsibilitySection(items, sections);
  for (const it of items) {
    if (it.children.length) continue;
    if (!it.unitClauses.length && it.isTask) {
      const bare = findBareClause(ctx, it, known);
      if (bare) it.unitClauses.push(bare);
    }
    if (it.unitClauses.some((c) => c.units.length)) continue;
    // a clause on a parent heading covers the sub-items that name none of their own:
    // `（一）加强平台建设。（办公室牵头，各处室配合）` over `1.…` `2.…`
    const from = ancestorClause(ctx, it, memo);
    if (from) it.inheritedUnits = { from: { ...from.span }, text: ctx.s.text.slice(from.span.start, from.span.end) };
    else if (declarations.inherit && it.heading.span.start > declarations.inherit.from.start) it.inheritedUnits = declarations.inherit;
    else if (remit) it.inheritedUnits = remit;
  }
}

/** A 职责分工 section whose items are units covers every task (FORMAT.md §5). */
function responsibilitySection(items: PlanItem[], sections: Map<PlanItem, SectionRole>): { from: Span; text: string } | undefined {
  for (const it of items) {
    if (sections.get(it) !== 'unit-centric' || (it.parent && sections.get(it.parent) === 'unit-centric')) continue;
    if (!it.children.some((c) => c.nonTaskReason === 'unit')) continue;
    return { from: { ...it.titleSpan }, text: it.title };
  }
  return undefined;
}

/** the nearest ancestor whose own heading or text (before its first child) names units */
function ancestorClause(ctx: ClauseContext, it: PlanItem, memo: Map<PlanItem, UnitClause | null>): UnitClause | undefined {
  for (let a = it.parent; a; a = a.parent) {
    let c = memo.get(a);
    if (c === undefined) {
      c = explicitClauses({ ...ctx, leadsFirst: false }, a, false).find((x) => x.units.length > 0) ?? null;
      memo.set(a, c);
    }
    if (c) return c;
  }
  return undefined;
}

// Phase 6 — tasks and their units: which leaf items are tasks (FORMAT.md §5), the unit clauses
// each names (clauses.ts), and the units a task takes from elsewhere: its parent's clause, a
// declaration (`以下…不再列出`), a 职责分工 section that assigns by unit.
import type { ItemNode, NonTaskReason, Span, UnitClause } from './types.js';
import type { Structure } from './structure.js';
import type { GenreVerdict } from './genre.js';
import type { SectionRole } from './sections.js';
import type { TableRow } from './table.js';
import { cellClauses, explicitClauses, findBareClause, type ClauseContext, type Declarations } from './clauses.js';
import { DATE_LINE_RE } from '../lexicon/sections.js';
import { REMIT_VERB_RE } from '../lexicon/roles.js';
import { TASK_VERB_RE, UNIT_SUFFIX_RE } from '../lexicon/units.js';

/** each item's verdict: undefined for a task, else why it is none */
export type TaskVerdicts = Map<ItemNode, NonTaskReason | undefined>;

/** the units of each leaf: the clauses it names, or what it takes from elsewhere */
export interface ItemUnits {
  unitClauses: UnitClause[];
  inheritedUnits?: { from: Span; text: string };
  /** the ancestor whose heading clause the units come from (references and rename find its units) */
  inheritedClause?: { node: ItemNode; clause: UnitClause };
}

const ROLE_REASON: Record<Exclude<SectionRole, 'task'>, NonTaskReason> = {
  framing: 'framing', scope: 'scope', procedure: 'procedure', 'unit-centric': 'unit', review: 'review', notes: 'notes', attachment: 'attachment',
};

/** The clauses every leaf writes itself (tables and hovers want them in any genre), and the unit
 *  names they teach (which help to find where an unbracketed clause starts). */
export function explicitUnits(ctx: ClauseContext & { declarations: Declarations }, leaves: ItemNode[]): { clauses: Map<ItemNode, UnitClause[]>; known: Set<string> } {
  const clauses = new Map<ItemNode, UnitClause[]>();
  const known = new Set<string>();
  for (const it of leaves) {
    // the declaration applies to the clause it is written in (`（…负责。列第一位者为牵头单位，下同）`) and on
    const leadsFirst = ctx.declarations.firstListedLeads !== undefined && ctx.declarations.firstListedLeads < it.span.end;
    const c = { ...ctx, leadsFirst };
    const row = rowOf(ctx.s, it);
    let found = row ? cellClauses(c, row) : [];
    if (!found.length) found = explicitClauses(c, it, true);
    clauses.set(it, found);
    for (const cl of found) for (const u of cl.units) known.add(u.name);
  }
  // a bracket of names the document uses as units elsewhere (other clauses, the addressees) is a
  // clause too: `（各街镇、开发区、头桥集团）` where `（区生态环境局牵头，各街镇、开发区配合）` stands
  const knownUnits = foldedUnitNames(ctx.s, clauses);
  for (const it of leaves) {
    if (clauses.get(it)!.length || rowOf(ctx.s, it)) continue;
    const leadsFirst = ctx.declarations.firstListedLeads !== undefined && ctx.declarations.firstListedLeads < it.span.end;
    const found = explicitClauses({ ...ctx, leadsFirst, knownUnits }, it, true);
    if (!found.length) continue;
    clauses.set(it, found);
    for (const cl of found) for (const u of cl.units) known.add(u.name);
  }
  return { clauses, known };
}

/** The unit names (folded) of the clauses found, and of the addressee line before the body
 *  (`各街镇、开发区，区政府各委、办、局：`). */
function foldedUnitNames(s: Structure, clauses: Map<ItemNode, UnitClause[]>): Set<string> {
  const out = new Set<string>();
  const add = (name: string) => { if (name.length >= 2 && name.length <= 20) out.add(name); };
  for (const list of clauses.values()) for (const c of list) for (const u of c.units) add(s.folded.slice(u.span.start, u.span.end).replace(/[ \t\u3000\u00a0]+/g, ''));
  for (const p of s.paragraphs) {
    if (p.line >= s.bodyStartLine) break;
    const t = s.folded.slice(p.content.start, p.content.end).trim();
    if (!/[：:]$/.test(t) || /[。；;]/.test(t)) continue;
    const names = t.slice(0, -1).split(/[、，,]/).map((n) => n.trim());
    if (names.some((n) => UNIT_SUFFIX_RE.test(n)) && names.every((n) => n.length <= 15)) names.forEach(add);
  }
  return out;
}

/** Whether each item is a task, and why not when it is not. */
export function judgeTasks(s: Structure, items: ItemNode[], genre: GenreVerdict, sections: Map<ItemNode, SectionRole>, clauses: Map<ItemNode, UnitClause[]>): TaskVerdicts {
  const cover = coverItems(s, items, genre, clauses);
  // group headings between the rows of a table (`四、军民深度融合方面（共6项）` whose rows were cut)
  const groupedRows = new Set<ItemNode | undefined>();
  let firstRow = Infinity;
  for (const line of s.tableRows.keys()) firstRow = Math.min(firstRow, line);
  for (const it of items) if (it.children.some((c) => s.tableRows.has(c.heading.line) && c.heading.line !== it.heading.line)) groupedRows.add(it.parent);
  const verdicts: TaskVerdicts = new Map();
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
    verdicts.set(it, reason);
  }
  return verdicts;
}

/** An item that *is* a unit: `（一）区建管委`, `1.区经济发展局：负责…`, `1.监督组。负责…`. */
function isUnitItem(s: Structure, it: ItemNode): boolean {
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
function coverItems(s: Structure, items: ItemNode[], genre: GenreVerdict, clauses: Map<ItemNode, UnitClause[]>): Set<ItemNode> {
  const out = new Set<ItemNode>();
  const evidence = new Set<number>();
  const breaks = s.partBreaks;
  const partOf = (line: number) => breaks.filter((b) => b <= line).length;
  for (const row of s.tableRows.values()) if (row.columns?.roles.size) evidence.add(partOf(row.line));
  for (const [it, cl] of clauses) if (cl.some((c) => c.units.length)) evidence.add(partOf(it.heading.line));
  if (genre.title && genre.basis === 'title' && FORWARDING_RE.test(s.folded.slice(genre.title.span.start, genre.title.span.end))) {
    const end = coverEnd(s, items, genre.title.span);
    for (const it of items) if (end !== undefined ? it.heading.line < end : !evidence.size) out.add(it);
    return out;
  }
  if (genre.basis !== 'body' || !breaks.length) return out;
  for (const it of items) if (!evidence.has(partOf(it.heading.line))) out.add(it);
  return out;
}

const FORWARDING_RE = /(?:印发|转发|印送|颁发)[^。]*(?:通知|函)$/;

/** The line where the forwarded document starts, when items follow: the cover's date line, the
 *  forwarded document's own title standing alone (a line the notice's title contains), or its
 *  first section numbered `一、` again after the notice's own `一、二、三、`. */
function coverEnd(s: Structure, items: ItemNode[], title: { start: number; end: number }): number | undefined {
  const last = items.length ? items[items.length - 1]!.heading.line : -1;
  const titleText = s.folded.slice(title.start, title.end).replace(/[\s\u3000《》]+/g, '');
  for (const p of s.paragraphs) {
    if (p.content.start <= title.end || p.line >= last) continue;
    const t = s.folded.slice(p.content.start, p.content.end);
    if (DATE_LINE_RE.test(t)) return p.line;
    const bare = t.replace(/[\s\u3000《》]+/g, '');
    if (bare.length >= 6 && s.headings.has(p.line) && titleText.includes(bare)) return p.line;
  }
  const top = items.filter((it) => !it.parent);
  const again = top.findIndex((it, i) => i > 0 && it.marker.value === 1 && it.marker.rank === top[0]!.marker.rank);
  return again > 0 ? top[again]!.heading.line : undefined;
}

/** the table row whose task an item is (a leaf on a row) */
function rowOf(s: Structure, it: ItemNode): TableRow | undefined {
  const row = s.tableRows.get(it.heading.line);
  return row && it.children.length === 0 ? row : undefined;
}

/** The units of every leaf: its own clauses, a bare clause for a task that names none, else the
 *  units it takes from elsewhere. */
export function assignUnits(
  ctx: ClauseContext, items: ItemNode[], explicit: { clauses: Map<ItemNode, UnitClause[]>; known: Set<string> },
  declarations: Declarations, sections: Map<ItemNode, SectionRole>, verdicts: TaskVerdicts,
): Map<ItemNode, ItemUnits> {
  const out = new Map<ItemNode, ItemUnits>();
  const memo = new Map<ItemNode, UnitClause | null>();
  const remit = responsibilitySection(items, sections, verdicts);
  for (const it of items) {
    if (it.children.length) continue;
    const unitClauses = [...(explicit.clauses.get(it) ?? [])];
    const isTask = verdicts.get(it) === undefined;
    if (!unitClauses.length && isTask) {
      const bare = findBareClause(ctx, it, explicit.known);
      if (bare) unitClauses.push(bare);
    }
    const units: ItemUnits = { unitClauses };
    out.set(it, units);
    if (unitClauses.some((c) => c.units.length)) continue;
    // a clause on a parent heading covers the sub-items that name none of their own:
    // `（一）加强平台建设。（办公室牵头，各处室配合）` over `1.…` `2.…`
    const found = ancestorClause(ctx, it, memo);
    const from = found?.clause;
    if (found) units.inheritedClause = found;
    if (from) units.inheritedUnits = { from: { ...from.span }, text: ctx.s.text.slice(from.span.start, from.span.end) };
    else if (declarations.inherit && it.heading.span.start > declarations.inherit.from.start) units.inheritedUnits = declarations.inherit;
    else if (remit) units.inheritedUnits = remit;
  }
  return out;
}

/** A 职责分工 section whose items are units covers every task (FORMAT.md §5). */
function responsibilitySection(items: ItemNode[], sections: Map<ItemNode, SectionRole>, verdicts: TaskVerdicts): { from: Span; text: string } | undefined {
  for (const it of items) {
    if (sections.get(it) !== 'unit-centric' || (it.parent && sections.get(it.parent) === 'unit-centric')) continue;
    if (!it.children.some((c) => verdicts.get(c) === 'unit')) continue;
    return { from: { ...it.titleSpan }, text: it.title };
  }
  return undefined;
}

/** the nearest ancestor whose own heading or text (before its first child) names units */
function ancestorClause(ctx: ClauseContext, it: ItemNode, memo: Map<ItemNode, UnitClause | null>): { node: ItemNode; clause: UnitClause } | undefined {
  for (let a = it.parent; a; a = a.parent) {
    let c = memo.get(a);
    if (c === undefined) {
      c = explicitClauses({ ...ctx, leadsFirst: false }, a, false).find((x) => x.units.length > 0) ?? null;
      memo.set(a, c);
    }
    if (c) return { node: a, clause: c };
  }
  return undefined;
}

// Phase 6 — where each task's units come from (FORMAT.md §7), one phase with one typed result:
//   own       the clauses the item writes itself (a bracket, a label, a `责任单位：` paragraph, its
//             table row's unit cells, an unbracketed clause at its end)
//   merged    a table row whose unit cells are empty because Word merged them with the row above
//   group     a clause standing alone after the last of a group of sibling items that name none
//   parent    a clause on an ancestor's heading or opening text that covers its children
//   lead-in   a paragraph that names the units of the items below it
//   declared  a declaration above (`以下均需试点城市政府落实，不再列出`)
//   team      a body set up for the whole work (`成立…工作专班，由A牵头，B、C为成员单位`)
//   remit     a 职责分工 section that assigns by unit (covers the task, names no unit for it)
// Every clause is parsed here once: the own clauses of each leaf (before the task verdicts, which
// need them), then each ancestor's clause at most once (memo).
import { none, orNone, shared, trimmed } from './none.js';
import type { ItemNode, Span, UnitClause, UnitRef } from './types.js';
import type { Structure } from './structure.js';
import type { SectionRole } from './sections.js';
import type { TableRow } from './table.js';
import type { TaskVerdicts } from './tasks.js';
import { cellClauses, explicitClauses, findBareClause, type ClauseContext, type Declarations, type SharedUnits } from './clauses.js';
import { looksLikeUnit, parseCellUnits } from './units.js';
import { DECLARED_UNITS_RE, LEAD_IN_BACK_RE } from '../lexicon/roles.js';
import { ETC_RE, TASK_VERB_RE, UNIT_SUFFIX_RE } from '../lexicon/units.js';
import { ItemMap } from './item-map.js';

export type UnitSourceKind = 'merged' | 'group' | 'parent' | 'lead-in' | 'declared' | 'team' | 'remit';

/** the units of one leaf and where they come from */
export interface ItemUnits {
  /** the clauses the item writes itself */
  unitClauses: UnitClause[];
  /** the units the task table lists: its own, else those it takes from elsewhere */
  units: UnitRef[];
  /** where the units come from when they are not the item's own */
  source?: { kind: UnitSourceKind; from: Span; text: string };
  /** the reading rests on weak evidence (a merged cell inferred, a lead-in, a declaration far above) */
  uncertain?: true;
  /** the ancestor whose heading clause the units come from (references and rename find its units) */
  inheritedClause?: { node: ItemNode; clause: UnitClause };
}

export interface OwnClauses {
  clauses: Map<ItemNode, UnitClause[]>;
  /** the unit names they teach (they help to find where an unbracketed clause starts) */
  known: Set<string>;
}

/** the table row whose task an item is (a leaf on a row) */
function rowOf(s: Structure, it: ItemNode): TableRow | undefined {
  const row = s.tableRows.get(it.heading.line);
  return row && it.children.length === 0 ? row : undefined;
}

/** a row under a task's row whose task cell is empty: the 工作任务 cell is merged over it */
function continuation(s: Structure, line: number): TableRow | undefined {
  const r = s.tableRows.get(line);
  if (!r?.columns || r.number || r.cellMarkers.length) return undefined;
  const task = r.cells[r.taskCell];
  return task && task.end === task.start ? r : undefined;
}

const leadsFirstAt = (d: Declarations, at: number) => d.firstListedLeads !== undefined && d.firstListedLeads < at;

/** The clauses every leaf writes itself (tables and hovers want them in any genre). */
export function ownClauses(ctx: ClauseContext & { declarations: Declarations }, leaves: ItemNode[], allItems: readonly ItemNode[]): OwnClauses {
  const clauses = new ItemMap<ItemNode, UnitClause[]>(allItems);
  const known = new Set<string>();
  for (const it of leaves) {
    // the declaration applies to the clause it is written in (`（…负责。列第一位者为牵头单位，下同）`) and on
    const c = { ...ctx, leadsFirst: leadsFirstAt(ctx.declarations, it.span.end) };
    const row = rowOf(ctx.s, it);
    let found = row ? cellClauses(c, row) : [];
    // a row whose 工作任务 cell is merged over several rows: the rows below it with their own
    // unit cells belong to the same task
    if (row) for (const p of it.body) { const r = continuation(ctx.s, p.line); if (r) found.push(...cellClauses(c, r)); }
    if (!found.length) found = explicitClauses(c, it, true);
    // at its exact length: a list grown by push keeps 17 slots, and every task keeps its list (a
    // plan of numbered tasks: 120 bytes a task; issue 18)
    clauses.set(it, trimmed(found));
    for (const cl of found) for (const u of cl.units) known.add(u.name);
  }
  // a bracket of names the document uses as units elsewhere (other clauses, the addressees) is a
  // clause too: `（各街镇、开发区、头桥集团）` where `（区生态环境局牵头，各街镇、开发区配合）` stands
  const knownUnits = foldedUnitNames(ctx.s, clauses);
  // none known: a second reading would find what the first did, nothing (a document without a unit
  // clause or addressees: half of the bench's 1,000 plans, reports and regulations among them)
  if (!knownUnits.size) return { clauses, known };
  for (const it of leaves) {
    if (clauses.get(it)!.length || rowOf(ctx.s, it)) continue;
    const found = explicitClauses({ ...ctx, leadsFirst: leadsFirstAt(ctx.declarations, it.span.end), knownUnits }, it, true);
    if (!found.length) continue;
    clauses.set(it, trimmed(found));
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

/** the clauses' units in order; one clause's own list as it is (most tasks have one clause: a second
 *  list of the same units was 56 bytes a task; lists in the model are never edited, only replaced) */
const named = (clauses: UnitClause[]) => (clauses.length === 1 ? orNone(clauses[0]!.units) : trimmed(clauses.flatMap((c) => c.units)));

/** The units of every leaf and where they come from. */
export function assignUnits(
  ctx: ClauseContext, items: ItemNode[], own: OwnClauses, declarations: Declarations,
  sections: Map<ItemNode, SectionRole>, verdicts: TaskVerdicts,
): Map<ItemNode, ItemUnits> {
  const out = new ItemMap<ItemNode, ItemUnits>(items);
  const memo = new ItemMap<ItemNode, UnitClause | null>(items);
  const remit = responsibilitySection(items, sections, verdicts);
  const declared = declarations.inherit && declaredUnits(ctx.s, declarations.inherit.from);
  const team = teamUnits(ctx, declarations.team);
  const siblings = new Map<ItemNode, SiblingFacts>();
  for (const it of items) {
    if (it.children.length) continue;
    // own's list itself (never edited after ownClauses), not a copy of it
    let unitClauses = own.clauses.get(it) ?? none();
    if (!unitClauses.length && verdicts.get(it) === undefined) {
      const bare = findBareClause(ctx, it, own.known);
      if (bare) unitClauses = [bare];
    }
    const units: ItemUnits = { unitClauses: orNone(unitClauses), units: named(unitClauses) };
    out.set(it, units);
    if (!units.units.length) unitsFromElsewhere(ctx, it, units, { out, items, own, declarations, memo, declared, remit, team, siblings });
    if (verdicts.get(it) === undefined) addShared(ctx.s, it, units, declarations.shared);
  }
  return out;
}

interface Elsewhere {
  out: Map<ItemNode, ItemUnits>; items: ItemNode[]; own: OwnClauses; declarations: Declarations;
  memo: Map<ItemNode, UnitClause | null>; declared: UnitRef[] | undefined; remit: { from: Span; text: string } | undefined;
  team: Found | undefined; siblings: Map<ItemNode, SiblingFacts>;
}

/** a leaf that names no unit itself: a merged cell, its group's clause, a parent, a lead-in, a declaration, a 职责分工 section */
function unitsFromElsewhere(ctx: ClauseContext, it: ItemNode, units: ItemUnits, e: Elsewhere): void {
  const facts = it.parent && siblingFacts(ctx.s, it.parent, e.own, e.siblings);
  const from = mergedRow(ctx.s, it, e.out, e.items) ?? groupClause(ctx.s, it, facts) ?? ancestorClause(ctx, e.declarations, it, e.memo) ?? leadIn(ctx.s, it, e.own.known, facts);
  if (from) { Object.assign(units, from); return; }
  const inherit = e.declarations.inherit;
  if (inherit && it.heading.span.start > inherit.from.start) {
    units.source = { kind: 'declared', ...inherit };
    units.units = (e.declared ?? []).map((u) => ({ ...u }));
    if (units.units.length) units.uncertain = true;
  } else if (e.team) Object.assign(units, { ...e.team, units: e.team.units.map((u) => ({ ...u })) });
  else if (e.remit) units.source = { kind: 'remit', ...e.remit };
}

/** `成立…工作专班，由区住房城乡建设局牵头，区财政局、各街道办事处为成员单位`: the lead leads and the
 *  members cooperate on every task that names no unit and takes none from nearer (uncertain: the
 *  paragraph names the body's members, not each task's) */
function teamUnits(ctx: ClauseContext, team: Declarations['team']): Found | undefined {
  if (!team) return undefined;
  const lead = parseCellUnits(ctx.s.folded, team.lead, 'lead', ctx.roles)?.units;
  const members = parseCellUnits(ctx.s.folded, team.members, 'cooperating', ctx.roles)?.units;
  if (!lead?.length || !members?.length) return undefined;
  const units = [...lead.map((u) => ({ ...u, role: 'lead' as const })), ...members.map((u) => ({ ...u, role: 'cooperating' as const }))];
  for (const u of units) u.name = shared(ctx.s.text.slice(u.span.start, u.span.end).replace(/[ \t\u3000\u00a0]+/g, ''));
  if (!units.every((u) => looksLikeUnit(u.name, new Set()))) return undefined;
  return { units, source: { kind: 'team', from: { ...team.from }, text: team.text }, uncertain: true };
}

/** `〔责任单位：A、B按职责分工负责。具体任务均涉及X，不再做分工，下同。〕`: X is one of the units of
 *  this task and (`下同`) of every later one, besides those each names (responsible). A later
 *  declaration replaces an earlier one; a task that takes it from far above is uncertain. */
function addShared(s: Structure, it: ItemNode, units: ItemUnits, shared: SharedUnits[]): void {
  let d: SharedUnits | undefined;
  let inOwn = false;
  for (const x of shared) {
    const own = x.from.start >= it.span.start && x.from.start < it.span.end;
    if (own || (x.onward && x.from.start < it.span.start)) { d = x; inOwn = own; }
  }
  if (!d) return;
  const have = new Set(units.units.map((u) => u.name));
  const add = (unitList(s, d.names, new Set()) ?? []).filter((u) => !have.has(u.name));
  if (!add.length) return;
  units.units = [...units.units, ...add];
  if (!inOwn) units.uncertain = true;
}

type Found = Pick<ItemUnits, 'units' | 'source' | 'uncertain' | 'inheritedClause'>;
const sourceOf = (s: Structure, kind: UnitSourceKind, from: Span): ItemUnits['source'] => ({ kind, from: { ...from }, text: s.text.slice(from.start, from.end) });

/** `43.加强房地产市场监管信息公开⇥⇥⇥严格规范…`: a row whose unit cells are all empty right under a
 *  row that names units — the unit cells were merged (rowspan) and exported as empty cells. */
function mergedRow(s: Structure, it: ItemNode, done: Map<ItemNode, ItemUnits>, items: ItemNode[]): Found | undefined {
  const row = rowOf(s, it);
  if (!row?.columns || row.columns.roles.size === 0) return undefined;
  for (const i of row.columns.roles.keys()) { const c = row.cells[i]; if (c && c.end > c.start) return undefined; }
  const prev = items[it.id - 1];
  if (!prev || prev.heading.line !== it.heading.line - 1 || !rowOf(s, prev)) return undefined;
  const above = done.get(prev);
  if (!above?.units.length || (above.source && above.source.kind !== 'merged')) return undefined;
  return { units: above.units.map((u) => ({ ...u })), source: above.source ?? sourceOf(s, 'merged', prev.heading.content), uncertain: true };
}

/** `(1)加强…` `(2)推进…` `(3)…` `(4)…` then `(责任单位:市直各有关单位、各县(市、区)人民政府)` on a line
 *  of its own: a clause closing a group of sibling items, none of which names a unit of its own,
 *  covers the whole group, not only the last item it stands under (uncertain: the last alone is
 *  the other reading). */
function groupClause(s: Structure, it: ItemNode, facts: SiblingFacts | undefined): Found | undefined {
  const siblings = it.parent?.children;
  const last = siblings?.[siblings.length - 1];
  if (!last || last === it || !facts?.closing) return undefined;
  const closing = facts.closing;
  return { units: named(closing).map((u) => ({ ...u })), source: sourceOf(s, 'group', closing[0]!.span), uncertain: true };
}

/** What the children of one parent share, found once per parent: asked per child, a parent of N
 *  children that name no unit cost N² (8,000 tasks under one heading: 12 s; issue 18). */
interface SiblingFacts {
  /** the last child's clauses closing the group of its siblings (groupClause), if they do */
  closing: UnitClause[] | undefined;
  /** each child's place among its siblings */
  index: Map<ItemNode, number>;
  /** for each child, the place of the last sibling before it whose body ends with a lead-in (`…：`), or -1 */
  leadInBefore: Int32Array;
}

function siblingFacts(s: Structure, parent: ItemNode, own: OwnClauses, memo: Map<ItemNode, SiblingFacts>): SiblingFacts {
  let facts = memo.get(parent);
  if (facts) return facts;
  const siblings = parent.children;
  const index = new Map<ItemNode, number>();
  const leadInBefore = new Int32Array(siblings.length);
  let lead = -1;
  for (let i = 0; i < siblings.length; i++) {
    index.set(siblings[i]!, i);
    leadInBefore[i] = lead;
    if (endsWithLeadIn(s, siblings[i]!)) lead = i;
  }
  memo.set(parent, (facts = { closing: groupClosing(s, siblings, own), index, leadInBefore }));
  return facts;
}

/** the last child's clauses when they close its siblings' group: none of the others has children
 *  or units of its own, and each such clause is a paragraph of its own */
function groupClosing(s: Structure, siblings: ItemNode[], own: OwnClauses): UnitClause[] | undefined {
  const last = siblings[siblings.length - 1];
  if (!last || last.children.length) return undefined;
  if (siblings.some((x) => x !== last && (x.children.length || named(own.clauses.get(x) ?? []).length))) return undefined;
  const closing = (own.clauses.get(last) ?? []).filter((c) => c.units.length);
  return closing.length && closing.every((c) => standsAlone(s, last, c)) ? closing : undefined;
}

/** the clause is a body paragraph of its own (nothing but spaces before it on its line) */
function standsAlone(s: Structure, it: ItemNode, c: UnitClause): boolean {
  const p = it.body.find((b) => b.content.start <= c.span.start && c.span.start <= b.content.end);
  return !!p && s.text.slice(p.content.start, c.span.start).trim() === '';
}

/** A 职责分工 section whose items are units covers every task (FORMAT.md §5); it names no unit
 *  for any particular task (§7). */
function responsibilitySection(items: ItemNode[], sections: Map<ItemNode, SectionRole>, verdicts: TaskVerdicts): { from: Span; text: string } | undefined {
  for (const it of items) {
    if (sections.get(it) !== 'unit-centric' || (it.parent && sections.get(it.parent) === 'unit-centric')) continue;
    if (!it.children.some((c) => verdicts.get(c) === 'unit')) continue;
    return { from: { ...it.titleSpan }, text: it.title };
  }
  return undefined;
}

/** the nearest ancestor whose own heading or text (before its first child) names units */
function ancestorClause(ctx: ClauseContext, declarations: Declarations, it: ItemNode, memo: Map<ItemNode, UnitClause | null>): Found | undefined {
  for (let a = it.parent; a; a = a.parent) {
    let c = memo.get(a);
    if (c === undefined) {
      const leadsFirst = leadsFirstAt(declarations, a.heading.span.end);
      c = explicitClauses({ ...ctx, leadsFirst }, a, false).find((x) => x.units.length > 0) ?? null;
      memo.set(a, c);
    }
    if (c) return { units: c.units.map((u) => ({ ...u })), source: sourceOf(ctx.s, 'parent', c.span), inheritedClause: { node: a, clause: c } };
  }
  return undefined;
}

/** `以下均需试点城市政府落实，不再列出` → 试点城市政府 (responsible) */
function declaredUnits(s: Structure, from: Span): UnitRef[] {
  const m = DECLARED_UNITS_RE.exec(s.folded.slice(from.start, from.end));
  if (!m) return [];
  const start = from.start + m.index + m[0].indexOf(m[1]!);
  return unitList(s, { start, end: start + m[1]!.length }, new Set()) ?? [];
}

/** `区经济发展局、环境与国土资源局、…等8个区直单位`: a list of at least two names joined by `、`,
 *  each looking like a unit; undefined when any part is prose. */
function unitList(s: Structure, span: Span, known: Set<string>): UnitRef[] | undefined {
  const out: UnitRef[] = [];
  let at = span.start;
  for (const part of s.folded.slice(span.start, span.end).split('、')) {
    let name = part;
    const etc = /等[^、]*$/.exec(name);
    if (etc && out.length) name = name.slice(0, etc.index);
    else if (ETC_RE.test(name)) name = name.replace(ETC_RE, '');
    if (!name || name.length > 15 || !looksLikeUnit(name, known) || TASK_VERB_RE.test(name)) return undefined;
    out.push({ name: s.text.slice(at, at + name.length), role: 'responsible', span: { start: at, end: at + name.length } });
    at += part.length + 1;
  }
  return out;
}

/** The first `、` list of units in a paragraph, within one sentence part (between `，。；：`). */
function listIn(s: Structure, p: Span, known: Set<string>): UnitRef[] | undefined {
  const f = s.folded;
  let from = p.start;
  for (let i = p.start; i <= p.end; i++) {
    if (i < p.end && !'，,。；;：:'.includes(f[i]!)) continue;
    if (f.slice(from, i).includes('、')) {
      const list = unitList(s, { start: from, end: i }, known);
      if (list && list.length >= 2) return list;
    }
    from = i + 1;
  }
  return undefined;
}

/** A lead-in that names the units of the items below it (FORMAT.md §7):
 *  - the parent's opening paragraph: `区经济发展局、环境与国土资源局…等8个区直单位，分三个阶段推行…`
 *  - a `…如下：` paragraph that refers back to the unit items just before it:
 *    `1.区经济发展局：…` … `承接省级试点工作的相关单位的主要任务如下：` */
function leadIn(s: Structure, it: ItemNode, known: Set<string>, facts: SiblingFacts | undefined): Found | undefined {
  const siblings = it.parent ? it.parent.children : undefined;
  if (!siblings || !facts) return undefined;
  // just after the last sibling before it whose body ends with a lead-in, or 0
  const k = facts.leadInBefore[facts.index.get(it)!]! + 1;
  if (k > 0) {
    const intro = siblings[k - 1]!.body[siblings[k - 1]!.body.length - 1]!;
    if (!LEAD_IN_BACK_RE.test(s.folded.slice(intro.content.start, intro.content.end))) return undefined;
    const units: UnitRef[] = [];
    for (const sib of siblings.slice(0, k)) {
      const name = /^([^：:，,。]{2,15})[：:]/.exec(s.folded.slice(sib.titleSpan.start, sib.heading.content.end));
      if (!name || !looksLikeUnit(name[1]!, known)) return undefined;
      units.push({ name: s.text.slice(sib.titleSpan.start, sib.titleSpan.start + name[1]!.length), role: 'responsible', span: { start: sib.titleSpan.start, end: sib.titleSpan.start + name[1]!.length } });
    }
    return units.length ? { units, source: sourceOf(s, 'lead-in', intro.content), uncertain: true } : undefined;
  }
  const parent = it.parent!;
  for (const p of parent.body) {
    const list = listIn(s, p.content, known);
    if (list) return { units: list, source: sourceOf(s, 'lead-in', p.content), uncertain: true };
  }
  return undefined;
}

function endsWithLeadIn(s: Structure, it: ItemNode): boolean {
  const last = it.body[it.body.length - 1];
  return !!last && /[：:]$/.test(s.folded.slice(last.content.start, last.content.end));
}

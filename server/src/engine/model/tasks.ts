// Phase 5 — tasks: which leaf items are tasks (FORMAT.md §5) and why the others are not. Where
// their units come from is the next phase (assign.ts).
import type { ItemNode, NonTaskReason, UnitClause } from './types.js';
import type { Structure } from './structure.js';
import { innermostGenre, type GenreVerdict } from './genre.js';
import { FORWARDING_VERB_RE, WRAPPER_GENRES } from '../lexicon/genres.js';
import { isFramingNoun, type SectionRole } from './sections.js';
import { ANNEX_POINTER_RE, DATE_LINE_RE } from '../lexicon/sections.js';
import { REMIT_VERB_RE } from '../lexicon/roles.js';
import { TASK_VERB_RE, UNIT_SUFFIX_RE } from '../lexicon/units.js';
import { ItemMap } from './item-map.js';

/** each item's verdict: undefined for a task, else why it is none */
export type TaskVerdicts = Map<ItemNode, NonTaskReason | undefined>;

const ROLE_REASON: Record<Exclude<SectionRole, 'task'>, NonTaskReason> = {
  framing: 'framing', scope: 'scope', procedure: 'procedure', 'unit-centric': 'unit', review: 'review', notes: 'notes', attachment: 'attachment',
};

/** section roles an item's own unit clause overrides (notes and attachment entries stay none) */
const SECTION_OVERRIDABLE = new Set<SectionRole>(['framing', 'scope', 'procedure', 'unit-centric']);

/** A row of a 任务分解表 is work the table assigns through its unit columns, whatever group row it
 *  stands under: `一、主要预期目标` over `1⇥地区生产总值增长7%⇥区发改局⇥区统计局…` (a target given to
 *  a lead unit is a task of the table); a prose item under `六、保障措施` is framing even with a clause. */
function overridable(s: Structure, it: ItemNode, role: SectionRole): boolean {
  if (!SECTION_OVERRIDABLE.has(role)) return false;
  if (role !== 'framing' || s.tableRows.get(it.heading.line)?.columns?.roles.size) return true;
  for (let a = it.parent; a; a = a.parent) if (isFramingNoun(a.title)) return false;
  return true;
}

/** Whether each item is a task, and why not when it is not. */
export function judgeTasks(s: Structure, items: ItemNode[], genre: GenreVerdict, sections: Map<ItemNode, SectionRole>, clauses: Map<ItemNode, UnitClause[]>): TaskVerdicts {
  const cover = coverItems(s, items, genre, clauses);
  // group headings between the rows of a table (`四、军民深度融合方面（共6项）` whose rows were cut)
  const groupedRows = new Set<ItemNode | undefined>();
  let firstRow = Infinity;
  let lastRow = -1;
  for (const line of s.tableRows.keys()) { firstRow = Math.min(firstRow, line); lastRow = Math.max(lastRow, line); }
  for (const it of items) if (it.children.some((c) => s.tableRows.has(c.heading.line) && c.heading.line !== it.heading.line)) groupedRows.add(it.parent);
  const verdicts: TaskVerdicts = new ItemMap(items);
  for (const it of items) {
    const role = sections.get(it) ?? 'task';
    let reason: NonTaskReason | undefined;
    if (it.children.length) reason = 'has-children';
    else if (!genre.assignsWork) reason = 'genre';
    else if (isUnitItem(s, it)) reason = 'unit';
    // an item with its own unit clause is a task whatever its section heading suggests:
    // `八、强化组织领导` over `（十八）健全组织实施机制。…（农业农村部、工业和信息化部牵头负责）`
    // (not under a heading that is the framing noun itself: `六、保障措施`)
    else if (role !== 'task' && !(overridable(s, it, role) && clauses.get(it)?.some((c) => c.units.length))) reason = ROLE_REASON[role];
    else if (/[？?]$/.test(it.title.trim())) reason = 'problem';
    else if (it.heading.line > firstRow && !s.tableRows.has(it.heading.line) && groupedRows.has(it.parent) && it.marker.rank <= 2) reason = 'table-group';
    else if (cover.has(it)) reason = 'cover';
    else if (pointsToAnnex(s, it, clauses, lastRow)) reason = 'annexed';
    verdicts.set(it, reason);
  }
  return verdicts;
}

/** `三、重点任务` whose only text says the measures' units and time limits are in the annexed table
 *  (`…各项措施的责任单位和完成时限见附件。`), and the table follows: a lead-in, the rows are the tasks. */
function pointsToAnnex(s: Structure, it: ItemNode, clauses: Map<ItemNode, UnitClause[]>, lastRow: number): boolean {
  if (lastRow < it.heading.line || clauses.get(it)?.some((c) => c.units.length)) return false;
  return [it.heading, ...it.body].some((p) => ANNEX_POINTER_RE.test(s.folded.slice(p.content.start, p.content.end)));
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

const forwardedTitle = (t: string) => !!innermostGenre(t) && !FORWARDING_VERB_RE.test(t) && ![...WRAPPER_GENRES].some((w) => t.endsWith(w));

const FORWARDING_RE = /(?:印发|转发|印送|颁发)[^。]*(?:通知|函)$/;

/** The line where the forwarded document starts, when items follow: the cover's date line, the
 *  forwarded document's own title standing alone (a line the notice's title contains that names a
 *  genre and is no notice: not the issuer's name under a web copy's title, `某某市人民政府办公室`,
 *  nor the notice's own title broken over lines, `关于印发2025年…主要目标` `任务分解的通知`), or its
 *  first section numbered `一、` again after the notice's own `一、二、三、`. */
function coverEnd(s: Structure, items: ItemNode[], title: { start: number; end: number }): number | undefined {
  const last = items.length ? items[items.length - 1]!.heading.line : -1;
  const titleText = s.folded.slice(title.start, title.end).replace(/[\s\u3000《》]+/g, '');
  for (const p of s.paragraphs) {
    if (p.content.start <= title.end || p.line >= last) continue;
    const t = s.folded.slice(p.content.start, p.content.end);
    if (DATE_LINE_RE.test(t)) return p.line;
    const bare = t.replace(/[\s\u3000《》]+/g, '');
    if (bare.length >= 6 && s.headings.has(p.line) && titleText.includes(bare) && forwardedTitle(bare)) return p.line;
  }
  const top = items.filter((it) => !it.parent);
  const again = top.findIndex((it, i) => i > 0 && it.marker.value === 1 && it.marker.rank === top[0]!.marker.rank);
  return again > 0 ? top[again]!.heading.line : undefined;
}


// What the writer is typing, for completion: a unit name inside a unit clause (after `（` at a
// task's end, after a label `牵头单位：`, after `、` or `，` in a clause, in a table's unit column),
// a role word after a unit name, the next numbering marker at a line start, or the clause
// skeleton at the end of a task that names no unit. Pure: the text, the offset and the plan model.
import type { PlanDocument, PlanItem, Rank } from '../model/types.js';
import { canonicalMarker } from '../model/tree.js';
import { fold } from '../lexicon/fold.js';
import { CLAUSE_BRACKETS, CLAUSE_CLOSERS } from '../lexicon/brackets.js';
import { LABEL_NOUNS, LABEL_ROLE_WORDS, ROLE_COMPLETIONS, ROLE_MODIFIER_WORDS, BUILTIN_ROLES } from '../lexicon/roles.js';
import { UNIT_SUFFIX_RE } from '../lexicon/units.js';
import { namesNoUnit, skeletonPoint } from './skeleton.js';

export type CompletionSite =
  /** replace [from, offset) with a unit name */
  | { kind: 'unit'; from: number }
  /** insert a role word at [from, offset) after the unit `unit` */
  | { kind: 'role'; from: number; unit: string }
  /** replace [from, offset) with one of the markers, the likeliest first */
  | { kind: 'marker'; from: number; markers: string[] }
  /** the clause skeleton goes at `at` (= the offset) */
  | { kind: 'skeleton'; at: number; item: PlanItem };

/** characters that end a unit name in a clause */
const NAME_END = /[（(〔［[【）)〕］\]】、，,；;：:\t 　]/;
const INDENT_RE = /^[ \t\u3000\u00a0]*/;
/** a line start being typed: indentation and the start of a marker (`（`, `1`, `十`) */
const MARKER_START_RE = /^[ \t\u3000\u00a0]*[（(]?[0-9０-９一二三四五六七八九十]*$/;
const alt = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length).join('|');
/** `牵头单位：` `责任部门:` at the end of the text before the name */
const LABEL_END_RE = new RegExp(`(?:${alt(Object.keys(LABEL_ROLE_WORDS).map((w) => w.replace(/[()]/g, '\\$&')))})(?:${alt(LABEL_NOUNS)})\\s*[：:]`, 'g');
const ROLE_TAIL_RE = new RegExp(`(?:${alt(ROLE_MODIFIER_WORDS)})?(?:${alt(Object.values(BUILTIN_ROLES).flat())})$`);

export interface SiteOptions {
  /** is this a unit name (known in this plan, the workspace or the config)? */
  isUnit: (name: string) => boolean;
}

export function completionSite(plan: PlanDocument, offset: number, opts: SiteOptions): CompletionSite | undefined {
  const text = plan.text;
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const before = text.slice(lineStart, offset);
  // a marker is offered on a line that has none yet
  if (MARKER_START_RE.test(before) && !plan.allItems.some((it) => it.heading.span.start === lineStart)) {
    const markers = nextMarkers(plan, lineStart);
    if (markers.length) return { kind: 'marker', from: lineStart + INDENT_RE.exec(before)![0].length, markers };
  }
  let segStart = before.length;
  while (segStart > 0 && !NAME_END.test(before[segStart - 1]!)) segStart--;
  if (inClause(plan, before, segStart, lineStart, opts)) {
    const seg = fold(before.slice(segStart));
    const unit = unitBeforeRole(seg, opts);
    if (unit === DONE) return undefined; // `办公室牵头`: unit and role written, nothing to add
    if (unit !== undefined) return { kind: 'role', from: lineStart + segStart + unit.length, unit };
    return { kind: 'unit', from: lineStart + segStart };
  }
  const item = taskEndingAt(plan, offset);
  return item ? { kind: 'skeleton', at: offset, item } : undefined;
}

const DONE = '\u0000done';

/** `办公室` or `办公室牵`: a unit name followed by the start of a role word (or nothing); DONE
 *  when a whole role word follows */
function unitBeforeRole(seg: string, opts: SiteOptions): string | undefined {
  for (let n = seg.length; n >= 2; n--) {
    const name = seg.slice(0, n);
    const rest = seg.slice(n);
    // a known unit, or a new one named like a unit with a role word begun after it (`区司法局负`)
    const known = opts.isUnit(name);
    if (!known && !(rest && UNIT_SUFFIX_RE.test(name))) continue;
    if ((!rest && known) || ROLE_COMPLETIONS.some((w) => w.startsWith(rest) && w !== rest)) return name;
    if (ROLE_TAIL_RE.test(rest)) return DONE;
  }
  return undefined;
}

/** Is the name being typed part of a unit clause? The text between the clause's start (an open
 *  bracket, a label, a unit column's TAB) and the name must be units, role words and separators
 *  only: `（办公室牵头，` yes, `（包括公开目录、` no. */
function inClause(plan: PlanDocument, before: string, segStart: number, lineStart: number, opts: SiteOptions): boolean {
  if (segStart === 0) return false;
  const folded = fold(before.slice(0, segStart));
  const start = clauseStart(folded);
  if (start !== undefined) {
    if (start.kind === 'bracket' && !folded.slice(0, start.at - 1).trim()) return false; // `（一）` at a line start
    return clausePieces(folded.slice(start.at), opts);
  }
  if (folded.endsWith('\t')) return unitColumns(plan).has(countTabs(folded));
  return false;
}

/** where the clause being typed starts: after its open bracket (still open) or its last label */
function clauseStart(s: string): { kind: 'bracket' | 'label'; at: number } | undefined {
  let open = -1;
  for (let i = s.length - 1; i >= 0; i--) {
    if (CLAUSE_CLOSERS.includes(s[i]!)) break;
    if (CLAUSE_BRACKETS.includes(s[i]!)) { open = i; break; }
  }
  let label = -1;
  LABEL_END_RE.lastIndex = 0;
  for (let m = LABEL_END_RE.exec(s); m; m = LABEL_END_RE.exec(s)) {
    if (!/[。；;]/.test(s.slice(m.index + m[0].length))) label = m.index + m[0].length;
  }
  if (label > open) return { kind: 'label', at: label };
  return open >= 0 ? { kind: 'bracket', at: open + 1 } : undefined;
}

/** every finished piece of the clause is a unit (known, or named like one) with its role words */
function clausePieces(s: string, opts: SiteOptions): boolean {
  const pieces = s.split(/[、，,；;：:\s　]+/).filter(Boolean);
  return pieces.every((p) => {
    const name = p.replace(ROLE_TAIL_RE, '').replace(LABEL_END_RE, '');
    return !name || opts.isUnit(name) || UNIT_SUFFIX_RE.test(name) || LABEL_NOUNS.some((n) => p.endsWith(n));
  });
}

const countTabs = (s: string): number => s.split('\t').length - 1;

/** the TAB-separated columns in which this plan's table rows name units */
function unitColumns(plan: PlanDocument): Set<number> {
  const cols = new Set<number>();
  for (const item of plan.tasks) {
    for (const c of item.unitClauses) {
      if (c.form === 'cell') cols.add(countTabs(plan.text.slice(item.heading.span.start, c.span.start)));
    }
  }
  return cols;
}

/** the task whose text ends at the offset (trailing spaces aside) and that names no unit */
function taskEndingAt(plan: PlanDocument, offset: number): PlanItem | undefined {
  for (const item of plan.tasks) {
    if (item.span.start > offset) break;
    if (offset > item.span.end || !namesNoUnit(item)) continue;
    const at = skeletonPoint(plan, item);
    if (at === undefined) continue;
    if (offset === at || (offset > at && !plan.text.slice(at, offset).trim() && !/[\r\n]/.test(plan.text.slice(at, offset)))) return item;
  }
  return undefined;
}

/** The markers that may come next on a line starting at `lineStart`: the next sibling of the item
 *  before it, its first child, the next sibling of each ancestor — in the rank's scheme (`12.`
 *  after `11.` in a list numbered through the document, `（四）` after `（三）`). */
export function nextMarkers(plan: PlanDocument, lineStart: number): string[] {
  let prev: PlanItem | undefined;
  for (const it of plan.allItems) {
    if (it.heading.span.start >= lineStart) break;
    prev = it;
  }
  if (!prev) return [];
  const out: string[] = [];
  const add = (rank: Rank, value: number) => {
    const m = canonicalMarker(rank, value);
    if (!out.includes(m)) out.push(m);
  };
  const next = (rank: Rank, sibling?: PlanItem) => (plan.schemes[rank] === 'through' ? lastValue(plan, rank, lineStart) : sibling?.marker.value ?? 0) + 1;
  add(prev.marker.rank, next(prev.marker.rank, prev));
  const child = childRank(plan, prev.marker.rank);
  if (child) add(child, next(child));
  for (let a = prev.parent; a; a = a.parent) add(a.marker.rank, next(a.marker.rank, a));
  return out;
}

/** the rank the children of items of this rank take in this plan (ranks may skip: `一、` → `1.`) */
function childRank(plan: PlanDocument, rank: Rank): Rank | undefined {
  for (const it of plan.allItems) if (it.marker.rank === rank && it.children.length) return it.children[0]!.marker.rank;
  return rank < 5 ? ((rank + 1) as Rank) : undefined;
}

function lastValue(plan: PlanDocument, rank: Rank, before: number): number {
  let v = 0;
  for (const it of plan.allItems) {
    if (it.heading.span.start >= before) break;
    if (it.marker.rank === rank) v = it.marker.value;
  }
  return v;
}

// What an editor colours by meaning (semantic tokens): unit names, role words, deadlines and
// numbering markers — the TextMate grammar cannot know which words are units.
import type { PlanDocument, Rank, Span } from '../model/types.js';
import type { RoleKeywords } from '../types.js';
import { BUILTIN_ROLES, LABEL_NOUNS, ROLE_MODIFIER_WORDS } from '../lexicon/roles.js';
import { fold } from '../lexicon/fold.js';
import type { UnitMention } from './mentions.js';

export type MarkKind = 'unit' | 'role' | 'deadline' | 'marker';

export interface Mark {
  kind: MarkKind;
  span: Span;
  /** markers: the rank (`一、` 1 … `①` 5) */
  rank?: Rank;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const roleWordCache = new Map<string, RegExp>();

/** role words with what may precede them (`分别牵头`, `按职责分工负责`) and the label noun that may
 *  follow (`牵头单位`), longest first, config words included */
function roleWordRe(extra: Partial<RoleKeywords>): RegExp {
  const key = JSON.stringify(extra);
  let re = roleWordCache.get(key);
  if (!re) {
    const words = new Set<string>();
    for (const role of ['lead', 'responsible', 'cooperating', 'guiding'] as const) {
      for (const w of [...BUILTIN_ROLES[role], ...(extra[role] ?? [])]) words.add(fold(w));
    }
    words.add('责任');
    const alt = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length).map(escape).join('|');
    re = new RegExp(`(?:${alt(ROLE_MODIFIER_WORDS)})?(?:${alt(words)})(?:${alt(LABEL_NOUNS)})?|会同`, 'g');
    if (roleWordCache.size > 32) roleWordCache.clear();
    roleWordCache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

/** role words inside the unit clauses, outside the unit names */
export function roleWordSpans(plan: PlanDocument, mentions: UnitMention[], extra: Partial<RoleKeywords> = {}): Span[] {
  const out: Span[] = [];
  const units = mentions.map((m) => m.ref.span);
  let u = 0;
  const clauses = [...plan.allItems.flatMap((i) => i.unitClauses), ...plan.headingClauses.map((h) => h.clause)].sort((a, b) => a.span.start - b.span.start)
    .filter((c, i, all) => i === 0 || all[i - 1]!.span.start !== c.span.start); // a clause shared by several items once
  for (const c of clauses) {
    const inner = fold(plan.text.slice(c.inner.start, c.inner.end));
    const re = roleWordRe(extra);
    for (let m = re.exec(inner); m; m = re.exec(inner)) {
      const span = { start: c.inner.start + m.index, end: c.inner.start + m.index + m[0].length };
      while (u < units.length && units[u]!.end <= span.start) u++;
      // a unit named after its role (`牵头处室`) is the unit, not a role word
      if (u < units.length && units[u]!.start < span.end) continue;
      out.push(span);
    }
  }
  return out;
}

/** every mark in document order, none overlapping */
export function planMarks(plan: PlanDocument, mentions: UnitMention[], extra: Partial<RoleKeywords> = {}): Mark[] {
  const marks: Mark[] = [];
  for (const item of plan.allItems) marks.push({ kind: 'marker', span: item.marker.span, rank: item.marker.rank });
  for (const m of mentions) marks.push({ kind: 'unit', span: m.ref.span });
  for (const span of roleWordSpans(plan, mentions, extra)) marks.push({ kind: 'role', span });
  const seen = new Set<number>();
  for (const item of plan.allItems) {
    for (const d of item.deadlines) {
      if (seen.has(d.span.start)) continue;
      seen.add(d.span.start);
      marks.push({ kind: 'deadline', span: d.span });
    }
  }
  marks.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: Mark[] = [];
  let end = -1;
  for (const m of marks) {
    if (m.span.start < end || m.span.end <= m.span.start) continue;
    out.push(m);
    end = m.span.end;
  }
  return out;
}

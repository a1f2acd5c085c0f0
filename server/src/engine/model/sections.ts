// Phase 4 — sections and their roles (FORMAT.md §2, §5): which parts of a document hold tasks.
// A heading's role is read from its own words; an item takes the role of its nearest ancestor
// that has one. Headings with a comma are task headings (`强化组织保障，确保…`), never framing.
import type { ItemNode } from './types.js';
import { firstAtOrAfter } from './search.js';
import type { Structure } from './structure.js';
import { paragraphFacts } from './facts.js';
import {
  ATTACHMENT_LIST_RE, FRAMING_NOUNS, FRAMING_TAIL_RE, FRAMING_VERB_RE, NOTES_RE, PROCEDURE_RE, SCHEDULE_STAGE_RE, SCOPE_RE, SCORING_SHEET_RE, UNIT_CENTRIC_RE, DESCRIPTIVE_TEXT_RE, REVIEW_RE,
} from '../lexicon/sections.js';
import { fold } from '../lexicon/fold.js';
import { TASK_VERB_RE } from '../lexicon/units.js';
import { ItemMap } from './item-map.js';

export type SectionRole = 'task' | 'framing' | 'scope' | 'procedure' | 'unit-centric' | 'review' | 'notes' | 'attachment';

const FRAMING = new Set(FRAMING_NOUNS);

/** the heading as a bare noun phrase: trailing punctuation and `工作` dropped */
function headingWords(title: string): string {
  return title.replace(/[\s\u3000]+/g, '').replace(/[。.．：:；;！!]+$/, '');
}

/** `总体要求`, `指导思想和基本原则`, `切实做好组织实施`, `做好改革组织实施工作` */
function isFraming(words: string, extra: Set<string>): boolean {
  if (FRAMING.has(words) || extra.has(words)) return true;
  const bare = words.replace(FRAMING_VERB_RE, '').replace(/工作$/, '');
  if (FRAMING.has(bare)) return true;
  const parts = bare.split(/和|与|及|、|的/).filter(Boolean);
  return parts.length > 1 && FRAMING.has(parts[0]!) && parts.every((p) => FRAMING.has(p) || FRAMING_NOUNS.some((n) => n.includes(p) && p.length >= 2));
}

/** A heading that *is* a framing noun (`保障措施`, `组织实施工作`), not a verb + framing noun
 *  (`强化组织领导`, a judgment call FORMAT.md §2 leaves to the items' own clauses). */
export function isFramingNoun(title: string, extra: Set<string> = new Set()): boolean {
  const words = fold(headingWords(title));
  return FRAMING.has(words) || extra.has(words) || FRAMING.has(words.replace(/工作$/, ''));
}

/** the role a heading gives its section, read from its words alone */
export function headingRole(title: string, extraFraming: Set<string> = new Set()): SectionRole {
  // most titles are sentences: a comma, or more than 20 characters, is a task before any folding
  // (folding keeps the length and folds no character to or from these; every item's title is asked
  // on every keystroke)
  if (/[，,]/.test(title)) return 'task';
  const bare = headingWords(title);
  if (!bare || /[，,；;]/.test(bare) || bare.length > 20) return 'task';
  const words = fold(bare);
  if (UNIT_CENTRIC_RE.test(words)) return 'unit-centric';
  if (REVIEW_RE.test(words)) return 'review';
  if (isFraming(words, extraFraming)) return 'framing';
  // `进一步扩大预决算公开范围` is a task that happens to name a scope
  if (TASK_VERB_RE.test(words)) return 'task';
  if (FRAMING_TAIL_RE.test(words)) return 'framing';
  if (PROCEDURE_RE.test(words)) return 'procedure';
  if (SCOPE_RE.test(words)) return 'scope';
  return 'task';
}

/** Each item's section role: its own heading's, else its nearest ancestor's; items that follow a
 *  `注：` or `附件：` line are notes and attachment entries. */
export function assignSections(s: Structure, items: ItemNode[], extraFraming: Set<string>): Map<ItemNode, SectionRole> {
  const roles = new ItemMap<ItemNode, SectionRole>(items);
  const lead = leadLines(s);
  const scoring = scoringParts(s);
  const lastChild = new Map<ItemNode | undefined, ItemNode>();
  for (const it of items) {
    const prev = lastChild.get(it.parent);
    lastChild.set(it.parent, it);
    const inherited = it.parent ? roles.get(it.parent)! : scoring.has(partOf(s, it.heading.line)) ? 'scope' : 'task';
    let role = inherited !== 'task' ? inherited : it.children.length || it.parent === undefined || it.marker.rank <= 2 ? headingRole(it.title, extraFraming) : 'task';
    const before = lead.get(it.heading.line);
    if (before) role = before;
    else {
      const prevRole = prev && roles.get(prev);
      if (prev && (prevRole === 'notes' || prevRole === 'attachment') && role === 'task' && prev.marker.rank === it.marker.rank) role = prevRole;
    }
    roles.set(it, role);
  }
  describedLists(s, items, roles);
  return roles;
}

/** Descriptive lists and schedules under a task-like heading (FORMAT.md §5): the siblings whose
 *  every member is a noun title with a description (`（一）生态宜居。反映城市的大气…`) are the
 *  dimensions of an evaluation, not tasks; a leaf whose body is dated stages (`2020年，…`
 *  `2030年，…`) and whose title does nothing is a schedule. */
function describedLists(s: Structure, items: ItemNode[], roles: Map<ItemNode, SectionRole>): void {
  const siblings = new Map<ItemNode | undefined, ItemNode[]>();
  for (const it of items) (siblings.get(it.parent) ?? siblings.set(it.parent, []).get(it.parent)!).push(it);
  for (const list of siblings.values()) {
    if (list.length < 2 || !list.every((it) => roles.get(it) === 'task' && !it.children.length && describes(s, it))) continue;
    for (const it of list) roles.set(it, 'scope');
  }
  for (const it of items) {
    if (roles.get(it) !== 'task' || it.children.length || it.body.length < 2 || TASK_VERB_RE.test(fold(it.title))) continue;
    if (it.titleSpan.end < it.heading.content.end - 1) continue; // the heading says more than its title
    if (it.body.every((p) => SCHEDULE_STAGE_RE.test(s.folded.slice(p.content.start, p.content.end)))) roles.set(it, 'framing');
  }
}

/** `生态宜居。反映…`: a short noun title, then a text that says what it measures */
function describes(s: Structure, it: ItemNode): boolean {
  const title = s.folded.slice(it.titleSpan.start, it.titleSpan.end);
  if (!title || title.length > 12 || /[，,；;：:]/.test(title) || TASK_VERB_RE.test(title)) return false;
  let at = it.titleSpan.end + 1;
  const first = it.body[0];
  if (at >= it.heading.content.end && first) at = first.content.start;
  return DESCRIPTIVE_TEXT_RE.test(s.folded.slice(at, at + 8));
}

const partOf = (s: Structure, line: number): number => {
  let part = 0;
  while (part < s.partBreaks.length && s.partBreaks[part]! <= line) part++;
  return part;
};

/** Attachments that score the work (`附件` then `某某县政务公开工作考核评分表`): their items are
 *  the criteria of an evaluation (FORMAT.md §5), not tasks. */
function scoringParts(s: Structure): Set<number> {
  const out = new Set<number>();
  // each break is a paragraph's line, in order: found by binary search, not by a walk through every
  // paragraph at each keystroke
  s.partBreaks.forEach((line, k) => {
    const i = firstAtOrAfter(s.paragraphs, line);
    for (const q of s.paragraphs.slice(i, i + 2)) if (SCORING_SHEET_RE.test(s.folded.slice(q.content.start, q.content.end))) out.add(k + 1);
  });
  return out;
}

/** `注：` and `附件：` lines and the lines just after them: a list of notes or attachments */
function leadLines(s: Structure): Map<number, SectionRole> {
  const out = new Map<number, SectionRole>();
  const kinds = paragraphFacts(s, 'lead-lines', undefined, (p) => {
    const t = s.folded.slice(p.content.start, p.content.end);
    return NOTES_RE.test(t) ? 1 : ATTACHMENT_LIST_RE.test(t) ? 2 : 0;
  });
  for (let i = 0; i < s.paragraphs.length; i++) {
    if (!kinds[i]) continue;
    const p = s.paragraphs[i]!;
    // `附件：某某任务清单` heading the attachment itself (a part break) lists nothing
    const role = kinds[i] === 1 ? 'notes' : !s.partBreaks.includes(p.line) ? 'attachment' : undefined;
    if (!role) continue;
    out.set(p.line, role); // `注：1.…` is the first note itself
    const next = s.paragraphs[i + 1];
    if (next) out.set(next.line, role);
  }
  return out;
}

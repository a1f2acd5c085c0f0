// Unit clauses (任务分工): who leads (牵头), is responsible (负责/责任单位), cooperates (配合/参与/协办)
// and guides (指导). Simplified and traditional script alike. The clause's text is split into
// groups (by ，；) and each group into units (by 、), never inside brackets: `各乡镇(街道)`.
import type { RoleKeywords } from '../types.js';
import type { Span, UnitClause, UnitRef, UnitRole } from './types.js';
import { codeSet as codes, isLineBreakCode as isBreak, isWhitespaceCode, type CodeSet } from '../text/chars.js';
import { findDeadlines } from './deadlines.js';
import { BUILTIN_ROLES, LABEL_ROLE_WORDS, LABEL_NOUNS, PERSON_LABEL_RE, REMIT_ROLE_WORD, ROLE_THEN_VERB_RE, ROLE_VERB_AFTER_RE, MODIFIER_RE, SEPARATELY_RE, REMIT_RE, CONJUNCT_RE, DEADLINE_LABEL_RE, NOTE_LABEL_RE } from '../lexicon/roles.js';
import { ASIDE_BEFORE_BY_RE, CONJUNCTION_RE, ETC_RE, GENERIC_UNIT_RE, MAX_UNIT_LEN, RUN_TOGETHER_RE, TASK_VERB_RE, UNIT_SUFFIX_RE } from '../lexicon/units.js';
import { CLAUSE_BRACKETS, CLAUSE_CLOSERS } from '../lexicon/brackets.js';
import { fold } from '../lexicon/fold.js';
import type { LineCache } from '../parser/parser.js';
import { orNone, shared, trimmed } from './none.js';

export { BUILTIN_ROLES } from '../lexicon/roles.js';

export interface RoleMatcher {
  /** role words, longest first, with their roles */
  words: { word: string; role: UnitRole }[];
  /** any role word: text without one holds no clause, so nothing there needs parsing */
  any: RegExp;
  /** a label at the start of a group: `牵头单位：` `负责部门：` `协同单位：` (config words too) */
  label: RegExp;
  /** the role of a label's role part */
  labelRole: (word: string) => UnitRole;
  /** a label ahead, after spaces only: `牵头单位：A　责任单位：B` */
  labelAhead: RegExp;
  /** what every group with a role holds — a role word, a label's role part, or 职责分工 of
   *  `按职责分工落实` (ROLE_THEN_VERB_RE): a bracket without one (`（试行）`, `（2023—2025年）`) is no
   *  clause, found with one scan instead of a parse (three in four brackets of the bench's plans) */
  mayHoldRole: RegExp;
}

const matchers = new Map<string, RoleMatcher>();
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Role words of the lexicon plus the config's `roles`, compiled once per config. The words
 *  reach every place that reads a role: trailing role words, labels, the prefilter. */
export function makeRoleMatcher(extra: Partial<RoleKeywords> = {}): RoleMatcher {
  const key = JSON.stringify(extra);
  const cached = matchers.get(key);
  if (cached) return cached;
  const words: { word: string; role: UnitRole }[] = [];
  const labelRoles = new Map<string, UnitRole>(Object.entries(LABEL_ROLE_WORDS));
  for (const role of ['lead', 'responsible', 'cooperating', 'guiding'] as const) {
    for (const w of [...BUILTIN_ROLES[role], ...(extra[role] ?? [])]) {
      const word = fold(w);
      words.push({ word, role });
      if (!labelRoles.has(word)) labelRoles.set(word, role);
    }
  }
  words.sort((a, b) => b.word.length - a.word.length);
  const roleAlt = [...labelRoles.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  const nounAlt = LABEL_NOUNS.join('|');
  // a label's role part may be two role words, the first giving the role: `牵头责任单位：A。` (lead),
  // `协同责任单位：B、C等。` (cooperating)
  const m: RoleMatcher = {
    words,
    any: new RegExp(words.map((w) => escape(w.word)).join('|')),
    label: new RegExp(`^(${roleAlt})(?:${roleAlt})?(${nounAlt})\\s*[：:]`),
    labelRole: (word) => labelRoles.get(word) ?? 'responsible',
    labelAhead: new RegExp(`[ \\t\\u3000\\u00a0]+(?=(?:${roleAlt}){1,2}(?:${nounAlt})\\s*[：:])`, 'g'),
    mayHoldRole: new RegExp(`${roleAlt}|${REMIT_ROLE_WORD}`),
  };
  if (matchers.size > 32) matchers.clear(); // configs are few; never let it grow without bound
  matchers.set(key, m);
  return m;
}

/** The role matcher of one document: the lexicon's and the config's words, plus the verb the
 *  document itself writes after 牵头/分别/按职责分工 where it is no role word yet (`（A牵头卖力）` → 卖力
 *  responsible, so `（B卖力）` is a clause too). A task verb (`牵头推进`) is never taken. One scan; the
 *  few most used only, so no text can grow the role words without bound. */
export function documentRoleMatcher(folded: string, extra: Partial<RoleKeywords> = {}, cache?: LineCache): RoleMatcher {
  const base = makeRoleMatcher(extra);
  const counts = roleVerbCounts(folded, cache);
  const learned = [...counts]
    // `（牵头单位）` `（分别部门）`: a label's noun or a unit's kind is no verb
    .filter(([w]) => !base.words.some((r) => r.word.includes(w) || w.includes(r.word)) && !TASK_VERB_RE.test(w) && !UNIT_SUFFIX_RE.test(w) && !LABEL_NOUNS.includes(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_LEARNED_ROLE_WORDS).map(([w]) => w);
  return learned.length ? makeRoleMatcher({ ...extra, responsible: [...(extra.responsible ?? []), ...learned] }) : base;
}
const MAX_LEARNED_ROLE_WORDS = 3;

/** The previous version's counts, beside the LineCache that holds that version. */
const verbCountMemos = new WeakMap<LineCache, { of: string; folded: string; counts: Map<string, number> }>();

/** How often each word follows 牵头/分别/按职责分工 in a bracket. A match never crosses a line break,
 *  so after an edit only the lines it touched are counted again: their old matches out, their new
 *  ones in (a scan of the whole text was a twentieth of a keystroke on 10,000 lines). */
function roleVerbCounts(folded: string, cache?: LineCache): Map<string, number> {
  const memo = cache && verbCountMemos.get(cache);
  const same = cache?.same;
  let counts: Map<string, number>;
  if (memo && same && memo.of === same.before) {
    counts = new Map(memo.counts);
    const from = lineStartAt(folded, same.head);
    countRoleVerbs(memo.folded, from, lineEndAt(memo.folded, memo.folded.length - same.tail), counts, -1);
    countRoleVerbs(folded, from, lineEndAt(folded, folded.length - same.tail), counts, 1);
  } else {
    counts = new Map();
    countRoleVerbs(folded, 0, folded.length, counts, 1);
  }
  if (cache?.text !== undefined) verbCountMemos.set(cache, { of: cache.text, folded, counts });
  return counts;
}

function countRoleVerbs(folded: string, from: number, to: number, counts: Map<string, number>, by: 1 | -1): void {
  const re = new RegExp(ROLE_VERB_AFTER_RE.source, 'g');
  // whole lines only (`to` is a line break or the end): the lookahead sees the same either way
  const lines = from === 0 && to === folded.length ? folded : folded.slice(from, to);
  for (let m = re.exec(lines); m; m = re.exec(lines)) {
    const n = (counts.get(m[1]!) ?? 0) + by;
    if (n) counts.set(m[1]!, n);
    else counts.delete(m[1]!);
  }
}

/** the start of the line holding `at` */
function lineStartAt(s: string, at: number): number {
  let i = Math.min(at, s.length);
  while (i > 0 && !isBreak(s.charCodeAt(i - 1))) i--;
  return i;
}
/** the end of the line holding `at` (its line break, or the end of the text) */
function lineEndAt(s: string, at: number): number {
  let i = Math.max(at, 0);
  while (i < s.length && !isBreak(s.charCodeAt(i))) i++;
  return i;
}

/** `各地` `各区` `各县市区`: places named as a whole, units without a unit's suffix */
const PLACES_RE = /^各(?:地|[省市县区州乡镇][市县区乡镇]{0,2})$/;

const OPEN = codes(CLAUSE_BRACKETS);
const CLOSE = codes(CLAUSE_CLOSERS);
const SEPARATORS = new Map<string, CodeSet>();

/** Splits s[start,end) at any of `seps` outside brackets; returns trimmed spans (may be empty). */
export function splitTopLevel(s: string, start: number, end: number, seps: string): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let from = start;
  // by code unit: every clause's text is walked here, and `s[i]` made a string of each character
  let sep = SEPARATORS.get(seps);
  if (!sep) SEPARATORS.set(seps, (sep = codes(seps)));
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && sep.has(c)) {
      out.push(trim(s, from, i));
      from = i + 1;
    }
  }
  out.push(trim(s, from, end));
  return out;
}

function trim(s: string, start: number, end: number): Span {
  while (start < end && isWhitespaceCode(s.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(s.charCodeAt(end - 1))) end--;
  return { start, end };
}


interface GroupParse {
  role?: UnitRole;
  label: boolean;
  units: UnitRef[];
  separately: boolean;
  byRemit: boolean;
  emptySlot?: Span;
}

/** Parses one group: `审批处、人事处分别牵头` | `牵头单位：县委编办` | `各有关处室、民服中心` (no role) |
 *  `办公室会同有关部门负责`. Returns undefined when the group is not unit-like (a sentence). */
function parseGroup(s: string, g: Span, roles: RoleMatcher): GroupParse | undefined {
  if (g.end <= g.start) return { label: false, units: [], separately: false, byRemit: false };
  let text = s.slice(g.start, g.end);
  const label = roles.label.exec(text);
  if (label) {
    const role = roles.labelRole(label[1]!);
    const from = g.start + label[0].length;
    const body = trim(s, from, g.end);
    // `（责任处室：办公室牵头，…配合）`: the label only announces a clause that names its own roles
    const own = body.end > body.start ? parseGroup(s, body, roles) : undefined;
    if (own?.role && !own.label) return own;
    if (body.end <= body.start) return { role, label: true, units: [], separately: false, byRemit: false, emptySlot: { start: g.start, end: g.end } };
    const units = splitUnits(s, body, role);
    // `主（协）办单位：A、B`: the first named hosts (leads), the others co-host (cooperate)
    if (units && /^主[（(]协[）)]/.test(label[1]!)) {
      units.forEach((u, i) => { u.role = i === 0 ? 'lead' : 'cooperating'; });
      return { role: 'lead', label: true, units, separately: false, byRemit: false };
    }
    return units && { role, label: true, units, separately: false, byRemit: false };
  }
  // trailing role word
  let end = g.end;
  while (end > g.start && '。．.；;'.includes(s[end - 1]!)) end--;
  text = s.slice(g.start, end);
  let role: UnitRole | undefined;
  for (const w of roles.words) {
    if (text.endsWith(w.word)) {
      role = w.role;
      end -= w.word.length;
      break;
    }
  }
  // `（省财政厅牵头落实）` `（A、B按职责分工抓好落实）` `（A牵头组织实施，B配合）`: 牵头 or 按职责分工 then
  // a verb of the work is a clause whatever the verb, where the names are units (checked below)
  const verbAfter = role ? null : ROLE_THEN_VERB_RE.exec(text);
  if (verbAfter) { role = 'responsible'; end -= verbAfter[1]!.length; }
  // `农业农村部、工业和信息化部牵头负责`: two role words, the first one counts (牵头 → lead)
  if (role) {
    const before = s.slice(g.start, end);
    const again = roles.words.find((w) => before.endsWith(w.word));
    if (again) { role = again.role; end -= again.word.length; }
  }
  let separately = false;
  let byRemit = false;
  if (role) {
    const mod = MODIFIER_RE.exec(s.slice(g.start, end));
    if (mod) {
      separately = SEPARATELY_RE.test(mod[1]!);
      byRemit = REMIT_RE.test(mod[1]!);
      end -= mod[1]!.length;
    }
  }
  const body = trim(s, g.start, end);
  if (body.end <= body.start) return role ? { role, label: false, units: [], separately, byRemit, emptySlot: g } : undefined;
  // `A会同B负责`: A leads, B cooperates
  const conj = CONJUNCT_RE.exec(s.slice(body.start, body.end));
  if (conj && role) {
    const at = body.start + conj.index;
    const leads = splitUnits(s, trim(s, body.start, at), 'lead');
    const coop = splitUnits(s, trim(s, at + conj[0].length, body.end), 'cooperating');
    if (!leads || !coop) return undefined;
    return { role: 'lead', label: false, units: [...leads, ...coop], separately, byRemit };
  }
  const units = splitUnits(s, body, role ?? 'responsible');
  if (!units) return undefined;
  if (verbAfter && !units.every((u) => hasUnitSuffix(u.name) || PLACES_RE.test(u.name))) return undefined;
  // set only where true, never deleted: `delete` turns every unit object into a slow dictionary (issue 18)
  if (separately) for (const u of units) u.separately = true;
  return { role, label: false, units, separately, byRemit };
}

function splitUnits(s: string, body: Span, role: UnitRole, bySpace = false): UnitRef[] | undefined {
  const top = splitTopLevel(s, body.start, body.end, '、/／');
  // most lists join no names with 和/及: no part is then split again
  const parts = CONJUNCTION_RE.test(s.slice(body.start, body.end)) ? top.flatMap((p) => splitAtConjunction(s, p)) : top;
  const units: UnitRef[] = [];
  for (const p of bySpace ? parts.flatMap((q) => splitAtSpaces(s, q)) : parts) {
    let start = p.start;
    // `由办公室牵头`, `规范性文件公开由制发司（局）牵头`: the unit follows 由
    // searched within the part only: a lastIndexOf over the whole text made long plans quadratic
    const local = s.slice(start, p.end).lastIndexOf('由');
    const by = local < 0 ? -1 : start + local;
    if (by >= start && by - start <= 20 && p.end - by > 2) {
      // `（技工院校内由人力资源社会保障行政部门负责）`: who does it in another context, an aside
      if (ASIDE_BEFORE_BY_RE.test(s.slice(start, by))) return undefined;
      start = by + 1;
    }
    // `财政部等`, `财政部等有关部门`: 等 closes the list, it is no part of the name
    let end = p.end;
    const etc = ETC_RE.exec(s.slice(start, end));
    if (etc && etc.index >= 2) end = start + etc.index;
    const name = s.slice(start, end).replace(/[ \t\u3000\u00a0]+/g, '');
    if (!name) continue;
    if (name.length > MAX_UNIT_LEN || /[。！？!?]/.test(name)) return undefined;
    units.push({ name: shared(name), role, span: { start, end } });
  }
  return units;
}

/** made once: a RegExp per unit part was a fifth of splitting units. Shared by the recursion below,
 *  which only ever returns after it. */
const CONJUNCTION_ALL = new RegExp(CONJUNCTION_RE.source, 'g');

/** `全国总工会等和各省级人民政府`, `农业农村部和财政部`: `和` `及` between two whole names splits
 *  them; inside a name it does not (`工业和信息化部`, `中央和国家机关工委`: `工业` names no unit). */
function splitAtConjunction(s: string, p: Span): Span[] {
  const t = s.slice(p.start, p.end);
  const re = CONJUNCTION_ALL;
  re.lastIndex = 0;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m.index < 2) continue;
    const left = t.slice(0, m.index);
    const right = t.slice(m.index + m[0].length);
    // `等和` closes one list and opens the next: `全国妇联等和各省级人民政府`
    if (!(left.endsWith('等') || UNIT_SUFFIX_RE.test(left)) || right.length < 3 || !UNIT_SUFFIX_RE.test(right) || GENERIC_UNIT_RE.test(right)) continue;
    return [{ start: p.start, end: p.start + m.index }, ...splitAtConjunction(s, { start: p.start + m.index + m[0].length, end: p.end })];
  }
  return [p];
}

/** `省财政厅 省国税局` in a table cell: a space between two whole names splits them; `省食品药品
 *  监管局` is one name broken by a space (`省食品药品` names no unit). */
function splitAtSpaces(s: string, p: Span): Span[] {
  const out: Span[] = [];
  let from = p.start;
  const re = /[ \u3000\u00a0]+/g;
  const t = s.slice(p.start, p.end);
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const left = s.slice(from, p.start + m.index);
    const right = t.slice(m.index + m[0].length).split(/[ \u3000\u00a0]/)[0]!;
    if (left.length >= 3 && UNIT_SUFFIX_RE.test(left) && right.length >= 3) {
      out.push({ start: from, end: p.start + m.index });
      from = p.start + m.index + m[0].length;
    }
  }
  out.push({ start: from, end: p.end });
  return out;
}

export interface ClauseParse {
  units: UnitRef[];
  byRemit: boolean;
  issues: UnitClause['issues'];
}

/** Parses the inside of a clause. Undefined when the text is not a unit clause. */
export function parseClauseText(s: string, inner: Span, roles: RoleMatcher, firstListedLeads = false): ClauseParse | undefined {
  const len = inner.end - inner.start;
  if (len <= 1 || len > 300 || !roles.mayHoldRole.test(s.slice(inner.start, inner.end))) return undefined;
  const groups = splitTopLevel(s, inner.start, inner.end, '，,；;').flatMap((g) => splitAtLabels(s, g, roles));
  const parsed: GroupParse[] = [];
  let inNote = false;
  for (const g of groups) {
    // `；适用范围：所有自贸试验区，以下除标注…外，适用范围均为…`: a note field runs to the next `；`
    if (inNote && !/[；;]/.test(s[prevNonSpace(s, g.start)] ?? '') && !roles.label.test(s.slice(g.start, g.end))) continue;
    inNote = NOTE_LABEL_RE.test(s.slice(g.start, g.end)) || PERSON_LABEL_RE.test(s.slice(g.start, g.end));
    // `（…负责，2024年底前完成）`, `；完成时限：6月底前`, `；持续推进`: a deadline in the clause names no unit
    if (inNote || isDeadlineGroup(s, g)) continue;
    const p = parseGroup(s, g, roles);
    if (!p) return undefined;
    parsed.push(p);
  }
  if (!parsed.some((p) => p.role)) return undefined;
  // role-less groups take the role of the label before them, else of the next group with a role,
  // else of the group before — but 牵头 belongs to the units it follows: `A、B分别牵头，各县(市、区)政府`
  // → 各县(市、区)政府 is responsible, no lead
  for (let i = 0; i < parsed.length; i++) {
    const p = parsed[i]!;
    if (p.role) continue;
    const prev = parsed[i - 1];
    const next = parsed.slice(i + 1).find((q) => q.role && !q.label);
    const after = prev?.role === 'lead' ? 'responsible' : prev?.role;
    const role = prev?.label ? prev.role : (next?.role ?? after ?? 'responsible');
    p.role = role;
    for (const u of p.units) u.role = role!;
    if (role === next?.role && next?.separately) for (const u of p.units) u.separately = true;
  }
  const units = parsed.flatMap((p) => p.units);
  const issues: UnitClause['issues'] = [];
  for (const p of parsed) if (p.emptySlot) issues.push({ kind: 'empty-slot', span: p.emptySlot, text: s.slice(p.emptySlot.start, p.emptySlot.end) });
  for (const u of [...units]) {
    const at = runTogether(u.name);
    if (at === undefined) continue;
    issues.push({ kind: 'run-together', span: u.span, text: u.name });
    // the table still needs both units: split where the second one starts (assumed, and said so)
    const second: UnitRef = { ...u, name: u.name.slice(at), span: { start: u.span.start + at, end: u.span.end } };
    u.name = u.name.slice(0, at);
    u.span = { start: u.span.start, end: u.span.start + at };
    units.splice(units.indexOf(u) + 1, 0, second);
  }
  if (firstListedLeads) {
    const first = units[0];
    if (first && first.role === 'responsible' && !units.some((u) => u.role === 'lead')) first.role = 'lead';
  }
  if (!units.length && !issues.length) return undefined;
  return { units: trimmed(units), byRemit: parsed.some((p) => p.byRemit), issues: orNone(issues) };
}

/** A table cell under a unit column (`牵头单位`): either a clause of its own (`办公室牵头，各处室配合`)
 *  or a plain list of units that takes the column's role. Undefined when it is not unit-like. */
export function parseCellUnits(s: string, cell: Span, role: UnitRole, roles: RoleMatcher, firstListedLeads = false): ClauseParse | undefined {
  const own = parseClauseText(s, cell, roles, firstListedLeads);
  if (own) return own;
  const groups = splitTopLevel(s, cell.start, cell.end, '，,；;');
  const units: UnitRef[] = [];
  const issues: UnitClause['issues'] = [];
  for (const g of groups) {
    const list = splitUnits(s, g, role, true);
    if (!list) return undefined;
    // split at a space, still said: a space is no separator (FORMAT.md §6)
    for (let i = 1; i < list.length; i++) {
      const gap = s.slice(list[i - 1]!.span.end, list[i]!.span.start);
      if (!/[、\/／]/.test(gap)) issues.push({ kind: 'run-together', span: { start: list[i - 1]!.span.start, end: list[i]!.span.end }, text: s.slice(list[i - 1]!.span.start, list[i]!.span.end) });
    }
    units.push(...list);
  }
  if (!units.length) return undefined;
  if (firstListedLeads && role === 'responsible' && units[0]) units[0].role = 'lead';
  for (const u of units) if (runTogether(u.name) !== undefined) issues.push({ kind: 'run-together', span: u.span, text: u.name });
  return { units: trimmed(units), byRemit: false, issues: orNone(issues) };
}

/** where the second of two run-together units starts, if the name looks like two */
function runTogether(name: string): number | undefined {
  const m = RUN_TOGETHER_RE.exec(name);
  if (!m) return undefined;
  const at = m.index + m[1]!.length;
  return at >= 3 && name.length - at >= 3 ? at : undefined;
}

function prevNonSpace(s: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && isWhitespaceCode(s.charCodeAt(i))) i--;
  return i;
}

/** `牵头单位：A　责任单位：B`: labels separated by spaces only are two groups */
function splitAtLabels(s: string, g: Span, roles: RoleMatcher): Span[] {
  const out: Span[] = [];
  let from = g.start;
  const t = s.slice(g.start, g.end);
  const ahead = roles.labelAhead;
  ahead.lastIndex = 0;
  for (let m = ahead.exec(t); m; m = ahead.exec(t)) {
    if (m.index === 0) continue;
    out.push({ start: from, end: g.start + m.index });
    from = g.start + m.index + m[0].length;
  }
  out.push({ start: from, end: g.end });
  return out;
}

function isDeadlineGroup(s: string, g: Span): boolean {
  if (g.end <= g.start) return false;
  if (DEADLINE_LABEL_RE.test(s.slice(g.start, g.end))) return true;
  const d = findDeadlines(s, g.start, g.end)[0];
  return !!d && d.span.start === g.start;
}

/** Where a unit name most plausibly starts inside a glued tail `…等信息审批处`: the longest known unit
 *  that is a suffix, else the text after the last function word, if short. */
export function unitStart(s: string, from: number, to: number, known: Set<string>): number | undefined {
  let best: number | undefined;
  for (let i = Math.max(from, to - MAX_UNIT_LEN); i < to; i++) {
    if (known.has(s.slice(i, to))) { best = i; break; }
  }
  if (best !== undefined) return best;
  let i = to;
  while (i > from && !'的等并及了将在对与，。,、；;：:）)'.includes(s[i - 1]!)) i--;
  return to - i <= 10 && to > i ? i : undefined;
}

/** a unit's suffix, bracketed asides dropped: `区财政局（国资办）` → 局 */
export const hasUnitSuffix = (name: string): boolean => UNIT_SUFFIX_RE.test(name.replace(/[（(][^（()）]*[）)]/g, ''));

export const looksLikeUnit = (name: string, known: Set<string>): boolean =>
  known.has(name) || UNIT_SUFFIX_RE.test(name.replace(/[（(][^（()）]*[）)]$/, ''));

// Phase 5 — unit clauses: where a task names its units (FORMAT.md §2). Matching reads the
// folded text (`牽頭` matches `牵头`); unit names are taken from the text as written.
import type { ItemNode, Span, UnitClause, UnitRef } from './types.js';
import type { Structure } from './structure.js';
import { carriedValue, paragraphFacts } from './facts.js';
import { firstAtOrAfter } from './search.js';
import { Shifter } from './shift.js';
import { structureCached } from './structure.js';
import type { TableRow } from './table.js';
import { OPENER_OF, pairChar, type MatchedPair, type ParagraphPairs } from './pairs.js';
import { hasUnitSuffix, looksLikeUnit, parseCellUnits, parseClauseText, splitTopLevel, unitStart, type ClauseParse, type RoleMatcher } from './units.js';
import { CLAUSE_BRACKETS, SENTENCE_END } from '../lexicon/brackets.js';
import { MODIFIER_RE, PERSON_LABEL_RE, SHARED_UNITS_RE, TEAM_LEAD_RE, TEAM_MEMBERS_RE, TEAM_SETUP_RE } from '../lexicon/roles.js';
import { TASK_VERB_RE } from '../lexicon/units.js';
import { isWhitespace } from '../text/chars.js';
import { pushed, shared } from './none.js';

const NO_PAIRS: ParagraphPairs = { pairs: [], problems: [] };

export interface ClauseContext {
  s: Structure;
  roles: RoleMatcher;
  /** `列第一位者为牵头单位`: the first unit of the clause leads */
  leadsFirst: boolean;
  /** names (folded) the document uses as units elsewhere: a bracket of them is a clause even
   *  where they carry no unit suffix (`（各街镇、开发区、头桥集团）`) */
  knownUnits?: Set<string>;
}

/** Names as written: the parse ran over the folded text. */
function asWritten(s: Structure, c: UnitClause): UnitClause {
  if (s.folded !== s.text) for (const u of c.units) u.name = shared(s.text.slice(u.span.start, u.span.end).replace(/[ \t\u3000\u00a0]+/g, ''));
  return c;
}

/** parseClauseText over `inner`. In the language server (a Structure made with a LineCache) through
 *  a memo carried across keystrokes (model/facts.ts), by the clause's text: the parse reads that text
 *  and the role words only, so a keystroke elsewhere finds it made (clause parsing was a fifth of a
 *  keystroke in a 10,000-line plan and most of it in a 60 KB one; issue 18). Kept with offsets from
 *  the clause's start. */
function parseClause(s: Structure, inner: Span, roles: RoleMatcher, leadsFirst: boolean): ClauseParse | undefined {
  const f = s.folded;
  const len = inner.end - inner.start;
  if (!structureCached(s) || len <= 1 || len > 300) return parseClauseText(f, inner, roles, leadsFirst);
  const key = (leadsFirst ? '1' : '0') + f.slice(inner.start, inner.end);
  const kept = carriedValue(s, 'clause-parse', roles, key, () => {
    const p = parseClauseText(f, inner, roles, leadsFirst);
    return p && new Shifter({ offset: -inner.start, lines: 0 }).clauseParse(p);
  });
  return kept && new Shifter({ offset: inner.start, lines: 0 }).clauseParse(kept);
}

/** Clauses written with the task: bracketed, unclosed, unopened, a paragraph of its own. */
export function explicitClauses(ctx: ClauseContext, it: ItemNode, lastOfTask: boolean): UnitClause[] {
  const { s, roles, leadsFirst } = ctx;
  const f = s.folded;
  const clauses: UnitClause[] = [];
  // the heading, then the body: no list of both per item (what a lint allocates per item; issue 18)
  for (let k = -1; k < it.body.length; k++) {
    const p = k < 0 ? it.heading : it.body[k]!;
    const before = clauses.length;
    // a paragraph without any pair character still may be a clause of its own (d)
    const res = s.pairsByLine.get(p.line) ?? NO_PAIRS;
    // (a) bracketed clauses, outermost first: `〔各司（局）按职责分工负责〕` is one clause
    const outer = res.pairs.length ? outermost(res.pairs.filter((m) => CLAUSE_BRACKETS.includes(s.text[m.open]!))) : res.pairs;
    for (const m of outer) {
      if (m.open < it.marker.span.end) continue; // `（一）` itself
      const inner = withoutDeclaration(f, { start: m.open + 1, end: m.close });
      const span = { start: m.open, end: m.close + 1 };
      const parsed = parseClause(s, inner, roles, leadsFirst)
        ?? (lastOfTask && endsParagraph(f, m.close + 1, p.content.end) ? firstLeads(namesOnly(f, inner, ctx.knownUnits), leadsFirst) : undefined);
      if (parsed) clauses.push(new BracketedClause(span, inner, pairChar(s.text, m.open), pairChar(s.text, m.close), parsed));
    }
    for (const prob of res.problems) {
      if (!CLAUSE_BRACKETS.includes(OPENER_OF[prob.at.char] ?? prob.at.char)) continue;
      // (b) opened, never closed: `（处室、民服中心按职责分工负责` to the end of the paragraph
      if (prob.kind === 'unclosed') {
        let end = p.content.end;
        while (end > prob.at.offset && SENTENCE_END.includes(f[end - 1]!)) end--;
        // `（区市场监管局〉`: closed with the wrong bracket, still the clause
        const stray = end > prob.at.offset + 1 && '）)〕】］]〉》'.includes(f[end - 1]!) ? 1 : 0;
        const inner = { start: prob.at.offset + 1, end: end - stray };
        const parsed = parseClause(s, inner, roles, leadsFirst) ?? (lastOfTask ? firstLeads(namesOnly(f, inner, ctx.knownUnits), leadsFirst) : undefined);
        if (parsed) clauses.push({ span: { start: prob.at.offset, end }, inner, open: prob.at.char, form: 'unclosed', units: parsed.units, byRemit: parsed.byRemit, issues: parsed.issues });
      }
      // (c) closed, never opened: `…能力。责任单位：各乡镇（街道）、县政府各部门）`
      if (prob.kind === 'unopened') {
        let start = Math.max(p.content.start, it.heading === p ? it.marker.span.end : p.content.start);
        const stop = Math.max(lastIndexIn(f, '。', start, prob.at.offset + 1), lastIndexIn(f, '；', start, prob.at.offset + 1));
        if (stop >= start) start = stop + 1;
        const inner = { start, end: prob.at.offset };
        const parsed = parseClause(s, inner, roles, leadsFirst);
        if (parsed && parsed.units.every((u) => u.name.length <= 20)) {
          clauses.push({ span: { start, end: prob.at.offset + 1 }, inner, close: prob.at.char, form: 'unopened', units: parsed.units, byRemit: parsed.byRemit, issues: parsed.issues });
        }
      }
    }
    // (d) a paragraph of its own: `责任单位：省政府各部门、各直属机构。`
    // (counted, not searched: a body of 70,000 paragraphs made a search per paragraph quadratic)
    if (p !== it.heading && clauses.length === before) {
      if (startsWithLabel(f.slice(p.content.start, p.content.end), roles)) {
        let end = p.content.end;
        while (end > p.content.start && SENTENCE_END.includes(f[end - 1]!)) end--;
        end = beforeDeclarationNote(s.text, f, res, end);
        const inner = { start: p.content.start, end };
        const parsed = parseClause(s, inner, roles, leadsFirst);
        if (parsed) clauses.push({ span: inner, inner, form: 'paragraph', units: parsed.units, byRemit: parsed.byRemit, issues: parsed.issues });
      }
    }
  }
  clauses.sort((a, b) => a.span.start - b.span.start);
  for (const c of clauses) asWritten(s, c);
  return clauses;
}

/** `责任单位:A、B(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)`: a bracketed declaration at the
 *  end of a 责任单位 paragraph is a note for this and later tasks, no unit (findDeclarations reads it) */
function beforeDeclarationNote(text: string, f: string, res: ParagraphPairs, end: number): number {
  const last = res.pairs.find((m) => m.close === end - 1 && CLAUSE_BRACKETS.includes(text[m.open]!));
  if (!last || !DECLARATION_RE.test(f.slice(last.open + 1, last.close))) return end;
  let at = last.open;
  while (at > 0 && isWhitespace(f[at - 1])) at--;
  return at;
}

/** `责任单位：A。`, also after a person's field: `责任领导：李华；责任单位：市人社局。` */
function startsWithLabel(t: string, roles: RoleMatcher): boolean {
  if (roles.label.test(t)) return true;
  const person = PERSON_LABEL_RE.exec(t);
  if (!person) return false;
  const sep = /[；;，,。 \t\u3000\u00a0]+/.exec(t.slice(person[0].length));
  return !!sep && roles.label.test(t.slice(person[0].length + sep.index + sep[0].length));
}

function endsParagraph(f: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!SENTENCE_END.includes(f[i]!) && !isWhitespace(f[i])) return false;
  return true;
}

/** under `列第一位者为牵头单位` the first of a bracket of names leads */
function firstLeads(parsed: ReturnType<typeof namesOnly>, leadsFirst: boolean): ReturnType<typeof namesOnly> {
  if (parsed && leadsFirst && parsed.units[0]) parsed.units[0].role = 'lead';
  return parsed;
}

/** a name that says 牵头 is none: a bracket that says who leads but reads as no clause
 *  (`（各地要明确专人牵头抓好落实）`) holds no names only */
const ROLE_IN_NAME_RE = /牵头|负责|配合/;

/** `（区经济发展局农业处）` at the end of a task: a bracket of unit names only is a clause with the
 *  role left implicit (responsible, FORMAT.md §2). `（试行）` `（2024年版）` `（含市区）` are none. */
export function namesOnly(f: string, inner: Span, known: Set<string> = new Set()): ReturnType<typeof parseClauseText> {
  const t = f.slice(inner.start, inner.end);
  if (t.length < 3 || t.length > 60 || /^(?:含|包括|如|即|简称|以下简称|不含|除)|试行|暂行|修订|草案|征求意见/.test(t)) return undefined;
  const parts = splitTopLevel(f, inner.start, inner.end, '、，,；;');
  const units = [];
  for (const part of parts) {
    const name = f.slice(part.start, part.end).replace(/[ \t\u3000\u00a0]+/g, '');
    if (known.has(name)) { units.push({ name, role: 'responsible' as const, span: { ...part } }); continue; }
    // `各区`: 各 + a kind of place or body is a unit however short
    if (!name || (name.length < 3 && !/^各./.test(name)) || name.length > 20 || !(hasUnitSuffix(name) || /^各./.test(name)) || TASK_VERB_RE.test(name) || /[0-9０-９号]/.test(name) || ROLE_IN_NAME_RE.test(name)) return undefined;
    units.push({ name, role: 'responsible' as const, span: { ...part } });
  }
  return units.length ? { units, byRemit: false, issues: [] } : undefined;
}

/** unit clauses from a table row's unit columns; without a header, any later cell that reads
 *  as a clause (`办公室牵头，各处室配合`) or as a list of unit names (responsible) */
export function cellClauses(ctx: ClauseContext, row: TableRow): UnitClause[] {
  const { s, roles, leadsFirst } = ctx;
  const f = s.folded;
  const out: UnitClause[] = [];
  row.cells.forEach((cell, i) => {
    if (i <= row.taskCell || i === row.columns?.deadline || cell.end <= cell.start) return;
    let role = row.columns?.roles.get(i);
    if (!role) {
      if (row.columns) return;
      const t = f.slice(cell.start, cell.end);
      if (!t.split(/[、，,；;]/).every((n) => looksLikeUnit(n.trim(), new Set()))) {
        const own = parseClause(s, cell, roles, leadsFirst);
        if (own) out.push({ span: cell, inner: cell, form: 'cell', units: own.units, byRemit: own.byRemit, issues: own.issues });
        return;
      }
      role = 'responsible';
    }
    const parsed = parseCellUnits(f, cell, role, roles, leadsFirst && role !== 'cooperating');
    // the cell's own span (spans are never edited), not a copy of it: 80 bytes a row of a big table
    if (parsed) out.push({ span: cell, inner: cell, form: 'cell', units: parsed.units, byRemit: parsed.byRemit, issues: parsed.issues });
  });
  // an empty 牵头单位 cell beside a filled 责任单位 cell is an empty slot (FORMAT.md §6)
  if (row.columns && out.length) {
    for (const [i, role] of row.columns.roles) {
      const cell = row.cells[i];
      if (role === 'lead' && cell && cell.end === cell.start && i > row.taskCell) {
        out[0]!.issues = pushed(out[0]!.issues, { kind: 'empty-slot', span: { start: cell.start, end: cell.start }, text: row.columns.names[i] ?? '' });
      }
    }
  }
  return out.map((c) => asWritten(s, c));
}

/** A declaration inside a clause is no unit: `（发展改革委、财政局负责。列第一位者为牵头单位，下同）`
 *  is the clause `发展改革委、财政局负责` plus a note for this and later tasks. The note is the whole
 *  sentence it stands in: `〔责任单位：A、B按职责分工负责。具体任务均涉及X，不再做分工，下同。〕`. */
const DECLARATION_RE = /列(?:第一位|首位|在首位)|排(?:在)?(?:第一|首位)|下同|不再(?:一一|单独)?列出|不再(?:做|作|进行)?分工/;
/** A bracketed clause (`（办公室牵头）`, one a task in most plans). Its inner span is made when read,
 *  from its two offsets: an object of its own was 40 of the ~460 bytes a line of bare clause lines
 *  keeps (issue 18). Its fields are in the order of the other forms' literals. */
class BracketedClause implements UnitClause {
  span: Span;
  innerStart: number;
  innerEnd: number;
  open: string;
  close: string;
  form = 'bracketed' as const;
  units: UnitRef[];
  byRemit: boolean;
  issues: UnitClause['issues'];

  constructor(span: Span, inner: Span, open: string, close: string, parsed: ClauseParse) {
    this.span = span;
    this.innerStart = inner.start;
    this.innerEnd = inner.end;
    this.open = open;
    this.close = close;
    this.units = parsed.units;
    this.byRemit = parsed.byRemit;
    this.issues = parsed.issues;
  }

  get inner(): Span {
    return { start: this.innerStart, end: this.innerEnd };
  }
}

/** `列第一位者为牵头单位`, `排在第一位的部门为牵头部门`, `排名第一的为牵头单位` */
const FIRST_LISTED_LEADS_RE = /(?:列|排|排名|排列)(?:在)?(?:第一位|首位|第一)(?:[^，。；,;]{0,8}?(?:为|是))?牵头/;
function withoutDeclaration(f: string, inner: Span): Span {
  const m = DECLARATION_RE.exec(f.slice(inner.start, inner.end));
  if (!m) return inner;
  const at = inner.start + m.index;
  const sentence = Math.max(lastIndexIn(f, '。', inner.start, at), lastIndexIn(f, '；', inner.start, at), lastIndexIn(f, ';', inner.start, at));
  let end = sentence >= 0 ? sentence : at;
  if (sentence < 0) while (end > inner.start && !'，,'.includes(f[end - 1]!)) end--;
  while (end > inner.start && '。，,；; \u3000'.includes(f[end - 1]!)) end--;
  return { start: inner.start, end };
}

/** The pairs no other pair of the list encloses, in their order. One sweep in opening order
 *  (a pair is enclosed iff an earlier-opened one closes after it): linear in a paragraph of
 *  350,000 `（一）`, where comparing every two pairs took minutes. */
function outermost(pairs: MatchedPair[]): MatchedPair[] {
  if (pairs.length < 2) return pairs; // none enclosed: most paragraphs hold one bracket
  const byOpen = [...pairs].sort((a, b) => a.open - b.open);
  const enclosed = new Set<MatchedPair>();
  let maxClose = -1;
  for (const m of byOpen) {
    if (maxClose > m.close) enclosed.add(m);
    maxClose = Math.max(maxClose, m.close);
  }
  return pairs.filter((m) => !enclosed.has(m));
}

/** Declarations that apply to later tasks: `以下…不再列出` (units inherited) and
 *  `列第一位者为牵头单位` (the first unit of every later clause leads). */
export interface Declarations {
  inherit?: { from: Span; text: string };
  firstListedLeads?: number;
  /** `具体任务均涉及X，不再做分工，下同`: X is one of the units of the task whose clause says so and,
   *  with `下同`, of every later task (in document order) */
  shared: SharedUnits[];
  /** `成立…工作专班，由A牵头，B、C为成员单位`: the lead and members of the whole work */
  team?: { from: Span; text: string; lead: Span; members: Span };
}

export interface SharedUnits {
  /** the declaration's sentence */
  from: Span;
  text: string;
  /** the names it gives, as one `、` list */
  names: Span;
  /** `下同`: later tasks share them too */
  onward: boolean;
}

export function findDeclarations(s: Structure, roles: RoleMatcher): Declarations {
  const out: Declarations = { shared: [] };
  // after the body's start only a paragraph with one of these words can declare anything
  const words = paragraphFacts(s, 'declaration-words', undefined, (p) => (DECLARATION_WORDS_RE.test(s.folded.slice(p.content.start, p.content.end)) ? 1 : 0));
  // the paragraphs from the body's start on are known by index: a paragraph without the words is
  // skipped without being read (most of a 10,000-line plan's, at each keystroke)
  const bodyStart = firstAtOrAfter(s.paragraphs, s.bodyStartLine);
  for (let i = 0; i < s.paragraphs.length; i++) {
    if (!words[i] && i >= bodyStart) continue;
    const p = s.paragraphs[i]!;
    const f = s.folded.slice(p.content.start, p.content.end);
    const shared = sharedUnits(s, p.content.start, f);
    if (shared) out.shared.push(shared);
    if (!out.team && f.includes('成员单位')) out.team = team(s, p.content.start, f);
    // a header field before the body names the units of every task: `主（協）辦機關：縣政府辦公室`
    if (!out.inherit && p.line < s.bodyStartLine && roles.label.test(f)) {
      out.inherit = { from: { ...p.content }, text: s.text.slice(p.content.start, p.content.end) };
      continue;
    }
    // the sentence around `不再列出` (found by search first: a leading `[^。]*` would backtrack)
    const at = out.inherit || !f.includes('不再') ? -1 : f.search(/不再(?:一一|单独)?列出/);
    if (at >= 0) {
      const from = Math.max(f.lastIndexOf('。', at), f.lastIndexOf('；', at), f.lastIndexOf(';', at)) + 1;
      const ends = [f.indexOf('。', at), f.indexOf('；', at), f.indexOf(';', at)].filter((i) => i >= 0);
      const to = ends.length ? Math.min(...ends) : f.length;
      out.inherit = { from: { start: p.content.start + from, end: p.content.start + to }, text: s.text.slice(p.content.start + from, p.content.start + to) };
    }
    // the pattern's first word may stand anywhere: only a paragraph with 牵头 is searched
    // (the first declaration only: tried no more once it is found)
    const first = out.firstListedLeads === undefined && f.includes('牵头') ? FIRST_LISTED_LEADS_RE.exec(f) : null;
    if (first) out.firstListedLeads = p.content.start + first.index - 1;
  }
  return out;
}

const DECLARATION_WORDS_RE = /不再|不另|成员单位|牵头/;

/** `具体任务均涉及相关市（州）人民政府，不再做分工，下同` (searched for `不再` first: the lazy name
 *  would be tried at every offset of a long paragraph) */
function sharedUnits(s: Structure, start: number, f: string): SharedUnits | undefined {
  if (!f.includes('不再') && !f.includes('不另')) return undefined;
  const m = SHARED_UNITS_RE.exec(f);
  if (!m) return undefined;
  const from = Math.max(f.lastIndexOf('。', m.index), f.lastIndexOf('；', m.index), f.lastIndexOf(';', m.index)) + 1;
  const rest = f.slice(m.index + m[0].length);
  const stop = rest.search(/[。；;）)〕】]/);
  const to = m.index + m[0].length + (stop >= 0 ? stop : rest.length);
  const names = start + m.index + '涉及'.length;
  return {
    from: { start: start + from, end: start + to }, text: s.text.slice(start + from, start + to),
    names: { start: names, end: names + m[1]!.length }, onward: /下同/.test(f.slice(m.index, to)),
  };
}

/** `成立…工作专班，由A牵头，B、C为成员单位` (or `…，成员单位为B、C`): the sentence and its two lists */
function team(s: Structure, start: number, f: string): Declarations['team'] {
  const ends = /[。；;]/g;
  for (let from = 0; from < f.length;) {
    ends.lastIndex = from;
    const to = ends.exec(f)?.index ?? f.length;
    const t = f.slice(from, to);
    const first = t.search(/[，,]/);
    const lead = first > 0 && TEAM_SETUP_RE.test(t.slice(0, first)) ? TEAM_LEAD_RE.exec(t) : null;
    const members = lead && TEAM_MEMBERS_RE.exec(t.slice(lead.index + lead[0].length));
    if (lead && members) {
      const at = start + from;
      const m = members[1] ?? members[2]!;
      const mAt = at + lead.index + lead[0].length + members.index + members[0].indexOf(m);
      return {
        from: { start: at, end: at + t.length }, text: s.text.slice(at, at + t.length),
        lead: { start: at + lead.index + 2, end: at + lead.index + 2 + lead[1]!.length }, members: { start: mAt, end: mAt + m.length },
      };
    }
    from = to + 1;
  }
  return undefined;
}

/** (e) unbracketed at the end of the text: `…动态更新。办公室牵头，各有关处室配合`, even glued to the
 *  sentence before it: `…等信息审批处牵头，各有关处室、民服中心配合`. */
const MAX_CLAUSE_GROUPS = 8;

export function findBareClause(ctx: ClauseContext, it: ItemNode, known: Set<string>): UnitClause | undefined {
  const { s, roles } = ctx;
  const f = s.folded;
  const paras = [it.heading, ...it.body].reverse();
  for (const p of paras) {
    let end = p.content.end;
    while (end > p.content.start && SENTENCE_END.includes(f[end - 1]!)) end--;
    const from = p === it.heading ? it.titleSpan.start : p.content.start;
    const stop = lastIndexIn(f, '。', from, end);
    const tailStart = stop >= 0 ? stop + 1 : from;
    // no role word in the last sentence: no unbracketed clause there (and no parse to pay for)
    if (!roles.any.test(f.slice(tailStart, end))) continue;
    // try the clause from each group start, last group first; keep the earliest that parses
    const starts = [tailStart];
    for (let i = tailStart; i < end; i++) if ('，,；;'.includes(f[i]!)) starts.push(i + 1);
    let best: UnitClause | undefined;
    // a clause has a few groups (`A牵头，B、C，D配合`): prose paragraphs with dozens of commas
    // would otherwise cost a parse per comma, each over all groups after it
    for (let k = starts.length - 1; k >= Math.max(0, starts.length - MAX_CLAUSE_GROUPS); k--) {
      const c = tryBare(s, starts[k]!, end, roles, known);
      if (c) best = c;
      else if (best) break;
    }
    if (best) return asWritten(s, best);
  }
  return undefined;
}

function tryBare(s: Structure, start: number, end: number, roles: RoleMatcher, known: Set<string>): UnitClause | undefined {
  const f = s.folded;
  while (start < end && isWhitespace(f[start])) start++;
  const firstSep = firstGroupEnd(f, start, end);
  const roleAt = roleWordStart(f, start, firstSep, roles);
  if (roleAt !== undefined) {
    const nameEnd = trimModifiers(f, start, roleAt);
    if (nameEnd - start > 12 || !looksLikeUnit(lastUnit(f, start, nameEnd), known)) {
      // glued to prose (`…等信息审批处牵头`): the last unit's start, then back over `、`-joined units
      const lastSep = Math.max(lastIndexIn(f, '、', start, nameEnd), start - 1);
      const found = unitStart(f, lastSep + 1, nameEnd, known);
      if (found === undefined) return undefined;
      let u: number = found;
      while (u > start && f[u - 1] === '、') {
        const prev: number = Math.max(lastIndexIn(f, '、', start, u - 1), start - 1) + 1;
        const name = f.slice(prev, u - 1);
        if (name.length > 12 || !looksLikeUnit(name, known)) break;
        u = prev;
      }
      start = u;
    }
  }
  const inner = { start, end };
  const parsed = parseClause(s, inner, roles, false);
  if (!parsed || !parsed.units.length || !parsed.units.every((u) => u.name.length <= 15 && looksLikeUnit(u.name, known))) return undefined;
  return { span: inner, inner, form: 'bare', units: parsed.units, byRemit: parsed.byRemit, issues: parsed.issues };
}

function firstGroupEnd(f: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if ('，,；;'.includes(f[i]!)) return i;
  return end;
}

function roleWordStart(f: string, start: number, end: number, roles: RoleMatcher): number | undefined {
  const g = f.slice(start, end);
  for (const w of roles.words) if (g.endsWith(w.word)) return end - w.word.length;
  return undefined;
}

function trimModifiers(f: string, start: number, end: number): number {
  const m = MODIFIER_RE.exec(f.slice(start, end));
  return m ? end - m[1]!.length : end;
}

function lastUnit(f: string, start: number, end: number): string {
  const at = lastIndexIn(f, '、', start, end);
  return f.slice(at >= 0 ? at + 1 : start, end);
}

/** lastIndexOf bounded to [from, to), searching backwards from to - 1 */
export function lastIndexIn(text: string, ch: string, from: number, to: number): number {
  for (let i = Math.min(to, text.length) - 1; i >= Math.max(0, from); i--) if (text[i] === ch) return i;
  return -1;
}


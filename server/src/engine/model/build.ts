// Builds the plan model from the parser's line records: markers → item tree → numbering schemes →
// tasks with their unit clauses and deadlines.
import type { EngineConfig } from '../types.js';
import type {
  DocumentKind, InlineEnumeration, Marker, NumberingList, NumberingScheme, Paragraph, PairProblem, PlanDocument, PlanItem, Rank, Span, UnitClause,
} from './types.js';
import { parseLines, MARKER_RANK, type LineRecord } from '../parser/parser.js';
import { parseChineseNumeral, parseCircled, parseDigits, toChineseNumeral, toCircled } from '../text/numerals.js';
import { isDigitCode, isWhitespace } from '../text/chars.js';
import { matchParagraph, OPENER_OF, reconcileAcrossParagraphs, type ParagraphPairs } from './pairs.js';
import { LABEL_RE, MODIFIER_RE, looksLikeUnit, makeRoleMatcher, parseCellUnits, parseClauseText, unitStart, type RoleMatcher } from './units.js';
import { findDeadlines, normaliseDeadline } from './deadlines.js';
import { findTableRows, type TableRow } from './table.js';
import { findEnumerations } from './enumerations.js';

/** GB/T 9704 framing sections: they describe the plan, they assign no tasks. */
export const FRAMING_SECTIONS = [
  '总体要求', '指导思想', '基本原则', '工作目标', '主要目标', '组织领导', '组织实施', '保障措施', '工作要求', '实施步骤', '工作步骤', '时间安排',
  '總體要求', '指導思想', '基本原則', '工作目標', '主要目標', '組織領導', '組織實施', '保障措施', '工作要求', '實施步驟', '工作步驟', '時間安排',
];

const EXPECTED_DELIM: Record<Rank, string> = { 1: '、', 2: '', 3: '.', 4: '', 5: '' };

/** page chrome of web copies and the closing of a document: nothing after it is a task */
const PAGE_JUNK_RE = /^(上一条|下一条|上一篇|下一篇|上一條|下一條|版权所有|版權所有|主办单位|主辦單位|网站标识码|網站標識碼|ICP备|打印本页|关闭窗口|【打印】|【关闭】|扫一扫|分享到)/;
const TITLE_KEYWORD_RE = /工作要点|工作要點|方案|任务分工|任務分工|任务分解|任務分解|意见|意見|计划|計劃|规划|規劃|报告|報告|总结|總結|要点|要點|通知/;
const REPORT_RE = /报告|報告|总结|總結/;

interface MarkerCandidate extends Marker {
  line: number;
}

/** One marker token → a candidate. Built with all its fields at once (no spreads): this runs for
 *  every numbered line and sits on the keystroke path. */
function classifyMarker(rec: LineRecord, line: number, text: string): MarkerCandidate | undefined {
  const tok = rec.marker;
  if (!tok) return undefined;
  const rank = MARKER_RANK.get(tok.tokenType)!;
  const raw = tok.image;
  const span = { start: tok.startOffset, end: tok.startOffset + raw.length };
  const make = (value: number, delimiter: string, strength: 'definite' | 'weak', open?: string, close?: string): MarkerCandidate | undefined =>
    Number.isFinite(value) && value >= 1
      ? { rank, value, raw, span, line, delimiter, expectedDelimiter: EXPECTED_DELIM[rank], strength, open, close }
      : undefined;
  if (rank === 1) return make(parseChineseNumeral(raw.slice(0, -1)), raw.slice(-1), 'definite');
  if (rank === 2 || rank === 4) {
    const closeAt = Math.max(raw.lastIndexOf('）'), raw.lastIndexOf(')'));
    const inner = raw.slice(1, closeAt);
    return make(rank === 2 ? parseChineseNumeral(inner) : parseDigits(inner), raw.slice(closeAt + 1), 'definite', raw[0], raw[closeAt]);
  }
  if (rank === 5) return make(parseCircled(raw[0]!), raw.slice(1), 'definite');
  // rank 3: digits, then at most one delimiter character
  let n = 0;
  while (n < raw.length && isDigitCode(raw.charCodeAt(n))) n++;
  const delimiter = raw.slice(n);
  const value = parseDigits(raw.slice(0, n));
  const dot = delimiter === '.' || delimiter === '．';
  const digitAfter = isDigitCode(text.charCodeAt(span.end));
  if (dot && digitAfter) {
    // `3.1 工作目标`, `3.1.2`, `2.5%`: a section number or a decimal, never an item. Only digits
    // running straight into text (`11.121人才梯队项目`) may be an item whose text starts with digits.
    let k = span.end;
    while (k < rec.end && isDigitCode(text.charCodeAt(k))) k++;
    if (k >= rec.end || /[.．%％\s\u3000\u00a0]/.test(text[k]!)) return undefined;
  }
  const weak = delimiter === '' || delimiter === '，' || delimiter === ',' || (dot && digitAfter);
  return make(value, delimiter, weak ? 'weak' : 'definite');
}

/** `二、` `（三）` `7.` `（1）` `①`: the canonical marker, as a path segment */
export function canonicalMarker(rank: Rank, value: number): string {
  switch (rank) {
    case 1: return `${toChineseNumeral(value)}、`;
    case 2: return `（${toChineseNumeral(value)}）`;
    case 3: return `${value}.`;
    case 4: return `（${value}）`;
    case 5: return toCircled(value);
  }
}

function paragraphOf(rec: LineRecord, line: number): Paragraph {
  return { span: { start: rec.start, end: rec.end }, content: { start: rec.contentStart, end: rec.end }, line };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWhitespace(text[end - 1])) end--;
  return end;
}

export function parsePlan(text: string, config: Partial<EngineConfig> = {}): PlanDocument {
  const lines = parseLines(text);
  const roles = makeRoleMatcher(config.roleKeywords);
  const paragraphs: Paragraph[] = [];
  const paraByLine = new Map<number, Paragraph>();
  const pairsByLine = new Map<number, ParagraphPairs>();
  lines.forEach((rec, i) => {
    // trailing whitespace is not content: `（一）深入…。  ` ends at `。`
    rec.end = trimEnd(text, rec.contentStart, rec.end);
    if (rec.end <= rec.contentStart) return;
    const p = paragraphOf(rec, i);
    paragraphs.push(p);
    paraByLine.set(i, p);
    // most lines hold no pair characters: nothing to match, nothing to store
    if (rec.pairs.length) pairsByLine.set(i, matchParagraph(rec.pairs, i, text));
  });
  const pairProblems: PairProblem[] = [...reconcileAcrossParagraphs(pairsByLine, lines, text), ...docNumberYears(text, paragraphs)]
    .sort((a, b) => a.at.offset - b.at.offset);

  const tableRows = findTableRows(text, paragraphs);
  const candidates: MarkerCandidate[] = [];
  lines.forEach((rec, i) => {
    const row = tableRows.get(i);
    const c = row ? tableMarker(text, row) : paraByLine.has(i) ? classifyMarker(rec, i, text) : undefined;
    if (c) candidates.push(c);
  });
  const firstDefinite = candidates.find((c) => c.strength === 'definite');
  const bodyStartLine = firstDefinite?.line ?? lines.length;
  // page chrome after the body ends the document: `上一条：…`, `版权所有`
  let closingLine = lines.length;
  for (const p of paragraphs) {
    if (p.line > bodyStartLine && PAGE_JUNK_RE.test(text.slice(p.content.start, p.content.end))) { closingLine = p.line; break; }
  }
  const inBody = candidates.filter((c) => c.line >= bodyStartLine && c.line < closingLine);

  const preamble = paragraphs.filter((p) => p.line < bodyStartLine);
  const closing = paragraphs.filter((p) => p.line >= closingLine);
  const title = findTitle(text, preamble);
  const kind: DocumentKind = config.documentKind === 'plan' || config.documentKind === 'report'
    ? config.documentKind
    : title && REPORT_RE.test(title.text) ? 'report' : 'plan';
  // a range (`2023—2025年工作方案`) names several years: `8月底前` is then not one date
  const years = title ? [...new Set([...title.text.matchAll(/((?:19|20)[0-9]{2})(?=年|\s*[—–\-~～至到]\s*(?:19|20)[0-9]{2}年)/g)].map((m) => Number(m[1])))] : [];
  const year = years.length === 1 ? years[0] : undefined;

  const schemes = inferSchemes(inBody.filter((c) => c.strength === 'definite'));
  const { allItems, numberingLists } = buildTree(text, inBody, schemes, paragraphs, closingLine);
  const items = allItems.filter((it) => !it.parent);
  for (const it of allItems) {
    const row = tableRows.get(it.heading.line);
    if (row) tableTitle(text, it, row);
  }

  const framing = new Set([...FRAMING_SECTIONS, ...(config.nonTaskSections ?? [])]);
  const known = new Set<string>();
  const declarations = findDeclarations(text, paragraphs);
  const leaves = allItems.filter((it) => it.children.length === 0);
  for (const it of allItems) {
    if (it.children.length) it.nonTaskReason = 'has-children';
    else if (kind === 'report') it.nonTaskReason = 'report';
    else if (ancestry(it).some((a) => framing.has(a.title.replace(/[。.：:\s]+$/, '')))) it.nonTaskReason = 'framing';
    it.isTask = !it.nonTaskReason;
  }
  // bracketed and labelled clauses first: their units teach which names are units, which then
  // helps to find where a unit name starts in an unbracketed clause glued to the text
  for (const it of leaves) {
    // the declaration applies to the clause it is written in (`（…负责。列第一位者为牵头单位，下同）`) and on
    const leadsFirst = declarations.firstListedLeads !== undefined && declarations.firstListedLeads < it.span.end;
    const row = tableRows.get(it.heading.line);
    it.unitClauses = row ? cellClauses(text, row, roles, leadsFirst) : [];
    if (!it.unitClauses.length) it.unitClauses = findClauses(text, it, pairsByLine, roles, leadsFirst);
    for (const c of it.unitClauses) for (const u of c.units) known.add(u.name);
  }
  const parentClauses = new Map<PlanItem, UnitClause | null>();
  for (const it of leaves) {
    // the unbracketed forms are guessed from prose: looked for only where a unit is required
    if (!it.unitClauses.length && it.isTask) {
      const bare = findBareClause(text, it, roles, known);
      if (bare) it.unitClauses.push(bare);
    }
    if (!it.unitClauses.length) {
      // a clause on a parent heading covers the sub-items that name none of their own:
      // `（一）加强平台建设。（办公室牵头，各处室配合）` over `1.…` `2.…`
      const fromParent = ancestorClause(text, it, pairsByLine, roles, parentClauses);
      if (fromParent) it.inheritedUnits = { from: { ...fromParent.span }, text: text.slice(fromParent.span.start, fromParent.span.end) };
      else if (declarations.inherit && it.heading.span.start > declarations.inherit.from.start) it.inheritedUnits = declarations.inherit;
    }
  }
  const enumerations: InlineEnumeration[] = [];
  const enumsByLine = new Map<number, InlineEnumeration[]>();
  for (const p of paragraphs) {
    const found = findEnumerations(text, p.content.start, p.content.end);
    if (!found.length) continue;
    enumerations.push(...found);
    enumsByLine.set(p.line, found);
  }
  for (const it of allItems) {
    for (const p of [it.heading, ...it.body]) {
      it.deadlines.push(...findDeadlines(text, p.content.start, p.content.end, year));
      const row = tableRows.get(p.line);
      const cell = row?.columns?.deadline !== undefined ? row.cells[row.columns.deadline] : undefined;
      // a deadline column may hold what no pattern knows (`2024年6月`, `长期`): the cell is the deadline
      if (cell && cell.end > cell.start && !it.deadlines.some((d) => d.span.start >= cell.start && d.span.end <= cell.end)) {
        const t = text.slice(cell.start, cell.end);
        const date = normaliseDeadline(t, year);
        it.deadlines.push(date ? { text: t, span: { ...cell }, date } : { text: t, span: { ...cell } });
      }
      it.enumerations.push(...(enumsByLine.get(p.line) ?? []));
    }
  }
  return {
    text, kind, title, year, preamble, items, allItems, tasks: allItems.filter((i) => i.isTask), closing, paragraphs, schemes, pairProblems,
    numberingLists, enumerations, firstListedLeads: declarations.firstListedLeads !== undefined,
  };
}

/** the 序号 cell of a table row as a rank-3 marker: certain, because the columns say so */
function tableMarker(text: string, row: TableRow): MarkerCandidate {
  const { rank, value, span, delimiter } = row.number;
  return {
    rank, value, raw: text.slice(span.start, span.end), span, line: row.line, delimiter, expectedDelimiter: '', strength: 'definite', inTable: true,
  };
}

/** a table row's title is its task cell (up to the first `。`), not the whole row */
function tableTitle(text: string, it: PlanItem, row: TableRow): void {
  const cell = row.cells[row.columns?.task ?? 1];
  if (!cell) return;
  const stop = indexIn(text, '。', cell.start, cell.end);
  const end = stop >= 0 ? stop : cell.end;
  it.titleSpan = { start: cell.start, end };
  it.title = text.slice(cell.start, end);
}

/** unit clauses from a table row's unit columns; without a header, any later cell that reads
 *  as a clause (`办公室牵头，各处室配合`) or as a list of unit names (responsible) */
function cellClauses(text: string, row: TableRow, roles: RoleMatcher, leadsFirst: boolean): UnitClause[] {
  const out: UnitClause[] = [];
  const taskCol = row.columns?.task ?? 1;
  row.cells.forEach((cell, i) => {
    if (i === 0 || i === taskCol || cell.end <= cell.start) return;
    let role = row.columns?.roles.get(i);
    if (!role) {
      if (row.columns) return;
      const t = text.slice(cell.start, cell.end);
      if (!t.split(/[、，,；;]/).every((n) => looksLikeUnit(n.trim(), new Set()))) {
        const own = parseClauseText(text, cell, roles, leadsFirst);
        if (own) out.push({ span: { ...cell }, inner: { ...cell }, form: 'cell', ...own });
        return;
      }
      role = 'responsible';
    }
    const parsed = parseCellUnits(text, cell, role, roles, leadsFirst && role !== 'cooperating');
    if (parsed) out.push({ span: { ...cell }, inner: { ...cell }, form: 'cell', ...parsed });
  });
  return out;
}

/** the nearest ancestor whose own heading or text (before its first child) names units */
function ancestorClause(
  text: string, it: PlanItem, pairsByLine: Map<number, ParagraphPairs>, roles: RoleMatcher, memo: Map<PlanItem, UnitClause | null>,
): UnitClause | undefined {
  for (let a = it.parent; a; a = a.parent) {
    let c = memo.get(a);
    if (c === undefined) {
      c = findClauses(text, a, pairsByLine, roles, false).find((x) => x.units.length > 0) ?? null;
      memo.set(a, c);
    }
    if (c) return c;
  }
  return undefined;
}

function ancestry(it: PlanItem): PlanItem[] {
  const out: PlanItem[] = [];
  for (let a: PlanItem | undefined = it; a; a = a.parent) out.push(a);
  return out;
}

function findTitle(text: string, preamble: Paragraph[]): PlanDocument['title'] {
  for (const p of preamble) {
    const t = text.slice(p.content.start, p.content.end);
    if (t.length > 80 || t.length < 8 || /[。：:，,；;]$/.test(t) || PAGE_JUNK_RE.test(t) || /^(现将|現將|为|為|根据|根據)/.test(t)) continue;
    if (TITLE_KEYWORD_RE.test(t)) return { text: t, span: { ...p.content } };
  }
  // web copies lose the title line; the document's own name in 《》 in the preamble stands in
  for (const p of preamble) {
    const t = text.slice(p.content.start, p.content.end);
    const m = /《([^《》]{4,60})》/.exec(t);
    if (m && TITLE_KEYWORD_RE.test(m[1]!)) {
      const start = p.content.start + m.index + 1;
      return { text: m[1]!, span: { start, end: start + m[1]!.length } };
    }
  }
  return undefined;
}

/** `〔2019〕` is the only bracket for the year of a document number: `国办发[2019]14号` is not. */
function docNumberYears(text: string, paragraphs: Paragraph[]): PairProblem[] {
  const out: PairProblem[] = [];
  const re = /[\u4e00-\u9fff]([[【（(［])((?:19|20)[0-9]{2})([\]】）)］])[0-9]{1,4}[号號]/g;
  for (const p of paragraphs) {
    const s = text.slice(p.content.start, p.content.end);
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const open = p.content.start + m.index + 1;
      const close = open + 1 + m[2]!.length;
      out.push({
        kind: 'doc-number-year', at: { char: m[1]!, offset: open, line: p.line, kind: 'open' },
        partner: { char: m[3]!, offset: close, line: p.line, kind: 'close' }, expected: '〔',
      });
    }
  }
  return out;
}

/** How each rank numbers across parents: restart under each parent (`（一）` again under every
 *  `一、`) or through the document (`1.`…`21.` across seven sections). Decided by the group
 *  boundaries the document shows; a rank seen under one parent only restarts. */
function inferSchemes(markers: MarkerCandidate[]): Partial<Record<Rank, NumberingScheme>> {
  const schemes: Partial<Record<Rank, NumberingScheme>> = {};
  const votes = new Map<Rank, { restart: number; through: number }>();
  const stack: MarkerCandidate[] = [];
  const lastChild = new Map<MarkerCandidate | undefined, Map<Rank, number>>();
  const lastOfRank = new Map<Rank, { value: number; parent: MarkerCandidate | undefined }>();
  for (const m of markers) {
    while (stack.length && stack[stack.length - 1]!.rank >= m.rank) stack.pop();
    const parent = stack[stack.length - 1];
    const siblings = lastChild.get(parent) ?? new Map<Rank, number>();
    lastChild.set(parent, siblings);
    const prev = lastOfRank.get(m.rank);
    if (!siblings.has(m.rank) && prev && prev.parent !== parent) {
      const v = votes.get(m.rank) ?? { restart: 0, through: 0 };
      if (m.value === 1) v.restart++;
      else if (m.value > prev.value) v.through++;
      votes.set(m.rank, v);
    }
    siblings.set(m.rank, m.value);
    lastOfRank.set(m.rank, { value: m.value, parent });
    stack.push(m);
  }
  for (const r of [1, 2, 3, 4, 5] as Rank[]) {
    const v = votes.get(r);
    schemes[r] = v && v.through > v.restart ? 'through' : 'restart';
  }
  return schemes;
}

function buildTree(
  text: string, candidates: MarkerCandidate[], schemes: Partial<Record<Rank, NumberingScheme>>,
  paragraphs: Paragraph[], closingLine: number,
): { allItems: PlanItem[]; numberingLists: NumberingList[] } {
  const allItems: PlanItem[] = [];
  const stack: PlanItem[] = [];
  const listOf = new Map<string, NumberingList>(); // key: rank + parent id (restart) or rank (through)
  const lists: NumberingList[] = [];
  const byLine = new Map(candidates.map((c) => [c.line, c]));
  let current: PlanItem | undefined;
  let lastHeadingLike = -1; // line of the last unnumbered heading-like paragraph

  for (const p of paragraphs) {
    if (p.line < (candidates[0]?.line ?? Infinity) || p.line >= closingLine) continue;
    const c = byLine.get(p.line);
    let accepted = false;
    if (c) {
      const popped = [...stack];
      while (popped.length && popped[popped.length - 1]!.marker.rank >= c.rank) popped.pop();
      const parent = popped[popped.length - 1];
      const scheme = schemes[c.rank] ?? 'restart';
      let list = listFor(listOf, lists, c.rank, scheme, parent);
      const last = list.items[list.items.length - 1];
      // `1` after an unnumbered heading (`附件2`, `专项任务清单`) starts a new list, in either scheme:
      // under the same parent too, it is a new list, not a backward jump
      if (c.value === 1 && last && last.marker.value > 1 && lastHeadingLike > last.heading.line) {
        list = { rank: c.rank, scheme, items: [] };
        lists.push(list);
        listOf.set(listKey(c.rank, scheme, parent), list);
      }
      const prevValue = list.items.length ? list.items[list.items.length - 1]!.marker.value : 0;
      // a weak candidate fills the expected slot only if the real item does not follow: `3.1做好`
      // before `3.做好` is text of item 2, not item 3 followed by a duplicate
      accepted = c.strength === 'definite' || (c.value === prevValue + 1 && !definiteNext(candidates, c));
      if (accepted) {
        stack.length = popped.length;
        const { line: _line, ...marker } = c;
        const item = newItem(text, allItems.length, marker, p, parent);
        allItems.push(item);
        list.items.push(item);
        if (parent) parent.children.push(item);
        stack.push(item);
        current = item;
      }
    }
    if (!accepted && current) {
      current.body.push(p);
      const t = text.slice(p.content.start, p.content.end);
      // a short line without closing punctuation; a unit clause on its own line (`（办公室负责）`) is none
      if (t.length <= 25 && !/[。；;，,：:！？）)〕】]$/.test(t) && !/^[（(〔【]/.test(t)) lastHeadingLike = p.line;
    }
  }
  // each item's span covers its last descendant's last paragraph
  for (let i = allItems.length - 1; i >= 0; i--) {
    const it = allItems[i]!;
    const lastPara = it.body.length ? it.body[it.body.length - 1]! : it.heading;
    let end = lastPara.span.end;
    for (const ch of it.children) end = Math.max(end, ch.span.end);
    it.span = { start: it.heading.span.start, end };
  }
  return { allItems, numberingLists: lists };
}

/** whether the next candidate of the same rank is a definite marker with the same number */
function definiteNext(candidates: MarkerCandidate[], c: MarkerCandidate): boolean {
  const next = candidates.find((o) => o.line > c.line && o.rank === c.rank);
  return !!next && next.strength === 'definite' && next.value === c.value;
}

const listKey = (rank: Rank, scheme: NumberingScheme, parent: PlanItem | undefined): string =>
  scheme === 'through' ? `${rank}` : `${rank}:${parent?.id ?? -1}`;

function listFor(listOf: Map<string, NumberingList>, lists: NumberingList[], rank: Rank, scheme: NumberingScheme, parent: PlanItem | undefined): NumberingList {
  const key = listKey(rank, scheme, parent);
  let list = listOf.get(key);
  if (!list) {
    list = { rank, scheme, items: [] };
    listOf.set(key, list);
    lists.push(list);
  }
  return list;
}

function newItem(text: string, id: number, marker: Marker, heading: Paragraph, parent: PlanItem | undefined): PlanItem {
  let ts = marker.span.end;
  while (ts < heading.content.end && isWhitespace(text[ts])) ts++;
  const stop = indexIn(text, '。', ts, heading.content.end);
  const te = stop >= 0 ? stop : heading.content.end;
  const path = (parent ? parent.path : '') + canonicalMarker(marker.rank, marker.value);
  return {
    id, marker, title: text.slice(ts, te), titleSpan: { start: ts, end: te }, heading, body: [], span: { ...heading.span }, children: [], parent,
    depth: parent ? parent.depth + 1 : 0, path, isTask: false, unitClauses: [], deadlines: [], enumerations: [],
  };
}

/** Declarations that apply to later tasks: `以下…不再列出` (units inherited) and
 *  `列第一位者为牵头单位` (the first unit of every later clause leads). */
function findDeclarations(text: string, paragraphs: Paragraph[]): { inherit?: { from: Span; text: string }; firstListedLeads?: number } {
  const out: { inherit?: { from: Span; text: string }; firstListedLeads?: number } = {};
  for (const p of paragraphs) {
    const s = text.slice(p.content.start, p.content.end);
    // the sentence around `不再列出` (found by indexOf first: a leading `[^。]*` would backtrack)
    const at = out.inherit ? -1 : s.search(/不再(?:一一|单独|單獨)?列出/);
    if (at >= 0) {
      const from = Math.max(s.lastIndexOf('。', at), s.lastIndexOf('；', at), s.lastIndexOf(';', at)) + 1;
      const ends = [s.indexOf('。', at), s.indexOf('；', at), s.indexOf(';', at)].filter((i) => i >= 0);
      const to = ends.length ? Math.min(...ends) : s.length;
      out.inherit = { from: { start: p.content.start + from, end: p.content.start + to }, text: s.slice(from, to) };
    }
    const first = /列(?:第一位|首位|在首位|第一)(?:者|的)?(?:为|為|是)?牵头|列(?:第一位|首位)(?:者|的)?(?:为|為)?牽頭|排(?:在)?第一(?:位)?的?(?:为|為)牵头/.exec(s);
    if (first && out.firstListedLeads === undefined) out.firstListedLeads = p.content.start + first.index - 1;
  }
  return out;
}

const CLAUSE_BRACKETS = '（(〔［[【';

const NO_PAIRS: ParagraphPairs = { pairs: [], problems: [] };

function findClauses(text: string, it: PlanItem, pairsByLine: Map<number, ParagraphPairs>, roles: RoleMatcher, leadsFirst: boolean): UnitClause[] {
  const clauses: UnitClause[] = [];
  const paras = [it.heading, ...it.body];
  for (const p of paras) {
    // a paragraph without any pair character still may be a clause of its own (d)
    const res = pairsByLine.get(p.line) ?? NO_PAIRS;
    // (a) bracketed clauses, outermost first: `〔各司（局）按职责分工负责〕` is one clause
    const outer = outermost(res.pairs.filter((m) => CLAUSE_BRACKETS.includes(m.open.char)));
    for (const m of outer) {
      if (m.open.offset < it.marker.span.end) continue; // `（一）` itself
      const inner = withoutDeclaration(text, { start: m.open.offset + 1, end: m.close.offset });
      const parsed = parseClauseText(text, inner, roles, leadsFirst);
      if (parsed) clauses.push({ span: { start: m.open.offset, end: m.close.offset + 1 }, inner, open: m.open.char, close: m.close.char, form: 'bracketed', ...parsed });
    }
    for (const prob of res.problems) {
      if (!CLAUSE_BRACKETS.includes(OPENER_OF[prob.at.char] ?? prob.at.char)) continue;
      // (b) opened, never closed: `（处室、民服中心按职责分工负责` to the end of the paragraph
      if (prob.kind === 'unclosed') {
        let end = p.content.end;
        while (end > prob.at.offset && '。.；;'.includes(text[end - 1]!)) end--;
        const inner = { start: prob.at.offset + 1, end };
        const parsed = parseClauseText(text, inner, roles, leadsFirst);
        if (parsed) clauses.push({ span: { start: prob.at.offset, end }, inner, open: prob.at.char, form: 'unclosed', ...parsed });
      }
      // (c) closed, never opened: `…能力。责任单位：各乡镇（街道）、县政府各部门）`
      if (prob.kind === 'unopened') {
        let start = Math.max(p.content.start, it.heading === p ? it.marker.span.end : p.content.start);
        const stop = Math.max(lastIndexIn(text, '。', start, prob.at.offset + 1), lastIndexIn(text, '；', start, prob.at.offset + 1));
        if (stop >= start) start = stop + 1;
        const inner = { start, end: prob.at.offset };
        const parsed = parseClauseText(text, inner, roles, leadsFirst);
        if (parsed && parsed.units.every((u) => u.name.length <= 20)) {
          clauses.push({ span: { start, end: prob.at.offset + 1 }, inner, close: prob.at.char, form: 'unopened', ...parsed });
        }
      }
    }
    // (d) a paragraph of its own: `责任单位：省政府各部门、各直属机构。`
    if (p !== it.heading && !clauses.some((c) => c.span.start >= p.span.start && c.span.end <= p.span.end)) {
      const s = text.slice(p.content.start, p.content.end);
      if (LABEL_RE.test(s)) {
        let end = p.content.end;
        while (end > p.content.start && '。.；;'.includes(text[end - 1]!)) end--;
        const inner = { start: p.content.start, end };
        const parsed = parseClauseText(text, inner, roles, leadsFirst);
        if (parsed) clauses.push({ span: inner, inner, form: 'paragraph', ...parsed });
      }
    }
  }
  return clauses.sort((a, b) => a.span.start - b.span.start);
}

/** A declaration inside a clause is no unit: `（发展改革委、财政局负责。列第一位者为牵头单位，下同）`
 *  is the clause `发展改革委、财政局负责` plus a note for this and later tasks. */
const DECLARATION_RE = /列(?:第一位|首位|在首位)|排(?:在)?第一|下同|不再(?:一一|单独|單獨)?列出/;
function withoutDeclaration(text: string, inner: Span): Span {
  const m = DECLARATION_RE.exec(text.slice(inner.start, inner.end));
  if (!m) return inner;
  let end = inner.start + m.index;
  while (end > inner.start && !'。，,；;'.includes(text[end - 1]!)) end--;
  while (end > inner.start && '。，,；; \u3000'.includes(text[end - 1]!)) end--;
  return { start: inner.start, end };
}

/** The pairs no other pair of the list encloses, in their order. One sweep in opening order
 *  (a pair is enclosed iff an earlier-opened one closes after it): linear in a paragraph of
 *  350,000 `（一）`, where comparing every two pairs took minutes. */
function outermost(pairs: ReturnType<typeof matchParagraph>['pairs']): ReturnType<typeof matchParagraph>['pairs'] {
  const byOpen = [...pairs].sort((a, b) => a.open.offset - b.open.offset);
  const enclosed = new Set<(typeof pairs)[number]>();
  let maxClose = -1;
  for (const m of byOpen) {
    if (maxClose > m.close.offset) enclosed.add(m);
    maxClose = Math.max(maxClose, m.close.offset);
  }
  return pairs.filter((m) => !enclosed.has(m));
}

/** (e) unbracketed at the end of the text: `…动态更新。办公室牵头，各有关处室配合`, even glued to the
 *  sentence before it: `…等信息审批处牵头，各有关处室、民服中心配合`. */
const MAX_CLAUSE_GROUPS = 8;

function findBareClause(text: string, it: PlanItem, roles: RoleMatcher, known: Set<string>): UnitClause | undefined {
  const paras = [it.heading, ...it.body].reverse();
  for (const p of paras) {
    let end = p.content.end;
    while (end > p.content.start && '。.；;'.includes(text[end - 1]!)) end--;
    const from = p === it.heading ? it.titleSpan.start : p.content.start;
    const stop = lastIndexIn(text, '。', from, end);
    const tailStart = stop >= 0 ? stop + 1 : from;
    // no role word in the last sentence: no unbracketed clause there (and no parse to pay for)
    if (!roles.any.test(text.slice(tailStart, end))) continue;
    // try the clause from each group start, last group first; keep the earliest that parses
    const starts = [tailStart];
    for (let i = tailStart; i < end; i++) if ('，,；;'.includes(text[i]!)) starts.push(i + 1);
    let best: UnitClause | undefined;
    // a clause has a few groups (`A牵头，B、C，D配合`): prose paragraphs with dozens of commas
    // would otherwise cost a parse per comma, each over all groups after it
    for (let k = starts.length - 1; k >= Math.max(0, starts.length - MAX_CLAUSE_GROUPS); k--) {
      const c = tryBare(text, starts[k]!, end, roles, known);
      if (c) best = c;
      else if (best) break;
    }
    if (best) return best;
  }
  return undefined;
}

function tryBare(text: string, start: number, end: number, roles: RoleMatcher, known: Set<string>): UnitClause | undefined {
  while (start < end && isWhitespace(text[start])) start++;
  const firstSep = firstGroupEnd(text, start, end);
  const roleAt = roleWordStart(text, start, firstSep, roles);
  if (roleAt !== undefined) {
    const nameEnd = trimModifiers(text, start, roleAt);
    if (nameEnd - start > 12 || !looksLikeUnit(lastUnit(text, start, nameEnd), known)) {
      // glued to prose (`…等信息审批处牵头`): the last unit's start, then back over `、`-joined units
      const lastSep = Math.max(lastIndexIn(text, '、', start, nameEnd), start - 1);
      const found = unitStart(text, lastSep + 1, nameEnd, known);
      if (found === undefined) return undefined;
      let u: number = found;
      while (u > start && text[u - 1] === '、') {
        const prev: number = Math.max(lastIndexIn(text, '、', start, u - 1), start - 1) + 1;
        const name = text.slice(prev, u - 1);
        if (name.length > 12 || !looksLikeUnit(name, known)) break;
        u = prev;
      }
      start = u;
    }
  }
  const inner = { start, end };
  const parsed = parseClauseText(text, inner, roles);
  if (!parsed || !parsed.units.length || !parsed.units.every((u) => u.name.length <= 15 && looksLikeUnit(u.name, known))) return undefined;
  return { span: inner, inner, form: 'bare', ...parsed };
}

function firstGroupEnd(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if ('，,；;'.includes(text[i]!)) return i;
  return end;
}

function roleWordStart(text: string, start: number, end: number, roles: RoleMatcher): number | undefined {
  const g = text.slice(start, end);
  for (const w of roles.words) if (g.endsWith(w.word)) return end - w.word.length;
  return undefined;
}

function trimModifiers(text: string, start: number, end: number): number {
  const m = MODIFIER_RE.exec(text.slice(start, end));
  return m ? end - m[1]!.length : end;
}

function lastUnit(text: string, start: number, end: number): string {
  const at = lastIndexIn(text, '、', start, end);
  return text.slice(at >= 0 ? at + 1 : start, end);
}

/** indexOf bounded to [from, to): an unbounded search from every paragraph made long texts quadratic */
function indexIn(text: string, ch: string, from: number, to: number): number {
  for (let i = Math.max(0, from); i < to; i++) if (text[i] === ch) return i;
  return -1;
}

/** lastIndexOf bounded to [from, to), searching backwards from to - 1 */
function lastIndexIn(text: string, ch: string, from: number, to: number): number {
  for (let i = Math.min(to, text.length) - 1; i >= Math.max(0, from); i--) if (text[i] === ch) return i;
  return -1;
}

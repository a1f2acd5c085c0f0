// Phase 1 — structure: paragraphs, paired punctuation per paragraph, table rows and cells,
// numbered markers (also at the start of table cells), unnumbered headings (Markdown `#`, decimal
// section numbers `4.2.1`, `第X章`, short title lines) and where the body starts and ends.
import type { Marker, Paragraph, PairProblem, Rank, Span } from './types.js';
import { parseLines, MARKER_RANK, type LineCache, type Lines } from '../parser/parser.js';
import { parseChineseNumeral, parseCircled, parseDigits } from '../text/numerals.js';
import { MARKER_COMMAS, MARKER_DOTS, isDigitCode } from '../text/chars.js';
import { matchParagraph, reconcileAcrossParagraphs, docNumberYears, mayHoldDocNumber, type ParagraphPairs } from './pairs.js';
import { paragraphFacts } from './facts.js';
import { none } from './none.js';
import { findTables, type TableRow, type TableState } from './table.js';
import { firstAtOrAfter, lowerBound } from './search.js';
import { fold } from '../lexicon/fold.js';
import { Shifter } from './shift.js';
import { LinePairs } from './line-pairs.js';
import { ATTACHMENT_HEADING_RE, ATTACHMENT_TITLED_RE, DATE_LINE_RE, PAGE_JUNK_RE, SHEET_TITLE_RE } from '../lexicon/sections.js';

export interface MarkerCandidate extends Marker {
  line: number;
  /** the table cell the marker opens, when it stands at the start of a cell other than the first */
  cell?: number;
  /** the first entry of a `注：1.…` or `附件：1.…` list: a list of its own */
  labelled?: true;
}

export type HeadingKind = 'markdown' | 'decimal' | 'chapter' | 'short';

export interface Heading {
  line: number;
  kind: HeadingKind;
  /** the heading's text without its `#` or section number */
  text: string;
}

export interface Structure {
  /** the text as given, and folded to simplified script for look-ups (same offsets) */
  text: string;
  folded: string;
  paragraphs: Paragraph[];
  pairsByLine: LinePairs;
  /** the problems of pairs across paragraphs (withDocNumberYears adds the document numbers') */
  pairProblems: PairProblem[];
  tableRows: Map<number, TableRow>;
  /** numbered markers in text order; a table row may carry several */
  markers: MarkerCandidate[];
  headings: Map<number, Heading>;
  /** lines of `附件` headings: each attachment is a document of its own (its own numbering) */
  partBreaks: number[];
  /** the first line of the numbered body; lines from `closingLine` on are page chrome */
  bodyStartLine: number;
  closingLine: number;
}

const EXPECTED_DELIM: Record<Rank, string> = { 1: '、', 2: '', 3: '.', 4: '', 5: '' };

/** What readStructure made of the version a LineCache holds: a keystroke's scan keeps what it found
 *  on the lines before the first one the edit touched (each line's paragraph, pairs, marker and
 *  heading depend only on that line; a table row on the lines above it), copies, moved by the
 *  edit, what it found on the lines after the last touched one (where the table scan's state is
 *  the one it was there before), and reads only the lines between. Kept beside the cache, and
 *  dropped with it. */
interface StructureMemo {
  text: string;
  lineCount: number;
  paragraphs: Paragraph[];
  pairsByLine: LinePairs;
  /** the lines whose pairs have a problem, in order */
  problemLines: number[];
  tables: { rows: Map<number, TableRow>; states: TableState[] };
  markers: MarkerCandidate[];
  headings: Map<number, Heading>;
  /** the facts of that version's paragraphs (model/facts.ts), by name */
  facts: Map<string, unknown>;
}
const memos = new WeakMap<LineCache, StructureMemo>();

/** What an edit left of the previous version: its lines before `head` as they were, its lines
 *  from `tail` on (new numbering) moved by `shift`; `oldTail` is that line in the old numbering. */
interface Reuse {
  prev: StructureMemo;
  head: number;
  tail: number;
  oldTail: number;
  shift: Shifter;
}

function reuseOf(cache: LineCache | undefined, text: string, lineCount: number): Reuse | undefined {
  const prev = cache && memos.get(cache);
  if (!prev || cache!.same?.before !== prev.text) return undefined;
  const tail = lineCount - (cache!.keptTail ?? 0);
  const shift = new Shifter({ offset: text.length - prev.text.length, lines: lineCount - prev.lineCount });
  return { prev, head: cache!.keptHead ?? 0, tail, oldTail: tail - shift.by.lines, shift };
}

export function readStructure(text: string, cache?: LineCache): Structure {
  const lines = parseLines(text, cache);
  const folded = cache ? foldAgain(cache, text) : fold(text);
  const reuse = reuseOf(cache, text, lines.length);
  const { paragraphs, pairsByLine, problemLines, kept, tailFrom } = readParagraphs(text, lines, reuse);
  // the document numbers' years in the wrong brackets are added by withDocNumberYears
  const pairProblems = reconcileAcrossParagraphs(pairsByLine, problemLines, lines, text);
  const { tables, markers, headings } = readMarkers(text, folded, lines, paragraphs, kept, reuse);
  const tableRows = tables.rows;
  const bodyStartLine = markers.find((c) => c.strength === 'definite')?.line ?? lines.length;
  // the line records (with their marker and pair tokens) end here: nothing after this phase reads them
  const out: Structure = { text, folded, paragraphs, pairsByLine, pairProblems, tableRows, markers, headings, partBreaks: none(), bodyStartLine, closingLine: lines.length };
  const facts = new Map<string, unknown>();
  factMaps.set(out, facts);
  if (cache) {
    memos.set(cache, { text, lineCount: lines.length, paragraphs, pairsByLine, problemLines, tables, markers, headings, facts });
    cachedStructures.add(out);
  }
  if (reuse) {
    const oldTailFrom = tailFrom < paragraphs.length ? firstAtOrAfter(reuse.prev.paragraphs, reuse.oldTail) : reuse.prev.paragraphs.length;
    carries.set(out, { prevFacts: reuse.prev.facts, kept, tailFrom, oldTailFrom });
  }
  // the closing and the attachments from per-paragraph facts, which a keystroke carries for the
  // paragraphs it did not touch (each was a pass over every paragraph's text: ~1 ms of a keystroke
  // in the 10,000-line plan, profiled; issue 18)
  out.closingLine = findClosing(out, bodyStartLine, lines.length);
  out.partBreaks = findPartBreaks(out, bodyStartLine);
  return out;
}

/** The pair problems with the document numbers' years in the wrong brackets, in text order. A
 *  Structure made with a LineCache searches only the paragraphs that held one, known per paragraph
 *  and carried from the previous version: every paragraph of the 10,000-line plan was searched at
 *  each keystroke (~1.4 ms), then every paragraph with a 号 (~0.5 ms: most 号 end a correct
 *  `〔2019〕14号`; issue 18). */
export function withDocNumberYears(s: Structure): PairProblem[] {
  const may = structureCached(s) ? paragraphFacts(s, 'doc-number-year', undefined, (p) => (mayHoldDocNumber(s.text, p) && docNumberYears(s.text, [p]).length ? 1 : 0)) : undefined;
  const years = docNumberYears(s.text, s.paragraphs, may);
  return years.length ? [...s.pairProblems, ...years].sort((a, b) => a.at.offset - b.at.offset) : s.pairProblems;
}

/** Which paragraphs of a Structure made with a LineCache are the previous version's: those before
 *  `kept`, and those from `tailFrom` on (the previous version's from `oldTailFrom` on, moved); and
 *  that version's facts (only they: the previous Structure itself is not kept alive). */
export interface StructureCarry {
  prevFacts: Map<string, unknown>;
  kept: number;
  tailFrom: number;
  oldTailFrom: number;
}
const carries = new WeakMap<Structure, StructureCarry>();
/** Structures made with a LineCache: the next version may ask for their facts */
const cachedStructures = new WeakSet<Structure>();
export const structureCached = (s: Structure): boolean => cachedStructures.has(s);
const factMaps = new WeakMap<Structure, Map<string, unknown>>();
export const structureCarry = (s: Structure): StructureCarry | undefined => carries.get(s);
/** where model/facts.ts keeps a Structure's facts (one map per Structure, made by readStructure) */
export const structureFacts = (s: Structure): Map<string, unknown> => {
  let m = factMaps.get(s);
  if (!m) factMaps.set(s, (m = new Map()));
  return m;
};

/** Each line's paragraph and its pairs: the kept head's, the touched lines' read now, the kept
 *  tail's moved. `kept`: how many paragraphs came from the head; `tailFrom`: where the tail's start. */
function readParagraphs(
  text: string, lines: Lines, reuse?: Reuse,
): { paragraphs: Paragraph[]; pairsByLine: LinePairs; problemLines: number[]; kept: number; tailFrom: number } {
  const head = reuse?.head ?? 0;
  const kept = reuse && head ? firstAtOrAfter(reuse.prev.paragraphs, head) : 0;
  const paragraphs = kept ? reuse!.prev.paragraphs.slice(0, kept) : [];
  // the pairs of the lines read now; the others' are the previous version's (LinePairs.next)
  const own = new Map<number, ParagraphPairs>();
  // the few lines with a problem, so the pass across paragraphs reads only them (it walked every
  // line's pairs at each keystroke: ~0.5 MB of entries a keystroke at 10,000 lines; issue 18)
  const problemLines: number[] = [];
  if (kept) for (const line of reuse!.prev.problemLines) { if (line >= head) break; problemLines.push(line); }
  const tail = reuse?.tail ?? lines.length;
  for (let i = head; i < tail; i++) {
    // parseLines trimmed the trailing whitespace: `（一）深入…。  ` ends at `。`
    if (!lines.filled(i)) continue;
    const span = { start: lines.start(i), end: lines.end(i) };
    const contentStart = lines.contentStart(i);
    // one object where the line has no indent (spans are never edited): 40 bytes a line
    const p: Paragraph = { span, content: contentStart === span.start ? span : { start: contentStart, end: span.end }, line: i };
    paragraphs.push(p);
    // most lines hold no pair characters: nothing to match, nothing to store
    if (!lines.shapes[i]!.pairs.length) continue;
    // the line's own tokens, their offsets counted from its start: a copy of them moved into the
    // text doubled a long line's tokens (a 32 MB line: ~1.7 M; issue 18)
    const pairs = matchParagraph(lines.shapes[i]!.pairs, i, text, lines.start(i));
    own.set(i, pairs);
    if (pairs.problems.length) problemLines.push(i);
  }
  const tailFrom = paragraphs.length;
  if (!reuse) return { paragraphs, pairsByLine: new LinePairs(own), problemLines, kept, tailFrom };
  const { prev, shift } = reuse;
  if (tail >= lines.length) return { paragraphs, pairsByLine: prev.pairsByLine.next(head, Infinity, Infinity, own, shift.by), problemLines, kept, tailFrom };
  const pairsByLine = prev.pairsByLine.next(head, tail, reuse.oldTail, own, shift.by);
  for (let k = firstAtOrAfter(prev.paragraphs, reuse.oldTail); k < prev.paragraphs.length; k++) paragraphs.push(shift.paragraph(prev.paragraphs[k]!));
  for (let k = lowerBound(prev.problemLines, reuse.oldTail, (l) => l); k < prev.problemLines.length; k++) problemLines.push(prev.problemLines[k]! + shift.by.lines);
  return { paragraphs, pairsByLine, problemLines, kept, tailFrom };
}

/** Table rows, numbered markers and unnumbered headings. Below the touched lines the previous
 *  version's are moved, not read again, where the table scan reaches the kept tail in the state
 *  it was in there before (a header typed above a table changes every row below it). */
function readMarkers(text: string, folded: string, lines: Lines, paragraphs: Paragraph[], kept: number, reuse?: Reuse): Pick<StructureMemo, 'tables' | 'markers' | 'headings'> {
  const prev = reuse?.prev;
  const head = reuse?.head ?? 0;
  const tail = reuse && reuse.tail < lines.length ? { line: reuse.tail, state: stateAt(reuse.prev.tables.states, reuse.oldTail) } : undefined;
  const tables = findTables(folded, paragraphs, lines, kept ? { line: head, rows: prev!.tables.rows, states: prev!.tables.states } : undefined, tail);
  const markers = kept ? prev!.markers.slice(0, firstAtOrAfter(prev!.markers, head)) : [];
  // the paragraphs read again: up to the kept tail where the table scan stopped there
  const until = tables.stopped ? firstAtOrAfter(paragraphs, reuse!.tail) : paragraphs.length;
  for (let i = kept; i < until; i++) {
    const p = paragraphs[i]!;
    const row = tables.rows.get(p.line);
    // a 序号 cell is certain: the columns say so (`1⇥任务` takes no delimiter)
    const first = row?.number ?? classifyMarker(lines, p.line, text) ?? labelledMarker(folded, p);
    if (first) markers.push(first);
    if (row) for (const m of row.cellMarkers) markers.push(m);
  }
  const headings = findHeadings(folded, paragraphs, until, markers, kept ? { line: head, headings: prev!.headings } : undefined);
  if (!tables.stopped) return { tables: { rows: tables.rows, states: tables.states }, markers, headings };
  const { shift, oldTail } = reuse!;
  for (const [line, row] of prev!.tables.rows) if (line >= oldTail) tables.rows.set(row.line + shift.by.lines, shift.row(row));
  for (const st of prev!.tables.states) if (st.line >= oldTail) tables.states.push(shift.state(st));
  shift.markers(prev!.markers, firstAtOrAfter(prev!.markers, oldTail), prev!.tables.rows, tables.rows, markers);
  for (const [line, h] of prev!.headings) if (line >= oldTail) headings.set(h.line + shift.by.lines, shift.heading(h));
  return { tables: { rows: tables.rows, states: tables.states }, markers, headings };
}

/** the table state in force at the start of `line`: the last one recorded on a line above it */
function stateAt(states: TableState[], line: number): TableState | undefined {
  return states[firstAtOrAfter(states, line) - 1];
}

/** page chrome after the body ends the document: `上一条：…`, `版权所有` (tried at each paragraph's
 *  start in place: no copy of every paragraph's text) */
const PAGE_JUNK_AT = new RegExp(PAGE_JUNK_RE.source.replace(/^\^/, ''), 'y');
function findClosing(s: Structure, bodyStartLine: number, lineCount: number): number {
  const { folded, paragraphs } = s;
  const junk = paragraphFacts(s, 'page-junk', undefined, (p) => {
    PAGE_JUNK_AT.lastIndex = p.content.start;
    return PAGE_JUNK_AT.test(folded) ? 1 : 0;
  });
  for (let i = firstAtOrAfter(paragraphs, bodyStartLine + 1); i < paragraphs.length; i++) if (junk[i]) return paragraphs[i]!.line;
  return lineCount;
}

/** The text folded, reusing the previous version's folding where the edit left the text alike
 *  (folding is per character, so the unchanged head and tail fold as they did). */
function foldAgain(cache: LineCache, text: string): string {
  const prev = cache.folded;
  const same = cache.same;
  let folded: string;
  if (!prev || !same || prev.of !== same.before) folded = fold(text);
  else {
    const middle = text.slice(same.head, text.length - same.tail);
    const foldedMiddle = fold(middle);
    // nothing to fold, before or now: the text itself (no second copy of a big plan)
    folded = prev.text === prev.of && foldedMiddle === middle ? text
      : prev.text.slice(0, same.head) + foldedMiddle + prev.text.slice(same.before.length - same.tail);
  }
  cache.folded = { of: text, text: folded };
  return folded;
}

/** Where an attachment starts: each numbers on its own and is nobody's child in the main text.
 *  - `附件` or `附件2` on its own line;
 *  - `附件：某某任务清单` followed by its content (numbered items or table rows) before any date
 *    line — in the closing's list of attachments the signature and the date follow instead;
 *  - a sheet appended after the plan without a label (`某某县政务公开工作考核评分表`) whose
 *    items start again at 1: not the last item's text. */
function findPartBreaks(s: Structure, bodyStart: number): number[] {
  const { folded, paragraphs, markers, tableRows, headings } = s;
  const out: number[] = [];
  // the first marker or table row of the next three paragraphs, unless a date line comes first
  // (asked only at a `附件` or a sheet title: no map of every marker, no closure per paragraph)
  const content = (i: number): MarkerCandidate | TableRow | undefined => {
    for (let k = i + 1; k < Math.min(paragraphs.length, i + 4); k++) {
      const q = paragraphs[k]!;
      if (DATE_LINE_RE.test(folded.slice(q.content.start, q.content.end))) return undefined;
      const m = markers[firstAtOrAfter(markers, q.line)];
      const found = (m?.line === q.line ? m : undefined) ?? tableRows.get(q.line);
      if (found) return found;
    }
    return undefined;
  };
  // what a paragraph's text alone says: it starts with 附, or it is short and reads as a sheet's title
  const kinds = paragraphFacts(s, 'part-break', undefined, (p) => {
    // a code unit, not a one-character string made for each paragraph
    if (folded.charCodeAt(p.content.start) === FU) return 1;
    return p.content.end - p.content.start <= SHORT_HEADING_MAX && SHEET_TITLE_RE.test(folded.slice(p.content.start, p.content.end)) ? 2 : 0;
  });
  for (let i = 0; i < paragraphs.length; i++) {
    if (!kinds[i]) continue;
    const p = paragraphs[i]!;
    if (kinds[i] === 1) {
      const t = folded.slice(p.content.start, p.content.end);
      if (ATTACHMENT_HEADING_RE.test(t) || (ATTACHMENT_TITLED_RE.test(t) && content(i))) out.push(p.line);
      continue;
    }
    if (p.line <= bodyStart || headings.get(p.line)?.kind !== 'short') continue;
    if (out.length && out[out.length - 1]! >= paragraphs[Math.max(0, i - 3)]!.line) continue; // the title under `附件`
    const next = content(i);
    if (next && (!('rank' in next) || next.value === 1)) out.push(p.line);
  }
  return out;
}

const FU = '附'.charCodeAt(0);

const MARKDOWN_RE = /^#{1,6}[ \t\u3000]*(\S.*)$/;
/** `3.2　应急报告`, `4.2.1 工作目标`: decimal section numbers head a section of their own */
const DECIMAL_RE = /^[0-9]{1,2}(?:(?:[.．﹒][0-9]{1,2}){2,}[ \t\u3000]*|[.．﹒][0-9]{1,2}[ \t\u3000]+)([^0-9%％].*)$/;
/** a title line without a number is this many characters at most */
const SHORT_HEADING_MAX = 25;
const CHAPTER_RE = /^第[一二三四五六七八九十百零〇0-9]+[章节編编部分]+[ \t\u3000]*(.{0,40})$/;

/** Unnumbered headings: they close the numbered list before them, so a `1.` after one starts a
 *  new list rather than jumping back. */
function findHeadings(
  folded: string, paragraphs: Paragraph[], until: number, markers: MarkerCandidate[], resume?: { line: number; headings: Map<number, Heading> },
): Map<number, Heading> {
  const out = new Map<number, Heading>();
  const from = resume ? firstAtOrAfter(paragraphs, resume.line) : 0;
  if (resume) for (const [line, h] of resume.headings) { if (line >= resume.line) break; out.set(line, h); }
  const numbered = new Set<number>();
  for (let i = firstAtOrAfter(markers, resume?.line ?? 0); i < markers.length; i++) numbered.add(markers[i]!.line);
  for (let i = from; i < until; i++) {
    const p = paragraphs[i]!;
    if (numbered.has(p.line)) continue;
    // the first character tells which pattern can match: most paragraphs try none
    const first = folded[p.content.start]!;
    const md = folded.slice(p.span.start, p.content.end).includes('#') ? MARKDOWN_RE.exec(folded.slice(p.span.start, p.content.end).trim()) : null;
    if (md) { out.set(p.line, { line: p.line, kind: 'markdown', text: md[1]!.trim() }); continue; }
    const short = p.content.end - p.content.start <= SHORT_HEADING_MAX;
    if (!short && first !== '第' && !(first >= '0' && first <= '9')) continue;
    const t = folded.slice(p.content.start, p.content.end);
    const dec = first >= '0' && first <= '9' ? DECIMAL_RE.exec(t) : null;
    if (dec) { out.set(p.line, { line: p.line, kind: 'decimal', text: dec[1]!.trim() }); continue; }
    const ch = first === '第' ? CHAPTER_RE.exec(t) : null;
    if (ch) { out.set(p.line, { line: p.line, kind: 'chapter', text: ch[1]!.trim() }); continue; }
    // a short line without closing punctuation; a unit clause on its own line (`（办公室负责）`) is none
    if (short && !t.includes('\t') && !/[。；;，,：:！？）)〕】]$/.test(t) && !/^[（(〔【]/.test(t)) {
      out.set(p.line, { line: p.line, kind: 'short', text: t });
    }
  }
  return out;
}

/** `注：1.…`, `附件：1.…`: the first entry of a list of notes or attachments stands after the label */
const LABELLED_RE = /^((?:注|备注|附件)[：:][ \t\u3000]*)([0-9]{1,2})([.．﹒、﹑])(?![0-9])/;
function labelledMarker(folded: string, p: Paragraph): MarkerCandidate | undefined {
  if (!'注备附'.includes(folded[p.content.start]!)) return undefined;
  const m = LABELLED_RE.exec(folded.slice(p.content.start, p.content.end));
  if (!m) return undefined;
  const start = p.content.start + m[1]!.length;
  const raw = m[2]! + m[3]!;
  return { rank: 3, value: Number(m[2]), raw, span: { start, end: start + raw.length }, line: p.line, delimiter: m[3]!, expectedDelimiter: '.', strength: 'definite', labelled: true };
}

/** One marker token → a candidate. Built with all its fields at once (no spreads): this runs for
 *  every numbered line and sits on the keystroke path. */
export function classifyMarker(lines: Lines, line: number, text: string): MarkerCandidate | undefined {
  // the shape's token, its offset counted from the line's start: no record of the line is made
  const tok = lines.shapes[line]!.marker;
  if (!tok) return undefined;
  const rank = MARKER_RANK.get(tok.tokenType)!;
  const raw = tok.image;
  const start = lines.start(line) + tok.startOffset;
  const span = { start, end: start + raw.length };
  if (rank === 1) {
    // `三` alone on its line lost its `、`: an item only where the numbering expects it
    const bare = !(MARKER_COMMAS + MARKER_DOTS).includes(raw.slice(-1));
    return bare ? candidate(rank, raw, span, line, parseChineseNumeral(raw), '', 'weak') : candidate(rank, raw, span, line, parseChineseNumeral(raw.slice(0, -1)), raw.slice(-1), 'definite');
  }
  if (rank === 2 || rank === 4) {
    const closeAt = Math.max(raw.lastIndexOf('）'), raw.lastIndexOf(')'));
    const inner = raw.slice(1, closeAt);
    return candidate(rank, raw, span, line, rank === 2 ? parseChineseNumeral(inner) : parseDigits(inner), raw.slice(closeAt + 1), 'definite', raw[0], raw[closeAt]);
  }
  if (rank === 5) return candidate(rank, raw, span, line, parseCircled(raw[0]!), raw.slice(1), 'definite');
  // rank 3: digits, then at most one delimiter character
  let n = 0;
  while (n < raw.length && isDigitCode(raw.charCodeAt(n))) n++;
  const delimiter = raw.slice(n);
  const value = parseDigits(raw.slice(0, n));
  const dot = MARKER_DOTS.includes(delimiter) && delimiter !== '';
  const digitAfter = isDigitCode(text.charCodeAt(span.end));
  if (dot && digitAfter) {
    // `3.1 工作目标`, `3.1.2`, `2.5%`: a section number or a decimal, never an item. Only digits
    // running straight into text (`11.121人才梯队项目`) may be an item whose text starts with digits.
    let k = span.end;
    const lineEnd = lines.end(line);
    while (k < lineEnd && isDigitCode(text.charCodeAt(k))) k++;
    if (k >= lineEnd || /[.．﹒%％\s\u3000\u00a0]/.test(text[k]!)) return undefined;
  }
  const weak = delimiter === '' || delimiter === '，' || delimiter === ',' || (dot && digitAfter);
  return candidate(rank, raw, span, line, value, delimiter, weak ? 'weak' : 'definite');
}

/** a candidate with all its fields at once (no spreads), or none for a number below 1 */
function candidate(
  rank: Rank, raw: string, span: Span, line: number, value: number, delimiter: string, strength: 'definite' | 'weak', open?: string, close?: string,
): MarkerCandidate | undefined {
  return Number.isFinite(value) && value >= 1
    ? { rank, value, raw, span, line, delimiter, expectedDelimiter: EXPECTED_DELIM[rank], strength, open, close }
    : undefined;
}

export type { Span };

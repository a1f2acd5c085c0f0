// A 任务分解表 pasted from Word/Excel as tab-separated rows (FORMAT.md §6):
//   序号⇥工作任务⇥牵头单位⇥责任单位⇥完成时限          a header row names the columns
//   1⇥全面推进决策公开⇥县政府办公室⇥县政府各部门⇥6月底前   the number in a 序号 column
//   1.深入解读政策背景…⇥⇥省直各部门⇥…                 or at the start of the task cell
//   一、医疗质量⇥（一）功能定位⇥1.门诊人次数…           markers of several ranks in one row
//   ⇥（二）质量安全⇥8.手术患者…                       empty first cells: merged with the row above
import type { Paragraph, Rank, Span, UnitRole } from './types.js';
import { MARKER_RANK, type Lines } from '../parser/parser.js';
import type { MarkerCandidate } from './structure.js';
import { isWhitespace } from '../text/chars.js';
import { parseChineseNumeral } from '../text/numerals.js';
import { HEADER_COLUMNS, HEADER_HINT_RE } from '../lexicon/tables.js';
import { firstAtOrAfter } from './search.js';
import { orNone } from './none.js';

export interface TableColumns {
  /** column of the 序号 */
  number?: number;
  /** column of the task text */
  task?: number;
  /** unit columns and the role their header names */
  roles: Map<number, UnitRole>;
  /** column of the deadline (时限, 完成时间) */
  deadline?: number;
  /** the header cells as written, spaces removed */
  names: string[];
}

export interface TableRow {
  line: number;
  /** cells of the row, whitespace trimmed (may be empty) */
  cells: Span[];
  /** the 序号 cell as a marker: `1`, `1.`, `一`, `（一）` standing alone in the first cell */
  number?: MarkerCandidate;
  /** markers at the start of later cells */
  cellMarkers: MarkerCandidate[];
  /** from the header row above, if there is one */
  columns?: TableColumns;
  /** the cell that holds the task's text */
  taskCell: number;
}

const NUMBER_CELL_RE = /^([0-9０-９]+)([.．﹒、﹑]?)$/; // any number of digits
const SECTION_CELL_RE = /^([一二三四五六七八九十]{1,3})(、?)$/;
const SUBSECTION_CELL_RE = /^[（(]([一二三四五六七八九十]{1,3})[）)]$/;
/** a marker at the start of a cell: rank, pattern, and whether the number is Chinese */
const CELL_MARKERS: readonly [Rank, RegExp, boolean][] = [
  [1, /^([一二三四五六七八九十]{1,3})([、﹑.．﹒])/, true],
  [2, /^([（(])([一二三四五六七八九十]{1,3})([）)])/, true],
  [4, /^([（(])([0-9]+)([）)])/, false],
  [3, /^([0-9]+)([.．﹒、﹑])(?![0-9])/, false],
];
const EXPECTED: Record<Rank, string> = { 1: '、', 2: '', 3: '.', 4: '', 5: '' };

/** The cells of a row, counted from the line's start: a leading TAB is an empty first cell (a
 *  工作任务 or 序号 cell merged down over several rows), not indentation — dropping it read every
 *  later cell one column off (the 配合单位 cell as the 牵头单位). */
function cellsOf(text: string, p: Paragraph): Span[] {
  const out: Span[] = [];
  const start = text.slice(p.span.start, p.content.start).includes('\t') ? p.span.start : p.content.start;
  let from = start;
  for (let i = start; i <= p.content.end; i++) {
    if (i === p.content.end || text[i] === '\t') {
      let s = from;
      let e = i;
      while (s < e && isWhitespace(text[s])) s++;
      while (e > s && isWhitespace(text[e - 1])) e--;
      out.push({ start: s, end: e });
      from = i + 1;
    }
  }
  return out;
}

/** What each header cell names (spaces inside are spacing: `工　作　任　务`). */
function headerColumns(folded: string, cells: Span[]): TableColumns | undefined {
  const cols: TableColumns = { roles: new Map(), names: cells.map((c) => folded.slice(c.start, c.end).replace(/\s+/g, '')) };
  const persons: number[] = [];
  cells.forEach((c, i) => {
    const h = folded.slice(c.start, c.end).replace(/\s+/g, '');
    const kind = HEADER_COLUMNS.find(([re]) => re.test(h))?.[1];
    if (kind === 'number') cols.number ??= i;
    else if (kind === 'task') cols.task ??= i;
    else if (kind === 'deadline') cols.deadline ??= i;
    else if (kind === 'person') persons.push(i);
    else if (kind) cols.roles.set(i, kind);
  });
  // a 负责人 column names the responsible party only where no column names units
  if (!cols.roles.size) for (const i of persons) cols.roles.set(i, /牵头/.test(cols.names[i]!) ? 'lead' : 'responsible');
  return cols.roles.size || cols.task !== undefined ? cols : undefined;
}

function numberCell(folded: string, cell: Span, line: number): MarkerCandidate | undefined {
  const t = folded.slice(cell.start, cell.end);
  const m = NUMBER_CELL_RE.exec(t);
  if (m) {
    const value = Number(m[1]!.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)));
    return value >= 1 ? numberMarker(t, cell, line, 3, value, m[2]!) : undefined;
  }
  const sec = SECTION_CELL_RE.exec(t) ?? SUBSECTION_CELL_RE.exec(t);
  if (!sec) return undefined;
  const value = parseChineseNumeral(sec[1]!);
  const rank = t.startsWith('（') || t.startsWith('(') ? 2 : 1;
  return value >= 1 ? numberMarker(t, cell, line, rank, value, rank === 1 ? (sec[2] ?? '') : '') : undefined;
}

/** A 序号 cell's marker, built as one literal: a spread of the shared fields (`{ ...base, rank }`)
 *  gave every row's marker a hidden class of its own, 400 bytes of maps and descriptors each, a
 *  seventh of a big table's peak heap (issue 18). */
const numberMarker = (raw: string, cell: Span, line: number, rank: Rank, value: number, delimiter: string): MarkerCandidate =>
  ({ rank, value, raw, span: cell, line, delimiter, strength: 'definite', expectedDelimiter: '', inTable: true });

function cellMarker(folded: string, cell: Span, line: number, index: number): MarkerCandidate | undefined {
  const t = folded.slice(cell.start, Math.min(cell.end, cell.start + 8));
  for (const [rank, re, chinese] of CELL_MARKERS) {
    const m = re.exec(t);
    if (!m) continue;
    const bracketed = rank === 2 || rank === 4;
    const digits = bracketed ? m[2]! : m[1]!;
    const value = chinese ? parseChineseNumeral(digits) : Number(digits);
    if (!(value >= 1)) return undefined;
    const raw = m[0];
    return {
      rank, value, raw, span: { start: cell.start, end: cell.start + raw.length }, line, cell: index, strength: 'definite',
      delimiter: bracketed ? '' : m[2]!, expectedDelimiter: EXPECTED[rank], open: bracketed ? m[1] : undefined, close: bracketed ? m[3] : undefined,
    };
  }
  return undefined;
}

/** A 序号 column after the first (`工作任务⇥序号⇥具体要求⇥…`): a row whose leading cells were merged
 *  with the row above loses them in the export (`4⇥公开医保基金…⇥基金监管科⇥每季度`) — they are
 *  put back empty, so the number and the unit columns stand where the header says. */
function withMergedCells(folded: string, cells: Span[], columns: TableColumns | undefined, line: number): Span[] {
  const k = columns?.number;
  if (!k || cells.length !== columns.names.length - k || !numberCell(folded, cells[0]!, line)) return cells;
  const at = cells[0]!.start;
  return [...Array.from({ length: k }, () => ({ start: at, end: at })), ...cells];
}

/** A row whose leading cells were merged with the row above and left out by the export, not left
 *  empty: `3.及时反馈…⇥各科室` under `一、做好…⇥1.积极推进…⇥财务科` (工作任务⇥具体要求⇥责任部门). Its
 *  first cell opens with a marker of the rank the rows above hold in a later column; the missing
 *  cells are put back empty so its unit cell stands under its header again (read as 具体要求 it lost
 *  its units and took the merged ones of the row above). */
function withAbsentLeadingCells(cells: Span[], columns: TableColumns | undefined, rank: Rank | undefined, rankColumn: Map<Rank, number>): Span[] {
  const k = rank && rankColumn.get(rank);
  if (!columns || !k || cells[0]!.end === cells[0]!.start || cells.length + k > columns.names.length) return cells;
  const at = cells[0]!.start;
  return [...Array.from({ length: k }, () => ({ start: at, end: at })), ...cells];
}

/** What the scan carries from row to row: the header's columns and the column each rank's markers
 *  stand in, as they became after `line` (recorded where they change: a keystroke's scan resumes
 *  from the state before the first line it touched). */
export interface TableState {
  line: number;
  columns?: TableColumns;
  rankColumn: Map<Rank, number>;
}

/** Where a scan resumes: the rows and states of the lines before `line`, as a scan of an earlier
 *  version found them (those lines and everything before them unchanged). */
export interface TableResume {
  line: number;
  rows: Map<number, TableRow>;
  states: TableState[];
}

/** Rows of tab-separated tables, by line. Below a header row any row with a tab is a row; without
 *  one, a row needs three cells and a number in its first, so a stray tab in prose is no table. */
export function findTables(
  folded: string, paragraphs: Paragraph[], lines: Lines, resume?: TableResume, tail?: TableTail,
): { rows: Map<number, TableRow>; states: TableState[]; stopped: boolean } {
  const rows = new Map<number, TableRow>();
  const states: TableState[] = [];
  if (resume) {
    for (const [line, row] of resume.rows) { if (line >= resume.line) break; rows.set(line, row); }
    for (const st of resume.states) { if (st.line >= resume.line) break; states.push(st); }
  }
  const last = states[states.length - 1];
  let columns: TableColumns | undefined = last?.columns;
  /** the column each rank's markers stand in, in the rows of the table so far */
  let rankColumn = new Map<Rank, number>(last?.rankColumn);
  const from = resume ? firstAtOrAfter(paragraphs, resume.line) : 0;
  // paragraphs come in text order: one forward scan for tabs keeps this linear in the text
  let nextTab = folded.indexOf('\t', paragraphs[from]?.span.start ?? folded.length);
  for (let i = from; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    // the rest is the previous version's, moved: its rows are what this scan would find there,
    // where the scan reaches it in the state the old scan had (asked once, at its first line)
    if (tail && p.line >= tail.line) {
      if (sameState(columns, rankColumn, tail.state)) return { rows, states, stopped: true };
      tail = undefined;
    }
    if (nextTab < 0) break;
    if (nextTab < p.content.start) nextTab = folded.indexOf('\t', p.content.start);
    if (nextTab < 0 || nextTab >= p.content.end) continue;
    const token = lines.shapes[p.line]?.marker;
    const lineMarker = !!token;
    const cells = withAbsentLeadingCells(withMergedCells(folded, cellsOf(folded, p), columns, p.line), columns, token && MARKER_RANK.get(token.tokenType), rankColumn);
    const number = numberCell(folded, cells[columns?.number ?? 0]!, p.line);
    if (!number && !lineMarker && cells[0]!.end > cells[0]!.start && cells.filter((c) => HEADER_HINT_RE.test(folded.slice(c.start, c.end).replace(/\s+/g, ''))).length >= 2) {
      columns = headerColumns(folded, cells); // `序号⇥工作任务⇥牵头单位⇥…` names the columns below it
      rankColumn = new Map();
      states.push({ line: p.line, columns, rankColumn: new Map() });
      continue;
    }
    if (!columns && (cells.length < 3 || !(number || lineMarker))) continue;
    const cellMarkers: MarkerCandidate[] = [];
    // the line's own marker stands in its first filled cell (`⇥2.要求…` under a merged cell)
    const first = lineMarker ? Math.max(0, cells.findIndex((c) => c.end > c.start)) : 0;
    for (let c = first + 1; c < cells.length && c <= first + 3; c++) {
      const m = cellMarker(folded, cells[c]!, p.line, c);
      if (!m) break;
      cellMarkers.push(m);
      if (!rankColumn.has(m.rank)) {
        rankColumn.set(m.rank, c);
        states.push({ line: p.line, columns, rankColumn: new Map(rankColumn) });
      }
    }
    const taskCell = Math.max(columns?.task ?? (number ? 1 : 0), first);
    rows.set(p.line, { line: p.line, cells, number, cellMarkers: orNone(cellMarkers), columns, taskCell: cellMarkers.length ? cellMarkers[cellMarkers.length - 1]!.cell! : taskCell });
  }
  return { rows, states, stopped: false };
}

/** Where a keystroke's scan may stop: the kept tail's first line and the state the previous
 *  version's scan had there (rows below depend on nothing else but their own lines). */
export interface TableTail {
  line: number;
  state: TableState | undefined;
}

function sameState(columns: TableColumns | undefined, rankColumn: Map<Rank, number>, st: TableState | undefined): boolean {
  return sameColumns(columns, st?.columns) && sameEntries(rankColumn, st?.rankColumn ?? new Map());
}

function sameColumns(a: TableColumns | undefined, b: TableColumns | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.number !== b.number || a.task !== b.task || a.deadline !== b.deadline) return false;
  return a.names.length === b.names.length && a.names.every((n, i) => n === b.names[i]) && sameEntries(a.roles, b.roles);
}

function sameEntries<K, V>(a: Map<K, V>, b: Map<K, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

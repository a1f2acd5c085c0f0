// A 任务分解表 pasted from Word/Excel as tab-separated rows:
//   序号⇥工作任务⇥牵头单位⇥责任单位⇥完成时限
//   1⇥全面推进决策公开⇥县政府办公室⇥县政府各部门⇥6月底前
// Each numbered row is a task: its number is the 序号 cell (no delimiter), its title the task
// cell, and its units stand in the unit columns, named by the header row above.
import type { Paragraph, Span, UnitRole } from './types.js';
import { isWhitespace } from '../text/chars.js';
import { parseChineseNumeral } from '../text/numerals.js';

export interface TableColumns {
  /** column of the task text */
  task?: number;
  /** unit columns and the role their header names */
  roles: Map<number, UnitRole>;
  /** column of the deadline (时限, 完成时间) */
  deadline?: number;
}

export interface TableRow {
  line: number;
  /** cells of the row, whitespace trimmed (may be empty) */
  cells: Span[];
  /** the 序号 cell's number and delimiter as written (`1`, `1.`, `１、`); rank 1 and 2 for the
   *  section rows of a table (`一⇥推进决策公开`, `（一）⇥…`) */
  number: { rank: 1 | 2 | 3; value: number; span: Span; delimiter: string };
  /** from the header row above, if there is one */
  columns?: TableColumns;
}

const NUMBER_CELL_RE = /^([0-9０-９]{1,3})([.．、]?)$/;
const SECTION_CELL_RE = /^([一二三四五六七八九十]{1,3})(、?)$/;
const SUBSECTION_CELL_RE = /^[（(]([一二三四五六七八九十]{1,3})[）)]$/;
const HEADER_HINT_RE = /序号|序號|任务|任務|事项|事項|内容|內容|措施|单位|單位|部门|部門|处室|處室|时限|時限|时间|時間/;

function cellsOf(text: string, p: Paragraph): Span[] {
  const out: Span[] = [];
  let from = p.content.start;
  for (let i = p.content.start; i <= p.content.end; i++) {
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

/** What a header cell names: the role of a unit column, the task or the deadline column. */
function headerColumns(text: string, cells: Span[]): TableColumns | undefined {
  const cols: TableColumns = { roles: new Map() };
  cells.forEach((c, i) => {
    const h = text.slice(c.start, c.end).replace(/\s+/g, '');
    // `主（协）办单位` is one column whose first unit leads: parsed like a clause of its own
    if (/牵头|牽頭|主办|主辦|主责|主責/.test(h)) cols.roles.set(i, 'lead');
    else if (/配合|协办|協辦|参与|參與|协助|協助/.test(h)) cols.roles.set(i, 'cooperating');
    else if (/指导|指導/.test(h)) cols.roles.set(i, 'guiding');
    else if (/单位|單位|部门|部門|处室|處室|科室|司局|机关|機關|责任主体|責任主體/.test(h)) cols.roles.set(i, 'responsible');
    else if (/时限|時限|时间|時間|期限|进度|進度/.test(h)) cols.deadline ??= i;
    else if (/任务|任務|事项|事項|内容|內容|措施|举措|舉措/.test(h)) cols.task ??= i;
  });
  return cols.roles.size || cols.task !== undefined ? cols : undefined;
}

/** Rows of tab-separated tables, by line. A row needs a number in its first cell and at least
 *  three cells (two below a header row), so a stray tab in running text is no table. */
export function findTableRows(text: string, paragraphs: Paragraph[]): Map<number, TableRow> {
  const rows = new Map<number, TableRow>();
  let columns: TableColumns | undefined;
  // paragraphs come in text order: one forward scan for tabs keeps this linear in the text
  let nextTab = text.indexOf('\t');
  for (const p of paragraphs) {
    if (nextTab < 0) break;
    if (nextTab < p.content.start) nextTab = text.indexOf('\t', p.content.start);
    if (nextTab < 0 || nextTab >= p.content.end) continue;
    const cells = cellsOf(text, p);
    // trailing empty cells are lost with the trailing whitespace (`3⇥做好丙⇥⇥`): below a header
    // row two cells make a row
    if (cells.length < (columns ? 2 : 3)) continue;
    const first = cells[0]!;
    const firstText = text.slice(first.start, first.end);
    const m = NUMBER_CELL_RE.exec(firstText);
    // a section row below a header: `一⇥推进决策公开`, `（二）⇥优化政务服务`
    const sec = columns && !m ? SECTION_CELL_RE.exec(firstText) ?? SUBSECTION_CELL_RE.exec(firstText) : null;
    if (sec) {
      const value = parseChineseNumeral(sec[1]!);
      const rank = firstText.startsWith('（') || firstText.startsWith('(') ? 2 : 1;
      if (value >= 1) rows.set(p.line, { line: p.line, cells, number: { rank, value, span: { ...first }, delimiter: rank === 1 ? sec[2]! : '' }, columns });
      continue;
    }
    if (!m) {
      // a header row: `序号⇥工作任务⇥牵头单位⇥…` sets the columns of the rows below it
      if (cells.filter((c) => HEADER_HINT_RE.test(text.slice(c.start, c.end))).length >= 2) columns = headerColumns(text, cells);
      continue;
    }
    const digits = m[1]!.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
    const value = Number(digits);
    if (!(value >= 1)) continue;
    rows.set(p.line, { line: p.line, cells, number: { rank: 3, value, span: { ...first }, delimiter: m[2]! }, columns });
  }
  return rows;
}

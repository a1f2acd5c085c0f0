// A plan read from an office file — Word (.docx, .doc, WPS's .wps) or Excel (.xlsx): where each line
// of its extracted text came from (paragraph, table cell, text box, worksheet cell), how such a
// position is named so a Word or Excel user can find it (`第12段“（三）完善基层行政决策…”`,
// `工作表“任务分解”第7行B列`), and the one hook that reads any plan file. The readers themselves
// (docx.ts, xlsx.ts) are loaded only for office files.
import { readPlanFile, type FileError, type ReadResult } from './files.js';
import { fileError } from './file-error.js';
import { text as say, type Locale } from '../i18n/catalogue.js';

/** Where a line of the extracted text is in the office file. */
export type LineOrigin =
  /** the n-th non-empty paragraph outside tables (1-based) */
  | { paragraph: number }
  /** an empty paragraph after paragraph n (0: before the first) */
  | { after: number }
  /** row `row` of the document's table `table` (both 1-based); `cellStarts[i]` is the offset in the
   *  line where grid column i + 1 begins */
  | { table: number; row: number; cellStarts: number[] }
  /** the m-th non-empty paragraph of the document's n-th text box */
  | { textBox: number; paragraph: number }
  /** row `row` of a worksheet; `cellStarts[i]` is where the cell of column `columns[i]` (1 = A) begins */
  | { sheet: string; row: number; cellStarts: number[]; columns: number[] };

/** A position in the office file, with the start of its text (`quote`) so 查找 finds it. */
export type WordPlace = (
  | { paragraph: number }
  | { table: number; row: number; cell: number }
  | { textBox: number; paragraph: number }
  | { sheet: string; row: number; column: number }
) & { quote?: string };

export interface WordNote {
  /** numbering-unrecoverable: list numbers Word draws that could not be spelled;
   *  doc-numbering: a .doc has automatic list numbers, which are never recovered;
   *  no-text: the file holds no text (a scanned page, a picture) */
  kind: 'numbering-unrecoverable' | 'doc-numbering' | 'no-text';
  /** the first paragraph (or table cell) it concerns */
  place: WordPlace;
  /** how many paragraphs are affected */
  count: number;
  /** what could not be spelled: a numFmt or a missing list definition */
  detail: string;
}

export interface WordSource {
  format: 'docx' | 'doc' | 'xlsx';
  /** one entry per line of the text */
  lines: LineOrigin[];
  notes: WordNote[];
  /** automatic list numbers put back into the text */
  recoveredNumbers: number;
  /** the lines of the extracted text (for the quotes of positions) */
  texts: string[];
  /** the line Word itself marks as the title (Title/标题 style, a centred large first paragraph):
   *  passed to the engine as a hint */
  titleLines?: { first: number; last: number };
}

export type WordRead =
  | { ok: true; path: string; text: string; word: WordSource }
  | { ok: false; path: string; error: FileError };

/** A file read for checking: plain text as readPlanFile reads it, or an office file's text. */
export type SourceRead = (ReadResult & { word?: undefined }) | WordRead;

/** Word formats (WPS's .wps is a Word 97–2003 document under another name) and Excel formats. */
export const WORD_EXTENSIONS = ['.docx', '.doc', '.wps'] as const;
export const SHEET_EXTENSIONS = ['.xlsx', '.xlsm'] as const;
/** Excel 97–2003 and WPS 表格: no well-kept reader without known vulnerabilities exists on npm
 *  (SheetJS's npm `xlsx` is frozen at 0.18.5 with CVE-2023-30533 and CVE-2024-22363), so they are
 *  refused with what to do. */
export const OLD_SHEET_EXTENSIONS = ['.xls', '.et', '.ett'] as const;
/** OpenDocument (LibreOffice's own formats): named, and told to save as .docx or .xlsx. */
export const OPEN_DOCUMENT_EXTENSIONS = ['.odt', '.ods', '.fodt', '.fods'] as const;
/** `.docx` of `计划.DOCX`, as node's extname gives it, lower-cased; pure, so the web page reads with it too. */
export const extensionOf = (path: string): string => /(?<=[^/\\])\.[^./\\]*$/.exec(path)?.[0].toLowerCase() ?? '';
const has = (list: readonly string[], path: string) => list.includes(extensionOf(path));
/** An office file fengong reads (or explains why not) instead of reading it as text. */
export const isWordPath = (path: string): boolean => [WORD_EXTENSIONS, SHEET_EXTENSIONS, OLD_SHEET_EXTENSIONS, OPEN_DOCUMENT_EXTENSIONS].some((l) => has(l, path));

/** The one place files are read for the engine: office files by their content, the rest as
 *  text. The readers are loaded only when an office file comes: a run over .txt plans never pays for them. */
export async function readPlanSource(path: string): Promise<SourceRead> {
  if (has(WORD_EXTENSIONS, path)) return (await import('./docx.js')).readWordFile(path);
  if (has(SHEET_EXTENSIONS, path) || has(OLD_SHEET_EXTENSIONS, path)) return (await import('./xlsx.js')).readSheetFile(path);
  if (has(OPEN_DOCUMENT_EXTENSIONS, path)) {
    // a missing file is said as for any file
    const r = await readPlanFile(path, { maxBytes: 1 });
    return { ok: false, path, error: !r.ok && r.error.code !== 'too-large' && r.error.code !== 'binary' ? r.error : officeError('office.openDocument', path) };
  }
  return readPlanFile(path);
}

/** The error for a file fengong recognises but cannot read: the catalogue's words for `id`. */
export function officeError(id: 'office.oldSheet' | 'office.sheetCorrupt' | 'office.notSheet' | 'office.openDocument', path: string, detail?: string): FileError {
  const err = fileError('undecodable', path, detail);
  const d = (l: Locale) => (detail ? say(l, 'io.detail', { detail }) : '');
  err.message = { zh: say('zh', id, { path, detail: d('zh') }), en: say('en', id, { path, detail: d('en') }) };
  return err;
}

// ---- positions ----

const QUOTE_CHARS = 12;

/** The start of a paragraph or cell as it reads (`（三）完善基层行政决策…`), undefined when empty. */
export function quoteOf(s: string): string | undefined {
  const t = [...s.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, '').replace(/\s+/gu, ' ')];
  if (!t.length) return undefined;
  return t.length > QUOTE_CHARS ? t.slice(0, QUOTE_CHARS).join('') + '…' : t.join('');
}

const sameOrigin = (a: LineOrigin | undefined, b: LineOrigin): boolean =>
  !!a && ('paragraph' in a && 'paragraph' in b ? a.paragraph === b.paragraph && ('textBox' in a ? 'textBox' in b && a.textBox === b.textBox : !('textBox' in b)) : false);

/** The paragraph or cell of a line and column (0-based) of the extracted text, with its quote. */
export function placeAt(word: WordSource, line: number, character: number): WordPlace {
  const at = Math.max(0, Math.min(line, word.lines.length - 1));
  const o = word.lines[at];
  if (!o) return { paragraph: 1 };
  const withQuote = <P extends WordPlace>(p: P, s: string | undefined): P => {
    const q = quoteOf(s ?? '');
    return q ? { ...p, quote: q } : p;
  };
  if ('after' in o) return { paragraph: Math.max(1, o.after) };
  if ('paragraph' in o) {
    // a paragraph with soft line breaks is several lines: quote its first
    let first = at;
    while (first > 0 && sameOrigin(word.lines[first - 1], o)) first--;
    const p: WordPlace = 'textBox' in o ? { textBox: o.textBox, paragraph: o.paragraph } : { paragraph: o.paragraph };
    return withQuote(p, word.texts[first]);
  }
  let i = 0;
  o.cellStarts.forEach((start, k) => { if (start <= character) i = k; });
  const lineText = word.texts[at] ?? '';
  const cellText = lineText.slice(o.cellStarts[i] ?? 0).split('\t')[0];
  if ('sheet' in o) return withQuote({ sheet: o.sheet, row: o.row, column: o.columns[i] ?? i + 1 }, cellText);
  return withQuote({ table: o.table, row: o.row, cell: i + 1 }, cellText);
}

/** The first line (0-based) of the extracted text that comes from a paragraph or table cell. */
export function lineOf(word: WordSource, place: WordPlace): number {
  const i = word.lines.findIndex((o) => {
    if ('sheet' in place) return 'sheet' in o && o.sheet === place.sheet && o.row === place.row;
    if ('table' in place) return 'table' in o && o.table === place.table && o.row === place.row;
    if ('textBox' in place) return 'textBox' in o && o.textBox === place.textBox && o.paragraph === place.paragraph;
    return 'paragraph' in o && !('textBox' in o) && o.paragraph === place.paragraph;
  });
  return Math.max(0, i);
}

/** Excel's letters for a column: 1 → A, 28 → AB. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** `第12段“（三）完善…”`, `表1第3行第2列“省财政厅”`, `文本框1第2段“…”`, `工作表“任务分解”第7行B列“…”` —
 *  what every report names for a position in an office file. */
export function placeLabel(place: WordPlace, locale: Locale): string {
  const q = place.quote ? say(locale, 'office.quote', { quote: place.quote }) : '';
  if ('sheet' in place) {
    // Excel's own reference in English (`'任务分解'!B7`), quoted as a formula would be when needed
    const ref = locale === 'en' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(place.sheet) ? `'${place.sheet.replace(/'/g, "''")}'` : place.sheet;
    return say(locale, 'office.cell', { sheet: ref, row: place.row, column: columnLetters(place.column) }) + q;
  }
  if ('table' in place) return say(locale, 'office.tableCell', { table: place.table, row: place.row, cell: place.cell }) + q;
  if ('textBox' in place) return say(locale, 'office.textBox', { box: place.textBox, paragraph: place.paragraph }) + q;
  return say(locale, 'office.paragraph', { paragraph: place.paragraph }) + q;
}

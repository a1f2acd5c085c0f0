// A plan read from a Word document: where each line of its extracted text came from (paragraph or
// table cell), how such a position is named (`第12段`), and the one hook that reads any plan file.
// No dependencies: the reader itself (docx.ts) is loaded only for Word files.
import { extname } from 'node:path';
import { readPlanFile, type FileError, type ReadResult } from './files.js';

/** Where a line of the extracted text is in the Word document. */
export type LineOrigin =
  /** the n-th non-empty paragraph outside tables (1-based) */
  | { paragraph: number }
  /** an empty paragraph after paragraph n (0: before the first) */
  | { after: number }
  /** row `row` of the document's table `table` (both 1-based); `cellStarts[i]` is the offset in the
   *  line where grid column i + 1 begins */
  | { table: number; row: number; cellStarts: number[] };

export type WordPlace = { paragraph: number } | { table: number; row: number; cell: number };

export interface WordNote {
  kind: 'numbering-unrecoverable';
  /** the first paragraph (or table cell) whose number could not be recovered */
  place: WordPlace;
  /** how many paragraphs are affected */
  count: number;
  /** what could not be spelled: a numFmt or a missing list definition */
  detail: string;
}

export interface WordSource {
  format: 'docx' | 'doc';
  /** one entry per line of the text */
  lines: LineOrigin[];
  notes: WordNote[];
  /** automatic list numbers put back into the text */
  recoveredNumbers: number;
}

export type WordRead =
  | { ok: true; path: string; text: string; word: WordSource }
  | { ok: false; path: string; error: FileError };

/** A file read for checking: plain text as readPlanFile reads it, or a Word document's text. */
export type SourceRead = (ReadResult & { word?: undefined }) | WordRead;

export const WORD_EXTENSIONS = ['.docx', '.doc'] as const;
export const isWordPath = (path: string): boolean => (WORD_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());

/** The one place files are read for the engine: Word documents by their content, the rest as
 *  text. The Word reader is loaded only when a Word document comes: a run over .txt plans never pays for it. */
export async function readPlanSource(path: string): Promise<SourceRead> {
  if (isWordPath(path)) return (await import('./docx.js')).readWordFile(path);
  return readPlanFile(path);
}

// ---- positions ----

/** The Word paragraph or table cell of a line and column (0-based) of the extracted text. */
export function placeAt(word: WordSource, line: number, character: number): WordPlace {
  const o = word.lines[Math.max(0, Math.min(line, word.lines.length - 1))];
  if (!o) return { paragraph: 1 };
  if ('paragraph' in o) return { paragraph: o.paragraph };
  if ('after' in o) return { paragraph: Math.max(1, o.after) };
  let cell = 1;
  o.cellStarts.forEach((start, i) => { if (start <= character) cell = i + 1; });
  return { table: o.table, row: o.row, cell };
}

/** The first line (0-based) of the extracted text that comes from a paragraph or table cell. */
export function lineOf(word: WordSource, place: WordPlace): number {
  const i = word.lines.findIndex((o) => ('paragraph' in place
    ? 'paragraph' in o && o.paragraph === place.paragraph
    : 'table' in o && o.table === place.table && o.row === place.row));
  return Math.max(0, i);
}

/** `第12段`, `表1第3行第2列` — what stylish and github print for a Word document. */
export function placeLabel(place: WordPlace, locale: 'zh' | 'en'): string {
  if ('paragraph' in place) return locale === 'en' ? `paragraph ${place.paragraph}` : `第${place.paragraph}段`;
  return locale === 'en' ? `table ${place.table} row ${place.row} column ${place.cell}` : `表${place.table}第${place.row}行第${place.cell}列`;
}

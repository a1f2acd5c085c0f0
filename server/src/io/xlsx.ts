// Excel workbooks as plans: many offices keep the 任务分解表 itself as a spreadsheet (`序号 · 工作任务 ·
// 牵头单位 · 责任单位 · 完成时限`, a title row, merged group rows, merged unit cells). Read with exceljs
// (already the task table's writer) into exactly the text a copy of the sheet pasted into a text
// file would be, so the engine reads it as it reads a pasted table (FORMAT.md §6):
//
//   row                     → one line, cells joined by TAB, from the sheet's first used column to its last
//   merged cell             → its text in its first (top-left) cell, the cells it covers empty —
//                             what Excel's own copy gives (`C5:C6` 省财政厅 → row 6's 牵头单位 is empty)
//   a row of one cell only  → its text alone (a title, or a group row `一、…` merged across the table),
//                             when that cell is in the first column
//   several lines in a cell → one line: stacked unit names joined by `、`, other text by a space
//   several sheets          → one after another, an empty line between; hidden sheets are left out
//
// Positions are Excel's: `工作表“任务分解”第7行B列` / `'任务分解'!B7`.
import { readOfficeBytes, OLE, startsWith, ZIP } from './office-bytes.js';
import { unzipSync } from 'fflate';
import { DEFAULT_MAX_BYTES, fileError } from './files.js';
import { joinCellParagraphs } from './cell-text.js';
import { extensionOf, OLD_SHEET_EXTENSIONS, officeError, type LineOrigin, type WordRead, type WordSource } from './word-source.js';


/** Reads an .xlsx (or explains why an .xls/.et cannot be read). Never throws. */
export async function readSheetFile(path: string, opts: { maxBytes?: number } = {}): Promise<WordRead> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const read = await readOfficeBytes(path, maxBytes, () => officeError('office.sheetCorrupt', path));
  if (!read.ok) return { ok: false, path, error: read.error };
  return readSheetBytes(path, read.buf, maxBytes);
}

/** A workbook's bytes, read from disk or dropped on the web page (web/src/readers.ts). Never throws. */
export async function readSheetBytes(path: string, buf: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Promise<WordRead> {
  // an .xls or .et that is really an .xlsx (saved under the old name) is read; a real one is refused
  if (!startsWith(buf, ZIP)) {
    const old = (OLD_SHEET_EXTENSIONS as readonly string[]).includes(extensionOf(path)) || startsWith(buf, OLE);
    return { ok: false, path, error: old ? officeError('office.oldSheet', path) : officeError('office.sheetCorrupt', path, 'not a zip (.xlsx) file') };
  }
  try {
    return { ok: true, path, ...(await extractXlsx(buf, maxBytes)) };
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'too-large') return { ok: false, path, error: fileError('too-large', path, err.message) };
    if (err.code === 'not-sheet') return { ok: false, path, error: officeError('office.notSheet', path, err.message) };
    return { ok: false, path, error: officeError('office.sheetCorrupt', path, err?.message ?? String(e)) };
  }
}

const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

/** Sizes checked from the zip's directory before exceljs inflates anything: a zip bomb is refused. */
function checkPackage(buf: Uint8Array, maxBytes: number): void {
  let total = 0;
  let workbook = false;
  try {
    unzipSync(buf, {
      filter: (f) => {
        total += f.originalSize;
        if (f.originalSize > maxBytes || total > 2 * maxBytes) throw failure('too-large', `${f.name}: ${f.originalSize} bytes`);
        if (f.name === 'xl/workbook.xml') workbook = true;
        return false;
      },
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'too-large') throw e;
    throw failure('corrupt', `zip: ${(e as Error)?.message ?? e}`);
  }
  if (!workbook) throw failure('not-sheet', 'no xl/workbook.xml');
}

type Workbook = import('exceljs').Workbook;
type Worksheet = import('exceljs').Worksheet;
type CellValue = import('exceljs').CellValue;

/** The text and line map of an .xlsx held in memory; throws on a damaged workbook. */
export async function extractXlsx(buf: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Promise<{ text: string; word: WordSource }> {
  checkPackage(buf, maxBytes);
  // loaded on demand: only spreadsheets need it
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const wb: Workbook = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    const rows = sheetRows(ws);
    if (!rows.length) continue;
    if (lines.length) { lines.push(''); origins.push({ after: 0 }); }
    for (const r of rows) { lines.push(r.text); origins.push(r.origin); }
  }
  const word: WordSource = { format: 'xlsx', lines: origins, notes: [], recoveredNumbers: 0, texts: lines };
  if (!lines.some((l) => l.trim())) word.notes.push({ kind: 'no-text', place: { paragraph: 1 }, count: 0, detail: '' });
  return { text: lines.join('\n') + (lines.length ? '\n' : ''), word };
}

/** A sheet's rows as text lines, from its first used row to its last. */
function sheetRows(ws: Worksheet): { text: string; origin: LineOrigin }[] {
  const grid = new Map<number, Map<number, string>>();
  let minCol = Infinity;
  let maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // a merged cell's text is in its first cell only, as Excel's copy gives it
      if (cell.isMerged && cell.master !== cell) return;
      const s = cellText(cell.value);
      if (!s) return;
      let m = grid.get(r);
      if (!m) grid.set(r, (m = new Map()));
      m.set(c, s);
      minCol = Math.min(minCol, c);
      maxCol = Math.max(maxCol, c);
    });
  });
  if (!grid.size) return [];
  const rowNumbers = [...grid.keys()].sort((a, b) => a - b);
  const out: { text: string; origin: LineOrigin }[] = [];
  for (let r = rowNumbers[0]!; r <= rowNumbers[rowNumbers.length - 1]!; r++) {
    const m = grid.get(r);
    if (!m) { out.push({ text: '', origin: { sheet: ws.name, row: r, cellStarts: [0], columns: [minCol] } }); continue; }
    if (m.size === 1 && m.has(minCol)) {
      // a title or a group row (`一、以政务公开助力稳增长` merged across): its text alone
      const [c, s] = [...m][0]!;
      out.push({ text: s, origin: { sheet: ws.name, row: r, cellStarts: [0], columns: [c] } });
      continue;
    }
    let text = '';
    const cellStarts: number[] = [];
    const columns: number[] = [];
    for (let c = minCol; c <= maxCol; c++) {
      if (c > minCol) text += '\t';
      cellStarts.push(text.length);
      columns.push(c);
      text += m.get(c) ?? '';
    }
    out.push({ text, origin: { sheet: ws.name, row: r, cellStarts, columns } });
  }
  return out;
}

/** What a cell shows, on one line. */
export function cellText(v: CellValue): string {
  const s = rawText(v);
  return joinCellParagraphs(s.replace(/\r\n?/g, '\n').split('\n').map((p) => p.replace(/\t/g, ' ')));
}

function rawText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // dates as a Chinese office writes them (exceljs reads them as UTC)
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return rawText((v as { result?: CellValue }).result ?? null);
    if ('text' in v && 'hyperlink' in v) return rawText((v as { text: CellValue }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return '';
}

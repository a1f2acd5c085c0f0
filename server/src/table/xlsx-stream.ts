// The 任务分工表 workbook streamed (`fengong table -f xlsx -o`): exceljs draws a skeleton — both
// sheets with their page setup, print titles and footer, and one probe row of each style (title,
// note, header, 一、 group, （一） group, centred and left task cells) — and the sheets' rows are then
// written here as the XML exceljs writes for them, straight into an fflate streaming zip. exceljs's
// own streaming writer spent three quarters of a 16 MB plan's 55 s styling cell by cell (issue 18);
// test/table/stream.test.ts reads both workbooks back and compares them cell by cell.
import { strFromU8, unzipSync } from 'fflate';
import { joinBytes, pushText, textEntry, zipWithFiles, type Deflater } from './zip.js';
import type { TaskTable } from './types.js';
import { officeTable, type OfficeOptions, type OfficeRow, type OfficeTable, type OfficeView } from './office.js';
import { escapeXml, xlsxCell } from './sanitize.js';
import { CENTERED, LINE_HEIGHT, SCALE, SHEET, excel, printCentered, sheet, wrappedLines, type Workbook } from './xlsx.js';

/** the style index of each kind of cell, read off the skeleton's probe rows */
interface Styles {
  title: string;
  note: string;
  header: string;
  group: [string, string];
  center: string;
  left: string;
}

/** One sheet of the skeleton, cut around its columns and rows. */
interface SheetFrame {
  /** up to `<cols>` */
  before: string;
  /** after `</mergeCells>` (print options, margins, page setup, footer) */
  after: string;
}

export async function* streamXlsx(table: TaskTable, by: OfficeView, opts: OfficeOptions, pipe: () => NodeJS.ReadWriteStream, deflater?: Deflater): AsyncGenerator<Uint8Array> {
  const views: OfficeView[] = by === 'unit' ? ['unit', 'task'] : ['task', 'unit'];
  const cell = (s: string) => xlsxCell(s, opts.locale);
  // one view's layout at a time: the second is made once the first is written
  let o: OfficeTable | undefined = officeTable(table, views[0]!, opts);
  const { files, frames, styles } = await skeleton(o, views, opts, pipe, cell);
  const { zip, out } = zipWithFiles(files, deflater);
  for (let k = 0; k < views.length; k++) {
    o ??= officeTable(table, views[k]!, opts);
    const f = textEntry(`xl/worksheets/sheet${k + 1}.xml`, deflater);
    zip.add(f);
    for (const xml of sheetXml(o, frames[k]!, styles, cell)) {
      await pushText(f, xml);
      yield* out.splice(0);
    }
    await pushText(f, '', true);
    o = undefined;
  }
  zip.end();
  yield* out.splice(0);
}

/** The workbook exceljs writes for the probe tables, unzipped: every part but the sheets as it is,
 *  each sheet cut where its columns and rows go, and the probes' style indices. */
async function skeleton(o: OfficeTable, views: OfficeView[], opts: OfficeOptions, pipe: () => NodeJS.ReadWriteStream, cell: (s: string) => string) {
  const ExcelJS = await excel();
  const stream = pipe();
  const bytes = (async () => {
    const chunks: Uint8Array[] = [];
    for await (const c of stream) chunks.push(c as Uint8Array);
    return chunks;
  })();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: stream as never, useStyles: true, useSharedStrings: false });
  wb.creator = 'fengong';
  wb.lastModifiedBy = 'fengong';
  wb.title = cell(o.title);
  const add = wb.addWorksheet.bind(wb);
  wb.addWorksheet = (name, options) => printCentered(add(name, options));
  for (const view of views) {
    const probe: OfficeTable = { ...o, view, rows: PROBES, columns: [{ ...o.columns[0]!, key: 'number' }, { ...o.columns[0]!, key: 'text' }] };
    for (const _ of sheet(wb as unknown as Workbook, probe, SHEET[opts.locale ?? 'zh'][view], cell)) { /* drawn */ }
  }
  await wb.commit();
  const files = unzipSync(joinBytes(await bytes));
  const frames: SheetFrame[] = [];
  let styles: Styles | undefined;
  views.forEach((_, k) => {
    const name = `xl/worksheets/sheet${k + 1}.xml`;
    const xml = strFromU8(files[name]!);
    delete files[name];
    styles ??= probeStyles(xml, 2 + o.notes.length);
    frames.push({ before: xml.slice(0, xml.indexOf('<cols>')), after: xml.slice(xml.indexOf('</mergeCells>') + '</mergeCells>'.length) });
  });
  return { files, frames, styles: styles! };
}

/** one row of each style the rows use */
const PROBES: OfficeRow[] = [
  { kind: 'section', text: 'x', depth: 1 },
  { kind: 'section', text: 'x', depth: 2 },
  { kind: 'task', cells: ['x', 'x'], task: 0 },
];

function probeStyles(xml: string, headerRow: number): Styles {
  const styleOf = (row: number, col: string) => {
    const m = new RegExp(`<c r="${col}${row}" s="(\\d+)"`).exec(xml);
    if (!m) throw new Error(`xlsx skeleton: no style at ${col}${row}`);
    return m[1]!;
  };
  return {
    title: styleOf(1, 'A'), note: headerRow > 2 ? styleOf(2, 'A') : '0', header: styleOf(headerRow, 'A'),
    group: [styleOf(headerRow + 1, 'A'), styleOf(headerRow + 2, 'A')], center: styleOf(headerRow + 3, 'A'), left: styleOf(headerRow + 3, 'B'),
  };
}

/** A sheet's XML in pieces of some 64 K characters: the frame, the columns, the title, notes and
 *  header rows, every row of the table, the merged rows. */
function* sheetXml(o: OfficeTable, frame: SheetFrame, st: Styles, cell: (s: string) => string): Generator<string> {
  const n = o.columns.length;
  const widths = o.columns.map((c) => Math.round(c.width * SCALE));
  const total = widths.reduce((a, b) => a + b, 0);
  const headerRow = 2 + o.notes.length;
  const merges: number[] = [];
  const row = rowWriter(n);
  const mergedRow = (at: number, text: string, style: string, size: number, lineHeight: number) => {
    merges.push(at);
    return row(at, lineHeight * wrappedLines(text, total / (size / 12)) + 6, Array.from({ length: n }, (_, i) => (i ? '' : text)), () => style);
  };
  let xml = `${frame.before}${colsXml(widths)}<sheetData>`;
  xml += mergedRow(1, cell(o.title), st.title, 20, 30);
  o.notes.forEach((note, i) => (xml += mergedRow(2 + i, cell(note), st.note, 12, LINE_HEIGHT)));
  const headers = o.columns.map((c) => cell(c.header));
  xml += row(headerRow, LINE_HEIGHT * Math.max(...headers.map((h, i) => wrappedLines(h, widths[i]!))) + 8, headers, () => st.header);
  const align = o.columns.map((c) => (CENTERED.includes(c.key) ? st.center : st.left));
  for (let ri = 0; ri < o.rows.length; ri++) {
    const r = o.rows[ri]!;
    const at = headerRow + 1 + ri;
    if (r.kind === 'section') xml += mergedRow(at, cell(r.text), st.group[r.depth >= 2 ? 1 : 0], 12, LINE_HEIGHT);
    else {
      const cells = r.cells.map(cell);
      let lines = 1;
      for (let i = 0; i < n; i++) lines = Math.max(lines, wrappedLines(cells[i]!, widths[i]!));
      xml += row(at, LINE_HEIGHT * lines + 6, cells, (i) => align[i]!);
    }
    if (xml.length < 1 << 16) continue;
    yield xml;
    xml = '';
  }
  const last = columnName(n - 1);
  yield `${xml}</sheetData><mergeCells count="${merges.length}">${merges.map((at) => `<mergeCell ref="A${at}:${last}${at}"/>`).join('')}</mergeCells>${frame.after}`;
}

/** `<cols>` as exceljs writes it: a run of columns of one width is one `<col>` */
function colsXml(widths: number[]): string {
  let xml = '<cols>';
  for (let i = 0; i < widths.length;) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    xml += `<col min="${i + 1}" max="${j + 1}" width="${widths[i]}" customWidth="1"/>`;
    i = j + 1;
  }
  return xml + '</cols>';
}

/** `<row …><c …>…</c>…</row>` as exceljs's streaming writer writes a row of strings (an empty
 *  cell keeps its style and no value). */
function rowWriter(n: number) {
  const letters = Array.from({ length: n }, (_, i) => columnName(i));
  return (at: number, height: number, cells: readonly string[], style: (i: number) => string): string => {
    let xml = `<row r="${at}" ht="${height}" customHeight="1" spans="1:${n}" x14ac:dyDescent="0.25">`;
    for (let i = 0; i < n; i++) {
      const v = cells[i] ?? '';
      xml += v === '' ? `<c r="${letters[i]}${at}" s="${style(i)}"/>` : `<c r="${letters[i]}${at}" s="${style(i)}" t="str"><v>${xmlText(v)}</v></c>`;
    }
    return xml + '</row>';
  };
}

const columnName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** DEL and the C0 controls other than tab and line breaks: exceljs drops them */
const DROPPED = '\\x7F\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F';
const EXCEL_DROPS = new RegExp(`[${DROPPED}]`, 'g');
/** a text with nothing to drop or escape */
const PLAIN = new RegExp(`^[^${DROPPED}&<>"']*$`);
/** as exceljs encodes text: the five entities, DEL and C0 controls other than tab and breaks dropped;
 *  most cells have none of them, told by one test (every cell of a big workbook passes here) */
const xmlText = (s: string) => (PLAIN.test(s) ? s : escapeXml(s.replace(EXCEL_DROPS, '')));

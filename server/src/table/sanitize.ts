// What a cell's text must not do once it is in a spreadsheet or an XML document:
// - CSV: a cell that begins with = + - @ (or a tab or CR) is a formula to Excel and WPS
//   (`=HYPERLINK(…)`, `+SUM(…)*cmd|…`). As OWASP advises, such a cell is prefixed with `'`, which
//   both show as text; the plan's own words are otherwise unchanged.
// - xlsx and docx are XML: characters XML 1.0 forbids (C0 controls other than tab and line
//   breaks, U+FFFE, U+FFFF, lone surrogates) would make the file unreadable, so they are dropped.
// - xlsx: Excel holds at most 32,767 characters in a cell; a longer one is cut there and says so.
import type { OfficeRow, OfficeTable } from './office.js';

/** Excel's limit of characters in one cell. */
export const XLSX_CELL_LIMIT = 32767;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV cell that a spreadsheet would read as a formula gets a leading `'`. Numbers stay numbers. */
export function csvSafe(v: string | number): string | number {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// eslint-disable-next-line no-control-regex
const MAYBE_ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]/;

/** The text without the characters XML 1.0 does not allow. Most cells have none, nor any surrogate
 *  (which XML_ILLEGAL's look-arounds check): one character class tells, and the text is returned
 *  as it is (every cell of a big table's office files passes here; issue 18). */
export function xmlSafe(s: string): string {
  return MAYBE_ILLEGAL.test(s) ? s.replace(XML_ILLEGAL, '') : s;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const TO_ESCAPE = /[&<>"']/;
/** Text in XML: the five entities escaped (the office files' rows are written as XML strings). */
export const escapeXml = (s: string): string => (TO_ESCAPE.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);

/** An xlsx cell: XML-safe, and cut at Excel's limit with a note of how long it was. */
export function xlsxCell(s: string, locale: 'zh' | 'en' = 'zh'): string {
  const t = xmlSafe(s);
  if (t.length <= XLSX_CELL_LIMIT) return t;
  const note = locale === 'en' ? `… [cut at Excel's limit of ${XLSX_CELL_LIMIT} characters; ${t.length} in the plan]` : `……（超过 Excel 单元格上限 ${XLSX_CELL_LIMIT} 字，已截断；原文 ${t.length} 字）`;
  let cut = XLSX_CELL_LIMIT - note.length;
  if (/[\ud800-\udbff]/.test(t[cut - 1]!)) cut--; // never split a surrogate pair
  return t.slice(0, cut) + note;
}

/** Every text of an office table made safe for XML (docx) or for an xlsx cell. */
export function officeSafe(o: OfficeTable, cell: (s: string) => string): OfficeTable {
  const row = (r: OfficeRow): OfficeRow => (r.kind === 'section' ? { ...r, text: cell(r.text) } : { ...r, cells: r.cells.map(cell) });
  return {
    ...o,
    title: cell(o.title),
    notes: o.notes.map(cell),
    columns: o.columns.map((c) => ({ ...c, header: cell(c.header) })),
    rows: o.rows.map(row),
  };
}

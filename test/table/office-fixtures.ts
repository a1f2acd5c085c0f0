// Office files made by a real office suite: LibreOffice headless converts what the tests describe
// (corpus plans as .docx from docx-fixtures.ts, an HTML 任务分解表 with merged cells, flat ODF
// documents with a text box, a merged table, a Title-styled title, a picture only) into .doc, .docx,
// .odt, .xlsx and .xls, as an office would save them. The results are cached under .cache/office/ by
// the hash of their source, so only the first run pays for LibreOffice.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE = join(ROOT, '.cache', 'office');

function soffice(): string {
  for (const c of ['soffice', 'libreoffice']) if (spawnSync('sh', ['-c', `command -v ${c}`]).status === 0) return c;
  throw new Error('LibreOffice (soffice) is needed for the office-file tests: run scripts/install-system-deps.sh (as root), or apt-get install libreoffice-writer-nogui libreoffice-calc-nogui');
}

export interface Source {
  /** a name for the file (without extension) */
  name: string;
  /** extension of the source LibreOffice opens: docx, html, fodt */
  ext: string;
  data: string | Uint8Array;
  /** what the data is made from, when the data itself is not reproducible (a .docx holds its
   *  creation time): the cache key */
  key?: string;
}

/** `target`: LibreOffice's --convert-to argument (`doc`, `xlsx:Calc MS Excel 2007 XML`, …);
 *  `ext`: the resulting file's extension. Returns the converted files' paths, in the order given. */
export function convert(sources: Source[], target: string, ext: string, opts: { infilter?: string } = {}): string[] {
  mkdirSync(CACHE, { recursive: true });
  const hash = (s: Source) => createHash('sha256').update(target).update(opts.infilter ?? '').update(s.key ?? s.data).digest('hex').slice(0, 16);
  const out = sources.map((s) => join(CACHE, `${s.name}-${hash(s)}.${ext}`));
  const missing = sources.map((s, i) => ({ s, out: out[i]! })).filter((x) => !existsSync(x.out));
  if (!missing.length) return out;
  // one LibreOffice run for all missing files, in a private profile (tests run in parallel)
  const work = mkdtempSync(join(CACHE, 'work-'));
  try {
    const inputs = missing.map(({ s }, i) => {
      const f = join(work, `in${i}.${s.ext}`);
      writeFileSync(f, s.data);
      return f;
    });
    const args = ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, ...(opts.infilter ? [`--infilter=${opts.infilter}`] : []), '--convert-to', target, '--outdir', join(work, 'out'), ...inputs];
    const r = spawnSync(soffice(), args, { encoding: 'utf8', timeout: 300_000 });
    missing.forEach(({ out: target_ }, i) => {
      const made = join(work, 'out', `in${i}.${ext}`);
      if (!existsSync(made)) throw new Error(`LibreOffice did not convert ${missing[i]!.s.name} to ${ext}: ${r.stderr || r.stdout || r.error}`);
      // written under a temporary name first: a parallel test never sees half a file
      copyFileSync(made, `${target_}.tmp`);
      renameSync(`${target_}.tmp`, target_);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

export const read = (path: string): Buffer => readFileSync(path);

// ---- flat ODF text documents, for what the docx library cannot make: text boxes, merged cells, styles ----

const ODF_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
  + 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
  + 'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
  + 'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph; `style` names one of fodt()'s styles (Title, Centred, Big). */
export const para = (text: string, style?: string) => `<text:p${style ? ` text:style-name="${style}"` : ''}>${esc(text)}</text:p>`;

/** A text box anchored in a paragraph: its own paragraphs. */
export const textBox = (anchorText: string, paragraphs: string[]) =>
  `<text:p>${esc(anchorText)}<draw:frame draw:name="box" text:anchor-type="paragraph" svg:width="8cm" svg:height="3cm"><draw:text-box>${paragraphs.map((p) => para(p)).join('')}</draw:text-box></draw:frame></text:p>`;

/** A table; a cell is its text, or `{ text, rows, cols }` for a merged one, or null where a merged cell covers it. */
export type FodtCell = string | { text: string; rows?: number; cols?: number } | null;
export function table(rows: FodtCell[][]): string {
  const cols = Math.max(...rows.map((r) => r.length));
  const body = rows.map((r) => `<table:table-row>${r.map((c) => {
    if (c === null) return '<table:covered-table-cell/>';
    const cell = typeof c === 'string' ? { text: c } : c;
    const span = `${cell.rows ? ` table:number-rows-spanned="${cell.rows}"` : ''}${cell.cols ? ` table:number-columns-spanned="${cell.cols}"` : ''}`;
    return `<table:table-cell office:value-type="string"${span}>${para(cell.text)}</table:table-cell>`;
  }).join('')}</table:table-row>`).join('');
  return `<table:table table:name="T"><table:table-column table:number-columns-repeated="${cols}"/>${body}</table:table>`;
}

/** A flat ODF text document of the given body XML. */
export function fodt(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document ${ODF_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">`
    + '<office:styles><style:style style:name="Title" style:family="paragraph" style:display-name="Title"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="22pt"/></style:style></office:styles>'
    + '<office:automatic-styles>'
    + '<style:style style:name="Centred" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="22pt"/></style:style>'
    + '<style:style style:name="Small" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="16pt"/></style:style>'
    + '</office:automatic-styles>'
    + `<office:body><office:text>${body}</office:text></office:body></office:document>`;
}

// ---- an HTML table for Calc: merged cells as rowspan/colspan ----

/** A cell of the sheet: its text, how many rows and columns it covers. */
export interface SheetCell { text: string; rows?: number; cols?: number }

/** The HTML Calc opens as a sheet (merged cells stay merged), and the same table as a copy of it
 *  pasted into a text file: TAB-joined, empty where a merged cell covers, a row of one cell alone. */
export function sheetSources(rows: (SheetCell | null)[][]): { html: string; pasted: string } {
  const width = Math.max(...rows.map((r) => r.length));
  const html = '<html><head><meta charset="utf-8"></head><body><table border="1">'
    + rows.map((r) => `<tr>${r.filter((c): c is SheetCell => c !== null).map((c) => `<td${c.rows ? ` rowspan="${c.rows}"` : ''}${c.cols ? ` colspan="${c.cols}"` : ''}>${esc(c.text)}</td>`).join('')}</tr>`).join('')
    + '</table></body></html>';
  const pasted = rows.map((r) => {
    const cells = Array.from({ length: width }, (_, i) => r[i]?.text ?? '');
    return cells.filter(Boolean).length === 1 && cells[0] ? cells[0] : cells.join('\t');
  }).join('\n') + '\n';
  return { html, pasted };
}

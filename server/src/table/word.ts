// The 任务分工表 as a Word document (the `docx` library), laid out as GB/T 9704-2012 sets an
// attachment: A4 landscape, the title in 方正小标宋简体 (黑体 where it is not installed) at 二号, the
// table in 仿宋_GB2312 (仿宋) at 小四 with its header row in 黑体 repeated on every page, 一、 groups
// in 黑体 and （一） groups in 楷体, page numbers `— 1 —` at the foot.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { pushText, textEntry, zipWithFiles, type Deflater } from './zip.js';
import type { TaskTable } from './types.js';
import { officeTable, type ColumnKey, type OfficeOptions, type OfficeRow, type OfficeTable, type OfficeView } from './office.js';
import { escapeXml, officeSafe, xmlSafe } from './sanitize.js';

/** A4 landscape in twentieths of a point (297 × 210 mm); 25 mm margins. */
const PAGE = { width: 16838, height: 11906, margin: 1417 };
const USABLE = PAGE.width - 2 * PAGE.margin;

/** Fonts by GB/T 9704 role, each with the font Word takes where the first is not installed. */
export const WORD_FONTS = {
  title: { name: '方正小标宋简体', alt: '黑体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  heading1: { name: '黑体', alt: 'SimHei' },
  heading2: { name: '楷体_GB2312', alt: '楷体' },
  page: { name: '宋体', alt: 'SimSun' },
} as const;
type FontRole = keyof typeof WORD_FONTS;

const CENTERED: ColumnKey[] = ['number', 'role', 'deadline'];

export async function renderDocx(table: TaskTable, view: OfficeView, opts: OfficeOptions = {}): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of streamDocx(table, view, opts)) chunks.push(c);
  return Buffer.concat(chunks);
}

/**
 * The document as zip chunks, made as they are written. The docx library lays out the page, the
 * title and the header row (a document of one row); the rows are then written here straight into
 * the zip as the library's own XML (rowXml), a batch at a time: as one object tree, 9,999 tasks
 * took 11 s and 893 MB (issue 18).
 */
export async function* streamDocx(table: TaskTable, view: OfficeView, opts: OfficeOptions = {}, deflater?: Deflater): AsyncGenerator<Uint8Array> {
  const o = officeTable(table, view, opts);
  const { files, before, after } = await skeleton(o);
  const { zip, out } = zipWithFiles(files, deflater);
  const doc = textEntry(DOCUMENT, deflater);
  zip.add(doc);
  await pushText(doc, before);
  const xml = rowWriter(o);
  let batch: string[] = [];
  let size = 0;
  for (const r of o.rows) {
    const x = xml(r);
    batch.push(x);
    size += x.length;
    if (size < 1 << 16) continue;
    await pushText(doc, batch.join(''));
    batch = [];
    size = 0;
    yield* out.splice(0);
  }
  await pushText(doc, batch.join('') + after, true);
  zip.end();
  yield* out.splice(0);
}

const DOCUMENT = 'word/document.xml';

/** The package of a document with the title, the notes and the table's header row, unzipped; its
 *  document.xml cut where the rows go (before the table's end). */
async function skeleton(o: OfficeTable): Promise<{ files: Record<string, Uint8Array>; before: string; after: string }> {
  // loaded on demand: the docx library is large and only this format needs it
  const mod = await import('docx');
  const d = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const safe = officeSafe({ ...o, rows: [] }, xmlSafe); // no XML-illegal characters (sanitize.ts)
  const doc = new d.Document({
    creator: 'fengong',
    title: safe.title,
    styles: { default: { document: { run: { size: 24, font: font('body') } } } },
    sections: [{
      properties: {
        page: {
          // given as portrait: the library turns the page for a landscape orientation
          size: { width: PAGE.height, height: PAGE.width, orientation: d.PageOrientation.LANDSCAPE },
          margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
        },
      },
      footers: {
        default: new d.Footer({
          children: [new d.Paragraph({
            alignment: d.AlignmentType.CENTER,
            children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'], font: font('page'), size: 28 })],
          })],
        }),
      },
      children: [...heading(d, safe), headerTable(d, safe)],
    }],
  });
  const files = withFallbackFonts(unzipSync(await d.Packer.toBuffer(doc)));
  const xml = strFromU8(files[DOCUMENT]!);
  delete files[DOCUMENT];
  const cut = xml.lastIndexOf('</w:tbl>');
  return { files, before: xml.slice(0, cut), after: xml.slice(cut) };
}

type Docx = typeof import('docx');

function font(role: FontRole) {
  const f = WORD_FONTS[role].name;
  // Latin letters and digits in Times New Roman, as GB/T 9704 documents set them
  return { eastAsia: f, ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' };
}

function heading(d: Docx, o: OfficeTable) {
  const title = new d.Paragraph({
    alignment: d.AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new d.TextRun({ text: o.title, font: font('title'), size: 44 })],
  });
  // a plan with no units is not exported silently: the warning stands under the title, in red
  const notes = o.notes.map((n) => new d.Paragraph({
    spacing: { after: 120 },
    children: [new d.TextRun({ text: n, bold: true, color: 'C00000', size: 24 })],
  }));
  return [title, ...notes];
}

/** The widths of the columns in twentieths of a point, filling the page between the margins. */
const columnWidths = (o: OfficeTable) => o.columns.map((c) => Math.round((c.width / o.columns.reduce((a, x) => a + x.width, 0)) * USABLE));
const MARGINS = { top: 60, bottom: 60, left: 80, right: 80 };

/** The table with its header row only, repeated at the top of every page; the rows follow (rowXml). */
function headerTable(d: Docx, o: OfficeTable) {
  const widths = columnWidths(o);
  const header = new d.TableRow({
    tableHeader: true, // repeated at the top of every page
    cantSplit: true,
    children: o.columns.map((c, i) => new d.TableCell({
      width: { size: widths[i]!, type: d.WidthType.DXA },
      verticalAlign: d.VerticalAlign.CENTER,
      margins: MARGINS,
      children: c.header.split('\n').map((line) => new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        children: line ? [new d.TextRun({ text: line, font: font('heading1') })] : [],
      })),
    })),
  });
  return new d.Table({
    rows: [header],
    width: { size: USABLE, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
  });
}


/** A row as the docx library writes it — group rows merged across in 黑体 (一、) or 楷体 (（一）),
 *  task rows in 仿宋, each line of a cell its own paragraph — made as a string, the text XML-safe. */
function rowWriter(o: OfficeTable): (r: OfficeRow) => string {
  const widths = columnWidths(o);
  const mar = `<w:tcMar><w:top w:type="dxa" w:w="${MARGINS.top}"/><w:left w:type="dxa" w:w="${MARGINS.left}"/><w:bottom w:type="dxa" w:w="${MARGINS.bottom}"/><w:right w:type="dxa" w:w="${MARGINS.right}"/></w:tcMar>`;
  const rPr = (role: FontRole) => {
    const f = font(role);
    return `<w:rPr><w:rFonts w:ascii="${f.ascii}" w:cs="${f.cs}" w:eastAsia="${f.eastAsia}" w:hAnsi="${f.hAnsi}"/></w:rPr>`;
  };
  // the constant parts of a paragraph, made once: a big table writes hundreds of MB of this XML
  const run = (role: FontRole) => `<w:r>${rPr(role)}<w:t xml:space="preserve">`;
  const runs = { heading1: run('heading1'), heading2: run('heading2'), body: run('body') } as const;
  const pPr = (center: boolean) => `<w:p><w:pPr><w:jc w:val="${center ? 'center' : 'left'}"/></w:pPr>`;
  const [left, centered] = [pPr(false), pPr(true)];
  const para = (line: string, open: string, center: boolean) => `${center ? centered : left}${line ? `${open}${escapeXml(line)}</w:t></w:r>` : ''}</w:p>`;
  const paras = (text: string, role: keyof typeof runs, center: boolean) => {
    const safe = xmlSafe(text);
    if (!safe.includes('\n')) return para(safe, runs[role], center);
    let xml = '';
    for (const line of safe.split('\n')) xml += para(line, runs[role], center);
    return xml;
  };
  const cellOpen = widths.map((w) => `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${w}"/>${mar}<w:vAlign w:val="center"/></w:tcPr>`);
  const center = o.columns.map((c) => CENTERED.includes(c.key));
  const span = `<w:tcPr><w:tcW w:type="dxa" w:w="${USABLE}"/><w:gridSpan w:val="${o.columns.length}"/>${mar}</w:tcPr>`;
  return (r) => {
    if (r.kind === 'section') return `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>${span}${paras(r.text, r.depth >= 2 ? 'heading2' : 'heading1', false)}</w:tc></w:tr>`;
    let xml = '<w:tr>';
    for (let i = 0; i < r.cells.length; i++) xml += `${cellOpen[i]}${paras(r.cells[i]!, 'body', center[i]!)}</w:tc>`;
    return xml + '</w:tr>';
  };
}

/** Declares each Chinese font's stand-in (w:altName) in the font table, which the docx library has
 *  no option for: Word uses 黑体 for the title and 仿宋 for the body where 方正小标宋简体 and
 *  仿宋_GB2312 are not installed. */
function withFallbackFonts(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const name = 'word/fontTable.xml';
  const xml = files[name] ? strFromU8(files[name]) : undefined;
  if (!xml) return files;
  const decl = Object.values(WORD_FONTS)
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  // the library writes an empty, self-closing <w:fonts …/>
  files[name] = strToU8(/<\/w:fonts>\s*$/.test(xml) ? xml.replace(/<\/w:fonts>\s*$/, `${decl}</w:fonts>`) : xml.replace(/\/>\s*$/, `>${decl}</w:fonts>`));
  return files;
}

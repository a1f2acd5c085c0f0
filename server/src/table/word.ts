// The 任务分工表 as a Word document (the `docx` library), laid out as GB/T 9704-2012 sets an
// attachment: A4 landscape, the title in 方正小标宋简体 (黑体 where it is not installed) at 二号, the
// table in 仿宋_GB2312 (仿宋) at 小四 with its header row in 黑体 repeated on every page, 一、 groups
// in 黑体 and （一） groups in 楷体, page numbers `— 1 —` at the foot.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { TaskTable } from './types.js';
import { officeTable, type ColumnKey, type OfficeOptions, type OfficeTable, type OfficeView } from './office.js';
import { officeSafe, xmlSafe } from './sanitize.js';

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
  // loaded on demand: the docx library is large and only this format needs it
  const mod = await import('docx');
  const d = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod;
  const o = officeSafe(officeTable(table, view, opts), xmlSafe); // no XML-illegal characters (sanitize.ts)
  const doc = new d.Document({
    creator: 'fengong',
    title: o.title,
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
      children: [...heading(d, o), layoutTable(d, o)],
    }],
  });
  return withFallbackFonts(await d.Packer.toBuffer(doc));
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

function layoutTable(d: Docx, o: OfficeTable) {
  const widths = o.columns.map((c) => Math.round((c.width / o.columns.reduce((a, x) => a + x.width, 0)) * USABLE));
  const margins = { top: 60, bottom: 60, left: 80, right: 80 };
  const para = (text: string, role: FontRole, center: boolean) => text.split('\n').map((line) => new d.Paragraph({
    alignment: center ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
    children: line ? [new d.TextRun({ text: line, font: font(role) })] : [],
  }));
  const header = new d.TableRow({
    tableHeader: true, // repeated at the top of every page
    cantSplit: true,
    children: o.columns.map((c, i) => new d.TableCell({
      width: { size: widths[i]!, type: d.WidthType.DXA },
      verticalAlign: d.VerticalAlign.CENTER,
      margins,
      children: para(c.header, 'heading1', true),
    })),
  });
  const rows = o.rows.map((r) => {
    if (r.kind === 'section') {
      return new d.TableRow({
        cantSplit: true,
        children: [new d.TableCell({
          columnSpan: o.columns.length,
          width: { size: USABLE, type: d.WidthType.DXA },
          margins,
          children: para(r.text, r.depth >= 2 ? 'heading2' : 'heading1', false),
        })],
      });
    }
    return new d.TableRow({
      children: r.cells.map((text, i) => new d.TableCell({
        width: { size: widths[i]!, type: d.WidthType.DXA },
        verticalAlign: d.VerticalAlign.CENTER,
        margins,
        children: para(text, 'body', CENTERED.includes(o.columns[i]!.key)),
      })),
    });
  });
  return new d.Table({
    rows: [header, ...rows],
    width: { size: USABLE, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
  });
}

/** Declares each Chinese font's stand-in (w:altName) in the font table, which the docx library has
 *  no option for: Word uses 黑体 for the title and 仿宋 for the body where 方正小标宋简体 and
 *  仿宋_GB2312 are not installed. */
function withFallbackFonts(buf: Buffer): Buffer {
  const files = unzipSync(buf);
  const name = 'word/fontTable.xml';
  const xml = files[name] ? strFromU8(files[name]) : undefined;
  if (!xml) return buf;
  const decl = Object.values(WORD_FONTS)
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  // the library writes an empty, self-closing <w:fonts …/>
  files[name] = strToU8(/<\/w:fonts>\s*$/.test(xml) ? xml.replace(/<\/w:fonts>\s*$/, `${decl}</w:fonts>`) : xml.replace(/\/>\s*$/, `>${decl}</w:fonts>`));
  return Buffer.from(zipSync(files, { level: 6 }));
}

// Real Word files made from the plain-text corpus plans with the `docx` library, as an office would
// have them: one paragraph per line, TAB-separated rows as a Word table (section rows merged across),
// and, on request, the heading numbers as Word's automatic numbering instead of typed text.
import {
  AlignmentType,
  Document,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export interface DocxOptions {
  /** rank 1–3 markers (`一、` `（一）` `1.`) become Word list numbers; `through` names the ranks
   *  numbered through the whole document rather than restarting under each parent */
  numbering?: { through?: number[] };
}

const MARKER = /^[\s\u3000\u00a0]*(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）|(\d+)\.(?!\d))[\s\u3000\u00a0]*/u;

/** The rank of a canonical heading marker at the start of the line, and the line without it. */
export function splitMarker(line: string): { rank: 1 | 2 | 3; rest: string; marker: string } | undefined {
  const m = MARKER.exec(line);
  if (!m) return undefined;
  const rank = m[1] ? 1 : m[2] ? 2 : 3;
  const marker = rank === 1 ? `${m[1]}、` : rank === 2 ? `（${m[2]}）` : `${m[3]}.`;
  return { rank, rest: line.slice(m[0].length), marker };
}

function numberingConfig(): INumberingOptions {
  return {
    config: [{
      reference: 'plan',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
        { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT, suffix: LevelSuffix.NOTHING },
      ],
    }],
  };
}

/** What Word shows for a line of the plan built with automatic numbering: the marker Word draws
 *  followed directly by the text (indentation is paragraph formatting in Word, not text). */
export function shownLine(line: string, opts: DocxOptions): string {
  if (!opts.numbering || line.includes('\t')) return line;
  const m = splitMarker(line);
  return m ? m.marker + m.rest : line;
}

function paragraph(line: string, opts: DocxOptions): Paragraph {
  const m = opts.numbering ? splitMarker(line) : undefined;
  if (m) return new Paragraph({ children: [new TextRun(m.rest)], numbering: { reference: 'plan', level: m.rank - 1 } });
  return new Paragraph({ children: line ? [new TextRun(line)] : [] });
}

/** Consecutive TAB lines (with the untabbed section lines between them) as one Word table. */
function table(lines: string[]): Table {
  const columns = Math.max(...lines.map((l) => l.split('\t').length));
  const rows = lines.map((l) => {
    const cells = l.includes('\t') ? l.split('\t') : [l];
    return new TableRow({
      children: cells.map((c) => new TableCell({
        children: [new Paragraph({ children: c ? [new TextRun(c)] : [] })],
        // a section row (`一、以政务公开助力稳增长`) is one cell merged across the table
        ...(l.includes('\t') ? {} : { columnSpan: columns }),
      })),
    });
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** The lines of a plan that become Word tables, as [first, last] line indices (0-based): a table
 *  runs from a TAB row to its last TAB row; short untabbed lines inside it are its section rows. */
export function tableBlocks(lines: string[]): [number, number][] {
  const blocks: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes('\t')) continue;
    let end = i;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.includes('\t')) end = j;
      else if (!lines[j]!.trim() || j - end > 2) break;
    }
    blocks.push([i, end]);
    i = end;
  }
  return blocks;
}

/** The .docx of a plain-text plan. */
export async function planToDocx(text: string, opts: DocxOptions = {}): Promise<Buffer> {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const blocks = new Map(tableBlocks(lines));
  const children: (Paragraph | Table)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const end = blocks.get(i);
    if (end === undefined) {
      children.push(paragraph(lines[i]!, opts));
      continue;
    }
    children.push(table(lines.slice(i, end + 1)));
    i = end;
  }
  const doc = new Document({
    ...(opts.numbering ? { numbering: numberingConfig() } : {}),
    sections: [{ children }],
  });
  const buf = await Packer.toBuffer(doc);
  return opts.numbering?.through?.length ? numberThrough(buf, opts.numbering.through) : buf;
}

/** `w:lvlRestart w:val="0"` (never restart: `1.`…`21.` across sections) on the given ranks' levels,
 *  which the docx library has no option for. */
function numberThrough(buf: Buffer, ranks: number[]): Buffer {
  const files = unzipSync(buf);
  let xml = strFromU8(files['word/numbering.xml']!);
  for (const rank of ranks) {
    xml = xml.replace(new RegExp(`(<w:lvl w:ilvl="${rank - 1}"[^>]*>[\\s\\S]*?<w:numFmt [^>]*/>)`, 'g'), '$1<w:lvlRestart w:val="0"/>');
  }
  files['word/numbering.xml'] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

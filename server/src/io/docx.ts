// Word documents as plans: `.docx` (and old `.doc`) read into the plain text the engine takes, with
// a map from every line back to the Word paragraph or table cell it came from.
//
// Why fflate + saxes over word/document.xml, not mammoth: measured on the 33 corpus plans built as
// .docx (`npx tsx test/table/docx-bench.ts`, warm, 2 cores): 77 ms here against 345 ms for
// mammoth.convertToHtml (a 459 KB document: 81 ms against 420 ms), and mammoth's HTML has lost
// Word's automatic numbering (`<ol><li>` without `一、` or `（一）`,
// which only numbering.xml's lvlText and numFmt can spell), paragraph identities are merged away,
// and tables come back as HTML that would need a second parser. Reading the XML ourselves keeps one
// pass that is linear in the document, knows each paragraph's and cell's index, and recovers the
// list numbers Word draws (docx-numbering.ts). fflate unzips synchronously with per-entry size
// checks (a zip bomb is refused before it is inflated); saxes is the strict streaming XML parser
// exceljs already brings.
//
//   paragraph               → one line (a soft line break inside it starts another line)
//   table of 2+ columns     → one line per row, cells joined by TAB (FORMAT.md §6); a merged cell
//                             (gridSpan) keeps the columns aligned with empty cells after it
//   table of one column     → a layout box: its paragraphs are lines like any other
//   automatic list number   → put back in front of the paragraph's text (`一、` `（一）` `1.`)
import { readOfficeBytes, OLE, startsWith, ZIP } from './office-bytes.js';
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ListCounters, emptyNumbering, type Level, type Numbering } from './docx-numbering.js';
import { DEFAULT_MAX_BYTES, fileError, type FileError } from './files.js';
import type { LineOrigin, WordNote, WordPlace, WordRead, WordSource } from './word-source.js';

export * from './word-source.js';
export { joinCellParagraphs } from './cell-text.js';
import { joinCellParagraphs } from './cell-text.js';


/** Reads a .docx or .doc. Never throws: a bad file is a FileError naming it and saying what to do. */
export async function readWordFile(path: string, opts: { maxBytes?: number } = {}): Promise<WordRead> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const read = await readOfficeBytes(path, maxBytes, (e) => wordError('corrupt', path, String(e)));
  if (!read.ok) return { ok: false, path, error: read.error };
  return readWordBytes(path, read.buf, maxBytes);
}

/** A Word file's bytes, read from disk or dropped on the web page (web/src/readers.ts). Never throws.
 *  `doc` reads a Word 97–2003 file; the page passes null (word-extractor needs Node) and says so. */
export async function readWordBytes(path: string, buf: Uint8Array, maxBytes = DEFAULT_MAX_BYTES, doc: ((path: string, buf: Buffer) => Promise<WordRead>) | null = readDoc): Promise<WordRead> {
  if (startsWith(buf, ZIP)) {
    try {
      return { ok: true, path, ...extractDocx(buf, maxBytes) };
    } catch (e) {
      return { ok: false, path, error: e instanceof WordError ? wordError(e.code, path, e.message) : wordError('corrupt', path, (e as Error)?.message ?? String(e)) };
    }
  }
  if (startsWith(buf, OLE)) {
    // an OLE compound file: a password-protected .docx (its package is encrypted inside) or a Word 97–2003 .doc
    const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) return { ok: false, path, error: wordError('encrypted', path) };
    return doc ? doc(path, bytes) : { ok: false, path, error: wordError('doc-unreadable', path) };
  }
  return { ok: false, path, error: wordError('corrupt', path, 'not a zip (.docx) or OLE (.doc) file') };
}

// ---- errors ----

type WordErrorCode = 'corrupt' | 'encrypted' | 'not-word' | 'doc-unreadable' | 'too-large';

export class WordError extends Error {
  constructor(readonly code: WordErrorCode, message: string) {
    super(message);
  }
}

const dd = (x?: string) => (x ? `（${x}）` : '');
const de = (x?: string) => (x ? ` (${x})` : '');
const WORD_MESSAGES: Record<Exclude<WordErrorCode, 'too-large'>, { zh: (p: string, x?: string) => string; en: (p: string, x?: string) => string }> = {
  corrupt: {
    zh: (p, x) => `${p} 不是有效的 Word 文档，可能已损坏${dd(x)}：请在 Word 或 WPS 中打开并另存为 .docx 后重试。`,
    en: (p, x) => `${p} is not a valid Word document; it may be damaged${de(x)}. Open it in Word or WPS, save it as .docx and try again.`,
  },
  encrypted: {
    zh: (p) => `${p} 设有打开密码（已加密），无法读取：请在 Word 或 WPS 中取消密码（文件 → 信息 → 保护文档）后重试。`,
    en: (p) => `${p} is password-protected (encrypted) and cannot be read; remove the password in Word or WPS (File → Info → Protect Document) and try again.`,
  },
  'not-word': {
    zh: (p, x) => `${p} 不是 Word 文档${dd(x)}：请给出 .docx 文件，或另存为纯文本（UTF-8）。`,
    en: (p, x) => `${p} is not a Word document${de(x)}; give a .docx file, or save it as plain text (UTF-8).`,
  },
  'doc-unreadable': {
    zh: (p, x) => `无法读取旧版 Word 文档 ${p}${dd(x)}：请在 Word 或 WPS 中另存为 .docx 后重试。`,
    en: (p, x) => `cannot read the old-format Word document ${p}${de(x)}; save it as .docx in Word or WPS and try again.`,
  },
};

export function wordError(code: WordErrorCode, path: string, detail?: string): FileError {
  // the error shape the CLI already prints (the code names the nearest kind of file error)
  if (code === 'too-large') return fileError('too-large', path, detail);
  const m = WORD_MESSAGES[code];
  const err: FileError = { code: code === 'encrypted' ? 'EACCES' : 'undecodable', path, message: { zh: m.zh(path, detail), en: m.en(path, detail) } };
  if (detail !== undefined) err.detail = detail;
  return err;
}

// ---- .docx ----

const W_NS = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The text and line map of a .docx held in memory; throws WordError. */
export function extractDocx(buf: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): { text: string; word: WordSource } {
  let total = 0;
  let tooLarge: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(buf, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > maxBytes || total > 2 * maxBytes) tooLarge = `${f.name}: ${f.originalSize} bytes`;
        return !tooLarge;
      },
    });
  } catch (e) {
    throw new WordError('corrupt', `zip: ${(e as Error)?.message ?? e}`);
  }
  if (tooLarge) throw new WordError('too-large', tooLarge);
  const text = (name: string) => (files[name] ? new TextDecoder('utf-8').decode(files[name]) : undefined);
  const main = mainDocumentPart(text('_rels/.rels')) ?? 'word/document.xml';
  const xml = text(main);
  if (xml === undefined) throw new WordError(files['xl/workbook.xml'] || files['ppt/presentation.xml'] ? 'not-word' : 'corrupt', `no ${main}`);
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  const numbering = parseNumbering(text(`${dir}numbering.xml`));
  const styles = parseStyles(text(`${dir}styles.xml`));
  return new DocxReader(numbering, styles).read(xml);
}

function mainDocumentPart(rels: string | undefined): string | undefined {
  if (!rels) return undefined;
  let target: string | undefined;
  parseXml(rels, {
    open: (tag) => {
      if (tag.local === 'Relationship' && OFFICE_DOCUMENT.test(attr(tag, 'Type') ?? '')) target ??= attr(tag, 'Target');
    },
  });
  return target?.replace(/^\//, '');
}

interface XmlHandlers {
  open?: (tag: SaxesTagNS) => void;
  close?: (tag: SaxesTagNS) => void;
  text?: (t: string) => void;
}

function parseXml(xml: string, h: XmlHandlers): void {
  const p = new SaxesParser({ xmlns: true });
  if (h.open) p.on('opentag', h.open);
  if (h.close) p.on('closetag', h.close);
  if (h.text) p.on('text', h.text);
  try {
    p.write(xml).close();
  } catch (e) {
    throw new WordError('corrupt', `XML: ${(e as Error)?.message ?? e}`);
  }
}

/** An attribute by local name (w:val, r:id and plain names alike). */
function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}
const isW = (tag: SaxesTagNS, local: string) => tag.local === local && W_NS.has(tag.uri);
const onOff = (tag: SaxesTagNS) => !/^(0|false|off)$/i.test(attr(tag, 'val') ?? 'true');

function parseNumbering(xml: string | undefined): Numbering {
  const n = emptyNumbering();
  if (!xml) return n;
  let abstract: Map<number, Level> | undefined;
  let num: { abstractId: string; startOverride: Map<number, number>; levels: Map<number, Level> } | undefined;
  let lvl: Level | undefined;
  let overrideLevel: number | undefined;
  parseXml(xml, {
    open: (t) => {
      if (!W_NS.has(t.uri)) return;
      const val = attr(t, 'val');
      switch (t.local) {
        case 'abstractNum':
          abstract = new Map();
          n.abstract.set(attr(t, 'abstractNumId') ?? '', abstract);
          break;
        case 'num':
          num = { abstractId: '', startOverride: new Map(), levels: new Map() };
          n.nums.set(attr(t, 'numId') ?? '', num);
          break;
        case 'abstractNumId':
          if (num) num.abstractId = val ?? '';
          break;
        case 'lvlOverride':
          overrideLevel = Number(attr(t, 'ilvl') ?? 0);
          break;
        case 'startOverride':
          if (num && overrideLevel !== undefined) num.startOverride.set(overrideLevel, Number(val ?? 1));
          break;
        case 'lvl':
          lvl = { start: 1, numFmt: 'decimal', lvlText: '', legal: false };
          if (num && overrideLevel !== undefined) num.levels.set(overrideLevel, lvl);
          else abstract?.set(Number(attr(t, 'ilvl') ?? 0), lvl);
          break;
        case 'start':
          if (lvl) lvl.start = Number(val ?? 1);
          break;
        case 'numFmt':
          if (lvl) lvl.numFmt = val ?? 'decimal';
          break;
        case 'lvlText':
          if (lvl) lvl.lvlText = val ?? '';
          break;
        case 'lvlRestart':
          if (lvl) lvl.restart = Number(val ?? 0);
          break;
        case 'isLgl':
          if (lvl) lvl.legal = onOff(t);
          break;
        case 'pStyle':
          if (lvl) lvl.style = val;
          break;
      }
    },
    close: (t) => {
      if (!W_NS.has(t.uri)) return;
      if (t.local === 'lvl') lvl = undefined;
      else if (t.local === 'lvlOverride') overrideLevel = undefined;
      else if (t.local === 'abstractNum') abstract = undefined;
      else if (t.local === 'num') num = undefined;
    },
  });
  return n;
}

interface StyleDef {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  /** the style's name is Title (`标题` in a Chinese Word): Word's own mark of a document title */
  title?: boolean;
  jc?: string;
  /** font size in half-points */
  sz?: number;
}

function parseStyles(xml: string | undefined): Map<string, StyleDef> {
  const styles = new Map<string, StyleDef>();
  if (!xml) return styles;
  let cur: StyleDef | undefined;
  parseXml(xml, {
    open: (t) => {
      if (!W_NS.has(t.uri)) return;
      if (t.local === 'style') {
        cur = attr(t, 'type') === 'paragraph' ? {} : undefined;
        if (cur) styles.set(attr(t, 'styleId') ?? '', cur);
        if (cur && /^title$/i.test(attr(t, 'styleId') ?? '')) cur.title = true;
      } else if (cur && t.local === 'name') cur.title ||= /^(title|标题)$/i.test(attr(t, 'val') ?? '');
      else if (cur && t.local === 'jc') cur.jc = attr(t, 'val');
      else if (cur && t.local === 'sz') cur.sz = Number(attr(t, 'val')) || undefined;
      else if (cur && t.local === 'basedOn') cur.basedOn = attr(t, 'val');
      else if (cur && t.local === 'numId') cur.numId = attr(t, 'val');
      else if (cur && t.local === 'ilvl') cur.ilvl = Number(attr(t, 'val') ?? 0);
    },
    close: (t) => {
      if (isW(t, 'style')) cur = undefined;
    },
  });
  return styles;
}

/** Elements whose text is not what Word shows: deletions, field codes, properties and the
 *  fallback copy of alternate content (a text box is there twice: as DrawingML in mc:Choice, read,
 *  and as VML in mc:Fallback, skipped). */
const SKIP = new Set(['del', 'moveFrom', 'delText', 'instrText', 'pPr', 'rPr', 'tblPr', 'trPr', 'sectPr', 'footnoteReference', 'endnoteReference', 'commentReference']);

interface Cell {
  paragraphs: string[];
  span: number;
}

interface Para {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
  jc?: string;
  /** the largest font size (half-points) of its text */
  size?: number;
}

/** What the first paragraphs look like: the evidence of Word's own title. */
interface TitleCandidate {
  line: number;
  /** its last line (a soft line break makes a paragraph several lines) */
  end: number;
  titleStyle: boolean;
  centred: boolean;
  large: boolean;
}

/** A text box being read: its paragraphs, and the reader's state outside it. */
interface TextBox {
  paragraphs: string[];
  saved: Pick<DocxReader, 'para' | 'tableDepth' | 'rows' | 'row' | 'cell' | 'runDepth' | 'inText' | 'hidden' | 'runSize'>;
}

/** 18 pt: above a body's 三号 (16 pt), at or below a title's 小二 (18 pt) to 二号 (22 pt) */
const LARGE_HALF_POINTS = 36;
/** the leading paragraphs looked at for Word's title */
const TITLE_WINDOW = 8;

class DocxReader {
  private readonly lines: string[] = [];
  private readonly origins: LineOrigin[] = [];
  private readonly counters: ListCounters;
  private paragraphs = 0;
  private tables = 0;
  private recovered = 0;
  private unrecoverable?: WordNote;
  // parse state
  private skip = 0;
  inText = false;
  runDepth = 0;
  hidden = false;
  private inPPr = false;
  private inRPr = false;
  tableDepth = 0;
  para?: Para;
  rows?: Cell[][];
  row?: Cell[];
  cell?: Cell;
  runSize?: number;
  private boxes: TextBox[] = [];
  /** text boxes read inside the current top-level paragraph or table: placed after it */
  private pendingBoxes: string[][] = [];
  private textBoxes = 0;
  private candidates: TitleCandidate[] = [];

  constructor(private readonly numbering: Numbering, private readonly styles: Map<string, StyleDef>) {
    this.counters = new ListCounters(numbering);
  }

  read(xml: string): { text: string; word: WordSource } {
    parseXml(xml, { open: (t) => this.open(t), close: (t) => this.close(t), text: (s) => this.text(s) });
    const word: WordSource = { format: 'docx', lines: this.origins, notes: this.unrecoverable ? [this.unrecoverable] : [], recoveredNumbers: this.recovered, texts: this.lines };
    if (!this.lines.some((l) => l.trim())) word.notes.push({ kind: 'no-text', place: { paragraph: 1 }, count: 0, detail: '' });
    const title = titleLines(this.candidates);
    if (title) word.titleLines = title;
    return { text: this.lines.join('\n') + (this.lines.length ? '\n' : ''), word };
  }

  private open(t: SaxesTagNS): void {
    if (t.uri === MC_NS && t.local === 'Fallback') this.skip++;
    if (!W_NS.has(t.uri)) return;
    if (this.skip) {
      if (SKIP.has(t.local)) this.skip++;
      return;
    }
    // paragraph and run properties are read, then skipped for text
    if (t.local === 'pPr') this.inPPr = true;
    else if (t.local === 'rPr') this.inRPr = true;
    else if (this.inPPr || this.inRPr) this.property(t);
    else if (SKIP.has(t.local)) this.skip++;
    else this.content(t);
  }

  private property(t: SaxesTagNS): void {
    if (this.inRPr && this.runDepth && (t.local === 'vanish' || t.local === 'specVanish')) this.hidden = onOff(t);
    if (this.inRPr && this.runDepth && t.local === 'sz') this.runSize = Number(attr(t, 'val')) || undefined;
    if (!this.inPPr || this.inRPr || !this.para) return;
    if (t.local === 'jc') this.para.jc = attr(t, 'val');
    else if (t.local === 'pStyle') this.para.style = attr(t, 'val');
    else if (t.local === 'numId') this.para.numId = attr(t, 'val');
    else if (t.local === 'ilvl') this.para.ilvl = Number(attr(t, 'val') ?? 0);
  }

  private content(t: SaxesTagNS): void {
    switch (t.local) {
      case 'p':
        if (!this.para) this.para = { text: '' };
        break;
      case 'r':
        this.runDepth++;
        this.hidden = false;
        this.runSize = undefined;
        break;
      case 't':
        this.inText = true;
        break;
      case 'txbxContent':
        this.openBox();
        break;
      case 'tab':
        if (this.runDepth && this.para && !this.hidden) this.para.text += '\t';
        break;
      case 'br':
      case 'cr':
        if (this.runDepth && this.para && !this.hidden && !/^(page|column)$/.test(attr(t, 'type') ?? '')) this.para.text += '\n';
        break;
      case 'noBreakHyphen':
        if (this.para && !this.hidden) this.para.text += '-';
        break;
      case 'tbl':
        // a table inside a text box is read as its paragraphs
        if (this.boxes.length) break;
        this.tableDepth++;
        if (this.tableDepth === 1) this.rows = [];
        break;
      case 'tr':
        if (this.tableDepth === 1 && !this.boxes.length) this.row = [];
        break;
      case 'tc':
        if (this.tableDepth === 1 && !this.boxes.length) this.cell = { paragraphs: [], span: 1 };
        break;
      case 'gridSpan':
        if (this.cell && this.tableDepth === 1 && !this.boxes.length) this.cell.span = Math.max(1, Math.min(64, Number(attr(t, 'val') ?? 1) || 1));
        break;
    }
  }

  private close(t: SaxesTagNS): void {
    if (t.uri === MC_NS && t.local === 'Fallback') this.skip--;
    if (!W_NS.has(t.uri)) return;
    if (this.skip) {
      if (SKIP.has(t.local)) this.skip--;
      return;
    }
    switch (t.local) {
      case 'pPr':
        this.inPPr = false;
        break;
      case 'rPr':
        this.inRPr = false;
        break;
      case 'r':
        this.runDepth--;
        this.hidden = false;
        break;
      case 't':
        this.inText = false;
        break;
      case 'p':
        this.endParagraph();
        break;
      case 'txbxContent':
        this.closeBox();
        break;
      case 'tc':
        if (this.boxes.length) break;
        if (this.tableDepth === 1 && this.cell) this.row?.push(this.cell);
        this.cell = undefined;
        break;
      case 'tr':
        if (this.boxes.length) break;
        if (this.tableDepth === 1 && this.row) this.rows?.push(this.row);
        this.row = undefined;
        break;
      case 'tbl':
        if (this.boxes.length) break;
        if (this.tableDepth === 1 && this.rows) this.endTable(this.rows);
        this.tableDepth--;
        if (!this.tableDepth) this.flushBoxes();
        break;
    }
  }

  private text(s: string): void {
    if (!this.inText || this.skip || this.hidden || !this.para) return;
    this.para.text += s;
    if (this.runSize && s.trim()) this.para.size = Math.max(this.para.size ?? 0, this.runSize);
  }

  private endParagraph(): void {
    const p = this.para;
    this.para = undefined;
    if (!p) return;
    // a table's cells are numbered (and placed) when the table ends: the counters still run in document order
    const number = this.listNumber(p);
    const text = number + p.text.replace(/^\t+/, '');
    if (this.boxes.length) {
      this.boxes[this.boxes.length - 1]!.paragraphs.push(text.replace(/[\n\t]/g, ' '));
      return;
    }
    if (this.tableDepth) {
      this.cell?.paragraphs.push(text.replace(/[\n\t]/g, ' '));
      return;
    }
    const at = this.lines.length;
    this.pushParagraph(text);
    this.noteTitleEvidence(p, at, text);
    this.flushBoxes();
  }

  private pushParagraph(text: string): void {
    const lines = text.split('\n');
    if (!text.trim()) {
      this.lines.push(text.replace(/\n/g, ''));
      this.origins.push({ after: this.paragraphs });
      return;
    }
    const paragraph = ++this.paragraphs;
    for (const l of lines) {
      this.lines.push(l);
      this.origins.push({ paragraph });
    }
    this.pendingNote?.({ paragraph });
  }

  // ---- text boxes: read where their anchor is, placed after the paragraph (or table) holding it ----

  private openBox(): void {
    const saved = { para: this.para, tableDepth: this.tableDepth, rows: this.rows, row: this.row, cell: this.cell, runDepth: this.runDepth, inText: this.inText, hidden: this.hidden, runSize: this.runSize };
    this.boxes.push({ paragraphs: [], saved });
    Object.assign(this, { para: undefined, tableDepth: 0, rows: undefined, row: undefined, cell: undefined, runDepth: 0, inText: false, hidden: false, runSize: undefined });
  }

  private closeBox(): void {
    const box = this.boxes.pop();
    if (!box) return;
    Object.assign(this, box.saved);
    // a text box inside a text box: its paragraphs follow the outer box's
    if (this.boxes.length) this.boxes[this.boxes.length - 1]!.paragraphs.push(...box.paragraphs);
    else this.pendingBoxes.push(box.paragraphs);
  }

  private flushBoxes(): void {
    if (this.tableDepth || this.para) return;
    for (const paragraphs of this.pendingBoxes) {
      const textBox = ++this.textBoxes;
      let n = 0;
      for (const p of paragraphs) {
        if (!p.trim()) continue;
        this.lines.push(p);
        this.origins.push({ textBox, paragraph: ++n });
      }
    }
    this.pendingBoxes = [];
  }

  /** The look of the first paragraphs, for Word's own title (titleLines). */
  private noteTitleEvidence(p: Para, line: number, text: string): void {
    if (!text.trim() || this.paragraphs > TITLE_WINDOW) return;
    let titleStyle = false;
    let jc = p.jc;
    let size = p.size;
    for (let s = p.style, guard = 0; s && guard < 20; s = this.styles.get(s)?.basedOn, guard++) {
      const def = this.styles.get(s);
      titleStyle ||= !!def?.title;
      jc ??= def?.jc;
      size ??= def?.sz;
    }
    this.candidates.push({ line, end: this.lines.length - 1, titleStyle, centred: jc === 'center', large: (size ?? 0) >= LARGE_HALF_POINTS });
  }

  private pendingNote?: (place: WordPlace) => void;

  /** The number Word draws before this paragraph, '' for none; an unknown format is noted. */
  private listNumber(p: Para): string {
    let numId = p.numId;
    let ilvl = p.ilvl;
    if (numId === undefined && p.style) {
      // numbering that comes with the paragraph's style (Heading 1 bound to a multilevel list)
      for (let s: string | undefined = p.style, guard = 0; s && guard < 20; s = this.styles.get(s)?.basedOn, guard++) {
        const def = this.styles.get(s);
        if (def?.numId !== undefined) {
          numId = def.numId;
          ilvl ??= def.ilvl ?? this.styleLevel(def.numId, p.style);
          break;
        }
      }
    }
    if (numId === undefined || numId === '0') return '';
    const r = this.counters.next(numId, ilvl ?? 0);
    if ('text' in r) {
      if (r.text) this.recovered++;
      // a number that ends in a digit (`%1` with a tab after it) keeps a space before the text
      return /\d$/.test(r.text) ? r.text + ' ' : r.text;
    }
    this.noteUnrecoverable(r.unknown);
    return '';
  }

  private styleLevel(numId: string, style: string): number {
    const abstractId = this.numbering.nums.get(numId)?.abstractId;
    const levels = abstractId === undefined ? undefined : this.numbering.abstract.get(abstractId);
    for (const [i, l] of levels ?? []) if (l.style === style) return i;
    return 0;
  }

  private noteUnrecoverable(detail: string): void {
    if (this.unrecoverable) {
      this.unrecoverable.count++;
      return;
    }
    const note: WordNote = { kind: 'numbering-unrecoverable', place: { paragraph: 0 }, count: 1, detail };
    this.unrecoverable = note;
    if (this.tableDepth) {
      const row = this.row ?? [];
      note.place = { table: this.tables + 1, row: (this.rows?.length ?? 0) + 1, cell: row.reduce((n, c) => n + c.span, 0) + 1 };
      this.noteInTable = true;
    } else {
      // placed once the paragraph it belongs to has its index (right after this)
      this.pendingNote = (place) => { note.place = place; this.pendingNote = undefined; };
    }
  }

  private noteInTable = false;

  private endTable(rows: Cell[][]): void {
    this.rows = undefined;
    const columns = Math.max(0, ...rows.map((r) => r.reduce((n, c) => n + c.span, 0)));
    if (columns <= 1) {
      // a one-column table is a frame around paragraphs (a boxed title, a layout table)
      if (this.noteInTable && this.unrecoverable) {
        const note = this.unrecoverable;
        this.pendingNote = (place) => { note.place = place; this.pendingNote = undefined; };
      }
      this.noteInTable = false;
      for (const r of rows) for (const c of r) for (const p of c.paragraphs) this.pushParagraph(p);
      return;
    }
    const table = ++this.tables;
    rows.forEach((cells, ri) => {
      if (cells.length === 1) {
        // a section row merged across the table (`一、以政务公开助力稳增长`): its text alone
        this.lines.push(joinCellParagraphs(cells[0]!.paragraphs));
        this.origins.push({ table, row: ri + 1, cellStarts: [0] });
        return;
      }
      let line = '';
      const cellStarts: number[] = [];
      cells.forEach((c, ci) => {
        if (ci) line += '\t';
        cellStarts.push(line.length);
        line += joinCellParagraphs(c.paragraphs);
        for (let extra = 1; extra < c.span; extra++) {
          line += '\t';
          cellStarts.push(line.length);
        }
      });
      this.lines.push(line);
      this.origins.push({ table, row: ri + 1, cellStarts });
    });
    this.noteInTable = false;
  }
}

/** The lines Word itself marks as the title: the paragraphs in the Title (标题) style; else, among
 *  the centred paragraphs the document opens with, the last run of large ones — an office's red
 *  header `××市人民政府办公室文件` and its document number come centred before the title too, and
 *  a left-aligned paragraph (主送机关, `一、总体要求`) starts the body. Adjacent paragraphs of the
 *  same kind are one title broken over lines. */
export function titleLines(c: readonly { line: number; end: number; titleStyle: boolean; centred: boolean; large: boolean }[]): { first: number; last: number } | undefined {
  const runOf = (from: number, ok: (i: number) => boolean): { first: number; last: number } => {
    let to = from;
    while (to + 1 < c.length && ok(to + 1) && c[to + 1]!.line === c[to]!.end + 1) to++;
    return { first: c[from]!.line, last: c[to]!.end };
  };
  const styled = c.findIndex((x) => x.titleStyle);
  if (styled >= 0) return runOf(styled, (i) => c[i]!.titleStyle);
  let found: { first: number; last: number } | undefined;
  for (let i = 0; i < c.length && c[i]!.centred; i++) {
    if (!c[i]!.large || (i > 0 && c[i - 1]!.large && c[i - 1]!.centred && c[i]!.line === c[i - 1]!.end + 1)) continue;
    found = runOf(i, (k) => c[k]!.centred && c[k]!.large);
  }
  return found;
}

// ---- .doc (Word 97–2003) ----

async function readDoc(path: string, buf: Buffer): Promise<WordRead> {
  let body: string;
  let boxes = '';
  let lists = false;
  try {
    // loaded on demand: only old .doc files need it
    const mod = await import('word-extractor');
    const WordExtractor = ((mod as unknown as { default?: unknown }).default ?? mod) as typeof mod.default;
    const doc = await new WordExtractor().extract(buf);
    body = doc.getBody({ filterUnicode: false });
    boxes = doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true, filterUnicode: false });
    lists = await docUsesLists(buf);
  } catch (e) {
    return { ok: false, path, error: wordError('doc-unreadable', path, (e as Error)?.message ?? String(e)) };
  }
  const r = docText(body, boxes);
  if (lists) r.word.notes.unshift({ kind: 'doc-numbering', place: { paragraph: 1 }, count: 0, detail: '' });
  return { ok: true, path, ...r };
}

/** FIB offset of lcbPlfLfo ([MS-DOC] FibRgFcLcb97): the size of the list format overrides every
 *  paragraph with an automatic list number refers to; 0 when the document has no such numbers. */
const LCB_PLF_LFO = 0x2ee;

/** Whether a .doc has automatic list numbers (which word-extractor drops): read from its FIB with
 *  word-extractor's own OLE reader. */
async function docUsesLists(buf: Buffer): Promise<boolean> {
  type Ole = { read(): Promise<void>; stream(name: string): NodeJS.ReadableStream };
  const { default: OleCompoundDoc } = (await import('word-extractor/lib/ole-compound-doc.js')) as unknown as { default: new (r: unknown) => Ole };
  const { default: BufferReader } = (await import('word-extractor/lib/buffer-reader.js')) as unknown as { default: new (b: Buffer) => unknown };
  const ole = new OleCompoundDoc(new BufferReader(buf));
  await ole.read();
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    const s = ole.stream('WordDocument');
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('end', () => resolve());
    s.on('error', reject);
  });
  const fib = Buffer.concat(chunks);
  return fib.length >= LCB_PLF_LFO + 4 && fib.readUInt32LE(LCB_PLF_LFO) > 0;
}

/** word-extractor's text of a .doc: paragraphs end in `\n`, table cells in a TAB each (a row is
 *  kept as one line, as for .docx). Automatic list numbers are not recovered: a .doc keeps them in
 *  binary list tables word-extractor does not read; readDoc notes once that the document has them. */
export function docText(body: string, textBoxes = ''): { text: string; word: WordSource } {
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  let paragraphs = 0;
  let tables = 0;
  let inTable = false;
  let row = 0;
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (raw.includes('\t') && raw.endsWith('\t')) {
      // a table row: every cell ends with its mark (a TAB here), the row with the line end — so an
      // empty last cell is the second of two final TABs (corpus 121's row 30, made by LibreOffice)
      if (!inTable) { tables++; row = 0; inTable = true; }
      const cells = raw.replace(/\t$/, '').split('\t');
      const cellStarts: number[] = [];
      let at = 0;
      for (const c of cells) { cellStarts.push(at); at += c.length + 1; }
      lines.push(cells.join('\t'));
      origins.push({ table: tables, row: ++row, cellStarts });
      continue;
    }
    inTable = false;
    if (!raw.trim()) {
      // kept as it is (spaces only), as the .docx reader keeps it
      lines.push(raw);
      origins.push({ after: paragraphs });
      continue;
    }
    lines.push(raw);
    origins.push({ paragraph: ++paragraphs });
  }
  while (lines.length && !lines[lines.length - 1]) { lines.pop(); origins.pop(); }
  // a .doc keeps its text boxes' text apart, without their anchors: they come after the body, a
  // blank line between two boxes
  let box = 0;
  let n = 0;
  for (const raw of textBoxes.replace(/\r\n?/g, '\n').split('\n')) {
    if (!raw.trim()) { n = 0; continue; }
    if (!n) box++;
    lines.push(raw);
    origins.push({ textBox: box, paragraph: ++n });
  }
  const word: WordSource = { format: 'doc', lines: origins, notes: [], recoveredNumbers: 0, texts: lines };
  if (!lines.some((l) => l.trim())) word.notes.push({ kind: 'no-text', place: { paragraph: 1 }, count: 0, detail: '' });
  return { text: lines.join('\n') + (lines.length ? '\n' : ''), word };
}

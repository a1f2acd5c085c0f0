// The page's one input hook: a file's bytes → the plan's text, as `readPlanSource` reads a path for
// the CLI and the server, with the same readers (server/src/io: decodeBuffer, readWordBytes,
// readSheetBytes). A new kind of file is one more entry in READERS: its extensions and a function
// of the bytes.
import { decodeBuffer, type EncodingMeta } from '../../server/src/io/encoding.js';
import { readWordBytes } from '../../server/src/io/docx.js';
import { readSheetBytes } from '../../server/src/io/xlsx.js';
import { extensionOf, OLD_SHEET_EXTENSIONS, SHEET_EXTENSIONS, WORD_EXTENSIONS, type WordRead, type WordSource } from '../../server/src/io/word-source.js';
import { loadOfficeLibraries } from './office-libs.js';
import { fileError } from '../../server/src/io/file-error.js';
import { DEFAULT_MAX_BYTES } from '../../server/src/io/files.js';
import { text, type Locale } from '../../server/src/i18n/catalogue.js';

/** A plan as the page holds it: its text and how to give it back. */
export interface PageSource {
  name: string;
  text: string;
  /** a text file's encoding, BOM and line endings: the fixed text is downloaded in the same */
  encoding?: EncodingMeta;
  /** a Word document's line map (its fixed text is downloaded as UTF-8 .txt: a .docx is never rewritten) */
  word?: WordSource;
  /** said under the file name: an encoding guessed between two that fit */
  note?: string;
  /** typed or pasted into the page: no file holds it yet */
  pasted?: true;
}

export type PageRead = { ok: true; source: PageSource } | { ok: false; message: string };

export interface PageReader {
  /** lower-case, with the dot */
  extensions: readonly string[];
  read(bytes: Uint8Array, name: string, locale: Locale): PageRead | Promise<PageRead>;
}

const plainText: PageReader = {
  extensions: ['.txt', '.plan', '.md', ''],
  read(bytes, name, locale) {
    // decodeBuffer takes a Buffer (the page has the `buffer` package's, injected by scripts/build-web.mjs)
    const r = decodeBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!r.ok) return { ok: false, message: text(locale, 'web.unreadable', { file: name, why: text(locale, r.why.id, r.why.data) }) };
    const { ok: _ok, text: body, note, ...encoding } = r;
    return { ok: true, source: { name, text: body, encoding, ...(note ? { note: text(locale, note.id, note.data) } : {}) } };
  },
};

/** An office file as the CLI reads it, or its error in the page's language. */
function office(r: WordRead, name: string, locale: Locale): PageRead {
  return r.ok ? { ok: true, source: { name, text: r.text, word: r.word } } : { ok: false, message: r.error.message[locale] };
}

const word: PageReader = {
  extensions: WORD_EXTENSIONS,
  // a Word 97–2003 file (.doc, .wps) has no reader here: word-extractor needs Node, so it is refused with what to do
  read: async (bytes, name, locale) => office(await readWordBytes(name, bytes, DEFAULT_MAX_BYTES, null), name, locale),
};

const sheet: PageReader = {
  extensions: [...SHEET_EXTENSIONS, ...OLD_SHEET_EXTENSIONS],
  async read(bytes, name, locale) {
    await loadOfficeLibraries(); // exceljs reads the workbook
    return office(await readSheetBytes(name, bytes), name, locale);
  },
};

export const READERS: PageReader[] = [word, sheet, plainText];

export { extensionOf };

/** Reads a dropped or chosen file; any other extension is refused with what to do. */
export async function readBytes(bytes: Uint8Array, name: string, locale: Locale): Promise<PageRead> {
  // the CLI's cap, with its message: a plan is never that large, and the check would freeze the page
  if (bytes.length > DEFAULT_MAX_BYTES) {
    return { ok: false, message: fileError('too-large', name, undefined, { id: 'io.why.size', data: { bytes: bytes.length, max: DEFAULT_MAX_BYTES } }).message[locale] };
  }
  const ext = extensionOf(name);
  const reader = READERS.find((r) => r.extensions.includes(ext));
  if (!reader) return { ok: false, message: text(locale, 'web.unsupported', { file: name, ext, exts: READERS.flatMap((r) => r.extensions).filter(Boolean).join(' ') }) };
  return reader.read(bytes, name, locale);
}

/** Text pasted into the page: UTF-8 with the browser's line breaks, downloaded as such. */
export function pasted(body: string, name: string): PageSource {
  return { name, text: body, encoding: { encoding: 'utf8', bom: false, eol: '\n', mixedEol: false }, pasted: true };
}

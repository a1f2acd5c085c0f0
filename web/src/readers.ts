// The page's one input hook: a file's bytes → the plan's text, as `readPlanSource` reads a path for
// the CLI and the server, with the same decoders (server/src/io). A new kind of file (issue 17's
// Excel 任务分解表, WPS…) is one more entry in READERS: its extensions and a function of the bytes.
import { decodeBuffer, type EncodingMeta } from '../../server/src/io/encoding.js';
import { extractDocx, WordError, wordError } from '../../server/src/io/docx.js';
import type { WordSource } from '../../server/src/io/word-source.js';
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
}

export type PageRead = { ok: true; source: PageSource } | { ok: false; message: string };

export interface PageReader {
  /** lower-case, with the dot */
  extensions: readonly string[];
  read(bytes: Uint8Array, name: string, locale: Locale): PageRead;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

const plainText: PageReader = {
  extensions: ['.txt', '.plan', '.md', ''],
  read(bytes, name, locale) {
    // decodeBuffer takes a Buffer (the page has the `buffer` package's, injected by scripts/build-web.mjs)
    const r = decodeBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!r.ok) return { ok: false, message: text(locale, 'web.unreadable', { file: name, why: text(locale, r.why.id, r.why.data) }) };
    const { text: body, note, ...encoding } = r;
    return { ok: true, source: { name, text: body, encoding, ...(note ? { note: text(locale, note.id, note.data) } : {}) } };
  },
};

const word: PageReader = {
  extensions: ['.docx', '.doc'],
  read(bytes, name, locale) {
    // a .doc and an encrypted .docx are OLE files: their reader (word-extractor) needs Node
    if (startsWith(bytes, OLE)) return { ok: false, message: text(locale, 'web.oleWord', { file: name }) };
    try {
      if (!startsWith(bytes, ZIP)) throw new WordError('corrupt', 'not a zip (.docx) file');
      const { text: body, word: map } = extractDocx(bytes);
      return { ok: true, source: { name, text: body, word: map } };
    } catch (e) {
      const err = e instanceof WordError ? wordError(e.code, name, e.message) : wordError('corrupt', name, String(e));
      return { ok: false, message: err.message[locale] };
    }
  },
};

export const READERS: PageReader[] = [word, plainText];

export const extensionOf = (name: string): string => /(\.[^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Reads a dropped or chosen file; any other extension is refused with what to do. */
export function readBytes(bytes: Uint8Array, name: string, locale: Locale): PageRead {
  const ext = extensionOf(name);
  const reader = READERS.find((r) => r.extensions.includes(ext));
  if (!reader) return { ok: false, message: text(locale, 'web.unsupported', { file: name, ext, exts: READERS.flatMap((r) => r.extensions).filter(Boolean).join(' ') }) };
  return reader.read(bytes, name, locale);
}

/** Text pasted into the page: UTF-8 with the browser's line breaks, downloaded as such. */
export function pasted(body: string, name: string): PageSource {
  return { name, text: body, encoding: { encoding: 'utf8', bom: false, eol: '\n', mixedEol: false } };
}

// Byte ↔ text for plan files. Offices save plans as UTF-8 (with or without BOM), UTF-16 with BOM,
// or GB18030/GBK; `--fix` must write a file back in its own encoding, BOM and line endings, so
// decoding records all three and `encodeText` is its exact inverse for unchanged text.
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import type { MessageData, MessageId } from '../i18n/catalogue.js';

export type TextEncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';
export type Eol = '\n' | '\r\n' | '\r';

/** What a file's bytes looked like, enough to write it back the same way. */
export interface EncodingMeta {
  encoding: TextEncodingName;
  bom: boolean;
  /** The most frequent line ending ('\n' when the text has none). */
  eol: Eol;
  /** More than one kind of line ending occurs. */
  mixedEol: boolean;
}

export type DecodeFailure = {
  ok: false;
  reason: 'binary' | 'undecodable';
  /** English, technical; FileError messages say it in words from the catalogue (`why`). */
  detail: string;
  why: { id: MessageId; data: MessageData };
  /** Byte offset (0-based) and line (1-based) where decoding failed, when there is one. */
  offset?: number;
  line?: number;
};

/** Said to the user when the encoding was a guess between two that both fit the bytes. */
export type DecodeNote = { id: MessageId; data: MessageData };

export type DecodeResult = ({ ok: true; text: string; note?: DecodeNote } & EncodingMeta) | DecodeFailure;

let iconvLib: typeof Iconv | undefined;

/** iconv-lite, loaded at the first GB18030 file: setting it up (its code pages) cost every start
 *  of `fengong check` 4–12 ms, and most plans are UTF-8 (issue 18). In the bundles esbuild makes
 *  the require a call of the bundled module; unbundled (tests under tsx, an ES module) there is no
 *  `require`, and node's own loads it. */
function iconv(): typeof Iconv {
  if (iconvLib) return iconvLib;
  try {
    iconvLib = require('iconv-lite') as typeof Iconv;
  } catch {
    iconvLib = createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  }
  return iconvLib;
}

const BOM_UTF8 = [0xef, 0xbb, 0xbf];
const ENCODING_NAME = { utf8: 'UTF-8', utf16le: 'UTF-16LE', utf16be: 'UTF-16BE' } as const;
/** Bytes looked at for the control-byte share; enough to tell text from binary. */
const BINARY_SAMPLE = 64 * 1024;
/** Above this share of control bytes (other than \t \n \v \f \r, ESC, SUB) a file is binary. */
const BINARY_CONTROL_SHARE = 0.1;
/** control bytes: below 0x20 but \t \n \v \f \r (layout), ESC and SUB (old text files); and DEL */
const CONTROL_BYTES_RE = /[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]/g;

/** Decodes bytes that are valid UTF-8, or says they are not (undefined). */
export type Utf8Decoder = (buf: Uint8Array) => string | undefined;

/** Decode a file's bytes; never throws. The text keeps its line endings, not the BOM. `utf8`
 *  decodes UTF-8 without a BOM (node's readers pass a faster one than the standard decoder). */
export function decodeBuffer(buf: Buffer, utf8: Utf8Decoder = (b) => tryDecode(b, 'utf-8')): DecodeResult {
  if (startsWith(buf, [0xff, 0xfe])) return decodeUnicode(buf.subarray(2), 'utf16le', 2);
  if (startsWith(buf, [0xfe, 0xff])) return decodeUnicode(buf.subarray(2), 'utf16be', 2);
  // Only UTF-16 excuses NUL bytes; a UTF-8 BOM in front of binary data is still binary.
  const binary = binaryReason(buf);
  if (binary) return (!startsWith(buf, BOM_UTF8) && utf16WithoutBom(buf)) || { ok: false, reason: 'binary', ...binary };
  if (startsWith(buf, BOM_UTF8)) return decodeUnicode(buf.subarray(3), 'utf8', 3);
  const text = utf8(buf);
  if (text !== undefined) return utf8OrGbk(buf, text);
  return decodeLegacy(buf);
}

/**
 * Valid UTF-8 is UTF-8 — unless its text is not Chinese, not plausible in any alphabet, while the
 * same bytes read as GB18030 are plausible Chinese: GBK bytes are sometimes valid UTF-8 too (织 =
 * D6 AF = a Hebrew accent on nothing), and read as UTF-8 they would be mojibake and false
 * findings. Then GB18030 is assumed, and said. Real Russian or Greek stays UTF-8.
 */
function utf8OrGbk(buf: Buffer, utf8: string): DecodeResult {
  // the mark of GBK read as UTF-8: letters of U+0080–U+07FF (Greek, Cyrillic, Hebrew…), little Chinese
  // (the regex first: it is one fast scan, and Chinese text rarely has such letters)
  if (!/[\u0080-\u07ff]/.test(utf8) || mostlyChinese(utf8) || plausibleAlphabetic(utf8)) return success(utf8, 'utf8', false);
  const gb = checkGb18030(buf);
  if (!gb.ok || cjkShare(gb.text) <= cjkShare(utf8)) return success(utf8, 'utf8', false);
  const r = success(gb.text, 'gb18030', false);
  if (r.ok) r.note = { id: 'io.assumedGb', data: {} };
  return r;
}

/** Above this share of odd letters, text in U+0080–U+07FF is not any alphabet's. */
const ODD_LETTER_SHARE = 0.05;
/** Fewer letters than this are no evidence either way (小 in GBK is Cyrillic С in UTF-8). */
const MIN_LETTERS = 3;

/**
 * Whether the letters of U+0080–U+07FF read like words of an alphabet: the letters a language
 * writes (not ǰ ʡ ϰ ѧ), each word in one script, each accent on a letter. GBK read as UTF-8 is
 * mostly rare letters and jumps between scripts inside a word (学习 = D1 A7 CF B0 = Cyrillic ѧ,
 * Greek ϰ); `Привет, мир`, `Καλημέρα κόσμε`, `مرحبا بالعالم` are none of that.
 */
function plausibleAlphabetic(text: string): boolean {
  let prev: string | undefined; // the script of the letter just before, if the previous character was one
  let count = 0;
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || c > 0x7ff) {
      prev = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'latin' : undefined;
      continue;
    }
    const letter = commonLetter(c);
    const mark = !letter && MARK.test(ch);
    if (!letter && !mark && !LETTER.test(ch)) {
      prev = undefined; // punctuation, symbols, digits end a word
      continue;
    }
    count++;
    if (mark) {
      if (!prev || !markFits(c, prev)) odd++; // an accent on nothing, or on another script's letter
    } else if (!letter) {
      odd++; // a letter no language here writes: ǰ ʡ ϰ ѧ
      prev = undefined;
    } else {
      if (prev && prev !== letter) odd++;
      prev = letter;
    }
  }
  return count >= MIN_LETTERS && odd / count <= ODD_LETTER_SHARE;
}

const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;
/** The letters that Latin-script languages, Greek, Russian and its neighbours, Armenian, Hebrew
 *  and Arabic (with Persian and Urdu) write, by script: [first, last, script]. */
const COMMON_LETTERS: [number, number, string][] = [
  [0xc0, 0xd6, 'latin'], [0xd8, 0xf6, 'latin'], [0xf8, 0x17f, 'latin'], [0x1a0, 0x1a1, 'latin'], [0x1af, 0x1b0, 'latin'], [0x218, 0x21b, 'latin'],
  [0x386, 0x386, 'greek'], [0x388, 0x38a, 'greek'], [0x38c, 0x38c, 'greek'], [0x38e, 0x3a1, 'greek'], [0x3a3, 0x3ce, 'greek'],
  [0x400, 0x45f, 'cyrillic'], [0x490, 0x491, 'cyrillic'],
  [0x531, 0x556, 'armenian'], [0x561, 0x587, 'armenian'],
  [0x5d0, 0x5ea, 'hebrew'],
  [0x621, 0x64a, 'arabic'], [0x671, 0x671, 'arabic'], [0x67e, 0x67e, 'arabic'], [0x686, 0x686, 'arabic'], [0x698, 0x698, 'arabic'], [0x6a9, 0x6a9, 'arabic'], [0x6af, 0x6af, 'arabic'], [0x6cc, 0x6cc, 'arabic'], [0x6d2, 0x6d2, 'arabic'],
];

function commonLetter(c: number): string | undefined {
  for (const [first, last, script] of COMMON_LETTERS) if (c >= first && c <= last) return script;
  return undefined;
}

/** Whether a combining mark goes on a letter of `script` (decomposed accents, Hebrew points, harakat). */
function markFits(c: number, script: string): boolean {
  if (c >= 0x300 && c <= 0x36f) return script === 'latin' || script === 'greek' || script === 'cyrillic';
  if (c >= 0x5b0 && c <= 0x5c7) return script === 'hebrew';
  if (c >= 0x64b && c <= 0x652) return script === 'arabic';
  return false;
}

/** Share of the non-ASCII characters that are Chinese (or its punctuation); 1 for pure ASCII. */
function cjkShare(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  // code units, a surrogate pair read as one code point: the string iterator cost 30 ms of a 1 MB
  // `fengong check` (a plan with one `·` is scanned whole; issue 18)
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    nonAscii++;
    if (isCjkish(c)) cjk++;
  }
  return nonAscii ? cjk / nonAscii : 1;
}

/**
 * UTF-16 saved without a BOM (some Windows tools): NUL bytes in every other position. Accepted
 * when one byte order decodes cleanly to text that is Chinese or ASCII (no control characters).
 */
function utf16WithoutBom(buf: Buffer): DecodeResult | undefined {
  if (buf.length < 2 || buf.length % 2 === 1) return undefined;
  for (const encoding of ['utf16le', 'utf16be'] as const) {
    const text = tryDecode(buf, encoding === 'utf16le' ? 'utf-16le' : 'utf-16be');
    if (text === undefined) continue;
    let good = 0;
    let count = 0;
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      count++;
      if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || isCjkish(c)) good++;
    }
    if (count && good / count >= 0.95 && mostlyChinese(text)) return success(text, encoding, false);
  }
  return undefined;
}

/**
 * Encode text with the given meta; the inverse of decodeBuffer. With `eol` (and not `mixedEol`),
 * every line break is converted to it, so text edited with LF goes back with the file's CRLF; a
 * mixed-EOL file keeps its line breaks exactly as they are in the text.
 */
export function encodeText(
  text: string,
  meta: { encoding: TextEncodingName; bom: boolean; eol?: Eol; mixedEol?: boolean },
): Buffer {
  const body = meta.eol === undefined || meta.mixedEol ? text : normalizeEol(text, meta.eol);
  switch (meta.encoding) {
    case 'utf8':
      return withBom(meta.bom, BOM_UTF8, Buffer.from(body, 'utf8'));
    case 'utf16le':
      return withBom(meta.bom, [0xff, 0xfe], Buffer.from(body, 'utf16le'));
    case 'utf16be':
      return withBom(meta.bom, [0xfe, 0xff], Buffer.from(body, 'utf16le').swap16());
    case 'gb18030':
      // GB18030 has no BOM in practice; a caller asking for one gets the encoded U+FEFF.
      return iconv().encode(meta.bom ? '\ufeff' + body : body, 'gb18030');
  }
}

/** Detect line endings: the most frequent kind, and whether kinds are mixed. */
export function detectEol(text: string): { eol: Eol; mixedEol: boolean } {
  // no \r (most plans): LF or no break at all, one kind; found by one native search, not a loop
  // over each character that ran cold for the first files of every check (issue 18)
  if (!text.includes('\r')) return { eol: '\n', mixedEol: false };
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (crlf > 0 ? 1 : 0) + (lf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  // Ties go to LF, then CRLF: the more common conventions.
  const eol: Eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
  return { eol, mixedEol: kinds > 1 };
}

/** Convert every line break (CRLF, CR, LF) to `eol`. */
export function normalizeEol(text: string, eol: Eol): string {
  return text.replace(/\r\n|\r|\n/g, eol);
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line breaks (ASCII-safe in UTF-8 and GB18030). */
export function lineOfByte(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) {
    if (buf[i] === 10 || (buf[i] === 13 && buf[i + 1] !== 10)) line++;
  }
  return line;
}

function success(text: string, encoding: TextEncodingName, bom: boolean): DecodeResult {
  return { ok: true, text, encoding, bom, ...detectEol(text) };
}

/** After a BOM: the rest must be valid in that encoding, else it is reported (not guessed). */
function decodeUnicode(body: Buffer, encoding: 'utf8' | 'utf16le' | 'utf16be', bomLength: number): DecodeResult {
  if (encoding !== 'utf8' && body.length % 2 === 1) {
    return undecodable(`${encoding} with BOM has an odd number of bytes (${body.length + bomLength})`, { id: 'io.why.oddBytes', data: { encoding: ENCODING_NAME[encoding], bytes: body.length + bomLength } }, body.length + bomLength - 1);
  }
  const label = encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be';
  const text = tryDecode(body, label);
  if (text !== undefined) return success(text, encoding, true);
  const at = bomLength + (encoding === 'utf8' ? firstInvalidUtf8(body) : firstLoneSurrogate(body, encoding));
  return undecodable(`invalid ${encoding} after a ${encoding} BOM at byte ${at}`, { id: 'io.why.afterBom', data: { encoding: ENCODING_NAME[encoding], offset: at } }, at, encoding === 'utf8' ? lineOfByte(body, at - bomLength) : undefined);
}

/** No BOM and not UTF-8: accept GB18030 only if well-formed, exactly round-trippable and plausible. */
function decodeLegacy(buf: Buffer): DecodeResult {
  const badUtf8 = firstInvalidUtf8(buf);
  const utf8Line = lineOfByte(buf, badUtf8);
  const gb = checkGb18030(buf);
  if (gb.ok) return success(gb.text, 'gb18030', false);
  return undecodable(
    `invalid UTF-8 at byte ${badUtf8} (line ${utf8Line}); not GB18030 either (${gb.why})`,
    { id: 'io.why.legacy', data: { offset: badUtf8, line: utf8Line } },
    badUtf8,
    utf8Line,
  );
}

type GbCheck = { ok: true; text: string } | { ok: false; why: string };

function checkGb18030(buf: Buffer): GbCheck {
  const malformed = firstMalformedGb18030(buf);
  if (malformed >= 0) return { ok: false, why: `malformed sequence at byte ${malformed}` };
  const text = iconv().decode(buf, 'gb18030');
  if (text.includes('\ufffd')) return { ok: false, why: 'unmapped sequence' };
  // iconv-lite maps a few codes (e.g. unassigned 4-byte ranges) to characters that encode back
  // differently; such a file could not be written back byte for byte, so it is not accepted.
  const back = iconv().encode(text, 'gb18030');
  if (!back.equals(buf)) return { ok: false, why: `no exact round trip at byte ${firstDifference(buf, back)}` };
  if (!plausibleChinese(buf, text)) return { ok: false, why: 'decoded text is not plausible Chinese' };
  return { ok: true, text };
}

/**
 * Offset of the first byte that does not start or continue a GB18030 sequence, or -1.
 * 1 byte 00–7F; 2 bytes 81–FE + 40–7E|80–FE; 4 bytes 81–FE + 30–39 + 81–FE + 30–39.
 */
export function firstMalformedGb18030(buf: Buffer): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff || i + 1 >= n) return i;
    const b2 = buf[i + 1]!;
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      i += 2;
    } else if (b2 >= 0x30 && b2 <= 0x39) {
      if (i + 3 >= n) return i;
      const b3 = buf[i + 2]!;
      const b4 = buf[i + 3]!;
      if (b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return i;
      i += 4;
    } else return i;
  }
  return -1;
}

/**
 * Real Chinese text in GBK is mostly GB2312 (both bytes A1–FE) and decodes to CJK characters and
 * punctuation; Latin-1 or random bytes that happen to be well-formed GB18030 are not.
 */
function plausibleChinese(buf: Buffer, text: string): boolean {
  let multi = 0;
  let gb2312 = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x80) continue;
    multi++;
    const b2 = buf[i + 1]!;
    if (b2 >= 0x30 && b2 <= 0x39) {
      i += 3;
      continue;
    }
    if (b >= 0xa1 && b2 >= 0xa1) gb2312++;
    i++;
  }
  return multi > 0 && gb2312 / multi >= 0.6 && cjkShare(text) >= 0.9;
}

/** Code points of Chinese text and its punctuation: [first, last]. */
const CJKISH: [number, number][] = [
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0x3400, 0x4dbf], // extension A
  [0x20000, 0x3134f], // extensions B–G
  [0x3000, 0x303f], // CJK punctuation
  [0xff00, 0xffef], // full-width forms
  [0x2000, 0x206f], // general punctuation “”‘’…—
  [0x2460, 0x24ff], // enclosed numbers ①
  [0x2160, 0x217f], // Roman numerals Ⅰ
  [0x25a0, 0x25ff], // geometric shapes ■ ○ ★
  [0x3200, 0x32ff], // enclosed CJK ㈠
  [0xb7, 0xb7], [0xd7, 0xd7], [0xf7, 0xf7], [0xb0, 0xb0], [0xa7, 0xa7], // · × ÷ ° §
];

function isCjkish(c: number): boolean {
  for (const [first, last] of CJKISH) if (c >= first && c <= last) return true;
  return false;
}

const CJKISH_CLASS = CJKISH.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join('');
const CJKISH_RE = new RegExp(`[${CJKISH_CLASS}]`, 'gu');
const OTHER_NON_ASCII_RE = new RegExp(`[^\\u0000-\\u007f${CJKISH_CLASS}]`, 'gu');

/** cjkShare(text) >= 0.5, by the regex engine: count the non-ASCII characters that are not
 *  Chinese (few, in a Chinese plan), then only as many Chinese ones. The loop over every code
 *  unit ran cold at each start: 24 ms of a 1 MB `fengong check`, 3 ms this way (issue 18). */
function mostlyChinese(text: string): boolean {
  let other = 0;
  OTHER_NON_ASCII_RE.lastIndex = 0;
  while (OTHER_NON_ASCII_RE.exec(text)) other++;
  let cjk = 0;
  CJKISH_RE.lastIndex = 0;
  while (cjk < other && CJKISH_RE.exec(text)) cjk++;
  return cjk >= other;
}

/** A reason the bytes are binary (NUL, or many control bytes), or undefined. */
function binaryReason(buf: Buffer): Pick<DecodeFailure, 'detail' | 'why'> | undefined {
  const nul = buf.indexOf(0);
  if (nul >= 0) return { detail: `NUL byte at offset ${nul} and no UTF-16 BOM`, why: { id: 'io.why.nul', data: { offset: nul } } };
  const n = Math.min(buf.length, BINARY_SAMPLE);
  // the bytes as Latin-1 characters, one each, counted by one native scan: a loop over every byte
  // ran unoptimised for the first files of a run (1,000 files, ~60 ms; issue 18)
  const control = buf.toString('latin1', 0, n).match(CONTROL_BYTES_RE)?.length ?? 0;
  if (n > 0 && control / n > BINARY_CONTROL_SHARE) {
    return { detail: `${control} of the first ${n} bytes are control bytes`, why: { id: 'io.why.control', data: { control, n } } };
  }
  return undefined;
}

function tryDecode(buf: Uint8Array, label: string): string | undefined {
  try {
    // ignoreBOM keeps a U+FEFF that follows the BOM we already removed (or starts a BOM-less file).
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/** Offset of the first byte that breaks UTF-8 (overlong, surrogate, out of range, truncated), or -1. */
export function firstInvalidUtf8(buf: Buffer): number {
  for (let i = 0; i < buf.length; ) {
    const len = utf8SequenceLength(buf, i);
    if (len === 0) return i;
    i += len;
  }
  return -1;
}

/** The length of the valid UTF-8 sequence starting at `i` (1–4), or 0 where none starts there. */
export function utf8SequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
  let len: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) len = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    len = 3;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    len = 4;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < len; k++) {
    const c = buf[i + k];
    if (c === undefined || (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf)) return 0;
  }
  return len;
}

/** Byte offset (within body) of the first unpaired surrogate in UTF-16, or -1. */
function firstLoneSurrogate(body: Buffer, encoding: 'utf16le' | 'utf16be'): number {
  const unit = (i: number) => (encoding === 'utf16le' ? body.readUInt16LE(i) : body.readUInt16BE(i));
  for (let i = 0; i + 1 < body.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < body.length ? unit(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else return i;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return -1;
}

function undecodable(detail: string, why: DecodeFailure['why'], offset?: number, line?: number): DecodeFailure {
  const r: DecodeFailure = { ok: false, reason: 'undecodable', detail, why };
  if (offset !== undefined && offset >= 0) r.offset = offset;
  if (line !== undefined) r.line = line;
  return r;
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function withBom(bom: boolean, bytes: number[], body: Buffer): Buffer {
  return bom ? Buffer.concat([Buffer.from(bytes), body]) : body;
}

function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

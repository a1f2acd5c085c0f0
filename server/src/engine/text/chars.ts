// Character classes of Chinese plain-text documents.

/** Whitespace as exported from Word/WPS: ASCII space and tab, ideographic space (U+3000), NBSP,
 *  the en/em/thin spaces, zero-width space and a stray BOM (U+FEFF) in the middle of a file. */
export const WHITESPACE = ' \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff';
const WS = new Set(WHITESPACE);
export const isWhitespace = (ch: string | undefined): boolean => ch !== undefined && WS.has(ch);
/** A set of code units, for tests by code unit (`text[i]` of a Chinese character is a new string):
 *  one bit each, so a test is an array read, not a Set's hash look-up (the clause and lexer scans
 *  test every character; the look-ups were 2 % of checking 1,000 plans; issue 18). */
export class CodeSet {
  private readonly bits = new Uint32Array(0x10000 >>> 5);
  constructor(chars: Iterable<string>) {
    for (const ch of chars) {
      const c = ch.charCodeAt(0);
      this.bits[c >>> 5] = (this.bits[c >>> 5] ?? 0) | (1 << (c & 31));
    }
  }

  /** whether code unit `c` is one of the set's (NaN, past a text's end: as `\0`, in none) */
  has(c: number): boolean {
    return ((this.bits[c >>> 5]! >>> (c & 31)) & 1) === 1;
  }
}
/** the code units of `chars` */
export const codeSet = (chars: Iterable<string>): CodeSet => new CodeSet(chars);
/** `\n` or `\r` */
export const isLineBreakCode = (c: number): boolean => c === 10 || c === 13;
const WS_CODES = codeSet(WHITESPACE);
/** isWhitespace by code unit: `text[i]` of a Chinese character is a new string each time */
export const isWhitespaceCode = (c: number): boolean => WS_CODES.has(c);
/** a run of that whitespace or line breaks (global: for replace) */
export const WHITESPACE_RUN = /[\s\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+/g;

/** CJK ideographs (basic block and extension A) and the compatibility block. */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** ASCII or full-width digit (`１２．` is written as often as `12.`) */
export const isDigitCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/** the dots that delimit a `1.` marker: ASCII, full-width `．` and the small full stop `﹒` (U+FE52)
 *  of web copies (`1﹒全省地区生产总值增长…`) — compatibility forms of one mark (NFKC folds them to `.`),
 *  so `1﹒` is as right as `1．` (FORMAT.md §1) */
export const MARKER_DOTS = '.．﹒';
/** the 顿号 of `一、` and its small form `﹑` (U+FE51) of web copies */
export const MARKER_COMMAS = '、﹑';

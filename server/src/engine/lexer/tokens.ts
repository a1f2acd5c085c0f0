// Chevrotain tokens of the plain-text plan format. Heading markers are custom patterns that match
// only at the start of a line (after indentation): `一、` in the middle of a sentence is text.
// Chevrotain drops the regex `u` flag, so classes are explicit ranges, never \p{…}.
import { createToken, Lexer, type CustomPatternMatcherFunc } from 'chevrotain';
import { CHINESE_NUMERAL_CHARS, CIRCLED } from '../text/numerals.js';
import { WHITESPACE, MARKER_COMMAS, MARKER_DOTS, codeSet as codes, isDigitCode as isDigit, isLineBreakCode, isWhitespaceCode as isWs } from '../text/chars.js';

export const PAIR_OPENERS = '（(〔［[【《〈“‘「『';
export const PAIR_CLOSERS = '）)〕］]】》〉”’」』';

const NUMERALS = new Set(CHINESE_NUMERAL_CHARS);

/** Markdown's line prefixes: `## 一、…`, `- （一）…`, `> 1.…` (FORMAT.md §6) */
const MD_PREFIX = new Set(['#', '-', '*', '+', '>']);

/** A star before a number marks a key item in scoring sheets (`★1.落实主体责任`): it is no part
 *  of the number, and the indentation takes it when a marker follows. */
const STARS = new Set(['★', '☆']);

const MD_PREFIX_CODES = codes(MD_PREFIX);
const STAR_CODES = codes(STARS);

/** true when only whitespace, or a Markdown prefix and whitespace, or a star stands between the
 *  line start and offset. By code unit: every marker pattern asks this first (`text[i]` made a
 *  string of each character it looked at). */
function atLineStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && isWs(text.charCodeAt(i))) i--;
  if (i >= 0 && STAR_CODES.has(text.charCodeAt(i))) {
    i--;
    while (i >= 0 && isWs(text.charCodeAt(i))) i--;
  }
  if (i >= 0 && MD_PREFIX_CODES.has(text.charCodeAt(i)) && i < offset - 1) {
    const end = i;
    while (i >= 0 && MD_PREFIX_CODES.has(text.charCodeAt(i)) && end - i < 6) i--;
    while (i >= 0 && isWs(text.charCodeAt(i))) i--;
  }
  return i < 0 || isLineBreakCode(text.charCodeAt(i));
}

function match(text: string, offset: number, end: number): RegExpExecArray {
  const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
  m.index = offset;
  return m;
}

/** `1.` `1．` `1﹒` (chars.ts) */
const DOTS = new Set(MARKER_DOTS);

/** delimiters seen after a marker's number, right or wrong: the rules judge them */
const DELIMS = new Set(['，', ',', ...MARKER_COMMAS, ...MARKER_DOTS]);
const COMMAS = new Set(MARKER_COMMAS);

/** rank 1: `一、` `十一、`, the wrong `一.` `一．` whatever follows the dot (`二.2024年重点任务`),
 *  and a numeral alone on its line (`三` whose `、` was lost; the model keeps it only where the
 *  numbering expects it) */
const rank1: CustomPatternMatcherFunc = (text, offset) => {
  if (!atLineStart(text, offset)) return null;
  let i = offset;
  while (i < text.length && i - offset < 4 && NUMERALS.has(text[i]!)) i++;
  if (i === offset) return null;
  const d = text[i];
  if (COMMAS.has(d!) || DOTS.has(d!)) return match(text, offset, i + 1);
  let j = i;
  while (j < text.length && isWs(text.charCodeAt(j))) j++;
  return j >= text.length || text[j] === '\n' || text[j] === '\r' ? match(text, offset, i) : null;
};

/** rank 2 `（一）` and rank 4 `（1）`, any bracket width, with an optional (wrong) delimiter after */
function bracketed(inner: (c: number, ch: string) => boolean): CustomPatternMatcherFunc {
  return (text, offset) => {
    const open = text[offset];
    if ((open !== '（' && open !== '(') || !atLineStart(text, offset)) return null;
    let i = offset + 1;
    while (i < text.length && inner(text.charCodeAt(i), text[i]!)) i++; // `（10000）`: any length
    if (i === offset + 1) return null;
    const close = text[i];
    if (close !== '）' && close !== ')') return null;
    i++;
    if (DELIMS.has(text[i]!) && !isDigit(text.charCodeAt(i + 1))) i++;
    return match(text, offset, i);
  };
}

/** Characters that after a bare number make it a quantity or a date, not an item number. */
const QUANTITY = new Set('年月日号號个個项項条條次天周時时分秒%％万萬亿億千百元名人家户戶件类類批期届屆岁歲位台臺套座所处處栋棟辆輛吨噸米公里亩畝平方倍多余餘·-~～:：/／');

/** rank 3 `1.` `1．`, also `3、` (wrong), `11加强` (missing) and `11.121…` — the model decides
 *  whether the last two are items, from the numbering around them. */
const rank3: CustomPatternMatcherFunc = (text, offset) => {
  if (!isDigit(text.charCodeAt(offset)) || !atLineStart(text, offset)) return null;
  let i = offset;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  // any number of digits: a plan of 10,000 items and more is numbered on (a year is no item: `2024年`
  // stops at 年 below)
  const d = text[i];
  if (DOTS.has(d!)) {
    // `3.1` is a section number; `11.121人才` is item 11 whose text starts with digits: the token
    // is taken and the model keeps it only where item 11 is expected.
    return match(text, offset, i + 1);
  }
  if (COMMAS.has(d!) || d === '，' || d === ',') return match(text, offset, i + 1);
  if (d === undefined || d === '\n' || d === '\r') return null; // a bare number on its own line
  if (QUANTITY.has(d)) return null;
  let j = i;
  while (j < text.length && isWs(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  if ((c >= 0x4e00 && c <= 0x9fff) && !QUANTITY.has(text[j]!)) return match(text, offset, i);
  return null;
};

/** rank 5 `①` … `⑳` */
const rank5: CustomPatternMatcherFunc = (text, offset) => {
  if (!CIRCLED.includes(text[offset]!) || !atLineStart(text, offset)) return null;
  let i = offset + 1;
  if (DELIMS.has(text[i]!)) i++;
  return match(text, offset, i);
};

/** Whitespace at the start of a line, and a Markdown prefix with the space after it (`## `). */
const indent: CustomPatternMatcherFunc = (text, offset) => {
  if (!(offset === 0 || text[offset - 1] === '\n' || text[offset - 1] === '\r')) return null;
  let i = offset;
  while (i < text.length && isWs(text.charCodeAt(i))) i++;
  if (STARS.has(text[i]!) && startsMarker(text, i + 1)) {
    i++;
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
    return match(text, offset, i);
  }
  let j = i;
  while (j < text.length && MD_PREFIX.has(text[j]!) && j - i < 6) j++;
  if (j > i && (text[j] === ' ' || text[j] === '\u3000')) {
    i = j;
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
  }
  return i > offset ? match(text, offset, i) : null;
};

/** whether a marker may start at i, after spaces: a digit, a bracket, a numeral or a circled one */
function startsMarker(text: string, i: number): boolean {
  while (i < text.length && isWs(text.charCodeAt(i))) i++;
  const c = text[i];
  return c !== undefined && (isDigit(text.charCodeAt(i)) || c === '（' || c === '(' || NUMERALS.has(c) || CIRCLED.includes(c));
}

const FULL_DIGITS = '０１２３４５６７８９';
// Token categories: the parser consumes `Marker` and `Inline` with one CONSUME each instead of an
// OR over five or two token types — per-token work is the parser's hot path.
export const Marker = createToken({ name: 'Marker', pattern: Lexer.NA });
export const Inline = createToken({ name: 'Inline', pattern: Lexer.NA });
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
export const Indent = createToken({ name: 'Indent', pattern: indent, line_breaks: false, start_chars_hint: [...WHITESPACE, ...MD_PREFIX, ...STARS] });
export const Rank1Marker = createToken({ name: 'Rank1Marker', categories: [Marker], pattern: rank1, line_breaks: false, start_chars_hint: [...CHINESE_NUMERAL_CHARS] });
export const Rank2Marker = createToken({
  name: 'Rank2Marker', categories: [Marker], pattern: bracketed((_c, ch) => NUMERALS.has(ch)), line_breaks: false, start_chars_hint: ['（', '('],
});
export const Rank4Marker = createToken({
  name: 'Rank4Marker', categories: [Marker], pattern: bracketed((c) => isDigit(c)), line_breaks: false, start_chars_hint: ['（', '('],
});
export const Rank3Marker = createToken({
  name: 'Rank3Marker', categories: [Marker], pattern: rank3, line_breaks: false, start_chars_hint: [...'0123456789', ...FULL_DIGITS],
});
export const Rank5Marker = createToken({ name: 'Rank5Marker', categories: [Marker], pattern: rank5, line_breaks: false, start_chars_hint: [...CIRCLED] });
export const PairOpen = createToken({ name: 'PairOpen', categories: [Inline], pattern: /[（(〔［[【《〈“‘「『]/ });
export const PairClose = createToken({ name: 'PairClose', categories: [Inline], pattern: /[）)〕］\]】》〉”’」』]/ });

// Text is everything else, spaces inside a line included. It is matched (every character is some
// token) but skipped: a line's extent comes from its line breaks, so no token object is made for
// the half of the tokens nothing reads (a tenth of lint()'s time was making and collecting them;
// issue 18). Written as positive ranges — a complement set would disable Chevrotain's
// first-char optimisation: all code units except line breaks and pair characters.
const EXCLUDED = `\r\n${PAIR_OPENERS}${PAIR_CLOSERS}`;
function positiveClass(excluded: string): RegExp {
  const codes = [...new Set([...excluded].map((c) => c.charCodeAt(0)))].sort((a, b) => a - b);
  const ranges: string[] = [];
  let from = 0;
  const hex = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
  for (const c of [...codes, 0x10000]) {
    if (c > from) ranges.push(c - 1 === from ? hex(from) : `${hex(from)}-${hex(c - 1)}`);
    from = c + 1;
  }
  return new RegExp(`[${ranges.join('')}]+`);
}
export const Text = createToken({ name: 'Text', pattern: positiveClass(EXCLUDED), group: Lexer.SKIPPED });

export const allTokens = [
  Marker, Inline, Newline, Indent, Rank1Marker, Rank2Marker, Rank4Marker, Rank3Marker, Rank5Marker, PairOpen, PairClose, Text,
];

export const planLexer = new Lexer(allTokens, {
  ensureOptimizations: true,
  positionTracking: 'onlyOffset', // lines come from LineIndex; tracking them here costs time
  skipValidations: true, // validated in the tests (parser.test.ts), not at every start-up
});

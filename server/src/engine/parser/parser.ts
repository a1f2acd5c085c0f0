// Chevrotain grammar of the line structure, over the lexer's tokens (Text is matched but skipped
// by the lexer: a line's extent comes from its line breaks, and nothing reads the text runs):
//   document := line*, where
//   line     := Newline | Indent Marker? Inline* Newline? | Marker Inline* Newline? | Inline+ Newline?
//   Marker   := Rank1Marker | Rank2Marker | Rank3Marker | Rank4Marker | Rank5Marker  (token category)
//   Inline   := PairOpen | PairClose                                                  (token category)
// The parser keeps no CST: embedded actions record, per line, its extent, its indentation, its
// marker token and its pair characters — all the model needs. A record is closed by a line break
// only, never by where a rule ends: a Markdown prefix and a tab before a marker (`#⇥（一）`) once
// made two records of one line, every later line numbered one off (issue 18). Error recovery
// is off: every token begins some alternative of `line`, so any token sequence parses.
import { EmbeddedActionsParser, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, PAIR_OPENERS, Indent, Inline, Marker, Newline, PairClose, PairOpen, Rank1Marker, Rank2Marker, Rank3Marker, Rank4Marker, Rank5Marker,
  planLexer,
} from '../lexer/tokens.js';
import { isWhitespaceCode } from '../text/chars.js';
import { none } from '../model/none.js';

/** A marker or pair token as the model reads it: three fields, not Chevrotain's whole token (a
 *  keystroke copies the records after the edit with their offsets moved, and a spread of the
 *  lexer's token was a tenth of that keystroke; issue 18). */
export interface LineToken {
  image: string;
  startOffset: number;
  tokenType: TokenType;
}

export interface LineRecord {
  /** offset of the line's first character */
  start: number;
  /** offset after the line's last character, line break and trailing whitespace excluded */
  end: number;
  /** offset after the indentation */
  contentStart: number;
  marker?: LineToken;
  /** PairOpen/PairClose tokens, in order */
  pairs: LineToken[];
}

/** A line as the lexer found it, every offset counted from the line's start (its tokens' too): a
 *  version shares it with the next wherever an edit left the line alone, moved or not. Never
 *  changed once made. */
export interface LineShape {
  end: number;
  contentStart: number;
  marker?: LineToken;
  /** the pair characters, in order, each one number (`packPair`): a token object each was 56 bytes,
   *  two a line of bracketed clauses, a fifth of such a plan's peak while its structure is read
   *  (issue 18) */
  pairs: number[];
}

/** a pair character at `offset` (from the line's start) as one number: offset × 2¹⁶ + its code */
const PAIR_SHIFT = 0x10000;
export const packPair = (offset: number, code: number): number => offset * PAIR_SHIFT + code;
/** the offset (from the line's start) and the character code of a packed pair character */
export const pairOffset = (p: number): number => Math.floor(p / PAIR_SHIFT);
export const pairCode = (p: number): number => p % PAIR_SHIFT;

/** The lines of one version of a text: where each starts, as numbers, and its shape. Moving the
 *  lines after an edit is one typed-array pass, no object per line: a keystroke in a 10,000-line
 *  plan copied every record after it with its tokens (~1 MB kept a keystroke long; issue 18).
 *  Never changed once made (a version's readers may outlive the next version). */
export class Lines {
  constructor(readonly starts: Int32Array, readonly shapes: readonly LineShape[]) {}

  get length(): number {
    return this.shapes.length;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.starts[i]! + this.shapes[i]!.end;
  }

  contentStart(i: number): number {
    return this.starts[i]! + this.shapes[i]!.contentStart;
  }

  /** whether line `i` holds more than whitespace */
  filled(i: number): boolean {
    const sh = this.shapes[i]!;
    return sh.end > sh.contentStart;
  }

  /** line `i` with its offsets in the whole text: a new object with copies of its tokens (tests; the
   *  engine reads the shapes with `start(i)` added, as a copy per line doubled a long line's tokens) */
  record(i: number): LineRecord {
    const at = this.starts[i]!;
    const sh = this.shapes[i]!;
    const out: LineRecord = { start: at, end: at + sh.end, contentStart: at + sh.contentStart, pairs: sh.pairs.map((p) => pairToken(p, at)) };
    if (sh.marker) out.marker = moved(sh.marker, at);
    return out;
  }

  /** every line's record (tests) */
  records(): LineRecord[] {
    return this.shapes.map((_, i) => this.record(i));
  }
}

const moved = (t: LineToken, by: number): LineToken => ({ image: t.image, startOffset: t.startOffset + by, tokenType: t.tokenType });
const pairToken = (p: number, by: number): LineToken => {
  const image = String.fromCharCode(pairCode(p));
  return { image, startOffset: pairOffset(p) + by, tokenType: PAIR_OPENERS.includes(image) ? PairOpen : PairClose };
};

export const MARKER_RANK = new Map<TokenType, 1 | 2 | 3 | 4 | 5>([
  [Rank1Marker, 1], [Rank2Marker, 2], [Rank3Marker, 3], [Rank4Marker, 4], [Rank5Marker, 5],
]);

/** Exported for its tests only, which build it once with Chevrotain's grammar validations on. */
export class LineParser extends EmbeddedActionsParser {
  /** where this input's offsets start in the whole text */
  private base = 0;
  private out: LineBuilder = { starts: [], shapes: [] };
  /** the line being read: where it starts in the whole text, and its shape */
  private at = 0;
  private current: LineShape = shape();

  constructor(validate = false) {
    // validated in the tests (parser.test.ts), not at every start-up; LL(1) is all it needs
    super(allTokens, { recoveryEnabled: false, skipValidations: !validate, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** parses one slice's tokens into `out`; the slice starts at `base` of the whole text */
  read(tokens: IToken[], base: number, end: number, out: LineBuilder): void {
    this.input = tokens;
    this.base = base;
    this.out = out;
    this.at = base;
    this.current = shape();
    this.document();
    // Every token begins some alternative of `line`, so no input is rejected (recovery is off: it
    // would only cost start-up); the guard keeps a future grammar change from dropping lines.
    if (this.errors.length) throw new Error(`fengong parser: ${this.errors[0]!.message}`);
    // the last line, when the slice does not end with a line break
    if (this.at < end) {
      this.current.end = end - this.at;
      out.starts.push(this.at);
      out.shapes.push(closed(this.current));
    }
    // the parser is kept for the next call, its input and output are not
    this.input = [];
    this.out = { starts: [], shapes: [] };
  }

  // The callbacks and the line's alternatives are made once per parser, not at every line:
  // Chevrotain's own advice (its "caching arrays of alternatives"), safe as they read nothing but
  // the parser. Made anew per line they were a quarter of what a 1 MB lint allocates (issue 18).
  private readonly pairAfterIndent = () => this.pair(this.CONSUME(Inline));
  private readonly markerAfterIndent = () => this.marker(this.CONSUME(Marker));
  private readonly breakAfterIndent = () => this.newline(this.CONSUME2(Newline));
  private readonly pairAfterMarker = () => this.pair(this.CONSUME2(Inline));
  private readonly breakAfterMarker = () => this.newline(this.CONSUME3(Newline));
  private readonly pairOfPairs = () => this.pair(this.CONSUME3(Inline));
  private readonly breakAfterPairs = () => this.newline(this.CONSUME4(Newline));
  private readonly lineAlternatives: IOrAlt<void>[] = [
    { ALT: () => this.newline(this.CONSUME(Newline)) },
    {
      ALT: () => {
        this.indent(this.CONSUME(Indent));
        this.OPTION(this.markerAfterIndent);
        this.MANY(this.pairAfterIndent);
        this.OPTION2(this.breakAfterIndent);
      },
    },
    {
      ALT: () => {
        this.marker(this.CONSUME2(Marker));
        this.MANY2(this.pairAfterMarker);
        this.OPTION3(this.breakAfterMarker);
      },
    },
    {
      ALT: () => {
        this.AT_LEAST_ONE(this.pairOfPairs);
        this.OPTION4(this.breakAfterPairs);
      },
    },
  ];
  private readonly line = () => this.OR(this.lineAlternatives);

  // one rule, the line's alternatives inline: no rule call per line (SUBRULE, its entry and exit;
  // parseLines over the bench's 1,000 plans, lexing included: 203 → 197 ms; issue 18). The records
  // are the same: a line break, not a rule's end, closes one.
  public document = this.RULE('document', () => {
    this.MANY3(this.line);
  });

  private newline(tok: IToken): void {
    if (this.RECORDING_PHASE) return;
    const at = tok.startOffset + this.base;
    this.current.end = at - this.at;
    this.out.starts.push(this.at);
    this.out.shapes.push(closed(this.current));
    this.at = at + tok.image.length;
    this.current = shape();
  }

  private indent(tok: IToken): void {
    if (!this.RECORDING_PHASE) this.current.contentStart = tok.startOffset + this.base - this.at + tok.image.length;
  }

  private marker(tok: IToken): void {
    if (!this.RECORDING_PHASE) this.current.marker = lineToken(tok, this.base - this.at);
  }

  private pair(tok: IToken): void {
    if (this.RECORDING_PHASE) return;
    const pairs = this.current.pairs;
    const p = packPair(tok.startOffset + this.base - this.at, tok.image.charCodeAt(0));
    if (pairs === NO_PAIRS) this.current.pairs = [p];
    else pairs.push(p);
  }
}

/** a token's three fields, its offset counted from its line's start (`onlyOffset` tracking sets no end) */
const lineToken = (t: IToken, base: number): LineToken => ({ image: t.image, startOffset: t.startOffset + base, tokenType: t.tokenType });

/** the pairs of a line without any: one frozen list for all of them */
const NO_PAIRS: number[] = none();

const shape = (): LineShape => ({ end: 0, contentStart: 0, pairs: NO_PAIRS });

/** the shape with its pairs at their exact length: a list grown by push keeps room for 17, and a
 *  version's shapes live as long as its LineCache or until the plan's structure is read (a plan of
 *  bracketed clauses: 120 bytes a line; issue 18) */
function closed(sh: LineShape): LineShape {
  if (sh.pairs.length > 1) sh.pairs = sh.pairs.slice();
  return sh;
}

/** lines as a parse finds them, before they are made a Lines */
interface LineBuilder {
  starts: number[];
  shapes: LineShape[];
}

let parser: LineParser | undefined;

/** Lexes and parses the text into its lines. Never throws; every line of the text appears
 *  once, blank lines included (a final line without a break too). With a cache holding the
 *  previous version, only the lines an edit touched are lexed again: a keystroke in a
 *  10,000-line plan re-reads one line, not two megabytes, and the lines after it keep their
 *  shapes, only their starts move. The lines are the same either way
 *  (test/fuzz/incremental.test.ts). */
export function parseLines(text: string, cache?: LineCache): Lines {
  if (!cache) return parseWhole(text);
  const before = cache.text;
  const old = cache.lines;
  const edit = cache.edit;
  cache.edit = undefined;
  // the cache is written only once the new lines exist: a failure leaves the old version whole
  if (before === undefined || !old) {
    const lines = parseWhole(text);
    Object.assign(cache, { text, lines, same: undefined, keptHead: 0, keptTail: 0 });
    return lines;
  }
  const { keepHead, keepTail, from, to, head, tail } = touched(before, text, old, edit?.before === before ? edit : undefined);
  const delta = text.length - before.length;
  // the lines from `from` to `to` (new text) are lexed again, as one text of their own
  const middle = parseWhole(text.slice(from, to));
  const n = keepHead + middle.length + keepTail;
  const starts = new Int32Array(n);
  starts.set(old.starts.subarray(0, keepHead));
  for (let i = 0; i < middle.length; i++) starts[keepHead + i] = middle.starts[i]! + from;
  for (let i = keepHead + middle.length, j = old.length - keepTail; i < n; i++, j++) starts[i] = old.starts[j]! + delta;
  const shapes = old.shapes.slice(0, keepHead);
  for (const sh of middle.shapes) shapes.push(sh);
  for (let j = old.length - keepTail; j < old.length; j++) shapes.push(old.shapes[j]!);
  const lines = new Lines(starts, shapes);
  Object.assign(cache, { text, lines, same: { head, tail, before }, keptHead: keepHead, keptTail: keepTail });
  return lines;
}

/** The previous version of a text and its lines, for parseLines to reuse. */
export class LineCache {
  text?: string;
  lines?: Lines;
  /** what the last edit left alike: the first `head` and last `tail` code units of `before` */
  same?: { head: number; tail: number; before: string };
  /** what the next version leaves alike of `before`, when the caller knows it (the language
   *  server: the ranges of the editor's changes), so the texts are not compared: at least the
   *  first `head` and the last `tail` code units. Read once, by the next parseLines. */
  edit?: { head: number; tail: number; before: string };
  /** how many lines from the start the last edit left as they were, line breaks included (their
   *  records are the previous version's own) */
  keptHead?: number;
  /** how many lines at the end the last edit left as they were (their shapes the previous
   *  version's, their starts moved by the edit's length change, their line numbers by its change
   *  of line count) */
  keptTail?: number;
  /** a version folded to simplified script (readStructure's), and that version */
  folded?: { of: string; text: string };
}

/** Which old lines an edit left alone: `keepHead` lines from the start (their line break and the
 *  character after it unchanged too: `\r` + a new `\n` is one break), `keepTail` from the end
 *  (the break before them unchanged); the new text from `from` to `to` holds the others. `known`:
 *  what the caller says the edit left alike (else the texts are compared). */
function touched(
  before: string, after: string, old: Lines, known?: { head: number; tail: number },
): { keepHead: number; keepTail: number; from: number; to: number; head: number; tail: number } {
  const max = Math.min(before.length, after.length);
  const head = known ? Math.min(known.head, max) : commonPrefix(before, after, max);
  const tail = known ? Math.min(known.tail, max - head) : commonSuffix(before, after, max - head);
  const n = old.length;
  // a line is kept when its break and the next character lie in the common head
  const keepHead = n > 1 ? firstAtLeast(old.starts, head, 1, n) - 1 : 0;
  // a line is kept when the break before it (and the character before that) lie in the common tail
  const keepTail = Math.max(0, Math.min(n - firstAtLeast(old.starts, before.length - tail + 2, keepHead + 1, n), n - keepHead - 1));
  const from = keepHead < n ? old.starts[keepHead]! : 0;
  const lastOld = n - 1 - keepTail;
  const to = keepTail ? old.starts[lastOld + 1]! + (after.length - before.length) - breakBefore(after, old.starts[lastOld + 1]! + after.length - before.length) : after.length;
  return { keepHead, keepTail, from, to, head, tail };
}

/** the first index in [lo, hi) whose start is at least `x` (hi when none): starts increase */
function firstAtLeast(starts: Int32Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** length of the line break that ends just before `at` */
function breakBefore(text: string, at: number): number {
  if (text.charCodeAt(at - 1) === 10) return text.charCodeAt(at - 2) === 13 ? 2 : 1;
  return text.charCodeAt(at - 1) === 13 ? 1 : 0;
}

/** Chunks compared natively, halved from the biggest down to the mismatch: a keystroke leaves
 *  megabytes alike, and 1,024-unit chunks were 2,000 slices of each version a keystroke */
const CHUNK = 1 << 14;
const MIN_CHUNK = 16;

function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  for (let chunk = CHUNK; chunk >= MIN_CHUNK; chunk >>= 1) {
    while (i + chunk <= max && a.slice(i, i + chunk) === b.slice(i, i + chunk)) i += chunk;
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  const al = a.length;
  const bl = b.length;
  for (let chunk = CHUNK; chunk >= MIN_CHUNK; chunk >>= 1) {
    while (i + chunk <= max && a.slice(al - i - chunk, al - i) === b.slice(bl - i - chunk, bl - i)) i += chunk;
  }
  while (i < max && a.charCodeAt(al - 1 - i) === b.charCodeAt(bl - 1 - i)) i++;
  return i;
}

/** Characters lexed at a time (a slice ends at the line break after this many). */
const SLICE = 1 << 16;

/** The whole text's lines, a slice of whole lines at a time: only one slice's tokens exist at
 *  once, not the whole text's (a 10 MB plan lexes to about a million, over 100 MB; issue 18).
 *  Every marker and pair pattern looks only within its line. Exported for its tests. */
export function parseWhole(text: string, slice = SLICE): Lines {
  const lines: LineBuilder = { starts: [], shapes: [] };
  for (let start = 0; start < text.length;) {
    const cut = start + slice < text.length ? text.indexOf('\n', start + slice) : -1;
    const end = cut < 0 ? text.length : cut + 1;
    const lexed = planLexer.tokenize(start === 0 && end === text.length ? text : text.slice(start, end));
    // The lexer accepts every character (Text is the complement of the rest), so lexing errors
    // cannot occur; the guard keeps a future token change from silently dropping text.
    if (lexed.errors.length) throw new Error(`fengong lexer: ${lexed.errors[0]!.message}`);
    parser ??= new LineParser();
    parser.read(lexed.tokens, start, end, lines);
    start = end;
  }
  // A text ending with a line break has one more (empty) line, as editors count lines.
  const last = text.length ? text.charCodeAt(text.length - 1) : -1;
  if (text.length === 0 || last === 10 || last === 13) {
    lines.starts.push(text.length);
    lines.shapes.push(shape());
  }
  // trailing whitespace is not content: `（一）深入…。  ` ends at `。`
  for (let i = 0; i < lines.shapes.length; i++) {
    const sh = lines.shapes[i]!;
    const at = lines.starts[i]!;
    sh.end = trimEnd(text, at + sh.contentStart, at + sh.end) - at;
  }
  return new Lines(Int32Array.from(lines.starts), lines.shapes);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

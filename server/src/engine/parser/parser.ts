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
  allTokens, Indent, Inline, Marker, Newline, Rank1Marker, Rank2Marker, Rank3Marker, Rank4Marker, Rank5Marker,
  planLexer,
} from '../lexer/tokens.js';
import { isWhitespaceCode } from '../text/chars.js';

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

export const MARKER_RANK = new Map<TokenType, 1 | 2 | 3 | 4 | 5>([
  [Rank1Marker, 1], [Rank2Marker, 2], [Rank3Marker, 3], [Rank4Marker, 4], [Rank5Marker, 5],
]);

/** Exported for its tests only, which build it once with Chevrotain's grammar validations on. */
export class LineParser extends EmbeddedActionsParser {
  /** where this input's offsets start in the whole text */
  private base = 0;
  private lines: LineRecord[] = [];
  private current: LineRecord = record(0);

  constructor(validate = false) {
    // validated in the tests (parser.test.ts), not at every start-up; LL(1) is all it needs
    super(allTokens, { recoveryEnabled: false, skipValidations: !validate, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  /** parses one slice's tokens into `out`; the slice starts at `base` of the whole text */
  read(tokens: IToken[], base: number, end: number, out: LineRecord[]): void {
    this.input = tokens;
    this.base = base;
    this.lines = out;
    this.current = record(base);
    this.document();
    // Every token begins some alternative of `line`, so no input is rejected (recovery is off: it
    // would only cost start-up); the guard keeps a future grammar change from dropping lines.
    if (this.errors.length) throw new Error(`fengong parser: ${this.errors[0]!.message}`);
    // the last line, when the slice does not end with a line break
    if (this.current.start < end) {
      this.current.end = end;
      out.push(this.current);
    }
    // the parser is kept for the next call, its input and output are not
    this.input = [];
    this.lines = [];
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
    this.current.end = at;
    this.lines.push(this.current);
    this.current = record(at + tok.image.length);
  }

  private indent(tok: IToken): void {
    if (!this.RECORDING_PHASE) this.current.contentStart = tok.startOffset + this.base + tok.image.length;
  }

  private marker(tok: IToken): void {
    if (!this.RECORDING_PHASE) this.current.marker = lineToken(tok, this.base);
  }

  private pair(tok: IToken): void {
    if (!this.RECORDING_PHASE) this.current.pairs.push(lineToken(tok, this.base));
  }
}

/** a token's three fields, its offset moved into the whole text (`onlyOffset` tracking sets no end) */
const lineToken = (t: IToken, base: number): LineToken => ({ image: t.image, startOffset: t.startOffset + base, tokenType: t.tokenType });

const record = (start: number): LineRecord => ({ start, end: start, contentStart: start, pairs: [] });

let parser: LineParser | undefined;

/** Lexes and parses the text into line records. Never throws; every line of the text appears
 *  once, blank lines included (a final line without a break too). With a cache holding the
 *  previous version, only the lines an edit touched are lexed again: a keystroke in a
 *  10,000-line plan re-reads one line, not two megabytes. The records are the same either way
 *  (test/fuzz/incremental.test.ts). */
export function parseLines(text: string, cache?: LineCache): LineRecord[] {
  if (!cache) return parseWhole(text);
  const before = cache.text;
  const old = cache.lines;
  // the cache is written only once the new records exist: a failure leaves the old version whole
  if (before === undefined || !old) {
    const lines = parseWhole(text);
    Object.assign(cache, { text, lines, same: undefined, keptHead: 0, keptTail: 0 });
    return lines.slice();
  }
  const { keepHead, keepTail, from, to, head, tail } = touched(before, text, old);
  const delta = text.length - before.length;
  // the lines from `from` to `to` (new text) are lexed again, as one text of their own
  const middle = parseWhole(text.slice(from, to));
  const lines = old.slice(0, keepHead);
  for (const r of middle) lines.push(shifted(r, from));
  for (let i = old.length - keepTail; i < old.length; i++) lines.push(delta ? shifted(old[i]!, delta) : old[i]!);
  Object.assign(cache, { text, lines, same: { head, tail, before }, keptHead: keepHead, keptTail: keepTail });
  // records are never changed once made (readStructure reads them only): versions share them
  return lines.slice();
}

/** The previous version of a text and its line records, for parseLines to reuse. */
export class LineCache {
  text?: string;
  lines?: LineRecord[];
  /** what the last edit left alike: the first `head` and last `tail` code units of `before` */
  same?: { head: number; tail: number; before: string };
  /** how many lines from the start the last edit left as they were, line breaks included (their
   *  records are the previous version's own) */
  keptHead?: number;
  /** how many lines at the end the last edit left as they were (their records moved by the edit's
   *  length change, their line numbers by its change of line count) */
  keptTail?: number;
  /** a version folded to simplified script (readStructure's), and that version */
  folded?: { of: string; text: string };
}

/** Which old lines an edit left alone: `keepHead` lines from the start (their line break and the
 *  character after it unchanged too: `\r` + a new `\n` is one break), `keepTail` from the end
 *  (the break before them unchanged); the new text from `from` to `to` holds the others. */
function touched(before: string, after: string, old: LineRecord[]): { keepHead: number; keepTail: number; from: number; to: number; head: number; tail: number } {
  const max = Math.min(before.length, after.length);
  const head = commonPrefix(before, after, max);
  const tail = commonSuffix(before, after, max - head);
  let keepHead = 0;
  // a line is kept when its break and the next character lie in the common head
  while (keepHead < old.length - 1 && old[keepHead + 1]!.start + 1 <= head) keepHead++;
  let keepTail = 0;
  // a line is kept when the break before it (and the character before that) lie in the common tail
  while (keepTail < old.length - keepHead - 1 && old[old.length - 1 - keepTail]!.start - 2 >= before.length - tail) keepTail++;
  const from = keepHead < old.length ? old[keepHead]!.start : 0;
  const lastOld = old.length - 1 - keepTail;
  const to = keepTail ? old[lastOld + 1]!.start + (after.length - before.length) - breakBefore(after, old[lastOld + 1]!.start + after.length - before.length) : after.length;
  return { keepHead, keepTail, from, to, head, tail };
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

/** The whole text's records, a slice of whole lines at a time: only one slice's tokens exist at
 *  once, not the whole text's (a 10 MB plan lexes to about a million, over 100 MB; issue 18).
 *  Every marker and pair pattern looks only within its line. Exported for its tests. */
export function parseWhole(text: string, slice = SLICE): LineRecord[] {
  const lines: LineRecord[] = [];
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
  fixTrailingLine(text, lines);
  // trailing whitespace is not content: `（一）深入…。  ` ends at `。`
  for (const rec of lines) rec.end = trimEnd(text, rec.contentStart, rec.end);
  return lines;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}

/** a copy of a record moved by `by` code units */
function shifted(rec: LineRecord, by: number): LineRecord {
  // a line without pair characters keeps its empty list (records are never changed once made): most
  // lines after a keystroke have none, and a new empty array each was garbage kept a keystroke long
  const pairs = rec.pairs.length ? rec.pairs.map((t) => shiftToken(t, by)) : rec.pairs;
  const out: LineRecord = { start: rec.start + by, end: rec.end + by, contentStart: rec.contentStart + by, pairs };
  if (rec.marker) out.marker = shiftToken(rec.marker, by);
  return out;
}

function shiftToken(t: LineToken, by: number): LineToken {
  return { image: t.image, startOffset: t.startOffset + by, tokenType: t.tokenType };
}

/** A text ending with a line break has one more (empty) line, as editors count lines. */
function fixTrailingLine(text: string, lines: LineRecord[]): LineRecord[] {
  const last = text.length ? text.charCodeAt(text.length - 1) : -1;
  if (text.length === 0 || last === 10 || last === 13) lines.push({ start: text.length, end: text.length, contentStart: text.length, pairs: [] });
  return lines;
}


// Chevrotain grammar of the line structure:
//   document := (Newline | line Newline?)*
//   line     := Indent Marker? Inline* | Marker Inline* | Inline+
//   Marker   := Rank1Marker | Rank2Marker | Rank3Marker | Rank4Marker | Rank5Marker  (token category)
//   Inline   := Text | PairOpen | PairClose                                          (token category)
// The parser keeps no CST: embedded actions record, per line, its extent, its marker token and
// its pair characters — all the model needs. Error recovery is on, so any input parses.
import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, Indent, Inline, Marker, Newline, Rank1Marker, Rank2Marker, Rank3Marker, Rank4Marker, Rank5Marker, Text,
  planLexer,
} from '../lexer/tokens.js';
import { isWhitespace } from '../text/chars.js';

/** A marker or pair token as the model reads it: three fields, not Chevrotain's whole token (a
 *  keystroke copies the records after the edit with their offsets moved, and a spread of the
 *  lexer's token was a tenth of that keystroke; issue 18). */
export interface LineToken {
  image: string;
  startOffset: number;
  tokenType: TokenType;
}

const lineToken = (t: IToken): LineToken => ({ image: t.image, startOffset: t.startOffset, tokenType: t.tokenType });

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

class LineParser extends EmbeddedActionsParser {
  private lines: LineRecord[] = [];
  private current: LineRecord | undefined;

  constructor() {
    super(allTokens, { recoveryEnabled: true, skipValidations: true });
    this.performSelfAnalysis();
  }

  override reset(): void {
    super.reset();
    this.lines = [];
    this.current = undefined;
  }

  take(): LineRecord[] {
    const l = this.lines;
    this.lines = [];
    return l;
  }

  private begin(tok: IToken): LineRecord {
    const rec: LineRecord = { start: tok.startOffset, end: tok.startOffset, contentStart: tok.startOffset, pairs: [] };
    this.lines.push(rec);
    this.current = rec;
    return rec;
  }

  private extend(tok: IToken): void {
    if (this.current) this.current.end = tok.startOffset + tok.image.length;
  }

  public document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => { const nl = this.CONSUME(Newline); this.ACTION(() => this.emptyLine(nl)); } },
        { ALT: () => { this.SUBRULE(this.line); this.OPTION(() => this.CONSUME2(Newline)); } },
      ]);
    });
  });

  /** a blank line is recorded too, so line numbers stay aligned with the text */
  private emptyLine(nl: IToken): void {
    this.lines.push({ start: nl.startOffset, end: nl.startOffset, contentStart: nl.startOffset, pairs: [] });
    this.current = undefined;
  }

  private line = this.RULE('line', () => {
    this.OR([
      {
        ALT: () => {
          const ind = this.CONSUME(Indent);
          this.ACTION(() => { const r = this.begin(ind); r.end = r.contentStart = ind.startOffset + ind.image.length; });
          this.OPTION(() => this.marker(this.CONSUME(Marker)));
          this.MANY(() => this.inline(this.CONSUME(Inline)));
        },
      },
      {
        ALT: () => {
          this.marker(this.CONSUME2(Marker));
          this.MANY2(() => this.inline(this.CONSUME2(Inline)));
        },
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.inline(this.CONSUME3(Inline))) },
    ]);
    this.ACTION(() => { this.current = undefined; });
  });

  private marker(tok: IToken): void {
    if (this.RECORDING_PHASE) return;
    const rec = this.current ?? this.begin(tok);
    rec.marker = lineToken(tok);
    this.extend(tok);
  }

  private inline(tok: IToken): void {
    if (this.RECORDING_PHASE) return;
    const rec = this.current ?? this.begin(tok);
    if (tok.tokenType !== Text) rec.pairs.push(lineToken(tok));
    this.current = rec;
    rec.end = tok.startOffset + tok.image.length;
  }
}

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
    Object.assign(cache, { text, lines, same: undefined });
    return lines.slice();
  }
  const { keepHead, keepTail, from, to, head, tail } = touched(before, text, old);
  const delta = text.length - before.length;
  // the lines from `from` to `to` (new text) are lexed again, as one text of their own
  const middle = parseWhole(text.slice(from, to));
  const lines = old.slice(0, keepHead);
  for (const r of middle) lines.push(shifted(r, from));
  for (let i = old.length - keepTail; i < old.length; i++) lines.push(delta ? shifted(old[i]!, delta) : old[i]!);
  Object.assign(cache, { text, lines, same: { head, tail, before } });
  // records are never changed once made (readStructure reads them only): versions share them
  return lines.slice();
}

/** The previous version of a text and its line records, for parseLines to reuse. */
export class LineCache {
  text?: string;
  lines?: LineRecord[];
  /** what the last edit left alike: the first `head` and last `tail` code units of `before` */
  same?: { head: number; tail: number; before: string };
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

const CHUNK = 1024;

function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  // whole chunks compared natively first: a keystroke leaves megabytes alike
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  const al = a.length;
  const bl = b.length;
  while (i + CHUNK <= max && a.slice(al - i - CHUNK, al - i) === b.slice(bl - i - CHUNK, bl - i)) i += CHUNK;
  while (i < max && a.charCodeAt(al - 1 - i) === b.charCodeAt(bl - 1 - i)) i++;
  return i;
}

/** Characters lexed at a time (a slice ends at the line break after this many). */
const SLICE = 1 << 16;

/** The whole text's records, a slice of whole lines at a time: only one slice's tokens exist at
 *  once, not the whole text's (a 10 MB plan lexes to about a million, over 100 MB; issue 18).
 *  Every marker and pair pattern looks only within its line. Exported for its tests. */
export function parseWhole(text: string, slice = SLICE): LineRecord[] {
  parser ??= new LineParser();
  const lines: LineRecord[] = [];
  for (let start = 0; start < text.length;) {
    const cut = start + slice < text.length ? text.indexOf('\n', start + slice) : -1;
    const end = cut < 0 ? text.length : cut + 1;
    const lexed = planLexer.tokenize(start === 0 && end === text.length ? text : text.slice(start, end));
    // The lexer accepts every character (Text is the complement of the rest), so lexing errors
    // cannot occur; the guard keeps a future token change from silently dropping text.
    if (lexed.errors.length) throw new Error(`fengong lexer: ${lexed.errors[0]!.message}`);
    // offsets into the text (`onlyOffset` tracking sets no end offset)
    if (start) for (const t of lexed.tokens) t.startOffset += start;
    parser.input = lexed.tokens;
    parser.document();
    for (const l of parser.take()) lines.push(l);
    // the parser is kept for the next call, its input is not: every token of the text (6 a line)
    // stayed alive with it (setting the input resets the parser: after take)
    parser.input = [];
    start = end;
  }
  fixTrailingLine(text, lines);
  // trailing whitespace is not content: `（一）深入…。  ` ends at `。`
  for (const rec of lines) rec.end = trimEnd(text, rec.contentStart, rec.end);
  return lines;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWhitespace(text[end - 1])) end--;
  return end;
}

/** a copy of a record moved by `by` code units */
function shifted(rec: LineRecord, by: number): LineRecord {
  const out: LineRecord = { start: rec.start + by, end: rec.end + by, contentStart: rec.contentStart + by, pairs: rec.pairs.map((t) => shiftToken(t, by)) };
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


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

export interface LineRecord {
  /** offset of the line's first character */
  start: number;
  /** offset after the line's last character, line break excluded */
  end: number;
  /** offset after the indentation */
  contentStart: number;
  marker?: IToken;
  /** PairOpen/PairClose tokens, in order */
  pairs: IToken[];
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
    rec.marker = tok;
    this.extend(tok);
  }

  private inline(tok: IToken): void {
    if (this.RECORDING_PHASE) return;
    const rec = this.current ?? this.begin(tok);
    if (tok.tokenType !== Text) rec.pairs.push(tok);
    this.current = rec;
    rec.end = tok.startOffset + tok.image.length;
  }
}

let parser: LineParser | undefined;

/** Lexes and parses the text into line records. Never throws; every line of the text appears
 *  once, blank lines included (a final line without a break too). */
export function parseLines(text: string): LineRecord[] {
  parser ??= new LineParser();
  const lexed = planLexer.tokenize(text);
  parser.reset();
  parser.input = lexed.tokens;
  parser.document();
  const lines = parser.take();
  // the parser is kept for the next call, its input is not: every token of the text (6 a line)
  // stayed alive with it (setting the input resets the parser: after take)
  parser.input = [];
  // The lexer accepts every character (Text is the complement of the rest), so lexing errors
  // cannot occur; the guard keeps a future token change from silently dropping text.
  if (lexed.errors.length) throw new Error(`fengong lexer: ${lexed.errors[0]!.message}`);
  return fixTrailingLine(text, lines);
}

/** A text ending with a line break has one more (empty) line, as editors count lines. */
function fixTrailingLine(text: string, lines: LineRecord[]): LineRecord[] {
  const last = text.length ? text.charCodeAt(text.length - 1) : -1;
  if (text.length === 0 || last === 10 || last === 13) lines.push({ start: text.length, end: text.length, contentStart: text.length, pairs: [] });
  return lines;
}


// Paired punctuation (GB/T 15834-2011 §4.8, 4.9, 4.15): matching within a paragraph, with the
// traps of web copies handled: a title broken across two lines, a quotation spanning paragraphs,
// an apostrophe written as ’.
import type { Paragraph, PairProblem, PairToken } from './types.js';
import { pairCode, pairOffset, type Lines } from '../parser/parser.js';
import { PAIRS } from '../lexicon/brackets.js';
import { orNone } from './none.js';

/** family of each pair character; the two widths of （）and ［］ share a family */
const FAMILY: Record<string, string> = {
  '（': 'paren', '(': 'paren', '）': 'paren', ')': 'paren',
  '〔': 'tortoise', '〕': 'tortoise',
  '［': 'square', '[': 'square', '］': 'square', ']': 'square',
  '【': 'lenticular', '】': 'lenticular',
  '《': 'title', '》': 'title', '〈': 'subtitle', '〉': 'subtitle',
  '“': 'dquote', '”': 'dquote', '‘': 'squote', '’': 'squote',
  '「': 'corner', '」': 'corner', '『': 'wcorner', '』': 'wcorner',
};
export const CLOSER_OF: Readonly<Record<string, string>> = PAIRS;
export const OPENER_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSER_OF).map(([o, c]) => [c, o]));

/** A matched pair by its two offsets; its characters are the text's there. Two offsets, not two
 *  PairTokens: a plan of bracketed clauses keeps one pair a line until its units are read, and the
 *  tokens were 112 of its ~700 bytes a line at the parse's peak (issue 18). */
export interface MatchedPair {
  open: number;
  close: number;
}

export interface ParagraphPairs {
  pairs: MatchedPair[];
  problems: PairProblem[];
}

/** the same tables by the character's code: a token's image is a fresh one-character string, and a
 *  property look-up by it hashed it each time (matching the pairs of 1 MB took 3 ms; issue 18) */
const IS_OPENER = new Uint8Array(0x10000);
for (const o of Object.keys(CLOSER_OF)) IS_OPENER[o.charCodeAt(0)] = 1;
const FAMILY_OF = new Map<number, string>(Object.entries(FAMILY).map(([c, f]) => [c.charCodeAt(0), f]));
const isOpener = (ch: string) => IS_OPENER[ch.charCodeAt(0)] === 1;
const familyOf = (ch: string) => FAMILY_OF.get(ch.charCodeAt(0));
/** each pair character as one string: a token's image is a copy of its one character (24 bytes),
 *  and a plan of numbered headings holds two a line until its model is built (issue 18) */
const CHAR_OF = new Map<number, string>(Object.keys(FAMILY).map((c) => [c.charCodeAt(0), c]));
/** the pair character at `offset` of the text, as the one shared string of that character */
export const pairChar = (text: string, offset: number): string => CHAR_OF.get(text.charCodeAt(offset)) ?? text[offset]!;
/** the pair character of a packed pair (parser.ts `packPair`), as the one shared string of it */
const charOfPair = (p: number): string => { const code = pairCode(p); return CHAR_OF.get(code) ?? String.fromCharCode(code); };
const tokenOf = (p: number, line: number, kind: PairToken['kind'], base: number): PairToken => ({ char: charOfPair(p), offset: pairOffset(p) + base, line, kind });

/** Matches the pair characters of one paragraph (its shape's, packed); their offsets count from
 *  `base` (the line's start). */
export function matchParagraph(tokens: readonly number[], line: number, text: string, base: number): ParagraphPairs {
  const pairs: MatchedPair[] = [];
  const problems: PairProblem[] = [];
  const stack: PairToken[] = [];
  // closers already explained as the far end of a crossing (made at the first crossing: most
  // paragraphs have none, and a set for each was a keystroke's garbage)
  let consumed: Set<number> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (consumed?.has(i)) continue;
    const ch = charOfPair(t);
    if (isOpener(ch)) {
      stack.push(tokenOf(t, line, 'open', base));
      continue;
    }
    const close = tokenOf(t, line, 'close', base);
    const fam = familyOf(ch);
    let depth = stack.length - 1;
    while (depth >= 0 && familyOf(stack[depth]!.char) !== fam) depth--;
    if (depth < 0) {
      // ’ right after a letter or before a digit is an apostrophe (`’99`, `it’s`), not a quote
      if (ch === '’' && (/[0-9A-Za-z]/.test(text[close.offset + 1] ?? '') || /[A-Za-z]/.test(text[close.offset - 1] ?? ''))) continue;
      problems.push({ kind: 'unopened', at: close, expected: OPENER_OF[ch] });
      continue;
    }
    // openers above the match are either crossed (their closer comes later) or unclosed
    for (let k = stack.length - 1; k > depth; k--) {
      const inner = stack[k]!;
      consumed ??= new Set();
      const later = findLater(tokens, i + 1, familyOf(inner.char)!, consumed);
      if (later >= 0) {
        consumed.add(later);
        problems.push({ kind: 'crossed', at: inner, partner: tokenOf(tokens[later]!, line, 'close', base), expected: CLOSER_OF[inner.char] });
      } else {
        problems.push({ kind: 'unclosed', at: inner, expected: CLOSER_OF[inner.char] });
      }
    }
    const open = stack[depth]!;
    stack.length = depth;
    if (CLOSER_OF[open.char] !== ch) problems.push({ kind: 'wrong-width', at: close, partner: open, expected: CLOSER_OF[open.char] });
    pairs.push({ open: open.offset, close: close.offset });
  }
  for (const open of stack) problems.push({ kind: 'unclosed', at: open, expected: CLOSER_OF[open.char] });
  // kept per paragraph until the model is built: a pushed array holds 17 slots for its one pair
  return { pairs: pairs.slice(), problems: orNone(problems) };
}

function findLater(tokens: readonly number[], from: number, family: string, consumed: Set<number>): number {
  for (let j = from; j < tokens.length; j++) {
    const c = charOfPair(tokens[j]!);
    if (!consumed.has(j) && !isOpener(c) && familyOf(c) === family) return j;
    if (isOpener(c) && familyOf(c) === family) return -1; // a new opener of the family claims it
  }
  return -1;
}

/** Document-level pass over the paragraphs' problems (on `problemLines`, in order): a title broken
 *  across two lines and a quotation spanning paragraphs are reported once, as assumptions, or not
 *  at all. In text order. */
export function reconcileAcrossParagraphs(perLine: { get(line: number): ParagraphPairs | undefined }, problemLines: number[], lines: Lines, text: string): PairProblem[] {
  const out: PairProblem[] = [];
  // the next non-blank line, looked up only for the few lines with a problem
  const nextOf = { get(line: number): number | undefined {
    for (let i = line + 1; i < lines.length; i++) if (lines.filled(i)) return i;
    return undefined;
  } };
  const dropped = new Set<PairProblem>();
  for (const lineNo of problemLines) {
    const res = perLine.get(lineNo)!;
    for (const p of res.problems) {
      if (dropped.has(p)) continue;
      if (p.kind === 'unclosed') {
        // `《政府网站集约化⏎试点工作方案》`, `“一网通⏎办2.0”`: the next line starts with the stray
        // closer before any opener of its kind — one pair broken by an export, reported once as
        // an assumption. Besides a title, only a line that stops mid-sentence is such a break.
        const close = CLOSER_OF[p.at.char];
        const next = nextOf.get(lineNo);
        const nextRes = next === undefined ? undefined : perLine.get(next);
        const partner = nextRes?.problems.find((q) => q.kind === 'unopened' && q.at.char === close && !dropped.has(q));
        const title = p.at.char === '《';
        const midSentence = !/[。！？!?；;：:]$/.test(text.slice(lines.contentStart(lineNo), lines.end(lineNo)).trimEnd());
        if (partner && (title || midSentence) && isLastOpen(res, p) && isFirstCloseProblem(nextRes!, partner, p.at.char, text)) {
          dropped.add(partner);
          out.push({ ...p, partner: partner.at, uncertain: true, note: title ? 'title-broken-across-lines' : 'broken-across-lines' });
          continue;
        }
      }
      if (p.kind === 'unclosed' && p.at.char === '“') {
        // a quotation spanning paragraphs: every paragraph opens “, only the last one closes. The
        // first may open it mid-sentence (`他指出：“…`), so what counts is that this “ is the
        // paragraph's last quotation mark and the next paragraph goes on quoting: it starts with a
        // “ that stays open or closes a sentence — not a short quoted term (`“放管服”改革…`)
        const next = nextOf.get(lineNo);
        const rest = text.slice(p.at.offset + 1, lines.end(lineNo));
        if (!/[“”]/.test(rest) && next !== undefined && continuesQuote(lines.contentStart(next), perLine.get(next), text)) continue;
      }
      out.push(p);
    }
  }
  return out.sort((a, b) => a.at.offset - b.at.offset);
}

function continuesQuote(contentStart: number, res: ParagraphPairs | undefined, text: string): boolean {
  if (text[contentStart] !== '“') return false;
  const m = res?.pairs.find((x) => x.open === contentStart);
  if (!m) return true;
  // a short quoted term has no sentence end inside; the last paragraph of a quotation does (`。”`)
  const quoted = text.slice(m.open + 1, m.close);
  return quoted.length > 10 || /[。！？!?；;]/.test(quoted);
}

/** 1 if the paragraph has a 号 or 號 (a document number's end), else 0: a walk over its own
 *  characters, no copy of its text */
export function mayHoldDocNumber(text: string, p: Paragraph): number {
  for (let i = p.content.start; i < p.content.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x53f7 || c === 0x865f) return 1;
  }
  return 0;
}

const isLastOpen = (res: ParagraphPairs, p: PairProblem) =>
  !res.pairs.some((m) => m.open > p.at.offset);
const isFirstCloseProblem = (res: ParagraphPairs, q: PairProblem, open: string, text: string) =>
  !res.pairs.some((m) => m.close < q.at.offset && text[m.open] === open);

/** `〔2019〕` is the only bracket for the year of a document number: `国办发[2019]14号` is not.
 *  `may`: which paragraphs can hold one (mayHoldDocNumber), when known; the others are not searched. */
export function docNumberYears(text: string, paragraphs: Paragraph[], may?: Uint8Array): PairProblem[] {
  const out: PairProblem[] = [];
  const re = /[\u4e00-\u9fff]([[【（(［])((?:19|20)[0-9]{2})([\]】）)］])[0-9]{1,4}[号號]/g;
  // the pattern may start at any CJK character: only a paragraph with a 号 is searched, found by a
  // forward scan per character (no copy of every paragraph's text: a keystroke's garbage)
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (may && !may[i]) continue;
    const p = paragraphs[i]!;
    if (simplified >= 0 && simplified < p.content.start) simplified = text.indexOf('号', p.content.start);
    if (traditional >= 0 && traditional < p.content.start) traditional = text.indexOf('號', p.content.start);
    if (simplified < 0 && traditional < 0) break;
    if (!(simplified >= 0 && simplified < p.content.end) && !(traditional >= 0 && traditional < p.content.end)) continue;
    const s = text.slice(p.content.start, p.content.end);
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const open = p.content.start + m.index + 1;
      const close = open + 1 + m[2]!.length;
      out.push({
        kind: 'doc-number-year', at: { char: m[1]!, offset: open, line: p.line, kind: 'open' },
        partner: { char: m[3]!, offset: close, line: p.line, kind: 'close' }, expected: '〔',
      });
    }
  }
  return out;
}

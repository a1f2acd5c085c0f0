// Each line's matched pairs, shared between versions: a keystroke in the 10,000-line plan copied the
// pairs of every line after it, moved by the edit (~0.5 MB a keystroke, all of it live until the
// next one, so every young-generation collection inside the keystroke copied it again; issue 18),
// while the phases read only the pairs of the items' paragraphs and of the lines with a problem.
// A version is a few segments of line ranges, each over an earlier version's lines moved by a
// number of lines and code units; a line's pairs are moved when first read. Copies only: a
// segment's map is never changed.
import type { ParagraphPairs } from './pairs.js';
import { Shifter } from './shift.js';

interface Segment {
  /** the lines [from, to) of this version... */
  from: number;
  to: number;
  /** ...are those of `src` `lines` lines above, their offsets `offset` code units before */
  src: ReadonlyMap<number, ParagraphPairs>;
  lines: number;
  offset: number;
}

/** beyond this many segments (edits at as many places since the last whole scan) the pairs are
 *  moved into one map: reading a line looks through the segments */
const MAX_SEGMENTS = 32;

export class LinePairs {
  readonly #segments: readonly Segment[];
  /** the pairs moved so far in this version, so a line read twice is one object */
  readonly #moved = new Map<number, ParagraphPairs>();

  /** `own`: a scan's pairs, by line */
  constructor(own: ReadonlyMap<number, ParagraphPairs> = new Map(), segments?: readonly Segment[]) {
    this.#segments = segments ?? [{ from: 0, to: Infinity, src: own, lines: 0, offset: 0 }];
  }

  get(line: number): ParagraphPairs | undefined {
    const seg = this.#segmentOf(line);
    const pairs = seg?.src.get(line - seg.lines);
    if (!pairs || (!seg!.lines && !seg!.offset)) return pairs;
    let out = this.#moved.get(line);
    if (!out) this.#moved.set(line, (out = new Shifter({ offset: seg!.offset, lines: seg!.lines }).pairs(pairs)));
    return out;
  }

  /** every line's pairs in line order (tests; and the one map when there are too many segments) */
  entries(): [number, ParagraphPairs][] {
    const out: [number, ParagraphPairs][] = [];
    for (const seg of this.#segments) {
      const lines: number[] = [];
      for (const line of seg.src.keys()) if (line + seg.lines >= seg.from && line + seg.lines < seg.to) lines.push(line + seg.lines);
      for (const line of lines.sort((a, b) => a - b)) out.push([line, this.get(line)!]);
    }
    return out;
  }

  /** The next version's: this version's lines before `head` as they are, `own` (the lines read
   *  again) from `head` to `tail`, and this version's lines from `oldTail` on moved by `move`. */
  next(head: number, tail: number, oldTail: number, own: ReadonlyMap<number, ParagraphPairs>, move: { lines: number; offset: number }): LinePairs {
    const segments: Segment[] = [];
    for (const seg of this.#segments) {
      if (seg.from < head) segments.push({ ...seg, to: Math.min(seg.to, head) });
    }
    segments.push({ from: head, to: tail, src: own, lines: 0, offset: 0 });
    for (const seg of this.#segments) {
      if (seg.to <= oldTail) continue;
      segments.push({
        from: Math.max(seg.from, oldTail) + move.lines, to: seg.to + move.lines, src: seg.src, lines: seg.lines + move.lines, offset: seg.offset + move.offset,
      });
    }
    const out = new LinePairs(undefined, segments);
    return segments.length > MAX_SEGMENTS ? new LinePairs(new Map(out.entries())) : out;
  }

  #segmentOf(line: number): Segment | undefined {
    const segs = this.#segments;
    let lo = 0;
    let hi = segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (segs[mid]!.to <= line) lo = mid + 1;
      else hi = mid;
    }
    const seg = segs[lo];
    return seg && seg.from <= line ? seg : undefined;
  }
}

// Applying fixes: non-overlapping edits, applied back to front. Like ESLint, a fix that overlaps
// an earlier one waits for the next pass; `fixText` repeats until nothing changes.
import type { Diagnostic, EngineConfig, Fix, LintResult, TextEdit } from './types.js';
import type { ConfigOverride } from './config.js';
import { lint } from './lint.js';

export function applyFixes(text: string, diagnostics: Diagnostic[]): { text: string; applied: number } {
  const chosen: TextEdit[][] = [];
  // Edits taken so far, sorted by (start, end). While they do not overlap each other their ends
  // are sorted too, so one binary search answers "does this edit overlap any taken one?": the
  // whole pass stays O(E log E) however many fixes a document has (10,000 duplicate `1.`).
  const taken: { start: number; end: number }[] = [];
  let disjoint = true; // false once a fix brings edits overlapping each other: then scan all
  const minStart = (f: Fix) => f.edits.reduce((m, e) => Math.min(m, e.span.start), Infinity);
  const fixes = diagnostics.filter((d) => d.fix && d.fix.edits.length).map((d) => ({ f: d.fix!, at: minStart(d.fix!) }))
    .sort((a, b) => a.at - b.at).map((x) => x.f);
  const seen = new Set<string>();
  for (const f of fixes) {
    const key = JSON.stringify(f.edits);
    if (seen.has(key)) continue; // two rules proposing the same edit
    const overlaps = f.edits.some((e) => (disjoint ? overlapsSorted(taken, e.span) : taken.some((t) => overlap(e.span, t))));
    if (overlaps) continue;
    seen.add(key);
    chosen.push(f.edits);
    for (const e of f.edits) {
      const i = upperBound(taken, e.span);
      if (disjoint && overlapsSorted(taken, e.span)) disjoint = false; // a fix's own edits overlap
      taken.splice(i, 0, e.span);
    }
  }
  const edits = chosen.flat().sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  // Back to front, each edit leaves the offsets before it valid. When no two edits overlap, that
  // is the same as copying the text forwards piece by piece — linear instead of O(E·n).
  const forward = edits.slice().reverse();
  if (forward.every((e, i) => i === 0 || forward[i - 1]!.span.end <= e.span.start)) {
    const parts: string[] = [];
    let at = 0;
    for (const e of forward) {
      parts.push(text.slice(at, e.span.start), e.text);
      at = e.span.end;
    }
    parts.push(text.slice(at));
    return { text: parts.join(''), applied: chosen.length };
  }
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return { text: out, applied: chosen.length };
}

type Range = { start: number; end: number };

/** Two edits conflict when their spans overlap, or when both insert at the same point. */
function overlap(e: Range, t: Range): boolean {
  return (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start === t.start && t.start === t.end);
}

/** index of the first taken span after `e` in (start, end) order */
function upperBound(taken: Range[], e: Range): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const t = taken[mid]!;
    if (t.start < e.start || (t.start === e.start && t.end <= e.end)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `overlap(e, t)` for any t of `taken`, which is sorted and pairwise disjoint (so its ends are sorted) */
function overlapsSorted(taken: Range[], e: Range): boolean {
  // spans starting before e.end: only the last of them can reach past e.start
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid]!.start < e.end) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && taken[lo - 1]!.end > e.start && overlap(e, taken[lo - 1]!)) return true;
  // an insertion meets insertions at its own point (and, with e.start < t.end, spans covering it)
  for (let i = lo - 1; i >= 0 && taken[i]!.end > e.start; i--) if (overlap(e, taken[i]!)) return true;
  for (let i = lo; i < taken.length && taken[i]!.start === e.end; i++) if (overlap(e, taken[i]!)) return true;
  return false;
}

/** Lints and fixes until no safe fix is left (at most 10 passes). */
export function fixText(text: string, config?: EngineConfig | ConfigOverride): { text: string; applied: number; passes: number } {
  const { result: _result, ...fixed } = fixAndLint(text, config);
  return fixed;
}

/** fixText, plus the lint of the returned text: the last pass already made it, so a caller that
 *  reports what is left (`check --fix`) need not lint again. */
export function fixAndLint(text: string, config?: EngineConfig | ConfigOverride): { text: string; applied: number; passes: number; result: LintResult } {
  let applied = 0;
  let passes = 0;
  let result: LintResult | undefined;
  for (; passes < 10; passes++) {
    result = lint(text, config);
    const r = applyFixes(text, result.diagnostics);
    if (!r.applied || r.text === text) break;
    applied += r.applied;
    text = r.text;
    result = undefined;
  }
  return { text, applied, passes, result: result ?? lint(text, config) };
}

// Applying fixes: non-overlapping edits, applied back to front. Like ESLint, a fix that overlaps
// an earlier one waits for the next pass; `fixText` repeats until nothing changes.
import type { Diagnostic, EngineConfig, TextEdit } from './types.js';
import type { ConfigOverride } from './config.js';
import { lint } from './lint.js';

export function applyFixes(text: string, diagnostics: Diagnostic[]): { text: string; applied: number } {
  const chosen: TextEdit[][] = [];
  const taken: { start: number; end: number }[] = [];
  const fixes = diagnostics.filter((d) => d.fix && d.fix.edits.length).map((d) => d.fix!)
    .sort((a, b) => Math.min(...a.edits.map((e) => e.span.start)) - Math.min(...b.edits.map((e) => e.span.start)));
  const seen = new Set<string>();
  for (const f of fixes) {
    const key = JSON.stringify(f.edits);
    if (seen.has(key)) continue; // two rules proposing the same edit
    const overlaps = f.edits.some((e) => taken.some((t) => e.span.start < t.end && t.start < e.span.end || (e.span.start === e.span.end && e.span.start === t.start && t.start === t.end)));
    if (overlaps) continue;
    seen.add(key);
    chosen.push(f.edits);
    for (const e of f.edits) taken.push(e.span);
  }
  const edits = chosen.flat().sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.text + out.slice(e.span.end);
  return { text: out, applied: chosen.length };
}

/** Lints and fixes until no safe fix is left (at most 10 passes). */
export function fixText(text: string, config?: EngineConfig | ConfigOverride): { text: string; applied: number; passes: number } {
  let applied = 0;
  let passes = 0;
  for (; passes < 10; passes++) {
    const { diagnostics } = lint(text, config);
    const r = applyFixes(text, diagnostics);
    if (!r.applied || r.text === text) break;
    applied += r.applied;
    text = r.text;
  }
  return { text, applied, passes };
}

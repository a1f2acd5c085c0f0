// Per-paragraph facts the later phases look up instead of reading every paragraph again (issue 18):
// small numbers (bits) computed from one paragraph's text alone, or from it and one context value
// (the document's role words). After a keystroke a Structure knows which of its paragraphs are the
// previous version's (before and after the touched lines): their facts are copied, only the touched
// paragraphs' computed. The facts are the same with or without the previous version.
import type { Paragraph } from './types.js';
import { structureCarry, structureFacts, type Structure } from './structure.js';

interface Kept {
  context: unknown;
  values: Uint8Array;
}

/** `compute(p)` for each paragraph of `s`, in order (at most 255). `name` names the fact; `context`
 *  is whatever else `compute` reads (compared with ===: another context computes them all again). */
export function paragraphFacts(s: Structure, name: string, context: unknown, compute: (p: Paragraph) => number): Uint8Array {
  const mine = structureFacts(s);
  const known = mine.get(name) as Kept | undefined;
  if (known && known.context === context) return known.values;
  const carry = structureCarry(s);
  const old = carry?.prevFacts.get(name) as Kept | undefined;
  const values = new Uint8Array(s.paragraphs.length);
  if (carry && old && old.context === context) {
    values.set(old.values.subarray(0, carry.kept), 0);
    for (let i = carry.kept; i < carry.tailFrom; i++) values[i] = compute(s.paragraphs[i]!);
    values.set(old.values.subarray(carry.oldTailFrom), carry.tailFrom);
  } else {
    for (let i = 0; i < values.length; i++) values[i] = compute(s.paragraphs[i]!);
  }
  mine.set(name, { context, values });
  return values;
}

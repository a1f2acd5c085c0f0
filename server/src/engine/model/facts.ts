// Per-paragraph facts the later phases look up instead of reading every paragraph again (issue 18):
// small numbers (bits) computed from one paragraph's text alone, or from it and one context value
// (the document's role words). After a keystroke a Structure knows which of its paragraphs are the
// previous version's (before and after the touched lines): their facts are copied, only the touched
// paragraphs' computed. The facts are the same with or without the previous version.
import type { Paragraph } from './types.js';
import { firstAtOrAfter } from './search.js';
import { structureCached, structureCarry, structureFacts, type Structure } from './structure.js';

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

interface KeptValues {
  context: unknown;
  values: Map<string, unknown>;
}

/** `compute()`, remembered by `key` (a text) with this version for the next one: after a keystroke
 *  an unchanged key takes the previous version's value instead of computing it again. The values
 *  of a version are those its own lint asked for, so the memo never outgrows the document. Only
 *  for a Structure made with a LineCache (the language server's); elsewhere `compute` runs each
 *  time. `compute` must read nothing but the key's text and `context` (compared with ===), and
 *  its value must never be changed by whoever reads it. */
export function carriedValue<V>(s: Structure, name: string, context: unknown, key: string, compute: () => V): V {
  if (!structureCached(s)) return compute();
  const mine = structureFacts(s);
  let own = mine.get(name) as KeptValues | undefined;
  if (!own || own.context !== context) mine.set(name, (own = { context, values: new Map() }));
  if (own.values.has(key)) return own.values.get(key) as V;
  const prev = structureCarry(s)?.prevFacts.get(name) as KeptValues | undefined;
  const value = prev && prev.context === context && prev.values.has(key) ? prev.values.get(key) as V : compute();
  own.values.set(key, value);
  return value;
}

interface KeptByParagraph {
  context: unknown;
  /** by paragraph index, those asked for: a list as long as the paragraphs was 2 × 71 KB a
   *  keystroke of the 10,000-line plan for the ~700 of its 8,900 paragraphs asked (issue 18) */
  values: Map<number, unknown>;
}

/** `compute()` for paragraph `p` of `s`, carried to the next version by the paragraph's place, as
 *  paragraphFacts carries its bits: after a keystroke the paragraphs before and after the touched
 *  lines take the previous version's value. Keyed by text (carriedValue), every paragraph's text was
 *  sliced and hashed at each keystroke, twice (deadlines, enumerations; issue 18). Only for a
 *  Structure made with a LineCache; elsewhere `compute` runs each time. `compute` must read nothing
 *  but the paragraph's text and `context` (compared with ===) and never return undefined; its value
 *  must never be changed by whoever reads it. */
export function carriedByParagraph<V>(s: Structure, name: string, context: unknown, p: Paragraph, compute: () => V): V {
  const i = structureCached(s) ? firstAtOrAfter(s.paragraphs, p.line) : -1;
  // a paragraph of its own (not the Structure's): nothing to carry it by
  if (s.paragraphs[i] !== p) return compute();
  const mine = structureFacts(s);
  let own = mine.get(name) as KeptByParagraph | undefined;
  if (!own || own.context !== context) mine.set(name, (own = { context, values: new Map() }));
  const known = own.values.get(i);
  if (known !== undefined) return known as V;
  const carry = structureCarry(s);
  const prev = carry?.prevFacts.get(name) as KeptByParagraph | undefined;
  let value: V | undefined;
  if (carry && prev && prev.context === context) {
    const old = i < carry.kept ? i : i >= carry.tailFrom ? i - carry.tailFrom + carry.oldTailFrom : -1;
    if (old >= 0) value = prev.values.get(old) as V | undefined;
  }
  if (value === undefined) value = compute();
  own.values.set(i, value);
  return value;
}

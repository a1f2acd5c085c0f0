// A big plan's run trades a little CPU for much less memory (issue 18). A plan's model is built in one
// go and nearly all of it survives, and V8 lets the heap grow to up to four times what survived its
// last full collection before it collects again: a 32 MB plan of numbered tasks peaked at 1.9 GB of
// RSS for some 0.8 GB alive. Capped at twice what survived, an 8 MB one peaked at 440 MB, not 590 MB,
// for ~6 % more CPU time; a small plan's heap never grows far, so below LARGE_TEXT nothing changes.
import { nodeV8 } from '../io/builtins.js';
import { collector } from '../lsp/memory.js';

/** characters of one text (or of the texts a table holds at once) from which the heap's growth is
 *  capped: 4–6 MB of a Chinese plan's UTF-8 */
export const LARGE_TEXT = 2 * 1024 * 1024;

/** the growth a big run's heap is capped at */
const CAPPED_PERCENT = 100;

let capped = false;

/** Called with a text's length before it is parsed; V8 reads the flag at its next collection. */
export function heapFor(characters: number): void {
  if (capped || characters < LARGE_TEXT) return;
  nodeV8().setFlagsFromString(`--heap-growing-percent=${CAPPED_PERCENT}`);
  capped = true;
}

/** whether this process capped its heap's growth (for the tests) */
export const heapCapped = (): boolean => capped;

/**
 * For a big run (capped): a full collection now, at the end of a phase that left most of the heap
 * garbage, and the heap's growth until the next collection held to `percent` of what survived
 * (back to the cap without one). V8 collects the old generation only once it has grown by the
 * factor set at its last collection, so what a phase lets go is not reused by the next one until
 * then: `fengong table` gives up its plans a task at a time as it tables them (tableOfPlans), but
 * collected only at twice the models' size, the 8 MB headings plan's RSS still rose 353 → 420 MB
 * while tabling; held to a fifth from a collection after the parse, the table is made in the room
 * the models leave (peak 352 MB, three more full collections: ~0.5 s of ~12; issue 18).
 */
export function collectNow(percent = CAPPED_PERCENT): void {
  if (!capped) return;
  nodeV8().setFlagsFromString(`--heap-growing-percent=${percent}`);
  collector()?.();
}

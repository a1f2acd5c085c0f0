// A big plan's run trades a little CPU for much less memory (issue 18). A plan's model is built in one
// go and nearly all of it survives, and V8 lets the heap grow to up to four times what survived its
// last full collection before it collects again: a 32 MB plan of numbered tasks peaked at 1.9 GB of
// RSS for some 0.8 GB alive. Capped at twice what survived, an 8 MB one peaked at 440 MB, not 590 MB,
// for ~6 % more CPU time; a small plan's heap never grows far, so below LARGE_TEXT nothing changes.
import { nodeV8 } from '../io/builtins.js';

/** characters of one text (or of the texts a table holds at once) from which the heap's growth is
 *  capped: 4–6 MB of a Chinese plan's UTF-8 */
export const LARGE_TEXT = 2 * 1024 * 1024;

let capped = false;

/** Called with a text's length before it is parsed; V8 reads the flag at its next collection. */
export function heapFor(characters: number): void {
  if (capped || characters < LARGE_TEXT) return;
  nodeV8().setFlagsFromString('--heap-growing-percent=100');
  capped = true;
}

/** whether this process capped its heap's growth (for the tests) */
export const heapCapped = (): boolean => capped;

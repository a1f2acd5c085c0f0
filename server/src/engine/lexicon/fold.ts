// Traditional script is matched by folding the text to simplified for look-ups: one lexicon in
// simplified characters serves both scripts (corpus 001 is a traditional-script 工作要點).
// The table (fold-table.generated.ts, from OpenCC by scripts/gen-fold.mjs) covers the characters
// of the engine's vocabulary; each entry is one BMP character for one, so a folded text keeps the
// text's length and offsets.
import { FOLD_PAIRS } from './fold-table.generated.js';

export const FOLD_MAP: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < FOLD_PAIRS.length; i += 2) m.set(FOLD_PAIRS[i]!, FOLD_PAIRS[i + 1]!);
  return m;
})();

/** code unit → folded code unit (0: unchanged): one array look-up per character */
const TABLE = new Uint16Array(0x10000);
for (const [t, s] of FOLD_MAP) TABLE[t.charCodeAt(0)] = s.charCodeAt(0);
// ignoreBOM: a text starting with U+FEFF keeps it, or every folded offset would be one off (found by
// test/fuzz/incremental.test.ts: `\ufeff：2024年…機…` lost its first character)
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The text with the vocabulary's traditional characters folded to simplified, same length.
 *  Linear and allocation-light: the table answers whether there is anything to fold (a regex of
 *  the 160 characters took 5× as long: 0.2 s of checking 1,000 × 10 KB), then a code-unit copy is
 *  decoded once (a replace() callback per character cost a tenth of the lint of a
 *  traditional-script plan). */
export function fold(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && TABLE[text.charCodeAt(i)] === 0) i++;
  if (i === n) return text;
  const out = new Uint16Array(n);
  for (let j = 0; j < i; j++) out[j] = text.charCodeAt(j);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    out[i] = TABLE[c] || c;
  }
  return UTF16.decode(out);
}

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

const TRADITIONAL_RE = new RegExp(`[${[...FOLD_MAP.keys()].join('')}]`, 'g');

/** The text with the vocabulary's traditional characters folded to simplified, same length. */
export function fold(text: string): string {
  TRADITIONAL_RE.lastIndex = 0;
  if (!TRADITIONAL_RE.test(text)) return text;
  TRADITIONAL_RE.lastIndex = 0;
  return text.replace(TRADITIONAL_RE, (c) => FOLD_MAP.get(c)!);
}

// Binary search over lists the model keeps in text order (paragraphs, markers, table states by
// line; unit mentions by offset): a keystroke or a section looks up where its part starts instead
// of scanning from the top.

/** the index of the first item whose key is `at` or more; `items` ascend by `keyOf` */
export function lowerBound<T>(items: readonly T[], at: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const lineOf = (item: { line: number }) => item.line;

/** the index of the first item (paragraph, marker…) on or after `line`; the items are in line order */
export const firstAtOrAfter = (items: readonly { line: number }[], line: number): number => lowerBound(items, line, lineOf);

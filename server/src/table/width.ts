// How wide text is printed: in a terminal, an Excel column or a table cell, a CJK character takes
// the room of two Latin ones.

/** Display width in Excel column units: CJK and full-width forms count 2, the rest 1. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

/** The display width of the widest line of `s`, in one pass (no line list): the office layout
 *  measures every cell of every row (issue 18). */
export function widestLine(s: string): number {
  let widest = 0;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c === 10) {
      widest = Math.max(widest, w);
      w = 0;
      continue;
    }
    // a surrogate pair is one character, as the string's iterator reads it
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    w += isWide(c) ? 2 : 1;
  }
  return Math.max(widest, w);
}

/** How many lines `s` takes in a cell `usable` display-width units wide: each line split at \r\n,
 *  \r or \n at least one, wrapped at that width. One pass, with no line list and no string per
 *  character: every cell of both sheets of a big workbook is measured (a 60 MB plan's 2.4 million
 *  rows; issue 18). */
export function wrappedLineCount(s: string, usable: number): number {
  let lines = 0;
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c === 10 || c === 13) {
      lines += Math.max(1, Math.ceil(w / usable));
      w = 0;
      if (c === 13 && s.charCodeAt(i + 1) === 10) i++;
      continue;
    }
    if (c > 0xffff) i++; // a surrogate pair is one character, as the string's iterator reads it
    w += isWide(c) ? 2 : 1;
  }
  return lines + Math.max(1, Math.ceil(w / usable));
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    // ambiguous-width marks that Chinese fonts draw full width: ·—‘’“”…
    c === 0xb7 ||
    (c >= 0x2014 && c <= 0x2026) ||
    (c >= 0x2e80 && c <= 0x303e) ||
    (c >= 0x3041 && c <= 0x33ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

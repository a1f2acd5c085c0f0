// Display width in terminal columns, for aligning stylish output and help tables: CJK takes two
// columns, `“” ‘’ …` are ambiguous (one column in most terminals, two in Chinese Windows consoles).
// Per code point from get-east-asian-width, marks and format characters taking none. string-width
// segments graphemes for emoji sequences, but its start-up (Intl.Segmenter, \p{RGI_Emoji}) and per-string
// work were a third of what `fengong check` lost on 1 MB since 2026-11-23 (issue 18); a plan's text
// has no emoji sequences, and one there only misaligns a column.
import { eastAsianWidth } from 'get-east-asian-width';

const ZERO_WIDTH = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}]/u;

export function displayWidth(s: string, ambiguousWide = false): number {
  let w = 0;
  const options = { ambiguousAsWide: ambiguousWide };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) { w += 1; continue; }
    if (c >= 0x4e00 && c <= 0x9fff) { w += 2; continue; }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (!ZERO_WIDTH.test(ch)) w += eastAsianWidth(cp, options);
  }
  return w;
}

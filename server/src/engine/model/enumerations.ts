// Inline enumerations inside a paragraph: `一是…二是…三是…`, `第一，…第二，…`.
import type { InlineEnumeration } from './types.js';
import { parseChineseNumeral } from '../text/numerals.js';

// preceded by the paragraph start or punctuation, so `统一是` or `不是` never counts
const SHI_RE = /(?:^|[，。；：,;:\s（(“])([一二三四五六七八九十]{1,3})是/g;
const DI_RE = /(?:^|[，。；：,;:\s（(“])第([一二三四五六七八九十]{1,3})[，,、：:]/g;

const STYLES = [['shi', SHI_RE, '是'], ['di', DI_RE, '第']] as const;

export function findEnumerations(text: string, start: number, end: number): InlineEnumeration[] {
  const out: InlineEnumeration[] = [];
  const s = text.slice(start, end);
  for (const [style, re, word] of STYLES) {
    // most paragraphs have no 是 or 第: one includes() instead of a regex scan (every paragraph of
    // a 10,000-line plan, on every keystroke)
    if (!s.includes(word)) continue;
    re.lastIndex = 0;
    const entries: InlineEnumeration['entries'] = [];
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const value = parseChineseNumeral(m[1]!);
      if (!Number.isFinite(value)) continue;
      const raw = m[0].replace(/^[，。；：,;:\s（(“]/, '');
      const at = start + m.index + (m[0].length - raw.length);
      entries.push({ value, raw, span: { start: at, end: at + raw.length } });
      re.lastIndex = m.index + m[0].length - 1; // let the next match reuse no characters
      if (re.lastIndex <= m.index) re.lastIndex = m.index + 1;
    }
    // an enumeration needs at least 一 and 二 to be one
    if (entries.length >= 2 && entries.some((e) => e.value === 1)) out.push({ style, entries });
  }
  return out;
}

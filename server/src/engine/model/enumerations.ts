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
    for (const list of restarts(text, entries)) {
      // an enumeration needs at least 一 and 二 to be one
      if (list.length >= 2 && list.some((e) => e.value === 1)) out.push({ style, entries: list });
    }
  }
  return out;
}

/** A `一是` after a new sentence's lead-in starts a new enumeration: `主要原因：一是…三是…。下一步，
 *  市政府将继续做好以下工作：一是…` holds two. A `一是` within the sentence (`一是…二是…一是…`) or
 *  without a lead-in of its own stays in the list, where the order is checked. */
function restarts(text: string, entries: InlineEnumeration['entries']): InlineEnumeration['entries'][] {
  const lists: InlineEnumeration['entries'][] = [[]];
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (prev && e.value === 1 && /[：:]/.test(text[e.span.start - 1] ?? '') && text.slice(prev.span.end, e.span.start).includes('。')) lists.push([]);
    lists[lists.length - 1]!.push(e);
  });
  return lists;
}

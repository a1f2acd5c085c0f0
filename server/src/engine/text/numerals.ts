// Chinese numerals used in heading markers: 一 … 九十九 (and 百 for long plans), circled ①–⑳.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
export const CHINESE_NUMERAL_CHARS = '零〇一二两兩三四五六七八九十百';

/** `十一` → 11, `二十二` → 22, `一百零五` → 105; NaN when not a well-formed numeral. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let current = 0;
  let seenUnit = false;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
      seenUnit = true;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
      seenUnit = true;
    } else if (ch in DIGITS) {
      if (current !== 0) return NaN; // 二三 is no numeral
      current = DIGITS[ch]!;
    } else {
      return NaN;
    }
  }
  if (!seenUnit && s.length > 1) return NaN;
  return total + current;
}

const SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 11 → `十一`, 22 → `二十二`, 105 → `一百零五` */
export function toChineseNumeral(n: number): string {
  if (n <= 0 || !Number.isInteger(n)) return String(n);
  if (n < 10) return SMALL[n]!;
  if (n < 20) return '十' + SMALL[n - 10];
  if (n < 100) return SMALL[Math.floor(n / 10)] + '十' + SMALL[n % 10];
  const rest = n % 100;
  const head = SMALL[Math.floor(n / 100)] + '百';
  if (rest === 0) return head;
  if (rest < 10) return head + '零' + SMALL[rest];
  return head + SMALL[Math.floor(rest / 10)] + '十' + SMALL[rest % 10];
}

export const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const parseCircled = (ch: string): number => CIRCLED.indexOf(ch) + 1;
export const toCircled = (n: number): string => (n >= 1 && n <= 20 ? CIRCLED[n - 1]! : String(n));

/** `１２` (full-width) and `12` alike */
export function parseDigits(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const d = c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : c - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return s ? n : NaN;
}

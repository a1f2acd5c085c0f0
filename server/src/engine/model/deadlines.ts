// Deadlines written in task text: `8月底前` `2022年底前` `9月25日前` `3个工作日内` `印发之日起30日内`
// `上半年` `持续推进` `长期坚持`. Normalised to a date only where the year is certain.
import type { Deadline } from './types.js';
import { shared } from './none.js';

const D = '[0-9０-９]';
const CN = '[一二三四五六七八九十两]';
const N = `(?:${D}+|${CN}+)`;
const RANGE = `${N}(?:[—–\\-~～至到]${N})?`;
const PATTERNS: RegExp[] = [
  // `持续推进` `长期坚持` only where they stand as the time limit: their own bracket or clause part
  // (`（持续推进）`, `…负责，持续推进）`, as written with its `年内`: `…负责，年内持续推进）`), never as
  // the verb of the task (`持续推进“放管服”改革`). First, so `年内` alone does not take the part.
  // Frequencies (`每年`, `每季度`) are no time limit.
  /(?<=^|[（(，,；;：:])(?:(?:今|本|当)?年(?:内|內))?(?:持续推进|持續推進|长期坚持|長期堅持|长期推进|長期推進)(?=$|[）)，,；;。])/g,
  // a period `2019年1月1日至12月31日`, a stage period in brackets `（2015年4月-6月）`
  new RegExp(`${D}{4}年${D}{1,2}月${D}{1,2}日[—–\\-~～至到](?:${D}{4}年)?${D}{1,2}月${D}{1,2}日|(?<=[（(])${D}{4}年${D}{1,2}月[—–\\-~～至到](?:${D}{4}年)?${D}{1,2}月(?=[）)])`, 'g'),
  // `到2020年`, `力争到2020年底`; a target year opening a sentence: `2020年初步建成300个…`
  new RegExp(`(?:力争)?到${D}{4}年(?:底|末)?(?:之前|以前|前)?|(?<=^|[，。；,;：:])${D}{4}年(?=初步|基本|全面|实现|建成|完成|力争)`, 'g'),
  // 2022年底前 / 年底前 / 8月底前 / 9月25日前 / 2022年6月30日前 / 6月中旬前 / 第三季度末前
  new RegExp(`(?:${D}{4}年)?(?:${D}{1,2}月)?(?:${D}{1,2}日)?(?:底|末|中旬|上旬|下旬|初)?(?:之前|以前|前)`, 'g'),
  // `6月底完成`, `2021年12月底`: the end of a month is a time limit without 前 too
  new RegExp(`(?:${D}{4}年)?${D}{1,2}月(?:底|末|中旬|上旬|下旬)`, 'g'),
  new RegExp(`(?:${D}{4}年)?(?:第${CN}季度|上半年|下半年)(?:末|底)?(?:之前|以前|前)?`, 'g'),
  // `印发之日起30日内` `3个工作日内` `5年内` `2—3年内` `24小时内`
  new RegExp(`(?:(?:印发|印發|发布|發布|收到|实施|實施|送达|送達)(?:之日起|后|後))?${RANGE}(?:个|個)?(?:工作日|日|天|周|週|个月|個月|月|年|小时|小時)(?:内|內)`, 'g'),
  // `用两年时间`
  new RegExp(`用${N}(?:个|個)?(?:年|月)(?:左右)?(?:的)?时间`, 'g'),
  // `年底前` `今年底` `年内` without digits: the document's year (`去年底` is the past, no deadline)
  /(?<![去前上明0-9０-９一二三四五六七八九十两个個])(?:今|本|当)?年(?:底|末|内|內)(?:之前|以前|前)?/g,
];

const digits = (s: string) => Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The date a deadline means, when the year is known (from the text or the document). */
export function normaliseDeadline(text: string, docYear?: number): string | undefined {
  // a period ends at its second date: `2015年4月-6月` → 2015-06-30
  const period = /^([0-9０-９]{4})年[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?[—–\-~～至到](.+)$/.exec(text);
  if (period) return normaliseDeadline(/年/.test(period[2]!) ? period[2]! : `${period[1]}年${period[2]}`, docYear);
  const y = /([0-9０-９]{4})年/.exec(text);
  const year = y ? digits(y[1]!) : docYear;
  if (!year) return undefined;
  const m = /([0-9０-９]{1,2})月/.exec(text);
  const d = /([0-9０-９]{1,2})日/.exec(text);
  if (/上半年/.test(text)) return iso(year, 6, 30);
  if (/下半年/.test(text)) return iso(year, 12, 31);
  const q = /第([一二三四])季度/.exec(text);
  if (q) { const qm = '一二三四'.indexOf(q[1]!) * 3 + 3; return iso(year, qm, lastDay(year, qm)); }
  if (m) {
    const month = digits(m[1]!);
    if (month < 1 || month > 12) return undefined;
    if (d && !/工作日|日内|日內/.test(text)) return iso(year, month, Math.min(digits(d[1]!), lastDay(year, month)));
    if (/上旬/.test(text)) return iso(year, month, 10);
    if (/中旬/.test(text)) return iso(year, month, 20);
    if (/底|末|下旬/.test(text) || !d) return iso(year, month, lastDay(year, month));
  }
  if (/年底|年末/.test(text)) return iso(year, 12, 31);
  return undefined;
}

/** a frequency is no time limit (FORMAT.md §7): a 时限 cell that says `每季度`, and a date that recurs
 *  (`每年12月15日前将任务完成情况报…`) */
export const FREQUENCY_RE = /^(?:每|按)(?:年|季度?|月|半年|周|週|旬|天|日)(?:度)?/;
const RECURRING_BEFORE_RE = /每(?:年|季度?|月|半年|周|週)(?:的)?$/;

/** every deadline form holds one of these: paragraphs without any skip the regexes */
const HINT_RE = /[前内內年季期续續坚堅时月底]/;

/** a character every match of PATTERNS[i] holds: a paragraph without it skips that pattern (most
 *  can start anywhere, so each was tried at every character of every task's text; issue 18) */
const PATTERN_HINTS: RegExp[] = [/[持长長]/g, /月/g, /年/g, /前/g, /月/g, /[季半]/g, /[内內]/g, /时/g, /年/g];
/** the longest match of PATTERNS[i], in code units (Infinity: no bound, `${D}+`). A match holds a
 *  hint character within that many characters of its start, so a scan can start there, not try
 *  every character between (`前` ends `8月底前`: a 300-character paragraph with one `前` is tried at
 *  15 characters, not 300; every paragraph of the bench's 1,000 plans: 98 → 92 ms; issue 18) */
const PATTERN_MAX: number[] = [7, 23, 11, 15, 10, 12, Infinity, Infinity, 5];

/** re.exec(s) from re.lastIndex, started no earlier than a match can: every match holds a hint
 *  character, so none starts before `h - max + 1`, h the first hint character at or after
 *  re.lastIndex (none: no match); the match found is the one a scan from re.lastIndex finds. */
function execNear(re: RegExp, hint: RegExp, max: number, s: string): RegExpExecArray | null {
  hint.lastIndex = re.lastIndex;
  const h = hint.exec(s);
  if (!h) return null;
  if (max !== Infinity) re.lastIndex = Math.max(re.lastIndex, h.index - max + 1);
  return re.exec(s);
}

export function findDeadlines(text: string, start: number, end: number, docYear?: number): Deadline[] {
  const s = text.slice(start, end);
  const found: Deadline[] = [];
  if (!HINT_RE.test(s)) return found;
  for (let i = 0; i < PATTERNS.length; i++) {
    const re = PATTERNS[i]!;
    const hint = PATTERN_HINTS[i]!;
    const max = PATTERN_MAX[i]!;
    re.lastIndex = 0;
    for (let m = execNear(re, hint, max, s); m; m = execNear(re, hint, max, s)) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const t = m[0];
      // a bare `前` (`…之前`) or `内` is no deadline: it needs a time before it
      if (/^(之前|以前|前)$/.test(t) || !/[0-9０-９年月季半期周天日时時]|持续|持續|长期|長期/.test(t)) continue;
      if (RECURRING_BEFORE_RE.test(s.slice(Math.max(0, m.index - 4), m.index))) continue;
      const span = { start: start + m.index, end: start + m.index + t.length };
      if (found.some((f) => f.span.start < span.end && span.start < f.span.end)) continue;
      const date = normaliseDeadline(t, docYear);
      found.push(date ? { text: shared(t), span, date: shared(date) } : { text: shared(t), span });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

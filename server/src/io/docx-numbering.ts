// Word's automatic numbering (numbering.xml): the list numbers Word draws before a paragraph are not
// in the paragraph's text, so a plan whose `一、` `（一）` `1.` come from a numbered list would look
// unnumbered to the engine. This recomputes them as Word does: counters per abstract list, levels
// below the one just numbered restart, `lvlText` (`%1、` `（%2）` `%1.%2`) filled with each level's
// `numFmt`. A format it cannot spell is reported (once per document), never guessed.

export interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart: restart after this (1-based) level; 0 never; absent: after any higher level */
  restart?: number;
  /** w:isLgl: every placeholder in decimal */
  legal: boolean;
  /** the paragraph style bound to this level (w:pStyle), for numbering that comes from a style */
  style?: string;
}

export interface Numbering {
  /** abstractNumId → levels by ilvl */
  abstract: Map<string, Map<number, Level>>;
  /** numId → its abstract list and per-level overrides */
  nums: Map<string, { abstractId: string; startOverride: Map<number, number>; levels: Map<number, Level> }>;
}

export const emptyNumbering = (): Numbering => ({ abstract: new Map(), nums: new Map() });

/** A level's number as Word spells it; undefined for a format this does not know. */
export function formatNumber(n: number, numFmt: string): string | undefined {
  switch (numFmt) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n, DIGITS, UNITS);
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, LEGAL_UNITS);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : undefined;
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : undefined;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return numFmt === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const r = roman(n);
      return numFmt === 'upperRoman' ? r : r.toLowerCase();
    }
    case 'none':
      return '';
    default:
      return undefined;
  }
}

const DIGITS = '零一二三四五六七八九';
const UNITS = ['', '十', '百', '千'];
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_UNITS = ['', '拾', '佰', '仟'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一 (as Word's 一, 二, 三 list style). */
function chineseCounting(n: number, digits: string, units: string[]): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return undefined;
  if (n === 0) return digits[0];
  let out = '';
  let zero = false;
  const s = String(n);
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i]!;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一 rather than 一十一 when the number starts at the tens
    out += d === 1 && unit === units[1] && out === '' ? unit : digits[d] + unit;
  }
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Counters for one document, advanced paragraph by paragraph in document order. */
export class ListCounters {
  private readonly counters = new Map<string, number[]>();
  private readonly usedNums = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The level's definition for a paragraph numbered (numId, ilvl); undefined when numbering.xml
   *  does not define it. */
  level(numId: string, ilvl: number): Level | undefined {
    const num = this.numbering.nums.get(numId);
    if (!num) return undefined;
    return num.levels.get(ilvl) ?? this.numbering.abstract.get(num.abstractId)?.get(ilvl);
  }

  /** Advances the list and returns the number text (`一、` `（二）` `1.2`), '' for a bullet;
   *  `{ unknown }` names a format or reference it cannot spell. */
  next(numId: string, ilvl: number): { text: string } | { unknown: string } {
    const num = this.numbering.nums.get(numId);
    const lvl = this.level(numId, ilvl);
    if (!num || !lvl) return { unknown: `numId ${numId} ilvl ${ilvl}` };
    if (lvl.numFmt === 'bullet') return { text: '' };
    const levels = (i: number) => this.level(numId, i);
    let c = this.counters.get(num.abstractId);
    if (!c) {
      c = [];
      this.counters.set(num.abstractId, c);
    }
    if (!this.usedNums.has(numId)) {
      // a list instance with w:startOverride restarts those levels where it is first used
      this.usedNums.add(numId);
      for (const [i, start] of num.startOverride) c[i] = start - 1;
    }
    c[ilvl] = (c[ilvl] ?? (lvl.start - 1)) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levels(deeper)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) c[deeper] = undefined as unknown as number;
    }
    let bad: string | undefined;
    const text = lvl.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const def = levels(i);
      const value = c![i] ?? def?.start ?? 1;
      const fmt = lvl.legal ? 'decimal' : (def?.numFmt ?? 'decimal');
      const s = formatNumber(value, fmt);
      if (s === undefined) bad = fmt;
      return s ?? '';
    });
    return bad ? { unknown: bad } : { text };
  }
}

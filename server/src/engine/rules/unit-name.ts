// unit-name: one unit, one name. With `units` in the config: an alias is written as its canonical
// name (safe fix) and a unit missing from the list is reported (a near configured name is offered).
// Without it, only names in one plan that nearly collide are reported — `区交通与建设局` beside
// `区交通建设局` — and only where a slip is the likely reading: scope words (各, 有关), level
// prefixes (县, 市), numerals and short generic names (处室, 科室) make different units.
import type { UnitRef } from '../model/types.js';
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { localise } from '../i18n/engine-messages.js';
import { fix } from './util.js';
import { aliasMap, normalizeUnitName, unitKey } from '../text/unit-names.js';

export const meta = {
  id: 'unit-name',
  description: {
    zh: '单位名称统一：使用配置的规范名称，同一文件内不出现仅差一两个字的写法',
    en: 'Unit names are consistent: the configured canonical names, no near-identical spellings in one plan',
  },
  defaultSeverity: 'warning',
  fixable: true,
  docs: 'unit-name',
  details: `
配置了 \`units\`（规范名称及别名）时，检查单位名称是否在列表中，并可一键改为规范名称；
未配置时只在同一文档出现相差一两个字的单位名称（\`区交通与建设局\` / \`区交通建设局\`）时提示。
With \`units\` configured: names not in the list (fix: the canonical name). Without: names in one plan
that differ by a character or two (suggestions only, marked as assumed; 各/有关, level prefixes and
short generic names such as 处室 are kept apart).
`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowCollective: {
        type: 'boolean',
        default: true,
        description: 'Collective names (各处室, 县政府有关部门) need not be in `units`. 集合性名称（各处室、有关部门）不要求列入 units。',
      },
      ignore: {
        type: 'array',
        items: { type: 'string' },
        uniqueItems: true,
        description: 'Unit names never reported. 不检查的单位名称。',
      },
    },
  },
  messages: {
    alias: { zh: '单位名称“{name}”应统一写作“{canonical}”', en: 'Write the unit “{name}” as “{canonical}”' },
    unknown: { zh: '单位“{name}”不在配置的单位名单（units）中', en: 'The unit “{name}” is not in the configured list (units)' },
    'unknown-similar': {
      zh: '单位“{name}”不在配置的单位名单（units）中，是否应为“{canonical}”？',
      en: 'The unit “{name}” is not in the configured list (units); did you mean “{canonical}”?',
    },
    'near-collision': {
      zh: '单位名称“{name}”与本文件中的“{other}”（{count} 处）仅差一两个字（{diff}），可能是同一单位（推测）',
      en: 'The unit “{name}” differs from “{other}” ({count} times in this file) only by {diff}: probably the same unit (assumed)',
    },
    variant: {
      zh: '单位名称“{name}”与本文件中的“{other}”（{count} 处）写法不一（全角半角不同）',
      en: 'The unit “{name}” is written “{other}” elsewhere in this file ({count} times), with other-width characters',
    },
    related: { zh: '“{name}”在此', en: '“{name}” here' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;


/** Scope words: `各处室` `各有关处室` `处室` name different sets of units, not one unit misspelt. */
const SCOPE = new Set('各有关關相其他它所属屬直全体體级級等');
/** Administrative levels: `县卫健局` and `市卫健局` are two bureaus. */
const LEVEL = new Set('省市县縣区區乡鄉镇鎮街村州盟旗');
/** Numerals, directions and branch words tell units apart: `第一处` `第二处`, `东城区` `西城区`,
 *  `市生态环境局` `市生态环境分局`. */
const DISTINCT = new Set('一二三四五六七八九十百零〇两兩0123456789第东東南西北中上下内內外前后後左右分支总總');
const COLLECTIVE = /各|有关|有關|相关|相關|其他|其它|所属|所屬/;

/** Shortest name a near-collision is looked for in: below it names are generic (处室, 科室, 民服中心). */
const MIN_LEN = 5;
/** A single changed character needs a longer name to be a slip rather than another unit. */
const MIN_LEN_SUBSTITUTION = 6;

export type NearKind = { kind: 'insert'; chars: string } | { kind: 'substitute'; from: string; to: string };

/**
 * How `a` and `b` (comparison keys, distinct) differ when the difference reads as a slip: the
 * longer one has one or two extra characters that are not scope, level or numeral words, or one
 * character differs in a long name. Undefined when they are plausibly two units.
 */
export function nearCollision(a: string, b: string): NearKind | undefined {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  const sc = [...s];
  const lc = [...l];
  if (sc.length < MIN_LEN) return undefined;
  const extra = lc.length - sc.length;
  if (extra === 1 || extra === 2) {
    // the shorter must be a subsequence of the longer: the extra characters are insertions
    const inserted: { ch: string; at: number }[] = [];
    let i = 0;
    for (let j = 0; j < lc.length; j++) {
      if (i < sc.length && sc[i] === lc[j]) i++;
      else inserted.push({ ch: lc[j]!, at: j });
    }
    if (i < sc.length || inserted.length !== extra) return undefined;
    if (inserted.every((x) => SCOPE.has(x.ch))) return undefined;
    if (inserted.some((x) => DISTINCT.has(x.ch))) return undefined;
    if (inserted.some((x) => LEVEL.has(x.ch) && x.at === 0)) return undefined;
    if (inserted.some((x) => isBracket(x.ch))) return undefined;
    // a set named by a scope word takes qualifiers after it: `县直有关部门` and `县直有关主管部门` are two sets
    const scope = COLLECTIVE.exec(l);
    if (scope && COLLECTIVE.test(s) && inserted.every((x) => x.at >= scope.index + scope[0].length)) return undefined;
    return { kind: 'insert', chars: inserted.map((x) => x.ch).join('') };
  }
  if (extra === 0 && sc.length >= MIN_LEN_SUBSTITUTION) {
    let at = -1;
    for (let k = 0; k < sc.length; k++) {
      if (sc[k] === lc[k]) continue;
      if (at >= 0) return undefined;
      at = k;
    }
    // the last character is the kind of unit: `县市场监管局` and `县市场监管所` are two units
    if (at < 0 || at === sc.length - 1) return undefined;
    const x = sc[at]!;
    const y = lc[at]!;
    for (const c of [x, y]) if (SCOPE.has(c) || LEVEL.has(c) || DISTINCT.has(c) || isBracket(c) || !isCjkChar(c)) return undefined;
    return { kind: 'substitute', from: a.length <= b.length ? x : y, to: a.length <= b.length ? y : x };
  }
  return undefined;
}

const isBracket = (c: string): boolean => '()（）〔〕[]［］【】'.includes(c);
const isCjkChar = (c: string): boolean => /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(c);

/** Levenshtein distance with a cut-off, for offering a configured name (names are short). */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[y.length]!;
}

interface Named {
  name: string;
  key: string;
  refs: UnitRef[];
  first: number;
}

function collectUnits(ctx: RuleContext<MessageId>): Named[] {
  const byName = new Map<string, Named>();
  let order = 0;
  for (const item of ctx.plan.allItems) {
    for (const c of item.unitClauses) {
      for (const u of c.units) {
        const name = normalizeUnitName(u.name);
        if (!name) continue;
        let n = byName.get(name);
        if (!n) byName.set(name, (n = { name, key: unitKey(name), refs: [], first: order++ }));
        n.refs.push(u);
      }
    }
  }
  return [...byName.values()];
}

export function check(ctx: RuleContext<MessageId>): void {
  const ignore = new Set(((ctx.options.ignore as string[] | undefined) ?? []).map(unitKey));
  const allowCollective = (ctx.options.allowCollective as boolean | undefined) ?? true;
  const units = collectUnits(ctx).filter((n) => !ignore.has(n.key));
  const configured = ctx.config.units && Object.keys(ctx.config.units).length ? ctx.config.units : undefined;
  if (configured) checkConfigured(ctx, units, configured, allowCollective);
  else checkCollisions(ctx, units);
}

function replaceWith(ctx: RuleContext<MessageId>, u: UnitRef, canonical: string) {
  return fix(ctx.locale, 'fix/replace', { text: canonical }, [{ span: u.span, text: canonical }]);
}

function checkConfigured(ctx: RuleContext<MessageId>, units: Named[], configured: Record<string, string[]>, allowCollective: boolean): void {
  const canonicalByKey = aliasMap(configured);
  for (const n of units) {
    const canonical = canonicalByKey.get(n.key);
    if (canonical !== undefined) {
      if (canonical === n.name) continue;
      for (const u of n.refs) {
        ctx.report({ messageId: 'alias', data: { name: n.name, canonical }, span: u.span, fix: replaceWith(ctx, u, canonical) });
      }
      continue;
    }
    if (allowCollective && COLLECTIVE.test(n.name)) continue;
    // the configured name (or alias) nearest to this one, if it is a character or two away
    let best: { canonical: string; d: number } | undefined;
    for (const [key, canonical] of canonicalByKey) {
      const d = editDistance(n.key, key, 2);
      // at most one edit per three characters: `审批科` → `审批处`, never `人事处` → `审批处`
      if (d <= 2 && d * 3 <= Math.min([...n.key].length, [...key].length) && (!best || d < best.d)) best = { canonical, d };
    }
    for (const u of n.refs) {
      if (best) {
        ctx.report({ messageId: 'unknown-similar', data: { name: n.name, canonical: best.canonical }, span: u.span, suggestions: [replaceWith(ctx, u, best.canonical)] });
      } else {
        ctx.report({ messageId: 'unknown', data: { name: n.name }, span: u.span });
      }
    }
  }
}

/**
 * Pairs of names that may collide, found without comparing every pair (a plan may name thousands
 * of units): same key (width variants); one name equal to another with one or two characters
 * deleted (insertions); the same name with one position masked (substitutions). Each candidate is
 * then judged by nearCollision. O(names × length²).
 */
function candidatePairs(units: Named[]): [Named, Named, NearKind | 'variant'][] {
  const pairs: [Named, Named, NearKind | 'variant'][] = [];
  const seen = new Set<string>();
  const add = (a: Named, b: Named, how: NearKind | 'variant' | undefined) => {
    if (!how || a === b) return;
    const [x, y] = a.first < b.first ? [a, b] : [b, a];
    const id = `${x.first}:${y.first}`;
    if (seen.has(id)) return;
    seen.add(id);
    pairs.push([x, y, how]);
  };
  const byKey = new Map<string, Named[]>();
  for (const n of units) {
    const list = byKey.get(n.key);
    if (list) {
      for (const m of list) add(m, n, 'variant');
      list.push(n);
    } else byKey.set(n.key, [n]);
  }
  const masked = new Map<string, Named[]>();
  const lengths = new Set(units.map((n) => [...n.key].length));
  for (const n of units) {
    // code points, so that a name with characters beyond the BMP is cut between characters
    const bmp = !/[\ud800-\udfff]/.test(n.key);
    const c = bmp ? undefined : [...n.key];
    const len = c ? c.length : n.key.length;
    const at = c ? (from: number, to: number) => c.slice(from, to).join('') : (from: number, to: number) => n.key.slice(from, to);
    // insertions: this name with one or two characters removed is another name
    const one = len - 1 >= MIN_LEN && lengths.has(len - 1);
    const two = len - 2 >= MIN_LEN && lengths.has(len - 2);
    if (one || two) {
      for (let i = 0; i < len; i++) {
        const head = at(0, i);
        if (one) for (const m of byKey.get(head + at(i + 1, len)) ?? []) add(m, n, nearCollision(m.key, n.key));
        if (!two) continue;
        for (let j = i + 1; j < len; j++) {
          for (const m of byKey.get(head + at(i + 1, j) + at(j + 1, len)) ?? []) add(m, n, nearCollision(m.key, n.key));
        }
      }
    }
    // substitutions: names equal but for one position share a masked form
    if (len >= MIN_LEN_SUBSTITUTION) {
      for (let i = 0; i < len - 1; i++) {
        const k = `${at(0, i)}\u0000${at(i + 1, len)}`;
        const list = masked.get(k);
        if (list) {
          for (const m of list) if (m.key !== n.key) add(m, n, nearCollision(m.key, n.key));
          list.push(n);
        } else masked.set(k, [n]);
      }
    }
  }
  return pairs;
}

function checkCollisions(ctx: RuleContext<MessageId>, units: Named[]): void {
  // the more often written spelling is taken as the intended one; on a tie, the earlier
  const rank = (a: Named, b: Named) => b.refs.length - a.refs.length || a.first - b.first;
  const reported = new Set<Named>();
  const pairs = candidatePairs(units);
  pairs.sort((p, q) => Math.min(p[0].first, p[1].first) - Math.min(q[0].first, q[1].first));
  for (const [a, b, how] of pairs) {
    const [keep, other] = rank(a, b) <= 0 ? [a, b] : [b, a];
    if (reported.has(other) || reported.has(keep)) continue;
    reported.add(other);
    const related = [{ span: keep.refs[0]!.span, message: localise(meta.messages.related, { name: keep.name }, ctx.locale) }];
    for (const u of other.refs) {
      const data: Record<string, string | number> = { name: other.name, other: keep.name, count: keep.refs.length };
      if (how !== 'variant') data.diff = how.kind === 'insert' ? `“${how.chars}”` : `“${how.from}”/“${how.to}”`;
      ctx.report({
        messageId: how === 'variant' ? 'variant' : 'near-collision',
        data,
        span: u.span,
        suggestions: [replaceWith(ctx, u, keep.name)],
        uncertain: true,
        related,
      });
    }
  }
}

export default { meta, check } satisfies Rule<MessageId>;

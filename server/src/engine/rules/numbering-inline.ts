// numbering-inline: inline enumerations in a paragraph run in order: `一是…二是…三是…`, `第一，…第二，…`.
import type { Rule } from '../types.js';
import { toChineseNumeral } from '../text/numerals.js';

export const meta: Rule['meta'] = {
  id: 'numbering-inline',
  description: { zh: '段内分项“一是……二是……”“第一，……第二，……”顺序连续', en: 'Inline enumerations (`一是…二是…`, `第一，…第二，…`) run in order' },
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'numbering-inline',
};

export function check(ctx: Parameters<Rule['check']>[0]): void {
  for (const e of ctx.plan.enumerations) {
    let expected = e.entries[0]!.value;
    for (const entry of e.entries) {
      if (entry.value !== expected) {
        const word = (n: number) => (e.style === 'shi' ? `${toChineseNumeral(n)}是` : `第${toChineseNumeral(n)}`);
        ctx.report({ messageKey: 'numbering-inline/order', data: { expected: word(expected), actual: entry.raw }, span: entry.span });
      }
      expected = entry.value + 1;
    }
  }
}

export default { meta, check } satisfies Rule;

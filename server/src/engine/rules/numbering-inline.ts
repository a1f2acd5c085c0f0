// numbering-inline: inline enumerations in a paragraph run in order: `一是…二是…三是…`, `第一，…第二，…`.
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { toChineseNumeral } from '../text/numerals.js';

export const meta = {
  id: 'numbering-inline',
  description: { zh: '段内分项“一是……二是……”“第一，……第二，……”顺序连续', en: 'Inline enumerations (`一是…二是…`, `第一，…第二，…`) run in order' },
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'numbering-inline',
  details: `
段内分项 \`一是……二是……三是……\`、\`第一，……第二，……\` 应按顺序。 Inline enumerations run in order.
`,
  messages: {
    order: { zh: '分项“{actual}”顺序不对：此处应为“{expected}”', en: 'Inline enumeration out of order: expected “{expected}”, found “{actual}”' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;

export function check(ctx: RuleContext<MessageId>): void {
  for (const e of ctx.plan.enumerations) {
    let expected = e.entries[0]!.value;
    for (const entry of e.entries) {
      if (entry.value !== expected) {
        const word = (n: number) => (e.style === 'shi' ? `${toChineseNumeral(n)}是` : `第${toChineseNumeral(n)}`);
        ctx.report({ messageId: 'order', data: { expected: word(expected), actual: entry.raw }, span: entry.span });
      }
      expected = entry.value + 1;
    }
  }
}

export default { meta, check } satisfies Rule<MessageId>;

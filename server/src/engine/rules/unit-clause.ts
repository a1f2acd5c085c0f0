// unit-clause: a unit clause that is there but malformed — not bracketed, a label with nothing
// after it, two units run together. A missing bracket is punctuation-pair's (one defect, one report).
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { fix } from './util.js';

export const meta = {
  id: 'unit-clause',
  description: { zh: '责任单位括注规范：加括号、不留空、单位间用顿号', en: 'Unit clauses are well-formed: bracketed, no empty slot, units separated by 、' },
  defaultSeverity: 'warning',
  fixable: true,
  docs: 'unit-clause',
  details: `
责任单位写了但不规范：未加括号（修复：加括号；若与正文连写，单位起点是推测的，只作为快速修复提供）、
缺右括号（修复：在段末补上）、缺左括号、标签后为空（\`牵头单位：；\`）、两个单位连写缺顿号（推测）。
A unit clause present but malformed.
`,
  messages: {
    unbracketed: { zh: '责任单位“{clause}”未加括号，应写作“（{clause}）”', en: 'Unit clause “{clause}” is not bracketed; write “（{clause}）”' },
    'unbracketed-glued': {
      zh: '责任单位“{clause}”未加括号且与正文连写（推测单位从“{first}”开始）',
      en: 'Unit clause “{clause}” is unbracketed and runs into the text (assumed to start at “{first}”)',
    },
    'empty-slot': { zh: '“{text}”后未写单位', en: 'Nothing follows “{text}”: name the unit' },
    'run-together': { zh: '“{text}”可能是两个单位连写，缺少“、”（推测）', en: '“{text}” may be two units run together without “、” (assumed)' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;


export function check(ctx: RuleContext<MessageId>): void {
  const text = ctx.plan.text;
  for (const task of ctx.plan.allItems) {
    if (!task.isTask) continue;
    for (const c of task.unitClauses) {
      const clause = text.slice(c.inner.start, c.inner.end);
      if (c.form === 'bare') {
        const before = text[c.span.start - 1];
        const glued = before !== undefined && !'。；;，,：: \u3000\t'.includes(before) && c.span.start !== task.titleSpan.start;
        const wrap = fix(ctx.locale, 'fix/wrap', {}, [
          { span: { start: c.span.start, end: c.span.start }, text: '（' },
          { span: { start: c.span.end, end: c.span.end }, text: '）' },
        ]);
        if (glued) {
          // where the unit name starts was inferred: offer the fix, never apply it unattended
          ctx.report({ messageId: 'unbracketed-glued', data: { clause, first: c.units[0]?.name ?? '' }, span: c.span, suggestions: [wrap], uncertain: true });
        } else {
          ctx.report({ messageId: 'unbracketed', data: { clause }, span: c.span, fix: wrap });
        }
      }
      // a clause opened and never closed (or closed, never opened) is one defect: punctuation-pair
      // reports it, with the clause's fix
      for (const issue of c.issues) {
        ctx.report({ messageId: issue.kind, data: { text: issue.text }, span: issue.span, uncertain: issue.kind === 'run-together' || undefined });
      }
    }
  }
}

export default { meta, check } satisfies Rule<MessageId>;

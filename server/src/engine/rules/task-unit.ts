// task-unit: every task of a plan names who is responsible. Not required in work reports, in
// framing sections (总体要求, 保障措施, …), the preamble or the closing; declared once for many
// tasks (`…不再列出`) counts for each.
import type { Rule, RuleContext, RuleMeta } from '../types.js';

export const meta = {
  id: 'task-unit',
  description: { zh: '每项任务写明责任单位（牵头、负责、配合）', en: 'Every task names its responsible units (lead, responsible, cooperating)' },
  defaultSeverity: 'error',
  fixable: false,
  docs: 'task-unit',
  messages: {
    missing: { zh: '任务“{title}”未写明责任单位（如“（办公室牵头，各处室配合）”）', en: 'Task “{title}” names no responsible unit (e.g. “（办公室牵头，各处室配合）”)' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;

export function check(ctx: RuleContext<MessageId>): void {
  for (const task of ctx.plan.tasks) {
    if (task.inheritedUnits) continue;
    if (task.unitClauses.some((c) => c.units.length > 0)) continue;
    const title = task.title.length > 20 ? `${task.title.slice(0, 20)}…` : task.title;
    ctx.report({ messageId: 'missing', data: { title, path: task.path }, span: { start: task.marker.span.start, end: task.titleSpan.end } });
  }
}

export default { meta, check } satisfies Rule<MessageId>;

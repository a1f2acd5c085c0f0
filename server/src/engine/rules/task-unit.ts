// task-unit: every task of a plan names who is responsible. Which items are tasks is the model's
// judgment (genre, section roles, FORMAT.md §5); units declared once for many tasks count for each.
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { clauseSkeleton, skeletonPoint } from '../drafting/skeleton.js';
import { fix } from './util.js';

export const meta = {
  id: 'task-unit',
  description: { zh: '每项任务写明责任单位（牵头、负责、配合）', en: 'Every task names its responsible units (lead, responsible, cooperating)' },
  defaultSeverity: 'error',
  fixable: false,
  docs: 'task-unit',
  details: `
计划类文档中，每项任务（没有下级序号的条目，连同其后的正文段落）都要写明责任单位。以下不要求：
工作报告、工作总结（标题含“报告”“总结”）；框架性章节（总体要求、指导思想、基本原则、工作目标、主要目标、组织领导、组织实施、保障措施、工作要求、实施步骤、工作步骤、时间安排，须是整个标题，可用 \`nonTaskSections\` 追加）；
文首和文尾；用“以下……不再列出”统一声明过的任务；以及表格中单位单元格与上一行合并（导出为空格）的行，它取合并单元格的单位（任务分工表中标为待核对）。

In a plan, every task (a leaf item with its body paragraphs) names who is responsible — except in
reports, framing sections (exact headings, extendable with \`nonTaskSections\`), preamble and closing,
where units are declared once (\`…不再列出\`), and table rows whose unit cells are merged with the row
above (exported empty): they take the merged cell's units (marked uncertain in the task table).

识别的写法 / clause forms recognised:
\`（办公室牵头，各处室、民服中心配合）\` \`（审批处、人事处分别牵头，…配合）\` \`（各处室按职责分工负责）\`
\`（XX会同有关部门负责）\` \`（XX指导，YY参与）\` \`（牵头单位：A；责任单位：B）\` \`（责任处室：办公室）\`
\`〔各司（局）按职责分工负责〕\`、单独成段的 \`责任单位：…。\`、正文末尾未加括号的 \`办公室牵头，各有关处室配合\`、
繁体 \`牽頭\` \`負責\` \`責任單位\`，\`列第一位者为牵头单位\`。
`,
  messages: {
    missing: { zh: '任务“{title}”未写明责任单位（如“（办公室牵头，各处室配合）”）', en: 'Task “{title}” names no responsible unit (e.g. “（办公室牵头，各处室配合）”)' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;

export function check(ctx: RuleContext<MessageId>): void {
  for (const task of ctx.plan.tasks) {
    // units from elsewhere count, a unit cell merged with the row above too: Word exports a cell
    // merged down over three rows as one filled cell and two empty ones (FORMAT.md §7), and the
    // task table lists the merged cell's units for them (said uncertain there, not an error here)
    if (task.inheritedUnits) continue;
    if (task.unitClauses.some((c) => c.units.length > 0)) continue;
    const title = task.title.length > 20 ? `${task.title.slice(0, 20)}…` : task.title;
    // the clause skeleton at the end of the task's text, for the writer to fill in (a suggestion:
    // it names no unit yet, so --fix never writes it)
    const at = skeletonPoint(ctx.plan, task);
    const skeleton = clauseSkeleton(false);
    const suggestions = at === undefined ? undefined : [fix(ctx.locale, 'fix/skeleton', { text: skeleton }, [{ span: { start: at, end: at }, text: skeleton }])];
    ctx.report({ messageId: 'missing', data: { title, path: task.path }, span: { start: task.marker.span.start, end: task.titleSpan.end }, ...(suggestions ? { suggestions } : {}) });
  }
}

export default { meta, check } satisfies Rule<MessageId>;

// numbering-sequence: gaps, duplicates, backward jumps and wrong starts, within the numbering
// scheme the document uses for that rank (restarting under each parent, or running through).
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { fix, markerWith, renumberEdits } from './util.js';

export const meta = {
  id: 'numbering-sequence',
  description: { zh: '序号连续：不跳号、不重号、不倒退，从一开始', en: 'Numbers run in sequence: no gaps, duplicates or backward jumps; start at one' },
  defaultSeverity: 'error',
  fixable: true,
  docs: 'numbering-sequence',
  details: `
按文档自己采用的编号方式检查（GB/T 9704-2012 §7.3.3）：同级序号或在每个上级下重新从一开始（restart），或全文连续编号（through，如 \`（一）\`…\`（二十二）\` 跨四个 \`一、\`）。
方式由文档的上下级交界处推断，每一级各自推断。提示会说明此处应为几。

Checked within the scheme the document uses for that rank — restarting under each parent, or running
through the document — inferred from where the numbering crosses parents. The message names the expected number.

修复：从该处起重新编号，后面的同级序号依次顺延。 Fix: renumber the run from here; later siblings shift.
`,
  messages: {
    gap: { zh: '序号不连续：此处应为“{expected}”，实为“{actual}”', en: 'Numbering gap: expected “{expected}”, found “{actual}”' },
    duplicate: {
      zh: '序号重复：“{actual}”与第 {firstLine} 行重复，此处应为“{expected}”',
      en: 'Duplicate number: “{actual}” repeats line {firstLine}; expected “{expected}”',
    },
    backward: { zh: '序号倒退：此处应为“{expected}”，实为“{actual}”', en: 'Numbering goes backwards: expected “{expected}”, found “{actual}”' },
    start: { zh: '序号应从“{expected}”开始，实为“{actual}”', en: 'Numbering should start at “{expected}”, found “{actual}”' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;

export function check(ctx: RuleContext<MessageId>): void {
  for (const list of ctx.plan.numberingLists) {
    // Each break's fix renumbers the siblings after it. Only the list's first break renumbers to
    // the end; a later break renumbers up to the next break, so a list of n duplicates (`1.` ×
    // 10,000) carries O(n) edits in all, not O(n²). --fix applies the first break's fix, which
    // already settles the later ones.
    const breaks: number[] = [];
    let expected = 1;
    for (let i = 0; i < list.items.length; i++) {
      if (list.items[i]!.marker.value !== expected) breaks.push(i);
      expected = list.items[i]!.marker.value + 1;
    }
    let k = 0; // index of the current break in `breaks`
    expected = 1;
    const seen = new Map<number, number>(); // value → line
    list.items.forEach((item, i) => {
      const m = item.marker;
      if (m.value !== expected) {
        const until = k === 0 ? list.items.length : breaks[k + 1] ?? list.items.length;
        k++;
        const kind = i === 0 ? 'start' : seen.has(m.value) && m.value === expected - 1 ? 'duplicate' : m.value < expected ? 'backward' : 'gap';
        const data: Record<string, string | number> = { expected: markerWith(m, expected), actual: m.raw };
        if (kind === 'duplicate') data.firstLine = seen.get(m.value)! + 1;
        ctx.report({
          messageId: kind, data, span: m.span,
          fix: fix(ctx.locale, 'fix/renumber', { expected: markerWith(m, expected) }, renumberEdits(list.items, i, expected, until)),
        });
      }
      if (!seen.has(m.value)) seen.set(m.value, item.heading.line);
      // resynchronise on the number as written: one break is one problem, not a cascade
      expected = m.value + 1;
    });
  }
}

export default { meta, check } satisfies Rule<MessageId>;

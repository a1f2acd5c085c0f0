// punctuation-pair: paired punctuation (GB/T 15834-2011) — unclosed, unmatched, crossed and
// wrong-width pairs, and the year of a document number in anything but 〔〕.
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import type { UnitClause } from '../model/types.js';
import { LineIndex } from '../text/lineIndex.js';
import { firstAtOrAfter } from '../model/search.js';
import { fix } from './util.js';

export const meta = {
  id: 'punctuation-pair',
  description: { zh: '成对标点成对出现：（）《》“”〔〕等不缺、不错配、不交叉', en: 'Paired punctuation pairs up: （）《》“”〔〕 and the rest — none missing, mismatched or crossed' },
  defaultSeverity: 'error',
  fixable: true,
  docs: 'punctuation-pair',
  details: `
GB/T 15834-2011：（）()〔〕［］[]【】《》〈〉“”‘’「」『』 在段内成对、同类同宽、不交叉；发文字号年份用 〔〕（\`国办发〔2019〕14号\`，不用 \`[2019]\` \`【2019】\` \`（2019）\`，可自动修复）。
对导出造成的情况只报确定的问题并说明推测：标题被断成两行（\`《政府网站集约化⏎试点工作方案》\`，报一次、标注“推测”）、跨段引文（每段以“开头，末段才收尾，不报）、
撇号 \`’99\`（不报）。
`,
  messages: {
    unclosed: { zh: '“{char}”在本段内没有对应的“{expected}”', en: '“{char}” is never closed in this paragraph (expected “{expected}”)' },
    unopened: { zh: '“{char}”前没有对应的“{expected}”', en: '“{char}” closes a “{expected}” that was never opened' },
    crossed: {
      zh: '“{char}”与“{partner}”交叉嵌套（第 {partnerLine} 行第 {partnerColumn} 列）',
      en: '“{char}” and “{partner}” cross (line {partnerLine}, column {partnerColumn})',
    },
    'wrong-width': { zh: '“{open}”与“{char}”全角半角不一致，应为“{expected}”', en: '“{open}” is closed by “{char}” of the other width; expected “{expected}”' },
    'doc-number-year': {
      zh: '发文字号的年份应用六角括号“〔〕”，不用“{open}{close}”（GB/T 9704）',
      en: 'The year of a document number takes “〔〕”, not “{open}{close}” (GB/T 9704)',
    },
    'title-broken': {
      zh: '“《”在行末未闭合，下一行有“》”：可能是标题在导出时被断行（推测）',
      en: '“《” is unclosed at the line end and the next line has “》”: probably a title broken by an export (assumed)',
    },
    'line-broken': {
      zh: '“{char}”在行末未闭合，下一行开头有“{expected}”：可能是段落在导出时被断行（推测）',
      en: '“{char}” is open at the end of the line and the next line starts with “{expected}”: probably a paragraph broken by an export (assumed)',
    },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;

export function check(ctx: RuleContext<MessageId>): void {
  const { plan } = ctx;
  let lines: LineIndex | undefined;
  // the paragraphs are in line order: a binary search, no map of every paragraph (a plan cycling
  // through the corpus has unclosed brackets, and the map was a sixteenth of its keystroke)
  const endOfParagraph = (line: number) => {
    const p = plan.paragraphs[firstAtOrAfter(plan.paragraphs, line)];
    return p?.line === line ? p.content.end : undefined;
  };
  // brackets of unit clauses: where the missing partner goes is known (the clause's other end)
  const clauses = new Map<number, UnitClause>();
  for (const it of plan.tasks) for (const c of it.unitClauses) if (c.form === 'unclosed' || c.form === 'unopened') clauses.set(c.form === 'unclosed' ? c.span.start : c.span.end - 1, c);
  for (const p of plan.pairProblems) {
    const at = { start: p.at.offset, end: p.at.offset + 1 };
    const base = { char: p.at.char, expected: p.expected ?? '' };
    switch (p.kind) {
      case 'unclosed': {
        if (p.note) {
          // the document's own title is typeset over several lines (GB/T 9704 §7.3.1): no defect
          const title = plan.title?.span;
          if (title && p.partner && p.at.offset >= title.start && p.partner.offset < title.end) break;
          ctx.report({ messageId: p.note === 'title-broken-across-lines' ? 'title-broken' : 'line-broken', data: base, span: at, uncertain: true, severity: 'warning',
            related: p.partner ? [{ span: { start: p.partner.offset, end: p.partner.offset + 1 }, message: p.partner.char }] : undefined });
          break;
        }
        let end = endOfParagraph(p.at.line) ?? at.end;
        while (end > at.end && '。；;'.includes(plan.text[end - 1]!)) end--;
        const clause = clauses.get(p.at.offset);
        const close = fix(ctx.locale, 'fix/close-at-end', { text: base.expected }, [{ span: { start: clause?.span.end ?? end, end: clause?.span.end ?? end }, text: base.expected }]);
        // a unit clause runs to the end of its paragraph: closing it there is certain
        ctx.report({ messageId: 'unclosed', data: base, span: at, ...(clause ? { fix: close } : { suggestions: [close] }) });
        break;
      }
      case 'unopened': {
        const clause = clauses.get(p.at.offset);
        const open = clause && fix(ctx.locale, 'fix/insert', { text: base.expected }, [{ span: { start: clause.inner.start, end: clause.inner.start }, text: base.expected }]);
        ctx.report({ messageId: 'unopened', data: base, span: at, ...(open ? { suggestions: [open] } : {}) });
        break;
      }
      case 'crossed': {
        lines ??= new LineIndex(plan.text);
        const pos = lines.positionAt(p.partner!.offset);
        ctx.report({ messageId: 'crossed', data: { ...base, partner: p.partner!.char, partnerLine: pos.line + 1, partnerColumn: pos.character + 1 }, span: at,
          related: [{ span: { start: p.partner!.offset, end: p.partner!.offset + 1 }, message: p.partner!.char }] });
        break;
      }
      case 'wrong-width':
        ctx.report({ messageId: 'wrong-width', data: { ...base, open: p.partner!.char }, span: at,
          related: [{ span: { start: p.partner!.offset, end: p.partner!.offset + 1 }, message: p.partner!.char }],
          suggestions: [fix(ctx.locale, 'fix/replace', { text: base.expected }, [{ span: at, text: base.expected }])] });
        break;
      case 'doc-number-year':
        ctx.report({ messageId: 'doc-number-year', data: { open: p.at.char, close: p.partner!.char }, span: { start: at.start, end: p.partner!.offset + 1 },
          fix: fix(ctx.locale, 'fix/replace', { text: '〔〕' }, [
            { span: at, text: '〔' }, { span: { start: p.partner!.offset, end: p.partner!.offset + 1 }, text: '〕' },
          ]) });
        break;
    }
  }
}

export default { meta, check } satisfies Rule<MessageId>;

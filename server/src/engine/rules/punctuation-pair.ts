// punctuation-pair: paired punctuation (GB/T 15834-2011) — unclosed, unmatched, crossed and
// wrong-width pairs, and the year of a document number in anything but 〔〕.
import type { Rule } from '../types.js';
import { LineIndex } from '../text/lineIndex.js';
import { fix } from './util.js';

export const meta: Rule['meta'] = {
  id: 'punctuation-pair',
  description: { zh: '成对标点成对出现：（）《》“”〔〕等不缺、不错配、不交叉', en: 'Paired punctuation pairs up: （）《》“”〔〕 and the rest — none missing, mismatched or crossed' },
  defaultSeverity: 'error',
  fixable: true,
  docs: 'punctuation-pair',
};

export function check(ctx: Parameters<Rule['check']>[0]): void {
  const { plan } = ctx;
  let lines: LineIndex | undefined;
  const paraEnd = new Map(plan.paragraphs.map((p) => [p.line, p.content.end]));
  for (const p of plan.pairProblems) {
    const at = { start: p.at.offset, end: p.at.offset + 1 };
    const base = { char: p.at.char, expected: p.expected ?? '' };
    switch (p.kind) {
      case 'unclosed': {
        if (p.note === 'title-broken-across-lines') {
          ctx.report({ messageKey: 'punctuation-pair/title-broken', data: base, span: at, uncertain: true, severity: 'warning',
            related: p.partner ? [{ span: { start: p.partner.offset, end: p.partner.offset + 1 }, message: '》' }] : undefined });
          break;
        }
        let end = paraEnd.get(p.at.line) ?? at.end;
        while (end > at.end && '。；;'.includes(plan.text[end - 1]!)) end--;
        ctx.report({ messageKey: 'punctuation-pair/unclosed', data: base, span: at,
          suggestions: [fix(ctx.locale, 'fix/close-at-end', { text: base.expected }, [{ span: { start: end, end }, text: base.expected }])] });
        break;
      }
      case 'unopened':
        ctx.report({ messageKey: 'punctuation-pair/unopened', data: base, span: at });
        break;
      case 'crossed': {
        lines ??= new LineIndex(plan.text);
        const pos = lines.positionAt(p.partner!.offset);
        ctx.report({ messageKey: 'punctuation-pair/crossed', data: { ...base, partner: p.partner!.char, partnerLine: pos.line + 1, partnerColumn: pos.character + 1 }, span: at,
          related: [{ span: { start: p.partner!.offset, end: p.partner!.offset + 1 }, message: p.partner!.char }] });
        break;
      }
      case 'wrong-width':
        ctx.report({ messageKey: 'punctuation-pair/wrong-width', data: { ...base, open: p.partner!.char }, span: at,
          related: [{ span: { start: p.partner!.offset, end: p.partner!.offset + 1 }, message: p.partner!.char }],
          suggestions: [fix(ctx.locale, 'fix/replace', { text: base.expected }, [{ span: at, text: base.expected }])] });
        break;
      case 'doc-number-year':
        ctx.report({ messageKey: 'punctuation-pair/doc-number-year', data: { open: p.at.char, close: p.partner!.char }, span: { start: at.start, end: p.partner!.offset + 1 },
          fix: fix(ctx.locale, 'fix/replace', { text: '〔〕' }, [
            { span: at, text: '〔' }, { span: { start: p.partner!.offset, end: p.partner!.offset + 1 }, text: '〕' },
          ]) });
        break;
    }
  }
}

export default { meta, check } satisfies Rule;

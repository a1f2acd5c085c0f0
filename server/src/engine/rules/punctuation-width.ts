// punctuation-width (off by default): half-width , : ; ( ) ? ! in Chinese text. Many web copies
// were converted wholesale; a fix converts them back to full width.
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { isCjk } from '../text/chars.js';
import { fix } from './util.js';

export const meta = {
  id: 'punctuation-width',
  description: { zh: '中文中使用全角标点（，：；（）？！），不用半角', en: 'Chinese text takes full-width punctuation (，：；（）？！), not half-width' },
  defaultSeverity: 'off',
  fixable: true,
  docs: 'punctuation-width',
  details: `
默认关闭。中文中的半角 \`, : ; ( ) ? !\` 改为全角（网页转存的文档常被整体转成半角）。\`10:30\` 等不变。
Off by default. Half-width punctuation next to Chinese text; the fix converts it.
`,
  messages: {
    'half-width': { zh: '中文中使用了半角“{char}”，应为全角“{expected}”', en: 'Half-width “{char}” in Chinese text; use full-width “{expected}”' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

export function check(ctx: RuleContext<MessageId>): void {
  const t = ctx.plan.text;
  for (const p of ctx.plan.paragraphs) {
    const partner = matchParens(t, p.content.start, p.content.end);
    for (let i = p.content.start; i < p.content.end; i++) {
      const ch = t[i]!;
      const full = FULL[ch];
      if (!full) continue;
      const prev = t[i - 1];
      const next = t[i + 1];
      // `10:30`, `www.a.cn`, `(1)` in ASCII context stay as they are
      if (ch === ':' && /[0-9]/.test(prev ?? '') && /[0-9]/.test(next ?? '')) continue;
      const other = partner.get(i);
      if (other !== undefined) {
        // a matched pair converts as one: `(见附件A)` turned into `（见附件A)` would be a new
        // wrong-width pair, so both brackets change together (one fix, shared by both reports)
        const [open, close] = ch === '(' ? [i, other] : [other, i];
        if (!(isCjk(t[open - 1]) || isCjk(t[open + 1]) || isCjk(t[close - 1]))) continue;
        ctx.report({ messageId: 'half-width', data: { char: ch, expected: full }, span: { start: i, end: i + 1 },
          fix: fix(ctx.locale, 'fix/replace', { text: '（）' }, [
            { span: { start: open, end: open + 1 }, text: '（' }, { span: { start: close, end: close + 1 }, text: '）' },
          ]) });
        continue;
      }
      const cjkAround = ch === '(' ? isCjk(next) || isCjk(prev) : isCjk(prev) || (ch === ')' ? false : isCjk(next));
      if (!cjkAround) continue;
      ctx.report({ messageId: 'half-width', data: { char: ch, expected: full }, span: { start: i, end: i + 1 },
        fix: fix(ctx.locale, 'fix/replace', { text: full }, [{ span: { start: i, end: i + 1 }, text: full }]) });
    }
  }
}

/** half-width ( ) matched within a paragraph: offset → partner offset, both ways */
function matchParens(t: string, start: number, end: number): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = start; i < end; i++) {
    if (t[i] === '(') stack.push(i);
    else if (t[i] === ')' && stack.length) {
      const o = stack.pop()!;
      out.set(o, i);
      out.set(i, o);
    }
  }
  return out;
}

export default { meta, check } satisfies Rule<MessageId>;

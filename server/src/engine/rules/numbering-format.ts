// numbering-format: the punctuation of a marker (GB/T 9704 §7.3.3, GB/T 15834 Appendix B.3):
// `一、` `（一）` `1.` `（1）` `①` — not `一.`, `（一）、`, `3、`, `11加强`, `（一)`.
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { engineMessage } from '../i18n/engine-messages.js';
import { fix } from './util.js';
import { MARKER_COMMAS, MARKER_DOTS } from '../text/chars.js';

export const meta = {
  id: 'numbering-format',
  description: { zh: '序号标点规范：“一、”“（一）”“1.”“（1）”，不缺不多不混用', en: 'Marker punctuation: `一、` `（一）` `1.` `（1）` — none missing, extra or mixed' },
  defaultSeverity: 'warning',
  fixable: true,
  docs: 'numbering-format',
  details: `
| 写法 | 问题 | 修复 |
|---|---|---|
| \`一.\` \`一．\` | 一级序号后应为“、” | 改为 \`一、\` |
| \`（一）、\` | 带括号的序号后不加标点 | 删去“、” |
| \`3、\`（同级用 \`1.\`） | 三级序号后应为“.”（GB/T 15834 附录 B.3） | 改为 \`3.\` |
| \`11加强…\`（前后为 \`10.\`、\`16.\`） | 缺少“.” | 插入“.” |
| \`（一)\` | 括号全角半角混用 | 改为 \`（一）\` |

\`11加强…\` 只有在前后序号正好缺 11 时才当作第 11 项；\`2020824\` 这样的乱码日期、\`3.1\` 这样的章节号、\`11.121人才梯队项目\`（第 11 项，正文以数字开头）都不会误报。
A bare number is an item only where the numbering around it expects exactly that number.
`,
  messages: {
    'wrong-delimiter': {
      zh: '{rankName}序号“{marker}”后应使用“{expected}”，不用“{actual}”（GB/T 15834）',
      en: 'Rank-{rankName} number “{marker}” takes “{expected}”, not “{actual}” (GB/T 15834)',
    },
    'missing-delimiter': { zh: '序号“{marker}”后缺少“{expected}”', en: 'Number “{marker}” is missing its “{expected}”' },
    'extra-delimiter': {
      zh: '{rankName}序号“{marker}”后不加标点，应删去“{actual}”（GB/T 15834）',
      en: 'Rank-{rankName} number “{marker}” takes no punctuation: remove “{actual}” (GB/T 15834)',
    },
    'mixed-width': { zh: '序号“{marker}”的括号全角半角混用，应为“{expected}”', en: 'Number “{marker}” mixes full- and half-width brackets; write “{expected}”' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;

export function check(ctx: RuleContext<MessageId>): void {
  for (const item of ctx.plan.allItems) {
    const m = item.marker;
    const rankName = engineMessage(`rank/${m.rank}`, {}, ctx.locale);
    const base = { marker: m.raw, rank: m.rank, rankName };
    const delimAt = { start: m.span.end - m.delimiter.length, end: m.span.end };
    if (m.inTable) continue; // a 序号 cell is written bare (`1`) or with a dot alike
    if (m.rank === 1 || m.rank === 3) {
      const ok = m.rank === 1 ? m.delimiter !== '' && MARKER_COMMAS.includes(m.delimiter) : m.delimiter !== '' && MARKER_DOTS.includes(m.delimiter);
      if (ok) continue;
      const expected = m.expectedDelimiter;
      if (m.delimiter === '') {
        ctx.report({
          messageId: 'missing-delimiter', data: { ...base, expected }, span: m.span,
          fix: fix(ctx.locale, 'fix/insert', { text: expected }, [{ span: { start: m.span.end, end: m.span.end }, text: expected }]),
        });
      } else {
        ctx.report({
          messageId: 'wrong-delimiter', data: { ...base, expected, actual: m.delimiter }, span: m.span,
          fix: fix(ctx.locale, 'fix/replace', { text: expected }, [{ span: delimAt, text: expected }]),
        });
      }
      continue;
    }
    if (m.delimiter) {
      ctx.report({
        messageId: 'extra-delimiter', data: { ...base, actual: m.delimiter }, span: m.span,
        fix: fix(ctx.locale, 'fix/delete', { text: m.delimiter }, [{ span: delimAt, text: '' }]),
      });
    }
    if (m.open && m.close && (m.open === '（') !== (m.close === '）')) {
      const close = m.open === '（' ? '）' : ')';
      const closeAt = m.span.start + m.raw.lastIndexOf(m.close);
      const expected = m.raw.slice(0, m.raw.lastIndexOf(m.close)) + close;
      ctx.report({
        messageId: 'mixed-width', data: { ...base, expected }, span: m.span,
        fix: fix(ctx.locale, 'fix/replace', { text: close }, [{ span: { start: closeAt, end: closeAt + 1 }, text: close }]),
      });
    }
  }
}

export default { meta, check } satisfies Rule<MessageId>;

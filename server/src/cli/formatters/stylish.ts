// ESLint's "stylish": grouped by file, aligned columns, a summary line; coloured on a TTY.
// Columns are aligned by display width (../width.ts): CJK text takes two columns; “” ‘’ … are
// ambiguous, one column in most terminals and two in Chinese Windows consoles, hence ambiguousWide.
import { text } from '../../i18n/catalogue.js';
import { displayPath, type FileResult, type FormatContext } from '../results.js';
import { escapeControls, escapeLine } from './escape.js';
import { displayWidth } from '../width.js';

const paint = (on: boolean) => (code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function stylish(results: FileResult[], ctx: FormatContext): string {
  const c = paint(ctx.color);
  const t = (id: Parameters<typeof text>[1], d?: Parameters<typeof text>[2]) => text(ctx.locale, id, d);
  const width = (s: string) => displayWidth(s, ctx.ambiguousWide);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
  let out = '';
  const n = { errors: 0, warnings: 0, fixErr: 0, fixWarn: 0, suppressed: 0 };
  for (const r of results) {
    n.suppressed += r.suppressedMessages.length;
    if (!r.messages.length) continue;
    n.errors += r.errorCount;
    n.warnings += r.warningCount;
    n.fixErr += r.fixableErrorCount;
    n.fixWarn += r.fixableWarningCount;
    out += `\n${c('4', escapeLine(displayPath(ctx.cwd, r.filePath)))}\n`;
    // a Word document: 第12段
    // a finding that rests on an assumption is marked in the severity column: 警告?
    const rows = r.messages.map((m) => [m.word?.label ?? `${m.line}:${m.column}`, t(m.severity === 2 ? 'report.error' : 'report.warning') + (m.uncertain ? '?' : ''), escapeControls(m.message), m.ruleId ?? '', m.severity] as const);
    // widest cells by a loop: spread as arguments, 120,000 problems in one file overflowed the stack
    let w0 = 0, w1 = 0, w2 = 0;
    for (const x of rows) {
      w0 = Math.max(w0, width(x[0]));
      w1 = Math.max(w1, width(x[1]));
      w2 = Math.max(w2, width(x[2]));
    }
    w2 = Math.min(80, w2);
    for (const [pos, sev, msg, rule, s] of rows) {
      out += `  ${c('2', pad(pos, w0))}  ${c(s === 2 ? '31' : '33', pad(sev, w1))}  ${pad(msg, w2)}  ${c('2', rule)}`.trimEnd() + '\n';
    }
  }
  const total = n.errors + n.warnings;
  const suppressedNote = n.suppressed && ctx.baselineFile ? t('report.suppressed', { n: n.suppressed, file: ctx.baselineFile }) : '';
  if (!total) return suppressedNote ? `${suppressedNote}\n` : '';
  const tone = n.errors ? '1;31' : '1;33';
  out += `\n${c(tone, `✖ ${t('report.summary', { total, errors: n.errors, warnings: n.warnings })}`)}\n`;
  const fixId = n.fixErr && n.fixWarn ? 'report.fixableBoth' : n.fixErr ? 'report.fixableErrors' : n.fixWarn ? 'report.fixableWarnings' : undefined;
  if (fixId) out += c(tone, `  ${t(fixId, { errors: n.fixErr, warnings: n.fixWarn })}`) + '\n';
  if (suppressedNote) out += `  ${suppressedNote}\n`;
  return out;
}

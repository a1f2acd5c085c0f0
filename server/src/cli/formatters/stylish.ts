// ESLint's "stylish": grouped by file, aligned columns, a summary line; coloured on a TTY.
import { displayPath, type FileResult, type FormatContext } from '../results.js';

const paint = (on: boolean) => (code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** display width: CJK and full-width characters take two columns */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000)) ? 2 : 1;
  }
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function stylish(results: FileResult[], ctx: FormatContext): string {
  const c = paint(ctx.color);
  const zh = ctx.locale === 'zh';
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixErr = 0;
  let fixWarn = 0;
  for (const r of results) {
    if (!r.messages.length) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    fixErr += r.fixableErrorCount;
    fixWarn += r.fixableWarningCount;
    out += `\n${c('4', displayPath(ctx.cwd, r.filePath))}\n`;
    const rows = r.messages.map((m) => [
      m.word?.label ?? `${m.line}:${m.column}`, // a Word document: 第12段
      m.severity === 2 ? (zh ? '错误' : 'error') : (zh ? '警告' : 'warning'),
      m.message,
      m.ruleId ?? '',
      m.severity,
    ] as const);
    const w0 = Math.max(...rows.map((r) => width(r[0])));
    const w1 = Math.max(...rows.map((r) => width(r[1])));
    const w2 = Math.min(80, Math.max(...rows.map((r) => width(r[2]))));
    for (const [pos, sev, msg, rule, s] of rows) {
      out += `  ${c('2', pad(pos, w0))}  ${c(s === 2 ? '31' : '33', pad(sev, w1))}  ${pad(msg, w2)}  ${c('2', rule)}\n`;
    }
  }
  const total = errors + warnings;
  if (!total) return '';
  const summary = zh
    ? `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`
    : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  out += `\n${c(errors ? '1;31' : '1;33', summary)}\n`;
  if (fixErr + fixWarn) {
    out += c(errors ? '1;31' : '1;33', zh
      ? `  其中 ${fixErr} 个错误、${fixWarn} 个警告可用 \`--fix\` 自动修复。`
      : `  ${fixErr} error${fixErr === 1 ? '' : 's'} and ${fixWarn} warning${fixWarn === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`) + '\n';
  }
  return out;
}

// GitHub Actions: workflow commands that annotate the pull request's lines, then a summary line.
// GitHub shows at most 10 error and 10 warning annotations per step, so with $GITHUB_STEP_SUMMARY
// set the whole picture also goes to the job's summary page: counts by rule and the first problems
// of each file, in Markdown.
import { text, type MessageData, type MessageId } from '../../i18n/catalogue.js';
import { displayPath, type FileResult, type FormatContext } from '../results.js';
import { escapeControls, escapeLine } from './escape.js';

const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** GitHub's per-step limit of each annotation kind */
const ANNOTATION_CAP = 10;
/** problems listed per file in the job summary */
const PER_FILE = 10;

export function github(results: FileResult[], ctx: FormatContext): string {
  let out = '';
  for (const r of results) {
    const file = escapeLine(displayPath(ctx.cwd, r.filePath));
    for (const m of r.messages) {
      // a Word document has no lines to annotate: the annotation is on the file and names the paragraph
      const props = m.word ? [`file=${escProp(file)}`] : [`file=${escProp(file)}`, `line=${m.line}`, `col=${m.column}`];
      if (m.endLine && !m.word) props.push(`endLine=${m.endLine}`);
      if (m.endColumn && !m.word) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escProp(`fengong ${m.ruleId ?? ''}`.trim())}`);
      const text = escapeControls(m.word ? `${file}:${m.word.label}：${m.message}` : m.message);
      out += `::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escData(text)}\n`;
    }
  }
  const n = counts(results);
  const t = (id: MessageId, d?: MessageData) => text(ctx.locale, id, d);
  out += t('report.ghSummaryLine', { files: results.length, total: n.errors + n.warnings, errors: n.errors, warnings: n.warnings }) + '\n';
  if (n.errors > ANNOTATION_CAP || n.warnings > ANNOTATION_CAP) out += t('report.ghCapNote') + '\n';
  ctx.stepSummary?.(stepSummary(results, ctx));
  return out;
}

function counts(results: FileResult[]) {
  return {
    errors: results.reduce((s, r) => s + r.errorCount, 0),
    warnings: results.reduce((s, r) => s + r.warningCount, 0),
    suppressed: results.reduce((s, r) => s + r.suppressedMessages.length, 0),
  };
}

const cell = (s: string) => escapeControls(s.replace(/\r?\n|\r/g, ' ')).replace(/\|/g, '\\|');

/** The job summary in Markdown: totals, a table by rule, the first problems of each file. */
export function stepSummary(results: FileResult[], ctx: FormatContext): string {
  const t = (id: MessageId, d?: MessageData) => text(ctx.locale, id, d);
  const n = counts(results);
  const lines = [`## ${t('report.ghTitle')}`, ''];
  lines.push(t('report.ghSummaryLine', { files: results.length, total: n.errors + n.warnings, errors: n.errors, warnings: n.warnings }));
  if (n.suppressed) lines.push('', t('report.ghSuppressed', { n: n.suppressed }));
  if (!n.errors && !n.warnings) return [...lines, '', t('report.ghClean'), '', ''].join('\n');
  const byRule = new Map<string, [number, number]>();
  for (const m of results.flatMap((r) => r.messages)) {
    const c = byRule.get(m.ruleId ?? '') ?? [0, 0];
    c[m.severity === 2 ? 0 : 1]++;
    byRule.set(m.ruleId ?? '', c);
  }
  lines.push('', `### ${t('report.ghByRule')}`, '', `| ${t('report.ghRule')} | ${t('report.ghErrors')} | ${t('report.ghWarnings')} |`, '| --- | ---: | ---: |');
  for (const [rule, [e, w]] of [...byRule].sort((a, b) => b[1][0] + b[1][1] - a[1][0] - a[1][1] || (a[0] < b[0] ? -1 : 1))) {
    lines.push(`| ${rule ? `\`${rule}\`` : '—'} | ${e} | ${w} |`);
  }
  lines.push('', `### ${t('report.ghByFile', { n: PER_FILE })}`);
  for (const r of results.filter((x) => x.messages.length)) {
    lines.push('', `#### ${cell(displayPath(ctx.cwd, r.filePath))}`, '', `| ${t('report.ghWhere')} | ${t('report.ghLevel')} | ${t('report.ghMessage')} | ${t('report.ghRule')} |`, '| --- | --- | --- | --- |');
    for (const m of r.messages.slice(0, PER_FILE)) {
      lines.push(`| ${m.line}:${m.column} | ${t(m.severity === 2 ? 'report.error' : 'report.warning')} | ${cell(m.message)} | ${m.ruleId ? `\`${m.ruleId}\`` : ''} |`);
    }
    if (r.messages.length > PER_FILE) lines.push('', t('report.ghMore', { n: r.messages.length - PER_FILE }));
  }
  return [...lines, '', ''].join('\n');
}

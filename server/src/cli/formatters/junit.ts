// JUnit XML, as ESLint's junit formatter writes it: one <testsuite> per file, one failing
// <testcase> per problem (a file without problems is one passing testcase), for CI systems that
// show test reports (GitLab's junit report, Jenkins, Azure Pipelines).
import { displayPath, type FileResult, type FormatContext } from '../results.js';
import { text } from '../../i18n/catalogue.js';

/** XML 1.0 cannot hold most control characters even escaped; they are dropped. */
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const xml = (s: string) => clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const cdata = (s: string) => clean(s).replace(/]]>/g, ']]]]><![CDATA[>');

export function junit(results: FileResult[], ctx: FormatContext): string {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const r of results) {
    const file = displayPath(ctx.cwd, r.filePath);
    const failures = r.messages.length;
    out += `<testsuite package="fengong" time="0" tests="${failures || 1}" errors="${failures}" failures="${failures}" name="${xml(file)}">\n`;
    if (!failures) out += `<testcase time="0" name="${xml(file)}" classname="${xml(classname(file))}" />\n`;
    for (const m of r.messages) {
      const level = text(ctx.locale, m.severity === 2 ? 'report.error' : 'report.warning');
      out += `<testcase time="0" name="fengong.${xml(m.ruleId ?? 'fatal')}" classname="${xml(classname(file))}">`;
      out += `<failure message="${xml(m.message)}"><![CDATA[${cdata(`${m.line}:${m.column} ${level} - ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`)}]]></failure></testcase>\n`;
    }
    out += '</testsuite>\n';
  }
  return out + '</testsuites>\n';
}

/** ESLint's classname: the path without its extension */
const classname = (file: string) => file.replace(/\.[^./]+$/, '');

// GitHub Actions workflow commands: annotations on the pull request's lines.
import { displayPath, type FileResult, type FormatContext } from '../results.js';

const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(results: FileResult[], ctx: FormatContext): string {
  let out = '';
  for (const r of results) {
    const file = displayPath(ctx.cwd, r.filePath);
    for (const m of r.messages) {
      // a Word document has no lines to annotate: the annotation is on the file and names the paragraph
      const props = m.word ? [`file=${escProp(file)}`] : [`file=${escProp(file)}`, `line=${m.line}`, `col=${m.column}`];
      if (m.endLine && !m.word) props.push(`endLine=${m.endLine}`);
      if (m.endColumn && !m.word) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escProp(`fengong ${m.ruleId ?? ''}`.trim())}`);
      const text = m.word ? `${file}:${m.word.label}：${m.message}` : m.message;
      out += `::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escData(text)}\n`;
    }
  }
  return out;
}

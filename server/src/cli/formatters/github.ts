// GitHub Actions workflow commands: annotations on the pull request's lines.
import { displayPath, type FileResult, type FormatContext } from '../results.js';

const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function github(results: FileResult[], ctx: FormatContext): string {
  let out = '';
  for (const r of results) {
    const file = displayPath(ctx.cwd, r.filePath);
    for (const m of r.messages) {
      const props = [`file=${escProp(file)}`, `line=${m.line}`, `col=${m.column}`];
      if (m.endLine) props.push(`endLine=${m.endLine}`);
      if (m.endColumn) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escProp(`fengong ${m.ruleId ?? ''}`.trim())}`);
      out += `::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escData(m.message)}\n`;
    }
  }
  return out;
}

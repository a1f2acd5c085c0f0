// GitLab Code Quality (the report of a job's `artifacts: reports: codequality`): a JSON array of
// issues with description, check_name, fingerprint, severity and location.path/lines.begin.
// Self-hosted GitLab is common in the offices fengong is for; the merge request widget shows
// problems that are new against the target branch, told apart by their fingerprints.
import { nodeCrypto } from '../../io/builtins.js';
import { displayPath, type FileResult, type FormatContext } from '../results.js';

export function gitlab(results: FileResult[], ctx: FormatContext): string {
  const issues = results.flatMap((r) => {
    const path = displayPath(ctx.cwd, r.filePath);
    return r.messages.map((m) => ({
      type: 'issue',
      description: m.message,
      check_name: m.ruleId ?? 'fengong/fatal',
      // unique per problem and stable across edits elsewhere: path and the baseline's fingerprint
      fingerprint: nodeCrypto().createHash('md5').update(`${path}\0${m.fingerprint ?? `${m.line}:${m.column}:${m.message}`}`).digest('hex'),
      severity: m.severity === 2 ? (m.fatal ? 'blocker' : 'major') : 'minor',
      location: { path, lines: { begin: m.line, end: m.endLine ?? m.line } },
    }));
  });
  return JSON.stringify(issues, null, 2) + '\n';
}

// The CLI's per-file results in ESLint's JSON shape (1-based lines and columns, UTF-16 columns),
// which every formatter reads.
import type { Locale } from '../engine/types.js';
import type { Fingerprinted } from '../baseline/baseline.js';
import type { WordPosition } from './word.js';
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { LineIndex } from '../engine/text/lineIndex.js';

export interface LintMessage {
  ruleId: string | null;
  /** 1 warning (and info), 2 error */
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: { range: [number, number]; text: string };
  suggestions?: { desc: string; fix: { range: [number, number]; text: string } }[];
  fatal?: boolean;
  /** rule, message key, passage and occurrence hashed (the baseline's): the same problem gets
   *  the same one across runs and edits elsewhere. Formatters other than json use it. */
  fingerprint?: string;
  /** for a Word document: the paragraph or table cell (line and column are in its extracted text) */
  word?: WordPosition;
  /** the finding rests on an assumption (an inferred genre, a guessed unit start): said so */
  uncertain?: true;
  /** ESLint's shape of why a message in suppressedMessages is not reported */
  suppressions?: { kind: 'baseline'; justification: string }[];
}

export interface FileResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** the text after the fixes, when they changed it (--fix wrote it back; --fix-dry-run did not) */
  output?: string;
  /** problems the baseline holds: not reported, not counted (ESLint's suppressedMessages) */
  suppressedMessages: LintMessage[];
}

/** ESLint's fix shape: one range and its replacement, however many edits the fix had. */
export function mergedFix(text: string, edits: { span: { start: number; end: number }; text: string }[]): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  const start = sorted[0]!.span.start;
  const end = sorted.reduce((m, e) => Math.max(m, e.span.end), start);
  let out = '';
  let at = start;
  for (const e of sorted) {
    out += text.slice(at, e.span.start) + e.text;
    at = Math.max(at, e.span.end);
  }
  out += text.slice(at, end);
  return { range: [start, end], text: out };
}

export function toFileResult(filePath: string, text: string, reported: Fingerprinted[], suppressed: Fingerprinted[] = []): FileResult {
  const lines = new LineIndex(text);
  const message = ({ diagnostic: d, entry }: Fingerprinted): LintMessage => {
    const s = lines.positionAt(d.span.start);
    const e = lines.positionAt(d.span.end);
    const m: LintMessage = {
      ruleId: d.ruleId, severity: d.severity === 'error' ? 2 : 1, message: d.message, messageId: d.messageKey,
      line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
    };
    if (d.uncertain) m.uncertain = true;
    if (d.fix) m.fix = mergedFix(text, d.fix.edits);
    if (d.suggestions?.length) m.suggestions = d.suggestions.map((f) => ({ desc: f.title, fix: mergedFix(text, f.edits) }));
    m.fingerprint = `${entry.fingerprint}:${entry.occurrence}`;
    return m;
  };
  const suppressedMessages = suppressed.map((f) => ({ ...message(f), suppressions: [{ kind: 'baseline' as const, justification: '' }] }));
  return summarize({ filePath, messages: reported.map(message), suppressedMessages, errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
}

export function summarize(r: FileResult): FileResult {
  r.errorCount = r.messages.filter((m) => m.severity === 2).length;
  r.warningCount = r.messages.filter((m) => m.severity === 1).length;
  r.fatalErrorCount = r.messages.filter((m) => m.fatal).length;
  r.fixableErrorCount = r.messages.filter((m) => m.severity === 2 && m.fix).length;
  r.fixableWarningCount = r.messages.filter((m) => m.severity === 1 && m.fix).length;
  return r;
}

export function fatalResult(filePath: string, message: string, line = 1): FileResult {
  return summarize({
    filePath, messages: [{ ruleId: null, severity: 2, fatal: true, message, line, column: 1 }], suppressedMessages: [],
    errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
  });
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  locale: Locale;
  version: string;
  /** stylish: count East Asian ambiguous characters (“” ‘’ …) as two columns */
  ambiguousWide?: boolean;
  /** the baseline file, when one was applied (named in summaries) */
  baselineFile?: string;
  /** github: where to append the Markdown job summary ($GITHUB_STEP_SUMMARY) */
  stepSummary?: (markdown: string) => void;
}

/** The file as a path relative to the working folder, with `/`. A file reached through a
 *  symlinked folder (`../shared` → elsewhere) is also tried by its real path, and the shorter
 *  one wins: the working folder itself is always a real path. */
export function displayPath(cwd: string, file: string): string {
  let rel = relative(cwd, file);
  if (rel.startsWith('..')) {
    try {
      const real = relative(cwd, realpathSync(file));
      if (real.length < rel.length) rel = real;
    } catch { /* gone since it was read: keep the path as given */ }
  }
  return (rel || file).split(sep).join('/');
}

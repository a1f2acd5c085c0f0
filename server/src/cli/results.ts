// The CLI's per-file results in ESLint's JSON shape (1-based lines and columns, UTF-16 columns),
// which every formatter reads.
import type { Diagnostic, Locale } from '../engine/types.js';
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { LineIndex } from '../engine/text/lineIndex.js';
import type { WordPosition } from './word.js';

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
  /** for a Word document: the paragraph or table cell (line and column are in its extracted text) */
  word?: WordPosition;
}

export interface FileResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** the fixed text was written back */
  output?: boolean;
}

/** ESLint's fix shape: one range and its replacement, however many edits the fix had. */
export function mergedFix(text: string, edits: { span: { start: number; end: number }; text: string }[]): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  const start = sorted[0]!.span.start;
  const end = Math.max(...sorted.map((e) => e.span.end));
  let out = '';
  let at = start;
  for (const e of sorted) {
    out += text.slice(at, e.span.start) + e.text;
    at = Math.max(at, e.span.end);
  }
  out += text.slice(at, end);
  return { range: [start, end], text: out };
}

export function toFileResult(filePath: string, text: string, diagnostics: Diagnostic[]): FileResult {
  const lines = new LineIndex(text);
  const messages = diagnostics.map((d): LintMessage => {
    const s = lines.positionAt(d.span.start);
    const e = lines.positionAt(d.span.end);
    const m: LintMessage = {
      ruleId: d.ruleId, severity: d.severity === 'error' ? 2 : 1, message: d.message, messageId: d.messageKey,
      line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1,
    };
    if (d.fix) m.fix = mergedFix(text, d.fix.edits);
    if (d.suggestions?.length) m.suggestions = d.suggestions.map((f) => ({ desc: f.title, fix: mergedFix(text, f.edits) }));
    return m;
  });
  return summarize({ filePath, messages, errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
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
    filePath, messages: [{ ruleId: null, severity: 2, fatal: true, message, line, column: 1 }],
    errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
  });
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  locale: Locale;
  version: string;
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

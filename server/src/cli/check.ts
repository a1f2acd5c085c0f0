// `fengong check [files | folders | globs]`: lint plans for CI. Exit 0 clean, 1 on errors (or
// warnings over --max-warnings), 2 on usage, configuration or I/O errors.
import { appendFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Locale } from '../engine/types.js';
import type { ConfigOverride } from '../engine/config.js';
import { decodeBuffer } from '../io/encoding.js';
import { DEFAULT_MAX_BYTES, decodeNote, fileError, type FileError } from '../io/files.js';
import { prefixedLine, text } from '../i18n/catalogue.js';
import { displayPath, fatalResult, toFileResult, type FileResult } from './results.js';
import { isWordPath } from '../io/word-source.js';
import { fixRefusal, wordDiagnostics, wordFileResult } from './word.js';
import { FORMATTERS } from './formatters/index.js';
import { escapeControls } from './formatters/escape.js';
import { configErrorText, note, startCommand, usageError, writeOutput, type CliIO } from './io.js';
import { CHECK, type ParsedValues } from './options.js';
import { lintFiles, lintText, type CheckedFile, type LintOptions, type LintOutcome } from './lint-files.js';
import { selectFiles } from './select.js';
import { BaselineRun, type BaselineMode } from './baseline.js';
import { fingerprint } from '../baseline/baseline.js';
import { printConfig } from './print-config.js';
import { compileGlob, GlobError, MAX_GLOB_LENGTH } from '../config/glob.js';
import { parseConcurrency, threadCount, type Concurrency } from './concurrency.js';

/** the file name of standard input without --stdin-filename (ESLint says `<text>`) */
const STDIN = '<stdin>';

/** The check options after validation. */
interface CheckOptions {
  format: string;
  lint: LintOptions;
  maxWarnings: number;
  quiet: boolean;
  outputFile?: string;
  baselineMode: BaselineMode;
  color: boolean;
  concurrency: Concurrency;
}

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const parsed = startCommand(argv, CHECK, io);
  if (typeof parsed === 'number') return parsed;
  const { locale, values: v } = parsed;
  const problem = conflicts(v, parsed.positionals, locale);
  if (problem) return usageError(io, locale, problem, 'check');
  const opts = checkOptions(v, locale, io);
  if (typeof opts === 'string') return usageError(io, locale, opts, 'check');
  if (v['print-config'] !== undefined) return printConfig(io, locale, v['print-config'] as string, opts.lint);

  const baseline = BaselineRun.open(io.cwd, v.baseline as string | undefined, opts.baselineMode, locale);
  if ('error' in baseline) {
    note(io, locale, baseline.error);
    return 2;
  }
  const outcome = v.stdin ? await lintStdin(io, v['stdin-filename'] as string | undefined, opts.lint) : await lintArgs(io, parsed.positionals, v, opts);
  if (!outcome) return 2;
  for (const line of outcome.stderr) io.stderr.write(escapeControls(line));
  const reported = new Set<string>();
  for (const e of outcome.configErrors) {
    if (!reported.has(e.file)) io.stderr.write(configErrorText(locale, e));
    reported.add(e.file);
  }
  if (reported.size) return 2; // a broken config: reported once, nothing linted on guesswork

  const results = outcome.checked.map((c) => toResult(c, baseline, opts.quiet, locale));
  const baselined = await baseline.finish(io, locale);
  const suppressed = results.reduce((n, r) => n + r.suppressedMessages.length, 0);
  const output = FORMATTERS[opts.format]!(results, {
    cwd: io.cwd, color: opts.color, locale, version: io.version ?? '',
    ambiguousWide: !!v['ambiguous-wide'] || process.env.FENGONG_AMBIGUOUS_WIDE === '1',
    ...(suppressed ? { baselineFile: baseline.shown } : {}),
    ...(process.env.GITHUB_STEP_SUMMARY ? { stepSummary: stepSummaryWriter(process.env.GITHUB_STEP_SUMMARY) } : {}),
  });
  const wrote = await writeOutput(io, locale, opts.outputFile, output, (p) => resolve(io.cwd, p));
  if (outcome.exit === 2 || !wrote || !baselined) return 2;
  return exitCode(results, opts, io, locale);
}

function exitCode(results: FileResult[], opts: CheckOptions, io: CliIO, locale: Locale): number {
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (opts.maxWarnings >= 0 && warnings > opts.maxWarnings) {
    note(io, locale, text(locale, 'cli.tooManyWarnings', { n: warnings, max: opts.maxWarnings }));
    return 1;
  }
  return 0;
}

/** Combinations that make no sense, named the way the user wrote them. */
function conflicts(v: ParsedValues, positionals: string[], locale: Locale): string | undefined {
  const pairs: [string, string][] = [['fix', 'fix-dry-run'], ['stdin', 'print-config'], ['baseline-update', 'baseline-prune'], ['color', 'no-color']];
  for (const [a, b] of pairs) if (v[a] && v[b]) return text(locale, 'cli.conflict', { a: `--${a}`, b: `--${b}` });
  if (v.stdin && v.fix) return text(locale, 'cli.stdinFix');
  if (v.stdin && (v['baseline-update'] || v['baseline-prune'])) return text(locale, 'baseline.withStdin');
  if (v.stdin && positionals.length) return text(locale, 'cli.stdinWithFiles', { arg: positionals[0]! });
  if (v['stdin-filename'] !== undefined && !v.stdin) return text(locale, 'cli.requires', { a: '--stdin-filename', b: '--stdin' });
  if (v['print-config'] !== undefined && positionals.length) return text(locale, 'cli.unexpectedArgument', { arg: positionals[0]! });
  return undefined;
}

function checkOptions(v: ParsedValues, locale: Locale, io: CliIO): CheckOptions | string {
  let maxWarnings = -1;
  if (v['max-warnings'] !== undefined) {
    const raw = v['max-warnings'] as string;
    maxWarnings = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(maxWarnings) || maxWarnings < -1) return text(locale, 'cli.badInteger', { option: '--max-warnings', value: raw, min: -1 });
  }
  const concurrency = parseConcurrency(v.concurrency as string | undefined);
  if (concurrency === undefined) return text(locale, 'cli.badConcurrency', { value: v.concurrency as string });
  const badIgnore = badGlob((v.ignore as string[] | undefined) ?? [], locale);
  if (badIgnore) return badIgnore;
  const cli: ConfigOverride = {};
  if (v.locale) cli.locale = v.locale as Locale;
  if (v['document-kind']) cli.documentKind = v['document-kind'] as ConfigOverride['documentKind'];
  const configPath = v.config === undefined ? undefined : resolve(io.cwd, v.config as string);
  const fix = v.fix ? 'write' : v['fix-dry-run'] ? 'dry-run' : undefined;
  const outputFile = v['output-file'] as string | undefined;
  return {
    format: (v.format as string | undefined) ?? 'stylish',
    lint: { configPath, locale, cli, ...(fix ? { fix } : {}) },
    maxWarnings,
    quiet: !!v.quiet,
    outputFile,
    baselineMode: v['baseline-update'] ? 'update' : v['baseline-prune'] ? 'prune' : 'apply',
    color: !v['no-color'] && !process.env.NO_COLOR && (!!v.color || (outputFile === undefined && !!io.stdout.isTTY)),
    concurrency,
  };
}

/** An --ignore glob the linear matcher refuses, said as the config's are. */
function badGlob(globs: string[], locale: Locale): string | undefined {
  for (const glob of globs) {
    try {
      compileGlob(glob);
    } catch (e) {
      if (!(e instanceof GlobError)) throw e;
      const why = text(locale, e.reason === 'tooLong' ? 'config.globTooLong' : 'config.globNegatedGroup', { max: MAX_GLOB_LENGTH });
      return text(locale, 'config.badGlob', { glob, why });
    }
  }
  return undefined;
}

async function lintArgs(io: CliIO, positionals: string[], v: ParsedValues, { lint, concurrency }: CheckOptions): Promise<LintOutcome> {
  const inputs = positionals.length ? positionals : ['.'];
  const selection = await selectFiles(inputs, { cwd: io.cwd, followSymlinks: !!v['follow-symlinks'], ignore: v.ignore as string[] | undefined, configPath: lint.configPath });
  for (const e of selection.errors) note(io, lint.locale, e.message[lint.locale]);
  for (const { file, config } of selection.ignoredNamed) note(io, lint.locale, text(lint.locale, 'cli.ignoredFile', { file, config }));
  // --fix and a Word document: refused before anything is written, whatever the other files are
  const wordFiles = lint.fix === 'write' ? selection.files.filter(isWordPath) : [];
  if (wordFiles.length) {
    note(io, lint.locale, fixRefusal(wordFiles.map((f) => displayPath(io.cwd, f)), lint.locale));
    return { checked: [], configErrors: [], stderr: [], exit: 2 };
  }
  const outcome = await lintFiles(selection.files, lint, threadCount(concurrency, selection.files.length), selection.reals);
  if (selection.errors.length) outcome.exit = 2;
  return outcome;
}

/** --stdin: the plan on standard input, decoded as a file would be (UTF-8, UTF-16, GB18030). */
async function lintStdin(io: CliIO, filename: string | undefined, lint: LintOptions): Promise<LintOutcome | undefined> {
  if (!io.stdin || io.stdin.isTTY) return void usageError(io, lint.locale, text(lint.locale, 'cli.stdinTty'), 'check');
  const file = filename === undefined ? STDIN : isAbsolute(filename) ? filename : resolve(io.cwd, filename);
  const out: LintOutcome = { checked: [], configErrors: [], stderr: [], exit: 0 };
  const fail = (err: FileError, line = 1) => {
    out.checked.push({ file, ok: false, message: err.message[lint.locale], line });
    out.exit = 2;
    return out;
  };
  const bytes = await readCapped(io.stdin, DEFAULT_MAX_BYTES);
  if (!bytes) return fail(fileError('too-large', filename ?? STDIN, `more than ${DEFAULT_MAX_BYTES} bytes`, { id: 'io.why.sizeStream', data: { max: DEFAULT_MAX_BYTES } }));
  const decoded = decodeBuffer(bytes);
  if (!decoded.ok) return fail(fileError(decoded.reason, filename ?? STDIN, decoded.detail, decoded.why), decoded.line);
  if (decoded.note) out.stderr.push(prefixedLine(lint.locale, decodeNote(filename ?? STDIN, decoded.note)[lint.locale]));
  // the config is looked up from the named file's folder (the working folder without a name)
  const c = await lintText(filename === undefined ? resolve(io.cwd, 'stdin.txt') : file, decoded.text, undefined, lint, out);
  if (c) out.checked.push({ ...c, file });
  return out;
}

/** All of a stream, or undefined once it passes `max` bytes (then it is not read further: 100 MB
 *  on standard input took 4.5 GB before). */
async function readCapped(stream: NodeJS.ReadableStream, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c as Buffer;
    size += chunk.length;
    if (size > max) return undefined; // leaving the loop destroys the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function toResult(c: CheckedFile, baseline: BaselineRun, quiet: boolean, locale: Locale): FileResult {
  if (!c.ok) return fatalResult(c.file, c.message, c.line);
  const diagnostics = c.word ? wordDiagnostics(c.diagnostics, c.word, locale) : c.diagnostics;
  // standard input without a file name has no place in a baseline
  const { reported, suppressed } = c.file === STDIN ? { reported: fingerprint(c.text, diagnostics), suppressed: [] } : baseline.split(c.file, c.text, diagnostics);
  const r = toFileResult(c.file, c.text, quiet ? reported.filter((f) => f.diagnostic.severity === 'error') : reported, suppressed);
  if (c.output !== undefined) r.output = c.output;
  return c.word ? wordFileResult(r, c.word, locale) : r;
}

/** Appends to the file GitHub Actions renders as the job's summary. */
function stepSummaryWriter(path: string): (markdown: string) => void {
  return (markdown) => {
    try {
      appendFileSync(path, markdown); // appended: every step of the job writes to the same file
    } catch { /* a summary that cannot be written must not fail the check */ }
  };
}

// Reading, fixing and linting the files of a `fengong check` run (or the text of --stdin). What
// comes out is per file: the text the problems are of, the problems, the fixed text if the fixes
// changed it, or why the file could not be read. Reporting and the baseline come after.
import { lint, fixAndLint } from '../engine/index.js';
import type { Diagnostic, Locale } from '../engine/types.js';
import type { ConfigOverride } from '../engine/config.js';
import { loadConfigForFile, type ConfigError } from '../config/load.js';
import { writeTextPreserving, AtomicWriteError, type EncodingMeta, type FileStamp } from '../io/files.js';
import { readPlanSource, type WordSource } from '../io/word-source.js';
import { pendingRecovery, recoveryMessage } from '../io/recovery.js';
import { errnoText, prefixedLine, text as msg } from '../i18n/catalogue.js';
import { heapFor } from './heap.js';

export interface LintOptions {
  configPath?: string;
  locale: Locale;
  cli: ConfigOverride;
  /** 'write': --fix; 'dry-run': --fix-dry-run */
  fix?: 'write' | 'dry-run';
  /** the title an office file marks itself (WordSource.titleLines) */
  titleLines?: { first: number; last: number };
}

export type CheckedFile =
  | { file: string; ok: true; text: string; diagnostics: Diagnostic[]; output?: string; word?: WordSource }
  | { file: string; ok: false; message: string; line: number };

export interface LintOutcome {
  checked: CheckedFile[];
  configErrors: ConfigError[];
  /** lines for stderr (failed writes) */
  stderr: string[];
  exit: 0 | 2;
}

/** Lints files; the outcome lists them in the given order, whichever thread checked them.
 *  `threads` above 1: worker threads (pool.ts), each checking one file at a time. `reals`: the
 *  files' real paths where known (the walk that found them), for the recovery check. */
export async function lintFiles(files: string[], opts: LintOptions, threads = 1, reals?: Map<string, string>): Promise<LintOutcome> {
  const outcomes = threads > 1 ? await (await import('./pool.js')).lintInWorkers(files, opts, threads, reals) : await lintHere(files, opts, reals);
  return merged(outcomes);
}

/** One outcome per file, a few reads in flight at a time. */
async function lintHere(files: string[], opts: LintOptions, reals?: Map<string, string>): Promise<LintOutcome[]> {
  const outcomes: LintOutcome[] = new Array(files.length);
  let next = 0;
  const one = async () => {
    for (let i = next++; i < files.length; i = next++) outcomes[i] = await checkFile(files[i]!, opts, reals?.get(files[i]!));
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, one));
  return outcomes;
}

/** The files' outcomes as one, in the files' order: the same output whichever thread checked
 *  which file, and whichever read finished first. */
export function merged(outcomes: LintOutcome[]): LintOutcome {
  const out: LintOutcome = { checked: [], configErrors: [], stderr: [], exit: 0 };
  for (const o of outcomes) {
    out.checked.push(...o.checked);
    out.configErrors.push(...o.configErrors);
    out.stderr.push(...o.stderr);
    if (o.exit) out.exit = 2;
  }
  return out;
}

/** Reads, fixes and lints one file. Never throws: a file the engine failed on is reported by
 *  name (and the run exits 2), the other files are still checked. `real`: its real path, if known. */
export async function checkFile(file: string, opts: LintOptions, real?: string): Promise<LintOutcome> {
  const out: LintOutcome = { checked: [], configErrors: [], stderr: [], exit: 0 };
  try {
    const c = await readAndLint(file, opts, out, real);
    if (c) out.checked.push(c);
  } catch (e) {
    out.checked = [failedFile(file, msg(opts.locale, 'cli.fileFailed', { file, detail: String((e as Error)?.stack ?? e) }))];
    out.exit = 2;
  }
  return out;
}

/** a file that could not be checked, with why (said by name in every format) */
export function failedFile(file: string, message: string, line = 1): CheckedFile {
  return { file, ok: false, message, line };
}

async function readAndLint(file: string, opts: LintOptions, out: LintOutcome, real?: string): Promise<CheckedFile | undefined> {
  const read = await readPlanSource(file);
  if (!read.ok) {
    out.exit = 2;
    return failedFile(file, read.error.message[opts.locale], read.error.line ?? 1);
  }
  // an encoding that was a guess is said (GBK bytes that are valid UTF-8 too)
  if (!read.word && read.note) out.stderr.push(prefixedLine(opts.locale, read.note[opts.locale]));
  // a file whose last in-place fix was killed midway is said, with where its original is,
  // and not fixed again until the user has looked
  const recovery = read.word ? undefined : pendingRecovery(file, real);
  if (recovery?.state === 'interrupted') {
    out.stderr.push(prefixedLine(opts.locale, recoveryMessage(recovery, opts.locale)));
    out.exit = 2;
  }
  // a Word document is checked, never fixed (check refuses --fix for it before this)
  const c = read.word || recovery?.state === 'interrupted'
    ? await lintText(file, read.text, undefined, { ...opts, fix: undefined, ...(read.word?.titleLines ? { titleLines: read.word.titleLines } : {}) }, out)
    : await lintText(file, read.text, read.meta, opts, out, read.stamp);
  if (c?.ok && read.word) c.word = read.word;
  return c;
}

/** Lints one text under the config of `file` (which need not exist: --stdin-filename). With
 *  `meta`, a --fix writes the fixed text back in the file's own encoding — only if the file is
 *  still as `stamp` says it was read (an editor may have saved it meanwhile). */
export async function lintText(file: string, text: string, meta: EncodingMeta | undefined, opts: LintOptions, out: LintOutcome, stamp?: FileStamp): Promise<CheckedFile | undefined> {
  heapFor(text.length);
  const resolved = loadConfigForFile(file, { configPath: opts.configPath, locale: opts.locale, cli: opts.cli });
  if (resolved.error) {
    out.configErrors.push(resolved.error);
    out.exit = 2;
    return undefined;
  }
  if (!opts.fix) return { file, ok: true, text, diagnostics: lint(text, opts.titleLines ? { ...resolved.config, titleLines: opts.titleLines } : resolved.config).diagnostics };
  const fixed = fixAndLint(text, resolved.config);
  if (fixed.text === text) return { file, ok: true, text, diagnostics: fixed.result.diagnostics };
  if (opts.fix === 'write' && meta) {
    try {
      await writeTextPreserving(file, fixed.text, meta, stamp ? { expect: stamp } : {});
    } catch (e) {
      const m = e instanceof AtomicWriteError ? e.fileError.message[opts.locale] : msg(opts.locale, 'cli.writeFailed', { file, detail: errnoText(opts.locale, (e as NodeJS.ErrnoException)?.code) });
      out.stderr.push(prefixedLine(opts.locale, m));
      out.exit = 2;
      // the report is of the text on disk, which is still the unfixed one
      return { file, ok: true, text, diagnostics: lint(text, resolved.config).diagnostics };
    }
  }
  return { file, ok: true, text: fixed.text, diagnostics: fixed.result.diagnostics, output: fixed.text };
}

// `fengong check [files | folders | globs]`: lint plans for CI. Exit 0 clean, 1 on errors (or
// warnings over --max-warnings), 2 on usage, configuration or I/O errors.
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { lint, fixAndLint } from '../engine/index.js';
import type { Diagnostic, Locale } from '../engine/types.js';
import type { ConfigOverride } from '../engine/config.js';
import { loadConfigForFile, type ConfigError } from '../config/load.js';
import { expandInputs, writeTextPreserving, AtomicWriteError } from '../io/files.js';
import { isWordPath, readPlanSource } from '../io/word-source.js';
import { fixRefusal, wordFileResult } from './word.js';
import { displayPath, fatalResult, toFileResult, type FileResult } from './results.js';
import { FORMATTERS } from './formatters/index.js';
import { cliText, type CliIO } from './io.js';

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        config: { type: 'string', short: 'c' },
        locale: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        color: { type: 'boolean', default: false },
        'document-kind': { type: 'string' },
        'output-file': { type: 'string', short: 'o' },
        'follow-symlinks': { type: 'boolean', default: false },
        ignore: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return usageError(io, (e as Error).message);
  }
  const o = args.values;
  const envLocale: Locale = 'zh'; // Chinese first; --locale en or the config's locale switches
  const locale = (o.locale ?? envLocale) as Locale;
  const t = cliText(locale === 'en' ? 'en' : 'zh');
  if (o.help) {
    io.stdout.write(t.checkUsage);
    return 0;
  }
  if (o.locale && o.locale !== 'zh' && o.locale !== 'en') return usageError(io, t.badValue('locale', o.locale, ['zh', 'en']), locale);
  if (!(o.format! in FORMATTERS)) return usageError(io, t.badValue('format', o.format!, Object.keys(FORMATTERS)), locale);
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    maxWarnings = Number(o['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) return usageError(io, t.badValue('max-warnings', o['max-warnings'], ['0, 1, 2, …']), locale);
  }
  const kind = o['document-kind'];
  if (kind && !['auto', 'plan', 'report'].includes(kind)) return usageError(io, t.badValue('document-kind', kind, ['auto', 'plan', 'report']), locale);
  const cli: ConfigOverride = {};
  if (o.locale) cli.locale = locale;
  if (kind) cli.documentKind = kind as ConfigOverride['documentKind'];

  const inputs = args.positionals.length ? args.positionals : ['.'];
  const { files, errors } = await expandInputs(inputs, { cwd: io.cwd, followSymlinks: o['follow-symlinks'], ignore: o.ignore });
  let exit = 0;
  const results: FileResult[] = [];
  for (const e of errors) {
    io.stderr.write(`fengong: ${e.message[locale]}\n`);
    exit = 2;
  }
  // --fix and a Word document: refused before anything is written, whatever the other files are
  const wordFiles = o.fix ? files.filter(isWordPath) : [];
  if (wordFiles.length) {
    io.stderr.write(fixRefusal(wordFiles.map((f) => displayPath(io.cwd, f)), locale));
    return 2;
  }
  const opts: CheckFilesOptions = { configPath: o.config, locale, cli, fix: !!o.fix, quiet: !!o.quiet };
  const outcome = await checkFiles(files, opts);
  for (const m of outcome.stderr) io.stderr.write(m);
  const reportedConfigs = new Set<string>();
  for (const e of outcome.configErrors) {
    if (reportedConfigs.has(e.file)) continue;
    reportedConfigs.add(e.file);
    io.stderr.write(t.configError(e));
  }
  if (outcome.exit === 2) exit = 2;
  const byPath = new Map(outcome.results.map((r) => [r.filePath, r]));
  for (const f of files) if (byPath.has(f)) results.push(byPath.get(f)!);
  if (reportedConfigs.size) return 2; // a broken config: reported once, nothing linted on guesswork

  const color = !o['no-color'] && !process.env.NO_COLOR && (o.color || (!o['output-file'] && !!io.stdout.isTTY));
  const output = FORMATTERS[o.format!]!(results, { cwd: io.cwd, color, locale, version: io.version });
  if (o['output-file']) await writeFile(o['output-file'], output);
  else io.stdout.write(output);

  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  if (exit === 2) return 2;
  if (errorCount > 0) return 1;
  if (maxWarnings >= 0 && warningCount > maxWarnings) {
    io.stderr.write(t.tooManyWarnings(warningCount, maxWarnings));
    return 1;
  }
  return 0;
}

function usageError(io: CliIO, message: string, locale: Locale = 'zh'): number {
  io.stderr.write(cliText(locale).usageError(message));
  return 2;
}

export interface CheckFilesOptions {
  configPath?: string;
  locale: Locale;
  cli: ConfigOverride;
  fix: boolean;
  quiet: boolean;
}

export interface CheckFilesOutcome {
  results: FileResult[];
  configErrors: ConfigError[];
  stderr: string[];
  exit: 0 | 2;
}

/** Reads, fixes (with --fix) and lints files, a few reads in flight at a time. */
export async function checkFiles(files: string[], opts: CheckFilesOptions): Promise<CheckFilesOutcome> {
  const out: CheckFilesOutcome = { results: [], configErrors: [], stderr: [], exit: 0 };
  const queue = [...files];
  const one = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const read = await readPlanSource(file);
      if (!read.ok) {
        out.results.push(fatalResult(file, read.error.message[opts.locale], read.error.line ?? 1));
        out.exit = 2;
        continue;
      }
      const resolved = loadConfigForFile(file, { configPath: opts.configPath, locale: opts.locale, cli: opts.cli });
      if (resolved.error) {
        out.configErrors.push(resolved.error);
        out.exit = 2;
        continue;
      }
      let text = read.text;
      let diagnostics: Diagnostic[] | undefined;
      if (opts.fix && !read.word) {
        const fixed = fixAndLint(text, resolved.config);
        if (fixed.text === text) diagnostics = fixed.result.diagnostics;
        else {
          try {
            await writeTextPreserving(file, fixed.text, read.meta);
            text = fixed.text;
            diagnostics = fixed.result.diagnostics; // what is left after the fixes
          } catch (e) {
            const msg = e instanceof AtomicWriteError ? e.fileError.message[opts.locale] : (e as Error).message;
            out.stderr.push(`fengong: ${msg}\n`);
            out.exit = 2;
          }
        }
      }
      diagnostics ??= lint(text, resolved.config).diagnostics;
      const shown = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
      const r = read.word ? wordFileResult(file, text, shown, read.word, opts.locale) : toFileResult(file, text, shown);
      if (opts.fix && text !== read.text) r.output = true;
      out.results.push(r);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, one));
  return out;
}

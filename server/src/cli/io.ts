// What a CLI command needs from the process (so tests can run commands in-process), and the
// few ways every command talks back: usage errors, notes on stderr, its output (stdout or -o).
import type { Locale } from '../engine/types.js';
import type { ConfigError } from '../config/load.js';
import { AtomicWriteError, writeFileAtomic } from '../io/files.js';
import { errnoText, localeOfArgs, prefixedLine, text } from '../i18n/catalogue.js';
import { escapeControls } from './formatters/escape.js';
import { commandHelp, parseCommand, type CommandSpec, type ParsedValues } from './options.js';

export interface CliIO {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  /** standard input, for `check --stdin` */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  version?: string;
}

/** How every command starts: the locale read off the command line (before parsing, so that its
 *  usage errors speak it too), the options parsed, `--help` answered. A number is the exit code. */
export function startCommand(argv: string[], spec: CommandSpec, io: CliIO): { locale: Locale; values: ParsedValues; positionals: string[] } | number {
  const locale = localeOfArgs(argv);
  const parsed = parseCommand(argv, spec, locale);
  if (!parsed.ok) return usageError(io, locale, parsed.message, spec.name);
  if (parsed.values.help) {
    io.stdout.write(commandHelp(spec, locale));
    return 0;
  }
  return { locale, values: parsed.values, positionals: parsed.positionals };
}

/** A usage error: the message and where to find the command's help. Exit code 2. */
export function usageError(io: Pick<CliIO, 'stderr'>, locale: Locale, message: string, command?: string): 2 {
  io.stderr.write(prefixedLine(locale, message) + text(locale, 'cli.usageHint', { command: command ? `${command} ` : '' }) + '\n');
  return 2;
}

/** One line on stderr: `fengong：…` (file names in it may hold control characters: escaped). */
export function note(io: Pick<CliIO, 'stderr'>, locale: Locale, message: string): void {
  io.stderr.write(prefixedLine(locale, escapeControls(message)));
}

/** A confirmation on stderr (what was written): no `fengong：` in front, it is not a problem. */
export function confirm(io: Pick<CliIO, 'stderr'>, message: string): void {
  io.stderr.write(`${escapeControls(message)}\n`);
}

export function configErrorText(locale: Locale, e: ConfigError): string {
  return prefixedLine(locale, escapeControls(text(locale, 'cli.configError', { file: e.file, line: e.line, column: e.column, message: e.message })));
}

/** Writes a command's output to `-o FILE` (atomically, through io) or to stdout. False (and a
 *  message naming the file) when the file could not be written. */
export async function writeOutput(io: CliIO, locale: Locale, outputFile: string | undefined, body: string | Uint8Array | AsyncIterable<Uint8Array>, absolute: (p: string) => string): Promise<boolean> {
  if (outputFile === undefined) {
    if (typeof body === 'string' || body instanceof Uint8Array) io.stdout.write(body);
    else for await (const chunk of body) io.stdout.write(chunk);
    return true;
  }
  try {
    await writeFileAtomic(absolute(outputFile), typeof body === 'string' ? Buffer.from(body, 'utf8') : body, { output: true, name: outputFile });
    return true;
  } catch (e) {
    const message = e instanceof AtomicWriteError
      ? e.fileError.message[locale]
      : text(locale, 'cli.writeFailed', { file: outputFile, detail: errnoText(locale, (e as NodeJS.ErrnoException)?.code) });
    note(io, locale, message);
    return false;
  }
}

// Command-line options of every command, declared once: the parser, the usage errors and the
// help text all come from these tables (and README's option tables are checked against them).
// Unknown options, missing values and values outside a choice list are usage errors (exit 2),
// worded from the catalogue in the command's locale.
import { parseArgs } from 'node:util';
import { displayWidth } from './width.js';
import { text, type Locale, type MessageData, type MessageId } from '../i18n/catalogue.js';
import { DOCUMENT_KINDS } from '../engine/types.js';
import { TABLE_FORMATS, TABLE_VIEWS } from '../protocol.js';

export interface OptionDef {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** the allowed values; anything else is a usage error */
  choices?: readonly string[];
  /** placeholder shown in the help: `文件` / `FILE` */
  arg?: MessageId;
  help: MessageId;
  /** filled into the help text (`{choices}`, `{default}`) */
  helpData?: MessageData;
}

export type OptionSpec = Record<string, OptionDef>;

export interface CommandSpec {
  name: string;
  options: OptionSpec;
  /** how many positional arguments the command takes */
  positionals: 'any' | 'none';
  usage: MessageId;
  about: MessageId;
  exit?: MessageId;
}

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;
export type ParseOutcome =
  | { ok: true; values: ParsedValues; positionals: string[] }
  | { ok: false; message: string };

const LOCALES = ['zh', 'en'] as const;
const help: OptionDef = { type: 'boolean', short: 'h', help: 'option.opt.help' };
const outputFile: OptionDef = { type: 'string', short: 'o', arg: 'option.arg.file', help: 'option.opt.outputFile' };

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;

export const CHECK: CommandSpec = {
  name: 'check',
  positionals: 'any',
  usage: 'help.checkUsage',
  about: 'help.checkAbout',
  exit: 'help.checkExit',
  options: {
    format: { type: 'string', short: 'f', arg: 'option.arg.format', choices: CHECK_FORMATS, help: 'option.opt.format', helpData: { choices: CHECK_FORMATS.join(' | '), default: 'stylish' } },
    fix: { type: 'boolean', help: 'option.opt.fix' },
    'fix-dry-run': { type: 'boolean', help: 'option.opt.fixDryRun' },
    'max-warnings': { type: 'string', arg: 'option.arg.n', help: 'option.opt.maxWarnings' },
    quiet: { type: 'boolean', help: 'option.opt.quiet' },
    config: { type: 'string', short: 'c', arg: 'option.arg.path', help: 'option.opt.config' },
    'print-config': { type: 'string', arg: 'option.arg.file', help: 'option.opt.printConfig' },
    locale: { type: 'string', choices: LOCALES, help: 'option.opt.locale' },
    'document-kind': { type: 'string', choices: DOCUMENT_KINDS, help: 'option.opt.documentKind' },
    ignore: { type: 'string', multiple: true, arg: 'option.arg.glob', help: 'option.opt.ignore' },
    'follow-symlinks': { type: 'boolean', help: 'option.opt.followSymlinks' },
    stdin: { type: 'boolean', help: 'option.opt.stdin' },
    'stdin-filename': { type: 'string', arg: 'option.arg.name', help: 'option.opt.stdinFilename' },
    'baseline-update': { type: 'boolean', help: 'option.opt.baselineUpdate' },
    'baseline-prune': { type: 'boolean', help: 'option.opt.baselinePrune' },
    baseline: { type: 'string', arg: 'option.arg.file', help: 'option.opt.baseline' },
    'output-file': outputFile,
    color: { type: 'boolean', help: 'option.opt.color' },
    'no-color': { type: 'boolean', help: 'option.opt.noColor' },
    'ambiguous-wide': { type: 'boolean', help: 'option.opt.ambiguousWide' },
    concurrency: { type: 'string', arg: 'option.arg.n', help: 'option.opt.concurrency' },
    help,
  },
};

export const TABLE: CommandSpec = {
  name: 'table',
  positionals: 'any',
  usage: 'help.tableUsage',
  about: 'help.tableAbout',
  exit: 'help.tableExit',
  options: {
    by: { type: 'string', choices: TABLE_VIEWS, help: 'option.opt.by' },
    format: { type: 'string', short: 'f', choices: TABLE_FORMATS, help: 'option.opt.tableFormat' },
    'with-body': { type: 'boolean', help: 'option.opt.withBody' },
    'output-file': outputFile,
    config: { type: 'string', short: 'c', arg: 'option.arg.path', help: 'option.opt.config' },
    locale: { type: 'string', choices: LOCALES, help: 'option.opt.tableLocale' },
    help,
  },
};

export const RULES: CommandSpec = {
  name: 'rules',
  positionals: 'none',
  usage: 'help.rulesUsage',
  about: 'help.rulesAbout',
  options: { locale: { type: 'string', choices: LOCALES, help: 'option.opt.locale' }, 'output-file': outputFile, help },
};

export const INIT: CommandSpec = {
  name: 'init',
  positionals: 'none',
  usage: 'help.initUsage',
  about: 'help.initAbout',
  options: {
    locale: { type: 'string', choices: LOCALES, help: 'option.opt.initLocale' },
    'output-file': { ...outputFile, help: 'option.opt.initOutput' },
    help,
  },
};

/** The transports vscode-languageserver reads off the command line itself. */
export const LSP: CommandSpec = {
  name: 'lsp',
  positionals: 'none',
  usage: 'help.lspUsage',
  about: 'help.lspAbout',
  options: {
    stdio: { type: 'boolean', help: 'option.opt.stdio' },
    'node-ipc': { type: 'boolean', help: 'option.opt.nodeIpc' },
    socket: { type: 'string', arg: 'option.arg.port', help: 'option.opt.socket' },
    pipe: { type: 'string', arg: 'option.arg.pipe', help: 'option.opt.pipe' },
    clientProcessId: { type: 'string', arg: 'option.arg.pid', help: 'option.opt.clientProcessId' },
    locale: { type: 'string', choices: LOCALES, help: 'option.opt.lspLocale' },
    help,
  },
};

export const INSPECT: CommandSpec = {
  name: 'inspect',
  positionals: 'any',
  usage: 'help.inspectUsage',
  about: 'help.inspectAbout',
  options: {
    format: { type: 'string', short: 'f', choices: ['text', 'json'], help: 'option.opt.inspectFormat' },
    'document-kind': { type: 'string', choices: DOCUMENT_KINDS, help: 'option.opt.documentKind' },
    config: { type: 'string', short: 'c', arg: 'option.arg.path', help: 'option.opt.config' },
    locale: { type: 'string', choices: LOCALES, help: 'option.opt.locale' },
    'output-file': outputFile,
    help,
  },
};

export const COMMANDS: CommandSpec[] = [CHECK, TABLE, INSPECT, INIT, RULES, LSP];

/** Parses `argv` against the command's options. Never throws. */
export function parseCommand(argv: string[], spec: CommandSpec, locale: Locale): ParseOutcome {
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, d]) => [name, { type: d.type, ...(d.short ? { short: d.short } : {}), ...(d.multiple ? { multiple: true } : {}) }]));
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const values: ParsedValues = {};
  const positionals: string[] = [];
  const fail = (id: MessageId, data: MessageData): ParseOutcome => ({ ok: false, message: text(locale, id, data) });
  for (const tok of tokens) {
    if (tok.kind === 'option-terminator') continue;
    if (tok.kind === 'positional') {
      if (spec.positionals === 'none') return fail('cli.unexpectedArgument', { arg: tok.value });
      positionals.push(tok.value);
      continue;
    }
    const def = spec.options[tok.name];
    const shown = tok.rawName;
    if (!def) return fail('cli.unknownOption', { option: shown });
    if (def.type === 'boolean') {
      if (tok.value !== undefined) return fail('cli.unexpectedValue', { option: shown });
      values[tok.name] = true;
      continue;
    }
    // `--format --fix`: the next option is not the value the user forgot to give
    if (tok.value === undefined || (!tok.inlineValue && looksLikeOption(tok.value))) return fail('cli.missingValue', { option: shown });
    if (def.choices && !def.choices.includes(tok.value)) {
      return fail('cli.badValue', { option: `--${tok.name}`, value: tok.value, allowed: def.choices.join(locale === 'en' ? ', ' : '、') });
    }
    if (def.multiple) values[tok.name] = [...((values[tok.name] as string[] | undefined) ?? []), tok.value];
    else if (values[tok.name] !== undefined && values[tok.name] !== tok.value) return fail('cli.repeatedOption', { option: `--${tok.name}` });
    else values[tok.name] = tok.value;
  }
  return { ok: true, values, positionals };
}

const looksLikeOption = (v: string): boolean => /^--?[A-Za-z]/.test(v);

/** The command's help: usage, what it does, one aligned line per option, exit codes. */
export function commandHelp(spec: CommandSpec, locale: Locale): string {
  const rows = Object.entries(spec.options).map(([name, d]) => {
    const arg = d.arg ? ` ${text(locale, d.arg)}` : d.choices ? ` ${d.choices.join('|')}` : '';
    const head = `${d.short ? `-${d.short}, ` : '    '}--${name}${arg}`;
    return [head, text(locale, d.help, d.helpData)] as const;
  });
  const w = Math.max(...rows.map(([h]) => displayWidth(h)));
  const lines = rows.map(([h, t]) => `  ${h}${' '.repeat(w - displayWidth(h) + 2)}${t}`);
  return [text(locale, spec.usage), '', text(locale, spec.about), '', text(locale, 'help.options'), ...lines, ...(spec.exit ? ['', text(locale, spec.exit)] : []), ''].join('\n');
}

// `fengong inspect FILE… [--format text|json] [--document-kind …] [--config PATH] [--locale zh|en]`
// Why fengong judged a document as it did: genre and reasons, section roles, tasks and units.
import { isAbsolute, resolve } from 'node:path';
import { parsePlan } from '../engine/index.js';
import { explainPlan, renderExplanation } from '../engine/explain.js';
import { loadConfigForFile } from '../config/load.js';
import { configErrorText, note, startCommand, usageError, writeOutput, type CliIO } from './io.js';
import { displayPath } from './results.js';
import { INSPECT } from './options.js';
import { text } from '../i18n/catalogue.js';
import { expandInputs } from '../io/files.js';
import { placeAt, placeLabel, readPlanSource } from '../io/word-source.js';
import { escapeTerminal } from './formatters/escape.js';

export async function runInspect(argv: string[], io: CliIO): Promise<number> {
  const parsed = startCommand(argv, INSPECT, io);
  if (typeof parsed === 'number') return parsed;
  const { locale, values, positionals } = parsed;
  if (!positionals.length) return usageError(io, locale, text(locale, 'table.noFiles'), 'inspect');
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const configPath = values.config !== undefined ? abs(values.config as string) : undefined;
  const kind = values['document-kind'] as string | undefined;
  const expanded = await expandInputs(positionals, { cwd: io.cwd });
  let failed = expanded.errors.length > 0;
  for (const e of expanded.errors) note(io, locale, e.message[locale]);
  const out: string[] = [];
  const json: unknown[] = [];
  for (const path of expanded.files) {
    const read = await readPlanSource(path);
    if (!read.ok) { note(io, locale, read.error.message[locale]); failed = true; continue; }
    const loaded = loadConfigForFile(path, { configPath, locale, cli: { locale, ...(kind ? { documentKind: kind as never } : {}) } });
    if (loaded.error) { io.stderr.write(configErrorText(locale, loaded.error)); failed = true; continue; }
    const word = read.word;
    if (word?.notes.some((n) => n.kind === 'no-text')) note(io, locale, text(locale, 'office.noText', { where: displayPath(io.cwd, path) }));
    const e = explainPlan(parsePlan(read.text, word?.titleLines ? { ...loaded.config, titleLines: word.titleLines } : loaded.config), locale);
    // an office file's items are listed where Word or Excel shows them
    if (word) for (const it of e.items) it.place = placeLabel(placeAt(word, it.line - 1, it.column - 1), locale);
    const file = displayPath(io.cwd, path);
    if (values.format === 'json') json.push({ filePath: path, ...e });
    // human-readable: a heading holding `ESC[2J` must not clear the terminal (JSON escapes its own)
    else out.push(escapeTerminal(`${file}\n${renderExplanation(e, locale)}`));
  }
  const body = values.format === 'json' ? JSON.stringify(json, null, 2) + '\n' : out.join('\n');
  if (!(await writeOutput(io, locale, values['output-file'] as string | undefined, body, abs))) return 2;
  return failed ? 2 : 0;
}

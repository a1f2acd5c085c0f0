// `fengong rules`: the rules, their default severity, whether --fix fixes them, what they check.
import { resolve } from 'node:path';
import { displayWidth } from './width.js';
import { rules } from '../engine/rules/index.js';
import { text } from '../i18n/catalogue.js';
import { RULES } from './options.js';
import { startCommand, writeOutput, type CliIO } from './io.js';

export async function runRules(argv: string[], io: CliIO): Promise<number> {
  const parsed = startCommand(argv, RULES, io);
  if (typeof parsed === 'number') return parsed;
  const { locale } = parsed;
  const header = text(locale, 'report.rulesHeader').split('|');
  const rows = [header, ...rules.map((r) => [
    r.meta.id,
    text(locale, `report.${r.meta.defaultSeverity}`),
    r.meta.fixable ? text(locale, 'report.fixableMark') : '',
    r.meta.description[locale],
  ])];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i]!))));
  const body = rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell) + 2))).join('') + '\n').join('');
  return (await writeOutput(io, locale, parsed.values['output-file'] as string | undefined, body, (p) => resolve(io.cwd, p))) ? 0 : 2;
}

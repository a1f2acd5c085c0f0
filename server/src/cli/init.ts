// `fengong init`: a commented .fengongrc.json listing every rule at its default severity, in the
// locale asked for. Never overwrites: an existing file is left alone and reported (exit 2).
import { constants, promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { rules } from '../engine/rules/index.js';
import { CONFIG_FILE } from '../config/load.js';
import { errnoText, text, type Locale } from '../i18n/catalogue.js';
import { INIT } from './options.js';
import { confirm, note, startCommand, type CliIO } from './io.js';

export async function runInit(argv: string[], io: CliIO): Promise<number> {
  const parsed = startCommand(argv, INIT, io);
  if (typeof parsed === 'number') return parsed;
  const { locale } = parsed;
  const shown = (parsed.values['output-file'] as string | undefined) ?? CONFIG_FILE;
  const target = resolve(io.cwd, shown);
  let handle;
  try {
    // O_EXCL: created only if absent, even when two inits race
    handle = await fsp.open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    note(io, locale, code === 'EEXIST' ? text(locale, 'init.exists', { file: shown }) : text(locale, 'cli.writeFailed', { file: shown, detail: errnoText(locale, code) }));
    return 2;
  }
  try {
    await handle.writeFile(initialConfig(locale));
  } finally {
    await handle.close();
  }
  confirm(io, text(locale, 'init.wrote', { file: shown }));
  return 0;
}

/** The file `init` writes: valid against schemas/fengong.schema.json, every setting explained. */
export function initialConfig(locale: Locale): string {
  const t = (id: Parameters<typeof text>[1]) => text(locale, id);
  const entries = rules.map((r, i) => `"${r.meta.id}": "${r.meta.defaultSeverity}"${i < rules.length - 1 ? ',' : ''}`);
  const width = Math.max(...entries.map((e) => e.length)) + 2;
  const ruleLines = entries.map((e, i) => `    ${e.padEnd(width)}// ${rules[i]!.meta.description[locale]}`);
  return [
    t('init.header'),
    '{',
    `  ${t('init.rules')}`,
    '  "rules": {',
    ...ruleLines,
    '  },',
    `  ${t('init.documentKind')}`,
    '  "documentKind": "auto",',
    `  ${t('init.nonTaskSections')}`,
    '  "nonTaskSections": [],',
    `  ${t('init.roles')}`,
    '  // "roles": { "lead": ["主抓"], "cooperating": ["协同"] },',
    `  ${t('init.units')}`,
    '  // "units": { "办公室": ["厅办公室", "办公厅"] },',
    `  ${t('init.files')}`,
    '  "files": ["**/*.txt", "**/*.plan"],',
    `  ${t('init.ignore')}`,
    '  "ignore": [],',
    `  ${t('init.overrides')}`,
    '  // "overrides": [{ "files": ["**/*报告*.txt"], "documentKind": "report" }],',
    `  ${t('init.locale')}`,
    `  "locale": "${locale}"`,
    '}',
    '',
  ].join('\n');
}

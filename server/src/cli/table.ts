// `fengong table FILE… [--by task|unit] [--format md|csv|json|xlsx|docx] [--with-body] [-o OUT] [--config PATH] [--locale zh|en]`
// The 任务分工表 of one or more plans. Exit 0 when written, 2 on usage or I/O errors.
import { isAbsolute, resolve } from 'node:path';
import { parsePlan } from '../engine/index.js';
import { formatMessage } from '../engine/i18n/messages.js';
import { loadConfigForFile } from '../config/load.js';
import { configErrorText, note, startCommand, usageError, writeOutput, type CliIO } from './io.js';
import { displayPath } from './results.js';
import { TABLE } from './options.js';
import { text, type MessageData, type MessageId } from '../i18n/catalogue.js';
import { expandInputs, type FileError } from '../io/files.js';
import { placeAt, readPlanSource } from '../io/word-source.js';
import { buildTaskTables, type BuildOptions } from '../table/build.js';
import { BINARY_FORMATS, renderTable, type TableFormat, type TableLocale, type TableView } from '../table/render.js';
import { noUnitNotes } from '../table/office.js';
import type { PlanDocument } from '../engine/model/types.js';


const FORMAT_BY_EXT: Record<string, TableFormat> = { md: 'md', markdown: 'md', csv: 'csv', json: 'json', xlsx: 'xlsx', docx: 'docx' };

export async function runTable(argv: string[], io: CliIO): Promise<number> {
  // messages follow --locale, Chinese first (read before parsing so usage errors honour it too)
  const parsed = startCommand(argv, TABLE, io);
  if (typeof parsed === 'number') return parsed;
  const { locale: msgLocale, values, positionals } = parsed;
  const t = (id: MessageId, d?: MessageData) => text(msgLocale, id, d);
  const by = (values.by ?? 'task') as TableView;
  const out = values['output-file'] as string | undefined;
  const ext = out?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  const format = ((values.format as string | undefined) ?? (ext && FORMAT_BY_EXT[ext]) ?? 'md') as TableFormat;
  if (!positionals.length) return usageError(io, msgLocale, t('table.noFiles'), 'table');
  if (BINARY_FORMATS.includes(format) && out === undefined && io.stdout.isTTY) return usageError(io, msgLocale, t('table.xlsxTty', { format }), 'table');

  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const configPath = values.config !== undefined ? abs(values.config as string) : undefined;
  // the table's headers follow --locale, else the (first) config's locale
  let locale: TableLocale = msgLocale;
  const reportedConfigs = new Set<string>();
  let failed = false;
  const inputs: (BuildOptions & { plan: PlanDocument; file: string })[] = [];
  const fileMessage = (e: FileError): string => e.message[msgLocale];
  // files, folders (their .txt/.plan files) and globs, as `fengong check` takes them
  const expanded = await expandInputs(positionals, { cwd: io.cwd });
  for (const e of expanded.errors) {
    note(io, msgLocale, fileMessage(e));
    failed = true;
  }
  for (const path of expanded.files) {
    // the table names files as the user would: relative to where the command ran, with / separators
    const file = displayPath(io.cwd, path);
    const read = await readPlanSource(path);
    if (!read.ok) {
      note(io, msgLocale, fileMessage(read.error));
      failed = true;
      continue;
    }
    if (!read.word && read.note) note(io, msgLocale, read.note[msgLocale]); // a guessed encoding is said
    if (read.word?.notes.some((n) => n.kind === 'no-text')) note(io, msgLocale, t('office.noText', { where: file }));
    const loaded = loadConfigForFile(path, { configPath, locale: msgLocale, ...(values.locale ? { cli: { locale: msgLocale } } : {}) });
    if (loaded.error) {
      // a broken config is reported once and nothing is tabled on guesswork (the aliases it
      // declares would silently be missing)
      if (!reportedConfigs.has(loaded.error.file)) io.stderr.write(configErrorText(msgLocale, loaded.error));
      reportedConfigs.add(loaded.error.file);
      continue;
    }
    const config = loaded.config;
    if (inputs.length === 0) locale = config.locale === 'en' ? 'en' : 'zh';
    const plan = parsePlan(read.text, read.word?.titleLines ? { ...config, titleLines: read.word.titleLines } : config);
    if (!plan.tasks.length) note(io, msgLocale, plan.genre.assignsWork ? t('table.noTasks', { file }) : t('table.noTasksReport', { file, genre: formatMessage(`genre/${plan.genre.genre}`, {}, msgLocale) }));
    const input: BuildOptions & { plan: PlanDocument; file: string } = { plan, file };
    if (config.units) input.units = config.units;
    // a Word document's rows name its paragraphs
    const word = read.word;
    if (word) input.placeOf = (line, character) => placeAt(word, line, character);
    inputs.push(input);
  }
  if (reportedConfigs.size || !inputs.length) return 2;

  const table = buildTaskTables(inputs);
  // a plan whose tasks name no unit is exported, but not silently: here and in the file itself
  for (const n of noUnitNotes(table, msgLocale)) note(io, msgLocale, n);
  const body = await renderTable(table, format, by, { locale, withBody: !!values['with-body'] });
  if (!(await writeOutput(io as CliIO, msgLocale, out, body, abs))) return 2;
  // a confirmation, not a problem: no `fengong：` in front
  if (out !== undefined) io.stderr.write(t('table.wrote', { file: out, tasks: table.tasks.length, units: table.units.length }) + '\n');
  return failed ? 2 : 0;
}

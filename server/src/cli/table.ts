// `fengong table FILE… [--by task|unit] [--format md|csv|json|xlsx|docx] [--with-body] [-o OUT] [--config PATH] [--locale zh|en]`
// The 任务分工表 of one or more plans. Exit 0 when written, 2 on usage or I/O errors.
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { isAbsolute, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Locale } from '../engine/types.js';
import { parsePlan } from '../engine/index.js';
import { formatMessage } from '../engine/i18n/messages.js';
import { loadConfigForFile } from '../config/load.js';
import { configErrorText, note, startCommand, usageError, writeOutput, type CliIO } from './io.js';
import { displayPath } from './results.js';
import { TABLE, type ParsedValues } from './options.js';
import { text } from '../i18n/catalogue.js';
import { expandInputs } from '../io/files.js';
import { placeAt, readPlanSource } from '../io/word-source.js';
import { tableOfPlans, type BuildOptions } from '../table/build.js';
import { BINARY_FORMATS, tableChunks, type TableFormat, type TableLocale, type TableView } from '../table/render.js';
import { noUnitNotes } from '../table/office.js';
import type { Deflater } from '../table/zip.js';
import type { PlanDocument } from '../engine/model/types.js';
import { escapeTerminal } from './formatters/escape.js';
import { collectNow, heapFor } from './heap.js';

const FORMAT_BY_EXT: Record<string, TableFormat> = { md: 'md', markdown: 'md', csv: 'csv', json: 'json', xlsx: 'xlsx', docx: 'docx' };

/** the heap's growth while the plans are tabled: a fifth of what survived their parse (heap.ts) */
const TABLING_PERCENT = 20;

type TableInput = BuildOptions & { plan: PlanDocument; file: string };

/** What was read: the plans to table, the table's locale, and whether anything failed. */
interface TableInputs {
  inputs: TableInput[];
  locale: TableLocale;
  failed: boolean;
  brokenConfig: boolean;
}

export async function runTable(argv: string[], io: CliIO): Promise<number> {
  // messages follow --locale, Chinese first (read before parsing so usage errors honour it too)
  const parsed = startCommand(argv, TABLE, io);
  if (typeof parsed === 'number') return parsed;
  const { locale, values, positionals } = parsed;
  const out = values['output-file'] as string | undefined;
  const ext = out?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  const format = ((values.format as string | undefined) ?? (ext && FORMAT_BY_EXT[ext]) ?? 'md') as TableFormat;
  if (!positionals.length) return usageError(io, locale, text(locale, 'table.noFiles'), 'table');
  if (BINARY_FORMATS.includes(format) && out === undefined && io.stdout.isTTY) return usageError(io, locale, text(locale, 'table.xlsxTty', { format }), 'table');

  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const read = await readInputs(io, locale, positionals, values, abs);
  if (read.brokenConfig || !read.inputs.length) return 2;

  // the plans are given up as they are tabled (a plan's model is three times the size of its table),
  // the heap held near the models' size while they are, then to what the table needs (heap.ts)
  collectNow(TABLING_PERCENT);
  const table = tableOfPlans(read.inputs);
  collectNow();
  // a plan whose tasks name no unit is exported, but not silently: here and in the file itself
  for (const n of noUnitNotes(table, locale)) note(io, locale, n);
  // streamed into the file (or stdout) as it is made: a big table is never whole in memory
  const deflater = BINARY_FORMATS.includes(format) ? await threadDeflater() : undefined;
  let body = tableChunks(table, format, (values.by ?? 'task') as TableView, { locale: read.locale, withBody: !!values['with-body'] }, () => new PassThrough(), deflater);
  // md and csv shown on a terminal: a task's `ESC]0;…` must not retitle it (a file keeps the text);
  // each chunk is whole records, so no escape sequence is split between two
  if ((format === 'md' || format === 'csv') && out === undefined && io.stdout.isTTY) body = escaped(body);
  if (!(await writeOutput(io, locale, out, body, abs))) return 2;
  // a confirmation, not a problem: no `fengong：` in front
  if (out !== undefined) io.stderr.write(text(locale, 'table.wrote', { file: out, tasks: table.tasks.length, units: table.units.length }) + '\n');
  return read.failed ? 2 : 0;
}

/** Files, folders (their .txt/.plan files) and globs, as `fengong check` takes them, read and
 *  parsed under their configs; every problem is said on stderr. */
async function readInputs(io: CliIO, locale: Locale, positionals: string[], values: ParsedValues, abs: (p: string) => string): Promise<TableInputs> {
  const configPath = values.config !== undefined ? abs(values.config as string) : undefined;
  const r: TableInputs = { inputs: [], locale, failed: false, brokenConfig: false };
  const reportedConfigs = new Set<string>();
  let characters = 0; // the plans are all alive until the table is built
  const expanded = await expandInputs(positionals, { cwd: io.cwd });
  for (const e of expanded.errors) note(io, locale, e.message[locale]);
  r.failed = expanded.errors.length > 0;
  for (const path of expanded.files) {
    const read = await readPlanSource(path);
    if (!read.ok) {
      note(io, locale, read.error.message[locale]);
      r.failed = true;
      continue;
    }
    if (!read.word && read.note) note(io, locale, read.note[locale]); // a guessed encoding is said
    const file = displayPath(io.cwd, path);
    if (read.word?.notes.some((n) => n.kind === 'no-text')) note(io, locale, text(locale, 'office.noText', { where: file }));
    const loaded = loadConfigForFile(path, { configPath, locale, ...(values.locale ? { cli: { locale } } : {}) });
    if (loaded.error) {
      // a broken config is reported once and nothing is tabled on guesswork (the aliases it
      // declares would silently be missing)
      if (!reportedConfigs.has(loaded.error.file)) io.stderr.write(configErrorText(locale, loaded.error));
      reportedConfigs.add(loaded.error.file);
      r.brokenConfig = true;
      continue;
    }
    // the table's headers follow --locale, else the (first) config's locale
    if (r.inputs.length === 0) r.locale = loaded.config.locale === 'en' ? 'en' : 'zh';
    // an office file's own title (Word's Title style) comes before any guess from the text
    const config = read.word?.titleLines ? { ...loaded.config, titleLines: read.word.titleLines } : loaded.config;
    heapFor((characters += read.text.length));
    const input: TableInput = { plan: parsePlan(read.text, config), file };
    sayNoTasks(io, locale, input);
    if (loaded.config.units) input.units = loaded.config.units;
    // a Word document's rows name its paragraphs
    const word = read.word;
    if (word) input.placeOf = (line, character) => placeAt(word, line, character);
    r.inputs.push(input);
  }
  return r;
}

async function* escaped(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) yield Buffer.from(escapeTerminal(Buffer.from(c).toString('utf8')), 'utf8');
}

function sayNoTasks(io: CliIO, locale: Locale, { plan, file }: TableInput): void {
  if (plan.tasks.length) return;
  note(io, locale, plan.genre.assignsWork ? text(locale, 'table.noTasks', { file }) : text(locale, 'table.noTasksReport', { file, genre: formatMessage(`genre/${plan.genre.genre}`, {}, locale) }));
}

/** zlib's deflate and CRC-32 for the office files' zips (table/zip.ts): each piece ends with a sync
 *  flush, the last one ends the stream */
export const nodeDeflater: Deflater = {
  deflate: (piece, final, level) => deflateRawSync(piece, { level, finishFlush: final ? zlibConstants.Z_FINISH : zlibConstants.Z_SYNC_FLUSH }),
  ...(typeof crc32 === 'function' ? { crc32: (piece: Uint8Array, crc: number) => crc32(piece, crc) } : {}),
};

/** nodeDeflater, with the sheets and document bodies encoded, summed and deflated on a thread of
 *  their own (zip-thread.ts, loaded only for an office format) */
export async function threadDeflater(): Promise<Deflater> {
  const { zipThread } = await import('./zip-thread.js');
  return { ...nodeDeflater, offThread: zipThread };
}

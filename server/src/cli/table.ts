// `fengong table FILE… [--by task|unit] [--format md|csv|json|xlsx|docx] [--with-body] [-o OUT] [--config PATH] [--locale zh|en]`
// The 任务分工表 of one or more plans. Exit 0 when written, 2 on usage or I/O errors.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlan } from '../engine/index.js';
import { loadConfigForFile } from '../config/load.js';
import { cliText } from './io.js';
import { AtomicWriteError, expandInputs, writeFileAtomic, type FileError } from '../io/files.js';
import { placeAt, readPlanSource } from '../io/word-source.js';
import { buildTaskTables } from '../table/build.js';
import { BINARY_FORMATS, renderTable, TABLE_FORMATS, TABLE_VIEWS, type TableFormat, type TableLocale, type TableView } from '../table/render.js';
import { noUnitNotes } from '../table/office.js';
import type { BuildOptions } from '../table/build.js';
import type { PlanDocument } from '../engine/model/types.js';

export interface TableIO {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  cwd: string;
}

const MSG = {
  zh: {
    usage: `用法：fengong table 文件… [--by task|unit] [--format md|csv|json|xlsx|docx] [--with-body] [-o 输出文件] [--config 配置文件] [--locale zh|en]

把工作要点/任务分工（.txt、.docx、.doc）转成任务分工表。
  --by task|unit        按任务（默认）或按单位
  --format FORMAT       md（默认）、csv（带 BOM，Excel/WPS 可直接打开）、json、
                        xlsx、docx（可直接印发的表格：标题、分组行、A4 横向；需 -o）
  --with-body           工作任务栏在任务标题下列出其正文（工作要求）
  -o, --output 文件     写入文件；未给 --format 时按扩展名选择格式
  -c, --config 路径         使用该配置文件，不再向上查找 .fengongrc.json
  --locale zh|en        表头语言
`,
    bad: (what: string) => `fengong table：${what}\n（fengong table --help 查看用法）\n`,
    noFiles: '没有给出文件',
    badValue: (opt: string, v: string, allowed: readonly string[]) => `--${opt} 的值“${v}”无效，可选：${allowed.join('、')}`,
    xlsxTty: (f: string) => `${f} 是二进制文件，不能写到终端；请用 -o 文件.${f} 指定输出文件（或重定向到文件）`,
    writeFailed: (f: string, e: string) => `fengong table：无法写入 ${f}：${e}\n`,
    wrote: (f: string, n: number, u: number) => `已写入 ${f}（${n} 项任务，${u} 个单位）\n`,
    noTasks: (f: string, report: boolean) => `fengong table：${f} 中没有任务${report ? '（工作报告、总结不列任务）' : '（未找到带编号的任务）'}\n`,
  },
  en: {
    usage: `Usage: fengong table FILE… [--by task|unit] [--format md|csv|json|xlsx|docx] [--with-body] [-o OUT] [--config PATH] [--locale zh|en]

The task table (任务分工表) of one or more plans (.txt, .docx, .doc).
  --by task|unit        one row per task (default) or per unit
  --format FORMAT       md (default), csv (with a BOM for Excel/WPS), json,
                        xlsx, docx (the table as an office circulates it: title, group rows, A4 landscape; need -o)
  --with-body           the task column also holds the task's body (工作要求)
 -o, --output FILE     write to FILE; without --format the extension picks the format
  -c, --config PATH         use this config instead of looking up .fengongrc.json
  --locale zh|en        language of the headers
`,
    bad: (what: string) => `fengong table: ${what}\n(see fengong table --help)\n`,
    noFiles: 'no files given',
    badValue: (opt: string, v: string, allowed: readonly string[]) => `invalid value "${v}" for --${opt}; allowed: ${allowed.join(', ')}`,
    xlsxTty: (f: string) => `${f} is a binary file and is not written to a terminal; give -o FILE.${f} (or redirect to a file)`,
    writeFailed: (f: string, e: string) => `fengong table: cannot write ${f}: ${e}\n`,
    wrote: (f: string, n: number, u: number) => `wrote ${f} (${n} tasks, ${u} units)\n`,
    noTasks: (f: string, report: boolean) => `fengong table: ${f} has no tasks${report ? ' (a work report lists none)' : ' (no numbered tasks found)'}\n`,
  },
};

const errorText = (e: unknown): string => {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
};

const FORMAT_BY_EXT: Record<string, TableFormat> = { md: 'md', markdown: 'md', csv: 'csv', json: 'json', xlsx: 'xlsx', docx: 'docx' };

export async function runTable(argv: string[], io: TableIO): Promise<number> {
  // messages follow --locale, Chinese first (read before parsing so usage errors honour it too)
  const localeArg = argv.find((a, i) => argv[i - 1] === '--locale' || a.startsWith('--locale='));
  const msgLocale: TableLocale = localeArg?.replace(/^--locale=/, '') === 'en' ? 'en' : 'zh';
  const m = MSG[msgLocale];

  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        by: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        locale: { type: 'string' },
        'with-body': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr.write(m.bad(errorText(e)));
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(m.usage);
    return 0;
  }
  if (values.locale !== undefined && values.locale !== 'zh' && values.locale !== 'en') {
    io.stderr.write(m.bad(m.badValue('locale', values.locale, ['zh', 'en'])));
    return 2;
  }
  const by = (values.by ?? 'task') as TableView;
  if (!TABLE_VIEWS.includes(by)) {
    io.stderr.write(m.bad(m.badValue('by', String(values.by), TABLE_VIEWS)));
    return 2;
  }
  const out = values.output;
  const ext = out?.match(/\.([A-Za-z]+)$/)?.[1]?.toLowerCase();
  const format = (values.format ?? (ext && FORMAT_BY_EXT[ext]) ?? 'md') as TableFormat;
  if (!TABLE_FORMATS.includes(format)) {
    io.stderr.write(m.bad(m.badValue('format', String(values.format), TABLE_FORMATS)));
    return 2;
  }
  if (!positionals.length) {
    io.stderr.write(m.bad(m.noFiles));
    return 2;
  }
  if (BINARY_FORMATS.includes(format) && out === undefined && io.stdout.isTTY) {
    io.stderr.write(m.bad(m.xlsxTty(format)));
    return 2;
  }

  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const configPath = values.config !== undefined ? abs(values.config) : undefined;
  // the table's headers follow --locale, else the (first) config's locale
  let locale: TableLocale = msgLocale;
  const reportedConfigs = new Set<string>();
  let failed = false;
  const inputs: (BuildOptions & { plan: PlanDocument; file: string })[] = [];
  const fileMessage = (e: FileError): string => e.message[msgLocale];
  // files, folders (their .txt/.plan files) and globs, as `fengong check` takes them
  const expanded = await expandInputs(positionals, { cwd: io.cwd });
  for (const e of expanded.errors) {
    io.stderr.write(`fengong table: ${fileMessage(e)}\n`);
    failed = true;
  }
  for (const path of expanded.files) {
    // the table names files as the user would: relative to where the command ran, with / separators
    const rel = relative(io.cwd, path);
    const file = (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path).split(sep).join('/');
    const read = await readPlanSource(path);
    if (!read.ok) {
      io.stderr.write(`fengong table: ${fileMessage(read.error)}\n`);
      failed = true;
      continue;
    }
    const loaded = loadConfigForFile(path, { configPath, locale: msgLocale, ...(values.locale ? { cli: { locale: msgLocale } } : {}) });
    if (loaded.error) {
      // a broken config is reported once and nothing is tabled on guesswork (the aliases it
      // declares would silently be missing)
      if (!reportedConfigs.has(loaded.error.file)) io.stderr.write(cliText(msgLocale).configError(loaded.error));
      reportedConfigs.add(loaded.error.file);
      continue;
    }
    const config = loaded.config;
    if (inputs.length === 0) locale = config.locale === 'en' ? 'en' : 'zh';
    const plan = parsePlan(read.text, config);
    if (!plan.tasks.length) io.stderr.write(m.noTasks(file, plan.kind === 'report'));
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
  for (const note of noUnitNotes(table, msgLocale)) io.stderr.write(`${msgLocale === 'en' ? 'fengong table: ' : 'fengong table：'}${note}\n`);
  const body = await renderTable(table, format, by, { locale, withBody: !!values['with-body'] });
  if (out !== undefined) {
    try {
      await writeFileAtomic(abs(out), body);
    } catch (e) {
      io.stderr.write(e instanceof AtomicWriteError ? `fengong table: ${e.fileError.message[msgLocale]}\n` : m.writeFailed(out, errorText(e)));
      return 2;
    }
    io.stderr.write(m.wrote(out, table.tasks.length, table.units.length));
  } else {
    io.stdout.write(body);
  }
  return failed ? 2 : 0;
}

// The one catalogue of fengong's own user-facing strings — the CLI, the configuration loader,
// file I/O and the task-table command — Chinese first, English with `--locale en`. Rule messages
// stay with the engine (server/src/engine); the language server's words and the task table's
// labels are here too.
// `{name}` placeholders are filled from the data; a test keeps both languages' placeholders equal
// and every entry in use.
import type { Locale } from '../engine/types.js';
import type { UnitRole } from '../engine/model/types.js';

export type { Locale } from '../engine/types.js';

type Entry = { zh: string; en: string };

const CLI = {
  prefix: { zh: 'fengong：', en: 'fengong: ' },
  usageHint: { zh: '（运行 fengong {command}--help 查看用法）', en: '(run fengong {command}--help for usage)' },
  unknownOption: { zh: '未知选项“{option}”', en: 'unknown option “{option}”' },
  missingValue: { zh: '选项 {option} 需要一个值', en: 'option {option} needs a value' },
  unexpectedValue: { zh: '选项 {option} 不带值', en: 'option {option} takes no value' },
  repeatedOption: { zh: '选项 {option} 只能给一次', en: 'option {option} is given more than once' },
  badValue: { zh: '{option} 的值“{value}”无效，可选：{allowed}', en: 'invalid value “{value}” for {option}; allowed: {allowed}' },
  badInteger: { zh: '{option} 的值“{value}”无效：应为不小于 {min} 的整数', en: 'invalid value “{value}” for {option}: an integer of at least {min}' },
  unexpectedArgument: { zh: '多余的参数“{arg}”', en: 'unexpected argument “{arg}”' },
  unknownCommand: { zh: '未知命令“{command}”', en: 'unknown command “{command}”' },
  conflict: { zh: '{a} 不能与 {b} 同用', en: '{a} cannot be combined with {b}' },
  requires: { zh: '{a} 需要同时给出 {b}', en: '{a} needs {b}' },
  stdinFix: { zh: '--fix 不能与 --stdin 同用（没有文件可写回）：请改用 --fix-dry-run 查看修复结果', en: '--fix cannot be combined with --stdin (there is no file to write back); use --fix-dry-run to see the fixed text' },
  stdinWithFiles: { zh: '给了 --stdin 就不能再给文件：“{arg}”', en: 'no files may be given with --stdin: “{arg}”' },
  stdinTty: { zh: '--stdin 需要从管道或文件读入计划（例如 fengong check --stdin < 计划.txt），标准输入现在是终端', en: '--stdin reads the plan from a pipe or a file (e.g. fengong check --stdin < plan.txt); standard input is a terminal' },
  internalError: { zh: '内部错误：{detail}\n请把这条信息和出错的文件一起报告给 fengong 的开发者。', en: 'internal error: {detail}\nPlease report it together with the file that caused it.' },
  fileFailed: { zh: '检查 {file} 时内部出错，该文件未检查：{detail}\n请把这条信息和该文件一起报告给 fengong 的开发者；其他文件照常检查。', en: 'internal error while checking {file}; the file was not checked: {detail}\nPlease report it together with the file; the other files were checked as usual.' },
  workerDied: { zh: '检查 {file} 时工作线程意外退出（{detail}），该文件未检查；其他文件照常检查。可用 --concurrency off 在单个线程中重试。', en: 'the worker thread stopped while checking {file} ({detail}); the file was not checked, the other files were. Retry it in one thread with --concurrency off.' },
  badConcurrency: { zh: '--concurrency 的值“{value}”无效：应为 auto、off 或正整数', en: 'invalid value “{value}” for --concurrency: auto, off or a positive integer' },
  tooManyWarnings: { zh: '警告 {n} 个，超过 --max-warnings {max}', en: '{n} warnings exceed --max-warnings {max}' },
  configError: {
    zh: '配置文件 {file}:{line}:{column} 有误：{message}\n  请按 schemas/fengong.schema.json 修改该文件，或用 --config 指定其他配置。',
    en: 'configuration {file}:{line}:{column} is invalid: {message}\n  Fix the file (see schemas/fengong.schema.json) or pass another one with --config.',
  },
  ignoredFile: { zh: '{file} 按 {config} 的 ignore 设置跳过，未检查', en: '{file} is skipped by the ignore setting of {config}; not checked' },
  writeFailed: { zh: '无法写入 {file}：{detail}', en: 'cannot write {file}: {detail}' },
  wordNumbering: {
    zh: '{where}起有 {count} 处 Word 自动编号无法还原（{detail}）：这些段落按无序号检查，序号连续性未检查。请在 Word 中把自动编号转换为文本，或改用常见的编号格式。',
    en: '{count} automatic list numbers from {where} on could not be recovered ({detail}): those paragraphs are checked without their numbers and the numbering sequence is not checked. In Word, convert the list numbers to text or use a common numbering format.',
  },
  wordFix: {
    zh: '--fix 不能修改 Word 文档（{files}），未做任何修改。请在 Word 或 WPS 中修改，或把计划另存为纯文本（UTF-8）后再用 --fix。',
    en: '--fix cannot change Word documents ({files}); nothing was changed. Make the fixes in Word or WPS, or save the plan as plain text (UTF-8) and run --fix on that.',
  },
} satisfies Record<string, Entry>;

const HELP = {
  main: {
    zh: `fengong —— 工作要点、工作方案、任务分工的检查工具

用法：
  fengong check [文件|文件夹|通配符…] [选项]   检查序号、责任单位、成对标点（默认检查当前文件夹）
  fengong table 文件… [选项]                  生成任务分工表（md、csv、json、xlsx）
  fengong init [选项]                         在当前文件夹写一份带注释的 .fengongrc.json
  fengong inspect 文件… [选项]                说明如何理解文件：文种、各部分作用、任务及责任单位
  fengong rules [选项]                        列出全部规则
  fengong lsp --stdio                         启动语言服务器（供 VS Code、Neovim 等编辑器使用）
  fengong --version                           显示版本
  fengong --help                              显示本帮助

运行“fengong 命令 --help”查看该命令的选项，例如 fengong check --help。
`,
    en: `fengong — a linter for Chinese government work plans (工作要点, 工作方案, 任务分工)

Usage:
  fengong check [files|folders|globs…] [options]  check numbering, responsible units, paired punctuation (default: .)
  fengong table FILE… [options]                   the task table (md, csv, json, xlsx)
  fengong init [options]                          write a commented .fengongrc.json here
  fengong inspect FILE… [options]                 how fengong reads a file: genre, sections, tasks and units
  fengong rules [options]                         list the rules
  fengong lsp --stdio                             start the language server (VS Code, Neovim, any LSP editor)
  fengong --version                               print the version
  fengong --help                                  print this help

Run "fengong COMMAND --help" for a command's options, e.g. fengong check --help.
`,
  },
  checkUsage: { zh: '用法：fengong check [文件|文件夹|通配符…] [选项]', en: 'Usage: fengong check [files|folders|globs…] [options]' },
  checkAbout: {
    zh: '检查序号、责任单位和成对标点。文件夹表示其中的 **/*.txt 和 **/*.plan（配置的 files 可以改）。',
    en: 'Checks numbering, responsible units and paired punctuation. A folder means its **/*.txt and **/*.plan files (the config\'s files can change that).',
  },
  checkExit: {
    zh: '退出码：0 没有错误；1 有错误（或警告超过 --max-warnings）；2 用法、配置或读写错误。',
    en: 'Exit codes: 0 no errors; 1 errors (or more warnings than --max-warnings); 2 usage, configuration or I/O errors.',
  },
  tableUsage: { zh: '用法：fengong table 文件… [选项]', en: 'Usage: fengong table FILE… [options]' },
  tableAbout: { zh: '把工作要点、任务分工（.txt、.docx、.doc）转成任务分工表。', en: 'The task table (任务分工表) of one or more plans (.txt, .docx, .doc).' },
  tableExit: { zh: '退出码：0 已生成；2 用法、配置或读写错误。', en: 'Exit codes: 0 written; 2 usage, configuration or I/O errors.' },
  inspectUsage: { zh: '用法：fengong inspect 文件… [选项]', en: 'Usage: fengong inspect FILE… [options]' },
  inspectAbout: {
    zh: '说明 fengong 如何理解文件：文种及依据、各部分的作用（任务、总体要求、范围、流程、按单位分工…）、每项任务及其责任单位。',
    en: 'Shows how fengong reads a file: its genre and why, each section\'s role (tasks, framing, scope, procedure, by unit…), each task and its units.',
  },
  rulesUsage: { zh: '用法：fengong rules [选项]', en: 'Usage: fengong rules [options]' },
  rulesAbout: { zh: '列出全部规则：默认级别、能否自动修复、检查什么。', en: 'Lists the rules: default severity, whether --fix can fix them, what they check.' },
  initUsage: { zh: '用法：fengong init [选项]', en: 'Usage: fengong init [options]' },
  initAbout: {
    zh: '写一份带注释的 .fengongrc.json（列出全部规则及其默认级别）；文件已存在时不覆盖。',
    en: 'Writes a commented .fengongrc.json (every rule at its default severity); never overwrites an existing file.',
  },
  lspUsage: { zh: '用法：fengong lsp [--stdio | --node-ipc | --socket=端口 | --pipe=名称]', en: 'Usage: fengong lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]' },
  lspAbout: { zh: '启动语言服务器（默认使用标准输入输出）。', en: 'Starts the language server (standard input and output by default).' },
  options: { zh: '选项：', en: 'Options:' },
} satisfies Record<string, Entry>;

/** `--option 参数  说明` lines of the help, one per option (placeholder `arg.*`, text `opt.*`) */
const OPTIONS = {
  'arg.format': { zh: '格式', en: 'FORMAT' },
  'arg.n': { zh: 'N', en: 'N' },
  'arg.path': { zh: '路径', en: 'PATH' },
  'arg.file': { zh: '文件', en: 'FILE' },
  'arg.glob': { zh: '通配符', en: 'GLOB' },
  'arg.name': { zh: '文件名', en: 'NAME' },
  'arg.port': { zh: '端口', en: 'PORT' },
  'arg.pipe': { zh: '名称', en: 'NAME' },
  'arg.pid': { zh: '进程号', en: 'PID' },
  'opt.format': { zh: '输出格式：{choices}（默认 {default}）', en: 'output format: {choices} (default {default})' },
  'opt.fix': { zh: '自动修复可安全修复的问题（按原编码、BOM、换行写回）', en: 'apply safe fixes (written back in the file\'s encoding, BOM and line endings)' },
  'opt.fixDryRun': { zh: '计算修复但不写回；json 格式的结果带修复后的全文（output）', en: 'compute the fixes without writing them; the json format gets the fixed text (output)' },
  'opt.maxWarnings': { zh: '警告超过 N 个时退出码为 1', en: 'exit 1 when there are more than N warnings' },
  'opt.quiet': { zh: '只报告错误', en: 'report errors only' },
  'opt.config': { zh: '使用该配置文件，不再向上查找 .fengongrc.json', en: 'use this config instead of the nearest .fengongrc.json' },
  'opt.printConfig': { zh: '打印该文件生效的配置（JSON），不做检查', en: 'print the configuration that applies to FILE (JSON) and check nothing' },
  'opt.locale': { zh: '提示语言：zh（默认）或 en', en: 'message language: zh (default) or en' },
  'opt.documentKind': { zh: '文档类型：auto（默认，按标题文种和正文判断）、plan（工作计划）、report（报告总结）、regulation（规章）、notice（通知函件）、other', en: 'document kind: auto (default, from the title\'s genre word and the body), plan, report, regulation, notice, other' },
  'opt.inspectFormat': { zh: '输出格式：text（默认）| json', en: 'output format: text (default) | json' },
  'opt.ignore': { zh: '跳过匹配的文件和文件夹（相对当前文件夹，可重复）', en: 'skip matching files and folders (relative to the working folder; repeatable)' },
  'opt.followSymlinks': { zh: '跟随指向检查范围以外的符号链接', en: 'follow symlinks leading outside the given paths' },
  'opt.stdin': { zh: '从标准输入读入计划', en: 'read the plan from standard input' },
  'opt.stdinFilename': { zh: '标准输入的文件名（用于查找配置和基线、报告位置）', en: 'file name of standard input (for the config, the baseline and the report)' },
  'opt.baselineUpdate': { zh: '把当前的全部问题写入基线 .fengong-baseline.json，以后只报告新问题', en: 'write every current problem to the baseline .fengong-baseline.json; later runs report only new ones' },
  'opt.baselinePrune': { zh: '从基线中删去已不再出现的问题', en: 'remove the problems that no longer occur from the baseline' },
  'opt.baseline': { zh: '基线文件（默认：从当前文件夹向上最近的 .fengong-baseline.json，没有时在当前文件夹新建）', en: 'the baseline file (default: the nearest .fengong-baseline.json from the working folder up, else a new one here)' },
  'opt.outputFile': { zh: '输出写入文件，不写到终端', en: 'write the output to FILE instead of standard output' },
  'opt.color': { zh: '总是使用颜色', en: 'always use colours' },
  'opt.noColor': { zh: '不使用颜色（也可设 NO_COLOR）', en: 'no colours (or set NO_COLOR)' },
  'opt.ambiguousWide': { zh: '把 “” ‘’ … 等宽度不定的字符算作两列（中文 Windows 终端；也可设 FENGONG_AMBIGUOUS_WIDE=1）', en: 'count “” ‘’ … and other ambiguous-width characters as two columns (Chinese Windows terminals; or set FENGONG_AMBIGUOUS_WIDE=1)' },
  'opt.concurrency': { zh: '用几个线程检查：auto（默认，文件多、机器有多核时才用工作线程）、off（单线程）或线程数 N；结果与单线程完全相同', en: 'threads that check the files: auto (default: worker threads only for many files on a multi-core machine), off (one thread) or a number N; the output is the same as with one thread' },
  'opt.help': { zh: '显示本帮助', en: 'print this help' },
  'opt.by': { zh: '按任务（task，默认）或按单位（unit）列表', en: 'one row per task (task, default) or per unit (unit)' },
  'opt.tableFormat': {
    zh: '表格格式：md（默认）、csv（带 BOM，Excel/WPS 直接打开）、json、xlsx、docx（可直接印发的表格：标题、分组行、A4 横向）；未给时按 -o 的扩展名',
    en: 'table format: md (default), csv (with a BOM for Excel/WPS), json, xlsx, docx (the table as an office circulates it: title, group rows, A4 landscape); without it, from the extension of -o',
  },
  'opt.withBody': { zh: '工作任务栏在任务标题下列出其正文（工作要求）', en: 'the task column also holds the task\'s body (工作要求)' },
  'opt.tableLocale': { zh: '表头和提示语言：zh（默认）或 en', en: 'language of the headers and messages: zh (default) or en' },
  'opt.initOutput': { zh: '写到该文件（默认 .fengongrc.json）', en: 'write to FILE (default .fengongrc.json)' },
  'opt.initLocale': { zh: '注释和提示语言：zh（默认）或 en', en: 'language of the comments: zh (default) or en' },
  'opt.stdio': { zh: '通过标准输入输出通信（默认）', en: 'talk over standard input and output (default)' },
  'opt.nodeIpc': { zh: '通过 Node.js IPC 通信', en: 'talk over Node.js IPC' },
  'opt.socket': { zh: '通过该 TCP 端口通信', en: 'talk over this TCP port' },
  'opt.pipe': { zh: '通过该命名管道通信', en: 'talk over this named pipe' },
  'opt.lspLocale': { zh: '本帮助和用法错误的语言；编辑器中的提示语言随编辑器（或设置 fengong.locale）', en: 'language of this help and of usage errors; in the editor, messages follow the editor (or the fengong.locale setting)' },
  'opt.clientProcessId': { zh: '编辑器进程号：编辑器退出时服务器随之退出', en: 'the editor\'s process id: the server exits when it does' },
} satisfies Record<string, Entry>;

const REPORT = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '提示', en: 'info' },
  off: { zh: '关闭', en: 'off' },
  summary: { zh: '共 {total} 个问题（{errors} 个错误，{warnings} 个警告）', en: '{total} {problems} ({errors} {errorWord}, {warnings} {warningWord})' },
  fixableBoth: { zh: '其中 {errors} 个错误、{warnings} 个警告可用 `--fix` 自动修复。', en: '{errors} {errorWord} and {warnings} {warningWord} potentially fixable with the `--fix` option.' },
  fixableErrors: { zh: '其中 {errors} 个错误可用 `--fix` 自动修复。', en: '{errors} {errorWord} potentially fixable with the `--fix` option.' },
  fixableWarnings: { zh: '其中 {warnings} 个警告可用 `--fix` 自动修复。', en: '{warnings} {warningWord} potentially fixable with the `--fix` option.' },
  suppressed: { zh: '另有 {n} 个问题记在基线 {file} 中，未列出。', en: '{n} more {problems} recorded in the baseline {file}, not listed.' },
  noProblems: { zh: '没有发现问题（{files} 个文件）。', en: 'No problems ({files} {fileWord}).' },
  ghSummaryLine: { zh: 'fengong：{files} 个文件，共 {total} 个问题（{errors} 个错误，{warnings} 个警告）', en: 'fengong: {files} {fileWord}, {total} {problems} ({errors} {errorWord}, {warnings} {warningWord})' },
  ghCapNote: {
    zh: 'GitHub 每一步最多显示 10 个错误和 10 个警告注释；完整列表见本次运行的摘要（Summary）。',
    en: 'GitHub shows at most 10 error and 10 warning annotations per step; the run\'s summary lists them all.',
  },
  ghTitle: { zh: 'fengong 检查结果', en: 'fengong results' },
  ghByRule: { zh: '按规则', en: 'By rule' },
  ghRule: { zh: '规则', en: 'Rule' },
  ghErrors: { zh: '错误', en: 'Errors' },
  ghWarnings: { zh: '警告', en: 'Warnings' },
  ghByFile: { zh: '各文件的前 {n} 个问题', en: 'The first {n} problems of each file' },
  ghWhere: { zh: '位置', en: 'Where' },
  ghLevel: { zh: '级别', en: 'Level' },
  ghMessage: { zh: '问题', en: 'Problem' },
  ghMore: { zh: '……另有 {n} 个问题未列出（用 --format json 或 sarif 查看全部）', en: '… and {n} more (use --format json or sarif to see them all)' },
  ghClean: { zh: '没有发现问题。', en: 'No problems found.' },
  ghSuppressed: { zh: '另有 {n} 个问题记在基线中。', en: '{n} more in the baseline.' },
  sarifJustification: { zh: '记在 fengong 基线中', en: 'in the fengong baseline' },
  rulesHeader: { zh: '规则|默认|可修复|检查什么', en: 'rule|default|fixable|what it checks' },
  fixableMark: { zh: '✓', en: 'yes' },
} satisfies Record<string, Entry>;

const BASELINE = {
  written: { zh: '已写入基线 {file}：{files} 个文件共 {n} 个问题。以后只报告不在基线中的问题。', en: 'Wrote the baseline {file}: {n} {problems} in {files} {fileWord}. Later runs report only problems not in it.' },
  pruned: { zh: '已从基线 {file} 删去 {n} 条不再出现的记录。', en: 'Removed {n} {entryWord} that no longer occur from the baseline {file}.' },
  unchanged: { zh: '基线 {file} 无需更改。', en: 'The baseline {file} needs no change.' },
  stale: {
    zh: '基线 {file} 中有 {n} 条记录已不再出现（问题已改正）：运行 fengong check --baseline-prune 删去它们。',
    en: '{n} {entryWord} of the baseline {file} no longer occur (fixed): run fengong check --baseline-prune to remove them.',
  },
  unreadable: { zh: '无法读取基线文件 {file}：{detail}', en: 'cannot read the baseline {file}: {detail}' },
  tooLarge: {
    zh: '基线文件 {file} 过大（{bytes} 字节，上限 {max} 字节），未读取：请检查是否给错了文件，或删除它后用 --baseline-update 重新生成。',
    en: 'the baseline {file} is too large ({bytes} bytes, at most {max}) and was not read: check that this is the right file, or delete it and run --baseline-update again.',
  },
  invalid: {
    zh: '基线文件 {file} 格式有误（{detail}）：请删除它后用 --baseline-update 重新生成。',
    en: 'the baseline {file} is malformed ({detail}): delete it and run --baseline-update again.',
  },
  invalidJson: { zh: '不是有效的 JSON', en: 'not valid JSON' },
  invalidShape: { zh: '不是 fengong 基线（应有 "version": 1 和 "files"）', en: 'not a fengong baseline ("version": 1 and "files" expected)' },
  withStdin: { zh: '--baseline-update 和 --baseline-prune 需要文件，不能与 --stdin 同用', en: '--baseline-update and --baseline-prune need files and cannot be combined with --stdin' },
} satisfies Record<string, Entry>;

const INIT = {
  exists: { zh: '{file} 已存在，未覆盖：请先查看或删除它。', en: '{file} already exists and was not overwritten: look at it or delete it first.' },
  wrote: { zh: '已写入 {file}：修改其中的规则级别，或按注释添加设置。', en: 'Wrote {file}: change the rules\' severities or add settings as its comments say.' },
  header: {
    zh: '// fengong 配置（JSON，可写注释）。检查一个文件时，从它所在的文件夹向上找最近的 .fengongrc.json。\n// 结构见 fengong 的 schemas/fengong.schema.json；在 VS Code 中编辑时自动补全和校验。',
    en: '// fengong configuration (JSON with comments). A checked file uses the nearest .fengongrc.json from its folder upwards.\n// Its structure: fengong\'s schemas/fengong.schema.json; VS Code completes and validates it as you type.',
  },
  rules: { zh: '// 规则的级别："error" | "warning" | "info" | "off"；带选项时写 [级别, { 选项 }]', en: '// each rule\'s severity: "error" | "warning" | "info" | "off"; with options, [severity, { options }]' },
  documentKind: { zh: '// 文档类型：auto（按标题判断，含“报告”“总结”为报告）| plan | report', en: '// document kind: auto (from the title: 报告 or 总结 make a report) | plan | report' },
  nonTaskSections: { zh: '// 追加不含任务的章节标题（“总体要求”“保障措施”等已内置）', en: '// more section headings that hold no tasks (总体要求, 保障措施 and the like are built in)' },
  roles: { zh: '// 额外的单位角色词，例如：', en: '// extra unit-role words, for example:' },
  units: { zh: '// 规范单位名称及其别名（写了就检查别名），例如：', en: '// canonical unit names and their aliases (then aliases are reported), for example:' },
  files: { zh: '// 给出文件夹时检查其中哪些文件（相对本文件所在文件夹的通配符）', en: '// which files a folder means (globs relative to this file\'s folder)' },
  ignore: { zh: '// 跳过的文件和文件夹（通配符，同上），例如 ["草稿/**"]', en: '// files and folders to skip (globs, as above), e.g. ["drafts/**"]' },
  overrides: { zh: '// 按文件名覆盖设置，例如：', en: '// settings for some files only, for example:' },
  locale: { zh: '// 提示语言：zh | en', en: '// message language: zh | en' },
} satisfies Record<string, Entry>;

const TABLE = {
  noFiles: { zh: '没有给出文件', en: 'no files given' },
  xlsxTty: { zh: '{format} 是二进制文件，不能写到终端；请用 -o 文件.{format} 指定输出文件（或重定向到文件）', en: '{format} is a binary file and is not written to a terminal; give -o FILE.{format} (or redirect to a file)' },
  wrote: { zh: '已写入 {file}（{tasks} 项任务，{units} 个单位）', en: 'wrote {file} ({tasks} tasks, {units} units)' },
  noTasks: { zh: '{file} 中没有任务（未找到带编号的任务）', en: '{file} has no tasks (no numbered tasks found)' },
  noTasksReport: { zh: '{file} 中没有任务（{genre}，不列任务；可用 fengong inspect 查看判断依据）', en: '{file} has no tasks ({genre}; fengong inspect shows why)' },
} satisfies Record<string, Entry>;

const CONFIG = {
  syntax: { zh: '配置文件 JSON 语法错误：{detail}', en: 'Invalid JSON in the configuration: {detail}' },
  schema: { zh: '配置项 {path} 无效：{detail}', en: 'Configuration {path} is invalid: {detail}' },
  unreadable: { zh: '无法读取配置文件：{detail}', en: 'Cannot read the configuration: {detail}' },
  allowed: { zh: '可用的值：{values}', en: 'allowed: {values}' },
  unknownKey: { zh: '未知的配置项“{key}”（可用：{values}）', en: 'unknown key “{key}” (allowed: {values})' },
  root: { zh: '（整个文件）', en: '(root)' },
  empty: { zh: '文件是空的', en: 'the file is empty' },
  notFile: { zh: '不是普通文件（文件夹、管道或设备）', en: 'not a regular file (a folder, pipe or device)' },
  tooLarge: { zh: '配置文件过大（{bytes} 字节，上限 {max} 字节）：配置只需几 KB，请检查是否给错了文件', en: 'the configuration is too large ({bytes} bytes, at most {max}): a configuration takes a few KB; check that this is the right file' },
  tooDeep: { zh: '嵌套超过 {max} 层：配置只需三四层，请检查括号', en: 'nested more than {max} levels deep: a configuration needs three or four; check the brackets' },
  badGlob: { zh: '通配符“{glob}”不能使用：{why}', en: 'the glob “{glob}” cannot be used: {why}' },
  globNegatedGroup: { zh: '不支持 !(…)；请改用开头的 !（整个通配符取反）或 ignore', en: '!(…) is not supported; negate the whole glob with a leading ! or use ignore' },
  globTooLong: { zh: '超过 {max} 个字符', en: 'longer than {max} characters' },
  // jsonc-parser's ParseErrorCode names
  'parse.InvalidSymbol': { zh: '无效的符号', en: 'invalid symbol' },
  'parse.InvalidNumberFormat': { zh: '数字格式有误', en: 'invalid number format' },
  'parse.PropertyNameExpected': { zh: '此处应为带引号的配置项名', en: 'a quoted property name is expected' },
  'parse.ValueExpected': { zh: '此处应为一个值', en: 'a value is expected' },
  'parse.ColonExpected': { zh: '缺少冒号“:”', en: 'a colon “:” is expected' },
  'parse.CommaExpected': { zh: '缺少逗号“,”', en: 'a comma “,” is expected' },
  'parse.CloseBraceExpected': { zh: '缺少右花括号“}”', en: 'a closing brace “}” is expected' },
  'parse.CloseBracketExpected': { zh: '缺少右方括号“]”', en: 'a closing bracket “]” is expected' },
  'parse.EndOfFileExpected': { zh: '配置结束后还有多余内容', en: 'unexpected content after the end' },
  'parse.InvalidCommentToken': { zh: '注释写法有误', en: 'invalid comment' },
  'parse.UnexpectedEndOfComment': { zh: '注释没有结束（缺少“*/”）', en: 'unterminated comment (missing “*/”)' },
  'parse.UnexpectedEndOfString': { zh: '字符串没有结束（缺少引号）', en: 'unterminated string (missing quote)' },
  'parse.UnexpectedEndOfNumber': { zh: '数字没有写完', en: 'unterminated number' },
  'parse.InvalidUnicode': { zh: '无效的 Unicode 转义', en: 'invalid Unicode escape' },
  'parse.InvalidEscapeCharacter': { zh: '无效的转义字符', en: 'invalid escape character' },
  'parse.InvalidCharacter': { zh: '字符串中有无效字符（如未转义的换行）', en: 'invalid character in a string (such as an unescaped line break)' },
  // ajv keywords of the schema (schemas/fengong.schema.json)
  'schema.type': { zh: '应为{type}', en: 'must be {type}' },
  'schema.enum': { zh: '可用的值：{values}', en: 'allowed: {values}' },
  'schema.required': { zh: '缺少必填项“{property}”', en: 'the required key “{property}” is missing' },
  'schema.oneOf': { zh: '写法不对：应为级别（"error" 等），或 [级别, 选项]', en: 'not a valid form: a severity ("error" …) or [severity, options]' },
  'schema.uniqueItems': { zh: '第 {j} 项与第 {i} 项重复', en: 'items {j} and {i} are the same' },
  'schema.minItems': { zh: '至少要有 {limit} 项', en: 'must have at least {limit} items' },
  'schema.maxItems': { zh: '最多只能有 {limit} 项', en: 'must have at most {limit} items' },
  'schema.minLength': { zh: '不能为空', en: 'must not be empty' },
  'schema.minimum': { zh: '应不小于 {limit}', en: 'must be at least {limit}' },
  'schema.maximum': { zh: '应不大于 {limit}', en: 'must be at most {limit}' },
  'schema.other': { zh: '不符合配置的结构（{keyword}）', en: 'does not fit the configuration schema ({keyword})' },
  'type.string': { zh: '字符串', en: 'a string' },
  'type.number': { zh: '数字', en: 'a number' },
  'type.integer': { zh: '整数', en: 'an integer' },
  'type.boolean': { zh: 'true 或 false', en: 'true or false' },
  'type.array': { zh: '数组 [ … ]', en: 'an array [ … ]' },
  'type.object': { zh: '对象 { … }', en: 'an object { … }' },
  'type.null': { zh: 'null', en: 'null' },
} satisfies Record<string, Entry>;

const IO = {
  ENOENT: { zh: '找不到文件或文件夹 {path}：请检查路径是否正确。', en: '{path}: no such file or folder; check the path.' },
  EISDIR: {
    zh: '{path} 是文件夹，此处需要文件：请给出文件路径，或在路径末尾加 / 以检查整个文件夹。',
    en: '{path} is a folder where a file was expected; give a file, or end the path with / to check the whole folder.',
  },
  EACCES: { zh: '没有权限读取 {path}{detail}：请检查文件权限。', en: '{path}: permission denied{detail}; check the file\'s permissions.' },
  ELOOP: { zh: '{path} 的符号链接形成循环：请修正链接。', en: '{path}: symbolic link loop; fix the link.' },
  'not-file': { zh: '{path} 不是普通文件（管道、套接字或设备）：已跳过。', en: '{path} is not a regular file (pipe, socket or device); skipped.' },
  binary: {
    zh: '{path} 是二进制文件，不是文本{detail}：已跳过；若是 Word/WPS 文档，请另存为纯文本（UTF-8）。',
    en: '{path} is a binary file, not text{detail}; skipped. If it is a Word/WPS document, save it as plain text (UTF-8).',
  },
  undecodable: {
    zh: '无法识别 {path} 的编码{detail}：请用记事本或 WPS 另存为 UTF-8 编码后重试。',
    en: '{path}: cannot tell its text encoding{detail}; save it as UTF-8 (e.g. Notepad or WPS "Save as") and try again.',
  },
  'too-large': { zh: '{path} 过大{detail}：已跳过；请拆分文件后再检查。', en: '{path} is too large{detail}; skipped. Split the file and check the parts.' },
  'no-match': { zh: '{path} 没有匹配到任何计划文件：请检查路径、通配符或扩展名设置。', en: '{path} matched no plan files; check the path, the glob or the configured extensions.' },
  'bad-glob': { zh: '通配符“{path}”不能使用{detail}：请改写后重试。', en: 'the glob “{path}” cannot be used{detail}; rewrite it and try again.' },
  'write-failed': {
    zh: '写入 {path} 失败{detail}：原文件保持不变；请检查磁盘空间和写入权限。',
    en: 'could not write {path}{detail}; the original file is unchanged. Check free disk space and write permission.',
  },
  'read-only': {
    zh: '{path} 是只读文件（或你没有写入权限），未写入{detail}：请先修改该文件的权限后重试。',
    en: '{path} is read-only (or you may not write it) and was not written{detail}; change its permissions and try again.',
  },
  changed: {
    zh: '{path} 在读取后被其他程序修改过，未写入，以免覆盖这些修改{detail}：请重新运行。',
    en: '{path} was changed by another program after it was read and was not written, so as not to overwrite those changes{detail}; run again.',
  },
  interrupted: {
    zh: '{path} 上次修复（--fix）写到一半被中断，文件可能已损坏，本次未修复它。修复前的原文保存在 {original}：请核对后用它恢复文件（如 cp），再删除 {journal}。',
    en: 'the last fix (--fix) of {path} was interrupted mid-write and the file may be damaged; it was not fixed this time. Its original is kept in {original}: check it, restore the file from it (e.g. cp), then delete {journal}.',
  },
  restored: {
    zh: '{path} 在写入修复的同时被其他程序修改：已把该程序写入的内容放回原处，修复未保存{detail}：请重新运行。',
    en: '{path} was changed by another program while the fix was being written: that program\'s content was put back and the fix was not saved{detail}; run again.',
  },
  'output-target': {
    zh: '不能写入输出文件 {path}{detail}：请用 -o 给出一个文件的路径（文件夹会自动创建）。',
    en: 'cannot write the output file {path}{detail}; give -o the path of a file (missing folders are created).',
  },
  EIO: { zh: '读取 {path} 时出错{detail}：请检查磁盘或网络驱动器后重试。', en: '{path}: read error{detail}; check the disk or network drive and try again.' },
  detail: { zh: '（{detail}）', en: ' ({detail})' },
  // why a file is not text, or which encoding failed where (io/encoding.ts)
  'why.nul': { zh: '第 {offset} 字节是 NUL，且没有 UTF-16 BOM', en: 'NUL byte at offset {offset} and no UTF-16 BOM' },
  'why.control': { zh: '前 {n} 个字节中有 {control} 个控制字符', en: '{control} of the first {n} bytes are control bytes' },
  'why.oddBytes': { zh: '有 {encoding} BOM，但字节数 {bytes} 是奇数', en: '{encoding} with BOM has an odd number of bytes ({bytes})' },
  'why.afterBom': { zh: '有 {encoding} BOM，但第 {offset} 字节不是有效的 {encoding}', en: 'invalid {encoding} after a {encoding} BOM at byte {offset}' },
  'why.legacy': { zh: '第 {line} 行（第 {offset} 字节）既不是有效的 UTF-8，也不是 GB18030', en: 'invalid UTF-8 at byte {offset} (line {line}); not GB18030 either' },
  assumedGb: {
    zh: '{path} 按 GB18030（GBK）编码读取：它的字节也可以按 UTF-8 读，但读出来不是中文。若结果是乱码，请把文件另存为 UTF-8。',
    en: '{path} is read as GB18030 (GBK): its bytes are valid UTF-8 too, but as UTF-8 they are not Chinese. If the results look garbled, save the file as UTF-8.',
  },
  'why.rawName': { zh: '文件名不是 UTF-8 编码，fengong 不改写这样的文件；请把文件改名后重试', en: 'its name is not UTF-8, and fengong does not rewrite such files; rename the file and try again' },
  'why.special': { zh: '不是普通文件，而是套接字或块设备', en: 'a socket or block device, not a regular file' },
  'why.size': { zh: '{bytes} 字节，上限 {max} 字节', en: '{bytes} bytes > {max}' },
  'why.sizeStream': { zh: '超过 {max} 字节的上限', en: 'more than the limit of {max} bytes' },
  // errno codes, for the detail of read and write failures
  'errno.ENOENT': { zh: '文件或文件夹不存在', en: 'no such file or folder' },
  'errno.ENOTDIR': { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  'errno.EACCES': { zh: '没有权限', en: 'permission denied' },
  'errno.EPERM': { zh: '不允许此操作', en: 'operation not permitted' },
  'errno.EROFS': { zh: '只读文件系统', en: 'read-only file system' },
  'errno.ENOSPC': { zh: '磁盘空间不足', en: 'no space left on the device' },
  'errno.EDQUOT': { zh: '超出磁盘配额', en: 'disk quota exceeded' },
  'errno.EISDIR': { zh: '这是一个文件夹', en: 'it is a folder' },
  'errno.EEXIST': { zh: '已存在', en: 'already exists' },
  'errno.EBUSY': { zh: '文件正被占用', en: 'the file is busy' },
  'errno.EMFILE': { zh: '打开的文件过多', en: 'too many open files' },
  'errno.ELOOP': { zh: '符号链接循环', en: 'symbolic link loop' },
  'errno.ENAMETOOLONG': { zh: '文件名过长', en: 'file name too long' },
  'errno.EIO': { zh: '磁盘读写错误', en: 'I/O error' },
  'errno.other': { zh: '系统错误 {code}', en: 'system error {code}' },
} satisfies Record<string, Entry>;

/** Every string, by `area.key` id: `cli.unknownOption`, `io.ENOENT`, `config.parse.CommaExpected`. */

/** the language server's own words (hovers, outline details, action titles, request errors) */
const LSP = {
units: { zh: '责任单位', en: 'units' },
  noUnits: { zh: '未写明', en: 'none named' },
  byRemit: { zh: '按职责分工负责', en: 'each within its remit' },
  inherited: { zh: '统一列明', en: 'declared once' },
  deadline: { zh: '时限', en: 'deadline' },
  tasks: { zh: '{n} 项任务', en: '{n} tasks' },
  taskAt: { zh: '第 {line} 行', en: 'line {line}' },
  lineCol: { zh: '第 {line} 行第 {col} 列', en: 'line {line}, column {col}' },
  unitHeader: { zh: '**{name}**：共 {n} 项任务', en: '**{name}**: {n} tasks' },
  aliases: { zh: '另写作：{names}', en: 'also written: {names}' },
  pairPartner: { zh: '配对的“{char}”在{at}', en: 'its partner “{char}” is at {at}' },
  pairShouldBe: { zh: '应在{at}补上“{char}”', en: '“{char}” belongs at {at}' },
  fixAll: { zh: '修复全部 fengong 问题', en: 'Fix all fengong problems' },
  configBroken: { zh: '配置文件 {file} 有误（第 {line} 行第 {col} 列{path}），已按默认设置检查：{message}', en: 'The configuration {file} is broken (line {line}, column {col}{path}); checking with the defaults: {message}' },
  configPath: { zh: '，{path}', en: ', {path}' },
  exportUnknownFormat: { zh: '不支持的导出格式“{format}”（可用：{formats}）', en: 'Unsupported export format “{format}” ({formats})' },
  exportUnknownBy: { zh: '不支持的分组方式“{by}”（可用：{views}）', en: 'Unsupported grouping “{by}” ({views})' },
  unknownDocument: { zh: '文档未打开：{uri}', en: 'Document not open: {uri}' },
  lostSync: {
    zh: 'fengong 收到了 {file} 的无效修改（{why}），已不能确定它的内容，暂停检查它：请关闭后重新打开该文件。',
    en: 'fengong received an invalid edit of {file} ({why}) and can no longer tell its text; it is no longer checked. Close the file and open it again.',
  },
  unitFromConfig: { zh: '规范名称（配置）', en: 'canonical name (config)' },
  unitAlias: { zh: '别名，写作“{name}”', en: 'alias: writes “{name}”' },
  unitInPlan: { zh: '本计划 {n} 处', en: '{n} in this plan' },
  unitInWorkspace: { zh: '工作区 {n} 份计划', en: 'in {n} workspace plans' },
  roleWord: { zh: '承担方式', en: 'role' },
  nextMarker: { zh: '下一个序号', en: 'next number' },
  skeleton: { zh: '责任单位括注', en: 'unit clause' },
  skeletonDoc: { zh: '本任务还没有写明责任单位：填上牵头单位和配合单位', en: 'This task names no unit yet: fill in the lead and the cooperating units' },
  lensSection: { zh: '{tasks} 项任务 · 牵头单位 {leads} 个', en: '{tasks} tasks · {leads} lead units' },
  lensMissing: { zh: ' · {n} 项未写明单位', en: ' · {n} without units' },
  lensPreview: { zh: '预览任务分工表', en: 'Preview task table' },
  lensExport: { zh: '导出', en: 'Export' },
  inlayInherited: { zh: '沿用：{text}', en: 'inherits: {text}' },
  renameNotUnit: { zh: '这里不是单位名称：请把光标放在任务中写明的单位名称上', en: 'Not a unit name: put the cursor on a unit a task names' },
  renameSkipped: { zh: '以下计划不是 UTF-8 编码且未在编辑器中打开，重命名未修改它们：{files}。请在编辑器中打开后再重命名一次。', en: 'These plans are not UTF-8 and not open in the editor, so the rename left them alone: {files}. Open them and rename again.' },
  renameInvalid: { zh: '新名称“{name}”不能作单位名称：不能为空，不能含换行、括号或“、，；：”', en: '“{name}” cannot be a unit name: it must not be empty or hold a line break, a bracket or 、，；：' },
} satisfies Record<string, Entry>;

/** unit roles and how the tables and hovers qualify them */
const ROLE = {
  lead: { zh: '牵头', en: 'lead' },
  responsible: { zh: '负责', en: 'responsible' },
  cooperating: { zh: '配合', en: 'cooperating' },
  guiding: { zh: '指导', en: 'guiding' },
  each: { zh: '分别{role}', en: 'each {role}' },
  separatelyLead: { zh: '（分别牵头）', en: ' (each leads)' },
  separatelyResponsible: { zh: '（分别负责）', en: ' (each responsible)' },
  separatelyCooperating: { zh: '（分别配合）', en: ' (each cooperates)' },
  separatelyGuiding: { zh: '（分别指导）', en: ' (each guides)' },
  inherited: { zh: '（统一明确：{text}）', en: '(declared once: {text})' },
} satisfies Record<string, Entry>;

/** the columns of the text formats of the task table (md, csv, json headers) */
const GRID = {
  file: { zh: '文件', en: 'File' },
  path: { zh: '序号', en: 'No.' },
  title: { zh: '任务', en: 'Task' },
  lead: { zh: '牵头单位', en: 'Lead' },
  responsible: { zh: '责任单位', en: 'Responsible' },
  cooperating: { zh: '配合单位', en: 'Cooperating' },
  guiding: { zh: '指导单位', en: 'Guiding' },
  deadline: { zh: '完成时限', en: 'Deadline' },
  line: { zh: '行号', en: 'Line' },
  place: { zh: '位置', en: 'Position' },
  unit: { zh: '单位', en: 'Unit' },
  role: { zh: '承担方式', en: 'Role' },
  listSep: { zh: '、', en: '、' },
  refSep: { zh: '；', en: '; ' },
} satisfies Record<string, Entry>;

/** the printed table (xlsx, docx, the preview) */
const SHEET = {
  number: { zh: '序号', en: 'No.' },
  text: { zh: '工作任务', en: 'Task' },
  lead: { zh: '牵头单位', en: 'Lead unit' },
  units: { zh: '责任单位（配合单位）', en: 'Responsible (cooperating) units' },
  guiding: { zh: '指导单位', en: 'Guiding unit' },
  role: { zh: '承担方式', en: 'Role' },
  deadline: { zh: '完成时限', en: 'Deadline' },
  cooperatingToo: { zh: '；配合：', en: '; cooperating: ' },
  table: { zh: '任务分工表', en: 'Task table' },
  unitHead: { zh: '{name}（{parts}）', en: '{name} ({parts})' },
  partsSep: { zh: '，', en: ', ' },
  count: { zh: '{role}{n}项', en: '{role} {n}' },
  noUnits: {
    zh: '注意：{doc}的 {n} 项任务均未写明责任单位，表中单位栏为空，请补充后再印发。',
    en: 'Note: none of the {n} tasks in {doc} names a responsible unit; the unit columns are empty. Add the units before circulating the table.',
  },
  thisPlan: { zh: '本计划', en: 'this plan' },
  sep: { zh: '、', en: '、' },
  deadlineSep: { zh: '；', en: '; ' },
} satisfies Record<string, Entry>;

/** office files (Word, WPS, Excel): positions a Word or Excel user can find, and what could not be read */
const OFFICE = {
  paragraph: { zh: '第{paragraph}段', en: 'paragraph {paragraph}' },
  tableCell: { zh: '表{table}第{row}行第{cell}列', en: 'table {table} row {row} column {cell}' },
  textBox: { zh: '文本框{box}第{paragraph}段', en: 'text box {box} paragraph {paragraph}' },
  cell: { zh: '工作表“{sheet}”第{row}行{column}列', en: '{sheet}!{column}{row}' },
  quote: { zh: '“{quote}”', en: ' “{quote}”' },
  oldSheet: {
    zh: '{path} 是 Excel 97–2003 或 WPS 表格文件（.xls/.et）{detail}，fengong 无法读取：请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）后重试。',
    en: '{path} is an Excel 97–2003 or WPS spreadsheet (.xls/.et){detail}, which fengong cannot read; save it as an Excel workbook (.xlsx) in Excel or WPS and try again.',
  },
  openDocument: {
    zh: '{path} 是 OpenDocument 文件（.odt/.ods）{detail}，fengong 无法读取：请在 WPS、Word 或 LibreOffice 中另存为 .docx（表格另存为 .xlsx）后重试。',
    en: '{path} is an OpenDocument file (.odt/.ods){detail}, which fengong cannot read; save it as .docx (a spreadsheet as .xlsx) in WPS, Word or LibreOffice and try again.',
  },
  sheetCorrupt: {
    zh: '{path} 不是有效的 Excel 工作簿，可能已损坏{detail}：请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试。',
    en: '{path} is not a valid Excel workbook; it may be damaged{detail}. Open it in Excel or WPS, save it as .xlsx and try again.',
  },
  notSheet: {
    zh: '{path} 不是 Excel 工作簿{detail}：请给出 .xlsx 文件；Word 文档请用 .docx 扩展名。',
    en: '{path} is not an Excel workbook{detail}; give an .xlsx file (a Word document needs the .docx extension).',
  },
  noText: {
    zh: '{where}没有可检查的文字（可能只有图片或扫描件）：请提供含文字的文档，或先用文字识别（OCR）转换。',
    en: '{where} holds no text to check (perhaps only pictures or a scanned page); give a document with text, or convert it with OCR first.',
  },
  thisFile: { zh: '此文件', en: 'This file' },
  whole: { zh: '全文', en: 'whole file' },
  docNumbering: {
    zh: '此 .doc 文档使用了 Word 自动编号，旧版 .doc 中的自动编号无法还原：这些段落按无序号检查，序号连续性未检查。请另存为 .docx 后重试。',
    en: 'This .doc uses Word automatic list numbers, which cannot be recovered from the old .doc format: those paragraphs are checked without their numbers and the numbering sequence is not checked. Save it as .docx and try again.',
  },
} satisfies Record<string, Entry>;

/** the VS Code extension's words (client/src) */
const CLIENT = {
  notPlainText: { zh: '当前编辑器不是 .txt 纯文本文件。', en: 'The active editor is not a plain-text .txt file.' },
  noEditor: { zh: '没有打开的编辑器。', en: 'No active editor.' },
  noPlan: { zh: '请先打开一个工作计划文件（语言模式为“工作计划”）。', en: 'Open a work plan first (language mode "Work plan").' },
  noFixes: { zh: '没有可自动修复的 fengong 问题。', en: 'No auto-fixable fengong problems.' },
  pickFormat: { zh: '选择导出格式', en: 'Export format' },
  pickBy: { zh: '按什么组织任务分工表', en: 'Organise the task table by' },
  byTask: { zh: '按任务', en: 'By task' },
  byTaskDetail: { zh: '每项任务一行：序号、任务、牵头/责任/配合/指导单位、时限', en: 'One row per task: number, task, lead/responsible/cooperating/guiding units, deadline' },
  byUnit: { zh: '按单位', en: 'By unit' },
  byUnitDetail: { zh: '每个单位一组：牵头、负责、配合的任务及数量', en: 'One group per unit: the tasks it leads, is responsible for, cooperates on, with counts' },
  fmtMd: { zh: 'Markdown 表格', en: 'Markdown table' },
  fmtCsv: { zh: 'CSV（带 BOM，Excel/WPS 可直接打开）', en: 'CSV (with BOM, opens in Excel/WPS)' },
  fmtJson: { zh: 'JSON', en: 'JSON' },
  fmtXlsx: { zh: 'Excel 工作簿 (.xlsx)：可直接印发的表格', en: 'Excel workbook (.xlsx): the table ready to circulate' },
  fmtDocx: { zh: 'Word 文档 (.docx)：可直接印发的表格', en: 'Word document (.docx): the table ready to circulate' },
  previewTitle: { zh: '任务分工表', en: 'Task table' },
  sortHint: { zh: '点击“牵头单位”“责任单位”表头按单位排序（再点倒序，第三次恢复原顺序）；点击一行跳到该任务。', en: 'Click the lead or responsible unit header to sort by unit (again: reverse, a third time: document order); click a row to go to its task.' },
  exportAs: { zh: '导出为', en: 'Export as' },
  wordFailed: { zh: '无法读取 Word 文档：{detail}', en: 'Cannot read the Word document: {detail}' },
  saveLabel: { zh: '导出', en: 'Export' },
  exported: { zh: '任务分工表已导出：{file}', en: 'Task table exported: {file}' },
  open: { zh: '打开', en: 'Open' },
  serverNotReady: { zh: 'fengong 语言服务器尚未就绪。', en: 'The fengong language server is not ready.' },
  failed: { zh: 'fengong：{message}', en: 'fengong: {message}' },
  tasks: { zh: '{n} 项任务', en: '{n} tasks' },
  task1: { zh: '1 项任务', en: '1 task' },
  emptyTable: { zh: '此文档中没有找到任务分工。', en: 'No task assignments found in this document.' },
} satisfies Record<string, Entry>;

/** the web page's words (web/src) */
const WEB = {
  pageTitle: { zh: 'fengong 分工：工作要点、任务分工检查', en: 'fengong: work plan checker' },
  tagline: { zh: '检查序号、责任单位、成对标点，生成任务分工表', en: 'Checks numbering, responsible units and paired punctuation; makes the task table' },
  open: { zh: '打开文件', en: 'Open a file' },
  paste: { zh: '粘贴或编辑文本', en: 'Paste or edit text' },
  check: { zh: '检查', en: 'Check' },
  fixAll: { zh: '修复全部', en: 'Fix all' },
  download: { zh: '下载文本', en: 'Download the text' },
  otherLanguage: { zh: 'English', en: '中文' },
  zoomIn: { zh: '字大', en: 'A+' },
  zoomOut: { zh: '字小', en: 'A−' },
  zoomInTitle: { zh: '放大文字（投影时用）', en: 'Larger text (for a projector)' },
  zoomOutTitle: { zh: '缩小文字', en: 'Smaller text' },
  dropHint: { zh: '把计划文件（.txt、.docx）拖到这里，或点“打开文件”选择，或点“粘贴或编辑文本”粘贴。', en: 'Drop a plan (.txt, .docx) here, choose one with “Open a file”, or paste it with “Paste or edit text”.' },
  privacy: { zh: '本页不联网：文件只在本机浏览器中检查，不会上传到任何地方。', en: 'This page uses no network: the file is checked in this browser and is never uploaded.' },
  pastePlaceholder: { zh: '在此粘贴计划全文，然后点“检查”（Ctrl+Enter）', en: 'Paste the whole plan here, then click “Check” (Ctrl+Enter)' },
  pastedName: { zh: '粘贴的计划.txt', en: 'pasted-plan.txt' },
  problems: { zh: '问题（{n}）', en: 'Problems ({n})' },
  outline: { zh: '大纲', en: 'Outline' },
  inspect: { zh: '文种与任务', en: 'Genre and tasks' },
  noProblems: { zh: '没有发现问题。', en: 'No problems found.' },
  noOutline: { zh: '没有找到带序号的标题。', en: 'No numbered headings found.' },
  timing: { zh: '检查用时 {ms} 毫秒', en: 'checked in {ms} ms' },
  unreadable: { zh: '无法读取 {file}：{why}。请另存为 UTF-8 纯文本后重试。', en: 'cannot read {file}: {why}. Save it as UTF-8 plain text and try again.' },
  unsupported: { zh: '不能打开“{file}”：本页读取 {exts} 文件（扩展名“{ext}”不在其中）。请另存为其中一种，或复制全文粘贴进来。', en: 'cannot open “{file}”: the page reads {exts} files (not “{ext}”). Save it as one of them, or copy and paste the whole text.' },
  exportFailed: { zh: '导出 {format} 失败：{detail}', en: 'exporting {format} failed: {detail}' },
  internalError: { zh: '页面出错：{detail}。屏幕上的文本没有改动；请把这条信息和文件一起报告给 fengong 的开发者。', en: 'the page failed: {detail}. The text on screen is unchanged; please report this message together with the file.' },
  example: { zh: '先看一个示例计划', en: 'Try an example plan' },
  kindAuto: { zh: '文种：自动判断', en: 'Genre: automatic' },
  kindTitle: { zh: '按什么文种检查（同 --document-kind）：自动判断时依据标题和正文，判断有误时可在此指定', en: 'Check the plan as this genre (as --document-kind): automatic reads the title and body; choose one where it reads wrong' },
  discard: { zh: '{file} 的修改还没有下载保存，打开新文件将丢弃这些修改。继续吗？', en: 'The changes to {file} have not been downloaded; opening another file discards them. Continue?' },
} satisfies Record<string, Entry>;

export const CATALOGUE = {
  ...prefixed('cli', CLI),
  ...prefixed('help', HELP),
  ...prefixed('option', OPTIONS),
  ...prefixed('report', REPORT),
  ...prefixed('baseline', BASELINE),
  ...prefixed('init', INIT),
  ...prefixed('table', TABLE),
  ...prefixed('config', CONFIG),
  ...prefixed('io', IO),
  ...prefixed('office', OFFICE),
  ...prefixed('lsp', LSP),
  ...prefixed('role', ROLE),
  ...prefixed('grid', GRID),
  ...prefixed('sheet', SHEET),
  ...prefixed('client', CLIENT),
  ...prefixed('web', WEB),
};

export type MessageId = keyof typeof CATALOGUE;
export type MessageData = Record<string, string | number>;

type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}.${K}`]: Entry };

function prefixed<P extends string, T extends Record<string, Entry>>(p: P, table: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`${p}.${k}`, v])) as Prefixed<P, T>;
}

/** The message `id` in `locale`, placeholders filled. English plural words are filled in too:
 *  `{problems}`, `{errorWord}`, `{warningWord}`, `{fileWord}`, `{entryWord}` follow `n`/`total`,
 *  `errors`, `warnings`, `files`. */
export function text(locale: Locale, id: MessageId, data: MessageData = {}): string {
  const entry: Entry = CATALOGUE[id];
  const tpl = entry[locale === 'en' ? 'en' : 'zh'];
  const words = locale === 'en' ? pluralWords(data) : {};
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => (k in data ? String(data[k]) : k in words ? words[k]! : `{${k}}`));
}

function pluralWords(d: MessageData): Record<string, string> {
  const one = (v: string | number | undefined) => Number(v) === 1;
  return {
    problems: one(d.total ?? d.n) ? 'problem' : 'problems',
    errorWord: one(d.errors) ? 'error' : 'errors',
    warningWord: one(d.warnings) ? 'warning' : 'warnings',
    fileWord: one(d.files) ? 'file' : 'files',
    entryWord: one(d.n) ? 'entry' : 'entries',
  };
}

/** `fengong：message` (zh) / `fengong: message` (en), one line. */
export function prefixedLine(locale: Locale, message: string): string {
  return `${text(locale, 'cli.prefix')}${message}\n`;
}

/** Locale of a command line before it is parsed, so that even its usage errors speak it. */
export function localeOfArgs(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--locale') return argv[i + 1] === 'en' ? 'en' : 'zh';
    if (a.startsWith('--locale=')) return a.slice(9) === 'en' ? 'en' : 'zh';
  }
  return 'zh';
}

/** The Chinese (or English) words for a Node errno code. */
export function errnoText(locale: Locale, code: string | undefined): string {
  const id = `io.errno.${code}` as MessageId;
  return id in CATALOGUE ? text(locale, id) : text(locale, 'io.errno.other', { code: code ?? '?' });
}

const ROLE_IDS = { lead: 'role.lead', responsible: 'role.responsible', cooperating: 'role.cooperating', guiding: 'role.guiding' } as const;
const SEPARATELY_IDS = { lead: 'role.separatelyLead', responsible: 'role.separatelyResponsible', cooperating: 'role.separatelyCooperating', guiding: 'role.separatelyGuiding' } as const;

/** 牵头 / lead, … */
export const roleName = (locale: Locale, role: UnitRole): string => text(locale, ROLE_IDS[role]);
/** （分别牵头） / (each leads), … */
export const separatelyName = (locale: Locale, role: UnitRole): string => text(locale, SEPARATELY_IDS[role]);
/** the name of a role the server sent; an unknown one as it came */
export const roleNameOrSelf = (locale: Locale, role: string): string => (Object.hasOwn(ROLE_IDS, role) ? roleName(locale, role as UnitRole) : role);
/** every role's name, or its 分别 form, by role */
export function roleNames(locale: Locale, separately = false): Record<UnitRole, string> {
  const of = separately ? separatelyName : roleName;
  return { lead: of(locale, 'lead'), responsible: of(locale, 'responsible'), cooperating: of(locale, 'cooperating'), guiding: of(locale, 'guiding') };
}

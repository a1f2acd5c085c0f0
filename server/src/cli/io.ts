// What a CLI command needs from the process (so tests can run commands in-process), and the
// CLI's own texts, Chinese first.
import type { Locale } from '../engine/types.js';
import type { ConfigError } from '../config/load.js';

export interface CliIO {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
  cwd: string;
  version: string;
}

const TEXTS = {
  zh: {
    usage: `fengong —— 工作要点、工作方案、任务分工的检查工具

用法：
  fengong check [文件|文件夹|通配符…]   检查序号、责任单位、成对标点（默认检查当前文件夹）
  fengong table 文件… [--by task|unit]  生成任务分工表（md、csv、json、xlsx）
  fengong lsp --stdio                    启动语言服务器（供 VS Code、Neovim 等编辑器使用）
  fengong rules                          列出全部规则
  fengong --version

运行“fengong check --help”查看检查选项。
`,
    checkUsage: `用法：fengong check [文件|文件夹|通配符…] [选项]

文件夹表示其中的 **/*.txt 和 **/*.plan。
  -f, --format stylish|json|sarif|github  输出格式（默认 stylish）
      --fix                     自动修复可安全修复的问题（按原编码、BOM、换行写回）
      --max-warnings N          警告超过 N 个时退出码为 1
      --quiet                   只报告错误
  -c, --config 路径             使用该配置文件，不再向上查找 .fengongrc.json
      --locale zh|en            提示语言
      --document-kind auto|plan|report  文档类型（默认按标题判断）
      --ignore 通配符           跳过匹配的文件（可重复）
      --follow-symlinks         跟随指向检查范围以外的符号链接
  -o, --output-file 文件        输出写入文件
      --no-color                不使用颜色
退出码：0 无错误；1 有错误（或警告超过上限）；2 用法、配置或读写错误。
`,
    usageError: (m: string) => `fengong：${m}\n（运行 fengong --help 查看用法）\n`,
    badValue: (opt: string, v: string, allowed: string[]) => `--${opt} 的值“${v}”无效，可选：${allowed.join('、')}`,
    unknownCommand: (c: string) => `未知命令“${c}”`,
    configError: (e: ConfigError) => `fengong：配置文件 ${e.file}:${e.line}:${e.column} 有误：${e.message}\n  请按 schemas/fengong.schema.json 修改该文件，或用 --config 指定其他配置。\n`,
    tooManyWarnings: (n: number, max: number) => `fengong：警告 ${n} 个，超过 --max-warnings ${max}\n`,
  },
  en: {
    usage: `fengong — a linter for Chinese government work plans (工作要点, 工作方案, 任务分工)

Usage:
  fengong check [files|folders|globs…]  check numbering, responsible units, paired punctuation (default: .)
  fengong table FILE… [--by task|unit]  the task table (md, csv, json, xlsx)
  fengong lsp --stdio                   start the language server (VS Code, Neovim, any LSP editor)
  fengong rules                         list the rules
  fengong --version

Run "fengong check --help" for the check options.
`,
    checkUsage: `Usage: fengong check [files|folders|globs…] [options]

A folder means its **/*.txt and **/*.plan files.
  -f, --format stylish|json|sarif|github  output format (default stylish)
      --fix                     apply safe fixes (written back in the file's encoding, BOM and line endings)
      --max-warnings N          exit 1 when there are more than N warnings
      --quiet                   report errors only
  -c, --config PATH             use this config instead of the nearest .fengongrc.json
      --locale zh|en            message language
      --document-kind auto|plan|report  document kind (default: from the title)
      --ignore GLOB             skip matching files (repeatable)
      --follow-symlinks         follow symlinks leading outside the given paths
  -o, --output-file FILE        write the report to FILE
      --no-color                no colours
Exit codes: 0 clean; 1 errors (or too many warnings); 2 usage, configuration or I/O errors.
`,
    usageError: (m: string) => `fengong: ${m}\n(run fengong --help for usage)\n`,
    badValue: (opt: string, v: string, allowed: string[]) => `invalid value “${v}” for --${opt}; allowed: ${allowed.join(', ')}`,
    unknownCommand: (c: string) => `unknown command “${c}”`,
    configError: (e: ConfigError) => `fengong: configuration ${e.file}:${e.line}:${e.column} is invalid: ${e.message}\n  Fix the file (see schemas/fengong.schema.json) or pass another one with --config.\n`,
    tooManyWarnings: (n: number, max: number) => `fengong: ${n} warnings exceed --max-warnings ${max}\n`,
  },
};

export const cliText = (locale: Locale) => TEXTS[locale];

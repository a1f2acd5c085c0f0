// The conventions of ESLint and markdownlint-cli2, as real processes on real files: --stdin with
// --stdin-filename, --print-config, fengong init, --fix-dry-run, -o/--output-file in every
// command, and the config's `files` and `ignore`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse as parseJsonc } from 'jsonc-parser';
import { fengong, tempDir, BIN, ROOT } from './helpers.js';
import { rules } from '../../server/src/engine/rules/index.js';
import { fixText } from '../../server/src/engine/index.js';

const EXAMPLE = join(ROOT, 'examples', '2024年政务公开工作要点.txt');
const TEXT = readFileSync(EXAMPLE, 'utf8');
type Res = { filePath: string; messages: { line: number; column: number; ruleId: string; messageId: string }[]; output?: string; errorCount: number };
const brief = (r: Res) => r.messages.map((m) => `${m.line}:${m.column} ${m.messageId}`);
const EXAMPLE_PROBLEMS = [
  '17:3 numbering-format/wrong-delimiter', '19:3 numbering-sequence/gap', '19:38 punctuation-pair/unclosed', '20:3 task-unit/missing',
];

function stdin(args: string[], input: string | Buffer, cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--stdin: the plan on standard input (GBK too), reported as <stdin> or as --stdin-filename', () => {
  const plain = stdin(['check', '--stdin', '--format', 'json'], TEXT);
  assert.equal(plain.code, 1);
  const [r] = JSON.parse(plain.stdout) as Res[];
  assert.equal(r!.filePath, '<stdin>');
  assert.deepEqual(brief(r!), EXAMPLE_PROBLEMS);
  const gbk = stdin(['check', '--stdin', '--format', 'json'], iconv.encode(TEXT, 'gbk'));
  assert.deepEqual(brief((JSON.parse(gbk.stdout) as Res[])[0]!), EXAMPLE_PROBLEMS, 'GBK decoded as a file would be');
  // the file name picks the config (looked up from its folder) and names the report
  const dir = tempDir();
  mkdirSync(join(dir, 'plans'));
  writeFileSync(join(dir, 'plans', '.fengongrc.json'), '{ "rules": { "task-unit": "off" } }');
  const named = stdin(['check', '--stdin', '--stdin-filename', 'plans/要点.txt'], TEXT, dir);
  assert.equal(named.code, 1);
  assert.match(named.stdout, /^\nplans\/要点\.txt\n/);
  assert.doesNotMatch(named.stdout, /task-unit/, 'the config of plans/ applied');
  assert.match(named.stdout, /✖ 共 3 个问题/);
  const binary = stdin(['check', '--stdin'], Buffer.from([0x41, 0, 0x42]));
  assert.equal(binary.code, 2);
  assert.match(binary.stdout, /<stdin> 是二进制文件，不是文本（第 1 字节是 NUL，且没有 UTF-16 BOM）/);
  const withFix = stdin(['check', '--stdin', '--fix'], TEXT);
  assert.equal(withFix.code, 2);
  assert.match(withFix.stderr, /^fengong：--fix 不能与 --stdin 同用（没有文件可写回）：请改用 --fix-dry-run 查看修复结果\n/);
  assert.match(stdin(['check', '--stdin', 'a.txt'], TEXT).stderr, /^fengong：给了 --stdin 就不能再给文件：“a\.txt”/);
});

test('--fix-dry-run: nothing written; json gets ESLint\'s output (the fixed text) and the problems left', () => {
  const dir = tempDir();
  const file = join(dir, 'plan.txt');
  const crlf = TEXT.replace(/\n/g, '\r\n');
  writeFileSync(file, iconv.encode(crlf, 'gb18030'));
  const before = readFileSync(file);
  const r = fengong(['check', '--fix-dry-run', '--format', 'json', file]);
  assert.equal(r.code, 1);
  assert.ok(readFileSync(file).equals(before), 'the file is untouched');
  const [res] = JSON.parse(r.stdout) as Res[];
  assert.equal(res!.output, fixText(crlf).text, 'exactly the engine\'s fixes');
  assert.notEqual(res!.output, crlf);
  // what is left after the fixes: no safe fix for a task without units
  assert.deepEqual(brief(res!), ['20:3 task-unit/missing']);
  const fixed = fengong(['check', '--fix', '--format', 'json', file]);
  assert.equal((JSON.parse(fixed.stdout) as Res[])[0]!.output, res!.output, '--fix reports the same output and writes it');
  assert.equal(iconv.decode(readFileSync(file), 'gb18030'), res!.output);
  const dryStdin = stdin(['check', '--stdin', '--fix-dry-run', '--format', 'json'], TEXT);
  assert.equal((JSON.parse(dryStdin.stdout) as Res[])[0]!.output, res!.output!.replace(/\r\n/g, '\n'));
  const clean = stdin(['check', '--stdin', '--fix-dry-run', '--format', 'json'], readFileSync(join(ROOT, 'examples', '任务分工-清洁示例.plan')));
  assert.equal((JSON.parse(clean.stdout) as Res[])[0]!.output, undefined, 'no output when nothing changed (ESLint)');
});

test('--print-config FILE: defaults ← nearest .fengongrc.json ← its overrides ← the command line', () => {
  const dir = tempDir();
  writeFileSync(join(dir, '.fengongrc.json'), JSON.stringify({
    rules: { 'task-unit': 'warning', 'unit-name': ['warning', { allowCollective: true }] }, nonTaskSections: ['存在的问题'],
    ignore: ['草稿/**'], overrides: [{ files: ['*报告*.txt'], documentKind: 'report' }],
  }));
  const r = fengong(['check', '--print-config', '2024年工作报告.txt', '--locale', 'en'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const defaults = Object.fromEntries(rules.map((x) => [x.meta.id, x.meta.defaultSeverity]));
  assert.deepEqual(JSON.parse(r.stdout), {
    configFile: join(dir, '.fengongrc.json'), ignored: false,
    rules: { ...defaults, 'task-unit': 'warning', 'unit-name': ['warning', { allowCollective: true }] },
    documentKind: 'report', nonTaskSections: ['存在的问题'], roles: {}, locale: 'en',
  });
  const ignored = JSON.parse(fengong(['check', '--print-config', '草稿/a.txt'], { cwd: dir }).stdout);
  assert.equal(ignored.ignored, true);
  assert.equal(ignored.documentKind, 'auto');
  const none = JSON.parse(fengong(['check', '--print-config', join(tempDir(), 'x.txt')]).stdout);
  assert.equal(none.configFile, null);
  assert.deepEqual(none.rules, defaults);
  assert.equal(fengong(['check', '--print-config', 'a.txt', 'b.txt'], { cwd: dir }).code, 2);
});

test('fengong init: a commented .fengongrc.json that loads and lists every rule; never overwrites', () => {
  const dir = tempDir();
  const r = fengong(['init'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '已写入 .fengongrc.json：修改其中的规则级别，或按注释添加设置。\n');
  const written = readFileSync(join(dir, '.fengongrc.json'), 'utf8');
  assert.match(written, /^\/\/ fengong 配置（JSON，可写注释）/);
  assert.match(written, /"task-unit": "error", +\/\/ 每项任务写明责任单位（牵头、负责、配合）\n/);
  const data = parseJsonc(written) as { rules: Record<string, string>; files: string[] };
  assert.deepEqual(data.rules, Object.fromEntries(rules.map((x) => [x.meta.id, x.meta.defaultSeverity])));
  assert.deepEqual(data.files, ['**/*.txt', '**/*.plan']);
  // it passes the schema: the CLI loads it without a config error
  copyFileSync(EXAMPLE, join(dir, 'plan.txt'));
  const check = fengong(['check', '--format', 'json', '.'], { cwd: dir });
  assert.equal(check.code, 1, check.stderr);
  assert.deepEqual(brief((JSON.parse(check.stdout) as Res[])[0]!), EXAMPLE_PROBLEMS);
  writeFileSync(join(dir, '.fengongrc.json'), '{ "locale": "en" }');
  const again = fengong(['init'], { cwd: dir });
  assert.equal(again.code, 2);
  assert.equal(again.stderr, 'fengong：.fengongrc.json 已存在，未覆盖：请先查看或删除它。\n');
  assert.equal(readFileSync(join(dir, '.fengongrc.json'), 'utf8'), '{ "locale": "en" }', 'not overwritten');
  const en = fengong(['init', '--locale', 'en', '-o', 'sub.json'], { cwd: dir });
  assert.equal(en.code, 0);
  assert.match(readFileSync(join(dir, 'sub.json'), 'utf8'), /^\/\/ fengong configuration \(JSON with comments\)/);
  assert.match(readFileSync(join(dir, 'sub.json'), 'utf8'), /"locale": "en"\n\}\n$/);
});

test('-o/--output-file is the one spelling in check, table, rules and init', () => {
  const dir = tempDir();
  copyFileSync(EXAMPLE, join(dir, 'plan.txt'));
  for (const flag of ['-o', '--output-file']) {
    const check = fengong(['check', '--format', 'json', flag, `check${flag}.json`, 'plan.txt'], { cwd: dir });
    assert.equal(check.code, 1);
    assert.equal(check.stdout, '');
    assert.deepEqual(brief((JSON.parse(readFileSync(join(dir, `check${flag}.json`), 'utf8')) as Res[])[0]!), EXAMPLE_PROBLEMS);
    const table = fengong(['table', 'plan.txt', flag, `table${flag}.csv`], { cwd: dir });
    assert.equal(table.code, 0, table.stderr);
    assert.deepEqual([...readFileSync(join(dir, `table${flag}.csv`)).subarray(0, 3)], [0xef, 0xbb, 0xbf], 'csv (from the extension) with a BOM');
    assert.equal(fengong(['rules', flag, `rules${flag}.txt`], { cwd: dir }).code, 0);
    assert.ok(existsSync(join(dir, `rules${flag}.txt`)));
    assert.equal(fengong(['init', flag, `init${flag}.json`], { cwd: dir }).code, 0);
    assert.ok(existsSync(join(dir, `init${flag}.json`)));
  }
  assert.match(fengong(['table', 'plan.txt', '--output', 'x.md'], { cwd: dir }).stderr, /^fengong：未知选项“--output”/);
  const unwritable = fengong(['check', '-o', join(dir, 'plan.txt', 'x.json'), 'plan.txt'], { cwd: dir });
  assert.equal(unwritable.code, 2);
  assert.match(unwritable.stderr, /^fengong：不能写入输出文件 .*plan\.txt\/x\.json（ENOTDIR，路径中有一段不是文件夹）/);
});

test('config `files` and `ignore`: what a folder means and what is left out, relative to the config', () => {
  const dir = tempDir();
  mkdirSync(join(dir, '草稿'));
  mkdirSync(join(dir, 'md'));
  copyFileSync(EXAMPLE, join(dir, 'a.txt'));
  copyFileSync(EXAMPLE, join(dir, '草稿', 'b.txt'));
  copyFileSync(EXAMPLE, join(dir, 'md', 'c.md'));
  copyFileSync(EXAMPLE, join(dir, 'old.txt'));
  const files = (args: string[]) => (JSON.parse(fengong(['check', '--format', 'json', ...args], { cwd: dir }).stdout) as Res[]).map((r) => r.filePath.slice(dir.length + 1));
  assert.deepEqual(files(['.']), ['a.txt', 'old.txt', '草稿/b.txt'], 'defaults: **/*.txt and **/*.plan');
  writeFileSync(join(dir, '.fengongrc.json'), JSON.stringify({ files: ['**/*.txt', 'md/*.md'], ignore: ['草稿/', 'old.txt'] }));
  assert.deepEqual(files(['.']), ['a.txt', 'md/c.md']);
  // a file named on the command line is checked whatever its name, unless its config ignores it
  const named = fengong(['check', '--format', 'json', 'old.txt', 'a.txt'], { cwd: dir });
  assert.deepEqual((JSON.parse(named.stdout) as Res[]).map((r) => r.filePath), [join(dir, 'a.txt')]);
  assert.equal(named.stderr, `fengong：${join(dir, 'old.txt')} 按 ${join(dir, '.fengongrc.json')} 的 ignore 设置跳过，未检查\n`);
  // a config in a subfolder governs its own files, with globs relative to that folder
  writeFileSync(join(dir, 'md', '.fengongrc.json'), JSON.stringify({ ignore: ['*.md'] }));
  assert.deepEqual(files(['.']), ['a.txt']);
  assert.deepEqual(files(['--config', join(dir, '.fengongrc.json'), '.']), ['a.txt', 'md/c.md'], '--config: its globs for every file');
});

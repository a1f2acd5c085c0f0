// Option handling of every command, as real processes: unknown options and bad values are usage
// errors (exit 2, Chinese first), a reader that goes away ends the output quietly, and each
// command's --help is generated from the same option table the parser uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { join } from 'node:path';
import { fengong, tempDir, BIN, ROOT } from './helpers.js';
import { CHECK, COMMANDS } from '../../server/src/cli/options.js';

const PLAN = join(ROOT, 'examples', '2024年政务公开工作要点.txt');

test('unknown options are rejected with exit 2 by every command, in Chinese, naming the option', () => {
  const dir = tempDir();
  for (const cmd of ['check', 'table', 'rules', 'init', 'lsp']) {
    const r = fengong([cmd, '--bogus'], { cwd: dir });
    assert.equal(r.code, 2, `${cmd} --bogus`);
    assert.equal(r.stderr, `fengong：未知选项“--bogus”\n（运行 fengong ${cmd} --help 查看用法）\n`, cmd);
    assert.equal(r.stdout, '');
  }
  const en = fengong(['rules', '--bogus', '--locale', 'en']);
  assert.equal(en.stderr, 'fengong: unknown option “--bogus”\n(run fengong rules --help for usage)\n');
  assert.equal(fengong(['--bogus']).code, 2);
  assert.equal(fengong(['--version', '--bogus']).stderr, 'fengong：未知选项“--bogus”\n（运行 fengong --help 查看用法）\n');
  assert.equal(fengong(['--help', '--locale', 'en']).code, 0);
  assert.match(fengong(['--bogus']).stderr, /^fengong：未知命令“--bogus”\n/);
  const short = fengong(['check', '-x', PLAN]);
  assert.equal(short.stderr, 'fengong：未知选项“-x”\n（运行 fengong check --help 查看用法）\n');
});

test('bad option values: a clear usage error with the allowed values, exit 2 (no internal error)', () => {
  const cases: [string[], string][] = [
    [['check', '--locale', 'fr', PLAN], '--locale 的值“fr”无效，可选：zh、en'],
    [['table', '--locale', 'fr', PLAN], '--locale 的值“fr”无效，可选：zh、en'],
    [['rules', '--locale=fr'], '--locale 的值“fr”无效，可选：zh、en'],
    [['init', '--locale', 'fr'], '--locale 的值“fr”无效，可选：zh、en'],
    [['check', '--document-kind', 'memo', PLAN], '--document-kind 的值“memo”无效，可选：auto、plan、report、regulation、notice、other'],
    [['check', '--max-warnings', 'many', PLAN], '--max-warnings 的值“many”无效：应为不小于 -1 的整数'],
    [['check', '--format'], '选项 --format 需要一个值'],
    [['check', '--format', '--fix', PLAN], '选项 --format 需要一个值'],
    [['check', '--fix=yes', PLAN], '选项 --fix 不带值'],
    [['check', '--fix', '--fix-dry-run', PLAN], '--fix 不能与 --fix-dry-run 同用'],
    [['check', '--stdin-filename', 'a.txt', PLAN], '--stdin-filename 需要同时给出 --stdin'],
    [['check', '-f', 'json', '-f', 'sarif', PLAN], '选项 --format 只能给一次'],
    [['rules', 'extra'], '多余的参数“extra”'],
  ];
  for (const [args, message] of cases) {
    const r = fengong(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stderr.split('\n')[0], `fengong：${message}`, args.join(' '));
    assert.doesNotMatch(r.stderr, /internal error|内部错误|TypeError/);
  }
  const en = fengong(['check', '--locale', 'en', '--document-kind', 'memo', PLAN]);
  assert.equal(en.stderr.split('\n')[0], 'fengong: invalid value “memo” for --document-kind; allowed: auto, plan, report, regulation, notice, other');
});

test('a closed pipe ends the output quietly: fengong rules | head -1, check | head -c 100', () => {
  const rules = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" rules | head -1`], { encoding: 'utf8' });
  assert.equal(rules.stdout, '规则                默认  可修复  检查什么\n');
  assert.equal(rules.stderr, '', 'no EPIPE stack trace');
  assert.equal(rules.status, 0);
  // a long report into a reader that stops early: the check's own exit code (1: errors), no trace
  const check = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" check --format json "${join(ROOT, 'test', 'corpus')}" | head -c 100 >/dev/null`], { encoding: 'utf8' });
  assert.equal(check.stderr, '');
  assert.equal(check.status, 1);
  // stdout closed before the start
  const closed = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" rules >&-`], { encoding: 'utf8' });
  assert.equal(closed.stderr, '');
  assert.equal(closed.status, 0);
});

test('every command has --help, generated from its option table, in both languages', () => {
  for (const spec of COMMANDS) {
    const zh = fengong([spec.name, '--help']);
    assert.equal(zh.code, 0, spec.name);
    for (const name of Object.keys(spec.options)) assert.ok(zh.stdout.includes(`--${name}`), `${spec.name} --help lists --${name}`);
    assert.match(zh.stdout, /^用法：fengong /);
    const en = fengong([spec.name, '--help', '--locale=en']);
    assert.match(en.stdout, /^Usage: fengong /);
    // Chinese only as a gloss in brackets: “the task table (任务分工表)”
    assert.doesNotMatch(en.stdout.replace(/\([^)]*\)/g, ''), /[\u4e00-\u9fff]/, `${spec.name} English help has no Chinese prose`);
  }
  const lines = fengong(['check', '-h']).stdout.split('\n').filter((l) => /^ {2}(-\w, | {4})--/.test(l));
  assert.equal(lines.length, Object.keys(CHECK.options).length);
  // aligned by display width (the placeholders are Chinese): every description starts in one column
  const columns = new Set(lines.map((l) => stringWidth(/^\s*\S+(?: \S+)*( {2,})/.exec(l)![0])));
  assert.equal(columns.size, 1, [...columns].join(' '));
  const top = fengong(['--help']);
  assert.equal(top.code, 0);
  for (const c of ['check', 'table', 'init', 'rules', 'lsp']) assert.match(top.stdout, new RegExp(`\\n  fengong ${c} `));
  assert.equal(fengong([]).code, 2, 'no command: the help, exit 2');
});

test('rules: Chinese columns, fixable mark; -o writes the list to a file', () => {
  const r = fengong(['rules']);
  assert.deepEqual(r.stdout.split('\n').slice(0, 3), [
    '规则                默认  可修复  检查什么',
    'numbering-sequence  错误  ✓       序号连续：不跳号、不重号、不倒退，从一开始',
    'numbering-format    警告  ✓       序号标点规范：“一、”“（一）”“1.”“（1）”，不缺不多不混用',
  ]);
  assert.match(r.stdout, /\npunctuation-width   关闭  ✓       中文中使用全角标点/);
  const dir = tempDir();
  const o = fengong(['rules', '-o', 'rules.txt', '--locale', 'en'], { cwd: dir });
  assert.equal(o.code, 0);
  assert.equal(o.stdout, '');
  assert.match(spawnSync('cat', [join(dir, 'rules.txt')], { encoding: 'utf8' }).stdout, /^rule {16}default {2}fixable {2}what it checks\n/);
});

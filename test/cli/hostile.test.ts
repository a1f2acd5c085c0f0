// Issue 16, what a hostile or unlucky user found on the command line: escape sequences of a plan
// shown raw on a terminal, unbounded standard input and baselines, backtracking globs, file names
// that are not UTF-8. Real processes on real files (a terminal is a pseudo-terminal from script(1)).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, fengong, tempDir } from './helpers.js';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
const scratch = () => { const d = tempDir('fengong-hostile-'); dirs.push(d); return d; };

/** A plan whose task holds a retitle (OSC 0), a screen clear and a hidden-text switch. */
const HOSTILE = '关于2024年工作要点\n一、重点任务\n（一）加强管理\x1b]0;pwned\x07\x1b[2J\x1b[8m。（办公室牵头）\n';
const ESCAPED = '加强管理\\x1b]0;pwned\\x07\\x1b[2J\\x1b[8m。';

/** Runs the CLI on a pseudo-terminal, as a user at a shell prompt would. */
function onTerminal(args: string[], cwd: string): string {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('escape sequences of a plan are shown, not obeyed, on a terminal', () => {
  for (const [name, args, row] of [
    ['inspect', ['inspect', 'p.txt'], `  3  （一）${ESCAPED.slice(0, -1)} → 办公室（牵头）`],
    ['table (md)', ['table', 'p.txt'], `| （一） | ${ESCAPED} | 办公室 |  |  |  |  | 3 |`],
    ['table --format csv', ['table', '--format', 'csv', 'p.txt'], `（一）,${ESCAPED},办公室,,,,,3`],
  ] as const) {
    test(`${name}: no ESC reaches the terminal, the row shows it as \\x1b`, () => {
      const d = scratch();
      writeFileSync(join(d, 'p.txt'), HOSTILE);
      const screen = onTerminal([...args], d);
      assert.ok(!screen.includes('\x1b'), JSON.stringify(screen));
      assert.ok(!screen.includes('\x07'));
      assert.ok(screen.split(/\r?\n/).map((l) => l.replace(/\r+$/, '')).includes(row), screen);
    });
  }

  test('table -o FILE keeps the plan\'s text exactly (a file is not a terminal)', () => {
    const d = scratch();
    writeFileSync(join(d, 'p.txt'), HOSTILE);
    onTerminal(['table', 'p.txt', '-o', 'out.md'], d);
    const md = spawnSync('cat', [join(d, 'out.md')], { encoding: 'utf8' }).stdout;
    assert.ok(md.includes('| （一） | 加强管理\x1b]0;pwned\x07\x1b[2J\x1b[8m。 | 办公室 |'), md);
  });
});

describe('input is bounded: standard input and the baseline have the 64 MB cap of files', () => {
  const MAX = 64 * 1024 * 1024;

  test('--stdin of 64 MB + 1 byte: not read further, a clear error naming <stdin>, exit 2', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--stdin', '--locale', 'en'], { input: Buffer.alloc(MAX + 1, 'a'), encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 20 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stdout, /^  1:1  error  <stdin> is too large \(more than the limit of 67108864 bytes\); skipped\. Split the file and check the parts\.$/m);
  });

  test('--stdin of exactly 64 MB is still read (the cap is a limit, not a cut)', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--stdin', '--format', 'json'], { input: Buffer.alloc(MAX, ' '), encoding: 'utf8', maxBuffer: 1 << 20 });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { messages: unknown[] }) => f.messages), [[]]);
  });

  test('a baseline over 64 MB is refused unread, with what to do, exit 2', () => {
    const d = scratch();
    writeFileSync(join(d, 'plan.txt'), '关于2024年工作要点\n一、重点任务\n（一）加强管理。（办公室牵头）\n');
    writeFileSync(join(d, '.fengong-baseline.json'), '{"version":1,"files":{}}' + ' '.repeat(MAX));
    const r = fengong(['check', 'plan.txt'], { cwd: d });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `fengong：基线文件 .fengong-baseline.json 过大（${MAX + 24} 字节，上限 ${MAX} 字节），未读取：请检查是否给错了文件，或删除它后用 --baseline-update 重新生成。\n`);
  });
});

describe('--ignore and glob arguments are matched in linear time, as the configs\' globs are', () => {
  const PLAN = '关于2024年工作要点\n一、重点任务\n（一）加强管理。（办公室牵头）\n';
  const EVIL = '**/*(a*)*(a*)*(a*)*(a*)*(a*)b';
  const setup = () => {
    const d = scratch();
    mkdirSync(join(d, 'sub'));
    for (const f of ['a'.repeat(40) + '.txt', '.draft.txt', 'keep.txt']) writeFileSync(join(d, 'sub', f), PLAN);
    return d;
  };
  const checked = (d: string, args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', ...args], { cwd: d, encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.signal, null, 'finished within 20 s');
    return { status: r.status, stderr: r.stderr, files: r.stdout ? (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath.slice(d.length + 1)) : [] };
  };

  test(`--ignore '${EVIL}' over a 40-letter name: answered at once (picomatch: over 60 s)`, () => {
    const d = setup();
    assert.deepEqual(checked(d, ['--ignore', EVIL, 'sub']), { status: 0, stderr: '', files: ['sub/.draft.txt', `sub/${'a'.repeat(40)}.txt`, 'sub/keep.txt'] });
    assert.deepEqual(checked(d, ['--ignore', '**/a*.txt', 'sub']).files, ['sub/.draft.txt', 'sub/keep.txt']);
  });

  test(`the glob argument '${EVIL}.txt' too; '*' still skips a leading dot, '.*' takes it`, () => {
    const d = setup();
    const evil = checked(d, [`${EVIL}.txt`]);
    assert.equal(evil.status, 2);
    assert.equal(evil.stderr, `fengong：${EVIL}.txt 没有匹配到任何计划文件：请检查路径、通配符或扩展名设置。\n`);
    assert.deepEqual(checked(d, ['sub/*.txt']).files, [`sub/${'a'.repeat(40)}.txt`, 'sub/keep.txt']);
    assert.deepEqual(checked(d, ['sub/.*.txt']).files, ['sub/.draft.txt']);
    assert.deepEqual(checked(d, ['**/k?ep.txt']).files, ['sub/keep.txt']);
  });

  test('a glob the matcher refuses (!(…) inside) is named with what to do: a usage error for --ignore, exit 2 for an argument', () => {
    const d = setup();
    assert.deepEqual(checked(d, ['--ignore', 'sub/!(keep).txt', 'sub']), {
      status: 2, files: [],
      stderr: 'fengong：通配符“sub/!(keep).txt”不能使用：不支持 !(…)；请改用开头的 !（整个通配符取反）或 ignore\n（运行 fengong check --help 查看用法）\n',
    });
    const arg = checked(d, ['sub/!(keep).txt']);
    assert.equal(arg.status, 2);
    assert.equal(arg.stderr, 'fengong：通配符“sub/!(keep).txt”不能使用（不支持 !(…)；请改用开头的 !（整个通配符取反）或 ignore）：请改写后重试。\n');
  });
});

describe('a file name that is not UTF-8 (a GBK name, 工作 = B9 A4 D7 F7) is checked', () => {
  const setup = () => {
    const d = scratch();
    writeFileSync(Buffer.concat([Buffer.from(d + '/'), Buffer.from([0xb9, 0xa4, 0xd7, 0xf7]), Buffer.from('.txt')]), '关于2024年工作要点\n一.重点任务\n（一）加强管理。（办公室牵头）\n');
    return d;
  };
  const inBash = (d: string, args: string) => spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${args}`], { cwd: d, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const REPORT = '\n\\xb9\\xa4\\xd7\\xf7.txt\n  2:1  警告  一级序号“一.”后应使用“、”，不用“.”（GB/T 15834）  numbering-format\n';

  test('named on the command line, and found in a folder: its problems reported under its bytes', () => {
    const d = setup();
    for (const args of [`check $'\\xb9\\xa4\\xd7\\xf7.txt'`, 'check .', `check '*.txt'`]) {
      const r = inBash(d, args);
      assert.equal(r.status, 0, `${args}: ${r.stderr}`);
      assert.ok(r.stdout.startsWith(REPORT), `${args}: ${r.stdout}`);
    }
  });

  test('--fix does not rewrite it: said, exit 2, the file untouched', () => {
    const d = setup();
    const r = inBash(d, 'check --fix .');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `fengong：写入 ${d}/\\xb9\\xa4\\xd7\\xf7.txt 失败（文件名不是 UTF-8 编码，fengong 不改写这样的文件；请把文件改名后重试）：原文件保持不变；请检查磁盘空间和写入权限。\n`);
    const raw = Buffer.concat([Buffer.from(d + '/'), Buffer.from([0xb9, 0xa4, 0xd7, 0xf7]), Buffer.from('.txt')]);
    assert.equal(readFileSync(raw, 'utf8'), '关于2024年工作要点\n一.重点任务\n（一）加强管理。（办公室牵头）\n');
  });
});

describe('a file with more problems than a stack holds arguments', () => {
  // the stylish formatter took each column's width with Math.max(...rows): 120,000 problems in one
  // file overflowed the call stack and `fengong check` died with an internal error
  test('stylish lists all 130,000 unclosed brackets and sums them up', () => {
    const d = scratch();
    writeFileSync(join(d, 'p.txt'), '（甲\n'.repeat(130000));
    const r = fengong(['check', 'p.txt'], { cwd: d });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    assert.equal(rows.length, 130000);
    assert.equal(rows[129999], '  130000:1  错误  “（”在本段内没有对应的“）”  punctuation-pair');
  });
});

// Issue 12, reading input: encodings that are a guess, file names that look like globs, control
// characters from plans and file names on the terminal, and option values that do not exist.
// The built CLI as a real process on real files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { fengong, tempDir } from './helpers.js';

type Res = { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[] };
const brief = (r: Res) => r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);

test('GBK bytes that are also valid UTF-8: read as GB18030, said on stderr, the same findings as the UTF-8 text', () => {
  const dir = tempDir();
  // every GBK byte pair here is also a valid UTF-8 sequence (一 = D2 BB = U+04BB, 实施 = CA B5 CA A9 …)
  const plan = '要\n一.实施\n1.强牵头\n';
  const bytes = iconv.encode(plan, 'gbk');
  assert.ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'valid UTF-8');
  writeFileSync(join(dir, 'gbk.txt'), bytes);
  writeFileSync(join(dir, 'utf8.txt'), plan);
  const r = fengong(['check', '--format', 'json', 'gbk.txt', 'utf8.txt'], { cwd: dir });
  assert.equal(r.stderr, `fengong：${join(dir, 'gbk.txt')} 按 GB18030（GBK）编码读取：它的字节也可以按 UTF-8 读，但读出来不是中文。若结果是乱码，请把文件另存为 UTF-8。\n`);
  const [gbk, utf8] = JSON.parse(r.stdout) as Res[];
  assert.ok(utf8!.messages.length > 0);
  assert.deepEqual(brief(gbk!), brief(utf8!));
  // and --fix writes it back in GBK
  assert.equal(fengong(['check', '--fix', 'gbk.txt'], { cwd: dir }).code !== 2, true);
  assert.equal(iconv.decode(readFileSync(join(dir, 'gbk.txt')), 'gbk'), '要\n一、实施\n1.强牵头\n');
});

test('UTF-16LE without a BOM is checked, not called 二进制文件', () => {
  const dir = tempDir();
  const plan = '工作要点\r\n一.重点任务\r\n';
  writeFileSync(join(dir, 'u16.txt'), Buffer.from(plan, 'utf16le'));
  writeFileSync(join(dir, 'utf8.txt'), plan);
  const r = fengong(['check', '--format', 'json', 'u16.txt', 'utf8.txt'], { cwd: dir });
  assert.doesNotMatch(r.stderr + r.stdout, /二进制/);
  const [u16, utf8] = JSON.parse(r.stdout) as Res[];
  assert.ok(!u16!.messages.some((m) => m.fatal));
  assert.deepEqual(brief(u16!), brief(utf8!));
});

test('a file literally named a?.txt or a[1].txt is that file, not a glob: --fix leaves ab.txt and a1.txt alone', () => {
  const dir = tempDir();
  const broken = '工作要点\n一.重点任务\n';
  for (const f of ['a?.txt', 'a[1].txt', 'ab.txt', 'a1.txt']) writeFileSync(join(dir, f), broken);
  const r = fengong(['check', '--fix', 'a?.txt', 'a[1].txt'], { cwd: dir });
  assert.notEqual(r.code, 2, r.stderr);
  assert.equal(readFileSync(join(dir, 'a?.txt'), 'utf8'), '工作要点\n一、重点任务\n');
  assert.equal(readFileSync(join(dir, 'a[1].txt'), 'utf8'), '工作要点\n一、重点任务\n');
  assert.equal(readFileSync(join(dir, 'ab.txt'), 'utf8'), broken);
  assert.equal(readFileSync(join(dir, 'a1.txt'), 'utf8'), broken);
  // a glob that names no existing file is still a glob
  const g = fengong(['check', '--format', 'json', 'a?.txt', 'a[0-9].txt'], { cwd: dir });
  assert.deepEqual((JSON.parse(g.stdout) as Res[]).map((x) => x.filePath), ['a1.txt', 'a?.txt'].map((f) => join(dir, f)));
});

test('control characters in plan text and file names are escaped in stylish, github and on stderr', () => {
  const dir = tempDir();
  const name = 'evil\x1b[41mname.txt';
  writeFileSync(join(dir, name), '工作要点\n一.重点\x1b]0;pwned\x07任务\x1b[41m\n');
  for (const format of ['stylish', 'github']) {
    const r = fengong(['check', '--format', format, name], { cwd: dir });
    assert.doesNotMatch(r.stdout + r.stderr, /[\x00-\x08\x0b-\x1f\x7f]/, format);
    assert.match(r.stdout, /evil\\x1b\[41mname\.txt/, format);
  }
  // a note naming the file (here: it is not UTF-8 and not GB18030)
  writeFileSync(join(dir, 'bad\x07.txt'), Buffer.from([0xc3, 0x28, 0x41]));
  const bad = fengong(['check', 'bad\x07.txt'], { cwd: dir });
  assert.doesNotMatch(bad.stderr + bad.stdout, /\x07/);
  assert.match(bad.stdout + bad.stderr, /bad\\x07\.txt/);
});

test('--locale fr: a usage error listing zh and en, exit 2, for every command', () => {
  for (const cmd of [['check', 'x.txt'], ['table', 'x.txt'], ['rules'], ['init'], ['lsp']]) {
    const r = fengong([...cmd, '--locale', 'fr']);
    assert.equal(r.code, 2, cmd[0]);
    assert.equal(r.stderr, `fengong：--locale 的值“fr”无效，可选：zh、en\n（运行 fengong ${cmd[0]} --help 查看用法）\n`, cmd[0]);
  }
});

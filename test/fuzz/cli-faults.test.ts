// CLI faults (issue 5, robustness): the built `fengong check` as a real process against real
// broken files, encodings, permissions and file systems. Permission faults run the CLI as
// `nobody` (setpriv) because root reads any file; read-only targets are a real tmpfs remounted
// read-only. Both need root, as on the project machines and in CI; elsewhere they are skipped
// with the reason.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { fixText, lint } from '../../server/src/engine/index.js';
import { BIN, CORPUS, fengong } from '../cli/helpers.js';

const C000 = '000_6fbd649499c5ed32.txt';
const C004 = '004_acf7e94b039c0b3c.txt';
const T000 = readFileSync(join(CORPUS, C000), 'utf8');
const T004 = readFileSync(join(CORPUS, C004), 'utf8');
const isRoot = process.getuid?.() === 0;
const needsRoot = isRoot ? false : 'needs root (setpriv to nobody, mounting a tmpfs): the project machines and CI run as root';

type Msg = { ruleId: string | null; severity: number; message: string; messageId?: string; line: number; column: number; endLine?: number; endColumn?: number; fatal?: boolean };
type Res = { filePath: string; messages: Msg[]; errorCount: number; output?: string };

const base = mkdtempSync(join(tmpdir(), 'fengong-cli-faults-'));
chmodSync(base, 0o755); // `nobody` must reach the files it is (or is not) allowed to read
after(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(base, `case-${n++}`);
  mkdirSync(d);
  return d;
};
const json = (stdout: string) => JSON.parse(stdout) as Res[];
const where = (r: Res) => r.messages.map((m) => `${m.ruleId}:${m.messageId}@${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** the problems of a text, as the CLI would print them for one file */
const expectedOf = (file: string) => json(fengong(['check', '--format', 'json', file]).stdout)[0]!;

test('unreadable file (EACCES, CLI run as nobody): reported by name, the others still checked, exit 2', { skip: needsRoot }, () => {
  const dir = fresh();
  writeFileSync(join(dir, 'a.txt'), T004);
  writeFileSync(join(dir, 'secret.txt'), T004);
  writeFileSync(join(dir, 'z.txt'), T000);
  chmodSync(join(dir, 'secret.txt'), 0o000);
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'check', '--format', 'json', dir],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.status, 2, r.stderr);
  const res = json(r.stdout);
  assert.deepEqual(res.map((x) => x.filePath), ['a.txt', 'secret.txt', 'z.txt'].map((f) => join(dir, f)));
  const secret = res[1]!;
  assert.equal(secret.messages.length, 1);
  assert.equal(secret.messages[0]!.fatal, true);
  assert.match(secret.messages[0]!.message, new RegExp(`^没有权限读取 ${escape(join(dir, 'secret.txt'))}（EACCES，没有权限）：请检查文件权限。$`));
  // the readable neighbours got exactly their own problems
  assert.deepEqual(where(res[0]!), where(expectedOf(join(CORPUS, C004))));
  assert.deepEqual(where(res[2]!), where(expectedOf(join(CORPUS, C000))));
});

test('unreadable folder (EACCES while walking, CLI run as nobody): named, the rest checked, exit 2', { skip: needsRoot }, () => {
  const dir = fresh();
  writeFileSync(join(dir, 'a.txt'), T004);
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'b.txt'), T004);
  chmodSync(join(dir, 'locked'), 0o000);
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'check', '--format', 'json', dir], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, new RegExp(`没有权限读取 ${escape(join(dir, 'locked'))}`));
  assert.deepEqual(json(r.stdout).map((x) => x.filePath), [join(dir, 'a.txt')]);
});

test('a folder given as a file (`plan.txt/`): EISDIR naming it, exit 2; the other file still checked', () => {
  const dir = fresh();
  mkdirSync(join(dir, 'plan.txt'));
  writeFileSync(join(dir, 'plan.txt', 'inner.txt'), T004);
  writeFileSync(join(dir, 'good.txt'), T004);
  const r = fengong(['check', '--format', 'json', join(dir, 'plan.txt'), join(dir, 'good.txt')]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `fengong：${join(dir, 'plan.txt')} 是文件夹，此处需要文件：请给出文件路径，或在路径末尾加 / 以检查整个文件夹。\n`);
  const res = json(r.stdout);
  assert.deepEqual(res.map((x) => x.filePath), [join(dir, 'good.txt')]);
  assert.deepEqual(where(res[0]!), where(expectedOf(join(CORPUS, C004))));
});

test('symlink loops in a folder (a link to its own folder, a link to itself, two links to each other): cut, each plan once', { timeout: 30_000 }, () => {
  const dir = fresh();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'plan.txt'), T004);
  symlinkSync('..', join(dir, 'sub', 'up')); // sub/up/sub/up/… forever
  symlinkSync('self.txt', join(dir, 'self.txt')); // ELOOP on open
  symlinkSync('b.txt', join(dir, 'a.txt'));
  symlinkSync('a.txt', join(dir, 'b.txt'));
  const r = fengong(['check', '--format', 'json', dir]);
  assert.equal(r.code, 1, r.stderr); // corpus 004 has errors; the loops are no I/O error
  assert.equal(r.stderr, '');
  const res = json(r.stdout);
  assert.deepEqual(res.map((x) => x.filePath), [join(dir, 'sub', 'plan.txt')]);
  // named explicitly, a looping link is an error naming it
  const named = fengong(['check', join(dir, 'self.txt')]);
  assert.equal(named.code, 2);
  assert.equal(named.stderr, `fengong：${join(dir, 'self.txt')} 的符号链接形成循环：请修正链接。\n`);
});

test('a binary file and an undecodable one among good files: reported by name (and line), the others checked exactly, exit 2', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'a.txt'), T004);
  // a PNG header, NULs and random bytes: what a mis-saved attachment looks like
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) & 0xff))]);
  writeFileSync(join(dir, 'b.txt'), png);
  writeFileSync(join(dir, 'c.txt'), T000);
  // invalid UTF-8 that is no GB18030 either (0xFF never starts a GB18030 character), on line 3
  const lines = T004.split('\n');
  writeFileSync(join(dir, 'd.txt'), Buffer.concat([Buffer.from(lines.slice(0, 2).join('\n') + '\n加强'), Buffer.from([0xff, 0x41]), Buffer.from(lines.slice(2).join('\n'))]));
  const r = fengong(['check', '--format', 'json', dir]);
  assert.equal(r.code, 2);
  const res = json(r.stdout);
  assert.deepEqual(res.map((x) => x.filePath), ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((f) => join(dir, f)));
  const bad = res[3]!.messages;
  assert.equal(bad.length, 1);
  assert.deepEqual([bad[0]!.fatal, bad[0]!.line], [true, 3]);
  assert.match(bad[0]!.message, new RegExp(`^无法识别 ${escape(join(dir, 'd.txt'))} 的编码`));
  assert.equal(res[1]!.messages.length, 1);
  assert.equal(res[1]!.messages[0]!.fatal, true);
  assert.match(res[1]!.messages[0]!.message, new RegExp(`^${escape(join(dir, 'b.txt'))} 是二进制文件，不是文本`));
  assert.deepEqual(where(res[0]!), where(expectedOf(join(CORPUS, C004))));
  assert.deepEqual(where(res[2]!), where(expectedOf(join(CORPUS, C000))));
  // the stylish report names it too
  assert.match(fengong(['check', dir]).stdout, /是二进制文件，不是文本/);
});

test('GBK and GB18030+CRLF copies of corpus 004 give exactly the problems of the UTF-8 one', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'utf8.txt'), T004);
  writeFileSync(join(dir, 'gbk.txt'), iconv.encode(T004, 'gbk'));
  writeFileSync(join(dir, 'gb18030-crlf.txt'), iconv.encode(T004.replace(/\n/g, '\r\n'), 'gb18030'));
  writeFileSync(join(dir, 'utf8-bom-crlf.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(T004.replace(/\n/g, '\r\n'))]));
  const res = json(fengong(['check', '--format', 'json', dir]).stdout);
  const byName = new Map(res.map((x) => [x.filePath.slice(dir.length + 1), x]));
  const utf8 = byName.get('utf8.txt')!;
  assert.equal(utf8.messages.length, lint(T004).diagnostics.length);
  assert.ok(utf8.messages.length >= 4);
  for (const name of ['gbk.txt', 'gb18030-crlf.txt', 'utf8-bom-crlf.txt']) {
    const other = byName.get(name)!;
    // same rule, message, line and column (messages whole, fixes aside: CRLF shifts offsets)
    assert.deepEqual(other.messages.map(({ ruleId, severity, message, messageId, line, column, endLine, endColumn }) => ({ ruleId, severity, message, messageId, line, column, endLine, endColumn })),
      utf8.messages.map(({ ruleId, severity, message, messageId, line, column, endLine, endColumn }) => ({ ruleId, severity, message, messageId, line, column, endLine, endColumn })), name);
  }
});

test('--fix on a GB18030 CRLF file: written back in GB18030 + CRLF, byte for byte except the fix; twice changes nothing', () => {
  const dir = fresh();
  const file = join(dir, 'plan.txt');
  const crlf = T000.replace(/\n/g, '\r\n');
  const original = iconv.encode(crlf, 'gb18030');
  writeFileSync(file, original);
  assert.ok(!original.equals(Buffer.from(crlf)), 'really not UTF-8');
  const r = fengong(['check', '--fix', '--format', 'json', file]);
  assert.equal(r.code, 1, 'problems without a safe fix remain');
  const want = fixText(crlf);
  assert.equal(json(r.stdout)[0]!.output, want.text, 'ESLint\'s output: the fixed text');
  assert.ok(want.applied > 0);
  const written = readFileSync(file);
  assert.ok(written.equals(iconv.encode(want.text, 'gb18030')), 'exactly the engine\'s fix, encoded as the original was');
  // and outside the fixes the bytes are the original's: every byte run between two fixes is found
  // unchanged, in order (the fixes only insert or replace marks)
  const removed = iconv.decode(written, 'gb18030').replace(/[（）()、.]/g, '');
  assert.equal(removed, crlf.replace(/[（）()、.]/g, ''), 'only brackets and delimiters changed');
  assert.ok(written.subarray(0, 64).equals(original.subarray(0, 64)), 'the file starts as before');
  assert.equal(iconv.decode(written, 'gb18030').split('\r\n').length, crlf.split('\r\n').length, 'no line added or lost');
  assert.ok(!/[^\r]\n/.test(iconv.decode(written, 'gb18030')), 'no bare LF');
  // a second --fix finds nothing to write: same bytes, same inode, same mtime
  const before = statSync(file);
  const again = fengong(['check', '--fix', '--format', 'json', file]);
  assert.equal(again.code, 1);
  assert.equal(json(again.stdout)[0]!.output, undefined);
  const after2 = statSync(file);
  assert.ok(readFileSync(file).equals(written));
  assert.deepEqual([after2.ino, after2.mtimeMs], [before.ino, before.mtimeMs]);
});

test('--fix twice over a folder of mixed encodings and line ends: the second run writes nothing', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'a.txt'), T000);
  writeFileSync(join(dir, 'b.txt'), iconv.encode(T000.replace(/\n/g, '\r\n'), 'gb18030'));
  writeFileSync(join(dir, 'c.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(T000.replace(/\n/g, '\r'), 'utf16le')]));
  writeFileSync(join(dir, 'd.txt'), T004);
  const first = json(fengong(['check', '--fix', '--format', 'json', dir]).stdout);
  assert.deepEqual(first.map((x) => typeof x.output), ['string', 'string', 'string', 'undefined']);
  const bytes = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f)));
  assert.deepEqual([...bytes[2]!.subarray(0, 2)], [0xff, 0xfe], 'UTF-16LE BOM kept');
  const second = json(fengong(['check', '--fix', '--format', 'json', dir]).stdout);
  assert.deepEqual(second.map((x) => x.output), [undefined, undefined, undefined, undefined]);
  readdirSync(dir).sort().forEach((f, i) => assert.ok(readFileSync(join(dir, f)).equals(bytes[i]!), f));
  // the three encodings of the same plan hold the same fixed text
  const texts = [readFileSync(join(dir, 'a.txt'), 'utf8'), iconv.decode(bytes[1]!, 'gb18030').replace(/\r\n/g, '\n'),
    iconv.decode(bytes[2]!.subarray(2), 'utf16le').replace(/\r/g, '\n')];
  assert.equal(texts[1], texts[0]);
  assert.equal(texts[2], texts[0]);
});

test('--fix into a read-only file system: original intact, exit 2, the message names the file', { skip: needsRoot }, () => {
  const mnt = mkdtempSync(join(base, 'ro-'));
  assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mnt]).status, 0, 'tmpfs mounted');
  try {
    const file = join(mnt, 'plan.txt');
    const original = iconv.encode(T000.replace(/\n/g, '\r\n'), 'gb18030');
    writeFileSync(file, original);
    writeFileSync(join(mnt, 'clean.txt'), T004);
    assert.equal(spawnSync('mount', ['-o', 'remount,ro', mnt]).status, 0, 'remounted read-only');
    const r = fengong(['check', '--fix', '--format', 'json', mnt]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`^fengong：${escape(file)} 是只读文件（或你没有写入权限），未写入（EROFS，只读文件系统）：请先修改该文件的权限后重试。\\n$`));
    assert.ok(readFileSync(file).equals(original), 'original bytes intact');
    assert.deepEqual(readdirSync(mnt).sort(), ['clean.txt', 'plan.txt'], 'no temp file left');
    const res = json(r.stdout);
    // the report is of the text on disk (unfixed), and the clean file was still checked
    assert.equal(res[1]!.output, undefined);
    assert.deepEqual(where(res[0]!), where(expectedOf(join(CORPUS, C004))));
    assert.deepEqual(where(res[1]!), where(expectedOf(join(CORPUS, C000))));
  } finally {
    spawnSync('umount', [mnt]);
  }
});

test('--fix of a file nobody may write, in a folder nobody may write (CLI run as nobody): fixed in place, owner kept, no temp file', { skip: needsRoot }, () => {
  const dir = fresh();
  const file = join(dir, 'plan.txt');
  writeFileSync(file, T000);
  chmodSync(file, 0o666); // the file is writable, its folder is not: no temp file, no rename
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'check', '--fix', file], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.equal(readFileSync(file, 'utf8'), fixText(T000).text);
  assert.equal(statSync(file).uid, 0);
  assert.deepEqual(readdirSync(dir), ['plan.txt']);
});

test('a broken .fengongrc.json: exit 2, the message names the file, line and JSON path; nothing linted', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'a.txt'), T004);
  const rc = join(dir, '.fengongrc.json');
  // syntax: a missing comma on line 5
  writeFileSync(rc, '{\n  "rules": {\n    "task-unit": "error"\n  }\n  "locale": "en"\n}\n');
  let r = fengong(['check', '--format', 'json', dir]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`${escape(rc)}:5:3 有误：配置文件 JSON 语法错误`));
  // schema: a bad value deep inside overrides
  writeFileSync(rc, '{\n  "overrides": [\n    { "files": "*.txt", "rules": { "task-unit": "loud" } }\n  ]\n}\n');
  r = fengong(['check', '--format', 'json', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, new RegExp(`${escape(rc)}:3:49 有误：配置项 overrides\\.0\\.rules\\.task-unit 无效`));
  // an unknown rule
  writeFileSync(rc, '{ "rules": { "no-such-rule": "error" } }');
  r = fengong(['check', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, new RegExp(`${escape(rc)}:1:`));
  assert.match(r.stderr, /no-such-rule/);
  // configuration is data only: a .fengongrc.js beside it is never loaded or run
  writeFileSync(rc, '{}');
  writeFileSync(join(dir, '.fengongrc.js'), `require('fs').writeFileSync(${JSON.stringify(join(dir, 'pwned'))}, 'x')`);
  writeFileSync(join(dir, '.fengongrc.cjs'), `require('fs').writeFileSync(${JSON.stringify(join(dir, 'pwned'))}, 'x')`);
  r = fengong(['check', dir]);
  assert.equal(r.code, 1);
  assert.ok(!readdirSync(dir).includes('pwned'));
});

test('folders and globs do not escape their roots through symlinks unless --follow-symlinks', () => {
  const outside = fresh();
  writeFileSync(join(outside, 'outside.txt'), T004);
  mkdirSync(join(outside, 'deep'));
  writeFileSync(join(outside, 'deep', 'deep.txt'), T004);
  const root = fresh();
  writeFileSync(join(root, 'inside.txt'), T004);
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'sub', 'real.txt'), T004);
  symlinkSync(join(outside, 'outside.txt'), join(root, 'escape.txt')); // a file link out
  symlinkSync(outside, join(root, 'out')); // a folder link out
  symlinkSync(join(root, 'sub'), join(root, 'alias')); // a link that stays inside
  const files = (args: string[]) => {
    const r = fengong(['check', '--format', 'json', ...args]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    return json(r.stdout).map((x) => x.filePath.slice(root.length + 1));
  };
  // a link that stays inside is followed; each real file once, under its first path in sorted order
  assert.deepEqual(files([root]), ['alias/real.txt', 'inside.txt']);
  assert.deepEqual(files([join(root, '**/*.txt')]), ['alias/real.txt', 'inside.txt']);
  assert.deepEqual(files([join(root, 'sub')]).length, 1);
  assert.deepEqual(files(['--follow-symlinks', root]), ['alias/real.txt', 'escape.txt', 'inside.txt', 'out/deep/deep.txt']);
  assert.deepEqual(files(['--follow-symlinks', join(root, '**/*.txt')]), ['alias/real.txt', 'escape.txt', 'inside.txt', 'out/deep/deep.txt']);
  // --fix through an escaping link never writes outside unless asked
  const before = readFileSync(join(outside, 'outside.txt'));
  fengong(['check', '--fix', root]);
  assert.ok(readFileSync(join(outside, 'outside.txt')).equals(before));
});

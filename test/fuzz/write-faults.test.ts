// Issue 12, writing files: what `check --fix` and `-o` may and may not do to the files they touch.
// Real processes (the built CLI, run as `nobody` through setpriv where permissions matter), real
// links, FIFOs and device nodes in a temp folder; the in-process cases use the real writer with a
// pause or an edit injected at the one moment that matters (before the rename).
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AtomicWriteError, readPlanFile, writeFileAtomic, writeTextPreserving, type AtomicWriteFs } from '../../server/src/io/files.js';
import { BIN, fengong } from '../cli/helpers.js';

const isRoot = process.getuid?.() === 0;
const needsRoot = isRoot ? false : 'needs root (setpriv to nobody, chown, mknod): the project machines and CI run as root';
const PLAN = '关于2024年工作要点\n一.重点任务\n（一）加强管理。（办公室牵头）\n';
const FIXED = '关于2024年工作要点\n一、重点任务\n（一）加强管理。（办公室牵头）\n';

const base = mkdtempSync(join(tmpdir(), 'fengong-write-'));
chmodSync(base, 0o755);
after(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
const fresh = (mode = 0o755) => {
  const d = join(base, `case-${n++}`);
  mkdirSync(d);
  chmodSync(d, mode);
  return d;
};
const asNobody = (args: string[], cwd: string) =>
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const tempFiles = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tmp'));

describe('check --fix: a file the user cannot write is not written', () => {
  test('as nobody, a root-owned 0644 file in a 0777 folder: refused by name, exit 2, untouched and still root\'s', { skip: needsRoot }, () => {
    const d = fresh(0o777);
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    chmodSync(p, 0o644);
    const r = asNobody(['check', '--fix', 'plan.txt'], d);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^fengong：${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 是只读文件（或你没有写入权限），未写入（EACCES，没有权限）：请先修改该文件的权限后重试。$`, 'm'));
    assert.equal(readFileSync(p, 'utf8'), PLAN);
    assert.deepEqual([statSync(p).uid, statSync(p).mode & 0o7777], [0, 0o644]);
    assert.deepEqual(readdirSync(d), ['plan.txt']);
  });

  test('a 0444 file is refused even by root, exit 2, in English with --locale en', () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    chmodSync(p, 0o444);
    const r = fengong(['check', '--fix', '--locale', 'en', p]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is read-only \(or you may not write it\) and was not written \(EACCES: permission denied\); change its permissions and try again\./);
    assert.equal(readFileSync(p, 'utf8'), PLAN);
  });
});

describe('check --fix keeps owner, mode and links', () => {
  test('setuid/setgid bits and a foreign owner survive a fix by root', { skip: needsRoot }, () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    chownSync(p, 65534, 65534);
    chmodSync(p, 0o6754);
    const r = fengong(['check', '--fix', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(p, 'utf8'), FIXED);
    const st = statSync(p);
    assert.deepEqual([st.uid, st.gid, (st.mode & 0o7777).toString(8)], [65534, 65534, '6754']);
  });

  test('a hard-linked file is fixed in place: the other name sees the fix too', () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    linkSync(p, join(d, 'other-name.txt'));
    const ino = statSync(p).ino;
    assert.equal(fengong(['check', '--fix', p]).code, 0);
    assert.equal(readFileSync(join(d, 'other-name.txt'), 'utf8'), FIXED);
    assert.equal(statSync(p).ino, ino);
    assert.equal(statSync(p).nlink, 2);
  });

  test('a group-writable file of another user, fixed by a member: in place, owner kept', { skip: needsRoot }, () => {
    const d = fresh(0o777);
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    chownSync(p, 0, 65534);
    chmodSync(p, 0o664);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'check', '--fix', p], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(p, 'utf8'), FIXED);
    assert.deepEqual([statSync(p).uid, statSync(p).gid], [0, 65534]);
  });
});

describe('-o: links, FIFOs, devices, folders', () => {
  test('table -o through a symlink writes its target; the link stays a link', () => {
    const d = fresh();
    writeFileSync(join(d, 'plan.txt'), PLAN);
    writeFileSync(join(d, 'real.md'), 'old');
    symlinkSync('real.md', join(d, 'link.md'));
    const r = fengong(['table', 'plan.txt', '-o', 'link.md'], { cwd: d });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(join(d, 'link.md')).isSymbolicLink());
    assert.match(readFileSync(join(d, 'real.md'), 'utf8'), /加强管理/);
  });

  test('a dangling symlink: the file is created where it points', () => {
    const d = fresh();
    writeFileSync(join(d, 'plan.txt'), PLAN);
    symlinkSync('made.md', join(d, 'link.md'));
    assert.equal(fengong(['table', 'plan.txt', '-o', 'link.md'], { cwd: d }).code, 0);
    assert.ok(lstatSync(join(d, 'link.md')).isSymbolicLink());
    assert.match(readFileSync(join(d, 'made.md'), 'utf8'), /加强管理/);
  });

  test('table -o FIFO: written as a stream to its reader, the FIFO stays a FIFO', async () => {
    const d = fresh();
    writeFileSync(join(d, 'plan.txt'), PLAN);
    const fifo = join(d, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (c: Buffer) => { got += c.toString('utf8'); });
    const readerDone = new Promise((res) => reader.on('close', res));
    const r = await new Promise<{ code: number | null; stderr: string }>((res) => {
      const p = spawn(process.execPath, [BIN, 'table', 'plan.txt', '-f', 'md', '-o', fifo], { cwd: d });
      let stderr = '';
      p.stderr.on('data', (c: Buffer) => { stderr += c; });
      p.on('close', (code) => res({ code, stderr }));
    });
    await readerDone;
    assert.equal(r.code, 0, r.stderr);
    assert.match(got, /加强管理/);
    assert.ok(statSync(fifo).isFIFO());
    assert.deepEqual(tempFiles(d), []);
  });

  test('table -o a character device (a null device made here): written to, not replaced', { skip: needsRoot }, () => {
    const d = fresh();
    writeFileSync(join(d, 'plan.txt'), PLAN);
    execFileSync('mknod', [join(d, 'null'), 'c', '1', '3']);
    assert.equal(fengong(['table', 'plan.txt', '-o', 'null'], { cwd: d }).code, 0);
    assert.ok(statSync(join(d, 'null')).isCharacterDevice());
    assert.deepEqual(tempFiles(d), []);
  });

  test('-o /dev/stdout into a pipe: the table comes out on stdout', () => {
    const d = fresh();
    writeFileSync(join(d, 'plan.txt'), PLAN);
    const r = fengong(['table', 'plan.txt', '-f', 'csv', '-o', '/dev/stdout'], { cwd: d });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /加强管理/);
    assert.ok(!statSync('/dev/stdout').isFile());
  });

  test('-o into missing folders creates them', () => {
    const d = fresh();
    writeFileSync(join(d, 'plan.txt'), PLAN);
    const r = fengong(['check', '--format', 'json', '-o', 'reports/ci/fengong.json', 'plan.txt'], { cwd: d });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(readFileSync(join(d, 'reports/ci/fengong.json'), 'utf8'))[0].errorCount, 0);
  });

  test('-o a folder, or under a file: a clear message naming it, exit 2, no stack trace', () => {
    const d = fresh();
    writeFileSync(join(d, 'plan.txt'), PLAN);
    mkdirSync(join(d, 'out'));
    const r1 = fengong(['check', '-o', 'out', 'plan.txt'], { cwd: d });
    assert.equal(r1.code, 2);
    assert.equal(r1.stderr, 'fengong：不能写入输出文件 out（EISDIR，这是一个文件夹）：请用 -o 给出一个文件的路径（文件夹会自动创建）。\n');
    const r2 = fengong(['table', 'plan.txt', '-o', 'plan.txt/x.md'], { cwd: d });
    assert.equal(r2.code, 2);
    assert.equal(r2.stderr, 'fengong：不能写入输出文件 plan.txt/x.md（ENOTDIR，路径中有一段不是文件夹）：请用 -o 给出一个文件的路径（文件夹会自动创建）。\n');
    assert.equal(readFileSync(join(d, 'plan.txt'), 'utf8'), PLAN);
  });
});

describe('a concurrent edit is never overwritten', () => {
  test('the file changed after it was read: rejected as `changed`, the edit kept', async () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    const r = await readPlanFile(p);
    assert.ok(r.ok);
    appendFileSync(p, '（二）编辑器里刚加的一行。\n');
    await assert.rejects(writeTextPreserving(p, FIXED, r.meta, { expect: r.stamp }), (e: unknown) => {
      assert.ok(e instanceof AtomicWriteError);
      assert.equal(e.code, 'changed');
      assert.equal(e.fileError.message.zh, `${p} 在读取后被其他程序修改过，未写入，以免覆盖这些修改：请重新运行。`);
      return true;
    });
    assert.equal(readFileSync(p, 'utf8'), PLAN + '（二）编辑器里刚加的一行。\n');
    assert.deepEqual(tempFiles(d), []);
  });

  test('an editor saves while the temp file is being written (same size, same mtime): the hash catches it', async () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    const r = await readPlanFile(p);
    assert.ok(r.ok);
    const { mtime } = statSync(p);
    const edited = PLAN.replace('加强', '强化');
    const fs: Partial<AtomicWriteFs> = {
      chmod: async (...a) => {
        const { chmod, utimes } = await import('node:fs/promises');
        await chmod(...a);
        writeFileSync(p, edited); // same byte length
        await utimes(p, mtime, mtime);
      },
    };
    await assert.rejects(writeTextPreserving(p, FIXED, r.meta, { expect: r.stamp, fs }), (e: unknown) => e instanceof AtomicWriteError && e.code === 'changed');
    assert.equal(readFileSync(p, 'utf8'), edited);
    assert.deepEqual(tempFiles(d), []);
  });
});

describe('no temp file outlives the process', () => {
  test('SIGTERM while the temp file exists: removed, and the process dies of the signal', async () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    const writeTs = resolve('server/src/io/write.ts');
    // the rename never comes: the child reports the moment and waits to be killed
    const code = `import { writeFileAtomic } from ${JSON.stringify(writeTs)};
      await writeFileAtomic(${JSON.stringify(p)}, Buffer.from('x'), { fs: { rename: () => { console.log('paused'); return new Promise(() => { setInterval(() => {}, 1000); }); } } });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((res) => child.stdout.on('data', (c: Buffer) => { if (c.toString().includes('paused')) res(); }));
    assert.equal(tempFiles(d).length, 1, 'the temp file exists while paused');
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, sig) => res(sig)));
    child.kill('SIGTERM');
    assert.equal(await exited, 'SIGTERM');
    assert.deepEqual(readdirSync(d), ['plan.txt']);
    assert.equal(readFileSync(p, 'utf8'), PLAN);
  });

  test('stale temp files of our naming (their process gone, as after SIGKILL) are swept; a live one is left', async () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const live = spawn('sleep', ['30']);
    try {
      const staleName = `.plan.txt.${dead}.0123456789ab.tmp`;
      const liveName = `.plan.txt.${live.pid}.ba9876543210.tmp`;
      const unrelated = '.plan.txt.notours.tmp';
      for (const f of [staleName, liveName, unrelated]) writeFileSync(join(d, f), 'half-written');
      await writeFileAtomic(p, Buffer.from(FIXED));
      assert.deepEqual(readdirSync(d).sort(), [liveName, unrelated, 'plan.txt'].sort());
      assert.ok(!existsSync(join(d, staleName)));
    } finally {
      live.kill();
    }
  });
});

// Issue 16, the second attack: a kill mid-way through an in-place write, an edit in the last
// milliseconds before the rename, `-o` through a link to an appended stdout, a signal the moment
// the temp file exists.
describe('nothing a user wrote is lost, whatever moment a kill or an edit lands', () => {
  const childWrite = (p: string, bytes: string, fsCode: string) => {
    const writeTs = resolve('server/src/io/write.ts');
    const code = `import { writeFileAtomic } from ${JSON.stringify(writeTs)}; import { promises as fsp } from 'node:fs';
      await writeFileAtomic(${JSON.stringify(p)}, Buffer.from(${JSON.stringify(bytes)}), { fs: { ${fsCode} } });`;
    return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  };
  const untilPaused = (child: ReturnType<typeof spawn>) =>
    new Promise<void>((res) => child.stdout!.on('data', (c: Buffer) => { if (c.toString().includes('paused')) res(); }));
  const exitOf = (child: ReturnType<typeof spawn>) => new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, sig) => res(sig)));

  test('a hard-linked file killed between the write and the truncate: the next run says where the original is and leaves the file; restored, it is fixed', async () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    linkSync(p, join(d, 'other-name.txt'));
    const shorter = '二〇二四年要点\n';
    // the truncate never comes: SIGKILL lands between it and the write, as a CI cancel or OOM kill would
    const child = childWrite(p, shorter, `open: async (path, flags, mode) => { const h = await fsp.open(path, flags, mode);
      if (flags === 'r+') h.truncate = () => { console.log('paused'); return new Promise(() => setInterval(() => {}, 1000)); };
      return h; }`);
    await untilPaused(child);
    const died = exitOf(child);
    child.kill('SIGKILL');
    assert.equal(await died, 'SIGKILL');
    const torn = shorter + Buffer.from(PLAN).subarray(Buffer.byteLength(shorter)).toString();
    assert.equal(readFileSync(p, 'utf8'), torn, 'the in-place write was cut midway');
    const original = join(d, '.plan.txt.fengong-original');
    const journal = join(d, '.plan.txt.fengong-journal.json');
    assert.equal(readFileSync(original, 'utf8'), PLAN);

    const next = fengong(['check', '--fix', p]);
    assert.equal(next.code, 2);
    assert.ok(next.stderr.includes(`fengong：${p} 上次修复（--fix）写到一半被中断，文件可能已损坏，本次未修复它。修复前的原文保存在 ${original}：请核对后用它恢复文件（如 cp），再删除 ${journal}。\n`), next.stderr);
    assert.equal(readFileSync(p, 'utf8'), torn, 'left alone for the user to look at');
    // found the same way when the file comes from a folder's walk, the folder named through a link
    // too (the walk's real path, not the system's, is where the journal is looked for)
    const link = `${d}-link`;
    symlinkSync(d, link);
    for (const [arg, named] of [[d, p], [link, join(link, 'plan.txt')]]) {
      const walked = fengong(['check', arg!]);
      assert.equal(walked.code, 2, walked.stderr);
      assert.ok(walked.stderr.includes(`fengong：${named} 上次修复（--fix）写到一半被中断，文件可能已损坏，本次未修复它。修复前的原文保存在 ${original}：请核对后用它恢复文件（如 cp），再删除 ${journal}。\n`), walked.stderr);
    }
    rmSync(link);

    writeFileSync(p, readFileSync(original)); // the user restores it (into the same inode, both names)
    const fixed = fengong(['check', '--fix', p]);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.equal(readFileSync(join(d, 'other-name.txt'), 'utf8'), FIXED);
    assert.deepEqual(readdirSync(d).sort(), ['other-name.txt', 'plan.txt']);
  });

  test('an edit written into the file after the last check, before the rename: put back, and said', async () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    const r = await readPlanFile(p);
    assert.ok(r.ok);
    const added = '（二）编辑器里刚加的一行。\n';
    let edited = false;
    const fs: Partial<AtomicWriteFs> = {
      rename: async (from, to) => {
        if (!edited) appendFileSync(p, added); // lands after the check, in the old inode
        edited = true;
        const { rename } = await import('node:fs/promises');
        await rename(from, to);
      },
    };
    await assert.rejects(writeTextPreserving(p, FIXED, r.meta, { expect: r.stamp, fs }), (e: unknown) => {
      assert.ok(e instanceof AtomicWriteError);
      assert.equal(e.code, 'restored');
      assert.equal(e.fileError.message.zh, `${p} 在写入修复的同时被其他程序修改：已把该程序写入的内容放回原处，修复未保存：请重新运行。`);
      return true;
    });
    assert.equal(readFileSync(p, 'utf8'), PLAN + added);
    assert.deepEqual(readdirSync(d), ['plan.txt']);
  });

  test('-o LINK, LINK → /dev/stdout, stdout a file opened for appending (>> r.out): appended to, not replaced', () => {
    const d = fresh();
    writeFileSync(join(d, 'plan.txt'), PLAN);
    symlinkSync('/dev/stdout', join(d, 'link'));
    writeFileSync(join(d, 'r.out'), 'before\n');
    const r = spawnSync('sh', ['-c', `echo start >> r.out; "${process.execPath}" "${BIN}" table plan.txt -o link >> r.out; echo end >> r.out`], { cwd: d, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const out = readFileSync(join(d, 'r.out'), 'utf8');
    assert.ok(out.startsWith('before\nstart\n| 序号 |'), out);
    assert.ok(out.endsWith('| （一） | 加强管理。 | 办公室 |  |  |  |  | 3 |\nend\n'), out);
    assert.ok(lstatSync(join(d, 'link')).isSymbolicLink());
  });

  test('SIGTERM the moment the temp file is created: it is removed all the same', async () => {
    const d = fresh();
    const p = join(d, 'plan.txt');
    writeFileSync(p, PLAN);
    const child = childWrite(p, FIXED, `open: async (...a) => { const h = await fsp.open(...a);
      process.kill(process.pid, 'SIGTERM'); await new Promise((r) => setTimeout(r, 500)); return h; }`);
    assert.equal(await exitOf(child), 'SIGTERM');
    assert.deepEqual(readdirSync(d), ['plan.txt']);
    assert.equal(readFileSync(p, 'utf8'), PLAN);
  });
});

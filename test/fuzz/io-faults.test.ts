// Fault and property tests for the file layer: real full and read-only file systems (a tiny tmpfs),
// real permission failures (a child process dropped to an unprivileged user, since root ignores
// file modes), and random bytes / random text through decode → encode.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { decodeBuffer, encodeText } from '../../server/src/io/encoding.js';
import { AtomicWriteError, readPlanFile, writeFileAtomic, writeTextPreserving } from '../../server/src/io/files.js';

const isRoot = process.getuid?.() === 0;
const CORPUS = readFileSync(new URL('../corpus/004_acf7e94b039c0b3c.txt', import.meta.url), 'utf8');

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fengong-io-faults-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Mount a tmpfs of `kb` KiB; undefined when this machine does not allow it (not root). */
function mountTmpfs(kb: number): string | undefined {
  if (!isRoot) return undefined;
  const mnt = mkdtempSync(join(dir, 'mnt-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', mnt]);
  return r.status === 0 ? mnt : undefined;
}

function umount(mnt: string): void {
  spawnSync('umount', [mnt]);
}

/** Fill a file system until writing fails with ENOSPC. */
function fill(mnt: string): void {
  const chunk = Buffer.alloc(4096, 0x61);
  try {
    for (let i = 0; i < 100_000; i++) writeFileSync(join(mnt, 'filler'), chunk, { flag: 'a' });
  } catch (e) {
    assert.equal((e as NodeJS.ErrnoException).code, 'ENOSPC');
    return;
  }
  assert.fail('the tmpfs never filled up');
}

const needsRoot = isRoot ? false : 'mounting a tmpfs needs root (the project machines and CI run as root)';

describe('real file-system faults during --fix writes', () => {
  test('disk full (ENOSPC): original GB18030 file intact, no temp file left', { skip: needsRoot }, async () => {
    const mnt = mountTmpfs(64);
    assert.ok(mnt, 'tmpfs mounted');
    try {
      const p = join(mnt, 'plan.txt');
      const original = iconv.encode(CORPUS.replace(/\n/g, '\r\n'), 'gb18030');
      writeFileSync(p, original);
      fill(mnt);
      const r = await readPlanFile(p);
      assert.ok(r.ok);
      const bigger = r.text + '附件'.repeat(20_000);
      await assert.rejects(writeTextPreserving(p, bigger, r.meta), (e: unknown) => {
        assert.ok(e instanceof AtomicWriteError);
        assert.equal(e.code, 'ENOSPC');
        assert.ok(e.message.includes(`写入 ${p} 失败`));
        return true;
      });
      assert.deepEqual(readFileSync(p), original);
      assert.deepEqual(readdirSync(mnt).sort(), ['filler', 'plan.txt']);
      // With room again the same write goes through, still GB18030 with CRLF.
      rmSync(join(mnt, 'filler'));
      const small = r.text.replace('工作要点', '工作要点（修订）');
      assert.equal(await writeTextPreserving(p, small, r.meta), true);
      assert.deepEqual(readFileSync(p), iconv.encode(small, 'gb18030'));
      assert.deepEqual(readdirSync(mnt), ['plan.txt']);
    } finally {
      umount(mnt!);
    }
  });

  test('read-only file system (EROFS): original intact', { skip: needsRoot }, async () => {
    const mnt = mountTmpfs(256);
    assert.ok(mnt, 'tmpfs mounted');
    try {
      const p = join(mnt, 'plan.txt');
      writeFileSync(p, '\ufeff一.甲\r\n');
      execFileSync('mount', ['-o', 'remount,ro', mnt]);
      await assert.rejects(writeFileAtomic(p, Buffer.from('\ufeff一、甲\r\n')), (e: unknown) => {
        assert.ok(e instanceof AtomicWriteError);
        // refused before any temp file: access(2) says EROFS
        assert.equal(e.code, 'read-only');
        assert.ok(e.message.startsWith(`${p} 是只读文件（或你没有写入权限），未写入（EROFS，只读文件系统）`), e.message);
        return true;
      });
      assert.equal(readFileSync(p, 'utf8'), '\ufeff一.甲\r\n');
      assert.deepEqual(readdirSync(mnt), ['plan.txt']);
    } finally {
      umount(mnt!);
    }
  });
});

describe('real permission faults (unprivileged process)', () => {
  /**
   * Run a script as `nobody` when we are root (root bypasses file modes), else as ourselves.
   * The script prints JSON; the file layer is imported from source through tsx.
   */
  function runUnprivileged(script: string): unknown {
    const filesTs = resolve('server/src/io/files.ts');
    const code = `import * as io from ${JSON.stringify(filesTs)};\n${script}`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      encoding: 'utf8',
      ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
      env: { ...process.env, TSX_TSCONFIG_PATH: resolve('tsconfig.json') },
    });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  }

  test('unreadable file → EACCES with a message naming it', () => {
    const d = mkdtempSync(join(dir, 'perm-'));
    chmodSync(d, 0o755);
    const p = join(d, 'secret.txt');
    writeFileSync(p, '一、甲\n');
    chmodSync(p, 0o000);
    const out = runUnprivileged(`const r = await io.readPlanFile(${JSON.stringify(p)}); console.log(JSON.stringify(r));`) as {
      ok: boolean;
      error: { code: string; message: { zh: string } };
    };
    assert.equal(out.ok, false);
    assert.equal(out.error.code, 'EACCES');
    assert.ok(out.error.message.zh.startsWith(`没有权限读取 ${p}`));
  });

  test('read-only folder (chmod 555) during a write → EACCES, original intact, no temp file', () => {
    const d = mkdtempSync(join(dir, 'perm-'));
    const p = join(d, 'plan.txt');
    writeFileSync(p, '一.甲\n');
    if (isRoot) chownSync(p, 65534, 65534); // the file is the user's own; only the folder is locked
    chmodSync(p, 0o644);
    chmodSync(d, 0o555);
    const out = runUnprivileged(
      `try { await io.writeFileAtomic(${JSON.stringify(p)}, Buffer.from('一、甲\\n')); console.log('"wrote"'); }
       catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message })); }`,
    ) as { name: string; code: string; message: string };
    assert.equal(out.name, 'AtomicWriteError');
    assert.equal(out.code, 'EACCES');
    assert.ok(out.message.includes(p));
    assert.equal(readFileSync(p, 'utf8'), '一.甲\n');
    assert.deepEqual(readdirSync(d), ['plan.txt']);
    chmodSync(d, 0o755);
  });
});

describe('ownership', () => {
  test('a file written by root keeps its owner and mode', { skip: isRoot ? false : 'only root can own files of others' }, async () => {
    const d = mkdtempSync(join(dir, 'own-'));
    const p = join(d, 'plan.txt');
    writeFileSync(p, 'old');
    chownSync(p, 65534, 65534);
    chmodSync(p, 0o604);
    await writeFileAtomic(p, Buffer.from('new'));
    const st = statSync(p);
    assert.deepEqual([st.uid, st.gid, st.mode & 0o7777], [65534, 65534, 0o604]);
    assert.equal(readFileSync(p, 'utf8'), 'new');
  });
});

describe('decode/encode properties', () => {
  test('any bytes: decodeBuffer never throws, and what it accepts encodes back byte for byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const buf = Buffer.from(bytes);
        const r = decodeBuffer(buf);
        if (r.ok) assert.deepEqual(encodeText(r.text, r), buf);
        else assert.ok(r.detail.length > 0);
      }),
      { numRuns: 3000 },
    );
  });

  test('mangled real files (random byte edits to UTF-8 and GB18030 corpus text) round-trip when accepted', () => {
    const sources = [Buffer.from(CORPUS, 'utf8'), iconv.encode(CORPUS, 'gb18030')];
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (which, edits) => {
          const buf = Buffer.from(sources[which]!);
          for (const [at, b] of edits) buf[at % buf.length] = b;
          const r = decodeBuffer(buf);
          if (r.ok) assert.deepEqual(encodeText(r.text, r), buf);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('any Unicode text without NUL survives UTF-8, UTF-8 BOM, UTF-16LE/BE BOM', () => {
    const metas = [
      { encoding: 'utf8', bom: false },
      { encoding: 'utf8', bom: true },
      { encoding: 'utf16le', bom: true },
      { encoding: 'utf16be', bom: true },
    ] as const;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom(...metas), (s, meta) => {
        fc.pre(!s.includes('\0'));
        const r = decodeBuffer(encodeText(s, meta));
        if (meta.encoding === 'utf8' && !r.ok) {
          assert.equal(r.reason, 'binary'); // many C0 controls in a short string
          return;
        }
        assert.ok(r.ok, JSON.stringify(r));
        if (meta.encoding === 'utf8' && !meta.bom && r.encoding === 'gb18030') {
          // not Chinese as UTF-8 but plausible Chinese as GB18030: read so, said, and byte-exact
          assert.deepEqual(r.note, { id: 'io.assumedGb', data: {} });
          assert.deepEqual(encodeText(r.text, r), encodeText(s, meta));
          return;
        }
        assert.equal(r.text, s);
        assert.equal(r.encoding, meta.encoding);
        assert.equal(r.bom, meta.bom);
      }),
      { numRuns: 2000 },
    );
  });

  test('Chinese text from the corpus alphabet is detected as GB18030 and decodes exactly', () => {
    const alphabet = [...new Set(CORPUS)].filter((c) => c !== '\u00a0');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 300 }), (chars) => {
        const s = chars.join('');
        const bytes = iconv.encode(s, 'gb18030');
        const r = decodeBuffer(bytes);
        assert.ok(r.ok, JSON.stringify(r));
        assert.deepEqual(encodeText(r.text, r), bytes);
        // GBK that is also valid UTF-8 (织 = D6 AF = U+05AF) is still read as the Chinese it is
        assert.equal(r.text, s);
        assert.equal(r.encoding, /[^\x00-\x7f]/.test(s) ? 'gb18030' : 'utf8');
      }),
      { numRuns: 1000 },
    );
  });
});

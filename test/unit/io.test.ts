// File I/O layer: encodings on real files, byte-exact round trips, atomic writes that leave the
// original intact on failure, and argument expansion over a tree with symlink loops and escapes.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBuffer, encodeText, detectEol } from '../../server/src/io/encoding.js';
import {
  AtomicWriteError,
  expandInputs,
  readPlanFile,
  writeFileAtomic,
  writeTextPreserving,
  type AtomicWriteFs,
} from '../../server/src/io/files.js';

const CORPUS = readFileSync(new URL('../corpus/004_acf7e94b039c0b3c.txt', import.meta.url), 'utf8');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0]);

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'fengong-io-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Write bytes to a fresh file in the temp dir and return its path. */
function put(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** Read a file through readPlanFile, assert success, and check the round trip is byte-exact. */
async function readOk(path: string) {
  const r = await readPlanFile(path);
  assert.equal(r.ok, true, r.ok ? '' : JSON.stringify(r.error));
  if (!r.ok) throw new Error('unreachable');
  assert.deepEqual(encodeText(r.text, r.meta), readFileSync(path), 'round trip is byte-exact');
  return r;
}

function tempFilesIn(d: string): string[] {
  return readdirSync(d).filter((n) => n.endsWith('.tmp'));
}

describe('decode and encode real files', () => {
  test('UTF-8 without BOM, LF', async () => {
    const p = put('utf8.txt', '一、总体要求\n（一）加强领导。（办公室牵头）\n');
    const r = await readOk(p);
    assert.equal(r.text, '一、总体要求\n（一）加强领导。（办公室牵头）\n');
    assert.deepEqual(r.meta, { encoding: 'utf8', bom: false, eol: '\n', mixedEol: false });
    assert.equal(r.path, p);
  });

  test('UTF-8 with BOM, CRLF: BOM dropped from the text, line endings kept', async () => {
    const p = put('utf8bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('甲\r\n乙\r\n', 'utf8')]));
    const r = await readOk(p);
    assert.equal(r.text, '甲\r\n乙\r\n');
    assert.deepEqual(r.meta, { encoding: 'utf8', bom: true, eol: '\r\n', mixedEol: false });
  });

  test('UTF-16LE with BOM (corpus text)', async () => {
    const p = put('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CORPUS, 'utf16le')]));
    const r = await readOk(p);
    assert.equal(r.text, CORPUS);
    assert.equal(r.meta.encoding, 'utf16le');
    assert.equal(r.meta.bom, true);
  });

  test('UTF-16BE with BOM (corpus text)', async () => {
    const p = put('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CORPUS, 'utf16le').swap16()]));
    const r = await readOk(p);
    assert.equal(r.text, CORPUS);
    assert.equal(r.meta.encoding, 'utf16be');
    assert.equal(r.meta.bom, true);
  });

  test('GB18030/GBK corpus file is detected and decodes to the UTF-8 original', async () => {
    const bytes = iconv.encode(CORPUS, 'gb18030');
    assert.notDeepEqual(bytes, Buffer.from(CORPUS, 'utf8'));
    const p = put('gbk.txt', bytes);
    const r = await readOk(p);
    assert.equal(r.text, CORPUS);
    assert.deepEqual(r.meta, { encoding: 'gb18030', bom: false, eol: '\n', mixedEol: false });
  });

  test('GB18030 four-byte sequences (characters outside GBK) round-trip', async () => {
    const text = '一、推进㐀项工作（办公室牵头）€\r\n二、落实𠀀事项。\r\n';
    const bytes = iconv.encode(text, 'gb18030');
    assert.ok(bytes.includes(Buffer.from([0x81, 0x39])), 'has a 4-byte sequence');
    const r = await readOk(put('gb4.txt', bytes));
    assert.equal(r.text, text);
    assert.equal(r.meta.encoding, 'gb18030');
    assert.equal(r.meta.eol, '\r\n');
  });

  test('GBK with CRLF', async () => {
    // GBK (what Windows Notepad saves as ANSI) has no U+00A0; the corpus has some.
    const text = CORPUS.replace(/\n/g, '\r\n').replace(/\u00a0/g, ' ');
    assert.equal(iconv.decode(iconv.encode(text, 'gbk'), 'gbk'), text);
    const r = await readOk(put('gbk-crlf.txt', iconv.encode(text, 'gbk')));
    assert.equal(r.text, text);
    assert.deepEqual(r.meta, { encoding: 'gb18030', bom: false, eol: '\r\n', mixedEol: false });
  });

  test('CR-only line endings', async () => {
    const r = await readOk(put('cr.txt', '一、甲\r二、乙\r三、丙'));
    assert.equal(r.text, '一、甲\r二、乙\r三、丙');
    assert.equal(r.meta.eol, '\r');
    assert.equal(r.meta.mixedEol, false);
  });

  test('mixed line endings: the most frequent wins, mixedEol set, bytes kept', async () => {
    const r = await readOk(put('mixed.txt', 'a\r\nb\r\nc\nd\re\r\n'));
    assert.equal(r.text, 'a\r\nb\r\nc\nd\re\r\n');
    assert.equal(r.meta.eol, '\r\n');
    assert.equal(r.meta.mixedEol, true);
  });

  test('empty file', async () => {
    const r = await readOk(put('empty.txt', ''));
    assert.equal(r.text, '');
    assert.deepEqual(r.meta, { encoding: 'utf8', bom: false, eol: '\n', mixedEol: false });
  });

  test('only whitespace (spaces, tabs, full-width space, line breaks)', async () => {
    const r = await readOk(put('ws.txt', '  \t\n\u3000\r\n \n'));
    assert.equal(r.text, '  \t\n\u3000\r\n \n');
    assert.equal(r.meta.encoding, 'utf8');
    assert.equal(r.meta.mixedEol, true);
  });

  test('a BOM in the middle and a second BOM after the first are kept as U+FEFF', async () => {
    const r = await readOk(put('bom2.txt', '\ufeff\ufeff甲\ufeff乙\n'));
    assert.equal(r.text, '\ufeff甲\ufeff乙\n');
    assert.equal(r.meta.bom, true);
    const r2 = await readOk(put('bommid.txt', '甲\ufeff乙\n'));
    assert.equal(r2.text, '甲\ufeff乙\n');
    assert.equal(r2.meta.bom, false);
  });

  test('binary (PNG header + NULs) is reported, naming the file', async () => {
    const p = put('image.txt', PNG);
    const r = await readPlanFile(p);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'binary');
    assert.equal(r.error.path, p);
    assert.equal(r.error.detail, 'NUL byte at offset 8 and no UTF-16 BOM');
    assert.ok(r.error.message.zh.startsWith(`${p} 是二进制文件`));
    assert.ok(r.error.message.en.startsWith(`${p} is a binary file`));
  });

  test('binary: UTF-8 BOM before NULs, UTF-16 without BOM, many control bytes', () => {
    assert.deepEqual(decodeBuffer(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0, 0x42])), {
      ok: false,
      reason: 'binary',
      detail: 'NUL byte at offset 4 and no UTF-16 BOM',
      why: { id: 'io.why.nul', data: { offset: 4 } },
    });
    // UTF-16 without a BOM is text (issue 12), in either byte order; NULs in other text are not
    const le = decodeBuffer(Buffer.from('一、甲\r\n2. 乙\r\n', 'utf16le'));
    assert.deepEqual(le, { ok: true, text: '一、甲\r\n2. 乙\r\n', encoding: 'utf16le', bom: false, eol: '\r\n', mixedEol: false });
    assert.deepEqual(le.ok && encodeText(le.text, le), Buffer.from('一、甲\r\n2. 乙\r\n', 'utf16le'));
    const be = decodeBuffer(Buffer.from('一、甲\n', 'utf16le').swap16());
    assert.deepEqual(be.ok && [be.text, be.encoding, be.bom], ['一、甲\n', 'utf16be', false]);
    assert.equal(decodeBuffer(Buffer.from([0x41, 0, 0x42, 0, 0x43, 0, 1, 0])).ok, false, 'ASCII with controls in UTF-16: not Chinese, still binary');
    const ctrl = decodeBuffer(Buffer.from([1, 2, 3, 4, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46]));
    assert.deepEqual(ctrl, { ok: false, reason: 'binary', detail: '4 of the first 10 bytes are control bytes', why: { id: 'io.why.control', data: { control: 4, n: 10 } } });
  });

  test('invalid UTF-8 that is not GB18030: undecodable at byte offset and line', async () => {
    const bytes = Buffer.concat([Buffer.from('第一行\n第二行\n前', 'utf8'), Buffer.from([0xc3, 0x28]), Buffer.from('后\n', 'utf8')]);
    const p = put('bad.txt', bytes);
    const r = await readPlanFile(p);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'undecodable');
    assert.equal(r.error.offset, 23);
    assert.equal(r.error.line, 3);
    assert.equal(r.error.detail, 'invalid UTF-8 at byte 23 (line 3); not GB18030 either (malformed sequence at byte 8)');
    assert.ok(r.error.message.zh.includes(p));
    assert.ok(r.error.message.zh.includes('请用记事本或 WPS 另存为 UTF-8 编码后重试'));
    assert.ok(r.error.message.zh.includes('（第 3 行（第 23 字节）既不是有效的 UTF-8，也不是 GB18030）'), r.error.message.zh);
    assert.ok(r.error.message.en.includes('save it as UTF-8'));
  });

  test('GBK bytes that are valid UTF-8 but not Chinese as UTF-8: read as GB18030, with a note; byte-exact', () => {
    // 织 alone in GBK is D6 AF, which is also UTF-8 for U+05AF (a Hebrew accent)
    const zhi = Buffer.from([0xd6, 0xaf]);
    const r = decodeBuffer(zhi);
    assert.deepEqual(r.ok && [r.text, r.encoding, r.note], ['织', 'gb18030', { id: 'io.assumedGb', data: {} }]);
    assert.deepEqual(r.ok && encodeText(r.text, r), zhi);
    // 中文 = D6 D0 CE C4: Hebrew and Greek as UTF-8
    assert.deepEqual(((d) => d.ok && [d.text, d.encoding])(decodeBuffer(iconv.encode('中文', 'gbk'))), ['中文', 'gb18030']);
    // real UTF-8 Chinese stays UTF-8, with no note
    const utf8 = decodeBuffer(Buffer.from('组织落实，Ω', 'utf8'));
    assert.deepEqual(utf8.ok && [utf8.encoding, utf8.note], ['utf8', undefined]);
    // With any full-width punctuation (A1xx/A3xx) GBK is no longer valid UTF-8.
    const plan = decodeBuffer(iconv.encode('组织，落实。', 'gbk'));
    assert.equal(plan.ok && plan.encoding, 'gb18030');
    assert.equal(plan.ok && plan.text, '组织，落实。');
  });

  test('valid UTF-8 that reads as an alphabet (Russian, Greek, Arabic, Hebrew) is UTF-8, with no note (issue 16)', () => {
    // each was read as GB18030 and the user told to re-save it as UTF-8
    for (const text of [
      'План работы на 2024 год\n1. Усилить управление (отдел кадров)\n',
      'Καλημέρα κόσμε, αυτό είναι ελληνικό κείμενο.\n',
      'مرحبا بالعالم، هذا نص عربي.\n',
      'שלום עולם, זה טקסט בעברית.\n',
      'Ærø, café, naïve — Zürich\n',
      'Cafe\u0301 decomposed: e + U+0301, Ω\u0301mega\n',
    ]) {
      const r = decodeBuffer(Buffer.from(text, 'utf8'));
      assert.deepEqual(r.ok && [r.text, r.encoding, r.note], [text, 'utf8', undefined], text);
    }
  });

  test('GBK words that are valid UTF-8 jump between scripts inside a word: still GB18030 (issue 12 kept)', () => {
    // 学习 芦苇 鹿禄 = D1 A7 CF B0 20 C2 AB CE AD 20 C2 B9 C2 BB: Cyrillic ѧ + Greek ϰ, « + Greek έ…
    const bytes = iconv.encode('学习 芦苇 鹿禄\n', 'gbk');
    assert.equal(bytes.toString('hex'), 'd1a7cfb020c2abcead20c2b9c2bb0a');
    assert.equal(bytes.toString('utf8'), 'ѧϰ «έ ¹»\n');
    const r = decodeBuffer(bytes);
    assert.deepEqual(r.ok && [r.text, r.encoding, r.note], ['学习 芦苇 鹿禄\n', 'gb18030', { id: 'io.assumedGb', data: {} }]);
    // one or two letters are no evidence of an alphabet: 小写 = D0 A1 D0 B4 = Cyrillic Сд; stays Chinese
    const xiao = iconv.encode('小写', 'gbk');
    assert.equal(xiao.toString('utf8'), 'Сд');
    assert.deepEqual(((d) => d.ok && [d.text, d.encoding])(decodeBuffer(xiao)), ['小写', 'gb18030']);
  });

  test('Latin-1 text is not mistaken for GB18030', () => {
    const r = decodeBuffer(Buffer.from('ab\xe9rc\xe9ab plan', 'latin1'));
    assert.deepEqual(r, {
      ok: false,
      reason: 'undecodable',
      detail: 'invalid UTF-8 at byte 2 (line 1); not GB18030 either (decoded text is not plausible Chinese)',
      why: { id: 'io.why.legacy', data: { offset: 2, line: 1 } },
      offset: 2,
      line: 1,
    });
  });

  test('UTF-16 with BOM: odd length and lone surrogate are undecodable', () => {
    const odd = decodeBuffer(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    assert.equal(!odd.ok && odd.detail, 'utf16le with BOM has an odd number of bytes (5)');
    const lone = decodeBuffer(Buffer.from([0xfe, 0xff, 0x00, 0x41, 0xd8, 0x00, 0x00, 0x41]));
    assert.equal(!lone.ok && lone.detail, 'invalid utf16be after a utf16be BOM at byte 4');
  });

  test('encodeText: eol converts every line break; utf16be and BOM', () => {
    assert.deepEqual(encodeText('a\nb\r\nc\rd', { encoding: 'utf8', bom: false, eol: '\r\n' }), Buffer.from('a\r\nb\r\nc\r\nd'));
    assert.deepEqual(encodeText('甲', { encoding: 'utf16be', bom: true }), Buffer.from([0xfe, 0xff, 0x75, 0x32]));
    assert.deepEqual(encodeText('甲', { encoding: 'gb18030', bom: false }), Buffer.from([0xbc, 0xd7]));
    assert.deepEqual(encodeText('a\nb\r\n', { encoding: 'utf8', bom: false, eol: '\r\n', mixedEol: true }), Buffer.from('a\nb\r\n'));
    assert.deepEqual(detectEol('a\rb\rc\n'), { eol: '\r', mixedEol: true });
    assert.deepEqual(detectEol('甲\n乙\n'), { eol: '\n', mixedEol: false });
    assert.deepEqual(detectEol('甲'), { eol: '\n', mixedEol: false });
    assert.deepEqual(detectEol('甲\r\n乙\r\n丙\n'), { eol: '\r\n', mixedEol: true });
    assert.deepEqual(detectEol('甲\r\n乙\r\n'), { eol: '\r\n', mixedEol: false });
  });
});

describe('readPlanFile errors', () => {
  test('missing file', async () => {
    const p = join(dir, 'nope.txt');
    const r = await readPlanFile(p);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.error.code, 'ENOENT');
    assert.equal(r.error.message.zh, `找不到文件或文件夹 ${p}：请检查路径是否正确。`);
  });

  test('a folder given as a file', async () => {
    const p = join(dir, 'adir');
    mkdirSync(p);
    const r = await readPlanFile(p);
    assert.equal(!r.ok && r.error.code, 'EISDIR');
  });

  test('too large', async () => {
    const p = put('big.txt', 'x'.repeat(100));
    const r = await readPlanFile(p, { maxBytes: 99 });
    assert.equal(!r.ok && r.error.code, 'too-large');
    assert.equal(!r.ok && r.error.detail, '100 bytes > 99');
  });

  test('a FIFO is refused without blocking', async () => {
    const p = join(dir, 'fifo.txt');
    execFileSync('mkfifo', [p]);
    const r = await readPlanFile(p);
    assert.equal(!r.ok && r.error.code, 'not-file');
  });

  test('a symlink loop', async () => {
    const p = join(dir, 'selfloop.txt');
    symlinkSync(p, p);
    const r = await readPlanFile(p);
    assert.equal(!r.ok && r.error.code, 'ELOOP');
  });
});

describe('writeFileAtomic', () => {
  test('replaces the content, keeps the mode, leaves no temp file', async () => {
    const d = mkdtempSync(join(dir, 'w-'));
    const p = join(d, 'plan.txt');
    writeFileSync(p, 'old');
    chmodSync(p, 0o640);
    await writeFileAtomic(p, Buffer.from('新内容'));
    assert.equal(readFileSync(p, 'utf8'), '新内容');
    assert.equal(statSync(p).mode & 0o7777, 0o640);
    assert.deepEqual(tempFilesIn(d), []);
  });

  test('creates a missing file', async () => {
    const d = mkdtempSync(join(dir, 'w-'));
    await writeFileAtomic(join(d, 'new.txt'), Buffer.from('x'));
    assert.equal(readFileSync(join(d, 'new.txt'), 'utf8'), 'x');
    assert.deepEqual(readdirSync(d), ['new.txt']);
  });

  test('writes through a symlink; the link stays a link', async () => {
    const d = mkdtempSync(join(dir, 'w-'));
    writeFileSync(join(d, 'real.txt'), 'old');
    symlinkSync('real.txt', join(d, 'link.txt'));
    await writeFileAtomic(join(d, 'link.txt'), Buffer.from('new'));
    assert.equal(lstatSync(join(d, 'link.txt')).isSymbolicLink(), true);
    assert.equal(readFileSync(join(d, 'real.txt'), 'utf8'), 'new');
  });

  test('real failure: the target folder is a file (ENOTDIR) — rejects naming the file', async () => {
    const d = mkdtempSync(join(dir, 'w-'));
    writeFileSync(join(d, 'notadir'), 'I am a file');
    const p = join(d, 'notadir', 'plan.txt');
    await assert.rejects(writeFileAtomic(p, Buffer.from('x')), (e: unknown) => {
      assert.ok(e instanceof AtomicWriteError);
      assert.equal(e.code, 'ENOTDIR');
      assert.equal(e.fileError.code, 'write-failed');
      assert.ok(e.message.includes(`写入 ${p} 失败`));
      assert.ok(e.message.includes('原文件保持不变'));
      return true;
    });
    assert.equal(readFileSync(join(d, 'notadir'), 'utf8'), 'I am a file');
    assert.deepEqual(readdirSync(d), ['notadir']);
  });

  test('real failure: writing into /proc (no temp file can be created)', async () => {
    await assert.rejects(writeFileAtomic('/proc/self/fengong-plan.txt', Buffer.from('x')), (e: unknown) => {
      assert.ok(e instanceof AtomicWriteError);
      assert.ok(['ENOENT', 'EACCES', 'EPERM', 'EROFS'].includes(e.code), e.code);
      return true;
    });
  });

  async function* chunks(parts: string[], failAfter?: number) {
    for (const [i, part] of parts.entries()) {
      if (i === failAfter) throw Object.assign(new Error('the table writer failed'), { code: 'EINVAL' });
      await new Promise((res) => setImmediate(res)); // made while being written, as a table is
      yield Buffer.from(part);
    }
  }

  test('a streamed body (chunks made while written): the file is their concatenation, mode kept, no temp file', async () => {
    const d = mkdtempSync(join(dir, 'w-'));
    const p = join(d, 'table.md');
    writeFileSync(p, 'old');
    chmodSync(p, 0o640);
    await writeFileAtomic(p, chunks(['| 序号 |', ' 任务 |\n', '| 1 | 甲 |\n']));
    assert.equal(readFileSync(p, 'utf8'), '| 序号 | 任务 |\n| 1 | 甲 |\n');
    assert.equal(statSync(p).mode & 0o7777, 0o640);
    assert.deepEqual(tempFilesIn(d), []);
  });

  test('a streamed body into a hard-linked file: written in place, every name sees it', async () => {
    const d = mkdtempSync(join(dir, 'w-'));
    const p = join(d, 'table.csv');
    writeFileSync(p, 'old,longer than the new content\r\n');
    linkSync(p, join(d, 'other-name.csv'));
    const ino = statSync(p).ino;
    await writeFileAtomic(p, chunks(['a,b\r\n', '1,2\r\n']));
    assert.equal(statSync(p).ino, ino);
    assert.equal(readFileSync(join(d, 'other-name.csv'), 'utf8'), 'a,b\r\n1,2\r\n');
    assert.deepEqual(readdirSync(d).sort(), ['other-name.csv', 'table.csv']);
  });

  test('a stream that fails midway: rejects naming the file, the original intact, no temp file left', async () => {
    const d = mkdtempSync(join(dir, 'w-'));
    const p = join(d, 'table.json');
    writeFileSync(p, '{"old": true}\n');
    await assert.rejects(writeFileAtomic(p, chunks(['{', '"tasks": [', ']}'], 2)), (e: unknown) => {
      assert.ok(e instanceof AtomicWriteError);
      assert.equal(e.code, 'EINVAL');
      assert.ok(e.message.includes(`写入 ${p} 失败`), e.message);
      return true;
    });
    assert.equal(readFileSync(p, 'utf8'), '{"old": true}\n');
    assert.deepEqual(readdirSync(d), ['table.json']);
  });

  /** A plan file plus an fs whose `failing` call rejects with `code` (after doing nothing). */
  function faultSetup(code: string, failing: 'write' | 'sync' | 'open' | 'rename' | 'chmod') {
    const d = mkdtempSync(join(dir, 'f-'));
    const p = join(d, 'plan.txt');
    const original = iconv.encode('一、原文\r\n', 'gb18030');
    writeFileSync(p, original);
    const err = () => Object.assign(new Error(`${code}: injected`), { code });
    const fs: Partial<AtomicWriteFs> = {};
    if (failing === 'open') fs.open = (async () => { throw err(); }) as AtomicWriteFs['open'];
    if (failing === 'rename') fs.rename = async () => { throw err(); };
    if (failing === 'chmod') fs.chmod = async () => { throw err(); };
    if (failing === 'write' || failing === 'sync') {
      // A real temp file is created; the failure comes part-way, as on a full disk.
      fs.open = (async (...a: Parameters<AtomicWriteFs['open']>) => {
        const { open } = await import('node:fs/promises');
        const h = await open(...a);
        if (failing === 'write') h.writeFile = async (data: unknown) => { await h.write(Buffer.from(data as Uint8Array).subarray(0, 1)); throw err(); };
        else h.sync = async () => { throw err(); };
        return h;
      }) as AtomicWriteFs['open'];
    }
    return { d, p, original, fs };
  }

  for (const [code, failing] of [
    ['ENOSPC', 'write'],
    ['EIO', 'sync'],
    ['EROFS', 'open'],
    ['EACCES', 'rename'],
    ['EPERM', 'chmod'],
  ] as const) {
    test(`injected ${code} at ${failing}: original intact, no temp file left`, async () => {
      const { d, p, original, fs } = faultSetup(code, failing);
      await assert.rejects(writeFileAtomic(p, Buffer.from('new content'), { fs }), (e: unknown) => {
        assert.ok(e instanceof AtomicWriteError);
        assert.equal(e.code, code);
        assert.ok(e.message.includes(p));
        return true;
      });
      assert.deepEqual(readFileSync(p), original);
      assert.deepEqual(readdirSync(d), ['plan.txt']);
    });
  }
});

describe('writeTextPreserving', () => {
  test('unchanged text: no write (same inode, same bytes)', async () => {
    const p = put('same.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('甲\r\n', 'utf8')]));
    const r = await readOk(p);
    const ino = statSync(p).ino;
    assert.equal(await writeTextPreserving(p, r.text, r.meta), false);
    assert.equal(statSync(p).ino, ino);
  });

  test('GB18030 + CRLF fixed: written back in GB18030, bytes differ only at the fix', async () => {
    const text = CORPUS.replace(/\n/g, '\r\n');
    const original = iconv.encode(text, 'gb18030');
    const p = put('fixme.txt', original);
    const r = await readOk(p);
    const at = r.text.indexOf('要点');
    assert.ok(at > 0);
    const fixed = r.text.slice(0, at) + '要点》' + r.text.slice(at + 2);
    assert.equal(await writeTextPreserving(p, fixed, r.meta), true);
    const after = readFileSync(p);
    const prefix = iconv.encode(r.text.slice(0, at + 2), 'gb18030').length;
    assert.deepEqual(after.subarray(0, prefix), original.subarray(0, prefix));
    assert.deepEqual(after.subarray(prefix, prefix + 2), iconv.encode('》', 'gb18030'));
    assert.deepEqual(after.subarray(prefix + 2), original.subarray(prefix));
    const again = await readOk(p);
    assert.deepEqual(again.meta, r.meta);
    assert.equal(await writeTextPreserving(p, again.text, again.meta), false, 'second write changes nothing');
  });

  test('text with LF written to a CRLF file gets CRLF back', async () => {
    const p = put('crlf-fix.txt', '一.甲\r\n二、乙\r\n');
    const r = await readOk(p);
    assert.equal(await writeTextPreserving(p, '一、甲\n二、乙\n', r.meta), true);
    assert.equal(readFileSync(p, 'utf8'), '一、甲\r\n二、乙\r\n');
  });

  test('UTF-16LE BOM kept on write', async () => {
    const p = put('le-fix.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一.甲\n', 'utf16le')]));
    const r = await readOk(p);
    assert.equal(await writeTextPreserving(p, '一、甲\n', r.meta), true);
    assert.deepEqual(readFileSync(p), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、甲\n', 'utf16le')]));
  });
});

describe('expandInputs', () => {
  let root: string;
  let cwd: string;
  before(() => {
    cwd = mkdtempSync(join(dir, 'tree-'));
    root = join(cwd, 'root');
    const mk = (rel: string, content = '一、甲\n') => {
      mkdirSync(join(cwd, rel, '..'), { recursive: true });
      writeFileSync(join(cwd, rel), content);
    };
    mk('root/a.txt');
    mk('root/b.plan');
    mk('root/c.md');
    mk('root/sub/d.txt');
    mk('root/sub/deep/e.TXT');
    mk('root/node_modules/x.txt');
    mk('root/.git/y.txt');
    mk('outside/z.txt');
    mkdirSync(join(cwd, 'root/empty'));
    mkdirSync(join(cwd, 'root/fake.txt'));
    symlinkSync('.', join(root, 'loop')); // root/loop -> root
    symlinkSync('..', join(root, 'sub/up')); // root/sub/up -> root
    symlinkSync('../outside', join(root, 'out')); // escapes the root
    symlinkSync('../outside/z.txt', join(root, 'zlink.txt')); // file escaping the root
    symlinkSync('a.txt', join(root, 'link-a.txt')); // same file as a.txt
    symlinkSync('missing.txt', join(root, 'dangling.txt'));
  });

  const abs = (...rels: string[]) => rels.map((r) => join(cwd, r));

  test('a folder: plan files recursively, loops cut, escapes not followed, duplicates once', { timeout: 5000 }, async () => {
    const r = await expandInputs(['root'], { cwd });
    assert.deepEqual(r.files, abs('root/a.txt', 'root/b.plan', 'root/sub/d.txt', 'root/sub/deep/e.TXT'));
    assert.deepEqual(r.errors, []);
  });

  test('followSymlinks: the escaping link is followed', { timeout: 5000 }, async () => {
    const r = await expandInputs(['root/'], { cwd, followSymlinks: true });
    assert.deepEqual(r.files, abs('root/a.txt', 'root/b.plan', 'root/out/z.txt', 'root/sub/d.txt', 'root/sub/deep/e.TXT'));
  });

  test("each file's real path, as the system gives it: through a followed link and for a named link", { timeout: 5000 }, async () => {
    const walked = await expandInputs(['root/'], { cwd, followSymlinks: true });
    const named = await expandInputs(['root/zlink.txt', 'root/a.txt'], { cwd });
    for (const r of [walked, named]) assert.deepEqual([...r.reals], r.files.map((f) => [f, realpathSync.native(f)]));
    assert.equal(walked.reals.get(join(cwd, 'root/out/z.txt')), realpathSync.native(join(cwd, 'outside/z.txt')));
    assert.equal(named.reals.get(join(cwd, 'root/zlink.txt')), realpathSync.native(join(cwd, 'outside/z.txt')));
  });

  test('globs', async () => {
    assert.deepEqual((await expandInputs(['root/**/*.plan'], { cwd })).files, abs('root/b.plan'));
    assert.deepEqual((await expandInputs(['root/sub/*.txt'], { cwd })).files, abs('root/sub/d.txt'));
    assert.deepEqual((await expandInputs(['root/*.md'], { cwd })).files, abs('root/c.md'));
    assert.deepEqual((await expandInputs([join(cwd, 'root/{a,b}.*')], { cwd: '/' })).files, abs('root/a.txt', 'root/b.plan'));
    assert.deepEqual((await expandInputs(['**/d.txt'], { cwd: root })).files, abs('root/sub/d.txt'));
    const none = await expandInputs(['root/**/*.docx'], { cwd });
    assert.deepEqual(none.files, []);
    assert.deepEqual(none.errors.map((e) => [e.code, e.path]), [['no-match', 'root/**/*.docx']]);
  });

  test('errors for missing path, folder named like a file, empty folder; the rest still returned', async () => {
    const r = await expandInputs(['root/missing.txt', 'root/fake.txt', 'root/empty', 'root/a.txt', 'root/c.md'], { cwd });
    assert.deepEqual(r.files, abs('root/a.txt', 'root/c.md'));
    assert.deepEqual(
      r.errors.map((e) => [e.code, e.path]),
      [
        ['ENOENT', 'root/missing.txt'],
        ['EISDIR', 'root/fake.txt'],
        ['no-match', 'root/empty'],
      ],
    );
    assert.equal(r.errors[1]!.message.en, 'root/fake.txt is a folder where a file was expected; give a file, or end the path with / to check the whole folder.');
  });

  test('ignore, extensions, and order independent of argument order', async () => {
    const r = await expandInputs(['root'], { cwd, ignore: ['root/sub/**'] });
    assert.deepEqual(r.files, abs('root/a.txt', 'root/b.plan'));
    const md = await expandInputs(['root'], { cwd, extensions: ['.md'] });
    assert.deepEqual(md.files, abs('root/c.md'));
    const x = await expandInputs(['root/sub', 'root/a.txt'], { cwd });
    const y = await expandInputs(['root/a.txt', 'root/sub'], { cwd });
    assert.deepEqual(x, y);
    assert.deepEqual(x.files, abs('root/a.txt', 'root/sub/d.txt', 'root/sub/deep/e.TXT'));
  });

  test('an explicitly named symlink loop is an error entry, not a hang', { timeout: 5000 }, async () => {
    symlinkSync('selfloop2.txt', join(root, 'selfloop2.txt'));
    try {
      const r = await expandInputs(['root/selfloop2.txt', 'root/b.plan'], { cwd });
      assert.deepEqual(r.files, abs('root/b.plan'));
      assert.deepEqual(r.errors.map((e) => e.code), ['ELOOP']);
    } finally {
      rmSync(join(root, 'selfloop2.txt'));
    }
  });
});

test('readPlanFile decodes UTF-8 natively to the very text the standard decoder gives, and leaves invalid UTF-8 to the other encodings', async () => {
  const d = mkdtempSync(join(tmpdir(), 'fengong-utf8-'));
  const standard = (b: Buffer) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  const cases: [string, Buffer][] = [
    ['corpus', Buffer.from(CORPUS)],
    ['ascii', Buffer.from('plain ASCII text\r\nline 2\n')],
    ['latin', Buffer.from('café – ½ naïve\n')],
    ['astral', Buffer.from('𠀀𪚥 emoji 😀 and 中文\n')],
    ['feff-inside', Buffer.from('x\ufeffy\n')],
    ['big', Buffer.from('一、加强管理（办公室牵头）\n'.repeat(60_000))], // past node's external-string size: V8's decoder
  ];
  for (const [name, bytes] of cases) {
    const p = join(d, `${name}.txt`);
    writeFileSync(p, bytes);
    const r = await readPlanFile(p);
    assert.ok(r.ok, name);
    assert.equal(r.text, standard(bytes), name);
    assert.equal(r.meta.encoding, 'utf8', name);
  }
  // GBK bytes are no valid UTF-8: read as GB18030, as before
  const p = join(d, 'gbk.txt');
  writeFileSync(p, iconv.encode('一、加强管理（办公室牵头）\n', 'gbk'));
  const r = await readPlanFile(p);
  assert.ok(r.ok);
  assert.equal(r.text, '一、加强管理（办公室牵头）\n');
  assert.equal(r.meta.encoding, 'gb18030');
  rmSync(d, { recursive: true, force: true });
});

test('sha256Hex is SHA-256 in hex of a text\'s UTF-8 or of bytes (the baseline\'s fingerprints and the recovery journal depend on it)', async () => {
  const { sha256Hex } = await import('../../server/src/io/builtins.js');
  const { createHash } = await import('node:crypto');
  assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  for (const t of ['推进（政务公开', 'unit-clause\0missing\0加强管理\u0001（办公室牵头）\u0001。', 'a\ud800b', '𠀀'.repeat(40)]) {
    assert.equal(sha256Hex(t), createHash('sha256').update(t).digest('hex'), JSON.stringify(t));
    assert.equal(sha256Hex(Buffer.from(t)), createHash('sha256').update(Buffer.from(t)).digest('hex'));
  }
});

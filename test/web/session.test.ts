// The web page's own code that needs no browser: its input hook (web/src/readers.ts) and its session
// (web/src/session.ts), run in Node on the same modules the page bundles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { fixText, defaultConfig } from '../../server/src/engine/index.js';
import { DEFAULT_MAX_BYTES } from '../../server/src/io/files.js';
import { extensionOf, pasted, readBytes, READERS, type PageRead } from '../../web/src/readers.js';
import { Session } from '../../web/src/session.js';
import { CORPUS } from '../cli/helpers.js';

const C000 = readFileSync(join(CORPUS, '000_6fbd649499c5ed32.txt'), 'utf8');
const zh = { locale: 'zh' as const, documentKind: 'auto' as const };

test('readers: GB18030, UTF-16 and UTF-8 text keep their encoding, BOM and line endings', async () => {
  const crlf = C000.replace(/\r?\n/g, '\r\n');
  const gb = await readBytes(iconv.encode(crlf, 'gb18030'), '计划.txt', 'zh');
  assert.ok(gb.ok);
  assert.equal(gb.source.text, crlf);
  assert.deepEqual(gb.source.encoding, { encoding: 'gb18030', bom: false, eol: '\r\n', mixedEol: false });
  const u16 = await readBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(C000, 'utf16le')]), 'a.plan', 'zh');
  assert.ok(u16.ok);
  assert.equal(u16.source.text, C000);
  assert.deepEqual(u16.source.encoding, { encoding: 'utf16le', bom: true, eol: '\n', mixedEol: false });
  const plain = await readBytes(Buffer.from('一、任务\n'), 'README', 'zh'); // no extension: text
  assert.ok(plain.ok);
  assert.equal(plain.source.text, '一、任务\n');
});

test('readers: what the page cannot read is refused with what to do, in the chosen language', async () => {
  const no = async (r: Promise<PageRead>) => {
    const got = await r;
    assert.ok(!got.ok);
    return got.message;
  };
  assert.equal(await no(readBytes(Buffer.from('x'), '表.pdf', 'en')), 'cannot open “表.pdf”: the page reads .docx .doc .wps .xlsx .xlsm .xls .et .ett .txt .plan .md files (not “.pdf”). Save it as one of them, or copy and paste the whole text.');
  assert.ok((await no(readBytes(Buffer.from('PK\u0003\u0004broken'), '坏.docx', 'zh'))).startsWith('坏.docx 不是有效的 Word 文档，可能已损坏'));
  assert.equal(await no(readBytes(Buffer.from('not a zip'), 'x.docx', 'en')), 'x.docx is not a valid Word document; it may be damaged (not a zip (.docx) or OLE (.doc) file). Open it in Word or WPS, save it as .docx and try again.');
  // a Word 97–2003 file: its reader needs Node; the CLI's own message for an unreadable .doc
  assert.equal(await no(readBytes(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '旧.doc', 'zh')), '无法读取旧版 Word 文档 旧.doc：请在 Word 或 WPS 中另存为 .docx 后重试。');
  assert.match(await no(readBytes(Buffer.from([0x41, 0, 0, 0, 1, 2]), 'b.txt', 'zh')), /^无法读取 b\.txt：.+。请另存为 UTF-8 纯文本后重试。$/);
  assert.match(await no(readBytes(new Uint8Array(DEFAULT_MAX_BYTES + 1), 'big.txt', 'zh')), /^big\.txt .*67108865/);
});

test('readers: one entry per kind of file, found by extension', () => {
  assert.deepEqual(READERS.map((r) => [...r.extensions]), [['.docx', '.doc', '.wps'], ['.xlsx', '.xlsm', '.xls', '.et', '.ett'], ['.txt', '.plan', '.md', '']]);
  assert.equal(extensionOf('计划.DOCX'), '.docx');
  assert.equal(extensionOf('a.b/c'), '');
  assert.equal(extensionOf('noext'), '');
});

test('session: a quick fix edits the text, 修复全部 is fixText, the download re-encodes as read', async () => {
  const r = await readBytes(iconv.encode(C000.replace(/\r?\n/g, '\r\n'), 'gb18030'), '计划.txt', 'zh');
  assert.ok(r.ok);
  const s = new Session(r.source, zh);
  assert.equal(s.unsaved, false);
  const before = s.analysis.diagnostics.length;
  const i = s.analysis.diagnostics.findIndex((d) => d.message === '序号“11”后缺少“.”');
  const fix = (s.analysis.lsp[i]!.data as { fix: { edits: { range: unknown; newText: string }[] } }).fix;
  s.applyEdits(fix.edits as never);
  assert.equal(s.analysis.diagnostics.length, before - 1);
  assert.ok(s.text.includes('\r\n  11.加强网站留言咨询'));
  assert.equal(s.unsaved, true);
  s.fixAll();
  assert.equal(s.text, fixText(C000.replace(/\r?\n/g, '\r\n'), defaultConfig()).text);
  const d = s.download();
  assert.equal(d.name, '计划.txt');
  assert.ok(Buffer.from(d.bytes).equals(iconv.encode(s.text, 'gb18030')));
  s.saved();
  assert.equal(s.unsaved, false);
});

test('session: pasted text is unsaved until downloaded; English and a set genre re-check it', () => {
  const s = new Session(pasted('2024年工作要点\n一、任务\n1. 梳理文件。\n', '粘贴的计划.txt'), zh);
  assert.equal(s.unsaved, true);
  assert.deepEqual(s.analysis.diagnostics.map((d) => d.message), ['任务“梳理文件”未写明责任单位（如“（办公室牵头，各处室配合）”）']);
  s.update(s.text, { locale: 'en', documentKind: 'auto' });
  assert.deepEqual(s.analysis.diagnostics.map((d) => d.ruleId), ['task-unit']);
  assert.match(s.analysis.diagnostics[0]!.message, /^Task “梳理文件” names no responsible unit/);
  s.update(s.text, { locale: 'zh', documentKind: 'report' });
  assert.deepEqual(s.analysis.diagnostics, []);
  assert.ok(Buffer.from(s.download().bytes).equals(Buffer.from(s.text, 'utf8')));
});

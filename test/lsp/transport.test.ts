// Issue 16, the language server's transport and lifecycle attacked over real stdio: bad headers
// (missing, short or negative Content-Length, LF-only lines), requests before `initialize`, an
// `initialize` without capabilities, requests followed at once by the end of input. Bytes are
// written to `fengong lsp --stdio` by hand; answers are read off its stdout frame by frame.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { stdioTransport } from '../../server/src/lsp/transport.js';
import { LspClient, serverCommand } from './client.js';

type Msg = { id?: number; method?: string; result?: unknown; error?: { code: number; message: string } };

function frame(msg: unknown, header?: (len: number) => string): Buffer {
  const body = Buffer.from(JSON.stringify(msg), 'utf8');
  return Buffer.concat([Buffer.from(header ? header(body.length) : `Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

const init = (id: number, params: unknown = { processId: null, rootUri: null, capabilities: {} }) => ({ jsonrpc: '2.0', id, method: 'initialize', params });
const request = (id: number, method: string, params: unknown = null) => ({ jsonrpc: '2.0', id, method, params });
const PLAN = 'file:///tmp/transport-plan.txt';
const open = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: PLAN, languageId: 'workplan', version: 1, text: '关于2024年工作要点\n一、重点任务\n（一）加强管理。（办公室牵头）\n' } } };
const symbols = (id: number) => request(id, 'textDocument/documentSymbol', { textDocument: { uri: PLAN } });

/** Writes `input` to a fresh server, then ends its input; the messages it wrote, its stderr, its exit code. */
function converse(input: Buffer[], opts: { end?: boolean; until?: (msgs: Msg[]) => boolean; paceMs?: number; timeoutMs?: number } = {}): Promise<{ msgs: Msg[]; stderr: string; code: number | null }> {
  const [cmd, ...args] = [process.execPath, ...serverCommand()];
  const child = spawn(cmd!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = Buffer.alloc(0);
  let stderr = '';
  const msgs: Msg[] = [];
  return new Promise((res, rej) => {
    const timeoutMs = opts.timeoutMs ?? 15_000;
    const timer = setTimeout(() => { child.kill(); rej(new Error(`no exit in ${timeoutMs / 1000} s; got ${JSON.stringify(msgs).slice(0, 2000)}; stderr ${stderr}`)); }, timeoutMs);
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.stdout.on('data', (c: Buffer) => {
      out = Buffer.concat([out, c]);
      for (;;) {
        const end = out.indexOf('\r\n\r\n');
        if (end < 0) break;
        const len = Number(/Content-Length: (\d+)/.exec(out.subarray(0, end).toString())![1]);
        if (out.length < end + 4 + len) break;
        msgs.push(JSON.parse(out.subarray(end + 4, end + 4 + len).toString()) as Msg);
        out = out.subarray(end + 4 + len);
      }
      if (opts.until?.(msgs)) child.stdin.end();
    });
    child.on('exit', (code) => { clearTimeout(timer); res({ msgs, stderr, code }); });
    const end = () => { if (opts.end !== false && !opts.until) child.stdin.end(); };
    if (!opts.paceMs) {
      for (const b of input) child.stdin.write(b);
      return end();
    }
    // one piece at a time, each written out and followed by a pause, so the server reads the
    // pieces as separate chunks rather than as what the pipe happened to gather
    void (async () => {
      for (const b of input) {
        await new Promise((done) => child.stdin.write(b, done));
        await new Promise((done) => setTimeout(done, opts.paceMs));
      }
      end();
    })();
  });
}

const answers = (msgs: Msg[]) => msgs.filter((m) => m.id !== undefined && m.method === undefined);
const answered = (msgs: Msg[], id: number) => answers(msgs).find((m) => m.id === id);

describe('bad framing: logged, and the server recovers at the next valid header', () => {
  for (const [name, bad] of [
    ['a header without Content-Length', frame(request(90, 'shutdown'), () => 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n')],
    ['a negative Content-Length', frame(request(90, 'shutdown'), () => 'Content-Length: -12\r\n\r\n')],
    ['a Content-Length that is not a number', frame(request(90, 'shutdown'), () => 'Content-Length: 12abc\r\n\r\n')],
    ['a short Content-Length (the body runs on past it)', frame(request(90, 'shutdown'), (n) => `Content-Length: ${n - 9}\r\n\r\n`)],
  ] as const) {
    test(`${name}: skipped with a log line on stderr; the next requests are answered`, async () => {
      const r = await converse([frame(init(1)), bad, frame(open), frame(symbols(2)), frame(request(3, 'shutdown'))]);
      assert.ok(answered(r.msgs, 1)?.result, 'initialized');
      assert.equal(answered(r.msgs, 90), undefined, 'the broken message is not acted on');
      const syms = answered(r.msgs, 2)?.result as { name: string }[];
      assert.deepEqual(syms.map((s) => s.name), ['一、重点任务']);
      assert.deepEqual(answered(r.msgs, 3), { jsonrpc: '2.0', id: 3, result: null });
      assert.match(r.stderr, /^\[fengong\] (invalid LSP header \(no valid Content-Length\)|LSP message body of \d+ bytes is not JSON): .*; skipped to the next header$/m);
      assert.equal(r.code, 0, 'exits 0 after shutdown, once input ends');
    });
  }

  test('LF-only header lines are read as CRLF ones', async () => {
    const lf = (n: number) => `Content-Length: ${n}\n\n`;
    const r = await converse([frame(init(1), lf), frame(open, lf), frame(symbols(2), lf)]);
    assert.deepEqual((answered(r.msgs, 2)?.result as { name: string }[]).map((s) => s.name), ['一、重点任务']);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 1, 'input ended without shutdown: 1, as LSP says');
  });
});

describe('big frames', () => {
  test('a 2 MB didOpen in 4 KB pieces, a header split between two, the next header in the body\'s last piece: read whole, once', async () => {
    const big = { ...open, params: { textDocument: { ...open.params.textDocument, text: open.params.textDocument.text + '（注：本段为长附注，不列任务。）\n'.repeat(60_000) } } };
    const bytes = Buffer.concat([frame(init(1)), frame(big), frame(symbols(2)), frame(request(3, 'shutdown'))]);
    const bodyEnd = bytes.indexOf('Content-Length', frame(init(1)).length + 10); // where symbols(2) starts
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 4096) {
      // one piece across the end of the big body and the start of the next header
      const to = Math.min(bytes.length, at < bodyEnd && bodyEnd < at + 4096 ? bodyEnd + 20 : at + 4096);
      pieces.push(bytes.subarray(at, to));
      at = to - 4096;
    }
    assert.ok(Buffer.byteLength(JSON.stringify(big)) > 2e6 && pieces.length > 500);
    const r = await converse(pieces, { until: (msgs) => !!answered(msgs, 3) });
    assert.deepEqual((answered(r.msgs, 2)?.result as { name: string }[] | undefined)?.map((x) => x.name), ['一、重点任务']);
    assert.deepEqual(answered(r.msgs, 3), { jsonrpc: '2.0', id: 3, result: null });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
  });
});

describe('frames split at every awkward place (a real server over stdio, pieces written apart)', () => {
  const hoverAt = (id: number) => request(id, 'textDocument/hover', { textDocument: { uri: PLAN }, position: { line: 2, character: 1 } });
  const HOVER = { contents: { kind: 'markdown', value: '**一、（一）** 加强管理\n\n- 牵头：办公室' }, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } } };

  test('a header split at each of its bytes, two messages and a half in one piece, a character split between pieces: every request answered', async () => {
    const req = (id: number) => frame(id % 2 ? hoverAt(id) : symbols(id));
    const pieces: Buffer[] = [frame(init(1))];
    // the didOpen cut inside a three-byte character of its text (a UTF-8 continuation byte)
    const o = frame(open);
    const inChar = o.indexOf(Buffer.from('重点任务')) + 1;
    assert.equal(o[inChar]! & 0xc0, 0x80, 'the cut falls inside a character');
    pieces.push(o.subarray(0, inChar), o.subarray(inChar));
    // requests 2–7, each with its header cut at another place: in `Content-Length`, in its
    // number, before, inside and after the blank line that ends it
    const headerLength = req(2).indexOf('\r\n\r\n') + 4;
    [1, 8, 17, headerLength - 3, headerLength - 1, headerLength].forEach((at, i) => {
      const f = req(2 + i);
      pieces.push(f.subarray(0, at), f.subarray(at));
    });
    // requests 8 and 9 whole and the start of 10 in one piece, then the rest with the shutdown
    const tail = Buffer.concat([req(8), req(9), req(10), frame(request(11, 'shutdown'))]);
    const cut = req(8).length + req(9).length + 10;
    pieces.push(tail.subarray(0, cut), tail.subarray(cut));
    const r = await converse(pieces, { paceMs: 5, until: (msgs) => !!answered(msgs, 11) });
    assert.deepEqual(answers(r.msgs).map((m) => m.id).sort((a, b) => a! - b!), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const id of [3, 5, 7, 9]) assert.deepEqual(answered(r.msgs, id)?.result, HOVER, `hover ${id}`);
    for (const id of [2, 4, 6, 8, 10]) assert.deepEqual((answered(r.msgs, id)?.result as { name: string }[]).map((x) => x.name), ['一、重点任务'], `symbols ${id}`);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
  });

  test('a 10 MB didOpen in 64 KB pieces, then a hover and the outline in the last piece: answered', async () => {
    const text = open.params.textDocument.text + '（注：本段为长附注，不列任务，只说明背景。）\n'.repeat(165_000);
    const big = { ...open, params: { textDocument: { ...open.params.textDocument, text } } };
    const bytes = Buffer.concat([frame(big), frame(hoverAt(2)), frame(symbols(3)), frame(request(4, 'shutdown'))]);
    assert.ok(bytes.length > 10e6, `${bytes.length} bytes`);
    const pieces: Buffer[] = [frame(init(1))];
    for (let at = 0; at < bytes.length; at += 65_536) pieces.push(bytes.subarray(at, at + 65_536));
    const r = await converse(pieces, { paceMs: 1, timeoutMs: 60_000, until: (msgs) => !!answered(msgs, 4) });
    assert.deepEqual(answered(r.msgs, 2)?.result, HOVER);
    assert.deepEqual((answered(r.msgs, 3)?.result as { name: string }[]).map((x) => x.name), ['一、重点任务']);
    assert.deepEqual(answered(r.msgs, 4), { jsonrpc: '2.0', id: 4, result: null });
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
  });
});

describe('the reader in-process, chunk boundaries exact', () => {
  /** The messages the reader hands on for `chunks` written one by one, and the bytes Buffer.concat made meanwhile. */
  async function read(chunks: Buffer[]): Promise<{ msgs: Msg[]; copied: number; logs: string[] }> {
    const input = new PassThrough();
    const logs: string[] = [];
    const t = stdioTransport(input, new PassThrough(), (m) => logs.push(m));
    const msgs: Msg[] = [];
    t.reader.listen((m) => msgs.push(m as Msg));
    const concat = Buffer.concat;
    let copied = 0;
    Buffer.concat = (list: readonly Uint8Array[], n?: number) => { const b = concat(list, n); copied += b.length; return b; };
    try {
      for (const c of chunks) { input.write(c); await new Promise(setImmediate); }
    } finally {
      Buffer.concat = concat;
    }
    return { msgs, copied, logs };
  }

  test('every split of three frames into two chunks, and into single bytes: the same three messages', async () => {
    const frames = Buffer.concat([frame(init(1)), frame(open), frame(symbols(2))]);
    const want = [init(1), open, symbols(2)];
    for (let at = 1; at < frames.length; at++) {
      const r = await read([frames.subarray(0, at), frames.subarray(at)]);
      assert.deepEqual(r.msgs, want, `split at byte ${at}`);
    }
    const bytes = await read([...frames].map((b) => Buffer.from([b])));
    assert.deepEqual(bytes.msgs, want);
    assert.deepEqual(bytes.logs, []);
  });

  test('a 10 MB body in 64 KB chunks is joined once (joined at each chunk it was copied 160 times: 850 MB)', async () => {
    const text = '（一）加强管理。（办公室牵头）\n'.repeat(230_000);
    const big = { ...open, params: { textDocument: { ...open.params.textDocument, text } } };
    const bytes = Buffer.concat([frame(init(1)), frame(big), frame(symbols(2))]);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
    const r = await read(chunks);
    assert.deepEqual(r.msgs, [init(1), big, symbols(2)]);
    assert.ok(bytes.length > 10e6 && r.copied < 1.1 * bytes.length, `${r.copied} bytes copied for ${bytes.length}`);
  });
});

describe('lifecycle', () => {
  test('a request before initialize: error -32002, a notification dropped; initialize still works', async () => {
    const r = await converse([frame(symbols(1)), frame(open), frame(init(2)), frame(symbols(3))]);
    assert.deepEqual(answered(r.msgs, 1), { jsonrpc: '2.0', id: 1, error: { code: -32002, message: 'textDocument/documentSymbol before initialize: the server is not initialized' } });
    assert.ok(answered(r.msgs, 2)?.result);
    assert.deepEqual(answered(r.msgs, 3)?.result, [], 'the didOpen before initialize was dropped: the document is unknown');
    assert.match(r.stderr, /^\[fengong\] textDocument\/didOpen before initialize: dropped$/m);
  });

  test('initialize without capabilities (or without params) is served as a client with none', async () => {
    for (const params of [{ processId: null, rootUri: null }, undefined]) {
      const r = await converse([frame(init(1, params)), frame(open), frame(symbols(2))]);
      const result = answered(r.msgs, 1)?.result as { capabilities: { textDocumentSync: unknown; hoverProvider: boolean }; serverInfo: { name: string } };
      assert.equal(answered(r.msgs, 1)?.error, undefined, JSON.stringify(r.msgs[0]));
      assert.equal(result.serverInfo.name, 'fengong');
      assert.equal(result.capabilities.hoverProvider, true);
      assert.deepEqual((answered(r.msgs, 2)?.result as { name: string }[]).map((s) => s.name), ['一、重点任务']);
    }
  });

  test('requests followed at once by the end of input are all answered before the server exits', async () => {
    const ids = [2, 3, 4, 5, 6, 7, 8, 9];
    const r = await converse([frame(init(1)), frame(open), ...ids.map((id) => frame(id % 2 ? symbols(id) : request(id, 'textDocument/foldingRange', { textDocument: { uri: PLAN } }))), frame(request(10, 'shutdown'))]);
    assert.deepEqual(answers(r.msgs).map((m) => m.id).sort((a, b) => a! - b!), [1, ...ids, 10]);
    assert.equal(r.code, 0);
  });
});

describe('document sync: an edit that cannot be applied is refused, and the document comes back in step', () => {
  const TEXT = '关于2024年工作要点\n一.重点任务\n（一）加强管理。（办公室牵头）\n（二）加强监督。（财务科负责）\n';
  const bad: [string, { start: { line: number; character: number }; end: { line: number; character: number } }, RegExp][] = [
    ['reversed', { start: { line: 3, character: 2 }, end: { line: 2, character: 5 } }, /change 0: range 3:2-2:5 is reversed/],
    ['negative', { start: { line: -1, character: 0 }, end: { line: 0, character: 2 } }, /change 0: position \{"line":-1,"character":0\} is not a position/],
    ['past the end', { start: { line: 40, character: 0 }, end: { line: 41, character: 0 } }, /change 0: position 40:0 is past the end \(5 lines\)/],
  ];
  for (const [name, range, logged] of bad) {
    test(`a ${name} range: logged, the document treated as closed and the user told; a change with the whole text brings it back`, async () => {
      const { client } = await LspClient.start({ locale: 'zh' });
      const shown: string[] = [];
      client.conn.onNotification('window/showMessage', (p: { message: string }) => { shown.push(p.message); });
      try {
        const uri = 'file:///tmp/%E8%AE%A1%E5%88%92.txt';
        await client.open(uri, TEXT);
        assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics.map((d) => d.code), ['numbering-format']);
        await client.change(uri, 2, [{ range, text: 'X' }]);
        assert.deepEqual((await client.nextDiagnostics(uri)).diagnostics, [], 'its diagnostics are cleared, not left on a text nobody has');
        await client.until(() => shown.length > 0, 'the message to the user');
        assert.match(shown[0]!, new RegExp(`^fengong 收到了 计划\\.txt 的无效修改（${logged.source.replace(/^change 0: /, 'change 0: ')}），已不能确定它的内容，暂停检查它：请关闭后重新打开该文件。$`));
        assert.ok(client.logs.some((l) => logged.test(l) && l.includes('treated as closed')), client.logs.join('\n'));
        assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
        // an incremental change to a document the server lost: still waiting for the whole text
        await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
        await client.change(uri, 4, [{ text: TEXT.replace('一.', '一、') }]);
        assert.deepEqual((await client.diagnosticsFor(uri, 4)).diagnostics, []);
        const syms = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.deepEqual(syms.map((s) => s.name), ['一、重点任务']);
      } finally {
        assert.equal(await client.shutdown(), 0);
      }
    });
  }
});

// The server survives what clients and transports throw at it: malformed JSON-RPC, bad params,
// unknown methods, stale versions, thousands of random incremental edits (its view of the text is
// checked against the client's after every batch), exit with and without shutdown.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Hover, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/engine/index.js';
import { LineIndex } from '../../server/src/engine/text/lineIndex.js';
import { join } from 'node:path';
import { LspClient, ROOT, corpusCopy, diagnosticLines } from './client.js';

/** the engine's diagnostics for a text, in the shape of diagnosticLines */
function engineLines(text: string): string[] {
  const lines = new LineIndex(text);
  return lint(text).diagnostics.map((d) => `${d.ruleId} ${JSON.stringify(lines.positionAt(d.span.start))}-${JSON.stringify(lines.positionAt(d.span.end))} ${d.message}`);
}

const pos = (line: number, character: number) => ({ line, character });

function frame(body: string): Buffer {
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

describe('robustness over stdio', () => {
  test('malformed JSON-RPC, a non-message, bad params and unknown methods: the server keeps answering', async () => {
    const { client } = await LspClient.start({ locale: 'zh' });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      await client.diagnosticsFor(p.uri, 1);
      client.proc.stdin.write(frame('{"jsonrpc":"2.0","id":77,"method":'));
      client.proc.stdin.write(frame('[1,2,3]'));
      client.proc.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nowhere"},"contentChanges":[{"text":"x"}]}}'));
      client.proc.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}}'));
      // a hover without a position, and one far outside the text
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: p.uri } }), null);
      assert.equal(await client.request('textDocument/hover', {}), null);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: p.uri } }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: p.uri }, position: pos(10_000, 10_000) }), null);
      await assert.rejects(client.request('fengong/noSuchRequest', {}), (e: { code: number }) => e.code === -32601);
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: p.uri }, position: pos(23, 2) });
      assert.equal((h.contents as { value: string }).value, '**一、** 推进政策制度履职依据公开\n\n5 项任务');
      assert.equal(client.exitCode, undefined);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  test('dist/server.cjs, the module the VS Code client starts, is the same server', async () => {
    const { client, init } = await LspClient.start({ command: [join(ROOT, 'dist/server.cjs'), '--stdio'], locale: 'zh' });
    try {
      assert.equal(init.serverInfo?.name, 'fengong');
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      assert.equal((await client.diagnosticsFor(p.uri, 1)).diagnostics.length, 17);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  test('exit without shutdown exits with code 1 (LSP), with shutdown 0', async () => {
    const { client } = await LspClient.start();
    await client.conn.sendNotification('exit');
    await client.until(() => client.exitCode !== undefined, 'process exit');
    assert.equal(client.exitCode, 1);
    client.kill();
  });

  test('stale and out-of-order versions: the server follows the order the client sent', async () => {
    const { client } = await LspClient.start({ locale: 'zh' });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text, 5);
      await client.diagnosticsFor(p.uri, 5);
      let td = TextDocument.create(p.uri, 'workplan', 5, p.text);
      const edits: [number, TextDocumentContentChangeEvent][] = [
        [7, { range: { start: pos(51, 4), end: pos(51, 4) }, text: '.' }],
        [6, { range: { start: pos(53, 4), end: pos(53, 4) }, text: '.' }], // older than the one before
        [6, { range: { start: pos(0, 0), end: pos(0, 0) }, text: '标题：' }], // the same version again
      ];
      for (const [v, e] of edits) {
        td = TextDocument.update(td, [e], v);
        await client.change(p.uri, v, [e]);
      }
      const expected = engineLines(td.getText());
      // the server's newest publication is the engine's verdict on the text the client has
      await client.until(() => {
        const l = client.diagnostics.get(p.uri)?.at(-1);
        return l && l.version === 6 && JSON.stringify(diagnosticLines(l.diagnostics)) === JSON.stringify(expected);
      }, 'diagnostics of the client\'s text after the stale edits');
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: p.uri } });
      assert.equal(symbols[3]!.children![0]!.name.slice(0, 4), '11.加');
    } finally {
      await client.shutdown();
    }
  });

  test('10,000 random incremental edits: after every batch the diagnostics are those of the client\'s text', async () => {
    const { client } = await LspClient.start({ locale: 'zh', settings: { debounceMs: 0 } });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text, 1);
      await client.diagnosticsFor(p.uri, 1);
      let td = TextDocument.create(p.uri, 'workplan', 1, p.text);
      let seed = 0x5eed;
      const rnd = () => {
        // mulberry32: the same edits on every run
        seed = (seed + 0x6d2b79f5) | 0;
        let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
      };
      const snippets = ['（', '）', '(', ')', '《', '》', '“', '”', '〔', '〕', '一、', '（二）', '3.', '（4）', '①', '牵头', '配合', '办公室', '、', '，', '。', '\n', '\r\n', '\r', ' ', '\u3000', '😀', '二是', 'abc', '2020年8月底前'];
      const EDITS = 10_000;
      const BATCH = 100;
      let version = 1;
      for (let done = 0; done < EDITS;) {
        for (let i = 0; i < BATCH; i++, done++) {
          const text = td.getText();
          const a = Math.floor(rnd() * (text.length + 1));
          const del = rnd() < 0.5 ? Math.floor(rnd() * Math.min(12, text.length - a + 1)) : 0;
          const ins = del > 0 && rnd() < 0.5 ? '' : snippets[Math.floor(rnd() * snippets.length)]!;
          const change = { range: { start: td.positionAt(a), end: td.positionAt(a + del) }, text: ins };
          version++;
          td = TextDocument.update(td, [change], version);
          await client.change(p.uri, version, [change]);
        }
        const published = await client.diagnosticsFor(p.uri, version);
        assert.deepEqual(diagnosticLines(published.diagnostics), engineLines(td.getText()), `after ${done} edits (version ${version})`);
      }
      assert.equal(client.exitCode, undefined);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});

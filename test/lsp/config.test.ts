// Settings and .fengongrc.json over the protocol: workspace/configuration, didChangeConfiguration,
// didChangeWatchedFiles, a broken config (one diagnostic, defaults keep working), pull diagnostics
// and cancellation.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type DocumentDiagnosticReport, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { LspClient, cliDiagnostics, corpusCopy, DEFAULT_CAPABILITIES, asCli, cliShape as strip, messageText } from './client.js';

describe('configuration', () => {
  test('a rule turned off in the client settings: its diagnostics disappear; fengong.enable=false clears all', async () => {
    const settings: Record<string, unknown> = {};
    const { client } = await LspClient.start({ locale: 'zh', settings });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      const first = await client.diagnosticsFor(p.uri, 1);
      const defaults = cliDiagnostics(p.file).map(strip);
      assert.deepEqual(first.diagnostics.map(asCli), defaults);
      assert.equal(defaults.filter((d) => d.ruleId === 'unit-clause').length, 5);

      settings.rules = { 'unit-clause': 'off', 'punctuation-pair': 'warning' };
      const next = client.nextDiagnostics(p.uri);
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const after = await next;
      assert.deepEqual(after.diagnostics.map(asCli), defaults.filter((d) => d.ruleId !== 'unit-clause')
        .map((d) => (d.ruleId === 'punctuation-pair' ? { ...d, severity: 1 as const } : d)));

      settings.enable = false;
      const off = client.nextDiagnostics(p.uri);
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual((await off).diagnostics, []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: p.uri } }), []);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  test('"punctuation-pair": "off": no diagnostic, no hover and no quick fix about a bracket anywhere', async () => {
    const settings: Record<string, unknown> = {};
    const { client } = await LspClient.start({ locale: 'zh', settings });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      await client.diagnosticsFor(p.uri, 1);
      // the unclosed ( of line 54 (column 28) and 〔 of line 8 (column 5) in corpus plan 000
      const at = (line: number, character: number) => ({ textDocument: { uri: p.uri }, position: { line, character } });
      const hoverText = async (line: number, character: number) => JSON.stringify(await client.request('textDocument/hover', at(line, character)));
      const actionsAt = async (line: number, character: number) => (await client.request<{ title: string; diagnostics?: { code?: string }[] }[]>('textDocument/codeAction',
        { textDocument: { uri: p.uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } }))
        .filter((a) => a.diagnostics?.some((d) => d.code === 'punctuation-pair')).map((a) => a.title);
      assert.match(await hoverText(53, 27), /“\(”在本段内没有对应的“\)”/);
      assert.match(await hoverText(7, 4), /“〔”在本段内没有对应的“〕”/);
      assert.ok((await actionsAt(7, 4)).length > 0, 'on: a quick fix for the 〔');

      settings.rules = { 'punctuation-pair': 'off' };
      const next = client.nextDiagnostics(p.uri);
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const after = await next;
      assert.deepEqual(after.diagnostics.filter((d) => d.code === 'punctuation-pair'), []);
      for (const [line, character] of [[53, 27], [7, 4]] as const) {
        const h = await hoverText(line, character);
        assert.doesNotMatch(h, /没有对应|补上/, `hover at ${line + 1}:${character + 1}: ${h}`);
        assert.deepEqual(await actionsAt(line, character), []);
      }
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  test('a client without workspace/configuration pushes its settings with didChangeConfiguration', async () => {
    const caps = structuredClone(DEFAULT_CAPABILITIES);
    delete caps.workspace!.configuration;
    const { client } = await LspClient.start({ capabilities: caps, locale: 'zh', initializationOptions: { settings: { rules: { 'numbering-format': 'off' } } } });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      const defaults = cliDiagnostics(p.file).map(strip);
      const first = await client.diagnosticsFor(p.uri, 1);
      assert.deepEqual(first.diagnostics.map(asCli), defaults.filter((d) => d.ruleId !== 'numbering-format'));
      const next = client.nextDiagnostics(p.uri);
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { fengong: { rules: { 'task-unit': 'off' } } } });
      assert.deepEqual((await next).diagnostics.map(asCli), defaults.filter((d) => d.ruleId !== 'task-unit'));
    } finally {
      await client.shutdown();
    }
  });

  test('.fengongrc.json changed on disk (didChangeWatchedFiles): open documents are re-checked', async () => {
    const { client } = await LspClient.start({ locale: 'zh' });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      const defaults = cliDiagnostics(p.file).map(strip);
      assert.deepEqual((await client.diagnosticsFor(p.uri, 1)).diagnostics.map(asCli), defaults);
      const cfg = join(p.dir, '.fengongrc.json');
      writeFileSync(cfg, '{\n  // JSON with comments\n  "rules": { "punctuation-pair": "off", "numbering-format": "error" }\n}\n');
      const next = client.nextDiagnostics(p.uri);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).href, type: 1 }] });
      const after = (await next).diagnostics.map(asCli);
      // the CLI finds the same config beside the file
      assert.deepEqual(after, cliDiagnostics(p.file).map(strip));
      assert.ok(!after.some((d) => d.ruleId === 'punctuation-pair'));
      assert.ok(after.filter((d) => d.ruleId === 'numbering-format').every((d) => d.severity === 2));

      rmSync(cfg);
      const back = client.nextDiagnostics(p.uri);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).href, type: 3 }] });
      assert.deepEqual((await back).diagnostics.map(asCli), defaults);
    } finally {
      await client.shutdown();
    }
  });

  test('a broken .fengongrc.json: one diagnostic in it, one at line 1 of the plan, defaults keep working', async () => {
    const { client } = await LspClient.start({ locale: 'zh' });
    try {
      const p = corpusCopy();
      const defaults = cliDiagnostics(p.file).map(strip);
      const cfg = join(p.dir, '.fengongrc.json');
      const cfgUri = pathToFileURL(cfg).href;
      writeFileSync(cfg, '{\n  "rules": {\n    "task-unit": "sometimes"\n  }\n}\n');
      await client.open(p.uri, p.text);
      const d = await client.diagnosticsFor(p.uri, 1);
      const allowed = '可用的值："error", "warning", "warn", "info", "off"';
      assert.deepEqual(d.diagnostics[0], {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 31 } },
        severity: 2,
        code: 'config',
        source: 'fengong',
        message: `配置文件 ${cfg} 有误（第 3 行第 18 列），已按默认设置检查：配置项 rules.task-unit 无效：${allowed}`,
      });
      assert.deepEqual(d.diagnostics.slice(1).map(asCli), defaults);
      const inConfig = await client.diagnosticsFor(cfgUri);
      assert.deepEqual(inConfig.diagnostics, [{
        range: { start: { line: 2, character: 17 }, end: { line: 2, character: 17 } },
        severity: 1, code: 'config', source: 'fengong', message: `配置项 rules.task-unit 无效：${allowed}`,
      }]);

      // a syntax error is reported just the same
      writeFileSync(cfg, '{ "rules": { "task-unit": "off" ');
      const syntax = client.nextDiagnostics(p.uri);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
      assert.match(messageText((await syntax).diagnostics[0]!), /^配置文件 .*\.fengongrc\.json 有误（第 1 行第 \d+ 列），已按默认设置检查：配置文件 JSON 语法错误：/);

      // fixed: both go away
      writeFileSync(cfg, '{ "rules": { "task-unit": "off" } }');
      const fixed = client.nextDiagnostics(p.uri);
      const cleared = client.nextDiagnostics(cfgUri, (x) => x.diagnostics.length === 0);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
      assert.deepEqual((await fixed).diagnostics.map(asCli), defaults.filter((x) => x.ruleId !== 'task-unit'));
      assert.deepEqual((await cleared).diagnostics, []);
    } finally {
      await client.shutdown();
    }
  });
});

describe('pull diagnostics and cancellation', () => {
  const pullCaps = () => {
    const caps = structuredClone(DEFAULT_CAPABILITIES);
    caps.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
    caps.workspace!.diagnostics = { refreshSupport: true };
    return caps;
  };

  test('a client that pulls gets textDocument/diagnostic, no pushed diagnostics, and a refresh on config change', async () => {
    const settings: Record<string, unknown> = {};
    const { client, init } = await LspClient.start({ capabilities: pullCaps(), locale: 'zh', settings });
    try {
      assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'fengong', interFileDependencies: false, workspaceDiagnostics: false });
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: p.uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(report.items.map(asCli), cliDiagnostics(p.file).map(strip));
      const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: p.uri }, previousResultId: report.resultId });
      assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
      await client.until(() => client.planChanged.includes(p.uri), 'planChanged');
      assert.equal(client.diagnostics.get(p.uri), undefined);

      settings.rules = { 'unit-clause': 'off' };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.until(() => client.refreshes > 0, 'workspace/diagnostic/refresh');
      const changed = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: p.uri }, previousResultId: report.resultId });
      assert.equal(changed.kind, 'full');
      assert.deepEqual(changed.items.map(asCli), cliDiagnostics(p.file).map(strip).filter((d) => d.ruleId !== 'unit-clause'));
      // unknown document: an empty report, not an error
      assert.deepEqual(await client.request('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/x.plan' } }), { kind: 'full', items: [] });
    } finally {
      await client.shutdown();
    }
  });

  test('a pull cancelled while the debounce waits answers RequestCancelled; the next pull gets the newest version', async () => {
    const { client } = await LspClient.start({ capabilities: pullCaps(), locale: 'zh', settings: { debounceMs: 1000 } });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      await client.request('textDocument/diagnostic', { textDocument: { uri: p.uri } });
      // an edit right after a lint waits out the debounce: a pull now waits with it
      const line51 = p.text.split('\n')[51]!;
      await client.change(p.uri, 2, [{ range: { start: { line: 51, character: 4 }, end: { line: 51, character: 4 } }, text: '.' }]);
      const source = new CancellationTokenSource();
      const pending = client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: p.uri } }, source.token);
      setTimeout(() => source.cancel(), 50);
      await assert.rejects(pending, (e: { code: number; data?: { retriggerRequest?: boolean } }) => e.code === -32800 && e.data?.retriggerRequest === true);
      const report = await client.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: p.uri } });
      const file = p.file;
      writeFileSync(file, p.text.replace(line51, line51.slice(0, 4) + '.' + line51.slice(4)));
      assert.deepEqual(report.items.map(asCli), cliDiagnostics(file).map(strip));
      // the server is still there
      assert.equal((await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: p.uri } })).length, 7);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});

// Drafting in the editor over the real protocol (`fengong lsp --stdio`, a JSON-RPC client): completion
// of units, role words, markers and the clause skeleton; references and rename of a unit across
// the workspace's plans; code lens; inlay hints; semantic tokens; workspace symbols; the workspace
// index kept current from watched-file events and open documents. A workspace of two plans, a
// config with an alias and a note that is no plan, written for the test.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, CompletionItem, InlayHint, Location, Range, SemanticTokens, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import iconv from 'iconv-lite';
import { LspClient, tempDir, DEFAULT_CAPABILITIES } from './client.js';

const PLAN_A = [
  '某某区2024年政务公开工作要点',
  '一、推进决策公开',
  '（一）严格落实重大行政决策预公开制度，8月底前完成目录编制。（区发改委牵头，各街道配合）',
  '（二）做好政策解读工作。（区司法局负责）',
  '（三）做好建议提案办理结果公开。',
  '二、推进执行公开',
  '（一）公开重点工作推进情况。（区发改委、区财政局分别牵头，各有关部门配合）',
  '（二）加强平台建设。（区政务服务中心牵头）',
  '1.优化网站栏目，年底前完成。',
  '2.规范新媒体管理。',
  '',
].join('\n');
const PLAN_B = [
  '某某区2025年数字政府建设工作方案',
  '一、重点任务',
  '1.推进数据共享。（区发改委牵头，区大数据局配合）',
  '2.完善一网通办。（区政务中心负责）',
  '',
].join('\n');

/** where `needle` starts (k-th occurrence) on a line of `text` */
function at(text: string, line: number, needle: string, k = 0): { line: number; character: number } {
  const l = text.split('\n')[line]!;
  let c = -1;
  for (let i = 0; i <= k; i++) c = l.indexOf(needle, c + 1);
  assert.ok(c >= 0, `${needle} on line ${line}`);
  return { line, character: c };
}
const after_ = (text: string, line: number, needle: string, k = 0) => {
  const p = at(text, line, needle, k);
  return { line, character: p.character + needle.length };
};
const rangeOf = (text: string, line: number, needle: string, k = 0): Range => ({ start: at(text, line, needle, k), end: after_(text, line, needle, k) });
const slice = (text: string, r: Range) => text.split('\n')[r.start.line]!.slice(r.start.character, r.end.character);

const CAPS = {
  ...DEFAULT_CAPABILITIES,
  textDocument: { ...DEFAULT_CAPABILITIES.textDocument, completion: { completionItem: { snippetSupport: true } } },
  workspace: { ...DEFAULT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
};

describe('drafting over the protocol: a workspace of two plans', () => {
  const dir = tempDir('fengong-drafting-');
  const fileA = join(dir, '2024年政务公开工作要点.txt');
  const fileB = join(dir, 'sub', '2025年数字政府建设工作方案.txt');
  const uriA = pathToFileURL(fileA).href;
  const uriB = pathToFileURL(fileB).href;
  const docA = { textDocument: { uri: uriA } };
  let client: LspClient;
  let version = 1;
  /** the open plan's whole text replaced, as a new version */
  const setText = (text: string) => client.change(uriA, ++version, [{ text }]);

  before(async () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(fileA, PLAN_A);
    writeFileSync(fileB, PLAN_B);
    writeFileSync(join(dir, '.fengongrc.json'), '{ "units": { "区政务服务中心": ["区政务中心"] } }\n');
    writeFileSync(join(dir, '笔记.txt'), '这不是计划。\n');
    ({ client } = await LspClient.start({ rootUri: pathToFileURL(dir).href, capabilities: CAPS }));
    await client.until(() => client.logs.some((l) => /workspace index: 3 plans, 10 unit mentions/.test(l)), 'the workspace index');
    await client.open(uriA, PLAN_A);
    await client.diagnosticsFor(uriA, 1);
  });
  after(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('unit names after `（`: the config\'s canonical name first, then this plan\'s, the workspace\'s, aliases as their canonical name', async () => {
    const position = after_(PLAN_A, 2, '。（');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position });
    assert.deepEqual(items.map((i) => [i.label, i.detail, i.sortText, i.filterText, (i.textEdit as { newText: string }).newText]), [
      ['区政务服务中心', '规范名称（配置） · 本计划 1 处', '000000', '区政务服务中心', '区政务服务中心'],
      ['区发改委', '本计划 2 处', '100001', '区发改委', '区发改委'],
      ['各街道', '本计划 1 处', '100002', '各街道', '各街道'],
      ['区司法局', '本计划 1 处', '100003', '区司法局', '区司法局'],
      ['区财政局', '本计划 1 处', '100004', '区财政局', '区财政局'],
      ['各有关部门', '本计划 1 处', '100005', '各有关部门', '各有关部门'],
      ['区大数据局', '工作区 1 份计划', '200006', '区大数据局', '区大数据局'],
      ['区政务中心', '别名，写作“区政务服务中心”', '300007', '区政务中心', '区政务服务中心'],
    ]);
    for (const i of items) {
      assert.equal(i.kind, 9);
      assert.deepEqual((i.textEdit as { range: Range }).range, { start: position, end: position });
    }
  });

  test('a unit name being typed is replaced whole; after `、` and `，` in a clause, and after a label', async () => {
    // `（区发` typed: the items replace `区发`
    const typed = PLAN_A.replace('（区发改委牵头，各街道配合）', '（区发');
    await setText(typed);
    const pos = after_(typed, 2, '（区发');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position: pos });
    // 各街道 was named only in the clause now being retyped
    assert.deepEqual(items.map((i) => i.label), ['区政务服务中心', '区司法局', '区发改委', '区财政局', '各有关部门', '区大数据局', '区政务中心']);
    assert.deepEqual((items[0]!.textEdit as { range: Range }).range, { start: at(typed, 2, '区发'), end: pos });
    for (const [text, needle] of [['（区司法局、', '（区司法局、'], ['（区司法局牵头，', '（区司法局牵头，'], ['（牵头单位：', '（牵头单位：'], ['（牵头单位：区司法局；配合单位：', '配合单位：']]) {
      const t = PLAN_A.replace('（区司法局负责）', text!);
      await setText(t);
      const p = after_(t, 3, needle!);
      const got = await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position: p });
      assert.equal(got[0]?.label, '区政务服务中心', `units after ${text}`);
      assert.deepEqual((got[0]!.textEdit as { range: Range }).range, { start: p, end: p });
    }
    // a bracket of prose is no clause; nor is `（` of a marker at a line start
    for (const [text, needle] of [['（包括决策目录、', '（包括决策目录、'], ['（', '（']]) {
      const t = PLAN_A.replace(text === '（' ? '（三）做好建议提案办理结果公开。' : '（区司法局负责）', text!);
      await setText(t);
      const line = text === '（' ? 4 : 3;
      const got = await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position: after_(t, line, needle!) });
      assert.deepEqual(got.filter((i) => i.kind === 9), [], `no units after ${text}`);
    }
    await setText(PLAN_A);
  });

  test('role words after a unit name; nothing once unit and role are written', async () => {
    const t = PLAN_A.replace('（区司法局负责）', '（区司法局负');
    await setText(t);
    const p = after_(t, 3, '区司法局负');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position: p });
    const range = { start: after_(t, 3, '区司法局'), end: p };
    assert.deepEqual(items, ['牵头', '负责', '配合', '按职责分工负责', '分别牵头', '指导'].map((w, i) => ({
      label: w, kind: 14, detail: '承担方式', sortText: `00000${i}`, textEdit: { range, newText: w },
    })));
    await setText(PLAN_A);
    assert.deepEqual(await client.request('textDocument/completion', { ...docA, position: after_(PLAN_A, 2, '区发改委牵头') }), []);
  });

  test('the next marker at a line start: the sibling, a first child, the parent\'s sibling', async () => {
    const t = PLAN_A + '\n';
    await setText(t);
    const p = { line: 11, character: 0 };
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position: p });
    assert.deepEqual(items, ['3.', '（1）', '（三）', '三、'].map((m, i) => ({
      label: m, kind: 20, detail: '下一个序号', sortText: `00000${i}`, textEdit: { range: { start: p, end: p }, newText: m },
    })));
    // after `（一）…` of section 二 with `（二）` typed over: `（` replaced by the item
    const t2 = PLAN_A.replace('（二）加强平台建设。（区政务服务中心牵头）\n1.优化网站栏目，年底前完成。\n2.规范新媒体管理。\n', '（');
    await setText(t2);
    const p2 = { line: 7, character: 1 };
    const got = await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position: p2 });
    assert.deepEqual(got.map((i) => [i.label, (i.textEdit as { range: Range }).range]), [
      ['（二）', { start: { line: 7, character: 0 }, end: p2 }], ['1.', { start: { line: 7, character: 0 }, end: p2 }], ['三、', { start: { line: 7, character: 0 }, end: p2 }],
    ]);
    await setText(PLAN_A);
  });

  test('the clause skeleton at the end of a task that names no unit (a snippet), and as task-unit\'s quick fix', async () => {
    const p = after_(PLAN_A, 4, '结果公开。');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position: p });
    assert.deepEqual(items, [{
      label: '（牵头，配合）', kind: 15, detail: '责任单位括注', documentation: '本任务还没有写明责任单位：填上牵头单位和配合单位',
      insertTextFormat: 2, filterText: '（牵头，配合）', textEdit: { range: { start: p, end: p }, newText: '（${1}牵头，${2}配合）' },
    }]);
    // a task that names its units is offered nothing at its end
    assert.deepEqual(await client.request('textDocument/completion', { ...docA, position: after_(PLAN_A, 3, '负责）') }), []);
    const published = await client.diagnosticsFor(uriA, version);
    const missing = published.diagnostics.filter((d) => d.code === 'task-unit');
    assert.deepEqual(missing.map((d) => d.range), [{ start: { line: 4, character: 0 }, end: after_(PLAN_A, 4, '结果公开') }]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { ...docA, range: missing[0]!.range, context: { diagnostics: missing } });
    const skeleton = actions.find((a) => a.title === '补上责任单位括注“（牵头，配合）”');
    assert.ok(skeleton, `actions: ${actions.map((a) => a.title).join(', ')}`);
    const edits = skeleton.edit!.documentChanges!.flatMap((c) => ('edits' in c ? c.edits : []));
    assert.deepEqual(edits, [{ range: { start: p, end: p }, newText: '（牵头，配合）' }]);
  });

  test('references: every task naming the unit in this plan and the workspace\'s, aliases resolved', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { ...docA, position: at(PLAN_A, 2, '区发改委'), context: { includeDeclaration: true } });
    assert.deepEqual(refs, [
      { uri: uriA, range: rangeOf(PLAN_A, 2, '区发改委') },
      { uri: uriA, range: rangeOf(PLAN_A, 6, '区发改委') },
      { uri: uriB, range: rangeOf(PLAN_B, 2, '区发改委') },
    ]);
    // the canonical name in a heading clause its sub-items take, and its alias in the other plan
    const centre = await client.request<Location[]>('textDocument/references', { ...docA, position: at(PLAN_A, 7, '政务服务'), context: { includeDeclaration: true } });
    assert.deepEqual(centre, [{ uri: uriA, range: rangeOf(PLAN_A, 7, '区政务服务中心') }, { uri: uriB, range: rangeOf(PLAN_B, 3, '区政务中心') }]);
    assert.deepEqual(await client.request('textDocument/references', { ...docA, position: at(PLAN_A, 2, '严格'), context: { includeDeclaration: true } }), []);
  });

  test('rename a unit everywhere: one WorkspaceEdit over both plans, versioned for the open one', async () => {
    const pos = at(PLAN_A, 6, '区发改委');
    assert.deepEqual(await client.request('textDocument/prepareRename', { ...docA, position: pos }), { range: rangeOf(PLAN_A, 6, '区发改委'), placeholder: '区发改委' });
    await assert.rejects(client.request('textDocument/prepareRename', { ...docA, position: at(PLAN_A, 2, '严格') }), /这里不是单位名称/);
    await assert.rejects(client.request('textDocument/rename', { ...docA, position: pos, newName: '区发改委、区财政局' }), /不能作单位名称/);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...docA, position: pos, newName: '区发展改革委' });
    assert.deepEqual(edit, {
      documentChanges: [
        { textDocument: { uri: uriA, version }, edits: [{ range: rangeOf(PLAN_A, 2, '区发改委'), newText: '区发展改革委' }, { range: rangeOf(PLAN_A, 6, '区发改委'), newText: '区发展改革委' }] },
        { textDocument: { uri: uriB, version: null }, edits: [{ range: rangeOf(PLAN_B, 2, '区发改委'), newText: '区发展改革委' }] },
      ],
    });
    const apply = (text: string, uri: string) => TextDocument.applyEdits(TextDocument.create(uri, 'workplan', 0, text),
      edit.documentChanges!.flatMap((c) => ('edits' in c && c.textDocument.uri === uri ? c.edits : [])));
    assert.equal(apply(PLAN_B, uriB), PLAN_B.replace('区发改委', '区发展改革委'));
    assert.equal(apply(PLAN_A, uriA), PLAN_A.replaceAll('区发改委', '区发展改革委'));
  });

  test('code lens: 预览任务分工表 and 导出 on the title, a tally above each section', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', docA);
    const title = { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } };
    assert.deepEqual(lenses, [
      { range: title, command: { title: '预览任务分工表', command: 'fengong.previewTaskTable', arguments: [uriA] } },
      { range: title, command: { title: '导出', command: 'fengong.exportTaskTable', arguments: [uriA] } },
      { range: rangeOf(PLAN_A, 1, '一、推进决策公开'), command: { title: '3 项任务 · 牵头单位 1 个 · 1 项未写明单位', command: '' } },
      { range: rangeOf(PLAN_A, 5, '二、推进执行公开'), command: { title: '3 项任务 · 牵头单位 3 个', command: '' } },
    ]);
  });

  test('inlay hints: the date a deadline means (the plan\'s year), the units a task inherits', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { ...docA, range: { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } } });
    assert.deepEqual(hints, [
      { position: after_(PLAN_A, 2, '8月底前'), label: '→2024-08-31', paddingLeft: true },
      { position: after_(PLAN_A, 8, '年底前'), label: '→2024-12-31', paddingLeft: true },
      { position: after_(PLAN_A, 8, '完成。'), label: '沿用：区政务服务中心牵头', paddingLeft: true },
      { position: after_(PLAN_A, 9, '管理。'), label: '沿用：区政务服务中心牵头', paddingLeft: true },
    ]);
    // only the lines asked for
    const some = await client.request<InlayHint[]>('textDocument/inlayHint', { ...docA, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 5 } } });
    assert.deepEqual(some.map((h) => h.position.line), [9]);
  });

  test('semantic tokens: units, role words, deadlines and markers (with their rank)', async () => {
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', docA);
    const decoded: [number, string, string][] = [];
    let line = 0;
    let char = 0;
    const types = ['unit', 'role', 'deadline', 'marker'];
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
      line += dl;
      char = dl ? dc : char + dc;
      const mod = mods ? `.level${Math.log2(mods) + 1}` : '';
      decoded.push([line, PLAN_A.split('\n')[line]!.slice(char, char + len), types[type]! + mod]);
    }
    assert.deepEqual(decoded, [
      [1, '一、', 'marker.level1'],
      [2, '（一）', 'marker.level2'], [2, '8月底前', 'deadline'], [2, '区发改委', 'unit'], [2, '牵头', 'role'], [2, '各街道', 'unit'], [2, '配合', 'role'],
      [3, '（二）', 'marker.level2'], [3, '区司法局', 'unit'], [3, '负责', 'role'],
      [4, '（三）', 'marker.level2'],
      [5, '二、', 'marker.level1'],
      [6, '（一）', 'marker.level2'], [6, '区发改委', 'unit'], [6, '区财政局', 'unit'], [6, '分别牵头', 'role'], [6, '各有关部门', 'unit'], [6, '配合', 'role'],
      [7, '（二）', 'marker.level2'], [7, '区政务服务中心', 'unit'], [7, '牵头', 'role'],
      [8, '1.', 'marker.level3'], [8, '年底前', 'deadline'],
      [9, '2.', 'marker.level3'],
    ]);
  });

  test('workspace symbols: tasks of every plan by their words', async () => {
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: '公开' });
    assert.deepEqual(found.map((s) => [s.name, s.containerName, s.location.uri, s.location.range.start.line]), [
      ['一、（一） 严格落实重大行政决策预公开制度，8月底前完成目录编制', '一、推进决策公开', uriA, 2],
      ['一、（三） 做好建议提案办理结果公开', '一、推进决策公开', uriA, 4],
      ['二、（一） 公开重点工作推进情况', '二、推进执行公开', uriA, 6],
    ]);
    const both = await client.request<SymbolInformation[]>('workspace/symbol', { query: '推进 数据' });
    assert.deepEqual(both.map((s) => [s.name, s.location]), [['一、1 推进数据共享', { uri: uriB, range: rangeOf(PLAN_B, 2, '1.推进数据共享') }]]);
  });

  test('the index follows the disk (watched-file events) and the open documents', async () => {
    const fileC = join(dir, 'sub', '2026年工作要点.plan');
    const uriC = pathToFileURL(fileC).href;
    writeFileSync(fileC, '某某区2026年工作要点\n一、重点任务\n1.推进数据开放。（区数据局牵头）\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriC, type: 1 }] });
    const units = async () => (await client.request<CompletionItem[]>('textDocument/completion', { ...docA, position: after_(PLAN_A, 2, '。（') })).map((i) => i.label);
    const deadline = Date.now() + 10_000;
    while (!(await units()).includes('区数据局') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok((await units()).includes('区数据局'), 'a new plan on disk is indexed');
    // deleted: gone
    rmSync(fileC);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriC, type: 3 }] });
    while ((await units()).includes('区数据局') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(!(await units()).includes('区数据局'), 'a deleted plan leaves the index');
    // an open document answers with its unsaved text, not the disk's
    const edited = PLAN_B.replace('区大数据局', '区数据资源局');
    await client.open(uriB, edited);
    const labels = await units();
    assert.ok(labels.includes('区数据资源局') && !labels.includes('区大数据局'), labels.join(' '));
    await client.close(uriB);
    // the same file opened under another spelling of its URI (Neovim encodes fewer characters
    // than Node): known once, so a rename would edit it once
    const rawB = `file://${fileB}`;
    assert.notEqual(rawB, uriB);
    await client.open(rawB, PLAN_B);
    const refs = await client.request<Location[]>('textDocument/references', { ...docA, position: at(PLAN_A, 2, '区发改委'), context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => r.uri), [uriA, uriA, rawB]);
    // closed unsaved: the disk's text again
    await client.close(rawB);
    while (!(await units()).includes('区大数据局') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok((await units()).includes('区大数据局'));
    assert.equal(readFileSync(fileB, 'utf8'), PLAN_B);
  });
});

test('rename leaves a GB18030 plan the editor has not opened alone, and says so', async () => {
  const dir = tempDir('fengong-drafting-gb-');
  const fileA = join(dir, '2024年政务公开工作要点.txt');
  const fileC = join(dir, '旧计划.txt');
  writeFileSync(fileA, PLAN_A);
  writeFileSync(fileC, iconv.encode(PLAN_B, 'gb18030'));
  const uriA = pathToFileURL(fileA).href;
  const { client } = await LspClient.start({ rootUri: pathToFileURL(dir).href, capabilities: CAPS });
  const shown: string[] = [];
  client.conn.onNotification('window/showMessage', (p: { message: string }) => { shown.push(p.message); });
  try {
    await client.until(() => client.logs.some((l) => /workspace index: 2 plans/.test(l)), 'the workspace index');
    await client.open(uriA, PLAN_A);
    // found by references (the server read it as GB18030) …
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uriA }, position: at(PLAN_A, 2, '区发改委'), context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => r.uri), [uriA, uriA, pathToFileURL(fileC).href]);
    // … but not edited unopened: an editor may decode it otherwise
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriA }, position: at(PLAN_A, 2, '区发改委'), newName: '区发展改革委' });
    assert.deepEqual(edit.documentChanges!.map((c) => ('textDocument' in c ? c.textDocument.uri : '')), [uriA]);
    await client.until(() => shown.length > 0, 'the warning');
    assert.deepEqual(shown, [`以下计划不是 UTF-8 编码且未在编辑器中打开，重命名未修改它们：${fileC}。请在编辑器中打开后再重命名一次。`]);
  } finally {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a client that takes itemDefaults gets one edit range for all items', async () => {
  const caps = { ...DEFAULT_CAPABILITIES, textDocument: { ...DEFAULT_CAPABILITIES.textDocument, completion: { completionList: { itemDefaults: ['editRange'] } } } };
  const { client } = await LspClient.start({ capabilities: caps });
  try {
    const uri = 'untitled:plan-2';
    await client.open(uri, PLAN_A);
    const p = after_(PLAN_A, 2, '。（区');
    const list = await client.request<{ isIncomplete: boolean; itemDefaults: { editRange: Range }; items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position: p });
    assert.deepEqual(list.itemDefaults, { editRange: { start: at(PLAN_A, 2, '区发改委'), end: p } });
    assert.equal(list.isIncomplete, false);
    assert.deepEqual(list.items[0], { label: '区发改委', kind: 9, detail: '本计划 2 处', sortText: '100000', filterText: '区发改委' });
    assert.ok(list.items.every((i) => !i.textEdit));
  } finally {
    client.kill();
  }
});

test('a client without snippets gets the skeleton as plain text', async () => {
  const { client } = await LspClient.start({ capabilities: DEFAULT_CAPABILITIES });
  try {
    const uri = 'untitled:plan-1';
    await client.open(uri, PLAN_A);
    const p = after_(PLAN_A, 4, '结果公开。');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: p });
    assert.deepEqual(items.map((i) => [i.insertTextFormat, i.textEdit]), [[1, { range: { start: p, end: p }, newText: '（牵头，配合）' }]]);
    // no workspace folder, no config: this plan's units only
    const units = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: after_(PLAN_A, 2, '。（') });
    assert.deepEqual(units.map((i) => i.label), ['区发改委', '各街道', '区司法局', '区财政局', '各有关部门', '区政务服务中心']);
  } finally {
    client.kill();
  }
});

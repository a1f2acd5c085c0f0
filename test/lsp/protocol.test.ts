// The language server over stdio, as an editor drives it: `fengong lsp --stdio` (bundled), a real
// JSON-RPC client, a copy of corpus plan 000. Diagnostics must equal `fengong check --format json`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  DocumentSymbol,
  FoldingRange,
  Hover,
  SelectionRange,
  TextEdit,
  DocumentHighlight,
} from 'vscode-languageserver-protocol/node';
import { PLAN_CHANGED_QUIET_MS } from '../../server/src/protocol.js';
import { LspClient, ROOT, cliDiagnostics, corpusCopy, DEFAULT_CAPABILITIES, asCli, cliShape, applyEdit } from './client.js';

const pos = (line: number, character: number) => ({ line, character });

describe('language server over stdio: corpus plan 000', () => {
  let client: LspClient;
  let init: Awaited<ReturnType<typeof LspClient.start>>['init'];
  const plan = corpusCopy();
  const uri = plan.uri;
  const doc = { textDocument: { uri } };

  before(async () => {
    ({ client, init } = await LspClient.start({ locale: 'zh-CN' }));
    await client.open(uri, plan.text);
  });
  after(() => client.kill());

  test('initialize announces the features, push diagnostics for a client without pull support', () => {
    assert.deepEqual(init.serverInfo?.name, 'fengong');
    assert.deepEqual(init.capabilities, {
      textDocumentSync: { openClose: true, change: 2 },
      documentSymbolProvider: { label: 'fengong' },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll', 'source.fixAll.fengong'], resolveProvider: true },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentHighlightProvider: true,
      // drafting (test/lsp/drafting.test.ts)
      completionProvider: { triggerCharacters: ['（', '(', '〔', '、', '，', '：', ':'] },
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      semanticTokensProvider: { legend: { tokenTypes: ['unit', 'role', 'deadline', 'marker'], tokenModifiers: ['level1', 'level2', 'level3', 'level4', 'level5'] }, full: true },
      workspaceSymbolProvider: true,
    });
  });

  test('diagnostics on open equal `fengong check --format json` (code, range, message, severity)', async () => {
    const published = await client.diagnosticsFor(uri, 1);
    const expected = cliDiagnostics(plan.file).map(cliShape);
    assert.equal(expected.length, 17);
    assert.deepEqual(published.diagnostics.map(asCli), expected);
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'fengong');
      assert.equal(d.codeDescription?.href, `https://github.com/fengong/fengong/blob/main/docs/rules.md#${d.code}`);
    }
    // the first one in full: an unclosed 〔 whose fix needs a person's eye (a suggestion, not a fix)
    assert.deepEqual(published.diagnostics[0], {
      range: { start: pos(7, 4), end: pos(7, 5) },
      severity: 1,
      code: 'punctuation-pair',
      codeDescription: { href: 'https://github.com/fengong/fengong/blob/main/docs/rules.md#punctuation-pair' },
      source: 'fengong',
      message: '“〔”在本段内没有对应的“〕”',
      data: { messageKey: 'punctuation-pair/unclosed', suggestions: [{ title: '在段末补上“〕”', edits: [{ range: { start: pos(7, 12), end: pos(7, 12) }, newText: '〕' }] }] },
    });
    await client.until(() => client.planChanged.includes(uri), 'fengong/planChanged');
  });

  test('outline: hierarchical symbols, marker + title, units as detail', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind, s.children?.length ?? 0]), [
      ['一、推进政策制度履职依据公开', '5 项任务', 3, 5],
      ['二、着力做好政策信息发布解读', '3 项任务', 3, 3],
      ['三、做好突发事件应对信息公开', '2 项任务', 3, 2],
      ['四、积极主动回应群众关切', '2 项任务', 3, 2],
      ['五、加强政务公开平台建设', '3 项任务', 3, 3],
      ['六、规范政府信息依申请公开办理工作', '3 项任务', 3, 3],
      ['七、强化政务公开监督保障', '3 项任务', 3, 3],
    ]);
    const first = symbols[0]!;
    assert.deepEqual(first.range, { start: pos(23, 2), end: pos(33, 95) });
    assert.deepEqual(first.selectionRange, { start: pos(23, 2), end: pos(23, 16) });
    assert.deepEqual(first.children!.map((c) => [c.name, c.detail, c.kind]), [
      ['1. 系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新', '牵头：办公室；配合：各有关处室、民服中心、省信息中心运维九部', 24],
      ['2. 及时完善更新厅网站发布的权责清单,依法公开工作职能、机构设置等信息', '分别牵头：审批处、人事处；配合：各有关处室、民服中心、省信息中心运维九部', 24],
      ['3. 全面优化政务服务办事流程,提高政务服务透明度便利度及时更新并公开政务服务办事方式、办事条件等信息', '牵头：审批处；配合：各有关处室、民服中心', 24],
      ['4. 积极推进政务公开重点工作标准化规范化试点工作', '分别负责：救助处、养老处', 24],
      ['5. 完善行政决策公众参与机制', '负责：各处室、民服中心', 24],
    ]);
    assert.deepEqual(first.children![0]!.range, { start: pos(25, 2), end: pos(25, 81) });
    assert.deepEqual(first.children![0]!.selectionRange, { start: pos(25, 2), end: pos(25, 52) });
    assert.equal(symbols[3]!.children![0]!.name, '11加强网站留言咨询8890平台答复工作,及时办理留言内容,确保按规定时限答复完毕');
    assert.equal(symbols.flatMap((s) => s.children ?? []).length, 21);
  });

  test('hover on a task marker: path, units by role, deadline', async () => {
    const h = await client.request<Hover>('textDocument/hover', { ...doc, position: pos(25, 2) });
    assert.deepEqual(h, {
      contents: { kind: 'markdown', value: '**一、1.** 系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新\n\n- 牵头：办公室\n- 配合：各有关处室、民服中心、省信息中心运维九部' },
      range: { start: pos(25, 2), end: pos(25, 52) },
    });
    const h4 = await client.request<Hover>('textDocument/hover', { ...doc, position: pos(31, 10) });
    assert.deepEqual(h4.contents, { kind: 'markdown', value: '**一、4.** 积极推进政务公开重点工作标准化规范化试点工作\n\n- 分别负责：救助处、养老处\n- 时限：8月底前（2020-08-31）' });
    const h5 = await client.request<Hover>('textDocument/hover', { ...doc, position: pos(33, 3) });
    assert.deepEqual(h5.contents, { kind: 'markdown', value: '**一、5.** 完善行政决策公众参与机制\n\n- 负责：各处室、民服中心（按职责分工负责）' });
    const section = await client.request<Hover>('textDocument/hover', { ...doc, position: pos(23, 2) });
    assert.deepEqual(section.contents, { kind: 'markdown', value: '**一、** 推进政策制度履职依据公开\n\n5 项任务' });
    // body text is no heading: nothing to say
    assert.equal(await client.request('textDocument/hover', { ...doc, position: pos(31, 40) }), null);
  });

  test('hover on the title: the genre fengong read and why', async () => {
    const h = await client.request<Hover>('textDocument/hover', { ...doc, position: pos(0, 5) });
    assert.deepEqual(h, {
      contents: { kind: 'markdown', value: '**工作计划类（分解任务）**\n\n- 标题文种为“任务分工”\n\n21 项任务' },
      range: { start: pos(0, 0), end: pos(0, 31) },
    });
  });

  test('hover on a unit name: every task it appears in, by role, with counts', async () => {
    const h = await client.request<Hover>('textDocument/hover', { ...doc, position: pos(25, 54) });
    assert.deepEqual(h.range, { start: pos(25, 53), end: pos(25, 56) });
    assert.equal((h.contents as { value: string }).value, [
      '**办公室**：共 9 项任务',
      '',
      '牵头（8）：',
      '- 一、1 系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,…（第 26 行）',
      '- 三、9 密切关注新冠肺炎疫情防控常态化下有关舆情动态,以权威信息引导…（第 46 行）',
      '- 三、10 依法公开民政领域不涉及秘密和敏感信息的突发事件应急预案,加强…（第 48 行）',
      '- 五、13 按照省政府办公厅统一要求,调整规范网站政府信息公开专栏设置（第 58 行）',
      '- 六、16 认真落实政务信息公开申请办理制度,及时规范更新政府信息公开申…（第 66 行）',
      '- 七、19 发挥政务公开领导小组作用,加强日常统筹指导及监督,协调解决存…（第 74 行）',
      '- 七、20 积极组织参加民政部、省政府办公厅信息公开工作培训（第 76 行）',
      '- 七、21 加强政府信息公开年度报告工作,做好政务公开第三方评估迎检准备…（第 78 行）',
      '',
      '负责（1）：',
      '- 五、15 强化网络安全责任,抓好网站和政务新媒体安全防护（第 62 行）',
    ].join('\n'));
  });

  test('hover on a bracket with a pair problem: where its partner should be', async () => {
    const h = await client.request<Hover>('textDocument/hover', { ...doc, position: pos(53, 27) });
    assert.deepEqual(h, {
      contents: { kind: 'markdown', value: '**“(”** 第 54 行第 28 列\n\n“(”在本段内没有对应的“)”；应在第 54 行第 43 列补上“)”' },
      range: { start: pos(53, 27), end: pos(53, 28) },
    });
    const doc8 = await client.request<Hover>('textDocument/hover', { ...doc, position: pos(7, 4) });
    assert.equal((doc8.contents as { value: string }).value, '**“〔”** 第 8 行第 5 列\n\n“〔”在本段内没有对应的“〕”；应在第 8 行第 13 列补上“〕”');
  });

  test('code actions: one quick fix per diagnostic, and fix-all', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { ...doc, range: { start: pos(51, 2), end: pos(51, 2) }, context: { diagnostics: [] } });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false, a.diagnostics?.map((d) => d.code) ?? []]), [
      ['插入“.”', 'quickfix', true, ['numbering-format']],
      ['修复全部 fengong 问题', 'quickfix', false, []],
      ['修复全部 fengong 问题', 'source.fixAll.fengong', false, []],
    ]);
    const fixed = applyEdit(plan.text, actions[0]!.edit!, uri);
    const line51 = plan.text.split('\n')[51]!;
    assert.ok(line51.startsWith('  11加强网站留言'));
    assert.equal(fixed, plan.text.replace(line51, line51.slice(0, 4) + '.' + line51.slice(4)));
    assert.deepEqual(actions[0]!.edit, { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: { start: pos(51, 4), end: pos(51, 4) }, newText: '.' }] }] });

    // a problem whose fix needs a person's eye: offered, never preferred
    const glued = await client.request<CodeAction[]>('textDocument/codeAction', { ...doc, range: { start: pos(29, 60), end: pos(29, 60) }, context: { diagnostics: [] } });
    assert.deepEqual(glued.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [['为责任单位加括号', 'quickfix', false], ['修复全部 fengong 问题', 'source.fixAll.fengong', false]]);
    const line29 = plan.text.split('\n')[29]!;
    assert.equal(applyEdit(plan.text, glued[0]!.edit!, uri),
      plan.text.replace(line29, line29.replace('信息审批处牵头,各有关处室、民服中心配合', '信息（审批处牵头,各有关处室、民服中心配合）')));

    // fix-all writes exactly what `fengong check --fix` writes
    const only = await client.request<CodeAction[]>('textDocument/codeAction', { ...doc, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(only.map((a) => [a.title, a.kind]), [['修复全部 fengong 问题', 'source.fixAll.fengong']]);
    const copy = corpusCopy();
    spawnSync(process.execPath, [join(ROOT, 'bin/fengong.cjs'), 'check', '--fix', copy.file], { encoding: 'utf8' });
    const cliFixed = readFileSync(copy.file, 'utf8');
    assert.notEqual(cliFixed, plan.text);
    assert.equal(applyEdit(plan.text, only[0]!.edit!, uri), cliFixed);
    // as small edits, not one rewrite of the file
    const edits = (only[0]!.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
    assert.equal(edits.length, 17);
    assert.deepEqual(edits.slice(0, 2), [
      { range: { start: pos(25, 53), end: pos(25, 53) }, newText: '（' },
      { range: { start: pos(25, 81), end: pos(25, 81) }, newText: '）' },
    ]);
  });

  test('folding ranges per item, selection ranges item → parent, highlights of one unit', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', doc);
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[23, 33], [35, 41], [43, 47], [49, 53], [55, 61], [63, 69], [71, 77]]);
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', { ...doc, positions: [pos(25, 54)] });
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) chain.push(`${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
    // 办公室 → unit clause → task 1. (its heading line is all of it) → section 一、 → document (no final newline)
    assert.deepEqual(chain, ['25:53-25:56', '25:53-25:81', '25:2-25:81', '23:2-33:95', '0:0-77:70']);
    const hl = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { ...doc, position: pos(25, 54) });
    assert.equal(hl.length, 9);
    assert.deepEqual(hl[0], { range: { start: pos(25, 53), end: pos(25, 56) }, kind: 1 });
    assert.ok(hl.every((h) => plan.text.split('\n')[h.range.start.line]!.slice(h.range.start.character, h.range.end.character) === '办公室'));
  });

  test('fengong/taskTable and fengong/exportTaskTable', async () => {
    const table = await client.request<{ units: { name: string; tasks: { path: string; title: string; role: string; range: unknown }[] }[] }>('fengong/taskTable', { uri });
    const summary = table.units.map((u) => [u.name, u.tasks.map((t) => `${t.role[0]}${t.path}`).join(' ')]);
    assert.deepEqual(summary, [
      ['办公室', 'l一、1 l三、9 l三、10 l五、13 l六、16 l七、19 l七、20 l七、21 r五、15'],
      ['各有关处室', 'c一、1 c一、2 c一、3'],
      ['民服中心', 'r一、5 r二、6 r二、7 r二、8 r四、11 r四、12 r五、14 r六、17 r六、18 r七、19 r七、21 c一、1 c一、2 c一、3 c三、9 c三、10 c五、13 c六、16 c七、20'],
      ['省信息中心运维九部', 'l五、13 r四、11 r五、15 r七、21 c一、1 c一、2'],
      ['审批处', 'l一、2 l一、3'],
      ['人事处', 'l一、2'],
      ['救助处', 'r一、4'],
      ['养老处', 'r一、4'],
      ['各处室', 'r一、5 r二、6 r二、7 r二、8 r四、11 r六、17 r六、18 r七、19 c五、13'],
      ['处室', 'r四、12 r五、14 r七、21 c三、9 c三、10 c六、16 c七、20'],
    ]);
    assert.deepEqual(table.units[0]!.tasks[0], {
      path: '一、1', title: '系统梳理我厅制发的规范性文件,按照放管服改革要求及时立改废,通过网站集中统一对外公开并动态更新', role: 'lead',
      range: { start: pos(25, 2), end: pos(25, 52) },
    });
    const md = await client.request<{ contentBase64: string }>('fengong/exportTaskTable', { uri, format: 'md', by: 'unit' });
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin/fengong.cjs'), 'table', '--by', 'unit', '--format', 'md', plan.file], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(Buffer.from(md.contentBase64, 'base64').toString('utf8'), cli.stdout);
    const xlsx = await client.request<{ contentBase64: string }>('fengong/exportTaskTable', { uri, format: 'xlsx', by: 'task' });
    assert.equal(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString('latin1'), 'PK');
    await assert.rejects(client.request('fengong/exportTaskTable', { uri, format: 'pdf', by: 'task' }), (e: { code: number; message: string }) => e.code === -32602 && e.message.includes('pdf'));
  });

  test('an incremental edit sequence: diagnostics follow each version, as for the same text on disk', async () => {
    const edited = corpusCopy();
    const u = edited.uri + '?edits'; // a second document, so the shared one stays as it was
    await client.open(u, edited.text, 1);
    await client.diagnosticsFor(u, 1);
    let td = TextDocument.create(u, 'workplan', 1, edited.text);
    const steps: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[][] = [
      [{ range: { start: pos(51, 4), end: pos(51, 4) }, text: '.' }], // 11 → 11.
      [{ range: { start: pos(53, 4), end: pos(53, 4) }, text: '.' }, { range: { start: pos(25, 53), end: pos(25, 53) }, text: '（' }],
      [{ range: { start: pos(27, 2), end: pos(29, 0) }, text: '' }], // delete task 2 and its blank line
      [{ range: { start: pos(5, 0), end: pos(5, 0) }, text: '😀行首插入\n' }], // a surrogate pair and a new line
      [{ range: { start: pos(7, 0), end: pos(7, 3) }, text: '' }],
    ];
    let version = 1;
    for (const changes of steps) {
      version++;
      td = TextDocument.create(u, 'workplan', version, TextDocument.applyEdits(td, changes.map((c) => ({ range: c.range, newText: c.text }))));
      await client.change(u, version, changes);
    }
    const final = await client.diagnosticsFor(u, version);
    writeFileSync(edited.file, td.getText());
    assert.deepEqual(final.diagnostics.map(asCli), cliDiagnostics(edited.file).map(cliShape));
    // never an older version after a newer one
    const versions = client.diagnostics.get(u)!.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    await client.close(u);
  });

  test('fengong/planChanged comes once typing pauses, not with each keystroke\'s diagnostics', async () => {
    const typed = corpusCopy();
    const u = typed.uri + '?typed';
    const count = () => client.planChanged.filter((x) => x === u).length;
    await client.open(u, typed.text, 1);
    await client.diagnosticsFor(u, 1);
    await client.until(() => count() === 1, 'planChanged after the open');
    // five keystrokes, each answered with diagnostics before the next: no planChanged in between
    // (the notification waits PLAN_CHANGED_QUIET_MS after the last lint; a timer fires late, never early)
    for (let v = 2; v <= 6; v++) {
      await client.change(u, v, [{ range: { start: pos(25, 4), end: pos(25, 4) }, text: '一' }]);
      await client.diagnosticsFor(u, v);
      assert.equal(count(), 1, `no planChanged with the diagnostics of version ${v}`);
    }
    await client.until(() => count() === 2, 'planChanged once typing paused');
    await new Promise((r) => setTimeout(r, PLAN_CHANGED_QUIET_MS * 2));
    assert.equal(count(), 2, 'one for the five keystrokes');
    await client.close(u);
  });

  test('a request for a closed or unknown document: empty answers and a clean error', async () => {
    const other = corpusCopy();
    await client.open(other.uri, other.text);
    await client.diagnosticsFor(other.uri, 1);
    await client.close(other.uri);
    const cleared = await client.nextDiagnostics(other.uri, (p) => p.diagnostics.length === 0).catch(() => undefined);
    assert.deepEqual(client.diagnostics.get(other.uri)!.at(-1)!.diagnostics, []);
    void cleared;
    const d = { textDocument: { uri: other.uri } };
    assert.equal(await client.request('textDocument/hover', { ...d, position: pos(25, 2) }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', d), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { ...d, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [] } }), []);
    await assert.rejects(client.request('fengong/taskTable', { uri: other.uri }), (e: { code: number }) => e.code === -32602);
    await assert.rejects(client.request('fengong/taskTable', {}), (e: { code: number }) => e.code === -32602);
    // the open document still answers
    assert.equal((await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc)).length, 7);
  });
});

describe('language server: client locale, lazy fix-all', () => {
  test('an English client gets English messages, as `fengong check --locale en`', async () => {
    const { client } = await LspClient.start({ initializationOptions: { locale: 'en-US' } });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      const d = await client.diagnosticsFor(p.uri, 1);
      assert.deepEqual(d.diagnostics.map(asCli), cliDiagnostics(p.file, ['--locale', 'en']).map(cliShape));
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: p.uri }, position: pos(31, 3) });
      assert.equal((h.contents as { value: string }).value, '**一、4.** 积极推进政务公开重点工作标准化规范化试点工作\n\n- responsible (each): 救助处, 养老处\n- deadline: 8月底前 (2020-08-31)');
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  test('fengong.locale overrides the client language', async () => {
    const { client } = await LspClient.start({ locale: 'en', settings: { locale: 'zh' } });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      const d = await client.diagnosticsFor(p.uri, 1);
      assert.equal(d.diagnostics[0]!.message, '“〔”在本段内没有对应的“〕”');
    } finally {
      await client.shutdown();
    }
  });

  test('a client that resolves code actions gets fix-all without its edit until it asks', async () => {
    const caps = structuredClone(DEFAULT_CAPABILITIES);
    caps.textDocument!.codeAction!.resolveSupport = { properties: ['edit'] };
    const { client } = await LspClient.start({ capabilities: caps, locale: 'zh' });
    try {
      const p = corpusCopy();
      await client.open(p.uri, p.text);
      await client.diagnosticsFor(p.uri, 1);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: p.uri }, range: { start: pos(0, 0), end: pos(0, 0) }, context: { diagnostics: [], only: ['source.fixAll.fengong'] } });
      assert.equal(actions.length, 1);
      assert.equal(actions[0]!.edit, undefined);
      const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
      const copy = corpusCopy();
      spawnSync(process.execPath, [join(ROOT, 'bin/fengong.cjs'), 'check', '--fix', copy.file]);
      assert.equal(applyEdit(p.text, resolved.edit!, p.uri), readFileSync(copy.file, 'utf8'));
      // once the document moved on, the old action resolves to nothing rather than a wrong edit
      await client.change(p.uri, 2, [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: '\n' }]);
      const stale = await client.request<CodeAction>('codeAction/resolve', actions[0]);
      assert.equal(stale.edit, undefined);
    } finally {
      await client.shutdown();
    }
  });
});

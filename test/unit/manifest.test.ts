// The extension manifest (package.json `contributes`) against the files and code it names: every
// %placeholder% translated in both languages, every command declared and registered, every path
// present, and the file-name patterns matching the plans people actually have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const pkg = JSON.parse(read('package.json'));
const c = pkg.contributes;
const nlsEn: Record<string, string> = JSON.parse(read('package.nls.json'));
const nlsZh: Record<string, string> = JSON.parse(read('package.nls.zh-cn.json'));

test('manifest: every %key% is translated in English and Chinese, and nothing else is', () => {
  const keys = new Set([...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
  assert.ok(keys.size >= 20);
  assert.deepEqual(Object.keys(nlsEn).sort(), [...keys].sort());
  assert.deepEqual(Object.keys(nlsZh).sort(), [...keys].sort());
  assert.equal(nlsZh['view.taskTable'], '任务分工');
  assert.equal(nlsZh['command.exportTaskTable'], '导出任务分工表…');
  // the language names stay in their own language in both lists
  for (const [k, v] of Object.entries(nlsZh)) if (k !== 'config.locale.en') assert.match(v, /\p{Script=Han}/u, `${k} is Chinese`);
});

test('manifest: commands are declared, used by menus, and registered by the client', () => {
  const declared = c.commands.map((x: { command: string }) => x.command).sort();
  assert.deepEqual(declared, ['fengong.exportTaskTable', 'fengong.fixAll', 'fengong.openWordPlan', 'fengong.previewTaskTable', 'fengong.refreshTaskTable', 'fengong.restartServer', 'fengong.treatAsPlan']);
  for (const [menu, items] of Object.entries(c.menus) as [string, { command: string }[]][]) {
    for (const it of items) assert.ok(declared.includes(it.command), `${menu} uses undeclared ${it.command}`);
  }
  const client = read('client/src/extension.ts');
  const registered = [...client.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);
  for (const cmd of declared) assert.ok(registered.includes(cmd), `${cmd} is not registered`);
  assert.ok(registered.includes('fengong.revealTask'), 'the tree items\' command');
  assert.ok(client.includes("createTreeView('fengong.taskTable'"));
  assert.deepEqual(c.views.explorer.map((v: { id: string }) => v.id), ['fengong.taskTable']);
});

test('manifest: language, grammar, configuration and schema files exist and agree', () => {
  const [lang] = c.languages;
  assert.equal(lang.id, 'workplan');
  assert.deepEqual(lang.aliases.slice(0, 3), ['工作计划', '任务分工', 'workplan']);
  assert.deepEqual(lang.extensions, ['.plan', '.plan.txt']);
  JSON.parse(read(lang.configuration));
  const [g] = c.grammars;
  assert.equal(g.language, 'workplan');
  assert.equal(JSON.parse(read(g.path)).scopeName, g.scopeName);
  assert.deepEqual(c.jsonValidation, [{ fileMatch: '.fengongrc.json', url: './schemas/fengong.schema.json' }]);
  assert.ok(existsSync(join(root, 'schemas', 'fengong.schema.json')));
  assert.ok(existsSync(join(root, pkg.icon)));
  assert.equal(pkg.main, './dist/client.cjs');
  assert.deepEqual(pkg.activationEvents, ['onLanguage:workplan', 'onLanguage:plaintext', 'onCustomEditor:fengong.wordPlan', 'onFileSystem:fengong-word']);
  // a .docx, .doc, .wps or .xlsx opened in VS Code goes to fengong's text view of it (client/src/extension.ts registers it)
  assert.deepEqual(c.customEditors.map((e: { viewType: string; selector: { filenamePattern: string }[] }) => [e.viewType, e.selector.map((s) => s.filenamePattern)]), [['fengong.wordPlan', ['*.docx', '*.doc', '*.wps', '*.xlsx', '*.xlsm']]]);
  assert.ok(read('client/src/extension.ts').includes("registerCustomEditorProvider('fengong.wordPlan'"));
  assert.deepEqual(c.configurationDefaults['[workplan]'], {
    'editor.unicodeHighlight.ambiguousCharacters': false,
    'editor.unicodeHighlight.invisibleCharacters': false,
    'editor.wordWrap': 'on',
  });
  const props = c.configuration.properties;
  assert.deepEqual(Object.keys(props).sort(), ['fengong.documentKind', 'fengong.enable', 'fengong.locale', 'fengong.plainTextAsPlan', 'fengong.rules', 'fengong.trace.server']);
  assert.deepEqual(props['fengong.locale'].enum, ['auto', 'zh', 'en']);
  assert.deepEqual(props['fengong.rules'].additionalProperties.enum, ['error', 'warning', 'info', 'off']);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
});

test('manifest: engines.vscode runs in VS Code 1.91–1.100 and matches @types/vscode', () => {
  assert.equal(pkg.engines.vscode, '^1.91.0');
  const types = JSON.parse(read('node_modules/@types/vscode/package.json')).version as string;
  const minor = (v: string) => Number(v.replace(/^\^/, '').split('.')[1]);
  assert.ok(minor(types) <= minor(pkg.engines.vscode), `@types/vscode ${types} is newer than engines.vscode`);
});

test('manifest: file-name patterns match named plans and leave other .txt files alone', () => {
  const isPlan = (name: string) =>
    c.languages[0].filenamePatterns.some((p: string) => picomatch.isMatch(name, p)) ||
    c.languages[0].extensions.some((e: string) => name.endsWith(e));
  for (const name of ['省民政厅2020年政务公开工作要点.txt', '2022年政务公开任务分工.txt', '开云县政务公开工作方案.txt',
    '关于印发实施方案的通知.txt', '重点任务分解.txt', '民政部2022年政務公開工作要點.txt', 'draft.plan', 'draft.plan.txt']) {
    assert.ok(isPlan(name), name);
  }
  for (const name of ['notes.txt', '2017年度政府信息公开工作报告.txt', 'README.md', '工作要点.docx']) assert.ok(!isPlan(name), name);
});

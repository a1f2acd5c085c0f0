// ARCHITECTURE.md's "Adding a rule", done for real: a scratch copy of the sources gets one new rule
// file, its line in the registry and its two fixture plans — nothing else — and the rule is then in
// `fengong rules`, the config schema, the message table, docs/rules.md and the language server's
// diagnostics (a real server process started from the copy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, ROOT } from '../lsp/client.js';

const RULE = `// no-tab: a tab character in a plan (pasted from a spreadsheet) is written as a space.
import type { Rule, RuleContext, RuleMeta } from '../types.js';
import { fix } from './util.js';

export const meta = {
  id: 'no-tab',
  description: { zh: '正文中不用制表符', en: 'No tab characters in the text' },
  defaultSeverity: 'warning',
  fixable: true,
  docs: 'no-tab',
  details: '从表格粘贴的文字常带制表符。 Text pasted from a spreadsheet often carries tabs.',
  messages: {
    tab: { zh: '此处有制表符，应为空格', en: 'A tab character: write a space' },
  },
} satisfies RuleMeta;

type MessageId = keyof typeof meta.messages;

export function check(ctx: RuleContext<MessageId>): void {
  for (let i = ctx.plan.text.indexOf('\\t'); i >= 0; i = ctx.plan.text.indexOf('\\t', i + 1)) {
    const span = { start: i, end: i + 1 };
    ctx.report({ messageId: 'tab', data: {}, span, fix: fix(ctx.locale, 'fix/replace', { text: ' ' }, [{ span, text: ' ' }]) });
  }
}

export default { meta, check } satisfies Rule<MessageId>;
`;
const VALID = '某某局2024年工作要点\n一、重点任务\n1.做好网站整合。（办公室负责）\n';
const INVALID = '某某局2024年工作要点\n一、重点任务\n1.做好网站整合。\t（办公室负责） {no-tab/tab@10}\n';

/** the sources, copied; then exactly the files adding a rule takes */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-add-rule-'));
  cpSync(join(ROOT, 'server', 'src'), join(dir, 'server', 'src'), { recursive: true });
  cpSync(join(ROOT, 'scripts', 'rule-docs.ts'), join(dir, 'scripts', 'rule-docs.ts'));
  cpSync(join(ROOT, 'test', 'fixtures'), join(dir, 'test', 'fixtures'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json')); // "type": "module", as the checkout
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // 1. the rule file
  writeFileSync(join(dir, 'server/src/engine/rules/no-tab.ts'), RULE);
  // 2. its line in the registry
  const index = join(dir, 'server/src/engine/rules/index.ts');
  const registry = readFileSync(index, 'utf8')
    .replace("import punctuationWidth from './punctuation-width.js';", "import punctuationWidth from './punctuation-width.js';\nimport noTab from './no-tab.js';")
    .replace('punctuationPair, punctuationWidth]', 'punctuationPair, punctuationWidth, noTab]');
  assert.match(registry, /noTab\]/, 'the registry lists the rule');
  writeFileSync(index, registry);
  // 3. its fixture plans: the tests and the docs' examples
  writeFileSync(join(dir, 'test/fixtures/rules/no-tab.valid.txt'), VALID);
  writeFileSync(join(dir, 'test/fixtures/rules/no-tab.invalid.txt'), INVALID);
  // what a server process started from the copy runs (tsx compiles the TypeScript)
  writeFileSync(join(dir, 'start-server.mjs'), "import { register } from 'tsx/esm/api';\nregister();\nawait import('./server/src/lsp/main.ts');\n");
  return dir;
}

const load = <T>(dir: string, file: string): Promise<T> => import(pathToFileURL(join(dir, file)).href) as Promise<T>;

test('adding a rule is its file, its registry line and its fixtures: rules, schema, messages, docs and server all have it', async () => {
  const dir = scratchCopy();
  try {
    const out: string[] = [];
    const io = { stdout: { write: (s: string | Uint8Array) => out.push(String(s)) }, stderr: { write: (s: string) => out.push(s) }, cwd: dir };
    // `fengong rules` (cli/main.ts would also run itself on import)
    const { runRules } = await load<typeof import('../../server/src/cli/rules.js')>(dir, 'server/src/cli/rules.ts');
    assert.equal(await runRules([], io), 0);
    assert.match(out.join(''), /^no-tab +警告 +✓ +正文中不用制表符$/m, '`fengong rules` lists it');

    const { configSchema } = await load<typeof import('../../server/src/config/schema.js')>(dir, 'server/src/config/schema.ts');
    const ruleProps = ((configSchema().properties as Record<string, { properties: Record<string, { description: string }> }>).rules).properties;
    assert.match(ruleProps['no-tab']!.description, /正文中不用制表符 — No tab characters in the text \(default: warning\)/, 'the schema takes its severity');

    const { MESSAGES } = await load<typeof import('../../server/src/engine/i18n/messages.js')>(dir, 'server/src/engine/i18n/messages.ts');
    assert.deepEqual(MESSAGES['no-tab/tab'], { zh: '此处有制表符，应为空格', en: 'A tab character: write a space' });

    const { rulesMarkdown } = await load<typeof import('../../scripts/rule-docs.js')>(dir, 'scripts/rule-docs.ts');
    const docs = rulesMarkdown(dir);
    assert.ok(docs.includes('| [`no-tab`](#no-tab) | warning | ✓ | 正文中不用制表符 | No tab characters in the text |'), 'the docs table');
    assert.ok(docs.includes('1.做好网站整合。\t（办公室负责）    ← no-tab/tab：此处有制表符，应为空格'), 'the failing example, from its fixture');

    const { lint } = await load<typeof import('../../server/src/engine/index.js')>(dir, 'server/src/engine/index.ts');
    assert.deepEqual(lint(INVALID.replace(' {no-tab/tab@10}', '')).diagnostics.filter((d) => d.ruleId === 'no-tab').map((d) => [d.messageKey, d.span.start]), [['no-tab/tab', 29]]);

    const { client } = await LspClient.start({ command: [join(dir, 'start-server.mjs'), '--stdio'], locale: 'zh', settings: {} });
    try {
      const uri = pathToFileURL(join(dir, 'plan.txt')).href;
      await client.open(uri, INVALID.replace(' {no-tab/tab@10}', ''));
      const published = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(published.diagnostics.filter((d) => d.code === 'no-tab').map((d) => [d.message, d.range.start, d.codeDescription?.href.endsWith('#no-tab')]),
        [['此处有制表符，应为空格', { line: 2, character: 9 }, true]]);
    } finally {
      await client.shutdown();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

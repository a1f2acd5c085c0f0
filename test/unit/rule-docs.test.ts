// docs/rules.md and the README's rules table are generated from the rules (scripts/rule-docs.ts);
// the committed copies must be what the generator writes, and every rule's section must carry its
// messages and the examples of its fixture plans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../../server/src/engine/index.js';
import { readmeWithRules, rulesMarkdown } from '../../scripts/rule-docs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const committed = (f: string) => readFileSync(`${ROOT}${f}`, 'utf8');

test('docs/rules.md is what scripts/build.mjs generates from the rules (run npm run build after changing a rule)', () => {
  assert.equal(committed('docs/rules.md'), rulesMarkdown(ROOT));
});

test('README.md\'s rules table is what scripts/build.mjs generates from the rules', () => {
  const readme = committed('README.md');
  assert.equal(readme, readmeWithRules(readme));
  for (const r of rules) assert.ok(readme.includes(`| [\`${r.meta.id}\`](docs/rules.md#${r.meta.docs}) | ${r.meta.defaultSeverity} |`), r.meta.id);
});

test('each rule\'s section: every message key, a failing and a passing example from its fixtures', () => {
  const md = rulesMarkdown(ROOT);
  for (const r of rules) {
    const start = md.indexOf(`\n## ${r.meta.id}\n`);
    assert.ok(start >= 0, r.meta.id);
    const section = md.slice(start, md.indexOf('\n## ', start + 1) >>> 0 || undefined);
    for (const id of Object.keys(r.meta.messages)) assert.ok(section.includes(`\`${r.meta.id}/${id}\``), `${r.meta.id}/${id}`);
    assert.ok(section.includes(`test/fixtures/rules/${r.meta.id}.invalid.txt`) && section.includes(`test/fixtures/rules/${r.meta.id}.valid.txt`), r.meta.id);
    assert.match(section, new RegExp(`← ${r.meta.id}/`), `${r.meta.id}: the failing example shows a finding`);
  }
});

test('a rule without fixture plans cannot be documented: the error names the file to add', () => {
  const r = rules[0]!;
  const id = r.meta.id;
  try {
    (r.meta as { id: string }).id = 'no-such-rule';
    assert.throws(() => rulesMarkdown(ROOT), /rule no-such-rule has no test\/fixtures\/rules\/no-such-rule\.invalid\.txt: add a plan that fails the rule/);
  } finally {
    (r.meta as { id: string }).id = id;
  }
});

// Every rule's fixture plans (test/fixtures/rules/<id>.valid.txt and .invalid.txt, the examples of
// docs/rules.md): the valid plan passes every rule; the invalid plan fails the rule exactly where its
// inline {rule/messageId@column} markers say — no more, no fewer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { lint, LineIndex, rules } from '../../server/src/engine/index.js';
import { ruleFixture, withRuleOn } from '../../scripts/rule-docs.js';
import { parseMarked } from '../fixtures/marked.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

for (const r of rules) {
  test(`${r.meta.id}: its valid fixture passes every rule`, () => {
    const { text } = ruleFixture(ROOT, r.meta.id, 'valid');
    assert.deepEqual(lint(text, withRuleOn(r)).diagnostics.map((d) => d.messageKey), []);
  });

  test(`${r.meta.id}: its invalid fixture fails exactly where the markers say, every message of the rule shown`, () => {
    const { text, expected } = ruleFixture(ROOT, r.meta.id, 'invalid');
    const lines = new LineIndex(text);
    const found = lint(text, withRuleOn(r)).diagnostics.filter((d) => d.ruleId === r.meta.id).map((d) => {
      const p = lines.positionAt(d.span.start);
      return { line: p.line + 1, column: p.character + 1, key: d.messageKey };
    });
    assert.ok(expected.length > 0 && expected.every((e) => e.column !== undefined), 'every marker names its column');
    assert.deepEqual(found, expected);
    const shown = new Set(expected.map((e) => e.key));
    const unshown = Object.keys(r.meta.messages).map((id) => `${r.meta.id}/${id}`).filter((k) => !shown.has(k));
    assert.deepEqual(unshown, EXEMPT[r.meta.id] ?? []);
  });
}

/** messages the fixture does not show, and why */
const EXEMPT: Record<string, string[]> = {
  // the label of a related location, not a finding; the others need \`units\` in the config (the
  // fixtures lint with the defaults) and are in test/table/unit-name.test.ts
  'unit-name': ['unit-name/alias', 'unit-name/unknown', 'unit-name/unknown-similar', 'unit-name/related'],
};

test('markers: several on a line, with and without a column, the text before them unchanged', () => {
  const { text, expected } = parseMarked('甲\n乙（ {punctuation-pair/unclosed@2}  {unit-clause/unclosed}\n丙 {a/b}\n');
  assert.equal(text, '甲\n乙（\n丙\n');
  assert.deepEqual(expected, [
    { line: 2, column: 2, key: 'punctuation-pair/unclosed' },
    { line: 2, key: 'unit-clause/unclosed' },
    { line: 3, key: 'a/b' },
  ]);
});
